"""A status chip is a tinted pill wherever it sits: on a card too (a server card's "Suspended" was bare red text,
because the cards' rule that makes their labels transparent outranked the chips' colours), and in the tone the
tables' pills use, so a page's status reads as its row does in the list. A server's "installing" and "offline" had
no tone at all."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from app.models.tones import status_tone, tone_colour
from app.views.server_card import ServerCard
from app.views.theme import apply_theme


def blend(over: QColor, under: QColor) -> tuple[int, int, int]:
    a = over.alpha() / 255
    return tuple(round(a * c1 + (1 - a) * c2) for c1, c2 in
                 zip((over.red(), over.green(), over.blue()), (under.red(), under.green(), under.blue()), strict=True))


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("status", ["running", "suspended", "installing", "offline", "terminated"])
def test_a_server_cards_status_is_a_pill_in_its_tables_tone(qtbot, qapp, theme, status):
    apply_theme(qapp, theme)
    card = ServerCard()
    qtbot.addWidget(card)
    card.resize(700, 200)
    card.show()
    card.show_server({"id": "srv-1", "name": "mc-01", "status": status, "node": "de-fra-1"})
    qtbot.waitExposed(card)
    image = card.grab().toImage()
    chip = card.chip.geometry()
    inside = QColor(image.pixel(chip.left() + 4, chip.center().y()))      # the pill's padding, left of the word
    outside = QColor(image.pixel(chip.left() - 6, chip.center().y()))     # the card beside it
    tone = status_tone(status)             # every server status has one ("installing" and "offline" were words)
    assert tone is not None and inside != outside, (theme, status)
    expected = blend(tone_colour(tone, 38), outside)
    assert all(abs(got - want) <= 3 for got, want in zip(inside.getRgb()[:3], expected, strict=True)), (
        theme, status, inside.name(), expected)
