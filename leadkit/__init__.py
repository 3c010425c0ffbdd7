"""leadkit — a Jupyter research and teaching kit on leadership in marketing and customer teams.

The public API is re-exported here by name; everything else is internal. Every name is looked
up in its module on first use, so ``import leadkit`` stays light (pandas, matplotlib, scipy and
ipywidgets load only when something needs them) and never needs a display. The layers behind
these names are described in ``docs/architecture.md``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the same names, for type checkers and editors
    from leadkit.content.catalog import dataset_path, list_datasets, load_dataset
    from leadkit.content.frameworks import (
        Element,
        Framework,
        Item,
        crosswalk,
        framework_overview,
        list_frameworks,
        load_framework,
        themes,
    )
    from leadkit.errors import FrameworkFileError, InputError, LeadkitError, UnknownIdError
    from leadkit.i18n import get_language, set_language, tr
    from leadkit.learning.cases import Judgement, judge_choice, list_cases, load_case
    from leadkit.learning.exercises import (
        ComplianceResult,
        TShape,
        classify_t_shape,
        context_implications,
        score_compliance,
    )
    from leadkit.learning.framework_choice import (
        framework_fit,
        judge_framework_choice,
        learner_theme_scores,
    )
    from leadkit.simulate.scenarios import (
        lever_values,
        list_scenarios,
        load_scenario,
        run_scenario,
        summarise_outcomes,
    )
    from leadkit.store.bundle import export_bundle, make_bundle
    from leadkit.store.class_pool import ClassPool
    from leadkit.store.classroom import (
        MIN_GROUP,
        class_overview,
        class_scores,
        class_summary,
        class_themes,
        format_shared_texts,
        shared_texts,
        to_csv,
    )
    from leadkit.store.handins import (
        load_bundles,
        new_salt,
        pseudonymise,
        read_salt,
        sample_bundles_dir,
    )
    from leadkit.store.journal import Journal, SaveResult, default_journal_path
    from leadkit.survey.agreement import agreement_table, icc1, icc2, rwg, rwg_j
    from leadkit.survey.agreement_null import ad_m, awg, icc_ci, rwg_j_significance, rwg_j_sim
    from leadkit.survey.comparison import compare
    from leadkit.survey.element_stats import element_reliability, team_agreement
    from leadkit.survey.example_team import (
        TeamExample,
        agreement_band,
        next_steps,
        team_example,
    )
    from leadkit.survey.feedback360 import anonymity_note, self_other
    from leadkit.survey.item_analysis import Reliability, reliability
    from leadkit.survey.multilevel import MultilevelModel, group_mean_center, multilevel_model
    from leadkit.survey.omega import OmegaResult, omega
    from leadkit.survey.research_data import kit_people, kit_reports
    from leadkit.survey.response_surface import ResponseSurface, response_surface
    from leadkit.survey.responses import read_responses, validate_responses
    from leadkit.survey.scoring import framework_score, reverse_keyed, score, theme_scores

# Public name -> the module that defines it. Every name loads on first use (PEP 562), so
# 'import leadkit' costs almost nothing and a script pays only for the layers it touches.
_WHERE = {
    "ClassPool": "leadkit.store.class_pool",
    "awg": "leadkit.survey.agreement_null",
    "ad_m": "leadkit.survey.agreement_null",
    "icc_ci": "leadkit.survey.agreement_null",
    "rwg_j_significance": "leadkit.survey.agreement_null",
    "rwg_j_sim": "leadkit.survey.agreement_null",
    "ResponseSurface": "leadkit.survey.response_surface",
    "response_surface": "leadkit.survey.response_surface",
    "MultilevelModel": "leadkit.survey.multilevel",
    "group_mean_center": "leadkit.survey.multilevel",
    "multilevel_model": "leadkit.survey.multilevel",
    "OmegaResult": "leadkit.survey.omega",
    "omega": "leadkit.survey.omega",
    "kit_people": "leadkit.survey.research_data",
    "kit_reports": "leadkit.survey.research_data",
    "dataset_path": "leadkit.content.catalog",
    "list_datasets": "leadkit.content.catalog",
    "load_dataset": "leadkit.content.catalog",
    "Element": "leadkit.content.frameworks",
    "Framework": "leadkit.content.frameworks",
    "Item": "leadkit.content.frameworks",
    "crosswalk": "leadkit.content.frameworks",
    "framework_overview": "leadkit.content.frameworks",
    "list_frameworks": "leadkit.content.frameworks",
    "load_framework": "leadkit.content.frameworks",
    "themes": "leadkit.content.frameworks",
    "FrameworkFileError": "leadkit.errors",
    "InputError": "leadkit.errors",
    "LeadkitError": "leadkit.errors",
    "UnknownIdError": "leadkit.errors",
    "get_language": "leadkit.i18n",
    "set_language": "leadkit.i18n",
    "tr": "leadkit.i18n",
    "ComplianceResult": "leadkit.learning.exercises",
    "Judgement": "leadkit.learning.cases",
    "TShape": "leadkit.learning.exercises",
    "classify_t_shape": "leadkit.learning.exercises",
    "context_implications": "leadkit.learning.exercises",
    "judge_choice": "leadkit.learning.cases",
    "list_cases": "leadkit.learning.cases",
    "load_case": "leadkit.learning.cases",
    "score_compliance": "leadkit.learning.exercises",
    "framework_fit": "leadkit.learning.framework_choice",
    "judge_framework_choice": "leadkit.learning.framework_choice",
    "learner_theme_scores": "leadkit.learning.framework_choice",
    "lever_values": "leadkit.simulate.scenarios",
    "list_scenarios": "leadkit.simulate.scenarios",
    "load_scenario": "leadkit.simulate.scenarios",
    "run_scenario": "leadkit.simulate.scenarios",
    "summarise_outcomes": "leadkit.simulate.scenarios",
    "export_bundle": "leadkit.store.bundle",
    "make_bundle": "leadkit.store.bundle",
    "MIN_GROUP": "leadkit.store.classroom",
    "class_overview": "leadkit.store.classroom",
    "class_scores": "leadkit.store.classroom",
    "class_summary": "leadkit.store.classroom",
    "class_themes": "leadkit.store.classroom",
    "format_shared_texts": "leadkit.store.classroom",
    "load_bundles": "leadkit.store.handins",
    "new_salt": "leadkit.store.handins",
    "pseudonymise": "leadkit.store.handins",
    "read_salt": "leadkit.store.handins",
    "sample_bundles_dir": "leadkit.store.handins",
    "shared_texts": "leadkit.store.classroom",
    "to_csv": "leadkit.store.classroom",
    "Journal": "leadkit.store.journal",
    "SaveResult": "leadkit.store.journal",
    "default_journal_path": "leadkit.store.journal",
    "agreement_table": "leadkit.survey.agreement",
    "icc1": "leadkit.survey.agreement",
    "icc2": "leadkit.survey.agreement",
    "rwg": "leadkit.survey.agreement",
    "rwg_j": "leadkit.survey.agreement",
    "compare": "leadkit.survey.comparison",
    "element_reliability": "leadkit.survey.element_stats",
    "team_agreement": "leadkit.survey.element_stats",
    "TeamExample": "leadkit.survey.example_team",
    "agreement_band": "leadkit.survey.example_team",
    "next_steps": "leadkit.survey.example_team",
    "team_example": "leadkit.survey.example_team",
    "anonymity_note": "leadkit.survey.feedback360",
    "self_other": "leadkit.survey.feedback360",
    "Reliability": "leadkit.survey.item_analysis",
    "reliability": "leadkit.survey.item_analysis",
    "read_responses": "leadkit.survey.responses",
    "validate_responses": "leadkit.survey.responses",
    "framework_score": "leadkit.survey.scoring",
    "reverse_keyed": "leadkit.survey.scoring",
    "score": "leadkit.survey.scoring",
    "theme_scores": "leadkit.survey.scoring",
}

__version__ = "0.1.0"

__all__ = [
    # the live class pool
    "ClassPool",
    # tables for reading
    "show_table",
    "show_learner_texts",
    "show_team_example",
    "show_learner_themes",
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
    "UnknownIdError",
    # research analyses
    "omega",
    "OmegaResult",
    "awg",
    "ad_m",
    "rwg_j_sim",
    "rwg_j_significance",
    "icc_ci",
    "multilevel_model",
    "MultilevelModel",
    "group_mean_center",
    "response_surface",
    "ResponseSurface",
    "kit_people",
    "kit_reports",
]

# Faces load on first use: a core user (a script, the CLI) never pays for matplotlib or
# ipywidgets. Public name -> the module that defines it.
_FACES = {
    "show_table": "leadkit.render.tables",
    "show_learner_texts": "leadkit.render.tables",
    "build_report": "leadkit.render.report",
    "write_report": "leadkit.render.report",
    "portfolio_html": "leadkit.render.portfolio",
    "portfolio_markdown": "leadkit.render.portfolio",
    "write_portfolio": "leadkit.render.portfolio",
    "show_team_example": "leadkit.render.displays",
    "show_learner_themes": "leadkit.render.displays",
}
_PACKAGES = {"widgets", "plots", "simulate", "render", "i18n", "errors", "privacy", "content",
             "survey", "learning", "store", "cli"}
# Old module names, kept for notebooks and scripts written against earlier versions: each
# looks its names up where they live now, with a warning that names the new place.
_MOVED = {
    "classroom_plots": ("leadkit.plots.classroom",),
    "plots_cases": ("leadkit.plots.cases", "leadkit.render.displays"),
    "plots_simulate": ("leadkit.plots.simulate",),
}


def _moved(name: str) -> Any:
    import types
    import warnings

    warnings.warn(f"leadkit.{name} has moved to {' and '.join(_MOVED[name])}; "
                  "import the names from there", DeprecationWarning, stacklevel=3)
    shim = types.ModuleType(f"leadkit.{name}")

    def lookup(attr: str) -> Any:
        for where in _MOVED[name]:
            module = importlib.import_module(where)
            if attr in getattr(module, "__all__", ()):
                return getattr(module, attr)
        raise AttributeError(f"module 'leadkit.{name}' has no attribute {attr!r}")

    shim.__getattr__ = lookup  # type: ignore[method-assign]
    return shim


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(importlib.import_module(_WHERE[name]), name)
        globals()[name] = value  # looked up once; later uses are plain attribute reads
        return value
    if name in _FACES:
        return getattr(importlib.import_module(_FACES[name]), name)
    if name in _PACKAGES:
        return importlib.import_module(f"leadkit.{name}")
    if name in _MOVED:
        return _moved(name)
    raise AttributeError(f"module 'leadkit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
