"""leadkit — a Jupyter research and teaching kit on leadership in marketing and customer teams.

The public API is re-exported here by name; everything else is internal. Faces over the core
(``leadkit.widgets``, ``leadkit.plots``) are imported on first use, so ``import leadkit`` stays
light and never needs a display.
"""

from __future__ import annotations

import importlib
from typing import Any

from leadkit.agreement import agreement_table, icc1, icc2, rwg, rwg_j
from leadkit.cases import (
    ComplianceResult,
    Judgement,
    TShape,
    classify_t_shape,
    context_implications,
    framework_fit,
    judge_choice,
    judge_framework_choice,
    learner_theme_scores,
    list_cases,
    load_case,
    score_compliance,
)
from leadkit.catalog import dataset_path, list_datasets, load_dataset
from leadkit.class_pool import ClassPool
from leadkit.classroom import (
    MIN_GROUP,
    class_overview,
    class_scores,
    class_summary,
    class_themes,
    format_shared_texts,
    load_bundles,
    new_salt,
    pseudonymise,
    read_salt,
    sample_bundles_dir,
    shared_texts,
    to_csv,
)
from leadkit.compare import compare  # after the module import: the function wins the name
from leadkit.errors import FrameworkFileError, InputError, LeadkitError
from leadkit.feedback360 import anonymity_note, self_other
from leadkit.frameworks import (
    Element,
    Framework,
    Item,
    crosswalk,
    framework_overview,
    list_frameworks,
    load_framework,
    themes,
)
from leadkit.i18n import get_language, set_language, tr
from leadkit.journal import Journal, SaveResult, default_journal_path
from leadkit.portfolio import (
    export_bundle,
    make_bundle,
    portfolio_html,
    portfolio_markdown,
    write_portfolio,
)
from leadkit.reliability import Reliability, reliability
from leadkit.report import build_report, element_reliability, team_agreement, write_report
from leadkit.responses import read_responses, validate_responses
from leadkit.scenarios import (
    lever_values,
    list_scenarios,
    load_scenario,
    run_scenario,
    summarise_outcomes,
)
from leadkit.scoring import framework_score, reverse_keyed, score, theme_scores
from leadkit.tables import show_learner_texts, show_table
from leadkit.team_example import (
    TeamExample,
    agreement_band,
    next_steps,
    team_example,
)

__version__ = "0.1.0"

__all__ = [
    # the live class pool
    "ClassPool",
    # tables for reading
    "show_table",
    "show_learner_texts",
    # frameworks and data
    "Element",
    "Framework",
    "Item",
    "crosswalk",
    "framework_overview",
    "list_frameworks",
    "load_framework",
    "themes",
    "list_datasets",
    "load_dataset",
    "dataset_path",
    # language
    "get_language",
    "set_language",
    "tr",
    # responses and scores
    "read_responses",
    "validate_responses",
    "score",
    "framework_score",
    "theme_scores",
    "reverse_keyed",
    "self_other",
    "anonymity_note",
    "compare",
    "Reliability",
    "reliability",
    "rwg",
    "rwg_j",
    "icc1",
    "icc2",
    "agreement_table",
    "build_report",
    "write_report",
    "element_reliability",
    "team_agreement",
    # cases and the team example
    "Judgement",
    "ComplianceResult",
    "TShape",
    "list_cases",
    "load_case",
    "judge_choice",
    "score_compliance",
    "context_implications",
    "classify_t_shape",
    "framework_fit",
    "judge_framework_choice",
    "learner_theme_scores",
    "TeamExample",
    "team_example",
    "agreement_band",
    "next_steps",
    # scenarios (the models themselves are in leadkit.simulate)
    "list_scenarios",
    "load_scenario",
    "run_scenario",
    "summarise_outcomes",
    "lever_values",
    # journal, portfolio and class results
    "Journal",
    "SaveResult",
    "default_journal_path",
    "make_bundle",
    "export_bundle",
    "portfolio_html",
    "portfolio_markdown",
    "write_portfolio",
    "MIN_GROUP",
    "load_bundles",
    "sample_bundles_dir",
    "new_salt",
    "read_salt",
    "pseudonymise",
    "class_overview",
    "class_scores",
    "class_summary",
    "class_themes",
    "shared_texts",
    "format_shared_texts",
    "to_csv",
    # errors
    "LeadkitError",
    "InputError",
    "FrameworkFileError",
]

_LAZY = {"widgets", "plots", "simulate", "classroom_plots", "plots_cases", "plots_simulate"}


def __getattr__(name: str) -> Any:
    # Faces load on first use: a core user (a script, the CLI) never pays for ipywidgets.
    if name in _LAZY:
        return importlib.import_module(f"leadkit.{name}")
    raise AttributeError(f"module 'leadkit' has no attribute {name!r}")
