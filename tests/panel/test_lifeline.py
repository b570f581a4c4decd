"""A panel started with a lifeline (as the desktop demo starts its own) stops when the process that started it ends,
however it ends: a Sett that crashed left its demo panel running with no parent, its folder behind."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import requests

from panel.launcher import ListeningProcess, serve_args

ROOT = Path(__file__).resolve().parents[2]

# The parent: starts the panel, says where it is, then dies without stopping it (as a crash would).
PARENT = """
import json, os, sys, tempfile
from pathlib import Path
from panel.launcher import ListeningProcess, serve_args
folder = Path(tempfile.mkdtemp(prefix="sett-lifeline-"))
args = serve_args(folder / "panel.db", lifeline=True, temporary_folder=folder)
panel = ListeningProcess(args, name="panel", cwd=sys.argv[1], lifeline=True).start()
print(json.dumps({"pid": panel.proc.pid, "folder": str(folder), "url": panel.url}), flush=True)
os._exit(3)
"""


def gone(pid: int) -> bool:
    try:
        finished, _ = os.waitpid(pid, os.WNOHANG)     # our grandchild is not ours to reap: ChildProcessError
    except ChildProcessError:
        finished = 0
    if finished:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "State:\tZ" in status.read_text()


def test_the_panel_stops_and_removes_its_folder_when_its_starter_dies():
    done = subprocess.run([sys.executable, "-c", PARENT, str(ROOT)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 3, done.stderr[-2000:]
    started = json.loads(done.stdout.strip().splitlines()[-1])
    deadline = time.monotonic() + 60          # a bound for a stuck test, not a measure of speed
    while not gone(started["pid"]) and time.monotonic() < deadline:
        time.sleep(0.1)
    try:
        assert gone(started["pid"]), "the panel outlived the process that started it"
        while Path(started["folder"]).exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not Path(started["folder"]).exists()
    finally:
        if not gone(started["pid"]):
            os.kill(started["pid"], 9)


def test_a_panel_without_a_lifeline_ignores_its_standard_input(tmp_path):
    """An operator's panel started from a shell and put in the background keeps serving whatever stdin does."""
    with ListeningProcess(serve_args(tmp_path / "panel.db"), name="panel", cwd=ROOT) as panel:
        assert panel.proc.stdin is None
        assert requests.get(panel.url + "/api/v1/health", timeout=10).status_code == 200
