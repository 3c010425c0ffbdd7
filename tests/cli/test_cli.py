"""The ``leadkit`` command: validate, score, report, exit codes and what a user reads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from datafiles import DATA

from leadkit import cli
from leadkit.cli.app import MAX_SHOWN
from leadkit.survey.element_stats import element_reliability, team_agreement
from leadkit.survey.scoring import score

BAD = DATA / "bad"
FW = str(DATA / "score-framework.yaml")
ITEMS = [f"st0{i}" for i in range(1, 10)]



def small_360(path: Path) -> Path:
    """Two leaders rated by a manager, three peers and two reports each."""
    rows = []
    for t, leader in enumerate(["lea", "max"]):
        raters = [("self", leader)] + [("manager", f"m{t}")] + [
            ("peer", f"p{t}{i}") for i in range(3)] + [("report", f"r{t}{i}") for i in range(2)]
        for j, (rater, who) in enumerate(raters):
            rows.append({"respondent": who, "team": f"T{t}", "rater": rater, "target": leader}
                        | {item: 1 + (j + k + t) % 5 for k, item in enumerate(ITEMS)})
    path.write_text(pd.DataFrame(rows).to_csv(index=False), encoding="utf-8")
    return path


def test_validate_a_good_file(capsys):
    assert cli.main(["validate", str(BAD / "dutch-excel-ok.csv"), "--framework", FW]) == 0
    assert "dutch-excel-ok.csv: OK — 2 rows, 9 items of 'score-test'" in capsys.readouterr().out


def test_validate_a_bad_file_names_file_row_column_and_expectation(capsys):
    assert cli.main(["validate", str(BAD / "out-of-scale.csv"), "-f", FW]) == 2
    err = capsys.readouterr().err
    assert "out-of-scale.csv: 2 problems found:" in err
    assert ("out-of-scale.csv, row 3, column 'st02': the answer 7 is outside the scale "
            "(expected a whole number from 1 to 5") in err
    assert "Traceback" not in err


def test_validate_lists_twenty_problems_then_counts_the_rest(tmp_path, capsys):
    rows = ["respondent," + ",".join(ITEMS)] + [f"p{i}," + ",".join(["9"] * 9) for i in range(3)]
    path = tmp_path / "many.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert cli.main(["validate", str(path), "-f", FW]) == 2
    err = capsys.readouterr().err
    assert err.count("outside the scale") == MAX_SHOWN
    assert "… and 7 more" in err


def test_score_writes_the_tidy_scores_and_warns_about_empty_rows(tmp_path, capsys):
    out = tmp_path / "scores.csv"
    assert cli.main(["score", str(BAD / "nothing-answered.csv"), "-f", FW,
                     "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "warning: nothing-answered.csv: nothing is answered in row(s) 3" in captured.err
    written = pd.read_csv(out, dtype={"wave": str})
    with pytest.warns(UserWarning):
        expected = score(BAD / "nothing-answered.csv", FW)
    # The same scores to two decimals, each element also by its name.
    expected.insert(expected.columns.get_loc("element") + 1, "element_name",
                    expected["element"].map({"trust": "Build trust",
                                             "customer": "Start from the customer",
                                             "learning": "Learn in public"}))
    pd.testing.assert_frame_equal(written, expected.round({"score": 2}), check_dtype=False)


def test_scores_are_rounded_for_reading_and_exact_on_request(tmp_path):
    data = small_360(tmp_path / "360.csv")
    exact = score(data, FW)["score"]
    assert (exact.round(2) != exact).any()  # there is something to round
    rounded, full = tmp_path / "r.csv", tmp_path / "f.csv"
    assert cli.main(["score", str(data), "-f", FW, "--out", str(rounded)]) == 0
    assert cli.main(["score", str(data), "-f", FW, "--out", str(full), "--full-precision"]) == 0
    text = rounded.read_text(encoding="utf-8")
    assert "3.3333" not in text and ",3.33," in text
    assert pd.read_csv(full)["score"].tolist() == exact.tolist()  # every digit, as scored
    assert pd.read_csv(rounded)["score"].tolist() == exact.round(2).tolist()
    xlsx = tmp_path / "r.xlsx"
    assert cli.main(["score", str(data), "-f", FW, "--out", str(xlsx)]) == 0
    assert pd.read_excel(xlsx, engine="openpyxl")["score"].tolist() == exact.round(2).tolist()
    wide = tmp_path / "w.csv"
    assert cli.main(["score", str(data), "-f", FW, "--out", str(wide), "--wide"]) == 0
    assert "3.3333" not in wide.read_text(encoding="utf-8")


def test_dutch_scores_name_the_elements_in_dutch_with_decimal_commas(tmp_path):
    data = small_360(tmp_path / "360.csv")
    out = tmp_path / "nl.csv"
    assert cli.main(["--lang", "nl", "score", str(data), "-f", FW, "--out", str(out),
                     "--dutch-excel"]) == 0
    header, first = (line.split(";") for line in
                     out.read_text(encoding="utf-8-sig").splitlines()[:2])
    at = header.index("element")
    assert header[at:at + 3] == ["element", "element_name", "score"]
    exact = score(data, FW)["score"].iloc[0]
    assert first[at:at + 3] == ["trust", "Vertrouwen opbouwen",
                                f"{exact:.2f}".replace(".", ",")]


def _with_labels(path: Path, labels: dict[int, str], typo: tuple[int, str]) -> Path:
    """The 360 file with answers written as labels, and one label misspelled."""
    table = pd.read_csv(path)
    for item in ITEMS:
        table[item] = table[item].map(labels)
    table.loc[typo[0], ITEMS[0]] = typo[1]
    out = path.with_name("labels.csv")
    table.to_csv(out, sep=";", index=False)
    return out


def test_messages_speak_the_language_of_the_files_labels(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("LEADKIT_LANG", raising=False)
    dutch = {1: "Helemaal oneens", 2: "Oneens", 3: "Neutraal", 4: "Eens", 5: "Helemaal eens"}
    path = _with_labels(small_360(tmp_path / "360.csv"), dutch, (3, "Oneen"))
    assert cli.main(["validate", str(path), "-f", FW]) == 2
    err = capsys.readouterr().err
    assert "rij 5, kolom 'st01': de tekst 'Oneen' is geen antwoord; bedoelde je 'Oneens'?" in err
    assert cli.main(["--lang", "en", "validate", str(path), "-f", FW]) == 2  # a choice wins
    assert "row 5, column 'st01': the text 'Oneen' is not an answer; did you mean 'Oneens'?" in (
        capsys.readouterr().err)
    english = {1: "Strongly disagree", 2: "Disagree", 3: "Neutral", 4: "Agree",
               5: "Strongly agree"}
    path = _with_labels(small_360(tmp_path / "360.csv"), english, (3, "Agre"))
    assert cli.main(["validate", str(path), "-f", FW]) == 2
    assert "the text 'Agre' is not an answer; did you mean 'Agree'?" in capsys.readouterr().err


def test_score_for_dutch_excel_and_xlsx(tmp_path):
    nl = tmp_path / "scores-nl.csv"
    assert cli.main(["score", str(BAD / "bom-utf8.csv"), "-f", FW, "--out", str(nl),
                     "--dutch-excel"]) == 0
    text = nl.read_text(encoding="utf-8-sig")
    assert text.startswith("respondent;team;rater") and ";trust;Build trust;5,00;3;3" in text
    xlsx = tmp_path / "scores.xlsx"
    assert cli.main(["score", str(BAD / "bom-utf8.csv"), "-f", FW, "--out", str(xlsx)]) == 0
    assert pd.read_excel(xlsx, engine="openpyxl")["score"].tolist() == [5.0, 5.0, 5.0]


def test_score_with_report(tmp_path):
    data = small_360(tmp_path / "360.csv")
    report = tmp_path / "report.html"
    assert cli.main(["score", str(data), "-f", FW, "--out", str(tmp_path / "s.csv"),
                     "--report", str(report)]) == 0
    html = report.read_text(encoding="utf-8")
    for heading in ("Element scores", "Reliability per element", "Team agreement",
                    "Self and others (360)", "Figures"):
        assert f"<h2>{heading}</h2>" in html
    # Two gap charts; no profile, which would average the self ratings of only two leaders.
    assert html.count("data:image/png;base64,") == 2
    assert "Left out entirely (too few even together): direct reports" in html
    assert "padding:2em 2.5em" in html  # text kept off the window's edge


def _fact(html: str, label: str) -> str:
    """The value beside ``label`` in the report's overview."""
    return html.split(f"<th>{label}</th>", 1)[1].split("<td>", 1)[1].split("</td>", 1)[0]


def test_report_names_the_columns_it_did_not_score_and_the_prorated_scores(tmp_path):
    data = small_360(tmp_path / "360.csv")
    table = pd.read_csv(data)
    table.insert(1, "remark", "free text")
    table.loc[[0, 4], ["st01", "st04"]] = np.nan  # two people leave two items blank
    table.to_csv(data, index=False)
    report = tmp_path / "report.html"
    assert cli.main(["score", str(data), "-f", FW, "--out", str(tmp_path / "s.csv"),
                     "--report", str(report), "--ignore-column", "remark"]) == 0
    html = report.read_text(encoding="utf-8")
    assert _fact(html, "columns not scored") == "remark"
    # Row 0 and 4: trust (3 items) and customer (2 items: st04, st05) each from part of them.
    assert _fact(html, "scores from part of the items") == (
        "4 of 42 scores are the mean of the answered items only (blank items left out)")
    qualtrics = tmp_path / "q.html"
    assert cli.main(["score", str(SURVEYS / "agile-qualtrics.csv"), "--keys",
                     str(SURVEYS / "agile-keys.yaml"), "--out", str(tmp_path / "q.csv"),
                     "--report", str(qualtrics)]) == 0
    shown = _fact(qualtrics.read_text(encoding="utf-8"), "columns not scored").split(", ")
    assert {"StartDate", "IPAddress", "Finished", "UserLanguage"} <= set(shown)
    assert not any(c.startswith("Q1_") or c in ("ResponseId", "team") for c in shown)


@pytest.mark.parametrize(("args", "message"), [
    (["--framework", "agile"], "unknown framework 'agile'"),
    (["--framework", FW, "--out", "/no/such/folder/s.csv"], "cannot write or read"),
    (["--framework", FW, "--out", "s.csv", "--floor", "2"], "3 or more"),
    (["--framework", FW, "--out", "s.csv", "--min-share", "1.5"], "not a share"),
])
def test_user_mistakes_exit_2_without_a_traceback(args, message, capsys):
    command = "validate" if "--out" not in args else "score"
    assert cli.main([command, str(BAD / "bom-utf8.csv"), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_an_unexpected_error_exits_1_with_a_short_message(monkeypatch, capsys, tmp_path):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("leadkit.survey.scoring.iter_scores", broken)  # what .csv output uses
    monkeypatch.delenv("LEADKIT_DEBUG", raising=False)
    assert cli.main(["score", str(BAD / "bom-utf8.csv"), "-f", FW, "--out",
                     str(tmp_path / "s.csv")]) == 1
    err = capsys.readouterr().err
    assert "unexpected error (RuntimeError: boom)" in err and "Traceback" not in err


def test_messages_in_dutch(capsys):
    assert cli.main(["--lang", "nl", "validate", str(BAD / "text-in-items.csv"), "-f", FW]) == 2
    err = capsys.readouterr().err
    assert "1 probleem gevonden" in err and "de tekst 'vaak' is geen antwoord" in err


def test_bad_options_and_no_command_exit_2(capsys):
    assert cli.main(["score", "x.csv"]) == 2  # --framework and --out are required
    assert cli.main([]) == 2
    assert "portfolio" in capsys.readouterr().out  # the learner commands are there too


@pytest.mark.slow
def test_the_console_script_runs(tmp_path):
    script = Path(sys.executable).with_name("leadkit")
    if not script.exists():
        pytest.skip("the package is not installed in this environment")
    done = subprocess.run([str(script), "validate", str(BAD / "latin1.csv"), "-f", FW],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "latin1.csv: OK" in done.stdout


def class_table() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    answers = rng.integers(1, 6, size=(10, 9))
    return pd.DataFrame({"respondent": [f"s{i}" for i in range(10)],
                         "team": ["A"] * 5 + ["B"] * 5} | dict(zip(ITEMS, answers.T, strict=True)))


def test_report_reliability_is_cronbachs_alpha_on_keyed_items():
    rel = element_reliability(class_table(), FW).set_index("element")
    items = class_table()[["st06", "st07", "st08", "st09"]].astype(float)
    items["st07"] = 6 - items["st07"]  # reverse keyed on the 1-5 scale
    k = 4  # alpha = k/(k-1) * (1 - sum of item variances / variance of the sum)
    alpha = k / (k - 1) * (1 - items.var(ddof=1).sum() / items.sum(axis=1).var(ddof=1))
    assert rel.loc["learning", "alpha"] == pytest.approx(alpha)
    assert rel.loc["learning", "n"] == 10 and "Self" not in rel.attrs["note"]


def test_report_team_agreement_is_rwg_j_by_hand():
    agree = team_agreement(class_table(), FW)
    team_a = class_table().iloc[:5][["st06", "st07", "st08", "st09"]].astype(float)
    team_a["st07"] = 6 - team_a["st07"]
    ratio = team_a.var(ddof=1).mean() / 2.0  # null variance (5**2 - 1) / 12 = 2
    ratio = min(ratio, 1.0)
    expected = 4 * (1 - ratio) / (4 * (1 - ratio) + ratio)  # James, Demaree & Wolf (1984)
    assert agree.loc["A", "learning"] == pytest.approx(expected)
    assert list(agree.index) == ["A", "B"]


# ------------------------------------------------------------ own keys and survey exports
SURVEYS = DATA / "surveys"


def test_score_reads_an_export_with_a_keys_file_and_says_what_min_share_left_out(tmp_path,
                                                                                 capsys):
    out = tmp_path / "scores.csv"
    code = cli.main(["score", str(SURVEYS / "agile-qualtrics.csv"), "--keys",
                    str(SURVEYS / "agile-keys.yaml"), "--out", str(out), "--wide",
                    "--min-share", "0.8"])
    captured = capsys.readouterr()
    assert code == 0
    assert "2 responses are unfinished" in captured.err
    assert "scores (23 respondents) are left missing because fewer than 80%" in captured.out
    assert 'psych::scoreItems(impute = "none")' in captured.out
    assert len(pd.read_csv(out)) == 64


def test_columns_and_respondent_options_rename_a_plain_file(tmp_path, capsys):
    plain = pd.read_csv(SURVEYS / "agile-self.csv")
    plain.columns = ["who", "team"] + [f"q{i}" for i in range(1, 25)]
    path = tmp_path / "renamed.csv"
    plain.to_csv(path, index=False)
    mapping = tmp_path / "map.csv"
    items = [c for c in pd.read_csv(SURVEYS / "agile-self.csv").columns if c.startswith("acmo")]
    mapping.write_text("column,item\n" + "".join(f"q{i},{item}\n"
                                                 for i, item in enumerate(items, start=1)))
    code = cli.main(["validate", str(path), "--keys", str(SURVEYS / "agile-keys.yaml"),
                    "--columns", str(mapping), "--respondent", "who"])
    assert code == 0, capsys.readouterr().err
    assert "renamed.csv: OK — 64 rows, 24 items" in capsys.readouterr().out
    assert cli.main(["validate", str(path), "--keys", str(tmp_path / "none.yaml")]) == 2
    assert "the keys file does not exist" in capsys.readouterr().err
