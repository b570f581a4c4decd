"""The add-account and login dialogs' network calls (probe, log in, two-factor, check a key), on the TaskRunner."""
from __future__ import annotations

from app.api import Credentials, LoginResult, PanelClient, probe
from app.tasks import TaskRunner


class PanelLogins:
    """The dialogs' network calls (probe, log in, two-factor, check a key), each on the TaskRunner."""

    def __init__(self, runner: TaskRunner, timeout: float = 20.0) -> None:
        self.runner = runner
        self.timeout = timeout

    def _client(self, url: str, credentials: Credentials | None = None) -> PanelClient:
        return PanelClient(url, credentials, timeout=self.timeout, max_retries=1)

    def probe(self, url: str, on_done, on_error) -> int:
        return self.runner.run(lambda: probe(url, timeout=self.timeout), on_done, on_error)

    def login(self, url: str, email: str, password: str, on_done, on_error) -> int:
        def work() -> LoginResult:
            with self._client(url) as client:
                return client.login(email, password)
        return self.runner.run(work, on_done, on_error)

    def verify(self, url: str, two_factor_token: str, code: str, on_done, on_error) -> int:
        def work() -> LoginResult:
            with self._client(url) as client:
                return client.verify_2fa(two_factor_token, code)
        return self.runner.run(work, on_done, on_error)

    def check_key(self, url: str, api_key: str, on_done, on_error) -> int:
        def work() -> dict:
            with self._client(url, Credentials.from_api_key(api_key)) as client:
                return client.me()
        return self.runner.run(work, on_done, on_error)

    def cancel(self, token: int) -> None:
        self.runner.forget(token)
