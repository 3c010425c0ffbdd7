"""Widgets to browse the frameworks and to switch the language (notebook 00 and 06)."""

from __future__ import annotations

import html

import ipywidgets as w

from leadkit.content.frameworks import list_frameworks, load_framework
from leadkit.i18n import (
    LANGUAGES,
    N_,
    get_language,
    language_name,
    on_language_change,
    set_language,
    tr,
)
from leadkit.widgets._common import wrap_options

__all__ = ["framework_explorer", "framework_table", "language_switch", "element_card_html",
           "framework_table_html"]

def element_card_html(framework_id: str) -> str:
    """The elements of a framework as an HTML list in the current language (pure function).

    Parameters
    ----------
    framework_id : str
        The framework id.

    Returns
    -------
    str
        HTML: the title, summary, an ordered list of the elements with their practice and the
        source.

    Examples
    --------
    >>> element_card_html("agile-cmo").count("<li>")
    7
    """
    fw = load_framework(framework_id)
    parts = [
        f"<h4>{html.escape(tr(fw.title))}</h4>",
        f"<p>{html.escape(tr(fw.summary))}</p>",
        "<ol>",
    ]
    in_practice = html.escape(tr("In practice"))
    for el in fw.elements:
        parts.append(
            f"<li><b>{html.escape(el.label)}</b> — {html.escape(tr(el.explanation))}"
            f"<br><i>{in_practice}:</i> "
            f"{html.escape(tr(el.in_practice))}</li>"
        )
    parts.append("</ol>")
    source = html.escape(tr("Source"))
    parts.append(f"<p><small>{source}: "
                 f"{fw.citation_html()}</small></p>")
    return "\n".join(parts)


_TABLE = {"framework": N_("Framework"),
          "elements": N_("Elements"),
          "items": N_("Statements"),
          "source": N_("Source")}


def framework_table_html() -> str:
    """The five frameworks at a glance as an HTML table, in the current language.

    Every column is shown whole (text wraps, nothing is cut off) and the article titles are
    marked as titles of works.

    Returns
    -------
    str
        An HTML table with one row per framework: title, elements, items and source.

    Examples
    --------
    >>> framework_table_html().count("<tr>")
    6
    """
    head = "".join(f"<th style='text-align:left'>{html.escape(tr(_TABLE[k]))}</th>"
                   for k in ("framework", "elements", "items", "source"))
    rows = []
    for fw in map(load_framework, list_frameworks()):
        rows.append(f"<tr><td style='text-align:left'>{html.escape(tr(fw.title))}</td>"
                    f"<td>{len(fw.elements)}</td><td>{len(fw.items)}</td>"
                    f"<td style='text-align:left'>{fw.citation_html()}</td></tr>")
    return (f"<table class='lk-table' style='table-layout:auto;width:100%'><thead><tr>{head}"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def framework_table() -> w.HTML:
    """:func:`framework_table_html` as a widget that re-words itself on a language switch.

    Returns
    -------
    ipywidgets.HTML
        The table, re-worded whenever the language changes.

    Examples
    --------
    >>> framework_table().value.count("<tr>")
    6
    """
    table = w.HTML(framework_table_html(), layout=w.Layout(width="100%"))
    on_language_change(lambda _language: setattr(table, "value", framework_table_html()))
    return table


def framework_explorer(framework_id: str | None = None) -> w.VBox:
    """Pick a framework in a dropdown and read its elements; follows the language switch.

    Parameters
    ----------
    framework_id : str, optional
        The framework shown first. Default ``None`` shows the first of the kit.

    Returns
    -------
    ipywidgets.VBox
        The dropdown and the card of the chosen framework.

    Examples
    --------
    >>> framework_explorer("wij-model").children[0].value
    'wij-model'
    """
    ids = list_frameworks()
    dropdown = w.Dropdown(
        options=[(tr(load_framework(i).title), i) for i in ids],
        value=framework_id or ids[0],
        description=tr("Framework"),
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
        dropdown.description = tr("Framework")
        show()

    dropdown.observe(show, names="value")
    on_language_change(relabel)
    box = w.VBox([dropdown, card])
    box.dropdown, box.card = dropdown, card  # handles for tests and notebooks
    return wrap_options(box)


def _shown_language_css(language: str) -> str:
    # Text written in both languages (the bilingual start page) carries lang="en"/"nl", the
    # Dutch half hidden: this rule shows the chosen language and hides the other.
    other = [c for c in LANGUAGES if c != language]
    hide = ", ".join(f'.jp-RenderedMarkdown [lang="{c}"]' for c in other)
    return (f"<style>{hide} {{display: none !important}} "
            f'.jp-RenderedMarkdown [lang="{language}"][hidden] {{display: block !important}}'
            "</style>")


class LanguageSwitch(w.HBox):
    """The language buttons, with the rule that shows bilingual text in the chosen language.

    ``value`` is the language code, as on the buttons themselves.
    """

    @property
    def value(self) -> str:
        return self.toggle.value

    @value.setter
    def value(self, code: str) -> None:
        self.toggle.value = code


def language_switch(*, remember: bool = False, journal=None) -> LanguageSwitch:
    """Show buttons that set the kit's language; widgets that listen re-word themselves.

    The buttons are one radio group named "Language", so a screen reader says which language
    is chosen; the page's ``lang`` follows the choice.

    Parameters
    ----------
    remember : bool, default False
        Start in the language the learner chose last time (kept in their journal, so it
        holds across notebooks, kernel restarts and new sessions), and keep each new choice.
        The bilingual start page remembers; a notebook written in one language does not.
    journal : Journal, optional
        Where the choice is kept (default: the learner's own journal).

    Returns
    -------
    LanguageSwitch
        A box with the ``toggle`` (one option per language) and their ``css``.

    Examples
    --------
    >>> language_switch().toggle.value
    'en'
    """
    from leadkit.widgets._web import Choice

    if remember:
        if journal is None:
            from leadkit.store.journal import Journal

            journal = Journal()
        saved = journal.language
        if saved in LANGUAGES and saved != get_language():
            set_language(saved)
    toggle = Choice(
        options=[(language_name(c), c) for c in LANGUAGES],
        value=get_language(),
        description=tr("Language"),
        tooltips=[language_name(c) for c in LANGUAGES],
    )
    toggle.add_class("lk-lang-name")  # language names are the same in every language
    css = w.HTML(_shown_language_css(get_language()), layout=w.Layout(width="0px"))

    # Set while the switch follows a change made elsewhere (code, another switch).
    syncing: list[bool] = []

    def choose(change: dict) -> None:
        if change["new"] is None or syncing:
            return
        set_language(change["new"])
        if remember:  # only the learner's own choice is remembered
            journal.language = change["new"]

    toggle.observe(choose, names="value")

    def relabel(language: str) -> None:
        toggle.description = tr("Language")
        syncing.append(True)
        try:
            toggle.value = language  # another switch, or a notebook's code, changed it
        finally:
            syncing.clear()
        css.value = _shown_language_css(language)

    on_language_change(relabel)
    box = LanguageSwitch([toggle, css])
    box.toggle, box.css = toggle, css
    wrap_options(box)
    return box
