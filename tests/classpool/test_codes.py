"""A folder pool with a roster hands out codes: nobody shares as someone else."""

from __future__ import annotations

import pytest

from leadkit.classpool.codes import code_matches, hash_code, new_codes
from leadkit.classpool.pool import ClassPool
from leadkit.errors import LeadkitError

FW, E = "agile-cmo", "build-trust"
ROSTER = ["ann", "bo", "cy", "di", "ed", "fay"]


@pytest.fixture
def pool(tmp_path) -> ClassPool:
    return ClassPool.create(tmp_path / "pool", roster=ROSTER)


def test_the_differencing_attack_with_absent_classmates_ids_is_refused(pool):
    """The attack: after the victim shares, the attacker shares as two absent classmates so
    the release moves, and reads the victim's score as n2·m2 − n1·m1 − the fakes."""
    for who, value in [("ann", 4.0), ("bo", 3.0), ("cy", 2.0)]:
        pool.share(learner=who, code=pool.codes[who], framework=FW, scores={E: value})
    before = pool.view(FW).set_index("element").loc[E]
    for absent in ("ed", "fay"):
        for guess in (None, "", "AAAA-AAAA", pool.codes["ann"]):  # another's code fails too
            with pytest.raises(LeadkitError, match="do not match"):
                pool.share(learner=absent, code=guess, framework=FW, scores={E: 5.0})
    after = pool.view(FW).set_index("element").loc[E]
    assert (before["n"], before["mean"]) == (after["n"], after["mean"])


def test_nobody_overwrites_a_classmates_share(pool):
    pool.share(learner="ann", code=pool.codes["ann"], framework=FW, scores={E: 4.0})
    with pytest.raises(LeadkitError, match="do not match"):
        pool.share(learner="ann", code=pool.codes["bo"], framework=FW, scores={E: 1.0})
    with pytest.raises(LeadkitError, match="do not match"):  # an id not on the roster: same words
        pool.share(learner="zed", code="ABCD-EFGH", framework=FW, scores={E: 1.0})


def test_codes_are_read_as_typed_and_kept_only_as_hashes(pool, tmp_path):
    code = pool.codes["di"]
    pool.share(learner="DI ", code=f" {code.lower().replace('-', ' ')} ", framework=FW,
               scores={E: 3.0})
    raw = (tmp_path / "pool" / "classpool.sqlite").read_bytes()
    assert code.encode() not in raw and code.replace("-", "").encode() not in raw
    assert ClassPool(tmp_path / "pool").needs_code and ClassPool(tmp_path / "pool").codes == {}


def test_codes_are_readable_and_not_guessable():
    codes = new_codes([f"s{i}" for i in range(200)])
    assert len(set(codes.values())) == 200
    assert all(len(c) == 9 and c[4] == "-" and not set(c) & set("01IO") for c in codes.values())
    assert not code_matches("ABCD-EFGH", hash_code("ABCD-EFGI", "salt"), "salt")


def test_codes_need_a_roster_and_a_folder(tmp_path):
    with pytest.raises(LeadkitError, match="roster"):
        ClassPool.create(tmp_path / "p", codes=True)
    assert ClassPool.create(tmp_path / "q").codes == {}  # no roster: anyone may share
