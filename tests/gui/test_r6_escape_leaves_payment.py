"""Escape asks to leave the payment from inside the gateway's page too: with the focus in the card form (where a
buyer types), the web page took the key and nothing happened; it worked only after clicking outside the page."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

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


def test_escape_in_the_card_form_asks_to_leave(qtbot, pay_page):
    dialog = CheckoutDialog("Checkout")
    qtbot.addWidget(dialog)
    asked = []
    dialog.confirm_leave = lambda: asked.append(True) or False      # "No": the payment stays open
    dialog.show()
    qtbot.waitExposed(dialog)
    policy = NavigationPolicy(pay_page, f"{pay_page}/return", f"{pay_page}/cancel")
    web = dialog.show_web(f"{pay_page}/pay/1", policy)
    with qtbot.waitSignal(web.load_finished, timeout=30_000):
        pass
    dialog.activateWindow()
    web.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and web.isAncestorOf(QApplication.focusWidget()),
                    timeout=10_000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bool(asked), timeout=5_000)
    assert dialog.isVisible()       # "No" keeps the payment open
    dialog.confirm_leave = lambda: True
    dialog.reject()
