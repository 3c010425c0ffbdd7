"""Shared test set-up (every test directory): each test starts and ends in English.

A test that needs Dutch switches itself; the kit's language is process-wide state, so a test
that failed half-way in Dutch would otherwise change the next test's texts.
"""

from __future__ import annotations

import pytest

from leadkit.i18n import set_language


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")
