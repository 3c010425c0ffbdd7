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

import base64
import html
import io
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

import ipywidgets as w
import numpy as np
import pandas as pd
from IPython.display import display

from leadkit.content.frameworks import Framework, list_frameworks, load_framework
from leadkit.errors import InputError
from leadkit.i18n import N_, on_language_change, tr
from leadkit.render.tables import cell_text
from leadkit.widgets._common import wrap_options

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
    return f"<table>{head}{body}</table>"


def _img(fig) -> str:
    """A chart as an inline PNG whose alt text is its title (the table holds the numbers)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    alt = html.escape(fig.axes[0].get_title(), quote=True)
    return f'<p><img src="data:image/png;base64,{data}" alt="{alt}" style="max-width:100%"></p>'


def _item_row(number: int, item, fw: Framework, form: str) -> w.ToggleButtons:
    low, high = fw.scale
    labels = [tr(t) for t in fw.scale_labels]
    return w.ToggleButtons(
        options=list(zip(labels, range(low, high + 1), strict=True)),
        value=None,
        # The statement is the control's label, so a screen reader reads it with the choice.
        description=f"{number}. {item.text(form)}",
        tooltips=[f"{v} = {lab}" for v, lab in zip(range(low, high + 1), labels, strict=True)],
        style={"description_width": "initial", "button_width": "auto"},
        layout=w.Layout(flex_flow="row wrap", margin="0 0 10px 0"),
    )


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
        With attributes ``toggles`` (item id → control), ``score_button``, ``save_button``,
        ``status``, ``output``, and after scoring ``scores``, ``figures`` and ``result`` (the
        HTML shown: the score table and the charts).
    """
    from leadkit import plots
    from leadkit.survey.scoring import score

    fw = load_framework(framework_id)
    if form not in ("self", "observer"):
        raise ValueError(f"form must be 'self' or 'observer', not {form!r}")
    toggles = {it.id: _item_row(i, it, fw, form) for i, it in enumerate(fw.items, 1)}
    progress = w.HTML()
    score_button = w.Button(description=tr(_T["score"]), tooltip=tr(_T["score_tip"]),
                            button_style="primary", icon="check")
    save_button = w.Button(description=tr(_T["save"]), tooltip=tr(_T["save_tip"]),
                           icon="save", disabled=True, layout=w.Layout(width="auto"))
    status = w.HTML()
    output = w.Output()
    box = w.VBox([
        w.HTML(_header(fw, form)),
        *toggles.values(), progress, w.HBox([score_button, save_button]), status, output,
    ])
    wrap_options(box)
    box.toggles, box.score_button, box.save_button = toggles, score_button, save_button
    box.status, box.output, box.scores, box.figures = status, output, None, []

    def show_progress(_change: Any = None) -> None:
        n = sum(t.value is not None for t in toggles.values())
        progress.value = f"<p>{html.escape(tr(_T['answered']).format(n=n, total=len(toggles)))}</p>"

    def mark_choice(change: dict) -> None:
        # A tick on the chosen answer: the choice shows by shape, not by shade alone.
        t = change["owner"]
        t.icons = ["check" if value == t.value else "" for _, value in t.options]

    for t in toggles.values():
        t.observe(show_progress, names="value")
        t.observe(mark_choice, names="value")
    show_progress()

    def on_score(_button: w.Button) -> None:
        answers = {item_id: t.value for item_id, t in toggles.items()}
        if all(v is None for v in answers.values()):
            status.value = f"<p>{html.escape(tr(_T['none']))}</p>"
            return
        scores = score(answers_to_responses(answers, fw, form=form), fw)
        box.scores = scores
        missing = [fw.element(e).label for e in scores.loc[scores["score"].isna(), "element"]]
        status.value = (f"<p>{html.escape(tr(_T['missing']).format(names=', '.join(missing)))}"
                        "</p>" if missing else "")
        you = tr(_T["you"])
        figures = [plots.profile(scores, framework=fw, title=f"{you}: {tr(fw.title)}")]
        # Only the kit's own frameworks have a sample class; a file of your own has none.
        sample = _class_scores(fw.id) if fw.id in list_frameworks() else None
        if sample is not None and scores["score"].notna().any():
            figures.append(plots.against_distribution(scores, you, sample=sample, framework=fw))
        box.figures = figures
        note = _T["class_note"] if sample is not None else _T["no_class"]
        # One HTML block, so the table and every chart appear together, never half updated.
        result = w.HTML(_score_table(fw, scores) + "".join(_img(f) for f in figures)
                        + f"<p><i>{html.escape(tr(note))}</i></p>")
        box.result = result
        output.clear_output(wait=True)
        with output:
            display(result)
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
            fresh, answer = _item_row(i, item, fw, form), t.value
            t.options, t.description, t.tooltips = fresh.options, fresh.description, fresh.tooltips
            t.value = answer
            fresh.close()
        score_button.description, score_button.tooltip = tr(_T["score"]), tr(_T["score_tip"])
        save_button.description, save_button.tooltip = tr(_T["save"]), tr(_T["save_tip"])
        box.children[0].value = _header(fw, form)
        show_progress()

    score_button.on_click(on_score)
    save_button.on_click(on_save)
    on_language_change(relabel)
    if class_pool is not None:  # the live class: shares only when the learner switches it on
        from leadkit.widgets.live_class import class_share

        box.class_share = class_share(class_pool, fw.id, learner=learner)
        box.children = (*box.children, box.class_share)
        user_hook = on_scored

        def on_scored(scores: pd.DataFrame) -> None:
            box.class_share.update(scores)
            if user_hook is not None:
                user_hook(scores)
    return box
