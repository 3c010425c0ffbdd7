"""The reflection widget: a question, a text area and a Save button in front of the journal.

All saving logic is :meth:`leadkit.store.journal.Journal.save_answer`; this module only wires the
controls to it and shows what happened. Every control is a native form element, so the widget
works with the keyboard alone: Tab moves from the text area to the check box to the button,
Space or Enter presses the button.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import ipywidgets as w

from leadkit.errors import LeadkitError
from leadkit.i18n import N_, get_language, on_language_change, tr
from leadkit.store.journal import Journal, SaveResult
from leadkit.widgets._common import wrap_options

__all__ = ["reflection", "saved_message"]

_T = {
    "answer": N_("Your answer"),
    "placeholder": N_("Write your answer here…"),
    "share": N_("Share with my teacher"),
    "save": N_("Save"),
    "save_tip": N_("Save your answer in your journal"),
    "empty": N_("Nothing to save yet: write your answer first."),
    "earlier": N_("Your earlier answers to this question"),
    "shared": N_("shared with your teacher"),
    "private": N_("private"),
    "version": N_("version"),
    "restored": N_("Your last saved answer ({when}) is in the box: change it and press Save to "
                   "keep a new version."),
}


def saved_message(result: SaveResult) -> str:
    """The confirmation under the Save button, e.g. "Saved at 14:02 — 123 characters".

    Parameters
    ----------
    result : SaveResult
        What :meth:`~leadkit.store.journal.Journal.save_answer` did.

    Returns
    -------
    str
        The message in the current language, with the local time of the save.

    Examples
    --------
    >>> from datetime import datetime, timezone
    >>> r = SaveResult(1, 2, datetime(2025, 3, 1, 13, 2, tzinfo=timezone.utc), 123, True)
    >>> saved_message(r).split(" — ")[1]
    '123 characters (version 2)'
    """
    when = result.saved.astimezone().strftime("%H:%M")
    if not result.changed:
        return tr("No changes since the last save ({when}).").format(when=when)
    version = "" if result.version == 1 else tr(" (version {version})").format(
                                                 version=result.version)
    return tr("Saved at {when} — {n_chars} characters{version}").format(
               when=when, n_chars=result.n_chars, version=version)


def _earlier_html(journal: Journal, prompt_id: str, skip: int | None) -> str:
    rows = journal.entries(prompt_id=prompt_id)
    rows = rows[rows["id"] != skip].iloc[::-1]  # newest first
    if rows.empty:
        return ""
    items = []
    for r in rows.itertuples():
        when = r.updated.to_pydatetime().astimezone().strftime("%Y-%m-%d %H:%M")
        meta = f"{when} · {tr(_T['shared'] if r.share_with_teacher else _T['private'])}"
        if r.version > 1:
            meta += f" · {tr(_T['version'])} {r.version}"
        items.append(f"<li><small>{html.escape(meta)}</small><br>"
                     f"<span style='white-space:pre-wrap'>{html.escape(r.text)}</span></li>")
    return (f"<details><summary>{html.escape(tr(_T['earlier']))} ({len(items)})</summary>"
            f"<ul>{''.join(items)}</ul></details>")


def reflection(prompt_id: str, prompt: Mapping[str, str] | str, *,
               journal: Journal | None = None, notebook: str | None = None) -> w.VBox:
    """A reflection prompt whose answers go into the learner's journal.

    Parameters
    ----------
    prompt_id : str
        Identifies the question in the journal (answers to one id are listed together).
    prompt : mapping or str
        The question, as ``{"en": ..., "nl": ...}``.
    journal : Journal, optional
        Default: the learner's journal at its default place.
    notebook : str, optional
        The notebook the question is asked in, stored with each answer.

    Returns
    -------
    ipywidgets.VBox
        With handles ``.text``, ``.share``, ``.save``, ``.status`` and ``.earlier`` for tests.

    Examples
    --------
    >>> import tempfile
    >>> j = Journal(tempfile.mkdtemp())
    >>> box = reflection("why", {"en": "Why?", "nl": "Waarom?"}, journal=j)
    >>> box.text.value = "Because it matters."
    >>> box.save.click()
    >>> j.entries()["text"].tolist()
    ['Because it matters.']
    """
    journal = journal if journal is not None else Journal()
    question = w.HTML()
    text = w.Textarea(placeholder=tr(_T["placeholder"]), description=tr(_T["answer"]),
                      layout=w.Layout(width="100%", height="8em"),
                      style={"description_width": "initial"}, tabbable=True)
    share = w.Checkbox(value=False, description=tr(_T["share"]), indent=False, tabbable=True)
    save = w.Button(description=tr(_T["save"]), tooltip=tr(_T["save_tip"]), icon="save",
                    button_style="primary", tabbable=True)
    # role=status lets a screen reader announce the confirmation without moving focus.
    status = w.HTML()
    state: dict[str, int | None] = {"entry": None, "saved": None}
    # After a restart the box shows the last saved answer, ready to edit: saving it again
    # keeps a new version of the same entry, so nothing looks lost and nothing is duplicated.
    last = journal.entries(prompt_id=prompt_id)
    if notebook is not None and not last.empty:
        mine = last[last["notebook"] == notebook]
        last = mine if not mine.empty else last
    restored = None
    if not last.empty:
        restored = last.sort_values("updated").iloc[-1]
        state["entry"] = int(restored["id"])
        text.value = str(restored["text"])
        share.value = bool(restored["share_with_teacher"])
    earlier = w.HTML(_earlier_html(journal, prompt_id, state["entry"]))

    def show(message: str) -> None:
        status.value = f"<span role='status' aria-live='polite'>{html.escape(message)}</span>"

    def show_restored() -> None:
        when = restored["updated"].to_pydatetime().astimezone().strftime("%Y-%m-%d %H:%M")  # type: ignore[index]
        show(tr(_T["restored"]).format(when=when))

    def on_save(_button: w.Button | None = None) -> None:
        if not text.value.strip():
            show(tr(_T["empty"]))
            return
        try:
            result = journal.save_answer(prompt_id, text.value, entry_id=state["entry"],
                                         notebook=notebook, prompt=prompt,
                                         share_with_teacher=share.value)
        except LeadkitError as exc:
            show(str(exc))
            return
        state["entry"], state["saved"] = result.entry_id, result.version
        try:  # a portfolio made later from the command line follows the learner's language
            journal.language = get_language()
        except LeadkitError:
            pass
        show(saved_message(result))
        earlier.value = _earlier_html(journal, prompt_id, result.entry_id)

    def relabel(_language: str | None = None) -> None:
        question.value = f"<p><b>{html.escape(tr(prompt))}</b></p>"
        text.placeholder, text.description = tr(_T["placeholder"]), tr(_T["answer"])
        share.description = tr(_T["share"])
        save.description, save.tooltip = tr(_T["save"]), tr(_T["save_tip"])
        if restored is not None and state["entry"] == int(restored["id"]) \
                and state["saved"] is None:
            show_restored()
        try:
            earlier.value = _earlier_html(journal, prompt_id, state["entry"])
        except LeadkitError:  # a journal moved away must not break the language switch
            pass

    relabel()
    save.on_click(on_save)
    on_language_change(relabel)
    box = w.VBox([question, text, w.HBox([save, share]), status, earlier])
    box.text, box.share, box.save, box.status, box.earlier = text, share, save, status, earlier
    # The kit's look, and after a kernel restart the one action that brings it back.
    return wrap_options(box)
