"""Frameworks as data: the five shipped files, validation of malformed files, the crosswalk."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import leadkit as lk
from leadkit.content.paths import data_dir

IDS = ["agile-cmo", "silo-collaboration", "customer-leadership", "leading-professionals",
       "wij-model"]
THEMES = {"trust", "shared-vision", "autonomy", "collaboration", "customer-focus", "learning",
          "recognition", "data-evidence", "bias-perspective", "communication", "engagement",
          "agility"}


def test_the_kit_ships_five_frameworks_in_notebook_order():
    assert lk.list_frameworks() == IDS


@pytest.mark.parametrize(("fid", "n"), [("agile-cmo", 7), ("customer-leadership", 10)])
def test_numbered_lists_keep_their_length(fid, n):
    # Gartner names 7 practices (seed 000), Bliss 10 traits (seed 002).
    assert len(lk.load_framework(fid).elements) == n


@pytest.mark.parametrize("fid", IDS)
def test_instrument_shape(fid):
    fw = lk.load_framework(fid)
    assert fw.scale == (1, 5) and len(fw.scale_labels) == 5
    for el in fw.elements:
        assert len(fw.items_for(el.id)) >= 2, el.id
    reversed_share = sum(it.reverse for it in fw.items) / len(fw.items)
    assert 0.1 <= reversed_share <= 0.5
    assert len(set(fw.item_ids)) == len(fw.item_ids)
    note = fw.instrument_note["en"].lower()
    assert "not" in note and "validated" in note


@pytest.mark.parametrize("fid", IDS)
def test_source_is_cited(fid):
    src = lk.load_framework(fid).source
    assert src["language"] == "nl"
    assert all(src[k].strip() for k in ("title", "author", "outlet"))


def _strings(node, path=""):
    """Yield (path, language map) for every {en, nl} text in a document."""
    if isinstance(node, dict):
        if set(node) == {"en", "nl"}:
            yield path, node
            return
        for k, v in node.items():
            yield from _strings(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _strings(v, f"{path}[{i}]")


@pytest.mark.parametrize("fid", IDS)
def test_every_learner_facing_text_exists_in_both_languages(fid):
    doc = yaml.safe_load((data_dir() / "frameworks" / f"{fid}.yaml").read_text())
    texts = list(_strings(doc))
    assert len(texts) > 50
    for path, text in texts:
        assert text["en"].strip() and text["nl"].strip(), path
        # A text identical in both languages is usually a forgotten translation.
        if len(text["en"]) > 25:
            assert text["en"] != text["nl"], f"{fid}{path} is not translated"


def test_silo_collaboration_has_the_context_profile():
    fw = lk.load_framework("silo-collaboration")
    assert len(fw.context_profile) >= 4
    for question in fw.context_profile:
        assert len(question["options"]) >= 2


def test_themes_vocabulary_and_crosswalk():
    assert set(lk.themes()["theme"]) == THEMES
    cw = lk.crosswalk()
    assert list(cw.columns) == ["framework", "element", "theme"]
    assert set(cw["framework"]) == set(IDS)
    assert set(cw["theme"]) <= THEMES
    # Every framework element appears, and no (framework, element, theme) twice.
    n_elements = sum(len(lk.load_framework(f).elements) for f in IDS)
    assert cw[["framework", "element"]].drop_duplicates().shape[0] == n_elements
    assert not cw.duplicated().any()


def test_framework_overview_table():
    table = lk.framework_overview()
    assert list(table.index) == IDS
    assert table["items"].min() >= 10


# --- malformed files -------------------------------------------------------------------------

GOOD = (data_dir() / "frameworks" / "agile-cmo.yaml").read_text(encoding="utf-8")


def _write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_a_researcher_can_load_their_own_file_from_any_path(tmp_path):
    own = _write(tmp_path, GOOD.replace("id: agile-cmo", "id: my-framework", 1))
    fw = lk.load_framework(own)
    assert fw.id == "my-framework" and len(fw.elements) == 7
    assert lk.load_framework(str(own)).id == "my-framework"


def _error(tmp_path, text) -> lk.FrameworkFileError:
    with pytest.raises(lk.FrameworkFileError) as info:
        lk.load_framework(_write(tmp_path, text))
    return info.value


def test_missing_key_names_file_place_and_expectation(tmp_path):
    doc = yaml.safe_load(GOOD)
    del doc["elements"][2]["name"]
    err = _error(tmp_path, yaml.safe_dump(doc, allow_unicode=True))
    assert "mine.yaml" in str(err)
    assert err.place == "elements[2]"
    assert "'name' is missing" in err.problem


def test_missing_translation_is_reported_at_its_place(tmp_path):
    doc = yaml.safe_load(GOOD)
    del doc["elements"][0]["explanation"]["nl"]
    err = _error(tmp_path, yaml.safe_dump(doc, allow_unicode=True))
    assert err.place == "elements[0].explanation"


def test_unknown_theme_lists_the_vocabulary(tmp_path):
    doc = yaml.safe_load(GOOD)
    doc["elements"][1]["themes"] = ["trust", "synergy"]
    err = _error(tmp_path, yaml.safe_dump(doc, allow_unicode=True))
    assert err.place == "elements[1].themes[1]" and "collaboration" in err.problem


def test_item_pointing_nowhere(tmp_path):
    doc = yaml.safe_load(GOOD)
    doc["instrument"]["items"][0]["element"] = "no-such-element"
    err = _error(tmp_path, yaml.safe_dump(doc, allow_unicode=True))
    assert err.place == "instrument.items[0].element"


def test_element_with_one_item_is_refused(tmp_path):
    doc = yaml.safe_load(GOOD)
    first = doc["elements"][0]["id"]
    items = doc["instrument"]["items"]
    keep = [i for i in items if i["element"] == first][:1]
    doc["instrument"]["items"] = keep + [i for i in items if i["element"] != first]
    err = _error(tmp_path, yaml.safe_dump(doc, allow_unicode=True))
    assert "at least 2" in err.problem and first in err.problem


def test_yaml_syntax_error_names_line(tmp_path):
    err = _error(tmp_path, "schema_version: 1\nid: [unclosed\n")
    assert err.place.startswith("line ")


def test_duplicate_keys_are_refused(tmp_path):
    err = _error(tmp_path, "schema_version: 1\nid: a\nid: b\n")
    assert "appears twice" in err.problem and err.place == "line 3, column 1"


def test_nothing_in_a_data_file_is_executed(tmp_path):
    marker = tmp_path / "pwned"
    evil = f"!!python/object/apply:os.system ['touch {marker}']\n"
    err = _error(tmp_path, evil)
    assert "not valid YAML" in err.problem
    assert not marker.exists()


def test_top_level_must_be_a_mapping(tmp_path):
    err = _error(tmp_path, "- just\n- a list\n")
    assert "mapping" in err.problem


def test_unknown_id_lists_the_known_ones():
    with pytest.raises(KeyError, match="agile-cmo"):
        lk.load_framework("agile")


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(lk.FrameworkFileError, match="does not exist"):
        lk.load_framework(tmp_path / "nope.yaml")


def test_scale_labels_must_match_scale(tmp_path):
    doc = yaml.safe_load(GOOD)
    doc["instrument"]["scale"]["high"] = 7
    err = _error(tmp_path, yaml.safe_dump(doc, allow_unicode=True))
    assert err.place == "instrument.scale.labels" and "7-point" in err.problem


