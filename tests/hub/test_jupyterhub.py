"""Two students on a real JupyterHub: each gets a server, the kit imports, journals stay apart.

Drives: the hub's login form (as a student's browser posts it), the hub's spawn of a
single-user server per student, a kernel in each server reached through the proxy over its
websocket, the kit's default journal location inside each student's home folder, and the
hub's refusal to let one student into another's server.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import leadkit
from leadkit.store.journal import Journal

requests = pytest.importorskip("requests")
websocket = pytest.importorskip("websocket")

pytestmark = pytest.mark.hub

STUDENTS = ("anna", "bram")

# Run in each student's kernel: the kit's import, and one reflection saved to the default
# journal (no path given, as notebooks do).
CHECK = """
import json, leadkit
from leadkit.store.journal import Journal
j = Journal()
j.add("hub-check", {text!r}, notebook="hub-test")
print(json.dumps({{"version": leadkit.__version__, "journal": str(j.path),
                  "texts": j.entries()["text"].tolist()}}))
"""


class Student:
    """One student's browser session on the hub, and an API token for their own server."""

    def __init__(self, hub, name: str) -> None:
        self.hub, self.name = hub, name
        self.http = requests.Session()
        form = self.http.get(f"{hub.url}/hub/login", timeout=30)
        xsrf = re.search(r'name="_xsrf"\s+value="([^"]+)"', form.text)
        assert form.status_code == 200 and xsrf, "the hub's login page has no login form"
        # Not following the redirect: it would start the server and wait for it; the servers
        # of all students are started together below instead, as in a class.
        login = self.http.post(f"{hub.url}/hub/login", allow_redirects=False, timeout=60,
                               data={"username": name, "password": hub.password,
                                     "_xsrf": xsrf[1]})
        assert login.status_code == 302, f"login of {name} failed: {login.status_code}"
        token = self.http.post(
            f"{hub.url}/hub/api/users/{name}/tokens", json={"note": "test", "expires_in": 600},
            headers={"X-XSRFToken": self.http.cookies.get("_xsrf", path="/hub/")}, timeout=30)
        assert token.status_code in (200, 201), token.text
        self.token = token.json()["token"]

    def api(self, method: str, path: str, **kw) -> requests.Response:
        return self.http.request(method, f"{self.hub.url}{path}", timeout=60,
                                 headers={"Authorization": f"token {self.token}"}, **kw)

    def wait_for_server(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            server = self.api("GET", f"/hub/api/users/{self.name}").json()["servers"].get("")
            if server and server.get("ready"):
                return
            if not server or not server.get("pending"):
                self.api("POST", f"/hub/api/users/{self.name}/server")
            time.sleep(0.5)
        pytest.fail(f"{self.name}'s server did not start:\n{self.hub.log_tail()}")

    def run(self, code: str) -> str:
        """Run ``code`` in a new kernel of this student's server; return what it printed."""
        kernel = self.api("POST", f"/user/{self.name}/api/kernels", json={"name": "python3"})
        assert kernel.status_code == 201, kernel.text
        kid, session, msg_id = kernel.json()["id"], uuid.uuid4().hex, uuid.uuid4().hex
        ws_url = (f"{self.hub.url.replace('http', 'ws', 1)}/user/{self.name}/api/kernels/{kid}"
                  f"/channels?session_id={session}")
        conn = websocket.create_connection(
            ws_url, header=[f"Authorization: token {self.token}"], timeout=60)
        try:
            conn.send(json.dumps({
                "header": {"msg_id": msg_id, "session": session, "username": self.name,
                           "msg_type": "execute_request", "version": "5.3"},
                "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                "content": {"code": code, "silent": False, "store_history": False,
                            "user_expressions": {}, "allow_stdin": False,
                            "stop_on_error": True},
            }))
            printed, errors = [], []
            while True:
                msg = json.loads(conn.recv())
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind, content = msg["msg_type"], msg["content"]
                if kind == "stream":
                    printed.append(content["text"])
                elif kind == "error":
                    errors.append(f"{content['ename']}: {content['evalue']}")
                elif kind == "status" and content["execution_state"] == "idle":
                    break
        finally:
            conn.close()
            self.api("DELETE", f"/user/{self.name}/api/kernels/{kid}")
        assert not errors, f"{self.name}'s kernel raised: {errors}"
        return "".join(printed)


@pytest.fixture(scope="module")
def students(hub) -> dict[str, Student]:
    logged_in = {name: Student(hub, name) for name in STUDENTS}
    for student in logged_in.values():
        student.api("POST", f"/hub/api/users/{student.name}/server")
    for student in logged_in.values():
        student.wait_for_server()
    return logged_in


@pytest.fixture(scope="module")
def results(students) -> dict[str, dict]:
    # Both kernels at once, as two students in one class would run them.
    with ThreadPoolExecutor(len(students)) as pool:
        printed = {name: pool.submit(s.run, CHECK.format(text=f"Reflectie van {name}."))
                   for name, s in students.items()}
        return {name: json.loads(future.result()) for name, future in printed.items()}


def test_each_student_gets_a_running_server(students):
    for name, student in students.items():
        status = student.api("GET", f"/user/{name}/api/status")
        assert status.status_code == 200, f"{name}: {status.status_code}"


def test_the_kit_imports_in_every_students_kernel(results):
    for name, found in results.items():
        assert found["version"] == leadkit.__version__, name


def test_each_journal_lives_in_the_students_own_home(hub, results):
    for name, found in results.items():
        journal = Path(found["journal"])
        assert hub.homes / name in journal.parents, f"{name}'s journal is at {journal}"
        assert journal.is_file()
    assert len({r["journal"] for r in results.values()}) == len(STUDENTS)


def test_journals_are_separate(results):
    for name, found in results.items():
        assert found["texts"] == [f"Reflectie van {name}."]
        on_disk = Journal(found["journal"]).entries()
        assert on_disk["text"].tolist() == [f"Reflectie van {name}."]
        assert on_disk["notebook"].tolist() == ["hub-test"]


def test_a_student_cannot_open_another_students_server(students):
    anna, bram = students["anna"], students["bram"]
    refused = anna.api("GET", f"/user/{bram.name}/api/contents", allow_redirects=False)
    assert refused.status_code in (302, 403, 404), refused.status_code
    assert "Reflectie" not in refused.text
