"""The kit's texts are in its own words: no seven-word run of a source article.

Every learner-facing text (each nl and en string in ``datasets/**/*.yaml`` and the markdown of
``notebooks/src/*.py``) is normalised and cut into seven-word runs; a run whose hash is in
``tests/data/seed_shingles.txt`` repeats an article word for word. Quoted titles of works are
exempt. The hash file holds no article text; ``tools/make_seed_shingles.py`` writes it from
``../shared/seeds/``.
"""

from __future__ import annotations

import pytest
from own_words import (  # noqa: E402
    HASH_FILE,
    ROOT,
    SHINGLE,
    copied_runs,
    digest,
    learner_texts,
    load_seed_hashes,
    shingle_hashes,
    shingles,
)

SEEDS_DIR = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    return load_seed_hashes()


def test_hash_file_covers_five_articles(seeds):
    assert sorted(set(seeds.values())) == ["000", "001", "002", "003", "004"]
    assert len(seeds) > 2000


def test_no_seven_word_run_of_an_article(seeds):
    hits = [
        f"{place}: '{run}' (article {article})"
        for place, text in learner_texts()
        for run, article in copied_runs(text, seeds)
    ]
    assert not hits, "texts repeat an article word for word:\n" + "\n".join(hits)


def test_texts_are_collected_from_yaml_and_notebooks():
    places = [p for p, _ in learner_texts()]
    assert any(p.startswith("datasets/frameworks/") for p in places)
    assert any(p.startswith("datasets/selfchecks/") for p in places)
    assert any(p.startswith("notebooks/src/") for p in places)
    assert len(places) > 1000


def test_a_known_run_is_flagged(seeds):
    # Weggeman's line as Dellemijn quotes it (article 003), seven words, inside a kit sentence.
    run = "professionals zijn al gemotiveerd tot ze hun manager"
    assert digest(" ".join(run.split()[:SHINGLE])) in seeds
    text = f"Een docent schreef op het bord: {run.capitalize()}, en niemand keek op."
    hits = copied_runs(text, seeds)
    assert [r for r, _ in hits] == [" ".join(run.split()[:SHINGLE]), " ".join(run.split()[1:])]
    assert {a for _, a in hits} == {"003"}


def test_a_six_word_run_and_a_quoted_title_pass(seeds):
    assert not copied_runs("Zij zeggen: professionals zijn al gemotiveerd tot ze.", seeds)
    title = "In 'Leidinggeven aan professionals? Niet doen!' schrijft Weggeman iets anders."
    assert not copied_runs(title, seeds)


def test_the_check_can_fail_on_any_fingerprint():
    text = "Dit is een zin van precies zeven woorden lang en nog wat."
    fake = {h: "999" for h in shingle_hashes("een zin van precies zeven woorden lang")}
    assert copied_runs(text, fake) == [("een zin van precies zeven woorden lang", "999")]
    assert len(shingles(text)) == 6


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="the articles are not next to this checkout")
def test_hash_file_matches_the_articles():
    stored = set(load_seed_hashes())
    fresh = set().union(*(shingle_hashes(f.read_text(encoding="utf-8"))
                          for f in sorted(SEEDS_DIR.glob("*.txt"))))
    assert stored == fresh, f"rerun tools/make_seed_shingles.py to refresh {HASH_FILE.name}"
