"""Class results: bundles in, pseudonyms, anonymity floor, shared text only, CSV out."""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess

import numpy as np
import pandas as pd
import pytest

from leadkit.cli.learner import register
from leadkit.content.frameworks import list_frameworks, load_framework
from leadkit.errors import InputError, LeadkitError
from leadkit.plots.classroom import class_distribution, class_theme_chart
from leadkit.store import classroom as c
from leadkit.store import handins as h
from leadkit.store.bundle import export_bundle
from leadkit.store.journal import Journal

SALT = "a-long-private-class-salt"
# Element scores per learner for an invented framework "my-model" (not in the kit, so no
# element or scale check applies): element "a" has 4 learners, "b" only 2.
CLASS = {
    "anna": {"a": 4.0, "b": 2.0},
    "bram": {"a": 3.0, "b": 5.0},
    "cem": {"a": 5.0},
    "dewi": {"a": 2.5},
}


def _bundle(learner, scores, shared=(), private=0, exported="2025-03-10T09:00:00+00:00",
            framework="my-model"):
    return {"format": "leadkit-bundle", "version": 1, "learner": learner, "exported": exported,
            "scores": [{"framework": framework, "instrument_form": "self", "element": e,
                        "score": s, "n_answered": 3, "saved": exported}
                       for e, s in scores.items()],
            "shared_entries": [{"prompt_id": p, "prompt": None, "notebook": None, "text": t,
                                "version": 1, "created": exported, "updated": exported}
                               for p, t in shared],
            "counts": {"entries": len(shared) + private, "shared": len(shared),
                       "private": private}}


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "bundles"
    d.mkdir()
    for name, scores in CLASS.items():
        shared = [("why", f"{name} shares this")] if name in ("anna", "cem") else []
        doc = _bundle(name, scores, shared=shared, private=2)
        (d / f"{name}.json").write_text(json.dumps(doc), encoding="utf-8")
    return d


@pytest.fixture
def scores(folder):
    return c.class_scores(h.load_bundles(folder), SALT)


# -- pseudonyms -------------------------------------------------------------------------------
def test_pseudonym_is_the_documented_salted_sha256():
    # Reference computed outside Python with coreutils:
    #   printf 'a-long-private-class-salt\x1fs1001' | sha256sum
    #   -> 2809a7ef0f7ca93c9b7ccf33773ba436ea9b79251dacd1cf8dc8b704eeffc76c
    assert h.pseudonymise("s1001", SALT) == "L-2809a7ef0f"
    assert h.pseudonymise("  S1001 ", SALT) == "L-2809a7ef0f"  # same learner, typed differently
    assert h.pseudonymise("s1001", SALT + "x") != "L-2809a7ef0f"


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="needs coreutils")
def test_pseudonym_matches_coreutils_for_other_ids():
    for learner in ("s2501234", "jan.de.vries@example.org"):
        out = subprocess.run(["sha256sum"], input=SALT.encode() + b"\x1f" + learner.encode(),
                             capture_output=True, check=True).stdout.decode()
        assert h.pseudonymise(learner, SALT) == "L-" + out[:10]


def test_short_salt_is_refused():
    with pytest.raises(InputError, match="too short"):
        h.pseudonymise("s1", "short")


def test_salt_file_is_created_private_and_reused(tmp_path):
    path = tmp_path / "salt.txt"
    with pytest.raises(InputError, match="does not exist"):
        h.read_salt(path)
    first = h.read_salt(path, create=True)
    assert len(first) == 32 and h.read_salt(path) == first
    assert path.stat().st_mode & 0o077 == 0


# -- reading bundles --------------------------------------------------------------------------
def test_bad_files_are_named(tmp_path, folder):
    (folder / "zz-broken.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="zz-broken.json.*not a readable JSON"):
        h.load_bundles(folder)
    (folder / "zz-broken.json").write_text('{"format": "something"}', encoding="utf-8")
    with pytest.raises(InputError, match="zz-broken.json.*not a leadkit bundle"):
        h.load_bundles(folder)
    bad = _bundle("x", {"a": "high"})
    (folder / "zz-broken.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(InputError, match=r"scores\[0\].score is 'high'"):
        h.load_bundles(folder)
    newer = {**_bundle("x", {}), "version": 99}
    (folder / "zz-broken.json").write_text(json.dumps(newer), encoding="utf-8")
    with pytest.raises(InputError, match="version 99"):
        h.load_bundles(folder)
    with pytest.raises(InputError, match="no bundle files"):
        h.load_bundles(tmp_path / "empty")


def test_a_learner_handing_in_twice_is_named_never_replaced(folder):
    # Same id after case and spaces, a later export date: still refused, naming both files.
    later = _bundle(" ANNA ", {"a": 1.0}, exported="2025-03-11T09:00:00+00:00")
    (folder / "anna-again.json").write_text(json.dumps(later), encoding="utf-8")
    with pytest.raises(InputError, match="anna-again.json") as err:
        h.load_bundles(folder)
    assert "anna.json" in str(err.value)


# -- class tables -----------------------------------------------------------------------------
def test_class_scores_are_pseudonymised_and_sorted_by_pseudonym(scores):
    assert not scores["pseudonym"].isin(list(CLASS)).any()
    a = scores[scores["element"] == "a"]
    assert a["pseudonym"].is_monotonic_increasing
    assert sorted(a["score"]) == sorted(v["a"] for v in CLASS.values())


def test_summary_figures_and_the_floor(scores):
    summary = c.class_summary(scores).set_index("element")
    a = np.array([v["a"] for v in CLASS.values()])
    assert summary.loc["a", "n"] == 4
    assert summary.loc["a", "mean"] == pytest.approx(a.mean())
    # Spread and quartiles are never published (docs/privacy.md).
    assert not {"sd", "q1", "median", "q3", "min", "max"} & set(summary.columns)
    # element b: 2 learners -> kept as a row, but no figure at all, not even n
    assert summary.loc["b", "suppressed"]
    assert summary.loc["b", ["n", "mean"]].isna().all()
    assert not summary.loc["a", "suppressed"]


def test_floor_can_be_raised_never_lowered(scores):
    assert c.class_summary(scores, min_group=5)["suppressed"].all()
    for low in (2, 0, 2.5, True):
        with pytest.raises(LeadkitError, match="never lowered"):
            c.class_summary(scores, min_group=low)


def test_missing_scores_do_not_count_as_learners(tmp_path):
    d = tmp_path / "b"
    d.mkdir()
    for name, value in [("p", 3.0), ("q", 4.0), ("r", None)]:
        (d / f"{name}.json").write_text(json.dumps(_bundle(name, {"a": value})))
    summary = c.class_summary(c.class_scores(h.load_bundles(d), SALT))
    assert summary["suppressed"].item()  # only two real scores


def test_themes_pool_only_the_element_cells_that_are_shown(tmp_path):
    d = tmp_path / "b"
    d.mkdir()
    people = {"p": {"a": 1.0, "b": 3.0}, "q": {"a": 5.0}, "r": {"b": 4.0}, "s": {"a": 2.0}}
    for name, s in people.items():
        (d / f"{name}.json").write_text(json.dumps(_bundle(name, s)))
    scores = c.class_scores(h.load_bundles(d), SALT)
    mapping = {("my-model", "a"): ("trust",), ("my-model", "b"): ("trust", "learning")}
    themes = c.class_themes(scores, element_themes=mapping).set_index("theme")
    # Element b has two learners (p, r): withheld, so it counts in no theme either. trust is
    # then element a's cell: (1 + 5 + 2) / 3 over p, q and s, exactly what the summary shows.
    summary = c.class_summary(scores).set_index("element")
    assert summary.loc["b", "suppressed"]
    assert themes.loc["trust", "n"] == 3
    assert themes.loc["trust", "mean"] == pytest.approx(8 / 3) == summary.loc["a", "mean"]
    assert themes.loc["learning", "suppressed"]


def test_shared_texts_only_and_never_in_file_order(folder, tmp_path):
    texts = c.shared_texts(h.load_bundles(folder), SALT)
    assert sorted(texts["text"]) == ["anna shares this", "cem shares this"]
    assert "pseudonym" not in texts.columns
    with_p = c.shared_texts(h.load_bundles(folder), SALT, with_pseudonyms=True)
    assert with_p["pseudonym"].is_monotonic_increasing
    assert c.shared_texts(h.load_bundles(folder), SALT, prompt_id="other").empty


def test_private_text_never_reaches_the_teacher_end_to_end(tmp_path):
    d = tmp_path / "handed-in"
    for k in range(3):
        j = Journal(tmp_path / f"j{k}", learner=f"s{k}")
        j.add("goal", f"SECRET-{k}")
        j.add("goal", f"open-{k}", share_with_teacher=True)
        export_bundle(j, d / f"{k}.json")
    for path in d.glob("*.json"):
        assert "SECRET" not in path.read_text(encoding="utf-8")
    texts = c.shared_texts(h.load_bundles(d), SALT)
    assert sorted(texts["text"]) == ["open-0", "open-1", "open-2"]
    overview = c.class_overview(h.load_bundles(d)).set_index("what")["count"]
    assert (overview["learners"], overview["reflections kept private"]) == (3, 3)


def test_csv_export_and_its_guard(scores, tmp_path):
    summary = c.class_summary(scores)
    back = pd.read_csv(c.to_csv(summary, tmp_path / "class.csv"))
    assert back.loc[back["element"] == "a", "mean"].item() == pytest.approx(3.625)
    assert back.loc[back["element"] == "b", "mean"].isna().all()
    nl = (tmp_path / "nl.csv")
    c.to_csv(summary, nl, dutch_excel=True)
    assert "3,625" in nl.read_text() and ";" in nl.read_text()
    tampered = summary.copy()
    tampered.loc[tampered["element"] == "b", ["suppressed", "n", "mean"]] = [False, 2, 3.5]
    with pytest.raises(LeadkitError, match="fewer than 3"):
        c.to_csv(tampered, tmp_path / "x.csv")
    with pytest.raises(LeadkitError, match="only"):
        c.to_csv(scores, tmp_path / "x.csv")


def test_plots_leave_out_small_groups(scores):
    from matplotlib.text import Text

    fig = class_distribution(scores, "my-model")
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["a"]
    texts = [t.get_text() for t in fig.findobj(Text)]
    assert any(t.startswith("Not shown (fewer than 3 learners") and t.endswith(": b")
               for t in texts)
    assert any("(n = 4)" in t for t in texts)
    small = class_distribution(scores[scores["pseudonym"].isin(
        scores["pseudonym"].unique()[:2])], "my-model")
    assert any("(n < 3)" in t.get_text() for t in small.findobj(Text))
    mapping = {("my-model", "a"): ("trust",), ("my-model", "b"): ("learning",)}
    themes = c.class_themes(scores, element_themes=mapping)
    chart = class_theme_chart(themes)
    assert [t.get_text() for t in chart.axes[0].get_yticklabels()] == ["Trust"]
    with pytest.raises(LeadkitError):
        class_distribution(scores, "my-model", min_group=1)


# -- kit frameworks and the sample class --------------------------------------------------------
@pytest.mark.skipif("agile-cmo" not in list_frameworks(), reason="framework file not present")
def test_kit_frameworks_check_elements_and_scale(tmp_path):
    fw = load_framework("agile-cmo")
    d = tmp_path / "b"
    d.mkdir()
    (d / "x.json").write_text(json.dumps(_bundle("x", {fw.elements[0].id: fw.scale[1] + 1},
                                                 framework="agile-cmo")))
    with pytest.raises(InputError, match="x.json.*outside the scale"):
        c.class_scores(h.load_bundles(d), SALT)
    (d / "x.json").write_text(json.dumps(_bundle("x", {"no-such-element": 3.0},
                                                 framework="agile-cmo")))
    with pytest.raises(InputError, match="x.json.*not in framework 'agile-cmo'"):
        c.class_scores(h.load_bundles(d), SALT)


SAMPLE_FRAMEWORKS = {"agile-cmo", "leading-professionals", "wij-model"}
needs_samples = pytest.mark.skipif(
    not SAMPLE_FRAMEWORKS <= set(list_frameworks()), reason="framework files not present")


@needs_samples
def test_sample_class_matches_its_generator(tmp_path):
    from tools.make_sample_bundles import N_LEARNERS, TAKEN, main

    bundles = h.load_bundles(h.sample_bundles_dir())
    assert len(bundles) == N_LEARNERS
    scores = c.class_scores(bundles, SALT)  # also checks every element id and the scale
    learners = scores.groupby("framework")["pseudonym"].nunique().to_dict()
    assert learners == TAKEN
    summary = c.class_summary(scores)
    assert summary.loc[summary["framework"] == "wij-model", "suppressed"].all()
    assert not summary.loc[summary["framework"] != "wij-model", "suppressed"].any()
    # The script writes the same files on every run.
    main(["--out", str(tmp_path)])
    for path in sorted(h.sample_bundles_dir().glob("*.json")):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), (
            f"{path.name} is out of date: run python tools/make_sample_bundles.py")


# -- leadkit class ------------------------------------------------------------------------------
def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="leadkit")
    register(parser.add_subparsers(dest="command", required=True))
    return parser


def test_class_subcommand_writes_csv_and_a_new_salt(folder, tmp_path, capsys):
    salt, out = tmp_path / "salt.txt", tmp_path / "class.csv"
    args = _parser().parse_args(["class", str(folder), "--salt-file", str(salt),
                                 "--out", str(out)])
    assert args.func(args) == 0
    printed = capsys.readouterr().out
    assert "new salt" in printed and "4 learners" in printed and "1 row hidden" in printed
    first = out.read_bytes()
    assert args.func(args) == 0  # same salt file -> same pseudonyms -> same file
    assert out.read_bytes() == first
    assert "new salt" not in capsys.readouterr().out


def test_class_subcommand_refuses_a_lower_floor_and_bad_folders(folder, tmp_path, capsys):
    args = _parser().parse_args(["class", str(folder), "--salt-file", str(tmp_path / "s"),
                                 "--out", str(tmp_path / "c.csv"), "--min-group", "2"])
    assert args.func(args) == 2
    assert "never lowered" in capsys.readouterr().err
    args = _parser().parse_args(["class", str(tmp_path / "nothing"), "--salt-file",
                                 str(tmp_path / "s"), "--out", str(tmp_path / "c.csv")])
    assert args.func(args) == 2
    assert "no bundle files" in capsys.readouterr().err
    assert not (tmp_path / "c.csv").exists()


def test_hash_reference_helper_is_sha256():
    # Guards the reference used above: the same construction with hashlib.
    digest = hashlib.sha256(SALT.encode() + b"\x1f" + b"s1001").hexdigest()
    assert digest.startswith("2809a7ef0f")


def test_teacher_reads_the_question_in_their_own_language(tmp_path):
    from leadkit.i18n import set_language

    d = tmp_path / "b"
    j = Journal(tmp_path / "j", learner="s9")
    j.add("q", "answer", prompt={"en": "Why?", "nl": "Waarom?"}, share_with_teacher=True)
    export_bundle(j, d / "s9.json")
    try:
        set_language("nl")
        texts = c.shared_texts(h.load_bundles(d), SALT)
        assert texts["prompt"].tolist() == ["Waarom?"]
        assert c.format_shared_texts(texts) == "Waarom?\n  1. answer"
    finally:
        set_language("en")
