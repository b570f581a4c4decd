"""`SupportCalls`: the typed calls of the contract's "Support tickets" addition, mixed into `PanelClient` beside
`BillingCalls`. The list of tickets is a synced list (`synced_list("tickets", ...)`, path in `paths.LIST_PATHS`);
these are the one-ticket reads and the actions. Creating a ticket and replying take an Idempotency-Key, so an
attempt whose answer was lost can be sent again without a second ticket or a second message.

Every `/support/*` path answers 403 `tickets_disabled` (`TicketsDisabled`) while the operator has tickets off.
"""
from __future__ import annotations

from typing import Any

from app.core.support import one_line

from .paths import segment
from .validate import checked

SUPPORT_DEPARTMENTS = ("billing", "technical", "sales")
MAX_BODY_CHARS = 20_000      # the panel refuses longer bodies; the app says so before sending


class SupportCalls:
    """Mixed into `PanelClient`, which provides `get` and `post`."""

    def ticket(self, ticket_id: str) -> dict:
        """One ticket with its conversation (`messages`, oldest first)."""
        return checked("ticket", "TicketDetail", self.get(f"/support/tickets/{segment(ticket_id)}"))

    def open_ticket(self, *, subject: str, department: str, body: str, invoice_id: str | None = None,
                    service_id: str | None = None, key: str) -> dict:
        """-> the new ticket with its first message (status `open`)."""
        # One line (line breaks, tabs and control characters made one space, trimmed): the panel refuses others.
        payload: dict[str, Any] = {"subject": one_line(subject), "department": department, "body": body}
        if invoice_id:
            payload["invoice_id"] = str(invoice_id)
        if service_id:
            payload["service_id"] = str(service_id)
        return checked("new ticket", "TicketDetail", self.post("/support/tickets", payload, idempotency_key=key))

    def reply_ticket(self, ticket_id: str, body: str, *, key: str) -> dict:
        """-> the message written; the ticket becomes `customer_reply` (a closed one is reopened)."""
        return checked("ticket reply", "TicketMessage",
                       self.post(f"/support/tickets/{segment(ticket_id)}/replies", {"body": body},
                                 idempotency_key=key))

    def close_ticket(self, ticket_id: str) -> dict:
        """-> the ticket, closed (closing a closed ticket answers the same)."""
        return checked("closed ticket", "TicketDetail", self.post(f"/support/tickets/{segment(ticket_id)}/close"))


__all__ = ["MAX_BODY_CHARS", "SUPPORT_DEPARTMENTS", "SupportCalls"]
