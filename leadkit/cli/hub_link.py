"""``leadkit hub-link``: print the link that gives a class the notebooks on a JupyterHub.

The main command line (:mod:`leadkit.cli`) calls :func:`register` to add the subcommand; the
handler returns the exit code (0 fine, 2 bad input).

Examples
--------
>>> import argparse
>>> parser = argparse.ArgumentParser(prog="leadkit")
>>> register(parser.add_subparsers(dest="command"))
>>> args = parser.parse_args(["hub-link", "https://hub.example.org",
...                           "--repo", "https://github.com/owner/leadkit"])
>>> args.func(args)  # doctest: +ELLIPSIS
https://hub.example.org/hub/user-redirect/git-pull?repo=...
0
"""

from __future__ import annotations

import argparse
import sys

from leadkit.cli.hub_links import DEFAULT_PATH, nbgitpuller_link, repo_from_git
from leadkit.errors import InputError
from leadkit.i18n import N_, tr

__all__ = ["register", "run_hub_link"]

_HELP = {
    "command": N_("print the nbgitpuller link that hands the notebooks to a JupyterHub class"),
    "hub": N_("the hub's address, e.g. https://hub.example.org"),
    "repo": N_("the repository to hand out (default: 'origin' of the git clone you are in)"),
    "branch": N_("the branch to pull (default: main)"),
    "path": N_("the notebook to open (default: {path})"),
    "app": N_("open it in JupyterLab, Notebook, or as a Voilà app (default: lab)"),
    "no_repo": N_("no repository given and no git clone with an 'origin' remote here"),
    "give_repo": N_("--repo https://github.com/OWNER/leadkit (the address students can clone)"),
}


def run_hub_link(args: argparse.Namespace) -> int:
    """Print the link for ``args`` (from the ``hub-link`` parser); return the exit code.

    Bad input (an address that is not a hub or not a repository, no repository found) is
    reported on standard error in one line and gives exit code 2.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed arguments of the ``hub-link`` subcommand.

    Returns
    -------
    int
        The exit code: 0 on success, 2 for a problem with the input (printed on standard error).

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="leadkit")
    >>> register(parser.add_subparsers())
    >>> args = parser.parse_args(["hub-link", "https://hub.example.org",
    ...                           "--repo", "https://github.com/owner/leadkit"])
    >>> run_hub_link(args)  # doctest: +ELLIPSIS
    https://hub.example.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fowner%2F...
    0
    """
    try:
        repo = args.repo or repo_from_git()
        if not repo:
            raise InputError("--repo", tr(_HELP["no_repo"]), expected=tr(_HELP["give_repo"]))
        link = nbgitpuller_link(args.hub_url, repo, branch=args.branch, path=args.path,
                                app=args.app)
    except InputError as err:
        print(f"leadkit hub-link: {err}", file=sys.stderr)
        return 2
    print(link)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``hub-link`` subcommand to the ``leadkit`` command line.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        What ``ArgumentParser.add_subparsers()`` returned. The new parser sets
        ``func=run_hub_link``, so the caller runs ``args.func(args)``.

    Returns
    -------
    None
        Adds the subcommand to ``subparsers``.

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="leadkit")
    >>> register(parser.add_subparsers())
    >>> args = parser.parse_args(["hub-link", "https://hub.example.org"])
    >>> args.func.__name__, args.branch, args.app
    ('run_hub_link', 'main', 'lab')
    """
    parser = subparsers.add_parser("hub-link", help=tr(_HELP["command"]),
                                   description=tr(_HELP["command"]))
    parser.add_argument("hub_url", metavar="HUB_URL", help=tr(_HELP["hub"]))
    parser.add_argument("--repo", default=None, metavar="URL", help=tr(_HELP["repo"]))
    parser.add_argument("--branch", default="main", help=tr(_HELP["branch"]))
    parser.add_argument("--path", default=DEFAULT_PATH,
                        help=tr(_HELP["path"]).format(path=DEFAULT_PATH))
    parser.add_argument("--app", default="lab", choices=("lab", "notebook", "voila"),
                        help=tr(_HELP["app"]))
    parser.set_defaults(func=run_hub_link)
