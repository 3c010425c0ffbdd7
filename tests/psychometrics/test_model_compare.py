"""Likelihood-ratio tables against lme4's ``anova(m0, m1)``.

Reference values: ``tests/data/research/lmm_anova.csv``, written by
``tests/data/research/make_lmm_reference.R`` (R 4.2.2, lme4 1.1-31). The comparisons and
their R calls (models as in ``lmm_models.csv``):

- ``sleep``: ``anova(sleep_ri_reml, sleep_rs_reml)``, i.e. ``lmer(Reaction ~ Days +
  (1 | Subject))`` against ``lmer(Reaction ~ Days + (Days | Subject))`` on sleepstudy, both
  REML, so lme4 refits both by ML;
- ``orth``: ``anova(orth_add_reml, orth_ri_reml, orth_rs_reml)``: ``distance ~ age + Sex``,
  ``age * Sex`` and ``age * Sex`` with ``(age | Subject)`` on Orthodont;
- ``orth_ml``: ``anova(orth_ri_reml, orth_rs_ml)``: a REML fit against an ML fit.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import leadkit as lk
from leadkit.errors import InputError

RESEARCH = Path(__file__).parent.parent / "data" / "research"
ANOVA = pd.read_csv(RESEARCH / "lmm_anova.csv")


@pytest.fixture(scope="module")
def models():
    sleep = pd.read_csv(RESEARCH / "sleepstudy.csv")
    orth = pd.read_csv(RESEARCH / "orthodont.csv")
    orth["Sex"] = pd.Categorical(orth["Sex"], categories=["Male", "Female"])
    return {
        "sleep_ri_reml": lk.multilevel_model(sleep, "Reaction ~ Days", "Subject"),
        "sleep_rs_reml": lk.multilevel_model(sleep, "Reaction ~ Days", "Subject", ["Days"]),
        "orth_add_reml": lk.multilevel_model(orth, "distance ~ age + Sex", "Subject"),
        "orth_ri_reml": lk.multilevel_model(orth, "distance ~ age * Sex", "Subject"),
        "orth_rs_reml": lk.multilevel_model(orth, "distance ~ age * Sex", "Subject", ["age"]),
        "orth_rs_ml": lk.multilevel_model(orth, "distance ~ age * Sex", "Subject", ["age"],
                                          method="ML"),
    }


@pytest.mark.parametrize("comparison", ["sleep", "orth", "orth_ml"])
def test_table_equals_lme4_anova(models, comparison):
    ref = ANOVA[ANOVA.comparison == comparison]
    names = list(ref["row"])
    table = lk.compare_models(*[models[n] for n in reversed(names)])  # any order: sorted by npar
    assert list(table["npar"]) == list(ref["npar"])
    for ours, theirs in [("aic", "AIC"), ("bic", "BIC"), ("loglik", "logLik"),
                         ("deviance", "deviance"), ("chisq", "Chisq")]:
        np.testing.assert_allclose(table[ours].to_numpy(float), ref[theirs].to_numpy(float),
                                   rtol=1e-8, atol=1e-8, err_msg=ours)
    np.testing.assert_allclose(table["p"].iloc[1:], ref["p"].iloc[1:], rtol=1e-6)
    assert list(table["df"].iloc[1:]) == list(ref["Df"].iloc[1:].astype(int))
    assert pd.isna(table["chisq"].iloc[0]) and pd.isna(table["p"].iloc[0])
    refitted = [models[n].method == "REML" for n in names]
    assert [("REML" in fit) for fit in table["fit"]] == refitted
    assert table.index[-1] == models[names[-1]].lme4_formula


def test_the_fits_themselves_are_left_as_they_were(models):
    before = models["sleep_rs_reml"].loglik
    lk.compare_models(models["sleep_ri_reml"], models["sleep_rs_reml"])
    assert models["sleep_rs_reml"].method == "REML" and models["sleep_rs_reml"].loglik == before


def test_models_that_cannot_be_compared_are_input_errors(models):
    with pytest.raises(InputError, match="at least two"):
        lk.compare_models(models["sleep_ri_reml"])
    with pytest.raises(InputError, match="multilevel_model"):
        lk.compare_models(models["sleep_ri_reml"], "m1")
    with pytest.raises(InputError, match="different numbers of rows"):
        lk.compare_models(models["sleep_ri_reml"], models["orth_ri_reml"])
    sleep = pd.read_csv(RESEARCH / "sleepstudy.csv").assign(Other=lambda d: d["Reaction"])
    other = lk.multilevel_model(sleep, "Other ~ Days", "Subject")
    with pytest.raises(InputError, match="same outcome"):
        lk.compare_models(models["sleep_ri_reml"], other)
