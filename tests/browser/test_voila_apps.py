"""The workshop apps as participants see them: Voilà, code hidden, driven in Chromium.

Drives: each app started with the Voilà command ``make app`` uses. In the Dutch
self-assessment: every statement answered with the toggle buttons, Score, answers changed and
scored again, Save. In the English team scenarios: two sliders moved with the keyboard, Run,
the language switch, and a reflection saved. Each test then reads the journal file the app's
kernel wrote. Numbers shown in an app must equal what the kit's own scoring or simulation
computes from the same input.
"""

from __future__ import annotations

import pandas as pd
import pytest
from jupyter_page import (
    CHOICES,
    SLIDERS,
    expected_scenario_means,
    figure_changes,
    image_digests,
    move_slider,
    pick,
    shot,
    table_rows,
    text_changes,
    wait_until,
)

import leadkit as lk
from leadkit.render.tables import cell_text
from leadkit.store.journal import Journal
from leadkit.survey.scoring import score
from leadkit.widgets.assessment import answers_to_responses

FRAMEWORK = "agile-cmo"

pytestmark = pytest.mark.browser


def _open_app(page, voila_app, notebook: str) -> None:
    server = voila_app(notebook)
    page.goto(server.url)
    # Voilà shows the page once every cell has run; widgets render right after.
    page.locator(CHOICES).first.wait_for(timeout=90_000)
    return server


def _table(area) -> dict[str, str]:
    rows = area.locator("table").first.locator("tr").all()[1:]
    return {r.locator("td").nth(0).inner_text(): r.locator("td").nth(1).inner_text()
            for r in rows}


def _expected(answers: dict[str, int], language: str) -> tuple[pd.DataFrame, dict[str, str]]:
    fw = lk.load_framework(FRAMEWORK)
    scores = score(answers_to_responses(answers, fw), fw)
    lk.set_language(language)
    labels = {e.id: e.label for e in fw.elements}
    # As a reader of that language writes them: 4,67 in Dutch.
    shown = {labels[r.element]: cell_text(r.score) for r in scores.itertuples()}
    return scores, shown


@pytest.fixture
def dutch():
    lk.set_language("nl")
    yield
    lk.set_language("en")


def test_self_assessment_app_scores_changes_and_saves(page, voila_app, artifacts, dutch):
    server = _open_app(page, voila_app, "nl/90-app-self-assessment-nl.ipynb")
    fw = lk.load_framework(FRAMEWORK)
    body = page.locator("body")
    assert "Zelfbeoordeling" in page.locator("h1").first.inner_text()
    # Code is hidden: no editor, and none of the source text reaches the page.
    assert page.locator(".jp-CodeCell .jp-InputArea:visible, .cm-editor").count() == 0
    assert "self_assessment(" not in body.inner_text()
    assert "import leadkit" not in body.inner_text()

    items = page.locator(CHOICES).filter(has_not_text="Nederlands")
    assert items.count() == len(fw.items)
    # A varied, reproducible answer pattern over the whole scale.
    low, high = fw.scale
    answers = {it.id: low + (i * 3) % (high - low + 1) for i, it in enumerate(fw.items)}
    for row, it in zip(items.all(), fw.items, strict=True):
        row.locator("label").nth(answers[it.id] - low).click()
    page.get_by_role("button", name="Bereken score").click()
    result = page.locator(".lk-result").last
    result.locator("table").first.wait_for()
    first_figures = figure_changes(result, [])
    scores, shown = _expected(answers, "nl")
    assert _table(result) == shown
    shot(result, artifacts, "voila-90-self-assessment-scored")

    # Change the answers of the first element to the top of the scale: its score must follow.
    first = fw.elements[0].id
    for row, it in zip(items.all(), fw.items, strict=True):
        if it.element == first:
            row.locator("label").nth(high - low).click()
            answers[it.id] = high
    before = result.inner_text()
    page.get_by_role("button", name="Bereken score").click()
    text_changes(result, before)
    figure_changes(result, first_figures)
    scores, shown = _expected(answers, "nl")
    assert _table(result) == shown
    assert len(image_digests(result)) == len(first_figures)

    page.get_by_role("button", name="Bewaar in mijn logboek").click()
    status = page.locator(".lk-live").filter(has_text="✔")
    assert "Bewaard" in text_changes(status, "")
    saved = Journal(server.home).scores(latest_only=True)
    saved = saved[saved["framework"] == FRAMEWORK].set_index("element")["score"]
    expected = scores.set_index("element")["score"]
    pd.testing.assert_series_equal(saved.sort_index(), expected.sort_index(), check_names=False)
    shot(status, artifacts, "voila-90-self-assessment-saved")


SCENARIO = "key-account-price"


def test_team_scenarios_app_runs_switches_language_and_saves(page, voila_app, artifacts):
    from leadkit.simulate.scenarios import load_scenario

    server = _open_app(page, voila_app, "en/91-app-team-scenarios-en.ipynb")
    sc = load_scenario(SCENARIO)
    assert page.locator(".jp-CodeCell .jp-InputArea:visible, .cm-editor").count() == 0
    assert "lk.widgets.play(" not in page.locator("body").inner_text()
    # Found by position, so the handle stays valid when the language switch renames it.
    players = page.locator(".widget-vbox").filter(has=page.locator("h3"))
    titles = [t.inner_text() for t in players.locator("h3").all()]
    player = players.nth(titles.index(lk.tr(sc["title"], "en")))
    result = player.locator(".widget-html").filter(has=page.locator("table")).first
    result.wait_for()
    before_text, before_figure = result.inner_text(), image_digests(player)

    # Fewer approval layers and a wider mandate for the account team.
    slider_ids = [lv["id"] for lv in sc["levers"] if "options" not in lv]
    sliders = {lever: player.locator(SLIDERS).nth(i)
               for i, lever in enumerate(slider_ids)}
    layers = move_slider(sliders["layers"], -1)
    mandate = move_slider(sliders["mandate"], 3)
    player.get_by_role("button", name="Run").click()
    text_changes(result, before_text)
    figure_changes(player, before_figure)
    levers = {lv["id"]: lv["default"] for lv in sc["levers"]}
    levers.update({"layers": int(layers), "mandate": float(mandate)})
    expected = expected_scenario_means(SCENARIO, levers, "en")
    assert [row[:2] for row in table_rows(result)] == expected
    shot(player, artifacts, "voila-91-team-scenarios-after-run")

    # The language switch re-labels the player and its outcome, keeping the numbers.
    pick(page, "Nederlands")
    title = player.locator("h3").first
    assert text_changes(title, lk.tr(sc["title"], "en")) == lk.tr(sc["title"], "nl")
    dutch = expected_scenario_means(SCENARIO, levers, "nl")
    wait_until(lambda: [row[:2] for row in table_rows(result)] == dutch)
    assert player.get_by_role("button", name="Simuleer").count() == 1
    shot(player, artifacts, "voila-91-team-scenarios-in-dutch")

    reflection = player.locator(".widget-textarea textarea")
    reflection.fill("Minder lagen en meer mandaat: de klant hoort sneller iets.")
    player.get_by_role("button", name="Bewaar").click()
    player.locator("[role=status]").filter(has_text="Bewaard").wait_for()
    entries = Journal(server.home).entries()
    mine = entries[entries["text"].str.startswith("Minder lagen")]
    assert mine["notebook"].tolist() == ["91-app-team-scenarios"]
    assert mine["prompt_id"].tolist() == [sc["reflection"]["id"]]
