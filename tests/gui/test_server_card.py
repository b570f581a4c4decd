"""A service's page shows its server against the real panel: status, address (selectable, Copy), node, resources,
and Manage server opening the panel's own page in the system browser (and nothing on another origin)."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication

from app.core.server_links import manage_url_problem, server_address_text
from tests.support.catalogue import buy

from .conftest import WAIT, add_account, open_service_with_enter


class Browser(QObject):
    """Stands in for the system browser: QDesktopServices hands it every http(s) URL it is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot("QUrl")
    def open(self, url) -> None:
        self.opened.append(url.toString())


def test_manage_links_only_on_the_panels_origin():
    panel = "http://127.0.0.1:8123"
    assert manage_url_problem("http://127.0.0.1:8123/servers/abc", panel) is None
    assert "not to this account's panel" in manage_url_problem("http://evil.example/servers/abc", panel)
    assert "not to this account's panel" in manage_url_problem("http://127.0.0.1:9999/servers/abc", panel)
    assert "not a web address" in manage_url_problem("file:///etc/passwd", panel)
    assert "not a web address" in manage_url_problem("javascript:alert(1)", panel)
    assert "no page" in manage_url_problem(None, panel)
    assert server_address_text({"ip": "203.0.113.7", "port": 25565}) == "203.0.113.7:25565"
    assert server_address_text({"ip": "2001:db8::1", "port": 80}) == "[2001:db8::1]:80"
    assert server_address_text(None) is None


def test_service_page_shows_the_server_and_opens_manage_in_the_browser(make_app, shop, qtbot):
    product = shop.product(name="Server-card VPS")
    user = shop.user(credits="10.00")
    order = buy(user, product["id"])
    (service_id,) = order["order"]["service_ids"]
    server = user.data("GET", f"/billing/services/{service_id}")["server"]
    assert server["address"] and server["manage_url"]          # the panel gave this one an address
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])

    _section, page = open_service_with_enter(qtbot, app, "Server-card VPS")
    card = page.server_card
    address = f"{server['address']['ip']}:{server['address']['port']}"
    assert card.address.text() == address
    assert card.address.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert card.chip.text() == "Running" and card.node.text() == server["node"]
    assert "2 GB RAM" in card.resources.text()
    assert card.isVisibleTo(page) and card.manage_button.isVisibleTo(page)
    card.copy_button.click()
    assert QGuiApplication.clipboard().text() == address and card.copy_button.text() == "Copied"

    browser = Browser()
    QDesktopServices.setUrlHandler("http", browser, "open")
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        card.manage_button.click()
        qtbot.waitUntil(lambda: bool(browser.opened), timeout=WAIT)
        assert browser.opened == [server["manage_url"]]
        # A link to another origin (a tampered answer) is refused in words and never reaches the browser.
        card.server["manage_url"] = "http://panel.example.com.evil.test/servers/x"
        card.manage_button.click()
        assert browser.opened == [server["manage_url"]]
        assert "not to this account's panel" in page.message.text() and page.message.isVisible()
    finally:
        QDesktopServices.unsetUrlHandler("http")
        QDesktopServices.unsetUrlHandler("https")
