"""The embedded gateway page: the one module besides the entry point that imports QtWebEngine.

Each checkout gets its own off-the-record profile (no storage name), so no card data, cookie or cache outlives
the dialog. Every navigation asks the pure `NavigationPolicy`; pop-ups open in the same page; certificate errors
are refused, never offered to the buyer to wave through.
"""
from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import QWebEngineCertificateError, QWebEnginePage, QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.core.navigation import Decision, NavigationPolicy

log = logging.getLogger(__name__)



def origin(url: QUrl) -> str:
    """"https://pay.example.com": what the log says of a page. A pay page's path and query can hold its token,
    and secrets never go into the log."""
    if not url.scheme() or not url.host():
        return url.scheme() or "an unnamed page"
    port = f":{url.port()}" if url.port() != -1 else ""
    return f"{url.scheme()}://{url.host()}{port}"

class CheckoutPage(QWebEnginePage):
    """`ended(decision, url)` fires once, when the page tries to go to the return or cancel URL."""

    ended = Signal(object, str)
    external_opened = Signal(str)

    def __init__(self, policy: NavigationPolicy, profile: QWebEngineProfile, parent: QWidget | None = None) -> None:
        super().__init__(profile, parent)
        self.policy = policy
        self.refused: list[str] = []
        self.certificate_errors: list[str] = []
        self.done = False
        self.certificateError.connect(self._refuse_certificate)

    def acceptNavigationRequest(self, url: QUrl, nav_type, is_main_frame: bool) -> bool:  # noqa: N802 - Qt's name
        text = url.toString()
        decision = self.policy.decide(text, main_frame=is_main_frame)
        if decision is Decision.ALLOW:
            return not self.done
        if decision in (Decision.RETURNED, Decision.CANCELLED):
            if not self.done:
                self.done = True
                self.ended.emit(decision, text)
        elif decision is Decision.EXTERNAL:
            log.info("checkout page opened a page of %s in the system browser", origin(url))
            QDesktopServices.openUrl(url)
            self.external_opened.emit(text)
        else:
            log.warning("checkout page refused a navigation to a page of %s", origin(url))
            self.refused.append(text)
        return False

    def createWindow(self, _type) -> QWebEnginePage:  # noqa: N802 - Qt's name
        return self   # pop-ups (PayPal opens one) stay inside the dialog, under the same policy

    def _refuse_certificate(self, error: QWebEngineCertificateError) -> None:
        self.certificate_errors.append(error.url().toString())
        log.warning("checkout page refused a bad certificate for %s: %s", origin(error.url()), error.description())
        error.rejectCertificate()

    def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:  # noqa: N802
        # Gateway pages log freely; that is theirs, not a warning of ours.
        log.debug("checkout page console %s:%s: %s", origin(QUrl(source)), line, message)


class CheckoutWebView(QWidget):
    """A web view with its own off-the-record profile; `dispose()` frees page before profile (Qt requires it)."""

    ended = Signal(object, str)
    external_opened = Signal(str)
    load_finished = Signal(bool)

    def __init__(self, policy: NavigationPolicy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = QWebEngineProfile()           # no storage name: off the record
        self.view = QWebEngineView(self)
        self.page = CheckoutPage(policy, self.profile, self.view)
        self.view.setPage(self.page)
        self.profile.setParent(self)   # after the view: children go in order, so the page dies before its profile
        self.page.ended.connect(self.ended)
        self.page.external_opened.connect(self.external_opened)
        self.page.loadFinished.connect(self.load_finished)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def load(self, url: str) -> None:
        self.page.load(QUrl(url))

    def dispose(self) -> None:
        if shiboken6.isValid(self.view):
            self.page.ended.disconnect(self.ended)
            shiboken6.delete(self.view)              # its child page goes with it
        if shiboken6.isValid(self.profile):
            shiboken6.delete(self.profile)
