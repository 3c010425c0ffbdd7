"""A Dutch learner's evening, end to end in JupyterLab: reflect, restart, hand in.

Drives: open ``nl/01-agile-cmo``, Run All, write a reflection and save it; restart the kernel
and run all again — the saved answer is back in the box, editable; then type a student number
in *Maak mijn portfolio*, press it, and follow the download links: both files exist in the
notebook's folder and the portfolio is in Dutch.
"""

from __future__ import annotations

import json

import pytest
from jupyter_page import code_cell, open_notebook, output_of, run_all_cells, shot, text_changes
from page_checks import broken_links

pytestmark = pytest.mark.browser

NOTEBOOK = "nl/01-agile-cmo-nl.ipynb"
ANSWER = "Ik leg vaker uit waarom ik iets besluit, ook als het niet populair is."


def test_reflection_survives_a_restart_and_the_hand_in_writes_dutch_files(
        page, lab_server, artifacts):
    open_notebook(page, lab_server, NOTEBOOK)
    run_all_cells(page, timeout=240_000)
    box = output_of(code_cell(page, 'reflect("agile-cmo-next-step"'))
    box.locator("textarea").fill(ANSWER)
    box.get_by_role("checkbox").check()
    box.get_by_role("button", name="Bewaar").click()
    text_changes(box.locator("[role=status]"), "")

    # A kernel restart, as after a crash or the next evening: the answer is in the box again.
    page.evaluate("async () => await window.jupyterapp.shell.currentWidget.sessionContext"
                  ".session.kernel.restart()")
    run_all_cells(page, timeout=240_000)
    box = output_of(code_cell(page, 'reflect("agile-cmo-next-step"'))
    area = box.locator("textarea")
    area.wait_for()
    assert area.input_value() == ANSWER and area.is_editable()
    assert "laatst bewaarde antwoord" in box.locator("[role=status]").inner_text()
    shot(box, artifacts, "lab-nl-01-reflection-after-restart")

    hand_in = output_of(code_cell(page, "hand_in("))
    hand_in.get_by_role("textbox").fill("s2501030")
    hand_in.get_by_role("button", name="Maak mijn portfolio").click()
    status = hand_in.locator("[role=status]")
    status.wait_for()
    assert "✔" in status.inner_text()
    shot(hand_in, artifacts, "lab-nl-01-hand-in-done")
    anchors = hand_in.locator("a").all()
    assert [a.get_attribute("download") for a in anchors] == ["portfolio-s2501030.html",
                                                              "bundle-s2501030.json"]
    # Each link downloads the file itself; the same file is in the notebook's folder.
    files = [[a.get_attribute("data-file"), a.inner_text()] for a in anchors]
    assert broken_links(files, lab_server.root, NOTEBOOK) == []
    with page.expect_download() as download:
        anchors[0].click()
    folder = lab_server.root / "nl"
    portfolio = (folder / "portfolio-s2501030.html").read_text(encoding="utf-8")
    assert open(download.value.path(), encoding="utf-8").read() == portfolio
    assert "<h1>Reflectieportfolio" in portfolio and ANSWER in portfolio
    bundle = json.loads((folder / "bundle-s2501030.json").read_text(encoding="utf-8"))
    assert bundle["learner"] == "s2501030"
    # The learner's journal is shared with the other lab tests: other shared reflections may
    # be in the bundle too; this prompt's is there once, with the text typed here.
    mine = [e["text"] for e in bundle["shared_entries"] if e["prompt_id"] == "agile-cmo-next-step"]
    assert mine == [ANSWER]
