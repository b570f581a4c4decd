"""`python -m app`: start Sett. `--demo` runs it against a fresh embedded panel; `--smoke-test` and `--screenshot`
start, sync, check or capture the window, and exit (headless where there is no display). `python -m app export ...`
writes an export from the saved data with no window (app/exports/cli.py).

The bundled app has no `python -m panel`: its own executable serves the demo panel when the first argument is
`--run-panel` (panel/launcher.py passes it), before anything of Qt loads.
"""
from __future__ import annotations

import sys

if __name__ == "__main__" and sys.argv[1:2] == ["--run-panel"]:
    from panel.__main__ import main as run_panel

    sys.exit(run_panel(sys.argv[2:]))

if __name__ == "__main__" and sys.argv[1:2] == ["export"]:
    # `sett export ...`: a file from the saved data, with no window (no QApplication, no display needed)
    from app.exports.cli import main as export

    sys.exit(export(sys.argv[2:]))

import argparse
import logging
import logging.handlers
import os
import shutil
import tempfile
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import __version__, paths
from app.shell import pyside_import_check

# First, so that none of the app's own modules is read line by line at its import (see the module).
pyside_import_check.install()

if TYPE_CHECKING:
    from app.application import Application
    from app.secrets import SecretStore
    from app.shell.quitting import SettApplication

VIEWS = ("dashboard", "store", "product", "cart", "services", "invoices", "credits", "billing-disabled", "welcome",
         "service", "invoice", "dashboard-all", "invoices-all", "orders", "support")
log = logging.getLogger("app")


def window_size(text: str) -> tuple[int, int]:
    """"1240x800" -> (1240, 800); the minimum window is 1000x650, the size every screen is made to fit."""
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1240x800") from None
    if width < 1000 or height < 650 or width > 10000 or height > 10000:
        raise argparse.ArgumentTypeError(f"{text} is outside 1000x650 to 10000x10000")
    return width, height


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Users see what they use; the developer and CI flags work but stay out of --help (argparse.SUPPRESS)."""
    parser = argparse.ArgumentParser(prog="sett", description="Sett: buy and manage hosting from your "
                                     "billing panels.",
                                     epilog="sett export invoices|payments|credits -o FILE writes them from the "
                                     "saved data to CSV or XLSX, without a window (see sett export --help).")
    developer = argparse.SUPPRESS
    parser.add_argument("links", nargs="*", metavar="LINK",
                        help="sett://invoice/<id>, sett://service/<id> or sett://account/<id> to open (in the "
                        "Sett already running on the data folder, if one is)")
    parser.add_argument("--demo", action="store_true",
                        help="start the embedded panel with demo data (and offline Stripe) and add its demo account")
    parser.add_argument("--data-dir", metavar="DIR", help="keep all of Sett's state (accounts, caches, settings, "
                        "logs) in DIR; --demo without it uses a temporary folder")
    # start, sync, show the main window, then exit 0, or non-zero with the reason
    parser.add_argument("--smoke-test", action="store_true", help=developer)
    # after the first sync, save a PNG of the window to FILE
    parser.add_argument("--screenshot", metavar="FILE", help=developer)
    # the screen --screenshot shows
    parser.add_argument("--view", metavar="NAME", choices=VIEWS, default="dashboard", help=developer)
    # the window's size for --screenshot (default 1240x800; at least 1000x650)
    parser.add_argument("--window-size", metavar="WxH", type=window_size, default=(1240, 800), help=developer)
    parser.add_argument("--theme", choices=("light", "dark", "system"), help="override the saved theme")
    # how long --smoke-test and --screenshot wait for the first sync
    parser.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS", help=developer)
    parser.add_argument("--verbose", "-v", action="store_true", help="log more, also to the terminal")
    parser.add_argument("--version", action="version", version=f"Sett {__version__}")
    return parser.parse_args(argv)


def setup_logging(verbose: bool) -> None:
    """A rotating file in the log folder plus stderr; the api layer never logs secrets, only paths and statuses."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    to_file = logging.handlers.RotatingFileHandler(paths.log_dir() / "sett.log", maxBytes=1_000_000, backupCount=3,
                                                   encoding="utf-8")
    to_file.setFormatter(fmt)
    to_stderr = logging.StreamHandler()
    to_stderr.setFormatter(fmt)
    to_stderr.setLevel(logging.INFO if verbose else logging.WARNING)
    root.addHandler(to_file)
    root.addHandler(to_stderr)
    for noisy in ("urllib3", "app.api"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if verbose else logging.WARNING)


def needs_offscreen(args: argparse.Namespace) -> bool:
    headless = args.smoke_test or bool(args.screenshot)
    has_display = bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return headless and sys.platform.startswith("linux") and not has_display


class Headless(QObject):
    """--smoke-test and --screenshot: wait for the current account's first sync, check or capture, and exit."""

    def __init__(self, sett, args: argparse.Namespace, app: QApplication) -> None:
        super().__init__(sett)
        self.sett, self.args, self.app = sett, args, app
        self.exit_code = 1
        self.reason = "did not finish"
        self._done = False
        self.synced_ids: set[str] = set()

    def begin(self) -> None:
        self.sett.synced.connect(self._synced)
        self.sett.sync_failed.connect(self._failed)
        self.sett.demo_failed.connect(lambda reason: self.finish(1, f"the demo panel did not start: {reason}"))
        if self.args.screenshot:
            self.sett.window.resize(*self.args.window_size)
        QTimer.singleShot(int(self.args.timeout * 1000),
                          lambda: self.finish(1, f"no sync finished within {self.args.timeout:g} seconds"))
        if not self.args.demo and self.sett.current_id is None:
            QTimer.singleShot(0, self._nothing_to_sync)

    def _every_account_synced(self) -> bool:
        return {account.id for account in self.sett.accounts.all()} <= self.synced_ids

    def _nothing_to_sync(self) -> None:
        if self.args.screenshot:
            self._capture()
        else:
            self.finish(0, "no accounts yet: the window opened on the welcome page")

    def _synced(self, account_id: str, changes) -> None:
        self.synced_ids.add(account_id)
        if self.args.screenshot and self.args.view.endswith("-all"):
            if not self._every_account_synced():
                return       # a view over every account waits for each one's data
            account_id = self.sett.current_id or ""
        if account_id != self.sett.current_id or self._done:
            return
        window = self.sett.window
        if not window.isVisible():
            self.finish(1, "the main window is not visible")
        elif window.section_errors:
            self.finish(1, "a screen failed: " + "; ".join(window.section_errors))
        elif window.data is None or window.data.account_id != account_id:
            self.finish(1, "the account's data never reached the screens")
        elif self.args.screenshot:
            from app.features.cart import prepare_view
            from app.features.overview import prepare_view as prepare_page

            sessions = self.sett.sessions
            window.select_section(prepare_view(sessions, window, prepare_page(sessions, window, self.args.view)))
            QTimer.singleShot(1500, self._capture)
        else:
            self.finish(0, f"synced {self.sett.current.panel_url} in {changes.requests} requests; "
                           f"{len(window.sections)} screens showed its data")

    def _failed(self, account_id: str, error: BaseException) -> None:
        if account_id == self.sett.current_id:
            self.finish(1, f"the sync failed: {error}")

    def _capture(self) -> None:
        window = self.sett.window
        # Two pages show only in their state; capturing another screen under their name would mislead.
        if self.args.view == "welcome" and self.sett.current_id is not None:
            self.finish(1, "the welcome page shows only without accounts: use an empty --data-dir, without --demo")
            return
        if self.args.view == "billing-disabled" and window.billing_enabled:
            self.finish(1, "the billing-disabled page shows only for a panel without the Billing Module")
            return
        if self.args.view == "welcome" or self.sett.current_id is None:
            window.select_section("welcome")
        else:
            from app.features.overview import PAGE_VIEWS

            window.select_section("store" if self.args.view == "product" else PAGE_VIEWS.get(self.args.view,
                                                                                             self.args.view))
        self.app.processEvents()
        if window.grab().save(self.args.screenshot, "PNG"):
            self.finish(0, f"saved {self.args.view} to {self.args.screenshot}")
        else:
            self.finish(1, f"could not write {self.args.screenshot}")

    def finish(self, code: int, reason: str) -> None:
        if self._done:
            return
        self._done = True
        self.exit_code, self.reason = code, reason
        (log.info if code == 0 else log.error)("%s: %s", "passed" if code == 0 else "failed", reason)
        label = "screenshot" if self.args.screenshot else "smoke test"
        print(f"{label} {'passed' if code == 0 else 'FAILED'}: {reason}", file=sys.stdout if code == 0 else sys.stderr)
        self.app.quit()


def create_app(*, theme: str | None = None, secrets: SecretStore | None = None,
               keyring_note: bool = True) -> tuple[SettApplication, Application]:
    """The start every run shares, `main()`'s and the start-up benchmark's (bench/app_start.py), so the benchmark
    measures what users run: the QApplication (sharing OpenGL contexts, which QtWebEngine needs when the first checkout
    loads it, so it need not be imported before the window shows), the theme (`theme` overrides the saved one), and
    the Application, shut down when the QApplication quits. The caller then calls `start()` at once (the current
    account's saved data is already being read)."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")   # Chromium refuses to sandbox as root
    # What Qt needs before the QApplication for QtWebEngine to load later (at the first checkout) instead of now.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    from app.shell.quitting import SettApplication

    app = SettApplication(sys.argv[:1])
    app.setApplicationName("Sett")
    app.setOrganizationName("Sett")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(paths.resource_dir() / "icons" / "sett.png")))

    from app.application import Application
    from app.settings import Settings
    from app.shell import language
    from app.shell.locale_setup import use_locale
    from app.views.theme import apply_theme

    settings = Settings()
    # Money, numbers and dates as the desktop's locale writes them, or as the language chosen in Preferences does.
    use_locale(language.locale_name(settings.language))
    # Before any widget is built: every screen's words are translated as it is constructed.
    translators = language.install(settings.language, app)
    theme_name = theme or settings.theme
    apply_theme(app, theme_name)
    # The caller starts at once, so the current account's saved data is read while the window is built.
    sett = Application(settings=settings, secrets=secrets, theme_name=theme_name, keyring_note=keyring_note,
                       read_ahead=True)
    sett.translators = translators
    # The web view goes out the way the API does (requests reads the same settings). Set once the saved data is
    # painted: only the checkout's web view uses Qt's proxy, and QtNetwork need not load before the first paint.
    sett.sessions.when_started(follow_system_proxy)
    # A quit nobody asked for in the window (a signal, the session ending) ends an open payment without asking.
    app.before_outside_quit = sett.features["checkout"].close_all
    app.aboutToQuit.connect(sett.shutdown)
    return app, sett


def follow_system_proxy() -> None:
    from app.shell.system_proxy import follow_system_proxy as follow

    follow()


def main(argv: list[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else argv
    if given[:1] == ["export"]:
        from app.exports.cli import main as export

        return export(given[1:])
    args = parse_args(argv)
    temporary = None
    if args.data_dir:
        paths.use_data_dir(args.data_dir)
    elif args.demo:
        temporary = tempfile.mkdtemp(prefix="sett-demo-client-")   # a demo never touches your own accounts
        paths.use_data_dir(temporary)
    try:
        paths.check_data_dir()
    except paths.DataDirError as exc:
        # Said before anything is written: the log file itself lives there. 2 for a folder given on the command
        # line (a usage mistake, as argparse answers), 1 for the platform's own.
        print(f"sett: cannot use the data folder: {exc}", file=sys.stderr)
        return 2 if args.data_dir else 1
    setup_logging(args.verbose)
    from app.shell.single_instance import HandoverError, claim_or_hand_over

    try:
        guard = claim_or_hand_over(paths.data_dir(), args.links)
    except (HandoverError, OSError) as exc:
        from app.shell.start_refused import tell_start_refused

        # stderr, and a message box: started from a launcher, nobody reads stderr
        tell_start_refused(exc, headless=bool(args.smoke_test or args.screenshot))
        return 1
    if guard is None:
        return 0          # the Sett already running on this folder took the arguments and came to the front
    from app.api.trust import use_system_trust_store
    from app.shell.crash import CrashReporter

    # The API's HTTPS trusts the OS store, as the checkout does: injected by the first API transport, on its worker
    # before its first request (injecting imports requests and urllib3, which the first paint does not wait for).
    use_system_trust_store()

    crashes = CrashReporter(paths.log_dir())
    crashes.install()
    if needs_offscreen(args):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    secrets = None   # the system keyring, the Application's default
    if temporary:
        from app.secrets import SecretStore

        # A throwaway demo keeps its login in memory: nothing of it belongs in the system keyring.
        secrets = SecretStore.memory_only()
    app, sett = create_app(theme=args.theme, secrets=secrets, keyring_note=not temporary)

    from app.core.text import translate
    from app.shell.demo import PAYMENTS_NOTE, DemoPanel
    from app.shell.quitting import quit_on_signals

    # SIGTERM, SIGHUP and Ctrl+C in the terminal (make run) quit cleanly, stopping the demo panel, without asking
    # about an open payment; the timer lets Python see the signal.
    quit_on_signals(app)
    wake = QTimer()
    wake.start(300)
    wake.timeout.connect(lambda: None)
    driver = Headless(sett, args, app) if args.smoke_test or args.screenshot else None
    log.info("Sett %s starting; data in %s", __version__, paths.data_dir())
    crashes.parent_window = lambda: sett.window
    guard.received.connect(sett.links.handle_args)
    # A second start keeps trying for a while to reach a first one that holds the lock but does not listen yet.
    sett.sessions.when_started(guard.listen)
    try:
        sett.start(show=True)
        if args.links:
            sett.links.handle_args(args.links)
        if driver is not None:
            driver.begin()
        if args.demo:
            demo = DemoPanel()
            if not demo.offline_stripe:
                sett.sessions.note("demo-payments", "info", translate("Messages", PAYMENTS_NOTE))
            sett.start_demo(demo)
        code = app.exec()
    finally:
        sett.shutdown()
        guard.release()      # before a restart: the new Sett takes the folder's lock
        if temporary and not sett.restart_requested:
            shutil.rmtree(temporary, ignore_errors=True)
    if sett.restart_requested:
        from app.shell.restart import start_again

        start_again(temporary)
    return driver.exit_code if driver is not None else code


if __name__ == "__main__":
    sys.exit(main())
