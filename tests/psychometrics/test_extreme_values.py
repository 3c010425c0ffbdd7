"""Extreme numbers get the right answer or a message that names the real problem."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import leadkit as lk
from leadkit.errors import InputError

TEAMS = list("aaabbbccc")
VALUES = np.array([10, 9, 8, 5, 4, 6, 7, 7, 8], float)


def test_icc_is_the_same_for_values_near_the_largest_float():
    """The ICCs are ratios: scaled to 1e307 they must not change (they overflowed before)."""
    small, huge = lk.icc_ci(VALUES, TEAMS), lk.icc_ci(VALUES * 1e307, TEAMS)
    pd.testing.assert_frame_equal(small, huge, rtol=1e-12)
    assert lk.icc2(VALUES * 1e307, TEAMS) == pytest.approx(lk.icc2(VALUES, TEAMS), rel=1e-12)


def test_equal_team_means_are_named_not_a_division_by_zero():
    with pytest.raises(InputError, match="all team means are equal"):
        lk.icc_ci([1, 2, 3, 1, 2, 3, 1, 2, 3], TEAMS)


def test_an_infinite_answer_is_named_in_the_agreement_indices():
    items = pd.DataFrame({"q": [1, 2, np.inf, 3, 3, 3, 2, 2, 2]})
    for index in (lk.ad_m, lk.awg):
        with pytest.raises(InputError, match="row 4, column 'q': infinite value"):
            index(items, TEAMS)


@pytest.mark.filterwarnings("error")  # no RuntimeWarning on the way to the message
def test_scores_too_large_to_square_are_named_in_the_item_analysis():
    big = pd.DataFrame({"a": [1e308, 1.5e308, 1.2e308, 0.3e308],
                        "b": [1.1e308, 1.4e308, 1.0e308, 0.2e308]})
    with pytest.raises(InputError, match="too large to square"):
        lk.reliability(big)
    with pytest.raises(InputError, match="too large to square"):
        lk.omega(big.assign(c=big["a"] * 0.9))


def test_omega_names_an_infinite_value_not_a_constant_item():
    items = pd.DataFrame({"a": [1, 2, np.inf, 4, 3], "b": [2, 3, 4, 5, 3], "c": [1, 3, 2, 5, 2]})
    with pytest.raises(InputError, match="row 4, column 'a': infinite value"):
        lk.omega(items)


def test_an_infinite_centre_of_a_response_surface_is_refused_by_name():
    people = lk.kit_people().rename(columns={"build-trust": "trust"})
    with pytest.raises(InputError, match="center must be a number"):
        lk.response_surface(people, self="trust", other="others_trust", outcome="trust_wave2",
                            center=float("inf"))
