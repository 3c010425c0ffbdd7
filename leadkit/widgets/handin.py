"""Hand in from the notebook: "Make my portfolio" writes the portfolio and the hand-in bundle.

No terminal needed. The learner types their student number and presses the button; the widget
checks the number before it writes anything, then writes two files into the notebook's folder
(the learner's own folder on JupyterHub):

- ``portfolio-<number>.html``, every reflection and profile, in the notebook's language;
- ``bundle-<number>.json``, what the teacher collects (only entries marked *share with my
  teacher* carry their text);

and shows a download link to each. The logic is :mod:`leadkit.render.portfolio`; this is its face.
"""

from __future__ import annotations

import base64
import html
import os
from pathlib import Path

import ipywidgets as w

from leadkit.docparams import shared_params
from leadkit.errors import LeadkitError
from leadkit.i18n import N_, get_language, on_language_change, tr
from leadkit.store.journal import Journal, learner_id_problem
from leadkit.widgets._common import wrap_options

__all__ = ["hand_in", "hand_in_files"]

_T = {
    "title": N_("Hand in: make my portfolio"),
    "intro": N_("Type your student number and press the button. Your portfolio (all your "
                "reflections and profiles) and your hand-in file for your teacher are written "
                "into this notebook's folder; download them with the links."),
    "number": N_("Student number"),
    "placeholder": N_("e.g. s2501030"),
    "button": N_("Make my portfolio"),
    "tip": N_("Write the portfolio and the hand-in file"),
    "bad": N_("Not written: check your student number — {why}."),
    "done": N_("Done. Download and hand in:"),
    "portfolio": N_("your portfolio"),
    "bundle": N_("the hand-in file for your teacher"),
    "private": N_("{n} private reflections are in your portfolio only, not in the hand-in file."),
    "failed": N_("Not written: {error}"),
}


@shared_params
def hand_in_files(journal: Journal, learner: str, folder: str | os.PathLike[str]
                  ) -> tuple[Path, Path]:
    """Write ``portfolio-<learner>.html`` and ``bundle-<learner>.json`` into ``folder``.

    The learner id is checked first: with a bad id nothing is written. The portfolio is in the
    current language, which is also recorded in the journal for later exports.

    Parameters
    ----------
    %(journal)s
    learner : str
        The learner id (see :func:`leadkit.store.journal.learner_id_problem`).
    folder : str or path-like
        The folder to write the two files into.

    Returns
    -------
    portfolio : pathlib.Path
        The HTML portfolio.
    bundle : pathlib.Path
        The JSON bundle for the teacher.

    Raises
    ------
    LeadkitError
        The learner id is not usable; nothing is written.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> portfolio, bundle = hand_in_files(Journal(folder), "s1001", folder)
    >>> portfolio.name, bundle.name
    ('portfolio-s1001.html', 'bundle-s1001.json')
    """
    from leadkit.render.portfolio import write_portfolio
    from leadkit.store.bundle import export_bundle

    problem = learner_id_problem(learner)
    if problem:
        raise LeadkitError(tr(_T["bad"]).format(why=tr(problem)))
    learner = learner.strip()
    journal.learner = learner
    journal.language = get_language()
    folder = Path(folder)
    bundle = export_bundle(journal, folder / f"bundle-{learner}.json", learner=learner)
    portfolio = write_portfolio(journal, folder / f"portfolio-{learner}.html")
    return portfolio, bundle


_MIME = {".html": "text/html", ".json": "application/json"}


def _link(path: Path, folder: Path, label: str) -> str:
    # The file itself travels in the link (a data URL), so the download works the same in
    # JupyterLab, Voilà and on JupyterHub, whatever address the server has; the file is also in
    # the notebook's folder, under the name shown.
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    mime = _MIME.get(path.suffix, "application/octet-stream")
    rel = os.path.relpath(path, folder).replace(os.sep, "/")
    return (f"<li><a href='data:{mime};base64,{data}' download='{html.escape(path.name)}' "
            f"data-file='{html.escape(rel, quote=True)}' style='color: var(--jp-content-link-"
            f"color, #1565c0); text-decoration: underline'>{html.escape(path.name)}</a> — "
            f"{html.escape(label)}</li>")


def hand_in(*, journal: Journal | None = None,
            folder: str | os.PathLike[str] | None = None) -> w.VBox:
    """The "Make my portfolio" widget (see the module text).

    Parameters
    ----------
    journal : Journal, optional
        Default: the learner's own journal.
    folder : path, optional
        Where the files go. Default: the current folder, which in a notebook is its folder.

    Returns
    -------
    ipywidgets.VBox
        With handles ``number`` (Text), ``button``, ``status`` (HTML) and, after a click,
        ``files`` (the two paths written).
    """
    journal = journal if journal is not None else Journal()
    where = Path(folder) if folder is not None else Path.cwd()
    heading, intro = w.HTML(), w.HTML()
    number = w.Text(value=journal.learner or "", style={"description_width": "initial"},
                    layout=w.Layout(width="28em"))
    button = w.Button(button_style="primary", icon="file", layout=w.Layout(width="auto"))
    status = w.HTML()
    box = w.VBox([heading, intro, number, button, status])
    box.number, box.button, box.status, box.files = number, button, status, None

    def on_click(_b=None) -> None:
        try:
            portfolio, bundle = hand_in_files(journal, number.value, where)
        except LeadkitError as exc:
            status.value = f"<p role='status'>✘ {html.escape(str(exc))}</p>"
            return
        except OSError as exc:
            status.value = (f"<p role='status'>✘ "
                            f"{html.escape(tr(_T['failed']).format(error=exc))}</p>")
            return
        box.files = (portfolio, bundle)
        box.private = int((~journal.entries()["share_with_teacher"]).sum())
        show_done()

    def show_done() -> None:
        portfolio, bundle = box.files
        note = (f"<p><small>{html.escape(tr(_T['private']).format(n=box.private))}</small></p>"
                if box.private else "")
        status.value = (f"<p role='status'>✔ {html.escape(tr(_T['done']))}</p><ul>"
                        + _link(portfolio, where, tr(_T["portfolio"]))
                        + _link(bundle, where, tr(_T["bundle"])) + "</ul>" + note)

    def relabel(_language: str | None = None) -> None:
        heading.value = f"<h4>{html.escape(tr(_T['title']))}</h4>"
        intro.value = f"<p>{html.escape(tr(_T['intro']))}</p>"
        number.description = tr(_T["number"])
        number.placeholder = tr(_T["placeholder"])
        button.description, button.tooltip = tr(_T["button"]), tr(_T["tip"])
        if box.files is not None:  # re-word the message; the files stay as they were written
            show_done()

    button.on_click(on_click)
    relabel()
    on_language_change(relabel)
    return wrap_options(box)
