"""The self-assessment widget: answer a framework's items, see the profile, compare, save.

The widget is a thin face: :func:`answers_to_responses` (plain Python, no widgets) turns the
answers into a one-row response table, :func:`leadkit.survey.scoring.score` scores it, and
:mod:`leadkit.plots` draws it. Every control is a standard ipywidgets control with a
description, so the form works from the keyboard and with a screen reader; scores are also
written out as text, never shown by colour alone.

Examples
--------
>>> import leadkit as lk
>>> fw = lk.load_framework("agile-cmo")
>>> row = answers_to_responses({fw.item_ids[0]: 4}, fw)
>>> row[["respondent", "rater", fw.item_ids[0]]].to_dict("records")
[{'respondent': 'you', 'rater': 'self', 'acmo01': 4.0}]
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

import ipywidgets as w
import numpy as np
import pandas as pd

from leadkit.content.frameworks import Framework, list_frameworks, load_framework
from leadkit.errors import InputError
from leadkit.i18n import N_, on_language_change, tr
from leadkit.plots.base import TEXTS as plots_texts
from leadkit.plots.live import ClassChart, ProfileChart
from leadkit.render.tables import cell_text
from leadkit.widgets._common import wrap_options
from leadkit.widgets._web import Choice, LiveText

__all__ = ["answers_to_responses", "self_assessment"]

_T = {
    "you": N_("You"),
    "intro": N_("Choose for each statement how well it describes you. You can leave a statement "
                "open; an element gets a score when at least half of its statements are "
                "answered."),
    "intro_observer": N_("Choose for each statement how well it describes the person you rate."),
    "score": N_("Calculate score"),
    "score_tip": N_("Score my answers"),
    "save": N_("Save to my journal"),
    "save_tip": N_("Keep these scores in your journal (earlier ones are kept too)"),
    "answered": N_("{n} of {total} statements answered"),
    "none": N_("Answer at least one statement first."),
    "missing": N_("No score yet (too few statements answered): {names}."),
    "element": N_("Element"),
    "score_col": N_("Score"),
    "answered_col": N_("Answered"),
    "no_class": N_("There is no sample class for this framework to compare with."),
    "class_note": N_("The class is invented (synthetic) data: a mirror, not a norm."),
    "saved": N_("Saved in your journal. Scores you saved before are kept as well."),
    "save_first": N_("Score your answers first."),
    "save_failed": N_("Not saved: {error}"),
    "you_col": N_("You"),
    "middle_col": N_("Middle half of the class"),
    "median_col": N_("Class median"),
    "scored": N_("Your profile is ready below: {n} elements scored."),
}


def answers_to_responses(answers: Mapping[str, int | float | None],
                         framework: Framework | str, *, respondent: str = "you",
                         form: str = "self", target: str = "them") -> pd.DataFrame:
    """Turn one person's answers (item id → value or None) into a one-row response table.

    Parameters
    ----------
    answers : mapping
        Item id to answer on the framework's scale; ``None`` (or a missing id) means not
        answered.
    framework : Framework or str
        The instrument the answers belong to.
    respondent : str
        The id written in the ``respondent`` column.
    form : {"self", "observer"}
        ``"self"`` rates oneself (``target`` = respondent); ``"observer"`` rates ``target``.
    target : str, default "them"
        The person rated, for the observer form.

    Returns
    -------
    DataFrame
        Columns ``respondent``, ``rater``, ``target`` and one float column per item, in the
        framework's order (NaN = not answered), ready for :func:`leadkit.survey.scoring.score`.

    Raises
    ------
    InputError
        For an item id the framework does not have, or an answer off the scale.
    """
    if form not in ("self", "observer"):
        raise ValueError(f"form must be 'self' or 'observer', not {form!r}")
    fw = load_framework(framework)
    low, high = fw.scale
    unknown = sorted(set(answers) - set(fw.item_ids))
    if unknown:
        raise InputError("<answers>", tr("unknown item(s) {unknown}").format(unknown=unknown),
                         expected=tr("item ids of {id}").format(id=fw.id))
    row: dict[str, Any] = {
        "respondent": respondent,
        "rater": "self" if form == "self" else "other",
        "target": respondent if form == "self" else target,
    }
    for item_id in fw.item_ids:
        value = answers.get(item_id)
        if value is not None and not (float(value).is_integer() and low <= value <= high):
            raise InputError("<answers>", tr("the answer {value!r} is not on the scale").format(
                                              value=value), column=item_id,
                expected=tr("a whole number from {low} to {high}").format(low=low, high=high))
        row[item_id] = np.nan if value is None else float(value)
    return pd.DataFrame([row])


@lru_cache(maxsize=8)
def _class_scores(framework_id: str) -> pd.DataFrame | None:
    """The sample class's wave-1 self-assessment scores, or None when the kit has none."""
    from leadkit.content.catalog import list_datasets, load_dataset
    from leadkit.survey.scoring import score

    name = f"{framework_id}-class"
    if name not in set(list_datasets()["name"]):
        return None
    data = load_dataset(name)
    data = data[(data["rater"] == "self") & (data["wave"] == 1)]
    return score(data, framework_id)


def _score_table(fw: Framework, scores: pd.DataFrame) -> str:
    """The scores as an HTML table: the same numbers as the chart, readable without it."""
    head = (f"<tr><th>{html.escape(tr(_T['element']))}</th><th>{html.escape(tr(_T['score_col']))}"
            f"</th><th>{html.escape(tr(_T['answered_col']))}</th></tr>")
    body = "".join(
        f"<tr><td>{html.escape(fw.element(r.element).label)}</td>"
        f"<td>{cell_text(r.score)}</td>"
        f"<td>{r.n_answered} / {r.n_items}</td></tr>"
        for r in scores.itertuples())
    return f"<table class='lk-wrap-table'><thead>{head}</thead><tbody>{body}</tbody></table>"


def _item_row(number: int, item, fw: Framework, form: str) -> Choice:
    low, high = fw.scale
    labels = [tr(t) for t in fw.scale_labels]
    # A radio group named by its statement: a screen reader reads the question with each
    # answer and says which one is chosen; the page keeps its focus when an answer is picked.
    return Choice(options=list(zip(labels, range(low, high + 1), strict=True)),
                  description=f"{number}. {item.text(form)}",
                  tooltips=[f"{v} = {lab}" for v, lab in zip(range(low, high + 1), labels,
                                                              strict=True)])


def _class_table(chart: ClassChart) -> str:
    """The class comparison as a table: the same numbers as the chart, for every reader."""
    head = "".join(f"<th>{html.escape(tr(h))}</th>" for h in
                   (_T["element"], _T["you_col"], _T["middle_col"], _T["median_col"]))
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                   for row in chart.rows())
    return (f"<table class='lk-wrap-table'><caption>{html.escape(chart.figure.title)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def _header(fw: Framework, form: str) -> str:
    intro = tr(_T["intro"] if form == "self" else _T["intro_observer"])
    return (f"<h4>{html.escape(tr(fw.title))}</h4><p>{html.escape(intro)}</p>"
            f"<p><i>{html.escape(tr(fw.instrument_note))}</i></p>")


def self_assessment(framework_id: str, *, form: str = "self", journal=None,
                    on_scored: Callable[[pd.DataFrame], None] | None = None,
                    class_pool: str | None = None, learner: str | None = None) -> w.VBox:
    """The self-assessment of one framework as a widget: items, Score, profile, class, save.

    Parameters
    ----------
    framework_id : str
        A framework id (``"agile-cmo"``) or the path of a framework file.
    form : {"self", "observer"}
        Which wording of the items to show.
    journal : Journal, optional
        Where "Save to my journal" writes; by default the learner's own journal.
    on_scored : callable, optional
        Called with the tidy score table after every successful Score click.
    class_pool : str or Path, optional
        A class pool (:class:`leadkit.ClassPool`): adds the "Share with my class" switch
        (:func:`leadkit.widgets.class_share`), off by default.
    learner : str, optional
        The learner id for the class pool (default: the hub user name, else the learner
        fills it in).

    Returns
    -------
    ipywidgets.VBox
        With attributes ``toggles`` (item id → :class:`~leadkit.widgets._web.Choice`),
        ``score_button``, ``save_button``, ``status``, ``output``, and after scoring
        ``scores``, ``charts`` (the live profile and class charts of
        :mod:`leadkit.plots.live`, changed in place by every Score), ``result`` (the score
        table) and ``class_table`` (the class comparison as a table).
    """
    from leadkit.survey.scoring import score

    fw = load_framework(framework_id)
    if form not in ("self", "observer"):
        raise ValueError(f"form must be 'self' or 'observer', not {form!r}")
    toggles = {it.id: _item_row(i, it, fw, form) for i, it in enumerate(fw.items, 1)}
    progress = LiveText()
    score_button = w.Button(description=tr(_T["score"]), tooltip=tr(_T["score_tip"]),
                            button_style="primary", icon="check")
    save_button = w.Button(description=tr(_T["save"]), tooltip=tr(_T["save_tip"]),
                           icon="save", disabled=True, layout=w.Layout(width="auto"))
    status = LiveText()
    buttons_row = w.HBox([score_button, save_button])
    # Where the profile appears: made on the first Score, then only changed, never redrawn.
    # (Not hidden before: a chart drawn in a hidden box would have no size to draw in.)
    output = w.VBox()
    output.add_class("lk-result")
    box = w.VBox([
        w.HTML(_header(fw, form)),
        *toggles.values(), progress, buttons_row, status, output,
    ])
    wrap_options(box)
    box.toggles, box.score_button, box.save_button = toggles, score_button, save_button
    box.status, box.output, box.scores, box.charts = status, output, None, []
    box.buttons = buttons_row
    box.result = w.HTML()
    box.class_table, box.class_note = w.HTML(), w.HTML()
    # Only the kit's own frameworks have a sample class; a file of your own has none.
    sample = _class_scores(fw.id) if fw.id in list_frameworks() else None

    def chart_title() -> str:
        return f"{tr(_T['you'])}: {tr(fw.title)}"

    def class_title() -> str:
        n = 0 if sample is None else sample["respondent"].nunique()
        return tr(plots_texts["compared"]).format(who=tr(_T["you"])) + f" (n = {n})"

    def show_progress(_change: Any = None) -> None:
        n = sum(t.value is not None for t in toggles.values())
        progress.value = f"<p>{html.escape(tr(_T['answered']).format(n=n, total=len(toggles)))}</p>"

    for t in toggles.values():
        t.observe(show_progress, names="value")
    show_progress()

    def first_charts() -> None:
        charts: list = [ProfileChart(fw, chart_title())]
        parts: list[w.Widget] = [box.result, charts[0].widget]
        if sample is not None:
            charts.append(ClassChart(fw, sample, class_title()))
            parts += [charts[1].widget, box.class_table]
        box.charts = charts
        output.children = (*parts, box.class_note)

    def on_score(_button: w.Button) -> None:
        answers = {item_id: t.value for item_id, t in toggles.items()}
        if all(v is None for v in answers.values()):
            status.value = f"<p>{html.escape(tr(_T['none']))}</p>"
            return
        scores = score(answers_to_responses(answers, fw, form=form), fw)
        box.scores = scores
        missing = [fw.element(e).label for e in scores.loc[scores["score"].isna(), "element"]]
        scored = int(scores["score"].notna().sum())
        status.value = ("<p>" + html.escape(tr(_T["scored"]).format(n=scored)) + "</p>"
                        + (f"<p>{html.escape(tr(_T['missing']).format(names=', '.join(missing)))}"
                           "</p>" if missing else ""))
        if not box.charts:
            first_charts()
        # The numbers move in place: the table's text, the bars and the diamonds.
        box.result.value = _score_table(fw, scores)
        for chart in box.charts:
            chart.update(scores)
        if len(box.charts) > 1:
            box.class_table.value = _class_table(box.charts[1])
        note = _T["class_note"] if sample is not None else _T["no_class"]
        box.class_note.value = f"<p><i>{html.escape(tr(note))}</i></p>"
        save_button.disabled = False
        if on_scored is not None:
            on_scored(scores)

    def on_save(_button: w.Button) -> None:
        if box.scores is None:
            status.value = f"<p>{html.escape(tr(_T['save_first']))}</p>"
            return
        nonlocal journal
        try:
            if journal is None:
                from leadkit.store.journal import Journal

                journal = Journal()
            set_id = journal.save_scores(fw.id, box.scores[["element", "score", "n_answered"]],
                                         instrument_form=form)
        except Exception as err:  # a full disk or locked file: say so, keep the answers
            status.value = f"<p>✘ {html.escape(tr(_T['save_failed']).format(error=err))}</p>"
            return
        box.saved_set = set_id
        status.value = f"<p>✔ {html.escape(tr(_T['saved']).format(n=set_id))}</p>"

    def relabel(_language: str) -> None:
        # Switching the language re-words every control; answers given so far stay.
        for i, (item, t) in enumerate(zip(fw.items, toggles.values(), strict=True), 1):
            fresh = _item_row(i, item, fw, form)
            # Same values in the same order: the answer stays chosen, only the words change.
            t.options, t.description, t.tooltips = fresh.options, fresh.description, fresh.tooltips
            fresh.close()
        score_button.description, score_button.tooltip = tr(_T["score"]), tr(_T["score_tip"])
        save_button.description, save_button.tooltip = tr(_T["save"]), tr(_T["save_tip"])
        box.children[0].value = _header(fw, form)
        show_progress()
        if box.scores is not None:  # the charts and tables in the new language
            box.charts[0].relabel(chart_title())
            if len(box.charts) > 1:
                box.charts[1].relabel(class_title())
            on_score(score_button)

    score_button.on_click(on_score)
    save_button.on_click(on_save)
    on_language_change(relabel)
    if class_pool is not None:  # the live class: shares only when the learner switches it on
        from leadkit.widgets.live_class import class_share

        share = box.class_share = class_share(class_pool, fw.id, learner=learner)
        # Learner id (and code) and the switch come before the Score button, in the order a
        # learner fills them in; what was shared and the class picture come after the profile.
        children = list(box.children)
        buttons = children.index(buttons_row)
        children[buttons:buttons] = [share.form]
        children.insert(children.index(output) + 1, share.after)
        box.children = tuple(children)
        user_hook = on_scored

        def on_scored(scores: pd.DataFrame) -> None:
            box.class_share.update(scores)
            if user_hook is not None:
                user_hook(scores)
    return box
