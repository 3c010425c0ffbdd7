"""The API reference site builds without a warning and documents every public name."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest

import leadkit

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b",
                           "html", str(ROOT / "docs" / "api"), str(out)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out


def test_every_public_name_has_its_entry(site):
    pages = " ".join(p.read_text(encoding="utf-8") for p in (site / "generated").glob("*.html"))
    anchors = set(re.findall(r'id="leadkit\.([A-Za-z_]\w*)"', pages))
    missing = sorted(set(leadkit.__all__) - anchors)
    assert not missing, f"not in the API reference: {missing}"


def test_the_pages_follow_the_audiences_of_the_stub(site):
    titles = {p.stem: html.unescape(re.search(r"<h1>(.*?)<a", p.read_text("utf-8")).group(1))
              for p in (site / "generated").glob("*.html")}
    assert {titles[k] for k in ("everyone", "learner", "teacher", "researcher")} == {
        "Everyone", "Learners", "Teachers", "Researchers"}
    researcher = (site / "generated" / "researcher.html").read_text("utf-8")
    assert researcher.index("read_responses") < researcher.index("multilevel_model")
