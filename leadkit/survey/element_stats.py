"""Element statistics of a survey: reliability per element and team agreement per element.

The two tables the HTML report (and a researcher) reads next to the scores: Cronbach's alpha of
each element's items, and rwg(j) per team and element. Only the first wave is used, because the
same people answering twice are not independent rows.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from leadkit import privacy
from leadkit.content.frameworks import load_instrument
from leadkit.content.instrument import Instrument
from leadkit.docparams import shared_params
from leadkit.errors import LeadkitError
from leadkit.i18n import tr
from leadkit.psychometrics.agreement import rwg_j
from leadkit.psychometrics.item_analysis import reliability
from leadkit.survey.scoring import checked_table, reverse_keyed

__all__ = ["element_reliability", "team_agreement", "first_wave", "first_wave_mask"]


def first_wave(frame: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The rows of the first wave and its label (all rows and ``""`` without two waves).

    Parameters
    ----------
    frame : pandas.DataFrame
        A response or score table, optionally with a ``wave`` column.

    Returns
    -------
    tuple
        The rows of the first wave, and that wave's label.

    Examples
    --------
    >>> import leadkit as lk
    >>> rows, label = first_wave(lk.load_dataset("agile-cmo-class"))
    >>> len(rows), str(label)
    (152, '1')
    """
    if "wave" not in frame.columns or frame["wave"].nunique() < 2:
        return frame, ""
    first = sorted(frame["wave"].unique(), key=lambda w: (len(str(w)), str(w)))[0]
    return frame[frame["wave"] == first], first


def first_wave_mask(frame: pd.DataFrame) -> pd.Series:
    """True for the rows of the first wave (every row when there are not two waves).

    Parameters
    ----------
    frame : pandas.DataFrame
        A response or score table.

    Returns
    -------
    pandas.Series of bool
        True for a row of the first wave, aligned with ``frame``.

    Examples
    --------
    >>> import leadkit as lk
    >>> int(first_wave_mask(lk.load_dataset("agile-cmo-class")).sum())
    152
    """
    _, first = first_wave(frame)
    if not first:
        return pd.Series(True, index=frame.index)
    return frame["wave"] == first


@shared_params
def element_reliability(responses: pd.DataFrame | str | Path,
                        framework: Instrument | str | Path) -> pd.DataFrame:
    """Compute Cronbach's alpha of every element, on its reverse-keyed items.

    The rows used are the self ratings (all rows when there is no ``rater`` column) of the
    first wave only, because the same people answering twice are not independent rows.

    Parameters
    ----------
    %(responses_framework)s

    Returns
    -------
    DataFrame
        Per element: ``element``, ``k``, ``n``, ``alpha``, ``ci_low``, ``ci_high`` (95% Feldt),
        ``std_alpha``, ``average_r`` and ``note`` (why alpha is missing, if it is);
        ``attrs["note"]`` says which rows were used, in the current language.

    Examples
    --------
    >>> import leadkit as lk
    >>> rel = element_reliability(lk.load_dataset("agile-cmo-class"), "agile-cmo")
    >>> list(rel.columns[:4]), int(rel["n"].iloc[0])
    (['element', 'k', 'n', 'alpha'], 64)
    """
    fw = load_instrument(framework)
    table = checked_table(responses, fw)
    rows = table[table["rater"] == "self"] if "rater" in table.columns else table
    rows, wave = first_wave(rows)
    keyed = reverse_keyed(rows, fw)
    out = []
    for el in fw.elements:
        ids = [it.id for it in fw.items if it.element == el.id]
        try:
            rel = reliability(keyed[ids])
            out.append({"element": el.id, "k": rel.k, "n": rel.n, "alpha": rel.alpha,
                        "ci_low": rel.ci[0], "ci_high": rel.ci[1], "std_alpha": rel.std_alpha,
                        "average_r": rel.average_r, "note": ""})
        except LeadkitError as err:  # too few rows, an item nobody varied on, …
            out.append({"element": el.id, "k": len(ids), "n": len(rows),
                        "note": getattr(err, "problem", str(err))})
    result = pd.DataFrame(out).reindex(columns=["element", "k", "n", "alpha", "ci_low", "ci_high",
                                                "std_alpha", "average_r", "note"])
    result["note"] = [note or _alpha_remark(a, n) for note, a, n in
                      zip(result["note"], result["alpha"], result["n"], strict=True)]
    note = tr("Self ratings") if "rater" in table.columns else tr("All rows")
    if wave:
        note += tr(" of wave {wave} only (the same people answer again later)").format(wave=wave)
    result.attrs["note"] = note + "."
    return result


def _alpha_remark(alpha: float, n: float) -> str:
    """What an alpha means for a reader who is not a psychometrician (empty when unremarkable)."""
    remarks = []
    if pd.notna(alpha) and alpha < 0:
        remarks.append(tr("negative: the items do not go together as keyed; check the reverse "
                          "keying and whether they measure one thing"))
    elif pd.notna(alpha) and alpha < 0.6:
        remarks.append(tr("low: read this element's score with care"))
    if pd.notna(n) and n < 30:
        remarks.append(tr("only {value} people: the interval is wide and alpha can swing a "
                          "lot").format(
                           value=int(n)))
    return "; ".join(remarks)


@shared_params
def team_agreement(responses: pd.DataFrame | str | Path,
                   framework: Instrument | str | Path, *,
                   floor: int = privacy.FLOOR) -> pd.DataFrame:
    """Compute rwg(j) per team (rows) and element (columns), on the reverse-keyed items.

    The ratings used are those of direct reports about their leader when the table has them
    (the classic use of rwg), otherwise the self ratings, of the first wave. The scale is
    counted from 1 for rwg's uniform null distribution over the answer options.

    Parameters
    ----------
    %(responses_framework)s
    %(floor)s

    Returns
    -------
    DataFrame
        Index: team; one column per element id; ``attrs["note"]`` says which rows were used
        and how to read the values. Empty when the table has no ``team`` column. Teams of fewer
        than ``floor`` people get no value (see :mod:`leadkit.privacy`).

    Raises
    ------
    %(floor_raises)s

    Examples
    --------
    >>> import leadkit as lk
    >>> rwg = team_agreement(lk.load_dataset("agile-cmo-class"), "agile-cmo")
    >>> rwg.shape, rwg.index[:2].tolist(), round(float(rwg.loc["T1", "build-trust"]), 2)
    ((8, 7), ['T1', 'T2'], 0.8)
    """
    fw = load_instrument(framework)
    table = checked_table(responses, fw)
    if "team" not in table.columns or table["team"].nunique() == 0:
        return pd.DataFrame(columns=[e.id for e in fw.elements])
    reports = table["rater"] == "report" if "rater" in table.columns else None
    if reports is not None and reports.any():
        rows, who = table[reports], tr("direct reports rating their leader")
    elif "rater" in table.columns:
        rows, who = table[table["rater"] == "self"], tr("self ratings")
    else:
        rows, who = table, tr("all rows")
    rows, wave = first_wave(rows)
    rows = rows[rows["team"].notna()]
    keyed = reverse_keyed(rows, fw)
    low, high = fw.scale
    columns = {}
    for el in fw.elements:
        ids = [it.id for it in fw.items if it.element == el.id]
        columns[el.id] = rwg_j(keyed[ids] - low + 1, rows["team"], n_options=high - low + 1)
    result = pd.DataFrame(columns).rename_axis("team")
    # rwg of two raters is their distance: a team below the floor shows no agreement either.
    people = rows.groupby("team")["respondent"].nunique().reindex(result.index)
    result[people < privacy.check_floor(floor)] = float("nan")
    note = tr("rwg(j) per team, from {who}").format(who=who)
    if wave:
        note += tr(", wave {wave}").format(wave=wave)
    result.attrs["note"] = note + tr(". Values of .70 or more are often read as enough "
                                     "agreement to speak of a team score; a dash means too few "
                                     "complete answers or fewer than three people.")
    return result
