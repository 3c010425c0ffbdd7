"""The cases of the framework notebooks and the team example: data, judging and scoring."""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from leadkit.content.frameworks import list_frameworks, load_framework
from leadkit.errors import FrameworkFileError, InputError
from leadkit.i18n import set_language
from leadkit.learning import cases, exercises, framework_choice
from leadkit.learning.example_team import agreement_band, next_steps, team_example
from leadkit.store.journal import Journal

ALL_CASES = cases.list_cases()



def _write(doc: dict) -> Path:
    path = Path(tempfile.mkdtemp()) / "case.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


def _texts(node):
    """Every {en, nl} pair in a document."""
    if isinstance(node, dict):
        if set(node) == {"en", "nl"}:
            yield node
        else:
            for value in node.values():
                yield from _texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value)


# -- the case files ----------------------------------------------------------------------------
def test_every_notebook_has_its_cases():
    kinds = {i: cases.load_case(i)["kind"] for i in ALL_CASES}
    assert {"dilemma", "compliance", "context", "t-shape", "framework-fit"} == set(kinds.values())
    for fid in ("agile-cmo", "customer-leadership", "wij-model"):
        assert f"{fid}-dilemma" in kinds
    # One organisation case per framework, each with that framework as the intended answer.
    best = [cases.load_case(i)["best"] for i in cases.list_cases(kind="framework-fit")]
    assert sorted(best) == sorted(list_frameworks())


@pytest.mark.parametrize("case_id", ALL_CASES)
def test_dutch_is_written_not_copied(case_id):
    """A Dutch text equal to its English twin is a forgotten translation (short names aside)."""
    doc = cases.load_case(case_id)
    same = [t["en"] for t in _texts(doc) if t["en"] == t["nl"] and len(t["en"]) > 20]
    assert not same


@pytest.mark.parametrize("case_id", cases.list_cases(kind="framework-fit"))
def test_intended_framework_ranks_first_on_the_needed_themes(case_id):
    case = cases.load_case(case_id)
    fit = framework_choice.framework_fit(case)
    assert fit.iloc[0]["framework"] == case["best"]
    assert fit.iloc[0]["fit"] > fit.iloc[1]["fit"]  # not a tie decided by sort order


def test_unknown_element_is_reported_with_its_place():
    doc = cases.load_case("agile-cmo-warm-up")
    doc["steps"][0]["options"][1]["elements"] = ["build-trust", "build-trsut"]
    with pytest.raises(FrameworkFileError) as err:
        cases.load_case(_write(doc))
    assert err.value.place == "steps[0].options[1].elements[1]"
    assert "build-trsut" in err.value.problem


def test_a_step_without_a_strong_option_is_refused():
    doc = cases.load_case("agile-cmo-warm-up")
    for option in doc["steps"][0]["options"]:
        option["quality"] = "weak"
    with pytest.raises(FrameworkFileError, match="no option has quality 'strong'"):
        cases.load_case(_write(doc))


def test_schema_errors_name_the_place():
    doc = cases.load_case("leading-professionals-crm-report")
    del doc["report"]["lines"][2]["explanation"]["nl"]
    with pytest.raises(FrameworkFileError) as err:
        cases.load_case(_write(doc))
    assert err.value.place.startswith("report.lines[2].explanation")


def test_context_combination_must_use_the_framework_profile():
    doc = cases.load_case("silo-context")
    doc["combinations"][0]["when"] = {"player-type": "startup"}
    with pytest.raises(FrameworkFileError, match="not in the framework's context profile"):
        cases.load_case(_write(doc))


def test_fit_case_with_unknown_theme_is_refused():
    doc = cases.load_case("fit-meal-box")
    doc["needs"][0]["theme"] = "happiness"
    with pytest.raises(FrameworkFileError, match="happiness"):
        cases.load_case(_write(doc))


def test_unknown_case_lists_the_known_ones():
    with pytest.raises(KeyError, match="agile-cmo-dilemma"):
        cases.load_case("agile-cmo-dilema")


# -- dilemmas ----------------------------------------------------------------------------------
@pytest.mark.parametrize("case_id", cases.list_cases(kind="dilemma"))
def test_every_option_is_judged_with_its_elements_named(case_id):
    case = cases.load_case(case_id)
    fw = load_framework(case["framework"])
    for step in case["steps"]:
        for option in step["options"]:
            for lang in ("en", "nl"):
                set_language(lang)
                j = cases.judge_choice(case, step["id"], option["id"])
                assert j.quality == option["quality"]
                assert option["feedback"][lang] in j.message
                for el in option["elements"]:
                    assert fw.element(el).name[lang] in j.message


def test_no_choice_is_not_judged():
    j = cases.judge_choice("agile-cmo-warm-up", "first-move", None)
    assert j.quality == "" and "Choose" in j.message
    with pytest.raises(KeyError, match="options: a, b, c, d"):
        cases.judge_choice("agile-cmo-warm-up", "first-move", "z")


# -- pretend compliance ------------------------------------------------------------------------
def _lines(signal: bool) -> list[str]:
    report = cases.load_case("leading-professionals-crm-report")["report"]
    return [ln["id"] for ln in report["lines"] if ln["signal"] is signal]


def test_youden_index_from_its_definition():
    # Youden (1950): J = sensitivity + specificity - 1 = hits/signals - false alarms/others.
    signals, others = _lines(True), _lines(False)
    assert exercises.score_compliance("leading-professionals-crm-report", signals).youden == 1.0
    assert exercises.score_compliance("leading-professionals-crm-report", []).youden == 0.0
    everything = exercises.score_compliance("leading-professionals-crm-report", signals + others)
    assert (everything.hits, everything.false_alarms, everything.youden) == (
        len(signals), len(others), 0.0)
    some = exercises.score_compliance("leading-professionals-crm-report", signals[:3] + others[:1])
    expected = 3 / len(signals) - 1 / len(others)
    assert some.youden == pytest.approx(expected, abs=1e-3)
    assert (some.hits, some.misses, some.false_alarms, some.correct_rejections) == (
        3, len(signals) - 3, 1, len(others) - 1)
    assert some.lines.set_index("line").loc[others[0], "outcome"] == "false-alarm"


def test_unknown_report_line_is_refused():
    with pytest.raises(KeyError, match="nonsense"):
        exercises.score_compliance("leading-professionals-crm-report", ["nonsense"])


# -- context profile ---------------------------------------------------------------------------
def test_context_implications_come_from_the_framework_and_the_case():
    fw = load_framework("silo-collaboration")
    player = next(q for q in fw.context_profile if q["id"] == "player-type")
    brand = next(o for o in player["options"] if o["id"] == "brand-player")
    one = exercises.context_implications({"player-type": "brand-player", "market-focus": None})
    assert one["implication"].tolist() == [brand["implication"]["en"]]
    both = exercises.context_implications({"player-type": "brand-player",
                                       "digital-business-shift": "strongly-tied"})
    assert len(both) == 3  # two answers and the note for their combination
    assert both.iloc[2]["elements"] == "Appreciation instead of suspicion; " \
                                       "Attitude and unconscious prejudice"
    with pytest.raises(KeyError, match="no option 'startup'"):
        exercises.context_implications({"player-type": "startup"})


# -- T-shape -----------------------------------------------------------------------------------
AREAS = [a["id"] for a in cases.load_case("silo-t-shape")["areas"]]


@pytest.mark.parametrize(("ratings", "shape"), [
    (dict.fromkeys(AREAS, 1), "starter"),
    (dict.fromkeys(AREAS, 3), "generalist"),
    (dict.fromkeys(AREAS, 1) | {AREAS[0]: 4}, "specialist"),
    (dict.fromkeys(AREAS, 2) | {AREAS[0]: 4}, "t-shaped"),
    (dict.fromkeys(AREAS, 2) | {AREAS[0]: 4, AREAS[1]: 4}, "comb-shaped"),
    # Breadth is counted over the areas that are not deep: 3 of 7 is below one half.
    (dict.fromkeys(AREAS[:4], 2) | {AREAS[0]: 4}, "specialist"),
    (dict.fromkeys(AREAS[:5], 2) | {AREAS[0]: 4}, "t-shaped"),
])
def test_t_shape_rule(ratings, shape):
    result = exercises.classify_t_shape(ratings)
    assert result.shape == shape
    assert result.breadth == pytest.approx(len(result.broad) / (len(AREAS) - len(result.deep)),
                                           abs=1e-3)


def test_t_shape_refuses_bad_levels():
    with pytest.raises(ValueError, match="from 1 to 4"):
        exercises.classify_t_shape({AREAS[0]: 5})
    with pytest.raises(KeyError, match="unknown area"):
        exercises.classify_t_shape({"juggling": 2})


# -- framework fit -----------------------------------------------------------------------------
def test_framework_fit_by_hand():
    """The fit formula computed directly from the framework files, element by element."""
    case = cases.load_case("fit-travel-company")
    weights = {n["theme"]: n["weight"] / 3 for n in case["needs"]}
    fit = framework_choice.framework_fit(case).set_index("framework")["fit"]
    for fid in list_frameworks():
        fw = load_framework(fid)
        by_hand = sum(sum(weights.get(t, 0) for t in el.themes) / len(el.themes)
                      for el in fw.elements) / len(fw.elements)
        assert fit[fid] == pytest.approx(by_hand, abs=1e-3)


def test_judging_a_framework_choice():
    best = framework_choice.judge_framework_choice("fit-wholesaler-accounts", "wij-model")
    assert best.quality == "strong" and "ranks 1 of 5" in best.message
    other = framework_choice.judge_framework_choice("fit-wholesaler-accounts", "silo-collaboration")
    assert other.quality == "mixed" and "ranks 5 of 5" in other.message
    set_language("nl")
    assert "De beste keuze." in framework_choice.judge_framework_choice("fit-wholesaler-accounts",
                                                             "wij-model").message


# -- the learner's themes ----------------------------------------------------------------------
def test_learner_themes_from_the_journal():
    journal = Journal(tempfile.mkdtemp())
    fw = load_framework("wij-model")
    high = fw.scale[1]
    journal.save_scores(fw.id, pd.DataFrame({"element": [e.id for e in fw.elements],
                                             "score": float(high)}))
    table = framework_choice.learner_theme_scores(journal)
    touched = {t for e in fw.elements for t in e.themes}
    assert set(table["theme"]) == touched
    assert (table["pomp"] == 100).all() and (table["n_frameworks"] == 1).all()
    assert (table["source"] == "journal").all()


def test_learner_themes_fall_back_to_an_example():
    table = framework_choice.learner_theme_scores(Journal(tempfile.mkdtemp()))
    assert (table["source"] == "example").all()
    assert len(table) == 12 and table["pomp"].between(0, 100).all()
    assert table["n_frameworks"].max() == len(list_frameworks())


# -- the team example --------------------------------------------------------------------------
def _rwg_j_by_hand(items: np.ndarray, n_options: int) -> float:
    """James, Demaree & Wolf (1984): rwg(j) from the mean item variance and the uniform null."""
    items = items[~np.isnan(items).any(axis=1)]
    null = (n_options ** 2 - 1) / 12
    ratio = min(items.var(axis=0, ddof=1).mean(), null) / null
    j = items.shape[1]
    return j * (1 - ratio) / (j * (1 - ratio) + ratio)


def test_team_example_matches_its_definition():
    ex = team_example("agile-cmo", "T2")
    fw = load_framework("agile-cmo")
    data = pd.read_csv(Path(__file__).parents[2] / "datasets/samples/agile-cmo-class.csv")
    rated = data[(data["target"] == "T2-L") & (data["wave"] == 1)]
    assert ex.leader == "T2-L"
    low, high = fw.scale
    for el in fw.elements:
        items = fw.items_for(el.id)
        # Self score: mean of the leader's own keyed answers on the element.
        own = rated[rated["rater"] == "self"]
        keyed = [low + high - own[it.id] if it.reverse else own[it.id] for it in items]
        self_score = float(np.nanmean(np.column_stack(keyed)))
        row = ex.gaps.set_index("element").loc[el.id]
        assert row["self"] == pytest.approx(self_score)
        reports = rated[rated["rater"] == "report"]
        values = np.column_stack([(low + high - reports[it.id]) if it.reverse
                                  else reports[it.id] for it in items]).astype(float)
        agreement = ex.agreement.set_index("element").loc[el.id]
        assert agreement["rwg_j"] == pytest.approx(_rwg_j_by_hand(values, high - low + 1),
                                                   abs=0.005)
    assert 1 <= len(ex.steps) <= 4
    table = ex.table()
    assert len(table) == len(fw.elements) and table.columns[0] == "element"


def test_team_example_refuses_an_unknown_team():
    with pytest.raises(InputError) as err:
        team_example("agile-cmo", "T99")
    assert "T99" in str(err.value) and "T1" in str(err.value)


def test_agreement_bands_of_lebreton_and_senter():
    assert [agreement_band(v) for v in (0.0, 0.30, 0.31, 0.50, 0.70, 0.71, 0.90, 0.95)] == [
        "no agreement", "no agreement", "weak agreement", "weak agreement",
        "moderate agreement", "strong agreement", "strong agreement", "very strong agreement"]
    assert agreement_band(math.nan) == "not computable"


def test_next_steps_follow_the_four_rules():
    fw = load_framework("wij-model")
    ids = [e.id for e in fw.elements]
    gaps = pd.DataFrame({
        "element": ids,
        "self": [4.8, 3.0, 2.0, 3.5, 3.0, 4.0],
        "others": [3.1, 3.0, 3.4, 3.3, 2.6, 4.1],
    })
    gaps["gap"] = gaps["self"] - gaps["others"]
    gaps["category"] = np.select([gaps["gap"] > 0.5, gaps["gap"] < -0.5], ["over-estimator",
                                 "under-estimator"], "in agreement")
    agreement = pd.DataFrame({"element": ids, "label": [fw.element(i).label for i in ids],
                              "rwg_j": [0.9, 0.8, 0.85, 0.45, 0.9, 0.9]})
    agreement["band"] = [agreement_band(v) for v in agreement["rwg_j"]]
    steps = next_steps(gaps, agreement, fw)
    assert len(steps) == 4
    assert fw.element(ids[0]).label in steps[0] and "4.80" in steps[0]  # largest over-estimate
    assert fw.element(ids[3]).label in steps[1] and "0.45" in steps[1]  # lowest agreement
    assert fw.element(ids[4]).label in steps[2]  # lowest 'others' among the agreed elements
    assert fw.element(ids[2]).label in steps[3]  # under-estimate
    set_language("nl")
    dutch = next_steps(gaps, agreement, fw)
    assert "4,80" in dutch[0] and "blinde vlek" in dutch[0]

