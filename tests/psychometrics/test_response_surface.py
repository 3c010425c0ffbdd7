"""Response surfaces against R ``lm()``: coefficients, R², a1-a4 with their SEs and tests.

Reference values: ``tests/data/research/make_reference.R`` (R 4.2.2); the R call is beside
each value. ``C`` there is the matrix whose rows give a1..a4 from b0..b5.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from datafiles import DATA

import leadkit as lk
from leadkit.errors import InputError
from leadkit.plots.response_surface import response_surface_figure
from leadkit.psychometrics.response_surface import response_surface

RESEARCH = DATA / "research"
TOL = 1e-8

# lm(WBEING ~ x + y + I(x^2) + I(x*y) + I(y^2)), x = LEAD - 3, y = COHES - 3, data = bh1996
BH_RSA_B = [2.8146103284052915, 0.47144188258582009, 0.075693530578415533,
            0.017873429510918342, -0.0036292423204627115, 0.0025138084899136476]
BH_RSA_SE = [0.0134070355306561, 0.014977049765291069, 0.012551764890681287,
             0.014172272953371893, 0.015323435171456845, 0.011165220605881517]
BH_RSA_R2 = 0.18587624997344682  # summary(lm(...))$r.squared
# C %*% coef(m); sqrt(diag(C %*% vcov(m) %*% t(C))); 2 * pt(-|a / se|, df.residual(m))
BH_RSA_A = [0.54713541316423564, 0.01675799568036928, 0.39574835200740455,
            0.024016480321294702]
BH_RSA_A_SE = [0.014531522329576777, 0.014569790500124066, 0.023506435328881772,
               0.028963012103094214]
BH_RSA_A_P = [6.2022321938077821e-284, 0.25010380743302857, 1.9354592382582056e-62,
              0.40701122781356447]

# lm(trust_wave2 ~ x + y + I(x^2) + I(x*y) + I(y^2)), x = build-trust - 3,
#    y = others_trust - 3, data = kit_people
KIT_RSA_B = [3.2666623561262957, 0.58294142586251207, 0.054398723683013829,
             0.050879288260058775, -0.34871266419439972, 0.17445246494820635]
KIT_RSA_SE = [0.31253676342623005, 0.34190162204185598, 0.96265546119631451,
              0.15170632802118644, 0.44817656078389645, 0.78880565887969123]
KIT_RSA_R2 = 0.19638184087902141  # summary(lm(...))$r.squared
KIT_RSA_A = [0.63734014954552587, -0.1233809109861346, 0.52854270217949828,
             0.57404441740266487]
KIT_RSA_A_SE = [1.0677241452213453, 0.9026250186626209, 0.97322641865253012,
                0.97268072865252231]
KIT_RSA_A_P = [0.55325784517837073, 0.8918237884045549, 0.58948567466894131,
               0.55773642306538607]


def _check(fit, b, se, r2, a, a_se, a_p):
    np.testing.assert_allclose(fit.coefficients["estimate"], b, rtol=0, atol=TOL)
    np.testing.assert_allclose(fit.coefficients["se"], se, rtol=0, atol=TOL)
    assert abs(fit.r2 - r2) < TOL
    np.testing.assert_allclose(fit.surface["estimate"], a, rtol=0, atol=TOL)
    np.testing.assert_allclose(fit.surface["se"], a_se, rtol=0, atol=TOL)
    np.testing.assert_allclose(fit.surface["p"], a_p, rtol=1e-6, atol=TOL)


def test_matches_lm_on_bh1996():
    bh = pd.read_csv(RESEARCH / "bh1996.csv.gz")
    fit = lk.response_surface(bh, self="LEAD", other="COHES", outcome="WBEING", center=3)
    _check(fit, BH_RSA_B, BH_RSA_SE, BH_RSA_R2, BH_RSA_A, BH_RSA_A_SE, BH_RSA_A_P)
    assert fit.n == 7382 and fit.df_resid == 7376


def test_matches_lm_on_the_kits_teams():
    people = pd.read_csv(RESEARCH / "kit_people.csv")
    fit = response_surface(people, self="build-trust", other="others_trust",
                           outcome="trust_wave2", center=3)
    _check(fit, KIT_RSA_B, KIT_RSA_SE, KIT_RSA_R2, KIT_RSA_A, KIT_RSA_A_SE, KIT_RSA_A_P)
    assert fit.a4.estimate == pytest.approx(KIT_RSA_A[3], abs=TOL)
    assert fit.a4.se == pytest.approx(KIT_RSA_A_SE[3], abs=TOL)
    assert set(fit.b) == {"b0", "b1", "b2", "b3", "b4", "b5"}


def test_grand_centring_uses_the_pooled_mean():
    people = pd.read_csv(RESEARCH / "kit_people.csv")
    fit = response_surface(people, self="build-trust", other="others_trust",
                           outcome="trust_wave2", center="grand")
    rows = people[["build-trust", "others_trust", "trust_wave2"]].dropna()
    pooled = np.concatenate([rows["build-trust"], rows["others_trust"]]).mean()
    assert fit.center == pytest.approx(pooled)
    # the r2 of a quadratic model does not depend on where X and Y are centred
    assert fit.r2 == pytest.approx(KIT_RSA_R2, abs=1e-10)


def test_plot_draws_the_surface_and_both_lines():
    people = pd.read_csv(RESEARCH / "kit_people.csv")
    fit = response_surface(people, self="build-trust", other="others_trust",
                           outcome="trust_wave2", center=3)
    fig = response_surface_figure(fit)
    ax = fig.axes[0]
    assert ax.name == "3d"
    assert len(ax.lines) == 2  # congruence and incongruence
    assert repr(fig) == "<Figure with 1 Axes>"


@pytest.mark.parametrize(
    "change, words",
    [
        (dict(self="nope"), "no such column"),
        (dict(center="middle"), "center must be"),
    ],
)
def test_bad_arguments(change, words):
    people = pd.read_csv(RESEARCH / "kit_people.csv")
    kw = dict(self="build-trust", other="others_trust", outcome="trust_wave2", center=3)
    with pytest.raises(InputError, match=words):
        response_surface(people, **{**kw, **change})


def test_text_constant_and_short_inputs_are_input_errors():
    d = pd.DataFrame({"x": [1, 2, 3, 4, 5, 1, 2, 3], "y": [3.0] * 8, "z": range(8)})
    with pytest.raises(InputError, match="do not vary"):
        response_surface(d, self="x", other="y", outcome="z")
    with pytest.raises(InputError, match="at least 7"):
        response_surface(d.head(5), self="x", other="y", outcome="z")
    d["y"] = ["a"] + [1.0] * 7
    with pytest.raises(InputError, match="not a number"):
        response_surface(d, self="x", other="y", outcome="z")


def test_the_dutch_legend_writes_decimal_commas():
    people = pd.read_csv(RESEARCH / "kit_people.csv")
    fit = response_surface(people, self="build-trust", other="others_trust",
                           outcome="trust_wave2", center=3)
    lk.set_language("nl")
    try:
        labels = [line.get_label() for line in response_surface_figure(fit).axes[0].lines]
    finally:
        lk.set_language("en")
    assert labels[0].startswith("congruentie X = Y: a1 = 0,64")
    assert "a4 = 0,57" in labels[1]
