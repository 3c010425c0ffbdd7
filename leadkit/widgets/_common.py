"""Small pieces shared by the kit's widgets (no logic of their own)."""

from __future__ import annotations

import html

import ipywidgets as w

from leadkit.i18n import tr

__all__ = ["heading", "paragraph", "LABEL_LAYOUT"]

LABEL_LAYOUT = w.Layout(width="auto")


def heading(text: dict | str, level: int = 4) -> w.HTML:
    """An HTML heading in the current language, escaped."""
    return w.HTML(f"<h{level}>{html.escape(tr(text))}</h{level}>")


def paragraph(text: dict | str) -> w.HTML:
    """A paragraph in the current language, escaped."""
    return w.HTML(f"<p>{html.escape(tr(text))}</p>")
