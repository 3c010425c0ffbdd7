"""Helpers for the own-words test: normalise text, cut it into seven-word runs, hash them.

Used by ``tests/content/test_content_own_words.py`` and ``tools/make_seed_shingles.py``. The
kit must paraphrase its five source articles; the repository keeps only hashes of the articles'
seven-word runs, never their text. Two fingerprints are kept:

- ``seed_shingles.txt``: the hash of every normalised seven-word run (a run copied word for
  word);
- ``seed_shingles_masked.txt``: for every run, the hashes of its seven variants with one word
  replaced by a mask. A kit window whose variant with the same word masked has one of these
  hashes matches the article in six of seven places: copied with one word changed.

Titles of works and marked quotations are left out before the runs are cut. A marked quotation
is text between double quotation marks ("…", “…”, „…”): the place to quote an article word for
word, with its author named in the same sentence.

>>> normalise("Eén 'gratis' kanaal, dat strijdt; niet-mee!")
'eén gratis kanaal dat strijdt niet mee'
>>> len(shingles("a b c d e f g h"))
2
>>> masked("a b c")
['* b c', 'a * c', 'a b *']
>>> shingles('Zij schreef: "een zin die wij letterlijk citeren" en meer.')
[]
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import yaml

SHINGLE = 7
HASH_CHARS = 16
ROOT = Path(__file__).resolve().parent.parent
HASH_FILE = ROOT / "tests" / "data" / "seed_shingles.txt"
MASKED_FILE = ROOT / "tests" / "data" / "seed_shingles_masked.txt"
MASKED_CHARS = 12  # 19,000 hashes of 48 bits: a chance match is about one in ten thousand runs
MASK = "*"  # never a word: normalise() turns every punctuation mark into a space

# Quoted titles of works may be repeated word for word: the articles, the books and the report
# they cite (spelling as in the articles).
WORK_TITLES = (
    "De skills voor leidinggeven van agile marketingorganisaties",
    "CMO Perspective: 7 Key Practices to Succesfully Lead Today's Agile Marketing Organisation",
    "Hoe sterk is de samenwerking tussen je digitale, brand en CRM marketeers?",
    "Cruciale leiderschapskenmerken volgens Jeanne Bliss",
    "Chief Customer Officer 2.0: How to Build Your Customer-Driven Growth Engine",
    "Glinsteren de ogen van uw Marketingmanager bij een compleet klantbeeld?",
    "Leidinggeven aan professionals? Niet doen!",
    "Doei hiërarchisch leiderschap; van ik naar wij",
)

_APOSTROPHES = "'\u2018\u2019\u02bc`"
_BREAK = " \u2016 "  # a token no word contains: runs never cross a removed title


def normalise(text: str) -> str:
    """Lowercase, drop apostrophes, turn other punctuation into spaces, collapse whitespace."""
    text = unicodedata.normalize("NFKC", text).lower()
    for a in _APOSTROPHES:
        text = text.replace(a, "")
    text = "".join(
        " " if unicodedata.category(ch)[0] in "PSZC" and ch != "\u2016" else ch for ch in text
    )
    return " ".join(text.split())


_TITLES_NORM = tuple(sorted({normalise(t) for t in WORK_TITLES}, key=len, reverse=True))


# Double quotation marks around a marked quotation: straight, curly, or Dutch low-high.
_QUOTATION = re.compile(
    r'"[^"\n]*"|\u201c[^\u201d\n]*\u201d|\u201e[^\u201c\u201d"\n]*[\u201c\u201d"]')


def without_quotations(text: str) -> str:
    """Replace each marked quotation (between double quotation marks) by a break."""
    return _QUOTATION.sub(_BREAK, text)


def without_titles(norm: str) -> str:
    """Replace the quoted work titles in normalised text by a break."""
    for title in _TITLES_NORM:
        norm = re.sub(rf"(?<!\S){re.escape(title)}(?!\S)", _BREAK, norm)
    return norm


def shingles(text: str, n: int = SHINGLE, *, quotations: bool = True) -> list[str]:
    """The normalised n-word runs of a text, titles of works left out.

    Marked quotations are left out too, unless ``quotations=False``: an article's own text is
    fingerprinted whole, including what it quotes.
    """
    runs: list[str] = []
    text = without_quotations(text) if quotations else text
    for part in without_titles(normalise(text)).split("\u2016"):
        words = part.split()
        runs += [" ".join(words[i : i + n]) for i in range(len(words) - n + 1)]
    return runs


def digest(run: str, chars: int = HASH_CHARS) -> str:
    """The truncated sha256 of one normalised run."""
    return hashlib.sha256(run.encode("utf-8")).hexdigest()[:chars]


def masked(run: str) -> list[str]:
    """The variants of a run with one word replaced by the mask, one per position."""
    words = run.split()
    return [" ".join([*words[:i], MASK, *words[i + 1:]]) for i in range(len(words))]


def shingle_hashes(text: str) -> set[str]:
    """The hashes of all n-word runs of an article's text (quotations included)."""
    return {digest(r) for r in shingles(text, quotations=False)}


def masked_hashes(text: str) -> set[str]:
    """The hashes of every one-word-masked variant of every n-word run of an article's text."""
    return {digest(v, MASKED_CHARS) for r in shingles(text, quotations=False) for v in masked(r)}


def load_seed_hashes(path: Path = HASH_FILE) -> dict[str, str]:
    """hash -> article number, from the stored fingerprint file."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            article, h = line.split()
            out[h] = article
    return out


def copied_runs(text: str, seeds: dict[str, str]) -> list[tuple[str, str]]:
    """The (run, article) pairs of a text whose hash is an article's run."""
    return [(r, seeds[digest(r)]) for r in shingles(text) if digest(r) in seeds]


def near_copies(text: str, masked_seeds: dict[str, str]) -> list[tuple[str, str]]:
    """The (run, article) pairs of a text that match an article's run in six of seven words.

    A run copied word for word matches too (in all seven places); with one word changed, the
    variant that masks the changed word still matches.
    """
    out = []
    for r in shingles(text):
        hits = [masked_seeds[h] for h in (digest(v, MASKED_CHARS) for v in masked(r))
                if h in masked_seeds]
        if hits:
            out.append((r, hits[0]))
    return out


def _walk(node, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("en", "nl") and isinstance(value, str):
                yield f"{where}.{key}", value
            else:
                yield from _walk(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{where}[{i}]")


def yaml_texts(root: Path = ROOT) -> Iterator[tuple[str, str]]:
    """(place, text) for every nl and en string in ``datasets/**/*.yaml``."""
    for path in sorted((root / "datasets").rglob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        yield from _walk(doc, path.relative_to(root).as_posix())


def notebook_markdown(root: Path = ROOT) -> Iterator[tuple[str, str]]:
    """(place, text) for every markdown cell of ``notebooks/src/*.py``."""
    for path in sorted((root / "notebooks" / "src").glob("*.py")):
        cells = re.split(r"^# %%", path.read_text(encoding="utf-8"), flags=re.M)
        for i, cell in enumerate(cells):
            head, _, body = cell.partition("\n")
            if "[markdown]" not in head:
                continue
            lang = re.search(r'lang="(\w+)"', head)
            text = "\n".join(line[2:] if line.startswith("# ") else line.lstrip("#")
                             for line in body.splitlines())
            yield f"{path.relative_to(root).as_posix()} cell {i} {lang[1] if lang else ''}", text


def learner_texts(root: Path = ROOT) -> list[tuple[str, str]]:
    """Every learner-facing text of the kit, with where it lives."""
    return [*yaml_texts(root), *notebook_markdown(root)]
