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
