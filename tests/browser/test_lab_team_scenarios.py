"""07-team-scenarios in a real JupyterLab and Chromium: levers, Run, a new outcome and chart.

Drives: open the English scenario notebook, Run All (every scenario runs once with its default
levers), then in the silo scenario pick another option in the dropdown and move the slider
with the keyboard, press Run, and wait for the outcome table and the chart to change. The
means shown must equal what the kit's own simulation gives for the same levers and seed.
"""

from __future__ import annotations

import pytest
from jupyter_page import (
    choose,
    code_cell,
    expected_scenario_means,
    figure_changes,
    image_digests,
    move_slider,
    open_notebook,
    output_of,
    run_all_cells,
    shot,
    table_rows,
    text_changes,
)

import leadkit as lk
from leadkit.simulate.scenarios import load_scenario

pytestmark = pytest.mark.browser

SCENARIO = "silo-marketing"


def test_changing_levers_and_running_changes_outcome_and_chart(page, lab_server, artifacts):
    open_notebook(page, lab_server, "en/07-team-scenarios-en.ipynb")
    run_all_cells(page)
    sc = load_scenario(SCENARIO)
    player = output_of(code_cell(page, f'play("{SCENARIO}")'))
    result = player.locator(".widget-html").filter(has=page.locator("table")).first
    before_text, before_figure = result.inner_text(), image_digests(player)
    assert [row[:2] for row in table_rows(result)] == expected_scenario_means(
        SCENARIO, {lv["id"]: lv["default"] for lv in sc["levers"]}, "en")
    shot(player, artifacts, "lab-07-silo-before")

    dropdown_spec = next(lv for lv in sc["levers"] if "options" in lv)
    slider_spec = next(lv for lv in sc["levers"] if "options" not in lv)
    last = dropdown_spec["options"][-1]
    choose(player.locator(".widget-dropdown"), lk.tr(last["label"], "en"))
    readout = move_slider(player.locator(".lk-range"), 2)
    assert float(readout) == pytest.approx(slider_spec["default"] + 2 * slider_spec["step"])
    player.get_by_role("button", name="Run").click()

    text_changes(result, before_text)
    figure_changes(player, before_figure)
    levers = {dropdown_spec["id"]: last["value"], slider_spec["id"]: float(readout)}
    expected = expected_scenario_means(SCENARIO, levers, "en")
    assert [row[:2] for row in table_rows(result)] == expected
    shot(player, artifacts, "lab-07-silo-after-levers-and-run")
