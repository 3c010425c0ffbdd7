"""Psychometrics: the statistics of scales and teams, each equal to its R reference.

- :mod:`~leadkit.psychometrics.item_analysis` — Cronbach's alpha and item statistics
  (``psych::alpha``);
- :mod:`~leadkit.psychometrics.omega` — McDonald's omega (``psych::omega``);
- :mod:`~leadkit.psychometrics.agreement` — rwg, rwg(j), ICC(1), ICC(2) (``multilevel``);
- :mod:`~leadkit.psychometrics.agreement_null` — awg, AD(M), simulated nulls and ICC intervals;
- :mod:`~leadkit.psychometrics.multilevel` — linear mixed models (``lme4``, ``nlme``);
- :mod:`~leadkit.psychometrics.response_surface` — polynomial regression and response surfaces.

A core layer below the survey layer: it may import :mod:`leadkit.privacy`,
:mod:`leadkit.errors` and :mod:`leadkit.i18n` and works on plain tables, so it knows nothing of
frameworks or files. Heavy libraries (scipy) are imported inside the functions that need them.
"""
