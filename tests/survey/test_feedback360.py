"""360 comparison: self versus others, the agreement rule and the anonymity floor."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import leadkit as lk
from leadkit.survey.feedback360 import anonymity_note, self_other
from leadkit.survey.scoring import score


def ratings(groups: dict[str, list[float]], target: str = "lea", element: str = "trust"):
    rows = []
    for rater, values in groups.items():
        for i, value in enumerate(values):
            who = target if rater == "self" else f"{rater}{i}-{target}"
            rows.append({"respondent": who, "rater": rater, "target": target,
                         "framework": "f", "element": element, "score": value})
    return pd.DataFrame(rows)


def test_means_per_group_gap_and_a_suppressed_small_group():
    s = ratings({"self": [4.5], "manager": [3.0], "peer": [4.0, 3.5, 3.0],
                 "report": [2.0, 3.0]})
    row = self_other(s).iloc[0]
    assert row["self"] == 4.5 and row["manager"] == 3.0 and row["peer"] == 3.5
    assert np.isnan(row["report"])
    # Two reports alone could be worked out from others; they are left out entirely.
    assert row["others"] == pytest.approx((3.0 + 4.0 + 3.5 + 3.0) / 4)
    assert row["gap"] == pytest.approx(4.5 - 3.375)
    assert row["category"] == "over-estimator"
    assert (row["suppressed"], row["merged"]) == ("report", "")
    assert (row["n_peer"], row["n_others"]) == (3, 4)
    assert pd.isna(row["n_report"])  # the size of a withheld group is withheld too


def test_small_groups_that_together_reach_the_floor_are_merged_into_others():
    s = ratings({"self": [2.0], "manager": [4.0], "report": [4.0, 3.0], "other": [5.0]})
    row = self_other(s).iloc[0]
    assert np.isnan(row["report"]) and np.isnan(row["other"])
    assert row["others"] == 4.0 and row["merged"] == "report, other"
    assert row["category"] == "under-estimator"


def test_the_floor_can_be_raised_but_not_lowered():
    s = ratings({"self": [3.0], "peer": [4.0, 3.5, 3.0], "report": [3.0, 3.0, 3.0, 3.0]})
    assert self_other(s, scale=(1, 5), step=0.5).iloc[0]["peer"] == 3.5
    raised = self_other(s, floor=4, scale=(1, 5), step=0.5).iloc[0]
    assert np.isnan(raised["peer"]) and raised["report"] == 3.0
    assert raised["suppressed"] == "peer" and raised["others"] == 3.0
    for floor in (2, 1, 0, 2.5):
        with pytest.raises(ValueError, match="never lowered"):
            self_other(s, floor=floor)


def test_no_left_out_rater_can_be_worked_out_from_what_is_shown():
    # Whatever the group sizes, the raters inside 'others' that are not in a shown group
    # (manager or a group at the floor) number 0 or at least the floor.
    rng = np.random.default_rng(7)
    designs = [{g: int(rng.integers(0, 6)) for g in ("manager", "peer", "report", "other")}
               for _ in range(150)]
    s = pd.concat([ratings({"self": [3.0]} | {g: list(rng.integers(1, 6, n).astype(float))
                                              for g, n in sizes.items()}, target=f"t{i}")
                   for i, sizes in enumerate(designs)])
    for floor in (3, 4, 5):
        t = self_other(s, floor=floor).set_index("target")
        for i, sizes in enumerate(designs):
            row = t.loc[f"t{i}"]
            shown = sum(row[f"n_{g}"] for g in ("manager", "peer", "report", "other")
                        if not np.isnan(row[g]))
            hidden_in_others = row["n_others"] - shown
            assert hidden_in_others == 0 or hidden_in_others >= floor, (sizes, floor)
            for g in ("peer", "report", "other"):
                if sizes[g] < floor:  # at the floor a group can still be hidden: see privacy
                    assert np.isnan(row[g])
            if 2 <= sizes["manager"] < floor:  # two managers could each work out the other
                assert np.isnan(row["manager"]) and row["n_manager"] is pd.NA
            if sizes["manager"] == 1:  # one manager is shown, as 360 reports do
                assert row["n_manager"] == 1 and not np.isnan(row["manager"])


@pytest.mark.parametrize(("self_score", "category"), [
    (4.0, "in agreement"),  # gap exactly +0.5: still agreement
    (2.5, "in agreement"),  # gap exactly -1.0 with threshold 1.0
    (4.75, "over-estimator"),
    (1.75, "under-estimator"),
])
def test_category_rule_at_the_threshold(self_score, category):
    s = ratings({"self": [self_score], "manager": [3.5]})
    threshold = 1.0 if self_score == 2.5 else 0.5
    assert self_other(s, threshold=threshold).iloc[0]["category"] == category


def test_half_sd_threshold_uses_the_spread_of_the_gaps_per_element():
    s = pd.concat([ratings({"self": [v], "manager": [3.0]}, target=t)
                   for t, v in zip(["a", "b", "c", "d"], [3.0, 3.2, 3.4, 5.0], strict=True)])
    t = self_other(s, threshold="half-sd").set_index("target")
    half_sd = 0.5 * np.std([0.0, 0.2, 0.4, 2.0], ddof=1)  # about 0.46
    assert t["category"].to_dict() == {"a": "in agreement", "b": "in agreement",
                                       "c": "in agreement", "d": "over-estimator"}
    assert half_sd == pytest.approx(0.4573, abs=1e-4)


def test_missing_self_or_others_gives_no_category_and_labels_follow_the_language():
    s = pd.concat([ratings({"manager": [3.0]}, target="a"),
                   ratings({"self": [3.0], "manager": [4.5]}, target="b")])
    t = self_other(s).set_index("target")
    assert t.loc["a", "category"] == "" and np.isnan(t.loc["a", "gap"])
    lk.set_language("nl")
    assert self_other(s).set_index("target").loc["b", "category_label"] == "onderschatter"


def test_without_a_target_column_each_row_rates_its_respondent():
    s = ratings({"self": [3.0]}).drop(columns="target")
    t = self_other(s)
    assert t["target"].tolist() == ["lea"] and np.isnan(t.loc[0, "others"])


def test_needs_a_rater_column():
    with pytest.raises(ValueError, match="rater"):
        self_other(ratings({"self": [3.0]}).drop(columns="rater"))


def test_sample_class_counts_match_the_raw_rows_and_the_note():
    fw = lk.load_framework("agile-cmo")
    raw = lk.load_dataset("agile-cmo-class")
    s = score(raw, fw)
    t = self_other(s[s["wave"] == "1"])
    first = fw.elements[0].id
    scored = s[(s["element"] == first) & s["score"].notna() & (s["wave"] == "1")]
    peers = scored[scored["rater"] == "peer"].groupby("target").size()
    got = t[t["element"] == first].set_index("target")["n_peer"]
    assert (got.reindex(peers.index) == peers).all()
    assert set(t["category"]) <= {"", "over-estimator", "under-estimator", "in agreement"}
    assert anonymity_note(t).startswith("Groups with fewer than 3 raters")
