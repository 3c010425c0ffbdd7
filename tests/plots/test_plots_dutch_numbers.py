"""Every number drawn on a kit chart follows the language: in Dutch, 0,5 and 1,11, never 0.5.

The page checks read numbers in the page's text; numbers inside a chart are pixels there, so
this test reads them where they are made: every text of each kind of kit chart, after drawing.
"""

from __future__ import annotations

import re

import pytest
from matplotlib.text import Text

import leadkit as lk
from leadkit import plots
from leadkit.plots import simulate as plots_simulate
from leadkit.plots.cases import t_shape_figure
from leadkit.simulate.scenarios import load_scenario, run_scenario

POINT = re.compile(r"\d\.\d")


def _figures():
    ex = lk.team_example("silo-collaboration", "T6")
    yield "gap chart", plots.gap_chart(ex.gaps, ex.leader, framework="silo-collaboration")
    data = lk.load_dataset("agile-cmo-class")
    scores = lk.score(data[(data["rater"] == "self") & (data["wave"].astype(str) == "1")],
                      "agile-cmo")
    one = scores[scores["respondent"] == scores["respondent"].iloc[0]]
    yield "profile", plots.profile(one, framework="agile-cmo")
    yield "against the class", plots.against_distribution(one, "you", sample=scores,
                                                           framework="agile-cmo")
    sc = load_scenario("key-account-price")
    runs = run_scenario(sc, {"layers": 1}, replications=8, seed=1)
    yield "scenario outcome", plots_simulate.outcome_spread(sc, runs)
    case = lk.load_case("silo-t-shape")
    yield "T-shape", t_shape_figure({a["id"]: 2 for a in case["areas"]}, case)


@pytest.fixture
def dutch():
    lk.set_language("nl")
    yield
    lk.set_language("en")


def _all_texts(fig) -> list[str]:
    found = list(fig.findobj(Text))
    for ax in fig.axes:
        found += ax.get_xticklabels() + ax.get_yticklabels() + list(ax.texts)
        found += [ax.title, ax.xaxis.label, ax.yaxis.label]
    return [t.get_text() for t in found if t.get_visible() and t.get_text()]


def _texts(fig) -> list[str]:
    fig._repr_png_()  # draws, so tick labels exist and the kit's formatting has run
    return _all_texts(fig)


def test_dutch_charts_have_decimal_commas(dutch):
    for name, fig in _figures():
        texts = _texts(fig)
        assert any(re.search(r"\d,\d", t) for t in texts) or name == "T-shape", (name, texts)
        bad = [t for t in texts if POINT.search(t)]
        assert not bad, f"{name}: decimal points in a Dutch chart: {bad}"


def test_english_charts_keep_decimal_points():
    for name, fig in _figures():
        assert not [t for t in _texts(fig) if re.search(r"\d,\d", t)], name


def test_the_check_fails_on_a_plain_matplotlib_chart(dutch):
    from matplotlib.figure import Figure

    fig = Figure()
    fig.add_subplot().plot([0, 0.5], [0, 1])
    fig.canvas.draw()
    assert [t for t in _all_texts(fig) if POINT.search(t)]
