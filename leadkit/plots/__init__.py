"""Charts: matplotlib figures for profiles, 360 gaps, themes, the class, the cases and the models.

A face over the core: it may import the core layers (survey, learning, simulate, store, privacy),
:mod:`leadkit.content` and :mod:`leadkit.i18n`, never widgets, render or the CLI. Every figure is a
:class:`~leadkit.plots.figure.KitFigure` (decimal comma in Dutch, PNG in notebooks) in the
Okabe–Ito palette of :mod:`leadkit.plots.base`. matplotlib loads when the first chart is asked
for: the names below are looked up in their modules on first use.
"""

from __future__ import annotations

import lazy_loader

# The names and the modules they load from are listed once, in __init__.pyi.
__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
