"""A start stopped by the data folder's lock (a running Sett that does not answer the hand-over, a lock that cannot
be made) says so in a message box as well as on stderr: from a desktop launcher nobody reads stderr, and Sett
seemed to do nothing. The box has a sentence saying what to do and the detail under it, no traceback; a headless
run or a session without a display gets no box (it would hang the start), only stderr."""
from __future__ import annotations

import subprocess
import sys

import pytest

from app.shell import start_refused
from app.shell.single_instance import HandoverError
from app.shell.start_refused import can_show_a_box, message_box, tell_start_refused

from .test_r8_start_while_quitting import end, holder

HANDOVER = HandoverError("Sett is already running on this data folder, but it did not answer. If it is closing, "
                         "start Sett again in a moment.")

SECOND_START = """
import sys
from app import __main__ as entry
from app.shell import single_instance, start_refused

real = single_instance.claim_or_hand_over
single_instance.claim_or_hand_over = lambda folder, links, timeout=1.0: real(folder, links, timeout=1.0)
start_refused.can_show_a_box = lambda headless: True        # as on a desktop
start_refused._show = lambda error: print("BOX:", start_refused.sentence(error), "|", error, flush=True)
sys.exit(entry.main(["--data-dir", sys.argv[1]]))
"""


def test_the_box_says_what_to_do_with_the_detail_under_it_and_no_traceback(qapp):
    box = message_box(HANDOVER)
    assert box.text().startswith("Sett is already running")
    assert "start it again in a moment" in box.text()
    assert box.informativeText() == str(HANDOVER)
    assert "Traceback" not in box.text() + box.informativeText() + box.detailedText()
    box.deleteLater()
    locked = message_box(OSError("Sett cannot lock its data folder /x (error PermissionError)."))
    assert locked.text().startswith("Sett could not start") and "/x" in locked.informativeText()
    locked.deleteLater()


def test_said_on_stderr_and_in_a_box(monkeypatch, capsys):
    shown: list[BaseException] = []
    monkeypatch.setattr(start_refused, "can_show_a_box", lambda headless: not headless)
    tell_start_refused(HANDOVER, show=shown.append)
    assert shown == [HANDOVER]
    assert "did not answer" in capsys.readouterr().err
    tell_start_refused(HANDOVER, headless=True, show=shown.append)          # --smoke-test: stderr only
    assert shown == [HANDOVER]
    assert "did not answer" in capsys.readouterr().err


def test_a_box_that_cannot_be_made_leaves_stderr_saying_it(monkeypatch, capsys):
    monkeypatch.setattr(start_refused, "can_show_a_box", lambda headless: True)

    def broken(_error):
        raise RuntimeError("no display after all")
    tell_start_refused(HANDOVER, show=broken)
    assert "did not answer" in capsys.readouterr().err


@pytest.mark.parametrize(("env", "headless", "shown"), [
    ({"QT_QPA_PLATFORM": "offscreen"}, False, False),
    ({"QT_QPA_PLATFORM": "xcb"}, False, True),
    ({"QT_QPA_PLATFORM": "xcb"}, True, False),
    ({"DISPLAY": ":0"}, False, True),
    ({}, False, not sys.platform.startswith("linux")),
])
def test_a_box_only_where_someone_can_see_it(monkeypatch, env, headless, shown):
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert can_show_a_box(headless) is shown


def test_a_second_start_on_a_folder_whose_sett_does_not_answer_shows_the_box(tmp_path):
    """The whole start, as `sett` runs it: exit 1, the line on stderr, and the box."""
    proc = holder(tmp_path, 60)
    try:
        done = subprocess.run([sys.executable, "-c", SECOND_START, str(tmp_path)], capture_output=True, text=True,
                              timeout=60)
    finally:
        end(proc)
    assert done.returncode == 1, done.stderr
    assert "BOX: Sett is already running for this data folder" in done.stdout
    assert "start Sett again in a moment" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
