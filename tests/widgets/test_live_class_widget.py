"""The live class widgets, driven without a browser: the switch, the comparison, the dashboard."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # tests only

import pytest  # noqa: E402

import leadkit as lk  # noqa: E402
from leadkit.classpool.pool import ClassPool  # noqa: E402
from leadkit.widgets.assessment import self_assessment  # noqa: E402
from leadkit.widgets.live_class import class_dashboard  # noqa: E402

FID = "agile-cmo"


@pytest.fixture(autouse=True)
def english():
    lk.set_language("en")
    yield
    lk.set_language("en")


def _learner(where, name, pattern):
    box = self_assessment(FID, class_pool=where, learner=name)
    for i, toggle in enumerate(box.toggles.values()):
        toggle.value = pattern[i % len(pattern)]
    return box


def test_the_switch_is_off_and_says_what_is_shared(tmp_path):
    ClassPool.create(tmp_path)
    box = _learner(tmp_path, "s1", (4, 3))
    share = box.class_share
    assert share.switch.value is False
    text = share.what.value
    assert "element scores" in text and "never your answers" in text.lower()
    box.score_button.click()
    assert ClassPool(tmp_path).view(FID)["n"].isna().all()
    assert not share.shared  # off: nothing left the widget


def test_sharing_waits_for_the_floor_then_compares_with_the_class(tmp_path):
    ClassPool.create(tmp_path, roster=["s1", "s2", "s3"], codes=False)
    board = class_dashboard(tmp_path, FID, refresh=0)
    boxes = [_learner(tmp_path, f"s{i}", p) for i, p in enumerate([(4, 3), (2, 5), (3, 3)], 1)]
    for box in boxes[:2]:
        box.class_share.switch.value = True
        box.score_button.click()
        assert "✔" in box.class_share.status.value
    assert "Waiting for 3 classmates" in boxes[0].class_share.comparison.value
    boxes[2].score_button.click()
    boxes[2].class_share.switch.value = True  # switching on after Score shares at once
    boxes[0].class_share.refresh()
    assert "Waiting" not in boxes[0].class_share.comparison.value
    assert "n = 3" in boxes[0].class_share.comparison.value
    board.refresh()
    assert "n = 3" in board.table.value


def test_a_learner_off_the_roster_is_told_and_keeps_the_scores(tmp_path):
    ClassPool.create(tmp_path, roster=["s1"], codes=False)
    box = _learner(tmp_path, "zz", (4,))
    box.class_share.switch.value = True
    box.score_button.click()
    assert "not on the class roster" in box.class_share.status.value
    assert box.scores is not None and box.save_button.disabled is False


def test_dutch_texts(tmp_path):
    ClassPool.create(tmp_path)
    lk.set_language("nl")
    board = class_dashboard(tmp_path, FID)
    assert "Wachten tot 3 klasgenoten" in board.table.value


def test_a_dashboard_opened_before_the_pool_shows_it_once_open(tmp_path):
    board = class_dashboard(tmp_path / "later", FID, refresh=0)
    assert "leadkit class open" in board.table.value
    ClassPool.create(tmp_path / "later")
    board.ticker.tick()  # what the kernel's timer does every few seconds
    assert "Waiting for 3 classmates" in board.table.value


def test_closing_a_dashboard_stops_its_timer(tmp_path):
    ClassPool.create(tmp_path)
    board = class_dashboard(tmp_path, FID, refresh=5)
    assert board.ticker.running
    board.close()
    assert not board.ticker.running


def test_the_dashboard_says_what_a_folder_pool_cannot_prevent(tmp_path):
    # With a roster and codes: the folder's own limit. Without a roster: also any id.
    ClassPool.create(tmp_path / "roster", roster=["s1", "s2", "s3"])
    with_codes = class_dashboard(tmp_path / "roster", FID, refresh=0)
    assert "raw scores included" in with_codes.limits.value
    assert "without a roster" not in with_codes.limits.value
    ClassPool.create(tmp_path / "open")
    board = class_dashboard(tmp_path / "open", FID, refresh=0)
    assert "raw scores included" in board.limits.value
    assert "without a roster" in board.limits.value and "any learner id" in board.limits.value
    assert board.limits in board.children
    not_yet = class_dashboard(tmp_path / "later", FID, refresh=0)
    assert not_yet.limits.value == ""  # nothing is said about a pool that is not there
    lk.set_language("nl")
    board.refresh()
    assert "gedeelde map" in board.limits.value and "zonder klassenlijst" in board.limits.value


def test_a_pool_with_codes_asks_for_the_code_and_refuses_a_wrong_one(tmp_path):
    pool = ClassPool.create(tmp_path, roster=["s1", "s2", "s3"])
    box = _learner(tmp_path, "s1", (4, 3))
    share = box.class_share
    assert share.code.layout.display != "none"
    share.switch.value = True
    share.code.value = "WRONG-CODE"
    box.score_button.click()
    assert "✘" in share.status.value and not share.shared
    share.code.value = pool.codes["s1"].lower()  # as typed: case and dash do not matter
    box.score_button.click()
    assert share.shared and "✔" in share.status.value


def test_the_form_asks_id_then_switch_before_score_and_shares_once_the_id_is_there(tmp_path):
    ClassPool.create(tmp_path)
    box = self_assessment(FID, class_pool=tmp_path)  # no learner id given
    share = box.class_share
    kids = list(box.children)
    # Learner id, then the switch, above the Score button; the class picture below the profile.
    assert kids.index(share.form) < kids.index(box.buttons)
    assert kids.index(share.after) > kids.index(box.output)
    assert list(share.form.children[:3]) == [share.learner, share.code, share.switch]
    for i, toggle in enumerate(box.toggles.values()):
        toggle.value = (4, 2)[i % 2]
    share.switch.value = True
    box.score_button.click()
    assert "learner id" in share.status.value and not share.shared
    share.learner.value = "s1"  # typed after Score: shared at once, no second click
    assert share.shared and "✔" in share.status.value


def test_a_refused_share_reads_as_one_sentence(tmp_path):
    ClassPool.create(tmp_path, roster=["s1"], codes=False)
    box = _learner(tmp_path, "zz", (4,))
    box.class_share.switch.value = True
    box.score_button.click()
    assert ".." not in box.class_share.status.value
    assert ". Your answers" in box.class_share.status.value


def test_the_dashboard_refresh_can_be_paused_and_resumed(tmp_path):
    ClassPool.create(tmp_path)
    board = class_dashboard(tmp_path, FID, refresh=5)
    assert board.ticker.running and "every 5 seconds" in board.children[2].value
    board.pause.click()
    assert not board.ticker.running and board.pause.description == "Resume the refresh"
    assert "Paused" in board.children[2].value
    board.pause.click()
    assert board.ticker.running and board.pause.description == "Pause the refresh"
    board.close()
