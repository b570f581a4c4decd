"""An action put in the Outbox while the account's worker is held in a request to a panel that went silent shows
in the Outbox at once, while that request is still unanswered: queueing is a write to this computer's cache and
does not wait behind the network. Once the panel answers again the action reaches it exactly once."""
from __future__ import annotations

import select
import threading

from tests.client.servers import HoldingProxy, Seen, _Handler
from tests.support.catalogue import buy

from .conftest import WAIT, add_account

NOTICED_MS = 10_000     # the prober's promise: a silent panel is Offline within 10 s


class GoesSilent(HoldingProxy):
    """Forwards to the panel, except that requests to a path in `held` (and, after `silence()`, every request) are
    held unanswered, as a black-holed network holds them, until `release` is set or the client gives up.
    `in_flight(path)` says whether a request to `path` is being held now."""

    def __init__(self, upstream: str) -> None:
        super().__init__(upstream, hold_path="")
        self.held: set[str] = set()
        self.silent = threading.Event()
        self._holding: dict[str, int] = {}

    def handle(self, handler: _Handler, seen: Seen) -> None:
        path = seen.path.split("?")[0]
        with self._lock:
            self.seen.append(seen)
            hold = (self.silent.is_set() or path in self.held) and not self.release.is_set()
            if hold:
                self._holding[path] = self._holding.get(path, 0) + 1
        if not hold:
            self.pass_back(handler, self.ask_upstream(seen))
            return
        handler.close_connection = True
        try:
            while not self.release.is_set():
                readable, _, _ = select.select([handler.connection], [], [], 0.05)
                if readable and self._closed_by_client(handler.connection):
                    return
        finally:
            with self._lock:
                self._holding[path] -= 1

    def in_flight(self, path: str) -> bool:
        with self._lock:
            return self._holding.get(path, 0) > 0

    def answer_again(self) -> None:
        """The panel is back: what was held ends unanswered, and everything is forwarded from now on."""
        with self._lock:
            self.held.clear()
            self.silent.clear()
        self.release.set()


def signed_in(make_app, qtbot, proxy, user):
    """The app with `user`'s account behind `proxy`, online: (app, account, session)."""
    # A request held by the proxy lasts until the test ends it (REQUEST_DEADLINE_SECONDS aside), not a timeout.
    app = make_app(request_timeout=600.0)
    account = add_account(qtbot, app, proxy.url, user.user["email"])
    session = app.sessions.get(account.id)
    qtbot.waitUntil(lambda: session.link.online, timeout=WAIT)
    return app, account, session


def cancellations_of(admin, service_id: str) -> list[dict]:
    rows = admin.data("GET", "/admin/billing/cancellations", params={"per_page": 100})
    return [r for r in rows if str(r.get("service_id")) == str(service_id)]


def test_a_cancellation_queued_while_the_worker_waits_on_a_silent_panel_shows_in_the_outbox_before_that_call_ends(
        make_app, shop, panel, qtbot):
    product = shop.product(name="Held VPS")
    user = shop.user(credits="10.00")
    (service_id,) = buy(user, product["id"])["order"]["service_ids"]
    invoices_path = f"/api/v1/billing/services/{service_id}/invoices"
    proxy = GoesSilent(panel.url)
    try:
        app, account, session = signed_in(make_app, qtbot, proxy, user)

        # The service's page asks the panel for the service's invoices on the account's worker: the panel does not
        # answer that, and then nothing at all, so the account goes Offline with the request still unanswered.
        proxy.held.add(invoices_path)
        app.window.select_section("services")
        section = app.window.sections["services"]
        assert section.open_service(service_id)
        page = section.page
        qtbot.waitUntil(lambda: proxy.in_flight(invoices_path), timeout=WAIT)
        proxy.silent.set()
        qtbot.waitUntil(lambda: session.link.offline, timeout=NOTICED_MS + 5_000)
        qtbot.waitUntil(lambda: page.cancel_button.isVisible() and page.cancel_button.isEnabled()
                        and "Outbox" in page.cancel_button.toolTip(), timeout=WAIT)

        dialog = page.open_cancel_dialog()
        dialog.immediate.setChecked(True)
        dialog.reason.setPlainText("Queued beside a held request")
        dialog.submit.click()

        feature = app.features["outbox"]
        qtbot.waitUntil(lambda: feature.button.text() == "Outbox (1)", timeout=WAIT)
        outbox = feature.open()
        qtbot.waitUntil(lambda: outbox.table.rowCount() == 1, timeout=WAIT)
        qtbot.waitUntil(lambda: "waiting in the Outbox" in page.cancellation.text(), timeout=WAIT)
        # All of that while the worker's request is still waiting for the panel: the queueing did not wait for it.
        assert proxy.in_flight(invoices_path)
        assert outbox.table.item(0, 2).text() == "Waiting"
        assert "Queued beside a held request" in outbox.table.item(0, 0).text()
        assert page.message.text().startswith("Queued in the Outbox")
        assert cancellations_of(shop.admin, service_id) == []

        # The panel answers again: the held request ends, the account comes back and the outbox is sent, once.
        proxy.answer_again()
        qtbot.waitUntil(lambda: app.sessions.outbox.pending.get(account.id) == 0, timeout=WAIT)
        (request,) = cancellations_of(shop.admin, service_id)
        assert request["reason"] == "Queued beside a held request"
        qtbot.waitUntil(lambda: outbox.table.rowCount() == 1 and outbox.table.item(0, 2).text() == "Sent",
                        timeout=WAIT)
    finally:
        proxy.answer_again()
        proxy.close()


def test_a_reply_queued_while_the_worker_waits_on_a_silent_panel_shows_at_once_and_is_sent_once(
        make_app, shop, panel, qtbot):
    shop.settings(tickets_enabled=True)
    user = shop.user()
    ticket = user.data("POST", "/support/tickets", {"subject": "Disk full", "department": "technical",
                                                    "body": "The disk is full."}, expect=201)
    ticket_path = f"/api/v1/support/tickets/{ticket['id']}"
    proxy = GoesSilent(panel.url)
    try:
        app, account, session = signed_in(make_app, qtbot, proxy, user)

        # Opening the ticket asks the panel for its conversation on the account's worker; then the panel goes quiet.
        proxy.held.add(ticket_path)
        app.window.select_section("support")
        support = app.window.sections["support"]
        qtbot.waitUntil(lambda: support.open_ticket(ticket["id"]), timeout=WAIT)
        page = support.page
        qtbot.waitUntil(lambda: proxy.in_flight(ticket_path), timeout=WAIT)
        proxy.silent.set()
        qtbot.waitUntil(lambda: session.link.offline, timeout=NOTICED_MS + 5_000)
        qtbot.waitUntil(lambda: page.send_button.text() == "Queue reply" and page.send_button.isEnabled(),
                        timeout=WAIT)

        page.reply_box.setPlainText("I deleted the logs.")
        page.send_button.click()
        feature = app.features["outbox"]
        qtbot.waitUntil(lambda: feature.button.text() == "Outbox (1)", timeout=WAIT)
        qtbot.waitUntil(lambda: page.message.text().startswith("Queued in the Outbox"), timeout=WAIT)
        qtbot.waitUntil(lambda: [v.body.text() for v in page.messages][-1:] == ["I deleted the logs."], timeout=WAIT)
        assert proxy.in_flight(ticket_path)          # the conversation's request is still waiting for the panel
        assert page.reply_box.toPlainText() == ""

        proxy.answer_again()
        qtbot.waitUntil(lambda: app.sessions.outbox.pending.get(account.id) == 0, timeout=WAIT)
        messages = user.data("GET", f"/support/tickets/{ticket['id']}")["messages"]
        assert [m["body"] for m in messages] == ["The disk is full.", "I deleted the logs."]
    finally:
        proxy.answer_again()
        proxy.close()
