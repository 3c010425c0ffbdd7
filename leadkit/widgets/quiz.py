"""The self-check widget: multiple-choice questions with instant feedback that explains why."""

from __future__ import annotations

import html

import ipywidgets as w

from leadkit.i18n import on_language_change, tr
from leadkit.learning.selfcheck import check_answer, load_selfcheck
from leadkit.widgets._common import wrap_options

__all__ = ["self_check"]


def _question_box(number: int, question: dict) -> w.VBox:
    choices = w.RadioButtons(options=[(tr(o["label"]), o["id"]) for o in question["options"]],
                             value=None, layout=w.Layout(width="auto"))
    button = w.Button()
    feedback, title = w.HTML(), w.HTML()

    def on_check(_button: w.Button) -> None:
        result = check_answer(question, choices.value)
        # A mark and a word, not colour alone, says right or wrong.
        mark = "✔" if result.correct else "✘"
        feedback.value = f"<p><b>{mark}</b> {html.escape(result.message)}</p>"

    def relabel(_language: str | None = None) -> None:
        # The question, its options, the button and any feedback given: all in the new language.
        chosen = choices.value
        choices.options = [(tr(o["label"]), o["id"]) for o in question["options"]]
        choices.value = chosen
        title.value = f"<p><b>{number}. {html.escape(tr(question['question']))}</b></p>"
        button.description = tr("Check")
        button.tooltip = tr("Check your answer")
        if feedback.value:
            on_check(button)

    relabel()
    button.on_click(on_check)
    on_language_change(relabel)
    box = w.VBox([title, choices, button, feedback])
    box.choices, box.button, box.feedback = choices, button, feedback
    return box


def self_check(questions: str | list[dict]) -> w.VBox:
    """Ask self-check questions and give feedback on each answer.

    The questions are a set id (``datasets/selfchecks/<id>.yaml``) or a list of questions in
    the same format (as a scenario's ``check`` section).

    Parameters
    ----------
    questions : str or list of dict
        A self-check set id, or its questions (see
        :func:`leadkit.learning.selfcheck.load_selfcheck`).

    Returns
    -------
    ipywidgets.VBox
        One box per question, also kept in its ``questions`` attribute.

    Examples
    --------
    >>> len(self_check("00-start-here").questions)
    2
    """
    if isinstance(questions, str):
        questions = load_selfcheck(questions)
    questions = [_question_box(i, q) for i, q in enumerate(questions, 1)]
    box = wrap_options(w.VBox(questions))
    box.questions = questions
    return box
