"""Statuses as coloured shapes: the pills a table paints in its status cells, and the chip beside a page's title.

Colours come from app.models.table (one palette for every status); a chip's colours come from the theme's
`QLabel[chip=...]` rules.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.core.status_words import status_word
from app.core.text import translate
from app.models.plain_text import PLAIN
from app.models.table import BADGE_ROLE, tone_colour

from .theme import set_role

_BADGE_PAD_X = 8
_BADGE_PAD_Y = 2
_BADGE_FILL_ALPHA = 38
_SIZES_KEPT = 4096     # distinct cell texts whose size is kept (a screenful has a few hundred)


def _solid(colour: QColor) -> QBrush:
    """A solid brush of `colour`. `QBrush(colour)` and `QPainter.fillRect` have overloads taking QGradient's
    presets, and PySide builds QGradient's five Python enums the first time it resolves them (~3 ms, at the first
    tinted row of a table); this constructor and drawRect have none."""
    return QBrush(colour, Qt.BrushStyle.SolidPattern)


def pill_width(metrics: QFontMetrics, text: str | None) -> int:
    """The width a cell needs to show `text` as a whole pill: the pill BadgeDelegate.paint draws (the text and its
    padding) and 4 px either side. The delegate's sizeHint is larger (the cell's own padding, with the pill's on
    top); the columns are fitted to this."""
    return metrics.horizontalAdvance(text or "") + 2 * _BADGE_PAD_X + 8


class BadgeDelegate(QStyledItemDelegate):
    """Paints a cell whose model gives a BADGE_ROLE tone as a rounded, tinted pill; other cells as usual.

    It also paints the model's row tint (BackgroundRole, e.g. overdue invoices) itself: a style sheet with
    `QTableView::item` rules makes Qt's style ignore that role, and a highlighted row must not depend on the theme.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple[str, bool, str], QSize] = {}

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.backgroundBrush = QBrush()      # painted in paint(), under everything else

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        tint = index.data(Qt.ItemDataRole.BackgroundRole)
        if isinstance(tint, QColor):
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_solid(tint))
            painter.drawRect(option.rect)      # fillRect, without its overloads (see _solid)
            painter.restore()
        tone = index.data(BADGE_ROLE)
        colour = tone_colour(tone)
        if colour is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)   # background, selection
        if not text:
            return
        metrics = opt.fontMetrics
        height = metrics.height() + 2 * _BADGE_PAD_Y
        width = min(metrics.horizontalAdvance(text) + 2 * _BADGE_PAD_X, opt.rect.width() - 4)
        pill = QRect(opt.rect.left() + 4, opt.rect.center().y() - height // 2 + 1, width, height)
        fill = tone_colour(tone, _BADGE_FILL_ALPHA)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_solid(fill))
        painter.drawRoundedRect(QRectF(pill), height / 2, height / 2)
        painter.setPen(colour)
        painter.setFont(opt.font)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                                                                  width - 2 * _BADGE_PAD_X + 2))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        # Fitting the columns asks every cell on screen for its size: through Qt's own sizeHint that is ~10 calls
        # into the Python models per cell (every role of the style option). A cell's size here depends only on
        # its text, its font and whether it is a pill (no icons, checks or wrapping in these tables), so sizes
        # are kept by those; `forget_sizes` empties them when the style or font changes.
        cell = getattr(index.model(), "cell", None)     # the row models' and their proxy's: no trip through Qt
        if cell is not None:
            row, column = index.row(), index.column()
            text, badge = cell(row, column, Qt.ItemDataRole.DisplayRole), bool(cell(row, column, BADGE_ROLE))
        else:
            text, badge = index.data(Qt.ItemDataRole.DisplayRole), bool(index.data(BADGE_ROLE))
        key = (text, badge, option.font.key())
        size = self._sizes.get(key)
        if size is None:
            size = self._text_size(option, text)
            if badge:
                size.setWidth(size.width() + 2 * _BADGE_PAD_X + 8)
                size.setHeight(max(size.height(), option.fontMetrics.height() + 2 * _BADGE_PAD_Y + 8))
            if len(self._sizes) >= _SIZES_KEPT:
                self._sizes.clear()
            self._sizes[key] = size
        return QSize(size)

    @staticmethod
    def _text_size(option: QStyleOptionViewItem, text: str | None) -> QSize:
        """What Qt's sizeHint gives for a cell showing `text` and nothing else, without asking the model for
        every role again: the style measures the option as `initStyleOption` would have filled it."""
        opt = QStyleOptionViewItem(option)
        if text:
            opt.text = text
            opt.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        return style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, opt, QSize(), widget)

    def forget_sizes(self) -> None:
        self._sizes.clear()


class StatusChip(QLabel):
    """A record's status as a tinted pill. A screen reader reads it as what it is ("Status: Suspended"), not a word
    alone beside the title, whatever text it is given (a service's "Active · ends Dec 10" too)."""

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setAccessibleName(translate("StatusChip", "Status: {status}").format(status=text) if text else "")


def status_chip(text: str = "") -> QLabel:
    chip = StatusChip(textFormat=PLAIN)
    chip.setText(text)
    chip.setObjectName("statusChip")
    # The property exists before the first polish: a label polished without it never took the QLabel[chip] rule's
    # padding and rounding when set_chip set it later, so a record page's status was a tight box around the text.
    chip.setProperty("chip", "")
    return chip


def set_chip(chip: QLabel, status: str | None) -> None:
    chip.setText(status_word(status))
    if chip.property("chip") != (status or ""):
        set_role(chip, "chip", status or "")
