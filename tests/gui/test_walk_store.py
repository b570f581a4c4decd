"""What the store's product page says after the user has moved on: "Added to your cart (1 in cart)" belonged to the
moment of adding; back from the cart (checked out, emptied) it still showed over a cart that no longer held it."""
from __future__ import annotations

from PySide6.QtCore import Qt

from .conftest import WAIT, add_account


def test_the_added_note_does_not_outlive_a_visit_to_the_cart(make_app, shop, qtbot):
    product = shop.product(name="Walk VPS")
    user = shop.user()
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])
    window = app.window
    window.select_section("store")
    store = window.sections["store"]
    qtbot.waitUntil(lambda: store.open_product(product["id"]), timeout=WAIT)
    page = store.product_page
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.added.isVisibleTo(page), timeout=WAIT)
    qtbot.mouseClick(page.view_cart, Qt.MouseButton.LeftButton)
    cart = window.sections["cart"]
    qtbot.waitUntil(lambda: cart.isVisible(), timeout=WAIT)
    window.select_section("store")
    assert page.isVisible() and page.product.get("id") == product["id"]      # the same page, come back to
    assert not page.added.isVisible() and not page.view_cart.isVisible()


def test_the_product_forms_labels_keep_clear_of_their_fields(qtbot, qapp, tmp_path):
    """In German "Abrechnungszeitraum" ended 6 px from its box: a label should read as apart from the field."""
    from app.views.store import StoreSection
    from app.views.theme import apply_theme

    from .samples import account_data
    from .test_translations_dialogs import german

    apply_theme(qapp, "light")
    with german(qapp):
        store = StoreSection()
        qtbot.addWidget(store)
        store.resize(932, 650)
        store.show_data(account_data(tmp_path))
        store.show()
        assert store.open_product("cloud-vps-custom")
        page = store.product_page
        form = page.form
        for row in range(form.rowCount()):
            label = form.itemAt(row, form.ItemRole.LabelRole).widget()
            field = form.itemAt(row, form.ItemRole.FieldRole)
            field_left = field.geometry().left()
            words = label.geometry().left() + label.fontMetrics().horizontalAdvance(label.text().replace("&", ""))
            assert field_left - words >= 10, label.text()
