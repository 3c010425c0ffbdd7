"""00-start-here in a real JupyterLab and Chromium, used the way a learner uses it.

Drives: open the bilingual start notebook, Run All, pick another framework in the dropdown,
switch the language with the buttons, answer a self-check question, write a reflection and
press Save, then read the journal file the server's kernel wrote to.
"""

from __future__ import annotations

import pytest
from jupyter_page import (
    choose,
    code_cell,
    open_notebook,
    output_of,
    pick,
    run_all_cells,
    shot,
    text_changes,
)

import leadkit as lk
from leadkit.learning.selfcheck import load_selfcheck
from leadkit.store.journal import Journal

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def start_here(browser, lab_server, artifacts):
    """One tab with 00-start-here opened and run; the steps below continue in it."""
    # The start page opens in the learner's last language: this learner's is English.
    Journal(lab_server.home).language = "en"
    context = browser.new_context(viewport={"width": 1400, "height": 1800})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    open_notebook(tab, lab_server, "00-start-here.ipynb")
    run_all_cells(tab)
    shot(tab, artifacts, "lab-00-start-here-after-run-all")
    yield tab
    context.close()


def _titles(language: str) -> dict[str, str]:
    return {i: lk.tr(lk.load_framework(i).title, language) for i in lk.list_frameworks()}


def test_framework_dropdown_changes_the_card(start_here, artifacts):
    explorer = output_of(code_cell(start_here, "framework_explorer("))
    card = explorer.locator(".widget-html").first
    first, last = lk.list_frameworks()[0], lk.list_frameworks()[-1]
    before = card.inner_text()
    assert _titles("en")[first] in before
    choose(explorer.locator(".widget-dropdown"), _titles("en")[last])
    after = text_changes(card, before)
    assert _titles("en")[last] in after and _titles("en")[first] not in after
    shot(explorer, artifacts, "lab-00-explorer-after-choosing")


def test_language_buttons_switch_the_explorer_to_dutch_and_back(start_here, artifacts):
    explorer = output_of(code_cell(start_here, "framework_explorer("))
    switch = output_of(code_cell(start_here, "language_switch("))
    label = explorer.locator(".widget-dropdown label")
    pick(switch, "Nederlands")
    assert text_changes(label, "Framework") == "Raamwerk"
    dutch = [o.inner_text().replace("\xa0", " ") for o in explorer.locator("option").all()]
    assert dutch == list(_titles("nl").values())
    shot(explorer, artifacts, "lab-00-explorer-in-dutch")
    pick(switch, "English")
    assert text_changes(label, "Raamwerk") == "Framework"


def test_self_check_gives_feedback_with_the_reason(start_here):
    question = load_selfcheck("00-start-here")[0]
    right = next(o for o in question["options"] if o["correct"])
    quiz = output_of(code_cell(start_here, "self_check("))
    first = quiz.locator(".widget-vbox .widget-vbox").first
    first.get_by_label(lk.tr(right["label"], "en")).check()
    first.get_by_role("button", name="Check").click()
    feedback = text_changes(first.locator(".widget-html").last, "")
    assert "✔" in feedback and lk.tr(right["feedback"], "en") in feedback


def test_reflection_saved_in_the_browser_is_in_the_journal(start_here, lab_server, artifacts):
    text = "Ik wil leren hoe ik mijn team laat meebeslissen zonder te verzanden."
    widget = output_of(code_cell(start_here, "reflect("))
    widget.locator("textarea").fill(text)
    widget.get_by_role("checkbox").check()
    widget.get_by_role("button", name="Save").click()
    status = widget.locator("[role=status]")
    status.wait_for()
    status = text_changes(status, "")
    assert "Saved at" in status and f"{len(text)} characters" in status
    shot(widget, artifacts, "lab-00-reflection-saved")
    entries = Journal(lab_server.home).entries()
    mine = entries[entries["text"] == text]
    assert len(mine) == 1
    row = mine.iloc[0]
    assert (row["prompt_id"], row["notebook"], bool(row["share_with_teacher"])) == (
        "start-here-goals", "00-start-here", True)


def test_the_dutch_choice_holds_after_a_restart_and_a_reopen(browser, lab_server, artifacts):
    """Nederlands on the start page, the kernel restarted, the page opened anew: still Dutch."""
    import json
    import urllib.request

    def fresh_tab():
        context = browser.new_context(viewport={"width": 1400, "height": 1800})
        tab = context.new_page()
        tab.set_default_timeout(30_000)
        open_notebook(tab, lab_server, "00-start-here.ipynb")
        run_all_cells(tab)
        return context, tab

    def stop_kernels():
        base = f"{lab_server.url}/api/sessions"
        with urllib.request.urlopen(f"{base}?token={lab_server.token}") as r:
            for s in json.load(r):
                urllib.request.urlopen(urllib.request.Request(
                    f"{base}/{s['id']}?token={lab_server.token}", method="DELETE")).close()

    context, tab = fresh_tab()
    pick(output_of(code_cell(tab, "language_switch(")), "Nederlands")
    heading = tab.locator(".jp-RenderedMarkdown h1:visible").first
    text_changes(heading, lk.tr("Start here: leadkit, leadership in marketing and customer "
                                "teams", "en"))
    context.close()
    stop_kernels()
    try:
        context, tab = fresh_tab()  # a new kernel, the page opened again, Run All
        heading = tab.locator(".jp-RenderedMarkdown h1:visible").first
        assert heading.inner_text().startswith("Begin hier")
        explorer = output_of(code_cell(tab, "framework_explorer("))
        assert explorer.locator(".widget-dropdown label").inner_text() == "Raamwerk"
        shot(tab, artifacts, "lab-00-start-here-reopened-in-dutch")
        pick(output_of(code_cell(tab, "language_switch(")), "English")  # as it was
        context.close()
    finally:
        stop_kernels()
