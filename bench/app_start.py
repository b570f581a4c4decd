"""The app's side of the start-up and memory benchmarks: start Sett exactly as `python -m app --data-dir DIR` does
(through the same `app.__main__.create_app`: imports, QApplication set-up, theme, Application; then
start(show=True); and what `main()` does around it: the single-instance guard, the OS trust store asked for, the
crash reporter), with each account's login held in memory so its sync goes to the network (an unreachable
panel: the app starts offline from its cache, as after a reboot without network). Prints one JSON line once the
current account's cached data is on screen and painted:

  painted        wall-clock time of the first paint after the cached data reached the screens
  window_painted wall-clock time of the window's first paint (the shell, before the data)
  rss_kb/hwm_kb  resident memory (and its peak) `settle` seconds after that, once the other accounts' offline
                 syncs have failed and their caches are closed

`python -m app` has no hook for the moment of the first painted data, so this script watches for it itself, with
an event filter on the main window installed before the window shows: every paint of the window's contents begins
with a Paint event of the window itself (after its UpdateRequest), so the window's own events say when a paint
starts, as the floor's filter on its one label does. (A filter on the whole application, as before 2026-12-05, ran
Python for every event of every object, and made PySide build a wrapper and its enums for each new kind of object
that received one: measuring overhead the floor did not pay.)
"""
from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app import paths
from app.__main__ import create_app, setup_logging  # the start `python -m app` makes (no QtWebEngine yet)


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
    setup_logging(False)   # the same log file and handlers as the real start
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # What `main()` does before and after create_app, so its cost is measured too: the one-Sett-per-folder guard
    # (QtNetwork, a lock file, a look for a running Sett), the OS trust store asked for, the crash reporter.
    from app.api.trust import use_system_trust_store
    from app.shell.crash import CrashReporter
    from app.shell.single_instance import claim_or_hand_over

    guard = claim_or_hand_over(paths.data_dir(), [])
    use_system_trust_store()
    CrashReporter(paths.log_dir()).install()

    from app.api import Credentials
    from app.secrets import SecretStore
    from app.session.accounts import AccountStore

    secrets = SecretStore.memory_only()
    for account in AccountStore(paths.accounts_file()).all():
        secrets.save(account.id, Credentials.from_api_key("bp_bench-offline-key"))
    app, sett = create_app(secrets=secrets, keyring_note=False)
    guard.received.connect(sett.links.handle_args)
    sett.sessions.when_started(guard.listen)   # as main() does
    watch = Watch(app, sett, settle)
    sett.window.installEventFilter(watch)     # the window only: see the module's docstring
    QTimer.singleShot(60_000, lambda: (print(json.dumps({"error": "no painted data in 60 s"}), flush=True),
                                       app.quit()))
    sett.start(show=True)
    app.exec()
    sett.shutdown()
    guard.release()
    sys.stdout.flush()
    os._exit(0)   # measured already; skip interpreter teardown of Qt objects


if __name__ == "__main__":
    sys.exit(main())
