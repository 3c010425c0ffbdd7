"""Charts of simulated teams: a scenario's outcomes and the reproduced published figures.

Colours come from the colour-blind-safe Okabe-Ito palette, and nothing is said by colour
alone: groups also differ in marker shape and are named in a legend; means and 95% confidence
intervals are drawn and written. Every function returns a matplotlib ``Figure``.

Examples
--------
>>> import pandas as pd
>>> from leadkit.simulate.scenarios import load_scenario
>>> sc = load_scenario("key-account-price")
>>> runs = pd.DataFrame({"in_time": [0.3, 0.4, 0.35], "mean_lead_days": [9.0, 8.5, 9.5]})
>>> fig = outcome_spread(sc, runs)
>>> len(fig.axes)
2
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from leadkit.i18n import N_, format_number, tr
from leadkit.plots.figure import KitFigure
from leadkit.simulate._stats import mean_ci

__all__ = ["outcome_spread", "replication_figure", "model_path", "format_value", "COLOURS",
           "MARKERS"]

#: Okabe & Ito (2008) colours in the order the charts use them.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000")
MARKERS = ("o", "s", "^", "D", "v", "P", "X")

_T = {
    "teams": N_("{n} simulated teams; diamond and bar: mean and 95% CI"),
    "mean": N_("mean"),
    "exact": N_("exact (queueing theory)"),
    "reps": N_("{n} replications per point; bars: 95% CI. Claim: {verdict}."),
    "period": N_("Period"),
    "share": N_("Share"),
}
_GROUPS = {"fast": N_("fast learners"),
           "slow": N_("slow learners"),
           "local": N_("local, few random ties"),
           "random": N_("all ties random"),
           "global": N_("everyone sees everyone")}


def _name(value) -> str:
    """A category or number as a label in the current language (Dutch decimal comma)."""
    if isinstance(value, str):
        return tr(_GROUPS.get(value, value))
    return format_number(value, None)


def format_value(value: float, unit: str) -> str:
    """A value as a learner reads it: 93.1% or 4.2 days (Dutch: 93,1% and 4,2 dagen).

    Parameters
    ----------
    value : float
        The value in the unit's own terms (a share from 0 to 1, days, a rate).
    unit : str
        ``"share"`` (shown as a percentage), ``"rate"`` (two decimals), ``"days"``; any other
        unit shows one decimal.

    Returns
    -------
    str
        The value with a decimal comma when the language is Dutch.

    Examples
    --------
    >>> format_value(0.9312, "share"), format_value(4.24, "days")
    ('93.1%', '4.2 days')
    """
    if unit == "share":
        return format_number(100 * value, 1) + "%"
    if unit == "days":
        return format_number(value, 1) + " " + tr("days")
    return format_number(value, 2 if unit == "rate" else 1)


def outcome_spread(scenario: Mapping, runs: pd.DataFrame) -> Figure:
    """One panel per outcome: every simulated team as a dot, with mean and 95% CI.

    Parameters
    ----------
    scenario : mapping
        The scenario that was run (see :func:`leadkit.simulate.scenarios.load_scenario`).
    runs : pandas.DataFrame
        The rows of :func:`leadkit.simulate.scenarios.run_scenario`.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, one panel per outcome of the scenario.

    Examples
    --------
    >>> from leadkit.simulate.scenarios import load_scenario, run_scenario
    >>> sc = load_scenario("key-account-price")
    >>> len(outcome_spread(sc, run_scenario(sc, replications=10)).axes)
    2
    """
    outcomes = scenario["outcomes"]
    fig = KitFigure(figsize=(7.5, 1.6 + 1.3 * len(outcomes)))
    axes = fig.subplots(len(outcomes), 1, squeeze=False)[:, 0]
    rng = np.random.default_rng(0)  # fixed jitter: the same runs always give the same chart
    for ax, outcome, colour in zip(axes, outcomes, COLOURS, strict=False):
        values = runs[outcome["column"]].to_numpy(dtype=float)
        s = mean_ci(values)
        scale = 100.0 if outcome["unit"] == "share" else 1.0
        ax.scatter(values * scale, rng.uniform(-0.25, 0.25, values.size), s=14, alpha=0.55,
                   color=colour, edgecolor="none")
        if s["n"] > 1:
            ax.errorbar([s["mean"] * scale], [0], xerr=[[(s["mean"] - s["ci_low"]) * scale],
                        [(s["ci_high"] - s["mean"]) * scale]], fmt="D", color="#000000",
                        markersize=8, capsize=5, zorder=3)
        ax.set_yticks([])
        ax.set_ylim(-0.6, 0.6)
        ax.set_title(f"{tr(outcome['label'])}: {format_value(s['mean'], outcome['unit'])}",
                     fontsize=10, loc="left")
        if outcome["unit"] == "share":
            ax.set_xlim(-2, 102)
            ax.set_xlabel("%")
        elif outcome["unit"] == "days":
            ax.set_xlabel(tr("days"))
    fig.suptitle(tr(scenario["title"]), fontsize=12, x=0.02, ha="left")
    fig.text(0.02, 0.005, tr(_T["teams"]).format(n=len(runs)), fontsize=8)
    fig.tight_layout(rect=(0, 0.04, 1, 0.96))
    return fig


def replication_figure(figure_id: str, replications: int = 200, seed: int = 1991) -> Figure:
    """A reproduced published figure: means with 95% CI per group, the claim and its verdict.

    Parameters
    ----------
    figure_id : str
        A key of :data:`leadkit.simulate.replications.FIGURES`.
    replications : int, default 200
        Replications per point.
    seed : int, default 1991
        The root seed.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with the claim and its verdict written under the axes.

    Examples
    --------
    >>> fig = replication_figure("approval", replications=5)
    >>> fig.axes[0].get_xlabel()
    'Approval layers'
    """
    from leadkit.simulate.replications import FIGURES, check_claim, reproduce

    spec = FIGURES[figure_id]
    summary = reproduce(figure_id, replications, seed)
    verdict = check_claim(figure_id, summary)
    fig = KitFigure(figsize=(7.5, 4.6))
    ax = fig.subplots()
    xs = list(dict.fromkeys(summary["x"]))
    categorical = any(isinstance(x, str) for x in xs) or figure_id == "fang"
    position = {x: i for i, x in enumerate(xs)} if categorical else None
    for i, (group, part) in enumerate(summary.groupby("group", sort=False)):
        x = [position[v] for v in part["x"]] if categorical else part["x"].to_numpy(float)  # type: ignore[index]
        err = [part["mean"] - part["ci_low"], part["ci_high"] - part["mean"]]
        # A single series needs no legend entry; several are named by their group value.
        single = group in ("fang", "emperor", "mix")
        name = (tr(_GROUPS[group]) if group in _GROUPS
                else f"{tr(spec.group_label)}{_name(group)}")
        ax.errorbar(x, part["mean"], yerr=err, marker=MARKERS[i % len(MARKERS)],
                    color=COLOURS[i % len(COLOURS)], capsize=3, linewidth=1.5,
                    label=None if single else name)
        if "exact" in part:
            ax.plot(x, part["exact"], linestyle="--", color="#000000", linewidth=1,
                    label=tr(_T["exact"]) if i == 0 else None)
    if categorical:
        ax.set_xticks(range(len(xs)), [_name(x) for x in xs])
    elif all(float(x).is_integer() for x in xs):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(tr(spec.x_label))
    ax.set_ylabel(tr(spec.y_label))
    ax.set_title(tr(spec.title), fontsize=11, loc="left")
    handles, _ = ax.get_legend_handles_labels()
    if handles:
        ax.legend(fontsize=8, frameon=False)
    ax.grid(alpha=0.3)
    note = tr(_T["reps"]).format(n=verdict["replications"], verdict=verdict["verdict"])
    fig.text(0.01, 0.01, f"{tr(spec.claim)}\n{note}", fontsize=8, va="bottom", wrap=True)
    fig.tight_layout(rect=(0, 0.1, 1, 1))
    return fig


def model_path(path: pd.DataFrame, columns: Mapping[str, Mapping[str, str] | str]) -> Figure:
    """Per-period lines of one stepped model (``Model.run()``), e.g. code and member knowledge.

    ``columns`` maps a column of ``path`` to its label ``{en, nl}``.

    Parameters
    ----------
    path : pandas.DataFrame
        The per-period table of a model's ``run()``, with a ``period`` column.
    columns : mapping
        Column of ``path`` → its label ``{en, nl}``; one line each, in this order.

    Returns
    -------
    matplotlib.figure.Figure
        The figure: a line per column over the periods, named in the legend.

    Examples
    --------
    >>> from leadkit.simulate import MarchModel
    >>> path = MarchModel(0.5, 0.5, seed=1).run()
    >>> fig = model_path(path, {"code_knowledge": {"en": "Code", "nl": "Code"}})
    >>> fig.axes[0].get_xlabel()
    'Period'
    """
    fig = KitFigure(figsize=(7.0, 3.6))
    ax = fig.subplots()
    for i, (column, label) in enumerate(columns.items()):
        ax.plot(path["period"], path[column], marker=MARKERS[i], markevery=max(1, len(path)
                // 12), color=COLOURS[i], label=tr(label))
    ax.set_xlabel(tr(_T["period"]))
    ax.set_ylabel(tr(_T["share"]))
    ax.set_ylim(-0.02, 1.02)
    ax.grid(alpha=0.3)
    ax.legend(frameon=False)
    fig.tight_layout()
    return fig
