"""Every widget re-words itself on a language switch: switched, it reads exactly as if it had
been made in the new language (questions, options, buttons, labels, help and feedback)."""

from __future__ import annotations

import re

import ipywidgets as w
import pytest

import leadkit as lk
from leadkit.store.journal import Journal

STYLE = re.compile(r"<style>.*?</style>", re.S)


def _texts(widget) -> list[str]:
    """Every text a learner can read in a widget tree, in page order."""
    out = []
    if isinstance(widget, w.HTML | w.HTMLMath):
        out.append(STYLE.sub("", widget.value))
    for attr in ("description", "placeholder", "tooltip"):
        value = getattr(widget, attr, None)
        if isinstance(value, str) and value:
            out.append(f"{attr}: {value}")
    options = getattr(widget, "_options_labels", None)
    if options:
        out.append(" | ".join(options))
    if isinstance(widget, w.Box):
        for child in widget.children:
            out += _texts(child)
    return out


def _cases():
    return {
        "dilemma": lambda j: lk.widgets.dilemma("agile-cmo-dilemma"),
        "context profile": lambda j: lk.widgets.context_profile(),
        "T-shape map": lambda j: lk.widgets.t_shape_map(),
        "spot compliance": lambda j: lk.widgets.spot_compliance(
            next(c for c in lk.list_cases() if "compliance" in c or "crm" in c)),
        "choose framework": lambda j: lk.widgets.choose_framework(),
        "self-check": lambda j: lk.widgets.self_check("00-start-here"),
        "reflection": lambda j: lk.widgets.reflect("start-here-goals", journal=j),
        "hand-in": lambda j: lk.widgets.hand_in(journal=j),
        "explorer": lambda j: lk.widgets.framework_explorer(),
        "framework table": lambda j: lk.widgets.framework_table(),
        "self-assessment": lambda j: lk.widgets.self_assessment("agile-cmo", journal=j),
        "scenario": lambda j: lk.widgets.play("key-account-price", run=False, journal=j),
    }


@pytest.mark.parametrize("name", list(_cases()))
def test_switching_reads_as_made_in_that_language(name, tmp_path):
    make = _cases()[name]
    journal = Journal(tmp_path)
    lk.set_language("en")
    widget = make(journal)
    english = _texts(widget)
    lk.set_language("nl")
    try:
        switched = _texts(widget)
        fresh = _texts(make(journal))
    finally:
        lk.set_language("en")
    assert switched != english, f"{name} did not change at all"
    assert switched == fresh
