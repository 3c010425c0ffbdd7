"""360-degree feedback: a person's self rating set beside the ratings of others.

Per rated person (``target``) and element the table holds the self score, the mean of each
rater group (``manager``, ``peer``, ``report``, ``other``), ``others`` (the mean over all
non-self raters that may be shown), the ``gap`` (self − others) and an agreement category:

- **over-estimator** when ``gap > threshold``: the person sees more of the behaviour than
  others do;
- **under-estimator** when ``gap < -threshold``;
- **in agreement** otherwise. The default threshold is half a scale point; ``"half-sd"`` uses
  half the standard deviation of the gaps over all targets per element, the rule of
  Fleenor, McCauley & Brutus (1996, *Leadership Quarterly* 7(4)).

**Anonymity floor.** A rater group with fewer than ``floor`` raters (at least 3) is never shown
on its own; the one exception is a single manager, shown as the 360 convention has it (the
person rated knows who their manager is), while two managers are a small group like any other.
Such small groups are pooled; when the pool reaches the floor it is merged into ``others``
(column ``merged``). When the pool itself stays below the floor, its raters are left out of
``others`` too — otherwise their mean could be worked out from ``others`` and the groups shown —
and the ``suppressed`` column says so.

Examples
--------
>>> import pandas as pd
>>> s = pd.DataFrame({"respondent": ["ann", "bo", "cy", "di"],
...                   "rater": ["self", "manager", "peer", "peer"],
...                   "target": "ann", "framework": "x", "element": "trust",
...                   "score": [4.5, 3.0, 4.0, 3.5]})
>>> t = self_other(s)
>>> t[["self", "peer", "others", "gap", "category", "suppressed"]].to_dict("records")
[{'self': 4.5, 'peer': nan, 'others': 3.0, 'gap': 1.5, 'category': 'over-estimator', \
'suppressed': 'peer'}]
>>> self_other(pd.concat([s, s.iloc[[2]].assign(respondent="ed", rater="report")]))[
...     ["others", "merged"]].to_dict("records")  # 2 peers + 1 report: a pool of 3
[{'others': 3.625, 'merged': 'peer, report'}]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from leadkit.i18n import N_, tr
from leadkit.privacy import FLOOR, check_floor, mean_is_safe, require_distinct

__all__ = ["CATEGORIES", "self_other", "anonymity_note"]

#: Agreement categories with their labels.
CATEGORIES: dict[str, str] = {
    "over-estimator": N_("over-estimator"),
    "under-estimator": N_("under-estimator"),
    "in agreement": N_("in agreement"),
}
_SMALL = ("peer", "report", "other")  # the groups the floor protects
_GROUP_NAMES = {
    "manager": N_("manager"),
    "peer": N_("peers"),
    "report": N_("direct reports"),
    "other": N_("other raters"),
}


def _threshold(gap: pd.Series, keys: list[str], frame: pd.DataFrame,
               threshold: float | str) -> pd.Series:
    if threshold == "half-sd":
        return 0.5 * gap.groupby([frame[k] for k in keys], dropna=False).transform("std")
    if isinstance(threshold, str) or not threshold >= 0:
        raise ValueError(f"threshold must be a number >= 0 or 'half-sd', not {threshold!r}")
    return pd.Series(float(threshold), index=gap.index)


def _grid(data: pd.DataFrame, unit: str) -> tuple[tuple[float, float], float]:
    """The scale and coarsest score step: from the kit's framework, else cautious guesses."""
    from leadkit.content.frameworks import list_frameworks, load_framework
    from leadkit.privacy.tables import score_grid

    ids = set(data["framework"].dropna()) if "framework" in data.columns else set()
    if unit == "element" and len(ids) == 1 and (fid := ids.pop()) in list_frameworks():
        return score_grid(load_framework(fid))
    values = data["score"].dropna()
    if values.empty:
        return (1.0, 5.0), 1.0
    return (float(np.floor(values.min())), float(np.ceil(values.max()))), 1.0


def self_other(scores: pd.DataFrame, *, floor: int = FLOOR, threshold: float | str = 0.5,
               scale: tuple[float, float] | None = None,
               step: float | None = None) -> pd.DataFrame:
    """Self versus others per rated person and element, with the anonymity floor applied.

    Parameters
    ----------
    scores : DataFrame
        Tidy scores from :func:`~leadkit.survey.scoring.score` with a ``rater`` column; ``target``
        names the person rated (without it, every row rates its own respondent). Theme scores
        (a ``theme`` column instead of ``element``) work the same way.
    floor : int
        The smallest number of raters a peer, report or other group needs to be shown on its
        own. It can be raised, never set below 3.
    threshold : float or "half-sd"
        How far self and others may differ (in scale points) and still be "in agreement".
    scale, step : tuple and float, optional
        The scale's ends and the coarsest step between scores, for the rule that hides a mean
        only one set of answers can give (:func:`leadkit.privacy.mean_is_safe`). By default
        they come from the kit's framework of the scores; for other frameworks the ends are
        the lowest and highest score seen and the step is a whole scale point (cautious).

    Returns
    -------
    DataFrame
        ``target``, ``wave`` (if present), ``framework``, ``element``, ``self``, ``manager``,
        ``peer``, ``report``, ``other``, ``others``, ``gap``, ``category`` (a code of
        :data:`CATEGORIES`, empty when self or others is missing), ``category_label`` (in the
        current language), the rater counts ``n_manager`` … ``n_others`` (distinct people; the
        count of a group below the floor is missing too), and ``merged`` / ``suppressed``
        naming the groups pooled into ``others`` or left out.

    Examples
    --------
    >>> import leadkit as lk
    >>> from leadkit.survey.scoring import score
    >>> scores = score(lk.load_dataset("agile-cmo-class"), "agile-cmo")
    >>> table = self_other(scores)
    >>> len(table), sorted(set(table["category"]) - {""})
    (896, ['in agreement', 'over-estimator', 'under-estimator'])
    """
    floor = check_floor(floor)
    if "rater" not in scores.columns:
        raise ValueError("the scores have no 'rater' column, so self and others cannot be told "
                         "apart; add rater (self, manager, peer, report, other) to the responses")
    unit = "element" if "element" in scores.columns else "theme"
    data = scores.copy()
    if "target" not in data.columns:
        data["target"] = data["respondent"]
    keys = ["target"] + (["wave"] if "wave" in data.columns else []) + ["framework", unit]
    # Every rated person and element appears, in the order of the scores, even without ratings.
    result = data[keys].drop_duplicates().reset_index(drop=True)
    data = data.dropna(subset=["score"])
    if "respondent" in data.columns:  # people, not rows: one rater twice is an input error
        require_distinct(data, keys, "respondent", source=str(scores.attrs.get("source",
                                                                                "<scores>")))
    selfs = data[data["rater"] == "self"]
    doubled = selfs.duplicated(keys, keep=False)
    if doubled.any():
        who = ", ".join(map(str, selfs.loc[doubled, "target"].unique()[:5]))
        raise ValueError(f"more than one self rating for target(s) {who}; read the responses "
                         "with read_responses(), which reports duplicate rows")
    stats = data.groupby(keys + ["rater"])["score"].agg(["mean", "count", "sum"]).unstack("rater")
    where = pd.MultiIndex.from_frame(result[keys])

    def col(stat: str, group: str) -> np.ndarray:
        if (stat, group) not in stats.columns:
            return np.full(len(result), np.nan if stat == "mean" else 0.0)
        values = stats[(stat, group)].reindex(where).to_numpy(float)
        return values if stat == "mean" else np.nan_to_num(values)

    result["self"] = col("mean", "self")
    total_n, total_sum = np.zeros(len(result)), np.zeros(len(result))
    small_n, small_sum = np.zeros(len(result)), np.zeros(len(result))
    small_names: list[list[str]] = [[] for _ in range(len(result))]
    counts: dict[str, np.ndarray] = {}
    grid_scale, grid_step = _grid(data, unit)
    scale = grid_scale if scale is None else (float(scale[0]), float(scale[1]))
    step = grid_step if step is None else float(step)

    def safe(mean: np.ndarray, n: np.ndarray) -> np.ndarray:
        return np.array([mean_is_safe(m, int(k), scale, step) for m, k in zip(mean, n,
                                                                            strict=True)], bool)

    for group in ("manager", *_SMALL):
        n, s, mean = col("count", group), col("sum", group), col("mean", group)
        counts[group] = n
        shown = (n >= floor) & safe(mean, n)  # a mean that gives the answers away is hidden
        if group == "manager":
            # One manager is shown as such (the 360 convention: the person rated knows who it
            # is); two managers are a group below the floor: each could work out the other.
            shown |= n == 1
        result[group] = np.where(shown, mean, np.nan)
        total_n, total_sum = total_n + np.where(shown, n, 0), total_sum + np.where(shown, s, 0)
        hidden = (n > 0) & ~shown
        small_n, small_sum = small_n + np.where(hidden, n, 0), small_sum + np.where(hidden, s, 0)
        for i in np.flatnonzero(hidden):
            small_names[i].append(group)
    merge = small_n >= floor  # a pool of small groups big enough to stay anonymous
    total_n = total_n + np.where(merge, small_n, 0)
    total_sum = total_sum + np.where(merge, small_sum, 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        others = np.where(total_n > 0, total_sum / total_n, np.nan)
    # Everyone else at one end of the scale would be given away by 'others' too.
    result["others"] = np.where((total_n < floor) | safe(others, total_n), others, np.nan)
    result["gap"] = result["self"] - result["others"]
    limit = _threshold(result["gap"], keys[1:], result, threshold)
    category = np.select([result["gap"] > limit + 1e-9, result["gap"] < -limit - 1e-9,
                          result["gap"].notna()],
                         ["over-estimator", "under-estimator", "in agreement"], default="")
    result["category"] = category
    result["category_label"] = [tr(CATEGORIES[c]) if c else "" for c in category]
    for group in ("manager", *_SMALL):  # the size of a group too small to show is not shown
        n = pd.Series(counts[group].astype(int), index=result.index, dtype="Int64")
        lone_manager = (n == 1) if group == "manager" else False
        result[f"n_{group}"] = n.where((n >= floor) | (n == 0) | lone_manager)
    result["n_others"] = total_n.astype(int)
    result["merged"] = [", ".join(g) if m else "" for g, m in zip(small_names, merge, strict=True)]
    result["suppressed"] = [", ".join(g) if not m else ""
                            for g, m in zip(small_names, merge, strict=True)]
    result.attrs = {"floor": int(floor), "threshold": threshold}
    return result


def anonymity_note(table: pd.DataFrame) -> str:
    """One sentence, in the current language, on which rater groups were pooled or left out.

    Parameters
    ----------
    table : pandas.DataFrame
        A table of :func:`self_other`, with ``merged``, ``suppressed`` and ``attrs["floor"]``
        (3 when it is missing).

    Returns
    -------
    str
        The floor, then which groups were merged into 'others' and which left out, where any.

    Examples
    --------
    >>> t = pd.DataFrame({"merged": ["", "peer"], "suppressed": ["report", ""]})
    >>> t.attrs["floor"] = 3
    >>> print(anonymity_note(t))
    Groups with fewer than 3 raters are not shown on their own. Merged into 'others': peers. \
Left out entirely (too few even together): direct reports.
    """
    floor = table.attrs.get("floor", 3)

    def names(column: str) -> str:
        groups = {g.strip() for cell in table[column] for g in cell.split(",") if g.strip()}
        return ", ".join(tr(_GROUP_NAMES[g]) for g in ("manager", *_SMALL) if g in groups)

    parts = [tr("Groups with fewer than {floor} raters are not shown on their own.").format(
                 floor=floor)]
    if merged := names("merged"):
        parts.append(tr("Merged into 'others': {merged}.").format(merged=merged))
    if left := names("suppressed"):
        parts.append(tr("Left out entirely (too few even together): {left}.").format(left=left))
    return " ".join(parts)
