"""Self-check options appear in an order shuffled per learner and question, the same after a
restart; the core decides the order (``learning.selfcheck.option_order``), the widget shows it.
"""

from __future__ import annotations

from collections import Counter

import pytest

import leadkit as lk
from leadkit.learning.selfcheck import list_selfchecks, load_selfcheck, option_order

SET = "01-agile-cmo"


def _shown(box) -> list[list[str]]:
    return [[value for _, value in q.choices.options] for q in box.questions]


def test_the_order_is_every_option_once_and_stable():
    for set_id in list_selfchecks():
        for q in load_selfcheck(set_id):
            order = option_order(q, "s2501030", set_id)
            assert sorted(order) == sorted(o["id"] for o in q["options"])
            assert order == option_order(dict(q), "s2501030", set_id)  # a restart: same order


def test_learners_and_questions_get_different_orders():
    questions = [(s, q) for s in list_selfchecks() for q in load_selfcheck(s)]
    a = [option_order(q, "s2501030", s) for s, q in questions]
    b = [option_order(q, "s2501031", s) for s, q in questions]
    assert sum(x != y for x, y in zip(a, b, strict=True)) >= len(questions) // 3
    # The same question id in two sets is shuffled apart by the set id.
    floor10 = next(q for q in load_selfcheck("10-analyse-your-own-survey") if q["id"] == "floor")
    orders = {option_order(floor10, f"learner{i}", s)[0]
              for i in range(20) for s in ("10-analyse-your-own-survey", "11-for-teachers")}
    assert len(orders) == 3


def test_the_right_answer_lands_in_every_place_about_equally():
    # Over many learners, a three-option question puts its right answer first, second and third
    # about a third of the time each: the file order says nothing.
    q = load_selfcheck(SET)[0]
    right = next(o["id"] for o in q["options"] if o["correct"])
    places = Counter(option_order(q, f"s25{i:05d}", SET).index(right) for i in range(900))
    assert set(places) == {0, 1, 2}
    assert all(240 <= n <= 360 for n in places.values()), places


def test_without_a_learner_everyone_gets_one_default_order():
    q = load_selfcheck(SET)[1]
    assert option_order(q, None, SET) == option_order(q, "", SET) == option_order(q, None, SET)


def test_the_widget_shows_the_learners_order_and_keeps_it_on_a_language_switch():
    box = lk.widgets.self_check(SET, learner="s2501030")
    expected = [option_order(q, "s2501030", SET) for q in load_selfcheck(SET)]
    assert _shown(box) == expected
    assert _shown(lk.widgets.self_check(SET, learner="s2501030")) == expected  # restart
    lk.set_language("nl")
    assert _shown(box) == expected
    first = load_selfcheck(SET)[0]
    by_id = {o["id"]: o for o in first["options"]}
    assert [label for label, _ in box.questions[0].choices.options] == [
        by_id[i]["label"]["nl"] for i in expected[0]]


def test_a_right_answer_is_judged_right_wherever_it_is_shown():
    box = lk.widgets.self_check(SET, learner="s2501099")
    for shown, q in zip(box.questions, load_selfcheck(SET), strict=True):
        right = next(o["id"] for o in q["options"] if o["correct"])
        shown.choices.value = right
        shown.button.click()
        assert "✔" in shown.feedback.value


@pytest.fixture
def fresh_home(tmp_path, monkeypatch):
    monkeypatch.setenv("LEADKIT_HOME", str(tmp_path))
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    return tmp_path


def test_the_widget_finds_the_learner_in_the_journal_then_on_the_hub(fresh_home, monkeypatch):
    # No journal, no hub: the default order, and asking for it creates no journal.
    assert _shown(lk.widgets.self_check(SET)) == _shown(lk.widgets.self_check(SET, learner=""))
    assert not lk.default_journal_path().exists()
    # On a hub: the hub user name.
    monkeypatch.setenv("JUPYTERHUB_USER", "jdevries")
    assert _shown(lk.widgets.self_check(SET)) == _shown(
        lk.widgets.self_check(SET, learner="jdevries"))
    # Once the learner has handed in, the id in their journal.
    lk.Journal(lk.default_journal_path(), learner="s2501030")
    assert _shown(lk.widgets.self_check(SET)) == _shown(
        lk.widgets.self_check(SET, learner="s2501030"))


def test_a_scenario_check_is_shuffled_under_its_own_name(fresh_home):
    box = lk.widgets.scenario_check("silo-marketing")
    q = lk.load_scenario("silo-marketing")["check"][0]
    assert len(q["options"]) >= 3
    assert _shown(box)[0] == option_order(q, None, "scenario:silo-marketing")
