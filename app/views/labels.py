"""Text helpers every screen shares: headings, subtitles, muted captions, and theme properties on any widget.

Looks come from the shell's theme (app/views/theme.py), through the vocabulary its style sheets define: `role`,
`card`, `clickable` and `kind` properties; the fonts set here only make a screen readable without a theme.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QToolTip,
    QWidget,
)

from app.models.plain_text import PLAIN, tooltip

# The widest minimum a label of a panel's text asks for. A layout gives a label at least its minimum width, and a
# window at least its layout's: one product name without a space made Sett's window ~9,000 px wide at its
# smallest. A text wider than this is cut at the label's edge instead when the window is narrow.
DATA_MIN_WIDTH = 160


class _NarrowMinimum:
    """A widget of a panel's text that asks for at most MIN_WIDTH at its minimum (short texts keep their own)."""

    MIN_WIDTH = DATA_MIN_WIDTH

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        size = super().minimumSizeHint()
        return QSize(min(size.width(), self.MIN_WIDTH), size.height())


class DataLabel(_NarrowMinimum, QLabel):
    """A label that may show a panel's text (a name, a title, a note, a message): plain text, and at its minimum
    never wider than DATA_MIN_WIDTH. One line narrower than its text ends in "…" instead of being cut mid-letter,
    the whole text in its tooltip; `text()` stays whole. Wrapped or selectable text is QLabel's to paint."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("textFormat", PLAIN)
        super().__init__(*args, **kwargs)

    def _one_line(self) -> bool:
        selectable = self.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
        return not (self.wordWrap() or selectable or "\n" in self.text())

    def _line_rect(self) -> QRect:
        """Where QLabel itself puts a line: inside its margin, and indented by half an "x" when it has a frame (a
        style sheet's padding makes one: the status bar's labels)."""
        margin = self.margin()
        rect = self.contentsRect().adjusted(margin, margin, -margin, -margin)
        indent = self.indent()
        if indent < 0 and self.frameWidth():
            indent = self.fontMetrics().horizontalAdvance("x") // 2 - margin
        if indent > 0:
            align = self.alignment()
            if align & Qt.AlignmentFlag.AlignLeft:
                rect.setLeft(rect.left() + indent)
            elif align & Qt.AlignmentFlag.AlignRight:
                rect.setRight(rect.right() - indent)
        return rect

    def shown_text(self) -> str:
        if not self._one_line():
            return self.text()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self._line_rect().width())

    def elided(self) -> bool:
        return self.shown_text() != self.text()

    def event(self, event: QEvent) -> bool:
        # Cut short, the whole text is under the pointer (the status bar's "Offline — … cannot be reached since …"
        # beside "Syncing…" ended in "showin…" with no way to read the rest); a tooltip of its own is left alone.
        if event.type() == QEvent.Type.ToolTip and not self.toolTip() and self.elided():
            QToolTip.showText(event.globalPos(), tooltip(self.text()), self)
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if not self._one_line():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        self.style().drawItemText(painter, self._line_rect(), int(self.alignment()), self.palette(),
                                  self.isEnabled(), self.shown_text(), self.foregroundRole())


class DataButton(_NarrowMinimum, QPushButton):
    """A button whose text may be a panel's (an order number, a product name): like DataLabel, at its minimum
    never wider than DATA_MIN_WIDTH, and narrower than its text it ends in "…" (Qt centres the text and would cut
    it at both ends, showing its middle), the whole text in its tooltip; `text()` stays whole. (A push button's policy
    makes its size hint its minimum; Preferred lets the layout use the minimum below.)"""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, self.sizePolicy().verticalPolicy())

    def _option(self) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return option

    def whole_text(self) -> str:
        """The text as the user reads it: `literal`'s "&&" is one "&"."""
        return self.text().replace("&&", "&")

    def shown_text(self, option: QStyleOptionButton | None = None) -> str:
        """The text as painted: whole where it fits, else cut to end in "…"."""
        option = option or self._option()
        room = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self).width()
        if not option.icon.isNull():
            room -= option.iconSize.width() + 4
        whole = self.whole_text()
        if self.fontMetrics().horizontalAdvance(whole) <= room:
            return whole
        return self.fontMetrics().elidedText(whole, Qt.TextElideMode.ElideRight, max(0, room))

    def elided(self) -> bool:
        return self.shown_text() != self.whole_text()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        option = self._option()
        shown = self.shown_text(option)
        if shown != self.whole_text():
            option.text = literal(shown)
        QStylePainter(self).drawControl(QStyle.ControlElement.CE_PushButton, option)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and not self.toolTip() and self.elided():
            QToolTip.showText(event.globalPos(), tooltip(self.whole_text()), self)
            return True
        return super().event(event)


class ElidedLabel(DataLabel):
    """One line that ends in "…" where it is narrower than its text, down to no width at all; `text()` stays
    whole (put what matters first)."""

    MIN_WIDTH = 0


def literal(text: str) -> str:
    """Data on a button or a menu item: its "&" is a character, not a mnemonic (a menu showed "R&D" as an
    underlined "RD", and Alt+D pressed it)."""
    return text.replace("&", "&&")


def emphasise(label: QLabel, scale: float = 1.0, bold: bool = True) -> QLabel:
    """A larger or bolder font: how headings and figures read before (or without) the theme's style sheet."""
    font = label.font()
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    label.setFont(font)
    return label


def styled(widget: QWidget, **properties) -> QWidget:
    """Set theme properties (role="title", card=True, ...) before the widget is first polished."""
    for name, value in properties.items():
        widget.setProperty(name, value)
    return widget


def heading(text: str, object_name: str = "sectionTitle") -> QLabel:
    label = DataLabel(text)
    label.setObjectName(object_name)
    label.setAccessibleName(text)
    title = object_name == "sectionTitle"
    styled(label, role="title" if title else "heading")
    return emphasise(label, 1.7 if title else 1.2)


def subtitle(text: str = "", object_name: str = "sectionSubtitle") -> QLabel:
    label = DataLabel(text)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    return styled(label, role="subtitle")


def muted(text: str = "", object_name: str = "caption", *, wrap: bool = False) -> QLabel:
    label = DataLabel(text, objectName=object_name, wordWrap=wrap)
    return styled(label, role="muted")


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A Yes/No question, No by default, its text shown as typed (it may hold an order number the panel chose)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setTextFormat(PLAIN)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
