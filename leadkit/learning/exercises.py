"""Exercises on the cases: spot pretend compliance, read a context profile, map a T-shape.

Each takes a case of :mod:`leadkit.learning.cases` (an id or the loaded dict) and what the
learner did, and returns the judgement in the current language:

- :func:`score_compliance` — the lines of a team report a learner marked as possible pretend
  compliance ("meestribbelen"), against the case's key;
- :func:`context_implications` — what a combination of answers to a framework's context
  profile means for the leader;
- :func:`classify_t_shape` — the shape of a T-shape self-map (deep and broad areas).

Examples
--------
>>> result = score_compliance("leading-professionals-crm-report", [])
>>> result.youden
0.0
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import pandas as pd

from leadkit.content.frameworks import load_framework
from leadkit.docparams import shared_params
from leadkit.errors import UnknownIdError
from leadkit.i18n import format_number, tr
from leadkit.learning.cases import element_names, load_case

__all__ = ["ComplianceResult", "TShape", "score_compliance", "context_implications",
           "classify_t_shape"]


@dataclass(frozen=True)
class ComplianceResult:
    """How well a learner spotted the signals of pretend compliance in a report.

    Attributes
    ----------
    hits, misses : int
        Signals marked and signals missed.
    false_alarms, correct_rejections : int
        Other lines marked and other lines left alone.
    youden : float
        Hits/signals − false alarms/non-signals (Youden's J): 1 is perfect, 0 is what marking
        lines at random achieves on average.
    message : str
        The verdict in the current language.
    lines : pandas.DataFrame
        One row per report line: whether it is a signal, whether it was marked, and why.
    """

    hits: int
    misses: int
    false_alarms: int
    correct_rejections: int
    youden: float
    message: str
    lines: pd.DataFrame


def score_compliance(case: dict | str, marked: Collection[str]) -> ComplianceResult:
    """Compare the report lines a learner marked with the lines that are signals.

    Parameters
    ----------
    case : dict or str
        A compliance case (such as ``"leading-professionals-crm-report"``) or its id.
    marked : collection of str
        The ids of the report lines the learner marked as signals.

    Returns
    -------
    ComplianceResult
        Hits, misses, false alarms, correct rejections, Youden's J (three decimals), a message
        in the current language and a table with one row per line.

    Raises
    ------
    UnknownIdError
        A marked id is not a line of the report.

    Examples
    --------
    >>> case = load_case("leading-professionals-crm-report")
    >>> signals = [ln["id"] for ln in case["report"]["lines"] if ln["signal"]]
    >>> r = score_compliance(case, signals)
    >>> (r.misses, r.false_alarms, r.youden)
    (0, 0, 1.0)
    """
    case = load_case(case)
    lines = case["report"]["lines"]
    unknown = set(marked) - {ln["id"] for ln in lines}
    if unknown:
        raise UnknownIdError(f"unknown report line(s): {', '.join(sorted(unknown))}")
    rows = []
    for ln in lines:
        picked = ln["id"] in marked
        outcome = ("hit" if picked else "miss") if ln["signal"] else (
            "false-alarm" if picked else "correct-rejection")
        rows.append({"line": ln["id"], "marked": picked, "signal": ln["signal"],
                     "outcome": outcome, "explanation": tr(ln["explanation"]),
                     "elements": element_names(case["framework"], ln["elements"])})
    table = pd.DataFrame(rows)
    count = table["outcome"].value_counts()
    hits, misses = int(count.get("hit", 0)), int(count.get("miss", 0))
    fa, cr = int(count.get("false-alarm", 0)), int(count.get("correct-rejection", 0))
    youden = round(hits / (hits + misses) - fa / (fa + cr), 3)
    message = tr("You spotted {hits} of the {value} signals and marked {fa} of the {value2} "
                 "ordinary lines. Score {value3} (1 is perfect, 0 is no better than marking "
                 "lines at random).").format(
                  hits=hits, value=hits + misses, fa=fa, value2=fa + cr,
                  value3=format_number(youden))
    return ComplianceResult(hits, misses, fa, cr, youden, message, table)


def context_implications(choices: Mapping[str, str], case: dict | str = "silo-context",
                         ) -> pd.DataFrame:
    """What a context profile implies: one row per answered question, then combination notes.

    Parameters
    ----------
    choices : mapping
        Question id → option id of the framework's ``context_profile``; unanswered questions
        are left out.
    case : dict or str
        A ``context`` case with notes for combinations of answers.

    Returns
    -------
    DataFrame
        Columns ``aspect``, ``choice``, ``implication`` and ``elements`` (names).

    Examples
    --------
    >>> t = context_implications({"market-focus": "b2b", "player-type": None})
    >>> t.columns.tolist(), len(t)
    (['aspect', 'choice', 'implication', 'elements'], 1)
    """
    case = load_case(case)
    fw = load_framework(case["framework"])
    questions = {q["id"]: q for q in fw.context_profile}
    rows = []
    for qid, oid in choices.items():
        if oid is None:
            continue
        if qid not in questions:
            raise UnknownIdError(f"{fw.id} has no context question {qid!r}; "
                           f"questions: {', '.join(questions)}")
        option = next((o for o in questions[qid]["options"] if o["id"] == oid), None)
        if option is None:
            raise UnknownIdError(f"question {qid!r} has no option {oid!r}")
        rows.append({"aspect": tr(questions[qid]["question"]), "choice": tr(option["label"]),
                     "implication": tr(option["implication"]), "elements": ""})
    for combo in case["combinations"]:
        if all(choices.get(q) == o for q, o in combo["when"].items()):
            rows.append({"aspect": tr("Taken together"),
                         "choice": " + ".join(
                             tr(next(o["label"] for o in questions[q]["options"] if o["id"] == v))
                             for q, v in combo["when"].items()),
                         "implication": tr(combo["note"]),
                         "elements": element_names(fw.id, combo["elements"])})
    return pd.DataFrame(rows, columns=["aspect", "choice", "implication", "elements"])


@dataclass(frozen=True)
class TShape:
    """The shape of a T-shape self-map and what it means.

    Attributes
    ----------
    shape : str
        ``"starter"``, ``"generalist"``, ``"specialist"``, ``"t-shaped"`` or ``"comb-shaped"``.
    label, meaning : str
        Its name and what it means for working across disciplines, in the current language.
    deep, broad : tuple of str
        The areas at the top level, and the other areas at level 2 or higher.
    breadth : float
        The share of the other areas at level 2 or higher.
    elements : tuple of str
        The framework elements the shape speaks to.
    """

    shape: str
    label: str
    meaning: str
    deep: tuple[str, ...]
    broad: tuple[str, ...]
    breadth: float
    elements: tuple[str, ...]


@shared_params
def classify_t_shape(ratings: Mapping[str, int | None], case: dict | str = "silo-t-shape", *,
                     breadth_needed: float = 0.5) -> TShape:
    """Classify a self-map of knowledge areas as starter, generalist, specialist, T or comb.

    The rule (the kit's own teaching rule): an area at the case's top level is *deep*; an area
    at level 2 or higher counts towards *breadth*, the share of the other areas so covered.
    No deep area: generalist when breadth reaches ``breadth_needed``, else starter. One deep
    area: T-shaped with enough breadth, else specialist. Two or more deep areas with enough
    breadth: comb-shaped (several deep areas), else specialist.

    Parameters
    ----------
    ratings : mapping
        Area id → level (a whole number from 1 to the case's top level), or ``None`` for an
        area not rated; areas left out count as not rated.
    case : dict or str, default "silo-t-shape"
        The T-shape case with the areas, levels and shapes.
    breadth_needed : float, default 0.5
        The share of the other areas at level 2 or higher that makes a profile broad.

    Returns
    -------
    TShape
        The shape id, its label and meaning in the current language, the deep and the broad
        areas, the breadth (three decimals) and the related elements.

    Raises
    ------
    %(t_shape_raises)s

    Examples
    --------
    >>> areas = [a["id"] for a in load_case("silo-t-shape")["areas"]]
    >>> ratings = dict.fromkeys(areas, 2) | {areas[0]: 4}
    >>> classify_t_shape(ratings).shape
    't-shaped'
    """
    case = load_case(case)
    top = len(case["levels"])
    areas = [a["id"] for a in case["areas"]]
    unknown = set(ratings) - set(areas)
    if unknown:
        raise UnknownIdError(f"unknown area(s): {', '.join(sorted(unknown))}; "
                             f"areas: {', '.join(areas)}")
    for area, level in ratings.items():
        if level is not None and not (isinstance(level, int) and 1 <= level <= top):
            raise ValueError(f"level of {area!r} must be a whole number from 1 to {top}, "
                             f"not {level!r}")
    rated = {a: v for a, v in ratings.items() if v is not None}
    deep = tuple(a for a in areas if rated.get(a) == top)
    rest = [a for a in areas if a not in deep]
    broad = tuple(a for a in rest if rated.get(a, 0) >= 2)
    breadth = len(broad) / len(rest) if rest else 1.0
    wide = breadth >= breadth_needed
    if not deep:
        shape = "generalist" if wide else "starter"
    elif not wide:
        shape = "specialist"
    else:
        shape = "t-shaped" if len(deep) == 1 else "comb-shaped"
    info = case["shapes"][shape]
    return TShape(shape, tr(info["label"]), tr(info["meaning"]), deep, broad, round(breadth, 3),
                  tuple(info["elements"]))
