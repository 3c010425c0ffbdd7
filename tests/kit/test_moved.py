"""Old module paths keep working for one release, with a DeprecationWarning naming the new one."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from leadkit.moved import MOVED


@pytest.mark.parametrize("old", sorted(MOVED))
def test_an_old_path_warns_and_gives_the_names_of_the_new_place(old, monkeypatch):
    monkeypatch.delitem(sys.modules, old, raising=False)
    with pytest.warns(DeprecationWarning, match=MOVED[old][0].replace(".", r"\.")):
        module = importlib.import_module(old)
    for place in MOVED[old]:
        new = importlib.import_module(place)
        names = [n for n in getattr(new, "__all__", []) if not n.startswith("_")]
        assert names, f"{place} has no public names to check"
        for name in names:
            assert getattr(module, name) is getattr(new, name), (old, name)


def test_from_import_of_an_old_path_works():
    sys.modules.pop("leadkit.survey.agreement", None)
    with pytest.warns(DeprecationWarning):
        from leadkit.survey.agreement import rwg  # noqa: F401 - the import is the test
    from leadkit.psychometrics.agreement import rwg as new

    assert rwg is new


def test_an_unknown_name_of_a_split_module_is_an_attribute_error():
    sys.modules.pop("leadkit.plots_cases", None)
    with pytest.warns(DeprecationWarning):
        module = importlib.import_module("leadkit.plots_cases")
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        module.nothing_here  # noqa: B018


def test_the_top_level_alias_still_answers(recwarn, monkeypatch):
    import leadkit

    # A fresh session: neither loaded nor set as an attribute of the package yet.
    monkeypatch.delitem(sys.modules, "leadkit.classroom_plots", raising=False)
    monkeypatch.delattr(leadkit, "classroom_plots", raising=False)
    assert leadkit.classroom_plots.class_distribution.__module__ == "leadkit.plots.classroom"
    assert any(w.category is DeprecationWarning for w in recwarn)


@pytest.mark.slow
def test_python_dash_m_of_the_old_service_path_runs_the_service():
    """A hub configuration written with the old path still starts the service."""
    out = subprocess.run([sys.executable, "-W", "always::DeprecationWarning", "-m",
                          "leadkit.cli.class_pool_service", "--help"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "--db" in out.stdout or "usage" in out.stdout.lower()
    assert "leadkit.classpool.service" in out.stderr


@pytest.mark.slow
def test_new_paths_import_without_a_warning():
    code = ("import warnings; warnings.simplefilter('error'); import leadkit.classpool.service, "
            "leadkit.psychometrics.agreement, leadkit.survey.io.responses, "
            "leadkit.learning.example_team")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
