"""Suite-wide setup: headless Qt for the GUI tests to come, and the real panel for HTTP tests."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
# The tests' panels live on 127.0.0.1: a proxy in the environment they run in must not carry that traffic (the app
# follows the system proxy; tests/client/test_system_proxy.py sets its own and clears this).
_exempt = os.environ.get("NO_PROXY") or os.environ.get("no_proxy") or ""
for _name in ("NO_PROXY", "no_proxy"):
    os.environ[_name] = ",".join(part for part in (_exempt, "127.0.0.1", "localhost") if part)

# Qt requires QtWebEngine to be loaded before the QApplication (pytest-qt's qapp) exists.
import PySide6.QtWebEngineWidgets  # noqa: E402, F401

# The real panel and its admin, shared by the HTTP, client and GUI tests.
pytest_plugins = ["tests.support.fixtures"]

import logging  # noqa: E402

import pytest  # noqa: E402

# The loggers whose levels the app's logging setup (app.__main__.setup_logging) sets. Tests that run it in process
# (Sett's main, the crash reporter's and the keyring's log files) left app.api at WARNING for every later test in the
# same process, so a test reading app.api's INFO lines (tests/gui/test_quit.py) passed or failed by which files ran
# before it in that process (it failed on two processes).
_SET_BY_THE_APP = ("", "urllib3", "app.api")


@pytest.fixture(autouse=True)
def _logging_levels_restored():
    levels = {name: logging.getLogger(name).level for name in _SET_BY_THE_APP}
    yield
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)
