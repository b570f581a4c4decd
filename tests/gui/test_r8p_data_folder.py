"""README, Where Sett keeps your data: "A folder Sett cannot make or write, or a file where the folder should be, is
refused in one line before anything is written: `sett` and `sett export` exit 2 for a `--data-dir`, 1 for the
platform's own folder". tests/gui/test_command_line.py checks `sett --data-dir FILE`; here the platform's own folder
(platformdirs' `$XDG_DATA_HOME/Sett` on Linux) with a file in its place, for `sett` and `sett export`, as a user
runs them."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the platform's folder is named by XDG_DATA_HOME")


def run_sett(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def file_in_its_place(tmp_path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "home").mkdir()
    blocker = tmp_path / "data" / "Sett"
    blocker.write_text("not a folder")
    return blocker


def test_sett_refuses_a_file_in_place_of_its_folder_in_one_line_with_exit_1(tmp_path, file_in_its_place):
    done = run_sett(tmp_path, "--smoke-test")
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "is a file, not a folder" in lines[0], lines
    assert file_in_its_place.read_text() == "not a folder"


def test_sett_export_refuses_a_file_in_place_of_its_folder_in_words_with_exit_1(tmp_path, file_in_its_place):
    out = tmp_path / "invoices.csv"
    done = run_sett(tmp_path, "export", "invoices", "-o", str(out))
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "is a file, not a folder" in lines[0], lines
    assert file_in_its_place.read_text() == "not a folder" and not out.exists()
