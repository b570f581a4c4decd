"""Support tickets, pure: what a ticket's status and department say in words, and the checks a new ticket or a
reply passes before it is sent (the panel checks the same; saying it here keeps the words on the form)."""
from __future__ import annotations

import unicodedata

from app.core.formatting import number_text
from app.core.input_text import character_problem, has_lone_surrogate
from app.core.text import QT_TRANSLATE_NOOP, translate

MAX_BODY = 20_000
MAX_SUBJECT = 200
# The words are marked for Qt's tools here and translated where shown (status_text, department_text, the form).
DEPARTMENTS: tuple[tuple[str, str], ...] = (("billing", QT_TRANSLATE_NOOP("Support", "Billing")),
                                            ("technical", QT_TRANSLATE_NOOP("Support", "Technical")),
                                            ("sales", QT_TRANSLATE_NOOP("Support", "Sales")))
STATUS_TEXT = {"open": QT_TRANSLATE_NOOP("Support", "Open"), "answered": QT_TRANSLATE_NOOP("Support", "Answered"),
               "customer_reply": QT_TRANSLATE_NOOP("Support", "Awaiting reply"),
               "closed": QT_TRANSLATE_NOOP("Support", "Closed")}
STATUS_TONE = {"open": "warning", "answered": "success", "customer_reply": "warning", "closed": "muted"}


def status_text(status: str | None) -> str:
    known = STATUS_TEXT.get(status or "")
    return translate("Support", known) if known else str(status or "—").replace("_", " ").capitalize()


def department_text(department: str | None) -> str:
    known = dict(DEPARTMENTS).get(department or "")
    return translate("Support", known) if known else str(department or "—").capitalize()


def body_problem(body: str) -> str | None:
    """Why a message cannot be sent, in words; None when it can (it is sent exactly as written)."""
    if not body.strip():
        return translate("Support", "The message is empty: write what you need help with.")
    if "\x00" in body:
        return translate("Support", "The message holds a NUL character, which the panel refuses; remove it.")
    if has_lone_surrogate(body):
        return character_problem(translate("Input", "Message"), body)
    if len(body) > MAX_BODY:
        return translate("Support", "The message is {length} characters long; at most {limit} are allowed.").format(
            length=number_text(len(body)), limit=number_text(MAX_BODY))
    return None


def one_line(subject: object) -> str:
    """A subject as the panel takes it: one line, every run of whitespace or control characters (a line break or a
    tab pasted with it, a NUL) made one space, and trimmed. The panel refuses a subject holding any of them (422)."""
    words, gap = [], False
    for char in str(subject or ""):
        if char.isspace() or unicodedata.category(char) == "Cc":
            gap = True
            continue
        if gap and words:
            words.append(" ")
        gap = False
        words.append(char)
    return "".join(words)


def subject_problem(subject: str) -> str | None:
    """Why a subject cannot be sent, checked on the one line it is sent as (`one_line`); None when it can."""
    text = one_line(subject)
    problem = character_problem(translate("Input", "Subject"), text)
    if problem:
        return problem
    if not text:
        return translate("Support", "Give the ticket a subject: a few words about what it is about.")
    if len(text) > MAX_SUBJECT:
        return translate("Support", "The subject is {length} characters long; at most {limit} are allowed.").format(
            length=number_text(len(text)), limit=number_text(MAX_SUBJECT))
    return None


def ticket_problem(fields: dict) -> str | None:
    """The first thing wrong with a new ticket's fields (subject, department, body), or None."""
    if fields.get("department") not in dict(DEPARTMENTS):
        return translate("Support", "Choose a department: billing, technical or sales.")
    return subject_problem(str(fields.get("subject") or "")) or body_problem(str(fields.get("body") or ""))


def open_count(tickets: list[dict]) -> int:
    return sum(1 for t in tickets if t.get("status") != "closed")


__all__ = ["DEPARTMENTS", "MAX_BODY", "MAX_SUBJECT", "body_problem", "department_text", "one_line",
           "open_count", "status_text", "subject_problem", "ticket_problem"]
