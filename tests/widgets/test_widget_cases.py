"""The case widgets and case charts, driven as a learner would: set values, click, read."""

from __future__ import annotations

import tempfile

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from leadkit.content.frameworks import load_framework  # noqa: E402
from leadkit.i18n import set_language  # noqa: E402
from leadkit.learning import (
    cases,  # noqa: E402
    framework_choice,
)
from leadkit.plots.cases import t_shape_figure, theme_profile  # noqa: E402
from leadkit.render.displays import show_team_example  # noqa: E402
from leadkit.store.journal import Journal  # noqa: E402
from leadkit.widgets.cases import (  # noqa: E402
    choose_framework,
    context_profile,
    dilemma,
    spot_compliance,
    t_shape_map,
)


def test_dilemma_gives_feedback_and_counts_choices():
    box = dilemma("agile-cmo-dilemma")
    case = cases.load_case("agile-cmo-dilemma")
    first, second = box.steps[0], box.steps[1]
    first.button.click()
    assert "Choose an option first" in first.feedback.value
    strong = next(o for o in case["steps"][0]["options"] if o["quality"] == "strong")
    first.choices.value = strong["id"]
    first.button.click()
    assert "✔" in first.feedback.value and "Strong choice" in first.feedback.value
    assert "Create and share a vision" in first.feedback.value
    weak = next(o for o in case["steps"][1]["options"] if o["quality"] == "weak")
    second.choices.value = weak["id"]
    second.button.click()
    assert "✘" in second.feedback.value
    assert "1 strong, 0 partly right, 1 risky (of 3 steps)" in box.summary.value


def test_dilemma_speaks_dutch():
    set_language("nl")
    box = dilemma("wij-model-warm-up")
    step = box.steps[0]
    assert step.button.description == "Kies"
    step.choices.value = "b"
    step.button.click()
    assert "Sterke keuze" in step.feedback.value and "account-CEO" in step.feedback.value


def test_an_answer_on_screen_follows_the_language_switch():
    # Each exercise is answered in English; after the switch its feedback reads in Dutch.
    # Unanswered exercises stay unanswered: the switch is no click.
    set_language("en")
    step = dilemma("wij-model-warm-up").steps[0]
    step.choices.value = "b"
    step.button.click()
    untouched = dilemma("wij-model-warm-up").steps[0]
    shape = t_shape_map("silo-t-shape")
    shape.sliders["data"].value = 4
    shape.button.click()
    report = spot_compliance("leading-professionals-crm-report")
    report.checks["conversion"].value = True
    report.button.click()
    assert "Strong choice" in step.feedback.value
    set_language("nl")
    assert "Sterke keuze" in step.feedback.value and step.button.description == "Kies"
    assert untouched.feedback.value == ""
    assert shape.chart.values["data"] == 4 and "Data en analyse: 4 (diepgaand)" in shape.chart.text
    assert "Strong" not in report.feedback.value and "gemarkeerd" in report.feedback.value


def test_context_profile_updates_on_every_answer():
    box = context_profile("silo-context")
    assert "Answer one or more" in box.result.value
    box.dropdowns["player-type"].value = "brand-player"
    assert len(box.table) == 1
    box.dropdowns["digital-business-shift"].value = "strongly-tied"
    assert len(box.table) == 3 and "Taken together" in box.result.value
    box.dropdowns["player-type"].value = None
    assert len(box.table) == 1 and "Taken together" not in box.result.value


def test_t_shape_map_shows_the_shape_and_a_chart():
    box = t_shape_map("silo-t-shape")
    box.button.click()
    assert "Rate at least one area" in box.result.value and box.shape is None
    for area, toggle in box.sliders.items():
        toggle.value = 4 if area == "data" else 2
    box.button.click()
    assert box.shape.shape == "t-shaped" and "T-shaped" in box.result.value
    chart = box.chart
    assert "T-shaped" in chart.figure.title and chart.values["data"] == 4
    assert "Data and analytics: 4 (deep)" in chart.text
    box.sliders["data"].value = 1
    box.button.click()
    assert box.chart is chart and chart.values["data"] == 1  # moved in place


def test_spot_compliance_scores_the_marked_lines():
    box = spot_compliance("leading-professionals-crm-report")
    signals = [ln["id"] for ln in cases.load_case("leading-professionals-crm-report")["report"]
               ["lines"] if ln["signal"]]
    for line_id in signals:
        box.checks[line_id].value = True
    box.checks["conversion"].value = True  # an honest figure, wrongly suspected
    box.button.click()
    assert box.result.hits == len(signals) and box.result.false_alarms == 1
    assert "signal, spotted" in box.feedback.value
    assert "not a signal, but marked" in box.feedback.value


def test_choose_framework_switches_case_and_judges():
    box = choose_framework()
    assert len(box.case_picker.options) == 5
    box.case_picker.value = "fit-insurer-claims"
    assert "Belgian insurer" in box.children[1].value
    box.button.click()
    assert "Choose a framework first" in box.feedback.value
    box.choices.value = "leading-professionals"
    box.button.click()
    assert "The best fit" in box.feedback.value and box.fit.iloc[0]["framework"] == \
        "leading-professionals"
    box.case_picker.value = "fit-meal-box"  # a new case clears the old answer
    assert box.choices.value is None and box.feedback.value == ""


def test_a_single_case_hides_the_picker():
    box = choose_framework("fit-meal-box")
    assert box.case_picker.layout.display == "none"


def test_t_shape_figure_draws_the_ratings():
    areas = [a["id"] for a in cases.load_case("silo-t-shape")["areas"]]
    ratings = {a: i % 4 + 1 for i, a in enumerate(areas)}
    fig = t_shape_figure(ratings)
    heights = sorted(-p.get_height() for p in fig.axes[0].patches)
    assert heights == sorted(ratings.values())
    assert fig.axes[0].get_legend() is not None  # a deep area is named, not only coloured


def test_theme_profile_draws_the_table_in_dutch():
    set_language("nl")
    table = framework_choice.learner_theme_scores(Journal(tempfile.mkdtemp()))
    fig = theme_profile(table)
    widths = sorted(p.get_width() for p in fig.axes[0].patches)
    assert widths == pytest.approx(sorted(table["pomp"]))
    assert "thema" in fig.axes[0].get_title()


def test_show_team_example_shows_chart_table_and_steps(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    show_team_example("customer-leadership", "T5")
    chart, table, text = shown
    fw = load_framework("customer-leadership")
    assert "T5" in chart.axes[0].get_title()
    assert table.frame.iloc[:, 0].tolist() == [e.label for e in fw.elements]
    assert "<tbody><tr><th" not in table._repr_html_()  # no index column for learners
    assert "What this leader could do next" in text.data and "1. " in text.data
