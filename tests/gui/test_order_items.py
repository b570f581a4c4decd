"""An order's items say what was bought: the sizes chosen for a configurable product and a setup fee, which the
line's amount includes while its unit price does not."""
from __future__ import annotations

import pytest

from app.views.order_page import OrderPage

from .samples import account_data

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

ITEMS = [
    {"product_id": "cloud-vps-custom", "product_name": "Cloud VPS Custom", "billing_cycle": "quarterly",
     "config": {"memory": 4096, "disk": 40960, "cpu": 200}, "quantity": 1, "unit_price": "54.00",
     "setup_fee": "0.00", "amount": "54.00"},
    {"product_id": "rust-premium", "product_name": "Rust Premium", "billing_cycle": "monthly", "config": {},
     "quantity": 2, "unit_price": "24.00", "setup_fee": "10.00", "amount": "68.00"},
    {"product_id": "web-hosting-basic", "product_name": "Web Hosting Basic", "billing_cycle": "monthly",
     "config": None, "quantity": 1, "unit_price": "3.00", "setup_fee": "5.00", "amount": "8.00"},
    {"product_id": "odd", "product_name": "Odd", "billing_cycle": "monthly", "config": "not a dict",
     "quantity": 1, "unit_price": "1.00", "setup_fee": "not money", "amount": "1.00"},
]


def test_the_items_name_the_sizes_chosen_and_the_setup_fee(qtbot, tmp_path):
    data = account_data(tmp_path)
    page = OrderPage()
    qtbot.addWidget(page)
    page.show_order({"id": "o-9", "order_number": "ORD-9", "status": "active", "items": ITEMS,
                     "created_at": "2026-11-10T10:00:00Z", "total": "131.00"}, data)
    model = page.items.model()
    shown = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert shown == ["Cloud VPS Custom (4 GB RAM · 40 GB disk · 2 cores)",
                     "Rust Premium + setup fee €10.00 each",
                     "Web Hosting Basic + setup fee €5.00",
                     "Odd"]
