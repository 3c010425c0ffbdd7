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
    from leadkit import i18n

    i18n.set_language("en")
    listeners = list(i18n._listeners)
    yield
    # Widgets made by a test re-word themselves on every later language switch of the process:
    # forget them, so no test pays for the widgets of all the tests before it.
    i18n._listeners[:] = listeners
    i18n.set_language("en")


def pytest_collection_modifyitems(config, items):
    """Mark what `make check` leaves out: notebooks (nbval items) and tests that start servers."""
    for item in items:
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.notebooks)
        if item.get_closest_marker("hub") or item.get_closest_marker("postgres"):
            item.add_marker(pytest.mark.services)
