"""The scenario player and the plots, driven in Python without a browser."""

from __future__ import annotations

import pytest

from leadkit.i18n import set_language
from leadkit.plots.simulate import model_path, outcome_spread, replication_figure
from leadkit.simulate import MarchModel
from leadkit.simulate.scenarios import load_scenario, run_scenario
from leadkit.store.journal import Journal
from leadkit.widgets.scenario import play, scenario_check


@pytest.fixture()
def journal(tmp_path):
    return Journal(tmp_path / "journal.sqlite")


def test_moving_a_lever_and_clicking_run_changes_the_outcome(journal):
    box = play("key-account-price", journal=journal)
    before, picture = box.result.value, box.chart.value
    assert "Requests answered within five working days" in before and picture
    box.levers["mandate"].value = 0.8
    box.run_button.click()
    assert box.result.value != before and box.chart.value != picture
    assert box.runs["within_mandate"].mean() > 0.6
    assert "Debrief" in box.debrief.value and "account CEO" in box.debrief.value


def test_an_overloaded_chain_is_explained_not_crashed(journal):
    box = play("key-account-price", journal=journal, run=False)
    box.levers["send-back"].value = 0.3
    box.run_button.click()
    assert "cannot keep up" in box.status.value and box.result.value == ""
    assert not box.run_button.disabled


def test_a_slow_run_shows_its_progress_bar_and_a_fast_one_does_not(journal, monkeypatch):
    fast = play("new-cmo-alignment", journal=journal, run=False)
    monkeypatch.setattr("leadkit.widgets.scenario.time.perf_counter", lambda: 0.0)
    fast.run_button.click()  # no time passes: nothing to wait for, no bar
    assert fast.progress.layout.visibility == "hidden" and fast.progress.value == 1.0
    clock = iter(range(1000))  # every reading one second later: a run of several seconds
    monkeypatch.setattr("leadkit.widgets.scenario.time.perf_counter", lambda: next(clock))
    slow = play("new-cmo-alignment", journal=journal, run=False)
    slow.run_button.click()
    assert slow.progress.layout.visibility == "visible" and slow.progress.value == 1.0


def test_reflection_goes_to_the_journal(journal):
    box = play("silo-marketing", journal=journal, run=False)
    box.reflection.text.value = "Our CRM team never hears what brand learns."
    box.reflection.save.click()
    assert journal.entries()["prompt_id"].tolist() == ["scenario-silo-marketing"]


def test_the_player_speaks_dutch(journal):
    set_language("nl")
    try:
        box = play("crm-dashboard", journal=journal, run=False)
        assert box.run_button.description == "Simuleer 20 teams"
        assert box.levers["who-sees-whom"].options[0][0] == "Directe collega's"
    finally:
        set_language("en")
    assert box.run_button.description == "Run 20 simulated teams"


def test_self_check_explains_the_answer():
    box = scenario_check("new-cmo-alignment")
    one = box.questions[0]
    options = load_scenario("new-cmo-alignment")["check"][0]["options"]
    one.choices.value = next(o["id"] for o in options if "Effort" in o["feedback"]["en"])
    one.button.click()
    assert "✘" in one.feedback.value and "Effort" in one.feedback.value


def test_plots_return_figures_with_labels_in_the_current_language():
    sc = load_scenario("silo-marketing")
    fig = outcome_spread(sc, run_scenario(sc, replications=5, seed=1))
    assert len(fig.axes) == 2 and fig._repr_png_().startswith(b"\x89PNG")
    set_language("nl")
    try:
        fig = replication_figure("march-3", replications=5)
        assert fig.axes[0].get_xlabel() == "Snelle leerders (van de 50)"
        labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
        assert labels == ["snelle leerders", "langzame leerders"]
    finally:
        set_language("en")
    path = MarchModel(0.9, 0.5, seed=1).run()
    assert len(model_path(path, {"code_knowledge": {"en": "Code", "nl": "Code"}}).axes) == 1
