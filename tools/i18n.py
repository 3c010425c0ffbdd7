"""Manage the kit's gettext catalogues with Babel: extract, update, compile, check, new.

::

    python tools/i18n.py update     # after changing texts in the code: new ids in, old ones out
    python tools/i18n.py compile    # after translating: write the .mo files the kit reads
    python tools/i18n.py check      # what the test suite checks (exit 1 on a problem)
    python tools/i18n.py new de     # start a third language (see docs/architecture.md)

Message ids are the English texts in ``leadkit/``, marked with ``tr("...")``, ``N_("...")``,
``ngettext("...", "...", n)`` or ``counted(n, "...", "...")``. Catalogues live in
``leadkit/i18n/locale/<code>/LC_MESSAGES/leadkit.po``; the compiled ``.mo`` beside each is
committed, so an installed kit needs no build step.
"""

from __future__ import annotations

import io
import string
import sys
from datetime import datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "leadkit"
LOCALE_DIR = PACKAGE / "i18n" / "locale"
KEYWORDS = {"tr": None, "N_": None, "ngettext": (1, 2), "counted": (2, 3)}
# A fixed date keeps the files identical from run to run (they are committed).
STAMP = datetime(2026, 1, 1)


def po_path(code: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / "leadkit.po"


def catalogue_codes() -> list[str]:
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob("*/LC_MESSAGES/leadkit.po"))


def extract() -> Catalog:
    """Every message id written in the code, as a Babel template catalogue."""
    template = Catalog(project="leadkit", domain="leadkit", creation_date=STAMP,
                       revision_date=STAMP, fuzzy=False)
    for file, _lineno, message, comments, context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS,
            comment_tags=("TRANSLATORS:",), strip_comment_tags=True):
        if message in ("", ("", "")):
            continue
        template.add(message, None, [(f"leadkit/{file}", None)], auto_comments=comments,
                     context=context)
    return template


def read(code: str) -> Catalog:
    with po_path(code).open("rb") as f:
        return read_po(f, locale=code, domain="leadkit")


def write(catalog: Catalog, code: str) -> None:
    catalog.creation_date = catalog.revision_date = STAMP
    for message in catalog:
        # The kit formats with str.format ({name}); Babel would read "95% c" as a %-format.
        message.flags.discard("python-format")
    path = po_path(code)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, include_lineno=False,
             ignore_obsolete=True)
    path.write_bytes(buffer.getvalue())


def compiled(code: str) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, read(code), use_fuzzy=False)
    return buffer.getvalue()


def update() -> None:
    template = extract()
    for code in catalogue_codes():
        catalog = read(code)
        catalog.update(template, no_fuzzy_matching=True)
        write(catalog, code)
        print(f"updated {po_path(code)}")


def compile_all() -> None:
    for code in catalogue_codes():
        po_path(code).with_suffix(".mo").write_bytes(compiled(code))
        print(f"compiled {po_path(code).with_suffix('.mo')}")


def new(code: str) -> None:
    if po_path(code).exists():
        sys.exit(f"{po_path(code)} exists already")
    catalog = Catalog(locale=code, project="leadkit", domain="leadkit", fuzzy=False)
    catalog.update(extract())
    write(catalog, code)
    print(f"wrote {po_path(code)}: translate every msgstr, then compile")


def fields(text: str) -> set[str]:
    """The ``{name}`` placeholders of a message (``{{`` is a literal brace)."""
    try:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
    except ValueError:
        return {"<unbalanced braces>"}


def problems() -> list[str]:
    """What is wrong with the catalogues, one line each (empty when all is well)."""
    out = []
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in extract() if m.id}
    for code in catalogue_codes():
        catalog = read(code)
        have = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
        out += [f"{code}: not in the catalogue: {i!r}" for i in sorted(ids - have)]
        out += [f"{code}: no longer in the code: {i!r}" for i in sorted(have - ids)]
        for m in catalog:
            if not m.id:
                continue
            name = m.id if isinstance(m.id, str) else m.id[0]
            strings = m.string if isinstance(m.string, tuple) else (m.string,)
            if m.fuzzy:
                out.append(f"{code}: fuzzy (check the translation): {name!r}")
            elif not all(strings):
                out.append(f"{code}: untranslated: {name!r}")
            ids_ = m.id if isinstance(m.id, tuple) else (m.id,)
            if all(strings) and {f for s in strings for f in fields(s)} != fields(ids_[-1]):
                out.append(f"{code}: {name!r}: the placeholders differ from the English "
                           f"({sorted(fields(ids_[-1]))})")
        mo = po_path(code).with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compiled(code):
            out.append(f"{code}: {mo.name} is out of date: run python tools/i18n.py compile")
    return out


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "new" and len(argv) == 2:
        new(argv[1])
    elif command == "check":
        found = problems()
        print("\n".join(found) or "catalogues complete")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
