"""Where a class pool lives: the :class:`PoolBackend` protocol and the registry of backends.

A location names its backend by its scheme: ``hub-service://NAME``, ``http://`` and
``https://`` reach the JupyterHub service (:mod:`leadkit.classpool.hub`); anything else is a
folder (:mod:`leadkit.classpool.folder`). :func:`open_backend` is the one place that reads the
scheme, so the API, the command line and the widgets never compare scheme strings themselves.
A new kind of store registers itself with :func:`register_backend`.

Examples
--------
>>> import tempfile
>>> backend = open_backend(tempfile.mkdtemp())
>>> backend.kind, open_backend("hub-service://classpool").kind
('folder', 'service')
>>> scheme_of("https://hub.example.org/services/classpool/"), scheme_of("/tmp/pool")
('https', '')
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from leadkit.content.frameworks import Framework
from leadkit.docparams import shared_methods

__all__ = ["PoolBackend", "register_backend", "open_backend", "scheme_of", "BACKENDS"]


@runtime_checkable
@shared_methods
class PoolBackend(Protocol):
    """What a class pool's store does; :class:`leadkit.classpool.pool.ClassPool` calls only this.

    Attributes
    ----------
    location : str
        The location the backend was opened at, as the user wrote it.
    kind : str
        ``"folder"`` or ``"service"``: a folder pool keeps its file in a folder the teacher can
        read; a service keeps its shares on the hub.
    """

    location: str
    kind: str

    def create(self, roster: list[str] | None, floor: int,
               codes: Mapping[str, str] | None = None) -> None:
        """Make a new pool.

        Parameters
        ----------
        %(roster)s
        %(floor)s
        codes : mapping of str to str, optional
            Each roster learner's code, for a pool with no login of its own (a folder).
        """

    def info(self) -> dict[str, Any]:
        """Tell the pool's settings.

        Returns
        -------
        dict
            ``floor``, ``closed`` and ``roster_size`` (None when anyone may share).
        """

    def share(self, learner: str, framework: Framework, scores: dict[str, float],
              code: str | None = None) -> None:
        """Replace a learner's share for a framework.

        Parameters
        ----------
        %(pool_share)s
        """

    def view(self, framework: Framework) -> list[dict[str, Any]]:
        """Publish a framework's picture under the disclosure rules.

        Parameters
        ----------
        %(pool_framework)s

        Returns
        -------
        %(pool_rows)s
        """

    def close(self) -> dict[str, list[dict[str, Any]]]:
        """Close the pool to new shares.

        Returns
        -------
        dict of str to list of dict
            The last published rows per framework id.
        """

    def archive(self) -> str | None:
        """Keep a closed pool's shares out of the way of the next lesson.

        Returns
        -------
        str or None
            Where the shares were put, or None when the backend keeps them itself.
        """


#: Scheme -> ``"module:Class"`` of the backend; the empty scheme is a folder.
BACKENDS: dict[str, str] = {
    "": "leadkit.classpool.folder:FolderBackend",
    "file": "leadkit.classpool.folder:FolderBackend",
    "hub-service": "leadkit.classpool.hub:ServiceBackend",
    "http": "leadkit.classpool.hub:ServiceBackend",
    "https": "leadkit.classpool.hub:ServiceBackend",
}

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*)://", re.IGNORECASE)


def scheme_of(location: str | Path) -> str:
    """The scheme of a location (``"hub-service"``, ``"https"`` …), ``""`` for a plain path.

    Parameters
    ----------
    location : str or Path
        A folder path or an address.

    Returns
    -------
    str
        The lowercased scheme before ``://``, or ``""``.

    Examples
    --------
    >>> scheme_of("hub-service://classpool"), scheme_of("C:/pool"), scheme_of(Path("pool"))
    ('hub-service', '', '')
    """
    if isinstance(location, Path):
        return ""
    match = _SCHEME.match(str(location))
    return match.group(1).lower() if match else ""


def register_backend(scheme: str, factory: str | Callable[..., PoolBackend]) -> None:
    """Make locations of ``scheme`` open with ``factory``.

    Parameters
    ----------
    scheme : str
        The scheme before ``://`` (lowercase), or ``""`` for plain paths.
    factory : str or callable
        ``"module:Class"`` (imported on first use) or a callable ``factory(location, token=…)``
        that returns a :class:`PoolBackend`.

    Returns
    -------
    None
        The registry :data:`BACKENDS` holds the factory from now on.

    Examples
    --------
    >>> register_backend("memory-test", "leadkit.classpool.folder:FolderBackend")
    >>> "memory-test" in BACKENDS
    True
    >>> del BACKENDS["memory-test"]
    """
    BACKENDS[scheme.lower()] = factory  # type: ignore[assignment]


def open_backend(location: str | Path, token: str | None = None) -> PoolBackend:
    """The backend for ``location``, chosen by its scheme.

    Parameters
    ----------
    location : str or Path
        A folder, ``hub-service://NAME`` or the service's ``http(s)`` address.
    token : str, optional
        The hub API token, for the service (default ``JUPYTERHUB_API_TOKEN``).

    Returns
    -------
    PoolBackend
        The backend; nothing is read or written yet.

    Raises
    ------
    LeadkitError
        The scheme names no known backend.

    Examples
    --------
    >>> open_backend("ftp://pool")
    Traceback (most recent call last):
    ...
    leadkit.errors.LeadkitError: ftp://pool: no class pool can live at a 'ftp://' address; \
give a folder, hub-service://NAME or the service's https:// address.
    """
    from leadkit.errors import LeadkitError
    from leadkit.i18n import tr

    scheme = scheme_of(location)
    factory: Any = BACKENDS.get(scheme)
    if factory is None:
        raise LeadkitError(tr("{location}: no class pool can live at a '{scheme}://' address; "
                              "give a folder, hub-service://NAME or the service's https:// "
                              "address.").format(location=location, scheme=scheme))
    if isinstance(factory, str):
        module, name = factory.split(":")
        factory = getattr(importlib.import_module(module), name)
    return factory(location, token=token)
