"""Starting the real panel for tests: a subprocess on 127.0.0.1, a free port, a temporary database."""
from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Sequence
from pathlib import Path

import requests

from panel.launcher import ListeningProcess, serve_args

ROOT = Path(__file__).resolve().parents[2]
ADMIN_EMAIL = "admin@panel.test"
ADMIN_PASSWORD = "admin-password-1"
USER_PASSWORD = "user-password-1"


class PanelProcess(ListeningProcess):
    """`python -m panel serve` for real, with an admin made first; stop() ends it. The database is under `workdir`."""

    def __init__(self, workdir: Path, *, rate_limit: int = 1_000_000, test_clock: bool = True,
                 seed: str | None = None, extra_args: Sequence[str] = ()) -> None:
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.db_path = self.workdir / "panel.db"
        super().__init__(serve_args(self.db_path, rate_limit=rate_limit, jobs_interval=0, test_clock=test_clock,
                                    seed=seed, extra=extra_args), name="panel", cwd=ROOT)

    @property
    def api_url(self) -> str:
        return self.url + "/api/v1"

    def start(self, timeout: float = 60) -> PanelProcess:
        if not self.db_path.exists():
            subprocess.run([sys.executable, "-m", "panel", "user", "create", "--db", str(self.db_path),
                            "--email", ADMIN_EMAIL, "--password", ADMIN_PASSWORD, "--admin"],
                           cwd=ROOT, check=True, capture_output=True, text=True, timeout=60)
        super().start(timeout)
        return self


class Api:
    """A thin requests wrapper for tests: paths relative to /api/v1, bearer token when logged in."""

    def __init__(self, panel: PanelProcess, token: str | None = None) -> None:
        self.panel = panel
        self.token = token
        self.refresh_token: str | None = None
        self.user: dict | None = None
        self.session = requests.Session()
        # A session-long login (the shared panel's admin) signs in again when its access token expires: the token
        # lives 15 minutes and a slow CI run outlasts it. Off by default, so tests of expiry see their 401.
        self.renews = False
        self._login: tuple[str, str] | None = None

    def request(self, method: str, path: str, *, json=None, headers: dict | None = None, **kw) -> requests.Response:
        url = path if path.startswith("http") else self.panel.api_url + path
        hdrs = dict(headers or {})
        mine = bool(self.token) and "Authorization" not in hdrs
        if mine:
            hdrs["Authorization"] = f"Bearer {self.token}"
        response = self.session.request(method, url, json=json, headers=hdrs, timeout=30, **kw)
        if mine and self.renews and self._login and response.status_code == 401 and "expired" in response.text:
            self.login(*self._login)
            hdrs["Authorization"] = f"Bearer {self.token}"
            response = self.session.request(method, url, json=json, headers=hdrs, timeout=30, **kw)
        return response

    def get(self, path: str, **kw) -> requests.Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, json=None, **kw) -> requests.Response:
        return self.request("POST", path, json=json, **kw)

    def put(self, path: str, json=None, **kw) -> requests.Response:
        return self.request("PUT", path, json=json, **kw)

    def patch(self, path: str, json=None, **kw) -> requests.Response:
        return self.request("PATCH", path, json=json, **kw)

    def delete(self, path: str, **kw) -> requests.Response:
        return self.request("DELETE", path, **kw)

    def login(self, email: str, password: str) -> Api:
        r = self.post("/auth/login", {"email": email, "password": password})
        assert r.status_code == 200, r.text
        data = r.json()["data"]
        self.token, self.refresh_token, self.user = data["access_token"], data["refresh_token"], data["user"]
        self._login = (email, password)
        return self

    def data(self, method: str, path: str, json=None, expect: int | None = None, **kw):
        """Call and return `data`, asserting the status (200/201/204 by default)."""
        r = self.request(method, path, json=json, **kw)
        if expect is not None:
            assert r.status_code == expect, f"{method} {path}: {r.status_code} {r.text}"
        else:
            assert r.status_code in (200, 201, 204), f"{method} {path}: {r.status_code} {r.text}"
        return r.json()["data"] if r.content else None


def unique_email(prefix: str = "user") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}@example.test"
