"""Sett's German stays whole when its .qm is written over while Sett runs (a new build, or a new bundle copied over
the installed one): loaded by name, Qt mapped the file itself, so the words under the running window changed
(English came back in places) and the next translation crashed Sett with a segmentation fault. Run in a process of
its own, so that the crash it guards against fails this test rather than ending the test run."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .test_translations import compiled_qm

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from app.shell import language

copy = Path(sys.argv[1])
language.qm_path = lambda code: copy
app = QCoreApplication([])
translators = language.install("de", app)
assert translators, "the German .qm did not load"
before = QCoreApplication.translate("StatusBar", "Last synced just now")
with copy.open("r+b") as written_over:        # in place, as cp or a build writes it: the same file, new bytes
    written_over.truncate(0)
    written_over.write(b"\\0" * 64)
print(before)
print(QCoreApplication.translate("StatusBar", "Last synced just now"))
"""


def test_the_words_survive_their_file_being_written_over(tmp_path):
    copy = tmp_path / "sett_de.qm"
    shutil.copyfile(compiled_qm(), copy)
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(copy)], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stderr[-2000:]
    before, after = run.stdout.splitlines()[-2:]
    assert before != "Last synced just now" and after == before
