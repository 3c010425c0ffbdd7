"""The teacher's class pool commands: ``leadkit class open|lesson|view|close``.

::

    leadkit class open PATH [--roster roster.csv] [--floor 3]   # make the pool
    leadkit class lesson PATH [--framework ID]                  # both apps, their addresses
    leadkit class view PATH --framework ID                      # the anonymised picture
    leadkit class close PATH [--out FOLDER] [--dutch-excel]     # export, then archive

``--lang nl`` may stand anywhere on the line (``leadkit --lang nl class view …``).

``PATH`` is a folder or the hub service (``hub-service://classpool`` or its URL). The older
``leadkit class FOLDER --salt-file … --out …`` (the summary of hand-in bundles) goes on as
before: :func:`wants` sends a line here only when the word after ``class`` is one of these
commands and it has no ``--salt-file``.

Examples
--------
>>> wants(["class", "open", "pool/"]), wants(["class", "bundles/", "--salt-file", "s.txt"])
(True, False)
>>> parse(["class", "view", "pool/", "--framework", "agile-cmo"]).action
'view'
>>> parse(["--lang", "nl", "class", "view", "pool/", "-f", "agile-cmo"]).path
'pool/'
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from leadkit.i18n import LANGUAGES, tr

__all__ = ["ACTIONS", "wants", "parse", "run", "write_codes"]

#: The words after ``leadkit class`` that mean the class pool.
ACTIONS = ("open", "lesson", "view", "close")


def _words(argv: Sequence[str]) -> list[str]:
    out, skip = [], False
    for word in argv:
        if skip:
            skip = False
        elif word == "--lang":
            skip = True
        elif not word.startswith("--lang="):
            out.append(word)
    return out


def wants(argv: Sequence[str]) -> bool:
    """Whether a command line is ``leadkit class open|view|close …``.

    Parameters
    ----------
    argv : Sequence[str]
        The command line after the program name.

    Returns
    -------
    bool
        True for ``class open``, ``class view`` and ``class close``; the older
        ``class FOLDER`` summary is left to its own handler.
    """
    words = _words(argv)
    return (len(words) >= 2 and words[0] == "class" and words[1] in ACTIONS
            and "--salt-file" not in words)


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """Parse ``class ACTION PATH …`` (argparse exits with its usage on a mistake).

    Parameters
    ----------
    argv : Sequence[str]
        The command line after the program name, starting with ``class``.

    Returns
    -------
    argparse.Namespace
        ``action``, ``path`` and the options of that action.
    """
    parser = argparse.ArgumentParser(prog="leadkit class", description=tr("the live class pool: "
                                                                          "learners share element "
                                                                          "scores, everyone sees "
                                                                          "the "
                                                                          "anonymised class "
                                                                          "picture"))
    parser.add_argument("--lang", choices=LANGUAGES, default=None)
    sub = parser.add_subparsers(dest="action", required=True)
    o = sub.add_parser("open", help=tr("make a class pool"))
    o.add_argument("path", help=tr("a folder, or hub-service://classpool"))
    o.add_argument("--roster", default=None,
                   help=tr("CSV or text file with one learner id per line"))
    o.add_argument("--floor", type=int, default=3,
                   help=tr("smallest group shown (3 or more)"))
    o.add_argument("--codes-out", default=None,
                   help=tr("where to write the learners' codes of a folder pool with a roster "
                           "(default: class-codes-DATE.csv here; only you can read it)"))
    le = sub.add_parser("lesson", help=tr("start the learners' app and your dashboard on the "
                                          "pool and print both addresses"))
    le.add_argument("path")
    le.add_argument("--framework", "-f", default="agile-cmo")
    le.add_argument("--port", type=int, default=8866,
                    help=tr("the learners' app's port; the dashboard takes the next free one"))
    v = sub.add_parser("view", help=tr("show the anonymised class picture"))
    v.add_argument("path")
    v.add_argument("--framework", "-f", required=True)
    c = sub.add_parser("close", help=tr("export the class picture, then archive the pool"))
    c.add_argument("path")
    c.add_argument("--out", default=None,
                   help=tr("folder for the exported CSV files (default: the pool's folder, or "
                           "the current folder for the hub service)"))
    c.add_argument("--dutch-excel", action="store_true",
                   help=tr("write the CSV with ';' and decimal commas, as Dutch Excel expects"))
    for each in (o, le, v, c):  # --lang is accepted after the command as well
        each.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS)
    words = list(argv)
    words.remove("class")  # wherever it stands: "--lang nl class view …" as well
    return parser.parse_args(words)


def write_codes(codes: dict[str, str], path: str | None = None) -> Path:
    """Write the learners' codes to a CSV file that only its owner can read.

    Parameters
    ----------
    codes : dict of str to str
        Learner id to code, as :meth:`leadkit.ClassPool.create` made them.
    path : str, optional
        The file; default ``class-codes-<date>.csv`` in the current folder.

    Returns
    -------
    pathlib.Path
        The file written (mode 0600, never overwritten).

    Raises
    ------
    LeadkitError
        The file exists already.

    Examples
    --------
    >>> import os, tempfile
    >>> where = write_codes({"s1": "ABCD-EFGH"}, os.path.join(tempfile.mkdtemp(), "codes.csv"))
    >>> oct(where.stat().st_mode & 0o777), where.read_text().splitlines()
    ('0o600', ['learner,code', 's1,ABCD-EFGH'])
    """
    from leadkit.errors import LeadkitError
    from leadkit.store.safe_output import write_private_text

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = Path(path or f"class-codes-{stamp}.csv").expanduser()
    text = "learner,code\n" + "".join(f"{k},{c}\n" for k, c in sorted(codes.items()))
    try:
        write_private_text(target, text, exclusive=True)
    except FileExistsError:
        raise LeadkitError(tr("{path} exists already; the codes were not written over it. "
                              "Give another file with --codes-out.").format(path=target)) from None
    return target


def run(args: argparse.Namespace) -> int:
    """Carry out ``open``, ``lesson``, ``view`` or ``close``; return the exit code (errors raise).

    Parameters
    ----------
    args : argparse.Namespace
        What :func:`parse` returned.

    Returns
    -------
    int
        The exit code: 0 when the action was carried out.
    """
    from leadkit.classpool.pool import ClassPool

    if args.action == "open":
        pool = ClassPool.create(args.path, roster=args.roster, floor=args.floor)
        print(tr("class pool open at {path} (floor {floor}); learners share to "
                 "ClassPool({path!r})").format(
                  path=args.path, floor=pool.floor))
        if pool.codes:
            where = write_codes(pool.codes, args.codes_out)
            print(tr("each learner's code is in {where}: hand every learner their own; a share "
                     "needs it. Only you can read the file.").format(where=where))
        return 0
    if args.action == "lesson":
        from leadkit.cli.class_lesson import run_lesson

        return run_lesson(args.path, args.framework, args.port)
    pool = ClassPool(args.path)
    if args.action == "view":
        from leadkit.cli.class_lesson import view_text

        print(view_text(pool.view(args.framework), args.framework))
        return 0
    views = pool.close()
    folder = pool.kind == "folder"
    out = Path(args.out or (args.path if folder else ".")).expanduser()
    out.mkdir(parents=True, exist_ok=True)
    from leadkit.cli.class_lesson import exam_csv
    from leadkit.store.safe_output import write_text_atomically

    for framework, view in views.items():
        # Ready for an exam board: names, means in the language's format, the framework,
        # the class, the date, n and the privacy rule.
        path = out / f"class-view-{framework}.csv"
        write_text_atomically(path, exam_csv(view, framework, str(args.path),
                                             dutch_excel=args.dutch_excel))
        print(tr("wrote {path}").format(path=path))
    kept = pool.archive()
    if kept:
        print(tr("the pool is closed; its shares are kept in {kept}").format(kept=kept))
    else:
        print(tr("the pool is closed; opening it again starts a new lesson"))
    return 0
