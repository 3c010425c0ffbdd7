"""The self-checks cannot be passed by guessing: by position, by length, or by two options.

Over every self-check question of the kit (``datasets/selfchecks/*.yaml`` and the ``check``
section of each scenario in ``datasets/scenarios/``):

- every question has at least three options, and every option feedback that says why;
- a right answer stands in one position of the file order in at most 40% of the questions
  (the widget shuffles the order per learner as well, but the data must not lean on that);
- a right answer is the longest option (by characters, ties included) in at most a third of
  the questions, in English and in Dutch alike; and, so that length gives nothing away the
  other way round either, the shortest in at most 40%.

:func:`guessable` lists what is wrong, so the same rules can be run on any set of questions,
for example an older version of the files (see ``test_the_rules_fail_a_guessable_set``).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
MIN_OPTIONS = 3
MAX_SHARE_IN_ONE_PLACE = 0.40
MAX_SHARE_LONGEST = 1 / 3
MAX_SHARE_SHORTEST = 0.40
LANGS = ("en", "nl")


def kit_questions(root: Path = ROOT) -> list[tuple[str, dict]]:
    """(where, question) for every self-check question in the kit's data."""
    out = []
    for path in sorted((root / "datasets" / "selfchecks").glob("*.yaml")):
        for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
            out.append((f"{path.stem}:{q['id']}", q))
    for path in sorted((root / "datasets" / "scenarios").glob("*.yaml")):
        for q in yaml.safe_load(path.read_text(encoding="utf-8")).get("check", []):
            out.append((f"scenario {path.stem}:{q['id']}", q))
    return out


def right_is_longest(question: dict, lang: str, sign: int = 1) -> bool:
    """Is a right option at least as long as every option (``sign=-1``: as short as any)?"""
    lengths = [sign * len(o["label"][lang]) for o in question["options"]]
    return any(n >= max(lengths) for n, o in zip(lengths, question["options"], strict=True)
               if o["correct"])


def guessable(questions: list[tuple[str, dict]]) -> list[str]:
    """What lets a learner guess the answers of these questions; empty when nothing does."""
    problems = [f"{where}: only {len(q['options'])} options"
                for where, q in questions if len(q["options"]) < MIN_OPTIONS]
    n = len(questions)
    places = Counter(i for _, q in questions
                     for i, o in enumerate(q["options"]) if o["correct"])
    for place, count in sorted(places.items()):
        if count > MAX_SHARE_IN_ONE_PLACE * n:
            problems.append(f"the right answer is option {place + 1} in {count} of {n} questions")
    for lang in LANGS:
        for sign, word, limit in ((1, "longest", MAX_SHARE_LONGEST),
                                  (-1, "shortest", MAX_SHARE_SHORTEST)):
            hits = [where for where, q in questions if right_is_longest(q, lang, sign)]
            if len(hits) > limit * n:
                problems.append(f"the right answer is the {word} ({lang}) in {len(hits)} of {n}: "
                                + ", ".join(hits))
    return problems


QUESTIONS = kit_questions()


def test_the_kit_has_self_checks_from_notebooks_and_scenarios():
    assert len(QUESTIONS) >= 40
    assert any(where.startswith("scenario ") for where, _ in QUESTIONS)


def test_no_self_check_can_be_guessed_by_count_position_or_length():
    problems = guessable(QUESTIONS)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("where, question", QUESTIONS, ids=[w for w, _ in QUESTIONS])
def test_every_option_says_why(where, question):
    assert sum(o["correct"] for o in question["options"]) >= 1, where
    for o in question["options"]:
        for lang in LANGS:
            feedback = " ".join(o["feedback"][lang].split())
            # A reason, not a bare verdict: at least a short sentence of its own.
            assert len(feedback.split()) >= 6, f"{where} option {o['id']} ({lang}): {feedback!r}"
    labels = [o["label"][lang] for o in question["options"] for lang in LANGS]
    assert len(set(labels)) == len(labels), f"{where}: two options read the same"


def _question(qid: str, labels: list[str], right: int) -> tuple[str, dict]:
    return qid, {"id": qid, "options": [
        {"id": str(i), "label": {"en": text, "nl": text}, "correct": i == right}
        for i, text in enumerate(labels)]}


def test_the_rules_fail_a_guessable_set():
    # Two options, the right one first and longest: every rule speaks up.
    old_style = [_question(f"q{i}", ["The right and rather long answer", "Wrong"], 0)
                 for i in range(6)]
    problems = guessable(old_style)
    assert sum("only 2 options" in p for p in problems) == 6
    assert any("option 1 in 6 of 6" in p for p in problems)
    assert any("longest (en)" in p for p in problems) and any("longest (nl)" in p for p in problems)
    # Three options, the right one in each place twice, the longest in two of six: fair.
    labels = ["Short one", "A middling answer", "The longest option of all"]
    fair = [_question(f"q{i}", labels, right) for i, right in enumerate([0, 1, 0, 1, 2, 2])]
    assert guessable(fair) == []
    # One more question with the longest option right tips both limits.
    unfair = [*fair[:5], _question("q5", labels, 2), _question("q6", labels, 2)]
    assert any("option 3 in 3 of 7" in p for p in guessable(unfair))
    assert any("longest (en) in 3 of 7" in p for p in guessable(unfair))
    # Always the shortest is as much a giveaway as always the longest.
    short = [_question(f"q{i}", labels[::-1] if i % 2 else labels, 0 if i % 2 == 0 else 2)
             for i in range(6)]
    assert any("shortest (nl) in 6 of 6" in p for p in guessable(short))
