"""Builds minimal documents from the project XSD, for the subset proof in test_schema.py.

minimal(name): the smallest element our XSD accepts; place(parent, child): a minimal document in which
`child` is a child of `parent`, accepted by our XSD by construction (each step is checked with xmlschema).
"""
from __future__ import annotations

import copy
from collections import deque

import xmlschema
from lxml import etree

TEI = "http://www.tei-c.org/ns/1.0"
REQUIRED_VALUES = {"ident": "en", "version": "1.0"}


class Instances:
    def __init__(self, xsd_path: str):
        self.schema = xmlschema.XMLSchema(xsd_path)
        self.decls = {d.local_name: d for d in self.schema.elements.values()}
        self._min: dict[str, etree._Element] = {}

    def children(self, name: str) -> list[str]:
        content = getattr(self.decls[name].type, "content", None)
        if content is None or not hasattr(content, "iter_elements"):
            return []
        return sorted({e.local_name for e in content.iter_elements()})

    def attributes(self, name: str) -> list[str]:
        return sorted(self.decls[name].attributes)

    def valid(self, el) -> bool:
        return self.decls[etree.QName(el).localname].is_valid(el)

    def minimal(self, name: str) -> etree._Element:
        if name not in self._min:
            el = etree.Element(f"{{{TEI}}}{name}", nsmap={None: TEI})
            for attr, decl in self.decls[name].attributes.items():
                if decl.use == "required":
                    el.set(attr, REQUIRED_VALUES.get(attr, "x"))
            content = getattr(self.decls[name].type, "content", None)
            if content is not None and hasattr(content, "model"):
                self._fill(el, content)
            self._min[name] = el
        return copy.deepcopy(self._min[name])

    def _fill(self, el, group) -> None:
        for _ in range(group.min_occurs):
            if group.model == "choice":
                particles = [p for p in group if getattr(p, "local_name", None) or hasattr(p, "model")]
                self._add(el, particles[0]) if particles else None
            else:
                for particle in group:
                    if particle.min_occurs >= 1:
                        self._add(el, particle)

    def _add(self, el, particle) -> None:
        if hasattr(particle, "model"):
            self._fill(el, particle)
        else:
            for _ in range(max(1, particle.min_occurs)):
                el.append(self.minimal(particle.local_name))

    def insert(self, parent, child) -> etree._Element | None:
        """`parent` with `child` added where our XSD accepts it (replacing a same-named child first)."""
        for i, existing in enumerate(parent):
            if etree.QName(existing).localname == etree.QName(child).localname:
                candidate = copy.deepcopy(parent)
                candidate[i] = copy.deepcopy(child)
                if self.valid(candidate):
                    return candidate
        for pos in range(len(parent) + 1):
            candidate = copy.deepcopy(parent)
            candidate.insert(pos, copy.deepcopy(child))
            if self.valid(candidate):
                return candidate
        return None

    def chain(self, target: str) -> list[str]:
        """Shortest path of element names from TEI down to `target`."""
        seen, queue = {"TEI": None}, deque(["TEI"])
        while queue:
            name = queue.popleft()
            if name == target:
                break
            for child in self.children(name):
                if child not in seen:
                    seen[child] = name
                    queue.append(child)
        path, name = [], target
        while name is not None:
            path.append(name)
            name = seen.get(name)
        return list(reversed(path))

    def document(self, element: etree._Element) -> etree._Element | None:
        """A minimal TEI document containing `element` where the path from TEI allows it."""
        path = self.chain(etree.QName(element).localname)
        node = element
        for ancestor in reversed(path[:-1]):
            node = self.insert(self.minimal(ancestor), node)
            if node is None:
                return None
        return node
