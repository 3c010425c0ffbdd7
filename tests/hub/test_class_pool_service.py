"""The class pool service on a real JupyterHub: three students, a teacher and an outsider.

Drives the service as the hub runs it (a managed service behind the proxy, authenticated with
the hub's tokens): the teacher opens the pool, students share only their own scores and read
only the anonymised view, an outsider is refused, and a student's own server shares through
``hub-service://classpool`` with its ``JUPYTERHUB_API_TOKEN``.
"""

from __future__ import annotations

import json

import pytest

from leadkit.classpool.pool import ClassPool
from leadkit.errors import LeadkitError

requests = pytest.importorskip("requests")
pytest.importorskip("websocket")
from test_jupyterhub import Student  # noqa: E402 - the hub test's logged-in browser session

pytestmark = pytest.mark.hub

FW, E = "agile-cmo", "build-trust"
CLASS = ("anna", "bram", "cas")


@pytest.fixture(scope="module")
def people(pool_hub):
    hub, _ = pool_hub
    return {name: Student(hub, name) for name in (*CLASS, "tess", "dirk")}


@pytest.fixture(scope="module")
def opened(pool_hub, people):
    _, url = pool_hub
    pool = ClassPool.create(url, roster=list(CLASS), token=people["tess"].token)
    return url, pool


def _pool(url, person):
    return ClassPool(url, token=person.token)


def test_students_share_and_see_nothing_below_the_floor(opened, people):
    url, teacher = opened
    _pool(url, people["anna"]).share(learner="anna", framework=FW, scores={E: 4.0})
    _pool(url, people["bram"]).share(learner="bram", framework=FW, scores={E: 3.0})
    row = teacher.view(FW).set_index("element").loc[E]
    assert row.isna()["n"] and row.isna()["mean"]


def test_a_student_cannot_write_for_another(opened, people):
    url, _ = opened
    with pytest.raises(LeadkitError, match="only their own"):
        _pool(url, people["anna"]).share(learner="cas", framework=FW, scores={E: 1.0})


def test_a_non_member_is_refused(opened, people):
    url, _ = opened
    with pytest.raises(LeadkitError, match="not a member"):
        _pool(url, people["dirk"])
    reply = requests.get(f"{url}api/view/{FW}", timeout=30,
                         headers={"Authorization": f"token {people['dirk'].token}"})
    assert reply.status_code == 403
    assert requests.get(f"{url}api/view/{FW}", timeout=30).status_code in (401, 403)


def test_a_student_reads_only_the_anonymised_view(opened, people):
    url, _ = opened
    auth = {"Authorization": f"token {people['anna'].token}"}
    view = requests.get(f"{url}api/view/{FW}", headers=auth, timeout=30)
    assert view.status_code == 200
    assert "anna" not in view.text and "bram" not in view.text
    assert set(view.json()["rows"][0]) == {"element", "n", "mean", "reason"}
    for path in ("api/shares", f"api/share/{FW}", "api/records"):
        assert requests.get(url + path, headers=auth, timeout=30).status_code in (404, 405)
    # Only the kit's frameworks by id: no path reaches the service's own files.
    assert requests.get(f"{url}api/view/classpool.sqlite", headers=auth,
                        timeout=30).status_code == 404
    for path in ("api/close", "api/open"):  # the teacher's commands
        assert requests.post(url + path, headers=auth, json={}, timeout=30).status_code == 403


def test_a_students_server_shares_with_its_own_token(pool_hub, opened, people):
    url, teacher = opened
    cas = people["cas"]
    cas.wait_for_server()
    printed = cas.run(
        "import json\nfrom leadkit.classpool.pool import ClassPool\n"
        "pool = ClassPool('hub-service://classpool')\n"
        f"pool.share(learner='cas', framework={FW!r}, scores={{{E!r}: 3.5}})\n"
        f"print(json.dumps(pool.view({FW!r}).set_index('element').loc[{E!r}, 'n'].item()))\n")
    assert json.loads(printed) == 3
    row = teacher.view(FW).set_index("element").loc[E]
    assert row["n"] == 3 and row["mean"] == pytest.approx(3.5)


def test_the_teacher_closes_and_learners_can_no_longer_share(opened, people):
    url, teacher = opened
    views = teacher.close()
    assert views[FW].set_index("element").loc[E, "n"] == 3
    with pytest.raises(LeadkitError, match="closed"):
        _pool(url, people["anna"]).share(learner="anna", framework=FW, scores={E: 2.0})


def test_bad_bodies_get_a_clear_400_not_a_server_error(opened, people):
    """Deeply nested JSON, a roster that is a number, a score of true: each is refused by name."""
    url, _ = opened
    student = {"Authorization": f"token {people['anna'].token}",
               "Content-Type": "application/json"}
    teacher = {**student, "Authorization": f"token {people['tess'].token}"}
    deep = "[" * 100_000 + "]" * 100_000
    reply = requests.put(f"{url}api/share/{FW}", data=deep, headers=student, timeout=30)
    assert reply.status_code == 400 and "JSON" in reply.json()["error"]
    reply = requests.post(f"{url}api/open", data=json.dumps({"roster": 5}), headers=teacher,
                          timeout=30)
    assert reply.status_code in (400, 409)  # 409 only when the pool is already open
    if reply.status_code == 400:
        assert "roster" in reply.json()["error"]
    reply = requests.put(f"{url}api/share/{FW}", headers=student, timeout=30,
                         data=json.dumps({"learner": "anna", "scores": {E: True}}))
    assert reply.status_code == 400 and "outside the scale" in reply.json()["error"]


def test_a_huge_body_is_refused_before_it_is_read(opened, people):
    url, _ = opened
    headers = {"Authorization": f"token {people['anna'].token}",
               "Content-Type": "application/json"}
    body = json.dumps({"learner": "anna", "scores": {E: 3.0}, "pad": "x" * (60 << 20)})
    try:
        reply = requests.put(f"{url}api/share/{FW}", data=body, headers=headers, timeout=60)
        # 413 from the service, or 503 from the hub's proxy when the service closes the
        # connection without reading the body: refused either way.
        assert reply.status_code in (400, 413, 503)
    except requests.ConnectionError:
        pass  # closed before the body was sent: refused
    # The service read nothing of it and answers the next, ordinary request at once.
    ok = requests.get(f"{url}api/info", headers=headers, timeout=30)
    assert ok.status_code == 200 and "floor" in ok.json()
