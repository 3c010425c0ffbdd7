"""Write the kit's sample answers as survey tools export them: the fixtures of read_survey.

Run from the repository root:   .venv/bin/python tools/make_survey_exports.py

Takes the wave-1 self-assessments of the sample class (datasets/samples/agile-cmo-class.csv,
64 people, some answers left empty) and writes the same answers in each layout that
``lk.read_survey`` recognises, plus a keys file that scores them as a researcher's own
instrument. Each file follows what the tool writes (checked against their documentation):

- Qualtrics CSV (numeric values): UTF-8 with BOM; three header rows (export tags, question
  text "stem - statement", ``{"ImportId":"QID1_1"}``); the metadata columns first;
  ``Finished`` False for two responses; one question text spans two lines.
- Qualtrics TSV (choice text): UTF-16 with BOM, the answers as their labels.
- Google Forms CSV: ``Timestamp``, then one column per grid row headed ``Question [statement]``
  (typographic apostrophes); no respondent id.
- Microsoft Forms XLSX: ID, Start time, Completion time, Email, Name, then one column per
  statement; the answers as their labels.
- LimeSurvey CSV: every field quoted; id, submitdate, lastpage, startlanguage, seed, then the
  array's subquestions ``ACMO[acmo01]``; answer codes.
- SPSS .sav (−99 declared as a user-defined missing value), .zsav and .por; Stata .dta;
  all written with pyreadstat, with variable and value labels.
- OpenDocument .ods.

The Qualtrics CSV (every response finished) and the keys file are also written to
datasets/samples/surveys/, where notebook 10 reads them (the export is catalogued as
agile-qualtrics).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np
import pandas as pd
import yaml

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests" / "data" / "surveys"
SAMPLES = ROOT / "datasets" / "samples" / "surveys"
STEM = "How often does each statement describe you?"
META = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)",
        "Finished", "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName",
        "RecipientEmail", "ExternalReference", "LocationLatitude", "LocationLongitude",
        "DistributionChannel", "UserLanguage"]


def _framework():
    import sys

    sys.path.insert(0, str(ROOT))
    from leadkit.content.frameworks import load_framework

    return load_framework("agile-cmo")


def answers() -> tuple[pd.DataFrame, object]:
    fw = _framework()
    table = pd.read_csv(ROOT / "datasets" / "samples" / "agile-cmo-class.csv", dtype={"wave": str})
    selfs = table[(table["rater"] == "self") & (table["wave"] == "1")].reset_index(drop=True)
    return selfs[["respondent", "team", *fw.item_ids]], fw


def keys_file(fw) -> str:
    doc = {"name": "agile-cmo-self", "scale": list(fw.scale),
           "scales": {e.id: [("-" if it.reverse else "") + it.id for it in fw.items_for(e.id)]
                      for e in fw.elements},
           "items": {it.id: it.self_text["en"] for it in fw.items},
           "labels": {fw.scale[0] + i: lb["en"] for i, lb in enumerate(fw.scale_labels)}}
    head = ("# The sample class's instrument as a researcher writes it: psych-style keys (a minus\n"
            "# marks a reverse-keyed item), the statements (to find the items in an export's\n"
            "# headers) and the answer labels (for exports with choice text).\n"
            "# Written by tools/make_survey_exports.py.\n")
    def dump(part: dict, flow: bool | None) -> str:
        return yaml.safe_dump(part, sort_keys=False, allow_unicode=True, width=100,
                              default_flow_style=flow)

    short = {k: doc[k] for k in ("name", "scale", "scales")}  # lists of items on one line
    return head + dump(short, None) + dump({k: doc[k] for k in ("items", "labels")}, False)


def _label(fw, value: float) -> str:
    return "" if np.isnan(value) else fw.scale_labels[int(value) - fw.scale[0]]["en"]


def _cells(values: pd.Series) -> list[str]:
    return ["" if pd.isna(v) else str(int(v)) for v in values]


def qualtrics(data: pd.DataFrame, fw, choice_text: bool,
              unfinished: tuple[int, ...] = (5, 17)) -> list[list[str]]:
    n = len(data)
    ids = [f"R_{hashlib.blake2b(str(i).encode(), digest_size=8).hexdigest()[:15]}"
           for i in range(n)]  # as Qualtrics writes them, the same on every run
    tags = [f"Q1_{k}" for k in range(1, len(fw.items) + 1)]
    header = META + ["team"] + tags
    texts = (["Start Date", "End Date", "Response Type", "IP Address", "Progress",
              "Duration (in seconds)", "Finished", "Recorded Date", "Response ID",
              "Recipient Last Name", "Recipient First Name", "Recipient Email",
              "External Data Reference", "Location Latitude", "Location Longitude",
              "Distribution Channel", "User Language", "team"]
             + [f"{STEM}{chr(10) if k == 0 else ' '}- {it.self_text['en']}"
                for k, it in enumerate(fw.items)])
    tight = {"separators": (",", ":")}  # as Qualtrics writes it: {"ImportId":"QID1_1"}
    imports = ([json.dumps({"ImportId": m[0].lower() + m[1:].replace(" ", "")}, **tight)
                for m in META] + [json.dumps({"ImportId": "team"}, **tight)]
               + [json.dumps({"ImportId": f"QID1_{k}"}, **tight)
                  for k in range(1, len(fw.items) + 1)])
    rows = [header, texts, imports]
    for i, rec in data.iterrows():
        finished = i not in unfinished
        when = f"2025-03-{1 + i % 28:02d} 09:{i % 60:02d}:00"
        meta = [when, when, "IP Address" if choice_text else "0", f"192.0.2.{i % 250}",
                "100" if finished else "80", str(300 + 7 * i),
                ("True" if finished else "False") if choice_text else str(int(finished)),
                when, ids[i], "", "", "", "", "52.09", "5.12", "anonymous", "EN"]
        items = rec[fw.item_ids]
        cells = [_label(fw, v) for v in items] if choice_text else _cells(items)
        rows.append(meta + [rec["team"]] + cells)
    return rows


def google(data: pd.DataFrame, fw) -> list[list[str]]:
    header = ["Timestamp"] + [f"{STEM} [{it.self_text['en'].replace(chr(39), chr(0x2019))}]"
                              for it in fw.items]
    rows = [header]
    for i, rec in data.iterrows():
        rows.append([f"2025/03/{1 + i % 28:02d} 9:{i % 60:02d}:00 AM GMT+1"]
                    + _cells(rec[fw.item_ids]))
    return rows


def limesurvey(data: pd.DataFrame, fw) -> list[list[str]]:
    rows = [["id", "submitdate", "lastpage", "startlanguage", "seed"]
            + [f"ACMO[{i}]" for i in fw.item_ids]]
    for i, rec in data.iterrows():
        rows.append([str(i + 1), f"2025-03-{1 + i % 28:02d} 09:{i % 60:02d}:00", "3", "en",
                     str(1000 + i)] + _cells(rec[fw.item_ids]))
    return rows


def write_csv(rows: list[list[str]], path: Path, *, encoding: str = "utf-8",
              delimiter: str = ",", quoting: int = csv.QUOTE_MINIMAL) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


def msforms(data: pd.DataFrame, fw, path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["ID", "Start time", "Completion time", "Email", "Name"]
                 + [it.self_text["en"] for it in fw.items])
    for i, rec in data.iterrows():
        sheet.append([i + 1, f"3/{1 + i % 28}/25 9:{i % 60:02d}:00",
                      f"3/{1 + i % 28}/25 9:{(i + 5) % 60:02d}:00", "anonymous", ""]
                     + [_label(fw, v) or None for v in rec[fw.item_ids]])
    book.save(path)


def statfiles(data: pd.DataFrame, fw, folder: Path) -> None:
    import pyreadstat

    frame = pd.concat([pd.Series(data["respondent"], name="id"),
                       data[fw.item_ids].astype(float)], axis=1)
    # Stata keeps at most 80 characters of a variable label.
    labels = {"id": "Respondent"} | {it.id: it.self_text["en"][:80] for it in fw.items}
    values = {it.id: {float(fw.scale[0] + k): lb["en"] for k, lb in enumerate(fw.scale_labels)}
              for it in fw.items}
    coded = frame.copy()
    coded[fw.item_ids] = coded[fw.item_ids].fillna(-99.0)  # as SPSS users code "no answer"
    for item in values:
        values[item][-99.0] = "No answer"
    pyreadstat.write_sav(coded, folder / "agile-self.sav", column_labels=labels,
                         variable_value_labels=values,
                         missing_ranges={i: [-99.0] for i in fw.item_ids})
    pyreadstat.write_sav(coded, folder / "agile-self.zsav", column_labels=labels,
                         variable_value_labels=values, compress=True,
                         missing_ranges={i: [-99.0] for i in fw.item_ids})
    pyreadstat.write_por(frame, folder / "agile-self.por", column_labels=labels)
    pyreadstat.write_dta(frame, folder / "agile-self.dta", column_labels=labels)


def ods(rows: list[list[object]], path: Path) -> None:
    """A one-sheet OpenDocument spreadsheet (numbers as floats, text as strings)."""
    def cell(value: object) -> str:
        if value is None or value == "":
            return "<table:table-cell/>"
        if isinstance(value, (int, float)):
            return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                    f"<text:p>{value}</text:p></table:table-cell>")
        return (f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
                "</text:p></table:table-cell>")

    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>"
                   for row in rows)
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} '
               'office:version="1.2"><office:body><office:spreadsheet>'
               f'<table:table table:name="answers">{body}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
                'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"),
                      "application/vnd.oasis.opendocument.spreadsheet")
        book.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        book.writestr("content.xml", content, zipfile.ZIP_DEFLATED)


def main() -> None:
    data, fw = answers()
    TESTS.mkdir(parents=True, exist_ok=True)
    SAMPLES.mkdir(parents=True, exist_ok=True)
    keys = keys_file(fw)
    plain = data.astype({i: "Int64" for i in fw.item_ids})
    plain.to_csv(TESTS / "agile-self.csv", index=False)
    for folder in (TESTS, SAMPLES):
        (folder / "agile-keys.yaml").write_text(keys, encoding="utf-8")
        # The notebook's copy has every response finished: a lesson shows no warning.
        write_csv(qualtrics(data, fw, False, (5, 17) if folder == TESTS else ()),
                  folder / "agile-qualtrics.csv", encoding="utf-8-sig")
    write_csv(qualtrics(data, fw, True), TESTS / "agile-qualtrics-text.tsv", encoding="utf-16",
              delimiter="\t")
    write_csv(google(data, fw), TESTS / "agile-google-forms.csv")
    write_csv(limesurvey(data, fw), TESTS / "agile-limesurvey.csv", quoting=csv.QUOTE_ALL)
    msforms(data, fw, TESTS / "agile-microsoft-forms.xlsx")
    statfiles(data, fw, TESTS)
    ods([["respondent", "team", *fw.item_ids]]
        + [[r["respondent"], r["team"]] + [None if pd.isna(v) else float(v)
                                            for v in r[fw.item_ids]]
           for _, r in data.iterrows()], TESTS / "agile-self.ods")
    print(f"wrote {len(data)} responses in each layout to {TESTS} and {SAMPLES}")


if __name__ == "__main__":
    main()
