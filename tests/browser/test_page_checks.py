"""Can a learner read every page? Each notebook in both languages, and both apps, checked.

For every built notebook (``notebooks/en``, ``notebooks/nl`` and the top-level start page) the
test opens it in the session's one JupyterLab, runs all cells, and reads the rendered page with
:mod:`page_checks`: options and labels that overflow or overlap, truncated text, words of the
other language, numbers not in the notebook's language, index columns and raw values in
tables, links to files that do not exist, images that do not load, stderr and error output.
The Voilà apps get the same checks as participants see them. A full-page screenshot of every
page is kept in ``test-artifacts/browser/``.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest
from jupyter_page import open_notebook, pick, run_all_cells, text_changes
from page_checks import broken_links, describe, page_problems

from leadkit.store.journal import Journal

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
APPS = ("90-app-self-assessment", "91-app-team-scenarios")
#: What a learner reads in JupyterLab: rendered markdown and every output (no code).
LAB_SCOPE = (".jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedMarkdown, "
             ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea")
#: Where the language and number checks read: every output (the prose is checked by its
#: own tests); on the bilingual start page the prose as well, since the switch shows it.
LAB_OUTPUTS = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea"
VOILA_SCOPE = "body"


def _lab_notebooks() -> list[tuple[str, str]]:
    found = [(f"{lang}/{p.name}", lang) for lang in ("en", "nl")
             for p in sorted((NOTEBOOKS / lang).glob("*.ipynb"))
             if p.stem.removesuffix(f"-{lang}") not in APPS]
    return [("00-start-here.ipynb", "en"), *found]


_SCROLL = """(i) => {
  // JupyterLab scrolls the notebook inside the page: the scroller is the tallest element.
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  let best = null;
  for (const el of panel.querySelectorAll('*')) {
    if (el.scrollHeight > el.clientHeight + 10 && (!best || el.scrollHeight > best.scrollHeight))
      best = el;
  }
  if (!best) return false;
  if (i * best.clientHeight >= best.scrollHeight) return false;
  best.scrollTop = i * best.clientHeight;
  return true;
}"""


def _full_page_shot(page, artifacts: Path, name: str) -> None:
    """The whole notebook as screenshots of one window each: ``<name>-01.png``, ``-02``, …"""
    for i in range(40):
        if not page.evaluate(_SCROLL, i):
            break
        page.wait_for_timeout(150)
        page.screenshot(path=str(artifacts / f"{name}-{i + 1:02d}.png"))
    page.evaluate(_SCROLL, 0)


def _shut_down_kernels(server) -> None:
    # One kernel per notebook would add up over the run: close each when its test is done.
    base = f"{server.url}/api/sessions"
    with urllib.request.urlopen(f"{base}?token={server.token}") as r:
        sessions = json.load(r)
    for s in sessions:
        req = urllib.request.Request(f"{base}/{s['id']}?token={server.token}", method="DELETE")
        urllib.request.urlopen(req).close()


def _assert_readable(problems: dict, where: str) -> None:
    assert not any(problems[k] for k in problems if k != "links"), (
        f"{where}: a learner cannot read this page:\n{describe(problems)}")


def _checked(page, scope: str, language: str, folder: Path, path: str,
             text_scope: str | None = None) -> dict:
    problems = page_problems(page, scope, language, text_scope)
    problems["links"] = broken_links(problems["links"], folder, path)
    return problems


def _t_shape(page, artifacts: Path, language: str) -> dict:
    """Notebook 02: rate every area of the T-shape map and show the shape: its chart must draw."""
    from jupyter_page import CHOICES, code_cell, output_of

    import leadkit as lk

    box = output_of(code_cell(page, 't_shape_map("silo-t-shape")'))
    for i, group in enumerate(box.locator(CHOICES).all()):
        group.locator("label").nth(3 if i == 0 else 1).click()
    box.get_by_role("button", name=lk.tr("Show my shape", language)).click()
    # (A bar is a line: Playwright calls an element with no width hidden, so "attached".)
    box.locator(".lk-chart svg.svg-figure g.curve path").first.wait_for(state="attached")
    page.wait_for_timeout(500)
    box.screenshot(path=str(artifacts / f"page-{language}-02-t-shape.png"))
    # The axes say which area each bar is and which level, not positions 0..7 or -1..-4.
    ticks = box.locator(".lk-chart svg text").evaluate_all(
        "els => els.map(e => e.textContent)")
    first = lk.tr(lk.load_case("silo-t-shape")["areas"][0]["label"], language)
    assert first in ticks and "-1" not in ticks and "0" not in ticks, ticks
    found = page_problems(page, LAB_SCOPE, language, LAB_OUTPUTS)
    found["links"] = []
    return found


def _overload(page, artifacts: Path) -> dict:
    """Notebook 05: every layer on, the most send-backs, no mandate, Run: the chain overloads."""
    from jupyter_page import code_cell, move_slider, output_of

    player = output_of(code_cell(page, 'play("key-account-price")'))
    sliders = player.locator(".lk-range")
    move_slider(sliders.nth(0), 4)   # approval layers: to the most
    move_slider(sliders.nth(2), 10)  # send-back chance: to the most
    player.get_by_role("button", name="Simuleer").click()
    status = player.locator("[role=status]").filter(has_text="⚠")
    status.wait_for()
    assert "goedkeurders kunnen het niet bijhouden" in status.inner_text()
    page.wait_for_timeout(500)
    player.screenshot(path=str(artifacts / "page-nl-05-overloaded.png"))
    found = page_problems(page, LAB_SCOPE, "nl", LAB_OUTPUTS)
    found["links"] = []  # the links were checked before; the page's links did not change
    return found


@pytest.mark.parametrize(("path", "language"), _lab_notebooks(),
                         ids=[p for p, _ in _lab_notebooks()])
def test_notebook_page_is_readable(path, language, browser, lab_server, artifacts):
    context = browser.new_context(viewport={"width": 1400, "height": 1800})
    page = context.new_page()
    page.set_default_timeout(30_000)
    name = "page-" + path.replace("/", "-").removesuffix(".ipynb")
    # The bilingual start page opens in the learner's last language: start it in English.
    Journal(lab_server.home).language = "en"
    try:
        open_notebook(page, lab_server, path)
        run_all_cells(page, timeout=240_000)
        page.wait_for_timeout(500)  # last widgets and images render
        _full_page_shot(page, artifacts, name)
        bilingual = path == "00-start-here.ipynb"
        text_scope = LAB_SCOPE if bilingual else LAB_OUTPUTS
        problems = _checked(page, LAB_SCOPE, language, lab_server.root, path, text_scope)
        if bilingual:
            # One language at a time: after the switch, everything reads in Dutch.
            pick(page, "Nederlands")
            heading = page.locator(".jp-RenderedMarkdown h1:visible").first
            text_changes(heading, "Start here: leadkit, leadership in marketing and "
                         "customer teams")
            page.wait_for_timeout(800)
            _full_page_shot(page, artifacts, name + "-after-switch-to-dutch")
            dutch = _checked(page, LAB_SCOPE, "nl", lab_server.root, path, LAB_SCOPE)
            problems = {k: problems[k] + [f"after the switch: {p}" for p in dutch[k]]
                        for k in problems}
        if f"/02-silo-collaboration-{language}." in path:
            # The T-profile appears only after a click: look at it as the learner does.
            shaped = _t_shape(page, artifacts, language)
            problems = {k: problems[k] + [f"T-shape: {p}" for p in shaped[k]] for k in problems}
        if path == "nl/05-wij-model-nl.ipynb":
            # In the same tab: overload the approval chain; a warning, and no broken image.
            overloaded = _overload(page, artifacts)
            problems = {k: problems[k] + [f"overloaded: {p}" for p in overloaded[k]]
                        for k in problems}
    except BaseException:
        page.screenshot(path=str(artifacts / f"FAILED-{name}.png"))
        raise
    finally:
        context.close()
        _shut_down_kernels(lab_server)
    _assert_readable(problems, path)
    assert not problems["links"], f"{path}: links that go nowhere:\n" + "\n".join(
        problems["links"])


@pytest.mark.parametrize("app", APPS)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_app_page_is_readable(app, language, page, voila_app, artifacts):
    path = f"{language}/{app}-{language}.ipynb"
    server = voila_app(path)
    page.goto(server.url)
    page.locator(".lk-choice").first.wait_for(timeout=120_000)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(artifacts / f"page-voila-{language}-{app}.png"), full_page=True)
    problems = _checked(page, VOILA_SCOPE, language, server.root, path)
    _assert_readable(problems, f"Voilà {path}")
    assert not problems["links"], "\n".join(problems["links"])

