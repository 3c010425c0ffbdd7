"""Small pieces shared by the kit's widgets (no logic of their own)."""

from __future__ import annotations

import html
import json

import ipywidgets as w

from leadkit.i18n import N_, on_language_change, tr

__all__ = ["heading", "paragraph", "LABEL_LAYOUT", "wrap_options", "OPTIONS_CSS", "STORED_HINT",
           "RESTART_NOTICE", "restart_css"]

#: What a saved notebook shows where a widget was: a widget lives only with its kernel.
STORED_HINT = N_("[The buttons appear when the notebook runs: menu Run → Run All Cells.]")

#: What a kit widget says once its kernel has restarted (instead of a red broken-link icon).
RESTART_NOTICE = N_("The kernel has restarted, so these buttons no longer work. To get them "
                    "back: menu Run → Run All Cells.")

LABEL_LAYOUT = w.Layout(width="auto")


def heading(text: dict | str, level: int = 4) -> w.HTML:
    """An HTML heading in the current language, escaped.

    Parameters
    ----------
    text : dict or str
        The text: a ``{en, nl}`` mapping or an English message id for
        :func:`~leadkit.i18n.tr`.
    level : int, default 4
        The heading level, ``<h4>`` by default.

    Returns
    -------
    ipywidgets.HTML
        The heading.

    Examples
    --------
    >>> heading("Language", 3).value
    '<h3>Language</h3>'
    """
    return w.HTML(f"<h{level}>{html.escape(tr(text))}</h{level}>")


def paragraph(text: dict | str) -> w.HTML:
    """A paragraph in the current language, escaped.

    Parameters
    ----------
    text : dict or str
        The text: a ``{en, nl}`` mapping or an English message id for
        :func:`~leadkit.i18n.tr`.

    Returns
    -------
    ipywidgets.HTML
        The paragraph.

    Examples
    --------
    >>> paragraph({"en": "a < b", "nl": "a < b"}).value
    '<p>a &lt; b</p>'
    """
    return w.HTML(f"<p>{html.escape(tr(text))}</p>")


#: How the kit's options read: a long option wraps inside its own box, next to its button, with
#: room before the next one; toggle buttons, check boxes, buttons and labels grow to their text
#: instead of cutting it off with "…".
OPTIONS_CSS = """
.lk-options .widget-radio-box label {
  display: flex; align-items: flex-start; gap: 0.45em; height: auto; min-height: 20px;
  line-height: 1.35; white-space: normal; padding: 2px 0; margin-bottom: 6px; }
.lk-options .widget-radio-box input {
  float: none; flex: none; order: -1; height: auto; margin: 3px 0 0 1px; }
.lk-options .widget-radio-box { margin-bottom: 4px; }
.lk-options .widget-toggle-buttons { height: auto; flex-wrap: wrap; align-items: flex-start; }
.lk-options .widget-toggle-buttons .widget-toggle-button {
  height: auto !important; min-height: var(--jp-widgets-inline-height); white-space: normal;
  line-height: 1.3; padding-top: 4px; padding-bottom: 4px; overflow: visible;
  text-overflow: clip; margin-bottom: 4px; }
.lk-options .widget-toggle-buttons > .widget-label,
.lk-options .widget-inline-hbox > .widget-label {
  white-space: normal; overflow: visible; text-overflow: clip; height: auto; line-height: 1.3;
  padding-top: 4px; }
.lk-options .widget-checkbox { height: auto; width: auto; margin-bottom: 4px; }
.lk-options .widget-checkbox .widget-label-basic {
  display: flex; align-items: flex-start; gap: 0.45em; white-space: normal; overflow: visible;
  text-overflow: clip; height: auto; line-height: 1.35; }
.lk-options .widget-checkbox input { flex: none; order: -1; margin-top: 3px; }
.lk-options .widget-button {
  width: auto; min-width: var(--jp-widgets-inline-width-short); max-width: 100%;
  align-self: flex-start; overflow: visible; text-overflow: clip; }
.lk-options .widget-readout { overflow: visible; text-overflow: clip; }
.lk-options .lk-small { font-size: 12px; line-height: 1.45; margin: 2px 0 12px 0; }
.lk-options .widget-html-content { line-height: 1.45; }
.lk-options .lk-wrap-table { max-width: 100%; }
.lk-options .lk-wrap-table td, .lk-options .lk-wrap-table th { white-space: normal;
  overflow-wrap: anywhere; }
.lk-options caption { text-align: left; font-weight: bold; padding: 4px 0; }
"""


def restart_css() -> str:
    """The rule that puts :data:`RESTART_NOTICE` on a kit widget whose kernel has gone.

    JupyterLab marks every widget of a restarted kernel ``jupyter-widgets-disconnected`` and
    shows a bare red icon; the kit's widgets say instead, in the notebook's language, what the
    one action is that brings them back.

    Returns
    -------
    str
        CSS rules.

    Examples
    --------
    >>> "Run All Cells" in restart_css()
    True
    """
    text = json.dumps(tr(RESTART_NOTICE), ensure_ascii=False)
    return (f".lk-options.jupyter-widgets-disconnected::before {{ content: {text}; "
            "display: block; font-family: var(--jp-ui-font-family, sans-serif); "
            "font-size: 14px; line-height: 1.4; color: #1A1A1A; background: #FFF4CE; "
            "border-left: 6px solid #8A6100; padding: 8px 12px; margin: 0 0 8px 0; "
            "position: static; width: auto; height: auto; } "
            ".lk-options .jupyter-widgets-disconnected::before { display: none; }")


def wrap_options(box: w.Box) -> w.Box:
    """Give a widget the kit's option styling (see :data:`OPTIONS_CSS`) and return it.

    Parameters
    ----------
    box : ipywidgets.Box
        The widget with options (radio buttons, toggle buttons, checkboxes).

    Returns
    -------
    ipywidgets.Box
        The same box, with the class ``lk-options`` and a hidden style element added.

    Examples
    --------
    >>> box = wrap_options(w.VBox([w.Checkbox()]))
    >>> box._dom_classes, len(box.children)
    (('lk-options',), 3)
    """
    from leadkit.i18n import get_language
    from leadkit.widgets._web import FOCUS_CSS, PageLanguage

    box.add_class("lk-options")
    # The page (Voilà) or the notebook (JupyterLab) says which language it is in, and follows
    # the kit's language switch, so a screen reader pronounces the Dutch as Dutch.
    language = PageLanguage(language=get_language())
    on_language_change(lambda code: setattr(language, "language", code))
    box.children = (*box.children, w.HTML(f"<style>{OPTIONS_CSS}{FOCUS_CSS}{restart_css()}</style>",
                                          layout=w.Layout(display="none")), language)
    box.page_language = language
    return box
