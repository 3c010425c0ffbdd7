"""Where the tests' own files live: ``tests/data`` (data sets, R reference values, bad files).

Test modules import :data:`DATA` from here (``tests`` is on the test path) instead of each
working the folder out from its own place in the tree.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["DATA"]

DATA = Path(__file__).resolve().parent / "data"
