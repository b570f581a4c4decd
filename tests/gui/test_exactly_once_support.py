"""A reply or a new ticket answered with something Sett cannot read (HTML from a proxy, a wrong shape), a 5xx naming
a refusal's code, or a 4xx the contract does not name: the panel may have written it, so the page says so and Send
again goes with the same Idempotency-Key (`app.api.panel_may_have_acted`), answered with that message, never a
second copy (the key used to be dropped as if the panel had refused)."""
from __future__ import annotations

import pytest

from app.api import ApiError, BadAnswer, ValidationFailed
from app.core.account_data import AccountData
from app.features.support import SupportPages
from app.views.support import SupportSection

from .test_session_glue import CannedClient, add, sessions, settle  # noqa: F401 - the fixture
from .test_support_glue import TICKET, _next

FAULTS = {"an answer Sett cannot read": lambda: BadAnswer("The panel sent an answer Sett does not understand.",
                                                         resource="ticket reply"),
          "5xx naming a refusal's code": lambda: ValidationFailed("Odd.", status=500, code="validation_error"),
          "4xx the contract does not name": lambda: ApiError("Bad request.", status=400)}
SAID = {"an answer Sett cannot read": "does not understand", "5xx naming a refusal's code": "Odd.",
        "4xx the contract does not name": "Bad request."}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_reply_the_panel_may_have_written_is_sent_again_with_its_key(sessions, qtbot, fault):  # noqa: F811
    replies = [FAULTS[fault](), {"id": "m-2", "author": {"name": "Ann", "staff": False}, "body": "Again"}]
    client = CannedClient({"ticket": TICKET, "reply_ticket": lambda *a, **k: _next(replies)})
    session = add(sessions, client)
    sessions.select(session.id)
    section = SupportSection()
    qtbot.addWidget(section)
    SupportPages(sessions, section)
    section.show_data(AccountData(session.id, public_settings={"tickets_enabled": True}, tickets=[TICKET],
                                  last_synced_at="2026-12-01T10:00:00Z"))
    assert section.open_ticket("t-1")
    settle()
    section.page.reply_box.setPlainText("Again")
    section.page.send()
    settle()
    assert SAID[fault] in section.page.message.text()
    section.page.send()
    settle()
    keys = [kwargs["key"] for name, _args, kwargs in client.calls if name == "reply_ticket"]
    assert len(keys) == 2 and keys[0] == keys[1]
    assert section.page.message.text() == "Reply sent."
