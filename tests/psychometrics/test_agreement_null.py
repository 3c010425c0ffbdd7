"""awg, AD(M), rwg(j) against its null and ICC intervals, checked against R ``multilevel``.

Reference values: ``tests/data/research/make_reference.R`` (R 4.2.2, multilevel 2.7,
psych 2.2.9); per-team values are in the CSV files it writes, the R call beside each.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from datafiles import DATA
from scipy import stats

import leadkit as lk
from leadkit.errors import InputError
from leadkit.psychometrics.agreement_null import ad_m, awg, icc_ci, rwg_j_significance, rwg_j_sim

RESEARCH = DATA / "research"
LEAD = [f"LEAD{i:02d}" for i in range(1, 12)]


@pytest.fixture(scope="module")
def lq():
    return pd.read_csv(DATA / "lq2002_lead.csv")


@pytest.fixture(scope="module")
def lq_ref():
    # awg(lead, lq$COMPID, range = c(1, 5))$a.wg; ad.m(lead, lq$COMPID)$AD.M;
    # ad.m(lead, lq$COMPID, type = "median")$AD.M; awg(lq$LEAD01, lq$COMPID)$a.wg
    return pd.read_csv(RESEARCH / "lq2002_awg_adm.csv").set_index("grpid")


def _same(ours: pd.Series, theirs: pd.Series, tol: float = 1e-9) -> float:
    ours = ours.astype(float)
    theirs = theirs.reindex(ours.index).astype(float)
    assert (ours.isna() == theirs.isna()).all()
    diff = float(np.nanmax(np.abs(ours - theirs)))
    assert diff < tol, diff
    return diff


def test_awg_matches_multilevel_awg_on_lq2002(lq, lq_ref):
    _same(awg(lq[LEAD], lq["COMPID"], scale=(1, 5)), lq_ref["awg"])


def test_awg_of_one_item_matches_r(lq, lq_ref):
    _same(awg(lq["LEAD01"], lq["COMPID"]), lq_ref["awg1"])


def test_ad_m_matches_multilevel_ad_m_on_lq2002(lq, lq_ref):
    _same(ad_m(lq[LEAD], lq["COMPID"]), lq_ref["ad_m"])
    _same(ad_m(lq[LEAD], lq["COMPID"], centre="median"), lq_ref["ad_md"])


def test_awg_and_ad_m_match_r_on_the_kits_teams():
    reports = pd.read_csv(RESEARCH / "kit_reports.csv")
    # awg(rep[, acmo01:acmo04], rep$team, range = c(1, 5)); ad.m(rep[, acmo01:acmo04], rep$team)
    ref = pd.read_csv(RESEARCH / "kit_awg_adm.csv").set_index("grpid")
    items = reports[["acmo01", "acmo02", "acmo03", "acmo04"]]
    _same(awg(items, reports["team"]), ref["awg"])
    _same(ad_m(items, reports["team"]), ref["ad_m"])


def test_the_public_names():
    assert lk.awg is awg and lk.ad_m is ad_m and lk.icc_ci is icc_ci


def test_rwg_j_null_has_the_distribution_of_rwg_j_sim():
    # set.seed(15); rwg.j.sim(gsize = 10, nitems = 11, nresp = 5, nrep = 2000)$rwg
    theirs = pd.read_csv(RESEARCH / "rwg_j_sim_10_11_5.csv")["rwg_j"].to_numpy()
    ours = rwg_j_sim(10, 11, 5, replications=20_000, seed=2024)
    assert stats.ks_2samp(ours, theirs).pvalue > 0.01
    for q in (0.5, 0.9, 0.95, 0.99):
        assert abs(np.quantile(ours, q) - np.quantile(theirs, q)) < 0.03, q
    # both put about the same mass at exactly 0 (observed variance truncated at the null)
    assert abs(np.mean(ours == 0) - np.mean(theirs == 0)) < 0.03


def test_rwg_j_null_with_correlated_items_has_the_distribution_of_r():
    # set.seed(16); rwg.j.sim(gsize = 6, nitems = 4, nresp = 5, itemcors = cors, nrep = 2000)$rwg
    # with cors the 4 x 4 matrix of 0.5 (1 on the diagonal)
    theirs = pd.read_csv(RESEARCH / "rwg_j_sim_6_4_5_cor50.csv")["rwg_j"].to_numpy()
    cors = np.full((4, 4), 0.5) + 0.5 * np.eye(4)
    ours = rwg_j_sim(6, 4, 5, replications=20_000, seed=2025, item_correlations=cors)
    assert stats.ks_2samp(ours, theirs).pvalue > 0.01
    # about half the random teams sit at exactly 0, so the median is no fair comparison
    assert abs(np.mean(ours == 0) - np.mean(theirs == 0)) < 0.04
    for q in (0.75, 0.9, 0.95):
        assert abs(np.quantile(ours, q) - np.quantile(theirs, q)) < 0.03, q
    uniform = rwg_j_sim(6, 4, 5, replications=20_000, seed=2025)
    assert np.quantile(ours, 0.95) > np.quantile(uniform, 0.95)  # related items agree more


def test_rwg_j_sim_is_reproducible():
    np.testing.assert_array_equal(rwg_j_sim(5, 3, seed=7, replications=50),
                                  rwg_j_sim(5, 3, seed=7, replications=50))


def test_rwg_j_significance_flags_agreeing_teams(lq):
    table = rwg_j_significance(lq[LEAD], lq["COMPID"], replications=2000, seed=1)
    assert list(table.columns) == ["n", "rwg_j", "critical", "p_value", "significant"]
    assert table["significant"].equals(table["rwg_j"] > table["critical"])
    assert table["p_value"].between(0, 1).all()
    again = rwg_j_significance(lq[LEAD], lq["COMPID"], replications=2000, seed=1)
    pd.testing.assert_frame_equal(table, again)


SF = np.array([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9],
               [6, 2, 4, 7]])  # Shrout & Fleiss (1979), Table 2: 6 targets, 4 judges


def test_icc_intervals_match_psych_icc_on_shrout_and_fleiss():
    values = SF.ravel()
    target = np.repeat(np.arange(6), 4)
    table = icc_ci(values, target)
    # psych::ICC(sf, lmer = FALSE)$results[1, c('ICC', 'lower bound', 'upper bound')]  # ICC1
    sf_icc1 = [0.16574176840547555, -0.13293232487475087, 0.72256006232812109]
    # psych::ICC(sf, lmer = FALSE)$results[4, c('ICC', 'lower bound', 'upper bound')]  # ICC1k
    sf_icc1k = [0.44279713367926893, -0.88444215523811898, 0.91241542034077561]
    np.testing.assert_allclose(table.loc["ICC1"].to_numpy(), sf_icc1, rtol=0, atol=1e-9)
    np.testing.assert_allclose(table.loc["ICC2"].to_numpy(), sf_icc1k, rtol=0, atol=1e-9)


def test_icc_estimates_match_multilevel_on_bh1996():
    bh = pd.read_csv(RESEARCH / "bh1996.csv.gz")
    table = icc_ci(bh["WBEING"], bh["GRP"])
    bh_icc1 = 0.043369050077108215  # multilevel::ICC1(aov(WBEING ~ as.factor(GRP), data = bh1996))
    bh_icc2 = 0.7717128755404129  # multilevel::ICC2(aov(WBEING ~ as.factor(GRP), data = bh1996))
    assert abs(table.loc["ICC1", "estimate"] - bh_icc1) < 1e-12
    assert abs(table.loc["ICC2", "estimate"] - bh_icc2) < 1e-12
    assert (table["ci_low"] < table["estimate"]).all()
    assert (table["estimate"] < table["ci_high"]).all()


def test_icc_estimates_match_multilevel_on_the_kits_teams():
    people = pd.read_csv(RESEARCH / "kit_people.csv")
    table = icc_ci(people["trust_wave2"], people["team"])
    # multilevel::ICC1(aov(trust_wave2 ~ as.factor(team), data = kit_people)), and ICC2
    assert abs(table.loc["ICC1", "estimate"] - 0.11052255371083344) < 1e-12
    assert abs(table.loc["ICC2", "estimate"] - 0.465180352806289) < 1e-12
    reports = pd.read_csv(RESEARCH / "kit_reports.csv")
    trust = reports[["acmo01", "acmo02", "acmo03"]].mean(axis=1, skipna=False)
    # multilevel::ICC1(aov(rowMeans(kit_reports[, acmo01:acmo03]) ~ team)): NA rows dropped
    assert abs(icc_ci(trust, reports["team"]).loc["ICC1", "estimate"]
               - 0.10876041890488138) < 1e-12


@pytest.mark.parametrize(
    "call, words",
    [
        (lambda: awg(pd.DataFrame({"q": ["a", 2]}), [1, 1]), "not a number"),
        (lambda: awg([1, 6], [1, 1]), "outside the scale"),
        (lambda: awg([1, 2], [1, 1], scale=(5, 1)), "scale must be"),
        (lambda: awg([1, 2], [1]), "team labels"),
        (lambda: ad_m([1, 2], [1, 1], centre="mode"), "centre"),
        (lambda: icc_ci([1, 2, 3], ["a", "a", "a"]), "at least 2 teams"),
        (lambda: icc_ci([2, 2, 2, 2], ["a", "a", "b", "b"]), "all scores are equal"),
        (lambda: icc_ci([1, 1, 2, 2], ["a", "a", "b", "b"]), "infinite"),
        (lambda: rwg_j_sim(1, 3), "at least 2"),
    ],
)
def test_bad_input_is_an_input_error(call, words):
    with pytest.raises(InputError, match=words):
        call()


def test_a_team_of_one_gets_nan_as_in_r():
    out = awg([3, 3, 4, 5], ["a", "a", "a", "b"])
    assert np.isnan(out["b"]) and not np.isnan(out["a"])
    assert np.isnan(ad_m([3, 4, 5], ["a", "a", "b"])["b"])


def test_the_r_fixtures_are_the_kits_current_sample_teams():
    # make_reference.R read these files; if the sample changes, rerun make_kit_fixtures.py
    # and the R script
    people = pd.read_csv(RESEARCH / "kit_people.csv")
    reports = pd.read_csv(RESEARCH / "kit_reports.csv")
    pd.testing.assert_frame_equal(lk.kit_people(), people, check_dtype=False)
    pd.testing.assert_frame_equal(lk.kit_reports(), reports, check_dtype=False)


def test_per_team_indices_follow_the_disclosure_floor():
    # A team of two: its awg, AD and rwg(j) test would describe two people; none is shown,
    # not even the team's size, and the floor cannot be lowered to get them.
    from leadkit.errors import FloorError

    items = pd.DataFrame({"q1": [4, 4, 5, 2, 5], "q2": [3, 4, 4, 1, 5]})
    teams = ["big", "big", "big", "pair", "pair"]
    assert np.isnan(awg(items, teams)["pair"]) and not np.isnan(awg(items, teams)["big"])
    assert np.isnan(ad_m(items, teams)["pair"]) and not np.isnan(ad_m(items, teams)["big"])
    table = rwg_j_significance(items, teams, replications=200, seed=1)
    assert table.loc["pair"].isna().all() and table.loc["big", "n"] == 3
    with pytest.raises(FloorError):
        awg(items, teams, floor=2)
    assert np.isnan(ad_m(items, teams, floor=4)["big"])  # raising the floor is allowed
