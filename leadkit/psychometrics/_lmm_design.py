"""From a table and a formula to the matrices of a linear mixed model, with R's conventions.

The formula is read by formulaic (Wilkinson formulas, as R's ``model.matrix``): text and
categorical columns get treatment coding with the first level as reference (a pandas
Categorical's first category, else the alphabetically first value, as R's ``factor``), ``a * b``
and ``a:b`` give interactions, ``C(x)`` makes a number a factor. Coefficient names follow R
(``SexFemale``, ``age:SexFemale``), the intercept is ``Intercept``.

Before anything is fitted the checks lme4 makes (and a few it does not) turn bad input into an
:class:`~leadkit.errors.InputError` that names the column: a column that is not there, text
where a number is needed, a constant outcome, predictors that carry the same information,
fewer than two groups, and no more rows than random effects (every group of one: the team
variance and the residual variance cannot be told apart). Rows with a gap in a column the
model uses are left out, counted and reported, as R's ``na.omit``.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from leadkit.errors import InputError, LeadkitWarning
from leadkit.i18n import tr

SOURCE = "<DataFrame>"


@dataclass(frozen=True)
class Design:
    """The model's matrices: outcome y, fixed X, random Z (per row), group code per row."""

    y: np.ndarray
    x: np.ndarray
    z: np.ndarray
    codes: np.ndarray
    levels: pd.Index
    x_names: list[str]
    z_names: list[str]
    outcome: str
    n_dropped: int


def need_columns(data: object, names: Sequence[str]) -> pd.DataFrame:
    """The table, once it is a DataFrame holding every named column."""
    if not isinstance(data, pd.DataFrame):
        raise InputError(SOURCE, tr("data must be a table (DataFrame)"))
    for name in names:
        if name not in data.columns:
            raise InputError(SOURCE, tr("there is no such column"),
                             column=str(name), expected=", ".join(map(str, data.columns)))
    return data


def _looks_numeric(values: pd.Series) -> bool:
    """Text of which most distinct values read as numbers: a number column with a typo."""
    distinct = pd.Series(values.dropna().unique())
    as_number = pd.to_numeric(distinct, errors="coerce")
    return bool(len(distinct) > 2 and as_number.notna().mean() >= 0.5)


def _text_error(column: str, values: pd.Series) -> InputError:
    bad = [str(v) for v in pd.Series(values.dropna().unique())
           if pd.isna(pd.to_numeric(pd.Series([v]), errors="coerce")[0])][:3]
    return InputError(SOURCE, tr("the column holds text, not numbers"), column=column,
                      expected=", ".join(bad))


def _is_text(values: pd.Series) -> bool:
    return not (pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values))


def _matrix(spec, frame: pd.DataFrame, text: list[str]):
    import formulaic

    try:
        return spec.get_model_matrix(frame, na_action="raise")
    except formulaic.errors.FormulaicError as err:
        if text:
            raise InputError(SOURCE, tr("the column holds text, not numbers"),
                             column=", ".join(text)) from err
        raise InputError(SOURCE, tr("the formula could not be used: {reason}").format(
            reason=str(err).splitlines()[0])) from err


def _r_names(columns: Sequence[str]) -> list[str]:
    """formulaic's ``Sex[T.Female]`` as R's ``SexFemale`` (unless that makes two alike)."""
    names = [re.sub(r"\[T\.([^\]]*)\]", r"\1", str(c)) for c in columns]
    return names if len(set(names)) == len(names) else [str(c) for c in columns]


def _collinear(x: np.ndarray, names: list[str]) -> None:
    """Name each column that is a combination of the columns before it (R's aliased terms)."""
    norms = np.linalg.norm(x, axis=0)
    scaled = x / np.where(norms > 0, norms, 1.0)
    diag = np.abs(np.diag(np.linalg.qr(scaled, mode="r")))
    dependent = np.flatnonzero(diag < 1e-7 * max(float(diag.max()), 1e-300))
    if not len(dependent):
        return
    j = int(dependent[0])
    keep = [i for i in range(j) if i not in set(dependent)]
    coef = np.linalg.lstsq(x[:, keep], x[:, j], rcond=None)[0] if keep else np.zeros(0)
    partners = [names[i] for i, c in zip(keep, coef, strict=True) if abs(c) > 1e-8] or keep
    raise InputError(
        SOURCE, tr("two predictors carry the same information (or one is constant): {column} "
                   "is a combination of {others}").format(
            column=names[j], others=", ".join(map(str, partners)) or "-"),
        column=names[j])


def _parse(formula: object, slopes: Sequence[str]):
    """The formula with the random terms as its second part: ``y ~ x | 1 + slopes``."""
    import formulaic

    if not isinstance(formula, str) or "~" not in formula or not formula.split("~")[0].strip():
        raise InputError(SOURCE, tr("formula must look like 'y ~ x', got {formula!r}").format(
            formula=formula))
    if "|" in formula:
        raise InputError(SOURCE, tr("write the fixed part only, e.g. 'y ~ x': the team goes in "
                                    "group=..., random slopes in random_slopes=[...]"),
                         expected="y ~ x")
    quoted = [s if s.isidentifier() else f"`{s}`" for s in slopes]
    try:
        return formulaic.Formula(f"{formula} | {' + '.join(['1', *quoted])}")
    except formulaic.errors.FormulaicError as err:
        raise InputError(SOURCE, tr("the formula could not be used: {reason}").format(
            reason=str(err).splitlines()[0])) from err


def build_design(data: object, formula: object, group: str,
                 random_slopes: Sequence[str]) -> Design:
    """Check the input and build the model's matrices."""
    spec = _parse(formula, random_slopes)
    needed = sorted(map(str, spec.required_variables))
    frame = need_columns(data, [*needed, group, *random_slopes])
    used = list(dict.fromkeys([*needed, *random_slopes, group]))
    frame = frame[used]
    complete = frame.notna().all(axis=1)
    n_dropped = int(len(frame) - complete.sum())
    if n_dropped:
        frame = frame.loc[complete].reset_index(drop=True)
        warnings.warn(tr("{count} rows with a gap in a column the model uses were left out "
                         "(as R's na.omit)").format(count=n_dropped), LeadkitWarning,
                      stacklevel=3)
    outcome = str(formula).split("~")[0].strip()
    text = [c for c in used if c != group and _is_text(frame[c])]
    for col in text:
        if col == outcome or _looks_numeric(frame[col]):
            raise _text_error(col, frame[col])
    mm = _matrix(spec, frame, text)
    if mm.lhs.shape[1] != 1:
        raise InputError(SOURCE, tr("the outcome must be one column of numbers"), column=outcome)
    fixed, random = mm.rhs
    y = mm.lhs.to_numpy(dtype=float)[:, 0]
    x, x_names = fixed.to_numpy(dtype=float), _r_names(fixed.columns)
    z, z_names = random.to_numpy(dtype=float), _r_names(random.columns)
    codes, levels = pd.factorize(frame[group], sort=True)
    _check_sizes(y, x, z, codes, len(levels), outcome, group, z_names)
    _collinear(x, x_names)
    return Design(y=y, x=x, z=z, codes=codes, levels=pd.Index(levels, name=group),
                  x_names=x_names, z_names=z_names, outcome=outcome, n_dropped=n_dropped)


def _check_sizes(y: np.ndarray, x: np.ndarray, z: np.ndarray, codes: np.ndarray,
                 n_groups: int, outcome: str, group: str, z_names: list[str]) -> None:
    n, p, q = len(y), x.shape[1], z.shape[1]
    if n == 0 or np.ptp(y) == 0:
        raise InputError(SOURCE, tr("the outcome does not vary"), column=outcome)
    if n_groups < 2:
        raise InputError(SOURCE, tr("a multilevel model needs at least 2 teams ({n_groups} "
                                    "found)").format(n_groups=n_groups), column=group)
    if n <= n_groups * q:  # lme4's check.nobs.vRE
        raise InputError(SOURCE, tr(
            "{n} rows for {n_groups} teams with {q} random terms each: there must be more rows "
            "than random effects, or the team variance and the residual variance cannot be told "
            "apart (every team of one person leaves no variation within teams)").format(
                n=n, n_groups=n_groups, q=q), column=group)
    if n <= p:
        raise InputError(SOURCE, tr("{n} rows are too few for {p} fixed effects").format(
            n=n, p=p))
    if q > 1:
        sizes = np.bincount(codes, minlength=n_groups)
        few = int((sizes < q).sum())
        if few:
            warnings.warn(tr(
                "{few} of {n_groups} teams have fewer than {q} people: their {terms} cannot be "
                "estimated from their own data and rest on the other teams").format(
                    few=few, n_groups=n_groups, q=q, terms=", ".join(z_names[1:])),
                LeadkitWarning, stacklevel=4)
