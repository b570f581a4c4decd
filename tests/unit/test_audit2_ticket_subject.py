"""A ticket's subject is checked as the one line it is sent as, within the panel's 1..200 characters."""
from __future__ import annotations

from app.core.support import MAX_SUBJECT, one_line, subject_problem, ticket_problem


def test_one_line_collapses_whitespace_and_control_characters():
    assert one_line("  Card declined\r\n\tagain\x00\x1b (twice)\u2028\n") == "Card declined again (twice)"
    assert one_line("Überweisung  fehlt") == "Überweisung fehlt"
    assert one_line(None) == ""


def test_the_bounds_are_checked_on_the_line_sent():
    assert subject_problem("\n\t\x00 ") is not None                    # only breaks and tabs: empty
    assert subject_problem("x" * (MAX_SUBJECT - 1) + "\n\n\n x") is not None    # 201 once made one line
    assert subject_problem("x" * (MAX_SUBJECT - 2) + "\n\n\n\nx") is None       # 200 once made one line
    fields = {"department": "billing", "body": "Hello", "subject": "Line one\nline two"}
    assert ticket_problem(fields) is None
