"""A mouse wheel turned over the product page or a cart line scrolls the page; it changes a size, billing cycle or
quantity only once the user has chosen that field: scrolling the product page over Memory moved it from 4 GB to
1 GB (and the price with it) unseen, and over a cart line sent the panel a new size."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from app.core.account_data import AccountData
from app.core.cart import CartItem
from app.views.cart_line import CartLine
from app.views.product import ProductPage

from . import samples

pytestmark = pytest.mark.usefixtures("utc")
DOWN = -120       # one notch of a wheel turned towards the user


def turn_wheel(widget, notches: int = 1) -> bool:
    """The wheel turned over the middle of `widget`, which Qt delivers to the widget under the pointer first: True
    when the widget took it, False when it left it to its parents (Qt then hands a real wheel's event up, to the
    scroll area; an event sent from a test goes no further)."""
    centre = QPointF(widget.rect().center())
    taken = False
    for _ in range(notches):
        event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(), QPoint(0, DOWN),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(widget, event)
        taken = taken or event.isAccepted()
    return taken


def custom() -> dict:
    return next(p for p in samples.PRODUCTS if p["id"] == "cloud-vps-custom")


@pytest.fixture
def page(qtbot):
    page = ProductPage()
    qtbot.addWidget(page)
    page.resize(1000, 330)         # short: the details scroll
    page.show()
    page.show_product(custom(), AccountData("a", billing_config=samples.BILLING_CONFIG, products=[custom()]))
    qtbot.waitExposed(page)
    page.back.setFocus()
    return page


def test_the_wheel_over_the_product_pages_fields_scrolls_the_page(page):
    memory = page.controls["memory"]
    before, price = memory.value(), page.price.text()
    for field in (memory.slider, memory.spin, page.cycle, page.quantity):
        assert not turn_wheel(field, 3)          # left to the page, which scrolls
        assert not field.hasFocus()
    assert memory.value() == before and page.price.text() == price
    assert page.cycle.currentIndex() == 0 and page.quantity.value() == 1
    # Chosen, the field takes the wheel as Qt's fields do.
    memory.spin.setFocus()
    assert turn_wheel(memory.spin)
    assert memory.value() != before


def test_the_wheel_over_a_cart_lines_fields_leaves_them(qtbot):
    line = CartLine(CartItem("item-1", "cloud-vps-custom", "monthly", {"memory": 4096}), custom())
    qtbot.addWidget(line)
    line.show()
    edits = []
    line.edited.connect(lambda *args: edits.append(args))
    for field in (*line.sizes.values(), line.cycle, line.quantity):
        assert not turn_wheel(field, 2)
    assert edits == [] and line.sizes["memory"].value() == 4096
