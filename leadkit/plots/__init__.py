"""Charts: matplotlib figures for profiles, 360 gaps, themes, the class, the cases and the models.

A face over the core: it may import the core layers (survey, learning, simulate, store, privacy),
:mod:`leadkit.content` and :mod:`leadkit.i18n`, never widgets, render or the CLI. Every figure is a
:class:`~leadkit.plots.figure.KitFigure` (decimal comma in Dutch, PNG in notebooks) in the
Okabe–Ito palette of :mod:`leadkit.plots.base`. matplotlib loads when the first chart is asked
for: the names below are looked up in their modules on first use.
"""

from __future__ import annotations

from leadkit.lazy import lazy_names

# public name -> the module that defines it
_WHERE = {
    "OKABE_ITO": "base",
    "profile": "survey",
    "radar": "survey",
    "gap_chart": "survey",
    "against_distribution": "survey",
    "theme_heatmap": "survey",
    "t_shape_figure": "cases",
    "theme_profile": "cases",
    "class_distribution": "classroom",
    "class_theme_chart": "classroom",
    "outcome_spread": "simulate",
    "replication_figure": "simulate",
    "model_path": "simulate",
    "KitFigure": "figure",
    "response_surface_figure": "response_surface",
}

__all__ = sorted(_WHERE)


__getattr__, __dir__ = lazy_names("leadkit.plots", _WHERE)
