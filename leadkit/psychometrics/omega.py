"""McDonald's omega with a Schmid-Leiman general factor, as R ``psych::omega``.

Coefficient alpha assumes every item measures the scale equally well. Omega does not: it
fits a factor model and asks how much of the variance of the scale's sum is common
(omega total) and how much is due to one general factor running through all items
(omega hierarchical; Zinbarg et al., 2005, *Psychometrika*; Revelle & Zinbarg, 2009,
*Psychometrika*). The steps are those of ``psych::omega`` (Revelle), so the numbers agree:

1. minres factoring of the correlation matrix (pairwise-complete correlations for raw data),
   started at the squared multiple correlations, uniquenesses bounded to [0.005, 1];
2. varimax, then direct oblimin (gamma = 0) by the gradient projection algorithm of
   Bernaards & Jennrich (2005, *Educational and Psychological Measurement*), as GPArotation;
3. Schmid & Leiman (1957, *Psychometrika*): a one-factor minres fit of the factor
   correlations gives each group factor's loading on g; items load on g through them;
4. items loading negatively on g are reversed (``flip``), then omega_h = (sum g)^2 / Vt and
   omega_t = (Vt - sum u2) / Vt, Vt the sum of the correlation matrix.

With one factor there is no hierarchy: ``hierarchical`` is None, as psych warns.

Examples
--------
>>> import numpy as np
>>> r = np.full((4, 4), 0.4) + 0.6 * np.eye(4)
>>> res = omega(r)
>>> round(res.total, 4), res.hierarchical
(0.7273, None)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from leadkit.errors import InputError
from leadkit.i18n import tr

__all__ = ["omega", "OmegaResult"]

_SRC = "<DataFrame>"


@dataclass(frozen=True)
class OmegaResult:
    """The result of :func:`omega`.

    Attributes
    ----------
    total : float
        omega_t, the reliability of the total score.
    hierarchical : float or None
        omega_h, the share due to the general factor (None for one factor).
    general_share : float
        The explained common variance of the general factor (ECV).
    loadings : pandas.DataFrame
        The Schmid-Leiman table: ``g``, ``F1*`` …, ``h2``, ``u2``, ``p2``.
    oblique : pandas.DataFrame
        The oblique (oblimin) loadings before the transformation.
    phi : pandas.DataFrame
        The correlations of the oblique factors.
    n_factors : int
        The number of group factors.
    """

    total: float
    hierarchical: float | None
    general_share: float
    loadings: pd.DataFrame
    oblique: pd.DataFrame
    phi: pd.DataFrame
    n_factors: int

    def __repr__(self) -> str:
        h = "None" if self.hierarchical is None else f"{self.hierarchical:.4f}"
        return (f"OmegaResult(n_factors={self.n_factors}, total={self.total:.4f}, "
                f"hierarchical={h}, general_share={self.general_share:.4f})")


def _correlations(items) -> tuple[np.ndarray, list[str]]:
    if isinstance(items, pd.DataFrame):
        frame = items
    else:
        arr = np.asarray(items)
        if arr.ndim != 2:
            raise InputError(_SRC, tr("expected a table of item scores or a correlation matrix"))
        frame = pd.DataFrame(arr, columns=[f"V{j + 1}" for j in range(arr.shape[1])])
    names = [str(c) for c in frame.columns]
    for name in frame.columns:
        if frame[name].dtype.kind not in "biuf":
            raise InputError(_SRC, tr("the column holds text, not numbers"),
                             column=str(name))
    values = frame.to_numpy(float)
    if np.isinf(values).any():  # inf makes every correlation NaN: name it, not a symptom
        row, col = np.argwhere(np.isinf(values))[0]
        raise InputError(_SRC, tr("infinite value"), row=int(row) + 2,
                         column=str(frame.columns[col]))
    if np.nanmax(np.abs(values), initial=0.0) > 1e150:
        raise InputError(_SRC, tr("the scores are too large to square (up to 1e308); item "
                                  "analysis expects answers on a scale such as 1 to 5"))
    square = values.shape[0] == values.shape[1]
    if square and np.allclose(values, values.T) and np.allclose(np.diag(values), 1):
        r = values  # already a correlation matrix (psych's isCorrelation)
    else:
        std = frame.std()
        constant = [str(c) for c in frame.columns if not std[c] > 0]
        if constant:
            raise InputError(_SRC,
                             tr("every answer is the same, so the item has no correlations"),
                             column=constant[0])
        r = frame.corr().to_numpy()  # pairwise complete, as cor(use = "pairwise")
        if np.isnan(r).any():
            raise InputError(_SRC, tr("two items are never answered together"))
    if r.shape[0] < 3:
        raise InputError(_SRC, tr("omega needs at least 3 items"))
    return r, names


def _minres(r: np.ndarray, nf: int) -> np.ndarray:
    """psych's minres: uniquenesses minimising the off-diagonal residuals, then loadings."""
    from scipy import optimize

    p = r.shape[0]
    lower = np.tril_indices(p, -1)
    smc = 1 - 1 / np.diag(np.linalg.pinv(r))
    smc = np.clip(smc, 0, 1)

    def loadings(psi: np.ndarray) -> np.ndarray:
        s = r.copy()
        np.fill_diagonal(s, np.diag(r) - psi)
        vals, vecs = np.linalg.eigh(s)
        order = np.argsort(vals)[::-1][:nf]
        return vecs[:, order] * np.sqrt(np.maximum(vals[order], 0))

    def fit(psi: np.ndarray) -> float:
        model = loadings(psi)
        return float((((r - model @ model.T)[lower]) ** 2).sum())

    def grad(psi: np.ndarray) -> np.ndarray:
        model = loadings(psi)
        return np.diag(model @ model.T + np.diag(psi) - r)

    start = np.diag(r) - smc
    res = optimize.minimize(fit, start, jac=grad, method="L-BFGS-B",
                            bounds=[(0.005, max(smc.max(), 1.0))] * p,
                            options={"ftol": 1e-15, "gtol": 1e-10, "maxiter": 5000})
    out = loadings(res.x)
    return out * np.where(out.sum(axis=0) < 0, -1, 1)


def _varimax(x: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    """stats::varimax (Kaiser-normalised), step by step."""
    nc = x.shape[1]
    if nc < 2:
        return x
    sc = np.sqrt((x**2).sum(axis=1))
    x = x / sc[:, None]
    p, rot, d = x.shape[0], np.eye(nc), 0.0
    for _ in range(1000):
        z = x @ rot
        b = x.T @ (z**3 - z @ np.diag((z**2).sum(axis=0)) / p)
        u, s, vt = np.linalg.svd(b)
        rot, d_past, d = u @ vt, d, s.sum()
        if d < d_past * (1 + eps):
            break
    return (x @ rot) * sc[:, None]


def _oblimin(a: np.ndarray, eps: float = 1e-5, maxit: int = 1000) -> tuple[np.ndarray, np.ndarray]:
    """GPArotation::oblimin (gamma = 0): gradient projection, as ``GPFoblq``."""
    k = a.shape[1]
    off = 1 - np.eye(k)

    def vgq(lam):
        x = lam**2 @ off
        return lam * x, float((lam**2 * x).sum() / 4)

    t = np.eye(k)
    lam = a @ np.linalg.inv(t).T
    gq, f = vgq(lam)
    g = -(lam.T @ gq @ np.linalg.inv(t)).T
    al = 1.0
    for _ in range(maxit + 1):
        gp = g - t @ np.diag((t * g).sum(axis=0))
        s = np.sqrt(np.trace(gp.T @ gp))
        if s < eps:
            break
        al *= 2
        for _ in range(11):
            x = t - al * gp
            tt = x / np.sqrt((x**2).sum(axis=0))
            lam = a @ np.linalg.inv(tt).T
            gqt, ft = vgq(lam)
            if f - ft > 0.5 * s**2 * al:
                break
            al /= 2
        t, f = tt, ft
        g = -(lam.T @ gqt @ np.linalg.inv(tt)).T
    return lam, t.T @ t


def _order(load: np.ndarray, phi: np.ndarray | None) -> np.ndarray:
    """psych's column order of a rotated solution: by variance accounted for."""
    ev = np.diag(load.T @ load) if phi is None else np.diag(phi @ load.T @ load)
    return np.argsort(-ev, kind="stable")


def omega(items: pd.DataFrame | np.ndarray, n_factors: int = 1) -> OmegaResult:
    """Omega total and hierarchical of a set of items, as ``psych::omega(m, nfactors)``.

    Parameters
    ----------
    items : DataFrame or 2-D array
        Item scores (one column per item, NaN = missing, pairwise correlations) or a
        correlation matrix.
    n_factors : int, default 1
        Group factors of the Schmid-Leiman solution (psych's ``nfactors``; it defaults to 3).

    Returns
    -------
    OmegaResult
        ``total``, ``hierarchical`` (None when ``n_factors`` is 1), ``general_share`` (ECV),
        ``loadings`` (g, group factors, h2, u2, p2 per item).

    Examples
    --------
    >>> r = np.full((6, 6), 0.3) + 0.7 * np.eye(6)
    >>> r[:3, :3] = r[3:, 3:] = 0.5
    >>> np.fill_diagonal(r, 1)
    >>> round(omega(r, n_factors=1).total, 3)
    0.786
    """
    if isinstance(n_factors, bool) or not isinstance(n_factors, int | np.integer) \
            or n_factors < 1:
        raise InputError(_SRC, tr("n_factors must be a whole number of at least 1, got "
                                  "{n_factors!r}").format(n_factors=n_factors))
    r, names = _correlations(items)
    nf = int(n_factors)
    if nf >= r.shape[0] / 2:
        raise InputError(_SRC, tr("{nf} factors need more than {value} items").format(
                                   nf=nf, value=2 * nf))
    orth = _minres(r, nf)
    if nf > 1:
        orth = _varimax(orth)
        orth = orth * np.where(orth.sum(axis=0) < 0, -1, 1)
        orth = orth[:, _order(orth, None)]
        fload, phi = _oblimin(orth)
        gload = _minres(phi, 1)[:, 0] if nf > 2 else np.full(2, np.sqrt(abs(phi[0, 1])))
        if nf == 2:
            gload[1] *= np.sign(phi[0, 1])
    else:
        fload, phi, gload = orth, np.eye(1), np.ones(1)
    g = fload @ gload
    h2 = (orth**2).sum(axis=1)
    u2 = np.diag(r) - h2
    group = np.sign(fload) * np.sqrt(np.maximum(fload**2 * (1 - gload**2), 0))
    key = np.where(g < 0, -1.0, 1.0)  # psych's flip: reverse items that load negatively on g
    m = r * np.outer(key, key)
    g, group = g * key, group * key[:, None]
    vt = float(m.sum())
    ev = np.concatenate([[(g**2).sum()], (group**2).sum(axis=0)])
    cols = ["g", *[f"F{j + 1}*" for j in range(nf)]]
    table = pd.DataFrame(np.column_stack([g, group, h2, u2, g**2 / h2]), index=names,
                         columns=[*cols, "h2", "u2", "p2"])
    factors = [f"F{j + 1}" for j in range(nf)]
    return OmegaResult(
        total=(vt - float(u2.sum())) / vt,
        hierarchical=None if nf == 1 else float(g.sum()) ** 2 / vt,
        general_share=float(ev[0] / ev.sum()),
        loadings=table,
        oblique=pd.DataFrame(fload, index=names, columns=factors),
        phi=pd.DataFrame(phi, index=factors, columns=factors),
        n_factors=nf,
    )
