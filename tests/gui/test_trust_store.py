"""A start injects the OS trust store before any request: requests' connections use truststore's SSLContext.
Run in a process of its own, since the injection is global."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import ssl, sys
import truststore
import urllib3.util.ssl_
from app.__main__ import main
assert ssl.SSLContext is not truststore.SSLContext
code = main(["--data-dir", sys.argv[1], "--smoke-test", "--timeout", "30"])
assert code == 0, code
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
