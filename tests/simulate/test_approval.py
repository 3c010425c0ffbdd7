"""Approval layers: the simulation agrees with queueing theory, and layers make a team slow.

A simulated mean passes when |mean − exact| < 4 · SE (SE over independent simulated teams).
The exact values come from the model's own theory: the mean lead time of an open Jackson
network (Jackson 1957, with Little's law), and for a chain without send-backs the lead time
distribution (team time plus an Erlang sum of the layers' M/M/1 waiting times).
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import integrate, stats

from leadkit.simulate._approval import ApprovalModel, approval, approval_expected
from leadkit.simulate._stats import mean_ci


@pytest.mark.parametrize(
    "layers, mandate, send_back",
    [(1, 0.0, 0.15), (3, 0.0, 0.15), (3, 0.5, 0.3), (2, 0.8, 0.0), (0, 0.0, 0.15)],
)
def test_mean_lead_time_matches_the_jackson_network(layers, mandate, send_back):
    df = approval(layers, mandate, send_back=send_back, replications=300, seed=21)
    s = mean_ci(df["mean_lead_days"])
    exact = approval_expected(layers=layers, mandate=mandate, send_back=send_back)
    assert abs(s["mean"] - exact["mean_lead_days"]) < 4 * s["se"], (s, exact)


def test_share_in_time_matches_the_erlang_chain_without_send_backs():
    layers, deadline, team = 3, 5.0, 0.5
    df = approval(layers, 0.0, send_back=0.0, deadline_days=deadline, replications=300,
                  seed=22)
    rate = 5.0 * (1 - 0.6) - 1.0  # capacity minus arrivals: each layer's M/M/1 exit rate
    # P(team time + Erlang(layers, rate) <= deadline), by integrating over the team time.
    exact, _ = integrate.quad(
        lambda x: stats.expon.pdf(x, scale=team) * stats.gamma.cdf(deadline - x, layers,
                                                                   scale=1 / rate),
        0, deadline)
    s = mean_ci(df["in_time"])
    assert abs(s["mean"] - exact) < 4 * s["se"], (s, exact)


def test_more_layers_mean_slower_answers_and_a_mandate_speeds_them_up():
    flat = approval(1, 0.0, replications=100, seed=23)
    tall = approval(3, 0.0, replications=100, seed=24)
    trusted = approval(3, 0.8, replications=100, seed=25)
    assert tall["mean_lead_days"].mean() > flat["mean_lead_days"].mean() + 4 * np.hypot(
        tall["mean_lead_days"].sem(), flat["mean_lead_days"].sem())
    assert trusted["in_time"].mean() > tall["in_time"].mean() + 4 * np.hypot(
        trusted["in_time"].sem(), tall["in_time"].sem())


def test_an_overloaded_chain_is_refused_not_reported():
    with pytest.raises(ValueError, match="cannot keep up"):
        approval(5, 0.0, replications=2, seed=1)
    with pytest.raises(ValueError, match="unknown parameter"):
        approval(2, 0.0, patience=3)


def test_teaching_model_logs_one_row_per_request():
    log = ApprovalModel(layers=2, mandate=0.5, seed=4).run(30)
    assert len(log) == 30
    assert set(log["within_mandate"]) <= {True, False}
    assert (log.loc[log["within_mandate"], "send_backs"] == 0).all()
