"""Multilevel models against ``lme4::lmer`` on sleepstudy, Orthodont, bh1996 (REML and ML).

Reference values: ``tests/data/research/make_lmm_reference.R`` (R 4.2.2, lme4 1.1-31,
Matrix 1.5-3, nlme 3.1-162). Each model id below is a row of ``lmm_models.csv`` that holds the
exact R call; every fit is converged tightly there (bobyqa to ``rhoend = 1e-12``), because
lmer's default stops up to 1e-3 (relative) short in theta on Orthodont and bh1996.
``lmm_reference.csv`` holds ``fixef(m)``, ``sqrt(diag(vcov(m)))``, ``getME(m, "theta")``,
``as.data.frame(VarCorr(m))$vcov``, ``sigma(m)^2``, ``logLik(m)``, ``AIC(m)``, ``BIC(m)``,
``isSingular(m)``; ``lmm_ranef.csv`` holds ``ranef(m)[[1]]``.

Tolerances, relative: fixed effects and standard errors 1e-6, variance components 1e-5,
logLik 1e-8 (AIC, BIC with it), ranef 1e-5 of the largest. bh1996 with a random slope for raw
HRS is the exception: its criterion is so flat that R's own restarts move theta by 1e-5, so
there the standard errors get 1e-5 and the variance components 1e-4 (our logLik is 1e-9
higher than R's best).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import leadkit as lk
from leadkit.errors import InputError

RESEARCH = Path(__file__).parent.parent / "data" / "research"
REF = pd.read_csv(RESEARCH / "lmm_reference.csv", keep_default_na=False, na_values=["NA"])
RANEF = pd.read_csv(RESEARCH / "lmm_ranef.csv")
CALLS = pd.read_csv(RESEARCH / "lmm_models.csv").set_index("model")["call"]


def _r_name(term: str) -> str:
    return "Intercept" if term == "(Intercept)" else term


def _ref(model: str, quantity: str) -> pd.Series:
    rows = REF[(REF.model == model) & (REF.quantity == quantity)]
    return pd.Series(rows.value.to_numpy(float), index=[_r_name(t) for t in rows.term])


def _rel(ours, theirs) -> float:
    ours, theirs = np.asarray(ours, float), np.asarray(theirs, float)
    return float(np.max(np.abs(ours - theirs) / np.maximum(np.abs(theirs), 1e-300)))


def differences(model: str, fit) -> dict[str, float]:
    """Largest relative difference from lme4 for each kind of number."""
    fixef, se = _ref(model, "fixef"), _ref(model, "se")
    assert list(fit.fixed["term"]) == list(fixef.index)
    vc = _ref(model, "varcorr")
    pairs = [[_r_name(part) for part in t.split(":")] for t in vc.index]
    ours_vc = [fit.sigma2 if t == ["Residual"] else fit.random.loc[t[0], t[-1]] for t in pairs]
    ranef = RANEF[RANEF.model == model].pivot(index="group", columns="term", values="value")
    ranef.columns = [_r_name(c) for c in ranef.columns]
    ours_re = fit.ranef.set_axis(fit.ranef.index.astype(str)).loc[ranef.index.astype(str),
                                                                  ranef.columns]
    scale = np.abs(ranef.to_numpy()).max(axis=0)
    return {
        "fixef": _rel(fit.fixed["estimate"], fixef),
        "se": _rel(fit.fixed["se"], se),
        "varcorr": _rel(ours_vc, vc),
        "theta": float(np.max(np.abs(fit.theta - _ref(model, "theta").to_numpy()))),
        "loglik": _rel(fit.loglik, _ref(model, "loglik").iloc[0]),
        "aic": _rel([fit.aic, fit.bic], [_ref(model, "aic").iloc[0], _ref(model, "bic").iloc[0]]),
        "ranef": float(np.max(np.abs(ours_re.to_numpy() - ranef.to_numpy()) / scale)),
    }


TOL = {"fixef": 1e-6, "se": 1e-6, "varcorr": 1e-5, "theta": 1e-5, "loglik": 1e-8,
       "aic": 1e-8, "ranef": 1e-5}


@pytest.fixture(scope="module")
def data():
    orth = pd.read_csv(RESEARCH / "orthodont.csv")
    orth["Sex"] = pd.Categorical(orth["Sex"], categories=["Male", "Female"])  # nlme's levels
    return {"sleep": pd.read_csv(RESEARCH / "sleepstudy.csv"), "orth": orth,
            "bh": lk.group_mean_center(pd.read_csv(RESEARCH / "bh1996.csv.gz"), "HRS", "GRP")}


CASES = {  # model id in lmm_models.csv: data, formula, group, random slopes, method
    "sleep_rs_reml": ("sleep", "Reaction ~ Days", "Subject", ["Days"], "REML"),
    "sleep_rs_ml": ("sleep", "Reaction ~ Days", "Subject", ["Days"], "ML"),
    "sleep_ri_reml": ("sleep", "Reaction ~ Days", "Subject", [], "REML"),
    "sleep_ri_ml": ("sleep", "Reaction ~ Days", "Subject", [], "ML"),
    "orth_ri_reml": ("orth", "distance ~ age * Sex", "Subject", [], "REML"),
    "orth_rs_reml": ("orth", "distance ~ age * Sex", "Subject", ["age"], "REML"),
    "orth_rs_ml": ("orth", "distance ~ age * Sex", "Subject", ["age"], "ML"),
    "orth_add_reml": ("orth", "distance ~ age + Sex", "Subject", [], "REML"),
    "bh_null_reml": ("bh", "WBEING ~ 1", "GRP", [], "REML"),
    "bh_ri_reml": ("bh", "WBEING ~ HRS_within + HRS_mean", "GRP", [], "REML"),
    "bh_rs_reml": ("bh", "WBEING ~ HRS + HRS_mean", "GRP", ["HRS"], "REML"),
}


def fit_case(data, model: str):
    frame, formula, group, slopes, method = CASES[model]
    return lk.multilevel_model(data[frame], formula, group, slopes or None, method=method)


@pytest.mark.parametrize("model", list(CASES))
def test_fit_equals_lmer(data, model):
    assert model in CALLS.index  # the R call of this model: lmm_models.csv
    fit = fit_case(data, model)
    tol = dict(TOL)
    if model == "bh_rs_reml":  # a flat criterion: R's own restarts move theta by 1e-5
        tol.update(se=1e-5, varcorr=1e-4, theta=1e-4, ranef=1e-4)
        assert fit.loglik >= _ref(model, "loglik").iloc[0] - 1e-9
    diffs = differences(model, fit)
    assert all(diffs[k] <= tol[k] for k in diffs), diffs
    assert fit.method == CASES[model][4] and not fit.singular and fit.converged
    assert fit.n == _ref(model, "nobs").iloc[0] and fit.n_groups == _ref(model, "ngroups").iloc[0]
    assert fit.n_params == _ref(model, "df").iloc[0]  # attr(logLik(m), "df")


def test_text_column_takes_the_alphabetically_first_level_as_reference(data):
    # lmer(distance ~ age * Sex + (1 | Subject),
    #      data = transform(Orthodont, Sex = factor(as.character(Sex))))   ("orth_text_reml")
    text = data["orth"].assign(Sex=data["orth"]["Sex"].astype(str))
    fit = lk.multilevel_model(text, "distance ~ age * Sex", "Subject")
    assert list(fit.fixed["term"]) == ["Intercept", "age", "SexMale", "age:SexMale"]
    diffs = differences("orth_text_reml", fit)
    assert all(diffs[k] <= TOL[k] for k in diffs), diffs


def test_c_and_colon_give_the_same_model(data):
    star = lk.multilevel_model(data["orth"], "distance ~ age * Sex", "Subject")
    spelled = lk.multilevel_model(data["orth"], "distance ~ age + C(Sex) + age:C(Sex)",
                                  "Subject")
    assert list(spelled.fixed["term"]) == ["Intercept", "age", "C(Sex)Female",
                                           "age:C(Sex)Female"]
    np.testing.assert_allclose(spelled.fixed["estimate"], star.fixed["estimate"], rtol=1e-10)
    assert spelled.loglik == pytest.approx(star.loglik, rel=1e-12)


def test_orthodont_matches_nlme_too(data):
    fit = fit_case(data, "orth_rs_reml")
    # nlme::lme(distance ~ age * Sex, random = ~age | Subject, data = Orthodont)
    fixef, loglik = _ref("orth_rs_reml", "nlme_fixef"), _ref("orth_rs_reml", "nlme_loglik")
    assert _rel(fit.fixed["estimate"], fixef) < 1e-5
    assert _rel(fit.loglik, loglik.iloc[0]) < 1e-8


def test_singular_fit_warns_and_names_the_variance():
    flat = pd.read_csv(RESEARCH / "lmm_no_team_effect.csv")
    with pytest.warns(UserWarning, match=r"boundary \(singular\) fit: the variance of Intercept"):
        fit = lk.multilevel_model(flat, "y ~ x", "team")
    # lmer(y ~ x + (1 | team), data = lmm_no_team_effect): isSingular(m) is TRUE, theta 0
    assert fit.singular and bool(_ref("flat_ri_reml", "singular").iloc[0])
    assert fit.tau00 < 1e-12 and fit.icc < 1e-12
    assert _rel(fit.fixed["estimate"], _ref("flat_ri_reml", "fixef")) < 1e-6
    assert _rel(fit.loglik, _ref("flat_ri_reml", "loglik").iloc[0]) < 1e-8
    assert "singular" in repr(fit)


def test_repr_reads_like_a_table_and_speaks_dutch(data):
    fit = fit_case(data, "sleep_rs_reml")
    text = repr(fit)
    assert "REML" in text and "Reaction ~ Days + (Days | Subject)" in text and "n=180" in text
    assert "251.405" in text and "AIC 1755.63" in text
    lk.set_language("nl")
    assert "251,405" in repr(fit) and "251,405" in fit._repr_html_()
    assert "<table" in fit._repr_html_()


def test_refit_by_ml_equals_the_ml_fit(data):
    reml = fit_case(data, "sleep_rs_reml")
    diffs = differences("sleep_rs_ml", reml.refit("ML"))
    assert all(diffs[k] <= TOL[k] for k in diffs), diffs
    assert reml.refit("REML") is reml
    with pytest.raises(InputError, match="REML"):
        reml.refit("OLS")


def test_collinear_predictors_are_named(data):
    d = data["sleep"].assign(Hours=data["sleep"]["Days"] * 24)
    with pytest.raises(InputError, match="Hours is a combination of Days"):
        lk.multilevel_model(d, "Reaction ~ Days + Hours", "Subject")
    with pytest.raises(InputError, match="k is a combination of Intercept"):
        lk.multilevel_model(d.assign(k=2.0), "Reaction ~ Days + k", "Subject")


def test_groups_of_one_are_refused_at_once():
    rng = np.random.default_rng(0)
    d = pd.DataFrame({"g": np.arange(100_000), "x": rng.normal(size=100_000)})
    d["y"] = d["x"] + rng.normal(size=100_000)
    with pytest.raises(InputError, match="more rows than random effects"):
        lk.multilevel_model(d, "y ~ x", "g")


def test_small_groups_for_a_random_slope_are_reported(data):
    d = data["sleep"]
    d = d[~((d["Subject"] == d["Subject"].iloc[0]) & (d["Days"] > 0))]  # one row left
    with pytest.warns(UserWarning, match="1 of 18 teams have fewer than 2 people"):
        lk.multilevel_model(d, "Reaction ~ Days", "Subject", ["Days"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a team of one is fine for a random intercept
        lk.multilevel_model(d, "Reaction ~ Days", "Subject")


@pytest.mark.parametrize(
    "kwargs, words",
    [
        (dict(formula="Reaction ~ Days + (Days | Subject)"), "group="),
        (dict(formula="Reaction ~ Days +"), "formula could not be used"),
        (dict(method="OLS"), "REML"),
    ],
)
def test_bad_formulas_and_methods_are_input_errors(data, kwargs, words):
    args = dict(data=data["sleep"], formula="Reaction ~ Days", group="Subject") | kwargs
    with pytest.raises(InputError, match=words):
        lk.multilevel_model(**args)


def test_text_in_a_numeric_transform_is_an_input_error(data):
    with pytest.raises(InputError, match="text"):
        lk.multilevel_model(data["orth"].assign(Sex=lambda d: d["Sex"].astype(str)),
                            "distance ~ np.log(Sex)", "Subject")


def test_a_number_column_with_a_typo_is_text_not_a_factor(data):
    d = data["sleep"].astype({"Days": object})
    d.loc[5, "Days"] = "5 days"
    with pytest.raises(InputError, match="text.*5 days"):
        lk.multilevel_model(d, "Reaction ~ Days", "Subject")
