"""The New ticket dialog: subject, department and message, optionally about an invoice or a service (then said at
the top). Send checks the fields first and says what is wrong in words (an empty message, one over 20,000
characters); it emits `submitted(fields)` and stays open until the feature says it was sent (`sent()`) or why not
(`show_problem`). Offline, Send is disabled and the dialog says that the panel is needed; signed out, it says a login
is needed and offers Sign in (`sign_in_requested`)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.support import DEPARTMENTS, MAX_SUBJECT, subject_problem, ticket_problem
from app.core.text import translate
from app.models.plain_text import PLAIN

from .dialog_buttons import set_dialog_margins
from .labels import heading, muted, styled
from .submit_keys import submit_on_ctrl_enter
from .window_fit import fit_over_window

OFFLINE_NEW = QT_TRANSLATE_NOOP("Messages", "Offline: sending a ticket needs the panel. Sett reconnects by itself; "
                                "what you wrote stays here.")
SIGNED_OUT_NEW = QT_TRANSLATE_NOOP("Messages", "Signed out: sending a ticket needs you to sign in to this account "
                                   "again; what you wrote stays here.")


def unreachable_text(signed_out: bool) -> str:
    """Why New ticket cannot send now: a missing login, or no connection."""
    return translate("Messages", SIGNED_OUT_NEW if signed_out else OFFLINE_NEW)


class NewTicketDialog(QDialog):
    submitted = Signal(dict)      # {subject, department, body, invoice_id?, service_id?}
    sign_in_requested = Signal()  # signed out: the user asks for the login prompt

    def __init__(self, prefill: dict | None = None, about: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        prefill = dict(prefill or {})
        self.setWindowTitle(translate("NewTicketDialog", "New support ticket"))
        self.setObjectName("newTicketDialog")
        self.related = {k: str(prefill[k]) for k in ("invoice_id", "service_id") if prefill.get(k)}
        self.online = True
        self.signed_out = False
        self.busy = False
        self.subject = QLineEdit(objectName="ticketSubject")
        # Longer is refused in words, not cut silently; the room is for a pasted subject whose line breaks and runs
        # of spaces are made single spaces before it is counted (app.core.support.one_line).
        self.subject.setMaxLength(MAX_SUBJECT * 4)
        self.subject.setText(str(prefill.get("subject") or ""))
        self.department = QComboBox(objectName="ticketDepartment")
        for code, label in DEPARTMENTS:
            self.department.addItem(translate("Support", label), code)
        index = self.department.findData(prefill.get("department") or "billing")
        self.department.setCurrentIndex(max(0, index))
        self.body = QPlainTextEdit(objectName="ticketBody")
        self.body.setPlaceholderText(translate("NewTicketDialog", "What do you need help with?"))
        self.body.setTabChangesFocus(True)
        self.body.setAccessibleName(translate("NewTicketDialog", "Message"))   # the placeholder goes as one types
        self.about = muted(object_name="ticketAbout", wrap=True)
        self.about.setText(about)
        self.about.setVisible(bool(about))
        self.problem = styled(QLabel(objectName="ticketProblem", wordWrap=True, textFormat=PLAIN), role="error")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = self.buttons.addButton(translate("NewTicketDialog", "Send ticket"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        styled(self.send_button, kind="primary")
        self.sign_in_button = self.buttons.addButton(translate("NewTicketDialog", "Sign in…"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
        self.sign_in_button.setObjectName("ticketSignIn")
        self.sign_in_button.clicked.connect(self.sign_in_requested)
        self.sign_in_button.hide()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        submit_on_ctrl_enter(self.body, self.send_button)
        self.body.textChanged.connect(self._recheck)
        self.subject.textChanged.connect(self._recheck)
        form = QFormLayout()
        form.setHorizontalSpacing(12)     # a label apart from its field (the style gives 6 px)
        form.addRow(translate("NewTicketDialog", "&Subject"), self.subject)
        form.addRow(translate("NewTicketDialog", "&Department"), self.department)
        layout = set_dialog_margins(QVBoxLayout(self))
        layout.addWidget(heading(translate("NewTicketDialog", "New support ticket"), "dialogTitle"))
        layout.addWidget(self.about)
        layout.addLayout(form)
        message = QLabel(translate("NewTicketDialog", "&Message"), textFormat=PLAIN)
        message.setBuddy(self.body)
        layout.addWidget(message)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        fit_over_window(self, 560, 460)     # no larger than the main window it opens over, or the screen
        (self.body if self.subject.text() else self.subject).setFocus()    # a prefilled subject: write the message

    def fields(self) -> dict:
        return {"subject": self.subject.text().strip(), "department": self.department.currentData(),
                "body": self.body.toPlainText(), **self.related}

    def set_online(self, online: bool, signed_out: bool = False) -> None:
        """`signed_out`: the panel cannot be asked because the account needs a login, not the connection."""
        self.online = online
        self.signed_out = signed_out and not online
        self._update()
        self.sign_in_button.setVisible(self.signed_out)
        if not online:
            self.show_problem(unreachable_text(self.signed_out))
        elif self.problem.text() in (unreachable_text(False), unreachable_text(True)):
            self.problem.hide()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update()

    def _update(self) -> None:
        self.send_button.setEnabled(self.online and not self.busy)
        self.send_button.setToolTip("" if self.online else unreachable_text(self.signed_out))

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _recheck(self) -> None:
        if self.problem.isVisible() and self.online and not ticket_problem(self.fields()):
            self.problem.hide()

    def accept(self) -> None:
        """Send: checked here first; the dialog closes only once the panel has the ticket (`sent`)."""
        if not self.online or self.busy:
            return
        problem = ticket_problem(self.fields())
        if problem:
            self.show_problem(problem)
            (self.subject if subject_problem(self.fields()["subject"]) else self.body).setFocus()
            return
        self.submitted.emit(self.fields())

    def sent(self) -> None:
        super().accept()
