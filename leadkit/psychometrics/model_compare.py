"""Likelihood-ratio tests between nested multilevel models, as lme4's ``anova(m0, m1)``.

Models with different fixed effects can only be compared on their maximum likelihood, so
REML fits are refitted by ML first, as lme4 does ("refitting model(s) with ML (instead of
REML)"); the table's ``fit`` column says which rows were refitted. The models are ordered by
their number of parameters; each row after the first is tested against the row above it:
χ² = twice the gain in log-likelihood, on as many df as parameters were added.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from leadkit.errors import InputError
from leadkit.i18n import tr

from .multilevel_result import MultilevelModel

__all__ = ["compare_models"]

_SOURCE = "<models>"


def _check(models: tuple[MultilevelModel, ...]) -> None:
    if len(models) < 2:
        raise InputError(_SOURCE, tr("compare at least two models"),
                         expected="compare_models(m0, m1)")
    for m in models:
        if not isinstance(m, MultilevelModel):
            raise InputError(_SOURCE, tr("compare the results of lk.multilevel_model"),
                             expected="MultilevelModel")
    first = models[0]
    outcome = first.formula.split("~")[0].strip()
    for m in models[1:]:
        if m.n != first.n:
            raise InputError(_SOURCE, tr(
                "the models were fitted to different numbers of rows ({a} and {b}): fit them "
                "to the same rows").format(a=first.n, b=m.n))
        if m.formula.split("~")[0].strip() != outcome or m.group != first.group:
            raise InputError(_SOURCE, tr(
                "the models must have the same outcome and the same group column"))


def compare_models(*models: MultilevelModel) -> pd.DataFrame:
    """The likelihood-ratio table of nested models, as ``anova(m0, m1)`` for lme4 fits.

    Parameters
    ----------
    *models : MultilevelModel
        Two or more fits of :func:`~leadkit.psychometrics.multilevel.multilevel_model` on the
        same rows, each nested in the next (fewer parameters first).

    Returns
    -------
    DataFrame
        One row per model (index: the model in lme4's notation), ordered by ``npar``:
        ``npar``, ``aic``, ``bic``, ``loglik``, ``deviance`` (all of the ML fit), ``chisq``,
        ``df`` and ``p`` (against the row above; empty in the first row) and ``fit``
        (``ML``, or that the REML fit was refitted by ML).

    Raises
    ------
    InputError
        Fewer than two models, something else than a model, or models on different rows,
        outcomes or groups.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from leadkit.psychometrics.multilevel import multilevel_model
    >>> rng = np.random.default_rng(4)
    >>> team = np.repeat(np.arange(15), 6)
    >>> d = pd.DataFrame({"team": team, "x": rng.normal(size=90)})
    >>> d["y"] = 0.5 * d["x"] + rng.normal(0, 0.7, 15)[team] + rng.normal(size=90)
    >>> m0 = multilevel_model(d, "y ~ 1", group="team")
    >>> m1 = multilevel_model(d, "y ~ x", group="team")
    >>> table = compare_models(m0, m1)
    >>> list(table.columns)
    ['npar', 'aic', 'bic', 'loglik', 'deviance', 'chisq', 'df', 'p', 'fit']
    >>> list(table["npar"]), bool(table["p"].iloc[1] < 0.05)
    ([3, 4], True)
    """
    from scipy.special import chdtrc

    _check(models)
    ml = [m.refit("ML") for m in models]
    order = sorted(range(len(ml)), key=lambda i: ml[i].n_params)
    rows = []
    for i in order:
        m = ml[i]
        refitted = models[i].method == "REML"
        rows.append({"model": models[i].lme4_formula, "npar": m.n_params, "aic": m.aic,
                     "bic": m.bic, "loglik": m.loglik, "deviance": m.deviance,
                     "fit": tr("ML (refitted from REML, as lme4)") if refitted else "ML"})
    table = pd.DataFrame(rows).set_index("model")
    chisq = -np.diff(table["deviance"].to_numpy())
    dfs = np.diff(table["npar"].to_numpy()).astype(float)
    p = np.where(dfs > 0, chdtrc(np.where(dfs > 0, dfs, 1.0), np.clip(chisq, 0, None)), np.nan)
    table.insert(5, "chisq", np.r_[np.nan, chisq])
    table.insert(6, "df", pd.array(np.r_[np.nan, dfs], dtype="Int64"))
    table.insert(7, "p", np.r_[np.nan, p])
    table.index.name = None
    return table
