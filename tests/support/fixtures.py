"""Fixtures every HTTP-level test shares (registered by tests/conftest.py): the real panel, its admin, a shop,
and support tickets switched on at it for a test (`tickets_on`: the nearest `shop` fixture's panel).

One panel runs for the whole session; tests on it must not change global settings or the clock. Tests that do
take a private one from `fresh_panel`.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.catalogue import Shop
from tests.support.panel import ADMIN_EMAIL, ADMIN_PASSWORD, Api, PanelProcess


def admin_of(proc: PanelProcess) -> Api:
    """The panel's admin, signed in again whenever its 15-minute access token has expired (it serves a session)."""
    admin = Api(proc).login(ADMIN_EMAIL, ADMIN_PASSWORD)
    admin.renews = True
    return admin


@pytest.fixture(scope="session")
def panel(tmp_path_factory):
    proc = PanelProcess(tmp_path_factory.mktemp("panel")).start()
    yield proc
    proc.stop()


@pytest.fixture
def fresh_panel(tmp_path):
    """`fresh_panel(workdir=None, **kwargs)` starts a private panel (keyword arguments go to PanelProcess; a
    `workdir` given again starts a panel on the same database); all are stopped after the test."""
    started: list[PanelProcess] = []

    def start(workdir: Path | None = None, **kwargs) -> PanelProcess:
        proc = PanelProcess(workdir or tmp_path / f"panel{len(started)}", **kwargs).start()
        started.append(proc)
        return proc

    yield start
    for proc in started:
        proc.stop()


@pytest.fixture(scope="session")
def admin(panel) -> Api:
    return admin_of(panel)


@pytest.fixture(scope="session")
def shop(admin) -> Shop:
    return Shop(admin)


@pytest.fixture
def anon(panel) -> Api:
    return Api(panel)


@pytest.fixture
def tickets_on(shop):
    """Support tickets switched on at the shop's panel for one test (they are off by default), and off after it."""
    shop.settings(tickets_enabled=True)
    yield
    shop.settings(tickets_enabled=False)
