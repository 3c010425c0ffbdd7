"""Packaging: the environment files agree, and a built wheel carries the data files."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[;]", requirement.strip(), maxsplit=1)[0].lower()


def test_environment_yml_names_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {_name(d) for d in env["dependencies"] if isinstance(d, str)} - {"python", "pip"}
    pip_part = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert {_name(d) for d in project["dependencies"]} == conda
    assert "-e ." in pip_part or "." in pip_part, "environment.yml must install the kit itself"


def test_environment_yml_pins_python_for_binder():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert "python=3.12" in env["dependencies"]


def test_every_dependency_has_a_lower_bound():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = project["dependencies"] + [
        d for extra in project["optional-dependencies"].values() for d in extra
    ]
    assert all(">=" in d for d in deps), [d for d in deps if ">=" not in d]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        check=True,
    )
    return next(out.glob("leadkit-*.whl"))


def test_wheel_ships_every_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in (ROOT / "datasets").rglob("*"):
        if path.is_file() and path.suffix in {".yaml", ".json", ".csv"}:
            rel = "leadkit/datasets/" + path.relative_to(ROOT / "datasets").as_posix()
            assert rel in names, f"{rel} is missing from the wheel"


def test_installed_wheel_works_outside_the_repository(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    # Dutch too: the compiled catalogue ships inside the package.
    code = ("import leadkit; print(leadkit.list_frameworks()); print(leadkit.__file__); "
            "leadkit.set_language('nl'); print(leadkit.tr('Reflections'))")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
        check=True,
    )
    assert "'agile-cmo', 'silo-collaboration', 'customer-leadership'" in result.stdout
    assert str(site) in result.stdout  # the wheel's copy, not the checkout
    assert result.stdout.splitlines()[-1] == "Reflecties"


def test_ci_calls_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    assert "make test" in readme and "make lab" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()
