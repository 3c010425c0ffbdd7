"""No subtraction gives a person back: an attacker who combines every figure of one run.

The attacker is as strong as linear algebra allows. Every published mean is, for a fixed
design, a linear function of the people's scores; the attacker knows the design (who rated
whom, who did which framework) and every published figure, exactly, not rounded. A person is
exposed when some combination of the published figures equals a combination of that person's
protected scores alone: a score, or a difference between two of their scores. That happens
exactly when the row space of the published figures' coefficients meets the space of the
person's protected scores; with ``V`` an orthonormal basis of the row space, when
``V[S] V[S]^T`` has an eigenvalue of 1 for the person's scores ``S``.

The coefficients are read off the kit itself, by moving one score at a time (the figures are
linear while the design, and so what is withheld, stays the same), so the test attacks what
the kit publishes, not a description of it. ``docs/privacy.md`` (rules 5 and 8) gives the
rules these tests hold.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import leadkit as lk
from leadkit.render.report import report_figures
from leadkit.store.classroom import class_summary, class_themes

FW = lk.load_framework("agile-cmo")
ELEMENTS = [e.id for e in FW.elements[:2]]


def coefficients(publish: Callable[[np.ndarray], np.ndarray], values: np.ndarray) -> np.ndarray:
    """The published figures' coefficients on the values, one row per figure shown."""
    base = publish(values)
    shown = ~np.isnan(base)
    rows = np.zeros((int(shown.sum()), len(values)))
    for i in range(len(values)):
        moved = values.copy()
        moved[i] += 1e-3
        after = publish(moved)
        assert np.array_equal(~np.isnan(after), shown), "moving a score changed what is shown"
        rows[:, i] = (after[shown] - base[shown]) / 1e-3
    return rows


def exposed(rows: np.ndarray, owners: list[object], protected: np.ndarray) -> list[object]:
    """The people some combination of the published figures singles out."""
    if not len(rows):
        return []
    _, s, vt = np.linalg.svd(rows, full_matrices=False)
    basis = vt[: int((s > 1e-9 * s[0]).sum())].T  # values x rank
    found = []
    for person in dict.fromkeys(owners):
        idx = [i for i, o in enumerate(owners) if o == person and protected[i]]
        if idx and np.linalg.eigvalsh(basis[idx] @ basis[idx].T).max() > 1 - 1e-6:
            found.append(person)
    return found


def test_the_attacker_finds_the_peer_of_the_report_that_was_published_before():
    """The issue's case: peers p1-p3 rate A and B, p4 rates only B; the old pooled figure, each
    peer's mean over the leaders they rated, gave p4 = 8 pooled - 3 A - 4 B."""
    raters = ["p1", "p2", "p3", "p1", "p2", "p3", "p4"]
    targets = ["A", "A", "A", "B", "B", "B", "B"]

    def old_pooled(v: np.ndarray) -> np.ndarray:
        frame = pd.DataFrame({"who": raters, "t": targets, "v": v})
        cells = frame.groupby("t")["v"].mean().to_numpy()
        per_person = frame.groupby("who")["v"].mean().mean()
        return np.array([*cells, per_person])

    v = np.array([3.0, 3.5, 2.5, 4.0, 3.0, 2.0, 4.5])
    rows = coefficients(old_pooled, v)
    assert exposed(rows, raters, np.ones(7, bool)) == ["p4"]
    assert 8 * old_pooled(v)[2] - 3 * old_pooled(v)[0] - 4 * old_pooled(v)[1] == pytest.approx(4.5)


def _report_design(draw) -> pd.DataFrame:
    """A random 360 round: leaders with a manager or several, peers who rate several leaders,
    team members who rate their leader and themselves."""
    rows, peers = [], [f"peer{i}" for i in range(6)]
    n_leaders = draw(st.integers(2, 3))
    for t in range(n_leaders):
        leader, team = f"L{t}", f"T{t}"
        raters = [("self", leader, team)]
        raters += [("manager", f"m{t}{i}", None) for i in range(draw(st.integers(0, 3)))]
        raters += [("peer", p, None) for p in draw(st.lists(st.sampled_from(peers), max_size=5,
                                                            unique=True))]
        members = [f"{team}-{i}" for i in range(draw(st.integers(0, 4)))]
        raters += [("report", m, team) for m in members]
        raters += [("other", f"o{t}{i}", None) for i in range(draw(st.integers(0, 3)))]
        for rater, who, team_of in raters:
            rows += [{"respondent": who, "rater": rater, "target": leader, "team": team_of,
                      "framework": FW.id, "element": e} for e in ELEMENTS]
        for m in members:  # team members rate themselves too
            rows += [{"respondent": m, "rater": "self", "target": m, "team": team,
                      "framework": FW.id, "element": e} for e in ELEMENTS]
    return pd.DataFrame(rows)


def _report_numbers(design: pd.DataFrame, values: np.ndarray) -> np.ndarray:
    scores = design.assign(score=values)
    figures = report_figures(scores, FW)
    out = [figures["elements"]["mean"], figures["framework"]["mean"]]
    if figures["teams"] is not None:
        out.append(figures["teams"]["mean"])
    gaps = figures["gaps"]
    if gaps is not None:  # the 360 table as the report shows it: leaders someone else rated
        rated = gaps[["n_manager", "n_peer", "n_report", "n_other"]].sum(axis=1) > 0
        out += [gaps.loc[rated, c] for c in ("self", "manager", "peer", "report", "other",
                                             "others", "gap")]
    profile = figures["profile"]
    if profile["respondent"].nunique() >= 3:  # the profile chart: mean self score per element
        out.append(profile.groupby("element")["score"].mean())
    return np.concatenate([np.asarray(x, float) for x in out])


def _report_exposes(design: pd.DataFrame, seed: int) -> list[object]:
    values = np.random.default_rng(seed).uniform(2.2, 3.8, len(design))  # no extreme means
    rows = coefficients(lambda v: _report_numbers(design, v), values)
    # Published by design: a leader's self rating in the 360 table, a lone manager's rating.
    rated = set(design.loc[design["rater"] != "self", "target"])
    managers = design[design["rater"] == "manager"].groupby(["target", "element"])[
        "respondent"].transform("nunique")
    public = ((design["rater"] == "self") & design["target"].isin(rated)) | (
        (design["rater"] == "manager") & managers.reindex(design.index).eq(1))
    return exposed(rows, design["respondent"].tolist(), ~public.to_numpy())


def test_the_issues_peer_design_gives_no_peer_back_in_the_report():
    """p1-p3 rate leaders A and B, p4 only B: the report's pooled peers (each peer's mean over
    the leaders they rated, before) gave p4 away; pooled over the shown cells it cannot."""
    rows = []
    for leader, peers in (("A", ["p1", "p2", "p3"]), ("B", ["p1", "p2", "p3", "p4"])):
        for rater, who in [("self", leader), *[("peer", p) for p in peers]]:
            rows += [{"respondent": who, "rater": rater, "target": leader, "team": None,
                      "framework": FW.id, "element": e} for e in ELEMENTS]
    assert _report_exposes(pd.DataFrame(rows), seed=1) == []


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.integers(0, 2**16))
def test_no_combination_of_the_report_gives_a_rating_back(data, seed):
    assert _report_exposes(_report_design(data.draw), seed) == []


def _class_design(draw) -> pd.DataFrame:
    """A class where learners did different frameworks: some frameworks by one or two only."""
    frameworks = {f: [e.id for e in lk.load_framework(f).elements[:2]]
                  for f in ("agile-cmo", "wij-model", "leading-professionals")}
    rows = []
    for i in range(draw(st.integers(3, 7))):
        done = draw(st.lists(st.sampled_from(sorted(frameworks)), min_size=1, unique=True))
        for f in done:
            elements = draw(st.lists(st.sampled_from(frameworks[f]), min_size=1, unique=True))
            rows += [{"pseudonym": f"L{i}", "framework": f, "element": e} for e in elements]
    return pd.DataFrame(rows).sort_values(["framework", "element", "pseudonym"],
                                          ignore_index=True)


def _class_numbers(design: pd.DataFrame, values: np.ndarray) -> np.ndarray:
    scores = design.assign(score=values)
    summary, themes = class_summary(scores), class_themes(scores)
    return np.concatenate([summary["mean"].to_numpy(float), themes["mean"].to_numpy(float)])


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.integers(0, 2**16))
def test_no_combination_of_the_class_files_gives_a_learner_back(data, seed):
    design = _class_design(data.draw)
    values = np.random.default_rng(seed).uniform(2.2, 3.8, len(design))
    rows = coefficients(lambda v: _class_numbers(design, v), values)
    assert exposed(rows, design["pseudonym"].tolist(), np.ones(len(design), bool)) == []


def test_the_lone_learner_of_a_framework_stays_hidden_behind_the_themes():
    """The issue's case: three learners did agile-cmo, one alone did the wij-model; a theme
    that pooled the lone learner's withheld element gave both their scores back."""
    wij = lk.load_framework("wij-model").elements[0].id
    shared = next(t for t in lk.load_framework("wij-model").elements[0].themes
                  if any(t in e.themes for e in FW.elements))
    agile = next(e.id for e in FW.elements if shared in e.themes)
    design = pd.DataFrame(
        [{"pseudonym": p, "framework": FW.id, "element": agile} for p in ("a", "b", "c")]
        + [{"pseudonym": "d", "framework": "wij-model", "element": wij}])
    values = np.array([2.5, 2.5, 2.5, 4.0])
    rows = coefficients(lambda v: _class_numbers(design, v), values)
    assert exposed(rows, design["pseudonym"].tolist(), np.ones(4, bool)) == []
    themes = class_themes(design.assign(score=values)).set_index("theme")
    assert themes.loc[shared, "mean"] == pytest.approx(2.5)  # the shown cell, nothing more
