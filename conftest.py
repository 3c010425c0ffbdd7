"""Test-run settings shared by unit tests, doctests and nbval notebooks.

The journal of a test run lives in a throw-away folder, so running the tests never touches a
learner's real reflections; kernels started by nbval inherit the variable. Every test starts
and ends in English: a test that needs Dutch switches itself, and the kit's language is
process-wide state, so a test that failed half-way in Dutch would otherwise change the next
test's texts.
"""

import os
import tempfile

import pytest

os.environ["LEADKIT_HOME"] = tempfile.mkdtemp(prefix="leadkit-test-home-")
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ["LEADKIT_LANG"] = "en"

collect_ignore_glob = ["notebooks/src/*", "tools/*", "benchmarks/*", "datasets/*"]


@pytest.fixture(autouse=True)
def english():
    from leadkit.i18n import set_language

    set_language("en")
    yield
    set_language("en")
