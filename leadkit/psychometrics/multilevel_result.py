"""The result of a multilevel model: estimates, fit statistics and a table to read.

:class:`MultilevelModel` holds what ``summary(lmer(...))`` shows and what ``logLik``,
``AIC``, ``BIC``, ``ranef`` and ``isSingular`` return, in the units of the data. Its text
and HTML forms print it as a paper's table, numbers in the current language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

import numpy as np
import pandas as pd

from leadkit.errors import InputError
from leadkit.i18n import format_number, tr

from ._lmm_engine import Estimates, Problem, fit_problem

__all__ = ["MultilevelModel", "METHODS"]

METHODS = ("REML", "ML")


def _fixed_table(names: list[str], est: Estimates, df: np.ndarray) -> pd.DataFrame:
    """The tidy fixed-effects table: t tests and 95% intervals on nlme's df."""
    from scipy.special import stdtr, stdtrit

    se = np.sqrt(np.diag(est.cov_beta))
    tval = est.beta / se
    crit = stdtrit(df, 0.975)
    return pd.DataFrame({"term": names, "estimate": est.beta, "se": se,
                         "df": df.astype(np.int64), "t": tval,
                         "p": 2 * stdtr(df, -np.abs(tval)),
                         "ci_low": est.beta - crit * se, "ci_high": est.beta + crit * se})


@dataclass(frozen=True, eq=False)
class MultilevelModel:
    """A fitted linear mixed model (one grouping factor), as ``lme4::lmer`` gives it.

    Attributes
    ----------
    fixed : DataFrame
        One row per fixed effect: ``term``, ``estimate``, ``se``, ``df`` (nlme's),
        ``t``, ``p``, ``ci_low``, ``ci_high`` (95%, t-based as ``intervals(lme)``).
    random : DataFrame
        Covariance matrix of the random effects (intercept first), ``VarCorr``.
    sigma2 : float
        Residual variance.
    n, n_groups : int
        Rows used and groups.
    formula, group : str
        The fixed part and the grouping column.
    method : str
        ``"REML"`` or ``"ML"``.
    loglik, aic, bic, deviance : float
        ``logLik(m)``, ``AIC(m)``, ``BIC(m)`` and the criterion minimised (``REMLcrit`` for
        REML, ``deviance`` for ML).
    ranef : DataFrame
        Conditional modes of the random effects, one row per group, as ``ranef(m)``.
    singular : bool
        True on the boundary (a variance of 0 or a correlation of ±1), as ``isSingular``.
    theta : ndarray
        The relative covariance factor's entries, as ``getME(m, "theta")``.
    converged : bool
        Whether the optimiser met its convergence test.
    """

    fixed: pd.DataFrame
    random: pd.DataFrame
    sigma2: float
    n: int
    n_groups: int
    formula: str
    group: str
    method: str = "REML"
    loglik: float = float("nan")
    aic: float = float("nan")
    bic: float = float("nan")
    deviance: float = float("nan")
    ranef: pd.DataFrame = field(default_factory=pd.DataFrame)
    singular: bool = False
    theta: np.ndarray = field(default_factory=lambda: np.zeros(0))
    converged: bool = True
    problem: Problem | None = field(default=None, repr=False)

    @classmethod
    def from_estimates(cls, est: Estimates, problem: Problem, df: np.ndarray,
                       x_names: list[str], z_names: list[str], levels: pd.Index,
                       formula: str, group: str) -> MultilevelModel:
        """Assemble the result of the engine's estimates (used by the fitting functions)."""
        k = problem.p + len(est.theta) + 1
        return cls(
            fixed=_fixed_table(x_names, est, df),
            random=pd.DataFrame(est.cov_random, index=z_names, columns=z_names),
            sigma2=est.sigma2, n=problem.n, n_groups=problem.n_groups, formula=formula,
            group=group, method="REML" if est.reml else "ML", loglik=est.loglik,
            aic=est.deviance + 2 * k, bic=est.deviance + k * np.log(problem.n),
            deviance=est.deviance, ranef=pd.DataFrame(est.ranef, index=levels, columns=z_names),
            singular=est.singular, theta=est.theta, converged=est.converged, problem=problem)

    @property
    def tau00(self) -> float:
        """Variance of the team intercepts."""
        return float(self.random.iloc[0, 0])

    @property
    def icc(self) -> float:
        """Share of the outcome's variance between teams: tau00 / (tau00 + sigma2)."""
        return self.tau00 / (self.tau00 + self.sigma2)

    @property
    def n_params(self) -> int:
        """Parameters estimated: fixed effects, random (co)variances and sigma2 (``npar``)."""
        q = self.random.shape[0]
        return len(self.fixed) + q * (q + 1) // 2 + 1

    @property
    def lme4_formula(self) -> str:
        """The model as lme4 writes it, e.g. ``Reaction ~ Days + (Days | Subject)``."""
        terms = [t for t in self.random.index if t != "Intercept"]
        return f"{self.formula} + ({' + '.join(terms) or '1'} | {self.group})"

    def refit(self, method: str = "ML") -> MultilevelModel:
        """Fit the same model again by ``"ML"`` or ``"REML"`` (as lme4's ``refitML``).

        Parameters
        ----------
        method : {"ML", "REML"}, default "ML"
            The criterion to fit by.

        Returns
        -------
        MultilevelModel
            The model fitted to the same rows by that criterion.

        Raises
        ------
        InputError
            For another method, or a result that was not made by :func:`multilevel_model`.

        Examples
        --------
        >>> import pandas as pd
        >>> from leadkit.psychometrics.multilevel import multilevel_model
        >>> d = pd.DataFrame({"t": list("aaabbbccc"), "y": [1, 2, 3, 4, 5, 5, 2, 2, 3.0]})
        >>> m = multilevel_model(d, "y ~ 1", group="t")
        >>> ml = m.refit("ML")
        >>> ml.method, ml.tau00 < m.tau00  # ML shrinks the variances by (n - p) / n
        ('ML', True)
        """
        if method not in METHODS:
            raise InputError("<model>", tr("method must be 'REML' or 'ML'"), expected="REML, ML")
        if method == self.method:
            return self
        if self.problem is None:
            raise InputError("<model>", tr("this result cannot be refitted"))
        est = fit_problem(self.problem, reml=method == "REML")
        return MultilevelModel.from_estimates(
            est, self.problem, self.fixed["df"].to_numpy(), list(self.fixed["term"]),
            list(self.random.index), self.ranef.index, self.formula, self.group)

    def _rows(self) -> tuple[str, list[list[str]], list[list[str]]]:
        """The heading and the two tables (fixed, random) as text cells."""
        fit = tr("Linear mixed model fit by {method}").format(method=self.method)
        groups = tr("groups")
        head = (f"{fit}: {self.lme4_formula}\n"
                f"n={self.n}, {groups} ({self.group})={self.n_groups}; "
                f"logLik {format_number(self.loglik, 2)}, AIC {format_number(self.aic, 2)}, "
                f"BIC {format_number(self.bic, 2)}")
        fixed = [[tr("Fixed effects"), tr("estimate"), tr("SE"), "df", "t", "p"]]
        for row in self.fixed.itertuples(index=False):
            p = "<" + format_number(0.001, 3) if row.p < 0.001 else format_number(row.p, 3)
            fixed.append([str(row.term), format_number(row.estimate, 3),
                          format_number(row.se, 3), str(row.df), format_number(row.t, 2), p])
        cov = self.random.to_numpy()
        sd = np.sqrt(np.diag(cov))
        random = [[tr("Random effects"), tr("variance"), "SD", tr("corr.")]]
        for i, name in enumerate(self.random.index):
            corr = cov[i, 0] / (sd[i] * sd[0]) if i and sd[i] * sd[0] > 0 else None
            random.append([f"{self.group if i == 0 else ''} {name}".strip(),
                           format_number(cov[i, i], 3), format_number(sd[i], 3),
                           format_number(corr, 2) if corr is not None else ""])
        random.append([tr("Residual"), format_number(self.sigma2, 3),
                       format_number(np.sqrt(self.sigma2), 3), ""])
        foot = f"ICC {format_number(self.icc, 3)}"
        if self.singular:
            foot += "; " + tr("boundary (singular) fit")
        return f"{head}\n{foot}", fixed, random

    def __repr__(self) -> str:
        head, *tables = self._rows()
        out = [head]
        for table in tables:
            widths = [max(len(r[j]) for r in table) for j in range(len(table[0]))]
            out.append("\n".join(
                "  ".join(c.ljust(w) if j == 0 else c.rjust(w)
                          for j, (c, w) in enumerate(zip(r, widths, strict=True))).rstrip()
                for r in table))
        return "\n\n".join(out)

    def _repr_html_(self) -> str:
        head, *tables = self._rows()
        title, *lines = head.splitlines()
        fit, _, formula = title.partition(": ")
        # The formula is code (column names are the same in every language): mark it so.
        parts = [f"<p>{escape(fit)}: <code>{escape(formula)}</code></p>",
                 *[f"<p>{escape(line)}</p>" for line in lines]]
        for table in tables:
            head_row = "".join(f"<th scope='col'>{escape(c)}</th>" for c in table[0])
            body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>"
                           for r in table[1:])
            parts.append(f"<table class='lk-table'><thead><tr>{head_row}</tr></thead>"
                         f"<tbody>{body}</tbody></table>")
        return "".join(parts)
