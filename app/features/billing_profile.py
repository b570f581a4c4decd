"""Account ▸ Billing profile…: the current account's profile shown (the cache's copy at once, then the panel's)
and saved to the panel through the session. Saving needs the panel (it is not queued in the outbox): offline, the
dialog says so and keeps Save off."""
from __future__ import annotations

from PySide6.QtCore import QObject

from app.api import ValidationFailed
from app.core.error_words import field_name
from app.core.input_text import profile_problem
from app.core.text import translate
from app.session import AccountSession, Sessions, action_failed, signed_out
from app.session.operations import profile as profile_ops


class BillingProfileFeature(QObject):
    def __init__(self, sessions: Sessions, window) -> None:
        super().__init__(window)
        self.sessions, self.window = sessions, window
        self.dialog = None
        window.menus.billing_profile_requested.connect(self.open)

    def open(self):
        session = self.sessions.current
        if session is None:
            self.window.statusBar().showMessage(
                translate("BillingProfileFeature", "Add an account first: the billing profile is kept by its panel."),
                5000)
            return None
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        from app.views.billing_profile_dialog import BillingProfileDialog

        dialog = BillingProfileDialog(session.account.name, self.window)
        dialog.save_requested.connect(lambda profile: self._save(session, dialog, profile))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.set_online(session.reachable, signed_out(session))
        session.run(profile_ops.cached_billing_profile, on_done=lambda p: p and dialog.show_profile(p),
                    on_error=lambda e: None)
        if session.reachable:
            session.run(profile_ops.fetch_billing_profile,
                        on_done=lambda p: dialog.show_profile(p, from_panel=True),
                        on_error=lambda e: dialog.show_error(action_failed(e)))
        dialog.open()
        return dialog

    def _save(self, session: AccountSession, dialog, profile: dict) -> None:
        if not session.reachable:
            dialog.set_online(False, signed_out(session))
            return
        problem = profile_problem(profile)
        if problem:      # the panel would refuse it (422): said here, naming the field, and nothing is sent
            dialog.show_error(problem)
            return
        dialog.set_busy(True)

        def failed(error: BaseException) -> None:
            dialog.set_busy(False)
            if isinstance(error, ValidationFailed) and error.details:
                dialog.show_error("\n".join(
                    f"{field_name(field)}: {'; '.join(map(str, msgs)) if isinstance(msgs, list) else msgs}"
                    for field, msgs in error.details.items()))
            else:
                dialog.show_error(action_failed(error))

        def saved(_stored: dict) -> None:
            self.window.statusBar().showMessage(
                translate("BillingProfileFeature", "Billing profile saved: new invoices will print it."), 5000)
            dialog.accept()

        session.run(profile_ops.save_billing_profile, profile, on_done=saved, on_error=failed)


def install(sessions: Sessions, window) -> BillingProfileFeature:
    return BillingProfileFeature(sessions, window)
