"""A Store card's other prices wrap between prices, never inside one: in a narrow card "from" ended one line and
"$27.00 / 6 months" began the next, and German broke "ab 27,00 $ / 6 Monate" after the amount."""
from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtGui import QTextLayout, QTextOption

from app.views.store import StoreSection

from . import samples

pytestmark = pytest.mark.usefixtures("utc")
NBSP = "\u00a0"


def wrapped_lines(label) -> list[str]:
    """The lines the label's text is drawn in at its width (its font and word wrap)."""
    text = label.text()
    layout = QTextLayout(text, label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(label.contentsRect().width())
        lines.append(text[line.textStart():line.textStart() + line.textLength()].replace(NBSP, " ").strip())
    layout.endLayout()
    return lines


def many_cycles(product: dict) -> dict:
    """The product sold on every cycle, so its card lists four other prices."""
    cycles = ("monthly", "quarterly", "semi_annual", "annual", "biennial")
    return {**product, "pricing": [{"billing_cycle": cycle, "price": f"{12 * (n + 1)}.00", "setup_fee": "0.00"}
                                   for n, cycle in enumerate(cycles)]}


def store_of_many_cycles(qtbot, tmp_path, width: int) -> StoreSection:
    """The Store, `width` wide, showing the sample products each sold on every cycle."""
    data = samples.account_data(tmp_path)
    data = dataclasses.replace(data, products=[many_cycles(p) for p in data.products])
    section = StoreSection()
    qtbot.addWidget(section)
    section.resize(width, 650)
    section.show()
    section.show_data(data)
    qtbot.waitExposed(section)
    return section


@pytest.mark.parametrize("width", [760, 1000])
def test_other_prices_wrap_between_prices(qtbot, tmp_path, width):
    section = store_of_many_cycles(qtbot, tmp_path, width)
    checked = 0
    for card in section.cards:
        label = card.other_prices
        prices = [p.strip() for p in label.text().replace(NBSP, " ").removeprefix("Also ").split("·")]
        lines = wrapped_lines(label)
        assert len(prices) == 4 and len(lines) > 1, lines        # a card narrow enough to wrap them
        for price in prices:
            assert any(price in line for line in lines), (price, lines)
        assert not any(line.startswith("·") for line in lines)
        checked += 1
    assert checked
