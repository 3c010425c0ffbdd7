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

import lazy_loader

# The names and the modules they load from are listed once, in __init__.pyi.
__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
