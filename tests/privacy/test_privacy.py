"""Disclosure control, attacked: brute force, duplicated rows, fake learners, subtraction.

The attacker knows the published figures, the number of people and the score grid (which
scores an element can take), and searches every set of scores that gives the same output.
The promise is that such a search never finds exactly one set. The counting below is an
independent dynamic programme over the grid, not the closed-form rule of leadkit.privacy.
"""

from __future__ import annotations

import json
import math
import re
from fractions import Fraction
from functools import cache

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import leadkit as lk
from leadkit import privacy
from leadkit.errors import FloorError, InputError
from leadkit.render.report import build_report
from leadkit.store import classroom as c
from leadkit.store import handins as h

SALT = "a-long-private-class-salt"



# -- the attacker's search ---------------------------------------------------------------------
def grid(n_items: int, min_share: float = 0.5) -> tuple[Fraction, ...]:
    """Every score an element of ``n_items`` items can take on a 1-5 scale (prorated)."""
    fewest = max(1, math.ceil(n_items * min_share))
    return tuple(sorted({Fraction(total, j) for j in range(fewest, n_items + 1)
                         for total in range(j, 5 * j + 1)}))


@cache
def sum_counts(n_items: int, n: int) -> dict[Fraction, int]:
    """How many multisets of ``n`` grid scores give each possible sum (capped at 2)."""
    values = grid(n_items)
    # dp[c] maps a sum to the number of multisets of size c, values taken in grid order.
    dp: list[dict[Fraction, int]] = [dict() for _ in range(n + 1)]
    dp[0][Fraction(0)] = 1
    for v in values:  # unbounded "coin" DP: each value may be used any number of times
        for size in range(1, n + 1):
            for total, count in list(dp[size - 1].items()):
                key = total + v
                dp[size][key] = min(2, dp[size].get(key, 0) + count)
    return dp[n]


def candidate_sets(published_mean: float, n: int, n_items: int) -> int:
    """Score sets (up to 2) whose mean, rounded to two decimals as printed, is the same."""
    found = 0
    printed = float(f"{published_mean:.2f}")
    for total, count in sum_counts(n_items, n).items():
        if abs(float(total) / n - printed) <= 0.005 + 1e-9:  # every mean that prints the same
            found += count
            if found >= 2:
                return 2
    return found


def test_the_search_finds_a_unique_set_when_there_is_one():
    # Guards the attacker: at the end of the scale a mean pins everyone down.
    assert candidate_sets(5.0, 3, 3) == 1
    assert candidate_sets(1.0 + 1 / 3 / 3, 3, 3) == 1  # two at 1, one at 1 1/3
    assert candidate_sets(3.0, 3, 3) == 2


# Most of the danger is at the ends of the scale: draw from there half of the time.
scores_on = {k: st.one_of(st.sampled_from(grid(k)[:3]), st.sampled_from(grid(k)[-3:]),
                          st.sampled_from(grid(k))) for k in (1, 2, 3, 4)}


@pytest.mark.parametrize("n_items", [1, 2, 3, 4])
def test_every_possible_mean_that_is_shown_leaves_two_score_sets(n_items):
    # Exhaustive, not sampled: every sum the grid allows, for every group size from 3 to 10.
    for n in range(3, 11):
        for total in sum_counts(n_items, n):
            mean = float(total) / n
            if privacy.mean_is_safe(mean, n, (1, 5), privacy.score_step(n_items)):
                assert candidate_sets(mean, n, n_items) >= 2, (n_items, n, total)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), n_items=st.sampled_from([2, 3, 4]), n=st.integers(3, 10))
def test_no_published_mean_lets_a_search_recover_the_scores(data, n_items, n):
    values = [float(v) for v in data.draw(st.lists(scores_on[n_items], min_size=n,
                                                   max_size=n))]
    frame = pd.DataFrame({"who": [f"p{i}" for i in range(n)], "g": "x", "score": values})
    out = privacy.describe(frame, ["g"], person="who", scale=(1, 5),
                           step=privacy.score_step(n_items)).iloc[0]
    if out["shown"]:
        assert out["n"] == n
        assert candidate_sets(out["mean"], n, n_items) >= 2, values


def test_spread_would_give_scores_away_so_it_is_never_published():
    # Why sd is not shown: with the mean, it pins down this set of ten scores on a 3-item grid
    # (nine at 1, one at 2) although the mean alone leaves other sets open.
    values = [1.0] * 9 + [2.0]
    assert candidate_sets(np.mean(values), 10, 3) == 2
    summary = c.class_summary(pd.DataFrame({"pseudonym": [f"L{i}" for i in range(10)],
                                            "framework": "agile-cmo", "element": "build-trust",
                                            "score": values}))
    assert list(summary.columns) == ["framework", "element", "name", "n", "mean", "reason",
                                     "suppressed"]


# -- the class summary --------------------------------------------------------------------------
def _bundle(learner: str, scores: dict[str, float | None], framework: str = "agile-cmo") -> dict:
    return {"format": "leadkit-bundle", "version": 1, "learner": learner,
            "exported": "2025-03-10T09:00:00+00:00",
            "scores": [{"framework": framework, "element": e, "score": s}
                       for e, s in scores.items()], "shared_entries": []}


def _write(folder, name: str, doc: dict) -> None:
    (folder / f"{name}.json").write_text(json.dumps(doc), encoding="utf-8")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(values=st.lists(scores_on[3], min_size=3, max_size=10))
def test_class_summary_never_lets_a_search_recover_a_class(tmp_path_factory, values):
    # build-trust has 3 items: its scores lie on the 3-item grid.
    folder = tmp_path_factory.mktemp("bundles")
    for i, v in enumerate(values):
        _write(folder, f"s{i}", _bundle(f"s{i}", {"build-trust": float(v)}))
    summary = c.class_summary(c.class_scores(h.load_bundles(folder), SALT)).iloc[0]
    if not summary["suppressed"]:
        assert summary["n"] == len(values)
        assert candidate_sets(summary["mean"], len(values), 3) >= 2


def test_one_element_twice_in_a_bundle_is_refused_not_counted(tmp_path):
    # The attack: 2 learners, one bundle lists build-trust twice -> looks like 3.
    _write(tmp_path, "a", _bundle("a", {"build-trust": 4.0}))
    doc = _bundle("b", {"build-trust": 2.0})
    doc["scores"].append(dict(doc["scores"][0]))
    _write(tmp_path, "b", doc)
    with pytest.raises(InputError, match=r"b\.json.*repeats agile-cmo/build-trust"):
        h.load_bundles(tmp_path)


@given(st.integers(0, 5))
@settings(max_examples=10, deadline=None)
def test_duplicated_rows_never_change_a_count(k):
    scores = pd.DataFrame({"pseudonym": ["L1", "L2", "L3", "L4"], "framework": "agile-cmo",
                           "element": "build-trust", "score": [3.0, 3.5, 4.0, 2.5]})
    doubled = pd.concat([scores, scores.iloc[: k % 4 + 1]], ignore_index=True)
    with pytest.raises(InputError, match="appears twice"):
        c.class_summary(doubled)
    with pytest.raises(InputError, match="appears twice"):
        c.class_themes(doubled)


def test_the_same_learner_twice_is_named_never_replaced(tmp_path):
    _write(tmp_path, "real", _bundle("s1001", {"build-trust": 4.0}))
    later = _bundle("S1001 ", {"build-trust": 1.0})
    later["exported"] = "2030-01-01T00:00:00+00:00"
    _write(tmp_path, "impostor", later)
    with pytest.raises(InputError) as err:
        h.load_bundles(tmp_path)
    assert "impostor.json" in str(err.value) and "real.json" in str(err.value)


def test_a_roster_stops_made_up_learners_lifting_a_lone_learner_over_the_floor(tmp_path):
    _write(tmp_path, "lone", _bundle("s1001", {"build-trust": 4.0}))
    _write(tmp_path, "fake1", _bundle("x1", {"build-trust": 3.0}))
    _write(tmp_path, "fake2", _bundle("x2", {"build-trust": 3.0}))
    with pytest.raises(InputError, match="not on the roster"):
        h.load_bundles(tmp_path, roster=["s1001", "s1002", "s1003"])
    roster = tmp_path / "roster.csv"
    roster.write_text("learner,name\nS1001,Anna\nx1,B\nx2,C\n", encoding="utf-8")
    assert len(h.load_bundles(tmp_path, roster=roster)) == 3
    (tmp_path / "empty.csv").write_text("learner\n", encoding="utf-8")
    with pytest.raises(InputError, match="no learner ids"):
        h.read_roster(tmp_path / "empty.csv")


def test_the_floor_cannot_be_lowered_anywhere():
    for low in (2, 1, 0, 2.9, True):
        with pytest.raises(FloorError):
            privacy.check_floor(low)
    assert privacy.check_floor(4) == 4


# -- the survey report ---------------------------------------------------------------------------
FW = lk.load_framework("agile-cmo")


def _answers(respondent: str, rater: str, target: str, value: int | None, rng) -> dict:
    row = {"respondent": respondent, "rater": rater, "target": target, "wave": 1}
    for item in FW.items:
        # value None: keyed answers 4-5; a number: that keyed answer throughout. Reverse-keyed
        # items are stored as answered, so the element score is exactly the keyed value.
        v = int(rng.integers(4, 6)) if value is None else value
        row[item.id] = (6 - v) if item.reverse else v
    return row


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small=st.integers(1, 2), others=st.lists(st.integers(0, 5), min_size=2, max_size=4),
       seed=st.integers(0, 10_000), group=st.sampled_from(["report", "peer"]))
@pytest.mark.slow
def test_no_sub_floor_group_value_appears_in_the_report(small, others, seed, group):
    # Leader L0 has `small` raters of one group, all answering 2; everyone else answers 4-5,
    # so no gap or legitimate mean can print as 2.00. Whatever the other groups, the 2.00 of
    # the small group must appear nowhere, and no pooled figure may include it (a pooled mean
    # below 4 would betray it).
    rng = np.random.default_rng(seed)
    rows = [_answers("L0", "self", "L0", None, rng), _answers("M", "manager", "L0", None, rng)]
    rows += [_answers(f"s{i}", group, "L0", 2, rng) for i in range(small)]
    for t, size in enumerate(others, start=1):
        rows.append(_answers(f"L{t}", "self", f"L{t}", None, rng))
        rows += [_answers(f"r{t}-{i}", group, f"L{t}", None, rng) for i in range(size)]
    report = build_report(pd.DataFrame(rows), FW, figures=False)
    # Reliability describes the items, not a group's answers (its CI may well end at 1.00).
    report = re.sub(r"<h2>Reliability per element</h2>.*?(?=<h2>)", "", report, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", report)
    assert not re.search(r"(?<![\d.,])2[.,]00\b", text)
    pooled = [float(m) for m in re.findall(r"(\d[.,]\d\d) \(n \d+\)", text)]
    assert all(v >= 4 for v in pooled), pooled


def test_report_tables_show_no_spread_and_no_group_below_the_floor():
    rng = np.random.default_rng(1)
    rows = [_answers("L0", "self", "L0", None, rng)]
    rows += [_answers(f"r{i}", "report", "L0", None, rng) for i in range(2)]
    rows += [_answers("M", "manager", "L0", None, rng)]
    report = build_report(pd.DataFrame(rows), FW, figures=False)
    assert "(n 1)" not in report and "(n 2)" not in report and "sd " not in report
    assert "<th>min</th>" not in report and "<th>max</th>" not in report
    assert "Privacy" in report and "before and after one person joined" in report


def test_a_rater_twice_in_one_group_is_an_input_error():
    rng = np.random.default_rng(2)
    rows = [_answers("L0", "self", "L0", None, rng)]
    rows += [_answers(f"r{i}", "report", "L0", None, rng) for i in range(3)]
    scores = lk.score(pd.DataFrame(rows), FW)
    # A careless merge of two exports: r1's rows twice would make three reports look like four.
    dup = pd.concat([scores, scores[scores["respondent"] == "r1"]])
    with pytest.raises(InputError, match="appears twice"):
        lk.self_other(dup)


def test_team_agreement_and_team_scores_hide_small_teams():
    table = lk.load_dataset("agile-cmo-class")
    keep = ~((table["team"] == "T1") & (table["rater"] == "report")) | table[
        "respondent"].isin(["T1-01", "T1-02"])
    from leadkit.render.report import team_agreement

    agreement = team_agreement(table[keep], FW)
    assert agreement.loc["T1"].isna().all() and agreement.loc["T2"].notna().all()


def test_the_class_command_takes_a_roster(tmp_path, capsys):
    from leadkit.cli import main

    for i in range(3):
        _write(tmp_path, f"s{i}", _bundle(f"s{i}", {"build-trust": 3.0 + i / 3}))
    roster = tmp_path / "roster.txt"
    roster.write_text("s0\ns1\n", encoding="utf-8")
    args = ["class", str(tmp_path), "--salt-file", str(tmp_path / "salt"), "--out",
            str(tmp_path / "c.csv"), "--roster", str(roster)]
    assert main(args) == 2 and "not on the roster" in capsys.readouterr().err
    assert not (tmp_path / "c.csv").exists()
    roster.write_text("s0\ns1\ns2\n", encoding="utf-8")
    assert main(args) == 0 and (tmp_path / "c.csv").exists()


def test_the_class_overview_gives_no_count_of_a_small_group(tmp_path):
    for i in range(4):
        scores = {"build-trust": 3.0}
        doc = _bundle(f"s{i}", scores)
        if i < 2:  # two learners also did the wij-model
            doc["scores"].append({"framework": "wij-model", "element": "account-ceo",
                                  "score": 4.0})
        _write(tmp_path, f"s{i}", doc)
    overview = c.class_overview(h.load_bundles(tmp_path))
    small = overview[overview["what"].str.contains("fewer than 3")]
    assert len(small) == 1 and small["count"].isna().all()
    assert overview["count"].dropna().tolist()[:2] == [4, 4]


def test_the_team_example_shows_no_agreement_or_mean_for_two_raters():
    from leadkit.learning.example_team import team_example

    table = lk.load_dataset("agile-cmo-class")
    leader = "T1-L"
    reports = table[(table["rater"] == "report") & (table["target"] == leader)]
    keep = ~table.index.isin(reports.index[2:])  # only two of the leader's reports remain
    shown = team_example(FW, "T1", data=table[keep]).agreement
    assert len(shown) == len(FW.elements)
    assert shown["rwg_j"].isna().all() and shown["mean"].isna().all()
    assert shown["n"].isna().all()
