"""A panel's words (and a user's) shown as the words they are.

Qt treats text that looks like HTML as HTML: a QLabel in its default `AutoText` format, every tooltip, a message
box. A product a panel calls "<b>Big</b> VPS", or a ticket subject holding `<img src=...>`, would then be rendered:
restyled, spoofed, or made to load a local file. So every label is made `PLAIN` (`textFormat=PLAIN`), and a tooltip
that could be taken for HTML goes as escaped rich text (`tooltip`), the one form in which a tooltip shows markup
as typed. Sett's own words never rely on either (the About box's title, which is its own HTML, says so itself).
A desktop notification's text goes through `notification_text`: on Linux the notification server may read it as
markup (a link in a panel's message would be clickable) or not (then escapes would show), so the three characters
that make markup are given as their full-width look-alikes, which read the same either way.
"""
from __future__ import annotations

from PySide6.QtGui import Qt

PLAIN = Qt.TextFormat.PlainText


def tooltip(text: str) -> str:
    """`text` for setToolTip or a model's ToolTipRole, shown exactly as typed (no text stays no text)."""
    if text and not isinstance(text, str):
        text = str(text)   # a panel's number where text belongs (text fields let numbers through as sent)
    return Qt.convertFromPlainText(text) if text and Qt.mightBeRichText(text) else text


_NOT_MARKUP = str.maketrans({"<": "\uff1c", ">": "\uff1e", "&": "\uff06"})


def notification_text(text: str) -> str:
    """`text` for a desktop notification's title or body: never markup, whatever the notification server does."""
    return text.translate(_NOT_MARKUP)
