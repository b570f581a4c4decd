"""Offline and signed out are different news: each screen's own sentence about an action that needs the panel says
"sign in again" while the account is signed out, and "needs a connection / reconnects by itself" only while it is
offline. Fast: the views alone, told their state as their features tell them (`set_online(online, signed_out)`),
and the sign-in prompt with a login service that answers at once. tests/gui/test_reach_panel.py shows the same
against the real panel."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer

from app.core.accounts import Account
from app.core.reach import Unreachable, signed_out_text
from app.session import Sessions, signed_out
from app.views import login_prompt
from app.views.billing_profile_dialog import BillingProfileDialog
from app.views.credits import CreditsSection
from app.views.invoice_page import InvoicePage
from app.views.login_prompt import LoginPrompt
from app.views.notices import NoticesDialog
from app.views.order_page import OrderPage
from app.views.service_page import ServicePage
from app.views.ticket_page import TicketPage

SIGN_IN = "sign in again"


def says_sign_in(text: str) -> bool:
    return text.startswith("Signed out") and SIGN_IN in text and "reconnect" not in text and "Offline" not in text


def says_offline(text: str) -> bool:
    return text.startswith("Offline") and "Signed out" not in text


def test_the_shared_sentences_tell_the_two_states_apart():
    assert says_sign_in(signed_out_text())
    assert signed_out(None) is False


@pytest.mark.parametrize("make", [
    lambda: _invoice_page(),
    lambda: _order_page(),
    lambda: _service_page(queues=False),
])
def test_a_record_pages_note_and_tooltips_follow_the_state(qtbot, make):
    page = make()
    qtbot.addWidget(page)
    buttons = [b for b in (getattr(page, n, None) for n in ("pay_button", "cancel_button")) if b is not None]

    page.set_online(False)
    assert says_offline(page.message.text()) and page.message.isVisibleTo(page)
    assert all("reconnect" in b.toolTip() and not b.isEnabled() for b in buttons)

    page.set_online(False, signed_out=True)
    assert says_sign_in(page.message.text())
    assert all(says_sign_in(b.toolTip()) and not b.isEnabled() for b in buttons)

    page.set_online(True)
    assert page.message.text() == "" and not page.message.isVisibleTo(page)
    assert all(b.toolTip() == "" for b in buttons)


def test_a_note_of_another_kind_is_not_taken_back_when_the_panel_returns(qtbot):
    page = _invoice_page()
    qtbot.addWidget(page)
    page.set_online(False, signed_out=True)
    page.show_message("error", "The panel ran into a problem.")
    page.set_online(True)
    assert page.message.text() == "The panel ran into a problem."


def test_queued_actions_say_when_they_will_be_sent(qtbot):
    page = _service_page(queues=True)
    qtbot.addWidget(page)
    page.set_online(False)
    assert says_offline(page.message.text()) and "when the panel is back" in page.message.text()
    assert page.cancel_button.isEnabled() and "Outbox" in page.cancel_button.toolTip()
    page.set_online(False, signed_out=True)
    assert page.message.text().startswith("Signed out") and "once you sign in again" in page.message.text()
    assert "once you sign in again" in page.cancel_button.toolTip() and page.cancel_button.isEnabled()

    ticket = TicketPage()
    qtbot.addWidget(ticket)
    ticket.queues_offline = True
    ticket.ticket = {"id": "t-1", "status": "open"}
    ticket.set_online(False, signed_out=True)
    assert "once you sign in again" in ticket.message.text() and "reconnect" not in ticket.message.text()
    ticket.detail_missing_offline()
    assert "once you sign in again" in ticket.missing.text()
    ticket.set_online(False)
    assert says_offline(ticket.message.text()) and "can be reached" in ticket.message.text()
    ticket.detail_missing_offline()
    assert "once the panel can be reached" in ticket.missing.text()


def test_a_detail_never_downloaded_says_what_would_bring_it(qtbot):
    page = _invoice_page()
    qtbot.addWidget(page)
    page.set_online(False, signed_out=True)
    page.detail_missing_offline()
    assert "sign in again" in page.payments_note.text()
    page.set_online(False)
    page.detail_missing_offline()
    assert "connect to the panel" in page.payments_note.text()


def test_credits_top_up_note_and_tooltip(qtbot):
    credits = CreditsSection()
    qtbot.addWidget(credits)
    credits.set_online(False)
    assert says_offline(credits.top_up_message.text()) and "Outbox" in credits.top_up_button.toolTip()
    credits.set_online(False, signed_out=True)
    assert says_sign_in(credits.top_up_message.text()) and says_sign_in(credits.top_up_button.toolTip())
    assert not credits.top_up_button.isEnabled()
    credits.set_online(True)
    assert credits.top_up_message.text() == ""


def test_dialogs_say_sign_in_when_signed_out(qtbot):
    profile = BillingProfileDialog("Home")
    qtbot.addWidget(profile)
    profile.set_online(False, signed_out=True)
    assert says_sign_in(profile.message.text()) and not profile.save_button.isEnabled()
    profile.set_online(False)
    assert says_offline(profile.message.text())

    notices = NoticesDialog()
    qtbot.addWidget(notices)
    notices.set_notices([{"id": "n-1", "uuid": "n-1", "kind": "panel", "title": "Hi", "message": "", "read": False}])
    notices.set_online(False, signed_out=True)
    assert says_sign_in(notices.message.text()) and says_sign_in(notices.mark_button.toolTip())
    notices.queues_offline = True
    notices.set_online(False, signed_out=True)
    assert "once you sign in again" in notices.message.text() and notices.mark_button.isEnabled()
    notices.set_online(False)
    assert says_offline(notices.message.text()) and "once it is back" in notices.message.text()
    notices.set_online(True)
    assert notices.message.text() == ""


def test_the_signed_out_state_comes_from_the_session_not_the_view(qapp, data_dir, secrets):
    from app.api import Credentials
    from app.settings import Settings

    sessions = Sessions(Settings(), secrets)
    try:
        account = sessions.add(name="Home", panel_url="http://127.0.0.1:9", email="h@example.test",
                               auth_kind="api_key", credentials=Credentials.from_api_key("bp_home"))
        session = sessions.get(account.id)
        assert not signed_out(session)
        session.needs_login = True
        assert signed_out(session) and sessions.is_online(account.id) is False
    finally:
        sessions.shutdown()


# -- the sign-in prompt ---------------------------------------------------------------------------------------------
class AnsweringLogins:
    """A login service whose every attempt fails with the next of `failures`, answering on the next turn of the event
    loop as the real one answers from its worker."""

    def __init__(self, *failures: str) -> None:
        self.failures, self.attempts = list(failures), 0

    def login(self, url, email, password, on_done, on_error) -> int:
        self.attempts += 1
        failure = self.failures.pop(0) if self.failures else "The panel did not accept these details."
        QTimer.singleShot(0, lambda: on_error(failure))
        return self.attempts

    def cancel(self, token: int) -> None:
        pass


ACCOUNT = Account(id="a-1", name="Home", panel_url="http://panel.example.test", email="h@example.test",
                  auth_kind="password", created_at="2026-12-01T00:00:00Z")


def test_the_prompt_says_the_panel_cannot_be_reached_not_that_the_session_ended(qtbot):
    logins = AnsweringLogins(Unreachable("The panel could not be reached.\nConnection refused."))
    prompt = LoginPrompt(ACCOUNT, logins, "Your session has expired; log in again.")
    qtbot.addWidget(prompt)
    assert "has ended" in prompt.message.text()      # the news while the panel refused the session
    prompt.show()
    prompt.secret_edit.setText("pw")
    prompt.sign_in_button.click()
    qtbot.waitUntil(lambda: prompt.error.isVisible(), timeout=2000)
    text = prompt.message.text()
    assert "cannot reach the panel at panel.example.test" in text and "has ended" not in text
    assert "keeps the data it saved" in text and "tries again by itself" in text
    assert prompt.error.text().startswith("The panel could not be reached")
    # It tries again by itself (its wait cut short here); this time the panel answers and refuses: the session
    # ended after all.
    assert prompt.retry.isActive() and prompt.retry.interval() == login_prompt.RETRY_SECONDS * 1000
    assert logins.attempts == 1
    # A 15 s timer is coarse (Qt rounds it to ~5 %): wait until its countdown has clearly moved.
    qtbot.waitUntil(lambda: prompt.retry.remainingTime() <= login_prompt.RETRY_SECONDS * 1000 - 1500, timeout=5000)
    waited = prompt.retry.remainingTime()
    qtbot.keyClicks(prompt.secret_edit, "x")      # typing puts the next try off: never a half-typed password
    assert prompt.retry.remainingTime() > waited
    prompt.retry.start(1)
    qtbot.waitUntil(lambda: logins.attempts == 2 and prompt.error.isVisible(), timeout=2000)
    assert "has ended" in prompt.message.text() and "did not accept" in prompt.error.text()
    assert not prompt.retry.isActive()


def test_a_refusal_keeps_the_session_ended_and_is_not_retried(qtbot, monkeypatch):
    monkeypatch.setattr(login_prompt, "RETRY_SECONDS", 0.05)
    logins = AnsweringLogins("The password is incorrect.")
    prompt = LoginPrompt(ACCOUNT, logins)
    qtbot.addWidget(prompt)
    prompt.show()
    prompt.secret_edit.setText("pw")
    prompt.sign_in_button.click()
    qtbot.waitUntil(lambda: prompt.error.isVisible(), timeout=2000)
    assert "has ended" in prompt.message.text() and "incorrect" in prompt.error.text()
    qtbot.wait(200)
    assert logins.attempts == 1 and not prompt.retry.isActive()


def test_the_login_service_marks_a_network_failure_unreachable(qapp, qtbot):
    """The real service (requests, on the runner) against a port nothing listens on."""
    import socket

    from app.session.logins import PanelLogins
    from app.tasks import TaskRunner

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    runner = TaskRunner()
    failures: list[str] = []
    PanelLogins(runner, timeout=5).login(f"http://127.0.0.1:{port}", "h@example.test", "pw", failures.append,
                                         failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=20_000)
    assert isinstance(failures[0], Unreachable) and "could not be reached" in failures[0]
    runner.shutdown()


# -- pages as their features leave them ------------------------------------------------------------------------------
def _invoice_page() -> InvoicePage:
    page = InvoicePage()
    page.invoice = {"id": "i-1", "status": "pending", "kind": "invoice"}
    return page


def _order_page() -> OrderPage:
    page = OrderPage()
    page.order = {"id": "o-1", "status": "pending", "invoice_id": "i-1", "payment_status": "unpaid"}
    return page


def _service_page(queues: bool) -> ServicePage:
    page = ServicePage()
    page.queues_offline = queues
    page.service = {"id": "s-1", "status": "active"}
    return page
