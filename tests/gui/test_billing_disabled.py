"""A panel without the Billing Module licence (or with billing off): the billing screens hide and a page says why."""
from __future__ import annotations

from decimal import Decimal

from app.sync.resources import BILLING_OFF_REASON
from app.views.sidebar import BILLING_PAGE
from tests.support.catalogue import Shop

from .conftest import WAIT, add_dialog_at_sign_in, admin_of, sign_in_with_password, wait_synced


def test_billing_off_hides_the_billing_screens_and_says_why_then_comes_back(make_app, private_panel, qtbot):
    proc = private_panel()
    admin = admin_of(proc)
    user = Shop(admin).user(credits="6.00")
    admin.data("PUT", "/admin/license", {"billing": False})
    panel_name = admin.data("GET", "/settings/public")["panel_name"]

    app = make_app()
    dialog = add_dialog_at_sign_in(qtbot, app, proc.url)
    assert "billing is switched off on this panel" in dialog.login_where.text()
    sign_in_with_password(dialog, user.user["email"])
    qtbot.waitUntil(lambda: len(app.accounts.all()) == 1, timeout=WAIT)
    wait_synced(qtbot, app, app.accounts.all()[0].id)

    window = app.window
    billing_keys = {k for k, s in window.sections.items() if s.billing}
    assert billing_keys, "the billing screens exist"
    visible = set(window.sidebar.visible_keys())
    assert not (billing_keys & visible) and BILLING_PAGE in visible
    assert window.current_key == BILLING_PAGE
    page = window.billing_page
    assert page.title.text() == f"Billing is not available on {panel_name}"
    assert page.reason.text() == BILLING_OFF_REASON
    assert window.status.state == "online"          # connected and fine: only billing is missing
    window.select_section("invoices")               # a hidden screen cannot be reached
    assert window.current_key == BILLING_PAGE
    window.select_nth(1)
    assert window.current_key == window.sidebar.visible_keys()[0]

    admin_of(proc).data("PUT", "/admin/license", {"billing": True})
    count = len(app.synced_log)
    page.button.click()                             # "Check again"
    qtbot.waitUntil(lambda: len(app.synced_log) > count, timeout=WAIT)
    visible = set(window.sidebar.visible_keys())
    assert billing_keys <= visible and BILLING_PAGE not in visible
    assert window.current_key != BILLING_PAGE
    assert Decimal(window.data.credits["balance"]) == Decimal("6.00")
