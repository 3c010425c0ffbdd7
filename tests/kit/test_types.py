"""The type checker over leadkit/ (settings in pyproject.toml, [tool.mypy]).

The package ships ``py.typed``, so the types a user's editor or checker sees are the ones
checked here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def test_mypy_finds_no_type_error():
    from mypy import api

    out, err, status = api.run(["--config-file", str(ROOT / "pyproject.toml"),
                                str(ROOT / "leadkit")])
    assert status == 0, out + err


def test_the_package_says_it_is_typed():
    assert (ROOT / "leadkit" / "py.typed").is_file()
