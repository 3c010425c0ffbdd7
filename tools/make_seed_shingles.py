"""Write the fingerprints of the five source articles for the own-words test.

The kit paraphrases five Dutch articles; ``tests/content/test_content_own_words.py`` checks that no
learner-facing text repeats seven or more consecutive words of an article. The repository must
not hold the articles' text, so this script stores only truncated SHA-256 hashes of every
normalised seven-word run ("shingle") of each article in ``tests/data/seed_shingles.txt``.

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

from own_words import SHINGLE, shingle_hashes  # noqa: E402

OUT = ROOT / "tests" / "data" / "seed_shingles.txt"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    args = parser.parse_args(argv)
    files = sorted(args.seeds.glob("*.txt"))
    if not files:
        print(f"no .txt articles in {args.seeds}", file=sys.stderr)
        return 1
    lines = [
        f"# Truncated sha256 of every normalised {SHINGLE}-word run in the source articles.",
        "# Written by tools/make_seed_shingles.py; one '<article> <hash>' per line.",
    ]
    for f in files:
        article = f.name.split("_")[0]
        hashes = sorted(shingle_hashes(f.read_text(encoding="utf-8")))
        lines += [f"{article} {h}" for h in hashes]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(lines) - 2} shingles from {len(files)} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
