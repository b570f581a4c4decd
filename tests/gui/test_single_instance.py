"""One Sett per data folder: a second start hands its arguments to the first and exits 0, leaving the first
running and the account list as it was; a lock left by a killed run is taken over; a sett:// link handed over
opens its invoice in the running Sett, and so does one macOS delivers as a QFileOpenEvent."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QFileOpenEvent

from app import paths
from app.session.accounts import AccountStore
from app.shell.single_instance import LOCK_NAME, SingleInstance
from tests.client.servers import closed_port
from tests.support.catalogue import buy

from .conftest import WAIT, add_account

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def start(data: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(data), *args], cwd=ROOT, env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def wait_for(condition, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.1)


def holds_lock(proc: subprocess.Popen, data: Path) -> bool:
    """QLockFile writes its holder's process id on the first line."""
    try:
        return (data / LOCK_NAME).read_text().splitlines()[0] == str(proc.pid)
    except (OSError, IndexError):
        return False


def running_and_listening(proc: subprocess.Popen, data: Path) -> None:
    """`proc` holds the folder's lock and answers a second start."""
    wait_for(lambda: holds_lock(proc, data) or proc.poll() is not None)
    assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
    second = subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data)], cwd=ROOT, env=ENV,
                            capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    assert "already running" in second.stdout
    assert proc.poll() is None          # the first one still runs


def stop(proc: subprocess.Popen, sig: int = signal.SIGTERM) -> int:
    if proc.poll() is None:
        os.killpg(proc.pid, sig)
    try:
        return proc.wait(60)
    finally:
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


def test_two_starts_on_one_folder_leave_one_running_and_the_accounts_intact(tmp_path):
    data = tmp_path / "data"
    store = AccountStore(data / "accounts.json")
    for number in (1, 2):
        store.add(name=f"Gone {number}", panel_url=f"http://127.0.0.1:{closed_port()}",
                  email=f"gone{number}@example.test", auth_kind="password")
    before = json.loads((data / "accounts.json").read_text())
    first = start(data)
    try:
        running_and_listening(first, data)
    finally:
        assert stop(first) == 0
    assert json.loads((data / "accounts.json").read_text()) == before

    # A run killed outright leaves its lock behind: the next start takes it over and runs.
    killed = start(data)
    running_and_listening(killed, data)
    stop(killed, signal.SIGKILL)
    assert (data / LOCK_NAME).exists()
    after_crash = start(data)
    try:
        running_and_listening(after_crash, data)
    finally:
        assert stop(after_crash) == 0
    assert json.loads((data / "accounts.json").read_text()) == before


def test_a_link_given_to_a_second_start_opens_its_invoice_in_the_first(make_app, shop, data_dir, qtbot):
    product = shop.product(name="Linked VPS")
    user = shop.user(credits="10.00")
    order = buy(user, product["id"])
    invoice_id = str(order["invoice"]["id"])
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])
    app.window.select_section("services")
    guard = SingleInstance(paths.data_dir())
    assert guard.acquire()
    guard.received.connect(app.links.handle_args)
    guard.listen()
    try:
        second = start(data_dir, f"sett://invoice/{invoice_id}")
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=WAIT * 4)
        assert second.returncode == 0, second.stderr.read()
        section = app.window.sections["invoices"]
        qtbot.waitUntil(lambda: app.window.current_key == "invoices" and section.page_open, timeout=WAIT)
        assert section.page.invoice_id == invoice_id

        # A link that names nothing is refused in words, and the page stays.
        bad = start(data_dir, "sett://invoice/999999")
        qtbot.waitUntil(lambda: bad.poll() is not None, timeout=WAIT * 4)
        assert bad.returncode == 0
        qtbot.waitUntil(lambda: any("No invoice 999999" in t for t in app.window.banner_texts()), timeout=WAIT)
        assert section.page.invoice_id == invoice_id
    finally:
        guard.release()
        for proc in ("second", "bad"):
            if proc in locals():
                stop(locals()[proc])


def test_a_link_delivered_as_a_file_open_event_opens_its_invoice(make_app, shop, qtbot):
    """macOS gives a clicked sett:// link to the app as a QFileOpenEvent: the same path as a handed-over one."""
    user = shop.user(credits="10.00")
    invoice_id = str(buy(user, shop.product(name="Mac-linked VPS")["id"])["invoice"]["id"])
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])
    app.window.select_section("services")
    app.links.watch_open_events()       # what a start on macOS does
    QCoreApplication.postEvent(QCoreApplication.instance(), QFileOpenEvent(QUrl(f"sett://invoice/{invoice_id}")))
    section = app.window.sections["invoices"]
    qtbot.waitUntil(lambda: app.window.current_key == "invoices" and section.page_open, timeout=WAIT)
    assert section.page.invoice_id == invoice_id

    # A file opened the same way is not a link: left alone.
    app.window.select_section("services")
    QCoreApplication.sendEvent(QCoreApplication.instance(), QFileOpenEvent(QUrl("file:///tmp/invoice.pdf")))
    assert app.window.current_key == "services"


def test_a_guard_let_go_while_a_later_start_is_still_connected_is_deleted_once(tmp_path, qtbot):
    """The guard kept its connected sockets' handlers as lambdas holding the guard: when the last reference to the
    guard was such a lambda, the socket's deletion dropped the guard, which deleted the socket a second time (a
    segmentation fault in a test run once, on a socket that disconnected after the test had let its guard go)."""
    import gc

    from PySide6.QtCore import QEvent
    from PySide6.QtNetwork import QLocalSocket

    guard = SingleInstance(tmp_path / "data")
    assert guard.acquire()
    guard.listen()
    heard: list[list] = []
    guard.received.connect(heard.append)
    client = QLocalSocket()
    client.connectToServer(guard.name)
    assert client.waitForConnected(2000)
    client.write(json.dumps({"args": ["sett://invoice/1"]}).encode("utf-8") + b"\n")
    client.flush()
    qtbot.waitUntil(lambda: heard == [["sett://invoice/1"]], timeout=WAIT)
    qtbot.waitUntil(lambda: client.bytesAvailable() > 0 or client.waitForReadyRead(50), timeout=WAIT)
    assert bytes(client.readAll().data()) == b"ok\n"
    guard.release()
    del guard
    gc.collect()
    client.disconnectFromServer()          # the guard's socket hears it, and is deleted, after the guard is let go
    for _ in range(20):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        time.sleep(0.01)
    assert client.state() == QLocalSocket.LocalSocketState.UnconnectedState
