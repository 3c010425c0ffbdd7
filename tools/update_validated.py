"""Validate every kit data file against its schema and record the digests that passed.

Run after changing a file in ``datasets/`` (the test suite fails until you do)::

    python tools/update_validated.py

``leadkit.content.datafile.load_validated`` skips the (slow to import) schema check only for a file
whose exact bytes, with the exact schema, are listed in ``datasets/schema/validated.sha256``;
every other file is checked in full each time it is loaded.
"""

from __future__ import annotations

import sys

from leadkit.content.datafile import VALIDATED, content_digest, kit_data_files, validate_fully
from leadkit.content.paths import data_dir
from leadkit.errors import FrameworkFileError


def digests() -> list[str]:
    """``digest  path`` lines for every kit data file; raises on the first invalid one."""
    root = data_dir()
    lines = []
    for path, schema_name in kit_data_files():
        validate_fully(path, schema_name)
        lines.append(f"{content_digest(path, schema_name)}  {path.relative_to(root)}")
    return lines


def main() -> int:
    try:
        lines = digests()
    except FrameworkFileError as err:
        print(err, file=sys.stderr)
        return 1
    target = data_dir() / VALIDATED
    target.write_text("\n".join(lines) + "\n", encoding="ascii")
    print(f"wrote {target} ({len(lines)} files)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
