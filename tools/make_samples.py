"""Generate the synthetic sample classes in ``datasets/samples/`` and their catalog entries.

Every file ``samples/<framework-id>-class.csv`` holds the answers of one invented organisation
to one framework's instrument: every team member's self-assessment before and after a
training (waves 1 and 2), and a 360-degree round on every team leader (wave 1). The model is
described in ``datasets/README.md``; the numbers below are its parameters. Elements, items,
reverse keying and the answer scale are read from the framework files, never written here.

Run from the repository root (the output is the same on every run)::

    python tools/make_samples.py                    # all frameworks of the kit
    python tools/make_samples.py --out /tmp/x       # somewhere else, catalog left alone
    python tools/make_samples.py --framework my.yaml --out /tmp/x   # a framework of your own
"""

from __future__ import annotations

import argparse
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from leadkit.content.frameworks import Framework, list_frameworks, load_framework

__all__ = ["SEED", "ALPHA_RANGE", "Organisation", "organisation", "element_alphas", "simulate",
           "write_samples", "main"]

DATASETS = Path(__file__).resolve().parents[1] / "datasets"  # the kit's data folder

SEED = 20240917
N_TEAMS = 8
TEAM_SIZE = (5, 9)  # members per team besides the leader, inclusive
N_PEERS = (2, 4)  # peer raters per leader, inclusive
GENERAL_SHARE = 0.5  # share of each latent that is common to all elements (a "halo")
# Self-assessments: leader's influence, stable person part, occasion part (variances, sum 1).
SELF_VAR = {"leader": 0.15, "person": 0.60, "occasion": 0.25}
# A leader rating themselves: own behaviour, blind spot, occasion (variances, sum 1).
LEADER_SELF_VAR = {"behaviour": 0.50, "blind": 0.25, "occasion": 0.25}
# Observers of a leader: the leader's true behaviour versus the rater's own view (variances).
OBSERVER_VAR = {"behaviour": 0.25, "rater": 0.75}
ROLE_SHIFT = {"self": 0.15, "manager": -0.10, "peer": 0.0, "report": 0.05}
TRAINING_GAIN = (0.30, 0.15)  # mean and SD of the wave-2 gain, in latent SD units
SELF_BIAS = {"over": 1.2, "under": -1.2}
N_OVER = 3  # leaders who rate themselves well above what others see; one leader below
ALPHA_TARGET = 0.76  # loadings are set so an element of k items reaches about this alpha
CATEGORISE_LOSS = 0.90  # correlations shrink by about this factor when cut into 5 categories
MISSING = 0.02  # share of answers left blank, completely at random
# A draw is kept only if every element's alpha (complete wave-1 rows) lies in this range;
# otherwise the framework's stream is drawn again (replicate 1, 2, ...), at most MAX_REDRAWS
# times. Replicate 0 is the plain stream, so files that pass at once never change.
ALPHA_RANGE = (0.65, 0.85)
MAX_REDRAWS = 50

# Names used in the CSV files.
COLUMNS = ["respondent", "team", "rater", "target", "wave"]
MANAGEMENT = "MGT"


@dataclass
class Organisation:
    """Who is in the class and in which role; shared by all frameworks' files."""

    teams: list[str]
    leader: dict[str, str]  # team -> leader id
    members: dict[str, list[str]]  # team -> member ids (not the leader)
    manager: dict[str, str]  # team -> manager id
    peers: dict[str, list[str]]  # leader id -> peer leader ids
    team_of: dict[str, str]
    general: dict[str, float] = field(default_factory=dict)  # person -> halo (all frameworks)
    leniency: dict[str, float] = field(default_factory=dict)  # rater -> general leniency
    bias: dict[str, float] = field(default_factory=dict)  # leader -> self-rating bias
    gain: dict[str, float] = field(default_factory=dict)  # person -> training gain


def organisation(seed: int = SEED) -> Organisation:
    """Draw the organisation: teams, leaders, members, managers, peers and person traits."""
    rng = np.random.default_rng([seed, 0])
    teams = [f"T{t}" for t in range(1, N_TEAMS + 1)]
    leader = {t: f"{t}-L" for t in teams}
    sizes = rng.integers(TEAM_SIZE[0], TEAM_SIZE[1] + 1, size=N_TEAMS)
    members = {t: [f"{t}-{m:02d}" for m in range(1, int(n) + 1)]
               for t, n in zip(teams, sizes, strict=True)}
    # Two managers, each over half of the teams.
    manager = {t: f"M{1 + i * 2 // N_TEAMS}" for i, t in enumerate(teams)}
    peers = {}
    for t in teams:
        others = [leader[o] for o in teams if o != t]
        k = int(rng.integers(N_PEERS[0], N_PEERS[1] + 1))
        peers[leader[t]] = sorted(rng.choice(others, size=k, replace=False).tolist())
    team_of = {p: t for t in teams for p in [leader[t], *members[t]]}
    team_of.update({m: MANAGEMENT for m in set(manager.values())})
    people = sorted(team_of)
    general = dict(zip(people, rng.standard_normal(len(people)), strict=True))
    leniency = dict(zip(people, rng.standard_normal(len(people)), strict=True))
    gain = dict(zip(people, rng.normal(*TRAINING_GAIN, size=len(people)), strict=True))
    order = rng.permutation(teams)
    bias = {leader[t]: 0.0 for t in teams}
    for t in order[:N_OVER]:
        bias[leader[t]] = SELF_BIAS["over"]
    bias[leader[order[N_OVER]]] = SELF_BIAS["under"]
    return Organisation(teams, leader, members, manager, peers, team_of, general, leniency, bias,
                        gain)


def _element_latent(rng: np.random.Generator, general: float, n_elements: int) -> np.ndarray:
    """A standard-normal latent per element with a common part (elements correlate ~.5)."""
    specific = rng.standard_normal(n_elements)
    return np.sqrt(GENERAL_SHARE) * general + np.sqrt(1 - GENERAL_SHARE) * specific


def _loading(n_items: int) -> float:
    """The item loading that gives an element of ``n_items`` items about ALPHA_TARGET.

    Spearman-Brown backwards: the mean inter-item correlation r that yields alpha for k items
    is alpha / (k - alpha (k - 1)); the continuous correlation is larger than r by the loss of
    cutting into categories, and equals the squared loading.
    """
    a, k = ALPHA_TARGET, n_items
    r = a / (k - a * (k - 1))
    return float(np.sqrt(min(0.9, r / CATEGORISE_LOSS)))


def _latents(fw: Framework, org: Organisation, rng: np.random.Generator) -> pd.DataFrame:
    """One row per answered form: the metadata and the latent level per element."""
    n_el = len(fw.elements)
    behaviour = {org.leader[t]: _element_latent(rng, org.general[org.leader[t]], n_el)
                 for t in org.teams}
    rows: list[tuple[str, str, str, str, int, np.ndarray]] = []
    # Self-assessments of everyone in a team, before (1) and after (2) the training.
    for t in org.teams:
        lead = org.leader[t]
        for person in [lead, *org.members[t]]:
            if person == lead:
                v = LEADER_SELF_VAR
                stable = (np.sqrt(v["behaviour"]) * behaviour[lead]
                          + np.sqrt(v["blind"]) * rng.standard_normal(n_el) + org.bias[lead])
            else:
                v = SELF_VAR
                stable = (np.sqrt(v["leader"]) * behaviour[lead]
                          + np.sqrt(v["person"]) * _element_latent(rng, org.general[person], n_el))
            gain = org.gain[person] + 0.1 * rng.standard_normal(n_el)
            for wave in (1, 2):
                occasion = np.sqrt(v["occasion"]) * rng.standard_normal(n_el)
                eta = stable + occasion + ROLE_SHIFT["self"] + (gain if wave == 2 else 0.0)
                rows.append((person, t, "self", person, wave, eta))
    # The 360-degree round on each leader (wave 1): manager, peers, the team as reports.
    for t in org.teams:
        lead = org.leader[t]
        raters = ([(org.manager[t], "manager")] + [(p, "peer") for p in org.peers[lead]]
                  + [(m, "report") for m in org.members[t]])
        for rater, role in raters:
            view = _element_latent(rng, org.leniency[rater], n_el)
            eta = (np.sqrt(OBSERVER_VAR["behaviour"]) * behaviour[lead]
                   + np.sqrt(OBSERVER_VAR["rater"]) * view + ROLE_SHIFT[role])
            rows.append((rater, org.team_of[rater], role, lead, 1, eta))
    meta = pd.DataFrame([r[:5] for r in rows], columns=COLUMNS)
    eta = pd.DataFrame(np.vstack([r[5] for r in rows]), columns=[e.id for e in fw.elements])
    return pd.concat([meta, eta], axis=1)


def _answers(fw: Framework, latents: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Graded-response answers: each item cuts a noisy copy of its element's latent."""
    low, high = fw.scale
    # Thresholds a little below the middle: most answers fall on the agreeing side, as in
    # real leadership surveys; each item is shifted to differ in how easy it is to endorse.
    base = np.linspace(-2.0, 0.9, high - low)
    out = {}
    for el in fw.elements:
        items = fw.items_for(el.id)
        lam = _loading(len(items))
        eta = latents[el.id].to_numpy()
        for it in items:
            lam_j = float(np.clip(lam + rng.uniform(-0.06, 0.06), 0.3, 0.95))
            y = lam_j * eta + np.sqrt(1 - lam_j**2) * rng.standard_normal(len(eta))
            cut = base + rng.uniform(-0.35, 0.35)
            x = low + (y[:, None] > cut[None, :]).sum(axis=1)
            # A reverse-keyed item is worded the other way round, so it is answered reversed.
            out[it.id] = (low + high - x) if it.reverse else x
    answers = pd.DataFrame(out)[fw.item_ids]
    blank = rng.random(answers.shape) < MISSING
    return answers.astype("Int64").mask(blank)


def element_alphas(fw: Framework, df: pd.DataFrame) -> dict[str, float]:
    """Cronbach's alpha per element on the complete, reverse-keyed wave-1 rows."""
    low, high = fw.scale
    wave1 = df[df["wave"] == 1]
    out = {}
    for el in fw.elements:
        cols = []
        for it in fw.items_for(el.id):
            x = wave1[it.id].astype(float).to_numpy()
            cols.append(low + high - x if it.reverse else x)
        x = np.column_stack(cols)
        x = x[~np.isnan(x).any(axis=1)]
        k = x.shape[1]
        out[el.id] = float(k / (k - 1) * (1 - x.var(axis=0, ddof=1).sum()
                                          / x.sum(axis=1).var(ddof=1)))
    return out


def _draw(fw: Framework, org: Organisation, seed: int, replicate: int) -> pd.DataFrame:
    stream = [seed, zlib.crc32(fw.id.encode("utf-8"))] + ([replicate] if replicate else [])
    rng = np.random.default_rng(stream)
    latents = _latents(fw, org, rng)
    return pd.concat([latents[COLUMNS], _answers(fw, latents, rng)], axis=1)


def simulate(framework: Framework | str, seed: int = SEED,
             alpha_range: tuple[float, float] | None = ALPHA_RANGE) -> pd.DataFrame:
    """The sample class for one framework: metadata columns, then one column per item.

    Parameters
    ----------
    framework : Framework or str
        A loaded framework or the id of one of the kit's frameworks.
    seed : int
        The seed of the whole run; each framework gets its own stream derived from its id.
    alpha_range : (low, high) or None
        Keep the first replicate stream in which every element's alpha lies in this range
        (the draw with most elements in range if none does within ``MAX_REDRAWS``); ``None``
        keeps the first draw.

    Examples
    --------
    >>> df = simulate("agile-cmo")
    >>> df.groupby(["rater", "wave"]).size().to_dict()
    {('manager', 1): 8, ('peer', 1): 24, ('report', 1): 56, ('self', 1): 64, ('self', 2): 64}
    >>> lo, hi = ALPHA_RANGE
    >>> all(lo <= a <= hi for a in element_alphas(load_framework("wij-model"),
    ...                                           simulate("wij-model")).values())
    True
    """
    fw = load_framework(framework) if isinstance(framework, str) else framework
    org = organisation(seed)
    best, best_in = None, -1
    for replicate in range(MAX_REDRAWS if alpha_range else 1):
        df = _draw(fw, org, seed, replicate)
        if alpha_range is None:
            return df
        n_in = sum(alpha_range[0] <= a <= alpha_range[1] for a in element_alphas(fw, df).values())
        if n_in == len(fw.elements):
            return df
        if n_in > best_in:
            best, best_in = df, n_in
    return best


def _catalog_entry(fw: Framework) -> dict:
    title_en, title_nl = fw.title["en"], fw.title["nl"]
    return {
        "name": f"{fw.id}-class",
        "file": f"samples/{fw.id}-class.csv",
        "framework": fw.id,
        "description": {
            "en": f"Synthetic class for \u201c{title_en}\u201d. Self-assessments of every "
            "team member before and after a training (waves 1 and 2) and a 360-degree round "
            f"on each of the {N_TEAMS} team leaders (wave 1).",
            "nl": f"Synthetische klas voor \u201c{title_nl}\u201d. Zelfbeoordelingen van alle "
            "teamleden voor en na een training (meting 1 en 2) en een 360-gradenronde over "
            f"elk van de {N_TEAMS} teamleiders (meting 1).",
        },
        "source": {
            "en": "Invented: simulated by tools/make_samples.py from a documented model "
            f"(seed {SEED}); no real person answered. See datasets/README.md.",
            "nl": "Verzonnen: gesimuleerd door tools/make_samples.py met een beschreven "
            f"model (seed {SEED}); geen echt persoon heeft geantwoord. Zie datasets/README.md.",
        },
    }


def _write_catalog(path: Path, entries: list[dict]) -> None:
    """Replace this script's entries in the catalog and keep every other entry as it was."""
    ours = {e["name"] for e in entries}
    others = []
    if path.is_file():
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        others = [e for e in doc.get("datasets", []) if e["name"] not in ours]
    header = ("# The datasets that ship with the kit (schema: schema/catalog.schema.json).\n"
              "# The '-class' entries are written by make_samples.py; edit others by hand.\n")
    body = yaml.safe_dump({"schema_version": 1, "datasets": entries + others},
                          allow_unicode=True, sort_keys=False, width=100)
    path.write_text(header + body, encoding="utf-8")


def write_samples(out_dir: Path, frameworks: list[Framework], seed: int = SEED) -> list[Path]:
    """Write ``<id>-class.csv`` for each framework into ``out_dir``; return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for fw in frameworks:
        path = out_dir / f"{fw.id}-class.csv"
        # "\n" line ends on every platform, so the files compare byte for byte.
        simulate(fw, seed).to_csv(path, index=False, lineterminator="\n")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """Command line: regenerate the sample files (and the catalog when writing in place)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DATASETS / "samples",
                        help="folder for the CSV files (default: datasets/samples)")
    parser.add_argument("--framework", action="append", default=None,
                        help="id or .yaml path of a framework (repeatable; default: all)")
    args = parser.parse_args(argv)
    frameworks = [load_framework(f) for f in (args.framework or list_frameworks())]
    paths = write_samples(args.out, frameworks)
    if args.out.resolve() == (DATASETS / "samples").resolve() and not args.framework:
        _write_catalog(DATASETS / "catalog.yaml", [_catalog_entry(fw) for fw in frameworks])
    for p in paths:
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
