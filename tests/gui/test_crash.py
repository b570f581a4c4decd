"""Crash capture: an exception raised in a Qt slot or a worker thread lands in the log with its traceback and shows
the dialog (which offers the log folder); a hard crash leaves its stacks in crash.log."""
from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from app.__main__ import setup_logging
from app.shell.crash import FAULT_LOG, CrashReporter

from .conftest import WAIT

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.qt_no_exception_capture     # the reporter, not pytest-qt, is what catches them here


@pytest.fixture
def logged(data_dir):
    """The app's logging into the data folder's logs/sett.log, removed afterwards."""
    from app import paths

    root = logging.getLogger()
    before = list(root.handlers)
    setup_logging(verbose=False)
    yield paths.log_dir()
    for handler in root.handlers[len(before):]:
        handler.close()
        root.removeHandler(handler)


@pytest.fixture
def reporter(logged, qtbot):
    button = QPushButton("Go")
    qtbot.addWidget(button)
    crashes = CrashReporter(logged, lambda: button)
    crashes.install(fault_handler=False)
    yield crashes, button
    crashes.uninstall()
    if crashes.dialog is not None:
        crashes.dialog.done(0)


def failing_slot() -> None:
    raise ValueError("the total is not a number")


def test_an_exception_in_a_slot_is_logged_with_its_traceback_and_shown(reporter, logged, qtbot):
    crashes, button = reporter
    shown: list[tuple[str, Path]] = []
    crashes.dialog_factory = lambda summary, folder: shown.append((summary, folder))
    button.clicked.connect(failing_slot)
    button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT)
    assert shown == [("ValueError: the total is not a number", logged)]
    text = (logged / "sett.log").read_text(encoding="utf-8")
    assert "CRITICAL app.crash: unexpected error on thread MainThread" in text
    assert "Traceback (most recent call last)" in text and "in failing_slot" in text
    assert "ValueError: the total is not a number" in text


def test_the_dialog_says_what_happened_offers_the_log_folder_and_does_not_block(reporter, logged, qtbot):
    crashes, button = reporter
    button.show()
    opened: list[Path] = []
    crashes.open_folder = opened.append
    button.clicked.connect(failing_slot)
    button.click()                       # returns: the dialog is open, not exec()ed
    qtbot.waitUntil(lambda: crashes.dialog is not None and crashes.dialog.isVisible(), timeout=WAIT)
    dialog = crashes.dialog
    assert "ValueError: the total is not a number" in dialog.informativeText()
    assert str(logged / "sett.log") in dialog.informativeText()
    dialog.folder_button.click()
    assert opened == [logged] and dialog.isVisible()     # the folder opens; the dialog stays
    button.click()                                        # a second error: still one dialog
    qtbot.waitUntil(lambda: len(crashes.errors) == 2, timeout=WAIT)
    assert crashes.dialog is dialog
    dialog.close_button.click()
    qtbot.waitUntil(lambda: crashes.dialog is None, timeout=WAIT)


def test_an_exception_on_a_worker_thread_is_logged_and_shown_on_the_gui_thread(reporter, logged, qtbot):
    crashes, _button = reporter
    shown: list[str] = []
    crashes.dialog_factory = lambda summary, folder: shown.append(summary)
    worker = threading.Thread(target=failing_slot, name="sync-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT)
    assert shown == ["ValueError: the total is not a number"]
    assert "unexpected error on thread sync-worker" in (logged / "sett.log").read_text(encoding="utf-8")


def test_a_hard_crash_leaves_its_stacks_in_the_crash_log(tmp_path):
    script = ("import faulthandler, sys\nfrom pathlib import Path\nfrom app.shell.crash import CrashReporter\n"
              "CrashReporter(Path(sys.argv[1])).install()\nfaulthandler._sigsegv()\n")
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path)], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode != 0
    text = (tmp_path / FAULT_LOG).read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text and "<module>" in text
