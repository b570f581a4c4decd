"""The web view (the checkout page's QtWebEngine) goes out through the system's proxy once Sett follows it: a page
on a name that resolves nowhere loads, answered by the proxy; with Qt's system configuration off it does not (what
follow_system_proxy() guards against). (The API's half: tests/client/test_system_proxy.py.)"""
from __future__ import annotations

from PySide6.QtNetwork import QNetworkProxyFactory
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView

from app.shell.system_proxy import follow_system_proxy
from tests.gui.conftest import WAIT
from tests.support.forward_proxy import ForwardProxy, as_system_proxy

PAGE_HOST = "checkout.sett-proxy.test"      # only a proxy can answer for it


def load(qtbot, url: str) -> tuple[bool, str]:
    """Whether `url` loaded in a new web view (its own profile, as each checkout has), and its title."""
    profile = QWebEngineProfile()           # off the record, like the checkout's; it reads the proxy settings anew
    view = QWebEngineView()
    try:
        view.setPage(QWebEnginePage(profile, view))
        with qtbot.waitSignal(view.loadFinished, timeout=WAIT) as loaded:
            view.load(url)
        if loaded.args[0]:
            qtbot.waitUntil(lambda: bool(view.title()) and view.title() not in url, timeout=WAIT)
        return loaded.args[0], view.title()
    finally:
        view.close()
        view.deleteLater()                  # the page goes before its profile (QtWebEngine warns otherwise)
        qtbot.wait(50)


def test_the_web_view_loads_through_the_system_proxy(monkeypatch, qtbot):
    proxy = ForwardProxy()
    proxy.answers[PAGE_HOST] = "<html><head><title>Through the proxy</title></head><body>ok</body></html>"
    as_system_proxy(monkeypatch, proxy)
    try:
        QNetworkProxyFactory.setUseSystemConfiguration(False)
        assert load(qtbot, f"http://{PAGE_HOST}/direct")[0] is False     # straight out: the name resolves nowhere
        assert not proxy.seen

        follow_system_proxy()
        assert load(qtbot, f"http://{PAGE_HOST}/pay") == (True, "Through the proxy")
        assert ("GET", f"http://{PAGE_HOST}/pay") in proxy.seen
    finally:
        QNetworkProxyFactory.setUseSystemConfiguration(True)     # Qt 6's default
        proxy.close()
