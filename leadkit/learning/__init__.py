"""Judging a learner's answers: dilemmas and cases, the framework choice, self-checks.

A core layer: it may import :mod:`leadkit.content`, :mod:`leadkit.survey`, :mod:`leadkit.errors`
and :mod:`leadkit.i18n`. It never opens the journal itself: callers pass what a learner saved.
"""
