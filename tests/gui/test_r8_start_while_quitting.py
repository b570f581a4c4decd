"""Quit, then start again at once: the quitting Sett has stopped listening but still holds the folder's lock for a
moment. The new start used to try to hand over for 10 s and then give up ("cannot reach it", and no window); it now
takes the lock as soon as the old process lets go. A holder that neither answers nor ends still gets a message
that says what to do."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.shell.single_instance import LOCK_NAME, HandoverError, claim_or_hand_over

HOLD = """
import sys, time
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
lock.setStaleLockTime(0)
assert lock.tryLock(0)
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
lock.unlock()
"""


def holder(data: Path, seconds: float) -> subprocess.Popen:
    """A process that holds the folder's lock for `seconds` without listening, as a Sett that is quitting."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(data / LOCK_NAME), str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def end(proc: subprocess.Popen) -> None:
    proc.kill()
    proc.wait()
    proc.stdout.close()


def test_a_start_made_while_the_last_sett_quits_takes_the_folder_once_it_is_free(tmp_path):
    proc = holder(tmp_path, 1.5)
    try:
        guard = claim_or_hand_over(tmp_path, [], timeout=30)
        assert guard is not None                    # this start runs: it did not give up on the quitting one
        assert proc.wait(10) == 0
        guard.release()
    finally:
        end(proc)


def test_a_holder_that_never_answers_is_named_with_what_to_do(tmp_path):
    proc = holder(tmp_path, 60)
    try:
        with pytest.raises(HandoverError, match="start Sett again in a moment"):
            claim_or_hand_over(tmp_path, [], timeout=1.5)
    finally:
        end(proc)
