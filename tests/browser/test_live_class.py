"""A live lesson in Voilà: two learners share from the self-assessment app, the teacher's
dashboard app follows.

Drives, in Chromium: the English self-assessment app (``90``) twice, as two learners in their
own sessions (each its own kernel), with a class pool named by ``LEADKIT_CLASS_POOL`` as the
teacher starts the apps; and the dashboard app (``92``). Each learner fills in their id, turns
"Share with my class" on and scores; the third classmate shares from Python. The learners'
comparison and the dashboard must show nothing below the floor ("waiting for 3 classmates")
and then, without a click, the class mean the kit computes from the three shares.
"""

from __future__ import annotations

import pytest
from jupyter_page import CHOICES, shot, wait_until

import leadkit as lk
from leadkit.classpool.pool import ClassPool
from leadkit.render.tables import cell_text
from leadkit.survey.scoring import score
from leadkit.widgets.assessment import answers_to_responses

pytestmark = pytest.mark.browser

FRAMEWORK = "agile-cmo"
THIRD = {"build-trust": 2.0, "create-and-share-vision": 2.5, "soft-skills": 3.0,
         "learn-and-share-authority": 3.5, "calibrate-continuously": 4.0,
         "culture-of-collaboration": 2.0, "reward-individuals-and-teams": 3.0}


def _answers(fw, shift: int) -> dict[str, int]:
    low, high = fw.scale
    return {it.id: low + (i * 3 + shift) % (high - low + 1) for i, it in enumerate(fw.items)}


def _learner_shares(page, url: str, learner: str, answers: dict[str, int], fw) -> None:
    page.goto(url)
    page.locator(CHOICES).first.wait_for(timeout=90_000)
    items = page.locator(CHOICES).filter(has_not_text="Nederlands")
    for row, it in zip(items.all(), fw.items, strict=True):
        row.locator("label").nth(answers[it.id] - fw.scale[0]).click()
    # In the page's order: the switch, then the id (typed last, the share still happens),
    # all above the Score button.
    switch = page.get_by_label("Share with my class")
    assert not switch.is_checked()  # off until the learner turns it on
    assert "never your answers" in page.locator("body").inner_text().lower()
    score_button = page.get_by_role("button", name="Calculate score")
    field = page.get_by_label("Learner id")
    assert field.bounding_box()["y"] < switch.bounding_box()["y"] \
        < score_button.bounding_box()["y"]
    switch.check()
    score_button.click()
    page.locator(".lk-live").filter(has_text="learner id").wait_for()
    field.fill(learner)
    field.press("Enter")  # no second click on Score: the share follows the id
    page.locator(".lk-live").filter(has_text="✔").wait_for()


def test_two_learners_share_and_the_dashboard_follows(browser, voila_app, artifacts,
                                                      tmp_path, monkeypatch):
    fw = lk.load_framework(FRAMEWORK)
    where = tmp_path / "class-pool"
    ClassPool.create(where, roster=["s1", "s2", "s3"], codes=False)
    monkeypatch.setenv("LEADKIT_CLASS_POOL", str(where))
    monkeypatch.setenv("LEADKIT_LANG", "en")
    learners_app = voila_app("en/90-app-self-assessment-en.ipynb")
    dashboard_app = voila_app("en/92-app-class-dashboard-en.ipynb")

    contexts = [browser.new_context(viewport={"width": 1400, "height": 2400}) for _ in range(3)]
    try:
        teacher, anna, bram = (c.new_page() for c in contexts)
        for tab in (teacher, anna, bram):
            tab.set_default_timeout(30_000)
        teacher.goto(dashboard_app.url)
        board = teacher.locator(".lk-class-view")
        board.wait_for(timeout=90_000)
        assert "Waiting for 3 classmates" in board.inner_text()

        answers = {"s1": _answers(fw, 0), "s2": _answers(fw, 2)}
        _learner_shares(anna, learners_app.url, "s1", answers["s1"], fw)
        _learner_shares(bram, learners_app.url, "s2", answers["s2"], fw)
        mine = bram.locator(".lk-class-view")
        # The comparison appears with the share; its text follows in the next message.
        wait_until(lambda: "Waiting for 3 classmates" in mine.inner_text(), timeout=30,
                   what="the learner's comparison says it waits for the class")
        assert "Waiting for 3 classmates" in board.inner_text()  # two learners: nothing yet
        shot(mine, artifacts, "voila-90-live-class-waiting")

        ClassPool(where).share(learner="s3", framework=FRAMEWORK, scores=THIRD)
        scores = [score(answers_to_responses(a, fw), fw).set_index("element")["score"]
                  for a in answers.values()]
        element = fw.elements[0]
        mean = (scores[0][element.id] + scores[1][element.id] + THIRD[element.id]) / 3
        expected = f"{cell_text(round(mean, 2))}"[:4]
        # No click: both pages refresh themselves while the lesson runs.
        wait_until(lambda: "n = 3" in board.inner_text(), timeout=30,
                   what="the dashboard shows the class")
        wait_until(lambda: "n = 3" in mine.inner_text(), timeout=30,
                   what="the learner's comparison shows the class")
        row = board.locator("tr").filter(has_text=element.label).inner_text()
        assert f"{mean:.2f}" in row, (row, expected)
        assert "Waiting" not in board.inner_text()
        shot(board, artifacts, "voila-92-class-dashboard")
    finally:
        for c in contexts:
            c.close()
