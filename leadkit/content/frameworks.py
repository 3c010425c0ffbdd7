"""The five leadership frameworks of the kit, loaded from validated, bilingual data files.

A framework is a set of *elements* (practices, traits, principles), each touching one or more
cross-framework *themes*, plus a teaching instrument: Likert items mapped to the elements.
Files live in ``datasets/frameworks/``; a researcher can load their own file from any path with
the same validation (see ``datasets/schema/framework.schema.json``).

Examples
--------
>>> import leadkit as lk
>>> lk.list_frameworks()[:2]
['agile-cmo', 'silo-collaboration']
>>> fw = lk.load_framework("agile-cmo")
>>> len(fw.elements), fw.scale
(7, (1, 5))
>>> sorted(set(lk.crosswalk().columns))
['element', 'framework', 'theme']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from leadkit.content.datafile import load_validated, read_yaml
from leadkit.content.instrument import Instrument, Item, Scale, read_keys
from leadkit.content.paths import data_dir, kit_file, kit_ids
from leadkit.errors import FrameworkFileError, UnknownIdError
from leadkit.i18n import LANGUAGES, tr

__all__ = [
    "Element",
    "Source",
    "Item",
    "Framework",
    "list_frameworks",
    "load_framework",
    "load_instrument",
    "crosswalk",
    "themes",
    "framework_overview",
]

# The kit's own order: the order of notebooks 01-05.
_ORDER = (
    "agile-cmo",
    "silo-collaboration",
    "customer-leadership",
    "leading-professionals",
    "wij-model",
)

Text = dict[str, str]

# Source fields that may be worded per language in a framework file.
_BILINGUAL_SOURCE = ("author", "outlet", "based_on")


class Source(dict):
    """A framework's source: a plain dict whose texts read in the current language.

    ``source["author"]`` (also ``outlet`` and ``based_on``) gives the current
    language's wording; :meth:`texts` gives the ``{en, nl}`` pair. A plain string in a file is
    kept as the same text in both languages.

    Parameters
    ----------
    raw : dict
        The ``source`` mapping of a framework file.

    Examples
    --------
    >>> s = Source({"title": "T", "author": {"en": "Editors", "nl": "Redactie"}})
    >>> s["author"], s.texts("author")["nl"], s["title"]
    ('Editors', 'Redactie', 'T')
    """

    def __init__(self, raw: dict[str, Any]):
        super().__init__(
            (k, dict.fromkeys(LANGUAGES, v) if k in _BILINGUAL_SOURCE and isinstance(v, str) else v)
            for k, v in raw.items()
        )

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        return tr(value) if key in _BILINGUAL_SOURCE else value

    def get(self, key: str, default: Any = None) -> Any:
        """Read one field in the current language, or ``default`` when it is missing.

        Parameters
        ----------
        key : str
            The field (``"author"``, ``"title"`` …).
        default : object, optional
            What a missing field gives.

        Returns
        -------
        object
            The field's value.
        """
        return self[key] if key in self else default

    def texts(self, key: str) -> Text:
        """Give every language's wording of one field.

        Parameters
        ----------
        key : str
            The field.

        Returns
        -------
        dict of str to str
            Language code to text.
        """
        return dict(super().__getitem__(key))


@dataclass(frozen=True, kw_only=True)
class Element(Scale):
    """One practice, trait or principle of a framework: a scale with its teaching texts.

    Texts are mappings of language code to text (``{"en": …, "nl": …}``); read them in the
    current language with :func:`leadkit.i18n.tr` or :attr:`label`.

    Attributes
    ----------
    id : str
        The element's id, unique within its framework (``"build-trust"``).
    name : dict of str to str
        Its name.
    explanation : dict of str to str
        What the article says, in the kit's own words.
    in_practice : dict of str to str
        What it looks like at work.
    reflection : tuple of dict
        Questions for the learner.
    themes : tuple of str
        The cross-framework themes (``datasets/themes.yaml``) it belongs to.
    """

    explanation: Text
    in_practice: Text
    reflection: tuple[Text, ...]


@dataclass(frozen=True, kw_only=True)
class Framework(Instrument):
    """A framework: an instrument with the article, its elements and teaching texts on top.

    Made by :func:`load_framework` from a YAML file in ``datasets/frameworks/`` (or one of your
    own). Texts are mappings of language code to text. Everything an
    :class:`~leadkit.content.instrument.Instrument` has, a framework has: it is scored the same
    way.

    Attributes
    ----------
    id : str
        The framework's id (``"agile-cmo"``).
    title, summary : dict of str to str
        Its title and a summary of the article.
    source : Source
        The article: ``title``, ``author``, ``outlet``, ``year`` and what it is based on.
    elements : tuple of Element
        The practices, traits or principles, in the article's order.
    items : tuple of Item
        The questionnaire, in instrument order.
    scale : tuple of int
        The lowest and highest answer (``(1, 5)``).
    scale_labels : tuple of dict
        The label of each answer, lowest first.
    instrument_note : dict of str to str
        What the questionnaire is and is not (a teaching instrument, not a validated scale).
    context_profile : tuple of dict
        The framework's context questions, where it has them.
    path : str
        The file it was read from.
    """

    elements: tuple[Element, ...]
    summary: Text
    source: Source
    instrument_note: Text
    context_profile: tuple[dict[str, Any], ...] = ()

    def element(self, element_id: str) -> Element:
        """Look up one element by its id.

        Parameters
        ----------
        element_id : str
            The element's id (``"build-trust"``).

        Returns
        -------
        Element
            The element, with its teaching texts.

        Raises
        ------
        UnknownIdError
            Naming the framework's element ids (a ``KeyError`` too).
        """
        found = super().element(element_id)
        assert isinstance(found, Element)
        return found

    def citation(self) -> str:
        """Write the source as a one-line reference.

        Returns
        -------
        str
            Author, year, title and outlet, in the current language.
        """
        s = self.source
        year = f" ({s['year']})" if "year" in s else ""
        return f"{tr(s['author'])}{year}. \u201c{tr(s['title'])}\u201d. {tr(s['outlet'])}."

    def citation_html(self) -> str:
        """Write the reference as HTML, the article's title marked as the title of a work.

        Returns
        -------
        str
            The reference, escaped, with the title in ``<cite>``.

        Examples
        --------

        >>> "<cite>" in load_framework("wij-model").citation_html()
        True
        """
        import html

        s = self.source
        year = f" ({s['year']})" if "year" in s else ""
        return (f"{html.escape(tr(s['author']))}{year}. <cite>{html.escape(tr(s['title']))}"
                f"</cite>. {html.escape(tr(s['outlet']))}.")

    def describe(self) -> pd.DataFrame:
        """Show the elements as a table in the current language.

        Returns
        -------
        pandas.DataFrame
            One row per element (index: its id): ``element`` (the name), ``themes`` and
            ``explanation``.
        """
        return pd.DataFrame(
            {
                "element": [e.label for e in self.elements],
                "themes": [", ".join(e.themes) for e in self.elements],
                "explanation": [tr(e.explanation) for e in self.elements],
            },
            index=pd.Index([e.id for e in self.elements], name="id"),
        )

    def _repr_markdown_(self) -> str:
        lines = [f"**{tr(self.title)}** — {tr(self.summary)}", ""]
        lines += [
            f"{i}. **{e.label}**: {tr(e.explanation)}"
            for i, e in enumerate(self.elements, 1)
        ]
        lines += ["", f"*{self.citation()}*"]
        return "\n".join(lines)


def list_frameworks() -> list[str]:
    """The ids of the frameworks that ship with the kit, in the order of the notebooks.

    Returns
    -------
    list of str
        The framework ids; frameworks added to the data folder come after the kit's own, in
        alphabetical order.

    Examples
    --------
    >>> list_frameworks()
    ['agile-cmo', 'silo-collaboration', 'customer-leadership', 'leading-professionals', \
'wij-model']
    """
    return sorted(kit_ids("frameworks"),
                  key=lambda i: (_ORDER.index(i) if i in _ORDER else len(_ORDER), i))


@lru_cache(maxsize=1)
def _theme_doc() -> dict:
    return load_validated(data_dir() / "themes.yaml", "themes")


def themes() -> pd.DataFrame:
    """The controlled vocabulary of cross-framework themes, labelled in the current language.

    Returns
    -------
    pandas.DataFrame
        Columns ``theme`` (id), ``label`` and ``description``, in the order of the theme file.

    Examples
    --------
    >>> t = themes()
    >>> t.columns.tolist(), t["theme"].tolist()[:2]
    (['theme', 'label', 'description'], ['trust', 'shared-vision'])
    """
    rows = [
        {"theme": t["id"], "label": tr(t["label"]), "description": tr(t["description"])}
        for t in _theme_doc()["themes"]
    ]
    return pd.DataFrame(rows)


def _check_references(doc: dict, file: str) -> None:
    """Checks a JSON Schema cannot express: ids unique, items point at elements, …"""
    theme_ids = {t["id"] for t in _theme_doc()["themes"]}
    element_ids: list[str] = []
    for i, el in enumerate(doc["elements"]):
        if el["id"] in element_ids:
            raise FrameworkFileError(file, f"elements[{i}].id", f"{el['id']!r} is used twice")
        element_ids.append(el["id"])
        for j, theme in enumerate(el["themes"]):
            if theme not in theme_ids:
                raise FrameworkFileError(
                    file,
                    f"elements[{i}].themes[{j}]",
                    f"unknown theme {theme!r}; expected one of {', '.join(sorted(theme_ids))}",
                )
    scale = doc["instrument"]["scale"]
    if scale["low"] >= scale["high"]:
        raise FrameworkFileError(file, "instrument.scale", "low must be smaller than high")
    n_points = scale["high"] - scale["low"] + 1
    if len(scale["labels"]) != n_points:
        raise FrameworkFileError(
            file,
            "instrument.scale.labels",
            f"{len(scale['labels'])} labels for a {n_points}-point scale; expected {n_points}",
        )
    item_ids: set[str] = set()
    counts = dict.fromkeys(element_ids, 0)
    for i, item in enumerate(doc["instrument"]["items"]):
        if item["id"] in item_ids:
            raise FrameworkFileError(
                file, f"instrument.items[{i}].id", f"{item['id']!r} is used twice"
            )
        item_ids.add(item["id"])
        if item["element"] not in counts:
            raise FrameworkFileError(
                file,
                f"instrument.items[{i}].element",
                f"unknown element {item['element']!r}; expected one of {', '.join(element_ids)}",
            )
        counts[item["element"]] += 1
    for el_id, n in counts.items():
        if n < 2:
            raise FrameworkFileError(
                file, "instrument.items", f"element {el_id!r} has {n} item(s); expected at least 2"
            )


def _build(doc: dict, path: Path) -> Framework:
    ins = doc["instrument"]
    return Framework(
        id=doc["id"],
        title=doc["title"],
        summary=doc["summary"],
        source=Source(doc["source"]),
        elements=tuple(Element(id=e["id"], name=e["name"], explanation=e["explanation"],
                               in_practice=e["in_practice"], reflection=tuple(e["reflection"]),
                               themes=tuple(e["themes"]))
                       for e in doc["elements"]),
        # The file names an item's statements "self" and "observer".
        items=tuple(Item(id=it["id"], element=it["element"], reverse=it["reverse"],
                         self_text=it["self"], observer_text=it["observer"])
                    for it in ins["items"]),
        scale=(ins["scale"]["low"], ins["scale"]["high"]),
        scale_labels=tuple(ins["scale"]["labels"]),
        instrument_note=ins["note"],
        context_profile=tuple(doc.get("context_profile", ())),
        path=str(path),
    )


@lru_cache(maxsize=32)
def _load_path(path: Path, mtime: float) -> Framework:
    doc = load_validated(path, "framework")
    _check_references(doc, str(path))
    return _build(doc, path)


def load_framework(id_or_path: str | Path | Framework) -> Framework:
    """Load a framework by id (``"agile-cmo"``) or from a YAML file at any path.

    A :class:`Framework` is returned as it is, so every function that takes a framework
    accepts an id, a path or a loaded framework through this one call.

    The file is validated against the framework schema and cross-checked (unique ids, items
    pointing at existing elements, at least two items per element, known themes). Errors name
    the file, the place in the document and what was expected.

    Parameters
    ----------
    id_or_path : str, pathlib.Path or Framework
        A framework id of the kit, the path of a YAML (or JSON) framework file, or a loaded
        framework (returned unchanged).

    Returns
    -------
    Framework
        The framework with its elements, items, scale and sources.

    Raises
    ------
    UnknownIdError
        The id is not a framework of the kit.
    FrameworkFileError
        The file does not exist, does not pass the schema, or fails a cross-check.

    Examples
    --------
    >>> fw = load_framework("customer-leadership")
    >>> len(fw.elements)
    10
    >>> load_framework("agile")
    Traceback (most recent call last):
    ...
    leadkit.errors.UnknownIdError: unknown framework 'agile'; the kit has: agile-cmo, \
silo-collaboration, customer-leadership, leading-professionals, wij-model (or pass the path of a \
.yaml file)
    """
    if isinstance(id_or_path, Framework):
        return id_or_path
    text = str(id_or_path)
    candidate = Path(text).expanduser()
    if isinstance(id_or_path, Path) or text.endswith((".yaml", ".yml", ".json")) or (
        candidate.is_file()
    ):
        if not candidate.is_file():
            raise FrameworkFileError(text, "", "the file does not exist")
        path = candidate.resolve()
        if _is_keys_file(path):
            raise FrameworkFileError(text, "", "this file holds an instrument's keys (scales:), "
                                     "not a framework; read it with lk.load_instrument, or pass "
                                     "it wherever a framework is asked for")
    else:
        path = kit_file("frameworks", text)
        if not path.is_file():
            raise UnknownIdError(
                f"unknown framework {text!r}; the kit has: {', '.join(list_frameworks())} "
                "(or pass the path of a .yaml file)"
            )
    return _load_path(path, path.stat().st_mtime)


def crosswalk() -> pd.DataFrame:
    """Which themes each element of each framework touches: tidy (framework, element, theme).

    Returns
    -------
    pandas.DataFrame
        One row per framework, element and theme: columns ``framework``, ``element`` and
        ``theme``.

    Examples
    --------
    >>> cw = crosswalk()
    >>> cw.columns.tolist(), sorted(cw["framework"].unique()) == sorted(list_frameworks())
    (['framework', 'element', 'theme'], True)
    """
    rows = [
        {"framework": fw.id, "element": el.id, "theme": theme}
        for fw in map(load_framework, list_frameworks())
        for el in fw.elements
        for theme in el.themes
    ]
    return pd.DataFrame(rows, columns=["framework", "element", "theme"])


def framework_overview() -> pd.DataFrame:
    """One row per framework: title, number of elements and items, and its source.

    Returns
    -------
    pandas.DataFrame
        Indexed by framework id: its title, number of elements, number of items and the
        citation of its source (headers in the current language).

    Examples
    --------
    >>> framework_overview()["items"].to_dict()
    {'agile-cmo': 24, 'silo-collaboration': 20, 'customer-leadership': 30, \
'leading-professionals': 17, 'wij-model': 18}
    """
    rows = []
    for fw in map(load_framework, list_frameworks()):
        rows.append(
            {
                "id": fw.id,
                tr("framework"): tr(fw.title),
                tr("elements"): len(fw.elements),
                "items": len(fw.items),
                tr("source"): fw.citation(),
            }
        )
    return pd.DataFrame(rows).set_index("id")


@lru_cache(maxsize=32)
def _keys_path(path: Path, mtime: float) -> Instrument:
    return read_keys(path)


def _is_keys_file(path: Path) -> bool:
    """Whether a YAML file holds an instrument's keys (``scales:``) rather than a framework."""
    try:
        doc = read_yaml(path)
    except FrameworkFileError:
        return path.suffix.lower() in (".yaml", ".yml") and "keys" in path.stem.lower()
    return isinstance(doc, dict) and "scales" in doc and "instrument" not in doc


def load_instrument(spec: Instrument | str | Path) -> Instrument:
    """An instrument from a keys file, a framework id or file, or an instrument itself.

    Every function that scores takes its instrument through this call, so a kit framework
    (``"agile-cmo"``), the path of a framework file, the path of a small keys file (see
    :func:`~leadkit.content.instrument.read_keys`) and an
    :class:`~leadkit.content.instrument.Instrument` made with
    :meth:`~leadkit.content.instrument.Instrument.from_keys` all work the same.

    Parameters
    ----------
    spec : Instrument, str or pathlib.Path
        An instrument or framework (returned unchanged), a framework id of the kit, or the
        path of a keys or framework YAML file.

    Returns
    -------
    Instrument
        The instrument; a :class:`Framework` for a framework.

    Raises
    ------
    UnknownIdError
        An id that is not a framework of the kit.
    FrameworkFileError
        The file does not exist or fails a check; the message names the line and says what
        was expected.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "bfi-keys.yaml"
    >>> _ = p.write_text("name: bfi\\nscale: [1, 6]\\nscales:\\n  agree: [-A1, A2, A3]\\n")
    >>> ins = load_instrument(p)
    >>> ins.id, ins.keys()
    ('bfi', {'agree': ['-A1', 'A2', 'A3']})
    >>> load_instrument("agile-cmo").id
    'agile-cmo'
    """
    if isinstance(spec, Instrument):
        return spec
    candidate = Path(str(spec)).expanduser()
    if candidate.is_file() and _is_keys_file(candidate):
        path = candidate.resolve()
        return _keys_path(path, path.stat().st_mtime)
    return load_framework(spec)
