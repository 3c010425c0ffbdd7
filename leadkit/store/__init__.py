"""What the kit keeps: the learner's journal, the hand-in bundle format, the teacher's classroom
summaries, the live class pool, and the one CSV writer that neutralises spreadsheet formulas.

A core layer: it may import :mod:`leadkit.content`, :mod:`leadkit.privacy`, :mod:`leadkit.errors`
and :mod:`leadkit.i18n`; it never renders (no HTML, no charts).
"""
