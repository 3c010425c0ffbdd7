"""Linear mixed models for people in teams, with lme4's estimates, fit statistics and speed.

Bliese's workflow (Bliese, 2016, *Multilevel Modeling in R*; Hofmann & Gavin, 1998, *Journal
of Management*, on centring): first the null model (how much of the outcome lies between
teams: tau00 against sigma2), then predictors split into a team part and a within-team part
with :func:`group_mean_center`, then random slopes where the effect may differ by team, and
nested models compared with :func:`~leadkit.psychometrics.model_compare.compare_models`.

The model is ``lme4::lmer(y ~ x + (1 + slopes | group))`` fitted the way lme4 fits it (Bates,
Mächler, Bolker & Walker, 2015): the (RE)ML criterion profiled over the relative covariance
factor θ only, β and σ² in closed form at each step. The engine
(:mod:`~leadkit.psychometrics._lmm_engine`) works on per-group sufficient statistics, so an
evaluation costs the same for 20 or 20,000 people per team; the formula and its checks are in
:mod:`~leadkit.psychometrics._lmm_design`, the result in
:mod:`~leadkit.psychometrics.multilevel_result`.

Degrees of freedom, p-values and intervals are nlme's (``summary(lme)``): a term that varies
within teams has N - J - p_within, a team-level term J - 1 - p_team (J teams); lme4 gives no
p-values.

Examples
--------
>>> import numpy as np, pandas as pd
>>> rng = np.random.default_rng(2)
>>> team = np.repeat(np.arange(12), 8)
>>> d = pd.DataFrame({"team": team, "x": rng.normal(size=96)})
>>> d["y"] = 1 + 0.5 * d["x"] + rng.normal(0, 0.6, 12)[team] + rng.normal(0, 1, 96)
>>> fit = multilevel_model(d, "y ~ x", group="team")
>>> list(fit.fixed.columns)
['term', 'estimate', 'se', 'df', 't', 'p', 'ci_low', 'ci_high']
>>> round(float(fit.fixed.loc[1, "estimate"]), 2), fit.n_groups
(0.53, 12)
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from leadkit.errors import InputError, LeadkitWarning
from leadkit.i18n import tr

from ._lmm_design import SOURCE, build_design, need_columns
from ._lmm_engine import fit_problem, sufficient_statistics
from .multilevel_result import METHODS, MultilevelModel

__all__ = ["multilevel_model", "MultilevelModel", "group_mean_center"]


def group_mean_center(data: pd.DataFrame, column: str, group: str) -> pd.DataFrame:
    """Split ``column`` into its team mean and the deviation from it (Bliese's G. and W.).

    Parameters
    ----------
    data : DataFrame
        One row per person.
    column, group : str
        The predictor and the team column.

    Returns
    -------
    DataFrame
        A copy with ``<column>_mean`` (the team's mean, as ``multilevel``'s ``G.`` columns)
        and ``<column>_within`` (the person's deviation from it, ``W.``) added.

    Raises
    ------
    InputError
        When a column is missing or ``column`` holds text.

    Examples
    --------
    >>> d = pd.DataFrame({"team": ["a", "a", "b"], "hrs": [10.0, 12.0, 8.0]})
    >>> group_mean_center(d, "hrs", "team")[["hrs_mean", "hrs_within"]].values.tolist()
    [[11.0, -1.0], [11.0, 1.0], [8.0, 0.0]]
    """
    need_columns(data, [column, group])
    values = pd.to_numeric(data[column], errors="coerce")
    if (values.isna() & data[column].notna()).any():
        raise InputError(SOURCE, tr("the column holds text, not numbers"), column=column)
    out = data.copy()
    out[f"{column}_mean"] = values.groupby(data[group]).transform("mean")
    out[f"{column}_within"] = values - out[f"{column}_mean"]
    return out


def _dfs(x: np.ndarray, names: list[str], codes: np.ndarray) -> np.ndarray:
    """nlme's denominator df: within-team terms N - J - p_within, team-level J - 1 - p_team."""
    order = np.argsort(codes, kind="stable")
    xs, cs = x[order], codes[order]
    same = cs[1:] == cs[:-1]
    varies = (np.abs(np.diff(xs, axis=0))[same] > 1e-12 * (1 + np.abs(xs[1:][same]))).any(axis=0)
    icpt = np.array([name == "Intercept" for name in names])
    inner = varies & ~icpt
    outer = ~varies & ~icpt
    n, j = len(codes), int(codes.max()) + 1
    df_inner = n - j - int(inner.sum())
    df_outer = j - int(icpt.any()) - int(outer.sum())
    return np.where(outer, df_outer, df_inner).astype(float)


def _singular_message(fit: MultilevelModel) -> str:
    """Which variance sits on its boundary, in lme4's words."""
    cov, names = fit.random.to_numpy(), list(fit.random.index)
    sd = np.sqrt(np.clip(np.diag(cov), 0, None))
    for i, name in enumerate(names):
        if sd[i] < 1e-4 * max(np.sqrt(fit.sigma2), 1e-300):
            return tr("boundary (singular) fit: the variance of {term} between the groups in "
                      "column '{group}' is estimated at 0").format(term=name, group=fit.group)
        for k in range(i):
            if sd[i] * sd[k] > 0 and abs(abs(cov[i, k] / (sd[i] * sd[k])) - 1) < 1e-4:
                return tr("boundary (singular) fit: {a} and {b} are estimated to correlate "
                          "perfectly (±1) across the groups in column '{group}'").format(
                              a=names[k], b=name, group=fit.group)
    return tr("boundary (singular) fit: the random-effects covariance matrix is singular")


def multilevel_model(data: pd.DataFrame, formula: str, group: str,
                     random_slopes: Sequence[str] | None = None, *,
                     method: str = "REML") -> MultilevelModel:
    """Fit ``formula`` with a random intercept per ``group`` (and random slopes), as lme4.

    Parameters
    ----------
    data : DataFrame
        One row per person; rows with a gap in a column the model uses are left out (with a
        warning that counts them, as R's ``na.omit``).
    formula : str
        Fixed part in R's notation, e.g. ``"distance ~ age * Sex"``: text and categorical
        columns are coded against their first level (a Categorical's first category, else the
        alphabetically first value), ``a:b`` is an interaction, ``a * b`` is ``a + b + a:b``,
        ``C(x)`` treats a number as a category.
    group : str
        The team column.
    random_slopes : list of str, optional
        Predictors whose slope varies by team: ``(1 + x | group)`` in lme4,
        ``random = ~ x | group`` in nlme.
    method : {"REML", "ML"}
        REML (lme4's and nlme's default) or maximum likelihood, needed to compare models
        with different fixed effects (:func:`compare_models` refits REML fits by ML itself).

    Returns
    -------
    MultilevelModel
        ``fixed`` (``term``, ``estimate``, ``se``, ``df``, ``t``, ``p``, ``ci_low``,
        ``ci_high``), ``random``, ``tau00``, ``sigma2``, ``icc``, ``loglik``, ``aic``,
        ``bic``, ``ranef``, ``method``, ``singular``.

    Raises
    ------
    InputError
        A missing column, text where a number is needed, a constant outcome, predictors that
        carry the same information, fewer than 2 teams or no more rows than random effects.

    Warns
    -----
    LeadkitWarning
        Rows left out for gaps; teams too small for their random slopes; a singular fit.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"t": list("aaabbbccc"), "y": [1, 2, 3, 4, 5, 5, 2, 2, 3.0]})
    >>> round(multilevel_model(d, "y ~ 1", group="t").icc, 3)  # (MSB - MSW) / 3 = tau00
    0.776
    """
    if method not in METHODS:
        raise InputError(SOURCE, tr("method must be 'REML' or 'ML'"), expected="REML, ML")
    if isinstance(random_slopes, str):
        random_slopes = [random_slopes]
    slopes = [str(s) for s in (random_slopes or [])]
    design = build_design(data, formula, group, slopes)
    problem = sufficient_statistics(design.y, design.x, design.z, design.codes,
                                    len(design.levels))
    est = fit_problem(problem, reml=method == "REML")
    fit = MultilevelModel.from_estimates(
        est, problem, _dfs(design.x, design.x_names, design.codes), design.x_names,
        design.z_names, design.levels, formula.strip(), group)
    if fit.singular:
        warnings.warn(_singular_message(fit), LeadkitWarning, stacklevel=2)
    if not fit.converged:
        warnings.warn(tr("the optimiser did not converge: check the estimates against lme4"),
                      LeadkitWarning, stacklevel=2)
    return fit
