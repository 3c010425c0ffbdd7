# The public API of leadkit, in one place. The package loads each name from the module named
# here when it is first used (lazy_loader, SPEC 1); type checkers and editors read this file;
# the API reference site (docs/api) is written from its sections. A name that is not here is
# not public. Sections: "== audience: title", then the imports of that group.

# == everyone: Frameworks and the kit's data
# == packages: The layers, for what is not re-exported above
from . import (
    classpool as classpool,
)
from . import (
    cli as cli,
)
from . import (
    content as content,
)
from . import (
    errors as errors,
)
from . import (
    i18n as i18n,
)
from . import (
    learning as learning,
)
from . import (
    plots as plots,
)
from . import (
    privacy as privacy,
)
from . import (
    psychometrics as psychometrics,
)
from . import (
    render as render,
)
from . import (
    simulate as simulate,
)
from . import (
    store as store,
)
from . import (
    survey as survey,
)
from . import (
    widgets as widgets,
)

# == teacher: The live class pool
from .classpool.pool import ClassPool as ClassPool
from .content.catalog import (
    dataset_path as dataset_path,
)
from .content.catalog import (
    list_datasets as list_datasets,
)
from .content.catalog import (
    load_dataset as load_dataset,
)
from .content.frameworks import (
    Element as Element,
)
from .content.frameworks import (
    Framework as Framework,
)
from .content.frameworks import (
    Item as Item,
)
from .content.frameworks import (
    crosswalk as crosswalk,
)
from .content.frameworks import (
    framework_overview as framework_overview,
)
from .content.frameworks import (
    list_frameworks as list_frameworks,
)
from .content.frameworks import (
    load_framework as load_framework,
)
from .content.frameworks import (
    load_instrument as load_instrument,
)
from .content.frameworks import (
    themes as themes,
)

# == researcher: Reading and scoring survey files
from .content.instrument import Instrument as Instrument
from .content.instrument import Scale as Scale

# == everyone: Errors
from .errors import (
    FrameworkFileError as FrameworkFileError,
)
from .errors import (
    InputError as InputError,
)
from .errors import (
    LeadkitError as LeadkitError,
)
from .errors import (
    UnknownIdError as UnknownIdError,
)

# == everyone: Language
from .i18n import get_language as get_language
from .i18n import set_language as set_language
from .i18n import tr as tr

# == learner: Cases, the framework choice and the team example
from .learning.cases import (
    Judgement as Judgement,
)
from .learning.cases import (
    judge_choice as judge_choice,
)
from .learning.cases import (
    list_cases as list_cases,
)
from .learning.cases import (
    load_case as load_case,
)
from .learning.example_team import (
    TeamExample as TeamExample,
)
from .learning.example_team import (
    agreement_band as agreement_band,
)
from .learning.example_team import (
    next_steps as next_steps,
)
from .learning.example_team import (
    team_example as team_example,
)
from .learning.exercises import (
    ComplianceResult as ComplianceResult,
)
from .learning.exercises import (
    TShape as TShape,
)
from .learning.exercises import (
    classify_t_shape as classify_t_shape,
)
from .learning.exercises import (
    context_implications as context_implications,
)
from .learning.exercises import (
    score_compliance as score_compliance,
)
from .learning.framework_choice import (
    framework_fit as framework_fit,
)
from .learning.framework_choice import (
    judge_framework_choice as judge_framework_choice,
)
from .learning.framework_choice import (
    learner_theme_scores as learner_theme_scores,
)
from .psychometrics.agreement import (
    agreement_table as agreement_table,
)
from .psychometrics.agreement import (
    icc1 as icc1,
)
from .psychometrics.agreement import (
    icc2 as icc2,
)
from .psychometrics.agreement import (
    rwg as rwg,
)
from .psychometrics.agreement import (
    rwg_j as rwg_j,
)
from .psychometrics.agreement_null import (
    ad_m as ad_m,
)
from .psychometrics.agreement_null import (
    awg as awg,
)
from .psychometrics.agreement_null import (
    icc_ci as icc_ci,
)
from .psychometrics.agreement_null import (
    rwg_j_significance as rwg_j_significance,
)
from .psychometrics.agreement_null import (
    rwg_j_sim as rwg_j_sim,
)

# == researcher: Reliability and agreement
from .psychometrics.item_analysis import Reliability as Reliability
from .psychometrics.item_analysis import reliability as reliability

# == researcher: Multilevel models and response surfaces
from .psychometrics.model_compare import (
    compare_models as compare_models,
)
from .psychometrics.multilevel import (
    group_mean_center as group_mean_center,
)
from .psychometrics.multilevel import (
    multilevel_model as multilevel_model,
)
from .psychometrics.multilevel_result import (
    MultilevelModel as MultilevelModel,
)
from .psychometrics.omega import OmegaResult as OmegaResult
from .psychometrics.omega import omega as omega
from .psychometrics.response_surface import (
    ResponseSurface as ResponseSurface,
)
from .psychometrics.response_surface import (
    response_surface as response_surface,
)
from .render.displays import (
    show_learner_themes as show_learner_themes,
)
from .render.displays import (
    show_team_example as show_team_example,
)
from .render.portfolio import (
    portfolio_html as portfolio_html,
)
from .render.portfolio import (
    portfolio_markdown as portfolio_markdown,
)
from .render.portfolio import (
    write_portfolio as write_portfolio,
)
from .render.report import build_report as build_report
from .render.report import write_report as write_report
from .render.tables import show_learner_texts as show_learner_texts
from .render.tables import show_table as show_table

# == learner: Team scenarios
from .simulate.scenarios import (
    lever_values as lever_values,
)
from .simulate.scenarios import (
    list_scenarios as list_scenarios,
)
from .simulate.scenarios import (
    load_scenario as load_scenario,
)
from .simulate.scenarios import (
    run_scenario as run_scenario,
)
from .simulate.scenarios import (
    summarise_outcomes as summarise_outcomes,
)
from .store.bundle import export_bundle as export_bundle
from .store.bundle import make_bundle as make_bundle
from .store.classroom import (
    MIN_GROUP as MIN_GROUP,
)
from .store.classroom import (
    class_overview as class_overview,
)
from .store.classroom import (
    class_scores as class_scores,
)
from .store.classroom import (
    class_summary as class_summary,
)
from .store.classroom import (
    class_themes as class_themes,
)
from .store.classroom import (
    format_shared_texts as format_shared_texts,
)
from .store.classroom import (
    shared_texts as shared_texts,
)
from .store.classroom import (
    to_csv as to_csv,
)

# == teacher: Hand-ins and class results
from .store.handins import (
    load_bundles as load_bundles,
)
from .store.handins import (
    new_salt as new_salt,
)
from .store.handins import (
    pseudonymise as pseudonymise,
)
from .store.handins import (
    read_salt as read_salt,
)
from .store.handins import (
    sample_bundles_dir as sample_bundles_dir,
)

# == learner: Journal and portfolio
from .store.journal import (
    Journal as Journal,
)
from .store.journal import (
    SaveResult as SaveResult,
)
from .store.journal import (
    default_journal_path as default_journal_path,
)
from .survey.comparison import compare as compare
from .survey.element_stats import (
    element_reliability as element_reliability,
)
from .survey.element_stats import (
    team_agreement as team_agreement,
)
from .survey.feedback360 import anonymity_note as anonymity_note
from .survey.feedback360 import self_other as self_other
from .survey.io.responses import (
    read_responses as read_responses,
)
from .survey.io.responses import (
    validate_responses as validate_responses,
)
from .survey.io.survey import read_survey as read_survey
from .survey.research_data import kit_people as kit_people
from .survey.research_data import kit_reports as kit_reports
from .survey.scoring import (
    framework_score as framework_score,
)
from .survey.scoring import (
    reverse_keyed as reverse_keyed,
)
from .survey.scoring import (
    score as score,
)
from .survey.scoring import (
    theme_scores as theme_scores,
)

__version__: str
