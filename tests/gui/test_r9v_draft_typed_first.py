"""A ticket's reply typed before its kept draft was read (the draft is read from the account's cache as the ticket
opens, on the account's worker, which may be busy) is never lost nor mixed with the kept draft: the box keeps what
was typed, which replaces the kept draft, and one Ctrl+Z in the box brings the kept draft back (the page says so).
The kept draft was added after the typed text, and the box showed both at the next opening. The whole window over
a synchronous worker whose results still arrive by queued signal (tests/gui/test_drift_actions.py): what is typed
before `settle()` is typed before the draft was read."""
from __future__ import annotations

from PySide6.QtCore import Qt

from app.session.operations import support as support_ops

from .conftest import close
from .test_drift_actions import canned_app, settle  # noqa: F401 - the fixture
from .test_r8d_reply_drafts import account, kept, open_ticket, ticket

EARLIER = "Earlier words about the outage"


def with_kept_draft(app) -> str:
    acct = account(app, "Ann", 9, [ticket(1, "Server down"), ticket(2, "Invoice question")])
    app.sessions.get(acct).run(support_ops.save_draft, "t-1", EARLIER, "")
    settle()
    assert kept(acct) == {"t-1": EARLIER}
    return acct


def opened_unread(app, ticket_id: str):
    """The ticket's page open, its kept draft not read yet."""
    support = app.window.sections["support"]
    app.window.select_section("support")
    assert support.open_ticket(ticket_id)
    return support.page


def test_what_was_typed_stays_and_ctrl_z_brings_the_kept_draft_back(canned_app, qtbot):  # noqa: F811
    app = canned_app
    acct = with_kept_draft(app)
    page = opened_unread(app, "t-1")
    qtbot.keyClicks(page.reply_box, "New words")
    settle()                                             # the kept draft is read now
    assert page.reply_box.toPlainText() == "New words"   # not overwritten, nothing added to it
    assert "Ctrl+Z" in page.message.text() and page.message.isVisible()
    page.flush_draft()
    settle()
    assert kept(acct) == {"t-1": "New words"}            # the typed text replaced it: not both, joined
    page.reply_box.setFocus()
    qtbot.keyClick(page.reply_box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.reply_box.toPlainText() == EARLIER
    page.flush_draft()
    settle()
    assert kept(acct) == {"t-1": EARLIER}


def test_a_pause_in_typing_before_the_draft_is_read_does_not_join_them(canned_app, qtbot):  # noqa: F811
    app = canned_app
    acct = with_kept_draft(app)
    page = opened_unread(app, "t-1")
    qtbot.keyClicks(page.reply_box, "New words")
    page.flush_draft()                                   # the pause came before the kept draft was read
    settle()
    assert page.reply_box.toPlainText() == "New words"
    assert kept(acct) == {"t-1": "New words"}
    assert open_ticket(app, "t-2").reply_box.toPlainText() == ""
    assert open_ticket(app, "t-1").reply_box.toPlainText() == "New words"      # at the next opening too


def test_typed_then_left_before_the_draft_was_read(canned_app, qtbot):  # noqa: F811
    app = canned_app
    acct = with_kept_draft(app)
    page = opened_unread(app, "t-1")
    qtbot.keyClicks(page.reply_box, "New words")
    support = app.window.sections["support"]
    assert support.open_ticket("t-2")                    # another ticket, before the first's draft came
    settle()
    assert page.reply_box.toPlainText() == ""
    assert kept(acct) == {"t-1": "New words"}
    assert open_ticket(app, "t-1").reply_box.toPlainText() == "New words"


def test_an_empty_box_still_gets_the_kept_draft(canned_app, qtbot):  # noqa: F811
    app = canned_app
    acct = with_kept_draft(app)
    page = opened_unread(app, "t-1")
    settle()
    assert page.reply_box.toPlainText() == EARLIER
    assert not page.message.isVisible() or "Ctrl+Z" not in page.message.text()
    assert kept(acct) == {"t-1": EARLIER}


def test_typed_then_quit_before_the_draft_was_read_is_kept(canned_app, qtbot):  # noqa: F811
    """The read may never come (Sett quits first): what was typed is saved as the window closes, never dropped."""
    app = canned_app
    acct = account(app, "Ann", 9, [ticket(1, "Server down")])
    page = opened_unread(app, "t-1")
    qtbot.keyClicks(page.reply_box, "Typed as Sett quit")
    close(app)                  # the window closes, then the sessions: the read's answer is dropped unheard
    assert kept(acct) == {"t-1": "Typed as Sett quit"}
