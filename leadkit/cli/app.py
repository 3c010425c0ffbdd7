"""The ``leadkit`` command: check and score a survey file, and the learner/teacher commands.

::

    leadkit validate FILE --framework ID            # only check; list every problem
    leadkit score FILE --framework ID --out scores.csv [--report report.html]
    leadkit score EXPORT --keys keys.yaml --out scores.csv [--columns map.csv] [--respondent COL]

FILE may be any export :func:`~leadkit.survey.io.survey.read_survey` recognises (Qualtrics,
Google Forms, Microsoft Forms, LimeSurvey, SPSS, Stata, a spreadsheet).

Exit codes: 0 when all is well, 2 for a problem in the input (the message names the file,
the row and the column and says what was expected), 1 for an unexpected error. A Python
traceback is shown only with the environment variable ``LEADKIT_DEBUG=1``.

Examples
--------
>>> run(["validate", "no-such-file.csv", "--framework", "agile-cmo"])
2
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

from leadkit.cli import class_pool as cli_class_pool
from leadkit.cli import hub_link as cli_hub
from leadkit.cli import learner as cli_learner
from leadkit.content.frameworks import load_framework, load_instrument
from leadkit.content.instrument import Instrument
from leadkit.errors import FrameworkFileError, InputError, LeadkitError
from leadkit.i18n import LANGUAGES, ngettext, set_language, tr

__all__ = ["run", "build_parser", "printable", "MAX_SHOWN"]

#: How many problems ``validate`` prints before "… and N more".
MAX_SHOWN = 20


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help=tr("the response file or survey export (.csv, .tsv, .xlsx, .ods, "
                                   ".sav, .dta …)"))
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--framework", "-f",
                       help=tr("framework id (e.g. agile-cmo) or the path of a framework .yaml"))
    which.add_argument("--keys", "-k", metavar="KEYS.yaml",
                       help=tr("your own instrument: a YAML file with scale: and scales: (psych "
                               "keys, a minus for a reverse-keyed item)"))
    p.add_argument("--columns", metavar="MAP.csv", default=None,
                   help=tr("a CSV file of two columns, the file's column and the item id it "
                           "holds, to rename columns"))
    p.add_argument("--respondent", metavar="COLUMN", default=None,
                   help=tr("the column that holds the respondent id"))
    p.add_argument("--sheet", default=None,
                   help=tr("the worksheet of an Excel file, by name or number (default: the "
                           "first)"))
    p.add_argument("--ignore-column", action="append", default=[], metavar="NAME",
                   help=tr("a column to leave out, such as a name or timestamp (repeatable)"))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``leadkit`` command, with help in the current language.

    Returns
    -------
    argparse.ArgumentParser
        The parser with the ``validate``, ``score`` and the other subcommands; each sets
        ``func`` to its handler.

    Examples
    --------
    >>> build_parser().prog
    'leadkit'
    """
    parser = argparse.ArgumentParser(
        prog="leadkit", description=tr("leadkit: leadership in marketing and customer teams — "
                                       "survey tools"))
    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help=tr("language of the messages (en or nl)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    v = sub.add_parser("validate", help=tr("check a response file and list every problem"))
    _common(v)
    v.set_defaults(func=_validate)
    s = sub.add_parser("score", help=tr("score a response file: tidy scores and an HTML report"))
    _common(s)
    s.add_argument("--out", required=True,
                   help=tr("where to write the scores (.csv or .xlsx)"))
    s.add_argument("--report", default=None,
                   help=tr("also write an HTML report to this file"))
    s.add_argument("--min-share", type=float, default=0.5,
                   help=tr("smallest share of an element's items that must be answered (default "
                           "0.5)"))
    s.add_argument("--floor", type=int, default=3,
                   help=tr("smallest 360 rater group shown on its own (3 or more)"))
    s.add_argument("--wide", action="store_true",
                   help=tr("one row per respondent and one column per element (as SPSS and R "
                           "psych::scoreItems) instead of one row per respondent and element"))
    s.add_argument("--dutch-excel", action="store_true",
                   help=tr("write the CSV with ';' and decimal commas, as Dutch Excel expects"))
    s.add_argument("--full-precision", action="store_true",
                   help=tr("write scores with every digit instead of two decimals (for further "
                           "analysis)"))
    s.set_defaults(func=_score)
    cli_learner.register(sub)
    cli_hub.register(sub)
    # --lang is accepted after the subcommand as well ("leadkit portfolio ... --lang nl").
    for subparser in sub.choices.values():
        subparser.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                               help=tr("language of the messages and files (en or nl; default: "
                                       "LEADKIT_LANG)"))
    return parser


def _framework(args: argparse.Namespace) -> Instrument:
    """The instrument of ``--framework`` or ``--keys``."""
    if args.keys is not None:
        if not Path(args.keys).is_file():
            raise InputError(args.keys, tr("the keys file does not exist"),
                             expected=tr("a YAML file with scale: and scales:"))
        return load_instrument(Path(args.keys))
    try:
        return load_framework(args.framework)
    except KeyError as err:  # an unknown id: the message lists the kit's frameworks
        raise InputError(args.framework, str(err.args[0])) from None


def _column_map(path: str | None) -> dict[str, str] | None:
    """The ``--columns`` file: one line per column, the file's name then the item id."""
    if path is None:
        return None
    import csv

    name = Path(path).name
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raise InputError(name, tr("the file cannot be read as UTF-8 text"),
                         expected=tr("a CSV file of two columns: column,item")) from None
    delimiter = ";" if text.count(";") > text.count(",") else ","
    mapping: dict[str, str] = {}
    for n, rec in enumerate(csv.reader(text.splitlines(), delimiter=delimiter), 1):
        cells = [c.strip() for c in rec]
        if not any(cells) or (n == 1 and [c.lower() for c in cells[:2]] == ["column", "item"]):
            continue
        if len(cells) != 2 or not all(cells):
            raise InputError(name, tr("the line has {n} values").format(n=len(cells)), row=n,
                             expected=tr("two values: the file's column and the item id"))
        mapping[cells[0]] = cells[1]
    return mapping


def _read(args: argparse.Namespace, fw: Instrument,
          keep_answers: bool = True) -> tuple[pd.DataFrame | None, list, list]:
    """Read once, with every problem collected and warnings kept for printing."""
    from leadkit.survey.io.responses import warn_empty
    from leadkit.survey.io.survey import load_survey

    if not args.lang_chosen:  # no --lang, no LEADKIT_LANG: speak the language of the labels
        from leadkit.survey.io.table_check import label_language

        if (spoken := label_language(args.file, fw)) in LANGUAGES:
            set_language(spoken)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UserWarning)
        table, problems, name, notes = load_survey(
            args.file, fw, columns=_column_map(args.columns), respondent=args.respondent,
            sheet=args.sheet, ignore=args.ignore_column, keep_answers=keep_answers)
        if not problems:
            warn_empty(table, fw, name)
    notes += [str(w.message) for w in caught if issubclass(w.category, UserWarning)]
    return (None if problems else table), problems, notes


def printable(text: str) -> str:
    """Text from a file made safe to print: control, format and broken characters escaped.

    A cell may hold terminal escapes (``\\x1b[2J`` clears the screen), direction overrides
    (U+202E turns the rest of a line around) or a lone surrogate, which would crash the
    printing itself; each is shown as its code instead.

    Parameters
    ----------
    text : str
        A message that may quote a file's cells.

    Returns
    -------
    str
        The same text with every such character written as ``\\x1b``, ``\\u202e`` ….

    Examples
    --------
    >>> printable("ann\\x1b[31m red \\u202eevil")
    'ann\\\\x1b[31m red \\\\u202eevil'
    """
    import unicodedata

    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def _print_problems(problems: list[InputError], file: str) -> None:
    n = getattr(problems, "total", len(problems))
    print(ngettext("{file}: {n} problem found:", "{file}: {n} problems found:", n).format(
        file=printable(file), n=n), file=sys.stderr)
    for problem in problems[:MAX_SHOWN]:
        print(f"  - {printable(str(problem))}", file=sys.stderr)
    if n > MAX_SHOWN:
        more = n - min(MAX_SHOWN, len(problems))
        print(tr("  … and {more} more").format(more=more), file=sys.stderr)


def _validate(args: argparse.Namespace) -> int:
    fw = _framework(args)
    table, problems, notes = _read(args, fw, keep_answers=False)  # only checked: answers not kept
    name = Path(args.file).name
    for note in notes:
        print(printable(tr("warning: {note}").format(note=note)), file=sys.stderr)
    if problems:
        _print_problems(problems, name)
        return 2
    assert table is not None
    n = len(table)
    print(printable(ngettext("{name}: OK — {n} row, {items} items of '{id}'",
                             "{name}: OK — {n} rows, {items} items of '{id}'", n).format(
        name=name, n=n, items=len(fw.items), id=fw.id)))
    return 0


_EXCEL_ROWS = 1_048_576  # the most rows an Excel sheet holds, the header included


def _named(scores: pd.DataFrame, fw: Instrument, decimals: int | None) -> pd.DataFrame:
    """``scores`` as a reader wants them: element names beside the ids, rounded values."""
    if "element" in scores.columns:  # tidy: the name of each element in the file's language
        names = {element.id: element.label for element in fw.elements}
        at = scores.columns.get_loc("element") + 1
        scores = scores.copy()
        scores.insert(at, "element_name", scores["element"].map(names))
    if decimals is not None:
        floats = scores.select_dtypes("float").columns
        scores[floats] = scores[floats].round(decimals)
    return scores


def _write_scores(table: pd.DataFrame, fw: Instrument, path: Path, args: argparse.Namespace
                  ) -> int:
    """Write the scores of ``table``; return how many rows were written."""
    from leadkit.store.safe_output import neutralise_frame, write_csv
    from leadkit.survey.scoring import iter_scores, score, wide_scores

    # Two decimals by default: 3.33 is what a reader compares; a 5-point mean of a few items
    # has no meaningful third decimal. --full-precision keeps every digit for further analysis.
    decimals = None if args.full_precision else 2
    if path.suffix.lower() == ".xlsx":
        if args.wide:
            scores = pd.concat(list(wide_scores(table, fw, min_share=args.min_share)))
            neutralise_frame(_named(scores, fw, decimals)).to_excel(path, index=False)
            return len(scores) * len(fw.elements)
        if len(table) * len(fw.elements) >= _EXCEL_ROWS:
            raise InputError(str(path),
                             tr("{value:,} score rows do not fit in an Excel sheet").format(
                                            value=len(table) * len(fw.elements)),
                expected=tr("a .csv file for --out"))
        scores = _named(score(table, fw, min_share=args.min_share), fw, decimals)
        neutralise_frame(scores).to_excel(path, index=False)  # "=HYPERLINK(…)" stays text
        return len(scores)
    counted = []
    blocks = wide_scores if args.wide else iter_scores

    def pieces():  # scored and written a block at a time: never all in memory at once
        for part in blocks(table, fw, min_share=args.min_share):
            counted.append(len(part) * (len(fw.elements) if args.wide else 1))
            yield _named(part, fw, None)

    write_csv(pieces(), path, dutch_excel=args.dutch_excel, decimals=decimals)
    return sum(counted)


def _score(args: argparse.Namespace) -> int:
    if not 0 < args.min_share <= 1:
        raise InputError("--min-share", tr("{min_share} is not a share").format(
                                            min_share=args.min_share),
                         expected=tr("a number above 0 and at most 1, e.g. 0.5"))
    if args.floor < 3:
        raise InputError("--floor", tr("{floor} raters could be recognised").format(
                                        floor=args.floor),
                         expected=tr("3 or more"))
    fw = _framework(args)
    table, problems, notes = _read(args, fw)
    for note in notes:
        print(printable(tr("warning: {note}").format(note=note)), file=sys.stderr)
    if problems:
        _print_problems(problems, Path(args.file).name)
        return 2
    out = Path(args.out)
    n = _write_scores(table, fw, out, args)
    print(tr("wrote {out} ({n} scores)").format(out=out, n=n))
    from leadkit.survey.scoring import share_note

    if note := share_note(table, fw, min_share=args.min_share):
        print(tr("note: {note}").format(note=note))
    if args.report:
        from leadkit.render.report import write_report

        path = write_report(table, fw, args.report, min_share=args.min_share, floor=args.floor)
        print(tr("wrote {path}").format(path=path))
    return 0


def _run(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        return func(args)
    except (InputError, FrameworkFileError) as err:
        print(printable(tr("leadkit: {err}").format(err=err)), file=sys.stderr)
        return 2
    except OSError as err:  # an output folder that does not exist, a file open in Excel, …
        where = err.filename or ""
        print(tr("leadkit: cannot write or read {where}: {strerror}").format(
                  where=where, strerror=err.strerror),
              file=sys.stderr)
        return 2
    except LeadkitError as err:
        print(printable(f"leadkit: {err}"), file=sys.stderr)
        return 2
    except Exception as err:  # noqa: BLE001 - the last safety net of a command-line tool
        if os.environ.get("LEADKIT_DEBUG"):
            traceback.print_exc()
        print(printable(tr("leadkit: unexpected error ({name__}: {err}). Please report it with "
                           "the command you ran; LEADKIT_DEBUG=1 shows the details.").format(
                  name__=type(err).__name__, err=err)), file=sys.stderr)
        return 1


def run(argv: Sequence[str] | None = None) -> int:
    """Run the ``leadkit`` command with ``argv`` (default: the command line); return the code.

    Parameters
    ----------
    argv : sequence of str, optional
        The arguments after the program name. Default ``None`` takes ``sys.argv[1:]``.

    Returns
    -------
    int
        The exit code: 0 on success, 2 for no command or a problem with the input, or the
        code argparse gives (0 after ``--help``).

    Examples
    --------
    >>> run(["--lang", "en"])  # doctest: +ELLIPSIS
    usage: leadkit ...
    2
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    # The language comes first so that the help texts themselves are in it.
    # Given anywhere on the line, or else LEADKIT_LANG: the language of every message and file.
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", default=None)
    known, _ = pre.parse_known_args(argv)
    env = os.environ.get("LEADKIT_LANG", "").strip().lower()[:2]
    chosen = known.lang or (env if env in LANGUAGES else None)
    if chosen in LANGUAGES:  # anything else is refused by the full parser below
        set_language(chosen)
    if cli_class_pool.wants(argv):  # 'leadkit class open|view|close': the live class pool
        try:
            pool_args = cli_class_pool.parse(argv)
        except SystemExit as stop:
            return int(stop.code or 0)
        return _run(cli_class_pool.run, pool_args)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse has printed its usage message
        return int(stop.code or 0)
    if getattr(args, "func", None) is None:
        parser.print_help()
        return 2
    args.lang_chosen = chosen in LANGUAGES
    return _run(args.func, args)
