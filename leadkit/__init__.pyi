# The public API of leadkit, in one place. The package loads each name from the module named
# here when it is first used (lazy_loader, SPEC 1); type checkers and editors read this file;
# the API reference site (docs/api) is written from its sections. A name that is not here is
# not public. Sections: "== audience: title", then the imports of that group; "name as name"
# marks a re-export for type checkers. Keep this order: ruff does not sort this file.

# == everyone: Frameworks and the kit's data
from .content.catalog import (
    dataset_path as dataset_path,
    list_datasets as list_datasets,
    load_dataset as load_dataset,
)
from .content.frameworks import (
    Element as Element,
    Framework as Framework,
    Item as Item,
    crosswalk as crosswalk,
    framework_overview as framework_overview,
    list_frameworks as list_frameworks,
    load_framework as load_framework,
    themes as themes,
)

# == everyone: Language
from .i18n import get_language as get_language, set_language as set_language, tr as tr

# == everyone: Errors and notes
from .errors import (
    FrameworkFileError as FrameworkFileError,
    InputError as InputError,
    LeadkitError as LeadkitError,
    UnknownIdError as UnknownIdError,
    LeadkitWarning as LeadkitWarning,
)

# == learner: Cases, the framework choice and the team example
from .learning.cases import (
    Judgement as Judgement,
    judge_choice as judge_choice,
    list_cases as list_cases,
    load_case as load_case,
)
from .learning.exercises import (
    ComplianceResult as ComplianceResult,
    TShape as TShape,
    classify_t_shape as classify_t_shape,
    context_implications as context_implications,
    score_compliance as score_compliance,
)
from .learning.framework_choice import (
    framework_fit as framework_fit,
    judge_framework_choice as judge_framework_choice,
    learner_theme_scores as learner_theme_scores,
)
from .learning.example_team import (
    TeamExample as TeamExample,
    agreement_band as agreement_band,
    next_steps as next_steps,
    team_example as team_example,
)
from .render.displays import (
    show_learner_themes as show_learner_themes,
    show_team_example as show_team_example,
)
from .render.tables import (
    show_code as show_code,
    show_learner_texts as show_learner_texts,
    show_table as show_table,
)

# == learner: Team scenarios
from .simulate.scenarios import (
    lever_values as lever_values,
    list_scenarios as list_scenarios,
    load_scenario as load_scenario,
    run_scenario as run_scenario,
    summarise_outcomes as summarise_outcomes,
)

# == learner: Journal and portfolio
from .store.journal import (
    Journal as Journal,
    SaveResult as SaveResult,
    default_journal_path as default_journal_path,
)
from .store.bundle import export_bundle as export_bundle, make_bundle as make_bundle
from .render.portfolio import (
    portfolio_html as portfolio_html,
    portfolio_markdown as portfolio_markdown,
    write_portfolio as write_portfolio,
)

# == teacher: The live class pool
from .classpool.pool import ClassPool as ClassPool

# == teacher: Hand-ins and class results
from .store.handins import (
    load_bundles as load_bundles,
    new_salt as new_salt,
    pseudonymise as pseudonymise,
    read_salt as read_salt,
    sample_bundles_dir as sample_bundles_dir,
)
from .store.classroom import (
    MIN_GROUP as MIN_GROUP,
    class_overview as class_overview,
    class_scores as class_scores,
    class_summary as class_summary,
    class_themes as class_themes,
    format_shared_texts as format_shared_texts,
    shared_texts as shared_texts,
    to_csv as to_csv,
)

# == researcher: Reading and scoring survey files
from .content.instrument import Instrument as Instrument, Scale as Scale
from .content.frameworks import load_instrument as load_instrument
from .survey.io.survey import read_survey as read_survey
from .survey.io.responses import (
    read_responses as read_responses,
    validate_responses as validate_responses,
)
from .survey.scoring import (
    framework_score as framework_score,
    reverse_keyed as reverse_keyed,
    score as score,
    theme_scores as theme_scores,
)
from .survey.feedback360 import anonymity_note as anonymity_note, self_other as self_other
from .survey.comparison import compare as compare
from .survey.element_stats import (
    element_reliability as element_reliability,
    team_agreement as team_agreement,
)
from .survey.research_data import kit_people as kit_people, kit_reports as kit_reports
from .render.report import build_report as build_report, write_report as write_report

# == researcher: Reliability and agreement
from .psychometrics.item_analysis import Reliability as Reliability, reliability as reliability
from .psychometrics.omega import OmegaResult as OmegaResult, omega as omega
from .psychometrics.agreement import (
    agreement_table as agreement_table,
    icc1 as icc1,
    icc2 as icc2,
    rwg as rwg,
    rwg_j as rwg_j,
)
from .psychometrics.agreement_null import (
    ad_m as ad_m,
    awg as awg,
    icc_ci as icc_ci,
    rwg_j_significance as rwg_j_significance,
    rwg_j_sim as rwg_j_sim,
)

# == researcher: Multilevel models and response surfaces
from .psychometrics.multilevel import (
    group_mean_center as group_mean_center,
    multilevel_model as multilevel_model,
)
from .psychometrics.multilevel_result import MultilevelModel as MultilevelModel
from .psychometrics.model_compare import compare_models as compare_models
from .psychometrics.response_surface import (
    ResponseSurface as ResponseSurface,
    response_surface as response_surface,
)

# == packages: The layers, for what is not re-exported above
from . import (
    classpool as classpool,
    cli as cli,
    content as content,
    errors as errors,
    i18n as i18n,
    learning as learning,
    plots as plots,
    privacy as privacy,
    psychometrics as psychometrics,
    render as render,
    simulate as simulate,
    store as store,
    survey as survey,
    widgets as widgets,
)

__version__: str
