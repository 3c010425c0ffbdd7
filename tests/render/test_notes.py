"""In a notebook the kit's warnings are notes in the page; elsewhere they stay warnings."""

from __future__ import annotations

import warnings

from leadkit.errors import LeadkitWarning
from leadkit.render import notes


def _warn(message: str, category: type[Warning]) -> None:
    """Show a warning the way warnings.warn hands it to warnings.showwarning."""
    notes._show(category(message), category, "/tmp/ipykernel_1/123.py", 1)


def _recorded(monkeypatch) -> list[str]:
    """What reaches Python's own warning display (stderr outside the tests)."""
    seen: list[str] = []
    monkeypatch.setattr(notes, "_ORIGINAL", lambda message, *rest: seen.append(str(message)))
    return seen


def test_a_kit_warning_in_a_kernel_is_a_note_not_stderr(monkeypatch):
    shown, printed = [], _recorded(monkeypatch)
    monkeypatch.setattr(notes, "_in_a_kernel", lambda: True)
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj.data))
    _warn("boundary (singular) fit: <b>", LeadkitWarning)
    _warn("another library's warning", UserWarning)
    assert shown == ['<div class="lk-note" role="note">⚠ boundary (singular) fit: &lt;b&gt;</div>']
    assert printed == ["another library's warning"]


def test_outside_a_kernel_a_kit_warning_is_an_ordinary_warning(monkeypatch):
    printed = _recorded(monkeypatch)
    _warn("2 rows were left out", LeadkitWarning)
    assert printed == ["2 rows were left out"]


def test_install_is_idempotent(monkeypatch):
    monkeypatch.setattr(warnings, "showwarning", warnings.showwarning)
    notes.install()
    notes.install()
    assert warnings.showwarning is notes._show
