"""Widgets to browse the frameworks and to switch the language (notebook 00 and 06)."""

from __future__ import annotations

import html

import ipywidgets as w

from leadkit.frameworks import list_frameworks, load_framework
from leadkit.i18n import LANGUAGES, get_language, on_language_change, set_language, tr

__all__ = ["framework_explorer", "language_switch", "element_card_html"]

_LANG_NAMES = {"en": "English", "nl": "Nederlands"}


def element_card_html(framework_id: str) -> str:
    """The elements of a framework as an HTML list in the current language (pure function)."""
    fw = load_framework(framework_id)
    parts = [
        f"<h4>{html.escape(tr(fw.title))}</h4>",
        f"<p>{html.escape(tr(fw.summary))}</p>",
        "<ol>",
    ]
    for el in fw.elements:
        parts.append(
            f"<li><b>{html.escape(el.label)}</b> — {html.escape(tr(el.explanation))}"
            f"<br><i>{html.escape(tr({'en': 'In practice', 'nl': 'In de praktijk'}))}:</i> "
            f"{html.escape(tr(el.in_practice))}</li>"
        )
    parts.append("</ol>")
    parts.append(f"<p><small>{html.escape(tr({'en': 'Source', 'nl': 'Bron'}))}: "
                 f"{html.escape(fw.citation())}</small></p>")
    return "\n".join(parts)


def framework_explorer(framework_id: str | None = None) -> w.VBox:
    """Pick a framework in a dropdown and read its elements; follows the language switch."""
    ids = list_frameworks()
    dropdown = w.Dropdown(
        options=[(tr(load_framework(i).title), i) for i in ids],
        value=framework_id or ids[0],
        description=tr({"en": "Framework", "nl": "Raamwerk"}),
        style={"description_width": "initial"},
        layout=w.Layout(width="max-content"),
    )
    card = w.HTML(element_card_html(dropdown.value))

    def show(change=None) -> None:
        card.value = element_card_html(dropdown.value)

    def relabel(_language: str) -> None:
        current = dropdown.value
        dropdown.options = [(tr(load_framework(i).title), i) for i in ids]
        dropdown.value = current
        dropdown.description = tr({"en": "Framework", "nl": "Raamwerk"})
        show()

    dropdown.observe(show, names="value")
    on_language_change(relabel)
    box = w.VBox([dropdown, card])
    box.dropdown, box.card = dropdown, card  # handles for tests and notebooks
    return box


def language_switch() -> w.ToggleButtons:
    """Buttons that set the kit's language; widgets that listen re-label themselves."""
    toggle = w.ToggleButtons(
        options=[(_LANG_NAMES[c], c) for c in LANGUAGES],
        value=get_language(),
        description=tr({"en": "Language", "nl": "Taal"}),
        tooltips=["English", "Nederlands"],
    )
    toggle.observe(lambda change: set_language(change["new"]), names="value")

    def relabel(language: str) -> None:
        toggle.description = tr({"en": "Language", "nl": "Taal"})
        toggle.value = language  # another switch may have changed it

    on_language_change(relabel)
    return toggle
