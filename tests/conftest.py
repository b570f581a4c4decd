"""Suite-wide setup: headless Qt for the GUI tests to come, and the real panel for HTTP tests."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")

# Qt requires QtWebEngine to be loaded before the QApplication (pytest-qt's qapp) exists.
import PySide6.QtWebEngineWidgets  # noqa: E402, F401

# The real panel and its admin, shared by the HTTP, client and GUI tests.
pytest_plugins = ["tests.support.fixtures"]
