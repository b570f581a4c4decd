"""The Support feature's glue with canned panel answers: a reply whose answer was lost is sent again with the SAME
Idempotency-Key (the panel then answers the first message instead of writing a second), a new attempt gets a new
key, and a refused reply is not retried under its old key."""
from __future__ import annotations

from app.api import NetworkError, ValidationFailed
from app.cache import open_account_cache
from app.core.account_data import AccountData
from app.features.support import SupportPages
from app.views.support import SupportSection

from .test_session_glue import CannedClient, add, sessions, settle  # noqa: F401 - the fixture

TICKET = {"id": "t-1", "ticket_number": "TKT-000001", "subject": "Help", "status": "answered",
          "department": "billing", "related": {"invoice_id": None, "service_id": None},
          "updated_at": "2026-12-01T10:00:00Z",
          "messages": [{"id": "m-1", "author": {"name": "Ann", "staff": False}, "body": "Hi"}]}


def test_a_lost_reply_is_resent_with_its_key_and_a_new_one_gets_another(sessions, qtbot):  # noqa: F811
    replies = [NetworkError("The panel could not be reached."), {"id": "m-2", "body": "Again"},
               ValidationFailed("The message is empty."), {"id": "m-3", "body": "Third"}]
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

    def keys() -> list[str]:
        return [kwargs["key"] for name, _args, kwargs in client.calls if name == "reply_ticket"]

    section.page.reply_box.setPlainText("Again")
    section.page.send()
    settle()
    assert "could not be reached" in section.page.message.text()
    assert section.page.reply_box.toPlainText() == "Again"         # the draft stays for the retry
    section.page.send()
    settle()
    assert len(keys()) == 2 and keys()[0] == keys()[1]
    assert section.page.message.text() == "Reply sent."
    with open_account_cache(session.id) as cache:      # the key went with the attempt it was kept for
        assert cache.kept_keys() == []
    section.page.reply_box.setPlainText("Third")
    section.page.send()
    settle()
    section.page.send()                                             # refused (422): a new attempt, a new key
    settle()
    assert len(set(keys())) == 3


def _next(answers: list):
    answer = answers.pop(0)
    if isinstance(answer, BaseException):
        raise answer
    return answer
