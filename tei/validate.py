"""The validation gate: well-formed (hardened parser) -> TEI root -> grammar (our XSD via xmlschema, or a
TEI P5 RELAX NG, or a schema file) -> content rules (ISO Schematron) -> problems, one line each.

`validate --schema tei-all` runs jing (Java) when it is installed: it reads the 1 MB tei_all grammar in well
under a second where libxml2 compiles it for 6-12 s. Files go to jing only after our hardened parse accepted
them (no DOCTYPE, so nothing for Java's parser to fetch) and when they hold no XInclude (Debian's jing would
process it); those, trees validated in memory (build, render) and machines without Java use libxml2.

Schemas are compiled once per run; files can be validated in parallel processes (forked after compiling).
"""
from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from lxml import etree

from . import resources, xmlio
from .errors import InputError, InvalidDocument, UsageError

TEI_NS = xmlio.TEI_NS
TEI_ALL_ENV = "TEI_EDITION_TEI_ALL"
SVRL = "{http://purl.oclc.org/dsdl/svrl}"
MAX_PROBLEMS = 100   # per file and engine; then one "and more" line
JING_RUNS = 8   # trees a process gives jing one by one before compiling libxml2's tei_all (Validator.file_tree)
ENGINE_ENV = "TEI_EDITION_RNG_ENGINE"   # tei-all engine: jing (when installed; the default) or libxml2


@dataclass
class Problem:
    path: str
    line: int
    column: int
    message: str
    rule: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message} [{self.rule}]"


@dataclass
class FileResult:
    path: str
    problems: list[Problem] = field(default_factory=list)
    engine: str = ""   # for a RELAX NG grammar: the engine that checked it (jing or libxml2)

    @property
    def valid(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


class Validator:
    """Compiled once: a grammar (xmlschema XSD, lxml RELAX NG or lxml XSD) and the Schematron rules."""

    def __init__(self, schema: str = "project", rules: bool | None = None):
        self.schema = schema
        if schema == "project":
            # libxml2 compiles our XSD in 0.1 s, xmlschema in ~3 s: xmlschema is compiled only when a file fails
            # (for its clearer messages), so `convert`, `build` and valid files never pay for it.
            self.kind, self._compiled = "xmlschema", None
            self._xsd = resources.schemas_dir() / "tei-edition.xsd"
            self.fast = _fast_xsd_file(self._xsd)
        elif schema == "tei-all" and jing_command():
            self.kind, self._compiled = "jing", None   # libxml2's grammar compiled only if a tree needs it
            self.rng = _tei_all_path()
            self.fast = None
        else:
            self.kind, self._compiled = _load_grammar(schema)
            self.fast = _fast_xsd(self._compiled) if self.kind == "xmlschema" else None
        use_rules = rules if rules is not None else schema == "project"
        self.use_rules = use_rules
        self._rules = None   # Schematron, compiled when a file needs it (rules_hold answers for valid files)
        self.links: set = set()   # symbolic links found inside folders: reported, never read
        self._jing_runs = 0        # trees checked by jing one at a time (file_tree)

    @property
    def rules(self):
        if self._rules is None and self.use_rules:
            self._rules = _load_rules()
        return self._rules

    @property
    def grammar(self):
        if self._compiled is None:
            self._compiled = _load_grammar(self.schema)[1] if self.kind == "jing" else _xmlschema(self._xsd)
        return self._compiled

    @property
    def engine(self) -> str:
        return {"jing": "jing", "lxml": "libxml2"}.get(self.kind, "")

    def validate_files(self, files: list) -> list[FileResult]:
        """Many files at once: with jing, one Java run for all of them (its start-up paid once)."""
        if self.kind != "jing":
            return [self.validate_file(f) for f in files]
        results: dict[str, FileResult] = {}
        for_jing: dict[str, object] = {}
        for f in files:
            path = str(f)
            tree = None
            if path not in self.links:
                try:
                    tree = xmlio.parse_file(path)
                except InputError:
                    pass
            if tree is None or not _jing_can_read(tree):   # refused by our parser, not TEI, XInclude: not for jing
                results[path] = self.validate_file(path) if tree is None else self._libxml2(tree, path)
            else:
                for_jing[path] = tree
        results.update(_run_jing(self.rng, for_jing))
        for path, tree in for_jing.items():
            if path not in results:   # jing failed as a program (not on the file): libxml2 decides
                results[path] = self._libxml2(tree, path)
        return [results[str(f)] for f in files]

    def _libxml2(self, tree, path: str) -> FileResult:
        result = self.validate_tree(tree, path)
        result.engine = "libxml2"
        return result

    def validate_file(self, path: str | Path) -> FileResult:
        if str(path) in self.links:
            return FileResult(str(path), [Problem(str(path), 1, 1, "a symbolic link inside a folder; not followed, "
                                                  "not validated (give the file itself)", "symlink", "warning")])
        path = str(path)
        try:
            tree = xmlio.parse_file(path)
        except InputError as err:
            return FileResult(path, [Problem(path, err.line or 1, 1, err.message, "well-formed")])
        return self.validate_tree(tree, path)

    def file_tree(self, tree, path) -> FileResult:
        """A tree parsed from the file at `path` (the gate of render and build). With jing, the first JING_RUNS
        of a process go to jing, one Java run on the file each (about a second), instead of libxml2 compiling
        tei_all (6-12 s): `render` of another project's TEI with $TEI_EDITION_TEI_ALL set is then that much
        faster. Past them (a build of many such files) libxml2, compiled once, is the faster one per file."""
        path = str(path)
        if (self.kind == "jing" and self._compiled is None and self._jing_runs < JING_RUNS
                and Path(path).is_file() and _jing_can_read(tree)):
            self._jing_runs += 1
            found = _run_jing(self.rng, {path: tree})
            if path in found:
                return found[path]
        return self.validate_tree(tree, path)

    def validate_tree(self, tree, path: str) -> FileResult:
        """Validate a parsed tree (build validates in memory, before anything is written)."""
        result = FileResult(path)
        root = tree.getroot()
        if root.tag not in (f"{{{TEI_NS}}}TEI", f"{{{TEI_NS}}}teiCorpus"):
            result.problems.append(Problem(
                path, root.sourceline or 1, 1,
                f"not a TEI document: the root element is {_name(root.tag)}, expected TEI in the namespace "
                f"{TEI_NS}", "tei-root"))
            return result
        result.problems.extend(self._grammar(tree, path))
        if self.use_rules:
            result.problems.extend(self._rule_problems(tree, path))
        result.problems.sort(key=lambda p: (p.line, p.column, p.rule))
        result.engine = "libxml2" if self.kind in ("lxml", "jing") else ""
        return result

    def _grammar(self, tree, path: str) -> list[Problem]:
        if self.kind == "xmlschema":
            # libxml2 checks the same XSD ~20x faster; xmlschema runs only on failures, for its clearer messages.
            if self.fast is not None and self.fast.validate(tree):
                return []
            try:
                problems = _bounded(path, (_xmlschema_problem(err, path) for err in self.grammar.iter_errors(
                    _instance(tree))))
            except Exception as err:  # noqa: BLE001 - an engine failure is this file's problem, not the run's
                problems = [Problem(path, 1, 1, f"the schema validator failed on this file: {err}", "schema")]
            if not problems and self.fast is not None:  # the engines disagree: report libxml2's view
                problems = _bounded(path, (Problem(path, e.line, e.column, _lxml_message(e.message), "schema")
                                           for e in self.fast.error_log))
            return problems
        ok = self.grammar.validate(tree)
        if ok:
            return []
        rule = "tei-all" if self.schema == "tei-all" else Path(self.schema).name
        return _bounded(path, (Problem(path, e.line, e.column, _lxml_message(e.message), rule)
                               for e in self.grammar.error_log))

    def _rule_problems(self, tree, path: str) -> list[Problem]:
        # One Python pass answers "all rules hold" for nearly every file; Schematron (the rules' definition,
        # and their messages) runs only when it cannot say so.
        if rules_hold(tree.getroot()) or self.rules.validate(tree):
            return []
        out = []
        for fa in self.rules.validation_report.iter(f"{SVRL}failed-assert"):
            if len(out) == MAX_PROBLEMS:
                out.append(_more(path, "rule", out[-1]))
                break
            text = " ".join("".join(fa.find(f"{SVRL}text").itertext()).split())
            nodes = tree.xpath(fa.get("location")) if fa.get("location") else []
            node = nodes[0] if nodes else None
            if node is not None and not hasattr(node, "sourceline"):  # an attribute: its element's line
                node = node.getparent()
            line = getattr(node, "sourceline", None) or 1
            out.append(Problem(path, line or 1, 1, text, fa.get("id") or "rule"))
        return out


_T = f"{{{TEI_NS}}}"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XML_SPACE = " \t\n\r"   # XPath's normalize-space and str:tokenize strip these, not Python's wider whitespace


def rules_hold(root) -> bool:
    """True only when every assert of schemas/tei-edition.sch holds, in one pass over the tree (Schematron
    compiled to XSLT walks it once per pattern: ~4 ms of a seed-sized build's 80). False means "ask Schematron",
    not "invalid": where a case is unusual (duplicate ids, odd whitespace) this answers False and Schematron
    decides. tests/test_schema.py checks the two agree, rule by rule."""
    ids: dict[str, object] = {}
    participants, languages = set(), set()
    who_values, changes, lang_values = [], [], []
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        attrib = el.attrib
        if attrib:
            ident = attrib.get(_XML_ID)
            if ident is not None:
                if ident in ids:
                    return False                                       # id-unique
                ids[ident] = el
            who = attrib.get("who")
            if who is not None:
                if tag == _T + "change":
                    changes.append(el)
                else:
                    who_values.append(who)
            lang = attrib.get(_XML_LANG)
            if lang is not None:
                lang_values.append(lang)
        if tag == _T + "gap":
            if not (el.get("reason") or "").strip(_XML_SPACE):
                return False                                           # gap-reason
        elif tag == _T + "sp":
            if el.find(_T + "speaker") is None and (el.get("resp") is None or el.get("cert") is None):
                return False                                           # sp-attributed
        elif tag in (_T + "person", _T + "personGrp"):
            if el.get(_XML_ID) is not None and any(a.tag == _T + "particDesc" for a in el.iterancestors()):
                participants.add("#" + el.get(_XML_ID))
        elif tag == _T + "language":
            parent = el.getparent()
            if parent is not None and parent.tag == _T + "langUsage" and el.get("ident") is not None:
                languages.add(el.get("ident"))
    for who in who_values:                                             # who-declared, who-declared-all
        tokens = _tokens(who)
        if not tokens or any(t not in participants for t in tokens):
            return False
    for change in changes:                                             # change-who
        parent = change.getparent()
        if parent is None or parent.tag != _T + "revisionDesc":
            continue
        target = ids.get(" ".join(_tokens(change.get("who"))).partition("#")[2])
        if target is None or target.tag not in (_T + "editor", _T + "respStmt"):
            return False
    if any(lang not in languages for lang in lang_values):             # lang-declared
        return False
    return _dates_agree(root)


def _tokens(value: str) -> list[str]:
    """str:tokenize(value, ' &#9;&#10;&#13;'); joined by one space, normalize-space(value)."""
    return [t for t in value.translate(_TO_SPACE).split(" ") if t]


_TO_SPACE = str.maketrans("\t\n\r", "   ")


def _dates_agree(root) -> bool:
    """date-agrees and setting-date-agrees (their XPaths, run once)."""
    ns = {"t": TEI_NS}
    printed = root.xpath("/t:TEI/t:text/t:front/t:docDate/@when", namespaces=ns)
    for date in root.xpath("//t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl/t:date[@when][not(@type)]", namespaces=ns):
        if printed and date.get("when") not in printed and date.get("resp") is None:
            return False
    source = root.xpath("/t:TEI/t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl/t:date[@when][not(@type)]/@when",
                        namespaces=ns)
    for date in root.xpath("//t:profileDesc/t:settingDesc/t:setting/t:date[@when]", namespaces=ns):
        if source and date.get("when") not in source:
            return False
    return True


def _bounded(path: str, problems) -> list[Problem]:
    """At most MAX_PROBLEMS of an engine's problems: collecting all of them costs more than they help (xmlschema
    took 53 s for 40,000 errors), and the first ones are what a person fixes first."""
    out = []
    for problem in problems:
        if len(out) == MAX_PROBLEMS:
            out.append(_more(path, problem.rule, out[-1]))
            break
        out.append(problem)
    return out


def _more(path: str, rule: str, last: Problem) -> Problem:
    """Placed at the last problem kept (so it sorts after the ones shown)."""
    return Problem(path, last.line, last.column, f"and more: stopped after {MAX_PROBLEMS} problems of this kind; fix these first",
                   rule)


def _name(tag: str) -> str:
    return re.sub(r"^\{[^}]*\}", "", tag)


def _xmlschema_problem(err, path: str) -> Problem:
    elem = getattr(err, "invalid_child", None)
    elem = elem if elem is not None else err.elem
    line = getattr(elem, "sourceline", None) or getattr(err, "sourceline", None) or 1
    reason = err.reason or err.message
    reason = re.sub(r"\{" + re.escape(TEI_NS) + r"\}", "", reason)
    where = f"<{_name(err.elem.tag)}>" if err.elem is not None and isinstance(err.elem.tag, str) else ""
    expected = getattr(err, "expected_tags", None)
    tags = []
    try:
        tags = [_name(t) for t in (expected or []) if isinstance(t, str)]
    except TypeError:
        tags = []
    msg = f"{where}: {reason}" if where else reason
    if tags and "expected" not in reason:
        msg += f" (expected {', '.join(tags[:12])}{', ...' if len(tags) > 12 else ''})"
    return Problem(path, line, 1, msg, "schema")


def _lxml_message(message: str) -> str:
    return message.replace(f"{{{TEI_NS}}}", "")


def _tei_all_path() -> str:
    rng = os.environ.get(TEI_ALL_ENV)
    if not rng:
        raise UsageError(f"--schema tei-all needs the TEI P5 RELAX NG grammar: set {TEI_ALL_ENV}=/path/to/"
                         "tei_all.rng, or give the file itself with --schema FILE.rng")
    if not Path(rng).is_file():
        raise UsageError(f"schema file not found: {rng}")
    return rng


def _load_grammar(schema: str):
    return _load_file(_tei_all_path() if schema == "tei-all" else schema)


# --- jing ---------------------------------------------------------------------------------------------------
_JING_LINE = re.compile(r"^(.+?):(\d+):(\d+): (error|fatal|warning): (.*)$")
_JING_BATCH = 200   # files per Java run: keeps the command line short


# Debian's /usr/bin/jing is a shell script that finds these jars in /usr/share/java and runs the driver with
# the XInclude parser configuration. We run the same class path and property ourselves, with the JIT stopped at
# its first tier: for a run of a second or two (the 1 MB tei_all grammar read, then the files) C1 alone is done
# before C2 would pay off, ~0.4 s sooner per run on 2 cores (benchmarks/peer.py), and the shell wrapper's own
# start is skipped. Anything else called jing is run as it is.
_DEBIAN_JARS = Path("/usr/share/java")
_JING_CLASS_PATH = ("jing", "xercesImpl", "xmlParserAPIs", "xml-apis", "Saxon-HE", "xml-resolver")
_JING_DRIVER = "com.thaiopensource.relaxng.util.Driver"
_JAVA_FLAGS = ("-XX:TieredStopAtLevel=1", "-Xshare:auto",
               "-Dorg.apache.xerces.xni.parser.XMLParserConfiguration="
               "org.apache.xerces.parsers.XIncludeParserConfiguration")


def _jing_command(jing: str, java: str, jars: Path) -> tuple[str, ...]:
    if not (jars / "jing.jar").is_file():
        return (jing,)
    try:
        wrapper = Path(jing).read_bytes()[:4096]
    except OSError:
        return (jing,)
    if _JING_DRIVER.encode() not in wrapper:   # not Debian's wrapper: run it as it is
        return (jing,)
    class_path = ":".join(str(jars / f"{name}.jar") for name in _JING_CLASS_PATH if (jars / f"{name}.jar").is_file())
    return (java, *_JAVA_FLAGS, "-cp", class_path, _JING_DRIVER)


def jing_command() -> list[str] | None:
    """How to run jing, when it and Java are installed (and $TEI_EDITION_RNG_ENGINE does not say libxml2): Debian's
    jar through java directly (above), else the `jing` on the PATH."""
    if os.environ.get(ENGINE_ENV, "jing") == "libxml2":
        return None
    import shutil   # (here, not at the top: the gate of every render imports this module and never runs jing)

    jing, java = shutil.which("jing"), shutil.which("java")
    if not (jing and java):
        return None
    return list(_jing_command(jing, java, _DEBIAN_JARS))


def _jing_can_read(tree) -> bool:
    if tree.getroot().tag not in (f"{{{TEI_NS}}}TEI", f"{{{TEI_NS}}}teiCorpus"):
        return False   # validate_tree reports it without a grammar
    return next(tree.getroot().iter("{http://www.w3.org/2001/XInclude}*"), None) is None


def _run_jing(rng: str, trees: dict) -> dict[str, FileResult]:
    """Each file's problems as jing reports them (path:line:column: error: message); {} for files jing could
    not be run on (no output we understand), which libxml2 then checks."""
    results: dict[str, FileResult] = {}
    paths = list(trees)
    for start in range(0, len(paths), _JING_BATCH):
        batch = paths[start:start + _JING_BATCH]
        absolute = {str(Path(p).resolve()): p for p in batch}
        try:
            import subprocess

            proc = subprocess.run([*jing_command(), rng, *absolute], capture_output=True, text=True, check=False)
        except OSError:
            continue
        found: dict[str, list[Problem]] = {p: [] for p in batch}
        understood = True
        for line in proc.stdout.splitlines():
            m = _JING_LINE.match(line)
            if not m or m.group(1) not in absolute:
                understood = False
                continue
            path = absolute[m.group(1)]
            severity = "warning" if m.group(4) == "warning" else "error"
            found[path].append(Problem(path, int(m.group(2)), int(m.group(3)), _jing_message(m.group(5)),
                                       "tei-all", severity))
        if proc.returncode not in (0, 1) or not understood or (proc.returncode == 1 and not any(found.values())):
            continue
        for path, problems in found.items():
            problems.sort(key=lambda p: (p.line, p.column, p.rule))
            results[path] = FileResult(path, _bounded(path, problems), "jing")
    return results


def _jing_message(message: str) -> str:
    """jing lists every element it would have accepted (often 200): the first 12, as for xmlschema."""
    head, sep, expected = message.partition("; expected ")
    if not sep:
        return message
    expected = re.sub(r' \(with xmlns:[^)]*\)$', "", expected)
    names = re.findall(r'"([^"]+)"', expected)
    if len(names) <= 12:
        return f"{head}; expected {expected}"
    lead = expected[:expected.index('"')].rstrip()
    return f"{head}; expected {lead} {', '.join(names[:12])}, ... ({len(names)} in all)"


def _load_file(path: str):
    p = Path(path)
    if not p.is_file():
        raise UsageError(f"schema file not found: {path}")
    try:
        doc = xmlio.parse_resource(p)   # includes/imports: files under the schema's folder only
        if p.suffix == ".rng":
            return "lxml", etree.RelaxNG(doc)
        if p.suffix == ".xsd":
            return "xmlschema", _xmlschema(p)
    except (etree.RelaxNGParseError, InputError) as err:
        raise UsageError(f"{path}: not a usable schema: {err}") from None
    except Exception as err:  # xmlschema raises several parse error types
        raise UsageError(f"{path}: not a usable schema: {err}") from None
    raise UsageError(f"{path}: unknown schema type (use a .rng or .xsd file, 'project' or 'tei-all')")


def _xmlschema(path: Path):
    """xmlschema never fetches: imports and includes only from files under the schema's own folder
    ('sandbox'; its default would fetch any URL), parsed with its defused XML parser."""
    import warnings

    import xmlschema

    with warnings.catch_warnings():   # a refused import is an error here, not a warning and a partial schema
        warnings.simplefilter("error", xmlschema.XMLSchemaImportWarning)
        return xmlschema.XMLSchema(str(path), allow="sandbox", defuse="always")


def _instance(tree):
    """The parsed document, for xmlschema: nothing to fetch (no location hints followed, no URL opened)."""
    import xmlschema

    return xmlschema.XMLResource(tree, allow="none")


def _fast_xsd_file(path: Path):
    try:
        return etree.XMLSchema(xmlio.parse_resource(path))
    except (etree.XMLSchemaParseError, InputError):
        return None


def _fast_xsd(schema):
    """The same XSD compiled by libxml2, or None where libxml2 cannot compile it."""
    try:
        return etree.XMLSchema(xmlio.parse_resource(schema.url.replace("file://", "", 1)))
    except (etree.XMLSchemaParseError, InputError, AttributeError):
        return None


def _load_rules():
    from lxml import isoschematron

    sch = xmlio.parse_resource(resources.schemas_dir() / "tei-edition.sch")
    # No svrl:fired-rule elements: the report then holds only the failures (smaller, a little faster).
    return isoschematron.Schematron(sch, store_report=True, compile_params={"generate-fired-rule": "false()"})


# --- many files ---------------------------------------------------------------------------------------------
def collect(paths: list[str]) -> list[Path]:
    """Files, folders (recursively, *.xml) and globs -> a sorted list of files. Missing paths are errors."""
    import glob

    files: list[Path] = []
    for spec in paths:
        p = Path(spec)
        if p.is_dir():
            files.extend(_walk(p))
        elif p.exists():
            files.append(p)
        elif any(c in spec for c in "*?["):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                raise InputError(f"no files match {spec}")
            files.extend(Path(m) for m in matches)
        else:
            raise InputError("no such file or folder", path=spec)
    return list(dict.fromkeys(files))


def _walk(folder: Path) -> list[Path]:
    """*.xml under a folder, recursively; symbolic links (to files or folders) are not followed: each is
    reported as a warning of its own (validate_file), never read."""
    found = []
    for root, dirs, names in os.walk(folder, followlinks=False):
        base = Path(root)
        found.extend(base / n for n in names if n.endswith(".xml"))
        found.extend(base / d for d in dirs if (base / d).is_symlink())
    return sorted(found)


_worker: Validator | None = None
_shared: dict[str, Validator] = {}


def gate(tree, path) -> str | None:
    """The gate of build and render. This project's own TEI (it names tei-edition as its application) must be
    valid against the project customization (schema and rules); TEI P5 of any other project is rendered by the
    generic renderer (checked against tei_all too when $TEI_EDITION_TEI_ALL names it), and the returned note
    says so. Not TEI P5 (TEI P4, another vocabulary): InputError. Invalid: InvalidDocument naming the first
    problems, so nothing is written or rendered from it."""
    from . import anytei

    root = tree.getroot()
    problem = anytei.kind_problem(root)
    if problem:
        raise InputError(f"not rendered: {problem}", path=path)
    if not anytei.is_ours(root):
        if os.environ.get(TEI_ALL_ENV):
            errors = [p for p in shared_validator("tei-all").file_tree(tree, path).problems if p.severity == "error"]
            _refuse(errors, path, "not valid TEI P5 (tei_all)")
        return anytei.outside_note(root)
    _refuse(shared_validator().validate_tree(tree, str(path)).problems, path,
            "not valid against the tei-edition customization (this file names tei-edition as its application)")
    return None


def _refuse(problems: list, path, what: str) -> None:
    if problems:
        shown = "; ".join(f"line {p.line}: {p.message} [{p.rule}]" for p in problems[:3])
        more = f" (+{len(problems) - 3} more; run tei-edition validate {path})" if len(problems) > 3 else ""
        raise InvalidDocument(f"{what}, not rendered: {shown}{more}", path=path)


def shared_validator(schema: str = "project") -> Validator:
    """One compiled validator per process and schema, for callers that validate document by document."""
    if schema not in _shared:
        _shared[schema] = Validator(schema)
    return _shared[schema]


def _validate_in_worker(path: str) -> dict:
    return asdict(_worker.validate_file(path))


def validate(paths: list[str | Path], schema: str = "project", jobs: int = 1, rules: bool | None = None):
    """Validate files; yields FileResult in input order. Compiles the schema once."""
    global _worker
    validator = Validator(schema, rules)  # usage errors (a bad schema) before I/O errors
    files = collect([str(p) for p in paths])
    given = {str(p) for p in paths}
    validator.links = {str(f) for f in files if f.is_symlink() and str(f) not in given}
    if validator.kind == "jing":   # one Java run checks them all
        yield from validator.validate_files(files)
        return
    if jobs <= 1 or len(files) < 4:
        for f in files:
            yield validator.validate_file(f)
        return
    import multiprocessing

    _worker = validator  # inherited by the forked workers: no recompilation
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs) as pool:
        for data in pool.imap(_validate_in_worker, [str(f) for f in files], chunksize=4):
            problems = [Problem(**p) for p in data["problems"]]
            yield FileResult(data["path"], problems, data.get("engine", ""))
    _worker = None


# --- reports ------------------------------------------------------------------------------------------------
def format_results(results: list[FileResult], fmt: str) -> str:
    """text | json | junit | github: the same problems for people, CI systems and GitHub annotations."""
    if fmt == "text":
        lines = [str(p) for r in results for p in r.problems]
        bad = sum(not r.valid for r in results)
        engines = sorted({r.engine for r in results if r.engine})
        lines.append(f"{len(results)} file(s) checked, {len(results) - bad} valid, {bad} invalid"
                     + (f" (grammar checked by {' and '.join(engines)})" if engines else ""))
        return "\n".join(lines) + "\n"
    if fmt == "json":
        import json

        data = {"files": [{"path": r.path, "valid": r.valid, "problems": [asdict(p) for p in r.problems],
                           **({"engine": r.engine} if r.engine else {})} for r in results],
                "valid": all(r.valid for r in results)}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "github":
        def esc(s: str) -> str:
            return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return "".join(f"::error file={esc(p.path)},line={p.line},col={p.column},title={esc(p.rule)}::"
                       f"{esc(p.message)}\n" for r in results for p in r.problems)
    if fmt == "junit":
        suite = etree.Element("testsuite", name="tei-edition validate", tests=str(len(results)),
                              failures=str(sum(not r.valid for r in results)), errors="0")
        for r in results:
            case = etree.SubElement(suite, "testcase", classname="tei-edition.validate", name=r.path)
            for p in r.problems:
                failure = etree.SubElement(case, "failure", type=p.rule, message=p.message)
                failure.text = str(p)
        suites = etree.Element("testsuites")
        suites.append(suite)
        return etree.tostring(suites, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode()
    raise UsageError(f"unknown format {fmt!r} (text | json | junit | github)")
