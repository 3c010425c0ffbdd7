"""The team example of the framework notebooks: one leader's 360 result, read as a leader would.

For one team of a sample class (or any response table with the 360 design) this module puts
three things side by side:

- the leader's **self–other gaps** per element (:func:`leadkit.survey.feedback360.self_other`);
- how much the team's members **agree** about their leader, per element: ``rwg(j)`` over the
  element's items (:func:`leadkit.psychometrics.agreement.rwg_j`), labelled with the bands of
  LeBreton & Senter (2008, *Organizational Research Methods* 11(4), Table 3);
- a short list of **next steps** a leader could take, from simple, stated rules (see
  :func:`next_steps`).

Everything here is computed; drawing and display live in :mod:`leadkit.plots.cases`.

Examples
--------
>>> ex = team_example("agile-cmo", "T2")
>>> ex.leader, len(ex.gaps) == len(ex.agreement) == 7
('T2-L', True)
>>> len(ex.steps) >= 1
True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from leadkit import privacy
from leadkit.content.frameworks import Framework, load_framework
from leadkit.docparams import shared_params
from leadkit.errors import InputError
from leadkit.i18n import N_, format_number, tr

__all__ = ["TeamExample", "team_example", "agreement_band", "next_steps"]

# LeBreton & Senter (2008), Table 3: upper bounds of the bands of rwg(j).
_BANDS = [
    (0.30, N_("no agreement")),
    (0.50, N_("weak agreement")),
    (0.70, N_("moderate agreement")),
    (0.90, N_("strong agreement")),
    (1.00, N_("very strong agreement")),
]
_WITHHELD = N_("not shown for real answers (privacy)")

#: Below this rwg(j) a team mean hides real differences between members: the common .70 rule
#: of thumb for "enough agreement to speak of a team view" (see LeBreton & Senter 2008).
LOW_AGREEMENT = 0.70


@dataclass(frozen=True)
class TeamExample:
    """One team's 360 result, with the disclosure rules applied.

    Attributes
    ----------
    framework, team, leader : str
        The framework id, the team and the id of its leader.
    gaps : pandas.DataFrame
        The leader's rows of :func:`leadkit.survey.feedback360.self_other`.
    agreement : pandas.DataFrame
        Per element: ``element``, ``label``, ``n``, ``rwg_j``, ``band`` and ``mean`` of the
        team's reports (missing below the floor).
    steps : tuple of str
        Next steps for the leader, in the current language.
    """

    framework: str
    team: str
    leader: str
    gaps: pd.DataFrame
    agreement: pd.DataFrame
    steps: tuple[str, ...]

    def table(self) -> pd.DataFrame:
        """Put gaps and agreement side by side, one row per element.

        Returns
        -------
        pandas.DataFrame
            ``element`` (its name in the current language), ``self``, ``others``, ``gap``
            (two decimals), ``category_label``, ``rwg_j`` and ``band``. A reader's table
            (:func:`leadkit.render.tables.show_table`) puts the column names into words.
        """
        g = self.gaps.set_index("element")
        a = self.agreement.set_index("element")
        rows = {
            "element": a["label"],
            "self": g["self"].round(2),
            "others": g["others"].round(2),
            "gap": g["gap"].round(2),
            "category_label": g["category_label"],
            "rwg_j": a["rwg_j"],
            "band": a["band"],
        }
        return pd.DataFrame(rows).reset_index(drop=True)


def _n(value: float) -> str:
    """A score with two decimals, written the current language's way."""
    return format_number(value, 2)


def agreement_band(rwg: float) -> str:
    """The LeBreton & Senter (2008) band of an rwg(j) value, in the current language.

    Parameters
    ----------
    rwg : float or None
        An rwg(j) value; None or NaN is not computable.

    Returns
    -------
    str
        The band's name in the current language.

    Examples
    --------
    >>> agreement_band(0.82), agreement_band(0.4)
    ('strong agreement', 'weak agreement')
    """
    if rwg is None or np.isnan(rwg):
        return tr("not computable")
    for upper, label in _BANDS:
        if rwg <= upper + 1e-12:
            return tr(label)
    return tr(_BANDS[-1][1])


def _leader_rows(data: pd.DataFrame, team: str, file: str) -> tuple[str, pd.DataFrame]:
    for col in ("respondent", "team", "rater", "target"):
        if col not in data.columns:
            raise InputError(file, f"the table has no '{col}' column",
                             expected="the 360 design: respondent, team, rater, target")
    if "wave" in data.columns and data["wave"].notna().any():
        # The 360 round is the first wave; a later wave holds only self-assessments.
        waves = pd.to_numeric(data["wave"], errors="coerce")
        first = waves.min() if waves.notna().all() else None
        data = data[waves == first] if first is not None else data[
            data["wave"].astype(str) == sorted(data["wave"].astype(str).unique())[0]]
    rated = data.loc[data["team"].astype(str) == str(team), ["respondent", "rater", "target"]]
    leaders = rated.loc[rated["rater"] == "report", "target"].unique()
    if len(leaders) != 1:
        teams = sorted(data.loc[data["rater"] == "report", "team"].astype(str).unique())
        raise InputError(file, f"team {team!r} has no single leader rated by its members",
                         column="team", expected=f"one of {', '.join(teams)}")
    leader = str(leaders[0])
    return leader, data[data["target"].astype(str) == leader]


def _agreement(rows: pd.DataFrame, fw: Framework, *, invented: bool) -> pd.DataFrame:
    from leadkit.psychometrics.agreement import rwg_j

    low, high = fw.scale
    reports = rows[rows["rater"] == "report"]
    out = []
    for el in fw.elements:
        items = reports[[it.id for it in fw.items_for(el.id)]].astype(float)
        # Agreement is about how raters see the same behaviour, so answers are keyed first;
        # reversing an item changes its mean, not its spread.
        for it in fw.items_for(el.id):
            if it.reverse:
                items[it.id] = low + high - items[it.id]
        value = float(rwg_j(items, pd.Series("team", index=items.index),
                            n_options=high - low + 1).iloc[0])
        # rwg(j) leaves out raters with a missing answer (listwise), so n counts the rest.
        n = int(items.notna().all(axis=1).sum())
        mean = float(np.nanmean(items.to_numpy())) if items.notna().any(axis=None) else np.nan
        # The disclosure rules: fewer than three raters, or a mean only one set of answers
        # can give, and the team's figures are not shown (rwg of two raters is their distance).
        if n < privacy.FLOOR or not privacy.mean_is_safe(mean, n, (low, high),
                                                         1 / max(len(items.columns), 1)):
            value, mean = np.nan, np.nan
        # The leader's 360 row shows the team's mean; beside it, the team's agreement (even as
        # a band) can pin down the members' scores (rule 8 of docs/privacy.md). The kit's
        # invented sample describes no one; real answers get no per-team agreement.
        if not invented:
            value = np.nan
        out.append({"element": el.id, "label": el.label,
                    "n": n if n >= privacy.FLOOR else pd.NA,
                    "rwg_j": round(value, 2),
                    "band": agreement_band(value) if invented else tr(_WITHHELD),
                    "mean": round(mean, 2)})
    return pd.DataFrame(out)


@shared_params
def team_example(framework_id: str | Framework, team: str, *,
                 data: pd.DataFrame | str | Path | None = None,
                 floor: int = privacy.FLOOR) -> TeamExample:
    """The 360 result of one team's leader, with team agreement and next steps.

    Parameters
    ----------
    framework_id : str or Framework
        The framework; its sample class is used unless ``data`` is given.
    team : str
        The team id (``"T2"``); its leader is the person its members rated.
    data : DataFrame or path, optional
        Responses with ``respondent``, ``team``, ``rater``, ``target`` (and ``wave``). With real
        answers the team's agreement is not given: beside the leader's 360 means it could give
        the members' answers away (``docs/privacy.md``, rule 8).
    floor : int
        The anonymity floor passed on to :func:`~leadkit.survey.feedback360.self_other`.

    Returns
    -------
    TeamExample
        The framework, team, leader's id, the leader's ``gaps``, the team's ``agreement`` per
        element and the ``steps`` of :func:`next_steps`.

    Raises
    ------
    InputError
        The responses do not pass the checks, or the team is not in them (or has no leader
        rated by its members).
    %(floor_raises)s

    Examples
    --------
    >>> ex = team_example("agile-cmo", "T2")
    >>> ex.leader, len(ex.steps), ex.agreement.columns.tolist()[:2]
    ('T2-L', 2, ['element', 'label'])
    """
    from leadkit.content.catalog import load_dataset
    from leadkit.survey.feedback360 import self_other
    from leadkit.survey.io.responses import read_responses
    from leadkit.survey.scoring import score

    fw = framework_id if isinstance(framework_id, Framework) else load_framework(framework_id)
    source = f"{fw.id}-class" if data is None else data
    table = load_dataset(source) if data is None else source  # type: ignore[arg-type]
    table = read_responses(table, fw)
    file = str(table.attrs.get("source") or source)
    leader, rows = _leader_rows(table, team, file)
    gaps = self_other(score(rows, fw), floor=floor).reset_index(drop=True)
    agreement = _agreement(rows, fw, invented=data is None)
    return TeamExample(fw.id, str(team), leader, gaps, agreement,
                       tuple(next_steps(gaps, agreement, fw)))


def _first(rows: pd.DataFrame, by: str, *, ascending: bool = True) -> pd.Series | None:
    """The first row of ``rows`` in the order of column ``by``; None when there are none."""
    return rows.sort_values(by, ascending=ascending).iloc[0] if len(rows) else None


def next_steps(gaps: pd.DataFrame, agreement: pd.DataFrame, framework: Framework | str,
               ) -> list[str]:
    """What a leader could do next, from four stated rules, most urgent first.

    1. The largest over-estimate (self above others): ask for examples before acting.
    2. Agreement in the team below the common .70 rule of thumb (rwg(j) < .70): talk one to
       one, because the team mean hides different experiences.
    3. The lowest score from others where self and others agree: a shared development point,
       with the framework's own example of the behaviour as a first step.
    4. The largest under-estimate: a strength others see, to use on purpose.

    Each rule adds at most one step; a rule without a matching element is skipped.

    Parameters
    ----------
    gaps : pandas.DataFrame
        The leader's rows of :func:`~leadkit.survey.feedback360.self_other`.
    agreement : pandas.DataFrame
        Per element ``rwg_j``, ``label`` and ``band`` (the ``agreement`` of a
        :class:`TeamExample`).
    framework : Framework or str
        The framework, for the elements' names and examples.

    Returns
    -------
    list of str
        One to four steps in the current language; with no rule matching, one step that asks
        the team where to start.

    Examples
    --------
    >>> ex = team_example("agile-cmo", "T2")
    >>> steps = next_steps(ex.gaps, ex.agreement, "agile-cmo")
    >>> len(steps), steps[0].split(":")[0]
    (2, 'Check your blind spot on “Encourage soft skills”')
    """
    fw = load_framework(framework)
    steps: list[str] = []
    valid = gaps.dropna(subset=["gap"])

    def in_category(category: str) -> pd.DataFrame:
        return valid[valid["category"] == category]

    if (r := _first(in_category("over-estimator"), "gap", ascending=False)) is not None:
        name = fw.element(r["element"]).label
        steps.append(tr("Check your blind spot on “{name}”: you rate yourself {value}, the "
                        "others {value2}. Ask two or three people for a recent moment when they "
                        "missed this, and listen without defending yourself.").format(
                         name=name, value=_n(r['self']), value2=_n(r['others'])))
    low = agreement.dropna(subset=["rwg_j"])
    if (r := _first(low[low["rwg_j"] < LOW_AGREEMENT], "rwg_j")) is not None:
        steps.append(tr("Your team members experience “{value}” very differently (rwg(j) = "
                        "{value2}, {value3}, below the usual .70). An average hides that: "
                        "discuss it one to one before drawing conclusions for the whole "
                        "team.").format(
                         value=r['label'], value2=_n(r['rwg_j']), value3=r['band']))
    if (r := _first(in_category("in agreement"), "others")) is not None:
        el = fw.element(r["element"])
        steps.append(tr("You and the others agree that “{label}” is the lowest of your shared "
                        "scores (others {value}). Make it the team's development point for the "
                        "next quarter. What it looks like in practice: {value2}").format(
                         label=el.label, value=_n(r['others']), value2=tr(el.in_practice)))
    if (r := _first(in_category("under-estimator"), "gap")) is not None:
        name = fw.element(r["element"]).label
        steps.append(tr("Others value “{name}” more than you do ({value} against your "
                        "{value2}): a strength you can use on purpose, for instance to coach a "
                        "colleague.").format(
                         name=name, value=_n(r['others']), value2=_n(r['self'])))
    if not steps:
        steps.append(tr("No element stands out: ask the team which one they want you to work on "
                        "first."))
    return steps
