"""The Emperor's Dilemma (Centola, Willer & Macy 2005): local cascades, global stand-still.

Tolerances come from sampling error: a value passes when |mean − exact| < 4 · SE, a claim
"A is higher than B" when A − B > 3 · SE(A − B), SEs over independent replications.
"""

from __future__ import annotations

import numpy as np
import pytest

from leadkit.simulate._emperor import EmperorModel, emperor
from leadkit.simulate._stats import mean_ci

SETTING = dict(agents=500, believers=0.015, max_strength=0.38, cost=0.08)


def test_an_unpopular_norm_cascades_locally_but_not_when_everyone_sees_everyone():
    local = emperor(network="local", k=8, rewiring=0.03, replications=30, seed=31, **SETTING)
    whole = emperor(network="global", replications=30, seed=32, **SETTING)
    a, b = mean_ci(local["false_compliance"]), mean_ci(whole["false_compliance"])
    assert a["mean"] - b["mean"] > 3 * np.hypot(a["se"], b["se"]), (a, b)
    # The dashboard (compliance) shows far more support than people privately hold.
    assert local["compliance"].mean() > 5 * local["private_support"].mean()


def test_in_a_fully_connected_group_only_the_weakest_disbelievers_give_in():
    # With everyone watching everyone, the 8 enforcing believers (round(0.015 · 500)) put a
    # pressure of 8/499 on each disbeliever; only those with conviction below it comply, a
    # share of (8/499)/0.38 of disbelievers. Nobody can afford false enforcement (pressure is
    # far below conviction + cost), so it stops there.
    whole = emperor(network="global", replications=60, seed=33, **SETTING)
    s = mean_ci(whole["false_compliance"])
    exact = (8 / 499) / 0.38
    assert abs(s["mean"] - exact) < 4 * s["se"], (s, exact)
    assert (whole["false_enforcement"] == 0).all()


def test_without_true_believers_nothing_happens():
    df = emperor(agents=100, believers=0.0, replications=3, seed=34)
    assert (df["compliance"] == 0).all()


def test_teaching_model_and_bad_input():
    path = EmperorModel(agents=120, seed=35).run(periods=4)
    assert len(path) == 5 and path["private_support"].nunique() == 1
    with pytest.raises(ValueError, match="network"):
        emperor(network="ring")
    with pytest.raises(ValueError, match="believers"):
        emperor(believers=1.5)
