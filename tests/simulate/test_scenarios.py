"""Scenario files: schema and model checks, lever handling, and runs that reproduce themselves."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from leadkit.content.paths import data_dir
from leadkit.errors import FrameworkFileError
from leadkit.i18n import set_language
from leadkit.simulate.scenarios import (
    MODEL_PARAMETERS,
    lever_values,
    list_scenarios,
    load_scenario,
    run_scenario,
    summarise_outcomes,
)


def test_the_four_stories_ship_and_validate():
    assert list_scenarios() == ["crm-dashboard", "key-account-price", "new-cmo-alignment",
                                "silo-marketing"]
    models = {load_scenario(s)["model"] for s in list_scenarios()}
    assert models == set(MODEL_PARAMETERS)


@pytest.mark.parametrize("scenario", ["crm-dashboard", "key-account-price",
                                      "new-cmo-alignment", "silo-marketing"])
def test_every_scenario_runs_with_its_defaults_and_is_reproducible(scenario):
    sc = load_scenario(scenario)
    first = run_scenario(sc, replications=12, seed=3)
    again = run_scenario(sc, replications=12, seed=3)
    assert len(first) == 12 and first.equals(again)
    table = summarise_outcomes(sc, first)
    assert list(table["outcome"]) == [o["column"] for o in sc["outcomes"]]
    assert (table["ci_low"] <= table["mean"]).all() and (table["mean"] <= table["ci_high"]).all()


def test_levers_set_their_parameter_and_change_the_outcome():
    sc = load_scenario("key-account-price")
    assert lever_values(sc, {"mandate": 0.8})["mandate"] == 0.8
    assert lever_values(sc)["layers"] == 3 and lever_values(sc)["deadline_days"] == 5.0
    slow = run_scenario(sc, {"layers": 3, "mandate": 0.0}, replications=20, seed=1)
    fast = run_scenario(sc, {"layers": 3, "mandate": 0.8}, replications=20, seed=1)
    assert fast["in_time"].mean() > slow["in_time"].mean()
    with pytest.raises(ValueError, match="not a lever"):
        lever_values(sc, {"deadline_days": 9})


def test_progress_is_reported_and_does_not_change_results():
    sc = load_scenario("new-cmo-alignment")
    seen: list[float] = []
    with_bar = run_scenario(sc, replications=25, seed=2, progress=seen.append)
    assert seen[-1] == 1.0 and seen == sorted(seen) and len(seen) == 3
    assert with_bar.equals(run_scenario(sc, replications=25, seed=2))


def test_outcome_labels_follow_the_language():
    sc = load_scenario("silo-marketing")
    runs = run_scenario(sc, replications=4, seed=1)
    set_language("nl")
    try:
        assert summarise_outcomes(sc, runs)["label"].iloc[0].startswith("Wat de gemiddelde")
    finally:
        set_language("en")


def _broken(tmp_path: Path, change) -> Path:
    source = data_dir() / "scenarios" / "key-account-price.yaml"
    doc = yaml.safe_load(source.read_text(encoding="utf-8"))
    change(doc)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "change, place, words",
    [
        (lambda d: d["title"].pop("nl"), "title", "nl"),
        (lambda d: d["levers"][0].update(parameter="floors"), "levers[0].parameter", "floors"),
        (lambda d: d["levers"][1].update(default=1.5), "levers[1].default", "max"),
        (lambda d: d["levers"][1].update(default=0.25), "levers[1].default", "steps"),
        (lambda d: d["fixed"].update(speed=2), "fixed.speed", "no parameter"),
        (lambda d: d["outcomes"][0].update(column="happiness"), "outcomes[0].column",
         "happiness"),
        (lambda d: d["debrief"]["links"][0].update(element="no-such"),
         "debrief.links[0].element", "no-such"),
        (lambda d: [o.update(correct=False) for o in d["check"][0]["options"]],
         "check[0].options", "correct"),
    ],
)
def test_a_broken_file_names_the_file_and_the_place(tmp_path, change, place, words):
    path = _broken(tmp_path, change)
    with pytest.raises(FrameworkFileError) as err:
        load_scenario(path)
    assert err.value.file.endswith("broken.yaml")
    assert err.value.place == place, err.value
    assert words in str(err.value)


def test_an_unknown_scenario_lists_the_known_ones():
    with pytest.raises(FrameworkFileError, match="silo-marketing"):
        load_scenario("no-such-story")
