"""rwg, rwg(j), ICC(1) and ICC(2) against R multilevel.

Expected values come from tests/data/make_reference.R, run with R 4.2.2 and multilevel 2.7,
on ``multilevel::lq2002`` (leadership climate, 11 items on a 1..5 scale, 2042 soldiers in 49
companies), on the same data with about 5% of the cells and 1% of the team ids blanked by a
fixed random pattern, and on a small hand-made set of edge cases. Per-team values are in
tests/data/lq2002_reference.csv and lq2002_missing_reference.csv, written by that script with
  multilevel::rwg(d$LEAD, d$COMPID, ranvar = 2)
  multilevel::rwg(d$LEAD01, d$COMPID, ranvar = 2)
  multilevel::rwg.j(d[, sprintf("LEAD%02d", 1:11)], d$COMPID, ranvar = 2)
The suite never runs R.
"""

import numpy as np
import pandas as pd
import pytest
from datafiles import DATA

from leadkit.errors import InputError
from leadkit.i18n import set_language
from leadkit.psychometrics.agreement import agreement_table, icc1, icc2, rwg, rwg_j

TOL = 1e-9
ITEMS = [f"LEAD{i:02d}" for i in range(1, 12)]



@pytest.fixture(scope="module")
def edge() -> pd.DataFrame:
    return pd.read_csv(DATA / "agreement_edge.csv")


@pytest.mark.parametrize(
    ("data", "reference", "icc_1", "icc_2"),
    [
        # R 4.2.2, multilevel 2.7: fit <- aov(LEAD ~ as.factor(COMPID), data = d)
        # multilevel::ICC1(fit), multilevel::ICC2(fit)
        ("lq2002_lead.csv", "lq2002_reference.csv", 0.08795621852192681, 0.80075437301390751),
        (
            "lq2002_lead_missing.csv",
            "lq2002_missing_reference.csv",
            0.082586859939501309,
            0.77876215648905989,
        ),
    ],
)
def test_lq2002_matches_multilevel(data, reference, icc_1, icc_2):
    d = pd.read_csv(DATA / data)
    ref = pd.read_csv(DATA / reference)
    team = d["COMPID"]

    lead = rwg(d["LEAD"], team)
    assert lead.name == "rwg" and lead.index.name == "COMPID"
    assert lead.index.tolist() == ref["group"].tolist()
    np.testing.assert_allclose(lead, ref["rwg_lead"], rtol=0, atol=TOL)
    np.testing.assert_allclose(rwg(d["LEAD01"], team), ref["rwg_lead01"], rtol=0, atol=TOL)

    scale = rwg_j(d[ITEMS], team)
    assert scale.name == "rwg_j" and scale.index.tolist() == ref["group"].tolist()
    np.testing.assert_allclose(scale, ref["rwg_j"], rtol=0, atol=TOL)

    assert icc1(d["LEAD"], team) == pytest.approx(icc_1, abs=TOL)
    assert icc2(d["LEAD"], team) == pytest.approx(icc_2, abs=TOL)

    table = agreement_table(d[ITEMS], team)
    assert table["n"].tolist() == ref["gsize_j"].tolist()  # rwg.j's gsize: complete rows
    np.testing.assert_allclose(table["rwg_j"], ref["rwg_j"], rtol=0, atol=TOL)
    assert list(table.columns) == ["n", "rwg_j"]  # never a spread beside the team's mean


def test_edge_cases_match_multilevel(edge):
    # R: multilevel::rwg(edge$q1, edge$team, ranvar = 2)
    # a: var 1/3 -> 0.8333; b: var 5.33 > 2 is truncated -> 0; c: full agreement -> 1;
    # d: one gap leaves 2 members -> 0.75; e: a team of one -> NA
    one = rwg(edge["q1"], edge["team"])
    assert one.index.tolist() == ["a", "b", "c", "d", "e"]
    np.testing.assert_allclose(one, [0.83333333333333337, 0, 1, 0.75, np.nan], atol=TOL)

    # R: multilevel::rwg.j(edge[, c("q1", "q2", "q3")], edge$team, ranvar = 2)
    # team d has a gap in every row, so listwise deletion removes the whole team
    many = rwg_j(edge[["q1", "q2", "q3"]], edge["team"])
    assert many.index.tolist() == ["a", "b", "c", "e"]
    np.testing.assert_allclose(many, [0.9375, 0, 1, np.nan], atol=TOL)

    # R: multilevel::rwg.j(edge[, c("q1", "q2", "q3")], edge$team, ranvar = (7^2 - 1) / 12)
    seven = rwg_j(edge[["q1", "q2", "q3"]], edge["team"], n_options=7)
    np.testing.assert_allclose(seven, [0.97058823529411764, 0, 1, np.nan], atol=TOL)

    # R: fit <- aov(q1 ~ as.factor(team), data = edge); multilevel::ICC1(fit), ICC2(fit)
    assert icc1(edge["q1"], edge["team"]) == pytest.approx(-0.15415727357114425, abs=TOL)
    assert icc2(edge["q1"], edge["team"]) == pytest.approx(-0.53203661327231055, abs=TOL)


def test_agreement_table_keeps_teams_without_complete_rows(edge):
    table = agreement_table(edge[["q1", "q2", "q3"]], edge["team"])
    assert table.index.tolist() == ["a", "b", "c", "d", "e"]
    # d has no complete row and e one: below the disclosure floor nothing is shown, not even n
    assert table["n"].iloc[:3].tolist() == [3, 4, 3] and table["n"].iloc[3:].isna().all()
    assert table.loc[["d", "e"], "rwg_j"].isna().all()
    assert table.loc["c", "rwg_j"] == 1.0


def test_rows_without_a_team_are_left_out():
    values = [4, 4, 5, 1, 5]
    with_gap = rwg(values, ["a", "a", "a", None, "b"])
    assert with_gap.index.tolist() == ["a", "b"]
    assert np.isnan(with_gap["b"])  # one member left
    assert with_gap["a"] == pytest.approx(rwg(values[:3], ["a"] * 3)["a"])


def test_plain_lists_and_arrays():
    out = rwg_j(np.array([[4, 4], [4, 5], [5, 5], [2, 2], [3, 2]]), np.array([1, 1, 1, 2, 2]))
    assert out.index.name == "group" and out.index.tolist() == [1, 2]


@pytest.mark.parametrize("n_options", [1, 0, True, 2.5, "5"])
def test_n_options_must_be_a_whole_number_from_2(n_options):
    with pytest.raises(InputError, match="n_options"):
        rwg([1, 2, 1], ["a", "a", "a"], n_options=n_options)


def test_score_outside_the_scale_names_the_row(edge):
    items = edge[["q1", "q2", "q3"]].copy()
    items.loc[5, "q2"] = 6  # spreadsheet row 7
    with pytest.raises(InputError, match="outside the answer scale") as err:
        rwg_j(items, edge["team"])
    assert (err.value.row, err.value.column) == (7, "q2")
    with pytest.raises(InputError, match="from 1 to 7"):
        rwg(pd.Series([1, 0, 3]), ["a", "a", "a"], n_options=7)


def test_text_score_names_the_row():
    with pytest.raises(InputError, match="'veel'") as err:
        rwg(pd.Series([1, "veel", 3], name="q"), ["a", "a", "a"])
    assert (err.value.row, err.value.column) == (3, "q")


def test_length_mismatch():
    with pytest.raises(InputError, match="3 rows but the team labels 2"):
        rwg([1, 2, 3], ["a", "a"])
    with pytest.raises(InputError, match="3 rows but the team labels 4"):
        icc1([1, 2, 3], ["a", "a", "b", "b"])


def test_rwg_takes_one_column(edge):
    with pytest.raises(InputError, match="use rwg_j"):
        rwg(edge[["q1", "q2"]], edge["team"])


@pytest.mark.parametrize(
    ("values", "teams", "message"),
    [
        ([1, 2, 3], ["a", "a", "a"], "at least 2 teams"),
        ([1, 2, 3], ["a", "b", "c"], "at least 2 teams and a team with 2"),
        ([2, 2, 2, 2], ["a", "a", "b", "b"], "all scores are equal"),
    ],
)
def test_icc_needs_variation_between_and_within(values, teams, message):
    with pytest.raises(InputError, match=message):
        icc1(values, teams)
    with pytest.raises(InputError, match=message):
        icc2(values, teams)


def test_equal_team_means():
    # R: fit <- aov(s ~ as.factor(t), data.frame(s = c(1, 2, 1, 2), t = c("a", "a", "b", "b")))
    # multilevel::ICC1(fit) = -1; multilevel::ICC2(fit) = -4.056482e+31 (MSB is 0 up to
    # rounding, so ICC(2) does not exist: the kit says so instead of printing that number)
    assert icc1([1, 2, 1, 2], ["a", "a", "b", "b"]) == pytest.approx(-1, abs=TOL)
    with pytest.raises(InputError, match="ICC\\(2\\) is undefined"):
        icc2([1, 2, 1, 2], ["a", "a", "b", "b"])
    with pytest.raises(InputError, match="ICC\\(2\\) is undefined"):
        icc2([0.1, 0.2, 0.3, 0.2, 0.1, 0.3], ["a", "a", "a", "b", "b", "b"])


def test_messages_in_dutch():
    set_language("nl")
    with pytest.raises(InputError, match="valt buiten de antwoordschaal"):
        rwg([1, 9], ["a", "a"])
    with pytest.raises(InputError, match="aantal antwoordopties"):
        rwg([1, 2], ["a", "a"], n_options=1)
