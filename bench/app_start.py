"""The app's side of the start-up and memory benchmarks: start Sett exactly as `python -m app --data-dir DIR` does
(same imports, QApplication set-up, theme, Application, start(show=True)), with each account's login held in
memory so its sync goes to the network (an unreachable panel: the app starts offline from its cache, as after a
reboot without network). Prints one JSON line once the current account's cached data is on screen and painted:

  painted        wall-clock time of the first paint after the cached data reached the screens
  window_painted wall-clock time of the window's first paint (the shell, before the data)
  rss_kb/hwm_kb  resident memory (and its peak) `settle` seconds after that, once the other accounts' offline
                 syncs have failed and their caches are closed

`python -m app` has no hook for the moment of the first painted data, and app/ is not ours to change, so this
script wires the same pieces itself (see app/__main__.py main()).
"""
from __future__ import annotations

import json
import os
import sys
import time

import PySide6.QtWebEngineCore  # noqa: F401  (as app/__main__.py: before the QApplication)
from keyring.backends import fail
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from app import __version__, paths


class Watch(QObject):
    def __init__(self, app: QApplication, sett, settle: float) -> None:
        super().__init__()
        self.app, self.sett, self.settle = app, sett, settle
        self.window_painted = self.data_shown = self.painted = None
        sett.data_shown.connect(self._shown)

    def _shown(self, account_id: str, _data) -> None:
        if account_id == self.sett.current_id and self.data_shown is None:
            self.data_shown = time.time()

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget) and obj.window() is self.sett.window:
            now = time.time()
            if self.window_painted is None:
                self.window_painted = now
            if self.data_shown is not None and self.painted is None:
                self.painted = now
                QTimer.singleShot(int(self.settle * 1000), self.done)
        return False

    def done(self) -> None:
        status = dict(line.split(":", 1) for line in open("/proc/self/status").read().splitlines() if ":" in line)
        print(json.dumps({"painted": self.painted, "window_painted": self.window_painted,
                          "data_shown": self.data_shown, "errors": self.sett.window.section_errors,
                          "rss_kb": int(status["VmRSS"].split()[0]), "hwm_kb": int(status["VmHWM"].split()[0])}),
              flush=True)
        self.app.quit()


def main() -> int:
    data_dir, settle = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
    paths.use_data_dir(data_dir)
    from app.__main__ import setup_logging  # the same log file and handlers as the real start
    setup_logging(False)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Sett")
    app.setOrganizationName("Sett")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(paths.resource_dir() / "icons" / "sett.png")))

    from app.accounts import AccountStore
    from app.api import Credentials
    from app.application import Application
    from app.secrets import SecretStore
    from app.settings import Settings
    from app.views.theme import apply_theme

    settings = Settings()
    theme_name = settings.theme
    apply_theme(app, theme_name)
    secrets = SecretStore(fail.Keyring())
    for account in AccountStore(paths.accounts_file()).all():
        secrets.save(account.id, Credentials.from_api_key("bp_bench-offline-key"))
    sett = Application(settings=settings, secrets=secrets, theme_name=theme_name, keyring_note=False)
    app.aboutToQuit.connect(sett.shutdown)
    watch = Watch(app, sett, settle)
    app.installEventFilter(watch)
    QTimer.singleShot(60_000, lambda: (print(json.dumps({"error": "no painted data in 60 s"}), flush=True),
                                       app.quit()))
    sett.start(show=True)
    app.exec()
    sett.shutdown()
    sys.stdout.flush()
    os._exit(0)   # measured already; skip interpreter teardown of Qt objects


if __name__ == "__main__":
    sys.exit(main())
