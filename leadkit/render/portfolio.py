"""A learner's portfolio (HTML or Markdown, to hand in).

The portfolio holds everything in the journal: every reflection with its earlier versions and
every saved self-assessment profile, with one chart per framework. The HTML file is
self-contained (charts are embedded PNG images), so it can be mailed or uploaded as one file.

The bundle that goes with it (JSON, for the class) is made by :mod:`leadkit.store.bundle`.

Examples
--------
>>> import tempfile, pathlib
>>> from leadkit.store.journal import Journal
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> j = Journal(folder, learner="s1001")
>>> _ = j.add("goal", "Listen before I decide.", share_with_teacher=True)
>>> _ = j.add("doubt", "I still check every campaign myself.")
>>> "<h1>" in portfolio_html(j)
True
"""

from __future__ import annotations

import base64
import html
import io
import os
import re
import textwrap
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from leadkit.docparams import shared_params
from leadkit.errors import LeadkitError
from leadkit.i18n import N_, format_number, get_language, tr
from leadkit.store.journal import Journal
from leadkit.store.safe_output import escape_markdown, plain_text, write_text_atomically

__all__ = ["portfolio_markdown", "portfolio_html", "write_portfolio"]

_T = {
    "title": N_("Reflection portfolio"),
    "learner": N_("Learner"),
    "exported": N_("Exported (UTC)"),
    "profiles": N_("Self-assessment profiles"),
    "no_profiles": N_("No self-assessment saved yet."),
    "reflections": N_("Reflections"),
    "no_reflections": N_("No reflections saved yet."),
    "element": N_("Element"),
    "score": N_("Score"),
    "answered": N_("Items answered"),
    "self": N_("self-assessment"),
    "observer": N_("360-degree feedback"),
    "saved": N_("saved"),
    "notebook": N_("notebook"),
    "shared": N_("shared with teacher"),
    "private": N_("private"),
    "versions": N_("Earlier versions"),
    "version": N_("version"),
    "unknown": N_("not set"),
}


def _stamp(value: Any) -> str:
    return pd.Timestamp(value).strftime("%Y-%m-%d %H:%M")


def _framework_info(framework_id: str) -> tuple[str, dict[str, str], tuple[int, int] | None]:
    """Title, element names and scale of a framework; plain ids when it is not in the kit."""
    from leadkit.content.frameworks import load_framework

    # Only plain ids are looked up (never a path that happens to be stored in a journal).
    if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", framework_id):
        return framework_id, {}, None
    try:
        fw = load_framework(framework_id)
    except (KeyError, LeadkitError, OSError):  # a researcher's own framework: plain ids
        return framework_id, {}, None
    return tr(fw.title), {e.id: tr(e.name) for e in fw.elements}, (fw.scale[0], fw.scale[1])


# -- bundle ---------------------------------------------------------------------------------------
# -- portfolio ------------------------------------------------------------------------------------
def _profiles(journal: Journal) -> list[tuple[str, str, pd.DataFrame, tuple[int, int] | None]]:
    """(heading, saved, table, scale) per saved score set, newest set per framework and form."""
    out = []
    for (fid, form), grp in journal.scores(latest_only=True).groupby(
            ["framework", "instrument_form"], sort=True):
        title, names, scale = _framework_info(fid)
        table = pd.DataFrame({
            tr(_T["element"]): [names.get(e, e) for e in grp["element"]],
            tr(_T["score"]): grp["score"].round(2).to_numpy(),
            tr(_T["answered"]): grp["n_answered"].to_numpy(),
        })
        form_label = tr(_T[form]) if form in ("self", "observer") else form
        out.append((f"{title} ({form_label})", _stamp(grp["saved"].iloc[0]),
                    table, scale))
    return out


def _chart_png(table: pd.DataFrame, scale: tuple[int, int] | None) -> str:
    """One horizontal bar chart as base64 PNG (matplotlib loads only here)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from leadkit.plots.figure import KitFigure

    names = [textwrap.fill(str(n), 28) for n in table.iloc[:, 0]]
    values = table.iloc[:, 1].astype(float).tolist()
    # A kit figure: its axis ticks carry the language's decimal sign (1,5 in Dutch).
    fig = KitFigure(figsize=(7.0, 0.5 * len(names) + 1.0), layout="constrained")
    ax = fig.add_subplot()
    ax.barh(range(len(names)), values, color="#0072B2")  # Okabe-Ito blue
    for y, v in enumerate(values):  # the number, not only the bar length, tells the score
        if v == v:
            ax.annotate(format_number(v), (v, y), xytext=(4, 0), textcoords="offset points",
                        va="center", fontsize=8)
    ax.set_yticks(range(len(names)), names)
    ax.invert_yaxis()
    if scale:
        ax.set_xlim(scale[0], scale[1])
    ax.set_xlabel(tr(_T["score"]))
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, metadata={"Software": None})
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _header(journal: Journal) -> tuple[str, str]:
    return (journal.learner or tr(_T["unknown"]),
            datetime.now(UTC).strftime("%Y-%m-%d %H:%M"))


@shared_params
def portfolio_markdown(journal: Journal) -> str:
    """The whole portfolio as Markdown (score tables instead of charts).

    Parameters
    ----------
    %(journal)s

    Returns
    -------
    str
        The Markdown text: the learner, the export time, a table per saved profile and every
        reflection with its earlier versions; the learner's text is escaped.

    Examples
    --------
    >>> import tempfile
    >>> journal = Journal(tempfile.mkdtemp(), learner="s1001")
    >>> portfolio_markdown(journal).splitlines()[:3]
    ['# Reflection portfolio', '', '- Learner: s1001']
    """
    learner, now = _header(journal)
    lines = [f"# {tr(_T['title'])}", "", f"- {tr(_T['learner'])}: {escape_markdown(learner)}",
             f"- {tr(_T['exported'])}: {now}", "", f"## {tr(_T['profiles'])}", ""]
    profiles = _profiles(journal)
    if not profiles:
        lines += [tr(_T["no_profiles"]), ""]
    for heading, saved, table, _ in profiles:
        lines += [f"### {heading}", "", f"*{tr(_T['saved'])}: {saved} UTC*", "",
                  "| " + " | ".join(table.columns) + " |", "|---|---:|---:|"]
        lines += [f"| {escape_markdown(str(a))} | {format_number(b)} | {'' if pd.isna(c) else c} |"
                  for a, b, c in table.itertuples(index=False)]
        lines.append("")
    lines += [f"## {tr(_T['reflections'])}", ""]
    versions = journal.entries(latest_only=False)
    if versions.empty:
        lines.append(tr(_T["no_reflections"]))
    for _, grp in versions.groupby("id", sort=True):
        last = grp.iloc[-1]
        lines += [f"### {escape_markdown(_question(last))}", "",
                  f"*{_meta_line(last)}*", ""]
        lines += _quoted(last["text"])
        if len(grp) > 1:
            lines += [f"**{tr(_T['versions'])}**", ""]
            for r in grp.iloc[:-1].itertuples():
                lines += [f"*{tr(_T['version'])} {r.version}, {_stamp(r.updated)} UTC*", ""]
                lines += _quoted(r.text)
        lines.append("")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> list[str]:
    # Escaped and quoted: a learner's text is shown as written, never run as markup.
    return [f"> {escape_markdown(t)}" if t else ">" for t in text.splitlines()] + [""]


def _question(row: pd.Series) -> str:
    """The question as stored with the answer, else looked up by its id, else the id."""
    if isinstance(row["prompt"], str) and row["prompt"]:
        return row["prompt"]
    try:
        from leadkit.content.prompts import reflection_prompt

        return tr(reflection_prompt(row["prompt_id"]))
    except (KeyError, ValueError, LeadkitError, OSError):
        return row["prompt_id"]


def _meta_line(row: pd.Series) -> str:
    parts = [row["prompt_id"]]
    if row["notebook"]:
        parts.append(f"{tr(_T['notebook'])} {row['notebook']}")
    parts.append(f"{tr(_T['version'])} {row['version']}, {_stamp(row['updated'])} UTC")
    parts.append(tr(_T["shared"] if row["share_with_teacher"] else _T["private"]))
    return html.escape(" · ".join(parts))


_CSS = """body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;
line-height:1.5;color:#222}blockquote{white-space:pre-wrap;border-left:4px solid #0072B2;
margin:0.5rem 0;padding:0.25rem 1rem;background:#f5f8fb}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:0.2rem 0.6rem}.meta{color:#555;font-size:0.9rem}
img{max-width:100%}"""


@shared_params
def portfolio_html(journal: Journal) -> str:
    """The whole portfolio as one self-contained HTML page (charts embedded as PNG).

    Parameters
    ----------
    %(journal)s

    Returns
    -------
    str
        One HTML page with inline CSS and the charts as embedded PNG images; all learner text
        is escaped.

    Examples
    --------
    >>> import tempfile
    >>> page = portfolio_html(Journal(tempfile.mkdtemp(), learner="s1001"))
    >>> page.startswith("<!DOCTYPE html>"), "<b>s1001</b>" in page
    (True, True)
    """
    def esc(text: str) -> str:  # a learner's own words: no terminal escapes, no bidi overrides
        return html.escape(plain_text(text))

    learner, now = _header(journal)
    lang = get_language()
    parts = [f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>",
             f"<title>{esc(tr(_T['title']))}: {esc(learner)}</title><style>{_CSS}</style>",
             f"</head><body><h1>{esc(tr(_T['title']))}</h1>",
             f"<p>{esc(tr(_T['learner']))}: <b>{esc(learner)}</b><br>",
             f"{esc(tr(_T['exported']))}: {now}</p><h2>{esc(tr(_T['profiles']))}</h2>"]
    profiles = _profiles(journal)
    if not profiles:
        parts.append(f"<p>{esc(tr(_T['no_profiles']))}</p>")
    for heading, saved, table, scale in profiles:
        alt = esc(f"{tr(_T['score'])}: " + ", ".join(
            f"{a} {format_number(b)}"
            for a, b in zip(table.iloc[:, 0], table.iloc[:, 1], strict=True)))
        parts += [f"<h3>{esc(heading)}</h3><p class='meta'>{tr(_T['saved'])}: {saved} UTC</p>",
                  f"<img alt='{alt}' src='data:image/png;base64,{_chart_png(table, scale)}'>",
                  # Numbers through the language's formatter: 3,33 in a Dutch portfolio.
                  table.to_html(index=False, na_rep="", escape=True,
                                float_format=lambda v: format_number(v, 2))]
    parts.append(f"<h2>{esc(tr(_T['reflections']))}</h2>")
    versions = journal.entries(latest_only=False)
    if versions.empty:
        parts.append(f"<p>{esc(tr(_T['no_reflections']))}</p>")
    for _, grp in versions.groupby("id", sort=True):
        last = grp.iloc[-1]
        parts += [f"<h3>{esc(_question(last))}</h3>",
                  f"<p class='meta'>{_meta_line(last)}</p>",
                  f"<blockquote>{esc(last['text'])}</blockquote>"]
        if len(grp) > 1:
            parts.append(f"<details><summary>{esc(tr(_T['versions']))}</summary>")
            parts += [f"<p class='meta'>{tr(_T['version'])} {r.version}, {_stamp(r.updated)} "
                      f"UTC</p><blockquote>{esc(r.text)}</blockquote>"
                      for r in grp.iloc[:-1].itertuples()]
            parts.append("</details>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


@shared_params
def write_portfolio(journal: Journal, out: str | os.PathLike[str], *,
                    markdown: str | os.PathLike[str] | None = None) -> Path:
    """Write the HTML portfolio to ``out`` (and Markdown to ``markdown``); return ``out``.

    Parameters
    ----------
    %(journal)s
    out : str or path-like
        The HTML file to write; missing folders are made.
    markdown : str or path-like, optional
        Also write the Markdown version here. Default ``None`` writes HTML only.

    Returns
    -------
    pathlib.Path
        The HTML file's path.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> out = write_portfolio(Journal(folder, learner="s1001"), folder / "portfolio.html",
    ...                       markdown=folder / "portfolio.md")
    >>> out.name, (folder / "portfolio.md").is_file()
    ('portfolio.html', True)
    """
    path = write_text_atomically(Path(out), portfolio_html(journal), private=True)
    if markdown is not None:
        write_text_atomically(Path(markdown), portfolio_markdown(journal), private=True)
    return path
