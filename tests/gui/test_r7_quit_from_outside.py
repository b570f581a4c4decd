"""A quit nobody asked for in the window (SIGTERM from the session ending or `kill`) while a card payment is open in
the checkout dialog ends Sett without asking "Leave the payment?": it asked, and Sett kept running until someone
answered, which at a session's end nobody does. The user's own quit (the tray's Quit) still asks, and "No" keeps
Sett running. Run as `python -m app` starts: create_app's application and main()'s signal handlers, in a process
of its own (a signal and a real event loop)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import sys
from types import SimpleNamespace

from app import paths

paths.use_data_dir(sys.argv[1])
from PySide6.QtCore import QTimer

from app.__main__ import create_app
from app.secrets import SecretStore
from app.shell.quitting import quit_as_asked, quit_on_signals
from app.views.checkout import CheckoutDialog

app, sett = create_app(secrets=SecretStore.memory_only(), keyring_note=False)
quit_on_signals(app)
sett.start(show=True)
# The gateway's card page open in the dialog, as the checkout feature holds it (no web engine needed to ask).
dialog = CheckoutDialog("Checkout", sett.window)
dialog.web = SimpleNamespace(page=SimpleNamespace(done=False), dispose=lambda: None)
dialog.stack.setCurrentWidget(dialog.web_page)
dialog.confirm_leave = lambda: print("asked", flush=True) or False       # "No": the payment stays open
sett.features["checkout"].open_sessions.append(SimpleNamespace(dialog=dialog))
dialog.open()
wake = QTimer()
wake.start(100)
wake.timeout.connect(lambda: None)
def ready():
    if sys.argv[2] == "tray":
        quit_as_asked()             # the tray's Quit: asks, and "No" keeps Sett running
        print("still running", dialog.isVisible(), flush=True)
        dialog.confirm_leave = lambda: True
        quit_as_asked()
    else:
        print("paying", dialog.paying, flush=True)
QTimer.singleShot(300, ready)
code = app.exec()
sett.shutdown()
print("quit", code, flush=True)
"""


def run(tmp_path: Path, how: str, sig: int | None = None) -> tuple[int, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, str(tmp_path / "data"), how], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        if sig is not None:
            line = proc.stdout.readline()
            assert line.strip() == "paying True", line + proc.stderr.read()
            proc.send_signal(sig)
        out, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise AssertionError(f"Sett kept running after {how}: {out}{err}") from None
    return proc.returncode, out


def test_sigterm_with_a_card_payment_open_quits_without_asking(tmp_path):
    started = time.monotonic()
    code, out = run(tmp_path, "signal", signal.SIGTERM)
    assert "asked" not in out
    assert code == 0 and "quit 0" in out
    assert time.monotonic() - started < 20


def test_the_trays_quit_still_asks_about_the_payment(tmp_path):
    code, out = run(tmp_path, "tray")
    assert out.splitlines()[:3] == ["asked", "still running True", "quit 0"], out
    assert code == 0
