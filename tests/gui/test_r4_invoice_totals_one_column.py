"""An invoice page's totals are one column of amounts: the tax's rate and the discount's coupon are said with their
name ("Tax (20%, added)", "Discount (coupon SAVE10)"), not after the amount, where "$2.40 (20%, added)" stood out
of the column the other amounts right-align in."""
from __future__ import annotations

import pytest

from app.views.invoice_page import InvoicePage

from . import samples
from .test_invoice_pdf_layout import INVOICE

pytestmark = pytest.mark.usefixtures("utc")


def amount_right_edges(page) -> dict[str, int]:
    """Where each shown amount's last digit ends, in the card's coordinates."""
    edges = {}
    for key, label in page.fields.items():
        if not label.isVisible() or not label.text():
            continue
        digits = label.text().rstrip()
        while digits and not digits[-1].isdigit():
            digits = digits[:-1]
        right = label.contentsRect().right() - label.fontMetrics().horizontalAdvance(label.text()[len(digits):])
        edges[key] = label.mapTo(page.totals, label.rect().topLeft()).x() + right
    return edges


@pytest.mark.parametrize("inclusive", [False, True])
def test_the_totals_amounts_line_up_with_the_rate_and_coupon_by_their_names(qtbot, tmp_path, inclusive):
    data = samples.account_data(tmp_path)
    invoice = dict(INVOICE, subtotal="12.00", discount="2.00", coupon_code="SAVE10", tax_inclusive=inclusive)
    page = InvoicePage()
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    page.show_invoice(invoice, data)
    qtbot.waitExposed(page)
    assert page.fields["tax"].text() == "€2.40" and page.fields["discount"].text() == "-€2.00"
    assert page.field_names["tax"].text() == ("Tax (20%, included in the prices)" if inclusive
                                              else "Tax (20%, added)")
    assert page.field_names["discount"].text() == "Discount (coupon SAVE10)"
    edges = amount_right_edges(page)
    assert {"subtotal", "discount", "tax", "total"} <= set(edges)
    assert len(set(edges.values())) == 1, edges          # every amount ends where the others do


def test_without_a_coupon_or_tax_the_names_are_plain(qtbot, tmp_path):
    data = samples.account_data(tmp_path)
    page = InvoicePage()
    qtbot.addWidget(page)
    page.show_invoice(dict(INVOICE, tax_rate="0", tax_amount="0.00"), data)
    assert page.field_names["tax"].text() == "Tax" and page.fields["tax"].text() == "No tax"
    assert page.field_names["discount"].text() == "Discount"
