"""Scores from validated responses: element (subscale) scores, framework scores, theme scores.

The rules, in short (``docs/scoring.md`` has the full account):

- **Reverse keying** uses the instrument's scale bounds, never the data: on a 1–5 scale a
  reverse-keyed answer ``x`` counts as ``1 + 5 - x``.
- **Element score** = the mean of the answered (keyed) items of that element — person-mean
  prorating — provided at least ``min_share`` of the element's items are answered; otherwise
  the score is missing. ``n_answered`` and ``n_items`` stand beside every score.
- **Instrument score** = the mean of a person's element scores (each element weighs the same),
  provided at least ``min_share`` of the elements have a score.
- **Theme score** = the mean of the element scores of the elements that touch a cross-framework
  theme, also as POMP (percent of the maximum possible, 0–100) so that frameworks with
  different scales can be set side by side.

Examples
--------
>>> import pandas as pd
>>> from leadkit.content.frameworks import load_framework
>>> fw = load_framework("agile-cmo")
>>> table = pd.DataFrame({"respondent": ["a"]} | {i: [4] for i in fw.item_ids})
>>> s = score(table, fw)
>>> list(s.columns)
['respondent', 'framework', 'element', 'score', 'n_answered', 'n_items']
>>> framework_score(s)[["respondent", "n_elements"]].to_dict("records")
[{'respondent': 'a', 'n_elements': 7}]
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from leadkit.content.frameworks import crosswalk, load_instrument
from leadkit.content.instrument import Instrument
from leadkit.docparams import shared_params
from leadkit.survey.io.responses import METADATA, fingerprint, read_responses

__all__ = ["checked_table", "reverse_keyed", "score", "iter_scores", "wide_scores",
           "framework_score", "theme_scores", "share_note"]


def _check_share(min_share: float) -> None:
    if not 0 < min_share <= 1:
        raise ValueError(f"min_share must be above 0 and at most 1, not {min_share!r}")


def _enough(n_answered: np.ndarray, n_items: int | np.ndarray, min_share: float) -> np.ndarray:
    # The small tolerance keeps 2 of 4 items at min_share=0.5 on the right side of the line.
    return (n_answered > 0) & (n_answered >= min_share * n_items - 1e-9)


def _meta(frame: pd.DataFrame) -> list[str]:
    return [c for c in METADATA if c in frame.columns]


def checked_table(responses: pd.DataFrame | str | Path, fw: Instrument) -> pd.DataFrame:
    """The response table checked against ``fw`` (re-read only when it changed since).

    Parameters
    ----------
    responses : pandas.DataFrame or str or Path
        A table from :func:`~leadkit.survey.io.responses.read_responses`, any DataFrame, or a path.
    fw : Instrument
        The framework the answers belong to.

    Returns
    -------
    DataFrame
        The validated table, as :func:`~leadkit.survey.io.responses.read_responses` returns it.

    Examples
    --------
    >>> import leadkit as lk
    >>> fw = load_instrument("agile-cmo")
    >>> table = lk.read_responses(lk.dataset_path("agile-cmo-class"), fw)
    >>> checked_table(table, fw) is table
    True
    """
    if isinstance(responses, pd.DataFrame) and responses.attrs.get("framework") == fw.id:
        checked = responses.attrs.get("checked")
        if checked is not None and checked == fingerprint(responses):
            return responses  # exactly the table read_responses checked: nothing to redo
        # Read before but changed since (a cell edited): check again, but warn only once.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            return read_responses(responses, fw)
    return read_responses(responses, fw)


@shared_params
def reverse_keyed(responses: pd.DataFrame | str | Path,
                  framework: Instrument | str | Path) -> pd.DataFrame:
    """The validated response table with reverse-keyed items turned around.

    Parameters
    ----------
    %(responses_framework)s

    Returns
    -------
    pandas.DataFrame
        The checked table, each reverse-keyed answer ``x`` turned into ``low + high - x``
        with the bounds of the framework's scale.

    Raises
    ------
    InputError
        The table does not pass the checks of
        :func:`~leadkit.survey.io.responses.read_responses`.

    Examples
    --------
    >>> import pandas as pd
    >>> fw = load_instrument("agile-cmo")
    >>> rev = next(it.id for it in fw.items if it.reverse)
    >>> table = pd.DataFrame({"respondent": ["a"]} | {i: [2] for i in fw.item_ids})
    >>> float(reverse_keyed(table, fw).loc[2, rev])
    4.0
    """
    fw = load_instrument(framework)
    return _turned(checked_table(responses, fw), fw)


def _turned(table: pd.DataFrame, fw: Instrument) -> pd.DataFrame:
    """A copy of a checked table with the reverse-keyed items turned around."""
    table = table.copy()
    low, high = fw.scale
    for item in fw.items:
        if item.reverse:
            table[item.id] = low + high - table[item.id]
    return table


@shared_params
def score(responses: pd.DataFrame | str | Path, framework: Instrument | str | Path, *,
          min_share: float = 0.5) -> pd.DataFrame:
    """Element scores for every row of a response table, as a tidy DataFrame.

    Parameters
    ----------
    %(responses_framework)s
    %(min_share)s

    Returns
    -------
    DataFrame
        One row per response row and element: the metadata columns present (``respondent``,
        ``team``, ``rater``, ``target``, ``wave``), ``framework``, ``element``, ``score``,
        ``n_answered`` and ``n_items``. ``attrs`` keeps ``source``, ``framework`` and ``scale``.

    Raises
    ------
    %(scoring_raises)s

    Examples
    --------
    >>> import pandas as pd
    >>> fw = load_instrument("agile-cmo")
    >>> el = fw.elements[0].id
    >>> first = [it for it in fw.items if it.element == el and not it.reverse][0].id
    >>> table = pd.DataFrame({"respondent": ["a"]} | {i: [None] for i in fw.item_ids})
    >>> table[first] = 5
    >>> s = score(table, fw, min_share=0.25)
    >>> s.loc[s.element == el, ["score", "n_answered"]].to_dict("records")
    [{'score': 5.0, 'n_answered': 1}]
    """
    _check_share(min_share)
    fw = load_instrument(framework)
    return _tidy(checked_table(responses, fw), fw, min_share)


@shared_params
def iter_scores(responses: pd.DataFrame | str | Path, framework: Instrument | str | Path, *,
                min_share: float = 0.5, block: int = 100_000) -> Iterator[pd.DataFrame]:
    """The scores of :func:`score`, ``block`` response rows at a time (for very large files).

    The table is checked once; each piece is the tidy score table of the next ``block`` rows,
    so that writing the scores of a large survey never holds them all in memory. The text
    columns of the pieces are categorical (each id stored once); the values equal
    :func:`score`'s.

    Parameters
    ----------
    %(scores_in_blocks)s

    Yields
    ------
    pandas.DataFrame
        The tidy score table of the next ``block`` rows, as :func:`score` gives it; an empty
        table gives one empty piece.

    Raises
    ------
    %(scoring_raises)s

    Examples
    --------
    The sample class (216 response rows, 7 elements) in pieces of 100 rows:

    >>> import leadkit as lk
    >>> pieces = iter_scores(lk.dataset_path("agile-cmo-class"), "agile-cmo", block=100)
    >>> [len(part) for part in pieces]
    [700, 700, 112]
    """
    _check_share(min_share)
    fw = load_instrument(framework)
    checked = checked_table(responses, fw)
    for start in range(0, max(len(checked), 1), block):  # keyed a block at a time: no copy
        yield _tidy(checked.iloc[start:start + block], fw, min_share,
                    coded=True)


def _matrix(table: pd.DataFrame, fw: Instrument, min_share: float
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Scores (rows × elements), the answered counts and the element sizes of a checked
    table, its reverse-keyed items turned around here (no copy of the table is made)."""
    n_rows, n_el = len(table), len(fw.elements)
    low, high = fw.scale
    values = table[fw.item_ids].to_numpy(dtype=float, copy=True)
    reverse = [k for k, it in enumerate(fw.items) if it.reverse]
    values[:, reverse] = low + high - values[:, reverse]
    scores = np.empty((n_rows, n_el))
    answered = np.empty((n_rows, n_el), dtype=np.int64)
    sizes = np.empty(n_el, dtype=np.int64)
    element_of = [it.element for it in fw.items]
    for e, element in enumerate(fw.elements):
        part = values[:, [k for k, el in enumerate(element_of) if el == element.id]]
        answered[:, e] = np.isfinite(part).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            means = np.nansum(part, axis=1) / answered[:, e]
        scores[:, e] = np.where(_enough(answered[:, e], part.shape[1], min_share), means, np.nan)
        sizes[e] = part.shape[1]
    return scores, answered, sizes


@shared_params
def wide_scores(responses: pd.DataFrame | str | Path, framework: Instrument | str | Path, *,
                min_share: float = 0.5, block: int = 100_000) -> Iterator[pd.DataFrame]:
    """The element scores one row per response row, one column per element, in blocks.

    The layout of R ``psych::scoreItems`` and of most statistics programs: the metadata
    columns, then one column per element id (the same values as :func:`score`). Yields
    ``block`` rows at a time, so that a large survey is never all in memory.

    Parameters
    ----------
    %(scores_in_blocks)s

    Yields
    ------
    part : pandas.DataFrame
        For the next ``block`` rows: the metadata columns, then one float column per element
        (NaN where too few items are answered).

    Raises
    ------
    %(scoring_raises)s

    Examples
    --------
    The sample class: 216 rows, five metadata columns and seven elements:

    >>> import leadkit as lk
    >>> part = next(wide_scores(lk.dataset_path("agile-cmo-class"), "agile-cmo"))
    >>> part.shape, part.iloc[0, 5:7].round(2).to_dict()
    ((216, 12), {'build-trust': 3.33, 'create-and-share-vision': 2.33})
    """
    _check_share(min_share)
    fw = load_instrument(framework)
    checked = checked_table(responses, fw)
    meta = _meta(checked)
    for start in range(0, max(len(checked), 1), block):
        part = checked.iloc[start:start + block]
        scores, _, _ = _matrix(part, fw, min_share)
        out = part[meta].reset_index(drop=True)
        for e, element in enumerate(fw.elements):
            out[element.id] = scores[:, e]
        yield out


def _tidy(table: pd.DataFrame, fw: Instrument, min_share: float,
          coded: bool = False) -> pd.DataFrame:
    meta = _meta(table)
    n_rows, n_el = len(table), len(fw.elements)
    scores, answered, sizes = _matrix(table, fw, min_share)
    # Each respondent's elements together, in the framework's order: row-major order.
    rows = np.repeat(np.arange(n_rows), n_el)
    element_ids = np.array([e.id for e in fw.elements], dtype=object)
    if coded:  # categorical columns: each id stored once, cheap to write block by block
        out = pd.DataFrame({c: pd.Categorical(table[c].to_numpy(dtype=object))[rows]
                            for c in meta})
        out["framework"] = pd.Categorical.from_codes(np.zeros(len(rows), np.int8), [fw.id])
        out["element"] = pd.Categorical.from_codes(
            np.tile(np.arange(n_el, dtype=np.int16), n_rows), element_ids)
    else:
        out = table[meta].iloc[rows].reset_index(drop=True)
        out["framework"] = fw.id
        out["element"] = np.tile(element_ids, n_rows)
    out["score"] = scores.ravel()
    out["n_answered"] = answered.ravel()
    out["n_items"] = np.tile(sizes, n_rows)
    out.attrs = {"source": table.attrs.get("source", ""), "framework": fw.id, "scale": fw.scale}
    return out


def _mean_of_elements(scores: pd.DataFrame, keys: list[str], min_share: float,
                      **sums: tuple[str, str]) -> pd.DataFrame:
    """The mean element score per group of ``keys``, with ``n_elements_scored`` and
    ``n_elements``; missing where fewer than ``min_share`` of the group's elements have a score.

    ``sums`` are further named aggregations, placed right after ``score``.
    """
    out = scores.groupby(keys, dropna=False, sort=False).agg(
        score=("score", "mean"),
        **sums,
        n_elements_scored=("score", "count"),
        n_elements=("element", "size"),
    ).reset_index()
    enough = _enough(out["n_elements_scored"].to_numpy(), out["n_elements"].to_numpy(), min_share)
    out["score"] = out["score"].where(enough)
    return out


def framework_score(scores: pd.DataFrame, *, min_share: float = 0.5) -> pd.DataFrame:
    """One score per response row and framework: the mean of its element scores.

    Every element weighs the same, however many items it has. The score is missing when fewer
    than ``min_share`` of the elements have a score.

    Parameters
    ----------
    scores : pandas.DataFrame
        The tidy element scores of :func:`score`.
    min_share : float, default 0.5
        The smallest share of the elements that must have a score to give a framework score.

    Returns
    -------
    DataFrame
        The metadata columns, ``framework``, ``score``, ``n_answered`` and ``n_items`` (summed
        over the elements), ``n_elements_scored`` and ``n_elements``.

    Examples
    --------
    >>> s = pd.DataFrame({"respondent": ["a", "a"], "framework": "x", "element": ["e1", "e2"],
    ...                   "score": [4.0, float("nan")], "n_answered": [3, 0], "n_items": 3})
    >>> framework_score(s)[["score", "n_elements_scored", "n_elements"]].to_dict("records")
    [{'score': 4.0, 'n_elements_scored': 1, 'n_elements': 2}]
    >>> framework_score(s, min_share=0.75)["score"].isna().all()
    np.True_
    """
    _check_share(min_share)
    out = _mean_of_elements(scores, _meta(scores) + ["framework"], min_share,
                            n_answered=("n_answered", "sum"), n_items=("n_items", "sum"))
    out.attrs = dict(scores.attrs)
    return out


def theme_scores(scores: pd.DataFrame, framework: Instrument | str | Path | None = None, *,
                 min_share: float = 0.5) -> pd.DataFrame:
    """Element scores rolled up to the cross-framework themes (see ``crosswalk()``).

    Parameters
    ----------
    scores : DataFrame
        Output of :func:`score` (one or more frameworks stacked).
    framework : Instrument, id or path, optional
        Needed only for a framework that is not part of the kit (its own file); the kit's
        frameworks are found by the ids in ``scores["framework"]``.
    min_share : float
        The smallest share of a theme's elements that must have a score.

    Returns
    -------
    DataFrame
        The metadata columns, ``framework``, ``theme``, ``score`` (mean of the element scores,
        on the framework's own scale), ``pomp`` (the same as percent of the maximum possible:
        ``100 * (score - low) / (high - low)``), ``n_elements_scored`` and ``n_elements``.

    Examples
    --------
    >>> import pandas as pd
    >>> fw = load_instrument("agile-cmo")
    >>> table = pd.DataFrame({"respondent": ["a"]} | {i: [3] for i in fw.item_ids})
    >>> t = theme_scores(score(table, fw))
    >>> t["pomp"].unique().tolist()  # the middle of the scale is 50 percent
    [50.0]
    """
    _check_share(min_share)
    given = {} if framework is None else {(f := load_instrument(framework)).id: f}
    frameworks = {i: given.get(i) or load_instrument(i) for i in scores["framework"].unique()}
    links = pd.concat(
        [pd.DataFrame([{"framework": f.id, "element": e.id, "theme": t}
                       for e in f.elements for t in e.themes],
                      columns=["framework", "element", "theme"])  # none for an own scale
         for f in frameworks.values()]
    ) if frameworks else crosswalk()
    merged = scores.merge(links, on=["framework", "element"], how="inner")
    out = _mean_of_elements(merged, _meta(scores) + ["framework", "theme"], min_share)
    low = out["framework"].map({i: f.scale[0] for i, f in frameworks.items()})
    high = out["framework"].map({i: f.scale[1] for i, f in frameworks.items()})
    out.insert(out.columns.get_loc("score") + 1, "pomp", 100 * (out["score"] - low) / (high - low))
    out.attrs = {k: v for k, v in scores.attrs.items() if k != "scale"}
    return out


@shared_params
def share_note(responses: pd.DataFrame | str | Path, framework: Instrument | str | Path, *,
               min_share: float = 0.5) -> str | None:
    """Say how many scores ``min_share`` leaves missing that psych would give, and why.

    R's ``psych::scoreItems(keys, items, impute = "none")`` averages whatever items a person
    answered; the kit leaves a score missing when fewer than ``min_share`` of the element's
    items are answered. A psych user should hear of every score that differs for that reason.

    Parameters
    ----------
    %(responses_framework)s
    min_share : float, default 0.5
        The share used for scoring.

    Returns
    -------
    str or None
        One sentence in the current language, or None when no score is left missing so.

    Examples
    --------
    >>> import pandas as pd
    >>> from leadkit.content.instrument import Instrument
    >>> ins = Instrument.from_keys({"agree": ["A1", "A2", "A3"]}, (1, 6))
    >>> table = pd.DataFrame({"respondent": ["a", "b"], "A1": [3, 4], "A2": [None, 5],
    ...                       "A3": [None, 6]})
    >>> print(share_note(table, ins))
    1 score (1 respondent) is left missing because fewer than 50% of its items were answered \
(min_share 0.50); psych::scoreItems(impute = "none") scores from any answered item, as \
min_share=0.01 does.
    """
    from leadkit.i18n import format_number, ngettext

    _check_share(min_share)
    fw = load_instrument(framework)
    table = checked_table(responses, fw)
    scores, answered, sizes = _matrix(table, fw, min_share)
    short = np.isnan(scores) & (answered > 0)
    n = int(short.sum())
    if not n:
        return None
    people = int(short.any(axis=1).sum())
    return ngettext("{n} score ({people} respondent) is left missing because fewer than "
                    "{share} of its items were answered (min_share {min_share}); "
                    "psych::scoreItems(impute = \"none\") scores from any answered item, as "
                    "min_share=0.01 does.",
                    "{n} scores ({people} respondents) are left missing because fewer than "
                    "{share} of their items were answered (min_share {min_share}); "
                    "psych::scoreItems(impute = \"none\") scores from any answered item, as "
                    "min_share=0.01 does.", n).format(
        n=n, people=people, share=f"{min_share:.0%}", min_share=format_number(min_share, 2))
