"""Cronbach's alpha and item analysis against R psych.

Expected values come from tests/data/make_reference.R, run with R 4.2.2 and psych 2.2.9
(Debian bookworm), on the five agreeableness items of ``psych::bfi`` (complete cases; A1 is
reverse keyed, 7 - A1 on the 1..6 scale), and on the same rows with about 5% of the answers
blanked by a fixed random pattern (tests/data/bfi_agree_missing.csv). The per-item values are
in tests/data/bfi_agree_reference.csv and bfi_agree_missing_reference.csv, as the script writes
them. The suite never runs R.
"""

import importlib

import numpy as np
import pandas as pd
import pytest
from datafiles import DATA

from leadkit.errors import InputError
from leadkit.i18n import set_language
from leadkit.psychometrics.item_analysis import Reliability, reliability

# The module itself (the package re-exports the function under the same name).
rel_mod = importlib.import_module("leadkit.psychometrics.item_analysis")
TOL = 1e-9


def bfi(name: str) -> pd.DataFrame:
    items = pd.read_csv(DATA / name)
    return items.assign(A1=7 - items["A1"])  # reverse keying with the scale bounds 1..6



@pytest.fixture(scope="module")
def complete() -> pd.DataFrame:
    return bfi("bfi_agree.csv")


@pytest.fixture(scope="module")
def gaps() -> pd.DataFrame:
    return bfi("bfi_agree_missing.csv")


@pytest.mark.parametrize(
    ("data", "reference", "alpha", "ci"),
    [
        # R 4.2.2, psych 2.2.9: a <- psych::alpha(x, use = "pairwise"); a$total$raw_alpha,
        # then a$feldt$lower.ci and a$feldt$upper.ci
        ("bfi_agree.csv", "bfi_agree_reference.csv", 0.7037558943748361,
         (0.68574463504966054, 0.72103596279573878)),
        ("bfi_agree_missing.csv", "bfi_agree_missing_reference.csv", 0.70181683847925835,
         (0.68368768705794292, 0.71921001301066689)),
    ],
)
def test_alpha_and_item_statistics_match_psych(data, reference, alpha, ci):
    r = reliability(bfi(data))
    assert (r.n, r.k) == (2709, 5)  # n counts every row, as psych's Feldt interval does
    assert r.alpha == pytest.approx(alpha, abs=TOL)
    assert r.ci == pytest.approx(ci, abs=TOL)
    # Per item, as make_reference.R writes them: a$alpha.drop$raw_alpha and $std.alpha (with
    # gaps psych drops row and column i of the one pairwise matrix), a$item.stats$r.drop,
    # $mean, $sd and $n.
    ref = pd.read_csv(DATA / reference)
    assert r.items.index.tolist() == ref["item"].tolist()
    for column in ("alpha_if_deleted", "std_alpha_if_deleted", "r_drop", "mean", "sd"):
        np.testing.assert_allclose(r.items[column], ref[column], rtol=0, atol=TOL)
    assert r.items["n"].tolist() == ref["n"].tolist()


def test_complete_data_matches_psych(complete):
    r = reliability(complete)
    assert isinstance(r, Reliability)
    # R 4.2.2, psych 2.2.9: a <- psych::alpha(x, use = "pairwise"); a$total$std.alpha
    assert r.std_alpha == pytest.approx(0.71350155263464288, abs=TOL)
    # a$total$average_r
    assert r.average_r == pytest.approx(0.33248071645804139, abs=TOL)


def test_ci_level_matches_alpha_ci(complete):
    # R: psych::alpha.ci(a$total$raw_alpha, 2709, 5, p.val = 0.10)$lower.ci / $upper.ci
    r = reliability(complete, ci_level=0.90)
    assert r.ci == pytest.approx((0.68870728269125214, 0.71832190319386158), abs=TOL)
    assert r.ci_level == 0.90


def test_standardised_alpha_with_gaps_equals_psych(gaps):
    # With missing answers psych standardises the pairwise covariances by each item's own
    # variance (cov2cor), which differs from averaging the pairwise Pearson correlations by
    # about 4e-4 here; a psych user expects psych's numbers. R 4.2.2, psych 2.2.9:
    # a <- psych::alpha(x, use = "pairwise"); a$total$std.alpha, a$total$average_r
    r = reliability(gaps)
    assert r.std_alpha == pytest.approx(0.7118466939761845, abs=1e-9)
    assert r.average_r == pytest.approx(0.3306895479448575, abs=1e-9)
    # (a$alpha.drop$std.alpha is in bfi_agree_missing_reference.csv, checked above.) It is not
    # the mean of the pairwise Pearson correlations:
    # psych::alpha(cor(x, use = "pairwise"))$total$std.alpha = 0.71150503691007005
    assert abs(r.std_alpha - 0.71150503691007005) > 1e-4


def test_the_three_routes_agree(complete, monkeypatch):
    small_int = reliability(complete)
    as_float = reliability(complete.astype(float))  # float64 route
    # A fully empty row sends the data down the pairwise route without changing any statistic.
    empty_row = pd.DataFrame([[np.nan] * 5], columns=complete.columns)
    pairwise = reliability(pd.concat([complete, empty_row], ignore_index=True))
    assert pairwise.n == small_int.n + 1
    for other in (as_float, pairwise):
        assert other.alpha == pytest.approx(small_int.alpha, abs=1e-12)
        assert other.std_alpha == pytest.approx(small_int.std_alpha, abs=1e-12)
        pd.testing.assert_frame_equal(other.items, small_int.items, rtol=0, atol=1e-12)


def test_blocks_add_up(complete, gaps, monkeypatch):
    whole = [reliability(complete), reliability(gaps), reliability(complete.astype(float))]
    monkeypatch.setattr(rel_mod, "_BLOCK", 97)  # many blocks and a short last one
    pieces = [reliability(complete), reliability(gaps), reliability(complete.astype(float))]
    for a, b in zip(whole, pieces, strict=True):
        assert b.alpha == pytest.approx(a.alpha, abs=1e-12)
        pd.testing.assert_frame_equal(b.items, a.items, rtol=0, atol=1e-12)


def test_large_integers_fall_back_to_float64(complete):
    # 2**24 is where float32 stops holding every integer: alpha is scale free, so multiplying
    # by 10_000 must not change it even though the exact float32 shortcut no longer applies.
    big = reliability(complete * 10_000)
    assert big.alpha == pytest.approx(0.7037558943748361, abs=TOL)
    np.testing.assert_allclose(
        big.items["r_drop"], reliability(complete).items["r_drop"], rtol=0, atol=TOL
    )


def test_other_input_types(gaps):
    expected = reliability(gaps)
    nullable = reliability(gaps.astype("Int64"))  # pandas NA instead of NaN
    assert nullable.alpha == pytest.approx(expected.alpha, abs=1e-12)
    as_objects = gaps.astype(object).where(gaps.notna(), None)
    assert reliability(as_objects).alpha == pytest.approx(expected.alpha, abs=1e-12)
    arr = reliability(gaps.to_numpy())
    assert arr.items.index.tolist() == ["item1", "item2", "item3", "item4", "item5"]
    assert arr.alpha == pytest.approx(expected.alpha, abs=1e-12)


def test_two_items():
    x = pd.DataFrame({"a": [1, 2, 3, 4, 5], "b": [2, 1, 4, 3, 5]})
    r = reliability(x)
    # With one item left, alpha-if-deleted does not exist; r.drop is the plain correlation.
    assert r.items["alpha_if_deleted"].isna().all()
    corr = x["a"].corr(x["b"])
    np.testing.assert_allclose(r.items["r_drop"], [corr, corr], atol=1e-12)
    assert r.std_alpha == pytest.approx(2 * corr / (1 + corr), abs=1e-12)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (pd.DataFrame({"a": [1, 2, 3]}), "at least 2 items"),
        (pd.DataFrame({"a": [1], "b": [2]}), "at least 2 respondents"),
        (np.array([1, 2, 3]), "one column per item"),
    ],
)
def test_too_little_data(data, message):
    with pytest.raises(InputError, match=message):
        reliability(data)


def test_text_in_a_column_names_row_and_column():
    x = pd.DataFrame({"a": [1, 2, 3], "b": ["2", "x", "4"]})
    with pytest.raises(InputError, match="x") as err:
        reliability(x)
    assert (err.value.row, err.value.column) == (3, "b")


def test_constant_item_is_named():
    x = pd.DataFrame({"a": [1, 2, 3, 4], "same": [3, 3, 3, 3], "c": [2, 2, 4, 5]})
    with pytest.raises(InputError, match="no variance") as err:
        reliability(x)
    assert err.value.column == "same"
    with pytest.raises(InputError, match="no variance"):
        reliability(x.astype(float).assign(c=[2, np.nan, 4, 5]))  # also on the pairwise route


def test_constant_fraction_over_many_blocks_is_still_constant(monkeypatch):
    # The first block's mean of 0.1 is not exactly 0.1; the item must still count as constant.
    monkeypatch.setattr(rel_mod, "_BLOCK", 7)
    rng = np.random.default_rng(3)
    x = pd.DataFrame({"a": rng.random(200), "b": np.full(200, 0.1), "c": rng.random(200)})
    for data in (x, x.assign(a=x["a"].where(x.index % 9 > 0))):
        with pytest.raises(InputError, match="no variance") as err:
            reliability(data)
        assert err.value.column == "b"


def test_items_never_answered_together():
    x = pd.DataFrame({"a": [1, 2, 3, np.nan, np.nan], "b": [np.nan, np.nan, 1, 3, 4]})
    with pytest.raises(InputError, match="both 'a' and 'b'"):
        reliability(x)


def test_pair_without_shared_spread():
    # a and b share three rows, in which b is constant: their correlation does not exist.
    x = pd.DataFrame({"a": [1, 2, 3, 4, np.nan], "b": [2, 2, 2, np.nan, 5], "c": [1, 3, 2, 4, 5]})
    with pytest.raises(InputError, match="cannot be correlated"):
        reliability(x)


def test_infinite_value_is_located():
    x = pd.DataFrame({"a": [1.0, 2, 3, 4], "b": [2.0, 3, np.inf, 5], "c": [1.0, np.nan, 2, 3]})
    with pytest.raises(InputError, match="infinite") as err:
        reliability(x)
    assert (err.value.row, err.value.column) == (4, "b")


def test_ci_level_must_be_a_fraction(complete):
    with pytest.raises(ValueError, match="between 0 and 1"):
        reliability(complete, ci_level=95)


def test_repr_and_html_in_both_languages(complete):
    r = reliability(complete)
    assert repr(r).startswith("Reliability(alpha=0.704, std_alpha=0.714")
    assert "Cronbach's alpha = 0.704 (95% CI 0.686 to 0.721)" in r._repr_html_()
    set_language("nl")
    html = r._repr_html_()
    # Every number in the language's own way; the item table keeps its column names, and a
    # reader's table (lk.show_table) puts them into words.
    assert "Cronbachs alfa = 0,704 (95%-BI 0,686 tot 0,721)" in html and "r_drop" in html
    from leadkit.render.tables import show_table

    assert "item-restcorrelatie" in show_table(r.items).text()
    with pytest.raises(InputError, match="geen spreiding"):
        reliability(pd.DataFrame({"a": [1, 2, 3], "b": [4, 4, 4]}))
