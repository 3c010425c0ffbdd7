"""Play a team scenario: levers → many simulated teams → outcome with its spread → debrief.

The widget is a thin face over :mod:`leadkit.simulate.scenarios` (the runs) and
:mod:`leadkit.plots.simulate` (the chart). It is tested in Python without a browser: set the
levers' ``value``, call ``run_button.click()`` and read ``result``, ``chart`` and ``debrief``.
"""

from __future__ import annotations

import html
import re

import ipywidgets as w

from leadkit.content.frameworks import load_framework
from leadkit.i18n import N_, format_number, on_language_change, tr
from leadkit.plots.live_scenario import OutcomeChart
from leadkit.plots.simulate import COLOURS, format_value
from leadkit.simulate._approval import Overloaded
from leadkit.simulate.scenarios import load_scenario, run_scenario, summarise_outcomes
from leadkit.widgets._common import wrap_options
from leadkit.widgets._web import LiveText, Range
from leadkit.widgets.quiz import self_check

__all__ = ["play", "scenario_check", "debrief_html", "result_html"]

_T = {
    "run": N_("Run {n} simulated teams"),
    "running": N_("Running…"),
    "done": N_("Done: {n} simulated teams. The outcome is below."),
    "outcome": N_("Outcome"),
    "mean": N_("Mean"),
    "ci": N_("95% confidence interval"),
    "sd": N_("Spread (SD) between teams"),
    "debrief": N_("Debrief"),
    "model": N_("Model"),
    "seed": N_("Story"),
    "check": N_("Check"),
    "for_researchers": N_("For researchers"),
    "overloaded": N_("The approvers cannot keep up: the first layer receives {load} requests a "
                     "day but can decide only {capacity}. The queue would grow without end, so "
                     "there is no lead time to report. Widen the mandate, remove a layer or "
                     "lower the send-back chance."),
}


def result_html(scenario: dict, runs) -> str:
    """The outcome table: mean, 95% CI and spread per outcome, in the current language.

    Parameters
    ----------
    scenario : dict
        The scenario that was run.
    runs : pandas.DataFrame
        The rows of :func:`leadkit.simulate.scenarios.run_scenario`.

    Returns
    -------
    str
        An HTML table with one row per outcome.

    Examples
    --------
    >>> sc = load_scenario("key-account-price")
    >>> result_html(sc, run_scenario(sc, replications=10)).count("<tr>")
    3
    """
    summary = summarise_outcomes(scenario, runs)
    head = "".join(f"<th style='text-align:left;padding:2px 8px'>{html.escape(tr(_T[k]))}</th>"
                   for k in ("outcome", "mean", "ci", "sd"))
    body = []
    for row in summary.itertuples():
        ci = f"{format_value(row.ci_low, row.unit)} – {format_value(row.ci_high, row.unit)}"
        cells = [html.escape(row.label), f"<b>{format_value(row.mean, row.unit)}</b>", ci,
                 format_value(row.sd, row.unit)]
        body.append("<tr>" + "".join(f"<td style='padding:2px 8px'>{c}</td>" for c in cells)
                    + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def debrief_html(scenario: dict) -> str:
    """The debrief with its links to framework elements and the sources.

    Parameters
    ----------
    scenario : dict
        A scenario of :func:`leadkit.simulate.scenarios.load_scenario`.

    Returns
    -------
    str
        HTML: the debrief's summary, its links to framework elements and the sources.

    Examples
    --------
    >>> debrief_html(load_scenario("key-account-price")).startswith("<h4>Debrief</h4>")
    True
    """
    links = []
    for link in scenario["debrief"]["links"]:
        fw = load_framework(link["framework"])
        element = next(e for e in fw.elements if e.id == link["element"])
        links.append(f"<li><b>{html.escape(tr(fw.title))} — {html.escape(tr(element.name))}"
                     f"</b>: {html.escape(tr(link['why']))}</li>")
    sources = (f"<p><small>{html.escape(tr(_T['model']))}: "
               f"{cited(tr(scenario['sources']['model']))}<br>{html.escape(tr(_T['seed']))}: "
               f"{cited(tr(scenario['sources']['seed']))}</small></p>")
    return (f"<h4>{html.escape(tr(_T['debrief']))}</h4>"
            f"<p>{html.escape(tr(scenario['debrief']['summary']))}</p><ul>{''.join(links)}</ul>"
            + sources)


def cited(text: str) -> str:
    """Escape a source line and mark the titles written between asterisks as ``<cite>``.

    >>> cited("March (1991). *Exploration & exploitation*. Org. Sci.")
    'March (1991). <cite>Exploration &amp; exploitation</cite>. Org. Sci.'
    """
    return re.sub(r"\*([^*]+)\*", r"<cite>\1</cite>", html.escape(text))


def locale_tag() -> str:
    """The current language as the browser names it, for its number format (``nl``: 0,15).

    >>> locale_tag()
    'en'
    """
    from leadkit.i18n import get_language

    return get_language().replace("_", "-")


def readout(value: float, decimals: int) -> str:
    """A lever's value as the read-out shows it: a decimal comma in Dutch.

    >>> from leadkit.i18n import set_language
    >>> set_language("nl"); readout(0.15, 2); set_language("en")
    '0,15'
    """
    return format_number(value, decimals)


def _decimals(spec: dict) -> int:
    return max(0, len(f"{spec['step']}".rstrip("0").split(".")[-1])) \
        if not float(spec["step"]).is_integer() else 0


def _lever(spec: dict) -> w.Widget:
    style = {"description_width": "initial"}
    layout = w.Layout(width="40em")
    if "options" in spec:
        return w.Dropdown(options=[(tr(o["label"]), o["value"]) for o in spec["options"]],
                          value=spec["default"], style=style, layout=layout)
    numbers = (spec["min"], spec["max"], spec["step"], spec["default"])
    whole = all(float(v).is_integer() for v in numbers) and spec["step"] >= 1
    # A native slider named by its label; its value is written with the language's decimal
    # sign in the page itself, at once, before the kernel hears of it.
    return Range(min=float(spec["min"]), max=float(spec["max"]), step=float(spec["step"]),
                 value=float(spec["default"]), decimals=_decimals(spec), integer=whole,
                 locale=locale_tag())


def _run_key(values: dict) -> tuple:
    return tuple(sorted((k, float(v) if isinstance(v, int | float) else v)
                        for k, v in values.items()))


def play(scenario_id: str, *, seed: int = 0, run: bool = True,
         notebook: str | None = "07-team-scenarios", journal=None) -> w.VBox:
    """The scenario player: story, levers, a Run button, outcome, chart, debrief, reflection.

    A Run click answers at once: the button says it is running and a progress bar appears;
    the outcome follows when the simulated teams are done, and the chart's marks move in place
    (:class:`leadkit.plots.live.OutcomeChart`). Levers already run are answered from memory.

    Parameters
    ----------
    scenario_id : str
        A scenario in ``datasets/scenarios/`` (see
        :func:`leadkit.simulate.scenarios.list_scenarios`).
    seed : int
        Root seed: the same levers and seed always give the same teams.
    run : bool
        Run once with the default levers right away, so there is an outcome to look at.
    notebook : str, optional
        Stored with reflections in the journal.
    journal : leadkit.store.journal.Journal, optional
        Where reflections go (default: the learner's journal).

    Returns
    -------
    ipywidgets.VBox
        With handles ``levers`` (dict by lever id), ``run_button``, ``progress``, ``status``,
        ``result``, ``charts`` (one live chart per outcome), ``debrief``, ``reflection`` and
        ``runs`` (the last DataFrame, or None).
    """
    from leadkit.widgets._reflection import reflection

    sc = load_scenario(scenario_id)
    title, story = w.HTML(), w.HTML()
    levers = {spec["id"]: _lever(spec) for spec in sc["levers"]}
    helps = {spec["id"]: w.HTML() for spec in sc["levers"]}
    reps = sc["replications"]["play"]
    button = w.Button(button_style="primary", icon="play", layout=w.Layout(width="auto"))
    progress = w.FloatProgress(min=0.0, max=1.0, value=0.0,
                               layout=w.Layout(visibility="hidden", width="32em"))
    progress.description = ""
    status, result, debrief = LiveText(), w.HTML(), w.HTML()
    charts = [OutcomeChart(o, COLOURS[i % len(COLOURS)]) for i, o in enumerate(sc["outcomes"])]
    figures = w.VBox([c.widget for c in charts], layout=w.Layout(display="none"))
    box = w.VBox()
    memory: dict[tuple, object] = {}

    def relabel(_language: str | None = None) -> None:
        title.value = f"<h3>{html.escape(tr(sc['title']))}</h3>"
        story.value = f"<p>{html.escape(tr(sc['story']))}</p>"
        for spec in sc["levers"]:
            lever = levers[spec["id"]]
            lever.description = tr(spec["label"])
            # Plain words for the learner; the model parameter for researchers in a tooltip.
            note = tr(spec["model_note"]) if "model_note" in spec else ""
            if isinstance(lever, Range):
                lever.tooltip_text, lever.locale = note, locale_tag()
            else:
                lever.tooltip = note or None
            tip = f" title='{html.escape(note, quote=True)}'" if note else ""
            more = (f" <abbr{tip} style='cursor:help; text-decoration: underline dotted'>"
                    f"{html.escape(tr(_T['for_researchers']))}</abbr>") if note else ""
            helps[spec["id"]].value = f"<small>{html.escape(tr(spec['help']))}{more}</small>"
            if "options" in spec:
                value = lever.value
                lever.options = [(tr(o["label"]), o["value"]) for o in spec["options"]]
                lever.value = value
        button.description = tr(_T["run"]).format(n=reps)
        progress.description = ""
        if box.runs is not None:
            show(box.runs)

    def show(runs) -> None:
        result.value = result_html(sc, runs)
        summary = summarise_outcomes(sc, runs)
        for chart, row in zip(charts, summary.itertuples(), strict=False):
            chart.update(runs, row)
        figures.layout.display = None
        debrief.value = debrief_html(sc)

    def on_run(_button=None) -> None:
        if box.running:  # a second click while running: the first run's answer follows
            return
        values = {lever_id: (lever.number if isinstance(lever, Range) else lever.value)
                  for lever_id, lever in levers.items()}
        key = _run_key(values)
        box.running = True
        # Answer at once: the status and the bar show before the teams are simulated. The
        # button stays enabled (a disabled button would drop the keyboard focus).
        status.value = f"<p>{html.escape(tr(_T['running']))}</p>"
        progress.value, progress.layout.visibility = 0.0, "visible"

        def tick(done: float) -> None:
            progress.value = done

        try:
            runs = memory.get(key)
            if runs is None:
                runs = run_scenario(sc, values, replications=reps, seed=seed, progress=tick)
                memory[key] = runs
        except Overloaded as exc:
            load, capacity = (format_value(v, "rate") for v in (exc.load, exc.capacity))
            status.value = "<p>⚠ " + html.escape(tr(_T["overloaded"]).format(
                load=load, capacity=capacity)) + "</p>"
            # No figure to show: hide the charts rather than leave an old, wrong picture.
            result.value, figures.layout.display = "", "none"
            return
        finally:
            box.running = False
            # The bar never stays full after a run: it goes away with the answer.
            progress.layout.visibility, progress.value = "hidden", 0.0
        status.value = f"<p>{html.escape(tr(_T['done']).format(n=reps))}</p>"
        box.runs = runs
        show(runs)

    button.on_click(on_run)
    rows = [w.VBox([levers[i], helps[i]]) for i in levers]
    note = reflection(sc["reflection"]["id"], sc["reflection"]["prompt"], journal=journal,
                      notebook=notebook)
    box.children = [title, story, *rows, button, progress, status, result, figures, debrief,
                    note]
    box.levers, box.run_button, box.progress, box.status = levers, button, progress, status
    box.result, box.charts, box.debrief, box.runs = result, charts, debrief, None
    box.running, box.reflection, box.memory = False, note, memory
    relabel()
    on_language_change(relabel)
    wrap_options(box)
    if run:
        on_run()
    return box


def scenario_check(scenario_id: str) -> w.VBox:
    """The scenario's own self-check questions (its ``check`` section).

    Parameters
    ----------
    scenario_id : str
        The scenario id.

    Returns
    -------
    ipywidgets.VBox
        The self-check of :func:`leadkit.widgets.quiz.self_check`.

    Examples
    --------
    >>> len(scenario_check("key-account-price").questions)
    1
    """
    return self_check(load_scenario(scenario_id)["check"], set_id=f"scenario:{scenario_id}")
