"""The live class: a learner's "Share with my class" switch and the teacher's class dashboard.

Thin faces over :class:`leadkit.classpool.pool.ClassPool`. :func:`class_share` sits under the
self-assessment: off by default, it says exactly what is shared (element scores, never answers
or texts); once on, each Score shares the latest scores and the learner's profile is shown
against the live class as soon as the floor is reached ("waiting for 3 classmates" before).
:func:`class_dashboard` shows the anonymised class picture and refreshes itself while the
lesson runs. Both refresh on a timer of the kernel's own event loop: no thread, no sleep.

Examples
--------
>>> import tempfile, leadkit as lk
>>> from leadkit.classpool.pool import ClassPool
>>> where = tempfile.mkdtemp()
>>> _ = ClassPool.create(where)
>>> box = class_share(where, "agile-cmo", learner="s1")
>>> box.switch.value
False
>>> board = class_dashboard(where, "agile-cmo")
>>> "waiting" in board.table.value.lower()
True
"""

from __future__ import annotations

import html
import math
import os
from pathlib import Path
from typing import Any

import ipywidgets as w
import pandas as pd

from leadkit.content.frameworks import load_framework
from leadkit.errors import LeadkitError
from leadkit.i18n import N_, format_number, tr
from leadkit.widgets._common import wrap_options
from leadkit.widgets._web import LiveText

__all__ = ["class_share", "class_dashboard"]

_T = {
    "switch": N_("Share with my class"),
    "what": N_("When this is on, your element scores (one number per element) go to the class "
               "pool, under your learner id. Never your answers to the statements, never "
               "anything you wrote. Classmates and the teacher see only the class picture: how "
               "many shared and the mean, and nothing for fewer than {floor} learners. Sharing "
               "again replaces your earlier scores; turning it off shares nothing more."),
    "learner": N_("Learner id"),
    "code": N_("Code from your teacher"),
    "need_id": N_("Fill in your learner id first; nothing was shared."),
    "score_first": N_("Press Score first: then your scores are shared."),
    "shared": N_("Your element scores are shared with the class."),
    "failed": N_("Not shared: {error}. Your answers and scores stay here."),
    "waiting": N_("Waiting for {floor} classmates to share."),
    "element": N_("Element"),
    "you": N_("You"),
    "class": N_("Class mean"),
    "n": N_("Learners"),
    "refresh": N_("Refresh"),
    "pause": N_("Pause the refresh"),
    "resume": N_("Resume the refresh"),
    "every": N_("The picture refreshes itself every {n} seconds."),
    "paused": N_("Paused: the picture changes only when you press Refresh."),
    "title": N_("Live class picture"),
    "unreadable": N_("The class pool cannot be read: {error}"),
    "folder_limits": N_("This class pool is a shared folder. Everyone who may write to it can "
                        "also read its file, raw scores included, and could change it with "
                        "their own tools, past the kit and its codes. Where that is not "
                        "acceptable, use the class pool service on the hub."),
    "no_roster": N_("It was opened without a roster: anyone who can write to the folder can "
                    "share under any learner id, also one that is not theirs."),
}


def _folder_limits(needs_code: bool) -> str:
    """What a shared-folder pool cannot prevent, said where the teacher looks (HTML).

    >>> print(_folder_limits(True))  # doctest: +ELLIPSIS
    <p><small>This class pool is a shared folder. ... on the hub.</small></p>
    """
    text = tr(_T["folder_limits"]) + ("" if needs_code else " " + tr(_T["no_roster"]))
    return f"<p><small>{html.escape(text)}</small></p>"


class _Ticker:
    """Calls ``action`` every ``seconds`` on the kernel's own event loop (no thread, no sleep).

    A kernel (Jupyter, Voilà) runs that loop between cells, so the widget refreshes while the
    lesson runs; in plain Python (tests, scripts) the loop never runs and :meth:`tick` is called
    by hand instead.
    """

    def __init__(self, seconds: float, action) -> None:
        self.seconds, self.action = seconds, action
        self._timer: Any = None  # a tornado PeriodicCallback once started
        self.ticks = 0

    def tick(self) -> None:
        self.ticks += 1
        self.action()

    def start(self) -> None:
        if self._timer is None and self.seconds > 0:
            from tornado.ioloop import PeriodicCallback

            self._timer = PeriodicCallback(self.tick, self.seconds * 1000)
            self._timer.start()

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    @property
    def running(self) -> bool:
        return self._timer is not None


def _mean_text(view_row: pd.Series, floor: int) -> str:
    if pd.isna(view_row["n"]):
        return tr(_T["waiting"]).format(floor=floor)
    if math.isnan(view_row["mean"]):
        return view_row["note"]
    return f"{format_number(view_row['mean'], 2)} (n = {int(view_row['n'])})"


def _bar(mean: float, scale: tuple[int, int]) -> str:
    if math.isnan(mean):
        return ""
    share = (mean - scale[0]) / (scale[1] - scale[0])
    return (f'<div style="background:#1f6f8b;height:0.8em;width:{share * 10:.1f}em;'
            'margin-top:2px" aria-hidden="true"></div>')


def _view_html(view: pd.DataFrame, fw, you: pd.DataFrame | None = None) -> str:
    floor = int(view.attrs.get("floor", 3))
    head = [tr(_T["element"]), *([tr(_T["you"])] if you is not None else []), tr(_T["class"])]
    mine = {} if you is None else dict(zip(you["element"], you["score"], strict=True))
    rows = []
    for r in view.itertuples(index=False):
        row = pd.Series(r._asdict())
        cells = [html.escape(fw.element(r.element).label)]
        if you is not None:
            score = mine.get(r.element)
            cells.append("–" if score is None or pd.isna(score) else format_number(score, 2))
        # The bar only repeats the number beside it (hidden from screen readers).
        cells.append(html.escape(_mean_text(row, floor)) + _bar(r.mean, fw.scale))
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    waiting = ""
    if view["n"].isna().all():
        waiting = f"<p><b>{html.escape(tr(_T['waiting']).format(floor=floor))}</b></p>"
    caption = f"<caption>{html.escape(tr(_T['title']))}: {html.escape(tr(fw.title))}</caption>"
    return (waiting + f"<table class='lk-wrap-table'>{caption}<thead><tr>"
            + "".join(f"<th>{html.escape(h)}</th>" for h in head)
            + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
            + f"<p><small>{html.escape(view.attrs.get('note', ''))}</small></p>")


def _default_learner() -> str:
    return os.environ.get("JUPYTERHUB_USER", "")


def class_share(location: str | Path, framework_id: str, *, learner: str | None = None,
                refresh: float = 5.0) -> w.VBox:
    """The "Share with my class" switch with the live comparison, for one framework.

    Parameters
    ----------
    location : str or Path
        The class pool (a folder, or ``hub-service://classpool``).
    framework_id : str
        The framework whose scores are shared.
    learner : str, optional
        The learner id (default: the hub user name, else the learner fills it in).
    refresh : float
        Seconds between reads of the class picture once shared (0: only on Score).

    Returns
    -------
    ipywidgets.VBox
        With ``switch``, ``learner``, ``code`` (shown when the pool needs codes), ``status``,
        ``comparison``, ``ticker``, ``update(scores)``
        (give it the score table after each Score) and ``refresh()``.
    """
    from leadkit.classpool.pool import ClassPool

    fw = load_framework(framework_id)
    pool = ClassPool(location)
    # In the order a learner fills it in: the id (and code), then the switch; sharing starts
    # as soon as all three are there and a score exists, whichever comes last.
    who = w.Text(value=learner if learner is not None else _default_learner(),
                 description=tr(_T["learner"]), style={"description_width": "initial"},
                 continuous_update=False)
    # On the hub service the learner is the hub user: the service accepts no other id.
    who.disabled = learner is None and bool(_default_learner()) and pool.kind == "service"
    # A folder pool made with a roster asks for the learner's code (leadkit.classpool.codes).
    code = w.Password(description=tr(_T["code"]), style={"description_width": "initial"},
                      continuous_update=False)
    code.layout.display = "" if pool.needs_code else "none"
    switch = w.Checkbox(value=False, description=tr(_T["switch"]), indent=False)
    what = w.HTML(f"<p>{html.escape(tr(_T['what']).format(floor=pool.floor))}</p>")
    status, comparison = LiveText(), w.HTML()
    comparison.add_class("lk-class-view")
    form, after = w.VBox([who, code, switch, what]), w.VBox([status, comparison])
    box = w.VBox([form, after])
    box.switch, box.learner, box.status, box.comparison = switch, who, status, comparison
    box.code, box.what, box.form, box.after = code, what, form, after
    box.scores, box.shared = None, False

    def show() -> None:
        try:
            view = pool.view(fw)
        except LeadkitError as err:
            status.value = f"<p>✘ {html.escape(tr(_T['unreadable']).format(error=err))}</p>"
            return
        comparison.value = _view_html(view, fw, box.scores)

    def share() -> None:
        if not switch.value:
            return
        if box.scores is None:
            status.value = f"<p>{html.escape(tr(_T['score_first']))}</p>"
            return
        if not who.value.strip():
            status.value = f"<p>{html.escape(tr(_T['need_id']))}</p>"
            return
        scores = dict(zip(box.scores["element"], box.scores["score"], strict=True))
        try:
            pool.share(learner=who.value, framework=fw, scores=scores,
                       code=code.value if pool.needs_code else None)
        except LeadkitError as err:  # not on the roster, pool closed, service away
            # The message is one sentence already: no second full stop after it.
            reason = str(err).rstrip().rstrip(".")
            status.value = f"<p>✘ {html.escape(tr(_T['failed']).format(error=reason))}</p>"
            return
        box.shared = True
        status.value = f"<p>✔ {html.escape(tr(_T['shared']))}</p>"
        ticker.start()  # from now on the comparison follows the class
        show()

    def update(scores: pd.DataFrame) -> None:
        box.scores = scores
        share()

    def on_switch(change: dict[str, Any]) -> None:
        if change["new"]:
            share()
        else:
            ticker.stop()

    def on_details(_change: dict[str, Any]) -> None:
        # The id or code typed after the switch was turned on: share now, no second click.
        if switch.value and box.scores is not None and not box.shared:
            share()

    ticker = _Ticker(refresh, show)
    box.ticker = ticker
    switch.observe(on_switch, names="value")
    who.observe(on_details, names="value")
    code.observe(on_details, names="value")
    box.update, box.refresh = update, show
    _stop_on_close(box, ticker)
    return box


def class_dashboard(location: str | Path, framework_id: str, *, refresh: float = 5.0
                    ) -> w.VBox:
    """The teacher's live class picture of one framework, refreshed every ``refresh`` s.

    When there is no pool at ``location`` yet the dashboard says so and keeps looking.

    Parameters
    ----------
    location : str or Path
        The pool: a folder or a service address.
    framework_id : str
        The framework whose picture is shown.
    refresh : float, default 5.0
        Seconds between refreshes (0 for none).

    Returns
    -------
    ipywidgets.VBox
        With ``table`` (the picture as HTML), ``button`` (refresh now), ``ticker``,
        ``refresh()`` and ``limits`` (for a shared-folder pool, what it cannot prevent).
    """
    from leadkit.classpool.pool import ClassPool

    fw = load_framework(framework_id)
    table = w.HTML()
    table.add_class("lk-class-view")
    button = w.Button(description=tr(_T["refresh"]), icon="refresh")
    pause = w.Button(description=tr(_T["pause"]), icon="pause", layout=w.Layout(width="auto"))
    every = w.HTML()
    title = w.HTML(f"<h3>{html.escape(tr(_T['title']))}: {html.escape(tr(fw.title))}</h3>")
    limits = w.HTML()  # what a folder pool cannot prevent, once the pool is there
    box = w.VBox([title, w.HBox([button, pause]), every, table, limits])

    pools: list[ClassPool] = []

    def show(*_: Any) -> None:
        # A dashboard opened before the pool keeps asking: the picture appears once it is open.
        try:
            if not pools:
                pools.append(ClassPool(location))
            table.value = _view_html(pools[0].view(fw), fw)
            limits.value = (_folder_limits(pools[0].needs_code) if pools[0].kind == "folder"
                            else "")
        except LeadkitError as err:
            table.value = f"<p>✘ {html.escape(tr(_T['unreadable']).format(error=err))}</p>"

    def say_when() -> None:
        text = (tr(_T["every"]).format(n=format_number(refresh, None)) if ticker.running
                else tr(_T["paused"]))
        every.value = f"<p><small>{html.escape(text)}</small></p>"

    def on_pause(_b: w.Button) -> None:
        # A page that changes by itself every few seconds can be stopped (WCAG 2.2.2).
        if ticker.running:
            ticker.stop()
            pause.description, pause.icon = tr(_T["resume"]), "play"
        else:
            show()
            ticker.start()
            pause.description, pause.icon = tr(_T["pause"]), "pause"
        say_when()

    button.on_click(show)
    pause.on_click(on_pause)
    ticker = _Ticker(refresh, show)
    show()
    ticker.start()
    say_when()
    pause.layout.display = None if refresh > 0 else "none"
    box.table, box.button, box.ticker, box.refresh = table, button, ticker, show
    box.pause, box.limits = pause, limits
    wrap_options(box)
    _stop_on_close(box, ticker)
    return box


def _stop_on_close(box: w.VBox, ticker: _Ticker) -> None:
    # A cell run again makes a new widget: the old one's timer must not poll on for ever.
    close = box.close

    def closing() -> None:
        ticker.stop()
        close()

    box.close = closing
