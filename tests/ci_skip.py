"""Skip or fail: the one rule for tests that need a browser or Node.

On a learner's machine a missing Chromium or Node skips those tests with a message saying what
to install; on CI (``CI`` set) the same thing is an error, so CI can never pass by skipping.
"""

from __future__ import annotations

import os

import pytest

__all__ = ["on_ci", "skip_or_fail"]


def on_ci() -> bool:
    """True when the ``CI`` environment variable is set to something other than 0/false/no."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def skip_or_fail(reason: str) -> None:
    """Skip on a learner's machine; fail on CI, where every test must really run."""
    if on_ci():
        pytest.fail(f"{reason} (CI is set, so this is an error, not a skip)", pytrace=False)
    pytest.skip(reason)
