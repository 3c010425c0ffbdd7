"""The self-assessment widget, driven without a browser: set answers, click, check."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # tests only

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import leadkit as lk  # noqa: E402
from leadkit.store.journal import Journal  # noqa: E402
from leadkit.survey.scoring import score  # noqa: E402
from leadkit.widgets.assessment import answers_to_responses, self_assessment  # noqa: E402

FID = "agile-cmo"



@pytest.fixture
def fw():
    return lk.load_framework(FID)


def _answer_all(box, fw, pattern=(4, 2, 5, 3)):
    answers = {}
    for i, item_id in enumerate(fw.item_ids):
        box.toggles[item_id].value = answers[item_id] = pattern[i % len(pattern)]
    return answers


def test_answers_become_one_response_row(fw):
    first, second = fw.item_ids[:2]
    row = answers_to_responses({first: 5, second: None}, fw)
    assert len(row) == 1 and list(row.columns) == ["respondent", "rater", "target", *fw.item_ids]
    assert row.loc[0, first] == 5.0 and np.isnan(row.loc[0, second])
    assert row.loc[0, "target"] == row.loc[0, "respondent"]
    observer = answers_to_responses({first: 1}, fw, form="observer", target="kim")
    assert observer.loc[0, "rater"] == "other" and observer.loc[0, "target"] == "kim"


def test_bad_answers_are_refused(fw):
    with pytest.raises(lk.InputError, match="not on the scale"):
        answers_to_responses({fw.item_ids[0]: 6}, fw)
    with pytest.raises(lk.InputError, match="not on the scale"):
        answers_to_responses({fw.item_ids[0]: 2.5}, fw)
    with pytest.raises(lk.InputError, match="unknown item"):
        answers_to_responses({"zz99": 3}, fw)


def test_every_item_is_a_labelled_control_with_the_scale_labels(fw):
    lk.set_language("nl")
    box = self_assessment(FID)
    assert list(box.toggles) == fw.item_ids
    toggle = box.toggles[fw.item_ids[0]]
    assert toggle.description == f"1. {fw.items[0].text('self')}"  # Dutch wording
    assert toggle.labels == [t["nl"] for t in fw.scale_labels]
    assert [v for _, v in toggle.options] == [1, 2, 3, 4, 5]
    assert toggle.value is None and toggle.index is None  # nothing is pre-chosen
    toggle.value = 4
    # The browser checks the fourth radio button of the group the statement names.
    assert toggle.index == 3 and toggle.label == "Mee eens"
    toggle.index = 1  # a click in the page
    assert toggle.value == 2
    assert box.score_button.description and box.save_button.disabled


def test_score_click_scores_the_answers_and_draws_them(fw):
    heard = []
    box = self_assessment(FID, on_scored=heard.append)
    answers = _answer_all(box, fw)
    box.score_button.click()
    expected = score(answers_to_responses(answers, fw), fw)
    pd.testing.assert_frame_equal(box.scores, expected)
    assert heard and heard[0] is box.scores
    profile, compared = box.charts
    assert np.allclose(list(profile.values.values()), expected["score"])
    assert np.allclose(profile.bars.x[:, 1], expected["score"])  # the bars end at the scores
    # The comparison uses the sample class: 64 people's wave-1 self-assessments.
    assert "n = 64" in compared.figure.title
    assert np.allclose(compared.you.x, expected["score"])
    # Every chart says in words what it shows; the class comparison is a table as well.
    assert profile.text.startswith("Bar chart of your score per element")
    assert "middle half of the sample class" in compared.text
    assert box.class_table.value.count("<tr>") == 1 + len(fw.elements)
    assert box.result.value.count("<tr>") == 1 + len(fw.elements)
    assert not box.save_button.disabled
    assert "7 elements scored" in box.status.value


def test_a_second_score_moves_the_same_charts(fw):
    box = self_assessment(FID)
    _answer_all(box, fw)
    box.score_button.click()
    profile, compared = box.charts
    before = profile.bars.x.copy()
    for item in fw.items:
        if item.element == fw.elements[0].id:
            box.toggles[item.id].value = 5 if not item.reverse else 1
    box.score_button.click()
    assert box.charts[0] is profile and box.charts[1] is compared  # changed, not redrawn
    assert profile.bars.x[0, 1] != before[0, 1] and profile.bars.x[0, 1] == 5.0
    assert np.allclose(profile.bars.x[1:], before[1:])


def test_the_charts_export_as_static_images(fw):
    box = self_assessment(FID)
    _answer_all(box, fw)
    box.score_button.click()
    for chart in box.charts:
        png = chart.static()._repr_png_()
        assert png[:4] == b"\x89PNG"


def test_too_few_answers_leave_an_element_without_score_and_say_so(fw):
    box = self_assessment(FID)
    box.toggles[fw.item_ids[0]].value = 4  # one item of the first element only
    box.score_button.click()
    assert box.scores["score"].notna().sum() == 0
    assert "No score yet" in box.status.value
    assert fw.elements[0].label in box.status.value


def test_nothing_answered_scores_nothing():
    box = self_assessment(FID)
    box.score_button.click()
    assert box.scores is None and "at least one" in box.status.value


def test_save_writes_the_scores_to_the_journal(fw, tmp_path):
    journal = Journal(tmp_path / "journal.sqlite")
    box = self_assessment(FID, journal=journal)
    _answer_all(box, fw)
    box.score_button.click()
    box.save_button.click()
    saved = journal.scores()
    assert "✔" in box.status.value
    assert saved["framework"].unique().tolist() == [FID]
    assert np.allclose(saved["score"], box.scores["score"])
    box.save_button.click()  # saving again keeps the earlier set
    assert journal.scores()["set_id"].nunique() == 2


def test_a_failing_save_is_reported_and_keeps_the_answers(fw):
    class Broken:
        def save_scores(self, *args, **kwargs):
            raise OSError("disk full")

    box = self_assessment(FID, journal=Broken())
    _answer_all(box, fw)
    box.score_button.click()
    box.save_button.click()
    assert "disk full" in box.status.value and "✘" in box.status.value
    assert box.toggles[fw.item_ids[0]].value == 4


def test_observer_form_uses_the_observer_wording(fw):
    box = self_assessment(FID, form="observer")
    assert box.toggles[fw.item_ids[0]].description.endswith(fw.items[0].text("observer"))
    with pytest.raises(ValueError, match="form"):
        self_assessment(FID, form="boss")


def test_switching_language_rewords_the_form_and_keeps_answers():
    import leadkit as lk
    from leadkit.widgets.assessment import self_assessment

    lk.set_language("en")
    box = self_assessment("wij-model")
    first_id, first = next(iter(box.toggles.items()))
    first.value = 4
    english = first.description
    try:
        lk.set_language("nl")
        item = lk.load_framework("wij-model").items[0]
        assert first.description.endswith(item.self_text["nl"]) and first.description != english
        assert first.value == 4
        assert [label for label, _ in first.options][0] == "Helemaal mee oneens"
        assert "Bewaar" in box.save_button.description
    finally:
        lk.set_language("en")
    assert first.description == english and first.value == 4
