"""Fixtures for app.api's tests (the real panel comes from tests/support/fixtures.py): clients that are
closed after the test, and canned bad servers on 127.0.0.1."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from app.api import Credentials, PanelClient
from tests.support.panel import Api

from .servers import CannedServer, Reply, SilentSocket


class SleepRecorder(list):
    """Stands in for time.sleep: remembers each wait instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def pair_of(api: Api) -> Credentials:
    return Credentials.from_tokens(api.token, api.refresh_token)


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
def make_client(sleeps) -> Callable[..., PanelClient]:
    """`make_client(panel_or_url, credentials=None, **kwargs)`; waits go to `sleeps`; closed after the test."""
    made: list[PanelClient] = []

    def make(where, credentials: Credentials | None = None, **kwargs) -> PanelClient:
        url = where if isinstance(where, str) else where.url
        kwargs.setdefault("sleep", sleeps)
        client = PanelClient(url, credentials, **kwargs)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def canned():
    """`canned(Reply(...), ...)` starts a server answering those replies in turn; stopped after the test."""
    servers: list[CannedServer] = []

    def start(*replies: Reply) -> CannedServer:
        server = CannedServer(*replies)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


@pytest.fixture
def silent():
    sock = SilentSocket()
    yield sock
    sock.close()
