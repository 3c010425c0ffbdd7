"""The words for the kit's column names and rater groups, once, for every table that is shown.

Core functions return tables with stable column names (``element``, ``n``, ``rwg_j`` …) that
code can rely on; whatever shows a table to a reader (:func:`leadkit.render.tables.show_table`,
the HTML report, the widgets) turns those names into words in the current language here.

Examples
--------
>>> import pandas as pd
>>> from leadkit.i18n import set_language
>>> set_language("nl")
>>> list(with_headings(pd.DataFrame(columns=["element", "sd", "r_drop"])).columns)
['onderdeel', 'sd', 'item-restcorrelatie']
>>> rater_label("peer")
"collega's"
>>> set_language("en")
"""

from __future__ import annotations

import pandas as pd

from leadkit.i18n import N_, tr

__all__ = ["COLUMN_NAMES", "RATER_GROUPS", "heading", "with_headings", "rater_label"]

#: The word shown for each column name of the kit's tables; a name not listed is shown as it is.
COLUMN_NAMES: dict[str, str] = {
    "element": N_("element"),
    "label": N_("element"),
    "element_label": N_("element"),
    "framework": N_("framework"),
    "title": N_("framework"),
    "theme": N_("theme"),
    "respondent": N_("respondent"),
    "learner": N_("learner"),
    "pseudonym": N_("pseudonym"),
    "team": N_("team"),
    "teams": N_("teams"),
    "rater": N_("rater"),
    "target": N_("person rated"),
    "wave": N_("wave"),
    "score": N_("score"),
    "pomp": N_("score (0–100)"),
    "mean": N_("mean"),
    "sd": N_("SD"),
    "n": N_("n"),
    "n_answered": N_("statements answered"),
    "n_items": N_("statements"),
    "n_learners": N_("learners"),
    "n_pairs": N_("pairs"),
    "n_raters": N_("raters"),
    "n_others": N_("others"),
    "self": N_("self"),
    "manager": N_("manager"),
    "peer": N_("peers"),
    "report": N_("reports"),
    "other": N_("other"),
    "others": N_("all others"),
    "gap": N_("gap (self − others)"),
    "category": N_("category"),
    "category_label": N_("category"),
    "diff": N_("difference"),
    "ci_low": N_("95% CI from"),
    "ci_high": N_("95% CI to"),
    "effect": N_("effect size"),
    "d": N_("effect size d"),
    "d_z": N_("effect size d_z"),
    "p": N_("p"),
    "alpha": N_("alpha"),
    "alpha_if_deleted": N_("alpha without item"),
    "std_alpha_if_deleted": N_("standardised alpha without item"),
    "r_drop": N_("item-rest r"),
    "alpha_low": N_("alpha, 95% CI from"),
    "alpha_high": N_("alpha, 95% CI to"),
    "omega": N_("omega"),
    "k": N_("statements"),
    "items": N_("statements"),
    "rwg": N_("rwg"),
    "rwg_j": N_("rwg(j)"),
    "icc1": N_("ICC(1)"),
    "icc2": N_("ICC(2)"),
    "band": N_("agreement"),
    "suppressed": N_("hidden (group too small)"),
    "shared": N_("shared"),
    "private": N_("private"),
    "entries": N_("reflections"),
    "notebook": N_("notebook"),
    "prompt_id": N_("question"),
    "saved": N_("saved"),
    "remark": N_("remark"),
    "note": N_("note"),
    "std_alpha": N_("standardised alpha"),
    "average_r": N_("mean inter-item r"),
    "n_elements": N_("elements"),
    "n_elements_scored": N_("elements scored"),
    "n_frameworks": N_("frameworks"),
    "row": N_("row"),
    "description": N_("what it means"),
    "figure": N_("figure"),
    "claim": N_("claim"),
    "difference": N_("difference"),
    "se": N_("standard error"),
    "verdict": N_("verdict"),
    "what": N_("what"),
    "count": N_("number"),
    "name": N_("element"),
}

#: The word for each 360 rater group code.
RATER_GROUPS: dict[str, str] = {code: COLUMN_NAMES[code]
                                for code in ("self", "manager", "peer", "report", "other")}


def heading(column: object) -> str:
    """The word for one column name in the current language (the name itself when unknown).

    Parameters
    ----------
    column : object
        A column name of a kit table (``"rwg_j"``, ``"n_answered"`` …).

    Returns
    -------
    str
        Its heading.

    Examples
    --------
    >>> heading("rwg_j"), heading("my_own_column")
    ('rwg(j)', 'my_own_column')
    """
    name = str(column)
    return tr(COLUMN_NAMES[name]) if name in COLUMN_NAMES else name


def with_headings(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its column names replaced by their headings (the data are not copied).

    Parameters
    ----------
    frame : pandas.DataFrame
        A table with the kit's column names.

    Returns
    -------
    pandas.DataFrame
        A copy with the same values; each column is renamed by :func:`heading`.

    Examples
    --------
    >>> list(with_headings(pd.DataFrame(columns=["target", "gap"])).columns)
    ['person rated', 'gap (self − others)']
    """
    return frame.rename(columns={c: heading(c) for c in frame.columns})


def rater_label(rater: str) -> str:
    """A rater group code as a word in the current language.

    Parameters
    ----------
    rater : str
        A rater group code such as ``"self"`` or ``"peer"``.

    Returns
    -------
    str
        The group's word in the current language; an unknown code comes back as it is.

    Examples
    --------
    >>> rater_label("peer"), rater_label("coach")
    ('peers', 'coach')
    """
    return tr(RATER_GROUPS[rater]) if rater in RATER_GROUPS else rater
