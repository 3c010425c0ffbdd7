"""No silent mis-read, safe outputs, bounded resources: each finding of a careless export or an
adversarial file, reproduced, and the kit's answer (exit code 2, file, row, column) checked."""

from __future__ import annotations

import json
import os
import time

import openpyxl
import pandas as pd
import pytest

import leadkit as lk
from leadkit.cli import main
from leadkit.errors import FrameworkFileError, InputError
from leadkit.store import classroom as c
from leadkit.store import handins as h
from leadkit.store.safe_output import escape_markdown, plain_text

FW = lk.load_framework("agile-cmo")
SAMPLE = lk.load_dataset("agile-cmo-class").head(6)



def _lines(tmp_path) -> list[str]:
    SAMPLE.to_csv(tmp_path / "ok.csv", index=False, sep=";")
    return (tmp_path / "ok.csv").read_text(encoding="utf-8").splitlines()


def _validate(path, capsys) -> tuple[int, str]:
    code = main(["validate", str(path), "--framework", "agile-cmo"])
    return code, capsys.readouterr().err


# -- rows that do not fit the header -------------------------------------------------------------
def test_a_row_with_one_field_missing_is_refused_not_shifted(tmp_path, capsys):
    lines = _lines(tmp_path)
    fields = lines[2].split(";")
    del fields[7]  # every answer after it moves one column to the left
    lines[2] = ";".join(fields)
    (tmp_path / "short.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, err = _validate(tmp_path / "short.csv", capsys)
    assert code == 2
    assert "short.csv, row 3: the row has 28 values where the header has 29 columns" in err
    with pytest.raises(InputError):
        lk.read_responses(tmp_path / "short.csv", FW)


def test_a_truncated_last_line_is_refused(tmp_path, capsys):
    text = "\n".join(_lines(tmp_path))
    (tmp_path / "cut.csv").write_text(text[:-9], encoding="utf-8")
    code, err = _validate(tmp_path / "cut.csv", capsys)
    assert code == 2 and "row 7" in err and "cut off" in err


def test_a_file_mixing_utf8_and_cp1252_is_refused_never_mojibake(tmp_path, capsys):
    lines = _lines(tmp_path)
    for i in (3, 4):  # the same person (respondent and target), written by two programs
        lines[i] = lines[i].replace(lines[i].split(";")[0], "Jürgen")
    data = ("\n".join(lines[:4]) + "\n").encode("utf-8")
    data += ("\n".join(lines[4:]) + "\n").encode("cp1252")
    (tmp_path / "mixed.csv").write_bytes(data)
    code, err = _validate(tmp_path / "mixed.csv", capsys)
    assert code == 2
    assert "line 5 is not UTF-8 text, while line 4 is" in err
    assert "Ã" not in err
    # A file in one encoding throughout still reads, accents intact.
    (tmp_path / "cp.csv").write_bytes(("\n".join(lines) + "\n").encode("cp1252"))
    table = lk.read_responses(tmp_path / "cp.csv", FW)
    assert "Jürgen" in set(table["respondent"])


def test_a_target_without_a_respondent_column_is_a_message_not_a_traceback(tmp_path, capsys):
    SAMPLE.drop(columns="respondent").to_csv(tmp_path / "t.csv", index=False)
    code, err = _validate(tmp_path / "t.csv", capsys)
    assert code == 2 and "there is no 'respondent' column" in err and "Traceback" not in err


# -- workbooks --------------------------------------------------------------------------------
def _book(path, *, hidden_first=False, formula=None, merge=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    if hidden_first:
        ws.title = "lookup"
        ws.append(["respondent", "acmo01"])
        ws.append(["nobody", 9])
        ws.sheet_state = "hidden"
        ws = wb.create_sheet("answers")
    ws.append(list(SAMPLE.columns))
    for row in SAMPLE.itertuples(index=False):
        ws.append([None if pd.isna(v) else v for v in row])
    if formula:
        ws[formula] = "=2+2"  # openpyxl saves no result, as a script-made file would
    if merge:
        ws.merge_cells(merge)
    wb.save(path)
    return path


def test_a_formula_without_a_stored_value_is_refused_by_cell(tmp_path, capsys):
    code, err = _validate(_book(tmp_path / "f.xlsx", formula="F3"), capsys)
    assert code == 2 and "cell F3 holds a formula whose result was not saved" in err


def test_merged_cells_in_the_data_are_refused_by_range(tmp_path, capsys):
    code, err = _validate(_book(tmp_path / "m.xlsx", merge="B2:B4"), capsys)
    assert code == 2 and "the cells B2:B4 are merged" in err


def test_the_first_visible_sheet_is_read_not_a_hidden_one(tmp_path):
    table = lk.read_responses(_book(tmp_path / "h.xlsx", hidden_first=True), FW)
    assert "nobody" not in set(table["respondent"]) and len(table) == len(SAMPLE)


# -- what the kit writes --------------------------------------------------------------------------
def _injected(tmp_path):
    data = lk.load_dataset("agile-cmo-class").head(12)  # six people
    evil = ['=HYPERLINK("http://example.invalid","x")', "=1+1", "+1", "@SUM(A1)", "-2+3"]
    for i, name in enumerate(evil):
        old = data["respondent"].unique()[i]
        data.loc[data["respondent"] == old, "respondent"] = name
        data.loc[data["target"] == old, "target"] = name
    data.to_csv(tmp_path / "in.csv", index=False)
    return tmp_path / "in.csv", evil


def test_scores_xlsx_holds_no_formula_taken_from_data(tmp_path):
    path, evil = _injected(tmp_path)
    assert main(["score", str(path), "-f", "agile-cmo", "--out", str(tmp_path / "s.xlsx")]) == 0
    ws = openpyxl.load_workbook(tmp_path / "s.xlsx").active
    cells = [cell for row in ws.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert {"'" + e for e in evil} <= {cell.value for cell in cells}
    assert any(isinstance(cell.value, float) for cell in cells)  # numbers stay numbers


@pytest.mark.parametrize("dutch", [False, True])
def test_scores_csv_neutralises_formula_cells(tmp_path, dutch):
    path, evil = _injected(tmp_path)
    out = tmp_path / "s.csv"
    assert main(["score", str(path), "-f", "agile-cmo", "--out", str(out)]
                + (["--dutch-excel"] if dutch else [])) == 0
    back = pd.read_csv(out, sep=";" if dutch else ",", decimal="," if dutch else ".",
                       encoding="utf-8-sig", dtype={"respondent": str})
    starts = tuple("=+-@\t\r")
    assert not back["respondent"].str.startswith(starts).any()
    assert back["score"].dtype.kind == "f"


def test_terminal_escape_sequences_never_reach_the_teacher_screen():
    texts = pd.DataFrame({"prompt_id": ["p"], "prompt": ["Why?\x1b[2J"], "notebook": [None],
                          "text": ["fine\x1b]0;pwned\x07\x1b[31m red \u202eevil\x9b"]})
    shown = c.format_shared_texts(texts)
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "\x9b" not in shown and "fine red evil" in shown
    assert plain_text("a\nb\tc") == "a\nb\tc"


def test_markdown_portfolio_escapes_a_learners_markdown(tmp_path):
    from leadkit.render.portfolio import portfolio_markdown
    from leadkit.store.journal import Journal

    journal = Journal(tmp_path / "j.sqlite", learner="[me](http://example.invalid)")
    journal.save_answer("lp-01", "![x](http://example.invalid/t.png) "
                        "[click](http://example.invalid) <img src=x> # not a heading")
    md = portfolio_markdown(journal)
    assert "](http" not in md and "<img" not in md
    assert escape_markdown("# h") == "\\# h"


def test_a_dollar_in_a_name_is_drawn_as_a_dollar_not_mathtext(tmp_path):
    data = SAMPLE.copy()
    name = data["respondent"].iloc[0]
    data = data.replace({name: "$a^2$ Jan $"})
    assert main(["score", _csv(data, tmp_path), "-f", "agile-cmo", "--out",
                 str(tmp_path / "s.csv"), "--report", str(tmp_path / "r.html")]) == 0
    from leadkit import plots
    scores = lk.score(data, FW)
    fig = plots.gap_chart(lk.self_other(scores), "$a^2$ Jan $", wave="1", framework=FW)
    fig._repr_png_()  # draws: would raise on an unbalanced "$" if mathtext were on
    assert all(not t.get_parse_math() for t in fig.findobj(lambda a: hasattr(
        a, "get_parse_math")))


def _csv(frame: pd.DataFrame, folder) -> str:
    frame.to_csv(folder / "d.csv", index=False)
    return str(folder / "d.csv")


# -- resources ----------------------------------------------------------------------------------
def test_a_billion_laughs_framework_is_refused_at_once(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    (tmp_path / "laughs.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(FrameworkFileError, match="aliases"):
        lk.load_framework(tmp_path / "laughs.yaml")
    assert time.perf_counter() - start < 5  # seconds; a generous bound, not a benchmark


def test_an_oversized_data_file_is_refused_before_reading(tmp_path, monkeypatch):
    from leadkit.content import datafile
    monkeypatch.setattr(datafile, "MAX_DATA_BYTES", 100)
    (tmp_path / "big.yaml").write_text("x: " + "y" * 200 + "\n", encoding="utf-8")
    with pytest.raises(FrameworkFileError, match="larger than"):
        datafile.read_yaml(tmp_path / "big.yaml")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_a_pipe_named_json_does_not_hang_the_class_command(tmp_path, capsys):
    os.mkfifo(tmp_path / "trap.json")
    salt = tmp_path / "salt"
    code = main(["class", str(tmp_path), "--salt-file", str(salt), "--out",
                 str(tmp_path / "c.csv")])
    assert code == 2 and "not a regular file" in capsys.readouterr().err
    os.mkfifo(tmp_path / "answers.csv")
    code, err = _validate(tmp_path / "answers.csv", capsys)
    assert code == 2 and "not a regular file" in err


def test_an_oversized_bundle_and_survey_file_are_refused(tmp_path, monkeypatch, capsys):
    from leadkit.survey.io import tablefile
    monkeypatch.setattr(h, "MAX_BUNDLE_BYTES", 10)
    (tmp_path / "b.json").write_text(json.dumps({"format": "x" * 20}), encoding="utf-8")
    with pytest.raises(InputError, match="more than a bundle can be"):
        h.load_bundles(tmp_path)
    monkeypatch.setattr(tablefile, "MAX_FILE_BYTES", 10)
    SAMPLE.to_csv(tmp_path / "s.csv", index=False)
    code, err = _validate(tmp_path / "s.csv", capsys)
    assert code == 2 and "more than the" in err


def test_class_command_with_an_own_framework_and_themes_out(tmp_path, capsys):
    for i in range(3):
        doc = {"format": "leadkit-bundle", "version": 1, "learner": f"s{i}",
               "exported": "2025-01-01", "shared_entries": [],
               "scores": [{"framework": "my-model", "element": "a", "score": 3.0 + i / 2}]}
        (tmp_path / f"s{i}.json").write_text(json.dumps(doc), encoding="utf-8")
    code = main(["class", str(tmp_path), "--salt-file", str(tmp_path / "salt"), "--out",
                 str(tmp_path / "c.csv"), "--themes-out", str(tmp_path / "t.csv")])
    err = capsys.readouterr().err
    assert code in (0, 2) and "Traceback" not in err and "unexpected" not in err


# -- the fast path reads exactly what the careful path reads ---------------------------------------
@pytest.mark.parametrize("variant", ["plain", "semicolon-bom-cp1252", "hint-line", "crlf",
                                     "blank-rows", "quoted", "short-row"])
def test_fast_and_careful_reading_give_the_same_table(tmp_path, monkeypatch, variant):
    from leadkit.survey.io import fastread, tablefile
    data = lk.load_dataset("agile-cmo-class").astype(object)
    data.loc[data.index[3], "acmo01"] = "Mee eens"  # a label, kept as text by both
    data.loc[data.index[4], "acmo02"] = float("nan")
    sep = ";" if variant == "semicolon-bom-cp1252" else ","
    text = data.to_csv(index=False, sep=sep, lineterminator="\r\n" if variant == "crlf"
                       else "\n")
    if variant == "hint-line":
        text = "sep=,\n" + text
    if variant == "blank-rows":
        lines = text.splitlines()
        text = "\n".join(lines[:5] + [",," * 14] + lines[5:]) + "\n"
    if variant == "quoted":
        text = text.replace("T1-01", '"T1-01"')
    if variant == "short-row":
        lines = text.splitlines()
        lines[7] = lines[7].rsplit(",", 1)[0]
        text = "\n".join(lines) + "\n"
    path = tmp_path / "answers.csv"
    if variant == "semicolon-bom-cp1252":
        path.write_bytes(text.replace("T1-02", "Jürgen").encode("cp1252"))
    else:
        path.write_text(text, encoding="utf-8")
    # A quoted file goes to the whole-file C parser, any other to the chunked reader; a short
    # row to neither.
    monkeypatch.setattr(fastread, "FAST_FROM", 0)
    monkeypatch.setattr(fastread, "QUOTED_FROM", 0)
    _, delimiter, info = tablefile._read_text(path, path.name)
    took_fast = fastread.fast_table(path, delimiter, info) is not None
    assert took_fast == (variant != "short-row")
    fast_problems: list = []
    fast = tablefile.read_table(path, problems=fast_problems)
    monkeypatch.setattr(fastread, "FAST_FROM", 10**12)
    monkeypatch.setattr(fastread, "QUOTED_FROM", 10**12)
    careful_problems: list = []
    careful = tablefile.read_table(path, problems=careful_problems)
    pd.testing.assert_frame_equal(fast.astype(object), careful.astype(object))
    assert [str(p) for p in fast_problems] == [str(p) for p in careful_problems]
    if variant == "short-row":
        assert careful_problems and "row 8" in str(careful_problems[0])


def test_a_table_edited_after_reading_is_checked_again_before_scoring():
    table = lk.read_responses(SAMPLE, FW)
    lk.score(table, FW)  # unchanged: fine
    table.loc[table.index[0], "acmo01"] = 9.0
    with pytest.raises(InputError, match="outside the scale"):
        lk.score(table, FW)


def test_checking_in_chunks_finds_what_checking_whole_finds(tmp_path, monkeypatch):
    from leadkit.survey.io import fastread, responses, tablefile
    data = pd.concat([lk.load_dataset("agile-cmo-class")] * 3, ignore_index=True).astype(object)
    data["respondent"] = [f"{r}-{i // 216}" for i, r in enumerate(data["respondent"])]
    data["target"] = [f"{t}-{i // 216}" for i, t in enumerate(data["target"])]
    data.loc[500, "acmo03"] = 9           # off the scale
    data.loc[40, "rater"] = "boss"        # unknown rater
    data.loc[600] = data.loc[10]          # a repeat far from its first row (another chunk)
    data.loc[601, ["respondent", "target"]] = ""  # no id at all
    path = tmp_path / "many.csv"
    data.to_csv(path, index=False)
    monkeypatch.setattr(fastread, "FAST_FROM", 0)
    monkeypatch.setattr(fastread, "CHUNK", 200)  # chunks of 100 rows
    streamed = lk.validate_responses(path, FW)
    assert tablefile.read_table_chunks(path) is not None
    monkeypatch.setattr(responses, "read_table_chunks", lambda p: None)
    whole = lk.validate_responses(path, FW)
    assert [(e.row, e.column) for e in streamed] == [(e.row, e.column) for e in whole]
    assert {e.row for e in streamed} >= {42, 502, 602, 603}
    repeat = next(e for e in streamed if e.row == 602)
    assert "first on row 12" in str(repeat)


def test_validate_in_python_returns_an_encoding_mix_as_a_problem(tmp_path, monkeypatch):
    from leadkit.survey.io import fastread
    monkeypatch.setattr(fastread, "FAST_FROM", 0)  # the chunked path, as for a large file
    lines = _lines(tmp_path)
    data = ("\n".join(lines[:4]) + "\nJürgen" + lines[4][5:] + "\n").encode("utf-8")
    data += ("\n".join(lines[5:]).replace("T1", "Jürgen", 1) + "\n").encode("cp1252")
    (tmp_path / "mixed.csv").write_bytes(data)
    problems = lk.validate_responses(tmp_path / "mixed.csv", FW)
    assert problems and "mixes two encodings" in str(problems[0])
