"""Tables as a reader sees them: headers in their language, no index, numbers written their way.

:func:`show_table` turns a DataFrame into a table for a notebook page: column names become
words in the current language (the name in the code stays in the header's tooltip, for anyone
who wants to use it), the pandas index is left out, numbers get a fixed number of decimals with
a decimal comma in Dutch, yes/no replaces True/False, and a dash replaces a missing value.
The DataFrame itself is not changed: code keeps working with the real column names.

Examples
--------
>>> import pandas as pd
>>> from leadkit.i18n import set_language
>>> t = show_table(pd.DataFrame({"element": ["trust"], "score": [4.666], "suppressed": [False]}))
>>> set_language("nl")
>>> print(t.text())
onderdeel | score | verborgen (groep te klein)
trust | 4,67 | nee
>>> set_language("en")
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping

import pandas as pd

from leadkit.i18n import get_language, tr

__all__ = ["show_table", "show_learner_texts", "Table", "COLUMN_NAMES", "cell_text"]

#: Words for the column names of the kit's tables (a name not listed is shown as it is).
COLUMN_NAMES: dict[str, dict[str, str]] = {
    "element": {"en": "element", "nl": "onderdeel"},
    "label": {"en": "element", "nl": "onderdeel"},
    "element_label": {"en": "element", "nl": "onderdeel"},
    "framework": {"en": "framework", "nl": "raamwerk"},
    "title": {"en": "framework", "nl": "raamwerk"},
    "theme": {"en": "theme", "nl": "thema"},
    "respondent": {"en": "respondent", "nl": "respondent"},
    "learner": {"en": "learner", "nl": "student"},
    "pseudonym": {"en": "pseudonym", "nl": "pseudoniem"},
    "team": {"en": "team", "nl": "team"},
    "rater": {"en": "rater", "nl": "beoordelaar"},
    "target": {"en": "person rated", "nl": "beoordeelde"},
    "wave": {"en": "wave", "nl": "meting"},
    "score": {"en": "score", "nl": "score"},
    "pomp": {"en": "score (0–100)", "nl": "score (0–100)"},
    "mean": {"en": "mean", "nl": "gemiddelde"},
    "sd": {"en": "SD", "nl": "sd"},
    "n": {"en": "n", "nl": "n"},
    "n_answered": {"en": "statements answered", "nl": "uitspraken beantwoord"},
    "n_items": {"en": "statements", "nl": "uitspraken"},
    "n_learners": {"en": "learners", "nl": "studenten"},
    "n_pairs": {"en": "pairs", "nl": "paren"},
    "n_raters": {"en": "raters", "nl": "beoordelaars"},
    "n_others": {"en": "others", "nl": "anderen"},
    "self": {"en": "self", "nl": "zelf"},
    "others": {"en": "others", "nl": "anderen"},
    "gap": {"en": "gap (self − others)", "nl": "verschil (zelf − anderen)"},
    "category": {"en": "reading", "nl": "lezing"},
    "category_label": {"en": "reading", "nl": "lezing"},
    "diff": {"en": "difference", "nl": "verschil"},
    "ci_low": {"en": "95% CI from", "nl": "95%-BI van"},
    "ci_high": {"en": "95% CI to", "nl": "95%-BI tot"},
    "effect": {"en": "effect size", "nl": "effectgrootte"},
    "d": {"en": "effect size d", "nl": "effectgrootte d"},
    "d_z": {"en": "effect size d_z", "nl": "effectgrootte d_z"},
    "p": {"en": "p", "nl": "p"},
    "alpha": {"en": "alpha", "nl": "alfa"},
    "alpha_low": {"en": "alpha, 95% CI from", "nl": "alfa, 95%-BI van"},
    "alpha_high": {"en": "alpha, 95% CI to", "nl": "alfa, 95%-BI tot"},
    "omega": {"en": "omega", "nl": "omega"},
    "k": {"en": "statements", "nl": "uitspraken"},
    "items": {"en": "statements", "nl": "uitspraken"},
    "rwg": {"en": "rwg", "nl": "rwg"},
    "rwg_j": {"en": "rwg(j)", "nl": "rwg(j)"},
    "icc1": {"en": "ICC(1)", "nl": "ICC(1)"},
    "icc2": {"en": "ICC(2)", "nl": "ICC(2)"},
    "band": {"en": "agreement", "nl": "overeenstemming"},
    "suppressed": {"en": "hidden (group too small)", "nl": "verborgen (groep te klein)"},
    "shared": {"en": "shared", "nl": "gedeeld"},
    "private": {"en": "private", "nl": "privé"},
    "entries": {"en": "reflections", "nl": "reflecties"},
    "notebook": {"en": "notebook", "nl": "notebook"},
    "prompt_id": {"en": "question", "nl": "vraag"},
    "saved": {"en": "saved", "nl": "bewaard"},
    "remark": {"en": "remark", "nl": "opmerking"},
    "note": {"en": "note", "nl": "opmerking"},
    "std_alpha": {"en": "standardised alpha", "nl": "gestandaardiseerde alfa"},
    "average_r": {"en": "mean correlation", "nl": "gemiddelde correlatie"},
    "n_elements": {"en": "elements", "nl": "onderdelen"},
    "n_elements_scored": {"en": "elements scored", "nl": "onderdelen met score"},
    "n_frameworks": {"en": "frameworks", "nl": "raamwerken"},
    "row": {"en": "row", "nl": "rij"},
    "description": {"en": "what it means", "nl": "wat het betekent"},
    "figure": {"en": "figure", "nl": "figuur"},
    "claim": {"en": "claim", "nl": "bewering"},
    "difference": {"en": "difference", "nl": "verschil"},
    "se": {"en": "standard error", "nl": "standaardfout"},
    "verdict": {"en": "verdict", "nl": "oordeel"},
    "what": {"en": "what", "nl": "wat"},
    "count": {"en": "number", "nl": "aantal"},
    "name": {"en": "element", "nl": "onderdeel"},
    "q1": {"en": "first quartile", "nl": "eerste kwartiel"},
    "median": {"en": "median", "nl": "mediaan"},
    "q3": {"en": "third quartile", "nl": "derde kwartiel"},
}
_YES_NO = {True: {"en": "yes", "nl": "ja"}, False: {"en": "no", "nl": "nee"}}


def cell_text(value, decimals: int = 2) -> str:
    """One value as a reader reads it: "4,67" (Dutch) or "4.67", yes/no, and "–" for missing.

    >>> cell_text(float("nan")), cell_text(True), cell_text(3), cell_text(0.5, 1)
    ('–', 'yes', '3', '0.5')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA \
            or value is pd.NaT:
        return "–"
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return tr(_YES_NO[bool(value)])
    if isinstance(value, int) or (hasattr(value, "is_integer") and type(value).__name__
                                  .startswith("int")):
        return str(value)
    if isinstance(value, float) or type(value).__name__.startswith("float"):
        text = f"{float(value):.{decimals}f}"
        return text.replace(".", ",") if get_language() == "nl" else text
    return str(value)


class Table:
    """A DataFrame shown for reading (see :func:`show_table`); ``frame`` is the data itself."""

    def __init__(self, frame: pd.DataFrame, names: Mapping[str, Mapping[str, str] | str],
                 decimals: int | Mapping[str, int]) -> None:
        self.frame, self._names, self._decimals = frame, dict(names), decimals

    def header(self, column) -> str:
        name = self._names.get(column, COLUMN_NAMES.get(str(column), str(column)))
        return tr(name)

    def _places(self, column) -> int:
        d = self._decimals
        return d.get(column, 2) if isinstance(d, Mapping) else d

    def rows(self) -> list[list[str]]:
        return [[cell_text(v, self._places(c)) for c, v in zip(self.frame.columns, row,
                                                                strict=True)]
                for row in self.frame.itertuples(index=False, name=None)]

    def text(self) -> str:
        lines = [" | ".join(self.header(c) for c in self.frame.columns)]
        lines += [" | ".join(r) for r in self.rows()]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        numeric = [pd.api.types.is_numeric_dtype(self.frame[c]) and
                   not pd.api.types.is_bool_dtype(self.frame[c]) for c in self.frame.columns]
        align = ["right" if n else "left" for n in numeric]
        head = "".join(
            f"<th style='text-align:{a}' title='{html.escape(str(c), quote=True)}'>"
            f"{html.escape(self.header(c))}</th>" for c, a in zip(self.frame.columns, align,
                                                                  strict=True))
        body = "".join(
            "<tr>" + "".join(f"<td style='text-align:{a}'>{html.escape(v)}</td>"
                             for v, a in zip(r, align, strict=True)) + "</tr>"
            for r in self.rows())
        return (f"<table class='lk-table'><thead><tr>{head}</tr></thead><tbody>{body}</tbody>"
                "</table>")

    def __repr__(self) -> str:
        return self.text()


def show_table(frame: pd.DataFrame, names: Mapping[str, Mapping[str, str] | str] | None = None,
               *, decimals: int | Mapping[str, int] = 2, index: bool = False) -> Table:
    """A DataFrame as a table for reading, in the current language (see the module text).

    Parameters
    ----------
    frame : DataFrame
    names : mapping, optional
        Words for columns, ``{"col": {"en": ..., "nl": ...}}``, over :data:`COLUMN_NAMES`.
    decimals : int or mapping
        Decimals of the numbers (per column with a mapping; default 2).
    index : bool
        Keep the index as the first column(s) (when it holds real data, such as a theme).
    """
    data = frame.reset_index() if index else frame.reset_index(drop=True)
    return Table(data, names or {}, decimals)


class _LearnerTexts:
    def __init__(self, text: str) -> None:
        self.text = text

    def _repr_html_(self) -> str:
        # Learners' own words, quoted as they wrote them (in whichever language they chose).
        return (f"<pre class='lk-learner-text' style='white-space:pre-wrap'>"
                f"{html.escape(self.text)}</pre>")

    def __repr__(self) -> str:
        return self.text


def show_learner_texts(text: str) -> _LearnerTexts:
    """Show learners' shared reflections as a quotation of their own words.

    >>> show_learner_texts("1. Eerst luisteren.")._repr_html_()[:40]
    "<pre class='lk-learner-text' style='whit"
    """
    return _LearnerTexts(text)
