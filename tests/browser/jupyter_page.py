"""What a test does in the browser: open a notebook, run it, find and use widgets, take pictures.

Plain functions over Playwright's ``Page`` and ``Locator`` (no Playwright import here, so the
module is importable where Playwright is missing and the tests can skip cleanly). The widget
helpers work the same in JupyterLab and in Voilà: both render ipywidgets with the same markup.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

#: Seconds to let a widget's last value reach the kernel before pressing a button.
SETTLE = 1.0

# JupyterLab with --LabApp.expose_app_in_browser=True puts the application on window.jupyterapp.
_KERNEL_IDLE = """() => {
  const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const kernel = panel && panel.sessionContext && panel.sessionContext.session
                 && panel.sessionContext.session.kernel;
  return !!kernel && kernel.status === 'idle' && !!panel.content;
}"""

# The notebook on screen; others restored in background tabs are hidden.
_PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"

_ERRORS = """() => {
  const nb = window.jupyterapp.shell.currentWidget.content;
  const found = [];
  nb.widgets.forEach((cell, i) => {
    if (cell.model.type !== 'code') return;
    for (const out of cell.model.outputs.toJSON()) {
      if (out.output_type === 'error') found.push(`cell ${i}: ${out.ename}: ${out.evalue}`);
    }
  });
  return found;
}"""

_ALL_RAN = """() => {
  const nb = window.jupyterapp.shell.currentWidget.content;
  return nb.widgets.filter(c => c.model.type === 'code')
                   .every(c => c.model.executionCount !== null);
}"""


def open_notebook(page: Any, server: Any, path: str, timeout: float = 90_000) -> None:
    """Open ``path`` (relative to the server's folder) in JupyterLab; wait for an idle kernel."""
    # "reset" starts from an empty workspace: no notebook of an earlier test is restored.
    page.goto(f"{server.url}/lab/tree/{path}?reset&token={server.token}")
    page.wait_for_function(_KERNEL_IDLE, timeout=timeout)
    page.wait_for_function("p => window.jupyterapp.shell.currentWidget.context.path === p",
                           arg=path, timeout=timeout)
    page.locator(f"{_PANEL} .jp-Cell").first.wait_for()


def run_all_cells(page: Any, timeout: float = 90_000) -> None:
    """Run every cell as a learner does with *Run > Run All Cells*; fail on any error output."""
    # The command's promise resolves when the last cell has finished executing.
    page.evaluate("async () => await window.jupyterapp.commands.execute("
                  "'notebook:run-all-cells')")
    page.wait_for_function(_ALL_RAN, timeout=timeout)
    page.wait_for_function(_KERNEL_IDLE, timeout=timeout)
    errors = page.evaluate(_ERRORS)
    assert not errors, "cells raised errors in the browser:\n" + "\n".join(errors)


def code_cell(page: Any, needle: str) -> Any:
    """The (single) code cell whose source contains ``needle``."""
    cells = page.locator(f"{_PANEL} .jp-CodeCell").filter(
        has=page.locator(".jp-InputArea .cm-content", has_text=needle))
    assert cells.count() == 1, f"{cells.count()} code cells contain {needle!r}"
    return cells.first


def output_of(cell: Any) -> Any:
    """The rendered output area of a JupyterLab code cell."""
    return cell.locator(".jp-OutputArea-output").first


def table_rows(area: Any) -> list[list[str]]:
    """The data rows of the first HTML table in ``area``, as lists of cell texts."""
    rows = area.locator("table").first.locator("tr").all()
    return [[c.inner_text().strip() for c in r.locator("td").all()] for r in rows[1:]]


def choose(select_widget: Any, label: str | None = None, *, index: int | None = None) -> None:
    """Pick an option of an ipywidgets Dropdown, by its visible label or its position."""
    select = select_widget.locator("select")
    if label is not None:
        select.select_option(label=label)
    else:
        select.select_option(index=index)


#: The kit's levers: a native slider named by its label (``leadkit.widgets._web.Range``).
SLIDERS = ".lk-range"


def slider_value(slider_widget: Any) -> str:
    """The value a slider shows in its read-out, as a number in Python's notation.

    The kit writes a lever's read-out next to the slider (``output``, with a decimal comma in
    Dutch); a plain ipywidgets slider has its own ``.widget-readout``.
    """
    own = slider_widget.locator(".widget-readout")
    if own.count():
        return own.inner_text().strip()
    return slider_widget.locator("output").first.inner_text().strip().replace(",", ".")


def move_slider(slider_widget: Any, steps: int) -> str:
    """Move a slider by ``steps`` with the keyboard, as a learner without a mouse does.

    Returns the new read-out. The slider takes focus and arrow keys step it.
    """
    before = slider_value(slider_widget)
    handle = slider_widget.locator("input[type=range], .noUi-handle").first
    handle.focus()
    key = "ArrowRight" if steps > 0 else "ArrowLeft"
    for _ in range(abs(steps)):
        handle.press(key)
    deadline = time.monotonic() + 10
    while slider_value(slider_widget) == before and time.monotonic() < deadline:
        time.sleep(0.1)
    # ipywidgets holds back a model's newest value while an earlier update is unanswered, but
    # sends a button click at once: a click right after the last key could reach the kernel
    # before the slider's final value. A person is slower than that round trip; the test waits.
    time.sleep(SETTLE)
    return slider_value(slider_widget)


def text_changes(locator: Any, before: str, timeout: float = 30) -> str:
    """Wait until the text of ``locator`` differs from ``before``; return the new text."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = locator.inner_text() if locator.count() else ""
        if now != before:
            return now
        time.sleep(0.1)
    raise AssertionError(f"text did not change within {timeout} s: {before[:200]!r}")


_DIGESTS = """async (imgs) => {
  const out = [];
  for (const img of imgs) {
    if (!img.src) { out.push(''); continue; }
    const bytes = await (await fetch(img.src)).arrayBuffer();
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    out.push(Array.from(hash, b => b.toString(16).padStart(2, '0')).join(''));
  }
  return out;
}"""


def wait_until(condition: Any, timeout: float = 30, what: str = "condition") -> None:
    """Poll ``condition()`` until it is true; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what} not met within {timeout} s")


_CHART_DIGESTS = """async (charts) => {
  const out = [];
  for (const svg of charts) {
    const bytes = new TextEncoder().encode(new XMLSerializer().serializeToString(svg));
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    out.push(Array.from(hash, b => b.toString(16).padStart(2, '0')).join(''));
  }
  return out;
}"""


def image_digests(area: Any) -> list[str]:
    """A SHA-256 of every picture in ``area``, in page order: images, then live charts.

    Static figures arrive as PNG data URLs: hashing the bytes says whether the picture itself
    changed. The kit's live charts (bqplot, ``.lk-chart``) are SVG whose marks move in place:
    their markup is hashed instead.
    """
    return (area.locator("img").evaluate_all(_DIGESTS)
            + area.locator(".lk-chart svg.svg-figure").evaluate_all(_CHART_DIGESTS))


def figure_changes(area: Any, before: list[str], timeout: float = 60) -> list[str]:
    """Wait until ``area`` shows at least one figure and the pictures differ from ``before``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = image_digests(area)
        if now and all(now) and now != before:
            return now
        time.sleep(0.2)
    raise AssertionError(f"no new figure within {timeout} s")


def shot(target: Any, artifacts: Path, name: str) -> Path:
    """Screenshot a page (all of it) or one element into the artefacts folder."""
    path = artifacts / f"{re.sub(r'[^a-z0-9-]+', '-', name.lower())}.png"
    if hasattr(target, "goto"):  # a Page: the whole scrollable page, as in Voilà
        target.screenshot(path=str(path), full_page=True)
    else:
        target.screenshot(path=str(path))
    return path


def expected_scenario_means(scenario_id: str, levers: dict, language: str) -> list[list[str]]:
    """Outcome label and mean as the scenario player shows them, computed by the kit's core."""
    import leadkit as lk
    from leadkit.plots.simulate import format_value
    from leadkit.simulate.scenarios import load_scenario, run_scenario, summarise_outcomes

    lk.set_language(language)
    try:
        sc = load_scenario(scenario_id)
        runs = run_scenario(sc, levers, replications=sc["replications"]["play"], seed=0)
        return [[r.label, format_value(r.mean, r.unit)]
                for r in summarise_outcomes(sc, runs).itertuples()]
    finally:
        lk.set_language("en")


#: The kit's questions: radio groups named by their question (``leadkit.widgets._web.Choice``).
CHOICES = ".lk-choice"


def pick(scope: Any, label: str) -> None:
    """Choose the answer labelled ``label`` in a kit question (or the language switch)."""
    scope.locator(f"{CHOICES} label").filter(has_text=re.compile(rf"^\W*{re.escape(label)}$")
                                               ).first.click()
