"""Request cancellation on a service's page while the panel is reachable, and the answer is lost on the way (the
connection drops after the panel may have acted): before, the page said it failed and a second press sent a new
key, which the panel refuses ("already open") when the first one had arrived. Now the request goes to the outbox
with the key it was sent with, and is sent again exactly once when the panel answers."""
from __future__ import annotations

from app.api import NetworkError
from app.session.operations import outbox as outbox_ops

from .test_drift_actions import Panel, canned_app, later, service, settle, signed_in  # noqa: F401 - the fixture


def test_a_cancellation_whose_answer_was_lost_is_queued_with_its_key_and_sent_once(canned_app, qtbot):  # noqa: F811
    app = canned_app
    received: list[str] = []            # the keys the panel saw
    answered: list[str] = []            # the keys whose answer reached Sett
    lost = [True]

    def request_cancellation(service_id, *, type, reason, key=None):  # noqa: A002 - the typed call's name
        received.append(key)
        if lost[0]:
            raise NetworkError("The connection to the panel was lost.")
        answered.append(key)
        return {"id": "cr-1", "type": type, "reason": reason, "status": "pending"}

    requested = later(service(1, "active"), cancellation={"id": "cr-1", "type": "immediate",
                                                          "reason": "Moving away", "status": "pending"})
    client = Panel({"request_cancellation": request_cancellation, "service": lambda _id: requested})
    session = signed_in(app, client, services=[service(1, "active")])
    window = app.window
    window.select_section("services")
    services = window.sections["services"]
    assert services.open_service("s-1")
    page = services.page
    dialog = page.open_cancel_dialog()
    dialog.immediate.setChecked(True)
    dialog.reason.setPlainText("Moving away")
    dialog.submit.click()
    settle()

    key = received[0]
    assert set(received) == {key}       # (the syncs that follow try the outbox again: with the same key)
    assert "waiting in the Outbox" in page.cancellation.text()
    (entry,) = _entries(session)
    assert entry["id"] == key and entry["status"] in ("queued", "sending")

    lost[0] = False                     # the panel answers again: the outbox sends it, with the same key, once
    session.run(outbox_ops.replay)
    settle()
    session.run(outbox_ops.replay)
    settle()
    assert set(received) == {key} and answered == [key]
    assert [e["status"] for e in _entries(session)] == ["sent"]


def _entries(session) -> list[dict]:
    got: list = []
    session.run(outbox_ops.entries, on_done=got.append)
    settle()
    return got[-1]
