"""Pay all due is offered from the Account menu and the tray's menu too (README, Manage: "... **Account, Pay all
due…** or the tray icon's **Pay due…**"). Like the Dashboard's and the Invoices bar's buttons, both are off while the
account's panel cannot be reached and say why on hover and in the status bar; back online they are on again."""
from __future__ import annotations

from app.api import NetworkError

from .test_drift_actions import Panel, canned_app, invoice, settle, signed_in  # noqa: F401


def says_offline(text: str) -> bool:
    return "Offline" in text and "connection" in text


def pay_actions(app):
    return {"menu": app.window.menus.actions["pay_due"], "tray": app.tray_menu.actions["pay_due"]}


def test_the_menus_pay_all_due_is_off_offline_and_says_why(canned_app, qtbot):  # noqa: F811
    app = canned_app
    session = signed_in(app, Panel({}), invoices=[invoice(1, "overdue", "10.00")])
    settle()
    for where, action in pay_actions(app).items():
        assert action.isEnabled(), where
        assert not says_offline(action.toolTip()), where
    session.took_error(NetworkError("The panel could not be reached."))
    session._retry.stop()                 # stays offline for the test: the canned sync would bring it back
    settle()
    assert not session.reachable
    for where, action in pay_actions(app).items():
        assert not action.isEnabled(), where
        assert says_offline(action.toolTip()), (where, action.toolTip())
        assert says_offline(action.statusTip()), (where, action.statusTip())
    # The same words as the Dashboard's Pay all due button
    app.window.select_section("dashboard")
    settle()
    assert app.window.sections["dashboard"].pay_all.toolTip() == pay_actions(app)["menu"].toolTip()
    assert app.window.menus.menus["account"].toolTipsVisible() and app.tray_menu.menu.toolTipsVisible()


def test_the_trays_pay_due_pays_nothing_offline_and_says_why(canned_app, qtbot):  # noqa: F811
    """The tray's menu may have been opened before the panel went away: its Pay due… then only says why."""
    app = canned_app
    session = signed_in(app, Panel({}), invoices=[invoice(1, "overdue", "10.00")])
    settle()
    session.took_error(NetworkError("The panel could not be reached."))
    session._retry.stop()
    settle()
    asked: list = []
    app.menu_actions.pay_all_due = lambda section: asked.append(section)
    app.menu_actions.pay_due()
    settle()
    assert asked == []
    assert says_offline(app.window.statusBar().currentMessage())
    assert app.window.current_key != "invoices"


def test_back_online_the_menus_pay_all_due_is_on_again(canned_app, qtbot):  # noqa: F811
    app = canned_app
    session = signed_in(app, Panel({}), invoices=[invoice(1, "overdue", "10.00")])
    session.took_error(NetworkError("The panel could not be reached."))
    session._retry.stop()
    settle()
    assert not pay_actions(app)["menu"].isEnabled()
    session.sync()
    qtbot.waitUntil(lambda: session.reachable, timeout=5000)
    settle()
    for where, action in pay_actions(app).items():
        assert action.isEnabled(), where
        assert not says_offline(action.toolTip()) and action.statusTip() == "", where
