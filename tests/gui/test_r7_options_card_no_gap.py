"""A product without a size option bought once: its options card ends under the quantity. The line under the
options (the sizes, "2 × $3.50") stayed as an empty line, empty space at the bottom of the card."""
from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QFrame

from app.core.account_data import AccountData
from app.views.product import ProductPage

from . import samples
from .layout_steps import settle


def gap_under(widget, card) -> int:
    return card.height() - widget.mapTo(card, QPoint(0, widget.height())).y()


def test_the_options_card_ends_under_the_quantity(qtbot):
    product = next(p for p in samples.PRODUCTS if p["id"] == "web-hosting-basic")      # fixed: no sizes
    data = AccountData("a", billing_config=samples.BILLING_CONFIG, products=[product])
    page = ProductPage()
    qtbot.addWidget(page)
    page.resize(1000, 650)
    page.show()
    page.show_product(product, data)
    settle(qtbot)
    card = page.findChild(QFrame, "buyPanel")
    bottom = card.layout().contentsMargins().bottom()
    assert gap_under(page.quantity, card) <= bottom + 2         # the card's own margin, no empty line

    page.quantity.setValue(2)           # a line that says something shows
    settle(qtbot)
    assert page.breakdown.isVisible() and page.breakdown.text().startswith("2 × ")
    assert gap_under(page.breakdown, card) <= bottom + 2
