"""Support tickets as the contract shows them (`/support/*`, `/admin/support/*`)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class Related(BaseModel):
    invoice_id: str | None
    service_id: str | None


class Author(BaseModel):
    name: str
    staff: bool


class Message(BaseModel):
    id: str
    ticket_id: str
    author: Author
    body: str
    created_at: str


class Ticket(BaseModel):
    id: str
    ticket_number: str
    subject: str
    status: Literal["open", "answered", "customer_reply", "closed"]
    department: Literal["billing", "technical", "sales"]
    related: Related
    last_reply_at: str
    created_at: str
    updated_at: str


class TicketDetail(Ticket):
    messages: list[Message]


class Owner(BaseModel):
    id: str
    email: str


class AdminTicket(Ticket):
    user: Owner
