"""The language choice: remembered per learner on the start page, named for screen readers."""

from __future__ import annotations

import pytest

import leadkit as lk
from leadkit.store.journal import Journal
from leadkit.widgets.explore import framework_explorer, language_switch


@pytest.fixture(autouse=True)
def english():
    lk.set_language("en")
    yield
    lk.set_language("en")


def test_the_start_page_remembers_the_learners_language(tmp_path):
    journal = Journal(tmp_path / "journal.sqlite")
    explorer = framework_explorer()
    switch = language_switch(remember=True, journal=journal)
    switch.toggle.value = "nl"  # the learner presses Nederlands
    assert journal.language == "nl" and lk.get_language() == "nl"
    # A new session (kernel restart, the page reopened): English until the switch is made,
    # which then brings back the learner's Dutch, and the widgets above follow it.
    lk.set_language("en")
    explorer = framework_explorer()
    again = language_switch(remember=True, journal=Journal(tmp_path / "journal.sqlite"))
    assert lk.get_language() == "nl" and again.toggle.value == "nl"
    assert explorer.dropdown.description == "Raamwerk"


def test_a_notebook_in_one_language_does_not_follow_or_change_the_memory(tmp_path):
    journal = Journal(tmp_path / "journal.sqlite")
    journal.language = "nl"
    switch = language_switch(journal=journal)  # remember=False: an app or a one-language page
    assert lk.get_language() == "en"
    switch.toggle.value = "nl"
    switch.toggle.value = "en"
    assert journal.language == "nl"


def test_the_switch_is_a_radio_group_named_language():
    switch = language_switch()
    assert switch.toggle.description == "Language" and switch.toggle.labels == [
        lk.tr("Nederlands"), "English"] or sorted(switch.toggle.labels) == ["English",
                                                                             "Nederlands"]
    assert switch.page_language.language == "en"
    lk.set_language("nl")
    assert switch.page_language.language == "nl"  # the page's lang follows the kit's language
