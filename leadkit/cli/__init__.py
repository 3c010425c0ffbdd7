"""The ``leadkit`` command: validate and score survey files, write portfolios and class summaries,
build JupyterHub links, run the live class pool.

The top face: it may import anything in the kit. :func:`main` is the console entry point.
"""

from __future__ import annotations

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Run the ``leadkit`` command line with ``argv`` (default: ``sys.argv[1:]``).

    Parameters
    ----------
    argv : list[str], optional
        The arguments after the program name.

    Returns
    -------
    int
        The exit status: 0 on success, 2 on bad input.
    """
    from leadkit.cli.app import run

    return run(argv)
