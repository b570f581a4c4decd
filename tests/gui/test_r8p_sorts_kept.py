"""README, Manage: "Each table sorts by a click on a column (and opens sorted that way at the next start)".
tests/gui/test_table_sorts.py checks Invoices alone; here every other list (Services, Orders, Support, the credit
history) in the whole window, over a restart on the same data folder, with a canned account."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from app import tasks
from app.application import Application
from app.core.changes import ChangeSet
from app.session import Sessions
from app.settings import Settings

from . import samples
from .conftest import close
from .test_drift_actions import Panel, credit, order, service, settle, signed_in
from .test_r8p_search_escape import TICKETS_ON
from .test_session_glue import SyncPool

# Each list and the column a user sorts it by (its model's column key), clicked twice: the other way round.
SORTED_BY = {"services": "status", "orders": "total", "support": "subject", "credits": "amount"}


def start(secrets) -> Application:
    app = Application(settings=Settings(), secrets=secrets, keyring_note=False)
    app.start(show=True)
    app.sessions.prober.stop()          # the canned address answers nobody (see test_drift_actions.canned_app)
    settle()
    return app


def click_header(qtbot, section, key: str) -> None:
    header = section.table.horizontalHeader()
    column = section.model.column_of(key)
    assert column >= 0, key
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    settle()


def indicator(section) -> tuple[int, Qt.SortOrder]:
    header = section.table.horizontalHeader()
    return header.sortIndicatorSection(), header.sortIndicatorOrder()


@pytest.fixture
def synchronous(monkeypatch):
    monkeypatch.setattr(tasks, "QThreadPool", SyncPool)
    monkeypatch.setattr(Sessions, "_sync_job", lambda self, account_id: lambda progress, cancellation: ChangeSet(
        billing_enabled=True))


def test_every_list_opens_sorted_as_the_user_left_it(qtbot, data_dir, secrets, synchronous):
    app = start(secrets)
    try:
        tickets = [{**samples.TICKET, "id": f"t-{n}", "ticket_number": f"TKT-{n}", "subject": subject}
                   for n, subject in ((1, "Beta"), (2, "Alpha"), (3, "Gamma"))]
        signed_in(app, Panel({}), config=TICKETS_ON,
                  services=[service(1, "active", "2026-12-20"), service(2, "suspended", "2026-12-21"),
                            service(3, "pending", "2026-12-22")],
                  orders=[{**order(1, "active"), "total": "5.00"}, {**order(2, "pending"), "total": "30.00"},
                          {**order(3, "cancelled"), "total": "12.00"}],
                  tickets=tickets,
                  credit_transactions=[credit(1, "5.00", "5.00"), credit(2, "20.00", "25.00"),
                                       credit(3, "-3.00", "22.00")])
        wanted = {}
        for key, column in SORTED_BY.items():
            app.window.select_section(key)
            settle()
            section = app.window.sections[key]
            qtbot.waitUntil(lambda s=section: s.table.model().rowCount() == 3)
            click_header(qtbot, section, column)
            click_header(qtbot, section, column)
            wanted[key] = indicator(section)
            assert wanted[key][0] == section.model.column_of(column), key
    finally:
        close(app)

    again = start(secrets)
    try:
        for key in SORTED_BY:
            again.window.select_section(key)
            settle()
            section = again.window.sections[key]
            qtbot.waitUntil(lambda s=section: s.table.model().rowCount() == 3)
            qtbot.waitUntil(lambda s=section, k=key: indicator(s) == wanted[k])
    finally:
        close(again)
