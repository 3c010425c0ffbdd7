"""The reflection widget, driven from Python: type, tick, click, then look in the journal."""

from __future__ import annotations

import pytest

from leadkit.i18n import set_language
from leadkit.store.journal import Journal
from leadkit.widgets._reflection import reflection

PROMPT = {"en": "What will you do differently?", "nl": "Wat ga je anders doen?"}



@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path)


def test_save_stores_the_answer_and_confirms_it(journal):
    box = reflection("change", PROMPT, journal=journal, notebook="04-leading-professionals")
    box.text.value = "Ask the team before I decide."
    box.save.click()
    row = journal.entries().iloc[0]
    assert (row["prompt_id"], row["text"], row["notebook"]) == (
        "change", "Ask the team before I decide.", "04-leading-professionals")
    assert row["prompt"] == PROMPT["en"]
    assert "Saved at" in box.status.value and "29 characters" in box.status.value
    assert "role='status'" in box.status.value


def test_saving_again_revises_the_same_entry_and_keeps_the_old_version(journal):
    box = reflection("change", PROMPT, journal=journal)
    box.text.value = "first"
    box.save.click()
    box.save.click()
    assert "No changes since the last save" in box.status.value
    box.text.value = "second"
    box.save.click()
    assert "(version 2)" in box.status.value
    assert list(journal.history("change")["text"]) == ["first", "second"]
    assert len(journal.entries()) == 1


def test_empty_answer_is_not_saved(journal):
    box = reflection("change", PROMPT, journal=journal)
    box.text.value = "   "
    box.save.click()
    assert "Nothing to save yet" in box.status.value
    assert journal.entries().empty


def test_share_checkbox_sets_the_flag(journal):
    box = reflection("change", PROMPT, journal=journal)
    box.text.value = "for my teacher"
    box.share.value = True
    box.save.click()
    assert journal.entries()["share_with_teacher"].tolist() == [True]
    box.share.value = False
    box.save.click()  # unticking and saving again withdraws the share
    assert journal.entries()["share_with_teacher"].tolist() == [False]


def test_earlier_answers_are_listed_escaped_and_current_one_is_not(journal):
    journal.add("change", "an <em>old</em> answer")
    journal.add("change", "the latest answer")
    journal.add("other-prompt", "not this one")
    box = reflection("change", PROMPT, journal=journal)
    assert box.text.value == "the latest answer"  # in the box, not folded away
    assert "an &lt;em&gt;old&lt;/em&gt; answer" in box.earlier.value
    assert "latest" not in box.earlier.value and "not this one" not in box.earlier.value
    box.text.value = "the new answer"
    box.save.click()
    assert "the new answer" not in box.earlier.value  # it is in the text area already
    assert "(1)" in box.earlier.value


def test_after_a_restart_the_last_saved_answer_is_in_the_box_and_editable(journal):
    box = reflection("change", PROMPT, journal=journal, notebook="01-agile-cmo")
    box.text.value = "kept"
    box.share.value = True
    box.save.click()
    again = reflection("change", PROMPT, journal=Journal(journal.path), notebook="01-agile-cmo")
    assert again.text.value == "kept" and again.share.value is True
    assert not again.text.disabled
    assert "last saved answer" in again.status.value and "Save" in again.status.value
    again.text.value = "kept, and then some"
    again.save.click()
    # Saving again is a new version of the same answer, not a second answer.
    entries = Journal(journal.path).entries(prompt_id="change")
    assert entries["text"].tolist() == ["kept, and then some"]
    assert entries["version"].tolist() == [2]
    set_language("nl")
    third = reflection("change", PROMPT, journal=Journal(journal.path))
    assert "laatst bewaarde antwoord" in third.status.value


def test_dutch_labels_and_prompt_follow_the_language(journal):
    box = reflection("change", PROMPT, journal=journal)
    set_language("nl")
    assert "Wat ga je anders doen?" in box.children[0].value
    assert (box.save.description, box.share.description) == ("Bewaar", "Deel met mijn docent")
    box.text.value = "Eerst luisteren."
    box.save.click()
    assert "Bewaard om" in box.status.value and "16 tekens" in box.status.value


def test_controls_are_keyboard_reachable_and_labelled(journal):
    box = reflection("change", PROMPT, journal=journal)
    for control in (box.text, box.share, box.save):
        assert control.tabbable is True
        assert control.description.strip()
    assert box.save.tooltip


def test_default_journal_is_the_one_in_leadkit_home(tmp_path, monkeypatch):
    monkeypatch.setenv("LEADKIT_HOME", str(tmp_path / "home"))
    box = reflection("change", PROMPT)
    box.text.value = "stored at home"
    box.save.click()
    assert Journal(tmp_path / "home").entries()["text"].tolist() == ["stored at home"]
