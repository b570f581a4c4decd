"""HTTPS trusts what the operating system trusts (truststore), not only certifi's bundle: behind a corporate proxy
that inspects TLS with its own CA (installed in the OS store), the checkout page (Chromium, which uses the OS store)
worked while every sync failed with a certificate error.

Asked for once at start (app/__main__.py) and injected when the first API transport is made (`apply`, called by
`Transport`), on the worker about to send the first request: injecting imports requests and urllib3 (truststore
patches both), ~75 ms that the UI thread would otherwise spend before the window's first paint. Every request goes
through a transport (only app/api talks HTTP), so none opens a connection before the injection. Where the OS store
cannot be used (an old system, an unsupported platform) requests keeps certifi and the log says so.
"""
from __future__ import annotations

import logging
import threading

log = logging.getLogger("app.trust")     # not app.api, which logs only warnings unless --verbose
_wanted = False
_in_use: bool | None = None              # None until tried once: a failure is logged once, not per transport
_lock = threading.Lock()                 # workers of several accounts may make their first transport together


def use_system_trust_store() -> None:
    """From now on, HTTPS verifies against the OS trust store: injected before the first request (see `apply`)."""
    global _wanted
    _wanted = True


def apply() -> bool:
    """Inject the OS trust store if it was asked for and is not in use yet; True when HTTPS now uses it."""
    global _in_use
    if not _wanted:
        return False
    with _lock:
        if _in_use is None:
            import ssl  # here: main() imports this module before the first paint, and ssl loads OpenSSL (~9 ms)

            try:
                import truststore

                truststore.inject_into_ssl()
            except (ImportError, OSError, ssl.SSLError, RuntimeError) as exc:
                log.warning("HTTPS keeps certifi's certificates: the system trust store is unavailable (%s)", exc)
                _in_use = False
            else:
                log.info("HTTPS verifies certificates against the system trust store")
                _in_use = True
        return _in_use
