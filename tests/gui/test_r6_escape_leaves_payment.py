"""Escape asks to leave the payment from inside the gateway's page too: with the focus in the card form (where a
buyer types), the web page took the key and nothing happened; it worked only after clicking outside the page. And
Tab past the card form leaves the page for Leave payment…"""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from app.core.navigation import NavigationPolicy
from app.views.checkout.dialog import CheckoutDialog

# What QtWebEngine says about a machine without a GPU (as tests/e2e/conftest.py's HEADLESS_NOISE); nothing of ours.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)",
                                       r"^QRhiGles2: Failed to create", r"^Failed to create RHI for backend",
                                       r"^GPUInfo not initialized", r"^Unable to detect GPU vendor")

PAGE = b"<html><body><form><input id='number' autofocus placeholder='number'></form></body></html>"


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *_args) -> None:
        pass


@pytest.fixture
def pay_page():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _card_form(qtbot, pay_page):
    """The checkout dialog showing the card page, the page loaded; `asked` records each "leave?" question, answered
    "No" (the payment stays open)."""
    dialog = CheckoutDialog("Checkout")
    qtbot.addWidget(dialog)
    asked = []
    dialog.confirm_leave = lambda: asked.append(True) or False
    dialog.show()
    qtbot.waitExposed(dialog)
    policy = NavigationPolicy(pay_page, f"{pay_page}/return", f"{pay_page}/cancel")
    web = dialog.show_web(f"{pay_page}/pay/1", policy)
    with qtbot.waitSignal(web.load_finished, timeout=30_000):
        pass
    dialog.activateWindow()
    return dialog, web, asked


def _in_page(web) -> bool:
    return QApplication.focusWidget() is not None and web.isAncestorOf(QApplication.focusWidget())


def test_escape_in_the_card_form_asks_to_leave(qtbot, pay_page):
    dialog, web, asked = _card_form(qtbot, pay_page)
    web.view.setFocus()
    qtbot.waitUntil(lambda: _in_page(web), timeout=10_000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bool(asked), timeout=5_000)
    assert dialog.isVisible()       # "No" keeps the payment open
    dialog.confirm_leave = lambda: True
    dialog.reject()


def test_tab_past_the_card_form_reaches_a_way_out(qtbot, pay_page):
    """Tab leaves the gateway's page: with the page alone in the dialog, Tab went round the card form and a keyboard
    user could get out only with Escape. Past the page's last field, Tab reaches Leave payment…, which asks before
    leaving, as Escape does; Enter in the form is never that button's."""
    dialog, web, asked = _card_form(qtbot, pay_page)
    # The keyboard starts in the page (where a buyer types the card), not on the way out below it.
    qtbot.waitUntil(lambda: _in_page(web), timeout=10_000)

    def out_of_the_page() -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and dialog.isAncestorOf(focused) and not web.isAncestorOf(focused)

    for _ in range(3):       # the card field, then past it (the page may first take the focus into its field)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.wait(200)
        if out_of_the_page():
            break
    assert out_of_the_page(), "Tab stays in the gateway's page"
    button = QApplication.focusWidget()
    assert isinstance(button, QPushButton) and button.isVisible()
    assert not button.isDefault()       # Enter in the card form does not leave
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(asked), timeout=5_000)
    assert dialog.isVisible()       # "No" keeps the payment open
    dialog.confirm_leave = lambda: True
    dialog.reject()
