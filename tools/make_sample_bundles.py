"""Generate the synthetic class of export bundles in ``datasets/samples/bundles/``.

Twenty-four invented learners each keep a journal, fill in self-assessments and write a few
reflections, some of which they share with their teacher; each journal is then exported with
:func:`leadkit.render.portfolio.export_bundle`, so the files are exactly what real learners hand in.
Timestamps are replaced by fixed ones, so every run writes the same bytes.

The class model (all on the instrument's answer scale):

- learner level ``g ~ N(0, 0.45)``, shared by all their elements (some people rate high);
- element level ``d ~ N(0, 0.35)``, shared by the class (some practices are harder);
- learner-by-element ``u ~ N(0, 0.45)``; an answer is ``3.4 + g + d + u + N(0, 0.6)``,
  rounded and kept on the scale; 3 % of answers are left blank;
- an element score is the mean of the answered items (as the kit's scoring does).

Elements, their items and the scale are read from the framework files, never written here.
Most learners did ``agile-cmo`` and ``leading-professionals``; only two did ``wij-model``, so
the teacher notebook can show the anonymity floor at work.

Run from the repository root::

    python datasets/make_sample_bundles.py            # rewrites datasets/samples/bundles/
    python datasets/make_sample_bundles.py --out /tmp/bundles
"""

from __future__ import annotations

import argparse
import json
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from leadkit.content.frameworks import load_framework
from leadkit.store.bundle import make_bundle
from leadkit.store.journal import Journal

DATASETS = Path(__file__).resolve().parents[1] / "datasets"  # the kit's data folder
SEED = 20250303
N_LEARNERS = 24
# framework id -> how many of the learners saved a self-assessment for it
TAKEN = {"agile-cmo": 22, "leading-professionals": 21, "wij-model": 2}
LEVEL, SD_LEARNER, SD_ELEMENT, SD_PAIR, SD_ANSWER = 3.4, 0.45, 0.35, 0.45, 0.6
P_BLANK, P_SHARE, P_DUTCH = 0.03, 0.4, 0.7
START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)

# Invented reflections, in the voice of a marketing or customer-service learner.
TEXTS = {
    "en": [
        "In last month's campaign I made the channel decisions alone. Next time I want the "
        "CRM and brand people in the room before the brief is final.",
        "I noticed that I only share results when they are good. I want to show the weak "
        "figures too, so the team can learn from them.",
        "Our weekly stand-up has become a status report for me. I want to turn it back into "
        "a place where the team decides.",
        "I trust my senior analysts, but I still check every dashboard myself. That costs "
        "time and probably tells them I don't trust them.",
        "When a customer complaint escalates I take it over. I could coach the service agent "
        "through it instead.",
        "We praise the team that wins the pitch, never the people who kept the data clean. I "
        "want to change that in our next review.",
    ],
    "nl": [
        "Bij de laatste campagne heb ik de kanaalkeuze alleen gemaakt. Volgende keer wil ik de "
        "CRM- en merkmensen erbij hebben voordat de briefing vastligt.",
        "Ik merk dat ik resultaten vooral deel als ze goed zijn. Ik wil ook de tegenvallende "
        "cijfers laten zien, zodat het team ervan kan leren.",
        "Onze wekelijkse stand-up is voor mij een statusoverleg geworden. Ik wil er weer een "
        "moment van maken waarop het team zelf beslist.",
        "Ik vertrouw mijn analisten, maar ik controleer elk dashboard toch zelf. Dat kost tijd "
        "en zegt hun waarschijnlijk dat ik ze niet vertrouw.",
        "Als een klacht escaleert, neem ik het over. Ik zou de servicemedewerker er ook "
        "doorheen kunnen coachen.",
        "We belonen het team dat de pitch wint, nooit de mensen die de data op orde hielden. "
        "Dat wil ik bij de volgende evaluatie anders doen.",
        "Mijn team rapporteert wat ik wil horen. Ik ga vragen wat ze zelf zorgen baart.",
        "Ik heb deze week bewust een beslissing bij de accountmanager gelaten. Dat voelde "
        "ongemakkelijk, maar het ging goed.",
    ],
}


def element_scores(fw, rng: np.random.Generator, learner_level: float,
                   element_level: dict[str, float]) -> pd.DataFrame:
    """One learner's element scores for one framework, from simulated item answers."""
    low, high = fw.scale
    rows = []
    for element in fw.elements:
        latent = LEVEL + learner_level + element_level[element.id] + rng.normal(0, SD_PAIR)
        answers = [float(np.clip(np.rint(latent + rng.normal(0, SD_ANSWER)), low, high))
                   for _ in fw.items_for(element.id)]
        answered = [a for a in answers if rng.random() >= P_BLANK]
        rows.append({"framework": fw.id, "element": element.id,
                     "score": float(np.mean(answered)) if answered else np.nan,
                     "n_answered": len(answered)})
    return pd.DataFrame(rows)


def _fix_times(bundle: dict, k: int) -> dict:
    """Replace the real clock by fixed times, so the files are the same on every run."""
    day = START + timedelta(days=1 + k % 5, minutes=17 * k)
    for i, s in enumerate(bundle["scores"]):
        s["saved"] = (day + timedelta(minutes=i // 10)).isoformat()
    for i, e in enumerate(bundle["shared_entries"]):
        e["created"] = e["updated"] = (day + timedelta(minutes=30 + 5 * i)).isoformat()
    bundle["exported"] = (START + timedelta(days=7, minutes=3 * k)).isoformat()
    return bundle


def make_class(seed: int = SEED) -> list[dict]:
    """The sample class as a list of bundle dicts (no files written)."""
    rng = np.random.default_rng(seed)
    fws = {fid: load_framework(fid) for fid in TAKEN}
    element_level = {fid: {e.id: rng.normal(0, SD_ELEMENT) for e in fw.elements}
                     for fid, fw in fws.items()}
    ids = [f"s{n}" for n in sorted(2501000 + rng.choice(900, N_LEARNERS, replace=False))]
    who_took = {fid: set(rng.choice(N_LEARNERS, n, replace=False)) for fid, n in TAKEN.items()}
    bundles, used = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for k, learner in enumerate(ids):
            journal = Journal(Path(tmp) / learner, learner=learner)
            level = rng.normal(0, SD_LEARNER)
            for fid, fw in fws.items():
                if k in who_took[fid]:
                    journal.save_scores(fid, element_scores(fw, rng, level, element_level[fid]))
            lang = "nl" if rng.random() < P_DUTCH else "en"
            done = [fw for fid, fw in fws.items() if k in who_took[fid]] or list(fws.values())
            for j in range(int(rng.integers(2, 6))):
                fw = done[j % len(done)]
                element = fw.elements[int(rng.integers(len(fw.elements)))]
                prompt_id = f"{fw.id}:{element.id}"
                # No two learners hand in the very same sentence on one question.
                fresh = [t for t in TEXTS[lang] if t not in used.get(prompt_id, set())]
                pool = fresh or TEXTS[lang]
                text = pool[int(rng.integers(len(pool)))]
                used.setdefault(prompt_id, set()).add(text)
                journal.add(prompt_id, text, notebook=None,
                            prompt=element.reflection[0],
                            share_with_teacher=bool(rng.random() < P_SHARE))
            bundles.append(_fix_times(make_bundle(journal), k))
    return bundles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATASETS / "samples" / "bundles")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.json"):
        old.unlink()
    for bundle in make_class():
        path = args.out / f"{bundle['learner']}.json"
        path.write_text(json.dumps(bundle, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {N_LEARNERS} bundles to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
