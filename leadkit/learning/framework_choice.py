"""Choosing a framework (notebook 06): which one fits an organisation, and the learner's themes.

A ``framework-fit`` case (see :mod:`leadkit.learning.cases`) describes an organisation, the themes
it
needs with a weight of 1-3, and which framework fits best. :func:`framework_fit` ranks the
kit's frameworks on those needs through the theme crosswalk, :func:`judge_framework_choice`
gives feedback on the learner's pick, and :func:`learner_theme_scores` rolls the learner's own
self-assessments up to the same themes. These functions are also importable from
:mod:`leadkit.learning.cases`.

Examples
--------
>>> fit = framework_fit("fit-meal-box")
>>> list(fit.columns)
['framework', 'title', 'fit', 'themes']
>>> bool(fit["fit"].is_monotonic_decreasing)
True
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from leadkit.content.frameworks import crosswalk, list_frameworks, load_framework
from leadkit.errors import UnknownIdError
from leadkit.i18n import N_, tr
from leadkit.learning.cases import Judgement, load_case

__all__ = ["framework_fit", "judge_framework_choice", "learner_theme_scores"]



def framework_fit(case: dict | str) -> pd.DataFrame:
    """How well each framework fits an organisation's needs, best first.

    Each element of a framework spreads one unit of attention evenly over its themes; a
    framework's *attention* to a theme is the share of its elements' units on that theme. The
    fit is the attention the framework pays to the needed themes, each weighted by the need's
    weight (1-3) divided by 3: 1.0 would mean every element is only about top needs.

    Parameters
    ----------
    case : dict or str
        A framework-choice case (such as ``"fit-meal-box"``) with its weighted ``needs``, or
        its id.

    Returns
    -------
    DataFrame
        ``framework``, ``title``, ``fit`` (0-1, three decimals) and ``themes`` (the needed
        themes the framework touches), sorted by fit.

    Examples
    --------
    >>> fit = framework_fit("fit-meal-box")
    >>> fit["framework"].tolist()[:2], bool(fit["fit"].is_monotonic_decreasing)
    (['customer-leadership', 'wij-model'], True)
    """
    case = load_case(case)
    weights = {n["theme"]: n["weight"] / 3 for n in case["needs"]}
    cw = crosswalk()
    cw["unit"] = 1 / cw.groupby(["framework", "element"])["theme"].transform("size")
    n_elements = cw.groupby("framework")["element"].nunique()
    attention = cw.groupby(["framework", "theme"])["unit"].sum() / n_elements
    rows = []
    for fid in list_frameworks():
        att = attention.get(fid, pd.Series(dtype=float))
        fit = sum(att.get(t, 0.0) * w for t, w in weights.items())
        touched = [t for t in weights if att.get(t, 0.0) > 0]
        rows.append({"framework": fid, "title": tr(load_framework(fid).title),
                     "fit": round(float(fit), 3), "themes": ", ".join(touched)})
    out = pd.DataFrame(rows).sort_values("fit", ascending=False, kind="stable")
    return out.reset_index(drop=True)


def judge_framework_choice(case: dict | str, framework_id: str | None) -> Judgement:
    """The feedback on the framework a learner chose for an organisation.

    Parameters
    ----------
    case : dict or str
        A framework-choice case, or its id.
    framework_id : str or None
        The framework the learner chose; ``None`` (nothing chosen yet) gives a prompt to
        choose, with an empty quality.

    Returns
    -------
    Judgement
        ``quality`` ``"strong"`` for the case's best framework and ``"mixed"`` for any other,
        with a message giving its rank by :func:`framework_fit`.

    Raises
    ------
    UnknownIdError
        ``framework_id`` is not a framework of the kit.

    Examples
    --------
    >>> from leadkit.learning.cases import load_case
    >>> case = load_case("fit-meal-box")
    >>> judge_framework_choice(case, case["best"]).quality
    'strong'
    """

    case = load_case(case)
    if framework_id is None:
        return Judgement("", tr("Choose a framework first."), ())
    fit = framework_fit(case)
    if framework_id not in set(fit["framework"]):
        raise UnknownIdError(f"unknown framework {framework_id!r}")
    rank = int(fit.index[fit["framework"] == framework_id][0]) + 1
    # Every framework has something to offer, so a choice other than the best is "mixed".
    quality = "strong" if framework_id == case["best"] else "mixed"
    verdict = (N_("The best fit.") if quality == "strong"
               else N_("Not the best fit."))
    text = case["feedback"].get(framework_id)
    ranked = tr("On a rough count of the themes this organisation needs, it ranks {rank} of "
                "{n}.").format(
                 rank=rank, n=len(fit))
    message = " ".join(p for p in (tr(verdict), tr(text) if text else "", ranked) if p)
    return Judgement(quality, message, ())


def learner_theme_scores(journal: Any = None, *, example: str = "T1-01") -> pd.DataFrame:
    """The learner's latest self-assessments of all frameworks, rolled up to the themes.

    Each framework's element scores become theme scores on 0-100 (POMP, see
    :func:`leadkit.survey.scoring.theme_scores`); a theme's value is their mean over the frameworks
    that touch it. When the journal holds no self-assessment yet, the wave-1 self-assessments
    of ``example`` from the sample classes stand in, and ``source`` says so.

    Parameters
    ----------
    journal : Any, optional
        The learner's :class:`~leadkit.store.journal.Journal` (anything with its ``scores()``),
        or a table of saved scores (``framework``, ``element``, ``score``, ``instrument_form``);
        ``None`` shows the example learner. This module never opens a journal itself.
    example : str, default 'T1-01'
        The sample respondent who stands in when nothing is saved.

    Returns
    -------
    DataFrame
        ``theme``, ``label``, ``pomp``, ``n_frameworks`` and ``source`` (``"journal"`` or
        ``"example"``), in the order of the theme list.

    Examples
    --------
    >>> table = learner_theme_scores()
    >>> table.columns.tolist()
    ['theme', 'label', 'pomp', 'n_frameworks', 'source']
    >>> table["theme"].iloc[0], float(table["pomp"].iloc[0]), table["source"].iloc[0]
    ('trust', 68.6, 'example')
    """
    from leadkit.content.catalog import load_dataset
    from leadkit.content.frameworks import themes
    from leadkit.survey.scoring import score, theme_scores

    if journal is None:
        saved = pd.DataFrame(columns=["framework", "element", "score", "instrument_form"])
    elif isinstance(journal, pd.DataFrame):
        saved = journal
    else:
        saved = journal.scores(latest_only=True)
    saved = saved[saved["instrument_form"] == "self"]
    if len(saved):
        tidy, source = saved[["framework", "element", "score"]], "journal"
    else:
        parts = []
        for fid in list_frameworks():
            data = load_dataset(f"{fid}-class")
            mine = data[(data["respondent"] == example) & (data["rater"] == "self")
                        & (data["wave"].astype(str) == "1")]
            parts.append(score(mine, fid)[["framework", "element", "score"]])
        tidy, source = pd.concat(parts, ignore_index=True), "example"
    per_framework = theme_scores(tidy)
    rolled = per_framework.groupby("theme").agg(pomp=("pomp", "mean"),
                                                n_frameworks=("pomp", "count"))
    table = themes()[["theme", "label"]].merge(rolled, on="theme", how="inner")
    table["pomp"] = table["pomp"].round(1)
    table["source"] = source
    return table
