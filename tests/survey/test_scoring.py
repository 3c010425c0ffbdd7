"""Scoring: reverse keying, prorating, element/framework/theme scores."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from datafiles import DATA

import leadkit as lk
from leadkit.errors import InputError
from leadkit.survey.io.responses import read_responses
from leadkit.survey.scoring import framework_score, reverse_keyed, score, theme_scores

ITEMS = [f"st0{i}" for i in range(1, 10)]
# score-framework.yaml: trust = st01, st02 (reversed), st03; customer = st04, st05;
# learning = st06, st07 (reversed), st08, st09; scale 1-5.


@pytest.fixture(scope="module")
def fw():
    return lk.load_framework(DATA / "score-framework.yaml")


def one_row(**answers) -> pd.DataFrame:
    return pd.DataFrame({"respondent": ["ann"]} | {i: [answers.get(i)] for i in ITEMS})


def by_element(scores: pd.DataFrame) -> dict:
    return scores.set_index("element")[["score", "n_answered", "n_items"]].to_dict("index")


def test_reverse_keying_uses_the_scale_not_the_data(fw):
    # Only 2s and 3s in the data: keyed from the data (min+max-x) they would swap to 3 and 2;
    # from the 1-5 scale they become 4 and 3.
    t = pd.DataFrame({"respondent": ["a", "b"]} | {i: [2, 3] for i in ITEMS})
    keyed = reverse_keyed(t, fw)
    assert keyed["st02"].tolist() == [4.0, 3.0]
    assert keyed["st01"].tolist() == [2.0, 3.0]


def test_element_scores_by_hand(fw):
    s = score(one_row(st01=5, st02=1, st03=4, st04=2, st05=3, st06=4, st07=2, st08=5, st09=3), fw)
    got = by_element(s)
    # trust: 5, 1 -> 5, 4 = 14/3; customer: (2+3)/2; learning: 4, 2 -> 4, 5, 3 = 16/4
    assert got["trust"]["score"] == pytest.approx(14 / 3)
    assert got["customer"]["score"] == 2.5
    assert got["learning"]["score"] == 4.0
    assert [got[e]["n_items"] for e in ("trust", "customer", "learning")] == [3, 2, 4]
    assert list(s.columns) == ["respondent", "framework", "element", "score", "n_answered",
                               "n_items"]
    assert s["framework"].unique().tolist() == ["score-test"]


def test_prorating_uses_the_answered_items_and_the_minimum_share(fw):
    answers = one_row(st01=5, st03=3, st05=2, st06=4, st07=2)  # 2/3, 1/2 and 2/4 answered
    got = by_element(score(answers, fw))
    assert got["trust"] == {"score": 4.0, "n_answered": 2, "n_items": 3}
    assert got["customer"] == {"score": 2.0, "n_answered": 1, "n_items": 2}  # 1/2 = 0.5
    assert got["learning"]["score"] == 4.0  # 4 and 2 -> 4: exactly half answered is enough
    strict = by_element(score(answers, fw, min_share=0.6))
    assert strict["trust"]["score"] == 4.0  # 2/3 >= 0.6
    assert math.isnan(strict["customer"]["score"]) and math.isnan(strict["learning"]["score"])
    assert strict["learning"]["n_answered"] == 2  # the count is there even without a score


def test_a_row_with_nothing_answered_gets_missing_scores_never_zero(fw):
    with pytest.warns(UserWarning, match="row"):
        s = score(DATA / "bad" / "nothing-answered.csv", fw)
    bo = s[s["respondent"] == "bo"]
    assert bo["score"].isna().all() and (bo["n_answered"] == 0).all()
    assert not (s["score"] == 0).any()


def test_bad_input_is_refused_before_scoring(fw):
    with pytest.raises(InputError, match="column 'st04'"):
        score(one_row(st04=9), fw)
    with pytest.raises(ValueError, match="min_share"):
        score(one_row(st01=3), fw, min_share=0)


def test_an_edited_table_is_checked_again(fw):
    table = read_responses(one_row(st01=3), fw)
    table.loc[2, "st01"] = 0.0
    with pytest.raises(InputError, match="outside the scale"):
        score(table, fw)


def test_framework_score_weighs_elements_equally(fw):
    answers = one_row(**{i: 5 for i in ("st01", "st03")}, st02=1, st04=1, st05=1,
                      st06=3, st07=3, st08=3, st09=3)
    f = framework_score(score(answers, fw))
    # elements 5, 1, 3 -> 3.0; the mean over the 9 keyed items would be 29/9.
    assert f["score"].tolist() == [3.0]
    assert f[["n_answered", "n_items", "n_elements_scored", "n_elements"]].iloc[0].tolist() == [
        9, 9, 3, 3]


def test_theme_scores_and_pomp(fw):
    s = score(one_row(st01=5, st02=1, st03=5, st04=2, st05=2, st06=3, st07=3, st08=3, st09=3), fw)
    t = theme_scores(s, fw).set_index("theme")
    # trust touches the elements trust (5) and learning (3); customer-focus only customer (2).
    assert t.loc["trust", "score"] == 4.0 and t.loc["trust", "n_elements"] == 2
    assert t.loc["trust", "pomp"] == 75.0  # 100 * (4 - 1) / (5 - 1)
    assert t.loc["customer-focus", "pomp"] == 25.0
    assert t.loc["learning", "score"] == 3.0


def test_sample_class_against_an_independent_long_format_computation():
    fw = lk.load_framework("agile-cmo")
    raw = lk.load_dataset("agile-cmo-class")
    s = score(raw, fw, min_share=0.5)
    assert len(s) == len(raw) * len(fw.elements)
    # The same numbers by another route: melt, key, group.
    long = raw.reset_index().melt(id_vars=["index"], value_vars=fw.item_ids, var_name="item")
    items = pd.DataFrame([(i.id, i.element, i.reverse) for i in fw.items],
                         columns=["item", "element", "reverse"])
    long = long.merge(items, on="item")
    low, high = fw.scale
    long["value"] = np.where(long["reverse"], low + high - long["value"], long["value"])
    agg = long.groupby(["index", "element"])["value"].agg(["mean", "count", "size"])
    agg["mean"] = agg["mean"].where(agg["count"] >= 0.5 * agg["size"])
    s["index"] = np.repeat(np.arange(len(raw)), len(fw.elements))
    merged = s.merge(agg.reset_index(), on=["index", "element"])
    assert len(merged) == len(s)
    np.testing.assert_allclose(merged["score"], merged["mean"], equal_nan=True)
    assert (merged["n_answered"] == merged["count"]).all()


def test_theme_scores_of_a_kit_framework_follow_the_crosswalk():
    fw = lk.load_framework("agile-cmo")
    s = score(lk.load_dataset("agile-cmo-class").head(4), fw)
    t = theme_scores(s)
    cw = lk.crosswalk()
    assert set(t["theme"]) == set(cw.loc[cw["framework"] == "agile-cmo", "theme"])
    assert t["pomp"].between(0, 100).all()


def test_scores_in_blocks_equal_the_scores_at_once():
    from leadkit.survey.scoring import iter_scores

    table = lk.load_dataset("agile-cmo-class")
    whole = score(table, "agile-cmo")
    parts = pd.concat(list(iter_scores(table, "agile-cmo", block=50)), ignore_index=True)
    assert len(parts) == len(whole)
    pd.testing.assert_frame_equal(whole, parts.astype(whole.dtypes.to_dict()))


def test_wide_scores_hold_the_same_values_as_the_tidy_ones():
    from leadkit.survey.scoring import wide_scores

    table = lk.load_dataset("agile-cmo-class")
    tidy = score(table, "agile-cmo")
    wide = pd.concat(list(wide_scores(table, "agile-cmo", block=70)), ignore_index=True)
    back = tidy.pivot_table(index=tidy.index // 7, columns="element", values="score",
                            dropna=False)
    fw = lk.load_framework("agile-cmo")
    for e in fw.elements:
        np.testing.assert_allclose(wide[e.id].to_numpy(), back[e.id].to_numpy(), equal_nan=True)
