"""The self-check core and widget, and the framework explorer (without a browser)."""

import pytest

import leadkit as lk
from leadkit.learning.selfcheck import check_answer, list_selfchecks, load_selfcheck


@pytest.mark.parametrize("set_id", list_selfchecks())
def test_every_question_has_one_right_answer_and_feedback_everywhere(set_id):
    for q in load_selfcheck(set_id):
        assert sum(o["correct"] for o in q["options"]) >= 1
        for o in q["options"]:
            assert o["feedback"]["en"].strip() and o["feedback"]["nl"].strip()


def test_feedback_says_right_or_wrong_and_why():
    q = load_selfcheck("00-start-here")[0]
    wrong = next(o for o in q["options"] if not o["correct"])
    fb = check_answer(q, wrong["id"])
    assert not fb.correct and fb.message.startswith("Not quite.")
    assert wrong["feedback"]["en"] in fb.message
    lk.set_language("nl")
    assert check_answer(q, wrong["id"]).message.startswith("Niet helemaal.")


def test_no_answer_is_not_judged():
    q = load_selfcheck("00-start-here")[0]
    assert check_answer(q, None).message == "Choose an answer first."


def test_selfcheck_without_a_correct_option_is_refused(tmp_path):
    p = tmp_path / "x.yaml"
    p.write_text(
        "schema_version: 1\nid: x\nquestions:\n- id: q\n  question: {en: Q, nl: V}\n"
        "  options:\n  - {id: a, label: {en: A, nl: A}, correct: false, feedback: {en: f, nl: f}}\n"
        "  - {id: b, label: {en: B, nl: B}, correct: false, feedback: {en: f, nl: f}}\n"
    )
    with pytest.raises(lk.FrameworkFileError, match="no option is marked correct"):
        load_selfcheck(p)


def test_quiz_widget_gives_feedback_on_click():
    box = lk.widgets.self_check("00-start-here")
    first = box.questions[0]
    right = next(o["id"] for o in load_selfcheck("00-start-here")[0]["options"] if o["correct"])
    first.button.click()
    assert "Choose an answer first" in first.feedback.value
    first.choices.value = right
    first.button.click()
    assert "✔" in first.feedback.value and "Correct." in first.feedback.value


def test_explorer_follows_dropdown_and_language():
    box = lk.widgets.framework_explorer()
    assert "Build" in box.card.value or "trust" in box.card.value.lower()
    before = box.card.value
    box.dropdown.value = "wij-model"
    assert box.card.value != before
    assert lk.load_framework("wij-model").elements[0].name["en"] in box.card.value
    lk.set_language("nl")
    assert lk.load_framework("wij-model").elements[0].name["nl"] in box.card.value
    assert box.dropdown.description == "Raamwerk"


def test_language_switch_sets_the_language():
    toggle = lk.widgets.language_switch()
    toggle.value = "nl"
    assert lk.get_language() == "nl"
