"""The language switch: every learner-facing text in the kit exists in Dutch and English.

Texts written in the code are English message ids; their translations live in gettext
catalogues, one ``.po`` file per language in ``leadkit/i18n/locale/<code>/LC_MESSAGES/``
(compiled to ``.mo`` with Babel, see ``tools/i18n.py``). Texts in the kit's YAML content are
mappings ``{"en": ..., "nl": ...}``, one field per language. :func:`tr` reads both: a string is
looked up in the catalogue of the current language, a mapping gives its field. Numbers and dates
are written by Babel for the current locale (decimal comma in Dutch): :func:`format_number`.

The default language is English; the environment variable ``LEADKIT_LANG`` chooses another at
import time and :func:`set_language` changes it for the running session. A language exists
when it has a catalogue folder (English needs none: the message ids are English).

This layer imports nothing else from the kit; every other module may import it.

Examples
--------
>>> from leadkit.i18n import set_language, get_language, tr, counted
>>> set_language("nl")
>>> tr("Reflections")
'Reflecties'
>>> tr({"en": "Team", "nl": "Ploeg"})
'Ploeg'
>>> counted(3, "row", "rows")
'3 rijen'
>>> set_language("en")
>>> get_language()
'en'
"""

from __future__ import annotations

import gettext as _gettext
import math
import os
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path

from leadkit.docparams import shared_params

__all__ = ["LANGUAGES", "LOCALE_DIR", "get_language", "set_language", "tr", "N_", "ngettext",
           "on_language_change", "format_number", "decimal_sign", "format_date", "counted",
           "languages", "language_name"]

#: Where the catalogues are: ``<code>/LC_MESSAGES/leadkit.mo``. ``LEADKIT_LOCALE_DIR`` points
#: the kit at another folder (a translator trying out a new language before it ships).
LOCALE_DIR = Path(os.environ.get("LEADKIT_LOCALE_DIR") or Path(__file__).parent / "locale")
DOMAIN = "leadkit"
#: Babel's locale for each language code (the region sets the number and date conventions).
_LOCALES = {"en": "en_GB", "nl": "nl_NL"}


def languages() -> tuple[str, ...]:
    """The languages the kit speaks: English first, then every language with a catalogue.

    Returns
    -------
    tuple of str
        Two-letter codes, e.g. ``("en", "nl")``.

    Examples
    --------
    >>> languages()[0], "nl" in languages()
    ('en', True)
    """
    found = sorted(p.name for p in LOCALE_DIR.glob("*") if (p / "LC_MESSAGES").is_dir())
    return ("en", *[code for code in found if code != "en"])


#: The languages every learner-facing text must exist in (content fields and catalogues).
LANGUAGES: tuple[str, ...] = languages()

_listeners: list[Callable[[str], None]] = []
_catalogues: dict[str, _gettext.NullTranslations] = {}


def _initial_language() -> str:
    env = os.environ.get("LEADKIT_LANG", "").strip().lower()[:2]
    return env if env in LANGUAGES else "en"


_current = _initial_language()


def _catalogue(code: str) -> _gettext.NullTranslations:
    if code not in _catalogues:
        if code == "en":
            _catalogues[code] = _gettext.NullTranslations()
        else:  # a missing .mo is a broken install: say so instead of falling back to English
            _catalogues[code] = _gettext.translation(DOMAIN, LOCALE_DIR, languages=[code])
    return _catalogues[code]


def get_language() -> str:
    """Return the current language code, ``"en"`` or ``"nl"``.

    Returns
    -------
    str
        The two-letter code chosen last with :func:`set_language` (at start: ``LEADKIT_LANG``
        or the default).

    Examples
    --------
    >>> get_language()
    'en'
    """
    return _current


def set_language(language: str) -> None:
    """Choose the language of all learner-facing text (``"nl"`` or ``"en"``).

    Parameters
    ----------
    language : str
        A code in :data:`LANGUAGES`.

    Returns
    -------
    None
        Switches the language and calls every listener of :func:`on_language_change`; choosing
        the current language again calls none.

    Raises
    ------
    ValueError
        When the code is not one of :data:`LANGUAGES`.

    Examples
    --------
    >>> set_language(" NL ")
    >>> get_language()
    'nl'
    >>> set_language("en")
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
    """Call ``callback(code)`` whenever :func:`set_language` runs (used by widgets).

    Parameters
    ----------
    callback : Callable[[str], None]
        Called with the new language code.

    Returns
    -------
    None
        Registers ``callback``; it stays registered for the rest of the session.

    Examples
    --------
    >>> seen = []
    >>> on_language_change(seen.append)
    >>> set_language("nl")
    >>> set_language("en")
    >>> seen
    ['nl', 'en']
    >>> _listeners.remove(seen.append)
    """
    _listeners.append(callback)


def N_(message: str) -> str:  # noqa: N802 - the name gettext tools look for
    """Mark a text for translation without translating it yet (it is translated by :func:`tr`).

    Used in tables defined at import time, before the learner has chosen a language.

    Parameters
    ----------
    message : str
        The English message id.

    Returns
    -------
    str
        ``message`` itself.

    Examples
    --------
    >>> N_("Choose an answer first.")
    'Choose an answer first.'
    """
    return message


@shared_params
def tr(text: Mapping[str, str] | str, language: str | None = None) -> str:
    """Return ``text`` in the current (or the given) language.

    Parameters
    ----------
    text : Mapping[str, str] or str
        An English message id (looked up in the catalogue; a string without a translation,
        such as a name, comes back as it is) or a content mapping with one field per language.
    %(language)s

    Returns
    -------
    str
        The text in that language.

    Raises
    ------
    KeyError
        When a mapping lacks the language: a silently English text in a Dutch lesson is a bug.

    Examples
    --------
    >>> tr("Reflections", language="nl")
    'Reflecties'
    >>> tr("CRM")
    'CRM'
    """
    code = language or _current
    if isinstance(text, str):
        return _catalogue(code).gettext(text) if text else text
    try:
        return text[code]
    except KeyError:
        raise KeyError(f"text {dict(text)!r} has no {code!r} version") from None


@shared_params
def ngettext(singular: str, plural: str, n: int, language: str | None = None) -> str:
    """The singular or plural form of a message for ``n``, by the rules of the language.

    Parameters
    ----------
    singular, plural : str
        The English message ids.
    n : int
        The count that chooses the form.
    %(language)s

    Returns
    -------
    str
        The translated form (placeholders such as ``{n}`` are left for ``.format``).

    Examples
    --------
    >>> ngettext("row", "rows", 1, language="nl"), ngettext("row", "rows", 2, language="nl")
    ('rij', 'rijen')
    """
    return _catalogue(language or _current).ngettext(singular, plural, int(n))


@shared_params
def counted(n: int, singular: str, plural: str, language: str | None = None) -> str:
    """A number with its noun, in the right form: "1 student", "24 studenten".

    Parameters
    ----------
    n : int
        The count.
    singular, plural : str
        The English nouns (message ids of one plural entry in the catalogues).
    %(language)s

    Returns
    -------
    str
        The count and the noun.

    Examples
    --------
    >>> counted(1, "learner", "learners", "nl"), counted(24, "learner", "learners", "nl")
    ('1 student', '24 studenten')
    """
    return f"{n} {ngettext(singular, plural, n, language)}"


def _locale(language: str | None) -> str:
    code = language or _current
    return _LOCALES.get(code, code)


@shared_params
def format_number(value: float, digits: int | None = 2, language: str | None = None) -> str:
    """A number in the current (or given) language: its decimal sign, fixed or shortest decimals.

    Written by Babel for the language's locale, without grouping separators (a score table
    reads 1234,50 rather than 1.234,50). Missing and infinite values are written as Python does.
    Every number the kit shows to a reader goes through here (tables, charts, reports).

    Parameters
    ----------
    value : float
        The number.
    digits : int, optional, default 2
        Decimals shown; ``None`` shows as few as the value needs, up to six (like ``{:g}``).
    %(language)s

    Returns
    -------
    str
        The number as text.

    Examples
    --------
    >>> format_number(0.5), format_number(3.456, 1, language="nl")
    ('0.50', '3,5')
    >>> format_number(-0.001, 2, language="nl"), format_number(0.25, None, language="nl")
    ('-0,00', '0,25')
    """
    number = float(value)
    if not math.isfinite(number):
        return f"{number:.{digits}f}" if digits is not None else f"{number:g}"
    from babel.numbers import format_decimal

    if digits is None:
        return format_decimal(float(f"{number:.6g}"), format="0.######", locale=_locale(language),
                              group_separator=False)
    pattern = "0." + "0" * digits if digits > 0 else "0"
    text = format_decimal(round(number, digits), format=pattern, locale=_locale(language),
                          decimal_quantization=True, group_separator=False)
    # Babel drops the sign of a value that rounds to zero; Python's format keeps it, and the
    # kit's tables were written that way: keep "-0.00" so nothing reads as exactly zero.
    if number < 0 and not text.startswith("-") and f"{number:.{digits}f}".startswith("-"):
        text = "-" + text
    return text


@shared_params
def decimal_sign(language: str | None = None) -> str:
    """The decimal sign of the current (or given) language: ``"."`` in English, ``","`` in Dutch.

    For text that another library has already written with a decimal point (a chart's tick
    labels): the chart swaps the point for this sign.

    Parameters
    ----------
    %(language)s

    Returns
    -------
    str
        The language's decimal sign.

    Examples
    --------
    >>> decimal_sign("en"), decimal_sign("nl")
    ('.', ',')
    """
    from babel.numbers import get_decimal_symbol

    return str(get_decimal_symbol(_locale(language)))


def language_name(code: str) -> str:
    """A language's name in that language itself, as on a language switch: "Nederlands".

    Parameters
    ----------
    code : str
        A language code Babel knows (``"nl"``, ``"de"`` …), not only the kit's two.

    Returns
    -------
    str
        The name, with a capital letter.

    Examples
    --------
    >>> language_name("nl"), language_name("en")
    ('Nederlands', 'English')
    """
    from babel import Locale

    name = Locale.parse(code).get_language_name(code) or code
    return name[:1].upper() + name[1:]


@shared_params
def format_date(value: date | datetime, language: str | None = None) -> str:
    """A date in the current (or given) language's medium format: "1 Dec 2026", "1 dec 2026".

    Parameters
    ----------
    value : date or datetime
        A date or datetime.
    %(language)s

    Returns
    -------
    str
        The date as text.

    Examples
    --------
    >>> format_date(date(2026, 12, 1), language="nl")
    '1 dec 2026'
    """
    from babel.dates import format_date as _babel_date

    code = language or _current
    return _babel_date(value, format="medium", locale=_LOCALES.get(code, code))
