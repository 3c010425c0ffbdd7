"""A scoring instrument: scales of items, their keying and the answer scale — nothing more.

An :class:`Instrument` is what scoring needs and all it needs: the scales (a kit framework
calls them elements), which items belong to each, which items are reverse-keyed, and the
bounds of the answer scale. A researcher writes one as psych writes its keys
(:meth:`Instrument.from_keys`) or as a small YAML file (:func:`read_keys`); a kit
:class:`~leadkit.content.frameworks.Framework` is an instrument with the teaching fields on top,
so every function that scores a framework scores an instrument the same way.

Examples
--------
>>> bfi = Instrument.from_keys({"agreeableness": ["-A1", "A2", "A3"]}, scale=(1, 6))
>>> bfi.item_ids, [it.reverse for it in bfi.items]
(['A1', 'A2', 'A3'], [True, False, False])
>>> bfi.keys()
{'agreeableness': ['-A1', 'A2', 'A3']}
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadkit.errors import FrameworkFileError
from leadkit.i18n import LANGUAGES, tr

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Scale", "Item", "Instrument", "RESERVED_IDS", "read_keys"]

Text = dict[str, str]

#: Column names a response table uses for who answered and about whom: never an item id
#: (answers in such a column would be read as ids and labels). Compared without case.
RESERVED_IDS: frozenset[str] = frozenset({
    "respondent", "team", "rater", "target", "wave",
    "beoordelaar", "beoordeelde", "meting",  # the Dutch column names read as the above
})  # fmt: skip

# An item id is a column name: anything printable without spaces at its ends, as data has it
# (A1, Q1_1, A[SQ001], item.3); control characters and line breaks never.
_ITEM_ID = re.compile(r"^[^\x00-\x1f\x7f\s](?:[^\x00-\x1f\x7f]{0,198}[^\x00-\x1f\x7f\s])?$")


def _both(text: str | Mapping[str, str]) -> Text:
    """A text in every language: a plain string is the same text in each."""
    if isinstance(text, Mapping):
        return {str(k): str(v) for k, v in text.items()}
    return dict.fromkeys(LANGUAGES, str(text))


@dataclass(frozen=True, kw_only=True)
class Scale:
    """One scale of an instrument: a set of items scored together (a framework's element).

    Attributes
    ----------
    id : str
        The scale's id, unique within its instrument (``"agreeableness"``).
    name : dict of str to str
        Its name per language (by default the id).
    themes : tuple of str
        The kit's cross-framework themes it touches (none for a researcher's own scale).
    """

    id: str
    name: Text = field(default_factory=dict)
    themes: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The scale's name in the current language (its id when it has no name)."""
        return tr(self.name) if self.name else self.id


@dataclass(frozen=True, kw_only=True)
class Item:
    """One item of an instrument.

    Attributes
    ----------
    id : str
        The item id, a column of a response table (``"acmo01"``, ``"A1"``, ``"Q1_1"``).
    element : str
        The id of the scale (element) the item measures.
    reverse : bool
        Whether the item is reverse-keyed (scored ``low + high - answer``).
    self_text, observer_text : dict of str to str
        The statement as the person rates themself ("I …") and as others rate them
        ("My manager …"); empty when the instrument gives no statements.
    """

    id: str
    element: str
    reverse: bool = False
    self_text: Text = field(default_factory=dict)
    observer_text: Text = field(default_factory=dict)

    def text(self, form: str = "self") -> str:
        """Give the item's wording in the current language.

        Parameters
        ----------
        form : {"self", "observer"}, default "self"
            The self form ("I …") or the observer form ("My manager …").

        Returns
        -------
        str
            The statement; the item id when the instrument gives none.

        Raises
        ------
        ValueError
            For another ``form``.
        """
        if form not in ("self", "observer"):
            raise ValueError(f"form must be 'self' or 'observer', not {form!r}")
        text = self.self_text if form == "self" else self.observer_text
        return tr(text) if text else self.id


@dataclass(frozen=True, kw_only=True)
class Instrument:
    """Scales of items on one answer scale: everything scoring needs.

    Made by :meth:`from_keys` or :func:`read_keys`; a kit
    :class:`~leadkit.content.frameworks.Framework` is one too. The checks run when it is made:
    ids unique, every item in a scale that exists, no item id that the response table uses
    for metadata (``respondent``, ``team``, ``rater``, ``target``, ``wave``).

    Attributes
    ----------
    id : str
        The instrument's name; it fills the ``framework`` column of the scores.
    elements : tuple of Scale
        The scales, in order.
    items : tuple of Item
        The items, in order.
    scale : tuple of int
        The lowest and highest answer (``(1, 6)``).
    scale_labels : tuple of dict
        The label of each answer point, lowest first; ``{}`` for a point without a label.
    title : dict of str to str
        The instrument's name per language.
    path : str
        The file it was read from, if any.

    Raises
    ------
    FrameworkFileError
        When a check fails; the message names the place and says what was expected.
    """

    id: str
    elements: tuple[Scale, ...]
    items: tuple[Item, ...]
    scale: tuple[int, int]
    scale_labels: tuple[Text, ...] = ()
    title: Text = field(default_factory=dict)
    path: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        where = self.path or self.id
        low, high = self.scale
        if not (isinstance(low, int) and isinstance(high, int)) or low >= high:
            raise FrameworkFileError(where, "scale",
                tr("{value} is not a scale: expected two whole "
                   "numbers, the lowest answer first, such as [1, 5]").format(
                    value=list(self.scale)))
        if self.scale_labels and len(self.scale_labels) != high - low + 1:
            raise FrameworkFileError(where, "labels",
                tr("{n} labels for a {points}-point scale").format(
                    n=len(self.scale_labels), points=high - low + 1))
        scales = [s.id for s in self.elements]
        if len(set(scales)) != len(scales):
            twice = next(s for s in scales if scales.count(s) > 1)
            raise FrameworkFileError(where, "scales",
                tr("the scale '{value}' appears twice; expected "
                   "each scale once").format(value=twice))
        seen: dict[str, str] = {}
        for item in self.items:
            _check_item_id(item.id, where)
            if item.id in seen:
                raise FrameworkFileError(
                    where, f"scales.{item.element}", tr("the item '{item}' appears twice (also in "
                    "'{scale}'); expected each item in one scale").format(
                        item=item.id, scale=seen[item.id]))
            seen[item.id] = item.element
            if item.element not in scales:
                raise FrameworkFileError(where, f"items.{item.id}",
                    tr("unknown scale '{value}'; expected one of "
                       "{known}").format(value=item.element,
                        known=", ".join(scales)))
        if not self.title:
            object.__setattr__(self, "title", _both(self.id))

    # ---------------------------------------------------------------- making one

    @classmethod
    def from_keys(cls, keys: Mapping[str, Sequence[str]], scale: tuple[int, int], *,
                  texts: Mapping[str, str] | None = None,
                  labels: Mapping[int, str] | None = None,
                  name: str | None = None) -> Instrument:
        """An instrument from keys as R's psych writes them.

        Parameters
        ----------
        keys : mapping of str to list of str
            Per scale its item ids, a leading minus marking a reverse-keyed item:
            ``{"agreeableness": ["-A1", "A2", "A3", "A4", "A5"]}`` (psych's
            ``list(agree = c("-A1", "A2", …))``). Item ids are written exactly as the data's
            columns (``A1``, ``Q1_1``, ``A[SQ001]``, ``item.3``).
        scale : tuple of int
            The lowest and highest answer, such as ``(1, 6)``. Reverse keying uses these
            bounds, never the data's.
        texts : mapping of str to str, optional
            Item id to statement; used to find the items in an export whose headers hold the
            statements (Google Forms, Microsoft Forms, Qualtrics).
        labels : mapping of int to str, optional
            Answer value to label, for exports that hold the answers' text
            (``{1: "Very Inaccurate", 6: "Very Accurate"}``); not every value needs one.
        name : str, optional
            The instrument's name, shown in the scores' ``framework`` column and the report.

        Returns
        -------
        Instrument
            The instrument, its scales and items in the order of ``keys``.

        Raises
        ------
        FrameworkFileError
            An empty scale, an item twice, a text or label for something that does not exist,
            a label off the scale, or an item id the response table reserves (``team`` …).

        Examples
        --------
        >>> ins = Instrument.from_keys({"agree": ["-A1", "A2"], "open": ["O1", "-O2"]}, (1, 6),
        ...                            labels={1: "Very Inaccurate", 6: "Very Accurate"},
        ...                            name="bfi")
        >>> ins.id, [e.id for e in ins.elements], ins.scale_labels[0]["en"]
        ('bfi', ['agree', 'open'], 'Very Inaccurate')
        >>> Instrument.from_keys({"agree": ["-team", "A2"]}, (1, 6))
        Traceback (most recent call last):
        ...
        leadkit.errors.FrameworkFileError: <keys>, at scales.agree.0: 'team' is a column of the \
response table (respondent, team, rater, target, wave), not an item; expected an item id such \
as 'A1' (rename the column in the data)
        """
        return _from_parts(keys, scale, texts=texts, labels=labels, name=name,
                           where="<keys>")

    # ---------------------------------------------------------------- reading it

    def element(self, element_id: str) -> Scale:
        """Look up one scale (element) by its id.

        Parameters
        ----------
        element_id : str
            The scale's id (``"agreeableness"``; in a framework an element's, such as
            ``"build-trust"``).

        Returns
        -------
        Scale
            The scale (an :class:`~leadkit.content.frameworks.Element` for a framework).

        Raises
        ------
        UnknownIdError
            Naming the instrument's scales (a ``KeyError`` too).
        """
        from leadkit.errors import UnknownIdError

        for el in self.elements:
            if el.id == element_id:
                return el
        known = ", ".join(e.id for e in self.elements)
        raise UnknownIdError(f"{self.id} has no element {element_id!r}; its elements are: {known}")

    def items_for(self, element_id: str) -> tuple[Item, ...]:
        """List the items of one scale.

        Parameters
        ----------
        element_id : str
            The scale's id.

        Returns
        -------
        tuple of Item
            Its items, in instrument order.

        Raises
        ------
        UnknownIdError
            The instrument has no such scale (as for :meth:`element`).
        """
        self.element(element_id)
        return tuple(it for it in self.items if it.element == element_id)

    @property
    def item_ids(self) -> list[str]:
        """All item ids in instrument order."""
        return [it.id for it in self.items]

    def keys(self) -> dict[str, list[str]]:
        """The keys as psych writes them: per scale its items, reverse-keyed ones with a minus.

        Returns
        -------
        dict of str to list of str
            Scale id to item ids (``"-A1"`` for a reverse-keyed item).
        """
        return {el.id: [("-" if it.reverse else "") + it.id for it in self.items_for(el.id)]
                for el in self.elements}

    def describe(self) -> pd.DataFrame:
        """Show the scales as a table: their items, and which are reverse-keyed.

        Returns
        -------
        pandas.DataFrame
            One row per scale: ``scale``, ``items`` and ``reverse`` (item ids, comma-separated).

        Examples
        --------
        >>> inst = Instrument.from_keys({"calm": ["q1", "-q2"]}, scale=(1, 5))
        >>> inst.describe().values.tolist()
        [['calm', 'q1, q2', 'q2']]
        """
        import pandas as pd

        rows = [{"scale": el.id, "items": ", ".join(it.id for it in self.items_for(el.id)),
                 "reverse": ", ".join(it.id for it in self.items_for(el.id) if it.reverse)}
                for el in self.elements]
        return pd.DataFrame(rows, columns=["scale", "items", "reverse"])

    def answer_labels(self) -> dict[int, list[str]]:
        """Each labelled answer value with its labels in every language.

        Returns
        -------
        dict of int to list of str
            Answer value to its labels (empty when the instrument has none).
        """
        low = self.scale[0]
        return {low + i: list(dict.fromkeys(label.values()))
                for i, label in enumerate(self.scale_labels) if label}

    def citation(self) -> str:
        """The instrument's name (a framework gives its source instead).

        Returns
        -------
        str
            The name in the current language.
        """
        return tr(self.title)


def _check_item_id(item: object, where: str, place: str | None = None) -> None:
    """Refuse an item id that is no column name, or one the response table reserves."""
    place = place or "items"
    if not isinstance(item, str) or not _ITEM_ID.match(item):
        raise FrameworkFileError(where, place, tr("'{value}' is not an item id; expected the name "
                                 "of a column of the data, such as 'A1' or 'Q1_1' (no spaces at "
                                 "the ends, no line breaks)").format(value=str(item)[:60]))
    if item.strip().lower() in RESERVED_IDS:
        raise FrameworkFileError(where, place, tr("'{value}' is a column of the response table "
                                 "(respondent, team, rater, target, wave), not an item; expected "
                                 "an item id such as 'A1' (rename the column in the data)").format(
                                     value=item))


def _from_parts(keys: Any, scale: Any, *, texts: Any, labels: Any, name: Any, where: str,
                line: Any = None) -> Instrument:
    """Build and check an instrument; ``line(place)`` gives a file's line for a place."""
    def place(*parts: object) -> str:
        text = ".".join(str(p) for p in parts)
        at = line(parts) if line else None
        return f"line {at} ({text})" if at else text

    if not isinstance(keys, Mapping) or not keys:
        raise FrameworkFileError(where, place("scales"),
            tr("expected the scales with their items, such "
               "as {{agreeableness: [-A1, A2, A3]}}").format())
    try:
        low, high = (int(v) if isinstance(v, int) and not isinstance(v, bool) else v
                     for v in scale)
    except (TypeError, ValueError):
        low = high = None
    if not (isinstance(low, int) and isinstance(high, int) and low < high):
        raise FrameworkFileError(where, place("scale"),
            tr("{value} is not a scale; expected the lowest "
               "and the highest answer, such as [1, 6]").format(value=scale))
    if high - low > 100:
        raise FrameworkFileError(where, place("scale"),
            tr("a {points}-point scale; expected at most 101 "
               "answer points").format(points=high - low + 1))
    texts = dict(texts or {})
    items: list[Item] = []
    seen: dict[str, str] = {}
    for scale_id, members in keys.items():
        if not isinstance(scale_id, str) or not scale_id.strip():
            raise FrameworkFileError(where, place("scales"),
                tr("'{value}' is not a scale name; expected a "
                   "word such as agreeableness").format(value=scale_id))
        if isinstance(members, str) or not isinstance(members, Sequence) or not members:
            raise FrameworkFileError(where, place("scales", scale_id),
                tr("expected a list of item ids, such as [-A1, "
                   "A2, A3]"))
        for k, key in enumerate(members):
            text = str(key).strip() if isinstance(key, (str, int)) else key
            reverse = isinstance(text, str) and text.startswith("-")
            item = text[1:].strip() if reverse else text
            _check_item_id(item, where, place("scales", scale_id, k))
            if item in seen:
                raise FrameworkFileError(where, place("scales", scale_id, k),
                    tr("the item '{item}' is already in the scale "
                       "'{scale}'; expected each item in one scale").format(
                        item=item, scale=seen[item]))
            seen[item] = scale_id
            statement = texts.get(item)
            items.append(Item(id=item, element=scale_id, reverse=reverse,
                              self_text=_both(statement) if statement else {},
                              observer_text=_both(statement) if statement else {}))
    for item in texts:
        if item not in seen:
            raise FrameworkFileError(where, place("items", item),
                tr("a statement for '{value}', which is in no "
                   "scale; expected the items of the scales").format(
                    value=item))
    points: list[Text] = [{} for _ in range(high - low + 1)]
    for value, label in dict(labels or {}).items():
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number is None or not low <= number <= high or str(value).strip() != str(number):
            raise FrameworkFileError(where, place("labels", value),
                tr("{value} is not an answer of the scale; "
                   "expected a whole number from {low} to {high}").format(
                    value=value, low=low, high=high))
        points[number - low] = _both(label)
    return Instrument(
        id=str(name).strip() if name else (Path(where).stem if line else "instrument"),
        elements=tuple(Scale(id=s, name=_both(s)) for s in keys),
        items=tuple(items), scale=(low, high),
        scale_labels=tuple(points) if any(points) else (),
        path=where if line else "")


def read_keys(path: str | Path) -> Instrument:
    """Read an instrument from a small YAML file of keys.

    The file holds ``scale`` and ``scales`` (as psych writes keys) and, optionally, ``name``,
    ``items`` (statements, to find the items in an export's headers) and ``labels``::

        name: Big Five (bfi)
        scale: [1, 6]
        scales:
          agreeableness: [-A1, A2, A3, A4, A5]
        items:
          A1: Am indifferent to the feelings of others.
        labels: {1: Very Inaccurate, 6: Very Accurate}

    Parameters
    ----------
    path : str or pathlib.Path
        The YAML (or JSON) file.

    Returns
    -------
    Instrument
        The instrument, named after ``name`` or the file.

    Raises
    ------
    FrameworkFileError
        The file is missing or not YAML, or a field is wrong; the message names the line of
        the file and says what was expected.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "keys.yaml"
    >>> _ = p.write_text("scale: [1, 6]\\nscales:\\n  agree: [-A1, A2, A3]\\n  open: [O1, O1]\\n")
    >>> read_keys(p)
    Traceback (most recent call last):
    ...
    leadkit.errors.FrameworkFileError: ...keys.yaml, at line 4 (scales.open.1): the item 'O1' is \
already in the scale 'open'; expected each item in one scale
    """
    import yaml

    from leadkit.content.datafile import read_yaml

    path = Path(path).expanduser()
    where = str(path)
    try:
        doc = read_yaml(path)
        tree = yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    except RecursionError:
        raise FrameworkFileError(where, "", tr("the document is nested too deeply; expected a "
                                 "few levels (scales: {{name: [items]}})").format()) from None
    lines = _node_lines(tree)
    if not isinstance(doc, dict):
        raise FrameworkFileError(where, "line 1", tr("expected keys such as 'scale:' and 'scales:' "
                                 "at the top of the file"))
    known = {"name", "scale", "scales", "items", "labels"}
    for key in doc:
        if key not in known:
            raise FrameworkFileError(where, f"line {lines.get((key,), 1)} ({key})",
                                     tr("unknown key '{value}'; expected {known}").format(
                                         value=key, known=", ".join(sorted(known))))
    for key in ("scale", "scales"):
        if key not in doc:
            raise FrameworkFileError(where, "line 1",
                tr("the key '{value}' is missing; expected scale: "
                   "[1, 5] and scales: {{name: [item, -item, …]}}").format(
                    value=key))
    for key in ("items", "labels"):
        if doc.get(key) is not None and not isinstance(doc[key], dict):
            raise FrameworkFileError(where, f"line {lines.get((key,), 1)} ({key})",
                                     tr("expected a mapping, one 'id: text' per line"))

    def line(parts: tuple) -> int | None:
        for cut in range(len(parts), 0, -1):
            if parts[:cut] in lines:
                return lines[parts[:cut]]
        return None

    return _from_parts(doc["scales"], doc["scale"] if isinstance(doc["scale"], list) else
                       [doc["scale"]], texts=doc.get("items"), labels=doc.get("labels"),
                       name=doc.get("name") or path.stem, where=where, line=line)


def _node_lines(node: Any, parts: tuple = ()) -> dict[tuple, int]:
    """The line (1-based) of every key and list entry of a composed YAML document."""
    import yaml

    out: dict[tuple, int] = {}
    if node is None:
        return out
    out[parts] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            here = parts + (key.value,)
            out.update(_node_lines(value, here))
            out[here] = key.start_mark.line + 1
            if isinstance(key.value, str) and key.value.lstrip("-").isdigit():
                out[parts + (int(key.value),)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for k, value in enumerate(node.value):
            out.update(_node_lines(value, parts + (k,)))
    return out
