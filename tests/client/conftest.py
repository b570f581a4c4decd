"""Fixtures for app.api's tests: the real panel over HTTP (one shared, private ones on request), clients that are
closed after the test, and canned bad servers on 127.0.0.1."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from app.api import Credentials, PanelClient
from tests.support.catalogue import Shop
from tests.support.panel import ADMIN_EMAIL, ADMIN_PASSWORD, Api, PanelProcess

from .servers import CannedServer, Reply, SilentSocket


class SleepRecorder(list):
    """Stands in for time.sleep: remembers each wait instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture(scope="session")
def panel(tmp_path_factory):
    """The shared panel: tests on it must not change global settings or the clock (use fresh_panel)."""
    proc = PanelProcess(tmp_path_factory.mktemp("client-panel")).start()
    yield proc
    proc.stop()


@pytest.fixture(scope="session")
def admin(panel) -> Api:
    return Api(panel).login(ADMIN_EMAIL, ADMIN_PASSWORD)


@pytest.fixture(scope="session")
def shop(admin) -> Shop:
    return Shop(admin)


@pytest.fixture
def fresh_panel(tmp_path):
    """Start a private panel (keyword arguments go to PanelProcess); all are stopped after the test."""
    started: list[PanelProcess] = []

    def start(**kwargs) -> PanelProcess:
        proc = PanelProcess(tmp_path / f"panel{len(started)}", **kwargs).start()
        started.append(proc)
        return proc

    yield start
    for proc in started:
        proc.stop()


def admin_of(proc: PanelProcess) -> Api:
    return Api(proc).login(ADMIN_EMAIL, ADMIN_PASSWORD)


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
