"""Run Sett as `python -m app --demo` does, take it through a card checkout and quit: for the test that quitting
after the embedded pay page was open never crashes the interpreter (issue 13).

`python -m tests.support.checkout_and_quit [--timeout S]`: starts the demo panel (with localstripe), waits for the
demo customer's first sync, opens a card top-up checkout, types the test card into the embedded localstripe page,
waits for the panel's "Payment received", closes the dialog and quits through the window (as Ctrl+Q does). It
exits 0 and prints "checkout and quit passed" when every step happened; the interpreter's own exit follows, and
that is what the test watches (exit status, "Fatal Python error" on stderr). Every step is bounded by --timeout.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile

# As app.__main__: QtWebEngine before the QApplication.
import PySide6.QtWebEngineCore  # noqa: F401
from PySide6.QtCore import QObject, QTimer, Signal

from app import paths
from app.__main__ import create_app, setup_logging
from tests.support.localstripe_card import FORM_READY, PRESS_PAY, card_scripts


class Chatter(QObject):
    """A long session's worth of signal emits (every change-set, status line and page emits some)."""

    said = Signal(str)


class Driver:
    def __init__(self, qapp, sett, timeout: float, how: str = "paid", kind: str = "top_up",
                 times: int = 1, emits: int = 0) -> None:
        self.qapp, self.sett, self.how, self.kind, self.times = qapp, sett, how, kind, times
        self.emits = emits
        self.code, self.reason = 1, "did not finish"
        self.checkout = None
        self.step = "waiting for the first sync"
        sett.synced.connect(self._synced)
        sett.demo_failed.connect(lambda why: self.finish(1, f"the demo panel did not start: {why}"))
        QTimer.singleShot(int(timeout * 1000), lambda: self.finish(1, f"timed out {self.step}"))

    def _synced(self, account_id: str, _changes) -> None:
        if self.checkout is not None or account_id != self.sett.current_id:
            return
        self._open()

    def _open(self) -> None:
        self.step = "waiting for the review"
        request: dict = {"amount": "10.00"}
        if self.kind == "order":
            data = self.sett.sessions.current.data
            product = next(p for p in data.products if p.get("in_stock", True))
            cycle = (product.get("pricing") or [{}])[0].get("billing_cycle", "monthly")
            request = {"items": [{"product_id": product["id"], "billing_cycle": cycle}], "use_credits": False}
        self.checkout = self.sett.features["checkout"].start(self.sett.current_id, self.kind, request)
        self.poll(self._reviewed)

    def _again(self, reason: str) -> None:
        """One checkout done: the next one, or quit."""
        self.times -= 1
        if self.times > 0:
            QTimer.singleShot(300, self._open)
        else:
            self.finish(0, reason)

    def poll(self, check) -> None:
        """Call `check` every 200 ms until it returns True (the overall timeout ends a stuck run)."""
        def tick() -> None:
            if self.code == 0 or self.reason != "did not finish":
                return
            if not check():
                QTimer.singleShot(200, tick)
        QTimer.singleShot(200, tick)

    def _reviewed(self) -> bool:
        dialog = self.checkout.dialog
        if dialog.stack.currentWidget() is not dialog.review_page:
            return False
        if "stripe" not in dialog.methods:
            self.finish(1, f"no card payment offered: {dialog.methods}")
            return True
        dialog.choose("stripe")
        dialog.pay_button.click()
        self.step = "waiting for the pay page"
        self.poll(self._card_form)
        return True

    def _card_form(self) -> bool:
        web = self.checkout.dialog.web
        if web is None:
            return False
        self.step = "typing the card"
        web.page.runJavaScript(FORM_READY, 0, self._form_ready)
        return True

    def _form_ready(self, ready) -> None:
        web = self.checkout.dialog.web
        if not ready or web is None:
            self.poll(self._card_form)
            return
        if self.how == "open":          # quit with the pay page still open
            self.finish(0, "quit with the card form open")
            return
        if self.how == "left":          # Escape: leave the payment, then quit
            dialog = self.checkout.dialog
            dialog.confirm_leave = lambda: True
            dialog.reject()
            self._again("left the payment, then quit")
            return
        for script in card_scripts():
            web.page.runJavaScript(script, 0)
        web.page.runJavaScript(PRESS_PAY, 0)
        self.step = "waiting for the panel's answer"
        self.poll(self._paid)

    def _paid(self) -> bool:
        dialog = self.checkout.dialog
        if dialog.stack.currentWidget() is not dialog.result_page:
            return False
        if "Payment received" not in dialog.result_title.text():
            self.finish(1, f"the payment did not succeed: {dialog.result_text.text()}")
            return True
        dialog.accept()
        self._again("paid by card in the embedded page, then quit")
        return True

    def finish(self, code: int, reason: str) -> None:
        if self.code == 0 or self.reason != "did not finish":
            return
        self.code, self.reason = code, reason
        chatter = Chatter()
        for _ in range(self.emits):
            chatter.said.emit("")
        print(f"checkout and quit {'passed' if code == 0 else 'FAILED'}: {reason}", flush=True,
              file=sys.stdout if code == 0 else sys.stderr)
        self.sett.window.close()          # what Ctrl+Q does: the last window closes, the application quits
        QTimer.singleShot(0, self.qapp.quit)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--how", choices=("paid", "left", "open"), default="paid",
                        help="paid: pay by card, then quit; left: leave the pay page, then quit; open: quit on it")
    parser.add_argument("--kind", choices=("top_up", "order"), default="top_up")
    parser.add_argument("--times", type=int, default=1, help="checkouts before quitting")
    parser.add_argument("--emits", type=int, default=0,
                        help="signal emits before quitting, as a long session makes (thousands)")
    args = parser.parse_args(argv)
    folder = tempfile.mkdtemp(prefix="sett-quit-test-")
    paths.use_data_dir(folder)
    setup_logging(False)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.secrets import SecretStore
    from app.shell.demo import DemoPanel

    qapp, sett = create_app(secrets=SecretStore.memory_only(), keyring_note=False)
    driver = Driver(qapp, sett, args.timeout, args.how, args.kind, args.times, args.emits)
    try:
        sett.start(show=True)
        sett.start_demo(DemoPanel(offline_stripe=True))
        qapp.exec()
    finally:
        sett.shutdown()
        shutil.rmtree(folder, ignore_errors=True)
    return driver.code


if __name__ == "__main__":
    sys.exit(main())
