"""Write the kit's sample teams as the small CSV files that make_reference.R reads.

Run from the repository root: ``.venv/bin/python tests/data/research/make_kit_fixtures.py``.
The files are the synthetic ``agile-cmo-class`` sample (see ``datasets/README.md``):

- ``kit_reports.csv``: the team members' wave-1 ratings of their leader (``rater = report``),
  team and the raw answers to the 24 items;
- ``kit_people.csv``: each team member's wave-1 self-assessment, one row per person, with the
  element scores, the raw items, the wave-2 score on ``build-trust`` and the mean of the
  teammates' wave-1 ``build-trust`` scores (how the others see the team).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from leadkit.survey.research_data import kit_people, kit_reports

OUT = Path(__file__).resolve().parent

if __name__ == "__main__":
    kit_reports().to_csv(OUT / "kit_reports.csv", index=False)
    kit_people().to_csv(OUT / "kit_people.csv", index=False, float_format="%.17g")
    print(pd.read_csv(OUT / "kit_people.csv").shape)
