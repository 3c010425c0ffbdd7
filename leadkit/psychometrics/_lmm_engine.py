"""The fitting engine of the linear mixed models: lme4's profiled (RE)ML criterion.

One grouping factor with q random terms (Bates, Mächler, Bolker & Walker, 2015, *Journal of
Statistical Software* 67(1)). The random effects are b_j = T u_j with u_j ~ N(0, σ² I) and T
lower triangular; θ holds T's q(q+1)/2 entries column by column, as ``getME(m, "theta")``.
For a given θ the fixed effects β and σ² have closed forms, so the optimiser searches θ only.

Everything is computed from per-group sufficient statistics (Z_j'Z_j, Z_j'X_j, Z_j'y_j and
X'X, X'y, y'y), stacked in arrays with the group as the leading axis, so one evaluation of the
criterion is a handful of batched q × q operations, O(J q³ + J q² p + p³), whatever the
number of rows:

- L_j L_j' = T'Z_j'Z_j T + I, c_j = L_j⁻¹ T'Z_j'y_j, C_j = L_j⁻¹ T'Z_j'X_j;
- R_X'R_X = X'X − Σ C_j'C_j, β from R_X, r² = y'y − Σ |c_j|² − |c_β|² (the penalised
  residual sum of squares);
- ML deviance  log|L|² + n (1 + log(2π r²/n)),
  REML criterion  log|L|² + log|R_X|² + (n − p)(1 + log(2π r²/(n − p))).

The gradient is exact (not by differences): with V_j = I + Z_j G Z_j' (G = TT'), the
derivative of the criterion in G is Σ Z_j'V_j⁻¹Z_j − ν/r² Σ w_j w_j' (w_j = Z_j'V_j⁻¹ r_j,
ν = n or n − p) and, for REML, − Σ B_j (R_X'R_X)⁻¹ B_j' with B_j = Z_j'V_j⁻¹X_j; each term is
a small product of the sufficient statistics by Woodbury's identity. The bounded quasi-Newton
method L-BFGS-B keeps the diagonal of T at or above 0, as lme4's bounds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# lme4's isSingular(): a diagonal element of T below this is on the boundary.
SINGULAR_TOL = 1e-4


@dataclass(frozen=True)
class Problem:
    """Per-group sufficient statistics of y = Xβ + Zb + e (group along the first axis)."""

    ztz: np.ndarray  # (J, q, q)
    ztw: np.ndarray  # Z_j'[X_j y_j], (J, q, p + 1)
    xtx: np.ndarray  # (p, p)
    xty: np.ndarray  # (p,)
    yty: float
    n: int
    ztz_sum: np.ndarray  # Σ Z_j'Z_j

    @property
    def ztx(self) -> np.ndarray:
        """Z_j'X_j, (J, q, p)."""
        return self.ztw[:, :, :-1]

    @property
    def zty(self) -> np.ndarray:
        """Z_j'y_j, (J, q)."""
        return self.ztw[:, :, -1]

    @property
    def n_groups(self) -> int:
        """J, the number of groups."""
        return int(self.ztz.shape[0])

    @property
    def q(self) -> int:
        """The number of random terms per group."""
        return int(self.ztz.shape[1])

    @property
    def p(self) -> int:
        """The number of fixed effects."""
        return int(self.xtx.shape[0])


@dataclass(frozen=True)
class Estimates:
    """The fit at the optimum θ."""

    theta: np.ndarray
    beta: np.ndarray
    cov_beta: np.ndarray
    sigma2: float
    cov_random: np.ndarray  # σ² T T'
    ranef: np.ndarray  # (J, q): conditional modes T u_j
    deviance: float  # ML deviance or REML criterion
    reml: bool
    singular: bool
    converged: bool

    @property
    def loglik(self) -> float:
        """The (REML) log-likelihood, -deviance / 2."""
        return -self.deviance / 2


def sufficient_statistics(y: np.ndarray, x: np.ndarray, z: np.ndarray, codes: np.ndarray,
                          n_groups: int) -> Problem:
    """Sum the cross-products of each group's rows (codes: 0..J-1, one per row)."""
    order = np.argsort(codes, kind="stable")
    codes = codes[order]
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    w = np.column_stack([z[order], x[order], y[order]])  # (n, q + p + 1)
    q, p = z.shape[1], x.shape[1]
    per_group = np.empty((n_groups, q, w.shape[1]))
    for k in range(q):
        per_group[:, k, :] = np.add.reduceat(w * w[:, k:k + 1], starts, axis=0)
    whole = w[:, q:].T @ w[:, q:]
    ztz = np.ascontiguousarray(per_group[:, :, :q])
    return Problem(ztz=ztz, ztw=np.ascontiguousarray(per_group[:, :, q:]), xtx=whole[:p, :p],
                   xty=whole[:p, p], yty=float(whole[p, p]), n=len(y), ztz_sum=ztz.sum(axis=0))


_UPPER = {q: np.triu_indices(q) for q in range(1, 9)}


def _upper(q: int) -> tuple[np.ndarray, np.ndarray]:
    return _UPPER[q] if q in _UPPER else np.triu_indices(q)


def _lower(theta: np.ndarray, q: int) -> np.ndarray:
    t = np.zeros((q, q))
    t.T[_upper(q)] = theta  # column by column down the lower triangle, as lme4
    return t


def _inv_logdet(m: np.ndarray) -> tuple[np.ndarray, float]:
    """Inverses and summed log-determinants of a stack of positive definite matrices."""
    if m.shape[1] == 1:
        return 1 / m, float(np.log(m).sum())
    if m.shape[1] == 2:  # closed form: the common case of one random slope
        a, b, d = m[:, 0, 0], m[:, 0, 1], m[:, 1, 1]
        det = a * d - b * b
        inv = np.empty_like(m)
        inv[:, 0, 0], inv[:, 1, 1] = d / det, a / det
        inv[:, 0, 1] = inv[:, 1, 0] = -b / det
        return inv, float(np.log(det).sum())
    return np.linalg.inv(m), float(np.linalg.slogdet(m)[1].sum())


def _solve(pr: Problem, theta: np.ndarray, reml: bool, gradient: bool):
    """The criterion at θ, with its gradient and the pieces the estimates are made of."""
    q, p, n = pr.q, pr.p, pr.n
    t = _lower(theta, q)
    m = t.T @ pr.ztz @ t + np.eye(q)  # L_j L_j'
    minv, logdet = _inv_logdet(m)
    tz = t.T @ pr.ztw  # T'Z'[X y], (J, q, p + 1)
    flat = tz.reshape(-1, p + 1)
    s = flat.T @ (minv @ tz).reshape(-1, p + 1)  # Σ C'C, Σ C'c, Σ c'c in one product
    rxtrx = pr.xtx - s[:p, :p]  # R_X'R_X
    rhs = pr.xty - s[:p, p]
    rx_inv = np.linalg.inv(rxtrx)
    beta = rx_inv @ rhs
    r2 = max(pr.yty - s[p, p] - float(rhs @ beta), 1e-300)  # |c_β|² = rhs' β
    dof = n - p if reml else n
    dev = logdet + dof * (1 + np.log(2 * np.pi * r2 / dof))
    if reml:
        dev += float(np.linalg.slogdet(rxtrx)[1])
    parts = dict(t=t, minv=minv, beta=beta, r2=r2, rx_inv=rx_inv, dof=dof)
    if not gradient:
        return dev, None, parts
    # Woodbury: V_j⁻¹ = I − Z_j P_j Z_j' with P_j = T M_j⁻¹ T', so Z'V⁻¹ = (I − Z'Z P) Z'
    zzp = pr.ztz @ (t @ minv @ t.T)
    ztw = pr.ztw - zzp @ pr.ztw  # Z'V⁻¹[X y]
    w = ztw[:, :, p] - ztw[:, :, :p] @ beta  # Z'V⁻¹(y − Xβ)
    d_g = pr.ztz_sum - (zzp @ pr.ztz).sum(axis=0) - (dof / r2) * (w.T @ w)
    if reml:
        b = ztw[:, :, :p]
        d_g -= np.einsum("jkp,jlp->kl", b @ rx_inv, b)
    grad_t = 2 * d_g @ t
    return dev, grad_t.T[_upper(q)], parts


def deviance(pr: Problem, theta: np.ndarray, reml: bool) -> float:
    """The ML deviance (reml=False) or the REML criterion at θ."""
    return float(_solve(pr, np.asarray(theta, float), reml, gradient=False)[0])


def _start(q: int) -> np.ndarray:
    return np.eye(q).T[_upper(q)].astype(float)  # lme4's start: T = I


def _flip(theta: np.ndarray, q: int) -> np.ndarray:
    """The same G = TT' with T's diagonal at or above 0: flip each column whose diagonal is < 0."""
    t = _lower(theta, q)
    t *= np.where(np.diag(t) < 0, -1.0, 1.0)
    return t.T[_upper(q)]


def _hessian(objective, theta: np.ndarray, grad: np.ndarray) -> np.ndarray:
    """The Hessian by forward differences of the exact gradient, eigenvalues made positive."""
    h = 1e-6 * np.maximum(np.abs(theta), 1e-2)
    cols = [(objective(theta + e)[1] - grad) / e[i] for i, e in enumerate(np.diag(h))]
    hess = np.array(cols)
    values, vectors = np.linalg.eigh((hess + hess.T) / 2)  # made positive definite:
    values = np.maximum(np.abs(values), 1e-8 * max(float(np.abs(values).max()), 1e-12))
    return (vectors * values) @ vectors.T  # every step then goes downhill


def _minimise(objective, theta: np.ndarray, q: int, max_iter: int = 500
              ) -> tuple[np.ndarray, bool]:
    """Damped quasi-Newton on θ, finished by Newton steps on the differenced Hessian.

    Each step solves (H + λ diag|H|) s = −g (Levenberg–Marquardt damping, λ raised until the
    criterion does not rise); H starts as the differenced Hessian and is updated by BFGS, then
    recomputed once the steps are small, so the last steps are Newton steps and θ is found to
    about 1e-10. G = TT' does not change when a column of T changes sign, so the criterion is
    symmetric about 0 in each diagonal element: after every step the signs are set so that
    the diagonal is at or above 0, which keeps θ within lme4's bounds.
    """
    dev, grad = objective(theta)
    hess = _hessian(objective, theta, grad)
    lam, exact, k = 1e-3, True, len(theta)
    for _ in range(max_iter):
        scale = np.maximum(np.abs(np.diag(hess)), 1e-12)
        while True:
            try:
                step = -np.linalg.solve(hess + lam * np.diag(scale), grad)
            except np.linalg.LinAlgError:
                step = np.full(k, np.nan)
            if np.all(np.isfinite(step)):
                new = _flip(theta + step, q)
                new_dev, new_grad = objective(new)
                if new_dev <= dev + 1e-13 * abs(dev):
                    break
            lam *= 10
            if lam > 1e14:
                return theta, False
        size = float(np.max(np.abs(step) / np.maximum(np.abs(theta), 1e-2)))
        moved = new - theta
        change = new_grad - grad
        theta, dev, grad = new, new_dev, new_grad
        lam = max(lam / 10, 1e-12)
        if size < 1e-10 or not np.any(moved):
            return theta, True
        if size < 1e-4 and not exact:
            hess, exact, lam = _hessian(objective, theta, grad), True, 1e-12
        elif (curv := float(moved @ change)) > 0:  # BFGS update of the Hessian
            hm = hess @ moved
            hess = hess - np.outer(hm, hm) / float(moved @ hm) + np.outer(change, change) / curv
            exact = exact and size < 1e-4
    return theta, False


def fit_problem(pr: Problem, reml: bool = True) -> Estimates:
    """Minimise the profiled criterion over θ and return the estimates at the optimum."""
    q = pr.q
    diag = _start(q) == 1

    def objective(theta):
        dev, grad, _ = _solve(pr, theta, reml, gradient=True)
        return dev, grad

    theta, converged = _minimise(objective, _start(q), q)
    dev, _, parts = _solve(pr, theta, reml, gradient=False)
    t, sigma2 = parts["t"], parts["r2"] / parts["dof"]
    beta = parts["beta"]
    ztr = pr.zty - pr.ztx @ beta
    u = (parts["minv"] @ (t.T @ ztr[:, :, None]))[:, :, 0]  # M⁻¹ T'Z'(y − Xβ)
    return Estimates(
        theta=theta, beta=beta, cov_beta=sigma2 * parts["rx_inv"],
        sigma2=float(sigma2), cov_random=sigma2 * t @ t.T, ranef=u @ t.T,
        deviance=float(dev), reml=reml,
        singular=bool((theta[diag] < SINGULAR_TOL).any()), converged=converged)
