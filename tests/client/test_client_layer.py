"""app.api is the no-Qt layer: importing it (and using it) must not pull in PySide6."""
from __future__ import annotations

import subprocess
import sys

from tests.support.panel import ROOT


def test_app_api_never_imports_qt():
    code = ("import sys, app.api, app.api.client, app.api.transport; "
            "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')); "
            "print(loaded); sys.exit(1 if loaded else 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


def test_importing_the_data_layers_does_not_load_pydantic():
    # The UI thread imports app.api and app.sync at start-up; the schemas (pydantic, ~120 ms) load with the first
    # answer checked, on a worker.
    code = ("import sys, app.api, app.sync, app.cache; "
            "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core')); "
            "print(loaded); sys.exit(1 if loaded else 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_first_transport_loads_requests_without_a_charset_detector():
    # requests' detector (charset_normalizer, ~3 MB resident) guesses encodings Sett never asks for; it is hidden
    # while the first transport imports requests, silently, and stays importable for anything else.
    code = """
import sys, warnings
warnings.simplefilter("error")
from app.api import trust
from app.api.transport import Transport
trust.use_system_trust_store()
Transport("http://127.0.0.1:9")
import requests, requests.compat
assert "charset_normalizer" not in sys.modules and "chardet" not in sys.modules, sorted(sys.modules)
assert requests.compat.chardet is None
response = requests.Response()
response._content = "Grüße".encode()
response.headers["Content-Type"] = "text/plain"
assert response.apparent_encoding == "utf-8"
import charset_normalizer  # hidden only while requests was imported
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stdout + done.stderr
