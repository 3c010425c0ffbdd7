"""The sample classes keep every element's reliability in the realistic band.

``datasets/make_samples.py`` keeps a framework's draw only when every element's Cronbach's
alpha (complete wave-1 rows, reverse-keyed items recoded) lies within .65-.85. Checked here with
the kit's own :func:`leadkit.psychometrics.item_analysis` (which matches R ``psych::alpha``; see
``tests/psychometrics/test_item_analysis.py``), on the files as shipped.
"""

from __future__ import annotations

import pytest

import leadkit as lk
from leadkit.psychometrics.item_analysis import reliability


@pytest.mark.parametrize("fid", lk.list_frameworks())
def test_every_element_alpha_is_within_65_and_85(fid):
    fw = lk.load_framework(fid)
    df = lk.load_dataset(f"{fid}-class")
    wave1 = df[df["wave"] == 1]
    low, high = fw.scale
    alphas = {}
    for el in fw.elements:
        items = wave1[[it.id for it in fw.items_for(el.id)]].astype(float)
        for it in fw.items_for(el.id):
            if it.reverse:
                items[it.id] = low + high - items[it.id]
        alphas[el.id] = reliability(items.dropna()).alpha
    outside = {k: round(a, 3) for k, a in alphas.items() if not 0.65 <= a <= 0.85}
    assert not outside, outside
