"""The kit's texts are in its own words: no seven-word run of a source article, not even
with one word changed.

Every learner-facing text (each nl and en string in ``datasets/**/*.yaml`` and the markdown of
``notebooks/src/*.py``) is normalised and cut into seven-word runs. A run whose hash is in
``tests/data/seed_shingles.txt`` repeats an article word for word; a run that matches an
article's run in six of the seven places (one word swapped, e.g. "tot" made "totdat") has a
masked variant in ``tests/data/seed_shingles_masked.txt``. Quoted titles of works and marked
quotations (between double quotation marks, with the author named) are exempt. The hash files
hold no article text; ``tools/make_seed_shingles.py`` writes them from ``../shared/seeds/``.
This file holds no article text either: the checks on real article sentences read the articles
when they are next to the checkout.
"""

from __future__ import annotations

import pytest
from own_words import (  # noqa: E402
    HASH_FILE,
    MASKED_CHARS,
    MASKED_FILE,
    ROOT,
    copied_runs,
    digest,
    learner_texts,
    load_seed_hashes,
    masked,
    masked_hashes,
    near_copies,
    shingle_hashes,
    shingles,
)

SEEDS_DIR = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    return load_seed_hashes()


@pytest.fixture(scope="module")
def masked_seeds() -> dict[str, str]:
    return load_seed_hashes(MASKED_FILE)


def _article_runs() -> dict[str, list[str]]:
    """Article number -> its normalised seven-word runs (only where the articles are)."""
    return {f.name.split("_")[0]: shingles(f.read_text(encoding="utf-8"), quotations=False)
            for f in sorted(SEEDS_DIR.glob("*.txt"))}


needs_articles = pytest.mark.skipif(not SEEDS_DIR.is_dir(),
                                    reason="the articles are not next to this checkout")


def test_hash_file_covers_five_articles(seeds):
    assert sorted(set(seeds.values())) == ["000", "001", "002", "003", "004"]
    assert len(seeds) > 2000


@pytest.mark.parametrize(("find", "hashes", "what"), [
    (copied_runs, "seeds", "repeat an article word for word"),
    (near_copies, "masked_seeds", "match an article in six of seven words (one word changed)"),
])
def test_no_seven_word_run_of_an_article(find, hashes, what, request):
    table = request.getfixturevalue(hashes)
    hits = [
        f"{place}: '{run}' (article {article})"
        for place, text in learner_texts()
        for run, article in find(text, table)
    ]
    assert not hits, f"texts {what}:\n" + "\n".join(hits)


def test_texts_are_collected_from_yaml_and_notebooks():
    places = [p for p, _ in learner_texts()]
    assert any(p.startswith("datasets/frameworks/") for p in places)
    assert any(p.startswith("datasets/selfchecks/") for p in places)
    assert any(p.startswith("notebooks/src/") for p in places)
    assert len(places) > 1000


def test_masked_file_has_seven_variants_per_run(seeds, masked_seeds):
    assert sorted(set(masked_seeds.values())) == ["000", "001", "002", "003", "004"]
    # Seven variants of each run; two runs rarely share a variant.
    assert 6.5 * len(seeds) <= len(masked_seeds) <= 7 * len(seeds)
    assert all(len(h) == MASKED_CHARS for h in list(masked_seeds)[:50])


def test_one_word_changed_is_caught_on_any_fingerprint():
    # A kit sentence of seven words stands in for an article run: fingerprint it, change one
    # word in each place in turn, and look again inside a longer sentence.
    source = "de leider deelt elke week de cijfers"
    fake_exact = {h: "999" for h in shingle_hashes(source)}
    fake_masked = {h: "999" for h in masked_hashes(source)}
    assert copied_runs(f"Zo gaat het: {source}.", fake_exact)
    for i in range(7):
        words = source.split()
        words[i] = "anders"
        changed = f"Zo gaat het: {' '.join(words)}, en verder niets."
        assert not copied_runs(changed, fake_exact), changed
        assert near_copies(changed, fake_masked) == [(" ".join(words), "999")], changed
    # Two words changed is no longer a near copy.
    assert not near_copies("de leider deelt elke maand een cijfers", fake_masked)


@needs_articles
def test_one_word_changed_in_an_article_sentence_is_caught(seeds, masked_seeds):
    # Every run of every article, with each of its seven words replaced in turn by a word no
    # article uses: the exact check misses it, the masked check catches every one.
    caught = missed_by_exact = 0
    for article, runs in _article_runs().items():
        for run in runs:
            for i in range(len(run.split())):
                words = run.split()
                words[i] = "zwijgzaamheidsoefening"
                window = " ".join(words)
                found = near_copies(window, masked_seeds)
                assert found and found[0][1] == article, (article, i)
                caught += 1
                missed_by_exact += digest(window) not in seeds
    assert caught == 7 * len([r for rs in _article_runs().values() for r in rs])
    assert missed_by_exact == caught


@needs_articles
def test_masked_file_matches_the_articles():
    stored = set(load_seed_hashes(MASKED_FILE))
    fresh = set().union(*(masked_hashes(f.read_text(encoding="utf-8"))
                          for f in sorted(SEEDS_DIR.glob("*.txt"))))
    assert stored == fresh, f"rerun tools/make_seed_shingles.py to refresh {MASKED_FILE.name}"


def test_a_marked_quotation_is_exempt_and_an_unmarked_one_is_not(masked_seeds):
    # Built from the fingerprints, not from article text: a fake article sentence.
    sentence = "wie het werk doet weet ook hoe het beter kan"
    fake = {h: "999" for h in masked_hashes(sentence)}
    assert near_copies(f"Zij zegt: {sentence}.", fake)
    for quoted in (f'Zij zegt: "{sentence}".', f"Zij zegt: \u201e{sentence}\u201d.",
                   f"She says: \u201c{sentence}\u201d."):
        assert not near_copies(quoted, fake), quoted
    assert masked("a b") == ["* b", "a *"]


def test_a_quoted_title_passes(seeds, masked_seeds):
    title = "In 'Leidinggeven aan professionals? Niet doen!' schrijft Weggeman iets anders."
    assert not copied_runs(title, seeds) and not near_copies(title, masked_seeds)


def test_the_check_can_fail_on_any_fingerprint():
    text = "Dit is een zin van precies zeven woorden lang en nog wat."
    fake = {h: "999" for h in shingle_hashes("een zin van precies zeven woorden lang")}
    assert copied_runs(text, fake) == [("een zin van precies zeven woorden lang", "999")]
    assert len(shingles(text)) == 6


@needs_articles
def test_hash_file_matches_the_articles():
    stored = set(load_seed_hashes())
    fresh = set().union(*(shingle_hashes(f.read_text(encoding="utf-8"))
                          for f in sorted(SEEDS_DIR.glob("*.txt"))))
    assert stored == fresh, f"rerun tools/make_seed_shingles.py to refresh {HASH_FILE.name}"
