"""A spread never stands beside a mean, and two managers are a group like any other."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict

import numpy as np
import pandas as pd

import leadkit as lk
from leadkit.learning.example_team import team_example
from leadkit.render.report import build_report, report_figures


def _rwg_j(answers: np.ndarray, options: int = 5) -> float:
    """rwg(j) by its formula (James, Demaree & Wolf 1984), the uniform null of ``options``."""
    null = (options**2 - 1) / 12
    ratio = min(answers.var(axis=0, ddof=1).mean(), null) / null
    j = answers.shape[1]
    return j * (1 - ratio) / (j * (1 - ratio) + ratio)


def _pinned(key, n: int = 3, items: int = 2, options: int = 5) -> int:
    """Answer sets of ``n`` people whose member scores ``key`` alone pins down."""
    vectors = list(itertools.product(range(1, options + 1), repeat=items))
    sets, counts = defaultdict(set), Counter()
    for combo in itertools.combinations_with_replacement(range(len(vectors)), n):
        answers = np.array([vectors[i] for i in combo], float)
        k = key(answers)
        sets[k].add(tuple(sorted(answers.mean(axis=1))))
        counts[k] += 1
    return sum(counts[k] for k, s in sets.items() if len(s) == 1)


def test_a_spread_beside_a_mean_pins_down_scores_the_spread_alone_does_not():
    """Why rule 8 exists: for three people and two items, rwg(j) and the mean (two decimals
    each) leave one set of member scores for some answer sets; rwg(j) alone for none."""
    with_mean = _pinned(lambda a: (round(_rwg_j(a), 2), round(a.mean(), 2)))
    alone = _pinned(lambda a: round(_rwg_j(a), 2))
    assert with_mean > 0 and alone == 0


def test_agreement_table_gives_no_mean_beside_the_spread():
    table = lk.agreement_table(pd.DataFrame([[3, 3, 3]] * 3), ["A"] * 3)
    assert list(table.columns) == ["n", "rwg_j"]
    assert table.loc["A", "rwg_j"] == 1.0


def test_the_report_gives_agreement_across_teams_only():
    fw = lk.load_framework("agile-cmo")
    html = build_report(lk.load_dataset("agile-cmo-class"), fw, figures=False)
    section = html.split("<h2>Team agreement</h2>")[1].split("<h2>")[0]
    assert "T1" not in section and "T2" not in section  # no team's own value
    assert "teams" in section and "rwg(j)" in section


def test_the_team_example_on_real_answers_shows_no_agreement():
    data = lk.load_dataset("agile-cmo-class")  # the same answers, handed in as real ones
    real = team_example("agile-cmo", "T2", data=data)
    invented = team_example("agile-cmo", "T2")
    assert real.agreement["rwg_j"].isna().all()
    assert set(real.agreement["band"]) == {"not shown for real answers (privacy)"}
    assert invented.agreement["rwg_j"].notna().any()


def _ratings(managers: int) -> pd.DataFrame:
    rows = [("lea", "self", 4.0)] + [(f"m{i}", "manager", 2.0 + i) for i in range(managers)]
    rows += [(f"p{i}", "peer", 3.0 + i / 4) for i in range(3)]
    return pd.DataFrame([{"respondent": who, "rater": rater, "target": "lea",
                          "framework": "agile-cmo", "element": "build-trust", "score": s}
                         for who, rater, s in rows])


def test_two_managers_are_a_group_below_the_floor():
    row = lk.self_other(_ratings(2)).iloc[0]
    assert np.isnan(row["manager"]) and row["n_manager"] is pd.NA
    # Left out of 'others' too: the two alone are below the floor, so no subtraction of the
    # shown peers from 'others' gives their mean (and with it each one's score to the other).
    assert row["others"] == 3.25 and row["suppressed"] == "manager"


def test_one_manager_is_shown_as_the_360_convention_has_it():
    row = lk.self_other(_ratings(1)).iloc[0]
    assert row["manager"] == 2.0 and row["n_manager"] == 1


def test_the_pooled_figures_leave_two_managers_out():
    scores = pd.concat([_ratings(2), _ratings(2).assign(target="max")])
    figures = report_figures(scores, lk.load_framework("agile-cmo"))
    managers = figures["elements"][figures["elements"]["_g"] == "manager"]
    assert managers.empty or managers["mean"].isna().all()
