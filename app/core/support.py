"""Support tickets, pure: what a ticket's status and department say in words, and the checks a new ticket or a
reply passes before it is sent (the panel checks the same; saying it here keeps the words on the form)."""
from __future__ import annotations

from app.core.formatting import number_text

MAX_BODY = 20_000
MAX_SUBJECT = 200
DEPARTMENTS: tuple[tuple[str, str], ...] = (("billing", "Billing"), ("technical", "Technical"), ("sales", "Sales"))
STATUS_TEXT = {"open": "Open", "answered": "Answered", "customer_reply": "Awaiting reply", "closed": "Closed"}
STATUS_TONE = {"open": "warning", "answered": "success", "customer_reply": "warning", "closed": "muted"}


def status_text(status: str | None) -> str:
    return STATUS_TEXT.get(status or "", str(status or "—").replace("_", " ").capitalize())


def department_text(department: str | None) -> str:
    return dict(DEPARTMENTS).get(department or "", str(department or "—").capitalize())


def body_problem(body: str) -> str | None:
    """Why a message cannot be sent, in words; None when it can (it is sent exactly as written)."""
    if not body.strip():
        return "The message is empty: write what you need help with."
    if "\x00" in body:
        return "The message holds a NUL character, which the panel refuses; remove it."
    if len(body) > MAX_BODY:
        return f"The message is {number_text(len(body))} characters long; at most {number_text(MAX_BODY)} are allowed."
    return None


def subject_problem(subject: str) -> str | None:
    text = subject.strip()
    if not text:
        return "Give the ticket a subject: a few words about what it is about."
    if len(text) > MAX_SUBJECT:
        return f"The subject is {number_text(len(text))} characters long; at most {MAX_SUBJECT} are allowed."
    return None


def ticket_problem(fields: dict) -> str | None:
    """The first thing wrong with a new ticket's fields (subject, department, body), or None."""
    if fields.get("department") not in dict(DEPARTMENTS):
        return "Choose a department: billing, technical or sales."
    return subject_problem(str(fields.get("subject") or "")) or body_problem(str(fields.get("body") or ""))


def open_count(tickets: list[dict]) -> int:
    return sum(1 for t in tickets if t.get("status") != "closed")


__all__ = ["DEPARTMENTS", "MAX_BODY", "MAX_SUBJECT", "body_problem", "department_text", "open_count",
           "status_text", "subject_problem", "ticket_problem"]
