"""The charts: what is drawn equals the input, labels follow the language and stay on the page."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # tests only: the module itself never picks a backend

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from datafiles import DATA
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import leadkit as lk  # noqa: E402
from leadkit import plots  # noqa: E402
from leadkit.survey.feedback360 import self_other  # noqa: E402
from leadkit.survey.scoring import score  # noqa: E402

MINI = DATA / "samples-mini-framework.yaml"



@pytest.fixture(scope="module")
def mini():
    return lk.load_framework(MINI)


@pytest.fixture(scope="module")
def class_scores():
    return score(lk.load_dataset("agile-cmo-class"), "agile-cmo")


def _one(fw, values):
    return pd.DataFrame({"framework": fw.id, "element": [e.id for e in fw.elements],
                         "score": values})


def _bar_ends(fig: Figure) -> list[float]:
    return [round(p.get_x() + p.get_width(), 6) for p in fig.axes[0].patches]


def _inside(fig: Figure) -> None:
    """Every text drawn lies within the figure: nothing is cut off at an edge."""
    canvas = FigureCanvasAgg(fig)  # the canvas a notebook's PNG is drawn with
    canvas.draw()
    renderer = canvas.get_renderer()
    page = fig.bbox
    texts = [t for ax in fig.axes for t in (*ax.get_xticklabels(), *ax.get_yticklabels(),
                                            *ax.texts, ax.title)]
    for text in texts:
        if not text.get_text() or not text.get_visible():
            continue
        box = text.get_window_extent(renderer)
        assert box.x0 >= page.x0 - 1 and box.x1 <= page.x1 + 1, text.get_text()
        assert box.y0 >= page.y0 - 1 and box.y1 <= page.y1 + 1, text.get_text()


def test_profile_bars_equal_the_scores_in_framework_order(mini):
    fig = plots.profile(_one(mini, [3.5, 2.25, 4.75]), framework=mini)
    assert _bar_ends(fig) == [3.5, 2.25, 4.75]
    # Bars start at the bottom of the scale, and the scale is the framework's.
    assert {p.get_x() for p in fig.axes[0].patches} == {1}
    assert fig.axes[0].get_xticks().tolist() == [1, 2, 3, 4, 5]
    # The first element is on top; the values are written next to the bars.
    top = max(fig.axes[0].get_yticklabels(), key=lambda t: t.get_position()[1])
    assert top.get_text() == "Build trust"
    assert {"3.50", "2.25", "4.75"} <= {t.get_text() for t in fig.axes[0].texts}


def test_missing_score_draws_no_bar_and_says_why(mini):
    fig = plots.profile(_one(mini, [3.0, np.nan, 4.0]), framework=mini)
    assert _bar_ends(fig) == [3.0, 4.0]
    assert any("too few answers" in t.get_text() for t in fig.axes[0].texts)


def test_team_rows_are_averaged(mini):
    two = pd.concat([_one(mini, [2.0, 3.0, 4.0]), _one(mini, [4.0, 4.0, 5.0])])
    fig = plots.profile(two, framework=mini)
    assert _bar_ends(fig) == [3.0, 3.5, 4.5]
    assert fig.axes[0].get_xlabel() == "Mean score"


def test_title_and_labels_follow_the_language_and_fit(mini):
    lk.set_language("nl")
    fig = plots.profile(_one(mini, [3.0, 3.0, 3.0]), framework=mini)
    assert fig.axes[0].get_title() == "Mini-leiderschapsmodel voor tests"
    labels = [t.get_text().replace("\n", " ") for t in fig.axes[0].get_yticklabels()]
    assert "De klant centraal stellen in iedere beslissing van het team" in labels
    assert max(len(line) for t in labels for line in t.split("\n")) <= 60
    assert all(len(line) <= 26 for t in fig.axes[0].get_yticklabels()
               for line in t.get_text().split("\n"))
    _inside(fig)


def test_radar_points_equal_the_scores_and_labels_fit(class_scores):
    lk.set_language("nl")
    one = class_scores[class_scores["respondent"] == "T2-03"].iloc[:7]
    fig = plots.radar(one)
    line = fig.axes[0].lines[0]
    r = line.get_ydata()
    assert len(r) == 8  # seven elements, the outline closed on the first
    assert np.allclose(r[:7], one["score"]) and r[7] == r[0]
    assert fig.axes[0].get_title() == lk.tr(lk.load_framework("agile-cmo").title, "nl")
    _inside(fig)


def test_radar_needs_a_polar_axes_and_leaves_a_gap_for_a_missing_score(mini):
    plain = Figure().add_subplot()
    with pytest.raises(ValueError, match="polar"):
        plots.profile(_one(mini, [3.0, 3.0, 3.0]), framework=mini, kind="radar", ax=plain)
    fig = plots.radar(_one(mini, [3.0, 4.0, 5.0]).iloc[:2], framework=mini)
    r = fig.axes[0].lines[0].get_ydata()
    assert r[:2].tolist() == [3.0, 4.0] and np.isnan(r[2])  # no point guessed for it


def test_bad_tables_are_refused_in_plain_words(mini):
    with pytest.raises(lk.InputError, match="not in mini-lead"):
        plots.profile(pd.DataFrame({"element": ["nope"], "score": [3]}), framework=mini)
    with pytest.raises(lk.InputError, match="2 frameworks"):
        plots.profile(pd.DataFrame({"framework": ["a", "b"], "element": ["x", "y"],
                                    "score": [3, 4]}))
    with pytest.raises(lk.InputError, match="missing column"):
        plots.profile(pd.DataFrame({"element": ["build-trust"]}), framework=mini)
    with pytest.raises(ValueError, match="kind"):
        plots.profile(_one(mini, [3.0, 3.0, 3.0]), framework=mini, kind="pie")


def test_gap_chart_draws_self_others_and_categories(class_scores):
    table = self_other(class_scores)
    lk.set_language("nl")
    fig = plots.gap_chart(table, "T3-L")
    ax = fig.axes[0]
    rows = table[(table["target"] == "T3-L") & (table["wave"] == "1")]
    self_line, others_line = ax.lines[0], ax.lines[1]
    assert np.allclose(self_line.get_xdata(), rows["self"])
    assert np.allclose(others_line.get_xdata(), rows["others"])
    assert ax.get_legend().texts[0].get_text() == "Zelf"
    words = " ".join(t.get_text() for t in ax.texts)
    assert "overschatter" in words and "verschil" in words
    arrows = [c for c in ax.get_children() if type(c).__name__ == "Annotation"]
    assert len(arrows) == int((abs(rows["self"] - rows["others"]) > 0.05).sum())
    _inside(fig)


def test_gap_chart_names_the_known_targets(class_scores):
    with pytest.raises(lk.InputError, match="no 360-degree result for 'nobody'"):
        plots.gap_chart(self_other(class_scores), "nobody")


def test_against_distribution_marks_the_person_and_the_class(class_scores):
    wave1 = class_scores[(class_scores["rater"] == "self") & (class_scores["wave"] == "1")]
    me = wave1[wave1["respondent"] == "T2-03"]
    fig = plots.against_distribution(wave1, "T2-03", sample=wave1)
    ax = fig.axes[0]
    marker = [ln for ln in ax.lines if ln.get_label() == "T2-03"][0]
    assert np.allclose(marker.get_xdata(), me["score"])
    # One box per element; the grey dots are every class member's score.
    dots = [ln for ln in ax.lines if ln.get_marker() == "."]
    assert len(dots) == 7
    assert sum(len(d.get_xdata()) for d in dots) == wave1["score"].notna().sum()
    assert "n = 64" in ax.get_title()
    _inside(fig)


def test_theme_heatmap_counts_the_crosswalk():
    cw = lk.crosswalk()
    fig = plots.theme_heatmap(cw)
    ax = fig.axes[0]
    data = ax.images[0].get_array()
    expected = pd.crosstab(cw["framework"], cw["theme"]).loc[lk.list_frameworks()]
    assert np.array_equal(np.asarray(data), expected.to_numpy())
    assert sorted(int(t.get_text()) for t in ax.texts) == sorted(expected.to_numpy().ravel())
    lk.set_language("nl")
    assert plots.theme_heatmap(cw).axes[0].get_xlabel() == "Thema"


def test_errors_speak_the_learners_language(mini):
    lk.set_language("nl")
    with pytest.raises(lk.InputError, match="staan niet in mini-lead"):
        plots.profile(pd.DataFrame({"element": ["nope"], "score": [3]}), framework=mini)


def test_waves_are_never_averaged_together(class_scores):
    person = class_scores[class_scores["respondent"] == "T2-03"]
    person = person[person["rater"] == "self"]
    with pytest.raises(lk.InputError, match="mix the waves"):
        plots.profile(person)
    fig = plots.profile(person[person["wave"] == "2"])
    assert _bar_ends(fig) == person.loc[person["wave"] == "2", "score"].round(6).tolist()
