"""The user's files and their statistics: reading response tables, scoring, reliability,
agreement, comparisons, 360 feedback, the worked team example, and the research analyses.

A core layer: it may import :mod:`leadkit.content`, :mod:`leadkit.privacy`, :mod:`leadkit.errors`
and :mod:`leadkit.i18n` — never a face (plots, widgets, render, cli) and never matplotlib or
ipywidgets. Heavy libraries (scipy, statsmodels) are imported inside the functions that need them.
"""
