"""The class pool client for the hub service: the same calls as a folder pool, over HTTP.

``location`` is the service's address: ``https://hub.example.org/services/classpool/``, or
``hub-service://classpool``, which inside a student's server is found from the environment:
``LEADKIT_CLASS_POOL_URL`` (the service's full address), or else ``LEADKIT_HUB_URL`` (or
JupyterHub's ``JUPYTERHUB_PUBLIC_URL``) followed by ``/services/NAME/``. The hub config in
``docs/teaching-with-jupyterhub.md`` sets them. Requests carry the hub API token
(``JUPYTERHUB_API_TOKEN``, which JupyterHub puts in every student's server).

Examples
--------
>>> service_url("https://hub.example.org/services/classpool")
'https://hub.example.org/services/classpool/'
>>> service_url("hub-service://classpool", {"LEADKIT_HUB_URL": "http://proxy-public"})
'http://proxy-public/services/classpool/'
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from leadkit.content.frameworks import Framework
from leadkit.errors import InputError, LeadkitError
from leadkit.i18n import tr

# ServiceBackend is reached through leadkit.classpool.backend.open_backend, not by name.
__all__ = ["service_url", "TIMEOUT_S"]

#: How long one request may take before the learner is told the service does not answer.
TIMEOUT_S = 20


def service_url(location: str, environ: Mapping[str, str] | None = None) -> str:
    """The service's base URL (ending in ``/``) for a location.

    Parameters
    ----------
    location : str
        ``hub-service://NAME`` or an ``http(s)://`` address of the service.
    environ : Mapping[str, str], optional
        The environment to read the hub's address from (default: ``os.environ``).

    Returns
    -------
    str
        The service's base URL, ending in ``/``.

    Examples
    --------
    >>> service_url("hub-service://classpool", {"LEADKIT_HUB_URL": "https://hub.example.org"})
    'https://hub.example.org/services/classpool/'
    >>> service_url("https://hub.example.org/services/classpool")
    'https://hub.example.org/services/classpool/'
    """
    env = os.environ if environ is None else environ
    if location.startswith("hub-service://"):
        name = location[len("hub-service://"):].strip("/") or "classpool"
        if env.get("LEADKIT_CLASS_POOL_URL"):
            return env["LEADKIT_CLASS_POOL_URL"].rstrip("/") + "/"
        base = env.get("LEADKIT_HUB_URL") or env.get("JUPYTERHUB_PUBLIC_URL")
        if not base:
            raise LeadkitError(tr("{location}: the hub's address is not known here. The hub "
                                  "config sets LEADKIT_HUB_URL for every server "
                                  "(docs/teaching-with-jupyterhub.md); or give the service's "
                                  "URL, e.g. https://HUB/services/classpool/.").format(
                                   location=location))
        return f"{base.rstrip('/')}/services/{name}/"
    return location.rstrip("/") + "/"


class ServiceBackend:
    """Talks to :mod:`leadkit.classpool.service`; see :class:`leadkit.classpool.pool.ClassPool`.

    Parameters
    ----------
    location : str
        ``hub-service://NAME`` or the service's ``http(s)`` address.
    token : str, optional
        The hub API token (default ``JUPYTERHUB_API_TOKEN``).
    """

    kind = "service"

    def __init__(self, location: str, token: str | None = None) -> None:
        self.location = str(location)
        self._url: str | None = None
        self.token = token or os.environ.get("JUPYTERHUB_API_TOKEN", "")

    @property
    def url(self) -> str:
        """The service's base URL, found from the location when first needed."""
        if self._url is None:
            self._url = service_url(self.location)
        return self._url

    def _call(self, method: str, path: str, body: Any = None) -> dict[str, Any]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method, headers={
            "Authorization": f"token {self.token}", "Content-Type": "application/json",
            "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as reply:
                return json.loads(reply.read() or b"{}")
        except urllib.error.HTTPError as err:
            try:
                message = json.loads(err.read()).get("error") or err.reason
            except ValueError:
                message = err.reason
            if err.code == 400:
                raise InputError(self.location, str(message)) from None
            raise LeadkitError(f"{self.location}: {message} (HTTP {err.code})") from None
        except (urllib.error.URLError, TimeoutError, OSError) as err:
            raise LeadkitError(tr("{location}: the class pool service does not answer ({err}); "
                                  "nothing was shared. Try again in a moment, or tell the "
                                  "teacher.").format(location=self.location, err=err)) from None

    def create(self, roster: list[str] | None, floor: int,
               codes: Mapping[str, str] | None = None) -> None:
        # The hub's own login says who is who: the service needs no codes.
        self._call("POST", "api/open", {"roster": roster, "floor": floor})

    def info(self) -> dict[str, Any]:
        return self._call("GET", "api/info")

    def share(self, learner: str, framework: Framework, scores: dict[str, float],
              code: str | None = None) -> None:
        self._call("PUT", f"api/share/{quote(framework.id, safe='')}",
                   {"learner": learner, "scores": scores})

    def view(self, framework: Framework) -> list[dict[str, Any]]:
        return self._call("GET", f"api/view/{quote(framework.id, safe='')}")["rows"]

    def close(self) -> dict[str, list[dict[str, Any]]]:
        return self._call("POST", "api/close", {})["views"]

    def archive(self) -> None:
        """Nothing to do here: the service archives a closed pool's shares itself."""
        return None
