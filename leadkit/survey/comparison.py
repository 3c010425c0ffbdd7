"""Two groups side by side: people, teams, waves or frameworks, per element or theme.

For every element (or theme) :func:`compare` gives both means, the difference ``b - a``, its
confidence interval and an effect size:

- **independent groups** (two teams, two people's raters): Welch's t (no equal-variance
  assumption) for the interval, and Hedges' g — Cohen's d with the pooled standard deviation,
  times the small-sample correction ``1 - 3 / (4 (n_a + n_b) - 9)`` (Hedges & Olkin, 1985);
- **paired** (two waves of the same people, matched on ``respondent`` and ``target``): the
  paired t interval of the mean change, and d_z = mean change / SD of the changes
  (Cohen, 1988; Lakens, 2013).

Examples
--------
>>> import pandas as pd
>>> s = pd.DataFrame({"respondent": list("abcdef"), "team": list("xxxyyy"), "framework": "f",
...                   "element": "trust", "score": [3.0, 3.5, 4.0, 4.0, 4.5, 4.5]})
>>> r = compare(s, "team", "x", "y")
>>> r[["mean_a", "mean_b", "diff", "effect_size"]].round(3).to_dict("records")
[{'mean_a': 3.5, 'mean_b': 4.333, 'diff': 0.833, 'effect_size': 'hedges_g'}]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["compare"]

_UNITS = ("element", "theme")


def _welch(x: np.ndarray, y: np.ndarray, level: float) -> dict:
    """Welch's t for the difference mean(y) - mean(x); Hedges' g with the pooled SD."""
    nx, ny = len(x), len(y)
    out = {"diff": y.mean() - x.mean() if nx and ny else np.nan}
    if nx < 2 or ny < 2:
        return out
    vx, vy = x.var(ddof=1), y.var(ddof=1)
    se = np.sqrt(vx / nx + vy / ny)
    df = (vx / nx + vy / ny) ** 2 / ((vx / nx) ** 2 / (nx - 1) + (vy / ny) ** 2 / (ny - 1))
    pooled = np.sqrt(((nx - 1) * vx + (ny - 1) * vy) / (nx + ny - 2))
    out |= _interval(out["diff"], se, df, level)
    if pooled > 0:
        out["effect"] = out["diff"] / pooled * (1 - 3 / (4 * (nx + ny) - 9))
    return out


def _paired(d: np.ndarray, level: float) -> dict:
    """Paired t for the mean of the changes d; d_z = mean / SD of the changes."""
    n = len(d)
    out = {"diff": d.mean() if n else np.nan}
    if n < 2:
        return out
    sd = d.std(ddof=1)
    out |= _interval(out["diff"], sd / np.sqrt(n), n - 1.0, level)
    if sd > 0:
        out["effect"] = out["diff"] / sd
    return out


def _interval(diff: float, se: float, df: float, level: float) -> dict:
    if not se > 0:  # every answer the same: no spread, no interval worth showing
        return {"df": df}
    t = diff / se
    from scipy import stats  # loaded on first use: it takes longer to import than pandas

    half = stats.t.ppf(0.5 + level / 2, df) * se
    return {"t": t, "df": df, "p": 2 * stats.t.sf(abs(t), df),
            "ci_low": diff - half, "ci_high": diff + half}


def compare(scores: pd.DataFrame, by: str, a: object, b: object, *,
            paired: bool | None = None, value: str | None = None,
            level: float = 0.95) -> pd.DataFrame:
    """Compare group ``a`` with group ``b`` of column ``by``, per element (or theme).

    Parameters
    ----------
    scores : DataFrame
        Tidy scores (:func:`~leadkit.survey.scoring.score`,
        :func:`~leadkit.survey.scoring.theme_scores` or
        :func:`~leadkit.survey.scoring.framework_score`). Filter rows first if needed, e.g. only
        ``rater == "self"``.
    by : str
        The column that holds the two groups: ``"team"``, ``"wave"``, ``"target"``,
        ``"framework"`` (for theme scores) and so on.
    a, b : object
        The two values of ``by`` (compared as text, so ``1`` and ``"1"`` are the same wave).
    paired : bool, optional
        Match rows on ``respondent`` (and ``target``) and test the changes. Default: paired
        when ``by == "wave"``, independent otherwise.
    value : str, optional
        The column to compare, ``"score"`` or ``"pomp"``. Default: ``"pomp"`` when comparing
        frameworks (their scales may differ), ``"score"`` otherwise.
    level : float
        The confidence level of the interval.

    Returns
    -------
    DataFrame
        Per element: ``n_a``, ``n_b``, ``n_pairs`` (paired only), ``mean_a``, ``mean_b``,
        ``diff`` (b − a), ``ci_low``, ``ci_high``, ``t``, ``df``, ``p``, ``effect`` and
        ``effect_size`` (``"hedges_g"`` or ``"d_z"``). Statistics need at least two values
        (pairs) per group and some spread; otherwise they are missing.

    Raises
    ------
    ValueError
        ``by`` or ``value`` is not a column, ``level`` is not between 0 and 1, ``a`` or ``b``
        has no scored rows, or paired rows cannot be matched one to one.

    Examples
    --------
    >>> import leadkit as lk
    >>> from leadkit.survey.scoring import score
    >>> scores = score(lk.load_dataset("agile-cmo-class"), "agile-cmo")
    >>> change = compare(scores[scores["rater"] == "self"], "wave", 1, 2)
    >>> change["element"].iloc[0], int(change["n_pairs"].iloc[0]), change["effect_size"].iloc[0]
    ('build-trust', 64, 'd_z')
    """
    if value is None:
        # Frameworks may use different scales: across frameworks only POMP is comparable.
        value = "pomp" if by == "framework" and "pomp" in scores.columns else "score"
    for name in (by, value):
        if name not in scores.columns:
            raise ValueError(f"the scores have no column {name!r}; they have: "
                             f"{', '.join(map(str, scores.columns))}")
    if not 0 < level < 1:
        raise ValueError(f"level must lie between 0 and 1, not {level!r}")
    paired = (by == "wave") if paired is None else bool(paired)
    unit = [c for c in ("framework", *_UNITS) if c in scores.columns and c != by]
    data = scores.dropna(subset=[value]).copy()
    data["_group"] = data[by].astype(str)
    labels = {str(a), str(b)}
    missing = labels - set(data["_group"])
    if missing:
        raise ValueError(f"{by} has no (scored) rows for {', '.join(sorted(missing))}; "
                         f"it has: {', '.join(sorted(set(data['_group'])))}")
    match = [c for c in ("respondent", "target") if c in data.columns]
    if paired and not match:
        raise ValueError("paired comparison needs a 'respondent' column to match rows on")
    rows = []
    groups = data.groupby(unit, sort=False) if unit else [((), data)]
    for key, part in groups:
        key = key if isinstance(key, tuple) else (key,)
        xa, xb = part[part["_group"] == str(a)], part[part["_group"] == str(b)]
        row = dict(zip(unit, key, strict=True)) | {"a": str(a), "b": str(b),
                                                    "n_a": len(xa), "n_b": len(xb)}
        if paired:
            both = xa.merge(xb, on=match, suffixes=("_a", "_b"))
            if both.duplicated(match).any():
                raise ValueError(f"rows of {by} {a!r} or {b!r} cannot be matched one to one on "
                                 f"{', '.join(match)}")
            va, vb = both[f"{value}_a"].to_numpy(float), both[f"{value}_b"].to_numpy(float)
            row |= {"n_pairs": len(both), "mean_a": va.mean() if len(va) else np.nan,
                    "mean_b": vb.mean() if len(vb) else np.nan}
            row |= _paired(vb - va, level) | {"effect_size": "d_z"}
        else:
            va, vb = xa[value].to_numpy(float), xb[value].to_numpy(float)
            row |= {"mean_a": va.mean() if len(va) else np.nan,
                    "mean_b": vb.mean() if len(vb) else np.nan}
            row |= _welch(va, vb, level) | {"effect_size": "hedges_g"}
        rows.append(row)
    columns = [*unit, "a", "b", "n_a", "n_b", *(["n_pairs"] if paired else []), "mean_a",
               "mean_b", "diff", "ci_low", "ci_high", "t", "df", "p", "effect", "effect_size"]
    out = pd.DataFrame(rows).reindex(columns=columns)
    out.attrs = {"by": by, "paired": paired, "level": level, "value": value}
    return out
