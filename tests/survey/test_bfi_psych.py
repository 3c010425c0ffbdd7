"""A researcher's own scale scored from psych's keys: psych::bfi, all 2,800 people.

tests/data/make_survey_reference.R wrote bfi.csv (the 25 items, NA = empty cell) and the scores
of ``psych::scoreItems(keys, items, impute = "none", min = 1, max = 6)``; the alpha values
below are ``psych::alpha(x, use = "pairwise")`` on each scale's keyed items (R 4.2.2,
psych 2.2.9). The suite never runs R.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from datafiles import DATA

import leadkit as lk
from leadkit.survey.scoring import share_note, wide_scores

SURVEYS = DATA / "surveys"

# keys as psych's help page for bfi writes them: list(agree = c("-A1", "A2", …), …)
KEYS = {"agreeableness": ["-A1", "A2", "A3", "A4", "A5"],
        "conscientiousness": ["C1", "C2", "C3", "-C4", "-C5"],
        "extraversion": ["-E1", "-E2", "E3", "E4", "E5"],
        "neuroticism": ["N1", "N2", "N3", "N4", "N5"],
        "openness": ["O1", "-O2", "O3", "O4", "-O5"]}


@pytest.fixture(scope="module")
def bfi() -> lk.Instrument:
    return lk.Instrument.from_keys(KEYS, scale=(1, 6), name="bfi")


@pytest.fixture(scope="module")
def answers(bfi) -> pd.DataFrame:
    return lk.read_survey(SURVEYS / "bfi.csv", bfi)


def test_scores_equal_score_items_with_impute_none(bfi, answers):
    # s <- scoreItems(keys, items, impute = "none", min = 1, max = 6); s$scores
    expected = pd.read_csv(SURVEYS / "bfi_scores_reference.csv")
    wide = pd.concat(list(wide_scores(answers, bfi, min_share=0.01)))
    assert wide["respondent"].tolist() == expected["respondent"].astype(str).tolist()
    for scale in KEYS:
        np.testing.assert_allclose(wide[scale], expected[scale], rtol=0, atol=1e-13)


def test_min_share_leaves_18_scores_missing_and_says_so(bfi, answers):
    # R: answered <- sapply(keys, function(k) rowSums(!is.na(items[, sub("-", "", k)])))
    # sum(answered > 0 & answered < 2.5) = 18; people: 4
    scores = lk.score(answers, bfi)
    assert int(scores["score"].isna().sum()) == 18
    note = share_note(answers, bfi)
    assert note.startswith("18 scores (4 respondents) are left missing")
    assert 'psych::scoreItems(impute = "none")' in note


# psych::alpha(x, use = "pairwise") on the keyed items (x[, rev] <- 7 - x[, rev]):
# total$raw_alpha, total$std.alpha, total$average_r
ALPHA = {
    "agreeableness": (0.70301844605730412, 0.71302857867127178, 0.33196765709937237),
    "conscientiousness": (0.72673497292668343, 0.73007258438227629, 0.35104543559935186),
    "extraversion": (0.76173282029778633, 0.76179509411471102, 0.39010008140603675),
    "neuroticism": (0.81396294991747553, 0.81467467419014838, 0.4678539392778146),
    "openness": (0.60017251482021472, 0.60726843099764349, 0.23620608520141673),
}
# alpha.drop$std.alpha of agreeableness and openness
STD_DROP = {
    "agreeableness": [0.72550914859533244, 0.62557988178833146, 0.61294465704756362,
                      0.69354134276775936, 0.65553018853256584],
    "openness": [0.53406083507874957, 0.57010676165866958, 0.50055544783099681,
                 0.62082520843675193, 0.52796029483178064],
}


@pytest.mark.parametrize("scale", sorted(ALPHA))
def test_alpha_standardised_alpha_and_mean_r_equal_psych_with_missing_answers(bfi, answers,
                                                                              scale):
    keyed = lk.reverse_keyed(answers, bfi)
    rel = lk.reliability(keyed[[it.id for it in bfi.items_for(scale)]])
    raw, std, mean_r = ALPHA[scale]
    assert rel.alpha == pytest.approx(raw, abs=1e-12)
    assert rel.std_alpha == pytest.approx(std, abs=1e-9)
    assert rel.average_r == pytest.approx(mean_r, abs=1e-9)
    if scale in STD_DROP:
        np.testing.assert_allclose(rel.items["std_alpha_if_deleted"], STD_DROP[scale], rtol=0,
                                   atol=1e-9)
