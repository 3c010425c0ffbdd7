"""The language switch: every learner-facing text in the kit exists in Dutch and English.

Texts are stored as small mappings ``{"en": ..., "nl": ...}``; :func:`tr` picks the one for
the current language. The default is English; the environment variable ``LEADKIT_LANG``
overrides it at import time, and :func:`set_language` changes it for the running session.

Examples
--------
>>> from leadkit.i18n import set_language, get_language, tr
>>> set_language("nl")
>>> tr({"en": "Trust", "nl": "Vertrouwen"})
'Vertrouwen'
>>> set_language("en")
>>> get_language()
'en'
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

__all__ = ["LANGUAGES", "get_language", "set_language", "tr", "on_language_change",
           "format_number", "counted"]

#: The languages every learner-facing text must exist in.
LANGUAGES: tuple[str, ...] = ("en", "nl")

_listeners: list[Callable[[str], None]] = []


def _initial_language() -> str:
    env = os.environ.get("LEADKIT_LANG", "").strip().lower()[:2]
    return env if env in LANGUAGES else "en"


_current = _initial_language()


def get_language() -> str:
    """Return the current language code, ``"en"`` or ``"nl"``."""
    return _current


def set_language(language: str) -> None:
    """Choose the language of all learner-facing text (``"nl"`` or ``"en"``).

    Raises
    ------
    ValueError
        When the code is not one of :data:`LANGUAGES`.
    """
    global _current
    code = str(language).strip().lower()
    if code not in LANGUAGES:
        raise ValueError(
            f"Unknown language {language!r}: expected one of {', '.join(LANGUAGES)} "
            "('nl' for Dutch, 'en' for English)."
        )
    changed, _current = code != _current, code
    if not changed:  # nothing to re-word: widgets are left as they are
        return
    for listener in list(_listeners):
        listener(code)


def on_language_change(callback: Callable[[str], None]) -> None:
    """Call ``callback(code)`` whenever :func:`set_language` runs (used by widgets)."""
    _listeners.append(callback)


def tr(text: Mapping[str, str] | str, language: str | None = None) -> str:
    """Return ``text`` in the current (or the given) language.

    A plain string is returned unchanged, so names that need no translation can be passed
    through. A mapping missing the language raises ``KeyError`` naming what is missing,
    because a silently English text in a Dutch lesson is a bug.

    Examples
    --------
    >>> tr({"en": "Team", "nl": "Team"}, language="nl")
    'Team'
    >>> tr("CRM")
    'CRM'
    """
    if isinstance(text, str):
        return text
    code = language or _current
    try:
        return text[code]
    except KeyError:
        raise KeyError(f"text {dict(text)!r} has no {code!r} version") from None


def format_number(value: float, digits: int = 2, language: str | None = None) -> str:
    """A number in the current (or given) language: fixed decimals, a decimal comma in Dutch.

    Examples
    --------
    >>> format_number(0.5), format_number(3.456, 1, language="nl")
    ('0.50', '3,5')
    """
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if (language or _current) == "nl" else text


def counted(n: int, one: Mapping[str, str], many: Mapping[str, str],
            language: str | None = None) -> str:
    """A number with its noun, singular for one: "1 student", "24 studenten".

    Examples
    --------
    >>> counted(1, {"en": "learner", "nl": "student"}, {"en": "learners", "nl": "studenten"},
    ...         "nl")
    '1 student'
    >>> counted(24, {"en": "learner", "nl": "student"}, {"en": "learners", "nl": "studenten"},
    ...         "nl")
    '24 studenten'
    """
    return f"{n} {tr(one if n == 1 else many, language)}"
