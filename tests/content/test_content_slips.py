"""The slips found in the content review (issue #12) stay fixed.

Covers the kit's own content files: frameworks, cases, self-checks, prompts, themes and the
markdown of the notebook sources. (The team scenarios in ``datasets/scenarios/`` are checked by
their own tests.)
"""

from __future__ import annotations

import re

import pytest
import yaml
from own_words import ROOT, learner_texts  # noqa: E402

import leadkit as lk  # noqa: E402

FRAMEWORKS = sorted((ROOT / "datasets" / "frameworks").glob("*.yaml"))


def _content_texts():
    return [(p, t) for p, t in learner_texts() if not p.startswith("datasets/scenarios/")]


def _dutch(texts):
    return [(p, t) for p, t in texts if p.endswith(".nl") or p.endswith(" nl")]


TEXTS = _content_texts()
DUTCH = _dutch(TEXTS)

# Wording the review flagged: glosses presented as an article's, anglicisms, clumsy Dutch.
GONE = [
    "Editorial staff (no named author)",
    "study of chief marketing",
    "In één adem",
    "Most leaders come from one of the disciplines",
    "CRM and content were added because",
    "Jossey-Bass",
    "gimmicks at the coffee",
    "of their own accord",
    "Every extra procedure takes time",
    "achter het bureau van de directeur",
    "niet af gekomen",
    "als teamleden openlijk tegenspreken",
    "laag na laag",
    "aan het roer willen staan",
    "statusupdate aan jou",
    "wier steun",
    "overrulen",
    "overgemanaged",
    "werkkennis",
    "500 agenten",
    "ruimt vooroordelen op",
    "Juist. Juist",
    "Maak het het",
    "pushing them into motivation",
    "topics they know more about",
    "the person to be convinced",
    "Successfully Lead",
    "Neutraal",
    # The line-by-line read against the articles: attributions, readings, Dutch and English.
    "feel what the articles claim",
    "ervaar wat de artikelen beweren",
    "the profile the reader comment recommends",
    "silos of the article",
    "silo's uit het artikel",
    "suspicion running between",
    "people only take decisions when",
    "the flow of feedback",
    "De uitvoering volgt dan vanzelf",
    "Make people want to listen",
    "vier-ogencontrole",
    "digitale lead",
    "customer experience lead",
    "plek in het middelpunt",
    "eigentijds toezicht",
    "webwinkel in mode",
    "Dat werkt wel alleen als",
    "richting de klant",
    "Een maaltijdboxabonnement",
    "brengen niet de verandering",
    "het winnen van collega's",
    "in eigen woorden van de kit",
    "De leider van team",
    "enquête",
    "a case from the own context",
    "a shared reason for existing",
    "proven models",
    "salary and office space",
    "budgets are shrinking",
]


@pytest.mark.parametrize("phrase", GONE)
def test_flagged_phrase_is_gone(phrase):
    places = [p for p, t in TEXTS if phrase in " ".join(t.split())]
    raw = [f.name for f in FRAMEWORKS if phrase in f.read_text(encoding="utf-8")]
    assert not places and not raw, f"{phrase!r} is still in: {places + raw}"


@pytest.mark.parametrize("word", ["advertising", "als leider"])
def test_dutch_texts_do_not_say(word):
    hits = [p for p, t in DUTCH if re.search(rf"\b{word}\b", t)]
    assert not hits, f"Dutch texts say {word!r}: {hits}"


def test_dutch_uses_one_term_for_element_and_account_ceo():
    words = re.compile(r"(?<![\w`-])(element|elementen|elementscores?)(?![\w`-])")
    hits = [p for p, t in DUTCH if words.search(t)]
    assert not hits, f"Dutch texts say 'element' (use 'onderdeel'): {hits}"
    ceo = [p for p, t in DUTCH if "account CEO" in t]
    assert not ceo, f"write 'account-CEO' in Dutch: {ceo}"


def test_glossary_lists_the_chosen_terms():
    text = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    for en, nl in [("element", "onderdeel"), ("framework", "raamwerk"),
                   ("account CEO", "account-CEO")]:
        assert re.search(rf"\| {re.escape(en)} \| {re.escape(nl)} \|", text), (en, nl)


@pytest.mark.parametrize("path", FRAMEWORKS, ids=lambda p: p.stem)
def test_source_fields_exist_in_both_languages(path):
    source = yaml.safe_load(path.read_text(encoding="utf-8"))["source"]
    for key in ("author", "outlet", "based_on"):
        if key in source:
            assert isinstance(source[key], dict) and set(source[key]) == {"en", "nl"}, key
    fw = lk.load_framework(path.stem)
    lk.set_language("nl")
    try:
        nl_ref = fw.citation()
    finally:
        lk.set_language("en")
    assert fw.source.texts("author")["nl"] in nl_ref
    assert fw.source.texts("outlet")["en"] in fw.citation()


@pytest.mark.parametrize("path", FRAMEWORKS, ids=lambda p: p.stem)
def test_dutch_scale_labels_match_the_english_ones(path):
    labels = yaml.safe_load(path.read_text(encoding="utf-8"))["instrument"]["scale"]["labels"]
    pairs = {
        "Strongly disagree": "Helemaal mee oneens",
        "Disagree": "Mee oneens",
        "Neither agree nor disagree": "Niet eens, niet oneens",
        "Agree": "Mee eens",
        "Strongly agree": "Helemaal mee eens",
    }
    assert [(x["en"], x["nl"]) for x in labels] == list(pairs.items())


def test_agile_cmo_source_says_what_the_article_says():
    src = lk.load_framework("agile-cmo").source
    assert "Bron: CustomerTalk" in src.texts("author")["en"]
    assert "Succesfully Lead Today's Agile Marketing Organisation" in " ".join(
        src.texts("based_on")["en"].split())
    assert "for CMOs" in lk.load_framework("agile-cmo").summary["en"]


@pytest.mark.parametrize("fid, element, marker", [
    ("agile-cmo", "learn-and-share-authority", "Our reading"),
    ("silo-collaboration", "own-incompetence-and-bias", "Our reading"),
    ("customer-leadership", "revenue-earns-attention", "Our reading"),
    ("customer-leadership", "be-steadfast", "Our reading"),
    ("leading-professionals", "no-burden-of-rules", "Our reading"),
    ("wij-model", "account-ceo", "Our reading"),
    ("customer-leadership", "close-the-loop", "Our reading"),
])
def test_the_kits_own_readings_are_marked(fid, element, marker):
    el = lk.load_framework(fid).element(element)
    assert marker in el.explanation["en"]
    assert "In deze kit" in el.explanation["nl"]


def test_silo_summary_carries_the_articles_closing_argument():
    summary = lk.load_framework("silo-collaboration").summary
    assert "creative" in summary["en"] and "culture" in summary["en"]
    assert "creatief" in summary["nl"] and "cultuur" in summary["nl"]


def test_t_shape_note_does_not_credit_the_article_with_content():
    note = yaml.safe_load((ROOT / "datasets/cases/silo-t-shape.yaml").read_text())["note"]
    assert "kit's own addition" in note["en"] and "eigen toevoeging" in note["nl"]


REWRITTEN = ["cust16", "cust19", "prof17", "wij14", "acmo08", "prof09", "acmo13", "silo21",
             "wij05", "wij09", "cust07", "wij19", "wij13", "silo15", "acmo25", "prof03", "prof14"]


def _items():
    return {it.id: it for fid in lk.list_frameworks() for it in lk.load_framework(fid).items}


@pytest.mark.parametrize("item_id", REWRITTEN)
def test_rewritten_item_is_rateable_by_leader_and_observer(item_id):
    it = _items()[item_id]
    assert re.search(r"\b(I|me|my)\b", it.self_text["en"]), it.self_text["en"]
    assert re.search(r"\b(ik|mij|mijn)\b", it.self_text["nl"], re.I), it.self_text["nl"]
    assert re.search(r"\bmy manager\b", it.observer_text["en"], re.I), it.observer_text["en"]
    assert "mijn leidinggevende" in it.observer_text["nl"].lower(), it.observer_text["nl"]
    for text in (it.self_text["en"], it.observer_text["en"]):
        assert not re.search(r"\b(every decision|mainly talk about what went wrong|"
                             r"want to see|same story)\b", text), text


def test_every_item_has_both_forms_in_both_languages():
    for it in _items().values():
        assert all(it.self_text[k].strip() and it.observer_text[k].strip() for k in ("en", "nl"))
        assert "mijn leidinggevende" in it.observer_text["nl"].lower(), it.id


def test_correct_feedback_does_not_repeat_the_verdict():
    # The self-check widget already opens with "Correct." / "Juist."
    # (leadkit/learning/selfcheck.py).
    opener = re.compile(r"^(Yes|Right|Correct|Exactly|Ja|Klopt|Precies|Goed gezien|Juist)[.:!,]\s")
    repeats = []
    for path in sorted((ROOT / "datasets" / "selfchecks").glob("*.yaml")):
        for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
            for o in q["options"]:
                if o.get("correct"):
                    repeats += [f"{path.name}:{q['id']}:{lang}" for lang in ("en", "nl")
                                if opener.match(o["feedback"][lang])]
    assert not repeats, repeats
