"""The list of kit data files that passed their schema: complete, current, and never a way
round validation for any other file."""

from __future__ import annotations

import runpy
import subprocess
import sys
from pathlib import Path

import pytest

import leadkit as lk
from leadkit.content.datafile import VALIDATED, content_digest, kit_data_files
from leadkit.content.paths import data_dir
from leadkit.errors import FrameworkFileError

TOOL = Path(__file__).resolve().parents[2] / "tools" / "update_validated.py"


@pytest.mark.slow
def test_every_kit_data_file_is_listed_and_the_list_is_current():
    expected = runpy.run_path(str(TOOL))["digests"]()  # validates each file in full
    listed = (data_dir() / VALIDATED).read_text(encoding="ascii").splitlines()
    assert listed == expected, "run: python tools/update_validated.py"
    assert len(listed) == len(kit_data_files()) >= 30


def test_an_edited_copy_of_a_kit_file_is_validated_in_full(tmp_path):
    original = data_dir() / "frameworks" / "agile-cmo.yaml"
    text = original.read_text(encoding="utf-8").replace("id: agile-cmo", "id: Agile CMO", 1)
    (tmp_path / "agile-cmo.yaml").write_text(text, encoding="utf-8")
    assert content_digest(tmp_path / "agile-cmo.yaml", "framework") != content_digest(
        original, "framework")
    with pytest.raises(FrameworkFileError, match="Agile CMO"):
        lk.load_framework(tmp_path / "agile-cmo.yaml")


@pytest.mark.slow
def test_loading_a_kit_framework_needs_no_schema_library():
    code = ("import sys, leadkit as lk; lk.load_framework('agile-cmo'); "
            "print('jsonschema' in sys.modules, 'scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False"]
