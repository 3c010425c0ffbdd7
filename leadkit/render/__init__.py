"""Documents and displays: the HTML survey report, the learner's portfolio, readable tables and the
notebook displays that combine a chart with its table.

A face: it may import every core layer and :mod:`leadkit.plots`; widgets and the CLI import it.
"""
