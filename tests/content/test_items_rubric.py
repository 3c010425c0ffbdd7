"""The questionnaire items follow the rubric in ``docs/item-rubric.md``, as far as a machine can
tell: balanced keying, both forms about one person's visible behaviour, no copied items.
"""

from __future__ import annotations

import itertools
import re

import pytest

import leadkit as lk

FRAMEWORKS = lk.list_frameworks()
ITEMS = [(fid, it) for fid in FRAMEWORKS for it in lk.load_framework(fid).items]

# Words every item may share without saying the same thing.
GENERIC = set("""
i me my we our us you your the a an to of in on at for with and or but not no than that this it
its their them they who what which when as by from be is are was were do does have has will can
before after only also even so if into about more most own each every all any there then first
team teams member members customer customers manager work ask asks give gives make makes tell
tells let lets what whether
""".split())


def content_words(text: str) -> set[str]:
    """The content words of an English item, with a crude plural and tense ending removed."""
    out = set()
    for word in re.findall(r"[a-z']+", text.lower()):
        if word in GENERIC:
            continue
        for end in ("ing", "ed", "es", "s"):
            if word.endswith(end) and len(word) - len(end) >= 4:
                word = word[: -len(end)]
                break
        out.add(word)
    return out


@pytest.mark.parametrize("fid", FRAMEWORKS)
def test_every_element_has_three_items_and_one_reverse_item(fid):
    fw = lk.load_framework(fid)
    for el in fw.elements:
        items = fw.items_for(el.id)
        assert len(items) >= 3, f"{fid}/{el.id}: {len(items)} items"
        assert sum(it.reverse for it in items) == 1, f"{fid}/{el.id}: reverse keys unbalanced"
    share = sum(it.reverse for it in fw.items) / len(fw.items)
    assert 0.2 <= share <= 0.4, f"{fid}: {share:.0%} of the items are reverse-keyed"


@pytest.mark.parametrize("fid, item", ITEMS, ids=[it.id for _, it in ITEMS])
def test_an_item_is_one_persons_visible_behaviour(fid, item):
    self_en, self_nl = item.self_text["en"], item.self_text["nl"]
    assert re.search(r"\b(I|me|my)\b", self_en), self_en
    assert re.search(r"\b(ik|mij|me|mijn)\b", self_nl, re.I), self_nl
    assert re.search(r"\bmy manager\b", item.observer_text["en"], re.I), item.observer_text["en"]
    assert "mijn leidinggevende" in item.observer_text["nl"].lower(), item.observer_text["nl"]
    # What a leader knows, can do or assumes is not something the team can see.
    state = re.compile(r"\bI (know|can|could|assume|believe|think|feel|try to)\b")
    assert not state.search(self_en), f"{item.id} states knowledge or belief: {self_en}"


def test_no_two_items_say_the_same_thing():
    alike = []
    for (_, a), (_, b) in itertools.combinations(ITEMS, 2):
        wa, wb = content_words(a.self_text["en"]), content_words(b.self_text["en"])
        if len(wa & wb) / len(wa | wb) >= 0.5:
            alike.append(f"{a.id} ~ {b.id}: {sorted(wa & wb)}")
    assert not alike, "items that share most of their content words:\n" + "\n".join(alike)


def test_the_check_for_alike_items_would_speak_up():
    a = content_words("I leave it to team members how they help a customer.")
    b = content_words("I let team members decide how they help customers.")
    assert len(a & b) / len(a | b) >= 0.5
    c = content_words("I tell the team which company priorities its own plans must serve.")
    assert len(a & c) / len(a | c) < 0.5


# The items the review rewrote, and the old ids that must not come back (docs/item-rubric.md).
RETIRED = ["acmo24", "cust01", "prof02", "silo05", "silo13", "silo16", "wij03"]


def test_retired_ids_stay_retired():
    ids = {it.id for _, it in ITEMS}
    assert not ids & set(RETIRED), ids & set(RETIRED)
    assert len(ids) == len(ITEMS)
