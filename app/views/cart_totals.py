"""The cart's totals: subtotal, discount, tax, total, credits applied and what is due now, with where they came
from (the local estimate or the panel's preview)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from app.core.formatting import rate_text
from app.core.money import parse_money
from app.core.text import translate
from app.models.plain_text import PLAIN

from .labels import emphasise, muted, styled


class Totals(QFrame):
    ROWS = (("subtotal", QT_TRANSLATE_NOOP("Totals", "Subtotal")),
            ("discount", QT_TRANSLATE_NOOP("Totals", "Discount")),
            ("tax_amount", QT_TRANSLATE_NOOP("Totals", "Tax")),
            ("total", QT_TRANSLATE_NOOP("Totals", "Total")),
            ("credits_applied", QT_TRANSLATE_NOOP("Totals", "Credits applied")),
            ("due_now", QT_TRANSLATE_NOOP("Totals", "Due now")))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cartTotals")
        styled(self, card=True)
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(20, 16, 20, 16)
        grid.setVerticalSpacing(6)
        for row, (key, text) in enumerate(self.ROWS):
            label = QLabel(translate("Totals", text), objectName=f"{key}Label", textFormat=PLAIN)
            value = QLabel(objectName=f"{key}Value", textFormat=PLAIN)
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            if key in ("total", "due_now"):
                emphasise(label, 1.05)
                emphasise(value, 1.15)
            grid.addWidget(label, row, 0)
            grid.addWidget(value, row, 1)
            self.labels[key], self.values[key] = label, value
        self.source = muted(object_name="totalsSource", wrap=True)
        grid.addWidget(self.source, len(self.ROWS), 0, 1, 2)
        grid.setColumnStretch(0, 1)

    def show_amounts(self, amounts: dict, money, *, tax_rate, tax_inclusive: bool, tax_enabled: bool,
                     credits_used: bool = True) -> None:
        """`credits_used`: whether the order spends credits (the buyer's choice, and the panel keeps credits with a
        balance to spend); when not, "Credits applied" is left out as the tax row is when tax is off, unless the
        amounts apply some anyway."""
        for key, _text in self.ROWS:
            value = amounts.get(key)
            shown = money(value)
            if key in ("discount", "credits_applied") and value is not None and money(value) != money(0):
                # Taken off: the locale's minus, as the checkout shows it (unbounded: a sum Sett worked out may pass
                # the bound a panel's single amount keeps).
                shown = money(-parse_money(value, bounded=False))
            self.values[key].setText(shown)
        label = (translate("Totals", "Tax ({rate}, included)") if tax_inclusive
                 else translate("Totals", "Tax ({rate})"))
        self.labels["tax_amount"].setText(label.format(rate=rate_text(tax_rate)))     # "20%" / "7,5 %"
        for key in ("tax_amount",):
            self.labels[key].setVisible(tax_enabled)
            self.values[key].setVisible(tax_enabled)
        has_discount = money(amounts.get("discount") or 0) != money(0)
        has_credits = credits_used or money(amounts.get("credits_applied") or 0) != money(0)
        self.labels["credits_applied"].setVisible(has_credits)
        self.values["credits_applied"].setVisible(has_credits)
        self.labels["discount"].setVisible(has_discount)
        self.values["discount"].setVisible(has_discount)

    def value(self, key: str) -> str:
        return self.values[key].text()
