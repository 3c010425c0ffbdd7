"""The page checks can fail: each one finds the defect it was written for, on a page built to
have it, and finds nothing on the same page once the kit's fix is applied.

The pages use the markup and the CSS rules of ipywidgets 8 that caused the defects in the
notebooks (radio labels of a fixed height, buttons that cut off with an ellipsis), so the test
needs only the browser, no JupyterLab.
"""

from __future__ import annotations

import pytest
from page_checks import broken_links, page_problems

from leadkit.widgets._common import OPTIONS_CSS

pytestmark = pytest.mark.browser

# The rules of ipywidgets 8 behind the defects (see jupyter-widgets' widgets.css).
IPYWIDGETS_CSS = """
body { font: 13px sans-serif; width: 900px; }
.widget-radio-box { display: flex; flex-direction: column; width: 420px; }
.widget-radio-box label { height: 20px; line-height: 20px; }
.widget-radio-box input { height: 20px; float: left; margin: 0 8px 0 1px; }
.jupyter-button { white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
                  height: 28px; line-height: 28px; padding: 0 10px; display: inline-block; }
.widget-toggle-buttons { display: flex; }
.widget-toggle-button { width: 117px; }
"""

#: An 8 × 8 PNG of one white: it loads, but shows no picture.
FLAT_PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAFUlEQVR4nGP8//8/AzbAhFV00EoAAFbUAw03"
            "7MyjAAAAAElFTkSuQmCC")
DEFECTS = """
<div class="jp-OutputArea {fixed}">
  <div class="widget-radio-box">
    <label><input type="radio">Two workshops with the squad leads, sales, the shop managers and
      your agency; you write the draft, they comment, and you state which role each one has.
    </label>
    <label><input type="radio">You hire a consultancy to write it.</label>
  </div>
  <div class="widget-toggle-buttons">
    <button class="jupyter-button widget-toggle-button">Nauwelijks kennis van dit vak</button>
    <button class="jupyter-button widget-toggle-button">Ik begrijp hun taal heel goed</button>
  </div>
  <p>Bron: Editorial staff (no named author). <cite>The Leadership Quarterly</cite></p>
  <table><thead><tr><th></th><th>score</th><th>verborgen</th></tr></thead>
    <tbody><tr><th>0</th><td>4.67</td><td>True</td></tr>
           <tr><th>1</th><td>Leidinggeven aan een agile marketingorganisati...</td><td>NaN</td></tr>
    </tbody></table>
  <p>⚠ De goedkeurders kunnen het niet bijhouden.</p><img src="data:image/png;base64,">
  <img alt="T-profiel" src="data:image/png;base64,[object Object]">
  <img alt="Leeg" src="data:image/png;base64,{flat}">
  <div class="lk-chart"><svg class="svg-figure" width="200" height="80"><g class="curve">
    <path d="M10,10L10,10"></path></g></svg><p>Staafdiagram van je score</p></div>
  <div data-mime-type="application/vnd.jupyter.stderr">UserWarning: something went wrong</div>
  <a href="nl/01-agile-cmo-nl.ipynb">01 Agile CMO</a>
</div>
"""

FIXED = """
<div class="jp-OutputArea lk-options">
  <div class="widget-radio-box">
    <label><input type="radio">Twee werksessies met de squadleads, sales, de winkelmanagers en
      je bureau; jij schrijft het concept, zij geven commentaar.</label>
    <label><input type="radio">Je laat een adviesbureau hem schrijven.</label>
  </div>
  <div class="widget-toggle-buttons">
    <button class="jupyter-button widget-toggle-button">Nauwelijks kennis</button>
    <button class="jupyter-button widget-toggle-button">Ik begrijp hun taal</button>
  </div>
  <p>Bron: de redactie. <cite>The Leadership Quarterly</cite></p>
  <table><thead><tr><th>score</th><th>verborgen</th></tr></thead>
    <tbody><tr><td>4,67</td><td>ja</td></tr></tbody></table>
  <a href="01-agile-cmo-nl.ipynb">01 Agile CMO</a>
</div>
"""


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(viewport={"width": 1000, "height": 1200})
    page = context.new_page()
    yield page
    context.close()


def _load(tab, body: str, css: str = "") -> dict:
    tab.set_content(f"<html><head><style>{IPYWIDGETS_CSS}{css}</style></head>"
                    f"<body>{body}</body></html>")
    tab.wait_for_timeout(200)
    return page_problems(tab, ".jp-OutputArea", "nl")


def test_every_check_finds_its_defect(tab, tmp_path):
    found = _load(tab, DEFECTS.format(fixed="", flat=FLAT_PNG))
    text = {k: " | ".join(map(str, v)) for k, v in found.items()}
    # Long radio option running into the next one (dilemmas, self-checks).
    assert "runs into the next option" in text["overflow"]
    assert "runs out of its box" in text["overflow"]
    # T-profile toggle buttons cut off with an ellipsis (02), a pandas-shortened cell (00).
    assert "cut off" in text["truncated"] and "Nauwelijks kennis" in text["truncated"]
    assert "table cell shortened" in text["truncated"]
    # English in Dutch output; the title in <cite> is exempt.
    assert "staff" in text["language"] and "named" in text["language"]
    assert "Leadership Quarterly" not in text["language"]
    # Dot decimals and raw values in a Dutch table.
    assert "4.67" in text["numbers"] and "True" in text["numbers"] and "NaN" in text["numbers"]
    # The pandas index column.
    assert "index column" in text["tables"]
    # The broken image under the overload message (05), stderr output.
    assert "image not loaded" in text["images"]
    # The T-profile of 02 whose source was literally "data:image/png;base64,[object Object]".
    assert "[object Object]" in text["images"]
    # An image that loads but shows nothing, and a live chart with no marks.
    assert "one flat colour" in text["images"]
    assert "nothing drawn" in text["images"]
    assert "something went wrong" in text["errors"]
    # The link in nl/00-start-here that pointed to notebooks/nl/nl/....
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "01-agile-cmo-nl.ipynb").write_text("{}")
    broken = broken_links(found["links"], tmp_path, "nl/00-start-here-nl.ipynb")
    assert broken and "nl/nl/01-agile-cmo-nl.ipynb" in broken[0]
    # As JupyterLab rewrites that link in rendered markdown: an address on its own server.
    lab = [["http://127.0.0.1:8888/files/nl/nl/01-agile-cmo-nl.ipynb?_xsrf=x", "01"],
           ["http://127.0.0.1:8888/files/nl/01-agile-cmo-nl.ipynb?_xsrf=x", "01"]]
    assert len(broken_links(lab, tmp_path, "nl/00-start-here-nl.ipynb")) == 1


def test_the_kits_fixes_leave_nothing_to_find(tab, tmp_path):
    found = _load(tab, FIXED, OPTIONS_CSS)
    links = found.pop("links")
    assert found == {k: [] for k in found}, found
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "01-agile-cmo-nl.ipynb").write_text("{}")
    assert broken_links(links, tmp_path, "nl/00-start-here-nl.ipynb") == []


def test_without_the_kits_option_style_the_same_options_overflow(tab):
    # The fixed page minus the kit's CSS: the checks see the defect again.
    found = _load(tab, FIXED.replace("lk-options", ""))
    assert found["truncated"] or found["overflow"]
