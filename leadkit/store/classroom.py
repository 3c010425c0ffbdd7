"""Class results for teachers: pseudonymised self-assessments and shared reflections.

A teacher collects the learners' export bundles (see :func:`leadkit.store.bundle.export_bundle`)
in one folder; :mod:`leadkit.store.handins` reads and checks them and makes the pseudonyms.
This module reports the class picture per framework element and per cross-framework theme.

Privacy rules kept here:

- **Pseudonyms.** ``pseudonymise(id, salt)`` is the first 10 hex digits of
  SHA-256(salt + 0x1F + id in lower case, stripped), prefixed ``L-``. Only someone holding the
  salt can link a pseudonym to a learner, so the teacher keeps the salt private (a file made
  with :func:`read_salt` ``create=True``) and reuses it to get the same pseudonyms next time.
- **Anonymity floor.** No group figure is reported for fewer than ``MIN_GROUP`` (3) learners;
  the floor can be raised per call but never lowered.
- **Free text** appears only where the learner ticked "share with my teacher"; bundles carry
  no other text at all.

Examples
--------
>>> from leadkit.store.handins import load_bundles, sample_bundles_dir
>>> bundles = load_bundles(sample_bundles_dir())
>>> scores = class_scores(bundles, "a-long-private-class-salt")
>>> int(scores["pseudonym"].nunique())
24
>>> summary = class_summary(scores)
>>> bool((summary["n"] >= MIN_GROUP).all())
True
"""

from __future__ import annotations

import math
import os
import textwrap
from pathlib import Path
from typing import Any

import pandas as pd

from leadkit import privacy
from leadkit.docparams import shared_params
from leadkit.errors import InputError, LeadkitError
from leadkit.i18n import tr
from leadkit.store.handins import check_salt, pseudonymise
from leadkit.store.safe_output import plain_text, write_csv

__all__ = ["MIN_GROUP", "class_overview", "class_scores", "class_summary", "class_themes",
           "shared_texts", "format_shared_texts", "to_csv"]

#: The smallest group for which any class figure is shown (see :mod:`leadkit.privacy`).
MIN_GROUP = privacy.FLOOR
_STATS = ["n", "mean"]


def _frameworks(ids: set[str]) -> dict[str, Any]:
    from leadkit.content.frameworks import list_frameworks, load_framework

    known = set(list_frameworks())
    return {fid: load_framework(fid) for fid in sorted(ids & known)}


@shared_params
def class_overview(bundles: list[dict]) -> pd.DataFrame:
    """How many learners handed in, saved scores per framework, and shared or kept entries.

    A framework that fewer than :data:`MIN_GROUP` learners filled in shows no count (the size
    of a group is a figure about it too); its row says so. A class of fewer than
    :data:`MIN_GROUP` learners shows no count at all.

    Parameters
    ----------
    %(bundles)s

    Returns
    -------
    pandas.DataFrame
        Columns ``what`` and ``count`` (nullable integers): the number of learners, one row per
        framework with scores, then the shared and the private reflections.

    Examples
    --------
    >>> from leadkit.store.handins import load_bundles, sample_bundles_dir
    >>> overview = class_overview(load_bundles(sample_bundles_dir()))
    >>> overview.columns.tolist(), int(overview["count"].iloc[0])
    (['what', 'count'], 24)
    """
    rows = [{"what": tr("learners"), "count": len(bundles)}]
    frameworks = sorted({s["framework"] for b in bundles for s in b["scores"]})
    fws = _frameworks(set(frameworks))
    for fid in frameworks:
        n = sum(any(s["framework"] == fid for s in b["scores"]) for b in bundles)
        title = tr(fws[fid].title) if fid in fws else fid
        small = n < MIN_GROUP
        what = tr("with scores for {title}").format(title=title)
        if small:
            what += tr(" (fewer than {floor})").format(floor=MIN_GROUP)
        rows.append({"what": what, "count": pd.NA if small else n})
    shared = sum(len(b["shared_entries"]) for b in bundles)
    private = sum(int(b.get("counts", {}).get("private", 0)) for b in bundles)
    rows += [{"what": tr("reflections shared"),
              "count": shared},
             {"what": tr("reflections kept private"),
              "count": private}]
    out = pd.DataFrame(rows)
    if len(bundles) < MIN_GROUP:
        # A class of one or two: every count would be about one or two people, each of whom
        # could work out the other's (how many reflections they kept private, for one).
        out["what"] = out["what"] + tr(" (fewer than {floor} learners)").format(floor=MIN_GROUP)
        out["count"] = pd.NA
    out["count"] = out["count"].astype("Int64")
    return out


@shared_params
def class_scores(bundles: list[dict], salt: str, *, instrument_form: str = "self") -> pd.DataFrame:
    """One row per learner and element: ``pseudonym``, ``framework``, ``element``, ``score``.

    Scores of frameworks that ship with the kit are checked against their elements and scale;
    a bundle with an unknown element or an out-of-range score is named in an :class:`InputError`.

    Parameters
    ----------
    %(bundles)s
    salt : str
        The teacher's salt, used by :func:`pseudonymise`.
    instrument_form : str, default "self"
        Which form of the instrument to keep: ``"self"`` for self-assessments; the scores of
        other forms are left out.

    Returns
    -------
    pandas.DataFrame
        Columns ``pseudonym``, ``framework``, ``element`` and ``score`` (float), sorted by
        framework, element and pseudonym.

    Raises
    ------
    InputError
        The salt is unusable, or a bundle has an element that its framework lacks or a score
        outside the framework's scale.

    Examples
    --------
    >>> from leadkit.store.handins import load_bundles, sample_bundles_dir
    >>> scores = class_scores(load_bundles(sample_bundles_dir()), "a-long-private-class-salt")
    >>> scores.columns.tolist()
    ['pseudonym', 'framework', 'element', 'score']
    """
    check_salt(salt)
    fws = _frameworks({s["framework"] for b in bundles for s in b["scores"]})
    rows = []
    for b in bundles:
        pseudonym = pseudonymise(b["learner"], salt)
        for i, s in enumerate(b["scores"]):
            if s.get("instrument_form", "self") != instrument_form:
                continue
            fw = fws.get(s["framework"])
            if fw is not None:
                if s["element"] not in {e.id for e in fw.elements}:
                    raise InputError(b["_file"], f"scores[{i}]: element {s['element']!r} is not "
                                     f"in framework {fw.id!r}")
                low, high = fw.scale
                if s["score"] is not None and not low <= s["score"] <= high:
                    raise InputError(b["_file"], f"scores[{i}].score {s['score']} is outside "
                                     "the scale", expected=f"a value from {low} to {high}")
            rows.append({"pseudonym": pseudonym, "framework": s["framework"],
                         "element": s["element"], "score": s["score"]})
    df = pd.DataFrame(rows, columns=["pseudonym", "framework", "element", "score"])
    df["score"] = df["score"].astype(float)
    # Sorted by pseudonym, never by file name: file order could give names away.
    return df.sort_values(["framework", "element", "pseudonym"], ignore_index=True)


def _check_floor(min_group: int) -> int:
    return privacy.check_floor(min_group, "min_group")


def _element_sizes(frameworks: set[str]) -> tuple[dict[tuple[str, str], int], tuple | None]:
    fws = _frameworks(frameworks)
    sizes = {(f, e.id): sum(it.element == e.id for it in fw.items)
             for f, fw in fws.items() for e in fw.elements}
    scales = {tuple(fw.scale) for fw in fws.values()}
    return sizes, (scales.pop() if len(scales) == 1 else None)


def _publish(per_person: pd.DataFrame, keys: list[str], min_group: int,
             scale: tuple | None, step: float) -> pd.DataFrame:
    if scale is None:  # an own framework: its scale is taken from the scores seen, widened
        values = per_person["score"].dropna()
        scale = (math.floor(values.min()), math.ceil(values.max())) if len(values) else (1, 5)
    out = privacy.describe(per_person, keys, person="pseudonym", floor=min_group,
                           scale=scale, step=step)
    out["suppressed"] = ~out.pop("shown")
    return out


@shared_params
def class_summary(scores: pd.DataFrame, *, min_group: int = MIN_GROUP) -> pd.DataFrame:
    """Per framework element: ``n`` (distinct learners) and ``mean``; nothing below the floor.

    ``scores`` is the table of :func:`class_scores`. The rules of :mod:`leadkit.privacy`
    apply: rows for fewer than ``min_group`` learners, and means that only one set of scores
    can give, keep ``suppressed=True`` (``reason`` says which) and empty figures. Spread and
    quartiles are never published (see ``docs/privacy.md``).

    Parameters
    ----------
    scores : pandas.DataFrame
        The table of :func:`class_scores`.
    %(min_group)s

    Returns
    -------
    pandas.DataFrame
        One row per framework element with ``framework``, ``element``, ``name``, ``n``,
        ``mean``, ``reason`` and ``suppressed``.

    Raises
    ------
    %(min_group_raises)s

    Examples
    --------
    >>> from leadkit.store.handins import load_bundles, sample_bundles_dir
    >>> scores = class_scores(load_bundles(sample_bundles_dir()), "a-long-private-class-salt")
    >>> summary = class_summary(scores, min_group=5)
    >>> bool((summary.loc[~summary["suppressed"], "n"] >= 5).all())
    True
    """
    _check_floor(min_group)
    valid = scores.dropna(subset=["score"])
    sizes, scale = _element_sizes(set(valid["framework"]))
    # The coarsest step of any element in the table: cautious for all of them.
    step = max((privacy.score_step(k) for k in sizes.values()), default=1.0)
    parts = []
    for fid, part in valid.groupby("framework", sort=True):
        fw_sizes = {e: k for (f, e), k in sizes.items() if f == fid}
        fw_step = max((privacy.score_step(k) for k in fw_sizes.values()), default=step)
        parts.append(_publish(part, ["framework", "element"], min_group, scale, fw_step))
    out = (pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["framework", "element", "n", "mean", "reason", "suppressed"]))
    fws = _frameworks(set(out["framework"]))
    out.insert(2, "name", [tr(fws[f].element(e).name) if f in fws else e
                           for f, e in zip(out["framework"], out["element"], strict=True)])
    return out


@shared_params
def class_themes(scores: pd.DataFrame, *, min_group: int = MIN_GROUP,
                 element_themes: dict[tuple[str, str], tuple[str, ...]] | None = None,
                 ) -> pd.DataFrame:
    """Summarise the class per cross-framework theme.

    Per theme: the mean of the element scores tagged with it, over the element cells that
    :func:`class_summary` shows (a withheld cell counts nowhere), and ``n``, the learners
    behind them. The theme figure is thus what the shown cells add up to and reveals nothing
    they do not (``docs/privacy.md``, rule 5).

    ``element_themes`` maps ``(framework, element)`` to theme ids; by default it comes from the
    kit's framework files.

    Parameters
    ----------
    scores : pandas.DataFrame
        The table of :func:`class_scores`.
    %(min_group)s
    element_themes : dict, optional
        Maps ``(framework, element)`` to a tuple of theme ids. Default ``None`` takes the
        themes from the kit's framework files.

    Returns
    -------
    pandas.DataFrame
        One row per theme with ``theme``, ``label``, ``n``, ``mean``, ``reason`` and
        ``suppressed``, as in :func:`class_summary`.

    Raises
    ------
    %(min_group_raises)s
    LeadkitError
        The frameworks in ``scores`` use different scales (and no ``element_themes`` are
        given).

    Examples
    --------
    >>> from leadkit.store.handins import load_bundles, sample_bundles_dir
    >>> scores = class_scores(load_bundles(sample_bundles_dir()), "a-long-private-class-salt")
    >>> class_themes(scores).columns.tolist()[:2]
    ['theme', 'label']
    """
    _check_floor(min_group)
    sizes, scale = _element_sizes(set(scores["framework"]))
    if element_themes is None:
        fws = _frameworks(set(scores["framework"]))
        if len({fw.scale for fw in fws.values()}) > 1:
            raise LeadkitError("these frameworks use different scales; themes cannot mix them")
        element_themes = {(f, e.id): tuple(e.themes) for f, fw in fws.items()
                          for e in fw.elements}
    valid = scores.dropna(subset=["score"])
    privacy.require_distinct(valid, ["framework", "element"], "pseudonym")
    # Only the element cells the class summary shows count (complementary suppression), and a
    # theme's mean is taken over those element scores, so it is what the shown cells add up
    # to: a lone learner's withheld element can never be worked out from a theme.
    summary = class_summary(scores, min_group=min_group)
    shown = set(zip(summary.loc[~summary["suppressed"], "framework"],
                    summary.loc[~summary["suppressed"], "element"], strict=True))
    pairs = [(p, t, s) for p, f, e, s in valid[["pseudonym", "framework", "element", "score"]]
             .itertuples(index=False) if (f, e) in shown for t in element_themes.get((f, e), ())]
    long = pd.DataFrame(pairs, columns=["pseudonym", "theme", "score"])
    step = max((privacy.score_step(k) for k in sizes.values()), default=1.0)
    if scale is None:
        values = long["score"]
        scale = (math.floor(values.min()), math.ceil(values.max())) if len(values) else (1, 5)
    out = privacy.describe_pooled(long, ["theme"], person="pseudonym", floor=min_group,
                                  scale=scale, step=step)
    out["suppressed"] = ~out.pop("shown")
    # A theme whose every cell is withheld is still listed, withheld, so a reader sees it.
    seen = {t for f, e in zip(valid["framework"], valid["element"], strict=True)
            for t in element_themes.get((f, e), ())}
    missing = sorted(seen - set(out["theme"]))
    if missing:
        out = pd.concat([out, pd.DataFrame({"theme": missing, "n": pd.NA, "mean": float("nan"),
                                            "reason": "floor", "suppressed": True})],
                        ignore_index=True).sort_values("theme", ignore_index=True)
        out["n"] = out["n"].astype("Int64")
    from leadkit.content.frameworks import themes as theme_table

    labels = dict(zip(*[theme_table()[c] for c in ("theme", "label")], strict=True))
    out.insert(1, "label", [labels.get(t, t) for t in out["theme"]])
    return out


@shared_params
def shared_texts(bundles: list[dict], salt: str, *, prompt_id: str | None = None,
                 with_pseudonyms: bool = False) -> pd.DataFrame:
    """Collect the reflections learners chose to share.

    Columns ``prompt_id``, ``prompt``, ``notebook``, ``text`` (and ``pseudonym`` on request), in
    pseudonym order, not in file order.

    Parameters
    ----------
    %(bundles)s
    salt : str
        The teacher's salt, used by :func:`pseudonymise` to order (and, on request, label)
        the texts.
    prompt_id : str, optional
        Keep only the answers to this prompt. Default ``None`` keeps all of them.
    with_pseudonyms : bool, default False
        Add a ``pseudonym`` column. By default the texts carry no link to a learner.

    Returns
    -------
    pandas.DataFrame
        Columns ``prompt_id``, ``prompt``, ``notebook`` and ``text`` (``pseudonym`` first when
        asked for), sorted by prompt and pseudonym.

    Examples
    --------
    >>> from leadkit.store.handins import load_bundles, sample_bundles_dir
    >>> bundles = load_bundles(sample_bundles_dir())
    >>> shared_texts(bundles, "a-long-private-class-salt").columns.tolist()
    ['prompt_id', 'prompt', 'notebook', 'text']
    >>> shared_texts(bundles, "a-long-private-class-salt", with_pseudonyms=True).columns[0]
    'pseudonym'
    """
    rows = [{"pseudonym": pseudonymise(b["learner"], salt), "prompt_id": e["prompt_id"],
             "prompt": _prompt_text(e.get("prompt")), "notebook": e.get("notebook"),
             "text": e["text"]}
            for b in bundles for e in b["shared_entries"]
            if prompt_id is None or e["prompt_id"] == prompt_id]
    df = pd.DataFrame(rows, columns=["pseudonym", "prompt_id", "prompt", "notebook", "text"])
    df = df.sort_values(["prompt_id", "pseudonym"], ignore_index=True)
    return df if with_pseudonyms else df.drop(columns="pseudonym")


def _prompt_text(prompt: Any) -> str | None:
    # A bundle stores the question as {en, nl}; show the teacher's language, else what exists.
    if isinstance(prompt, dict):
        return tr(prompt) if all(k in prompt for k in ("en", "nl")) else next(
            iter(prompt.values()), None)
    return prompt if isinstance(prompt, str) else None


def format_shared_texts(texts: pd.DataFrame, width: int = 88) -> str:
    """Write the table of :func:`shared_texts` as plain text to read in class.

    Each question once, then its answers numbered and wrapped.

    Parameters
    ----------
    texts : pandas.DataFrame
        The table of :func:`shared_texts`.
    width : int, default 88
        The longest line, in characters, to wrap the answers at.

    Returns
    -------
    str
        One block per prompt, blocks separated by a blank line.

    Examples
    --------
    >>> t = pd.DataFrame({"prompt_id": ["p", "p"], "prompt": ["Why?", "Why?"],
    ...                   "notebook": [None, None], "text": ["Because.", "It helps."]})
    >>> print(format_shared_texts(t))
    Why?
      1. Because.
      2. It helps.
    """
    blocks = []
    for prompt_id, grp in texts.groupby("prompt_id", sort=True):
        question = grp["prompt"].dropna()
        lines = [plain_text(question.iloc[0] if len(question) else prompt_id)]
        for i, text in enumerate(grp["text"], 1):
            lines.append(textwrap.fill(" ".join(plain_text(text).split()), width,
                                       initial_indent=f"  {i}. ",
                                       subsequent_indent="     "))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def to_csv(summary: pd.DataFrame, path: str | os.PathLike[str], *,
           dutch_excel: bool = False) -> Path:
    """Write a class summary (of :func:`class_summary` or :func:`class_themes`) as CSV.

    Refuses any table that would show a figure for fewer than :data:`MIN_GROUP` learners.
    ``dutch_excel=True`` writes ``;`` separators and decimal commas, as Dutch Excel expects.

    Parameters
    ----------
    summary : pandas.DataFrame
        The table of :func:`class_summary` or :func:`class_themes`.
    path : path-like
        The CSV file to write; missing folders are made.
    dutch_excel : bool, default False
        Write ``;`` separators and decimal commas. The default writes ``,`` and decimal points.

    Returns
    -------
    pathlib.Path
        The path written, ``~`` expanded; figures have three decimals and text cells are
        formula-safe (:func:`~leadkit.store.safe_output.write_csv`).

    Raises
    ------
    LeadkitError
        The table is not one of class_summary or class_themes, or it shows a figure for fewer
        than :data:`MIN_GROUP` learners, a spread, or a figure the privacy rules withhold.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from leadkit.store.handins import load_bundles, sample_bundles_dir
    >>> scores = class_scores(load_bundles(sample_bundles_dir()), "a-long-private-class-salt")
    >>> out = to_csv(class_summary(scores), Path(tempfile.mkdtemp()) / "class.csv")
    >>> out.name, out.read_text(encoding="utf-8").splitlines()[0].split(",")[:2]
    ('class.csv', ['framework', 'element'])
    """
    if "suppressed" not in summary.columns or "n" not in summary.columns:
        raise LeadkitError("to_csv writes the tables of class_summary or class_themes only")
    shown = ~summary["suppressed"].astype(bool)
    n = pd.to_numeric(summary["n"], errors="coerce")
    spread = {"sd", "q1", "median", "q3", "min", "max"} & set(summary.columns)
    if (spread or (n < MIN_GROUP).any() or summary.loc[~shown, "mean"].notna().any()
            or n[~shown & summary.get("reason", pd.Series("", index=summary.index)).eq(
                "floor")].notna().any()):
        raise LeadkitError(f"this table shows figures for fewer than {MIN_GROUP} learners, "
                           "or figures the privacy rules withhold (see docs/privacy.md)")
    path = Path(path).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_csv(summary, path, dutch_excel=dutch_excel, decimals=3)
    return path
