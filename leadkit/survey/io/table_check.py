"""Checking a raw response table cell by cell against a framework's instrument.

:func:`check_table` is the one place that decides what an answer, an id, a rater group or a
wave may be: it reads answer labels in Dutch or English, decimal commas and blank markers,
collects every problem as an :class:`~leadkit.errors.InputError` (file, row, column, what
was expected), and returns the clean table. :mod:`leadkit.survey.io.responses` reads files and
calls it, whole or a chunk at a time.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from leadkit.content.frameworks import list_frameworks, load_framework
from leadkit.content.instrument import Instrument
from leadkit.errors import InputError
from leadkit.i18n import tr
from leadkit.survey.io import response_checks as checks
from leadkit.survey.io.problems import Problems
from leadkit.survey.io.tablefile import is_blank

__all__ = ["METADATA", "RATER_GROUPS", "check_table", "label_language"]

#: The metadata columns, in the order they appear in a validated table.
METADATA: tuple[str, ...] = ("respondent", "team", "rater", "target", "wave")
#: The rater groups of a 360 design.
RATER_GROUPS: tuple[str, ...] = ("self", "manager", "peer", "report", "other")

_COLUMN_ALIASES = {"beoordelaar": "rater", "beoordeelde": "target", "meting": "wave"}
_RATER_ALIASES = {
    "zelf": "self", "leidinggevende": "manager", "collega": "peer", "peers": "peer",
    "medewerker": "report", "direct report": "report", "reports": "report",
    "anders": "other", "overig": "other",
}  # fmt: skip
# Cells that mean "not answered" in common survey exports (n.v.t. = niet van toepassing).
_MISSING = {"", "na", "n/a", "nan", "-", ".", "nvt", "n.v.t.", "#n/a", "none"}
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


# ---------------------------------------------------------------- checking the cells


def short(text: str, limit: int = 60) -> str:
    """A header as a message quotes it: whole, or its start and its end (never three alike).

    Parameters
    ----------
    text : str
        The header.
    limit : int, default 60
        The longest text quoted whole.

    Returns
    -------
    str
        The header, or its first and last characters around an ellipsis.

    Examples
    --------
    >>> short("Please rate each statement [I am the life of the party.]", 31)
    'Please rate ea … of the party.]'
    """
    if len(text) <= limit:
        return text
    half = (limit - 3) // 2
    return f"{text[:half].rstrip()} … {text[-half:].lstrip()}"


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _answer_parser(fw: Instrument):
    low, high = fw.scale
    labels = {_norm(text): value for value, texts in fw.answer_labels().items() for text in texts}
    spelled = {_norm(text): text for texts in fw.answer_labels().values() for text in texts}
    named = fw.answer_labels()
    shown = ", ".join(f"{value} = {texts[0]}" for value, texts in named.items())
    if named:
        example = tr(fw.scale_labels[-2]) if fw.scale_labels[-2] else named[max(named)][0]
        expected = tr("a whole number from {low} to {high}, or an answer label such as "
                      "'{example}'").format(low=low, high=high, example=example)
    else:
        expected = tr("a whole number from {low} to {high}").format(low=low, high=high)
    cache: dict[tuple[type, object], tuple[float, str | None]] = {}

    def parse(value: object) -> tuple[float, str | None]:
        """(number, None) or (nan, problem); nan with None means not answered."""
        key = (type(value), value)
        if key in cache:
            return cache[key]
        if is_blank(value):
            out: tuple[float, str | None] = (math.nan, None)
        elif isinstance(value, bool) or not isinstance(value, (int, float, np.number, str)):
            out = (math.nan, tr("'{value}' is not an answer").format(value=value))
        else:
            try:
                text = str(value).strip()
            except ValueError:  # an integer of thousands of digits
                text = ""
            if isinstance(value, str) and _norm(text) in labels:
                out = (float(labels[_norm(text)]), None)
            elif isinstance(value, str) and text.lower() in _MISSING:
                out = (math.nan, None)
            elif not isinstance(value, str) or _NUMBER.match(text):
                try:
                    number = float(value) if not isinstance(value, str) else float(
                        text.replace(",", "."))
                except (OverflowError, ValueError):
                    number = math.inf
                written = short(text, 20) if text else "…"
                if math.isinf(number) or (number.is_integer() and not low <= number <= high):
                    out = (math.nan, tr("the answer {value} is outside the scale").format(
                                         value=written if math.isinf(number) else int(number)))
                elif not number.is_integer():
                    out = (math.nan, tr("the answer {text} is not a whole number").format(
                                         text=written))
                else:
                    out = (number, None)
            else:
                near = difflib.get_close_matches(_norm(text), list(labels), n=1, cutoff=0.6)
                problem = tr("the text '{value}' is not an answer").format(value=short(text, 40))
                if near:  # the label it was probably meant to be, in the file's own language
                    problem += tr("; did you mean '{label}'?").format(label=spelled[near[0]])
                out = (math.nan, problem)
        cache[key] = out
        return out

    parse.expected = expected  # type: ignore[attr-defined]
    parse.shown = shown  # type: ignore[attr-defined]
    return parse


def _broken(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _other_framework(fw: Instrument, columns: Iterable[str]) -> tuple[str, int, int] | None:
    """The kit framework whose item ids best match the columns, if it beats ``fw``."""
    cols = set(columns)
    best, own = None, len(cols & set(fw.item_ids))
    try:
        candidates = [load_framework(i) for i in list_frameworks()]
    except Exception:  # a broken kit file must not hide the user's own problem
        return None
    for other in candidates:
        hits = len(cols & set(other.item_ids))
        if other.id != fw.id and hits > own and (best is None or hits > best[1]):
            best = (other.id, hits, len(other.item_ids))
    return best


def check_table(raw: pd.DataFrame, fw: Instrument, name: str, ignore: Sequence[str],
                errors: list[InputError], keep_answers: bool = True,
                duplicates: bool = True) -> pd.DataFrame:
    """Validate a raw object table; append problems to ``errors``; return the clean table.

    Parameters
    ----------
    raw : pandas.DataFrame
        The table as read, every cell still text or a number; its index is the spreadsheet
        row (header = row 1).
    fw : Instrument
        The framework whose items the columns answer.
    name : str
        The file (or table) name the errors refer to.
    ignore : sequence of str
        Extra columns to leave out of the check.
    errors : list of InputError
        Where every problem found is appended (nothing is raised).
    keep_answers : bool, default True
        False checks the answers but keeps no answer columns (checking a large file in
        chunks).
    duplicates : bool, default True
        Whether to look for a repeated respondent (off for a chunk: the caller checks the
        whole file).

    Returns
    -------
    pandas.DataFrame
        The metadata columns and the answers as numbers on the framework's scale.

    Examples
    --------
    >>> from leadkit.content.frameworks import load_framework
    >>> fw = load_framework("agile-cmo")
    >>> raw = pd.DataFrame({"respondent": ["a"]} | {i: ["Mee eens"] for i in fw.item_ids},
    ...                    index=pd.Index([2], name="row"))
    >>> found = []
    >>> float(check_table(raw, fw, "demo.csv", [], found)["acmo01"].iloc[0]), found
    (4.0, [])
    """
    ignore_set = {_norm(c) for c in ignore}
    seen: dict[str, str] = {}
    keep: dict[str, pd.Series] = {}
    items = set(fw.item_ids)
    # Item ids are matched as written (A1 and a1 may both be items), then without case.
    folded: dict[str, str] = {}
    for item in fw.item_ids:
        folded.setdefault(item.lower(), item)
    unknown: list[str] = []
    ignored: list[str] = []  # named in the report: a column left out is never left out silently
    for position, col in enumerate(raw.columns):
        label = str(col).strip()
        key = _COLUMN_ALIASES.get(label.lower(), label.lower())
        if label in items:
            key = label
        elif key not in METADATA:
            key = folded.get(key, key)
        values = raw.iloc[:, position]
        if not label:
            if not all(is_blank(v) for v in checks.cells(values)[1]):
                errors.append(InputError(name, tr("column number {value} has no name but holds "
                                                  "values").format(value=position + 1),
                    row=1, expected=tr("a column name in the header")))
            continue
        if _norm(label) in ignore_set:
            ignored.append(label)
            continue
        if key in seen:
            errors.append(InputError(name,
                                     tr("the column appears twice (also as '{value}')").format(
                                               value=seen[key]), row=1, column=label,
                                     expected=tr("each column once")))
            continue
        seen[key] = label
        if key in METADATA or key in items:
            keep[key] = values
        else:
            unknown.append(label)
    meta_text = ", ".join(METADATA)
    ids = ", ".join(fw.item_ids[:3]) + f" … {fw.item_ids[-1]}"  # enough to recognise them
    # Another kit framework is looked for only when these columns do not fit this one.
    fits = not unknown and all(item in keep for item in fw.item_ids)
    other = None if fits else _other_framework(fw, [c.lower() for c in unknown] + list(keep))
    if other is not None:
        errors.append(InputError(name, tr("the item columns belong to the framework '{value}' "
                                          "({value2} of its {value3} items), not to '{id}'").format(
                                           value=other[0], value2=other[1], value3=other[2],
                                           id=fw.id),
            expected=tr("the framework '{value}', or the items of '{id}': {ids}").format(
                         value=other[0], id=fw.id, ids=ids)))
    if other is None and not keep:
        # Nothing recognisable: one clear message instead of one per missing column.
        found = ", ".join(f"'{short(c)}'" for c in unknown[:3]) + (" …" if len(unknown) > 3
                                                                   else "")
        errors.append(InputError(name, tr("the header has none of the expected columns (found "
                                          "{value})").format(
                                           value=found or tr("none")),
            row=1, expected=tr("respondent and the items of '{id}': {ids} (in a workbook: the "
                               "sheet with the answers, --sheet or sheet=)").format(
                                id=fw.id, ids=ids)))
        return pd.DataFrame(index=raw.index)
    if "respondent" not in keep:
        errors.append(InputError(name, tr("there is no 'respondent' column"), row=1,
                                 expected=tr("a column 'respondent' with one id per person")))
    for label in unknown if other is None else []:
        errors.append(InputError(name, tr("unknown column"), row=1,
                                 column=label, expected=tr("the columns {meta_text} and the "
                                                           "items of '{id}': {ids}; leave other "
                                                           "columns out or name them with "
                                                           "--ignore-column (ignore_columns= in "
                                                           "Python)").format(
                                                            meta_text=meta_text, id=fw.id,
                                                            ids=ids)))
    for item in fw.item_ids if other is None else []:
        if item not in keep:
            errors.append(InputError(name, tr("the item column is missing"), row=1, column=item,
                                     expected=tr("one column per item of '{id}': {ids}").format(
                                                  id=fw.id, ids=ids)))
    out = _check_rows(raw.index, keep, fw, name, errors, keep_answers, duplicates)
    out.attrs["ignored_columns"] = ignored
    return out


def _check_rows(index: pd.Index, keep: dict[str, pd.Series], fw: Instrument, name: str,
                found: list[InputError], keep_answers: bool = True,
                duplicates: bool = True) -> pd.DataFrame:
    """The checked table; with ``keep_answers=False`` (only checking) the answers are checked but
    not kept, and a column ``_nothing`` marks the rows without any answer."""
    errors = Problems()
    rows = index.to_numpy()
    meta = {col: checks.ids(keep[col]) for col in METADATA if col in keep}
    people: list[str] = [c for c in ("respondent", "target") if c in meta]
    if people:
        for who, column in zip(people, checks.same_ids([meta[c] for c in people]), strict=True):
            meta[who] = column
    for group in ("team", "wave"):
        if group in meta:
            meta[group] = checks.same_ids([meta[group]])[0]
    for col, column in meta.items():
        distinct = pd.unique(column).tolist()
        if "\x1f".join(distinct).isascii():
            continue  # ASCII holds no broken character
        broken = [u for u in distinct if not u.isprintable() and _broken(u)]
        for n in rows[np.isin(column, broken)] if broken else []:
            errors.append(InputError(name, tr("the id holds a character that is not text (a "
                                              "broken surrogate)"), row=int(n), column=col,
                                     expected=tr("an id of letters, digits and punctuation")))
    out = pd.DataFrame(meta, index=index)
    if "team" in out:
        out["team"] = out["team"].replace("", np.nan)
    if "rater" in out:
        codes, uniques = pd.factorize(out["rater"].to_numpy(dtype=object))
        mapped = [_RATER_ALIASES.get(v.lower(), v.lower()) for v in uniques]
        for u, (raw, value) in enumerate(zip(uniques, mapped, strict=True)):
            if value in RATER_GROUPS:
                continue
            for n in rows[codes == u]:
                errors.append(InputError(name, tr("unknown rater '{raw}'").format(raw=raw),
                                         row=int(n),
                                         column="rater", expected=tr("self, manager, peer, report "
                                                                     "or other")))
        out["rater"] = np.array(mapped, dtype=object)[codes] if len(codes) else out["rater"]
    empty = {"respondent": tr("the respondent id is empty"),
             "wave": tr("the wave is empty")}
    for col, problem in empty.items():
        for n in out.index[out[col] == ""] if col in out else []:
            errors.append(InputError(name, problem, row=n, column=col,
                                     expected=tr("a value in every row")))
    if "target" in out and "respondent" in out:  # without respondent: reported above
        checks.check_targets(out, name, errors, RATER_GROUPS)
    if "respondent" in out:
        if duplicates:
            checks.find_duplicates(out, rows, name, errors)
    parse = _answer_parser(fw)
    items, answered = {}, np.zeros(len(rows), dtype=bool)
    for item in fw.item_ids:
        column = (np.full(len(rows), np.nan) if item not in keep else
                  checks.answers(keep[item], rows, item, parse, name, errors))
        answered |= np.isfinite(column)
        if keep_answers:
            items[item] = column
    extra = items if keep_answers else {"_nothing": ~answered}
    # One column at a time into a dict, then one frame without copying the answers again.
    out = pd.DataFrame({**{c: out[c] for c in out.columns}, **extra}, index=index, copy=False)
    # Row by row, as a user fixes a spreadsheet; within a row, in column order (stable sort).
    found.extend(errors.in_order())
    return out


def label_language(path: str | Path, fw: Instrument, *, sample: int = 65_536) -> str | None:
    """The language of the answer labels a text file holds, from its first bytes.

    A file answered with Dutch labels ("Mee eens") gets its messages in Dutch, unless the user
    chose a language. Cells are compared whole, after case and spaces, with each language's
    labels of the instrument.

    Parameters
    ----------
    path : str or Path
        A CSV or TSV file (other files give None).
    fw : Instrument
        The instrument, with its answer labels per language.
    sample : int, default 65536
        How many bytes to look at.

    Returns
    -------
    str or None
        The language code whose labels occur most, or None when no label occurs.

    Examples
    --------
    >>> import tempfile
    >>> from leadkit.content.frameworks import load_framework
    >>> f = Path(tempfile.mkdtemp()) / "a.csv"
    >>> _ = f.write_text("respondent;acmo01\\nr1;Mee eens\\n", encoding="utf-8")
    >>> label_language(f, load_framework("agile-cmo"))
    'nl'
    """
    path = Path(path)
    if path.suffix.lower() not in (".csv", ".tsv", ".txt") or not path.is_file():
        return None
    with open(path, "rb") as fh:
        text = fh.read(sample).decode("utf-8", errors="ignore")
    counts: dict[str, int] = {}
    by_text: dict[str, set[str]] = {}
    for label in fw.scale_labels:
        for code, words in label.items():
            by_text.setdefault(_norm(words), set()).add(code)
    for cell in re.split(r"[,;\t\r\n]", text):
        codes = by_text.get(_norm(cell.strip().strip('"')))
        if codes and len(codes) == 1:  # a label two languages share says nothing
            (code,) = codes
            counts[code] = counts.get(code, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None
