"""Removing an account drops what waits in its Outbox (the outbox lives in the account's cache): the question
before removing says how many actions will never be sent, and follows the count while the dialog is open."""
from __future__ import annotations

from app.session.operations import outbox as outbox_ops

from .test_drift_actions import canned_app, service, settle, signed_in  # noqa: F401 - canned_app is the fixture
from .test_session_glue import CannedClient


def test_the_question_before_removing_counts_the_actions_that_will_never_be_sent(canned_app, qtbot):  # noqa: F811
    app = canned_app
    session = signed_in(app, CannedClient({}), services=[service(1, "active")])
    manage = app.open_manage_dialog()
    manage.remove_button.click()
    assert manage.confirm.isVisible() and "Remove Canned?" in manage.confirm_text.text()
    assert "Outbox" not in manage.confirm_text.text()          # nothing waits: nothing more to say
    manage.confirm.hide()

    for n in (1, 2):     # two actions queued offline while the dialog is open
        session.run(outbox_ops.queue_cancellation, service(1, "active")["id"], "immediate", f"Reason {n}",
                    app.sessions.outbox.new_key(), "Cancel Plan 1")
        settle()
        qtbot.waitUntil(lambda n=n: app.sessions.outbox.pending.get(session.id) == n, timeout=5_000)
        if n == 1:
            manage.remove_button.click()
            assert "1 action waiting in the Outbox will never be sent." in manage.confirm_text.text()
            manage.confirm.hide()
    manage.remove_button.click()
    assert "2 actions waiting in the Outbox will never be sent." in manage.confirm_text.text()
    manage.confirm_button.click()
    qtbot.waitUntil(lambda: not app.sessions.accounts(), timeout=5_000)
    assert session.id not in app.sessions.outbox.pending
