"""Approval layers: how long a customer waits when decisions climb a hierarchy.

A small queueing model of the "ik-model" versus the "wij-model". Customer requests (say, price
requests from a key account) reach the account team at random, ``arrival_rate`` per working
day. The team prepares every request (an exponential time with mean ``team_days``). A share
``mandate`` of the requests falls inside the team's mandate and is answered right away; every
other request climbs ``layers`` approval layers one after the other. Each layer is one busy
approver; each layer may send the request back (probability ``send_back``), after which the
team reworks it (mean ``rework_days``) and it starts again at the first layer.

Assumptions, all stated in ``docs/models/approval.md``:

- arrivals are Poisson; approvers decide in exponential times at ``approver_rate`` decisions a
  day, of which a share ``other_work`` goes to other teams' work (so this team's requests get
  ``approver_rate · (1 − other_work)``);
- each layer is a first-come-first-served M/M/1 queue in steady state (a Jackson network):
  a request's time at layer i is exponential with rate ``μ − Λ_i``, where ``Λ_i`` counts the
  first visits *and* the returns after a send-back. The mean lead time is then exact
  (:func:`approval_expected`); the spread treats successive waits as independent, which is
  exact without send-backs and an approximation with them;
- the system must keep up: when the first layer gets more requests than it can decide, waits
  grow without end and the model refuses to report a number.

Examples
--------
>>> tall = approval(layers=3, mandate=0.0, replications=50, seed=1)
>>> flat = approval(layers=0, mandate=0.0, replications=50, seed=1)
>>> bool(tall["mean_lead_days"].mean() > flat["mean_lead_days"].mean())
True
>>> round(approval_expected(layers=0, mandate=1.0)["mean_lead_days"], 2)
0.5
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from leadkit.docparams import shared_methods, shared_params
from leadkit.simulate._streams import Seed, generators

__all__ = ["approval", "approval_expected", "ApprovalModel", "Overloaded"]


class Overloaded(ValueError):
    """The first approval layer gets more requests than it can decide: no steady state.

    ``load`` and ``capacity`` are kept as numbers, so a face can explain it in any language.

    Parameters
    ----------
    load : float
        Requests a day that reach the first layer.
    capacity : float
        Requests a day the first layer can decide.
    """

    def __init__(self, load: float, capacity: float) -> None:
        self.load, self.capacity = load, capacity
        super().__init__(
            f"The approvers cannot keep up: layer 1 gets {load:.2f} requests a day but can "
            f"decide {capacity:.2f}; waiting times would grow without end. Lower the arrival "
            "rate or the send-back chance, widen the mandate, or free the approvers' time."
        )

_DEFAULTS = dict(
    layers=3, mandate=0.0, arrival_rate=1.0, approver_rate=5.0, other_work=0.6,
    send_back=0.15, team_days=0.5, rework_days=2.0, deadline_days=5.0,
)


def _rates(layers, mandate, arrival_rate, approver_rate, other_work, send_back) -> np.ndarray:
    """Departure-minus-arrival rate of each layer (per day); raises when a layer overflows."""
    for name, value in (("mandate", mandate), ("other_work", other_work),
                        ("send_back", send_back)):
        if not 0.0 <= value <= 1.0 or (name != "mandate" and value >= 1.0):
            raise ValueError(f"{name} must be a share from 0 to 1 (below 1), got {value}")
    if int(layers) < 0 or arrival_rate <= 0 or approver_rate <= 0:
        raise ValueError("layers must be ≥ 0 and the rates positive")
    layers = int(layers)
    capacity = approver_rate * (1.0 - other_work)
    passing = (1.0 - send_back) ** layers  # chance one attempt gets through every layer
    # Visits to layer i per request: reach it on an attempt, times the expected attempts.
    visits = (1.0 - send_back) ** np.arange(layers) / passing
    load = arrival_rate * (1.0 - mandate) * visits
    rates = capacity - load
    if layers and rates.min() <= 0:
        raise Overloaded(float(load[0]), float(capacity))
    return rates


def approval_expected(**params: float) -> dict[str, float]:
    """The exact mean lead time of the model (Jackson network with Little's law).

    Parameters
    ----------
    **params : float
        Model parameters to change from the defaults: ``layers``, ``mandate``,
        ``arrival_rate``, ``approver_rate``, ``other_work``, ``send_back``, ``team_days``,
        ``rework_days``.

    Returns
    -------
    dict
        ``mean_lead_days``, ``expected_send_backs`` and ``load_first_layer``.

    Raises
    ------
    ValueError
        A share outside 0 to 1, or a layer that would get more requests than it can handle.

    Examples
    --------
    >>> out = approval_expected(layers=2, mandate=0.5, send_back=0.0)
    >>> sorted(out)
    ['expected_send_backs', 'load_first_layer', 'mean_lead_days']
    """
    p = {**_DEFAULTS, **params}
    rates = _rates(p["layers"], p["mandate"], p["arrival_rate"], p["approver_rate"],
                   p["other_work"], p["send_back"])
    layers = int(p["layers"])
    passing = (1.0 - p["send_back"]) ** layers
    visits = (1.0 - p["send_back"]) ** np.arange(layers) / passing
    send_backs = (1.0 - passing) / passing
    chain = float((visits / rates).sum()) + send_backs * p["rework_days"] if layers else 0.0
    capacity = p["approver_rate"] * (1.0 - p["other_work"])
    return {
        "mean_lead_days": p["team_days"] + (1.0 - p["mandate"]) * chain,
        "expected_send_backs": (1.0 - p["mandate"]) * send_backs if layers else 0.0,
        "load_first_layer": float(capacity - rates[0]) / capacity if layers else 0.0,
    }


def _requests(rng: np.random.Generator, count: int, p: dict, rates: np.ndarray) -> pd.DataFrame:
    """Lead time of ``count`` requests of one replication, all requests as one array."""
    layers = int(p["layers"])
    lead = rng.exponential(p["team_days"], count)
    inside = rng.random(count) < p["mandate"]
    backs = np.zeros(count, dtype=int)
    todo = np.flatnonzero(~inside) if layers else np.empty(0, dtype=int)
    at = np.zeros(todo.size, dtype=int)  # the layer each open request waits at
    while todo.size:
        lead[todo] += rng.exponential(1.0 / rates[at])
        back = rng.random(todo.size) < p["send_back"]
        lead[todo[back]] += rng.exponential(p["rework_days"], int(back.sum()))
        backs[todo[back]] += 1
        at = np.where(back, 0, at + 1)
        keep = at < layers
        todo, at = todo[keep], at[keep]
    return pd.DataFrame({"lead_days": lead, "within_mandate": inside, "send_backs": backs,
                         "in_time": lead <= p["deadline_days"]})


@shared_params
def approval(layers: int = 3, mandate: float = 0.0, *, requests: int = 200, replications: int = 200,
             seed: Seed = None, **params: float) -> pd.DataFrame:
    """Simulate ``replications`` teams, each answering ``requests`` customer requests.

    Parameters
    ----------
    %(approval_model)s
    requests : int
        Requests per simulated team.
    %(replicated)s

    Returns
    -------
    pandas.DataFrame
        One row per team: ``mean_lead_days``, ``p90_lead_days``, ``in_time`` (share answered
        within the deadline), ``send_backs`` (mean per request), ``within_mandate`` (share).

    Examples
    --------
    >>> approval(layers=2, replications=3, seed=2).shape
    (3, 6)
    """
    unknown = set(params) - set(_DEFAULTS)
    if unknown:
        raise ValueError(f"unknown parameter(s): {', '.join(sorted(unknown))}")
    p = {**_DEFAULTS, **params, "layers": layers, "mandate": mandate}
    rates = _rates(p["layers"], p["mandate"], p["arrival_rate"], p["approver_rate"],
                   p["other_work"], p["send_back"])
    rows = []
    for rep, rng in enumerate(generators(seed, int(replications))):
        one = _requests(rng, int(requests), p, rates)
        rows.append({
            "replication": rep,
            "mean_lead_days": one["lead_days"].mean(),
            "p90_lead_days": one["lead_days"].quantile(0.9),
            "in_time": one["in_time"].mean(),
            "send_backs": one["send_backs"].mean(),
            "within_mandate": one["within_mandate"].mean(),
        })
    return pd.DataFrame(rows)


@shared_methods
class ApprovalModel:
    """One team answering requests one at a time (for teaching).

    ``log`` holds every request answered so far, one row each: its lead time, whether it
    stayed within the mandate, how often it was sent back and whether it was answered in time.

    Parameters
    ----------
    %(approval_one)s

    Examples
    --------
    >>> model = ApprovalModel(layers=2, seed=3)
    >>> model.step()
    >>> log = model.run(9)
    >>> len(log), list(log.columns)[:3]
    (10, ['request', 'lead_days', 'within_mandate'])
    """

    def __init__(self, layers: int = 3, mandate: float = 0.0, seed: Seed = None,
                 **params: float) -> None:
        self._p = {**_DEFAULTS, **params, "layers": layers, "mandate": mandate}
        self._rates = _rates(layers, mandate, self._p["arrival_rate"], self._p["approver_rate"],
                             self._p["other_work"], self._p["send_back"])
        self._rng = generators(seed, 1)[0]
        self.log: list[dict] = []

    def step(self) -> None:
        """Answer the next request."""
        row = _requests(self._rng, 1, self._p, self._rates).iloc[0].to_dict()
        self.log.append({"request": len(self.log) + 1, **row})

    def run(self, requests: int = 20) -> pd.DataFrame:
        """Answer more requests.

        Parameters
        ----------
        requests : int, default 20
            How many.

        Returns
        -------
        pandas.DataFrame
            The whole log so far, one row per request.
        """
        for _ in range(int(requests)):
            self.step()
        return pd.DataFrame(self.log)
