"""Command-line subcommands for the journal: ``leadkit portfolio`` and ``leadkit class``.

``leadkit portfolio`` writes a learner's portfolio (HTML, optionally Markdown) and export
bundle; ``leadkit class`` turns a folder of bundles into the class summary CSV for a teacher.
The main ``leadkit`` command adds both through :func:`register`.

Examples
--------
>>> import argparse
>>> parser = argparse.ArgumentParser(prog="leadkit")
>>> register(parser.add_subparsers(dest="command"))
>>> args = parser.parse_args(["class", "bundles/", "--salt-file", "salt.txt", "--out", "c.csv"])
>>> (args.command, args.min_group)
('class', 3)
"""

from __future__ import annotations

import argparse
import sys

from leadkit.errors import LeadkitError
from leadkit.i18n import counted, tr

__all__ = ["register", "run_portfolio", "run_class"]



def _learner_error(why: str | None) -> str:
    if why is None:  # no id given and none remembered
        return tr("leadkit portfolio: the hand-in bundle needs your student number. Add "
                  "--learner YOUR-NUMBER (for example --learner s2501030); it is remembered for "
                  "next time. Nothing was written.")
    return tr("leadkit portfolio: --learner: {value}. Use your student number, for example "
              "--learner s2501030. Nothing was written.").format(value=tr(why))


def run_portfolio(args: argparse.Namespace) -> int:
    """Handle ``leadkit portfolio``: write HTML (and Markdown, bundle); return the exit code.

    The learner id is checked before anything is written. Without ``--lang`` or
    ``LEADKIT_LANG`` the portfolio is in the language the learner last worked in.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed arguments of the ``portfolio`` subcommand.

    Returns
    -------
    int
        The exit code: 0 on success, 2 for a problem with the input (a bad learner id, a
        journal that cannot be read).
    """
    import os

    from leadkit.i18n import LANGUAGES, set_language
    from leadkit.render.portfolio import write_portfolio
    from leadkit.store.bundle import export_bundle
    from leadkit.store.journal import Journal, learner_id_problem

    if args.learner is not None and learner_id_problem(args.learner):
        print(_learner_error(learner_id_problem(args.learner)), file=sys.stderr)
        return 2
    try:
        journal = Journal(args.journal)
        if args.bundle and args.learner is None and not journal.learner:
            print(_learner_error(None), file=sys.stderr)
            return 2
        if args.learner is not None:
            journal.learner = args.learner.strip()
        chosen = getattr(args, "lang", None) or os.environ.get("LEADKIT_LANG", "").strip()[:2]
        if chosen not in LANGUAGES and journal.language in LANGUAGES:
            set_language(journal.language)
        html_path = write_portfolio(journal, args.out, markdown=args.markdown)
        written = [html_path] + ([args.markdown] if args.markdown else [])
        if args.bundle:
            written.append(export_bundle(journal, args.bundle))
    except LeadkitError as exc:
        print(exc, file=sys.stderr)
        return 2  # the kit's exit code for a user's input problem
    for path in written:
        print(tr("wrote {path}").format(path=path))
    return 0


def run_class(args: argparse.Namespace) -> int:
    """Handle ``leadkit class``: bundles -> pseudonymised class summary CSV; exit code.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed arguments of the ``class`` subcommand: the bundle folder, the salt file,
        the outputs and the smallest group shown.

    Returns
    -------
    int
        The exit code: 0 on success, 2 for a problem with the input (the message is printed
        on standard error).
    """
    from pathlib import Path

    from leadkit.store import classroom as c
    from leadkit.store import handins as h

    try:
        created = not Path(args.salt_file).expanduser().exists()
        salt = h.read_salt(args.salt_file, create=True)
        bundles = h.load_bundles(args.folder, roster=args.roster)
        scores = c.class_scores(bundles, salt)
        summary = c.class_summary(scores, min_group=args.min_group)
        c.to_csv(summary, args.out, dutch_excel=args.dutch_excel)
        if args.themes_out:
            c.to_csv(c.class_themes(scores, min_group=args.min_group), args.themes_out,
                     dutch_excel=args.dutch_excel)
    except LeadkitError as exc:
        print(exc, file=sys.stderr)
        return 2  # the kit's exit code for a user's input problem
    if created:
        print(tr("A new salt was written to {salt_file}. Keep this file private and use it "
                 "again next time: the same salt gives the same pseudonyms.").format(
                  salt_file=args.salt_file))
    hidden = int(summary["suppressed"].sum())
    learners = counted(len(bundles), "learner", "learners")
    rows = counted(hidden, "row", "rows")
    floor = counted(args.min_group, "learner", "learners")
    line = tr("{learners}; wrote {out}").format(learners=learners, out=args.out)
    if hidden:
        line += tr(" ({rows} hidden: fewer than {floor})").format(rows=rows, floor=floor)
    print(line)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``portfolio`` and ``class`` subcommands (each sets ``func`` to its handler).

    ``leadkit class open|view|close`` is the live class pool, which the main command hands to
    :mod:`leadkit.cli.class_pool` before this parser sees it; the ``class`` help names it.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        What ``ArgumentParser.add_subparsers()`` returned.

    Returns
    -------
    None
        Adds the two subcommands to ``subparsers``.

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="leadkit")
    >>> register(parser.add_subparsers())
    >>> parser.parse_args(["portfolio", "--out", "portfolio.html"]).func.__name__
    'run_portfolio'
    """
    p = subparsers.add_parser(
        "portfolio", help="write your reflection portfolio (HTML/Markdown) and class bundle")
    p.add_argument("--journal", default=None,
                   help="journal file or folder (default: LEADKIT_HOME or your data folder)")
    p.add_argument("--out", required=True, help="the HTML file to write, e.g. portfolio.html")
    p.add_argument("--markdown", default=None, help="also write Markdown to this file")
    p.add_argument("--bundle", default=None, help="also write the class bundle (JSON)")
    p.add_argument("--learner", default=None,
                   help="your learner id for the bundle (stored in the journal for next time)")
    p.set_defaults(func=run_portfolio)

    c = subparsers.add_parser(
        "class", help="pseudonymised class summary (CSV) from a folder of learners' bundles; "
                      "'leadkit class open|view|close PATH' runs the live class pool",
        epilog="the live class pool: leadkit class open PATH [--roster roster.csv], "
               "leadkit class view PATH --framework ID, leadkit class close PATH "
               "(each with --help)")
    c.add_argument("folder", help="folder with the learners' bundle files (*.json)")
    c.add_argument("--salt-file", required=True,
                   help="your private salt file (made on first use; keep it and reuse it)")
    c.add_argument("--out", required=True, help="the CSV file to write, e.g. class.csv")
    c.add_argument("--themes-out", default=None, help="also write the theme summary CSV")
    c.add_argument("--roster", default=None,
                   help="CSV or text file with one learner id per line: bundles of anyone "
                        "else are refused")
    c.add_argument("--min-group", type=int, default=3,
                   help="hide figures for fewer learners than this (3 or more)")
    c.add_argument("--dutch-excel", action="store_true",
                   help="';' separators and decimal commas, as Dutch Excel expects")
    c.set_defaults(func=run_class)
