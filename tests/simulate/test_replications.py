"""The figure catalogue of notebook 08: every figure runs, and each claim check is honest."""

from __future__ import annotations

import pytest

from leadkit.simulate.replications import FIGURES, check_claim, claims_table, reproduce


@pytest.mark.parametrize("figure", sorted(FIGURES))
def test_each_figure_runs_and_names_its_claim(figure):
    summary = reproduce(figure, replications=4, seed=5)
    assert {"x", "group", "mean", "ci_low", "ci_high", "n"} <= set(summary.columns)
    assert (summary["n"] == 4).all()
    report = check_claim(figure, summary)
    assert report["claim"] and report["replications"] == 4


def test_the_approval_figure_agrees_with_the_exact_values():
    # 100 teams per cell: the check demands |simulated − exact| < 4 SE in every cell.
    report = check_claim("approval", reproduce("approval", replications=100, seed=6))
    assert report["holds"], report


def test_too_few_replications_are_reported_as_not_shown():
    table = claims_table(replications=2, seed=7, figures=("fang",))
    assert table["verdict"].iloc[0] in ("shown", "not shown with this many replications")
    with pytest.raises(KeyError, match="march-1"):
        reproduce("march-9")
