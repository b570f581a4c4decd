"""`python -m panel` as an operator runs it: help, users, serving, and refusing databases it cannot use."""
from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from panel.launcher import ListeningProcess
from panel.schema import MIGRATIONS
from panel.seed import DEMO_LOGINS
from tests.support.panel import ROOT, Api, PanelProcess

LISTENING = re.compile(r"listening on (http://127\.0\.0\.1:(\d+))")


def run_panel(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "panel", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def assert_refused(result: subprocess.CompletedProcess, message: str) -> None:
    """Exited non-zero with a readable error: the message, and no Python traceback."""
    assert result.returncode != 0
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout


class Served(ListeningProcess):
    """`python -m panel serve ...` in the background until the URL it announces; stopped by the fixture."""

    def __init__(self, *args: str) -> None:
        super().__init__(["-m", "panel", "serve", "--host", "127.0.0.1", "--port", "0", "--jobs-interval", "0", *args],
                         name="serve", cwd=ROOT)
        self.start()

    @property
    def lines(self) -> list[str]:
        return self.output

    @property
    def api_url(self) -> str:
        return self.url + "/api/v1"


@pytest.fixture
def serve():
    started: list[Served] = []

    def start(*args: str) -> Served:
        started.append(Served(*args))
        return started[-1]

    yield start
    for served in started:
        served.stop()


def test_help_lists_the_commands():
    result = run_panel("--help")
    assert result.returncode == 0
    for command in ("serve", "seed", "user", "demo"):
        assert command in result.stdout


def test_user_create_makes_a_user_who_can_log_in(tmp_path):
    db = tmp_path / "panel.db"
    made = run_panel("user", "create", "--db", str(db), "--email", "owner@example.test", "--password",
                     "owner-password", "--admin")
    assert made.returncode == 0, made.stderr
    assert "Created admin owner@example.test" in made.stdout
    with PanelProcess(tmp_path) as proc:  # the database exists: the fixture adds no admin of its own
        api = Api(proc).login("owner@example.test", "owner-password")
        assert api.user["role"] == "admin"
        assert api.get("/admin/billing/settings").status_code == 200


def test_user_create_refuses_a_duplicate_email_and_a_short_password(tmp_path):
    db = str(tmp_path / "panel.db")
    first = run_panel("user", "create", "--db", db, "--email", "a@example.test", "--password", "long-enough")
    assert first.returncode == 0, first.stderr
    assert_refused(run_panel("user", "create", "--db", db, "--email", "A@example.test", "--password", "other-pass"),
                   "already exists")
    assert_refused(run_panel("user", "create", "--db", db, "--email", "b@example.test", "--password", "short"),
                   "at least 8 characters")
    assert_refused(run_panel("user", "create", "--db", db, "--email", "not-an-email", "--password", "long-enough"),
                   "valid email")
    conn = sqlite3.connect(db)
    try:
        assert [r[0] for r in conn.execute("SELECT email FROM users")] == ["a@example.test"]
    finally:
        conn.close()


def test_serve_announces_its_url_and_answers_health(tmp_path, serve):
    served = serve("--db", str(tmp_path / "panel.db"))
    port = int(LISTENING.search("".join(served.lines)).group(2))
    assert port > 0
    r = requests.get(served.api_url + "/health", timeout=10)
    assert r.status_code == 200 and r.json()["data"] == {"status": "ok"}


def test_serve_with_seed_demo_fills_an_empty_database(tmp_path, serve):
    served = serve("--db", str(tmp_path / "panel.db"), "--seed", "demo")
    out = "".join(served.lines)
    for _role, email, _password in DEMO_LOGINS:
        assert email in out
    _role, email, password = DEMO_LOGINS[0]
    r = requests.post(served.api_url + "/auth/login", json={"email": email, "password": password}, timeout=10)
    assert r.status_code == 200, r.text
    token = r.json()["data"]["access_token"]
    services = requests.get(served.api_url + "/billing/services", headers={"Authorization": f"Bearer {token}"},
                            timeout=10)
    assert services.status_code == 200 and services.json()["data"]


def test_serve_with_seed_demo_leaves_a_database_with_users_alone(tmp_path, serve):
    db = str(tmp_path / "panel.db")
    assert run_panel("user", "create", "--db", db, "--email", "only@example.test", "--password",
                     "only-password").returncode == 0
    serve("--db", db, "--seed", "demo")
    conn = sqlite3.connect(db)
    try:
        assert [r[0] for r in conn.execute("SELECT email FROM users")] == ["only@example.test"]
        assert conn.execute("SELECT COUNT(*) FROM products").fetchone()[0] == 0
    finally:
        conn.close()


def garbage(path: Path) -> bytes:
    content = bytes(range(256)) * 64
    path.write_bytes(content)
    return content


@pytest.mark.parametrize("args", [
    ("serve", "--port", "0", "--db"),
    ("seed", "demo", "--db"),
    ("user", "create", "--email", "x@example.test", "--password", "long-enough", "--db"),
], ids=["serve", "seed", "user"])
def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path, args):
    path = tmp_path / "panel.db"
    content = garbage(path)
    assert_refused(run_panel(*args, str(path)), "not a usable panel database")
    assert path.read_bytes() == content


def test_a_database_from_a_newer_panel_is_refused(tmp_path):
    path = tmp_path / "panel.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    result = run_panel("serve", "--db", str(path), "--port", "0")
    assert_refused(result, "newer panel")
    assert_refused(run_panel("seed", "demo", "--db", str(path)), "newer panel")
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 1
        assert conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] == 0
    finally:
        conn.close()
