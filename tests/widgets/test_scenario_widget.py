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
    chart = box.charts[0]
    before, dots, words = box.result.value, chart.dots.x.copy(), chart.text
    assert "Requests answered within five working days" in before and dots.size == 40
    box.levers["mandate"].value = 0.8
    box.run_button.click()
    assert box.charts[0] is chart  # the same chart, its marks moved
    assert box.result.value != before and chart.text != words
    assert not (chart.dots.x == dots).all()
    assert box.runs["within_mandate"].mean() > 0.6
    assert "Debrief" in box.debrief.value and "account CEO" in box.debrief.value


def test_an_overloaded_chain_is_explained_not_crashed(journal):
    box = play("key-account-price", journal=journal, run=False)
    box.levers["send-back"].value = 0.3
    box.run_button.click()
    assert "cannot keep up" in box.status.value and box.result.value == ""
    assert not box.run_button.disabled


def test_a_run_answers_at_once_and_its_bar_does_not_stay_full(journal, monkeypatch):
    import leadkit.widgets.scenario as player

    box = play("new-cmo-alignment", journal=journal, run=False)
    seen = []
    real = player.run_scenario

    def watched(*args, **kwargs):
        # While the teams are simulated the page already shows that something happens.
        seen.append((box.progress.layout.visibility, box.status.value))
        return real(*args, **kwargs)

    monkeypatch.setattr(player, "run_scenario", watched)
    box.run_button.click()
    assert seen[0][0] == "visible" and "Running" in seen[0][1]
    assert box.progress.layout.visibility == "hidden" and box.progress.value == 0.0
    assert "Done: 40 simulated teams" in box.status.value
    assert not box.run_button.disabled  # never disabled: the keyboard focus stays on it
    box.run_button.click()  # the same levers again: answered from memory, no new run
    assert len(seen) == 1


def test_the_levers_are_named_sliders_with_the_languages_decimal_sign(journal):
    box = play("key-account-price", journal=journal, run=False)
    mandate = box.levers["mandate"]
    assert mandate.description and mandate.decimals >= 1 and mandate.locale == "en"
    set_language("nl")
    try:
        assert mandate.locale == "nl" and mandate.description != ""
    finally:
        set_language("en")


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
