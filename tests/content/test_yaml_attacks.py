"""Data files that would exhaust the parser are refused by name, with the line and column."""

from __future__ import annotations

import pytest

import leadkit as lk
from leadkit.errors import FrameworkFileError


@pytest.mark.parametrize(("text", "expected"), [
    ("a: " + "[" * 60_000 + "]" * 60_000, "nested more than 64 levels"),
    ("? [a, b]\n: 1\n", "a key must be a word or a number"),
    ("schema_version: " + "9" * 5_000 + "\n", "a number of 5000 digits"),
], ids=["deep-nesting", "list-as-key", "huge-integer"])
def test_a_hostile_data_file_is_a_named_error(tmp_path, text, expected):
    path = tmp_path / "framework.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FrameworkFileError, match=expected) as err:
        lk.load_framework(path)
    assert "line 1" in str(err.value)
