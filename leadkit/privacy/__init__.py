"""Disclosure control: the one set of rules for every output that describes a group of people.

The rules live in :mod:`leadkit.privacy.rules` (the floor, distinct people, extreme means,
complementary suppression) and the survey report's group tables built on them in
:mod:`leadkit.privacy.tables`. ``docs/privacy.md`` gives the reasoning behind each rule.

A core layer: it may import :mod:`leadkit.content`, :mod:`leadkit.errors` and
:mod:`leadkit.i18n` only, so every other layer can ask it what it may show.
"""

from __future__ import annotations

from leadkit.privacy.rules import (
    FLOOR,
    NOTE,
    check_floor,
    describe,
    describe_pooled,
    mean_is_safe,
    publishable_cells,
    require_distinct,
    score_step,
)

__all__ = ["FLOOR", "NOTE", "check_floor", "describe", "describe_pooled", "mean_is_safe",
           "publishable_cells", "require_distinct", "score_step"]
