"""Reflection prompts by id, so a notebook asks a question with one short call.

Two kinds of id:

- a name from ``datasets/prompts.yaml`` (``"start-here-goals"``);
- ``"<framework>:<element>"`` for an element's own reflection question
  (``"wij-model:account-ceo"``), with an optional ``":2"`` for its second question.

Examples
--------
>>> reflection_prompt("start-here-goals")["en"].startswith("Which leadership question")
True
"""

from __future__ import annotations

from functools import lru_cache

from leadkit.content.datafile import load_validated
from leadkit.content.frameworks import load_framework
from leadkit.content.paths import data_dir
from leadkit.errors import UnknownIdError

__all__ = ["reflection_prompt", "list_prompts"]


@lru_cache(maxsize=1)
def _prompts() -> dict[str, dict[str, str]]:
    return load_validated(data_dir() / "prompts.yaml", "prompts")["prompts"]


def list_prompts() -> list[str]:
    """The named prompts (element questions are not listed: see the frameworks).

    Returns
    -------
    list of str
        The prompt ids of ``datasets/prompts.yaml``, sorted.

    Examples
    --------
    >>> list_prompts()[:2]
    ['agile-cmo-next-step', 'analyse-survey-next-step']
    """
    return sorted(_prompts())


def reflection_prompt(prompt_id: str) -> dict[str, str]:
    """The ``{en, nl}`` text of a prompt id (see the module docstring for the id forms).

    Parameters
    ----------
    prompt_id : str
        A named prompt (see :func:`list_prompts`), or ``"framework:element"`` for an element's
        first reflection question and ``"framework:element:n"`` for its n-th.

    Returns
    -------
    dict
        The question under ``"en"`` and ``"nl"``.

    Raises
    ------
    UnknownIdError
        The prompt id is unknown, the element has no n-th question, or the framework or
        element does not exist.

    Examples
    --------
    >>> reflection_prompt("agile-cmo:build-trust")["en"]
    'What would team members need to see from you before they dare to report a problem early?'
    """
    if ":" in prompt_id:
        framework_id, element_id, *rest = prompt_id.split(":")
        element = load_framework(framework_id).element(element_id)
        number = int(rest[0]) if rest else 1
        if not 1 <= number <= len(element.reflection):
            raise UnknownIdError(
                f"{framework_id}:{element_id} has {len(element.reflection)} reflection "
                f"question(s); {number} was asked"
            )
        return element.reflection[number - 1]
    try:
        return _prompts()[prompt_id]
    except KeyError:
        raise UnknownIdError(
            f"unknown reflection prompt {prompt_id!r}; add it to datasets/prompts.yaml "
            f"(known: {', '.join(list_prompts())})"
        ) from None
