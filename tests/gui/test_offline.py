"""No network: the app opens from the cache and says it is offline; it comes back by itself when the panel does."""
from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlsplit

from app.api import NetworkError
from tests.client.servers import SilentSocket
from tests.support.catalogue import Shop

from .conftest import WAIT, add_account, admin_of, close, move_account


def test_offline_start_from_the_cache_then_recovery_on_its_own(make_app, private_panel, tmp_path, qtbot):
    workdir = tmp_path / "panel"
    proc = private_panel(workdir)
    user = Shop(admin_of(proc)).user(credits="9.00")
    app = make_app()
    account = add_account(qtbot, app, proc.url, user.user["email"], name="Home")
    port = urlsplit(proc.url).port
    close(app)
    proc.stop()

    app = make_app(start=False)
    failures = []
    app.sync_failed.connect(lambda account_id, error: failures.append(error))
    app.start(show=True)
    # The cache is on screen at once, before any network answer.
    qtbot.waitUntil(lambda: app.window.data is not None and "balance" in app.window.data.credits, timeout=WAIT)
    assert Decimal(app.window.data.credits["balance"]) == Decimal("9.00")
    assert app.current_id == account.id and user.user["email"] in app.window.who.text()
    qtbot.waitUntil(lambda: app.window.status.state == "offline", timeout=WAIT)
    assert isinstance(failures[0], NetworkError)
    assert app.window.status.connection.text().startswith("Offline")
    assert any(text.startswith("Offline: Could not reach 127.0.0.1") for text in app.window.banner_texts())
    assert app.window.status.last_synced.text() != "Not synced yet"    # when the cached data is from
    assert app.window.current_key == "dashboard"                       # the window is usable offline
    app.window.select_section("invoices")
    assert app.window.current_key == "invoices"

    # The panel comes back on the same address: the app notices by itself, no click needed.
    private_panel(workdir, extra_args=["--port", str(port)])
    qtbot.waitUntil(lambda: app.window.status.state == "online", timeout=WAIT)
    assert len(failures) >= 1
    assert any(text.startswith("Back online") for text in app.window.banner_texts())
    assert not any(text.startswith("Offline") for text in app.window.banner_texts())
    assert app.window.status.last_synced.text() == "Last synced just now"


def test_a_panel_that_stops_answering_is_a_timeout_and_goes_offline(make_app, shop, panel, qtbot):
    user = shop.user()
    app = make_app(request_timeout=1.0)
    account = add_account(qtbot, app, panel.url, user.user["email"])
    silent = SilentSocket()
    try:
        # The panel moved to an address that accepts connections and never answers.
        move_account(app, account, silent.url)
        with qtbot.waitSignal(app.sync_failed, timeout=WAIT) as failed:
            app.window.sidebar.sync_button.click()
        assert isinstance(failed.args[1], NetworkError) and "no answer within 1 second" in str(failed.args[1])
        assert app.window.status.state == "offline"
        assert app.window.data.me["email"] == user.user["email"]      # what was shown stays
    finally:
        close(app)
        silent.close()


def test_accounts_at_two_panels_are_online_or_offline_each_on_their_own(make_app, shop, panel, private_panel,
                                                                        qtbot):
    other = private_panel()
    here, there = shop.user(credits="1.00"), Shop(admin_of(other)).user(credits="2.00")
    app = make_app()
    a = add_account(qtbot, app, panel.url, here.user["email"], name="Here")
    b = add_account(qtbot, app, other.url, there.user["email"], name="There")
    other.stop()
    with qtbot.waitSignal(app.sync_failed, timeout=WAIT):
        app.window.sidebar.sync_button.click()
    assert app.window.status.state == "offline"
    assert Decimal(app.window.data.credits["balance"]) == Decimal("2.00")    # B's saved data stays on screen

    app.select_account(a.id)
    qtbot.waitUntil(lambda: app.window.status.state == "online", timeout=WAIT)
    assert not any(text.startswith("Offline") for text in app.window.banner_texts())    # B's trouble is B's
    assert Decimal(app.window.data.credits["balance"]) == Decimal("1.00")
    app.select_account(b.id)
    assert app.window.status.state == "offline"
    assert any(text.startswith("Offline") for text in app.window.banner_texts())
