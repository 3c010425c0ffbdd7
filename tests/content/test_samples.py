"""The sample classes: reproducible from their script, shaped like the frameworks, realistic.

The realism checks use textbook formulas written out here in numpy, independent of the kit's
own reliability and agreement modules: Cronbach's alpha, ICC(1) from a one-way ANOVA with the
unequal-group-size correction (Bliese 2000), and rwg(j) against a uniform null distribution
(James, Demaree & Wolf 1984).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import leadkit as lk
from leadkit.content.datafile import load_validated
from leadkit.content.paths import data_dir
from leadkit.survey.io.responses import validate_responses

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "samples-mini-framework.yaml"


def _load_script():
    spec = importlib.util.spec_from_file_location("make_samples",
                                                  ROOT / "tools" / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_samples"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


ms = _load_script()
IDS = lk.list_frameworks()


def _keyed(df: pd.DataFrame, fw: lk.Framework) -> pd.DataFrame:
    low, high = fw.scale
    out = df.copy()
    for it in fw.items:
        out[it.id] = df[it.id].astype(float)
        if it.reverse:
            out[it.id] = low + high - out[it.id]
    return out


def cronbach_alpha(x: np.ndarray) -> float:
    x = x[~np.isnan(x).any(axis=1)]
    k = x.shape[1]
    return k / (k - 1) * (1 - x.var(axis=0, ddof=1).sum() / x.sum(axis=1).var(ddof=1))


def icc1(values: np.ndarray, groups: np.ndarray) -> float:
    ok = ~np.isnan(values)
    values, groups = values[ok], groups[ok]
    labels = np.unique(groups)
    n_j = np.array([(groups == g).sum() for g in labels])
    means = np.array([values[groups == g].mean() for g in labels])
    big_n, j = len(values), len(labels)
    msb = (n_j * (means - values.mean()) ** 2).sum() / (j - 1)
    msw = sum(((values[groups == g] - m) ** 2).sum() for g, m in zip(labels, means, strict=True))
    msw /= big_n - j
    k = (big_n - (n_j**2).sum() / big_n) / (j - 1)
    return (msb - msw) / (msb + (k - 1) * msw)


def rwg_j(x: np.ndarray, n_points: int) -> float:
    s2 = np.nanmean(np.nanvar(x, axis=0, ddof=1))
    ratio = s2 / ((n_points**2 - 1) / 12)
    j = x.shape[1]
    return j * (1 - ratio) / (j * (1 - ratio) + ratio)


def test_reference_formulas_on_hand_worked_numbers():
    # Two items answered identically: alpha is 1; spread within groups only: ICC(1) < 0.
    assert cronbach_alpha(np.array([[1, 1], [3, 3], [5, 5.0]])) == pytest.approx(1.0)
    assert icc1(np.array([1, 5, 1, 5.0]), np.array(["a", "a", "b", "b"])) == pytest.approx(-1.0)
    # Full agreement within a group gives rwg(j) = 1; uniform-null variance gives 0.
    assert rwg_j(np.array([[4, 4], [4, 4.0]]), 5) == pytest.approx(1.0)
    assert rwg_j(np.array([[2, 2], [4, 4.0]]), 5) == pytest.approx(0.0)  # variance 2 = null


def test_catalog_lists_every_framework_class_and_files_are_small():
    names = set(lk.list_datasets()["name"])
    for fid in IDS:
        assert f"{fid}-class" in names
        path = lk.dataset_path(f"{fid}-class")
        assert path.is_file() and path.stat().st_size < 200_000


@pytest.mark.parametrize("fid", IDS)
def test_files_are_what_the_script_writes(fid, tmp_path):
    fw = lk.load_framework(fid)
    (written,) = ms.write_samples(tmp_path, [fw])
    shipped = lk.dataset_path(f"{fid}-class")
    assert written.read_bytes() == shipped.read_bytes(), (
        f"{shipped.name} is out of date: run 'python datasets/make_samples.py'")


@pytest.mark.parametrize("fid", IDS)
def test_columns_values_and_design(fid):
    fw = lk.load_framework(fid)
    df = lk.load_dataset(f"{fid}-class")
    assert list(df.columns) == ms.COLUMNS + fw.item_ids
    answers = df[fw.item_ids].to_numpy(float)
    given = answers[~np.isnan(answers)]
    low, high = fw.scale
    assert np.all((given >= low) & (given <= high) & (given == np.round(given)))
    assert 0.01 <= np.isnan(answers).mean() <= 0.03  # about 2% left blank
    # The kit's own reader accepts the file without a single complaint.
    assert validate_responses(df, fw) == []
    selfs = df[df["rater"] == "self"]
    assert (selfs["respondent"] == selfs["target"]).all()
    assert set(selfs["wave"]) == {1, 2}
    per_wave = selfs.groupby("wave")["respondent"].apply(set)
    assert per_wave[1] == per_wave[2]  # everybody answered before and after
    leaders = sorted(df.loc[df["rater"] == "manager", "target"].unique())
    assert len(leaders) == ms.N_TEAMS
    for leader in leaders:
        rows = df[(df["target"] == leader) & (df["wave"] == 1)]
        counts = rows["rater"].value_counts()
        team = rows.loc[rows["rater"] == "self", "team"].iloc[0]
        members = set(selfs.loc[selfs["team"] == team, "respondent"]) - {leader}
        assert counts["self"] == 1 and counts["manager"] == 1
        assert ms.N_PEERS[0] <= counts["peer"] <= ms.N_PEERS[1]
        assert set(rows.loc[rows["rater"] == "report", "respondent"]) == members
        assert ms.TEAM_SIZE[0] <= len(members) <= ms.TEAM_SIZE[1]


def test_alpha_per_element_is_in_the_realistic_range():
    # The model aims at alpha = .76 for every element; with ~150 rows per file the sample
    # alphas scatter around it (SD ~.05), so most, not all, fall within .65-.85.
    alphas = {}
    for fid in IDS:
        fw = lk.load_framework(fid)
        df = _keyed(lk.load_dataset(f"{fid}-class"), fw)
        wave1 = df[df["wave"] == 1]
        for el in fw.elements:
            ids = [it.id for it in fw.items_for(el.id)]
            alphas[fid, el.id] = cronbach_alpha(wave1[ids].to_numpy(float))
    values = np.array(list(alphas.values()))
    assert np.all((values >= 0.55) & (values <= 0.90)), alphas
    assert np.mean((values >= 0.65) & (values <= 0.85)) >= 0.85, alphas
    assert 0.70 <= np.median(values) <= 0.80


@pytest.mark.parametrize("fid", IDS)
def test_teams_differ_and_agree_as_real_teams_do(fid):
    fw = lk.load_framework(fid)
    df = _keyed(lk.load_dataset(f"{fid}-class"), fw)
    reports = df[df["rater"] == "report"]
    n_points = fw.scale[1] - fw.scale[0] + 1
    iccs, rwgs = [], []
    for el in fw.elements:
        ids = [it.id for it in fw.items_for(el.id)]
        score = reports[ids].mean(axis=1).to_numpy()
        iccs.append(icc1(score, reports["team"].to_numpy()))
        rwgs += [rwg_j(g[ids].to_numpy(float), n_points) for _, g in reports.groupby("team")]
    assert 0.05 <= np.mean(iccs) <= 0.25, iccs
    assert np.mean([0.6 <= r <= 0.9 for r in rwgs]) >= 2 / 3, rwgs


@pytest.mark.parametrize("fid", IDS)
def test_training_helps_and_some_leaders_misjudge_themselves(fid):
    fw = lk.load_framework(fid)
    df = _keyed(lk.load_dataset(f"{fid}-class"), fw)
    df["mean"] = df[fw.item_ids].mean(axis=1)
    selfs = df[df["rater"] == "self"].pivot(index="respondent", columns="wave", values="mean")
    assert 0.1 <= (selfs[2] - selfs[1]).mean() <= 0.5  # a modest gain in scale points
    wave1 = df[df["wave"] == 1]
    leaders = wave1.loc[wave1["rater"] == "manager", "target"].unique()
    gaps = {lead: wave1.loc[(wave1["target"] == lead) & (wave1["rater"] == "self"), "mean"].iloc[0]
            - wave1.loc[(wave1["target"] == lead) & (wave1["rater"] != "self"), "mean"].mean()
            for lead in leaders}
    bias = ms.organisation().bias
    over = [lead for lead, b in bias.items() if b > 0]
    (under,) = [lead for lead, b in bias.items() if b < 0]
    assert min(gaps, key=gaps.get) == under
    assert np.mean([gaps[lead] for lead in over]) > 0.5


def test_generator_reads_the_framework_not_a_fixed_list():
    fw = lk.load_framework(MINI)
    df = ms.simulate(fw)
    assert list(df.columns) == ms.COLUMNS + fw.item_ids
    # A reverse-keyed item runs against its element's other items in the raw answers ...
    raw = df[df["wave"] == 1]
    assert raw["mt02"].corr(raw["mt01"]) < -0.2
    # ... and with it once it is keyed.
    keyed = _keyed(raw, fw)
    assert keyed["mt02"].corr(keyed["mt01"]) > 0.2


def test_same_seed_same_data_other_seed_other_data():
    fw = lk.load_framework(MINI)
    pd.testing.assert_frame_equal(ms.simulate(fw), ms.simulate(fw))
    assert not ms.simulate(fw).equals(ms.simulate(fw, seed=ms.SEED + 1))


def test_script_writes_catalog_entries_and_keeps_other_entries(tmp_path):
    catalog = tmp_path / "catalog.yaml"
    catalog.write_text("schema_version: 1\ndatasets:\n- name: my-survey\n  file: x.csv\n"
                       "  description: {en: a, nl: b}\n  source: {en: c, nl: d}\n")
    fw = lk.load_framework(MINI)
    ms._write_catalog(catalog, [ms._catalog_entry(fw)])
    entries = load_validated(catalog, "catalog")["datasets"]
    assert [e["name"] for e in entries] == ["mini-lead-class", "my-survey"]
    assert "synthetic" in entries[0]["description"]["en"].lower()
    assert "synthetisch" in entries[0]["description"]["nl"].lower()


def test_command_line_writes_elsewhere_without_touching_the_catalog(tmp_path, capsys):
    catalog = data_dir() / "catalog.yaml"
    before = catalog.read_bytes()
    assert ms.main(["--out", str(tmp_path), "--framework", str(MINI)]) == 0
    written = tmp_path / "mini-lead-class.csv"
    assert str(written) in capsys.readouterr().out
    assert pd.read_csv(written).shape == (216, len(ms.COLUMNS) + 9)
    assert catalog.read_bytes() == before


def test_script_examples_run():
    import doctest

    assert doctest.testmod(ms).failed == 0
