"""Every ticket keeps its own unsent reply: what was typed in a ticket's reply box is back in that box after opening
another ticket, going back to the list, switching to another account and back, and quitting and starting Sett
again. It is kept in the account's cache (written after a pause in typing or when the page leaves the ticket, never
per keystroke), goes once the reply is sent, and goes with its ticket. The whole window over a synchronous worker
and canned panel answers (tests/gui/test_drift_actions.py)."""
from __future__ import annotations

import copy
import functools

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.api import Credentials, NetworkError
from app.application import Application
from app.cache import CacheChanges, open_account_cache
from app.session.operations import support as support_ops
from app.settings import Settings
from app.views import ticket_page
from app.views.ticket_page import after_sent

from .conftest import close
from .test_drift_actions import CONFIG, LISTS, SYNCED, Panel, canned_app, settle  # noqa: F401 - the fixture

TICKETS_ON = {"public_settings": {**CONFIG["public_settings"], "tickets_enabled": True}}


def ticket(number: int, subject: str) -> dict:
    return {"id": f"t-{number}", "ticket_number": f"TKT-00000{number}", "subject": subject, "status": "answered",
            "department": "technical", "related": {"invoice_id": None, "service_id": None}, "created_at": SYNCED,
            "updated_at": SYNCED, "last_reply_at": SYNCED,
            "messages": [{"id": f"m-{number}", "author": {"name": "Ann", "staff": True}, "body": "Any better?",
                          "created_at": SYNCED}]}


def answers(tickets: list[dict]) -> dict:
    by_id = {t["id"]: t for t in tickets}
    return {"ticket": lambda tid: copy.deepcopy(by_id[tid]),
            "reply_ticket": lambda tid, body, key: {"id": "m-new", "author": {"name": "Ada", "staff": False},
                                                    "body": body, "created_at": SYNCED}}


def account(app: Application, name: str, port: int, tickets: list[dict]) -> str:
    """An account of its own panel (at `port`) whose cache holds `tickets`; its panel answers them."""
    added = app.sessions.add(name=name, panel_url=f"http://127.0.0.1:{port}", email="ada@example.test",
                             auth_kind="api_key", credentials=Credentials.from_api_key("bp_canned"))
    answer(app, added.id, tickets)
    with open_account_cache(added.id) as cache:
        cache.apply(CacheChanges(upserts={"tickets": copy.deepcopy(tickets)}, config={**CONFIG, **TICKETS_ON},
                                 sync_state={n: {"last_synced_at": SYNCED, "server_time": SYNCED}
                                             for n in (*LISTS, "tickets")}))
    app.sessions.get(added.id).reload()
    settle()
    return added.id


def answer(app: Application, account_id: str, tickets: list[dict]) -> None:
    app.sessions.get(account_id).open_client = lambda cancellation=None: Panel(answers(tickets))


def kept(account_id: str) -> dict:
    with open_account_cache(account_id) as cache:
        return cache.config(support_ops.DRAFTS) or {}


def open_ticket(app: Application, ticket_id: str):
    support = app.window.sections["support"]
    app.window.select_section("support")
    assert support.open_ticket(ticket_id)
    settle()
    return support.page


def counting_saves(monkeypatch) -> list[tuple]:
    """Every draft write, as the session runs it."""
    saves: list[tuple] = []
    real = support_ops.save_draft

    @functools.wraps(real)
    def save_draft(ctx, *args):
        saves.append(args)
        return real(ctx, *args)
    monkeypatch.setattr(support_ops, "save_draft", save_draft)
    return saves


def test_each_ticket_keeps_its_own_reply_when_another_ticket_or_the_list_is_opened(canned_app, qtbot, monkeypatch):  # noqa: F811
    app = canned_app
    saves = counting_saves(monkeypatch)
    acct = account(app, "Ann", 9, [ticket(1, "Server down"), ticket(2, "Invoice question")])
    page = open_ticket(app, "t-1")
    qtbot.keyClicks(page.reply_box, "Still down after")
    assert saves == [] and kept(acct) == {}            # typing writes nothing yet
    page = open_ticket(app, "t-2")                     # leaving the ticket keeps it, in one write
    assert page.reply_box.toPlainText() == ""
    assert kept(acct) == {"t-1": "Still down after"} and len(saves) == 1
    qtbot.keyClicks(page.reply_box, "Which card?")
    qtbot.waitUntil(lambda: kept(acct).get("t-2") == "Which card?", timeout=ticket_page.DRAFT_PAUSE_MS * 4)
    assert len(saves) == 2                             # one write after the pause, for eleven keystrokes
    qtbot.mouseClick(page.back, Qt.MouseButton.LeftButton)      # the list; then each ticket again
    assert not app.window.sections["support"].page_open
    assert open_ticket(app, "t-1").reply_box.toPlainText() == "Still down after"
    qtbot.keyClicks(page.reply_box, " the restart.")
    assert open_ticket(app, "t-2").reply_box.toPlainText() == "Which card?"
    assert open_ticket(app, "t-1").reply_box.toPlainText() == "Still down after the restart."

    app.window.select_section("invoices")              # another screen and back: the page is as it was
    app.window.select_section("support")
    assert page.reply_box.toPlainText() == "Still down after the restart."
    assert kept(acct)["t-1"] == "Still down after the restart."

    page.send()                                        # sent: its draft goes, the other ticket's stays
    settle()
    assert page.message.text() == "Reply sent." and page.reply_box.toPlainText() == ""
    assert kept(acct) == {"t-2": "Which card?"}
    assert open_ticket(app, "t-2").reply_box.toPlainText() == "Which card?"
    assert open_ticket(app, "t-1").reply_box.toPlainText() == ""


def test_a_draft_saved_mid_reply_goes_with_the_reply_sent(canned_app, qtbot):  # noqa: F811
    app = canned_app
    acct = account(app, "Ann", 9, [ticket(1, "Server down")])
    page = open_ticket(app, "t-1")
    qtbot.keyClicks(page.reply_box, "Down ag")
    page.flush_draft()                                  # the pause came mid-word
    qtbot.keyClicks(page.reply_box, "ain")
    page.send()                                         # before the next pause
    settle()
    assert page.message.text() == "Reply sent." and page.reply_box.toPlainText() == ""
    assert kept(acct) == {}


def test_a_reply_queued_offline_takes_its_draft_with_it(canned_app, qtbot):  # noqa: F811
    app = canned_app
    acct = account(app, "Ann", 9, [ticket(1, "Server down")])
    page = open_ticket(app, "t-1")
    qtbot.keyClicks(page.reply_box, "Written on a train.")
    page.flush_draft()
    assert kept(acct) == {"t-1": "Written on a train."}
    session = app.sessions.get(acct)
    session.took_error(NetworkError("The panel could not be reached."))     # offline: replies are queued
    settle()
    assert not session.reachable
    page.send()
    settle()
    with open_account_cache(acct) as cache:
        assert [row["args"]["body"] for row in cache.outbox()] == ["Written on a train."]
    assert page.reply_box.toPlainText() == "" and kept(acct) == {}


def test_what_is_typed_while_the_panel_takes_the_reply_stays_as_the_next_draft(canned_app, qtbot):  # noqa: F811
    app = canned_app
    tickets = [ticket(1, "Server down")]
    acct = account(app, "Ann", 9, tickets)
    page = open_ticket(app, "t-1")
    panel = answers(tickets)

    def reply_ticket(tid, body, key):        # the user goes on typing while the panel answers
        page.reply_box.moveCursor(QTextCursor.MoveOperation.End)
        page.reply_box.insertPlainText("\n\nPS: the backups too")
        return panel["reply_ticket"](tid, body, key)
    app.sessions.get(acct).open_client = lambda cancellation=None: Panel({**panel, "reply_ticket": reply_ticket})
    qtbot.keyClicks(page.reply_box, "Down again")
    page.flush_draft()
    page.send()
    settle()
    assert page.message.text() == "Reply sent."
    assert page.reply_box.toPlainText() == "PS: the backups too"
    page.flush_draft()
    assert kept(acct) == {"t-1": "PS: the backups too"}
    assert [after_sent(text, "Sent") for text in ("Sent", "Sen", "Sent  ", "Sent\nMore", "Rewritten", "")] == \
        ["", "", "", "More", "Rewritten", ""]


def test_switching_accounts_keeps_each_accounts_reply_to_its_own_ticket_of_the_same_id(canned_app, qtbot):  # noqa: F811
    app = canned_app
    first = account(app, "Ann", 9, [ticket(1, "Server down")])
    second = account(app, "Bob", 10, [ticket(1, "Renewal price")])      # the same id on another panel
    app.sessions.select(first)
    settle()
    page = open_ticket(app, "t-1")
    qtbot.keyClicks(page.reply_box, "For Ann's panel")
    app.sessions.select(second)                        # the Support screen goes to the new account's list
    settle()
    assert kept(first) == {"t-1": "For Ann's panel"}
    page = open_ticket(app, "t-1")
    assert page.title.text() == "Renewal price" and page.reply_box.toPlainText() == ""
    qtbot.keyClicks(page.reply_box, "For Bob's panel")
    app.sessions.select(first)
    settle()
    assert open_ticket(app, "t-1").reply_box.toPlainText() == "For Ann's panel"
    app.sessions.select(second)
    settle()
    assert open_ticket(app, "t-1").reply_box.toPlainText() == "For Bob's panel"
    assert kept(first) == {"t-1": "For Ann's panel"} and kept(second) == {"t-1": "For Bob's panel"}


def test_quitting_mid_sentence_and_starting_again_brings_the_reply_back(canned_app, qtbot, secrets):  # noqa: F811
    app = canned_app
    tickets = [ticket(1, "Server down"), ticket(2, "Invoice question")]
    acct = account(app, "Ann", 9, tickets)
    page = open_ticket(app, "t-2")
    qtbot.keyClicks(page.reply_box, "Kept for later")
    page = open_ticket(app, "t-1")
    qtbot.keyClicks(page.reply_box, "Line one")
    qtbot.keyClick(page.reply_box, Qt.Key.Key_Return)
    qtbot.keyClicks(page.reply_box, "line tw")
    close(app)                                         # quit before the pause ended: kept as the window closes

    again = Application(settings=Settings(), secrets=secrets, keyring_note=False)
    again.start(show=True)
    try:
        again.sessions.prober.stop()
        answer(again, acct, tickets)
        again.sessions.select(acct)
        settle()
        assert open_ticket(again, "t-1").reply_box.toPlainText() == "Line one\nline tw"
        assert open_ticket(again, "t-2").reply_box.toPlainText() == "Kept for later"
        # A ticket that is gone (the panel deleted it, and a sync took it out) takes its draft with it.
        with open_account_cache(acct) as cache:
            cache.apply(CacheChanges(deletes={"tickets": ["t-2"]}))
        assert open_ticket(again, "t-1").reply_box.toPlainText() == "Line one\nline tw"
        qtbot.keyClicks(again.window.sections["support"].page.reply_box, "o")
        again.window.sections["support"].page.flush_draft()
        assert kept(acct) == {"t-1": "Line one\nline two"}
    finally:
        close(again)
