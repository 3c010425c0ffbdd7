"""Team scenarios: marketing-team stories that run on the kit's published simulation models.

A scenario is data (``datasets/scenarios/<id>.yaml``, checked against
``datasets/schema/scenario.schema.json``): a story in Dutch and English, the model it runs on
and the model's fixed parameters, the levers a learner may move (each sets one model
parameter), the outcomes to show, and a debrief tied to framework elements. Loading a file
also checks what a schema cannot: that every lever and fixed parameter exists in the model,
defaults lie within their range, outcome columns exist, and debrief links name real framework
elements.

Examples
--------
>>> list_scenarios()
['crm-dashboard', 'key-account-price', 'new-cmo-alignment', 'silo-marketing']
>>> sc = load_scenario("key-account-price")
>>> sc["model"], [lever["parameter"] for lever in sc["levers"]]
('approval', ['layers', 'mandate', 'send_back'])
>>> df = run_scenario(sc, {"layers": 1}, replications=4, seed=1)
>>> len(df)
4
>>> summarise_outcomes(sc, df)["outcome"].tolist()
['in_time', 'mean_lead_days']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from leadkit.content.datafile import load_validated
from leadkit.content.paths import kit_file, kit_ids
from leadkit.errors import FrameworkFileError
from leadkit.i18n import tr
from leadkit.simulate._stats import mean_ci

__all__ = ["list_scenarios", "load_scenario", "run_scenario", "summarise_outcomes",
           "lever_values", "MODEL_PARAMETERS"]

#: Parameters each model accepts from a scenario, and the outcome columns it returns.
MODEL_PARAMETERS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "march": (frozenset({"p1", "p2", "p3", "p4", "m", "n", "variant", "max_periods",
                         "fast_learners", "p1_fast"}),
              frozenset({"code_knowledge", "code_score", "individual_knowledge", "periods"})),
    "fang": (frozenset({"linking", "groups", "group_size", "m", "p_learn", "max_periods"}),
             frozenset({"knowledge", "agreement", "periods"})),
    "emperor": (frozenset({"agents", "believers", "max_strength", "cost", "network", "k",
                           "rewiring", "clustered", "periods"}),
                frozenset({"compliance", "private_support", "false_compliance",
                           "false_enforcement", "enforcing_deviance"})),
    "approval": (frozenset({"layers", "mandate", "requests", "arrival_rate", "approver_rate",
                            "other_work", "send_back", "team_days", "rework_days",
                            "deadline_days"}),
                 frozenset({"mean_lead_days", "p90_lead_days", "in_time", "send_backs",
                            "within_mandate"})),
}

#: Replications run per chunk; chunk c draws from entropy (seed, c), so a result never
#: depends on whether a progress bar was shown. The Emperor's Dilemma costs the same per
#: chunk whatever its size (agents update one at a time), so it runs in larger chunks.
CHUNK = 10
_CHUNKS = {"emperor": 20}


def list_scenarios() -> list[str]:
    """The ids of the scenarios that ship with the kit, sorted.

    Returns
    -------
    list of str
        The scenario ids.

    Examples
    --------
    >>> list_scenarios()
    ['crm-dashboard', 'key-account-price', 'new-cmo-alignment', 'silo-marketing']
    """
    return kit_ids("scenarios")


def _check(doc: dict, file: str) -> None:
    """What the schema cannot say (see the module text)."""
    accepted, columns = MODEL_PARAMETERS[doc["model"]]
    for key in doc["fixed"]:
        if key not in accepted:
            raise FrameworkFileError(file, f"fixed.{key}", f"the model {doc['model']!r} has no "
                                     f"parameter {key!r}; expected one of {sorted(accepted)}")
    seen: set[str] = set()
    for i, lever in enumerate(doc["levers"]):
        place, param = f"levers[{i}]", lever["parameter"]
        if param not in accepted:
            raise FrameworkFileError(file, f"{place}.parameter", f"the model {doc['model']!r} "
                                     f"has no parameter {param!r}")
        if param in doc["fixed"] or param in seen:
            raise FrameworkFileError(file, f"{place}.parameter",
                                     f"{param!r} is set twice (fixed or by another lever)")
        seen.add(param)
        if "options" in lever:
            if lever["default"] not in [o["value"] for o in lever["options"]]:
                raise FrameworkFileError(file, f"{place}.default", "the default is not one of "
                                         "the options")
            continue
        lo, hi, step, default = lever["min"], lever["max"], lever["step"], lever["default"]
        if not (isinstance(default, int | float) and lo <= default <= hi and lo < hi):
            raise FrameworkFileError(file, f"{place}.default",
                                     f"expected a number from min {lo} to max {hi} (min < max)")
        if abs((default - lo) / step - round((default - lo) / step)) > 1e-9:
            raise FrameworkFileError(file, f"{place}.default", f"{default} is not on the "
                                     f"slider's steps of {step} from {lo}")
    for i, outcome in enumerate(doc["outcomes"]):
        if outcome["column"] not in columns:
            raise FrameworkFileError(file, f"outcomes[{i}].column", f"the model returns "
                                     f"{sorted(columns)}, not {outcome['column']!r}")
    for i, question in enumerate(doc["check"]):
        if not any(option["correct"] for option in question["options"]):
            raise FrameworkFileError(file, f"check[{i}].options",
                                     "no option is marked correct: true")
    from leadkit.content.frameworks import load_framework

    for i, link in enumerate(doc["debrief"]["links"]):
        try:
            known = {e.id for e in load_framework(link["framework"]).elements}
        except (KeyError, FrameworkFileError):
            raise FrameworkFileError(file, f"debrief.links[{i}].framework",
                                     f"unknown framework {link['framework']!r}") from None
        if link["element"] not in known:
            raise FrameworkFileError(file, f"debrief.links[{i}].element",
                                     f"unknown element {link['element']!r}; expected one of "
                                     f"{', '.join(sorted(known))}")


@cache
def _load(path: Path, mtime: float) -> dict:
    doc = load_validated(path, "scenario")
    _check(doc, str(path))
    return doc


def load_scenario(id_or_path: str | Path) -> dict:
    """Load and validate a scenario by id (``"silo-marketing"``) or from a YAML file path.

    Parameters
    ----------
    id_or_path : str or pathlib.Path
        A scenario id of the kit, or the path of a scenario YAML file (anything with a suffix
        is taken as a path).

    Returns
    -------
    dict
        The scenario: ``id``, ``model``, ``fixed`` parameters, ``levers``, ``outcomes`` and
        ``replications`` (``play`` and ``research`` counts), among others.

    Raises
    ------
    FrameworkFileError
        When the file breaks the schema or the checks above; names file and place.

    Examples
    --------
    >>> sc = load_scenario("key-account-price")
    >>> sc["model"], [lever["id"] for lever in sc["levers"]]
    ('approval', ['layers', 'mandate', 'send-back'])
    """
    path = Path(id_or_path)
    if not path.suffix:
        path = kit_file("scenarios", str(id_or_path))
        if not path.is_file():
            raise FrameworkFileError(str(path), "", f"no scenario {str(id_or_path)!r}; "
                                     f"expected one of {', '.join(list_scenarios())}")
    # Cached per file version: a widget re-reads the file only when it changed.
    return _load(path.resolve(), path.stat().st_mtime)


def lever_values(scenario: Mapping, levers: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Model parameters for a run: fixed ones, lever defaults, then the given lever values.

    ``levers`` may be keyed by lever id or by model parameter.

    Parameters
    ----------
    scenario : mapping
        A scenario of :func:`load_scenario`.
    levers : mapping, optional
        The values chosen, keyed by lever id or model parameter. Default ``None`` keeps every
        lever at its default.

    Returns
    -------
    dict
        Model parameter → value, ready to pass to the scenario's model.

    Raises
    ------
    ValueError
        A key is not a lever of the scenario.

    Examples
    --------
    >>> sc = load_scenario("key-account-price")
    >>> params = lever_values(sc, {"mandate": 0.5})
    >>> params["mandate"], params["layers"]
    (0.5, 3)
    """
    params = dict(scenario["fixed"])
    by_id = {lv["id"]: lv["parameter"] for lv in scenario["levers"]}
    params.update({lv["parameter"]: lv["default"] for lv in scenario["levers"]})
    for key, value in (levers or {}).items():
        param = by_id.get(key, key)
        if param not in by_id.values():
            raise ValueError(f"{key!r} is not a lever of scenario {scenario['id']!r}")
        params[param] = value
    return params


def _model(name: str) -> Callable[..., pd.DataFrame]:
    from leadkit import simulate
    return getattr(simulate, name)


def run_scenario(
    scenario: Mapping | str,
    levers: Mapping[str, Any] | None = None,
    *,
    replications: int | None = None,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
) -> pd.DataFrame:
    """Run the scenario's model for many simulated teams; one row per team.

    ``replications`` defaults to the scenario's ``play`` count. Teams are run in chunks of
    :data:`CHUNK`; ``progress`` (if given) is called with the share done after each chunk.

    Parameters
    ----------
    scenario : mapping or str
        A scenario of :func:`load_scenario`, or its id.
    levers : mapping, optional
        Lever values as for :func:`lever_values`. Default ``None`` uses the defaults.
    replications : int, optional
        The number of simulated teams. Default ``None`` takes the scenario's ``play`` count.
    seed : int, default 0
        The root seed; the same seed and levers give the same rows.
    progress : callable, optional
        Called with the share done (0 to 1) after each chunk. Default ``None`` reports
        nothing.

    Returns
    -------
    pandas.DataFrame
        One row per simulated team: ``replication`` and the model's outcome columns.

    Raises
    ------
    ValueError
        A lever is unknown, or its value is outside what the model accepts.

    Examples
    --------
    >>> runs = run_scenario("key-account-price", replications=20, seed=1)
    >>> runs.shape, "in_time" in runs.columns
    ((20, 6), True)
    """
    sc = load_scenario(scenario) if isinstance(scenario, str) else scenario
    params = lever_values(sc, levers)
    total = int(replications or sc["replications"]["play"])
    model = _model(sc["model"])
    parts, done = [], 0
    step = _CHUNKS.get(sc["model"], CHUNK)
    for chunk in range(int(np.ceil(total / step))):
        size = min(step, total - done)
        part = model(**params, replications=size, seed=[int(seed), chunk])
        part["replication"] = np.arange(done, done + size)
        parts.append(part)
        done += size
        if progress is not None:
            progress(done / total)
    return pd.concat(parts, ignore_index=True)


def summarise_outcomes(scenario: Mapping, runs: pd.DataFrame) -> pd.DataFrame:
    """Mean, spread and 95% CI of each outcome of ``runs``, labelled in the current language.

    Parameters
    ----------
    scenario : mapping
        The scenario that was run.
    runs : pandas.DataFrame
        The rows of :func:`run_scenario`.

    Returns
    -------
    pandas.DataFrame
        One row per outcome of the scenario: ``outcome``, ``label``, ``unit`` and the
        ``mean``, ``sd``, ``se``, ``ci_low``, ``ci_high`` and ``n`` of
        :func:`~leadkit.simulate._stats.mean_ci`.

    Examples
    --------
    >>> sc = load_scenario("key-account-price")
    >>> table = summarise_outcomes(sc, run_scenario(sc, replications=20, seed=1))
    >>> table["outcome"].tolist(), table["n"].tolist()
    (['in_time', 'mean_lead_days'], [20, 20])
    """
    rows = []
    for outcome in scenario["outcomes"]:
        s = mean_ci(runs[outcome["column"]])
        rows.append({"outcome": outcome["column"], "label": tr(outcome["label"]),
                     "unit": outcome["unit"], **s})
    return pd.DataFrame(rows)
