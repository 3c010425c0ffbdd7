"""March (1991): the kit's model reproduces the paper's figures and the replication target.

Tolerances come from sampling error, never from tuning:
- a reproduced value passes when |mean − target| < 4 · SE, SE the standard error of the mean
  over the replications (a correct model fails this about 6 times in 100,000);
- a claim "A is higher than B" passes when A − B > 3 · SE(A − B), SE(A − B) = √(SE_A² + SE_B²)
  from independent replications (one-sided p < 0.0015, so a pass is not luck).
Seeds are fixed, so the tests are deterministic; the tolerances say why they are not fragile.
"""

from __future__ import annotations

import importlib

import numpy as np
import pandas as pd
import pytest

from leadkit.simulate._march import MarchModel, march
from leadkit.simulate._reference import march_reference
from leadkit.simulate._stats import mean_ci


def _higher(a: pd.Series, b: pd.Series) -> tuple[bool, float, float]:
    sa, sb = mean_ci(a), mean_ci(b)
    diff, se = sa["mean"] - sb["mean"], float(np.hypot(sa["se"], sb["se"]))
    return diff > 3 * se, diff, se


# Target of the "actions" reading (Rodan 2005; Christensen 2015), p2 = 0.5, m = 30, n = 50:
# equilibrium share of dimensions the code gets right.
@pytest.mark.parametrize("p1, target", [(0.1, 0.976), (0.5, 0.903), (0.9, 0.870)])
def test_equilibrium_knowledge_matches_published_replication(p1, target):
    df = march(p1, 0.5, replications=1000, seed=1991)
    assert df["absorbed"].all()
    s = mean_ci(df["code_knowledge"])
    assert abs(s["mean"] - target) < 4 * s["se"], (s["mean"], s["se"])


@pytest.mark.parametrize("variant", ["actions", "beliefs"])
def test_figure1_slower_socialisation_gives_more_equilibrium_knowledge(variant):
    r = 200
    slow = march(0.1, 0.9, replications=r, seed=11, variant=variant)["code_knowledge"]
    fast = march(0.9, 0.9, replications=r, seed=11, variant=variant)["code_knowledge"]
    ok, diff, se = _higher(slow, fast)
    assert ok, (diff, se)


def test_figure1_a_fast_learning_code_helps_when_socialisation_is_slow():
    # Holds in the actions reading; in the beliefs reading the p2 effect at p1 = 0.1 is within
    # sampling error (docs/models/march.md reports both).
    r = 200
    quick = march(0.1, 0.9, replications=r, seed=11)["code_knowledge"]
    sluggish = march(0.1, 0.1, replications=r, seed=11)["code_knowledge"]
    ok, diff, se = _higher(quick, sluggish)
    assert ok, (diff, se)


def test_figure2_3_slow_learners_help_the_code_fast_learners_help_themselves():
    r = 200
    eq = {f: march(0.1, 0.5, replications=r, seed=2, fast_learners=f)["code_knowledge"]
          for f in (0, 25, 50)}
    assert _higher(eq[25], eq[50])[0]  # a mix beats an all-fast organisation
    assert _higher(eq[0], eq[25])[0]  # and more slow learners help the code further
    p20 = march(0.1, 0.5, replications=r, seed=3, fast_learners=25, max_periods=20)
    assert _higher(p20["fast_knowledge"], p20["slow_knowledge"])[0]


def test_figure4_modest_turnover_helps_a_fast_socialising_organisation():
    r = 200
    none = march(0.9, 0.5, p3=0.0, replications=r, seed=4, max_periods=20)["code_knowledge"]
    some = march(0.9, 0.5, p3=0.1, replications=r, seed=5, max_periods=20)["code_knowledge"]
    assert _higher(some, none)[0]


def test_figure5_turnover_keeps_knowledge_up_under_turbulence():
    r = 150
    kw = dict(p1=0.5, p2=0.5, p4=0.02, replications=r, max_periods=100, trajectory=True)
    still = march(p3=0.0, seed=6, **kw)
    moving = march(p3=0.1, seed=7, **kw)
    end_still = still.loc[still["period"] == 100, "code_knowledge"]
    end_moving = moving.loc[moving["period"] == 100, "code_knowledge"]
    mid_still = still.loc[still["period"] == 20, "code_knowledge"]
    assert _higher(end_moving, end_still)[0]
    assert _higher(mid_still, end_still)[0]  # without turnover, knowledge decays


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(p1=0.3, p2=0.5),
        dict(p1=0.5, p2=0.9, variant="beliefs"),
        dict(p1=0.1, p2=0.5, fast_learners=7, p1_fast=0.9),
        dict(p1=0.5, p2=0.5, p3=0.1, p4=0.02, max_periods=25),
        dict(p1=0.5, p2=0.3, p3=0.05, max_periods=25, variant="beliefs", m=12, n=9),
    ],
)
def test_vectorised_model_equals_per_agent_reference(kwargs):
    fast = march(replications=4, seed=5, **kwargs)
    slow = pd.DataFrame(march_reference(replications=4, seed=5, **kwargs))
    pd.testing.assert_frame_equal(
        fast[["replication", "periods", "absorbed", "code_knowledge", "code_score"]],
        slow[["replication", "periods", "absorbed", "code_knowledge", "code_score"]],
        check_dtype=False,
    )


def test_a_replication_does_not_depend_on_the_batch_it_runs_in():
    small = march(0.5, 0.5, replications=3, seed=9)
    large = march(0.5, 0.5, replications=30, seed=9).head(3)
    pd.testing.assert_frame_equal(small, large)
    other = march(0.5, 0.5, replications=3, seed=10)
    assert not small.equals(other)


def test_teaching_model_steps_like_the_batch():
    model = MarchModel(0.5, 0.5, seed=12)
    path = model.run()
    batch = march(0.5, 0.5, replications=1, seed=12)
    assert model.absorbed and path["absorbed"].iloc[-1]
    assert path["period"].iloc[-1] == batch["periods"].iloc[0]
    assert path["code_knowledge"].iloc[-1] == batch["code_knowledge"].iloc[0]
    assert (model.beliefs == model.code).all()
    assert path["code_knowledge"].iloc[0] == 0.0  # the code starts neutral


def test_trajectory_carries_an_absorbed_state_forward():
    traj = march(0.9, 0.9, replications=3, seed=13, max_periods=60, trajectory=True)
    final = march(0.9, 0.9, replications=3, seed=13)
    assert len(traj) == 3 * 61
    last = traj[traj["period"] == 60].reset_index(drop=True)
    assert np.allclose(last["code_knowledge"], final["code_knowledge"])


def test_bad_parameters_are_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="p1 is a probability"):
        march(1.5, 0.5)
    with pytest.raises(ValueError, match="variant"):
        march(0.5, 0.5, variant="code")
    with pytest.raises(ValueError, match="replications"):
        march(0.5, 0.5, replications=0)


def test_a_run_that_cannot_settle_is_flagged_not_hidden():
    with pytest.warns(RuntimeWarning, match="not absorbed"):
        df = march(0.0, 0.5, replications=2, seed=1, m=5, n=4)
    assert not df["absorbed"].any()


def test_sharing_replications_between_processes_changes_nothing():
    one = march(0.3, 0.5, replications=6, seed=14)
    two = march(0.3, 0.5, replications=6, seed=14, n_jobs=2)
    pd.testing.assert_frame_equal(one, two)


def test_running_in_memory_blocks_changes_nothing(monkeypatch):
    whole = march(0.5, 0.5, replications=9, seed=15)
    module = importlib.import_module("leadkit.simulate._march")  # the module, not the function
    monkeypatch.setattr(module, "BLOCK", 4)
    seen: list[float] = []
    blocks = march(0.5, 0.5, replications=9, seed=15, progress=seen.append)
    pd.testing.assert_frame_equal(whole, blocks)
    assert seen == sorted(seen) and seen[-1] == 1.0
