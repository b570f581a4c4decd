"""The subject box held 250 characters: a subject pasted with its line breaks and indents was cut there before
those were made single spaces, though what is sent would have fit."""
from __future__ import annotations

from app.core.support import MAX_SUBJECT, one_line, subject_problem
from app.views.new_ticket import NewTicketDialog


def test_a_subject_pasted_over_many_lines_is_counted_as_it_is_sent(qtbot):
    dialog = NewTicketDialog()
    qtbot.addWidget(dialog)
    pasted = "\n".join(["Server down" + " " * 30] * 8)      # 8 lines, 335 characters; 95 sent
    dialog.subject.setText(pasted)
    assert dialog.subject.text() == pasted
    assert len(one_line(pasted)) <= MAX_SUBJECT and subject_problem(dialog.fields()["subject"]) is None
