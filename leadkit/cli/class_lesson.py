"""A live lesson from one command, and the class picture as a file for the exam board.

- :func:`run_lesson` (``leadkit class lesson PATH``): opens the pool if it is not open yet,
  starts the learners' self-assessment app and the teacher's dashboard with Voilà, prints both
  addresses, and stops both on Ctrl-C.
- :func:`exam_csv` (``leadkit class close``): the class picture with what an exam board needs
  beside the numbers: the framework, the class, the date, how many learners shared, the
  element names and means in the language's format, and the privacy rule as a footer.

Examples
--------
>>> import pandas as pd
>>> view = pd.DataFrame({"element": ["build-trust"], "n": pd.array([4], dtype="Int64"),
...                      "mean": [3.555], "note": [""]})
>>> view.attrs["note"] = "Nothing about fewer than 3 people is shown."
>>> text = exam_csv(view, "agile-cmo", "pool", date=__import__("datetime").date(2026, 12, 7))
>>> print(text.splitlines()[6])
Build trust,4,3.56,
"""

from __future__ import annotations

import csv
import io
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date as Date
from pathlib import Path

import pandas as pd

from leadkit.i18n import N_, format_date, format_number, get_language, tr

__all__ = ["exam_csv", "view_text", "run_lesson", "start_lesson", "APPS"]

#: The two apps of a live lesson: the learners' and the teacher's.
APPS = ("90-app-self-assessment", "92-app-class-dashboard")

_T = {
    "framework": N_("Framework"),
    "class": N_("Class"),
    "date": N_("Date"),
    "shared": N_("Learners who shared (n)"),
    "element": N_("Element"),
    "n": N_("Learners (n)"),
    "mean": N_("Class mean (scale {low} to {high})"),
    "note": N_("Note"),
    "privacy": N_("Privacy"),
    "none": N_("fewer than {floor}"),
    "learners": N_("Learners, the self-assessment (a new tab for each learner): {url}"),
    "teacher": N_("Your screen, the live class picture: {url}"),
    "stop": N_("Both apps run until you press Ctrl-C here. After the lesson: leadkit class "
               "close {path}"),
    "no_notebooks": N_("The apps are notebooks of the kit's folder ({folder}); run this command "
                       "in a copy of the kit (git clone), not from an installed package."),
    "not_started": N_("Voilà did not start at {port}; its log is in {log}"),
}


def exam_csv(view: pd.DataFrame, framework: str, where: str, *, dutch_excel: bool = False,
             date: Date | None = None) -> str:
    """The class picture as CSV text with its context, in the current language.

    Parameters
    ----------
    view : pandas.DataFrame
        A class picture (:meth:`leadkit.ClassPool.view`): ``element``, ``n``, ``mean``,
        ``note``, with the privacy note in ``view.attrs["note"]``.
    framework : str
        The framework's id.
    where : str
        The pool's location; its last part names the class.
    dutch_excel : bool, default False
        Write ``;`` between fields and decimal commas (as Dutch Excel opens a CSV), with a
        byte-order mark so Excel reads the accents.
    date : datetime.date, optional
        The date written (default: today).

    Returns
    -------
    str
        The file's text.
    """
    from leadkit.content.frameworks import load_framework
    from leadkit.store.safe_output import neutralise_cell

    fw = load_framework(framework)
    low, high = fw.scale
    language = "nl" if dutch_excel else get_language()
    floor = int(view.attrs.get("floor", 3))
    counts = pd.to_numeric(view["n"], errors="coerce").dropna()
    shared = str(int(counts.max())) if len(counts) else tr(_T["none"]).format(floor=floor)
    name = Path(str(where).rstrip("/")).name or str(where)
    rows: list[list[object]] = [
        [tr(_T["framework"]), tr(fw.title)],
        [tr(_T["class"]), name],
        [tr(_T["date"]), format_date(date or Date.today())],
        [tr(_T["shared"]), shared],
        [],
        [tr(_T["element"]), tr(_T["n"]), tr(_T["mean"]).format(low=low, high=high),
         tr(_T["note"])],
    ]
    for r in view.itertuples(index=False):
        n = "" if pd.isna(r.n) else str(int(r.n))
        mean = "" if pd.isna(r.mean) else format_number(r.mean, 2, language=language)
        rows.append([fw.element(r.element).label, n, mean, r.note or ""])
    rows += [[], [tr(_T["privacy"]), view.attrs.get("note", "")]]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if dutch_excel else ",", lineterminator="\n")
    for row in rows:
        writer.writerow([neutralise_cell(c) for c in row])
    return ("\ufeff" if dutch_excel else "") + buffer.getvalue()


def view_text(view: pd.DataFrame, framework: str) -> str:
    """The class picture as a terminal table: element names, n and means in the language.

    Parameters
    ----------
    view : pandas.DataFrame
        A class picture (:meth:`leadkit.ClassPool.view`).
    framework : str
        The framework's id.

    Returns
    -------
    str
        The table, then the privacy note.
    """
    from leadkit.content.frameworks import load_framework

    fw = load_framework(framework)
    low, high = fw.scale
    head = [tr(_T["element"]), tr(_T["n"]), tr(_T["mean"]).format(low=low, high=high)]
    rows = [[fw.element(r.element).label, "–" if pd.isna(r.n) else str(int(r.n)),
             "–" if pd.isna(r.mean) else format_number(r.mean, 2)]
            + ([r.note] if r.note else []) for r in view.itertuples(index=False)]
    width = [max(len(str(x[i])) for x in [head, *rows]) for i in range(3)]
    lines = [f"{tr(fw.title)}", "  ".join(h.ljust(w) for h, w in zip(head, width, strict=True))]
    for row in rows:
        cells = [row[0].ljust(width[0]), row[1].rjust(width[1]), row[2].rjust(width[2])]
        lines.append("  ".join(cells + row[3:]).rstrip())
    return "\n".join([*lines, "", view.attrs.get("note", "")])


def _free(port: int) -> int:
    for candidate in range(port, port + 50):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            return candidate
    raise OSError(f"no free port from {port}")


def _notebooks() -> Path:
    return Path(__file__).resolve().parents[2] / "notebooks"


def _start(notebook: Path, port: int, language: str, env: dict[str, str], log: Path
           ) -> subprocess.Popen:
    with open(log, "wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "voila", str(notebook), "--no-browser",
             "--Voila.ip=127.0.0.1", f"--port={port}",
             f"--HTMLExporter.language_code={language}"],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def _wait(url: str, proc: subprocess.Popen, timeout: float = 120) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            urllib.request.urlopen(f"{url}/voila/static/favicon.ico", timeout=2).close()
            return True
        except OSError:
            time.sleep(0.3)
    return False


def start_lesson(path: str, framework: str, port: int = 8866
                 ) -> tuple[list[subprocess.Popen], list[str]]:
    """Start the learners' app and the dashboard on the pool ``path``; wait until both answer.

    Parameters
    ----------
    path : str
        The class pool (opened already: ``leadkit class open``).
    framework : str
        The framework of the self-assessment and the dashboard.
    port : int, default 8866
        The learners' app's port (or the next free one); the dashboard takes the next free one.

    Returns
    -------
    processes : list of subprocess.Popen
        The two Voilà servers, each in its own process group.
    urls : list of str
        Their addresses, the learners' first.

    Raises
    ------
    LeadkitError
        The apps are not there (an installed package, not a copy of the kit) or one did not
        start.
    """
    import tempfile

    from leadkit.errors import LeadkitError

    language = get_language()
    folder = _notebooks() / language
    if not (folder / f"{APPS[0]}-{language}.ipynb").is_file():
        raise LeadkitError(tr(_T["no_notebooks"]).format(folder=folder))
    env = {**os.environ, "LEADKIT_CLASS_POOL": str(Path(path).expanduser().resolve()),
           "LEADKIT_CLASS_FRAMEWORK": framework, "LEADKIT_LANG": language}
    logs = Path(tempfile.mkdtemp(prefix="leadkit-lesson-"))
    procs: list[subprocess.Popen] = []
    urls: list[str] = []
    free = _free(port)
    for app in APPS:
        notebook = folder / f"{app}-{language}.ipynb"
        procs.append(_start(notebook, free, language, env, logs / f"{app}.log"))
        urls.append(f"http://127.0.0.1:{free}/")
        free = _free(free + 1)
    for proc, url in zip(procs, urls, strict=True):
        if not _wait(url.rstrip("/"), proc):
            for each in procs:
                _stop(each)
            raise LeadkitError(tr(_T["not_started"]).format(port=url, log=logs))
    return procs, urls


def run_lesson(path: str, framework: str, port: int = 8866) -> int:
    """Run a live lesson: both apps, their addresses printed, until Ctrl-C.

    Parameters
    ----------
    path : str
        The class pool.
    framework : str
        The framework of the self-assessment and the dashboard.
    port : int, default 8866
        The learners' app's port; the dashboard takes the next free one.

    Returns
    -------
    int
        The exit code (0 after Ctrl-C).
    """
    procs, urls = start_lesson(path, framework, port)
    try:
        print(tr(_T["learners"]).format(url=urls[0]))
        print(tr(_T["teacher"]).format(url=urls[1]))
        print(tr(_T["stop"]).format(path=path), flush=True)
        while all(proc.poll() is None for proc in procs):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        for proc in procs:
            _stop(proc)
    return 0


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=15)
