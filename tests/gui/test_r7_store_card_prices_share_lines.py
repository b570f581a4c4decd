"""A Store card of a product sold by size lists its other prices "Also from $14.30 / 3 months · $27.00 / 6 months
· …": "from" said before each price made each too long to share a line, and they ran one per line down the card
(four lines in a card with room for three). The "from" is said once; a fixed product's prices never had one."""
from __future__ import annotations

import pytest

from .test_r4_store_card_prices_wrap import NBSP, store_of_many_cycles, wrapped_lines

pytestmark = pytest.mark.usefixtures("utc")


@pytest.mark.parametrize("width", [760, 1000])
def test_other_prices_share_lines(qtbot, tmp_path, width):
    section = store_of_many_cycles(qtbot, tmp_path, width)
    by_size = [card for card in section.cards if card.product["pricing_type"] != "fixed"]
    assert by_size
    for card in by_size:
        text = card.other_prices.text().replace(NBSP, " ")
        assert text.startswith("Also from ") and text.count("from") == 1, text
        lines = wrapped_lines(card.other_prices)
        assert len(lines) < 4, lines                  # four prices, not one per line
        line = card.other_prices.fontMetrics().lineSpacing()
        assert card.other_prices.height() >= len(lines) * line       # and every line shows
