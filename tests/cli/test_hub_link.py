"""The nbgitpuller link (leadkit.cli.hub_links) and the ``leadkit hub-link`` command
(leadkit.cli.hub_link).

What a correct link is comes from nbgitpuller's request handler: it reads the query arguments
``repo``, ``branch``, ``targetpath`` (the clone's folder, by default the last part of the repo
URL *including* any ``.git``) and ``urlpath`` (where the browser goes once the pull is done),
and the hub route ``/hub/user-redirect/`` sends each student to their own server.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
from urllib.parse import parse_qs, urlsplit

import pytest

import leadkit as lk
from leadkit.cli import hub_link as cli_hub
from leadkit.cli.hub_links import nbgitpuller_link, public_repo_url, repo_from_git

REPO = "https://github.com/owner/leadkit"


def _query(link: str) -> dict[str, str]:
    parts = urlsplit(link)
    return {k: v[0] for k, v in parse_qs(parts.query, strict_parsing=True).items()}



def test_link_carries_what_nbgitpuller_reads():
    link = nbgitpuller_link("https://hub.example.org", REPO + ".git", branch="spring-2025",
                            path="notebooks/en/07-team-scenarios-en.ipynb")
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc) == ("https", "hub.example.org")
    assert parts.path == "/hub/user-redirect/git-pull"
    assert _query(link) == {
        "repo": REPO + ".git",
        "branch": "spring-2025",
        # named explicitly: nbgitpuller's default would be "leadkit.git"
        "targetpath": "leadkit",
        "urlpath": "lab/tree/leadkit/notebooks/en/07-team-scenarios-en.ipynb",
    }


def test_default_opens_the_dutch_start_page_in_jupyterlab():
    assert _query(nbgitpuller_link("https://hub.example.org", REPO))["urlpath"] == (
        "lab/tree/leadkit/notebooks/nl/00-start-here-nl.ipynb")


def test_notebook_interface_uses_its_own_route():
    q = _query(nbgitpuller_link("https://hub.example.org", REPO, app="notebook"))
    assert q["urlpath"] == "notebooks/leadkit/notebooks/nl/00-start-here-nl.ipynb"


def test_a_workshop_app_opens_in_voila():
    q = _query(nbgitpuller_link("https://hub.example.org", REPO, app="voila",
                                path="notebooks/nl/90-app-self-assessment-nl.ipynb"))
    assert q["urlpath"] == "voila/render/leadkit/notebooks/nl/90-app-self-assessment-nl.ipynb"


@pytest.mark.parametrize("hub, base", [
    ("https://hub.example.org/", "https://hub.example.org"),
    ("https://hub.example.org/hub/home", "https://hub.example.org"),
    ("https://hub.example.org/hub/login", "https://hub.example.org"),
    ("https://hub.example.org/user/anna/lab/tree/x.ipynb", "https://hub.example.org"),
    ("https://uni.example.org/jupyter/hub/", "https://uni.example.org/jupyter"),
    ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
])
def test_hub_address_copied_from_the_browser_is_reduced_to_the_hub(hub, base):
    assert nbgitpuller_link(hub, REPO).startswith(base + "/hub/user-redirect/git-pull?")


@pytest.mark.parametrize("remote, public", [
    ("git@github.com:owner/leadkit.git", "https://github.com/owner/leadkit.git"),
    ("ssh://git@gitlab.example.org:2222/course/leadkit", "https://gitlab.example.org/course/leadkit"),
    ("https://teacher:tok3n@github.com/owner/leadkit/", "https://github.com/owner/leadkit"),
    ("https://git.example.org:8443/owner/leadkit", "https://git.example.org:8443/owner/leadkit"),
])
def test_remotes_become_anonymous_https_addresses(remote, public):
    assert public_repo_url(remote) == public
    assert "tok3n" not in nbgitpuller_link("https://hub.example.org", remote)


@pytest.mark.parametrize("remote", ["/srv/git/leadkit", "../leadkit", "file:///srv/leadkit",
                                    "leadkit", "https://github.com/"])
def test_local_or_empty_remotes_are_refused(remote):
    with pytest.raises(lk.InputError, match="not the web address of a git repository"):
        public_repo_url(remote)


@pytest.mark.parametrize("kwargs, where", [
    ({"hub_url": "hub.example.org"}, "HUB_URL"),
    ({"hub_url": "ftp://hub.example.org"}, "HUB_URL"),
    ({"branch": "my branch"}, "--branch"),
    ({"path": "../secrets.ipynb"}, "--path"),
    ({"path": ""}, "--path"),
    ({"app": "jupyterlab"}, "--app"),
])
def test_bad_arguments_name_the_argument_and_what_was_expected(kwargs, where):
    args = {"hub_url": "https://hub.example.org", "repo": REPO, **kwargs}
    with pytest.raises(lk.InputError) as err:
        nbgitpuller_link(**args)
    assert err.value.file == where and err.value.expected


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="leadkit")
    cli_hub.register(parser.add_subparsers(dest="command", required=True))
    return parser


def _run(argv, capsys):
    args = _parser().parse_args(argv)
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_command_prints_the_link_and_exits_zero(capsys):
    code, out, err = _run(["hub-link", "https://hub.example.org", "--repo", REPO,
                           "--branch", "week-3", "--path", "notebooks/en/00-start-here-en.ipynb"],
                          capsys)
    assert code == 0 and err == ""
    assert out.strip() == nbgitpuller_link("https://hub.example.org", REPO, branch="week-3",
                                           path="notebooks/en/00-start-here-en.ipynb")
    assert len(out.strip().splitlines()) == 1  # one line, ready to paste


def test_command_refuses_a_bad_hub_address_with_exit_code_2(capsys):
    code, out, err = _run(["hub-link", "hub.example.org", "--repo", REPO], capsys)
    assert code == 2 and out == ""
    assert "HUB_URL" in err and "https://hub.example.org" in err and "Traceback" not in err


def test_without_repo_and_outside_a_clone_the_command_asks_for_repo(capsys, monkeypatch):
    monkeypatch.setattr(cli_hub, "repo_from_git", lambda: None)
    code, out, err = _run(["hub-link", "https://hub.example.org"], capsys)
    assert code == 2 and out == ""
    assert "--repo" in err and "origin" in err


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_inside_a_clone_the_repo_comes_from_origin(tmp_path, monkeypatch, capsys):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "remote", "add", "origin",
                    "git@github.com:school/leadkit-course.git"], check=True)
    monkeypatch.chdir(tmp_path)
    assert repo_from_git() == "https://github.com/school/leadkit-course.git"
    code, out, _ = _run(["hub-link", "https://hub.example.org"], capsys)
    q = _query(out.strip())
    assert code == 0
    assert (q["repo"], q["targetpath"]) == ("https://github.com/school/leadkit-course.git",
                                            "leadkit-course")


def test_help_is_in_the_current_language():
    lk.set_language("nl")
    text = _parser()._subparsers._group_actions[0].choices["hub-link"].format_help()
    assert "het adres van de hub" in text
