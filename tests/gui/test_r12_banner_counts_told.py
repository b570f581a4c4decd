"""After a paid order the bell said 11 while the banner still said "9 new notifications": the panel's notifications
about the payment (already said by the payment's result in the window) are rightly not announced again, but a count
up for the account left them out, so the banner's number no longer was the bell's. The whole client over a
synchronous worker and canned panel answers."""
from __future__ import annotations

from .test_drift_actions import Panel, canned_app, settle, signed_in  # noqa: F401 - canned_app is a fixture
from .test_views2_banner_follows_notices import TAIL, banner_words, notification, synced


def about_invoice(number: int, invoice_id: str) -> dict:
    return dict(notification(number), action_url=f"/api/v1/billing/invoices/{invoice_id}")


def test_notices_a_payment_already_said_join_the_count_without_a_new_alert(canned_app, qtbot):  # noqa: F811
    app = canned_app
    session = signed_in(app, Panel({}), notifications=[notification(n) for n in range(1, 10)])
    settle()
    assert banner_words(app) == ["9 new notifications" + TAIL]
    alerts = []
    app.notifier.alert = lambda *args: alerts.append(args)

    app.notices.records_told(session.id, [("invoice", "i-7")])      # the payment's result said it in the window
    synced(session, [about_invoice(10, "i-7"), about_invoice(11, "i-7")])

    assert app.window.sidebar.notices_badge.text() == "11"
    assert banner_words(app) == ["11 new notifications" + TAIL]
    assert alerts == []                          # counted, not announced: the window does not ask for attention

    synced(session, [about_invoice(10, "i-7") | {"read": True}])       # one of them read: the count follows
    assert app.window.sidebar.notices_badge.text() == "10"
    assert banner_words(app) == ["10 new notifications" + TAIL]


def test_notices_already_said_put_no_banner_up_by_themselves(canned_app, qtbot):  # noqa: F811
    app = canned_app
    session = signed_in(app, Panel({}))
    settle()
    assert banner_words(app) == []
    app.notices.records_told(session.id, [("invoice", "i-7")])
    synced(session, [about_invoice(1, "i-7"), about_invoice(2, "i-7")])
    assert app.window.sidebar.notices_badge.text() == "2"
    assert banner_words(app) == []
