"""Simulated teams on published, replicated models: the engine behind the team scenarios.

Each model has a batch function that runs many replications at once (vectorised with numpy,
one independent random stream per replication from ``numpy.random.SeedSequence(seed).spawn``)
and returns a tidy DataFrame, and a small class that steps one organisation period by period
for teaching. The models are documented in the ODD protocol in ``docs/models/``.

- :func:`march` / :class:`MarchModel` — March (1991), mutual learning with an organisational code;
- :func:`fang` / :class:`FangModel` — Fang, Lee & Schilling (2010), semi-isolated subgroups;
- :func:`emperor` / :class:`EmperorModel` — Centola, Willer & Macy (2005), unpopular norms;
- :func:`approval` / :class:`ApprovalModel` — approval layers as a queueing network.

Examples
--------
>>> from leadkit import simulate
>>> df = simulate.march(0.5, 0.5, replications=10, seed=1)
>>> summary = simulate.mean_ci(df["code_knowledge"])
>>> summary["n"]
10
"""

from __future__ import annotations

from leadkit.lazy import lazy_names

# public name -> the private module that defines it; a model loads when it is first used, so
# reading a scenario file (or importing the kit) does not pay for every model.
_WHERE = {
    "claims_table": "replications",
    "reproduce": "replications",
    "march": "_march",
    "MarchModel": "_march",
    "fang": "_fang",
    "FangModel": "_fang",
    "emperor": "_emperor",
    "EmperorModel": "_emperor",
    "approval": "_approval",
    "approval_expected": "_approval",
    "ApprovalModel": "_approval",
    "mean_ci": "_stats",
    "summarise": "_stats",
}

__all__ = [
    "claims_table",
    "reproduce",
    "march",
    "MarchModel",
    "fang",
    "FangModel",
    "emperor",
    "EmperorModel",
    "approval",
    "approval_expected",
    "ApprovalModel",
    "mean_ci",
    "summarise",
]


__getattr__, __dir__ = lazy_names("leadkit.simulate", _WHERE)
