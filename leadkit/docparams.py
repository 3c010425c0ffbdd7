"""Parameter descriptions shared by many docstrings, written once.

A docstring line that is only ``%(name)s`` is replaced, at that line's indentation, by the
entry ``name`` below when the function is decorated with :func:`shared_params`. The text a
reader gets from ``help()`` or the documentation is the full one; the source says it once.

See :func:`shared_params` for an example.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

__all__ = ["PARAMETERS", "shared_params", "shared_methods"]

_F = TypeVar("_F", bound=Callable)
_C = TypeVar("_C", bound=type)

#: Each shared parameter entry, in numpydoc form (name : type, then the indented text).
PARAMETERS: dict[str, str] = {
    'data_file': (
        "path : str or pathlib.Path\n"
        "    The data file."
    ),
    'dataset_name': (
        "name : str\n"
        "    The dataset's name in the catalog (see\n"
        "    :func:`~leadkit.content.catalog.list_datasets`)."
    ),
    'unknown_dataset': (
        "UnknownIdError\n"
        "    The catalog has no dataset of that name; the message lists the ones it has."
    ),
    'schema_name': (
        "schema_name : str\n"
        "    The schema's name, a file ``datasets/schema/<name>.schema.json`` (such as\n"
        "    ``\"framework\"`` or ``\"case\"``)."
    ),
    'groups': (
        "groups : Series or 1-D array\n"
        "    Team label of each row."
    ),
    'text_file': (
        "path : pathlib.Path\n"
        "    The text file."
    ),
    'sniff_info': (
        "info : dict\n"
        "    What the sniffer found out about the file: ``encoding``, ``bom``, ``header_first``\n"
        "    and ``skiprows`` (the lines before the header)."
    ),
    'delimiter': (
        "delimiter : str\n"
        "    The one-character field separator."
    ),
    'responses': (
        "responses : pandas.DataFrame, str or path-like\n"
        "    A table from :func:`~leadkit.survey.io.responses.read_responses`, any DataFrame in\n"
        "    that layout, or the path of a CSV or Excel file."
    ),
    'framework': (
        "framework : Instrument, str or path-like\n"
        "    The instrument (a kit framework is one), a kit framework's id, or the path of a\n"
        "    framework or keys file."
    ),
    'name': (
        "name : str\n"
        "    The file (or table) name the errors refer to."
    ),
    'errors_per_repeat': (
        "errors : list of InputError\n"
        "    The list to add one error per repeated row to."
    ),
    'journal': (
        "journal : Journal\n"
        "    The learner's journal."
    ),
    'bundles': (
        "bundles : list of dict\n"
        "    The bundles of :func:`~leadkit.store.handins.load_bundles`."
    ),
    'team_values': (
        "values : array-like\n"
        "    One value per person (an element score, say).\n"
        "groups : array-like\n"
        "    The team of each person, aligned with ``values``."
    ),
    'keys': (
        "keys : sequence of str\n"
        "    The columns that make a group."
    ),
    'floor': (
        "floor : int, default FLOOR\n"
        "    The anonymity floor: at least :data:`leadkit.privacy.FLOOR` (3); it can be raised,\n"
        "    never lowered."
    ),
    'floor_raises': (
        "FloorError\n"
        "    ``floor`` is not a whole number of at least :data:`leadkit.privacy.FLOOR`."
    ),
    'min_group': (
        "min_group : int, default MIN_GROUP\n"
        "    The smallest group that gets figures; it can be raised above\n"
        "    :data:`~leadkit.store.classroom.MIN_GROUP` but not lowered."
    ),
    'min_group_raises': (
        "FloorError\n"
        "    ``min_group`` is not a whole number of at least\n"
        "    :data:`~leadkit.store.classroom.MIN_GROUP`."
    ),
    'score_grid': (
        "scale : tuple of float, default (1.0, 5.0)\n"
        "    The lowest and highest possible score.\n"
        "step : float, default 1.0\n"
        "    The coarsest step between possible scores (:func:`leadkit.privacy.score_step`)."
    ),
    't_shape_raises': (
        "UnknownIdError\n"
        "    A rating names an area the case does not have.\n"
        "ValueError\n"
        "    A level is not a whole number within the case's levels."
    ),
    'chart_title': (
        "title : str, optional\n"
        "    The chart's title; by default one in the current language."
    ),
    'chart_ax': (
        "ax : matplotlib.axes.Axes, optional\n"
        "    Draw into this axes instead of a new figure."
    ),
    'chart_framework': (
        "framework : Framework or str, optional\n"
        "    The framework, when the table has no ``framework`` column."
    ),
    'prompt_id': (
        "prompt_id : str\n"
        "    The id of the question answered (``datasets/prompts.yaml``)."
    ),
    'answer_text': (
        "text : str\n"
        "    The learner's answer, as typed."
    ),
    'entry_id': (
        "entry_id : int\n"
        "    The id of the journal entry."
    ),
    'march_model': (
        "p1, p2, p3, p4 : float\n"
        "    Socialisation, code learning, turnover and turbulence probabilities (0 … 1).\n"
        "m, n : int\n"
        "    Dimensions of reality and number of individuals (paper: 30 and 50).\n"
        "variant : {\"actions\", \"beliefs\"}\n"
        "    Which published reading of the superior group (see :mod:`leadkit.simulate`).\n"
        "fast_learners : int\n"
        "    How many of the ``n`` individuals socialise at ``p1_fast`` instead of ``p1``\n"
        "    (March's Figures 2 and 3 mix slow and fast learners).\n"
        "p1_fast : float\n"
        "    Socialisation rate of the fast learners."
    ),
    'fang_model': (
        "linking : float\n"
        "    Probability that a person listens to a given person in another subgroup.\n"
        "groups, group_size : int\n"
        "    Number of subgroups and people per subgroup.\n"
        "m : int\n"
        "    Dimensions of reality.\n"
        "p_learn : float\n"
        "    Chance per period and dimension of adopting the better performers' majority view."
    ),
    'emperor_model': (
        "agents : int\n"
        "    Population size.\n"
        "believers : float\n"
        "    Share of true believers (at least one when above 0).\n"
        "max_strength : float\n"
        "    Disbelievers' conviction is uniform on 0 … ``max_strength``.\n"
        "cost : float\n"
        "    Enforcement cost ``K``.\n"
        "network : {\"local\", \"global\"}\n"
        "    Local ring neighbourhoods of ``k`` agents (ties rewired with ``rewiring``), or\n"
        "    everyone sees everyone.\n"
        "k : int\n"
        "    Neighbours per agent in the local network.\n"
        "rewiring : float\n"
        "    Chance that a local tie is rewired to a random agent.\n"
        "clustered : bool\n"
        "    True believers start side by side (True) or scattered at random (False)."
    ),
    'approval_model': (
        "layers : int\n"
        "    Approval layers above the team (0 = the team decides everything itself).\n"
        "mandate : float\n"
        "    Share of requests the team may decide itself (the \"wij-model\" lever).\n"
        "**params\n"
        "    ``arrival_rate`` (1.0 a day), ``approver_rate`` (5.0 a day), ``other_work`` (0.6),\n"
        "    ``send_back`` (0.15), ``team_days`` (0.5), ``rework_days`` (2.0),\n"
        "    ``deadline_days`` (5.0, the customer's patience)."
    ),
    'streams': (
        "seed : int, sequence of int, SeedSequence or None\n"
        "    The root seed (see :data:`~leadkit.simulate._streams.Seed`); ``None`` takes fresh\n"
        "    entropy from the operating system.\n"
        "replications : int\n"
        "    How many streams to make, one per replication."
    ),
    'replicated': (
        "replications : int\n"
        "    How many independent runs (organisations, teams or populations), each with its own\n"
        "    random stream.\n"
        "seed : int, optional\n"
        "    Root seed; replication ``i`` always draws from\n"
        "    ``SeedSequence(seed).spawn(replications)[i]``, however many run beside it."
    ),
    'model_seed': (
        "seed : int, optional\n"
        "    Seed of the random stream: the same organisation as replication 0 of the batch\n"
        "    function with this seed."
    ),
    'roster': (
        "roster : list of str, optional\n"
        "    The learner ids allowed to share; ``None`` lets any learner share."
    ),
    'learner': (
        "learner : str\n"
        "    The learner's id (spaces folded, case ignored)."
    ),
    'pool_framework': (
        "framework : Framework\n"
        "    The framework the scores belong to."
    ),
    'pool_scores': (
        "scores : dict of str to float\n"
        "    Element id to score, already checked by :func:`leadkit.classpool.rules.clean_scores`."
    ),
    'pool_code': (
        "code : str, optional\n"
        "    The learner's code, for a folder pool made with codes (case, spaces and dashes\n"
        "    do not matter)."
    ),
    'pool_rows': (
        "list of dict\n"
        "    One row per element: ``element``, ``n`` and ``mean`` (missing where withheld)\n"
        "    and the ``reason`` a figure is withheld."
    ),
    'min_share': (
        "min_share : float, default 0.5\n"
        "    The smallest share of an element's items that must be answered for a score (0.5:\n"
        "    at least half). Below it the score is missing, never a guess."
    ),
    'block': (
        "block : int, default 100_000\n"
        "    The number of response rows per piece."
    ),
    'scoring_raises': (
        "ValueError\n"
        "    ``min_share`` does not lie between 0 and 1.\n"
        "InputError\n"
        "    The table does not pass the response checks of\n"
        "    :func:`~leadkit.survey.io.responses.read_responses`."
    ),
    'language': (
        "language : str, optional\n"
        "    A language code; the current language when ``None``."
    ),
}

# Groups of entries that several functions document together, in this order.
PARAMETERS["responses_framework"] = PARAMETERS["responses"] + "\n" + PARAMETERS["framework"]
PARAMETERS["data_file_schema"] = PARAMETERS["data_file"] + "\n" + PARAMETERS["schema_name"]
PARAMETERS["sniffed_file"] = "\n".join(
    PARAMETERS[name] for name in ("text_file", "delimiter", "sniff_info"))
PARAMETERS["pool_share"] = "\n".join(
    PARAMETERS[name] for name in ("learner", "pool_framework", "pool_scores", "pool_code"))
# A teaching class takes its model's parameters and the seed of its one organisation.
PARAMETERS.update({f"{model}_one": PARAMETERS[f"{model}_model"] + "\n" + PARAMETERS["model_seed"]
                   for model in ("march", "fang", "emperor", "approval")})
PARAMETERS["chart_options"] = "\n".join(
    PARAMETERS[name] for name in ("chart_title", "chart_ax", "chart_framework"))
PARAMETERS["repeat_errors"] = PARAMETERS["name"] + "\n" + PARAMETERS["errors_per_repeat"]
PARAMETERS["scores_in_blocks"] = "\n".join(
    PARAMETERS[name] for name in ("responses_framework", "min_share", "block"))

_SLOT = re.compile(r"^([ \t]*)%\((\w+)\)s[ \t]*$", re.M)


def shared_params(func: _F) -> _F:
    """Fill the ``%(name)s`` lines of ``func``'s docstring from :data:`PARAMETERS`.

    Parameters
    ----------
    func : callable
        A function whose docstring holds ``%(name)s`` lines.

    Returns
    -------
    callable
        The same function, its docstring completed.

    Raises
    ------
    KeyError
        For a name that :data:`PARAMETERS` lacks.

    Examples
    --------
    >>> def f(journal):
    ...     pass
    >>> f.__doc__ = chr(10).join(["Do it.", "", "Parameters", "----------", "%(journal)s"])
    >>> shared_params(f).__doc__.splitlines()[-1]
    "    The learner's journal."
    """
    if func.__doc__:
        func.__doc__ = _SLOT.sub(
            lambda m: "\n".join(m.group(1) + line if line else line
                                 for line in PARAMETERS[m.group(2)].split("\n")), func.__doc__)
    return func


def shared_methods(klass: _C) -> _C:
    """Fill the ``%(name)s`` lines of a class's docstring and of its own methods' docstrings.

    Parameters
    ----------
    klass : type
        A class whose docstrings (its own and its methods') hold ``%(name)s`` lines.

    Returns
    -------
    type
        The same class, its docstrings completed.

    Examples
    --------
    >>> class Pool:
    ...     def share(self, learner):
    ...         pass
    >>> Pool.share.__doc__ = chr(10).join(["Share.", "", "Parameters", "----------",
    ...                                    "%(learner)s"])
    >>> shared_methods(Pool).share.__doc__.splitlines()[-1]
    "    The learner's id (spaces folded, case ignored)."
    """
    shared_params(klass)
    for value in vars(klass).values():
        function = getattr(value, "fget", value)
        if callable(function) and getattr(function, "__doc__", None):
            shared_params(function)
    return klass
