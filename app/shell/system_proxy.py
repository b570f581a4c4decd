"""The operating system's proxy settings, for the API and the web view alike.

The API (requests, in app/api) follows them already: its sessions keep `trust_env`, so each request asks
urllib.request.getproxies() -- the HTTP(S)_PROXY variables, else the Windows registry (Internet Options) or macOS's
System Settings (SystemConfiguration) -- and honours NO_PROXY and the system's bypass list the same way.

The web view (QtWebEngine, the checkout page) follows Qt's application proxy, which by default is none: a company
network that only lets traffic out through its proxy showed a blank payment page while syncs worked. Qt's
"system configuration" reads the same places (the registry, SystemConfiguration, the *_proxy variables or libproxy on
Linux), so both halves of Sett go out the same way. Called once, before the first page loads.
"""
from __future__ import annotations

from PySide6.QtNetwork import QNetworkProxyFactory


def follow_system_proxy() -> None:
    QNetworkProxyFactory.setUseSystemConfiguration(True)
