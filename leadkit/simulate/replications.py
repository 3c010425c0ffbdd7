"""The published results the kit's models reproduce, each beside its source's claim.

Every figure id names one published result: the experiment (which parameters, which outcome),
the claim its source makes, and a check of that claim on the simulated replications. A claim
"A is higher than B" counts as shown when A − B > 3 · SE(A − B) (one-sided p < 0.0015);
with few replications a true effect may not yet show, and the check says so rather than
pretending. Notebook 08 and ``tests/simulate/test_replications.py`` use this module.

Examples
--------
>>> summary = reproduce("approval", replications=5, seed=1)
>>> sorted(summary.columns)[:4]
['ci_high', 'ci_low', 'exact', 'group']
>>> check_claim("approval", summary)["figure"]
'approval'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from leadkit.errors import UnknownIdError
from leadkit.i18n import N_, tr
from leadkit.simulate._approval import approval, approval_expected
from leadkit.simulate._emperor import emperor
from leadkit.simulate._fang import fang
from leadkit.simulate._march import march
from leadkit.simulate._stats import mean_ci

__all__ = ["FIGURES", "reproduce", "check_claim", "claims_table"]


@dataclass(frozen=True)
class Figure:
    """One published result: title, source, claim and how to run and check it."""

    title: str  # message ids, translated when shown
    source: str
    claim: str
    x_label: str
    y_label: str
    runs: Callable[[int, int], list[tuple[object, object, pd.Series]]]
    compare: tuple[tuple[object, object], tuple[object, object]]
    group_label: str = ""  # prefix of a group's legend entry, e.g. "p2 = "


def _march_cells(cells, value="code_knowledge", **fixed):
    def runs(reps: int, seed: int):
        out = []
        for i, (x, group, params) in enumerate(cells):
            df = march(**{**fixed, **params}, replications=reps, seed=[seed, i])
            out.append((x, group, df[value]))
        return out
    return runs


def _march3(reps: int, seed: int):
    out = []
    for i, f in enumerate((10, 25, 40)):
        df = march(0.1, 0.5, fast_learners=f, replications=reps, seed=[seed, i], max_periods=20)
        out += [(f, "fast", df["fast_knowledge"]), (f, "slow", df["slow_knowledge"])]
    return out


def _march5(reps: int, seed: int):
    out = []
    for i, p3 in enumerate((0.0, 0.1)):
        df = march(0.5, 0.5, p3=p3, p4=0.02, replications=reps, seed=[seed, i],
                   max_periods=100, trajectory=True)
        for period in (0, 10, 20, 40, 60, 80, 100):
            out.append((period, p3, df.loc[df["period"] == period, "code_knowledge"]))
    return out


def _fang(reps: int, seed: int):
    return [(link, "fang", fang(link, replications=reps, seed=[seed, i])["knowledge"])
            for i, link in enumerate((0.0, 0.01, 0.03, 0.1, 0.3, 1.0))]


_EMPEROR: dict[str, dict[str, Any]] = {"local": dict(network="local", rewiring=0.03),
            "random": dict(network="local", rewiring=1.0),
            "global": dict(network="global")}


def _emperor(reps: int, seed: int):
    return [(name, "emperor", emperor(agents=500, periods=20, replications=reps,
                                      seed=[seed, i], **kw)["false_compliance"])
            for i, (name, kw) in enumerate(_EMPEROR.items())]


def _approval(reps: int, seed: int):
    return [(layers, mandate, approval(layers, mandate, replications=reps,
                                       seed=[seed, 10 * layers + int(10 * mandate)])[
                                           "mean_lead_days"])
            for mandate in (0.0, 0.5) for layers in range(5) if not (layers == 4 and
                                                                        mandate == 0.0)]


_P1 = (0.1, 0.3, 0.5, 0.7, 0.9)
_KNOW = N_("Code knowledge (share of dimensions right)")

FIGURES: dict[str, Figure] = {
    "march-1": Figure(
        N_("March (1991), Figure 1: learning rates"),
        "March (1991), Fig. 1; actions reading: Rodan (2005), Christensen (2015)",
        N_("Slower socialisation (low p1) gives higher equilibrium knowledge when the code "
           "learns fast."),
        N_("Socialisation rate p1"), _KNOW,
        _march_cells([(p1, p2, dict(p1=p1, p2=p2)) for p2 in (0.1, 0.5, 0.9) for p1 in _P1]),
        ((0.1, 0.9), (0.9, 0.9)), "p2 = ",
    ),
    "march-2": Figure(
        N_("March (1991), Figure 2: slow and fast learners"),
        "March (1991), Fig. 2 (p1 = 0.1 and 0.9, p2 = 0.5)",
        N_("Slow learners help the code: a mix beats an all-fast organisation."),
        N_("Fast learners (of 50)"), _KNOW,
        _march_cells([(f, "mix", dict(p1=0.1, p2=0.5, fast_learners=f))
                      for f in (0, 10, 25, 40, 50)]),
        ((25, "mix"), (50, "mix")),
    ),
    "march-3": Figure(
        N_("March (1991), Figure 3: who learns, period 20"),
        "March (1991), Fig. 3 (period 20)",
        N_("At period 20 fast learners know more than slow learners: learning fast pays the "
           "individual, learning slowly pays the organisation."),
        N_("Fast learners (of 50)"),
        N_("Individual knowledge"),
        _march3, ((25, "fast"), (25, "slow")),
    ),
    "march-4": Figure(
        N_("March (1991), Figure 4: turnover, period 20"),
        "March (1991), Fig. 4 (p2 = 0.5, period 20)",
        N_("Modest turnover raises the code's knowledge when socialisation is fast."),
        N_("Turnover p3"), _KNOW,
        _march_cells([(p3, p1, dict(p1=p1, p2=0.5, p3=p3, max_periods=20))
                      for p1 in (0.1, 0.9) for p3 in (0.0, 0.05, 0.1, 0.2, 0.3)]),
        ((0.1, 0.9), (0.0, 0.9)), "p1 = ",
    ),
    "march-5": Figure(
        N_("March (1991), Figure 5: turbulence"),
        "March (1991), Fig. 5 (p1 = p2 = 0.5, p4 = 0.02)",
        N_("Under turbulence knowledge decays without turnover; turnover keeps it up."),
        N_("Period"), _KNOW, _march5, ((100, 0.1), (100, 0.0)), "p3 = ",
    ),
    "fang": Figure(
        N_("Fang, Lee & Schilling (2010): linking subgroups"),
        "Fang, Lee & Schilling (2010), Organization Science 21(3)",
        N_("Moderate cross-group linking gives the highest equilibrium knowledge."),
        N_("Cross-group linking"),
        N_("Equilibrium knowledge"), _fang,
        ((0.1, "fang"), (1.0, "fang")),
    ),
    "emperor": Figure(
        N_("Centola, Willer & Macy (2005): the Emperor's Dilemma"),
        "Centola, Willer & Macy (2005), American Journal of Sociology 110(4)",
        N_("An unpopular norm cascades under local interaction, not when everyone sees everyone."),
        N_("Who sees whom"),
        N_("Disbelievers who comply"), _emperor,
        (("local", "emperor"), ("global", "emperor")),
    ),
    "approval": Figure(
        N_("Approval layers: simulation and queueing theory"),
        "Jackson (1957) networks of queues; Little's law",
        N_("Each layer adds waiting time; a mandate cuts it. The simulated means agree with the "
           "exact Jackson-network values."),
        N_("Approval layers"),
        N_("Mean lead time (days)"), _approval,
        ((3, 0.0), (1, 0.0)), N_("mandate = "),
    ),
}

#: Replications the figures use unless told otherwise (notebook 08 uses fewer).
DEFAULT_REPLICATIONS = 200


@lru_cache(maxsize=32)
def reproduce(figure_id: str, replications: int = DEFAULT_REPLICATIONS,
              seed: int = 1991) -> pd.DataFrame:
    """Run one figure's experiment; one row per (x, group) with mean and 95% CI.

    Cached, so a plot and a claim check of the same run share one simulation.
    """
    if figure_id not in FIGURES:
        raise UnknownIdError(f"unknown figure {figure_id!r}; expected one of {', '.join(FIGURES)}")
    rows = []
    for x, group, values in FIGURES[figure_id].runs(int(replications), int(seed)):
        row = {"x": x, "group": group, **mean_ci(values)}
        if figure_id == "approval":
            row["exact"] = approval_expected(layers=x, mandate=group)["mean_lead_days"]  # type: ignore[arg-type]
        rows.append(row)
    return pd.DataFrame(rows)


def check_claim(figure_id: str, summary: pd.DataFrame) -> dict:
    """Check whether the simulated summary shows the source's claim; return a small report.

    Parameters
    ----------
    figure_id : str
        A key of :data:`FIGURES`, such as ``"approval"`` or ``"march-1"``.
    summary : pandas.DataFrame
        The summary of :func:`reproduce` for that figure.

    Returns
    -------
    dict
        ``figure``, ``claim`` (current language), ``difference`` of the two compared cells, its
        ``se``, the fewest ``replications`` of any cell, the ``verdict`` in words and
        ``holds`` (the difference exceeds three standard errors; for the approval model the
        exact values are also within four standard errors).

    Examples
    --------
    >>> report = check_claim("approval", reproduce("approval", 20, 1))
    >>> report["holds"], report["replications"]
    (True, 20)
    """
    fig = FIGURES[figure_id]

    def cell(key):
        hit = summary[(summary["x"] == key[0]) & (summary["group"] == key[1])]
        return hit.iloc[0]

    a, b = cell(fig.compare[0]), cell(fig.compare[1])
    diff, se = a["mean"] - b["mean"], float(np.hypot(a["se"], b["se"]))
    holds = bool(diff > 3 * se)
    if figure_id == "approval":
        z = (summary["mean"] - summary["exact"]).abs() / summary["se"]
        holds = holds and bool((z < 4).all())
    verdict = (N_("shown") if holds else
               N_("not shown with this many replications"))
    return {"figure": figure_id, "claim": tr(fig.claim), "difference": diff, "se": se,
            "replications": int(summary["n"].min()), "verdict": tr(verdict), "holds": holds}


def claims_table(replications: int = DEFAULT_REPLICATIONS, seed: int = 1991,
                 figures: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Every figure's claim with the simulated difference, its SE and the verdict.

    Parameters
    ----------
    replications : int, default DEFAULT_REPLICATIONS
        Replications per cell of each figure.
    seed : int, default 1991
        The root seed.
    figures : tuple of str, optional
        The figures to check. Default ``None`` checks all of :data:`FIGURES`.

    Returns
    -------
    pandas.DataFrame
        One row per figure with the fields of :func:`check_claim`.

    Examples
    --------
    >>> claims_table(20, figures=("approval",))[["figure", "holds"]].to_dict("records")
    [{'figure': 'approval', 'holds': True}]
    """
    rows = [check_claim(f, reproduce(f, replications, seed)) for f in figures or tuple(FIGURES)]
    return pd.DataFrame(rows)

