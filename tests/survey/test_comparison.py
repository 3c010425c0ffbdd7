"""Comparisons: Welch and paired t intervals, effect sizes, against R and scipy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import leadkit as lk
from leadkit.survey.comparison import compare
from leadkit.survey.scoring import score, theme_scores

X = [3, 3.5, 4, 2.5, 4.5, 3]
Y = [4, 4.5, 3.5, 5, 4, 4.5, 3]
PRE = [3, 3.5, 2.5, 4, 3, 2]
POST = [3.5, 4, 3, 4, 4, 2.5]


def two_teams() -> pd.DataFrame:
    return pd.DataFrame({"respondent": [f"r{i}" for i in range(13)],
                         "team": ["x"] * 6 + ["y"] * 7, "framework": "f", "element": "trust",
                         "score": X + Y})


def two_waves() -> pd.DataFrame:
    people = [f"p{i}" for i in range(6)]
    return pd.DataFrame({"respondent": people * 2, "target": people * 2,
                         "wave": ["1"] * 6 + ["2"] * 6, "framework": "f", "element": "trust",
                         "score": PRE + POST})


def test_welch_interval_matches_r():
    # R 4.x: t.test(y, x) with x, y above gives t = 1.6636141611, df = 10.3156123230,
    # p = 0.1262314767, 95% CI -0.2185611968 to 1.5280850063, difference 0.6547619048.
    r = compare(two_teams(), "team", "x", "y").iloc[0]
    assert r["effect_size"] == "hedges_g" and (r["n_a"], r["n_b"]) == (6, 7)
    assert r["diff"] == pytest.approx(0.6547619048, abs=1e-9)
    assert r["t"] == pytest.approx(1.6636141611, abs=1e-9)
    assert r["df"] == pytest.approx(10.3156123230, abs=1e-9)
    assert r["p"] == pytest.approx(0.1262314767, abs=1e-9)
    assert (r["ci_low"], r["ci_high"]) == pytest.approx((-0.2185611968, 1.5280850063), abs=1e-9)


def test_confidence_level_matches_r():
    # R: t.test(y, x, conf.level = 0.9)$conf.int = -0.0563746431 1.3658984527
    r = compare(two_teams(), "team", "x", "y", level=0.9).iloc[0]
    assert (r["ci_low"], r["ci_high"]) == pytest.approx((-0.0563746431, 1.3658984527), abs=1e-9)


def test_hedges_g_matches_pingouin_and_the_formula():
    # pingouin.compute_effsize(y, x, eftype="hedges") = 0.8674945082578748; by hand: Cohen's d
    # with the pooled SD (0.9325565964) times 1 - 3 / (4 * 13 - 9) (Hedges & Olkin, 1985).
    r = compare(two_teams(), "team", "x", "y").iloc[0]
    assert r["effect"] == pytest.approx(0.8674945082578748, abs=1e-12)
    assert r["effect"] == pytest.approx(0.9325565963772154 * (1 - 3 / 43), abs=1e-12)


def test_paired_waves_match_r():
    # R: t.test(post, pre, paired = TRUE): t = 3.8729833462, df = 5, p = 0.0117248110,
    # 95% CI 0.1681393120 to 0.8318606880; mean change 0.5, d_z = 0.5 / sd(change) = 1.5811388301.
    r = compare(two_waves(), "wave", 1, 2).iloc[0]
    assert r["effect_size"] == "d_z" and r["n_pairs"] == 6
    assert r[["diff", "t", "df", "p"]].astype(float).tolist() == pytest.approx(
        [0.5, 3.8729833462, 5.0, 0.0117248110], abs=1e-9)
    assert (r["ci_low"], r["ci_high"]) == pytest.approx((0.1681393120, 0.8318606880), abs=1e-9)
    assert r["effect"] == pytest.approx(1.5811388301, abs=1e-9)


def test_unmatched_people_are_left_out_of_a_paired_comparison():
    s = two_waves()
    s = pd.concat([s, pd.DataFrame({"respondent": ["new"], "target": ["new"], "wave": ["2"],
                                    "framework": "f", "element": "trust", "score": [1.0]})])
    r = compare(s, "wave", "1", "2").iloc[0]
    assert (r["n_a"], r["n_b"], r["n_pairs"]) == (6, 7, 6)
    assert r["diff"] == 0.5 and r["mean_b"] == pytest.approx(np.mean(POST))
    independent = compare(s, "wave", "1", "2", paired=False).iloc[0]
    assert independent["effect_size"] == "hedges_g" and independent["n_b"] == 7


def test_too_few_values_give_means_without_statistics():
    s = two_teams().iloc[[0, 6]]  # one person per team: two people side by side
    r = compare(s, "team", "x", "y").iloc[0]
    assert r["diff"] == 1.0 and np.isnan(r["ci_low"]) and np.isnan(r["effect"])


def test_unknown_group_or_column_is_named():
    with pytest.raises(ValueError, match="no \\(scored\\) rows for z"):
        compare(two_teams(), "team", "x", "z")
    with pytest.raises(ValueError, match="no column 'wave'"):
        compare(two_teams(), "wave", "1", "2")


def test_sample_teams_per_element_agree_with_scipy():
    fw = lk.load_framework("agile-cmo")
    s = score(lk.load_dataset("agile-cmo-class"), fw)
    selfs = s[(s["rater"] == "self") & (s["wave"] == "1")]
    r = compare(selfs, "team", "T1", "T2")
    assert r["element"].tolist() == [e.id for e in fw.elements]
    for _, row in r.iterrows():
        part = selfs[selfs["element"] == row["element"]].dropna(subset=["score"])
        a = part.loc[part["team"] == "T1", "score"]
        b = part.loc[part["team"] == "T2", "score"]
        ref = stats.ttest_ind(b, a, equal_var=False)
        ci = ref.confidence_interval()
        assert row["t"] == pytest.approx(ref.statistic) and row["p"] == pytest.approx(ref.pvalue)
        assert (row["ci_low"], row["ci_high"]) == pytest.approx((ci.low, ci.high))


def test_frameworks_are_compared_on_pomp_per_theme():
    frames = []
    for fid in ("agile-cmo", "silo-collaboration"):
        raw = lk.load_dataset(f"{fid}-class")
        frames.append(theme_scores(score(raw[raw["rater"] == "self"], fid)))
    both = pd.concat(frames, ignore_index=True)
    r = compare(both, "framework", "agile-cmo", "silo-collaboration", paired=False)
    assert r.attrs["value"] == "pomp" and "theme" in r.columns and "framework" not in r.columns
    shared = set(frames[0]["theme"]) & set(frames[1]["theme"])
    assert set(r.loc[r["n_a"].gt(0) & r["n_b"].gt(0), "theme"]) == shared
