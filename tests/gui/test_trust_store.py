"""A start asks for the OS trust store and the first API transport injects it, before any request: requests'
connections use truststore's SSLContext. The window's first paint does not wait for it (no requests imported).
Run in a process of its own, since the injection is global."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import ssl, sys
from app.__main__ import main
code = main(["--data-dir", sys.argv[1], "--smoke-test", "--timeout", "30"])
assert code == 0, code
assert "requests" not in sys.modules and "urllib3" not in sys.modules   # a start with no account sent nothing
import truststore
import urllib3.util.ssl_
assert ssl.SSLContext is not truststore.SSLContext
from app.api.transport import Transport
Transport("https://panel.invalid")          # what a worker makes before its first request
assert ssl.SSLContext is truststore.SSLContext
assert urllib3.util.ssl_.SSLContext is truststore.SSLContext   # what requests builds its contexts with
print("trust store in use")
"""


def test_a_start_uses_the_system_trust_store(tmp_path):
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "data")], cwd=ROOT, capture_output=True,
                            text=True, timeout=180, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-3000:]
    assert "trust store in use" in result.stdout
    assert "system trust store" in (tmp_path / "data" / "logs" / "sett.log").read_text(encoding="utf-8")
