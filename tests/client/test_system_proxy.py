"""The API goes out through the system's proxy: with HTTP_PROXY naming a proxy, a request to the panel goes
through it; NO_PROXY sends it straight to the panel. (The web view's half: tests/e2e/test_system_proxy.py.)"""
from __future__ import annotations

from app.api import PanelClient
from tests.support.forward_proxy import ForwardProxy, as_system_proxy


def test_api_requests_go_through_the_system_proxy_and_no_proxy_is_honoured(panel, monkeypatch):
    proxy = ForwardProxy()
    try:
        as_system_proxy(monkeypatch, proxy)
        with PanelClient(panel.url, max_retries=0) as client:
            assert client.public_settings() is not None
        assert proxy.through(panel.url + "/api/v1/") == [("GET", panel.url + "/api/v1/settings/public")]

        for name in ("NO_PROXY", "no_proxy"):
            monkeypatch.setenv(name, "127.0.0.1,localhost")
        with PanelClient(panel.url, max_retries=0) as client:
            assert client.public_settings() is not None
        assert len(proxy.through("/api/v1/")) == 1            # straight to the panel this time
    finally:
        proxy.close()
