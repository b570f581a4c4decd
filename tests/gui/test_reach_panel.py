"""Signed out and offline, as a user meets them against the real panel on the Credits screen: signed out (the panel
refused the session), the top-up note says to sign in again; signing in while the panel is down, the prompt says
the panel cannot be reached (not that the session ended) and signs in by itself once it is back; offline (signed
in, the panel gone), the note says a connection is needed."""
from __future__ import annotations

from urllib.parse import urlsplit

from app.views import login_prompt
from tests.support.catalogue import Shop
from tests.support.clock import advance_clock
from tests.support.panel import USER_PASSWORD

from .conftest import WAIT, add_account, admin_of


def test_credits_say_sign_in_when_signed_out_and_offline_when_offline(make_app, private_panel, tmp_path, qtbot,
                                                                      monkeypatch):
    monkeypatch.setattr(login_prompt, "RETRY_SECONDS", 2)    # a test need not wait 15 s
    workdir = tmp_path / "panel"
    proc = private_panel(workdir)
    port = urlsplit(proc.url).port
    user = Shop(admin_of(proc)).user(credits="7.00")
    app = make_app()
    account = add_account(qtbot, app, proc.url, user.user["email"])
    window = app.window
    window.select_section("credits")
    credits = window.sections["credits"]
    assert credits.top_up_message.text() == ""

    advance_clock(proc, 8)     # both tokens have expired: the panel ends the session at the next sync
    with qtbot.waitSignal(app.sync_failed, timeout=WAIT):
        window.sidebar.sync_button.click()
    qtbot.waitUntil(lambda: app.prompt is not None and app.prompt.isVisible(), timeout=WAIT)
    prompt = app.prompt
    assert "has ended" in prompt.message.text()
    note = credits.top_up_message.text()
    assert note.startswith("Signed out") and "sign in again" in note and "reconnect" not in note, note
    assert not credits.top_up_button.isEnabled() and "sign in again" in credits.top_up_button.toolTip()

    # The panel goes away while the user signs in: the prompt says it cannot be reached, not that the session ended.
    proc.stop()
    prompt.secret_edit.setText(USER_PASSWORD)
    prompt.sign_in_button.click()
    qtbot.waitUntil(lambda: prompt.error.isVisible(), timeout=WAIT)
    heading = prompt.message.text()
    assert "cannot reach the panel" in heading and "has ended" not in heading, heading
    assert "keeps the data it saved" in heading and "could not be reached" in prompt.error.text()
    assert credits.top_up_message.text().startswith("Signed out")     # nothing was accepted yet
    # Back on the same address, the prompt's own retry signs in; the note goes.
    proc = private_panel(workdir, extra_args=["--port", str(port)])
    qtbot.waitUntil(lambda: app.prompt is None and not app.sessions.get(account.id).needs_login, timeout=WAIT)
    qtbot.waitUntil(lambda: window.status.state == "online", timeout=WAIT)
    assert credits.top_up_message.text() == "" and not prompt.isVisible()

    # Signed in and the panel gone: offline, and the note says so (Sett reconnects; no sign-in is asked).
    proc.stop()
    qtbot.waitUntil(lambda: window.status.state == "offline", timeout=WAIT)
    note = credits.top_up_message.text()
    assert note.startswith("Offline") and "connection" in note and "Signed out" not in note, note
    assert "Outbox" in credits.top_up_button.toolTip() and app.prompt is None
