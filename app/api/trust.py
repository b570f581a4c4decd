"""HTTPS trusts what the operating system trusts (truststore), not only certifi's bundle: behind a corporate proxy
that inspects TLS with its own CA (installed in the OS store), the checkout page (Chromium, which uses the OS store)
worked while every sync failed with a certificate error.

Injected once at start (app/__main__.py), before any request opens a connection; where the OS store cannot be
used (an old system, an unsupported platform) requests keeps certifi and the log says so.
"""
from __future__ import annotations

import logging
import ssl

log = logging.getLogger("app.trust")     # not app.api, which logs only warnings unless --verbose
_done = False


def use_system_trust_store() -> bool:
    """True when HTTPS now verifies against the OS trust store."""
    global _done
    if _done:
        return True
    try:
        import truststore

        truststore.inject_into_ssl()
    except (ImportError, OSError, ssl.SSLError, RuntimeError) as exc:
        log.warning("HTTPS keeps certifi's certificates: the system trust store is unavailable (%s)", exc)
        return False
    _done = True
    log.info("HTTPS verifies certificates against the system trust store")
    return True
