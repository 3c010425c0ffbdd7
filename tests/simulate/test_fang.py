"""Fang, Lee & Schilling (2010): moderate cross-group linking gives the most knowledge.

A claim "A is higher than B" passes when A − B > 3 · SE(A − B), with SE(A − B) = √(SE_A² + SE_B²)
over independent replications (one-sided p < 0.0015).
"""

from __future__ import annotations

import numpy as np
import pytest

from leadkit.simulate._fang import FangModel, fang
from leadkit.simulate._stats import mean_ci


def _higher(a, b) -> bool:
    sa, sb = mean_ci(a), mean_ci(b)
    return sa["mean"] - sb["mean"] > 3 * np.hypot(sa["se"], sb["se"])


def test_moderate_linking_beats_silos_and_beats_everyone_talking_to_everyone():
    k = {link: fang(link, replications=150, seed=41)["knowledge"] for link in (0.0, 0.1, 1.0)}
    assert _higher(k[0.1], k[0.0])  # silos keep good ideas from spreading
    assert _higher(k[0.1], k[1.0])  # full mixing loses diversity too fast


def test_sealed_silos_never_agree_across_groups_by_learning():
    model = FangModel(0.0, seed=42)
    listens = model.listens
    team = np.repeat(np.arange(3), 10)
    assert not listens[team[:, None] != team[None, :]].any()
    path = model.run()
    assert path["settled"].iloc[-1]


def test_full_linking_means_everyone_listens_to_everyone():
    listens = FangModel(1.0, seed=43).listens
    assert listens.sum() == 30 * 29


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="linking"):
        fang(-0.1)
