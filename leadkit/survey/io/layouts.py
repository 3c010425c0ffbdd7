"""Recognising a survey tool's export and finding the instrument's items in it.

Survey tools write the same answers in different layouts: Qualtrics puts two more header rows
under the export tags (the question texts and ``{"ImportId": …}``) and ``ResponseId`` among
a dozen metadata columns; Google Forms heads a grid question's rows ``Question [statement]``
and has no id; Microsoft Forms starts with ``ID``, ``Start time`` and ``Completion time``;
LimeSurvey writes ``id``, ``submitdate`` and subquestions as ``CODE[SQ001]``. :func:`detect`
recognises the layout from the header (and those header rows), and :func:`match_items` finds
each item of an instrument among the columns: by its id, by a LimeSurvey subquestion code, or
by its statement in the header text after normalising case, spaces and quotes.

Examples
--------
>>> import pandas as pd
>>> from leadkit.content.instrument import Instrument
>>> ins = Instrument.from_keys({"a": ["A1", "-A2"]}, (1, 6),
...                            texts={"A1": "Am indifferent", "A2": "Inquire about others"})
>>> raw = pd.DataFrame(columns=["Timestamp", "Rate [Am indifferent]", "Rate [Inquire "
...                             "about others]"])
>>> layout = detect(raw, ".csv")
>>> layout.kind, match_items(raw.columns, layout.texts, ins)
('google-forms', {'Rate [Am indifferent]': 'A1', 'Rate [Inquire about others]': 'A2'})
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from leadkit.content.instrument import Instrument

__all__ = ["Layout", "LAYOUT_NAMES", "detect", "match_items", "normalise_text", "rename"]

#: The layouts recognised, with the name messages use.
LAYOUT_NAMES: dict[str, str] = {
    "qualtrics": "Qualtrics", "google-forms": "Google Forms",
    "microsoft-forms": "Microsoft Forms", "limesurvey": "LimeSurvey", "spss": "SPSS",
    "stata": "Stata", "table": "",
}  # fmt: skip

_QUALTRICS_META = {"startdate", "enddate", "status", "ipaddress", "progress",
                   "duration (in seconds)", "finished", "recordeddate", "responseid",
                   "recipientlastname", "recipientfirstname", "recipientemail",
                   "externalreference", "locationlatitude", "locationlongitude",
                   "distributionchannel", "userlanguage", "q_recaptchascore"}
_GOOGLE_FIRST = {"timestamp", "tijdstempel", "zeitstempel", "horodateur", "marca temporal",
                 "carimbo de data/hora", "informazioni cronologiche"}
_MS_TIMES = {"start time", "begintijd", "starttijd", "completion time", "tijd van voltooien",
             "voltooiingstijd"}
_LIME_META = {"id", "submitdate", "lastpage", "startlanguage", "seed", "startdate",
              "datestamp", "ipaddr", "refurl", "token"}
_ID_NAMES = ("respondent", "responseid", "response id", "id", "respondent id", "case",
             "caseid", "participant", "participant id")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"',
                         "\u00bb": '"', "`": "'", "\u00b4": "'"})
_SUBQUESTION = re.compile(r"^(.*?)\[([^\[\]]+)\]\s*$")


def normalise_text(text: str) -> str:
    """A statement as headers are compared: NFKC, one case, straight quotes, single spaces.

    Parameters
    ----------
    text : str
        A header or an item's statement.

    Returns
    -------
    str
        The text folded for comparison (a trailing full stop dropped).

    Examples
    --------
    >>> normalise_text("  Am  \\u201cindifferent\\u201d to OTHERS. ")
    'am "indifferent" to others'
    """
    text = unicodedata.normalize("NFKC", str(text)).translate(_QUOTES).casefold()
    return " ".join(text.split()).rstrip(".").strip()


@dataclass
class Layout:
    """What :func:`detect` found out about an export.

    Attributes
    ----------
    kind : str
        One of the keys of :data:`LAYOUT_NAMES`.
    respondent : str or None
        The column holding the respondent id; None to number respondents in file order.
    header_rows : list
        Index labels of rows that are more header, not answers (Qualtrics' rows 2 and 3).
    texts : dict of str to str
        Per column the text that may hold an item's statement.
    finished : str or None
        The column that says whether a response was completed (Qualtrics' ``Finished``).
    """

    kind: str
    respondent: str | None = None
    header_rows: list = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    finished: str | None = None


def _find(columns: Iterable[str], names: Iterable[str]) -> str | None:
    folded = {str(c).strip().casefold(): str(c) for c in columns}
    return next((folded[n] for n in names if n in folded), None)


def detect(raw: pd.DataFrame, suffix: str) -> Layout:
    """Recognise the tool that wrote a table from its header and first rows.

    Parameters
    ----------
    raw : pandas.DataFrame
        The table as read, every cell as written; the header is its columns.
    suffix : str
        The file's ending (``".sav"`` …), which decides for statistics files.

    Returns
    -------
    Layout
        The layout; ``"table"`` for a plain table in the kit's own layout.
    """
    columns = [str(c).strip() for c in raw.columns]
    folded = {c.casefold() for c in columns}
    texts = {c: c for c in columns}
    if suffix in (".sav", ".zsav", ".por", ".dta"):
        return Layout("stata" if suffix == ".dta" else "spss",
                      respondent=_find(columns, _ID_NAMES), texts=texts)
    response_id = _find(columns, ("responseid", "responseid", "response id"))
    if response_id and folded & {"startdate", "finished", "status", "recordeddate"}:
        header_rows, texts = [], {}
        for label in raw.index[:3]:
            cell = str(raw.at[label, response_id]).strip()
            row = raw.loc[label]
            if cell.startswith("{") or cell.casefold() in ("response id", "responseid"):
                header_rows.append(label)
                if not cell.startswith("{"):  # the question texts
                    texts = {str(c).strip(): str(v) for c, v in row.items()}
        return Layout("qualtrics", respondent=response_id, header_rows=header_rows,
                      texts=texts or dict.fromkeys(columns, ""),
                      finished=_find(columns, ("finished",)))
    if columns and columns[0].casefold() in _GOOGLE_FIRST:
        return Layout("google-forms", respondent=_find(columns, ("respondent",)), texts=texts)
    if folded & _MS_TIMES and _find(columns, ("id",)):
        return Layout("microsoft-forms", respondent=_find(columns, ("id",)), texts=texts)
    if {"id", "submitdate"} <= folded or {"id", "lastpage", "startlanguage"} <= folded:
        return Layout("limesurvey", respondent=_find(columns, ("id",)), texts=texts)
    return Layout("table", respondent=_find(columns, ("respondent",)), texts=texts)


def rename(columns: Iterable[str], mapping: Mapping[str, str] | Callable[[str], str] | None
           ) -> dict[str, str]:
    """The user's renaming (``columns=``) as a mapping of file column to new name.

    Parameters
    ----------
    columns : iterable of str
        The file's columns.
    mapping : mapping or callable, optional
        File column to item id, or a function of the column name (returning the name itself
        or None leaves a column as it is).

    Returns
    -------
    dict of str to str
        The columns that get another name.

    Examples
    --------
    >>> rename(["q1", "q2"], str.upper), rename(["q1"], {"q1": "A1", "zz": "A2"})
    ({'q1': 'Q1', 'q2': 'Q2'}, {'q1': 'A1'})
    """
    if mapping is None:
        return {}
    out = {}
    for col in columns:
        new = mapping(col) if callable(mapping) else mapping.get(col)
        if new is not None and str(new) != col:
            out[col] = str(new)
    return out


def match_items(columns: Iterable[str], texts: Mapping[str, str], ins: Instrument
                ) -> dict[str, str]:
    """Find the instrument's items among an export's columns.

    An item matches a column named as its id (as written, then without case), a LimeSurvey
    subquestion ``CODE[id]``, or a column whose text (the header, its ``[bracketed]`` end or
    the part after the last ``" - "``) is the item's statement after normalising
    (:func:`normalise_text`).

    Parameters
    ----------
    columns : iterable of str
        The columns of the export.
    texts : mapping of str to str
        Per column the text that may hold a statement (the header itself, or Qualtrics'
        question text).
    ins : Instrument
        The instrument.

    Returns
    -------
    dict of str to str
        Column to item id, for the columns that match one item each.
    """
    columns = [str(c).strip() for c in columns]
    ids = set(ins.item_ids)
    folded: dict[str, str] = {}
    for item_id in ins.item_ids:
        folded.setdefault(item_id.casefold(), item_id)
    statements: dict[str, str] = {}
    for item in ins.items:
        for text in {*item.self_text.values(), *item.observer_text.values()}:
            statements.setdefault(normalise_text(text), item.id)
    found: dict[str, str] = {}
    taken: set[str] = set()

    def take(col: str, item: str | None) -> None:
        if item is not None and item not in taken and col not in found:
            found[col] = item
            taken.add(item)

    for col in columns:  # ids first, as written
        take(col, col if col in ids else None)
    for col in columns:
        take(col, folded.get(col.casefold()))
    for col in columns:
        sub = _SUBQUESTION.match(col)
        if sub:
            take(col, folded.get(sub.group(2).strip().casefold()))
    if statements:
        for col in columns:
            take(col, _statement(texts.get(col, col), statements))
    return found


def _statement(text: str, statements: Mapping[str, str]) -> str | None:
    """The item whose statement a column's text holds, whole or at its end."""
    whole = normalise_text(text)
    if whole in statements:
        return statements[whole]
    candidates = []
    sub = _SUBQUESTION.match(text)
    if sub:
        candidates.append(sub.group(2))
    parts = re.split(r"\s+-\s+", text)
    if len(parts) > 1:  # Qualtrics: "question - statement" (the question may span lines)
        candidates.append(parts[-1])
    for candidate in candidates:
        if normalise_text(candidate) in statements:
            return statements[normalise_text(candidate)]
    return None
