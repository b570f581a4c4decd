"""requests, imported once for the whole app, without a character-set detector.

At import, requests loads chardet or charset_normalizer for `Response.apparent_encoding`, its guess of a body's
encoding when the headers name none: about 3 MB resident with ten accounts (2026-12-06, `bench memory`: 112 ->
109 MB). Sett never asks for that guess: bodies are read and decoded by `body.read_body` and `response.ApiResponse`
(JSON is UTF-8, RFC 8259), so requests is imported with both detectors hidden, which it supports (its
`apparent_encoding` then answers "utf-8") and reports with a `RequestsDependencyWarning`, silenced here. The
detectors are hidden only while requests is imported: anything else may still import them.

`load()` is called before the first transport's trust-store injection (truststore imports requests to patch it)
and its session; if something imported requests first (a test, a tool), that import stands.
"""
from __future__ import annotations

import sys
import threading
import warnings
from types import ModuleType

DETECTORS = ("chardet", "charset_normalizer")
_lock = threading.Lock()   # workers of several accounts make their first transports together


def load() -> ModuleType:
    """The requests module, imported now if it is not yet (without a character-set detector)."""
    with _lock:
        if "requests" not in sys.modules:
            _import_without_detectors()
    import requests

    return requests


def _import_without_detectors() -> None:
    hidden = [name for name in DETECTORS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]   # None in sys.modules: "import name" fails
    warnings.filterwarnings("ignore", message="Unable to find acceptable character detection dependency",
                            module="requests")
    try:
        import requests  # noqa: F401
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
