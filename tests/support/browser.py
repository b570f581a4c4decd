"""A small offscreen QtWebEngine browser for tests that drive the panel's pay pages like a buyer would.

It uses its own off-the-record profile (nothing survives a test), records every main-frame navigation and
refuses navigations to the "stop" prefixes (a client's return/cancel URL, where nothing listens), so a test
sees where the page tried to go, as the client's checkout dialog would. Every wait is bounded by a timeout;
none of them measures time.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEventLoop, QSize, QTimer, QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView

from tests.support.localstripe_card import CARD_FIELDS, FORM_READY, field_selector, typing_script

DEFAULT_TIMEOUT = 30.0


def evaluate(page: QWebEnginePage, expression: str, timeout: float = DEFAULT_TIMEOUT) -> list:
    """Evaluate a JavaScript expression in `page`, waiting in a local event loop: [its value], or [] if the page
    did not answer within `timeout` seconds."""
    box: list = []
    loop = QEventLoop()

    def done(result) -> None:
        box.append(json.loads(result) if isinstance(result, str) and result else None)
        loop.quit()

    # Qt hands back only scalars from runJavaScript; JSON carries lists, objects and null across.
    page.runJavaScript(f"JSON.stringify(({expression}))", 0, done)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(int(timeout * 1000))
    if not box:
        loop.exec()
    timer.stop()
    return box


class BrowserTimeout(AssertionError):
    """A wait ran out; the message says what the page had done by then."""


class RecordingPage(QWebEnginePage):
    def __init__(self, profile: QWebEngineProfile, parent=None) -> None:
        super().__init__(profile, parent)
        self.navigations: list[str] = []
        self.stop_prefixes: tuple[str, ...] = ()
        self.stopped_at: str | None = None
        self.console: list[str] = []

    def acceptNavigationRequest(self, url, nav_type, is_main_frame) -> bool:
        text = url.toString() if isinstance(url, QUrl) else str(url)
        if is_main_frame:
            self.navigations.append(text)
        if any(text.startswith(prefix) for prefix in self.stop_prefixes):
            if self.stopped_at is None:
                self.stopped_at = text
            return False
        return True

    def javaScriptConsoleMessage(self, level, message, line, source) -> None:
        # Kept for failure messages rather than printed: a CSP refusal shows up here first.
        self.console.append(f"{source}:{line}: {message}")


class Browser:
    """One offscreen view with its own profile. close() it (the fixture does) before the QApplication goes."""

    def __init__(self, size: QSize = QSize(640, 680)) -> None:
        self.profile = QWebEngineProfile()  # no storage name: off the record
        self.view = QWebEngineView()
        self.page = RecordingPage(self.profile, self.view)
        self.view.setPage(self.page)
        self.view.resize(size)
        self.view.show()  # offscreen: shown so that it lays out and paints for grab()
        self._loaded: bool | None = None
        self._loading = False
        self._load_log: list[str] = []
        self.page.loadStarted.connect(self._on_load_started)
        self.page.loadFinished.connect(self._on_load_finished)

    def _on_load_started(self) -> None:
        self._loading = True
        self._load_log.append("started")

    def _on_load_finished(self, ok: bool) -> None:
        self._loading = False
        self._loaded = ok
        self._load_log.append("finished" if ok else "failed")

    # -- navigation -------------------------------------------------------------------------------------------
    def stop_at(self, *prefixes: str) -> None:
        """Refuse (and remember) navigations to URLs starting with any of `prefixes`."""
        self.page.stop_prefixes = tuple(prefixes)
        self.page.stopped_at = None

    @property
    def stopped_at(self) -> str | None:
        return self.page.stopped_at

    @property
    def url(self) -> str:
        return self.page.url().toString()

    def load(self, url: str, timeout: float = DEFAULT_TIMEOUT) -> bool:
        """Load `url` and wait for loadFinished; True if it loaded."""
        # A load the page was still finishing (say, one refused at a stop URL) would report on this one.
        self.wait_until(lambda: not self._loading, timeout, "the previous load to end")
        self._loaded = None
        self.page.load(QUrl(url))
        self.wait_until(lambda: self._loaded is not None, timeout, f"loading {url}")
        return bool(self._loaded)

    def wait_for_stop(self, timeout: float = DEFAULT_TIMEOUT) -> str:
        """The URL the page tried to go to among the stop prefixes."""
        self.wait_until(lambda: self.page.stopped_at is not None, timeout, "a navigation to " +
                        " or ".join(self.page.stop_prefixes))
        assert self.page.stopped_at is not None
        self.wait_until(lambda: not self._loading, timeout, "the refused load to end")
        return self.page.stopped_at

    # -- waiting and scripts ----------------------------------------------------------------------------------
    def wait_until(self, predicate: Callable[[], object], timeout: float = DEFAULT_TIMEOUT,
                   what: str = "a condition") -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise BrowserTimeout(f"timed out after {timeout:.0f} s waiting for {what}\n{self.describe()}")
            self._spin(50)

    def _spin(self, ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def js(self, expression: str, timeout: float = DEFAULT_TIMEOUT):
        """Evaluate a JavaScript expression in the page and return its value (via JSON: lists, objects, null)."""
        answer = evaluate(self.page, expression, timeout)
        if not answer:
            raise BrowserTimeout(f"script did not answer within {timeout:.0f} s: {expression[:80]}\n"
                                 + self.describe())
        return answer[0]

    def wait_for_js(self, script: str, timeout: float = DEFAULT_TIMEOUT):
        """Wait until `script` evaluates to something truthy and return it."""
        box: list = [None]

        def check() -> bool:
            box[0] = self.js(script, timeout)
            return bool(box[0])

        self.wait_until(check, timeout, f"the page to satisfy {script[:80]!r}")
        return box[0]

    def _on(self, selector: str, body: str):
        """Run `body` with `e` bound to the first element matching `selector`; None if there is none."""
        return self.js(f"(function (e) {{ if (!e) return null; {body} }})"
                       f"(document.querySelector({json.dumps(selector)}))")

    def text(self, selector: str) -> str | None:
        """textContent of the first element matching `selector` (None if there is none)."""
        return self._on(selector, "return e.textContent;")

    def body_text(self) -> str:
        return self.js("document.body ? document.body.innerText : ''") or ""

    def click(self, selector: str) -> None:
        found = self._on(selector, "e.click(); return true;")
        assert found, f"no element matches {selector!r}\n{self.describe()}"

    def type_into(self, selector: str, value: str) -> None:
        """Set an input's value and fire a bubbling 'input' event, as typing would."""
        found = self.js(typing_script(selector, value))
        assert found, f"no input matches {selector!r}\n{self.describe()}"

    # -- localstripe's card element ---------------------------------------------------------------------------
    def wait_for_card_form(self, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.wait_for_js(FORM_READY, timeout)

    def fill_card(self, number: str, exp_month: str, exp_year: str, cvc: str, postal_code: str) -> None:
        """Type into localstripe's Stripe.js stand-in (five inputs in #card, named by their placeholders)."""
        values = dict(zip(CARD_FIELDS, (number.replace(" ", ""), exp_month, exp_year, cvc, postal_code),
                          strict=True))
        for field, value in values.items():
            self.type_into(field_selector(field), value)

    # -- pictures and diagnostics -----------------------------------------------------------------------------
    def screenshot(self, path: Path | str) -> Path:
        """Save what the view shows as a PNG."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._spin(200)  # let the compositor deliver the last frame
        image = self.view.grab().toImage()
        assert not image.isNull(), "the view could not be grabbed"
        assert image.save(str(path), "PNG"), f"could not write {path}"
        return path

    def describe(self) -> str:
        lines = [f"url: {self.url}", f"navigations: {self.page.navigations}", f"loads: {self._load_log}"]
        if self.page.console:
            lines.append("console:\n  " + "\n  ".join(self.page.console[-10:]))
        return "\n".join(lines)

    def close(self) -> None:
        # The page must go before its profile, or Qt warns that the profile is released while still in use.
        if shiboken6.isValid(self.view):
            self.view.close()
            shiboken6.delete(self.view)  # deletes its child page too
        if shiboken6.isValid(self.profile):
            shiboken6.delete(self.profile)
