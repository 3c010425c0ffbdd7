"""Option order and length give nothing away in the kit's dilemmas and self-checks.

A learner who always picks the longest option, or always the same position, should not do well.
Across every multi-choice question in ``datasets/cases/`` (options with a ``quality``) and
``datasets/selfchecks/`` (options marked ``correct``), the best option may be the longest (ties
included) in at most a third of the questions, in each language; and in the dilemmas the best
option does not always sit in the same place.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted([*(ROOT / "datasets" / "cases").glob("*.yaml"),
                *(ROOT / "datasets" / "selfchecks").glob("*.yaml")])


def _questions():
    """(file, question id, options, best options) for every graded multiple-choice question."""
    for path in FILES:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for q in [*(doc.get("steps") or []), *(doc.get("questions") or [])]:
            options = q.get("options") or []
            if options and "quality" in options[0]:
                best = [o for o in options if o["quality"] == "strong"]
            elif options and "correct" in options[0]:
                best = [o for o in options if o.get("correct")]
            else:
                continue
            yield path.name, q["id"], options, best


QUESTIONS = list(_questions())


def best_is_longest(options, best, lang: str) -> bool:
    """Is a best option at least as long as every other option?"""
    longest = max(len(o["label"][lang]) for o in options)
    return any(len(o["label"][lang]) >= longest for o in best)


def test_the_kit_has_graded_questions_from_cases_and_selfchecks():
    files = {f for f, *_ in QUESTIONS}
    assert any(f.endswith("-dilemma.yaml") for f in files)
    assert any(f.startswith("0") for f in files)
    assert len(QUESTIONS) >= 40
    assert all(best for *_, best in QUESTIONS)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_best_option_is_the_longest_in_at_most_a_third(lang):
    longest = [f"{f}:{q}" for f, q, opts, best in QUESTIONS if best_is_longest(opts, best, lang)]
    assert len(longest) * 3 <= len(QUESTIONS), (
        f"{len(longest)} of {len(QUESTIONS)} best options are the longest ({lang}): "
        + ", ".join(longest)
    )


def test_the_best_dilemma_option_moves_around():
    places = Counter(
        [o["id"] for o in opts].index(best[0]["id"])
        for f, _, opts, best in QUESTIONS
        if "quality" in opts[0]
    )
    assert len(places) >= 3, places
    assert max(places.values()) * 2 <= sum(places.values()), places


def test_the_count_flags_a_giveaway():
    opts = [{"label": {"en": "No"}}, {"label": {"en": "Yes, because of a long reason"}}]
    assert best_is_longest(opts, [opts[1]], "en")
    assert not best_is_longest(opts, [opts[0]], "en")
