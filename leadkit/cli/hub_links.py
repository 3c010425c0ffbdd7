"""Links that hand the kit's notebooks to every student on a JupyterHub (via nbgitpuller).

A teacher shares one link. When a student opens it, the hub logs them in, starts their server,
and nbgitpuller clones the repository into their home folder (or merges new commits into the
copy they already have, without touching files they changed), then opens the notebook. This
module only *builds* that link; it never contacts the hub.

Examples
--------
>>> link = nbgitpuller_link("https://hub.example.org", "https://github.com/owner/leadkit")
>>> for part in link.split("&"):
...     print(part)
https://hub.example.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fowner%2Fleadkit
branch=main
targetpath=leadkit
urlpath=lab%2Ftree%2Fleadkit%2Fnotebooks%2Fnl%2F00-start-here-nl.ipynb
>>> public_repo_url("git@github.com:owner/leadkit.git")
'https://github.com/owner/leadkit.git'
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path, PurePosixPath
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

from leadkit.errors import InputError
from leadkit.i18n import N_, tr

__all__ = ["DEFAULT_PATH", "nbgitpuller_link", "public_repo_url", "repo_from_git"]

#: The notebook a fresh student lands on: the Dutch start page (the kit's main audience).
DEFAULT_PATH = "notebooks/nl/00-start-here-nl.ipynb"

#: Where each interface opens a file on a student's server (Voilà runs as a server extension).
_ROUTES = {"lab": "lab/tree", "notebook": "notebooks", "voila": "voila/render"}
_SCP_LIKE = re.compile(r"^(?:[\w.-]+@)?(?P<host>[\w.-]+):(?!//)(?P<path>.+)$")


def _bad(what: str, value: str, problem: str, expected: str) -> InputError:
    return InputError(what, f"{value!r}: {tr(problem)}", expected=tr(expected))


def public_repo_url(remote: str, *, what: str = "--repo") -> str:
    """Turn a git remote into an address every student's server can clone anonymously.

    SSH remotes (``git@host:owner/repo.git``, ``ssh://git@host/owner/repo``) become ``https``;
    a user name or token inside an ``https`` remote is removed, because the link is handed to
    a whole class. Local paths are refused: a hub cannot reach the teacher's disk.

    Parameters
    ----------
    remote : str
        The remote as git prints it.
    what : str
        Where the remote came from, named in the error message.

    Returns
    -------
    str
        An ``https`` address without user name or password.

    Raises
    ------
    InputError
        When the remote is not a web or SSH address of a git server.

    Examples
    --------
    >>> public_repo_url("https://teacher:s3cret@gitlab.example.org/course/leadkit.git")
    'https://gitlab.example.org/course/leadkit.git'
    >>> public_repo_url("ssh://git@github.com/owner/leadkit")
    'https://github.com/owner/leadkit'
    """
    text = str(remote).strip()
    parts = urlsplit(text)
    if parts.scheme in ("http", "https", "ssh", "git+ssh") and parts.hostname:
        host = parts.hostname
        # Keep a non-standard web port; an SSH port says nothing about the web address.
        if parts.scheme in ("http", "https") and parts.port:
            host = f"{host}:{parts.port}"
        scheme = parts.scheme if parts.scheme in ("http", "https") else "https"
        path = parts.path.rstrip("/")
        if path.strip("/"):
            return urlunsplit((scheme, host, path, "", ""))
    match = _SCP_LIKE.match(text)
    if match and "/" not in match["host"] and not text.startswith(("/", ".", "~")):
        return f"https://{match['host']}/{match['path'].lstrip('/').rstrip('/')}"
    raise _bad(
        what, text,
        N_("is not the web address of a git repository a hub can clone"),
        N_("an address such as https://github.com/owner/leadkit"),
    )


def repo_from_git(folder: str | Path | None = None) -> str | None:
    """The public address of the ``origin`` remote of the clone at ``folder``, or None.

    ``folder`` defaults to the current folder; then the checkout this copy of leadkit runs
    from is tried. None means no clone with an ``origin`` was found (or git is not installed).

    Parameters
    ----------
    folder : str or path-like, optional
        The clone to ask. Default ``None`` tries the current folder, then the checkout leadkit
        runs from.

    Returns
    -------
    str or None
        The address of :func:`public_repo_url`, or None when no clone with an ``origin`` was
        found.

    Examples
    --------
    >>> import subprocess, tempfile
    >>> clone = tempfile.mkdtemp()
    >>> _ = subprocess.run(["git", "init", "-q", clone], check=True)
    >>> _ = subprocess.run(["git", "-C", clone, "remote", "add", "origin",
    ...                     "git@github.com:owner/leadkit.git"], check=True)
    >>> repo_from_git(clone)
    'https://github.com/owner/leadkit.git'
    """
    candidates = [Path(folder)] if folder is not None else [
        Path.cwd(), Path(__file__).resolve().parents[2]]
    for candidate in candidates:
        try:
            result = subprocess.run(
                ["git", "-C", str(candidate), "remote", "get-url", "origin"],
                capture_output=True, text=True, timeout=10, check=False,
            )
        except (OSError, subprocess.SubprocessError):
            return None  # no git at all: the caller asks for --repo
        if result.returncode == 0 and result.stdout.strip():
            return public_repo_url(result.stdout.strip(), what=f"git remote origin ({candidate})")
    return None


def _hub_base(hub_url: str) -> str:
    text = str(hub_url).strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
        raise _bad(
            "HUB_URL", text,
            N_("is not the web address of a JupyterHub"),
            N_("an address such as https://hub.example.org"),
        )
    path = parts.path.rstrip("/")
    # Teachers often copy the address from their browser: drop the hub's own pages from it.
    path = re.sub(r"/(hub|user/[^/]+)(/.*)?$", "", path)
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def nbgitpuller_link(
    hub_url: str,
    repo: str,
    *,
    branch: str = "main",
    path: str = DEFAULT_PATH,
    app: str = "lab",
) -> str:
    """Build the nbgitpuller link that gives each student the notebooks on a hub.

    Parameters
    ----------
    hub_url : str
        The hub's address, e.g. ``https://hub.example.org`` (a copied address with
        ``/hub/home`` or ``/user/NAME/lab`` at the end works too).
    repo : str
        The repository to clone; made anonymous-clonable by :func:`public_repo_url`.
    branch : str
        The branch to pull.
    path : str
        The file to open, relative to the repository root.
    app : str
        ``"lab"`` (JupyterLab), ``"notebook"`` (the Notebook 7 interface) or ``"voila"``
        (the notebook as an app with its code hidden, for the workshop apps).

    Returns
    -------
    str
        The link. The clone goes into a folder named after the repository; it is named
        explicitly in the link, because nbgitpuller would otherwise keep a ``.git`` ending.

    Examples
    --------
    >>> nbgitpuller_link("https://hub.example.org/hub/home", "https://github.com/o/leadkit.git",
    ...                  path="notebooks/en/07-team-scenarios-en.ipynb",
    ...                  app="notebook").split("&")[-1]
    'urlpath=notebooks%2Fleadkit%2Fnotebooks%2Fen%2F07-team-scenarios-en.ipynb'
    """
    base = _hub_base(hub_url)
    clone = public_repo_url(repo)
    folder = PurePosixPath(urlsplit(clone).path).name.removesuffix(".git")
    rel = PurePosixPath(str(path).strip().lstrip("/"))
    if not str(branch).strip() or any(c in str(branch) for c in " ~^:?*[\\"):
        raise _bad("--branch", str(branch),
                   N_("is not a valid git branch name"),
                   N_("a name such as main"))
    if str(rel) in ("", ".") or ".." in rel.parts:
        raise _bad("--path", str(path),
                   N_("is not a file inside the repository"),
                   tr("a path such as {path}").format(path=DEFAULT_PATH))
    if app not in _ROUTES:
        raise _bad("--app", app,
                   N_("is not a Jupyter interface"),
                   N_("lab, notebook or voila"))
    prefix = _ROUTES[app]
    query = urlencode(
        {"repo": clone, "branch": branch, "targetpath": folder,
         "urlpath": f"{prefix}/{folder}/{rel.as_posix()}"},
        quote_via=quote, safe="",
    )
    return f"{base}/hub/user-redirect/git-pull?{query}"
