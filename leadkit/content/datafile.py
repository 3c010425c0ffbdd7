"""Safe reading and schema validation of the kit's YAML/JSON data files.

Every data file (frameworks, themes, scenarios, the dataset catalog) is read with a safe YAML
loader — nothing in a data file is ever executed — and checked against a JSON Schema in
``datasets/schema/``. A problem is reported as a :class:`~leadkit.errors.FrameworkFileError`
that names the file, the place in the document (``elements[2].name.nl``) and what was expected.

Examples
--------
>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "bad.yaml"
>>> _ = p.write_text("schema_version: 1\\nthemes:\\n  - id: Trust\\n")
>>> try:
...     load_validated(p, "themes")
... except FrameworkFileError as err:
...     print(err.place)
themes[0]
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from leadkit.content.paths import data_dir
from leadkit.docparams import shared_params
from leadkit.errors import FrameworkFileError

if TYPE_CHECKING:
    import jsonschema

__all__ = ["MAX_DATA_BYTES", "VALIDATED", "read_yaml", "load_validated", "content_digest",
           "kit_data_files", "validate_fully",
           "schema", "format_place"]


#: The largest kit data file read (a framework file is about 40 kB).
MAX_DATA_BYTES = 2_000_000
#: The deepest nesting read (a framework file nests five levels); deeper is refused at once.
MAX_DEPTH = 64
#: The longest whole number read: an id or a count, never a number of thousands of digits.
MAX_DIGITS = 30


class _StrictSafeLoader(yaml.SafeLoader):
    """A safe loader that refuses duplicate keys (YAML would silently keep the last one) and
    aliases: the kit's files need none, and nested aliases can expand a small file into
    gigabytes (a "billion laughs") before anything could check it."""

    _depth = 0

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201 - PyYAML's signature
        if self.check_event(yaml.events.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in kit data files; write the "
                "value out", event.start_mark)
        # PyYAML composes by recursion: refuse deep nesting before Python's stack runs out.
        if self._depth >= MAX_DEPTH:
            raise yaml.composer.ComposerError(
                None, None, f"nested more than {MAX_DEPTH} levels deep; a kit data file nests "
                "a few levels", self.peek_event().start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _construct_mapping(loader: _StrictSafeLoader, node: yaml.MappingNode, deep: bool = False):
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a word or a number, not a list or a mapping",
                key_node.start_mark)
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} appears twice", key_node.start_mark
            )
        seen[key] = 1
    return loader.construct_mapping(node, deep=deep)


_StrictSafeLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)


def _construct_int(loader: _StrictSafeLoader, node: yaml.ScalarNode) -> int:
    digits = sum(ch.isdigit() for ch in str(node.value))
    if digits > MAX_DIGITS:
        raise yaml.constructor.ConstructorError(
            None, None, f"a number of {digits} digits; a kit data file needs at most "
            f"{MAX_DIGITS}", node.start_mark)
    return loader.construct_yaml_int(node)


_StrictSafeLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


@shared_params
def read_yaml(path: str | Path) -> Any:
    """Read a YAML (or JSON) file safely; syntax errors name the line and column.

    Parameters
    ----------
    %(data_file)s

    Returns
    -------
    object
        The parsed document (usually a dict); YAML tags beyond the safe ones are refused.

    Raises
    ------
    FrameworkFileError
        The file is missing, not a regular file, too large, not UTF-8, or not valid YAML
        (naming the line and column).

    Examples
    --------
    >>> doc = read_yaml(data_dir() / "frameworks" / "agile-cmo.yaml")
    >>> doc["id"]
    'agile-cmo'
    """
    path = Path(path)
    if path.exists() and not path.is_file():
        raise FrameworkFileError(str(path), "", "not a regular file (a folder, pipe or device)")
    if path.is_file() and path.stat().st_size > MAX_DATA_BYTES:
        raise FrameworkFileError(str(path), "", f"the file is larger than {MAX_DATA_BYTES:,} "
                                 "bytes; a kit data file is far smaller")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise FrameworkFileError(str(path), "", "the file does not exist") from None
    except UnicodeDecodeError as err:
        raise FrameworkFileError(
            str(path), f"byte {err.start}", "the file is not UTF-8 text"
        ) from None
    try:
        return yaml.load(text, Loader=_StrictSafeLoader)  # noqa: S506 - strict *safe* loader
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        place = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = err.problem or str(err)
        raise FrameworkFileError(str(path), place, f"not valid YAML: {problem}") from None
    except yaml.YAMLError as err:
        raise FrameworkFileError(str(path), "", f"not valid YAML: {err}") from None


@cache
def schema(name: str) -> dict:
    """Return the JSON Schema ``datasets/schema/<name>.schema.json``."""
    path = data_dir() / "schema" / f"{name}.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


def format_place(path: Any) -> str:
    """Turn a jsonschema path (``deque(['elements', 2, 'name'])``) into ``elements[2].name``.

    Parameters
    ----------
    path : iterable of str and int
        The keys and list positions from the top of the document down.

    Returns
    -------
    str
        The place written as in Python, ``""`` for the top.

    Examples
    --------
    >>> format_place(["elements", 2, "name"]), format_place([])
    ('elements[2].name', '')
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _shorten(text: str, limit: int = 300) -> str:
    """A message of bounded length: a value from the file is quoted, never dumped whole."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _explain(error: jsonschema.ValidationError) -> str:
    """Say what was expected in words a teacher can act on."""
    v = error.validator
    if v == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"the key '{missing}' is missing"
    if v == "additionalProperties":
        return f"unexpected key(s): {error.message.split('(')[-1].rstrip(')')}"
    if v == "pattern":
        shown = _shorten(repr(error.instance), 80)
        if "a-z0-9_" in str(error.validator_value):  # an item id of a framework file
            return (f"{shown} is not allowed here: expected lowercase letters, digits and "
                    "underscores, starting with a letter (like 'acmo01'); for item ids as your "
                    "data writes them (A1, Q1_1) write a keys file and load it with "
                    "lk.load_instrument")
        return (
            f"{shown} is not allowed here: expected lowercase letters, digits and single "
            "dashes (like 'build-trust')"
            if "a-z" in str(error.validator_value)
            else f"{shown} must not be empty"
        )
    if v in ("type", "const", "enum", "minItems", "maxItems", "minLength", "uniqueItems"):
        return error.message.replace("is not of type", "should be of type")
    return error.message


#: Digests of the kit's own data files that passed their schema when the kit was built
#: (``tools/update_validated.py`` writes it; a test fails when it is out of date).
VALIDATED = "schema/validated.sha256"


@shared_params
def content_digest(path: str | Path, schema_name: str) -> str:
    """SHA-256 of the schema's name and text and the file's bytes: what was validated.

    Parameters
    ----------
    %(data_file_schema)s

    Returns
    -------
    str
        64 hexadecimal digits; any change to the file or the schema changes it.

    Examples
    --------
    >>> len(content_digest(data_dir() / "frameworks" / "agile-cmo.yaml", "framework"))
    64
    """
    digest = hashlib.sha256(schema_name.encode() + b"\0")
    digest.update((data_dir() / "schema" / f"{schema_name}.schema.json").read_bytes() + b"\0")
    digest.update(Path(path).read_bytes())
    return digest.hexdigest()


@cache
def _validated_digests() -> frozenset[str]:
    path = data_dir() / VALIDATED
    if not path.is_file():
        return frozenset()
    return frozenset(line.split()[0] for line in path.read_text(encoding="ascii").splitlines()
                     if line.strip())


@shared_params
def load_validated(path: str | Path, schema_name: str) -> Any:
    """Read ``path`` and validate it against the named schema; return the parsed document.

    A kit data file whose exact bytes (with the exact schema) passed validation when the kit
    was built is not validated again: its digest is in ``datasets/schema/validated.sha256``.
    Any other file — an edited kit file, a teacher's own framework — is validated in full.

    Parameters
    ----------
    %(data_file_schema)s

    Returns
    -------
    dict
        The parsed document.

    Raises
    ------
    FrameworkFileError
        The file cannot be read (see :func:`read_yaml`), its top is not a mapping, or it does
        not pass the schema; the message names the place in the document.

    Examples
    --------
    >>> load_validated(data_dir() / "frameworks" / "agile-cmo.yaml", "framework")["id"]
    'agile-cmo'
    """
    doc = read_yaml(path)
    if not isinstance(doc, dict):
        raise FrameworkFileError(
            str(path), "", f"expected a mapping of keys at the top, found {type(doc).__name__}"
        )
    if content_digest(path, schema_name) in _validated_digests():
        return doc
    _check_schema(path, doc, schema_name)
    return doc


#: Which schema each of the kit's own data files follows.
_KIT_FILES = {"frameworks/*.yaml": "framework", "cases/*.yaml": "case",
              "selfchecks/*.yaml": "selfcheck", "scenarios/*.yaml": "scenario",
              "themes.yaml": "themes", "prompts.yaml": "prompts", "catalog.yaml": "catalog"}


def kit_data_files() -> list[tuple[Path, str]]:
    """Every data file that ships with the kit, with the name of its schema.

    Returns
    -------
    list of (pathlib.Path, str)
        Each data file and its schema name, grouped by kind and sorted by path.

    Examples
    --------
    >>> path, name = kit_data_files()[0]
    >>> path.name, name
    ('agile-cmo.yaml', 'framework')
    """
    root = data_dir()
    return [(path, name) for pattern, name in _KIT_FILES.items()
            for path in sorted(root.glob(pattern))]


@shared_params
def validate_fully(path: str | Path, schema_name: str) -> None:
    """Validate against the schema whatever the digest list says (for the build tool).

    :func:`load_validated` trusts the digests in ``datasets/schema/validated.sha256``, so the
    tool that writes that list (``tools/update_validated.py``) checks every file in full here.

    Parameters
    ----------
    %(data_file_schema)s

    Returns
    -------
    None
        Returns quietly when the file passes the schema.

    Raises
    ------
    FrameworkFileError
        The file cannot be read, or it does not pass the schema.

    Examples
    --------
    >>> validate_fully(data_dir() / "frameworks" / "agile-cmo.yaml", "framework")
    """
    _check_schema(path, read_yaml(path), schema_name)


def _check_schema(path: str | Path, doc: Any, schema_name: str) -> None:
    """Raise a :class:`FrameworkFileError` for the most telling way ``doc`` fails the schema.

    The errors are ordered from the top of the document down before the best one is picked,
    so the same file always gets the same message.
    """
    import jsonschema  # imported here: it takes a second to load and most imports never need it

    validator = jsonschema.Draft202012Validator(schema(schema_name))
    errors = sorted(validator.iter_errors(doc), key=lambda e: (len(e.absolute_path), e.path))
    if errors:
        err = jsonschema.exceptions.best_match(errors)
        raise FrameworkFileError(str(path), format_place(err.absolute_path)[:200],
                                 _shorten(_explain(err)))
