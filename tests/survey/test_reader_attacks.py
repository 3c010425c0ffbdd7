"""The file-reading attacks of the second trust pass, each written as the attack.

Every test feeds the reader a file made to hurt it — a workbook that declares a million rows,
a file with millions of problems, a header of 300,000 columns, escapes and invisible
characters in ids — and holds it to a named input error (exit code 2) in bounded time and
memory. Memory is the child process's own peak (``VmHWM`` on Linux, else
``resource.getrusage``), so other tests do not count.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from datafiles import DATA

import leadkit as lk
from leadkit.errors import FrameworkFileError, InputError

FW = lk.load_framework("agile-cmo")
HEADER = "respondent," + ",".join(FW.item_ids)


def _cli(*args: str, timeout: float = 120) -> tuple[int, str, float]:
    """Run ``leadkit`` in a child process: exit code, stderr + stdout, peak memory in MB."""
    code = ("import json, resource, sys\n"
            "from leadkit.cli.app import run\n"
            f"status = run({list(args)!r})\n"
            "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
            "try:  # the high-water mark of this process's own memory (ru_maxrss may carry\n"
            "    # the parent's over exec)\n"
            "    status_text = open('/proc/self/status').read()\n"
            "    peak = int(status_text.split('VmHWM:')[1].split()[0]) / 1024\n"
            "except (OSError, IndexError):\n"
            "    pass\n"
            "print(json.dumps([status, peak]), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=timeout,
                          text=True, encoding="utf-8", errors="backslashreplace")
    *text, last = done.stderr.rstrip("\n").split("\n")
    status, peak = json.loads(last)
    return status, done.stdout + "\n".join(text), peak


@pytest.mark.slow
def test_a_tiny_workbook_with_one_cell_at_the_last_row_stays_small(tmp_path):
    # Before: 7.2 GB for five minutes (the sheet's declared extent expanded, twice).
    book = openpyxl.Workbook()
    book.active["A1"] = "respondent"
    book.active["A1048576"] = "x"
    path = tmp_path / "far.xlsx"
    book.save(path)
    assert path.stat().st_size < 10_000
    status, out, peak = _cli("validate", str(path), "--framework", "agile-cmo")
    assert status == 2 and "far.xlsx" in out
    assert peak < 400


@pytest.mark.slow
def test_a_workbook_spanning_the_whole_sheet_is_refused_before_it_is_read(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(HEADER.split(","))
    book.active.append(["r1"] + [3] * len(FW.item_ids))
    book.active["XFD1048576"] = 1
    path = tmp_path / "corner.xlsx"
    book.save(path)
    status, out, peak = _cli("validate", str(path), "--framework", "agile-cmo")
    assert status == 2
    assert "spans 1,048,576 rows × 16,384 columns, more than the 10,000,000 cells" in out
    assert peak < 300


@pytest.mark.slow
def test_validate_keeps_the_first_problems_and_counts_the_rest(tmp_path):
    # Before: 100,000 rows with every answer 9 took 1.5 GB; 300,000 ended in MemoryError.
    path = tmp_path / "nines.csv"
    row = "," + ",".join(["9"] * len(FW.item_ids)) + "\n"
    path.write_text(HEADER + "\n" + "".join(f"r{i}{row}" for i in range(100_000)))
    status, out, peak = _cli("validate", str(path), "--framework", "agile-cmo")
    assert status == 2
    assert "nines.csv: 2400000 problems found:" in out
    assert "… and 2399980 more" in out
    assert peak < 400, peak


def test_the_problem_list_keeps_the_first_by_row():
    table = pd.DataFrame({"respondent": [f"r{i}" for i in range(3000)]}
                         | {i: 9 for i in FW.item_ids})
    problems = lk.validate_responses(table, FW)
    assert len(problems) == 1000 and problems.total == 3000 * len(FW.item_ids)
    assert [p.row for p in problems[:2]] == [2, 2]
    assert max(p.row for p in problems) <= 2 + 1000 // len(FW.item_ids)


def test_a_header_only_file_over_100_kb_is_a_named_input_error(tmp_path):
    # Before: KeyError, exit 1.
    path = tmp_path / "header.csv"
    path.write_text(HEADER + "," + ",".join(f"extra{i}" for i in range(12_000)) + "\n")
    assert path.stat().st_size > 100_000
    problems = lk.validate_responses(path, FW)
    assert problems[0].problem == "the file has a header but no data rows"


def test_a_chart_sheet_before_the_data_is_passed_over(tmp_path):
    # Before: AttributeError, exit 1.
    from openpyxl.chart import BarChart, Reference

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append(["r1"] + [3] * len(FW.item_ids))
    chart = book.create_chartsheet("Chart", 0)
    bars = BarChart()
    bars.add_data(Reference(sheet, min_col=2, min_row=1, max_row=2))
    chart.add_chart(bars)
    path = tmp_path / "chart-first.xlsx"
    book.save(path)
    assert lk.read_responses(path, FW).shape == (1, 25)
    with pytest.raises(InputError, match="the sheet 'Chart' is a chart, not a table"):
        lk.read_responses(path, FW, sheet="Chart")


@pytest.mark.slow
def test_300000_header_columns_are_refused_at_once(tmp_path):
    # Before: 3 minutes and 2 GB.
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(300_000)) + "\n" + "1," * 299_999 + "1\n")
    status, out, peak = _cli("validate", str(path), "--framework", "agile-cmo", timeout=30)
    assert status == 2 and "the header has more than 16,384 columns" in out
    assert peak < 300


def test_item_ids_the_response_table_reserves_are_refused(tmp_path):
    # Before: an item 'team' was accepted and its answers became team labels.
    text = (Path(FW.path)).read_text(encoding="utf-8").replace("id: acmo01", "id: team", 1)
    path = tmp_path / "teamitem.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FrameworkFileError, match="'team' is a column of the response table"):
        lk.load_framework(path)


@pytest.mark.slow
def test_terminal_escapes_from_a_file_are_not_printed_raw(tmp_path):
    path = tmp_path / "escapes.csv"
    path.write_text(HEADER + "\nann,\x1b[2J\x1b[31mred\u202e," + ",".join(["3"] * 23) + "\n",
                    encoding="utf-8")
    status, out, _ = _cli("validate", str(path), "--framework", "agile-cmo")
    assert status == 2
    assert "\x1b" not in out and "\u202e" not in out
    assert "\\x1b[2J\\x1b[31mred\\u202e" in out


@pytest.mark.slow
def test_a_nul_in_an_id_no_longer_breaks_the_xlsx_output(tmp_path):
    path = tmp_path / "nul.csv"
    path.write_text(HEADER + "\nan\x00n," + ",".join(["3"] * 24) + "\n", encoding="utf-8")
    out = tmp_path / "scores.xlsx"
    status, text, _ = _cli("score", str(path), "--framework", "agile-cmo", "--out", str(out))
    assert status == 0, text
    assert pd.read_excel(out, engine="openpyxl")["respondent"].unique().tolist() == ["ann"]


def test_one_peer_written_three_ways_is_one_rater():
    # Before: "P1", "p1" and "P1\u200b" counted as three peers, enough to pass the floor.
    rows = [("L", "self", "L")] + [(p, "peer", "L") for p in ("P1", "p1", "P1\u200b")]
    table = pd.DataFrame({"respondent": [r[0] for r in rows], "rater": [r[1] for r in rows],
                          "target": [r[2] for r in rows]} | {i: 3 for i in FW.item_ids})
    problems = lk.validate_responses(table, FW)
    assert [(p.row, p.column) for p in problems] == [(4, "respondent"), (5, "respondent")]
    assert "respondent 'P1' appears again (first on row 3)" in str(problems[0])


def test_huge_integers_and_lone_surrogates_are_named_input_errors():
    table = pd.DataFrame({"respondent": ["a", "b\ud800"]} | {i: [3, 3] for i in FW.item_ids})
    table["acmo01"] = pd.Series([10**5000, 3], dtype=object)
    problems = lk.validate_responses(table, FW)
    where = {(p.row, p.column): p.problem for p in problems}
    assert where[(2, "acmo01")].startswith("the answer ")
    assert where[(2, "acmo01")].endswith("is outside the scale")
    assert "not text" in where[(3, "respondent")]
    assert all(str(p).encode("utf-8", "backslashreplace") for p in problems)


def _ods(tmp_path, extra_rows: str) -> Path:
    """The fixture's .ods with more rows written into its sheet."""
    import zipfile

    source = DATA / "surveys" / "agile-self.ods"
    with zipfile.ZipFile(source) as book:
        files = {n: book.read(n) for n in book.namelist()}
    files["content.xml"] = files["content.xml"].replace(b"</table:table>",
                                                        extra_rows.encode() + b"</table:table>")
    path = tmp_path / "extra.ods"
    with zipfile.ZipFile(path, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"), files.pop("mimetype"))
        for member, data in files.items():
            book.writestr(member, data, zipfile.ZIP_DEFLATED)
    return path


def test_an_ods_repeating_a_filled_row_a_million_times_is_refused(tmp_path):
    keys = lk.load_instrument(DATA / "surveys"
                              / "agile-keys.yaml")
    empty = _ods(tmp_path, '<table:table-row table:number-rows-repeated="1048500"><table:table-'
                           'cell table:number-columns-repeated="1024"/></table:table-row>')
    assert len(lk.read_survey(empty, keys)) == 64  # LibreOffice's empty rows: nothing to read
    bomb = _ods(tmp_path, '<table:table-row table:number-rows-repeated="1048500"><table:table-'
                          'cell table:number-columns-repeated="100" office:value-type="float" '
                          'office:value="1"><text:p>1</text:p></table:table-cell>'
                          "</table:table-row>")
    assert bomb.stat().st_size < 10_000
    with pytest.raises(InputError, match=r"spans 1,048,565 rows × 100 columns"):
        lk.read_survey(bomb, keys)
