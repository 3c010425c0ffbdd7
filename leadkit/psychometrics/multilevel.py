"""Random-intercept and random-slope models for people in teams, as R ``nlme::lme`` (REML).

Bliese's workflow (Bliese, 2016, *Multilevel Modeling in R*; Hofmann & Gavin, 1998, *Journal
of Management*, on centring): first the null model (how much of the outcome lies between
teams: tau00 against sigma2), then predictors split into a team part and a within-team part
with :func:`group_mean_center`, then random slopes where the effect may differ by team.

The model is ``statsmodels``' MixedLM, fitted by REML. Two things make it give nlme's numbers:

- it is fitted on centred and scaled predictors and transformed back exactly: unscaled team
  means (hours worked ~ 11, varying little) leave the optimiser stuck far from the optimum;
- the optimum is polished with BFGS on MixedLM's own REML likelihood and gradient to a tight
  tolerance, where MixedLM's default stops early (1e-3 off for a random slope on bh1996).

Tests use nlme's degrees of freedom (``summary(lme)``): a term that varies within teams has
N - J - p_within, a team-level term J - 1 - p_team (J teams), and the intervals are t-based.

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

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from leadkit.errors import InputError
from leadkit.i18n import tr

__all__ = ["multilevel_model", "MultilevelModel", "group_mean_center"]

_SRC = "<DataFrame>"
_WORDS = {"C", "I", "Q", "np", "log", "exp", "center", "standardize", "scale", "bs", "poly",
          "Treatment", "Sum", "Diff", "Poly", "Intercept"}


def _need_columns(data: object, names: Sequence[str]) -> pd.DataFrame:
    if not isinstance(data, pd.DataFrame):
        raise InputError(_SRC, tr("data must be a table (DataFrame)"))
    for name in names:
        if name not in data.columns:
            raise InputError(_SRC, tr("there is no such column"),
                             column=str(name), expected=", ".join(map(str, data.columns)))
    return data


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

    Examples
    --------
    >>> d = pd.DataFrame({"team": ["a", "a", "b"], "hrs": [10.0, 12.0, 8.0]})
    >>> group_mean_center(d, "hrs", "team")[["hrs_mean", "hrs_within"]].values.tolist()
    [[11.0, -1.0], [11.0, 1.0], [8.0, 0.0]]
    """
    _need_columns(data, [column, group])
    values = pd.to_numeric(data[column], errors="coerce")
    if (values.isna() & data[column].notna()).any():
        raise InputError(_SRC, tr("the column holds text, not numbers"), column=column)
    out = data.copy()
    out[f"{column}_mean"] = values.groupby(data[group]).transform("mean")
    out[f"{column}_within"] = values - out[f"{column}_mean"]
    return out


@dataclass(frozen=True)
class MultilevelModel:
    """A fitted multilevel model.

    ``tau00`` is the intercept variance and ``icc`` = tau00 / (tau00 + sigma2) (for a
    random-slope model: at predictor values of zero).

    Attributes
    ----------
    fixed : pandas.DataFrame
        The fixed effects: ``term``, ``estimate``, ``se``, ``df``, ``t``, ``p``, ``ci_low``,
        ``ci_high``.
    random : pandas.DataFrame
        The covariance matrix of the random effects, intercept first.
    sigma2 : float
        The residual variance.
    n, n_groups : int
        The rows and the teams used.
    formula, group : str
        The model's formula and the team column.
    """

    fixed: pd.DataFrame
    random: pd.DataFrame
    sigma2: float
    n: int
    n_groups: int
    formula: str
    group: str

    @property
    def tau00(self) -> float:
        """Variance of the team intercepts."""
        return float(self.random.iloc[0, 0])

    @property
    def icc(self) -> float:
        """Share of the outcome's variance between teams: tau00 / (tau00 + sigma2)."""
        return self.tau00 / (self.tau00 + self.sigma2)

    def __repr__(self) -> str:
        table = self.fixed.round(4).to_string(index=False)
        return (f"MultilevelModel({self.formula}, group={self.group}; n={self.n}, "
                f"teams={self.n_groups})\n{table}\n"
                f"tau00={self.tau00:.4f} sigma2={self.sigma2:.4f} icc={self.icc:.4f}")


def _scaler(x: np.ndarray) -> np.ndarray:
    """T with x @ T centred and scaled (intercept column kept): beta = T @ beta_scaled."""
    p = x.shape[1]
    t = np.eye(p)
    icpt = [j for j in range(p) if np.all(x[:, j] == 1)]
    for j in range(p):
        if j in icpt:
            continue
        sd = float(x[:, j].std()) or 1.0
        t[j, j] = 1 / sd
        if icpt:
            t[icpt[0], j] = -float(x[:, j].mean()) / sd
    return t


def _fe_cov(x: np.ndarray, z: np.ndarray, groups: np.ndarray, psi: np.ndarray,
            scale: float) -> np.ndarray:
    """(X' V^-1 X)^-1 with V_j = scale (I + Z_j psi Z_j'), by the Woodbury identity per team."""
    psi_inv = np.linalg.pinv(psi)
    info = np.zeros((x.shape[1], x.shape[1]))
    for g in np.unique(groups):
        rows = groups == g
        xj, zj = x[rows], z[rows]
        inner = np.linalg.solve(psi_inv + zj.T @ zj, zj.T @ xj)
        info += xj.T @ xj - (xj.T @ zj) @ inner
    return scale * np.linalg.inv(info)


def _fit(model_in):
    from scipy import optimize
    from statsmodels.regression.mixed_linear_model import MixedLM, MixedLMParams

    x, z = np.asarray(model_in.exog, float), np.asarray(model_in.exog_re, float)
    tx, tz = _scaler(x), _scaler(z)
    model = MixedLM(model_in.endog, x @ tx, model_in.groups, exog_re=z @ tz)
    k, q = x.shape[1], z.shape[1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # start values only: the polish below decides
        start = model.fit(reml=True, method=["bfgs"])
        x0 = start.params_object.get_packed(use_sqrt=True, has_fe=False)

        def unpack(v):
            return MixedLMParams.from_packed(v, k, q, use_sqrt=True, has_fe=False)

        best = optimize.minimize(lambda v: -model.loglike(unpack(v), profile_fe=True), x0,
                                 jac=lambda v: -model.score(unpack(v), profile_fe=True),
                                 method="BFGS", options={"gtol": 1e-8, "maxiter": 2000})
    params = unpack(best.x)
    fe_scaled = model.get_fe_params(params.cov_re, params.vcomp)
    fe_scaled = fe_scaled[0] if isinstance(fe_scaled, tuple) else fe_scaled
    scale = float(model.get_scale(fe_scaled, params.cov_re, params.vcomp))
    psi = tz @ params.cov_re @ tz.T  # relative covariance in the original units
    beta = tx @ fe_scaled
    cov = _fe_cov(x, z, np.asarray(model_in.groups), psi, scale)
    return beta, cov, psi * scale, scale


def _dfs(x: np.ndarray, names: list[str], groups: np.ndarray) -> np.ndarray:
    """nlme's denominator df: within-team terms N - J - p_within, team-level J - 1 - p_team."""
    frame = pd.DataFrame(x).groupby(groups)
    varies = (frame.nunique() > 1).any(axis=0).to_numpy()
    icpt = np.array([name == "Intercept" for name in names])
    inner = varies & ~icpt
    outer = ~varies & ~icpt
    n, j = len(groups), len(np.unique(groups))
    df_inner = n - j - int(inner.sum())
    df_outer = j - int(icpt.any()) - int(outer.sum())
    return np.where(outer, df_outer, df_inner).astype(float)


def multilevel_model(data: pd.DataFrame, formula: str, group: str,
                     random_slopes: Sequence[str] | None = None) -> MultilevelModel:
    """Fit ``formula`` with a random intercept per ``group`` (and random slopes), by REML.

    Parameters
    ----------
    data : DataFrame
        One row per person; rows with a gap in a column the model uses are left out.
    formula : str
        Fixed part, e.g. ``"WBEING ~ HRS_within + HRS_mean"`` (column names as identifiers).
    group : str
        The team column.
    random_slopes : list of str, optional
        Predictors whose slope varies by team (``random = ~ x | group`` in nlme).

    Returns
    -------
    MultilevelModel
        ``fixed`` (``term``, ``estimate``, ``se``, ``df``, ``t``, ``p``, ``ci_low``,
        ``ci_high``; 95% t intervals as ``intervals(lme)``), ``random``, ``tau00``,
        ``sigma2``, ``icc``.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"t": list("aaabbbccc"), "y": [1, 2, 3, 4, 5, 5, 2, 2, 3.0]})
    >>> round(multilevel_model(d, "y ~ 1", group="t").icc, 3)  # (MSB - MSW) / 3 = tau00
    0.776
    """
    import statsmodels.formula.api as smf
    from scipy import stats

    if not isinstance(formula, str) or "~" not in formula:
        raise InputError(_SRC, tr("formula must look like 'y ~ x', got {formula!r}").format(
                                   formula=formula))
    slopes = list(random_slopes or [])
    words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_.]*", formula)) - _WORDS
    used = [w for w in words if w in data.columns] if isinstance(data, pd.DataFrame) else []
    _need_columns(data, [*sorted(words - set(used)), group, *slopes])
    used = sorted(set(used) | set(slopes))
    frame = data[[*used, group]].dropna().reset_index(drop=True)
    outcome = formula.split("~")[0].strip()
    if outcome in frame and pd.to_numeric(frame[outcome], errors="coerce").nunique() < 2:
        raise InputError(_SRC, tr("the outcome does not vary"), column=outcome)
    n_groups = int(frame[group].nunique())
    if n_groups < 2:
        raise InputError(_SRC,
                         tr("a multilevel model needs at least 2 teams ({n_groups} found)").format(
                                   n_groups=n_groups), column=group)
    for col in used:
        if frame[col].dtype.kind not in "biuf":
            raise InputError(_SRC, tr("the column holds text, not numbers"), column=col)
    re_formula = "~" + " + ".join(slopes) if slopes else None
    model_in = smf.mixedlm(formula, frame, groups=frame[group].to_numpy(), re_formula=re_formula)
    names = list(model_in.exog_names)
    x = np.asarray(model_in.exog, float)
    if np.linalg.matrix_rank(x) < x.shape[1]:
        raise InputError(_SRC,
                         tr("two predictors carry the same information (or one is constant)"),
                         column=", ".join(names))
    beta, cov, g, sigma2 = _fit(model_in)
    se = np.sqrt(np.diag(cov))
    df = _dfs(x, names, frame[group].to_numpy())
    tval = beta / se
    crit = stats.t.ppf(0.975, df)
    fixed = pd.DataFrame({"term": names, "estimate": beta, "se": se, "df": df.astype(np.int64),
                          "t": tval, "p": 2 * stats.t.sf(np.abs(tval), df),
                          "ci_low": beta - crit * se, "ci_high": beta + crit * se})
    re_names = ["Intercept", *slopes]  # the order of re_formula: intercept, then the slopes
    random = pd.DataFrame(g, index=re_names, columns=re_names)
    return MultilevelModel(fixed, random, sigma2, len(frame), n_groups, formula, group)
