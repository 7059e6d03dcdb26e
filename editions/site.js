/* The edition site's index page: sort, filter and search the editions listed in the page (tei/site.py).
   Loaded with <script src> under CSP script-src 'self' (no inline script, no eval, no network); the search
   index is search-index.js (self.TEI_SEARCH), a script because Chromium refuses fetch() of file:// URLs.
   Without this script the page is the complete list. Tokens are folded as tei/site.py folds them. */
(function () {
  "use strict";
  var MAX_HITS = 50;
  var form = document.getElementById("tools");
  var list = document.getElementById("list");
  if (!form || !list) { return; }
  var items = Array.prototype.slice.call(list.querySelectorAll("li.edition"));
  var q = document.getElementById("q");
  var speaker = document.getElementById("f-speaker");
  var year = document.getElementById("f-year");
  var kind = document.getElementById("f-kind");
  var sort = document.getElementById("sort");
  var status = document.getElementById("status");
  var results = document.getElementById("results");
  var hits = document.getElementById("hits");
  var more = document.getElementById("more");
  var index = self.TEI_SEARCH || { docs: [], speakers: [], p: [] };
  var about = items.map(function (li) {   // what the free text matches besides the transcripts
    var names = li.querySelector(".speakers");
    return " " + tokens(li.dataset.title + " " + (names ? names.textContent : "")).join(" ");
  });
  var docAt = {};
  index.docs.forEach(function (d, i) { docAt[d[0]] = i; });

  function fold(text) {
    return text.replace(/\u2019/g, "'").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }
  function tokens(text) {
    return fold(text).match(/[\p{L}\p{N}_]+(?:'[\p{L}\p{N}_]+)*/gu) || [];
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function compare(key) {
    var desc = key.charAt(0) === "-", name = desc ? key.slice(1) : key;
    var numeric = name === "words" || name === "turns";
    return function (a, b) {
      var x = a.dataset[name], y = b.dataset[name], r;
      r = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      if (r === 0) { r = a.dataset.stem.localeCompare(b.dataset.stem); return r; }
      return desc ? -r : r;
    };
  }

  /* Paragraphs whose tokens contain the query's tokens in a row (the last one as a word's beginning). */
  function search(words, who, allowed) {
    var needle = " " + words.join(" "), found = [];
    index.p.forEach(function (entry) {
      if (!allowed[entry[0]]) { return; }
      if (who && (entry[2] < 0 || index.speakers[entry[2]][0] !== who)) { return; }
      var at = (" " + entry[3]).indexOf(needle);
      if (at >= 0) { found.push({ entry: entry, at: at }); }
    });
    return found;
  }

  function snippet(text, at, length) {
    var start = Math.max(0, at - 60), end = Math.min(text.length, at + length + 80);
    var p = document.createElement("p");
    p.className = "snippet";
    p.appendChild(document.createTextNode((start > 0 ? "…" : "") + text.slice(start, at)));
    var mark = document.createElement("mark");
    mark.textContent = text.slice(at, at + length);
    p.appendChild(mark);
    p.appendChild(document.createTextNode(text.slice(at + length, end) + (end < text.length ? "…" : "")));
    return p;
  }

  function showHits(found, words) {
    hits.textContent = "";
    results.hidden = words.length === 0;
    if (!words.length) { return; }
    found.slice(0, MAX_HITS).forEach(function (hit) {
      var e = hit.entry, doc = index.docs[e[0]], li = document.createElement("li");
      var where = document.createElement("p"), link = document.createElement("a");
      where.className = "where";
      link.href = doc[3] + (e[1] ? "#" + e[1] : "");
      link.textContent = doc[1] + (e[1] ? ", " + e[1] : "");
      where.appendChild(link);
      var about = (doc[2] ? " · " + doc[2] : "") + (e[2] >= 0 ? " · " + index.speakers[e[2]][1] : "");
      where.appendChild(document.createTextNode(about));
      li.appendChild(where);
      li.appendChild(snippet(e[3], hit.at, words.join(" ").length));
      hits.appendChild(li);
    });
    more.textContent = found.length > MAX_HITS ? plural(found.length - MAX_HITS, "more passage") +
      ": add words to narrow the search" : (found.length ? "" : "No passage matches.");
  }

  function update() {
    var words = tokens(q.value), who = speaker.value, y = year.value, k = kind.value;
    var allowed = {}, shown = 0;
    items.forEach(function (li) {
      var ok = (!y || li.dataset.year === y) && (!k || li.dataset.kind === k) &&
        (!who || li.dataset.speakers.indexOf("|" + who + "|") >= 0);
      if (ok && docAt.hasOwnProperty(li.dataset.stem)) { allowed[docAt[li.dataset.stem]] = true; }
      li.dataset.ok = ok ? "1" : "";
    });
    var found = words.length ? search(words, who, allowed) : [];
    var per = {};
    found.forEach(function (hit) { per[hit.entry[0]] = (per[hit.entry[0]] || 0) + 1; });
    var needle = " " + words.join(" ");
    items.forEach(function (li, i) {
      var n = per[docAt[li.dataset.stem]] || 0;
      var match = !words.length || n > 0 || about[i].indexOf(needle) >= 0;
      li.hidden = !(li.dataset.ok && match);
      li.querySelector(".hitcount").textContent = words.length && n ? plural(n, "passage") : "";
      if (!li.hidden) { shown += 1; }
    });
    items.slice().sort(compare(sort.value)).forEach(function (li) { list.appendChild(li); });
    status.textContent = shown + " of " + plural(items.length, "edition") +
      (words.length ? ", " + plural(found.length, "passage") + " found" : "") +
      ", sorted by " + sort.options[sort.selectedIndex].text.toLowerCase() + ".";
    showHits(found, words);
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  [q, speaker, year, kind, sort].forEach(function (control) {
    control.addEventListener(control === q ? "input" : "change", update);
  });
  form.hidden = false;
  var initial = new URLSearchParams(location.search).get("q");   // index.html?q=... opens a search
  if (initial) { q.value = initial; }
  update();
}());
