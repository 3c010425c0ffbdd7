"""Omega against R ``psych::omega`` (minres, oblimin, Schmid-Leiman).

Reference values: ``tests/data/research/make_reference.R`` (R 4.2.2, psych 2.2.9,
GPArotation); the R call is beside each value. The Schmid-Leiman table of Thurstone's nine
ability tests is ``omega(Thurstone, nfactors = 3)$schmid$sl``, saved as CSV.
"""

from __future__ import annotations

from itertools import permutations

import numpy as np
import pandas as pd
import pytest
from datafiles import DATA

import leadkit as lk
from leadkit.errors import InputError
from leadkit.psychometrics.omega import omega

RESEARCH = DATA / "research"
KIT_ITEMS = [f"acmo{i:02d}" for i in range(1, 13)]


@pytest.fixture(scope="module")
def thurstone():
    return pd.read_csv(RESEARCH / "thurstone.csv")


def test_three_factors_match_psych_on_thurstone(thurstone):
    res = lk.omega(thurstone, n_factors=3)
    assert abs(res.total - 0.93082541490260984) < 2e-3  # omega(Thurstone, nfactors = 3)$omega.tot
    assert abs(res.hierarchical - 0.7360703182579672) < 2e-3  # ...$omega_h
    sl = pd.read_csv(RESEARCH / "omega_thurstone_3_sl.csv")  # ...$schmid$sl
    for col in ("g", "h2", "u2", "p2"):
        assert np.abs(res.loadings[col].to_numpy() - sl[col].to_numpy()).max() < 2e-3, col
    # group factors come in psych's order up to a permutation: compare the best match
    ours = res.loadings[["F1*", "F2*", "F3*"]].to_numpy()
    theirs = sl[["F1*", "F2*", "F3*"]].to_numpy()
    best = min(np.abs(ours[:, list(p)] - theirs).max() for p in permutations(range(3)))
    assert best < 2e-3
    ev = (res.loadings[["g", "F1*", "F2*", "F3*"]] ** 2).sum()
    assert res.general_share == pytest.approx(ev["g"] / ev.sum())


def test_three_factors_match_psych_on_bechtoldt():
    res = omega(pd.read_csv(RESEARCH / "bechtoldt1.csv"), n_factors=3)
    assert abs(res.total - 0.92011890062730184) < 2e-3  # omega(Bechtoldt.1, nfactors = 3)$omega.tot
    assert abs(res.hierarchical - 0.6140282487122829) < 2e-3  # ...$omega_h


def test_two_factors_match_psych_with_equal_general_loadings(thurstone):
    # with two group factors psych sets both loadings on g to sqrt(phi12) (option = "equal")
    res = omega(thurstone, n_factors=2)
    assert abs(res.total - 0.91279332534214452) < 2e-3  # omega(Thurstone, nfactors = 2)$omega.tot
    assert abs(res.hierarchical - 0.71390804105171024) < 2e-3  # ...$omega_h
    g = [0.71367872292093337, 0.72552164982451051, 0.68587954531658601, 0.63586746893006985,
         0.62734104385067035, 0.55337397512433451, 0.53768937268020744, 0.5656793094615975,
         0.51831046277180581]  # ...$schmid$sl[, 1]
    assert np.abs(res.loadings["g"].to_numpy() - g).max() < 2e-3


def test_one_factor_matches_psych_on_thurstone(thurstone):
    res = omega(thurstone, n_factors=1)
    assert abs(res.total - 0.89303604997752473) < 1e-4  # omega(Thurstone, nfactors = 1)$omega.tot
    g = [0.80835579490821174, 0.82759576340279917, 0.78414609834218096, 0.67568665831733765,
         0.66203835482785267, 0.6130652722882991, 0.61261968406424194, 0.65526692397595776,
         0.57798968665483885]  # omega(Thurstone, nfactors = 1)$schmid$sl[, 1]
    assert np.abs(res.loadings["g"].to_numpy() - g).max() < 1e-4
    assert res.hierarchical is None
    assert res.general_share == 1.0


def test_one_factor_matches_psych_on_the_kits_items():
    items = pd.read_csv(RESEARCH / "kit_people.csv")[KIT_ITEMS]  # with a few gaps: pairwise
    res = omega(items, n_factors=1)
    # psych::omega(kit_people[, acmo01:acmo12], nfactors = 1)$omega.tot
    assert abs(res.total - 0.67209011360797433) < 1e-4
    g = [0.34927350789580708, 0.50830899308456545, 0.54880264709069759, 0.32999615132286464,
         0.30095332856029494, 0.69962642977301337, 0.6203297088235521, 0.45669519570849926,
         0.40476452355462672, 0.11620861841700748, 0.078961223483274945,
         0.14987658171734045]  # ...$schmid$sl[, 1]
    assert np.abs(res.loadings["g"].to_numpy() - g).max() < 1e-4
    assert list(res.loadings.index) == KIT_ITEMS


def test_an_item_loading_negatively_is_reversed(thurstone):
    flipped = thurstone.to_numpy().copy()
    flipped[0, 1:] *= -1
    flipped[1:, 0] *= -1
    res = omega(flipped, n_factors=3)
    assert res.total == pytest.approx(0.93082541490260984, abs=2e-3)
    assert (res.loadings["g"] > 0).all()


@pytest.mark.parametrize(
    "items, n, words",
    [
        (pd.DataFrame({"a": ["x", "y", "z"], "b": [1, 2, 3], "c": [3, 1, 2]}), 1, "text"),
        (pd.DataFrame({"a": [1, 1, 1, 1], "b": [1, 2, 3, 4], "c": [3, 1, 2, 2]}), 1,
         "every answer is the same"),
        (pd.DataFrame({"a": [1, 2, 3], "b": [2, 1, 3]}), 1, "at least 3 items"),
        (np.eye(5), 3, "need more than 6 items"),
        (np.eye(5), 0, "n_factors"),
    ],
)
def test_bad_input_is_an_input_error(items, n, words):
    with pytest.raises(InputError, match=words):
        omega(items, n_factors=n)
