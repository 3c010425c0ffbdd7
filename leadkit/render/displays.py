"""Notebook displays that put a chart next to its table: the team example and the theme profile.

Each function displays in one call what a framework notebook shows at that step; it draws with
:mod:`leadkit.plots` and writes tables with :func:`leadkit.render.tables.show_table`.
"""

from __future__ import annotations

from leadkit.i18n import tr
from leadkit.learning import framework_choice
from leadkit.learning.example_team import team_example
from leadkit.plots.cases import theme_profile
from leadkit.plots.survey import gap_chart
from leadkit.render.tables import show_table
from leadkit.store.journal import Journal
from leadkit.survey.feedback360 import anonymity_note

__all__ = ["show_team_example", "show_learner_themes"]


def show_team_example(framework_id: str, team: str, *, data=None) -> None:
    """Display a team's 360 example: chart, table of gaps and agreement, and next steps.

    Parameters
    ----------
    framework_id : str
        The framework; its sample class is used unless ``data`` is given.
    team : str
        The team id, such as ``"T2"``.
    data : pandas.DataFrame or path, optional
        Responses to use instead of the sample class. Default ``None`` uses the sample class.

    Returns
    -------
    None
        Displays the gap chart, the table of gaps and agreement, and the next steps.

    Raises
    ------
    InputError
        The responses do not pass the checks, or the team has no single leader.
    """
    from IPython.display import Markdown, display

    ex = team_example(framework_id, team, data=data)
    title = tr("Leader of team {team}: self and others").format(team=ex.team)
    display(gap_chart(ex.gaps, ex.leader, framework=framework_id, title=title))
    display(show_table(ex.table()))  # headers in the language; no index, decimal comma
    note = anonymity_note(ex.gaps)
    steps = "\n".join(f"{i}. {s}" for i, s in enumerate(ex.steps, 1))
    heading = tr("What this leader could do next")
    display(Markdown(f"*{note}*\n\n**{heading}**\n\n{steps}"))


def show_learner_themes(journal=None) -> None:
    """Display the learner's theme profile over all frameworks (notebook 06), with its table.

    Reads the latest self-assessments saved in the journal; without any, shows an example
    learner from the sample class and says so.

    Parameters
    ----------
    journal : Journal, optional
        The learner's journal. Default ``None`` opens the journal at its default place.

    Returns
    -------
    None
        Displays the theme chart and its table (and a note when the example learner stands
        in).
    """
    from IPython.display import Markdown, display

    table = framework_choice.learner_theme_scores(journal if journal is not None else Journal())
    if (table["source"] == "example").all():
        display(Markdown(tr("*Your journal holds no self-assessment yet, so this shows an "
                            "example learner from the (synthetic) sample class. Save your "
                            "scores in notebooks 01–05 and run this cell again.*")))
        title = tr("Example learner: scores per theme, over all frameworks")
    else:
        title = None
    display(theme_profile(table, title=title))
    shown = table[["label", "pomp", "n_frameworks"]].rename(columns={
        "label": tr("theme"),
        "pomp": tr("score (0–100)"),
        "n_frameworks": tr("frameworks")})
    display(show_table(shown.sort_values(shown.columns[1], ascending=False), decimals=1))
