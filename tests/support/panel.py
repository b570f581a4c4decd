"""Starting the real panel for tests: a subprocess on 127.0.0.1, a free port, a temporary database."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
ADMIN_EMAIL = "admin@panel.test"
ADMIN_PASSWORD = "admin-password-1"
USER_PASSWORD = "user-password-1"


class PanelProcess:
    """`python -m panel serve` for real; stop() ends it. The database lives under `workdir`."""

    def __init__(self, workdir: Path, *, rate_limit: int = 1_000_000, test_clock: bool = True,
                 seed: str | None = None, extra_args: Sequence[str] = ()) -> None:
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.db_path = self.workdir / "panel.db"
        self.rate_limit = rate_limit
        self.test_clock = test_clock
        self.seed = seed
        self.extra_args = list(extra_args)
        self.proc: subprocess.Popen | None = None
        self.url = ""
        self.output: list[str] = []

    @property
    def api_url(self) -> str:
        return self.url + "/api/v1"

    def _run(self, *args: str) -> None:
        subprocess.run([sys.executable, "-m", "panel", *args], cwd=ROOT, check=True,
                       capture_output=True, text=True, timeout=60)

    def start(self, timeout: float = 60) -> PanelProcess:
        if not self.db_path.exists():
            self._run("user", "create", "--db", str(self.db_path), "--email", ADMIN_EMAIL,
                      "--password", ADMIN_PASSWORD, "--admin")
        cmd = [sys.executable, "-m", "panel", "serve", "--host", "127.0.0.1", "--port", "0",
               "--db", str(self.db_path), "--rate-limit", str(self.rate_limit), "--jobs-interval", "0",
               *self.extra_args]
        if self.test_clock:
            cmd.append("--test-clock")
        if self.seed:
            cmd += ["--seed", self.seed]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True)
        found = threading.Event()

        def pump() -> None:
            assert self.proc and self.proc.stdout
            for line in self.proc.stdout:
                self.output.append(line)
                match = re.search(r"listening on (http://\S+)", line)
                if match and not found.is_set():
                    self.url = match.group(1)
                    found.set()

        self._pump = threading.Thread(target=pump, daemon=True)
        self._pump.start()
        deadline = time.monotonic() + timeout
        while not found.wait(0.1):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("panel did not start:\n" + "".join(self.output))
        return self

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        if self.proc and self.proc.stdout:
            # The pipe must be closed once the pump has read it to the end, or pytest fails on a ResourceWarning.
            self._pump.join(5)
            self.proc.stdout.close()
        self.proc = None

    def __enter__(self) -> PanelProcess:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class Api:
    """A thin requests wrapper for tests: paths relative to /api/v1, bearer token when logged in."""

    def __init__(self, panel: PanelProcess, token: str | None = None) -> None:
        self.panel = panel
        self.token = token
        self.refresh_token: str | None = None
        self.user: dict | None = None
        self.session = requests.Session()

    def request(self, method: str, path: str, *, json=None, headers: dict | None = None, **kw) -> requests.Response:
        url = path if path.startswith("http") else self.panel.api_url + path
        hdrs = dict(headers or {})
        if self.token and "Authorization" not in hdrs:
            hdrs["Authorization"] = f"Bearer {self.token}"
        return self.session.request(method, url, json=json, headers=hdrs, timeout=30, **kw)

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
