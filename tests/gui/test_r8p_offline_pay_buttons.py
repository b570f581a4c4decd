"""README, Manage: "what needs the panel (paying, topping up, cancelling an order) is disabled while offline and says
why when you hover over it". Pay all due is offered in three places on screen ("from the button over the Invoices
list, the Dashboard's Amount due card, ..."): each, with the account offline, in the whole window (canned account,
taken offline as a failed sync takes it)."""
from __future__ import annotations

from app.api import NetworkError

from .test_drift_actions import Panel, canned_app, invoice, settle, signed_in  # noqa: F401


def offline_with_due(app):
    session = signed_in(app, Panel({}), invoices=[invoice(1, "overdue", "10.00"), invoice(2, "pending", "5.00")])
    session.took_error(NetworkError("The panel could not be reached."))
    session._retry.stop()                 # stays offline for the test: the canned sync would bring it back
    settle()
    assert not session.reachable
    return session


def says_offline(text: str) -> bool:
    return "Offline" in text or "connection" in text or "reconnect" in text


def invoices_bar_offline(app):
    """The Invoices screen's Pay due bar, shown while the account with something due is offline."""
    offline_with_due(app)
    app.window.select_section("invoices")
    settle()
    return app.window.sections["invoices"].pay_due


def test_the_invoices_pay_buttons_are_off_offline(canned_app, qtbot):  # noqa: F811
    bar = invoices_bar_offline(canned_app)
    assert bar.isVisible() and bar.pay_all.isVisible()
    assert not bar.pay_all.isEnabled() and not bar.pay_selected.isEnabled()
    assert says_offline(bar.note.text())                   # the line beside the buttons says why


def test_the_invoices_pay_buttons_say_why_on_hover(canned_app, qtbot):  # noqa: F811
    bar = invoices_bar_offline(canned_app)
    assert says_offline(bar.pay_all.toolTip()), bar.pay_all.toolTip()
    assert says_offline(bar.pay_selected.toolTip()), bar.pay_selected.toolTip()


def test_the_dashboards_pay_all_due_is_off_offline_and_says_why(canned_app, qtbot):  # noqa: F811
    app = canned_app
    offline_with_due(app)
    app.window.select_section("dashboard")
    settle()
    button = app.window.sections["dashboard"].pay_all
    assert button.isVisible()
    assert not button.isEnabled()
    assert says_offline(button.toolTip()), button.toolTip()
