"""Polynomial regression with response surface analysis: how (in)congruence of two views matters.

Edwards & Parry (1993, *Academy of Management Journal*) replace difference scores by the
quadratic model Z = b0 + b1 X + b2 Y + b3 X² + b4 XY + b5 Y², here X the self-rating and
Y the others' rating, both centred at a common point (often the scale midpoint). The surface
is then read along two lines (Shanock et al., 2010, *Journal of Business and Psychology*):

- the line of congruence X = Y: slope a1 = b1 + b2 and curvature a2 = b3 + b4 + b5;
- the line of incongruence X = -Y: slope a3 = b1 - b2 and curvature a4 = b3 - b4 + b5.

A significant a4 < 0 says the outcome falls as the two views part; a3 says which direction of
disagreement (self above or below the others) is worse. The fit is ordinary least squares and
gives the numbers of R ``lm(Z ~ X + Y + I(X^2) + I(X*Y) + I(Y^2))``; the a's and their standard
errors come from the coefficient covariance matrix, their tests from t with n - 6 df.

Examples
--------
>>> import pandas as pd
>>> data = pd.DataFrame({"me": [1, 2, 3, 4, 5, 2, 4, 3, 5, 1],
...                      "them": [2, 2, 3, 5, 4, 4, 2, 1, 5, 3],
...                      "z": [2.0, 3.1, 4.2, 3.9, 4.1, 2.5, 3.0, 2.2, 5.0, 1.9]})
>>> fit = response_surface(data, self="me", other="them", outcome="z", center=3)
>>> round(fit.a1.estimate, 4), fit.n
(0.6617, 10)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from leadkit.errors import InputError
from leadkit.i18n import tr

__all__ = ["response_surface", "ResponseSurface", "SurfaceTerm"]

_TERMS = ["b0", "b1", "b2", "b3", "b4", "b5"]
_MEANING = ["intercept", "X", "Y", "X^2", "X*Y", "Y^2"]
# Rows of C in a = C b: the slopes and curvatures along the two lines.
_C = np.array([[0, 1, 1, 0, 0, 0], [0, 0, 0, 1, 1, 1], [0, 1, -1, 0, 0, 0], [0, 0, 0, 1, -1, 1]],
              dtype=float)


def _surface_term(name: str, doc: str) -> property:
    """A read-only attribute giving one of the surface values a1..a4 with its test."""

    def get(self: ResponseSurface) -> SurfaceTerm:
        return self._term(self.surface, name)

    get.__doc__ = doc
    return property(get)


@dataclass(frozen=True)
class SurfaceTerm:
    """One estimate with its standard error, t statistic and two-sided p value.

    Attributes
    ----------
    estimate, se, t, p : float
        The estimate, its standard error, t and the two-sided p value.
    """

    estimate: float
    se: float
    t: float
    p: float


@dataclass(frozen=True)
class ResponseSurface:
    """A fitted quadratic response surface (the result of :func:`response_surface`).

    ``a1`` … ``a4`` and ``b`` give single terms.

    Attributes
    ----------
    coefficients : pandas.DataFrame
        One row per b0 … b5: ``term``, ``meaning``, ``estimate``, ``se``, ``t``, ``p``.
    surface : pandas.DataFrame
        The same for a1 … a4, the slopes and curvatures along the lines of (in)congruence.
    r2 : float
        R² of the polynomial regression.
    n, df_resid : int
        The rows used and the residual degrees of freedom.
    center : float
        The value self and other ratings were centred on.
    names : tuple of str
        The names of X (self), Y (other) and Z (outcome).
    data : pandas.DataFrame
        The centred rows the model was fitted to.
    """

    coefficients: pd.DataFrame
    surface: pd.DataFrame
    r2: float
    n: int
    df_resid: int
    center: float
    names: tuple[str, str, str]
    data: pd.DataFrame

    def _term(self, table: pd.DataFrame, name: str) -> SurfaceTerm:
        row = table.set_index("term").loc[name]
        return SurfaceTerm(float(row["estimate"]), float(row["se"]), float(row["t"]),
                           float(row["p"]))

    @property
    def b(self) -> dict[str, float]:
        """The polynomial coefficients b0..b5 by name."""
        return dict(zip(_TERMS, self.coefficients["estimate"].astype(float), strict=True))

    a1 = _surface_term("a1", "Slope along the line of congruence (X = Y).")
    a2 = _surface_term("a2", "Curvature along the line of congruence.")
    a3 = _surface_term("a3", "Slope along the line of incongruence (X = -Y).")
    a4 = _surface_term("a4", "Curvature along the line of incongruence.")

    def predict(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Predict the outcome at centred self and other ratings.

        Parameters
        ----------
        x, y : numpy.ndarray
            Centred self (X) and other (Y) ratings, of the same shape.

        Returns
        -------
        numpy.ndarray
            The fitted outcome.
        """
        b = self.coefficients["estimate"].to_numpy(float)
        return b[0] + b[1] * x + b[2] * y + b[3] * x**2 + b[4] * x * y + b[5] * y**2

    def __repr__(self) -> str:
        x, y, z = self.names
        return (f"ResponseSurface({z} ~ {x} (X), {y} (Y); n={self.n}, R2={self.r2:.3f})\n"
                f"{self.surface.round(4).to_string(index=False)}")


def _column(data: pd.DataFrame, name: str) -> pd.Series:
    if name not in data.columns:
        raise InputError("<DataFrame>", tr("there is no such column"),
                         column=str(name), expected=", ".join(map(str, data.columns)))
    col = data[name]
    num = pd.to_numeric(col, errors="coerce")
    bad = num.isna() & col.notna()
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0])
        raise InputError("<DataFrame>", tr("{value!r} is not a number").format(value=col.iloc[row]),
                         row=row + 2, column=str(name))
    return num.astype(float)


def _table(names: list[str], est: np.ndarray, se: np.ndarray, df: int) -> pd.DataFrame:
    from scipy import stats

    t = est / se
    return pd.DataFrame({"term": names, "estimate": est, "se": se, "t": t,
                         "p": 2 * stats.t.sf(np.abs(t), df)})


def response_surface(data: pd.DataFrame, *, self: str, other: str, outcome: str,
                     center: float | str | None = None) -> ResponseSurface:
    """Fit the quadratic response surface of ``outcome`` on ``self`` (X) and ``other`` (Y).

    Parameters
    ----------
    data : DataFrame
        One row per person; rows with a gap in any of the three columns are left out.
    self, other, outcome : str
        Column names of the self-rating (X), the others' rating (Y) and the outcome (Z).
    center : float, "grand" or None
        Subtracted from both X and Y before the fit: a number such as the scale midpoint,
        ``"grand"`` for the mean of X and Y pooled, or None to use the raw values.

    Returns
    -------
    ResponseSurface
        ``coefficients`` (b0..b5), ``surface`` and ``a1``..``a4``, ``r2``, ``n`` (draw it with
        :func:`leadkit.plots.response_surface.response_surface_figure`).

    Examples
    --------
    >>> import pandas as pd
    >>> rng = np.random.default_rng(1)
    >>> d = pd.DataFrame({"s": rng.normal(3, 1, 60), "o": rng.normal(3, 1, 60)})
    >>> d["z"] = 3 - 0.5 * (d["s"] - d["o"]) ** 2 + rng.normal(0, 0.1, 60)
    >>> fit = response_surface(d, self="s", other="o", outcome="z", center=3)
    >>> round(fit.a4.estimate, 1), fit.a4.p < 0.001
    (-2.0, True)
    """
    if not isinstance(data, pd.DataFrame):
        raise InputError("<DataFrame>", tr("data must be a table (DataFrame)"))
    cols = {name: _column(data, name) for name in (self, other, outcome)}
    frame = pd.DataFrame({"x": cols[self], "y": cols[other], "z": cols[outcome]}).dropna()
    if center == "grand":
        shift = float(np.concatenate([frame["x"], frame["y"]]).mean())
    elif center is None:
        shift = 0.0
    else:
        try:
            shift = float(center)
        except (TypeError, ValueError, OverflowError):
            shift = float("nan")
        if not np.isfinite(shift):  # inf would reach LAPACK as an illegal value
            raise InputError("<DataFrame>", tr("center must be a number, 'grand' or None, got "
                                               "{center!r}").format(center=center))
    x, y, z = frame["x"].to_numpy() - shift, frame["y"].to_numpy() - shift, frame["z"].to_numpy()
    n = len(z)
    if n < 7:
        raise InputError("<DataFrame>", tr("a response surface has 6 coefficients and needs at "
                                           "least 7 complete rows ({n} found)").format(n=n))
    design = np.column_stack([np.ones(n), x, y, x**2, x * y, y**2])
    # A QR fit as lm() does; a rank below 6 (a constant rating, X = Y everywhere) is bad input.
    q, r = np.linalg.qr(design)
    if np.linalg.matrix_rank(design) < 6:
        raise InputError("<DataFrame>", tr("{self} and {other} do not vary enough (or not "
                                           "independently) for a quadratic surface").format(
                                            self=self, other=other), column=f"{self}, {other}")
    b = np.linalg.solve(r, q.T @ z)
    resid = z - design @ b
    df = n - 6
    sigma2 = float(resid @ resid) / df
    r_inv = np.linalg.inv(r)
    cov = sigma2 * (r_inv @ r_inv.T)
    coefficients = _table(_TERMS, b, np.sqrt(np.diag(cov)), df)
    coefficients.insert(1, "meaning", _MEANING)
    a = _C @ b
    surface = _table(["a1", "a2", "a3", "a4"], a, np.sqrt(np.diag(_C @ cov @ _C.T)), df)
    r2 = 1 - float(resid @ resid) / float(((z - z.mean()) ** 2).sum())
    return ResponseSurface(coefficients, surface, r2, n, df, shift, (self, other, outcome),
                           pd.DataFrame({"x": x, "y": y, "z": z}))
