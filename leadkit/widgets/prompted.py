"""Ask a reflection prompt by id: the one-line notebook call in front of the journal widget."""

from __future__ import annotations

import ipywidgets as w

from leadkit.content.prompts import reflection_prompt
from leadkit.widgets._reflection import reflection

__all__ = ["reflect"]


def reflect(prompt_id: str, *, notebook: str | None = None, journal=None) -> w.Widget:
    """The reflection widget for a prompt from ``datasets/prompts.yaml`` or a framework element.

    ``prompt_id`` is a named prompt (``"start-here-goals"``) or ``"<framework>:<element>"``
    for an element's own reflection question (see :mod:`leadkit.content.prompts`).

    Parameters
    ----------
    prompt_id : str
        A prompt id (see :func:`leadkit.content.prompts.reflection_prompt`).
    notebook : str, optional
        The notebook's name, stored with the answer. Default ``None`` stores none.
    journal : Journal, optional
        The journal to save in. Default ``None`` uses the journal at its default place.

    Returns
    -------
    ipywidgets.Widget
        The question, a text area and a Save button.

    Raises
    ------
    UnknownIdError
        The prompt id is unknown.
    """
    return reflection(prompt_id, reflection_prompt(prompt_id), journal=journal, notebook=notebook)
