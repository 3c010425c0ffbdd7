"""Test-run settings shared by unit tests, doctests and nbval notebooks.

The journal of a test run lives in a throw-away folder, so running the tests never touches a
learner's real reflections; kernels started by nbval inherit the variable.
"""

import os
import tempfile

os.environ["LEADKIT_HOME"] = tempfile.mkdtemp(prefix="leadkit-test-home-")
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ["LEADKIT_LANG"] = "en"

collect_ignore_glob = ["notebooks/src/*", "tools/*", "benchmarks/*", "datasets/*"]
