"""Write the fingerprints of the five source articles for the own-words test.

The kit paraphrases five Dutch articles; ``tests/content/test_content_own_words.py`` checks
that no learner-facing text repeats seven consecutive words of an article, or seven words of
which six are the article's in the same places (one word changed). The repository must not hold
the articles' text, so this script stores only truncated SHA-256 hashes:

- ``tests/data/seed_shingles.txt``: every normalised seven-word run ("shingle") of each article;
- ``tests/data/seed_shingles_masked.txt``: every run seven times, each time with another word
  replaced by a mask, so that a window that differs from the run in one word still matches.

Run it from the repository root when the articles are available next to the checkout::

    python tools/make_seed_shingles.py                      # reads ../shared/seeds/
    python tools/make_seed_shingles.py --seeds /other/dir   # or another folder of .txt files

The normalisation and hashing live in ``tests/own_words.py`` so that the test and this script
cannot drift apart.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from own_words import (  # noqa: E402
    HASH_FILE,
    MASKED_CHARS,
    MASKED_FILE,
    SHINGLE,
    masked_hashes,
    shingle_hashes,
)


def _write(out: Path, header: list[str], files: list[Path], hashes) -> int:
    lines = list(header)
    for f in files:
        article = f.name.split("_")[0]
        lines += [f"{article} {h}" for h in sorted(hashes(f.read_text(encoding="utf-8")))]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - len(header)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    args = parser.parse_args(argv)
    files = sorted(args.seeds.glob("*.txt"))
    if not files:
        print(f"no .txt articles in {args.seeds}", file=sys.stderr)
        return 1
    written = "# Written by tools/make_seed_shingles.py; one '<article> <hash>' per line."
    n = _write(HASH_FILE, [
        f"# Truncated sha256 of every normalised {SHINGLE}-word run in the source articles.",
        written], files, shingle_hashes)
    n_masked = _write(MASKED_FILE, [
        f"# Truncated sha256 ({MASKED_CHARS} hex digits) of every normalised {SHINGLE}-word run"
        " in the source articles,",
        "# once per position with the word in that place masked (tests/own_words.py, masked).",
        written], files, masked_hashes)
    print(f"{HASH_FILE.relative_to(ROOT)}: {n} shingles, {MASKED_FILE.relative_to(ROOT)}: "
          f"{n_masked} masked variants, from {len(files)} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
