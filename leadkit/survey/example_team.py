"""The team example of the framework notebooks: one leader's 360 result, read as a leader would.

For one team of a sample class (or any response table with the 360 design) this module puts
three things side by side:

- the leader's **self–other gaps** per element (:func:`leadkit.survey.feedback360.self_other`);
- how much the team's members **agree** about their leader, per element: ``rwg(j)`` over the
  element's items (:func:`leadkit.survey.agreement.rwg_j`), labelled with the bands of LeBreton &
  Senter (2008, *Organizational Research Methods* 11(4), Table 3);
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
from leadkit.errors import InputError
from leadkit.i18n import get_language, tr

__all__ = ["TeamExample", "team_example", "agreement_band", "next_steps"]

# LeBreton & Senter (2008), Table 3: upper bounds of the bands of rwg(j).
_BANDS = [
    (0.30, {"en": "no agreement", "nl": "geen overeenstemming"}),
    (0.50, {"en": "weak agreement", "nl": "zwakke overeenstemming"}),
    (0.70, {"en": "moderate agreement", "nl": "matige overeenstemming"}),
    (0.90, {"en": "strong agreement", "nl": "sterke overeenstemming"}),
    (1.00, {"en": "very strong agreement", "nl": "zeer sterke overeenstemming"}),
]
#: Below this rwg(j) a team mean hides real differences between members: the common .70 rule
#: of thumb for "enough agreement to speak of a team view" (see LeBreton & Senter 2008).
LOW_AGREEMENT = 0.70


@dataclass(frozen=True)
class TeamExample:
    """One team's 360 result: ``gaps`` (self_other rows of the leader), ``agreement`` (per
    element: ``element``, ``label``, ``n``, ``rwg_j``, ``band``, ``mean``) and ``steps``."""

    framework: str
    team: str
    leader: str
    gaps: pd.DataFrame
    agreement: pd.DataFrame
    steps: tuple[str, ...]

    def table(self) -> pd.DataFrame:
        """Gaps and agreement per element, with headers in the current language."""
        g = self.gaps.set_index("element")
        a = self.agreement.set_index("element")
        rows = {
            tr({"en": "element", "nl": "onderdeel"}): a["label"],
            tr({"en": "self", "nl": "zelf"}): g["self"].round(2),
            tr({"en": "others", "nl": "anderen"}): g["others"].round(2),
            tr({"en": "gap", "nl": "verschil"}): g["gap"].round(2),
            tr({"en": "self–other", "nl": "zelf–anderen"}): g["category_label"],
            tr({"en": "team rwg(j)", "nl": "team rwg(j)"}): a["rwg_j"],
            tr({"en": "team agreement", "nl": "overeenstemming team"}): a["band"],
        }
        return pd.DataFrame(rows).reset_index(drop=True)


def _n(value: float) -> str:
    """A score with two decimals, with a decimal comma in Dutch."""
    text = f"{value:.2f}"
    return text.replace(".", ",") if get_language() == "nl" else text


def agreement_band(rwg: float) -> str:
    """The LeBreton & Senter (2008) band of an rwg(j) value, in the current language.

    Examples
    --------
    >>> agreement_band(0.82), agreement_band(0.4)
    ('strong agreement', 'weak agreement')
    """
    if rwg is None or np.isnan(rwg):
        return tr({"en": "not computable", "nl": "niet te berekenen"})
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


def _agreement(rows: pd.DataFrame, fw: Framework) -> pd.DataFrame:
    from leadkit.survey.agreement import rwg_j

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
        out.append({"element": el.id, "label": el.label,
                    "n": n if n >= privacy.FLOOR else pd.NA,
                    "rwg_j": round(value, 2), "band": agreement_band(value),
                    "mean": round(mean, 2)})
    return pd.DataFrame(out)


def team_example(framework_id: str | Framework, team: str, *,
                 data: pd.DataFrame | str | Path | None = None, floor: int = 3) -> TeamExample:
    """The 360 result of one team's leader, with team agreement and next steps.

    Parameters
    ----------
    framework_id : str or Framework
        The framework; its sample class is used unless ``data`` is given.
    team : str
        The team id (``"T2"``); its leader is the person its members rated.
    data : DataFrame or path, optional
        Responses with ``respondent``, ``team``, ``rater``, ``target`` (and ``wave``).
    floor : int
        The anonymity floor passed on to :func:`~leadkit.survey.feedback360.self_other`.
    """
    from leadkit.content.catalog import load_dataset
    from leadkit.survey.feedback360 import self_other
    from leadkit.survey.responses import read_responses
    from leadkit.survey.scoring import score

    fw = framework_id if isinstance(framework_id, Framework) else load_framework(framework_id)
    source = f"{fw.id}-class" if data is None else data
    table = load_dataset(source) if data is None else source
    table = read_responses(table, fw)
    file = str(table.attrs.get("source") or source)
    leader, rows = _leader_rows(table, team, file)
    gaps = self_other(score(rows, fw), floor=floor).reset_index(drop=True)
    agreement = _agreement(rows, fw)
    return TeamExample(fw.id, str(team), leader, gaps, agreement,
                       tuple(next_steps(gaps, agreement, fw)))


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
    """
    fw = load_framework(framework)
    steps: list[str] = []
    valid = gaps.dropna(subset=["gap"])
    over = valid[valid["category"] == "over-estimator"].sort_values("gap", ascending=False)
    if len(over):
        r = over.iloc[0]
        name = fw.element(r["element"]).label
        steps.append(tr({
            "en": f"Check your blind spot on “{name}”: you rate yourself {_n(r['self'])}, "
                  f"the others {_n(r['others'])}. Ask two or three people for a recent moment "
                  "when they missed this, and listen without defending yourself.",
            "nl": f"Onderzoek je blinde vlek bij ‘{name}’: je geeft jezelf {_n(r['self'])}, "
                  f"de anderen geven {_n(r['others'])}. Vraag twee of drie mensen naar een "
                  "recent moment waarop ze dit misten, en luister zonder je te verdedigen.",
        }))
    low = agreement.dropna(subset=["rwg_j"])
    low = low[low["rwg_j"] < LOW_AGREEMENT].sort_values("rwg_j")
    if len(low):
        r = low.iloc[0]
        steps.append(tr({
            "en": f"Your team members experience “{r['label']}” very differently "
                  f"(rwg(j) = {_n(r['rwg_j'])}, {r['band']}, below the usual .70). An average "
                  "hides that: discuss it one to one before drawing conclusions for the whole "
                  "team.",
            "nl": f"Je teamleden ervaren ‘{r['label']}’ heel verschillend "
                  f"(rwg(j) = {_n(r['rwg_j'])}, {r['band']}, onder de gebruikelijke 0,70). Een "
                  "gemiddelde verbergt dat: bespreek het eerst één op één, voordat je conclusies "
                  "trekt voor het hele team.",
        }))
    shared = valid[valid["category"] == "in agreement"].sort_values("others")
    if len(shared):
        r = shared.iloc[0]
        el = fw.element(r["element"])
        steps.append(tr({
            "en": f"You and the others agree that “{el.label}” is the lowest of your shared "
                  f"scores (others {_n(r['others'])}). Make it the team's development point for "
                  f"the next quarter. What it looks like in practice: {tr(el.in_practice)}",
            "nl": f"Jij en de anderen zijn het erover eens dat ‘{el.label}’ de laagste van je "
                  f"gedeelde scores is (anderen {_n(r['others'])}). Maak dit onderdeel het "
                  f"ontwikkelpunt van het team voor het komende kwartaal. Zo ziet het er in de "
                  f"praktijk uit: {tr(el.in_practice)}",
        }))
    under = valid[valid["category"] == "under-estimator"].sort_values("gap")
    if len(under):
        r = under.iloc[0]
        name = fw.element(r["element"]).label
        steps.append(tr({
            "en": f"Others value “{name}” more than you do ({_n(r['others'])} against your "
                  f"{_n(r['self'])}): a strength you can use on purpose, for instance to coach "
                  "a colleague.",
            "nl": f"Anderen waarderen ‘{name}’ hoger dan jij zelf ({_n(r['others'])} tegenover "
                  f"jouw {_n(r['self'])}): een kracht die je bewust kunt inzetten, bijvoorbeeld "
                  "om een collega te coachen.",
        }))
    if not steps:
        steps.append(tr({"en": "No element stands out: ask the team which one they want you to "
                               "work on first.",
                         "nl": "Geen enkel onderdeel springt eruit: vraag het team aan welk "
                               "onderdeel je als eerste moet werken."}))
    return steps
