"""The interactive cases of the framework notebooks: load them, and judge what a learner does.

A case is data (``datasets/cases/<id>.yaml``, schema ``case.schema.json``) of one of five kinds:

- ``dilemma`` — a leadership situation in one or more steps; every option carries a quality
  (strong, mixed, weak), feedback and the framework elements it relates to;
- ``compliance`` — a team report whose lines the learner marks as possible pretend compliance;
- ``context`` — notes for combinations of answers to a framework's context profile;
- ``t-shape`` — knowledge areas and the shapes of a T-shape self-map;
- ``framework-fit`` — an organisation, the themes it needs, and which framework fits best.

Every function here is pure: it reads data and returns results in the current language. This
module loads and checks the cases and judges dilemma choices; the exercises on ``compliance``,
``context`` and ``t-shape`` cases are in :mod:`leadkit.learning.exercises`, the
``framework-fit`` cases in :mod:`leadkit.learning.framework_choice`.

Examples
--------
>>> case = load_case("agile-cmo-warm-up")
>>> step = case["steps"][0]
>>> best = next(o["id"] for o in step["options"] if o["quality"] == "strong")
>>> judge_choice(case, step["id"], best).quality
'strong'
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from leadkit.content.datafile import load_validated
from leadkit.content.frameworks import crosswalk, list_frameworks, load_framework
from leadkit.content.paths import data_dir
from leadkit.errors import FrameworkFileError, UnknownIdError
from leadkit.i18n import N_, tr

__all__ = [
    "Judgement",
    "list_cases",
    "load_case",
    "element_names",
    "judge_choice",
]

_QUALITY = {
    "strong": N_("Strong choice."),
    "mixed": N_("Partly."),
    "weak": N_("Risky choice."),
}
_RELATED = N_("Related elements")


@dataclass(frozen=True)
class Judgement:
    """The verdict on one choice of a dilemma or case.

    Attributes
    ----------
    quality : str
        ``"strong"``, ``"mixed"`` or ``"weak"``.
    message : str
        Why, in the current language.
    elements : tuple of str
        The ids of the framework elements the choice draws on.
    """

    quality: str
    message: str
    elements: tuple[str, ...]


def _case_dir() -> Path:
    return data_dir() / "cases"


def list_cases(kind: str | None = None, framework: str | None = None) -> list[str]:
    """The ids of the cases that ship with the kit, optionally of one kind or framework.

    Parameters
    ----------
    kind : str, optional
        Keep only cases of this kind (such as ``"dilemma"`` or ``"context"``). Default
        ``None`` keeps every kind.
    framework : str, optional
        Keep only cases about this framework id. Default ``None`` keeps all of them.

    Returns
    -------
    list of str
        Case ids in alphabetical order.

    Raises
    ------
    FrameworkFileError
        A case file of the kit does not pass its schema; the message names the file and the
        place in it.

    Examples
    --------
    >>> list_cases(kind="dilemma", framework="agile-cmo")
    ['agile-cmo-dilemma', 'agile-cmo-warm-up']
    """
    out = []
    for path in sorted(_case_dir().glob("*.yaml")):
        doc = load_case(path)
        if (kind is None or doc["kind"] == kind) and (
            framework is None or doc.get("framework") == framework
        ):
            out.append(doc["id"])
    return out


def _unique(ids: list[str], file: str, place: str) -> None:
    seen: set[str] = set()
    for i, value in enumerate(ids):
        if value in seen:
            raise FrameworkFileError(file, f"{place}[{i}].id", f"{value!r} is used twice")
        seen.add(value)


def _check(doc: dict, file: str) -> None:
    """What the schema cannot say: ids exist in the framework, ids unique, an answer exists."""
    known = None
    if "framework" in doc:
        try:
            known = {e.id for e in load_framework(doc["framework"]).elements}
        except KeyError as err:
            raise FrameworkFileError(file, "framework", str(err).strip('"')) from None

    def elements(ids: list[str], place: str) -> None:
        for j, el in enumerate(ids):
            if known is not None and el not in known:
                raise FrameworkFileError(file, f"{place}.elements[{j}]",
                                         f"unknown element {el!r}; expected one of "
                                         f"{', '.join(sorted(known))}")

    kind = doc["kind"]
    if kind == "dilemma":
        _unique([s["id"] for s in doc["steps"]], file, "steps")
        for i, step in enumerate(doc["steps"]):
            _unique([o["id"] for o in step["options"]], file, f"steps[{i}].options")
            if not any(o["quality"] == "strong" for o in step["options"]):
                raise FrameworkFileError(file, f"steps[{i}].options",
                                         "no option has quality 'strong'")
            for j, option in enumerate(step["options"]):
                elements(option["elements"], f"steps[{i}].options[{j}]")
    elif kind == "compliance":
        lines = doc["report"]["lines"]
        _unique([ln["id"] for ln in lines], file, "report.lines")
        if len({ln["signal"] for ln in lines}) < 2:
            raise FrameworkFileError(file, "report.lines",
                                     "expected some lines with signal: true and some without")
        for i, line in enumerate(lines):
            elements(line["elements"], f"report.lines[{i}]")
    elif kind == "context":
        profile = {q["id"]: {o["id"] for o in q["options"]}
                   for q in load_framework(doc["framework"]).context_profile}
        for i, combo in enumerate(doc["combinations"]):
            for question, option in combo["when"].items():
                if option not in profile.get(question, set()):
                    raise FrameworkFileError(file, f"combinations[{i}].when.{question}",
                                             f"{question}: {option} is not in the framework's "
                                             "context profile")
            elements(combo["elements"], f"combinations[{i}]")
    elif kind == "t-shape":
        _unique([a["id"] for a in doc["areas"]], file, "areas")
        for name, shape in doc["shapes"].items():
            elements(shape["elements"], f"shapes.{name}")
    elif kind == "framework-fit":
        themes = set(crosswalk()["theme"])
        for i, need in enumerate(doc["needs"]):
            if need["theme"] not in themes:
                raise FrameworkFileError(file, f"needs[{i}].theme",
                                         f"no framework element touches theme {need['theme']!r}")
        for place, fid in [("best", doc["best"]), *(("feedback", f) for f in doc["feedback"])]:
            if fid not in list_frameworks():
                raise FrameworkFileError(file, place, f"unknown framework {fid!r}")
        if doc["best"] not in doc["feedback"]:
            raise FrameworkFileError(file, "feedback", "the best framework needs feedback too")


def load_case(id_or_path: str | Path | dict) -> dict:
    """Load and validate a case by id (``"agile-cmo-dilemma"``) or from a YAML file.

    A case already loaded (a dict) is returned as it is, so every function that takes a case
    accepts an id, a path or the loaded case through this one call.

    Parameters
    ----------
    id_or_path : str or pathlib.Path
        A case id of the kit, or the path of a case YAML file (anything with a suffix is
        taken as a path).

    Returns
    -------
    dict
        The case as read from YAML: ``id``, ``kind``, ``framework`` and the parts of its kind.

    Raises
    ------
    UnknownIdError
        The id is not a case of the kit; the message lists the ones there are.
    FrameworkFileError
        The file does not pass the case schema or the kit's further checks.

    Examples
    --------
    >>> case = load_case("agile-cmo-dilemma")
    >>> case["kind"], [step["id"] for step in case["steps"]][:2]
    ('dilemma', ['vision', 'calibrate'])
    """
    if isinstance(id_or_path, dict):
        return id_or_path
    path = Path(id_or_path)
    if not path.suffix:
        path = _case_dir() / f"{id_or_path}.yaml"
        if not path.is_file():
            known = ", ".join(p.stem for p in sorted(_case_dir().glob("*.yaml")))
            raise UnknownIdError(f"unknown case {str(id_or_path)!r}; the kit has: {known}")
    doc = load_validated(path, "case")
    _check(doc, str(path))
    return doc


def element_names(framework_id: str, element_ids: Collection[str]) -> str:
    """The elements' names in the current language, joined for a sentence.

    Parameters
    ----------
    framework_id : str
        The framework the elements belong to.
    element_ids : collection of str
        The element ids, in the order to name them.

    Returns
    -------
    str
        The element labels joined with ``"; "``.

    Raises
    ------
    UnknownIdError
        The framework or one of the elements does not exist; the message lists the ids that
        do.

    Examples
    --------
    >>> element_names("agile-cmo", ["build-trust"])
    'Build trust'
    """
    fw = load_framework(framework_id)
    return "; ".join(fw.element(e).label for e in element_ids)


def judge_choice(case: dict | str, step_id: str, option_id: str | None) -> Judgement:
    """The feedback on one option of a dilemma step, naming the elements it relates to.

    Parameters
    ----------
    case : dict or str
        A case loaded with :func:`load_case`, or its id.
    step_id : str
        The id of the step of the dilemma.
    option_id : str or None
        The option the learner chose; ``None`` (nothing chosen yet) gives a prompt to choose,
        with an empty quality.

    Returns
    -------
    Judgement
        ``quality`` (``"strong"``, ``"mixed"`` or ``"weak"``), the message in the current
        language and the ids of the elements the option relates to.

    Raises
    ------
    UnknownIdError
        The case has no such step, or the step no such option.

    Examples
    --------
    >>> j = judge_choice("agile-cmo-dilemma", "vision", "a")
    >>> j.quality, j.elements
    ('weak', ('create-and-share-vision',))
    >>> judge_choice("agile-cmo-dilemma", "vision", None).quality
    ''
    """
    case = load_case(case)
    step = next((s for s in case["steps"] if s["id"] == step_id), None)
    if step is None:
        raise UnknownIdError(f"case {case['id']!r} has no step {step_id!r}")
    if option_id is None:
        return Judgement("", tr("Choose an option first."), ())
    option = next((o for o in step["options"] if o["id"] == option_id), None)
    if option is None:
        known = ", ".join(o["id"] for o in step["options"])
        raise UnknownIdError(f"step {step_id!r} has no option {option_id!r}; options: {known}")
    names = element_names(case["framework"], option["elements"])
    message = (f"{tr(_QUALITY[option['quality']])} {tr(option['feedback'])} "
               f"({tr(_RELATED)}: {names})")
    return Judgement(option["quality"], message, tuple(option["elements"]))
