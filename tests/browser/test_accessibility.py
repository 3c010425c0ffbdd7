"""A learner who uses a keyboard or a screen reader: axe-core, the keyboard alone, the page.

axe-core (bundled by ``axe-playwright-python``, injected into the page; no network) checks the
three Voilà apps as participants see them, after they have been used (answers scored, a
scenario run, a class picture shown), and the outputs of notebooks 01 and 05 in JupyterLab
(JupyterLab's own menus and panels are not the kit's and are left out). Any violation of
WCAG 2.1 A or AA that axe rates serious or critical fails the test, with its rule and the
elements it found.

The keyboard test answers the whole self-assessment with Tab, the arrow keys and Enter, and
after every answer checks that the focus is still on the question just answered (a widget that
redraws itself would throw it to the top of the page).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from jupyter_page import CHOICES, open_notebook, run_all_cells, shot, text_changes

import leadkit as lk

pytestmark = pytest.mark.browser

#: WCAG 2.1 level A and AA, as axe tags them.
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_problems(page, include: list | None = None) -> list[str]:
    """axe-core's serious and critical WCAG violations in the page (or in ``include``)."""
    import axe_playwright_python

    script = Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text()
    page.evaluate(script)
    context = {"include": include} if include else {"exclude": []}
    result = page.evaluate(
        "async ([context, options]) => await axe.run(context, options)",
        [context, {"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]}])
    found = []
    for v in result["violations"]:
        if v["impact"] in ("serious", "critical"):
            where = "; ".join(" ".join(n["target"]) if isinstance(n["target"], list)
                              else str(n["target"]) for n in v["nodes"][:5])
            found.append(f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])}x: {where})")
    return found


def _answer_all(page, language: str) -> None:
    fw = lk.load_framework("agile-cmo")
    items = page.locator(CHOICES).filter(has_not_text="Nederlands")
    assert items.count() == len(fw.items)
    for i, row in enumerate(items.all()):
        row.locator("label").nth(i % 5).click()
    name = lk.tr("Calculate score", language)
    page.get_by_role("button", name=name).click()
    page.locator(".lk-chart svg").first.wait_for()
    page.locator(".lk-result table").first.wait_for()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_self_assessment_app_passes_axe(language, page, voila_app, artifacts):
    server = voila_app(f"{language}/90-app-self-assessment-{language}.ipynb")
    page.goto(server.url)
    page.locator(CHOICES).first.wait_for(timeout=120_000)
    # The page says which language it is in, before and after the widgets arrive.
    assert page.evaluate("document.documentElement.lang") == language
    _answer_all(page, language)
    page.wait_for_timeout(500)
    shot(page, artifacts, f"a11y-voila-{language}-90-scored")
    problems = axe_problems(page)
    assert not problems, "\n".join(problems)
    # Questions are radio groups named by their question; the chosen answer is checked.
    groups = page.get_by_role("group")
    assert groups.count() >= len(lk.load_framework("agile-cmo").items)
    first = page.locator(CHOICES).nth(1)
    assert first.locator("legend").inner_text().startswith("1.")
    assert first.locator("input:checked").count() == 1
    # The answered count and the score message are in live regions.
    live = page.locator("[role=status]")
    texts = " ".join(live.all_inner_texts())
    assert lk.tr("{n} of {total} statements answered", language).format(n=24, total=24) in texts


def test_the_team_scenarios_app_passes_axe(page, voila_app, artifacts):
    server = voila_app("nl/91-app-team-scenarios-nl.ipynb")
    page.goto(server.url)
    page.locator(".lk-chart svg").first.wait_for(timeout=120_000)
    page.wait_for_timeout(500)
    assert page.evaluate("document.documentElement.lang") == "nl"
    shot(page, artifacts, "a11y-voila-nl-91")
    problems = axe_problems(page)
    assert not problems, "\n".join(problems)
    # Every lever is a slider named by its label; every chart says in words what it shows.
    sliders = page.get_by_role("slider")
    assert sliders.count() >= 8
    for i in range(sliders.count()):
        assert sliders.nth(i).evaluate("el => el.labels.length && el.labels[0].innerText.trim()")
    assert page.locator("img").count() == 0 or all(
        img.get_attribute("alt") for img in page.locator("img").all())
    for chart in page.locator(".lk-chart").all():
        assert len(chart.locator(".lk-chart-text").inner_text()) > 40
    # Run from the keyboard: the focus stays on the button while the teams are simulated and
    # after the answer has come; the bar is gone again afterwards.
    run = page.get_by_role("button", name=lk.tr("Run {n} simulated teams", "nl").format(n=40))
    run.first.focus()
    status = page.locator(".lk-live").nth(0)
    before = status.inner_text()
    page.keyboard.press("Enter")
    page.wait_for_timeout(1500)
    assert page.evaluate("document.activeElement.innerText.trim()") == run.first.inner_text()
    assert status.inner_text() or before
    bars = page.locator(".widget-progress:visible")
    assert bars.count() == 0, "a progress bar stayed on the page after the run"


def test_the_class_dashboard_passes_axe_and_can_pause(page, voila_app, artifacts, tmp_path):
    from leadkit.classpool.pool import ClassPool

    pool = ClassPool.create(tmp_path / "pool")
    for learner, level in (("s1", 4.0), ("s2", 3.0), ("s3", 2.0), ("s4", 3.5)):
        pool.share(learner=learner, framework="agile-cmo",
                   scores={e.id: level for e in lk.load_framework("agile-cmo").elements})
    server = voila_app("nl/92-app-class-dashboard-nl.ipynb",
                       env={"LEADKIT_CLASS_POOL": str(tmp_path / "pool")})
    page.goto(server.url)
    page.locator(".lk-class-view table").first.wait_for(timeout=120_000)
    assert page.evaluate("document.documentElement.lang") == "nl"
    shot(page, artifacts, "a11y-voila-nl-92")
    problems = axe_problems(page)
    assert not problems, "\n".join(problems)
    # The refresh every five seconds can be paused (WCAG 2.2.2) and started again.
    pause = page.get_by_role("button", name=lk.tr("Pause the refresh", "nl"))
    pause.click()
    page.get_by_role("button", name=lk.tr("Resume the refresh", "nl")).wait_for()


@pytest.mark.parametrize("path", ["nl/01-agile-cmo-nl.ipynb", "nl/05-wij-model-nl.ipynb"])
def test_notebook_outputs_pass_axe(path, browser, lab_server, artifacts):
    context = browser.new_context(viewport={"width": 1400, "height": 1800})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        open_notebook(page, lab_server, path)
        run_all_cells(page, timeout=240_000)
        page.wait_for_timeout(800)
        # Only the kit's output: JupyterLab's own menus and panels are not the kit's.
        problems = axe_problems(page, include=[[".jp-NotebookPanel:not(.lm-mod-hidden) "
                                                ".jp-OutputArea"]])
        assert not problems, f"{path}:\n" + "\n".join(problems)
        images = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea img")
        for img in images.all():
            assert img.get_attribute("alt"), "a chart without a text alternative"
        if path == "nl/01-agile-cmo-nl.ipynb":
            # A narrow window (640 px): wide tables wrap instead of scrolling sideways.
            # (The file browser folded away, as on a small screen: 640 px for the notebook.)
            page.evaluate("() => window.jupyterapp.shell.collapseLeft()")
            page.set_viewport_size({"width": 640, "height": 1400})
            page.wait_for_timeout(800)
            wide = page.evaluate("""() => [...document.querySelectorAll(
                '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea table.lk-table')]
                .filter(t => t.getBoundingClientRect().width > 0)
                .filter(t => t.scrollWidth > t.parentElement.clientWidth + 2)
                .map(t => t.innerText.slice(0, 60))""")
            shot(page, artifacts, "a11y-lab-nl-01-640px")
            assert not wide, f"tables wider than the window at 640 px: {wide}"
    finally:
        context.close()


_FOCUS = """() => {
  const el = document.activeElement;
  const group = el && el.closest('.lk-choice');
  return {tag: el ? el.tagName : null, type: el ? el.type : null,
          legend: group ? group.querySelector('legend').innerText : null,
          checked: el ? !!el.checked : false};
}"""

_RING = """() => {
  const el = document.activeElement;
  const face = el.type === 'radio' ? el.nextElementSibling : el;
  const s = getComputedStyle(face);
  return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor};
}"""


def _contrast(colour: str) -> float:
    """Contrast of an ``rgb(...)`` colour against white (WCAG relative luminance)."""
    parts = [int(float(v)) for v in colour[colour.index("(") + 1:colour.index(")")].split(",")[:3]]
    lin = [(c / 255) / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4
           for c in parts]
    lum = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return 1.05 / (lum + 0.05)


def test_the_self_assessment_works_from_the_keyboard_alone(page, voila_app, artifacts):
    fw = lk.load_framework("agile-cmo")
    server = voila_app("nl/90-app-self-assessment-nl.ipynb")
    page.goto(server.url)
    page.locator(CHOICES).first.wait_for(timeout=120_000)
    page.wait_for_timeout(500)
    page.locator("body").click(position={"x": 5, "y": 5})
    answered = []
    for _ in range(200):  # Tab through the page until every statement is answered
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS)
        if focus["type"] != "radio" or not focus["legend"][:1].isdigit():
            if len(answered) == len(fw.items):
                break
            continue
        legend = focus["legend"]
        # Arrow keys choose within the group, as in any radio group; Space confirms.
        page.keyboard.press("ArrowRight")
        page.keyboard.press("Space")
        page.wait_for_timeout(150)  # the kernel's answer arrives: nothing may move the focus
        after = page.evaluate(_FOCUS)
        assert after["legend"] == legend and after["checked"], (legend, after)
        ring = page.evaluate(_RING)
        assert ring["style"] != "none" and ring["width"] >= 2, ring
        assert _contrast(ring["color"]) >= 3.0, ring
        answered.append(legend)
    assert len(answered) == len(fw.items), answered
    progress = page.locator("[role=status]").filter(has_text="24 van de 24")
    progress.wait_for()
    # On to the button and press it with Enter: the focus stays on the button.
    score = page.get_by_role("button", name="Bereken score")
    for _ in range(10):
        if page.evaluate("document.activeElement.innerText") == score.inner_text():
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    status = page.locator("[role=status]").filter(has_text="onderdelen hebben een score")
    text_changes(status, "")
    page.wait_for_timeout(300)
    assert page.evaluate("document.activeElement.innerText").strip() == "Bereken score"
    shot(page, artifacts, "a11y-voila-nl-90-keyboard")


def test_a_restarted_kernel_says_what_to_do(browser, lab_server, artifacts):
    context = browser.new_context(viewport={"width": 1400, "height": 1800})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        open_notebook(page, lab_server, "nl/01-agile-cmo-nl.ipynb")
        run_all_cells(page, timeout=240_000)
        page.evaluate("async () => await window.jupyterapp.shell.currentWidget.sessionContext"
                      ".session.kernel.restart()")
        notice = lk.tr("The kernel has restarted, so these buttons no longer work. To get "
                       "them back: menu Run → Run All Cells.", "nl")
        found = page.wait_for_function(
            """(text) => [...document.querySelectorAll(
                 '.lk-options.jupyter-widgets-disconnected')].some(el =>
                 getComputedStyle(el, '::before').content === JSON.stringify(text))""",
            arg=notice, timeout=30_000)
        assert found
        shot(page, artifacts, "lab-nl-01-after-restart")
    finally:
        context.close()
