"""The kit's sample teams laid out for multilevel research: one row per rater or per person.

The analyses of :mod:`leadkit.psychometrics.agreement_null`,
:mod:`leadkit.psychometrics.multilevel` and :mod:`leadkit.psychometrics.response_surface` take
plain tables. These helpers cut the synthetic ``agile-cmo-class`` sample
(``datasets/README.md``) into the two layouts researchers use:

- :func:`kit_reports`: the team members' wave-1 ratings of their own leader, one row per
  rater, with the raw answers (for agreement within teams);
- :func:`kit_people`: one row per team member with their wave-1 element scores, their
  wave-2 ``build-trust`` score and ``others_trust``, the mean wave-1 ``build-trust`` score of
  the other members of the same team (for random-intercept models and response surfaces).

Examples
--------
>>> people = kit_people()
>>> people.shape[0], people["team"].nunique()
(56, 8)
"""

from __future__ import annotations

import pandas as pd

__all__ = ["kit_reports", "kit_people", "SAMPLE"]

#: The sample the helpers read.
SAMPLE = "agile-cmo-class"


def kit_reports() -> pd.DataFrame:
    """Wave-1 ratings of each team's leader by its members: ``respondent, team`` and the items.

    Returns
    -------
    pandas.DataFrame
        One row per direct report: ``respondent``, ``team`` and the item answers.

    Examples
    --------
    >>> kit_reports().groupby("team").size().min()
    np.int64(5)
    """
    from leadkit.content.catalog import load_dataset

    data = load_dataset(SAMPLE)
    items = [c for c in data.columns if c.startswith("acmo")]
    rows = data[(data["rater"] == "report") & (data["wave"] == 1)]
    return rows[["respondent", "team", *items]].reset_index(drop=True)


def kit_people() -> pd.DataFrame:
    """One row per team member: wave-1 element scores and items, wave-2 trust, others' trust.

    Returns
    -------
    pandas.DataFrame
        One row per team member: ``respondent``, ``team``, the element scores and items of
        wave 1, ``trust_wave2`` and ``others_trust``.

    Examples
    --------
    >>> list(kit_people().columns[:4])
    ['respondent', 'team', 'build-trust', 'create-and-share-vision']
    """
    from leadkit.content.catalog import load_dataset
    from leadkit.survey.scoring import wide_scores

    data = load_dataset(SAMPLE)
    items = [c for c in data.columns if c.startswith("acmo")]
    members = data[(data["rater"] == "self") & (data["team"] != "MGT")
                   & ~data["respondent"].str.endswith("-L")]
    scores = pd.concat(wide_scores(members, "agile-cmo"), ignore_index=True)
    elements = list(scores.columns[5:])
    wave = scores["wave"].astype(str)
    one = scores[wave == "1"].set_index("respondent")
    two = scores[wave == "2"].set_index("respondent")["build-trust"]
    out = one[["team", *elements]].copy()
    out["trust_wave2"] = two.reindex(out.index)
    # The others' view of the team: the mean of the teammates' scores, leaving the person out.
    team = out.groupby("team")["build-trust"]
    total, count = team.transform("sum"), team.transform("count")
    out["others_trust"] = (total - out["build-trust"]) / (count - 1)
    raw = members[members["wave"] == 1].set_index("respondent")[items]
    return out.join(raw).reset_index()
