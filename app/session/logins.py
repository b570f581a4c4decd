"""The add-account and login dialogs' network calls (probe, log in, two-factor, check a key), on the TaskRunner.

The dialogs get results and sentences: a failure reaches them as words (app.session.wording), and a checked API
key comes back with the login it makes, so no view touches the API's types."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.api import Credentials, NetworkError, ValidationFailed
from app.core.input_text import api_key_problem, login_problem
from app.core.reach import Unreachable
from app.tasks import TaskRunner

from .wording import in_words

if TYPE_CHECKING:
    from app.api import LoginResult, PanelClient


def _sentence(error: BaseException) -> str:
    """A failure in words; one where the panel could not be reached at all is marked `Unreachable`, so the sign-in
    prompt says that (and retries) instead of repeating that the session ended."""
    text = in_words(error)
    return Unreachable(text) if isinstance(error, NetworkError) else text


def _refuse(problem: str | None) -> None:
    """What the panel would refuse (NUL, a broken character, past its lengths) ends the attempt before anything
    is sent, in words naming the field."""
    if problem:
        raise ValidationFailed(problem, code="validation_error")


class PanelLogins:
    """The dialogs' network calls (probe, log in, two-factor, check a key), each on the TaskRunner."""

    def __init__(self, runner: TaskRunner, timeout: float = 20.0) -> None:
        self.runner = runner
        self.timeout = timeout

    def _client(self, url: str, credentials: Credentials | None = None) -> PanelClient:
        from app.api import PanelClient  # on the worker: requests loads with the first client

        return PanelClient(url, credentials, timeout=self.timeout, max_retries=1)

    def _run(self, work: Callable, on_done, on_error) -> int:
        return self.runner.run(work, on_done, lambda error: on_error(_sentence(error)))

    def probe(self, url: str, on_done, on_error) -> int:
        def work():
            from app.api import probe

            return probe(url, timeout=self.timeout)
        return self._run(work, on_done, on_error)

    def login(self, url: str, email: str, password: str, on_done, on_error) -> int:
        def work() -> LoginResult:
            _refuse(login_problem(email, password))
            with self._client(url) as client:
                return client.login(email, password)
        return self._run(work, on_done, on_error)

    def verify(self, url: str, two_factor_token: str, code: str, on_done, on_error) -> int:
        def work() -> LoginResult:
            with self._client(url) as client:
                return client.verify_2fa(two_factor_token, code)
        return self._run(work, on_done, on_error)

    def check_key(self, url: str, api_key: str, on_done, on_error) -> int:
        """`on_done((user, credentials))` once the panel accepted the key."""
        def work() -> tuple[dict, Credentials]:
            _refuse(api_key_problem(api_key))
            credentials = Credentials.from_api_key(api_key)
            with self._client(url, credentials) as client:
                return client.me(), credentials
        return self._run(work, on_done, on_error)

    def cancel(self, token: int) -> None:
        self.runner.forget(token)
