"""Crash capture: an exception nobody caught (in a Qt slot, on the main thread or a worker) is written to the log
with its traceback and shown in a dialog that offers the log folder; a hard crash (a segfault in Qt) leaves its
Python stacks in `crash.log` through faulthandler. The windowed Windows build has no stderr: without this, such
errors left no trace at all.

`CrashReporter.dialog_factory(summary, log_folder)` is replaceable, so tests see the dialog without blocking.
"""
from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QWidget

from app.views.crash_dialog import CrashDialog

log = logging.getLogger("app.crash")
FAULT_LOG = "crash.log"


def open_folder(folder: Path) -> bool:
    """Open a folder in the desktop's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def summary_of(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text[:200]}" if text else type(error).__name__


class CrashReporter(QObject):
    crashed = Signal(str)      # the one-line summary, emitted on the thread that failed, shown on the GUI thread

    def __init__(self, log_folder: Path, parent_window: Callable[[], QWidget | None] = lambda: None) -> None:
        super().__init__()
        self.log_folder = log_folder
        self.parent_window = parent_window
        self.dialog_factory: Callable[[str, Path], object] = self._show_dialog
        self.open_folder: Callable[[Path], object] = open_folder
        self.dialog: CrashDialog | None = None
        self.errors: list[str] = []
        self._previous: tuple | None = None
        self._fault_file = None
        self.crashed.connect(self._report)   # queued when emitted from a worker: dialogs belong to the GUI thread

    def install(self, *, fault_handler: bool = True) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        if fault_handler:
            self.log_folder.mkdir(parents=True, exist_ok=True)
            # Kept open for the whole run: faulthandler writes to the file descriptor when the process dies.
            self._fault_file = open(self.log_folder / FAULT_LOG, "a", encoding="utf-8")  # noqa: SIM115
            faulthandler.enable(file=self._fault_file, all_threads=True)

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None
        if self._fault_file is not None:
            faulthandler.disable()
            self._fault_file.close()
            self._fault_file = None

    def excepthook(self, kind: type[BaseException], error: BaseException, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        self._log(kind, error, tb, threading.current_thread().name)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        self._log(args.exc_type, args.exc_value, args.exc_traceback, args.thread.name if args.thread else "?")

    def _log(self, kind, error: BaseException, tb, thread: str) -> None:
        text = "".join(traceback.format_exception(kind, error, tb))
        log.critical("unexpected error on thread %s:\n%s", thread, text.rstrip())
        self.crashed.emit(summary_of(error))

    def _report(self, summary: str) -> None:
        self.errors.append(summary)
        app = QApplication.instance()
        if app is None or QThread.currentThread() is not app.thread():
            return
        self.dialog_factory(summary, self.log_folder)

    def _show_dialog(self, summary: str, folder: Path) -> CrashDialog:
        """One dialog at a time: errors that follow the first are in the log, not in more dialogs."""
        if self.dialog is not None and self.dialog.isVisible():
            return self.dialog
        dialog = CrashDialog(summary, str(folder / "sett.log"), self.parent_window())
        dialog.open_log_folder.connect(lambda: self.open_folder(folder))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: CrashDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
