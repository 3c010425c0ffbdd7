"""Widgets for the cases of the framework notebooks: thin faces over :mod:`leadkit.learning.cases`.

- :func:`dilemma` — a leadership dilemma, step by step, with feedback naming the elements;
- :func:`context_profile` — answer the context questions of a framework, see what they imply;
- :func:`t_shape_map` — rate your knowledge areas and see your shape;
- :func:`spot_compliance` — mark the lines of a report that may be pretend compliance;
- :func:`choose_framework` — pick the framework that fits an organisation.

Each returns an ``ipywidgets.VBox`` with handles to its controls, so tests can set values and
click buttons without a browser.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as w
import pandas as pd

from leadkit.content.frameworks import list_frameworks, load_framework
from leadkit.i18n import N_, format_number, on_language_change, tr
from leadkit.learning import cases, exercises, framework_choice
from leadkit.widgets._common import wrap_options
from leadkit.widgets._web import Choice, LiveText

__all__ = ["dilemma", "context_profile", "t_shape_map", "spot_compliance", "choose_framework"]

_MARK = {"strong": "✔", "mixed": "≈", "weak": "✘", "": "…"}
_T = {
    "choose": N_("Choose"),
    "choose_tip": N_("See feedback on your choice"),
    "check": N_("Check"),
    "show": N_("Show my shape"),
    "pick": N_("— choose —"),
    "case": N_("Case"),
    "none_yet": N_("Answer one or more questions to see what they imply."),
    "found": N_("signal, spotted"),
    "missed": N_("signal, missed"),
    "false": N_("not a signal, but marked"),
    "fine": N_("not a signal, left alone"),
    "related": N_("Related elements"),
    "fit": N_("Fit with the needed themes"),
}


def _p(text: str, tag: str = "p") -> str:
    return f"<{tag}>{html.escape(text)}</{tag}>"


def _header(case: dict) -> w.HTML:
    return w.HTML(_p(tr(case["title"]), "h4") + _p(tr(case["story"])))


def _answer_on_click(button: w.Button, on_click: Callable[[w.Button], None],
                     relabel: Callable[[str], None], answered: Callable[[], bool]) -> None:
    # A click answers; a language switch relabels the exercise and, once an answer shows,
    # gives it again in the new language, so no feedback is left in the old one.
    def follow(language: str) -> None:
        relabel(language)
        if answered():
            on_click(button)

    button.on_click(on_click)
    on_language_change(follow)


def dilemma(case_id: str) -> w.VBox:
    """A dilemma case: every step has its options, a Choose button and instant feedback.

    Returns a VBox with ``steps`` (one VBox per step with ``choices``, ``button``,
    ``feedback``) and ``summary`` (how many strong, mixed and weak choices so far).

    Parameters
    ----------
    case_id : str
        The id of a dilemma case (see :func:`leadkit.learning.cases.list_cases`).

    Returns
    -------
    ipywidgets.VBox
        The case with its steps and the running summary.

    Raises
    ------
    UnknownIdError
        The case does not exist.

    Examples
    --------
    >>> len(dilemma("agile-cmo-dilemma").steps)
    3
    """
    case = cases.load_case(case_id)
    summary = w.HTML()
    verdicts: dict[str, str] = {}

    def update_summary() -> None:
        counts = {q: list(verdicts.values()).count(q) for q in ("strong", "mixed", "weak")}
        summary.value = _p(tr("Your choices so far: {value} strong, {value2} partly right, "
                              "{value3} risky (of {n} steps).").format(
                               value=counts['strong'], value2=counts['mixed'],
                               value3=counts['weak'], n=len(case['steps'])))

    def step_box(number: int, step: dict) -> w.VBox:
        choices = w.RadioButtons(options=[(tr(o["label"]), o["id"]) for o in step["options"]],
                                 value=None, layout=w.Layout(width="auto"))
        button = w.Button(description=tr(_T["choose"]), tooltip=tr(_T["choose_tip"]))
        feedback = w.HTML()

        def on_click(_b: w.Button) -> None:
            result = cases.judge_choice(case, step["id"], choices.value)
            if result.quality:
                verdicts[step["id"]] = result.quality
                update_summary()
            # A mark and a word, not colour alone, says how good the choice was.
            feedback.value = f"<p><b>{_MARK[result.quality]}</b> {html.escape(result.message)}</p>"

        title = w.HTML()

        def relabel(_language: str | None = None) -> None:
            chosen = choices.value
            choices.options = [(tr(o["label"]), o["id"]) for o in step["options"]]
            choices.value = chosen
            intro = _p(tr(step["situation"])) if "situation" in step else ""
            title.value = intro + f"<p><b>{number}. {html.escape(tr(step['question']))}</b></p>"
            button.description, button.tooltip = tr(_T["choose"]), tr(_T["choose_tip"])

        relabel()
        _answer_on_click(button, on_click, relabel, lambda: bool(feedback.value))
        box = w.VBox([title, choices, button, feedback])
        box.choices, box.button, box.feedback = choices, button, feedback
        return box

    steps = [step_box(i, s) for i, s in enumerate(case["steps"], 1)]
    header = _header(case)
    box = w.VBox([header, *steps, summary] if len(steps) > 1 else [header, *steps])
    box.steps, box.summary = steps, summary

    def relabel(_language: str) -> None:
        header.value = _header(case).value
        if verdicts:
            update_summary()

    on_language_change(relabel)
    return wrap_options(box)


def context_profile(case_id: str = "silo-context") -> w.VBox:
    """Ask the framework's context questions in dropdowns; the implications follow each change.

    Returns a VBox with ``dropdowns`` (question id → Dropdown), ``result`` (HTML) and, after
    each change, ``table`` (the DataFrame of
    :func:`leadkit.learning.exercises.context_implications`).

    Parameters
    ----------
    case_id : str, default "silo-context"
        The id of a context case.

    Returns
    -------
    ipywidgets.VBox
        The dropdowns and the implications shown under them.

    Examples
    --------
    >>> sorted(context_profile().dropdowns)
    ['digital-business-shift', 'market-focus', 'marketing-goals', 'player-type']
    """
    case = cases.load_case(case_id)
    fw = load_framework(case["framework"])
    dropdowns = {
        q["id"]: w.Dropdown(options=[(tr(_T["pick"]), None)]
                            + [(tr(o["label"]), o["id"]) for o in q["options"]],
                            value=None, description=tr(q["question"]),
                            style={"description_width": "initial"},
                            layout=w.Layout(width="auto"))
        for q in fw.context_profile
    }
    result = w.HTML(_p(tr(_T["none_yet"])))
    box = w.VBox([_header(case), *dropdowns.values(), result])
    box.dropdowns, box.result, box.table = dropdowns, result, None
    wrap_options(box)

    def update(_change=None) -> None:
        table = exercises.context_implications({q: d.value for q, d in dropdowns.items()}, case)
        box.table = table
        if table.empty:
            result.value = _p(tr(_T["none_yet"]))
            return
        items = []
        for r in table.itertuples():
            extra = (f"<br><small>{html.escape(tr(_T['related']))}: "
                     f"{html.escape(r.elements)}</small>") if r.elements else ""
            items.append(f"<li><b>{html.escape(r.aspect)}</b> — <i>{html.escape(r.choice)}</i>"
                         f"<br>{html.escape(r.implication)}{extra}</li>")
        result.value = f"<ul>{''.join(items)}</ul>"

    def relabel(_language: str) -> None:
        box.children[0].value = _header(case).value
        for q in fw.context_profile:
            d = dropdowns[q["id"]]
            value = d.value
            d.options = ([(tr(_T["pick"]), None)]
                         + [(tr(o["label"]), o["id"]) for o in q["options"]])
            d.value, d.description = value, tr(q["question"])
        update()

    for d in dropdowns.values():
        d.observe(update, names="value")
    on_language_change(relabel)
    return box


def t_shape_map(case_id: str = "silo-t-shape") -> w.VBox:
    """Rate each knowledge area; the button shows your shape, its meaning and a chart.

    Returns a VBox with ``sliders`` (area id → a radio group of the levels), ``button``,
    ``result`` (a live status line), ``output`` (where the chart appears) and, after a click,
    ``shape`` (a TShape) and ``chart`` (a :class:`leadkit.plots.live.TShapeChart`, changed
    in place by later clicks).

    Parameters
    ----------
    case_id : str, default "silo-t-shape"
        The id of the T-shape case.

    Returns
    -------
    ipywidgets.VBox
        The level buttons per area, the button, and where the result and chart appear.

    Examples
    --------
    >>> len(t_shape_map().sliders)
    8
    """
    from leadkit.plots.live_cases import TShapeChart

    case = cases.load_case(case_id)
    levels = [(tr(lbl), i) for i, lbl in enumerate(case["levels"], 1)]
    # One radio group per area, named by the area: the chosen level is announced and kept.
    sliders = {a["id"]: Choice(options=levels, description=tr(a["label"]))
               for a in case["areas"]}
    button = w.Button(description=tr(_T["show"]), button_style="primary")
    result, output = LiveText(), w.VBox()
    header = _header(case)
    box = w.VBox([header, *sliders.values(), button, result, output])
    box.sliders, box.button, box.result, box.output = sliders, button, result, output
    box.shape = box.chart = None
    wrap_options(box)

    def on_click(_b: w.Button) -> None:
        ratings = {a: s.value for a, s in sliders.items()}
        if all(v is None for v in ratings.values()):
            result.value = _p(tr("Rate at least one area first."))
            return
        shape = exercises.classify_t_shape(ratings, case)
        box.shape = shape
        names = cases.element_names(case["framework"], shape.elements)
        result.value = (f"<p><b>{html.escape(shape.label)}</b></p>{_p(shape.meaning)}"
                        f"<p><small>{html.escape(tr(_T['related']))}: "
                        f"{html.escape(names)}</small></p>")
        if box.chart is None:  # made once, while shown; later clicks move its bars in place
            box.chart = TShapeChart(case)
            output.children = (box.chart.widget,)
        box.chart.update(ratings, shape.deep, shape.label)

    def relabel(_language: str) -> None:
        header.value = _header(case).value
        fresh = [(tr(lbl), i) for i, lbl in enumerate(case["levels"], 1)]
        for a in case["areas"]:
            s = sliders[a["id"]]
            s.options, s.description = fresh, tr(a["label"])
        button.description = tr(_T["show"])

    _answer_on_click(button, on_click, relabel, lambda: box.shape is not None)
    return box


def spot_compliance(case_id: str) -> w.VBox:
    """A report whose lines the learner marks as possible pretend compliance, then checks.

    Returns a VBox with ``checks`` (line id → Checkbox), ``button``, ``feedback`` (HTML) and,
    after a click, ``result`` (a :class:`~leadkit.learning.exercises.ComplianceResult`).

    Parameters
    ----------
    case_id : str
        The id of a compliance case (such as ``"leading-professionals-crm-report"``).

    Returns
    -------
    ipywidgets.VBox
        The report's lines as checkboxes, the button and the feedback.

    Examples
    --------
    >>> len(spot_compliance("leading-professionals-crm-report").checks)
    10
    """
    case = cases.load_case(case_id)
    report = case["report"]
    checks = {ln["id"]: w.Checkbox(value=False, description=tr(ln["text"]), indent=False,
                                   layout=w.Layout(width="auto"))
              for ln in report["lines"]}
    button = w.Button(description=tr(_T["check"]), button_style="primary")
    feedback = w.HTML()
    header, title = _header(case), w.HTML(_p(tr(report["title"]), "b"))
    box = w.VBox([header, title, *checks.values(), button, feedback])
    box.checks, box.button, box.feedback, box.result = checks, button, feedback, None
    wrap_options(box)

    def on_click(_b: w.Button) -> None:
        result = exercises.score_compliance(case, [i for i, c in checks.items() if c.value])
        box.result = result
        words = {"hit": ("✔", _T["found"]), "miss": ("✘", _T["missed"]),
                 "false-alarm": ("✘", _T["false"]), "correct-rejection": ("✔", _T["fine"])}
        texts = {ln["id"]: tr(ln["text"]) for ln in report["lines"]}
        items = []
        for r in result.lines.itertuples():
            mark, word = words[r.outcome]
            items.append(f"<li><b>{mark} {html.escape(tr(word))}</b>: "
                         f"<i>{html.escape(texts[r.line])}</i><br>{html.escape(r.explanation)}"
                         f"<br><small>{html.escape(tr(_T['related']))}: "
                         f"{html.escape(r.elements)}</small></li>")
        feedback.value = _p(result.message) + f"<ul>{''.join(items)}</ul>"

    def relabel(_language: str) -> None:
        header.value, title.value = _header(case).value, _p(tr(report["title"]), "b")
        for ln in report["lines"]:
            checks[ln["id"]].description = tr(ln["text"])
        button.description = tr(_T["check"])

    _answer_on_click(button, on_click, relabel, lambda: box.result is not None)
    return box


def choose_framework(case_ids: list[str] | str | None = None) -> w.VBox:
    """Read a short organisation case and choose the framework that fits it best.

    Returns a VBox with ``case_picker`` (Dropdown, hidden for a single case), ``choices``,
    ``button``, ``feedback`` and, after a click, ``fit`` (the framework-fit table).

    Parameters
    ----------
    case_ids : list of str or str, optional
        The framework-fit cases to offer. Default ``None`` offers every case of kind
        ``framework-fit``.

    Returns
    -------
    ipywidgets.VBox
        The case, the frameworks to choose from, the button and the feedback.

    Examples
    --------
    >>> choose_framework("fit-meal-box").choices.options[0][1]
    'agile-cmo'
    """
    if case_ids is None:
        case_ids = cases.list_cases(kind="framework-fit")
    ids = [case_ids] if isinstance(case_ids, str) else list(case_ids)
    docs = {i: cases.load_case(i) for i in ids}
    picker = w.Dropdown(options=[(tr(d["title"]), i) for i, d in docs.items()], value=ids[0],
                        description=tr(_T["case"]), layout=w.Layout(width="auto",
                        display="flex" if len(ids) > 1 else "none"))
    story = w.HTML()
    choices = w.RadioButtons(options=[(tr(load_framework(f).title), f) for f in list_frameworks()],
                             value=None, layout=w.Layout(width="auto"))
    button = w.Button(description=tr(_T["check"]), button_style="primary")
    feedback = w.HTML()
    box = w.VBox([picker, story, choices, button, feedback])
    box.case_picker, box.choices, box.button, box.feedback, box.fit = (picker, choices, button,
                                                                      feedback, None)
    wrap_options(box)

    def show_case(_change=None) -> None:
        case = docs[picker.value]
        story.value = _header(case).value + _p(tr("Which framework helps this organisation "
                                                  "most?"), "b")
        choices.value, feedback.value = None, ""

    def on_click(_b: w.Button) -> None:
        case = docs[picker.value]
        judgement = framework_choice.judge_framework_choice(case, choices.value)
        if not judgement.quality:
            feedback.value = _p(judgement.message)
            return
        fit = framework_choice.framework_fit(case)
        box.fit = fit
        table = pd.DataFrame({tr("framework"): fit["title"],
                              tr(_T["fit"]): [format_number(v) for v in fit["fit"]]})
        feedback.value = (f"<p><b>{_MARK[judgement.quality]}</b> "
                          f"{html.escape(judgement.message)}</p>"
                          + table.to_html(index=False, border=0))

    def relabel(_language: str) -> None:
        current, chosen = picker.value, choices.value
        picker.options = [(tr(d["title"]), i) for i, d in docs.items()]
        picker.value, picker.description = current, tr(_T["case"])
        choices.options = [(tr(load_framework(f).title), f) for f in list_frameworks()]
        button.description = tr(_T["check"])
        shown = bool(feedback.value)
        show_case()
        choices.value = chosen
        if shown:
            on_click(button)

    picker.observe(show_case, names="value")
    button.on_click(on_click)
    on_language_change(relabel)
    show_case()
    return box
