"""The support tickets table: number, subject, status, department and the last reply, most recently changed first.
Tickets are few, so rows are the cache's ticket objects as they are."""
from __future__ import annotations

from app.core.formatting import NO_VALUE, format_date
from app.core.support import STATUS_TONE, department_text, status_text
from app.core.text import translate

from .row_filter import RowFilterProxy
from .table import Column, RowTableModel

SEARCH_KEYS = ("ticket_number", "subject", "status", "department")


def ticket_columns() -> list[Column]:
    return [
        Column("ticket_number", translate("Columns", "Ticket"), display=lambda r: r.get("ticket_number") or NO_VALUE),
        Column("subject", translate("Columns", "Subject"), display=lambda r: r.get("subject") or NO_VALUE),
        Column("status", translate("Columns", "Status"), display=lambda r: status_text(r.get("status")),
               badge=lambda r: STATUS_TONE.get(r.get("status") or "")),
        Column("department",
               translate("Columns", "Department"), display=lambda r: department_text(r.get("department"))),
        Column("last_reply_at", translate("Columns", "Last reply"),
               display=lambda r: format_date(r.get("last_reply_at") or r.get("created_at")),
               sort_key=lambda r: r.get("last_reply_at") or r.get("created_at") or ""),
    ]


class TicketTableModel(RowTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(ticket_columns(), parent)

    def set_tickets(self, tickets: list[dict]) -> None:
        self.feed(list(tickets), ticket_columns())


def ticket_proxy(parent=None) -> RowFilterProxy:
    return RowFilterProxy(parent, status_key="status", search_keys=SEARCH_KEYS)
