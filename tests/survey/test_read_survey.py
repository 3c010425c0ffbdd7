"""read_survey: every export of the same answers scores as the plain CSV does.

The fixtures in tests/data/surveys/ are written by tools/make_survey_exports.py from the wave-1
self-assessments of the sample class (64 people, 33 answers left empty): a Qualtrics CSV and a
choice-text TSV, a Google Forms CSV, a Microsoft Forms workbook, a LimeSurvey CSV, SPSS .sav,
.zsav and .por, a Stata .dta and an .ods, with the keys file agile-keys.yaml.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from datafiles import DATA

import leadkit as lk
from leadkit.errors import FrameworkFileError, InputError

SURVEYS = DATA / "surveys"
KEYS = SURVEYS / "agile-keys.yaml"

EXPORTS = {
    "agile-qualtrics.csv": "qualtrics",
    "agile-qualtrics-text.tsv": "qualtrics",
    "agile-google-forms.csv": "google-forms",
    "agile-microsoft-forms.xlsx": "microsoft-forms",
    "agile-limesurvey.csv": "limesurvey",
    "agile-self.sav": "spss",
    "agile-self.zsav": "spss",
    "agile-self.por": "spss",
    "agile-self.dta": "stata",
    "agile-self.ods": "table",
}


@pytest.fixture(scope="module")
def keys() -> lk.Instrument:
    return lk.load_instrument(KEYS)


@pytest.fixture(scope="module")
def plain_scores(keys) -> pd.DataFrame:
    return lk.score(lk.read_survey(SURVEYS / "agile-self.csv", keys), keys)


def _read(path, keys, **kwargs) -> tuple[pd.DataFrame, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = lk.read_survey(path, keys, **kwargs)
    return table, [str(w.message) for w in caught]


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_each_export_scores_as_the_plain_csv(name, keys, plain_scores):
    table, _ = _read(SURVEYS / name, keys)
    assert table.attrs["layout"] == EXPORTS[name]
    assert list(table.columns[-len(keys.items):]) == keys.item_ids
    scores = lk.score(table, keys)
    assert len(scores) == len(plain_scores) == 64 * len(keys.elements)
    np.testing.assert_array_equal(scores["score"].to_numpy(), plain_scores["score"].to_numpy())
    assert scores["n_answered"].tolist() == plain_scores["n_answered"].tolist()


def test_qualtrics_sets_metadata_aside_and_counts_unfinished(keys):
    table, notes = _read(SURVEYS / "agile-qualtrics.csv", keys)
    assert table["respondent"].str.startswith("R_").all()
    assert "team" in table.columns  # embedded data named as the kit's metadata is kept
    assert {"StartDate", "IPAddress", "Finished"} <= set(table.attrs["metadata_columns"])
    assert any("2 responses are unfinished" in n for n in notes)
    # Header rows 1-4 (the question text of Q1_1 spans two lines): answers start on line 5.
    assert table.index[0] == 5


def test_messages_name_the_line_an_editor_shows(keys, tmp_path):
    # Records end in CRLF; the question text of Q1_1 holds a bare LF, so record 1 (the texts)
    # is lines 2-3, the ImportId row line 4, and record 5 (the third response) line 7.
    lines = (SURVEYS / "agile-qualtrics.csv").read_bytes().split(b"\r\n")
    lines[5] = lines[5].replace(b",EN,T1,", b",EN,T1,often", 1)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\r\n".join(lines))
    with pytest.raises(InputError) as caught:
        lk.read_survey(bad, keys)
    assert (caught.value.row, caught.value.column) == (7, "acmo01")
    assert "the text 'often3' is not an answer" in str(caught.value)


def test_spss_user_missing_values_are_read_as_missing_and_counted(keys):
    table, notes = _read(SURVEYS / "agile-self.sav", keys)
    assert (table[keys.item_ids] == -99).sum().sum() == 0
    assert any("33 answers held a user-defined missing value" in n for n in notes)
    assert table.index[:2].tolist() == [1, 2]  # cases as SPSS numbers them


def test_google_forms_without_an_id_numbers_respondents_in_file_order(keys):
    table, _ = _read(SURVEYS / "agile-google-forms.csv", keys)
    assert table["respondent"].tolist()[:3] == ["1", "2", "3"]
    assert table.index[0] == 2


def test_columns_and_respondent_rename_for_any_layout(keys, tmp_path):
    plain = pd.read_csv(SURVEYS / "agile-self.csv")
    plain.columns = ["who", "team"] + [f"q{i}" for i in range(1, 25)]
    path = tmp_path / "renamed.csv"
    plain.to_csv(path, index=False)
    mapping = dict(zip([f"q{i}" for i in range(1, 25)], keys.item_ids, strict=True))
    table = lk.read_survey(path, keys, columns=mapping, respondent="who")
    assert table["respondent"].iloc[0] == "T1-L"
    as_function = lk.read_survey(path, keys, columns=mapping.get, respondent="who")
    pd.testing.assert_frame_equal(table, as_function)
    with pytest.raises(InputError, match="there is no column 'id' for the respondent"):
        lk.read_survey(path, keys, columns=mapping, respondent="id")


def test_a_recognised_export_names_the_items_not_found_and_the_nearest_headers(keys, tmp_path):
    text = (SURVEYS / "agile-google-forms.csv").read_text(encoding="utf-8")
    statement = keys.items[0].text()
    path = tmp_path / "form.csv"
    path.write_text(text.replace(statement[:-1], statement[:-8] + "the team"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        lk.read_survey(path, keys)
    message = str(caught.value)
    assert "Google Forms export: 1 item of the instrument is not among its columns: acmo01" in (
        message)
    assert "nearest headers: acmo01 ~ 'How often" in message


def test_choice_text_is_read_through_the_labels(keys):
    import csv
    import io

    table, _ = _read(SURVEYS / "agile-qualtrics-text.tsv", keys)
    text = (SURVEYS / "agile-qualtrics-text.tsv").read_text(encoding="utf-16")
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter="\t"))
    first = records[3][records[0].index("Q1_1")]
    assert first in keys.answer_labels()[int(table["acmo01"].iloc[0])]


# ---------------------------------------------------------------------- instruments


def test_keys_file_errors_name_the_line(tmp_path):
    path = tmp_path / "keys.yaml"
    path.write_text("name: bfi\nscale: [1, 6]\nscales:\n  agree: [-A1, A2]\n  extra: [-wave, E2]\n"
                    "labels: {1: Very Inaccurate, 7: Beyond}\n", encoding="utf-8")
    with pytest.raises(FrameworkFileError) as caught:
        lk.load_instrument(path)
    assert "line 5 (scales.extra.0)" in str(caught.value)
    assert "'wave' is a column of the response table" in str(caught.value)
    path.write_text("scale: [1, 6]\nscales:\n  agree: [-A1, A2]\nlabels:\n  1: Very Inaccurate"
                    "\n  7: Beyond\n", encoding="utf-8")
    with pytest.raises(FrameworkFileError, match=r"line 6 \(labels.7\): 7 is not an answer"):
        lk.load_instrument(path)


@pytest.mark.parametrize("reserved", ["team", "wave", "target", "Respondent", "rater"])
def test_reserved_column_names_are_refused_as_item_ids(reserved):
    # Before: an item called 'team' was accepted and its answers became team labels.
    with pytest.raises(FrameworkFileError, match="is a column of the response table"):
        lk.Instrument.from_keys({"s": [reserved, "A2"]}, (1, 5))


def test_item_ids_are_taken_as_the_data_writes_them():
    ins = lk.Instrument.from_keys({"s": ["A[SQ001]", "-item.3", "Q1_1"]}, (1, 5))
    table = pd.DataFrame({"respondent": ["a"], "A[SQ001]": [5], "item.3": [1], "Q1_1": [5]})
    assert lk.score(table, ins)["score"].tolist() == [5.0]


def test_a_kit_framework_is_an_instrument():
    fw = lk.load_framework("agile-cmo")
    assert isinstance(fw, lk.Instrument)
    again = lk.Instrument.from_keys(fw.keys(), fw.scale)
    table = lk.read_responses(lk.dataset_path("agile-cmo-class"), fw)
    a, b = lk.score(table, fw), lk.score(table, again)
    np.testing.assert_array_equal(a["score"].to_numpy(), b["score"].to_numpy())
