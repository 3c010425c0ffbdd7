"""Reading response files: encodings, delimiters, Excel, and every kind of bad input."""

from __future__ import annotations

import math
import warnings

import openpyxl
import pandas as pd
import pytest
from datafiles import DATA

import leadkit as lk
from leadkit.errors import InputError
from leadkit.survey.io.responses import read_responses, validate_responses

BAD = DATA / "bad"
ITEMS = [f"st0{i}" for i in range(1, 10)]



@pytest.fixture(scope="module")
def fw():
    return lk.load_framework(DATA / "score-framework.yaml")


def only_error(path, fw) -> InputError:
    errors = validate_responses(path, fw)
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


def table(**overrides) -> pd.DataFrame:
    base = {"respondent": ["ann", "bo"]} | {i: [4, 3] for i in ITEMS}
    return pd.DataFrame(base | overrides)


# ------------------------------------------------------------------ good input


def test_numbers_labels_in_both_languages_and_decimal_zero_are_read(fw):
    t = read_responses(table(st01=["Eens", "helemaal  ONEENS"], st02=["Agree", "3,0"],
                             st03=[" 5 ", "n.v.t."]), fw)
    assert list(t.columns) == ["respondent"] + ITEMS
    assert t["st01"].tolist() == [4.0, 1.0]
    assert t["st02"].tolist() == [4.0, 3.0]
    assert t.loc[2, "st03"] == 5.0 and math.isnan(t.loc[3, "st03"])
    assert t.dtypes[ITEMS].eq(float).all()
    assert t.index.name == "row" and t.index.tolist() == [2, 3]
    assert {k: t.attrs[k] for k in ("source", "framework")} == {"source": "<DataFrame>",
                                                               "framework": "score-test"}
    from leadkit.survey.io.responses import fingerprint

    assert t.attrs["checked"] == fingerprint(t)  # scoring it again need not re-check it
    t.loc[2, ITEMS[0]] = 9.0
    assert fingerprint(t) != t.attrs["checked"]  # an edit since: checked anew


def test_metadata_columns_come_first_with_dutch_names_and_rater_words(fw):
    raw = table(Beoordelaar=["zelf", "collega"], TARGET=["ann", "ann"], Team=["T1", ""],
                Meting=[1, 1])
    t = read_responses(raw, fw)
    assert list(t.columns[:5]) == ["respondent", "team", "rater", "target", "wave"]
    assert t["rater"].tolist() == ["self", "peer"]
    assert t["wave"].tolist() == ["1", "1"]
    assert math.isnan(t.loc[3, "team"])


def test_a_respondent_may_rate_several_targets_and_answer_in_several_waves(fw):
    raw = pd.DataFrame({"respondent": ["ann", "ann", "bo", "bo"],
                        "rater": ["self", "self", "peer", "self"],
                        "target": ["ann", "ann", "ann", "bo"],
                        "wave": ["1", "2", "1", "1"]} | {i: [4] * 4 for i in ITEMS})
    assert len(read_responses(raw, fw)) == 4


def test_semicolons_windows_1252_and_crlf_from_dutch_excel(fw):
    t = read_responses(BAD / "dutch-excel-ok.csv", fw)
    assert t["respondent"].tolist() == ["Anné", "Bo"]
    assert t["rater"].tolist() == ["self", "self"]
    assert t["st02"].tolist() == [4.0, 3.0]  # "4,0" read as 4
    assert t.loc[3, "st01"] == 4.0  # the label "Eens"


@pytest.mark.parametrize("name", ["bom-utf8.csv", "latin1.csv", "excel-unicode-text.txt"])
def test_encodings_bom_latin1_and_utf16_give_the_same_table(fw, name):
    t = read_responses(BAD / name, fw)
    assert list(t.columns[:5]) == ["respondent", "team", "rater", "target", "wave"]
    assert t["respondent"].tolist() == ["Zoë"]
    assert t[ITEMS].iloc[0].tolist() == [5, 1, 5, 5, 5, 5, 1, 5, 5]
    assert t.attrs["source"] == name


def test_latin1_text_is_not_mangled(fw):
    assert read_responses(BAD / "latin1.csv", fw)["team"].tolist() == ["Café"]


def test_excel_workbook_rows_and_sheets(fw, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "intro"
    sheet["A1"] = "This sheet explains the survey."
    sheet["A2"] = "The answers are on the next sheet."
    data = book.create_sheet("answers")
    data.append(["respondent"] + ITEMS)
    data.append(["ann", 4, 4.0, "Eens"] + [3] * 6)
    data.append([7, 4, 4, 4, 4, 6] + [3] * 4)  # an integer id, and 6 outside the scale
    path = tmp_path / "survey.xlsx"
    book.save(path)
    errors = validate_responses(path, fw, sheet="answers")
    assert [(e.row, e.column) for e in errors] == [(3, "st05")]
    assert "survey.xlsx, row 3, column 'st05'" in str(errors[0])
    data.cell(row=3, column=6, value=2)
    book.save(path)
    t = read_responses(path, fw, sheet="2")  # the second sheet, as typed after --sheet
    assert t["respondent"].tolist() == ["ann", "7"]
    assert t.loc[2, "st03"] == 4.0
    err = only_error(path, fw)  # the first sheet holds no survey
    assert "none of the expected columns" in err.problem and "the sheet" in err.expected
    with pytest.raises(InputError, match="one of the sheets: intro, answers"):
        read_responses(path, fw, sheet="Antwoorden")


def test_excels_sep_line_sets_the_delimiter_and_counts_as_a_line(fw, tmp_path):
    path = tmp_path / "with-sep.csv"
    path.write_text("sep=;\r\nrespondent;" + ";".join(ITEMS) + "\r\nann;" + "4;" * 8 + "6\r\n",
                    encoding="utf-8")
    err = only_error(path, fw)
    # Messages name the line an editor shows: the hint line is line 1, the answers line 3.
    assert (err.row, err.column) == (3, "st09")


def test_ignore_columns_leaves_extra_columns_out(fw):
    t = read_responses(BAD / "unknown-columns.csv", fw, ignore_columns=["st10", " EMAIL"])
    assert "email" not in t.columns and "st10" not in t.columns


# ------------------------------------------------------------------ bad input, one file each


def test_values_outside_the_scale_are_all_listed_by_row(fw):
    errors = validate_responses(BAD / "out-of-scale.csv", fw)
    assert [(e.row, e.column) for e in errors] == [(3, "st02"), (4, "st09")]
    assert str(errors[0]).startswith("out-of-scale.csv, row 3, column 'st02': the answer 7 is "
                                     "outside the scale")
    assert "a whole number from 1 to 5" in errors[0].expected


def test_read_raises_the_first_problem_and_counts_the_rest(fw):
    with pytest.raises(InputError) as info:
        read_responses(BAD / "out-of-scale.csv", fw)
    assert info.value.row == 3
    assert "1 more problem" in info.value.__notes__[0]


def test_text_in_an_item_column_names_the_text(fw):
    err = only_error(BAD / "text-in-items.csv", fw)
    assert (err.file, err.row, err.column) == ("text-in-items.csv", 3, "st03")
    assert "'vaak'" in err.problem


def test_missing_item_column(fw):
    err = only_error(BAD / "missing-column.csv", fw)
    assert (err.row, err.column) == (1, "st05")
    assert "missing" in err.problem and "st01" in err.expected


def test_unknown_columns_are_named(fw):
    errors = validate_responses(BAD / "unknown-columns.csv", fw)
    assert [e.column for e in errors] == ["st10", "email"]
    assert "--ignore-column" in errors[0].expected


def test_duplicate_respondent_in_the_same_wave(fw):
    err = only_error(BAD / "duplicate-ids.csv", fw)  # the wave-2 row of ann is fine
    assert (err.row, err.column) == (4, "respondent")
    assert "first on row 2" in err.problem


@pytest.mark.parametrize("name", ["empty.csv", "blank-lines.csv"])
def test_empty_file(fw, name):
    err = only_error(BAD / name, fw)
    assert err.file == name and "empty" in err.problem


def test_header_without_rows(fw):
    err = only_error(BAD / "header-only.csv", fw)
    assert "no data rows" in err.problem


def test_decimal_comma_that_is_not_a_whole_number(fw):
    err = only_error(BAD / "dutch-excel-decimal-comma.csv", fw)
    assert (err.row, err.column) == (3, "st02")
    assert "3,5 is not a whole number" in err.problem


def test_decimal_comma_in_a_comma_separated_file_splits_the_row(fw):
    err = only_error(BAD / "decimal-comma-in-comma-file.csv", fw)
    assert err.row == 2 and "15 values" in err.problem and "decimal comma" in err.expected


def test_wrong_delimiter_in_the_rows(fw):
    err = only_error(BAD / "wrong-delimiter-mixed.csv", fw)
    assert err.row == 2 and "separated by ';'" in err.expected


def test_wrong_delimiter_everywhere(fw):
    err = only_error(BAD / "wrong-delimiter-pipe.csv", fw)
    assert err.row == 1 and "only one column" in err.problem
    assert "commas or semicolons" in err.expected


def test_rows_with_nothing_answered_are_kept_and_named(fw):
    message = r"nothing-answered.csv: nothing is answered in row\(s\) 3;"
    with pytest.warns(UserWarning, match=message):
        t = read_responses(BAD / "nothing-answered.csv", fw)
    assert len(t) == 3 and t.loc[3, ITEMS].isna().all()


def test_another_frameworks_items_name_that_framework(fw):
    err = only_error(BAD / "other-framework.csv", fw)
    assert "framework 'agile-cmo'" in err.problem
    assert err.expected.startswith("the framework 'agile-cmo'")


def test_a_renamed_csv_is_not_an_excel_file(fw):
    err = only_error(BAD / "not-really.xlsx", fw)
    assert "not a readable Excel workbook" in err.problem


def test_rater_and_target_must_fit_together(fw):
    errors = validate_responses(BAD / "bad-rater.csv", fw)
    assert [(e.row, e.column) for e in errors] == [(3, "rater"), (4, "target")]
    assert "'boss'" in errors[0].problem


def test_a_peer_rating_themselves_and_an_empty_id(fw):
    raw = table(rater=["peer", "self"], target=["ann", "bo"], respondent=["ann", " "])
    errors = validate_responses(raw, fw)
    assert [(e.row, e.column) for e in errors] == [(2, "rater"), (3, "respondent")]


def test_non_whole_numbers_in_a_numeric_table(fw):
    err = only_error(table(st04=[3.5, 2.0]), fw)
    assert (err.row, err.column) == (2, "st04") and "3.5" in err.problem


def test_missing_file_and_unsupported_type(fw, tmp_path):
    assert "does not exist" in only_error(tmp_path / "nope.csv", fw).problem
    (tmp_path / "answers.sav").write_bytes(b"\x00")
    assert "cannot read '.sav' files" in only_error(tmp_path / "answers.sav", fw).problem


def test_messages_follow_the_language(fw):
    lk.set_language("nl")
    err = only_error(BAD / "text-in-items.csv", fw)
    assert "is geen antwoord" in err.problem and "geheel getal" in err.expected


def test_no_warning_for_a_clean_file(fw):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_responses(BAD / "bom-utf8.csv", fw)
