"""A self-contained HTML report of a scored survey: tables, reliability, agreement, figures.

The report is one HTML file with the figures embedded (PNG, base64), so it can be mailed or
put on a learning platform as it is. Sections: overview, element scores per rater group,
framework scores, reliability per element (self ratings of the first wave, reverse-keyed
items), team agreement (rwg(j) per team and element), the 360 comparison with its anonymity
note, and figures. Every heading is in the current language; nothing in it depends on the
time it was made, so the same data give the same file.

Examples
--------
>>> import pandas as pd
>>> import leadkit as lk
>>> fw = lk.load_framework("agile-cmo")
>>> table = pd.DataFrame({"respondent": list("abc")} | {i: [2, 3, 4] for i in fw.item_ids})
>>> html = build_report(table, fw, figures=False)
>>> "<h2>Reliability per element</h2>" in html
True
"""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path

import pandas as pd

from leadkit import privacy
from leadkit.content.frameworks import load_instrument
from leadkit.content.instrument import Instrument
from leadkit.docparams import shared_params
from leadkit.i18n import N_, format_number, get_language, ngettext, tr
from leadkit.privacy.tables import agreement_across_teams, eligible_rows, group_table, score_grid
from leadkit.render.columns import rater_label, with_headings
from leadkit.render.group_tables import wide_table
from leadkit.survey.element_stats import (
    element_reliability,
    first_wave,
    first_wave_mask,
    team_agreement,
)
from leadkit.survey.feedback360 import anonymity_note, self_other
from leadkit.survey.scoring import checked_table, score, share_note

__all__ = ["build_report", "write_report", "report_figures"]

_MAX_GAP_CHARTS = 12  # enough for a class; a large 360 is read in the table

_T = {
    "title": N_("Survey report"),
    "overview": N_("Overview"),
    "elements": N_("Element scores"),
    "framework": N_("Framework scores"),
    "reliability": N_("Reliability per element"),
    "agreement": N_("Team agreement"),
    "360": N_("Self and others (360)"),
    "figures": N_("Figures"),
    "element": N_("element"),
    "all": N_("all"),
    "all_elements": N_("whole framework"),
    "teams": N_("Element scores per team"),
    "teams_note": N_("Self ratings of the team members (first wave): number of people and mean "
                     "per team."),
    "privacy": N_("Privacy"),
    "across": N_("Per element: the number of teams with a value and their mean rwg(j); a team's "
                 "own value is not shown, because beside the team's mean it can give its "
                 "members' answers away."),
    "residual": N_("What a report cannot prevent: comparing two reports of the same group made "
                   "before and after one person joined gives that person's answers away; share "
                   "one report per round."),
}
def _table(frame: pd.DataFrame, index: bool = False, header: bool = True) -> str:
    return frame.to_html(index=index, header=header, escape=True, na_rep="–", border=0,
                         classes="lk", float_format=lambda v: format_number(v))


def _figure(fig) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90, metadata={"Software": None})
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img alt="{html.escape(fig.axes[0].get_title())}" src="data:image/png;base64,{data}">'


def _group(frame: pd.DataFrame) -> pd.Series:
    """Rater group (and wave) of every row, as the column label of the summary tables."""
    label = (frame["rater"].map(rater_label)
             if "rater" in frame.columns else pd.Series(tr(_T["all"]), index=frame.index))
    if "wave" in frame.columns and frame["wave"].nunique() > 1:
        label = label + " · " + tr("wave ") + frame["wave"].astype(str)
    return label


def _pooled(rows: pd.DataFrame, fw: Instrument, floor: int, min_share: float) -> pd.DataFrame:
    """``n`` and ``mean`` per element and rater group (``_g``), the privacy rules applied."""
    data = rows.assign(_g=_group(rows))
    described = group_table(data, ["element", "_g"], fw=fw, floor=floor, min_share=min_share)
    described.attrs["groups"] = list(dict.fromkeys(data["_g"]))
    return described


def _wide(described: pd.DataFrame, order: list[str] | None = None,
          labels: dict[str, str] | None = None) -> pd.DataFrame:
    wide = wide_table(described, "element", "_g", row_order=order, row_labels=labels)
    return wide[[g for g in described.attrs["groups"] if g in wide.columns]]


@shared_params
def report_figures(scores: pd.DataFrame, fw: Instrument, *, floor: int = privacy.FLOOR,
                   min_share: float = 0.5) -> dict[str, pd.DataFrame | None]:
    """Compute every figure the report publishes about groups, before it is written out.

    One place decides what the report shows, so the privacy tests can attack exactly that:
    the element and framework tables pool only the cells the 360 and team tables show (rule 5
    of ``docs/privacy.md``), the profile chart draws the same rows, and team agreement is given
    across teams only (rule 8).

    Parameters
    ----------
    scores : pandas.DataFrame
        Tidy element scores (:func:`leadkit.survey.scoring.score`).
    fw : Instrument
        The instrument (or kit framework) scored.
    %(floor)s
    min_share : float, default 0.5
        The share of an element's items that gives a score.

    Returns
    -------
    dict
        ``elements`` and ``framework`` (``n`` and ``mean`` per element and rater group
        ``_g``), ``teams`` (per element and team; None without teams), ``gaps`` (the 360 table
        of :func:`leadkit.survey.feedback360.self_other`; None without raters other than self)
        and ``profile`` (the self-rating rows the profile chart averages).

    Examples
    --------
    >>> import leadkit as lk
    >>> fw = lk.load_framework("agile-cmo")
    >>> figures = report_figures(lk.score(lk.load_dataset("agile-cmo-class"), fw), fw)
    >>> sorted(figures)
    ['elements', 'framework', 'gaps', 'profile', 'teams']
    """
    scores = scores.reset_index(drop=True)  # row masks below are aligned by position
    scale, step = score_grid(fw, min_share)
    selfs = scores["rater"] == "self" if "rater" in scores.columns else scores["score"].notna()
    first = first_wave_mask(scores)
    team_rows = selfs & first if "team" in scores.columns else None
    ok = eligible_rows(scores, unit="element", floor=floor, team_rows=team_rows, scale=scale,
                       step=step)
    teams = None
    if team_rows is not None and scores.loc[team_rows, "team"].notna().any():
        teams = group_table(scores[team_rows & scores["score"].notna()], ["element", "team"],
                            fw=fw, floor=floor, min_share=min_share)
    gaps = None
    if "rater" in scores.columns and (scores["rater"] != "self").any():
        gaps = self_other(scores, floor=floor)
    return {"elements": _pooled(scores[ok], fw, floor, min_share),
            # The framework figure pools the element scores of the cells shown (rule 5).
            "framework": _pooled(scores[ok].assign(element="_all"), fw, floor, min_share),
            "teams": teams, "gaps": gaps, "profile": scores[ok & selfs & first]}


def build_report(responses: pd.DataFrame | str | Path, framework: Instrument | str | Path, *,
                 min_share: float = 0.5, floor: int = privacy.FLOOR, figures: bool = True) -> str:
    """The HTML report of a response table (see the module text for its sections).

    Parameters
    ----------
    responses : DataFrame or path
        A validated table from :func:`~leadkit.survey.io.responses.read_responses` or anything it
        reads.
    framework : Instrument, id or path
        The instrument.
    min_share, floor : float, int
        Passed on to :func:`~leadkit.survey.scoring.score` and
        :func:`~leadkit.survey.feedback360.self_other`.
    figures : bool
        Draw and embed the figures (matplotlib); without them the report is text only.

    Returns
    -------
    str
        A complete HTML document.
    """
    fw = load_instrument(framework)
    table = checked_table(responses, fw)
    scores = score(table, fw, min_share=min_share)
    esc = html.escape
    parts = [f"<h1>{esc(tr(_T['title']))}: {esc(tr(fw.title))}</h1>",
             f"<p>{esc(fw.citation())}</p>", f"<h2>{esc(tr(_T['overview']))}</h2>"]
    empty = int(table[fw.item_ids].isna().all(axis=1).sum())
    facts = {
        tr("file"): table.attrs.get("source", ""),
        tr("framework"): tr("{id} ({n} elements, {n2} items, scale {value}–{value2})").format(
                                         id=fw.id, n=len(fw.elements), n2=len(fw.items),
                                         value=fw.scale[0], value2=fw.scale[1]),
        tr("rows"): len(table),
        tr("respondents"): table["respondent"].nunique(),
        tr("rows with nothing answered"): empty,
        tr("scoring rule"): tr("mean of the answered items of an element, when at "
                                             "least {min_share:.0%} of its items are answered; "
                                             "reverse-keyed items turned around on the "
                                             "scale").format(
                                              min_share=min_share),
    }
    if note := share_note(table, fw, min_share=min_share):
        facts[tr("scores left missing")] = note
    # What was not scored and what was scored from part of the items: said, never silent.
    set_aside = [*table.attrs.get("ignored_columns", ()), *table.attrs.get("metadata_columns", ())]
    facts[tr("columns not scored")] = (", ".join(str(c) for c in set_aside) if set_aside
                                       else tr("none"))
    part = scores["score"].notna() & (scores["n_answered"] < scores["n_items"])
    facts[tr("scores from part of the items")] = ngettext(
        "{n} of {total} scores is the mean of the answered items only (blank items left out)",
        "{n} of {total} scores are the mean of the answered items only (blank items left out)",
        int(part.sum())).format(n=int(part.sum()), total=int(scores["score"].notna().sum()))
    names = {"team": tr("teams"), "rater": tr("rater groups"),
             "wave": tr("waves")}
    for col, label in names.items():
        if col in table.columns:
            values = sorted(table[col].dropna().unique())
            facts[label] = ", ".join(rater_label(v) if col == "rater" else str(v)
                                     for v in values)
    parts.append(_table(pd.Series(facts).to_frame(), index=True, header=False))
    labels = {e.id: e.label for e in fw.elements}
    order = [e.id for e in fw.elements]
    figures_ = report_figures(scores, fw, floor=floor, min_share=min_share)
    parts += [f"<h2>{esc(tr(_T['elements']))}</h2>",
              _table(_wide(figures_["elements"], order, labels), index=True)]
    summary = _wide(figures_["framework"])
    summary.index = [tr(_T["all_elements"])] * len(summary)
    parts += [f"<h2>{esc(tr(_T['framework']))}</h2>", _table(summary, index=True)]
    if (teams := figures_["teams"]) is not None:
        parts += [f"<h2>{esc(tr(_T['teams']))}</h2>", f"<p>{esc(tr(_T['teams_note']))}</p>",
                  _table(wide_table(teams, "element", "team", order, labels), index=True)]
    rel = element_reliability(table, fw)
    shown = rel.assign(element=rel["element"].map(labels))
    parts += [f"<h2>{esc(tr(_T['reliability']))}</h2>", f"<p>{esc(rel.attrs['note'])}</p>",
              _table(with_headings(shown))]
    agreement = team_agreement(table, fw, floor=floor)
    if len(agreement):
        # A team's agreement beside its mean (shown above, or as its leader's 360 row) can pin
        # down its members' scores: the report gives agreement across teams only (rule 8).
        across = agreement_across_teams(agreement, floor=floor)
        across["element"] = across["element"].map(labels)
        parts += [f"<h2>{esc(tr(_T['agreement']))}</h2>",
                  f"<p>{esc(agreement.attrs['note'])} {esc(tr(_T['across']))}</p>",
                  _table(with_headings(across))]
    gaps = figures_["gaps"]
    if gaps is not None:
        shown = gaps.assign(element=gaps["element"].map(labels))
        keep = ["target", *(["wave"] if "wave" in gaps else []), "element", "self", "manager",
                "peer", "report", "other", "others", "gap", "category_label"]
        rated = gaps[["n_manager", "n_peer", "n_report", "n_other"]].sum(axis=1) > 0
        shown = shown[rated][keep]  # people nobody else rated have no 360 row to show
        limit = gaps.attrs["threshold"]
        rule = tr("Category: over-estimator when self − others > {limit}, under-estimator when "
                  "< −{limit}, otherwise in agreement.").format(limit=limit)
        parts += [f"<h2>{esc(tr(_T['360']))}</h2>",
                  f"<p>{esc(anonymity_note(gaps))} {esc(rule)}</p>", _table(with_headings(shown))]
    if figures:
        parts += [f"<h2>{esc(tr(_T['figures']))}</h2>", *_figures(figures_["profile"], gaps, fw)]
    parts += [f"<h2>{esc(tr(_T['privacy']))}</h2>",
              f"<p>{esc(tr(privacy.NOTE).format(floor=floor))} {esc(tr(_T['residual']))}</p>"]
    # Padding, not margin, keeps the text off the window's edge when the window is narrow.
    style = ("body{font-family:sans-serif;max-width:70em;margin:0 auto;padding:2em 2.5em;"
             "line-height:1.4}"
             "table.lk{border-collapse:collapse;margin:1em 0}table.lk td,table.lk th"
             "{border-bottom:1px solid #ccc;padding:.25em .6em;text-align:left}"
             "img{max-width:100%;display:block;margin:1em 0}")
    lang = get_language()
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{esc(tr(_T['title']))}: {esc(tr(fw.title))}</title><style>{style}</style>"
            "</head><body>\n" + "\n".join(parts) + "\n</body></html>\n")


def _figures(profile: pd.DataFrame, gaps: pd.DataFrame | None, fw: Instrument) -> list[str]:
    from leadkit import plots  # matplotlib only when figures are asked for

    out = []
    if profile["respondent"].nunique() >= privacy.FLOOR:  # the same rows as the tables' "self"
        out.append(_figure(plots.profile(profile, framework=fw)))
    if gaps is not None:
        targets = [t for t in gaps["target"].unique()
                   if gaps.loc[gaps["target"] == t, "gap"].notna().any()]
        one_wave, _ = first_wave(gaps)
        for target in targets[:_MAX_GAP_CHARTS]:
            out.append(_figure(plots.gap_chart(one_wave, target, framework=fw)))
        if len(targets) > _MAX_GAP_CHARTS:
            out.append("<p>" + html.escape(tr("Charts for the first {MAX_GAP_CHARTS} of {n} "
                                              "people; the table above has them all.").format(
                                               MAX_GAP_CHARTS=_MAX_GAP_CHARTS,
                                               n=len(targets))) + "</p>")
    return out


@shared_params
def write_report(responses: pd.DataFrame | str | Path, framework: Instrument | str | Path,
                 path: str | Path, **options: object) -> Path:
    """Write :func:`build_report` to ``path`` (UTF-8) and return the path.

    Parameters
    ----------
    %(responses_framework)s
    path : str or path-like
        The file to write; its folder must exist.
    **options
        Passed on to :func:`build_report`.

    Returns
    -------
    pathlib.Path
        The path written: one HTML page with its charts inside, readable offline.

    Raises
    ------
    InputError
        The responses do not pass the checks.
    """
    path = Path(path)
    text = build_report(responses, framework, **options)  # type: ignore[arg-type]
    path.write_text(text, encoding="utf-8")
    return path

