"""The class pool as a JupyterHub service, for hubs where students share no folder.

Run by the hub as a managed service (``docs/teaching-with-jupyterhub.md`` has the config)::

    python -m leadkit.classpool.service --db sqlite:///classpool.sqlite --teachers teachers

Every request is authenticated with the hub's tokens (:class:`jupyterhub.services.auth.HubOAuth`:
an ``Authorization: token …`` header, as a student's server sends with
``JUPYTERHUB_API_TOKEN``, or the hub's login cookie). Who may do what:

* a member of the teachers' hub group opens, views and closes the pool;
* a learner on the roster (any hub user when the pool has no roster) writes only their own
  record (the learner in the request must be the token's user) and reads only the anonymised
  view; no request returns anyone's raw scores;
* anyone else is refused (403).

Storage is :class:`leadkit.classpool.store.PoolStore` through SQLAlchemy: SQLite by default,
PostgreSQL in production (``--db postgresql+psycopg://…``).

Examples
--------
>>> args = _arguments(["--db", "sqlite://", "--port", "0"])
>>> args.teachers, args.db
('teachers', 'sqlite://')
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlparse

from leadkit.classpool.rules import clean_scores
from leadkit.classpool.store import PoolStore
from leadkit.errors import InputError, LeadkitError

__all__ = ["make_app", "make_store", "main"]

_CACHE_S = 10  # how long the teachers' group is trusted before it is asked again
#: The largest request body the service reads (a roster of thousands still fits).
MAX_BODY = 256 * 1024


def make_store(url: str) -> PoolStore:
    """The store at an SQLAlchemy URL; an SQLite file gets WAL and busy timeouts.

    Parameters
    ----------
    url : str
        An SQLAlchemy URL: ``sqlite:///path`` or ``postgresql+psycopg://…``.

    Returns
    -------
    PoolStore
        The store, with its tables created when missing.

    Examples
    --------
    >>> store = make_store("sqlite://")  # in memory
    >>> store.create(["s1", "s2", "s3"], 3)
    >>> store.info()["roster_size"]
    3
    """
    if url.startswith("sqlite:///") and len(url) > len("sqlite:///"):
        from leadkit.classpool.folder import sqlite_engine

        return PoolStore(sqlite_engine(url[len("sqlite:///"):]), where="class pool service")
    import sqlalchemy as sa

    return PoolStore(sa.create_engine(url, pool_pre_ping=True, pool_size=5),
                     where="class pool service")


def make_app(store: PoolStore, *, prefix: str = "/", teachers: str = "teachers"):
    """The tornado application of the service (routes under ``prefix``).

    Parameters
    ----------
    store : PoolStore
        Where the shares are kept (:func:`make_store`).
    prefix : str, default '/'
        The URL prefix the hub routes to the service, e.g. ``/services/classpool/``.
    teachers : str, default 'teachers'
        The hub group whose members may open, view and close pools.

    Returns
    -------
    tornado.web.Application
        The routes of the service, each checking the hub token of the request.
    """
    from jupyterhub.services.auth import HubOAuth, HubOAuthCallbackHandler, HubOAuthenticated
    from jupyterhub.utils import url_path_join
    from tornado import web
    from tornado.httpclient import AsyncHTTPClient

    auth = HubOAuth(api_token=os.environ.get("JUPYTERHUB_API_TOKEN", ""), cache_max_age=60)
    workers = ThreadPoolExecutor(4, thread_name_prefix="classpool")
    group_cache: dict[str, Any] = {"at": -1e9, "users": set()}

    async def teacher_names() -> set[str]:
        # The service asks the hub with its own token (role: read:groups), so it works whatever
        # scopes the learner's token has.
        if time.monotonic() - group_cache["at"] < _CACHE_S:
            return group_cache["users"]
        url = url_path_join(auth.api_url, f"groups/{teachers}")
        reply = await AsyncHTTPClient().fetch(url, raise_error=False, headers={
            "Authorization": f"token {auth.api_token}"})
        users = set(json.loads(reply.body)["users"]) if reply.code == 200 else set()
        group_cache.update(at=time.monotonic(), users=users)
        return users

    class Api(HubOAuthenticated, web.RequestHandler):
        hub_auth = auth

        def check_xsrf_cookie(self) -> None:  # token requests carry no cookie to forge
            if "Authorization" not in self.request.headers:
                super().check_xsrf_cookie()

        def write_error(self, status_code: int, **kwargs: Any) -> None:
            reason = kwargs.get("exc_info", (None, None))[1]
            message = getattr(reason, "log_message", None) or self._reason
            self.finish({"error": message})

        def fail(self, code: int, message: str) -> None:
            raise web.HTTPError(code, log_message=message)

        def body(self) -> dict[str, Any]:
            try:
                data = json.loads(self.request.body or b"{}")
            except (ValueError, RecursionError):  # not JSON, or nested past any real request
                self.fail(400, "the request body is not JSON the class pool can read")
            if not isinstance(data, dict):
                self.fail(400, "the request body must be a JSON object")
            return data

        async def role(self) -> tuple[str, str]:
            """(name, "teacher" | "learner"); 401/403 for anyone else."""
            user = self.current_user
            if not user:
                self.fail(401, "log in to the hub first (no valid hub token)")
            name = user["name"]
            if name in await teacher_names():
                return name, "teacher"
            key = " ".join(name.split()).casefold()
            if await self.run(store.on_roster, key):
                return key, "learner"
            self.fail(403, f"{name} is not a member of this class pool")
            raise AssertionError  # unreachable

        async def run(self, func, *args):
            try:
                return await asyncio.get_running_loop().run_in_executor(workers, func, *args)
            except InputError as err:
                self.fail(400, str(err))
            except LeadkitError as err:
                text = str(err)
                code = 404 if "no class pool" in text else 409 if "closed" in text else 403
                if "already open" in text:
                    code = 409
                self.fail(code, text)

        def framework(self, framework_id: str):
            from leadkit.content.frameworks import list_frameworks, load_framework

            # Only the kit's own frameworks by id: a path would make the service read its files.
            if framework_id not in list_frameworks():
                self.fail(404, f"no framework {framework_id!r}")
            return load_framework(framework_id)

    class Info(Api):
        async def get(self) -> None:
            _, role = await self.role()
            info = await self.run(store.info)
            if role != "teacher":
                info.pop("roster_size", None)
            self.finish({**info, "role": role})

    class Open(Api):
        async def post(self) -> None:
            user = self.current_user
            if not user or user["name"] not in await teacher_names():
                self.fail(403, "only a teacher opens a class pool")
            data = self.body()
            from leadkit.classpool.rules import check_floor

            roster = data.get("roster")
            if roster is not None and not (isinstance(roster, list)
                                           and all(isinstance(r, str) for r in roster)):
                self.fail(400, "roster must be a list of learner ids (text)")
            roster = sorted({" ".join(r.split()).casefold() for r in roster}) if roster else None
            try:
                floor = check_floor(data.get("floor", 3))
            except LeadkitError as err:
                self.fail(400, str(err))
            await self.run(store.create, roster, floor)
            self.finish({"ok": True})

    class Share(Api):
        async def put(self, framework_id: str) -> None:
            name, _ = await self.role()
            data = self.body()
            learner = " ".join(str(data.get("learner", name)).split()).casefold()
            if learner != name:
                self.fail(403, f"{name} can share only their own scores, not {learner}'s")
            fw = self.framework(framework_id)
            try:
                scores = clean_scores(fw, data.get("scores"))  # type: ignore[arg-type]
            except InputError as err:
                self.fail(400, str(err))
            await self.run(store.share, learner, fw, scores)
            self.finish({"ok": True})

    class View(Api):
        async def get(self, framework_id: str) -> None:
            await self.role()
            rows = await self.run(store.view, self.framework(framework_id))
            self.finish({"rows": rows})

    class Close(Api):
        async def post(self) -> None:
            _, role = await self.role()
            if role != "teacher":
                self.fail(403, "only a teacher closes the class pool")
            self.finish({"views": await self.run(store.close)})

    class Health(web.RequestHandler):
        def get(self) -> None:
            self.finish({"ok": True})

    def route(path: str) -> str:
        return url_path_join(prefix, path)

    return web.Application([
        (route("api/info"), Info), (route("api/open"), Open),
        (route(r"api/share/([^/]+)"), Share), (route(r"api/view/([^/]+)"), View),
        (route("api/close"), Close), (route("api/health"), Health),
        (route("oauth_callback"), HubOAuthCallbackHandler),
    ], cookie_secret=os.urandom(32), xsrf_cookies=False)


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m leadkit.classpool.service")
    parser.add_argument("--db", default=os.environ.get("LEADKIT_CLASS_POOL_DB",
                                                       "sqlite:///classpool.sqlite"),
                        help="SQLAlchemy URL of the store (default: an SQLite file here)")
    parser.add_argument("--teachers", default="teachers",
                        help="the hub group whose members open, view and close the pool")
    parser.add_argument("--port", type=int, default=None,
                        help="port to listen on (default: from JUPYTERHUB_SERVICE_URL)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    """Start the service (listening where the hub's ``JUPYTERHUB_SERVICE_URL`` says).

    Parameters
    ----------
    argv : Sequence[str], optional
        Command-line options (default: ``sys.argv[1:]``), e.g. ``--db URL``.

    Returns
    -------
    None
        Runs the service until the hub stops it.
    """
    from tornado.ioloop import IOLoop

    args = _arguments(argv)
    where = urlparse(os.environ.get("JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:10101"))
    app = make_app(make_store(args.db), teachers=args.teachers,
                   prefix=os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/services/classpool/"))
    # A share is a few hundred bytes and a roster of a big class some kilobytes: a larger body
    # is refused before it is read into memory.
    app.listen(args.port if args.port is not None else where.port or 10101,
               where.hostname or "127.0.0.1", max_body_size=MAX_BODY)
    IOLoop.current().start()


if __name__ == "__main__":
    main()
