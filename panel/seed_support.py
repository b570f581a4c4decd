"""The demo's support desk: the demo customer's tickets in every status, about the services and invoices the demo
history bought, written through the same ticket functions the API calls (see seed.py for the story).

Each step is (days ago, what happens); the ticket's status follows from who spoke last.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .billing import tickets

Step = Callable[[Any], None]


def _open(key: str, subject: str, department: str, body: str, service: str | None = None,
          overdue_invoice: bool = False) -> Step:
    def step(st) -> None:
        service_id = st.services[service] if service else None
        invoice_id = None
        if overdue_invoice:
            row = st.conn.execute("SELECT id FROM invoices WHERE service_id = ? AND status = 'overdue'",
                                  (service_id,)).fetchone()
            invoice_id = row["id"] if row else None
        made = tickets.open_ticket(st.conn, st.users["customer"], {
            "subject": subject, "department": department, "body": body, "invoice_id": invoice_id,
            "service_id": service_id}, st.now())
        st.tickets[key] = made["id"]
    return step


def _reply(key: str, body: str, staff: bool) -> Step:
    def step(st) -> None:
        ticket = tickets.get(st.conn, st.tickets[key])
        author = st.users["admin" if staff else "customer"]
        tickets.reply(st.conn, ticket, author, body, staff=staff, now=st.now())
    return step


def _close(key: str) -> Step:
    def step(st) -> None:
        tickets.close(st.conn, tickets.get(st.conn, st.tickets[key]), st.now())
    return step


STEPS: list[tuple[int, Step]] = [
    # closed: a lag question, answered and closed by the customer
    (40, _open("lag", "Minecraft world lags in the evenings", "technical",
               "Between 8 and 10 pm the server drops to about 12 TPS with four players online.\n"
               "Is the node overloaded, or is it my world?", service="minecraft")),
    (39, _reply("lag", "Your world had grown to 30,000 loaded chunks. We pre-generated it and moved you to a quieter "
                       "node; TPS should stay at 20 now.", staff=True)),
    (38, _reply("lag", "Much better, thank you!", staff=False)),
    (38, _close("lag")),
    # closed: a paperwork question about an order invoice
    (60, _open("pdf", "Invoice for my Cloud VPS Custom", "billing",
               "My accountant needs the invoice for the Cloud VPS Custom with our company name on it.",
               service="custom")),
    (59, _reply("pdf", "Done: we have sent it to you by email with your company name on it.", staff=True)),
    (58, _close("pdf")),
    # answered: mounting the storage VPS elsewhere
    (9, _open("mount", "Mount the storage on another server?", "technical",
              "Can I mount my Storage VPS on my Cloud VPS Custom over the private network?", service="storage")),
    (8, _reply("mount", "Yes: both are on the same node, so NFS over the private network works. A guide is on "
                        "its way.", staff=True)),
    # answered: the suspended Valheim server and its overdue invoice
    (4, _open("valheim", "Valheim server suspended", "billing",
              "My Valheim server was suspended. I will pay the invoice this week; will my world be kept?",
              service="valheim", overdue_invoice=True)),
    (3, _reply("valheim", "Yes: suspended servers keep their data until termination. Paying the overdue invoice "
                          "reactivates the server at once.", staff=True)),
    # customer_reply: a sales question the customer followed up on
    (5, _open("sites", "Two more sites to migrate", "sales",
              "The migration went well. Could you move two more WordPress sites, and what would it cost?",
              service="migration")),
    (4, _reply("sites", "Gladly: each further site is one Server Migration order. Shall we schedule both?",
               staff=True)),
    (2, _reply("sites", "Yes please, next Tuesday if possible.", staff=False)),
    # open: nobody has answered yet
    (2, _open("backups", "Backups for Cloud VPS Custom", "technical",
              "How many backups does my Cloud VPS Custom keep, and can I download them?", service="custom")),
    (1, _open("windows", "Windows on a VPS?", "sales", "Do you offer Windows Server images for the Cloud VPS range?")),
]


def problems(conn, user_id: str) -> list[str]:
    """What the demo's tickets fail to show (every status at least once)."""
    have = {r[0] for r in conn.execute("SELECT status FROM tickets WHERE user_id = ?", (user_id,))}
    return [f"no {s} ticket" for s in tickets.STATUSES if s not in have]
