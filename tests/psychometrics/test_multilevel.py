"""Multilevel models against R ``nlme::lme`` (REML) on Bliese's bh1996 and the kit's teams.

Reference values: ``tests/data/research/make_reference.R`` (R 4.2.2, nlme 3.1-162); the R
call is beside each value. ``_VAR`` is ``c(diag(getVarCov(m)), m$sigma^2)``; the intervals
are ``intervals(m, which = "fixed")``. nlme stops at its own (looser) convergence test, so
these comparisons allow 1e-4; the comparisons with lme4 at 1e-6 are in
``test_multilevel_lme4.py``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import leadkit as lk
from leadkit.errors import InputError
from leadkit.psychometrics.multilevel import group_mean_center, multilevel_model

RESEARCH = Path(__file__).parent.parent / "data" / "research"
TOL = 1e-4


@pytest.fixture(scope="module")
def bh():
    return group_mean_center(pd.read_csv(RESEARCH / "bh1996.csv.gz"), "HRS", "GRP")


def _check(fit, est, se, df, low, high, var):
    fixed = fit.fixed
    diffs = [np.abs(fixed[col].to_numpy() - ref).max()
             for col, ref in (("estimate", est), ("se", se), ("ci_low", low), ("ci_high", high))]
    np.testing.assert_array_equal(fixed["df"], df)
    q = fit.random.shape[0]
    ours_var = [*np.diag(fit.random.to_numpy()), fit.sigma2]
    diffs.append(np.abs(np.array(ours_var) - var[: q + 1]).max())
    assert max(diffs) < TOL, diffs
    return max(diffs)


def test_group_mean_center_gives_multilevels_g_columns(bh):
    # bh1996$G.HRS from the multilevel package
    assert np.abs(bh["HRS_mean"] - bh["G.HRS"]).max() < 1e-8
    assert np.abs(bh["HRS_within"] - (bh["HRS"] - bh["G.HRS"])).max() < 1e-8


def test_null_model_matches_lme(bh):
    fit = lk.multilevel_model(bh, "WBEING ~ 1", group="GRP")
    # nlme::lme(WBEING ~ 1, random = ~1 | GRP, data = bh1996)
    est, se, df = [2.774296568477872], [0.022203543604730504], [7283]
    low, high = [2.7307711892035957], [2.8178219477521482]  # intervals(m, which = "fixed")
    var = [0.035800774804560474, 0.78949727412867154]  # c(diag(getVarCov(m)), m$sigma^2)
    _check(fit, est, se, df, low, high, var)
    assert fit.icc == pytest.approx(var[0] / sum(var), abs=TOL)
    assert fit.tau00 == pytest.approx(var[0], abs=TOL)


def test_random_intercept_model_matches_lme(bh):
    fit = multilevel_model(bh, "WBEING ~ HRS_within + HRS_mean", group="GRP")
    # nlme::lme(WBEING ~ W.HRS + G.HRS, random = ~1 | GRP, data = bh1996)
    est = [4.7408310545539871, -0.046460507054936158, -0.17338659156825298]
    se = [0.21367871300008404, 0.0048879805017502725, 0.018777044092049461]
    df = [7282, 7282, 97]
    low = [4.3219588509082589, -0.056042365422571891, -0.21065382634255045]
    high = [5.1597032581997153, -0.036878648687300425, -0.13611935679395551]
    var = [0.013544642055181712, 0.78010545353601535]
    _check(fit, est, se, df, low, high, var)
    assert list(fit.fixed["term"]) == ["Intercept", "HRS_within", "HRS_mean"]


def test_random_slope_model_matches_lme(bh):
    fit = multilevel_model(bh, "WBEING ~ HRS + HRS_mean", group="GRP", random_slopes=["HRS"])
    # nlme::lme(WBEING ~ HRS + G.HRS, random = ~HRS | GRP, data = bh1996)
    est = [4.7510577489786074, -0.047001426194753143, -0.12734208945269135]
    se = [0.21784747853075431, 0.0054232116474971243, 0.019636439132264719]
    df = [7282, 7282, 97]
    low = [4.324013556744041, -0.057632492723235132, -0.16631498548924945]
    high = [5.1781019412131739, -0.036370359666271154, -0.088369193416133238]
    var = [0.073756124363122386, 0.00038850457423019586, 0.7780369744904666]
    _check(fit, est, se, df, low, high, var)
    cov = -0.0048341250749117659  # getVarCov(m)[1, 2]
    assert abs(fit.random.loc["Intercept", "HRS"] - cov) < TOL


def test_random_intercept_model_matches_lme_on_the_kits_teams():
    people = pd.read_csv(RESEARCH / "kit_people.csv").rename(columns={"build-trust": "trust"})
    people = group_mean_center(people, "trust", "team")
    fit = multilevel_model(people, "trust_wave2 ~ trust_within + trust_mean", group="team")
    # nlme::lme(trust_wave2 ~ trust_within + trust_mean, random = ~1 | team, data = kit_people)
    est = [1.8208164484848748, 0.40141926076810075, 0.51261347899928722]
    se = [1.8070815039048289, 0.11876351250286354, 0.50314559520842617]
    df = [47, 47, 6]  # summary(m)$tTable[, "DF"]
    var = [0.092073201714797256, 0.50926249121731237]
    fixed = fit.fixed
    assert np.abs(fixed["estimate"] - est).max() < TOL
    assert np.abs(fixed["se"] - se).max() < TOL
    np.testing.assert_array_equal(fixed["df"], df)
    assert abs(fit.tau00 - var[0]) < TOL and abs(fit.sigma2 - var[1]) < TOL


@pytest.mark.parametrize(
    "kwargs, words",
    [
        (dict(formula="WBEING ~ nope"), "no such column"),
        (dict(formula="WBEING"), "formula must"),
        (dict(group="team"), "no such column"),
        (dict(random_slopes=["nope"]), "no such column"),
    ],
)
def test_bad_arguments_are_input_errors(bh, kwargs, words):
    args = dict(data=bh.head(200), formula="WBEING ~ HRS", group="GRP") | kwargs
    with pytest.raises(InputError, match=words):
        multilevel_model(**args)


def test_one_team_text_and_constant_outcomes_are_input_errors():
    d = pd.DataFrame({"t": ["a"] * 4, "y": [1.0, 2, 3, 4], "x": [1.0, 2, 3, 5]})
    with pytest.raises(InputError, match="at least 2 teams"):
        multilevel_model(d, "y ~ x", group="t")
    d["t"] = ["a", "a", "b", "b"]
    with pytest.raises(InputError, match="does not vary"):
        multilevel_model(d.assign(y=1.0), "y ~ x", group="t")
    with pytest.raises(InputError, match="text"):
        multilevel_model(d.assign(y=["p", "q", "r", "s"]), "y ~ x", group="t")
    with pytest.raises(InputError, match="text"):
        group_mean_center(d.assign(x=["p", "q", "r", "s"]), "x", "t")


def test_rows_with_a_gap_are_left_out(bh):
    part = bh.head(600).copy()
    gappy = part.copy()
    gappy.loc[[3, 10, 50], "WBEING"] = np.nan
    with pytest.warns(UserWarning, match="3 rows with a gap"):
        fit = multilevel_model(gappy, "WBEING ~ HRS", group="GRP")
    same = multilevel_model(part.drop(index=[3, 10, 50]), "WBEING ~ HRS", group="GRP")
    assert fit.n == 597
    pd.testing.assert_frame_equal(fit.fixed, same.fixed)
    assert "n=597" in repr(fit)
