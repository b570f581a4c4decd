"""A reply (or a new ticket) the panel answers with something Sett cannot read (HTML from a proxy, a wrong shape):
the panel may have written it, so Send again goes with the same Idempotency-Key and is answered with that message,
never a second copy of it (the key used to be dropped as if the panel had refused the reply)."""
from __future__ import annotations

from app.api import BadAnswer
from app.core.account_data import AccountData
from app.features.support import SupportPages
from app.views.support import SupportSection

from .test_session_glue import CannedClient, add, sessions, settle  # noqa: F401 - the fixture
from .test_support_glue import TICKET, _next


def test_an_unreadable_answer_to_a_reply_keeps_its_key_for_send_again(sessions, qtbot):  # noqa: F811
    replies = [BadAnswer("The panel sent an answer Sett does not understand.", resource="ticket reply"),
               {"id": "m-2", "author": {"name": "Ann", "staff": False}, "body": "Again"}]
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
    assert "does not understand" in section.page.message.text()
    section.page.send()
    settle()
    keys = [kwargs["key"] for name, _args, kwargs in client.calls if name == "reply_ticket"]
    assert len(keys) == 2 and keys[0] == keys[1]
    assert section.page.message.text() == "Reply sent."
