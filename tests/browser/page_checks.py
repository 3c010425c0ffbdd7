"""Look at a rendered page the way a learner reads it, and list what they could not read.

:func:`page_problems` runs one script in the page (JupyterLab or Voilà: both render
ipywidgets and outputs with the same markup) and returns, per check, what it found:

``overflow``
    an option or label (radio option, toggle button, checkbox, button) whose text runs out of
    its own box, or into the next option's box;
``truncated``
    text cut off: content wider than its box where the box hides the rest (an ellipsis, or
    ``overflow: hidden``), and table cells that end in "..." (pandas shortening a column);
``language``
    words of the other language in the output and the rendered text (titles of works, marked
    with ``<cite>``, are exempt);
``numbers``
    numbers not written the notebook's way (a decimal point in Dutch, a decimal comma in
    English), and raw values no learner should meet: True/False/NaN/None;
``tables``
    a pandas index column in a table shown to learners;
``images``
    images that did not load or show no picture (one flat colour, as a broken data URL does),
    and live charts with nothing drawn in them;
``errors``
    error output and anything written to stderr.

Links are collected here and checked against the server's folder by :func:`broken_links`.
The word lists are short on purpose: each word is one that never occurs in ordinary text of the
other language, so a hit is a real defect and not a loanword (team, score, CRM, feedback).
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

__all__ = ["CHECKS", "page_problems", "broken_links", "describe"]

CHECKS = ("overflow", "truncated", "language", "numbers", "tables", "images", "errors", "links")

#: Words that are English and never Dutch (looked for in Dutch pages).
ENGLISH_WORDS = sorted({
    "the", "and", "with", "your", "you", "which", "this", "that", "from", "are", "were",
    "have", "has", "not", "for", "what", "when", "where", "how", "into", "than", "their",
    "they", "there", "these", "those", "about", "would", "should", "could", "been", "its",
    "it's", "kit's", "team's", "reading", "staff", "named", "article", "outlet", "author",
    "learners", "learner", "students", "answered", "approval", "layers", "queues", "network",
    "customers", "leadership", "frameworks", "save", "saved",
    "show", "mean", "share", "shared", "private", "yes", "average",
    "people", "agents", "round", "rounds", "time", "times", "why", "because",
    "choose", "option", "answer", "question", "wrong", "weeks", "days",
})
#: Words that are Dutch and never English (looked for in English pages).
DUTCH_WORDS = sorted({
    "het", "een", "niet", "voor", "wordt", "zijn", "jouw", "jij", "naar", "ook", "maar",
    "deze", "dit", "bij", "hoe", "wat", "als", "uit", "meer", "geen", "kun", "kunt", "heeft",
    "hebben", "worden", "onze", "samenwerking", "leiderschap", "raamwerk", "raamwerken",
    "medewerkers", "klant", "klanten", "studenten", "docent", "docenten",
    "bewaar", "bewaard", "controleer", "simuleer", "gemiddeld", "gemiddelde", "tussen",
    "onderdelen", "vraag", "antwoord", "goed", "fout", "waarom", "omdat", "keuze", "dagen",
    "weken", "ronde", "rondes", "mensen", "gedeeld", "privé", "ja", "nee", "mijn", "je",
})

_SCRIPT = r"""
({scope, textScope, lang, english, dutch}) => {
  const out = {overflow: [], truncated: [], language: [], numbers: [], tables: [],
               images: [], errors: [], links: []};
  const roots = [...document.querySelectorAll(scope)];
  const clip = t => (t || '').replace(/\s+/g, ' ').trim().slice(0, 140);
  const shown = el => {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden') return false;
    }
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const textBox = el => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const rs = [...range.getClientRects()].filter(r => r.width > 0.5 && r.height > 0.5);
    if (!rs.length) return null;
    return {left: Math.min(...rs.map(r => r.left)), right: Math.max(...rs.map(r => r.right)),
            top: Math.min(...rs.map(r => r.top)), bottom: Math.max(...rs.map(r => r.bottom))};
  };
  const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
                            Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const seen = new Set();
  const each = (sel, fn) => roots.forEach(root => root.querySelectorAll(sel).forEach(el => {
    if (!seen.has(el) || fn.multi) fn(el);
  }));

  // -- options and labels that run out of their box or into the next one -----------------
  const OPTIONS = '.widget-radio-box label, .widget-toggle-button, .widget-checkbox, ' +
                  '.widget-button, .jupyter-button';
  roots.forEach(root => root.querySelectorAll(OPTIONS).forEach(el => {
    if (seen.has(el) || !shown(el)) return;
    seen.add(el);
    const box = el.getBoundingClientRect();
    const text = textBox(el);
    const what = clip(el.innerText || el.title);
    if (text && (text.right > box.right + 1 || text.bottom > box.bottom + 1 ||
                 text.left < box.left - 1 || text.top < box.top - 1)) {
      out.overflow.push(`text runs out of its box: "${what}"`);
    }
    const siblings = [...el.parentElement.children].filter(s => s !== el && shown(s));
    for (const s of siblings) {
      if (text && overlap(text, s.getBoundingClientRect())) {
        out.overflow.push(`runs into the next option: "${what}" / "${clip(s.innerText)}"`);
        break;
      }
    }
  }));

  // -- truncated text ------------------------------------------------------------------------
  roots.forEach(root => root.querySelectorAll('*').forEach(el => {
    if (!shown(el)) return;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const s = getComputedStyle(el);
    const hides = s.textOverflow === 'ellipsis' || ['hidden', 'clip'].includes(s.overflowX);
    if (own && hides && el.scrollWidth > el.clientWidth + 1) {
      out.truncated.push(`cut off (${el.scrollWidth}px in ${el.clientWidth}px): ` +
                         `"${clip(el.innerText || el.textContent)}"`);
    }
    if ((el.tagName === 'TD' || el.tagName === 'TH') && /(\.\.\.|…)$/.test(el.innerText.trim())) {
      out.truncated.push(`table cell shortened: "${clip(el.innerText)}"`);
    }
  }));

  // -- words of the other language, numbers, raw values --------------------------------------
  const words = new Set(lang === 'nl' ? english : dutch);
  // Exempt: titles of works, code, and learners' own words (quoted as they wrote them).
  const SKIP = 'cite, code, pre.jp-InputArea, script, style, .cm-editor, .jp-InputPrompt, ' +
               '.jp-OutputPrompt, .lk-lang-name, .lk-learner-text';
  const decimal = lang === 'nl'
    ? /(?<![\d.,\w])\d+\.(\d{1,2}|\d{4,})(?![\d\w])/g      // 4.67 (1.000 is a Dutch thousand)
    : /(?<![\d.,\w])\d+,\d{1,2}(?![\d\w])/g;               // 4,67 in English
  const raw = /\b(True|False|NaN|None|nan)\b/;
  [...document.querySelectorAll(textScope)].forEach(root => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest(SKIP) || !shown(parent)) continue;
      const text = n.textContent;
      if (!text.trim()) continue;
      // An identifier (element id, column name in code) is the same in every language.
      if (/^\s*[a-z0-9]+([-_][a-z0-9]+)+\s*$/.test(text)) continue;
      const found = (text.toLowerCase().match(/[\p{L}']+/gu) || [])
                      .filter(w => words.has(w));
      if (found.length) {
        out.language.push(`${[...new Set(found)].join(', ')}: "${clip(text)}"`);
      }
      // A version after a name ("CC BY 4.0", "Chief Customer Officer 2.0") is not a decimal.
      const bad = [...text.matchAll(decimal)].filter(m => !(/\.0$/.test(m[0]) &&
                    /[A-Za-z] $/.test(text.slice(0, m.index)))).map(m => m[0]);
      if (bad.length) out.numbers.push(`${bad.join(', ')}: "${clip(text)}"`);
      if (raw.test(text)) out.numbers.push(`raw value: "${clip(text)}"`);
    }
  });

  // -- tables, images, errors, links -------------------------------------------------------
  roots.forEach(root => {
    root.querySelectorAll('table').forEach(t => {
      if (shown(t) && t.querySelector('tbody th')) {
        out.tables.push(`index column: "${clip(t.querySelector('tbody th').innerText)}" in ` +
                        `"${clip(t.innerText).slice(0, 80)}"`);
      }
    });
    root.querySelectorAll('img').forEach(img => {
      if (!img.complete || img.naturalWidth === 0) {
        out.images.push(`image not loaded: ${clip(img.getAttribute('src') || '(no src)')}` +
                        (img.alt ? ` (alt "${clip(img.alt)}")` : ''));
        return;
      }
      // Loaded is not enough: the image must have a picture (not one flat colour).
      try {
        const w = Math.min(img.naturalWidth, 300), h = Math.min(img.naturalHeight, 300);
        const c = document.createElement('canvas');
        c.width = w; c.height = h;
        const ctx = c.getContext('2d');
        ctx.drawImage(img, 0, 0, w, h);
        const d = ctx.getImageData(0, 0, w, h).data;
        let flat = true;
        for (let i = 4; i < d.length && flat; i += 4) {
          flat = d[i] === d[0] && d[i + 1] === d[1] && d[i + 2] === d[2] && d[i + 3] === d[3];
        }
        if (flat) out.images.push(`image without a picture (one flat colour): ` +
                                  `${clip(img.alt || img.getAttribute('src'))}`);
      } catch (e) { /* another origin's image cannot be read: not the kit's */ }
    });
    // The kit's live charts (SVG drawn in the browser) must have marks drawn in them.
    root.querySelectorAll('.lk-chart').forEach(chart => {
      if (!shown(chart)) return;
      // bqplot draws lines and bars as g.curve paths, dots as g.object_grp paths.
      const marks = [...chart.querySelectorAll('svg.svg-figure g.curve path, ' +
                                               'svg.svg-figure g.object_grp path')];
      const drawn = marks.filter(m => { const b = m.getBBox(); return b.width + b.height > 0; });
      if (!drawn.length) out.images.push(`a chart with nothing drawn in it: ` +
                                         `${clip(chart.innerText)}`);
    });
    root.querySelectorAll('[data-mime-type="application/vnd.jupyter.stderr"], ' +
                          '.jp-OutputArea-output.jp-mod-error, .voila-error').forEach(el => {
      out.errors.push(clip(el.innerText) || '(empty stderr output)');
    });
    root.querySelectorAll('a[href]').forEach(a => {
      out.links.push([a.getAttribute('href'), clip(a.innerText)]);
    });
  });
  for (const k of Object.keys(out)) if (k !== 'links') out[k] = [...new Set(out[k])];
  return out;
}
"""


def page_problems(page: Any, scope: str, language: str,
                  text_scope: str | None = None) -> dict[str, list]:
    """Every check's findings in the elements matching ``scope`` (a CSS selector).

    The language and number checks read ``text_scope`` (default: ``scope``): the outputs of a
    notebook, and its prose too on the bilingual start page, where the prose is the kit's.
    """
    return page.evaluate(_SCRIPT, {"scope": scope, "textScope": text_scope or scope,
                                   "lang": language, "english": ENGLISH_WORDS,
                                   "dutch": DUTCH_WORDS})


#: Where JupyterLab and Voilà serve the files of their folder: a link they resolved to an
#: address on the test's own server is checked as the file after this prefix.
_SERVED = ("/lab/tree/", "/files/", "/tree/", "/notebooks/", "/voila/render/", "/voila/files/",
           "/edit/")


def broken_links(links: list[list[str]], folder: Path, page_path: str) -> list[str]:
    """The links (``[href, text]``) that point to no file under ``folder``.

    ``page_path`` is the notebook's path inside ``folder``: relative links are resolved from
    its directory. JupyterLab rewrites a relative link in markdown to an address on its own
    server (``http://127.0.0.1:…/lab/tree/nl/nl/01-agile-cmo-nl.ipynb``): such addresses are
    checked too. Links to the web and anchors inside the page are left alone (no network).
    """
    broken = []
    base = posixpath.dirname(page_path)
    for href, text in links:
        parts = urlsplit(href)
        if href.startswith("#") or parts.scheme in ("mailto", "data", "blob"):
            continue
        path = unquote(parts.path)
        if parts.scheme in ("http", "https"):
            if parts.hostname not in ("127.0.0.1", "localhost"):
                continue  # the web: not checked without a network
            prefix = next((p for p in _SERVED if p in path), None)
            if prefix is None:
                continue  # the application itself (a command, the tree view)
            target = path.split(prefix, 1)[1]
        elif path.startswith("/"):
            prefix = next((p for p in _SERVED if p in path), "/")
            target = path.split(prefix, 1)[1]
        else:
            target = posixpath.normpath(posixpath.join(base, path))
        if not target or target.startswith("..") or not (folder / target).exists():
            broken.append(f'"{text}" -> {href} (resolves to {target}, which does not exist)')
    return broken


def describe(problems: dict[str, list]) -> str:
    """A readable list of what each check found (empty checks left out)."""
    lines = []
    for check in CHECKS:
        for found in problems.get(check, []):
            lines.append(f"[{check}] {found}")
    return "\n".join(lines)
