"""Per-learner codes for a folder pool: who may share as whom.

A folder pool has no login: whoever runs the kit types a learner id. Without codes a learner
could share under a classmate's id (overwriting their share) or under the ids of absent
classmates, and move the class picture so that a victim's score comes out by subtraction. With
a roster the teacher therefore hands each learner a code (``leadkit class open --roster``
writes them to a file only the teacher can read); a share needs the learner's id and code.

The pool keeps only a salted, slow hash of each code. What codes cannot do is said in
``docs/privacy.md``: anyone who can write the pool's folder can still change the file itself,
bypassing the kit; on a hub where that matters, use the hub service, where the hub's login
decides who is who.

Examples
--------
>>> codes = new_codes(["ann", "bo"], seed=1)
>>> sorted(codes), len(codes["ann"])
(['ann', 'bo'], 9)
>>> salt = "0" * 32
>>> code_matches(codes["ann"].lower().replace("-", " "), hash_code(codes["ann"], salt), salt)
True
"""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
from collections.abc import Iterable

__all__ = ["new_codes", "hash_code", "code_matches", "new_salt", "ALPHABET"]

#: Letters and digits that cannot be mistaken for one another when read aloud or typed.
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_LENGTH = 8
_ROUNDS = 20_000  # a slow hash: a copied pool file does not hand over its codes cheaply


def new_codes(learners: Iterable[str], *, seed: int | None = None) -> dict[str, str]:
    """Make a code for every learner, written ``ABCD-EFGH``.

    Parameters
    ----------
    learners : iterable of str
        The learner ids.
    seed : int, optional
        Only for tests and examples: a fixed seed. The default draws from the operating
        system's secure random source.

    Returns
    -------
    dict of str to str
        Learner id to code.

    Examples
    --------
    >>> list(new_codes(["ann"], seed=3).values())
    ['RJZ8-EA8S']
    """
    draw = random.Random(seed).choice if seed is not None else secrets.choice
    out = {}
    for learner in learners:
        code = "".join(draw(ALPHABET) for _ in range(_LENGTH))
        out[learner] = f"{code[:4]}-{code[4:]}"
    return out


def new_salt() -> str:
    """Draw a pool's salt for its code hashes.

    Returns
    -------
    str
        32 hexadecimal characters.

    Examples
    --------
    >>> len(new_salt())
    32
    """
    return secrets.token_hex(16)


def _plain(code: str) -> str:
    """A code as typed, in the form it is hashed: capitals, no spaces or dashes."""
    return "".join(ch for ch in str(code).upper() if ch.isalnum())


def hash_code(code: str, salt: str) -> str:
    """Hash a code with the pool's salt (PBKDF2-HMAC-SHA256).

    Parameters
    ----------
    code : str
        The code, as handed out or typed (case, spaces and dashes do not matter).
    salt : str
        The pool's salt.

    Returns
    -------
    str
        The hash, hexadecimal.

    Examples
    --------
    >>> hash_code("abcd efgh", "s") == hash_code("ABCD-EFGH", "s")
    True
    """
    return hashlib.pbkdf2_hmac("sha256", _plain(code).encode(), salt.encode(), _ROUNDS).hex()


def code_matches(code: str | None, stored: str | None, salt: str) -> bool:
    """Tell whether a typed code is the learner's.

    Parameters
    ----------
    code : str or None
        What the learner typed.
    stored : str or None
        The stored hash of the learner's code (None: the learner is not on the roster).
    salt : str
        The pool's salt.

    Returns
    -------
    bool
        True only for the learner's own code. Missing codes and unknown learners take as long
        as wrong codes, so timing tells an attacker nothing.

    Examples
    --------
    >>> code_matches("ABCD-EFGH", None, "s"), code_matches(None, hash_code("x", "s"), "s")
    (False, False)
    """
    typed = hash_code(code or "", salt)
    return stored is not None and code is not None and hmac.compare_digest(typed, stored)
