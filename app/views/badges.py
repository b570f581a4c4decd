"""Statuses as coloured shapes: the pills a table paints in its status cells, and the chip beside a page's title.

Colours come from app.models.table (one palette for every status); a chip's colours come from the theme's
`QLabel[chip=...]` rules.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QApplication, QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.core.status_words import status_word
from app.models.plain_text import PLAIN
from app.models.table import BADGE_ROLE, tone_colour

from .theme import set_role

_BADGE_PAD_X = 8
_BADGE_PAD_Y = 2
_BADGE_FILL_ALPHA = 38


class BadgeDelegate(QStyledItemDelegate):
    """Paints a cell whose model gives a BADGE_ROLE tone as a rounded, tinted pill; other cells as usual.

    It also paints the model's row tint (BackgroundRole, e.g. overdue invoices) itself: a style sheet with
    `QTableView::item` rules makes Qt's style ignore that role, and a highlighted row must not depend on the theme.
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.backgroundBrush = QBrush()      # painted in paint(), under everything else

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        tint = index.data(Qt.ItemDataRole.BackgroundRole)
        if isinstance(tint, QColor):
            painter.fillRect(option.rect, tint)
        colour = tone_colour(index.data(BADGE_ROLE))
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
        fill = tone_colour(index.data(BADGE_ROLE), _BADGE_FILL_ALPHA)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(pill), height / 2, height / 2)
        painter.setPen(colour)
        painter.setFont(opt.font)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                                                                  width - 2 * _BADGE_PAD_X + 2))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(BADGE_ROLE):
            size.setWidth(size.width() + 2 * _BADGE_PAD_X + 8)
            size.setHeight(max(size.height(), option.fontMetrics.height() + 2 * _BADGE_PAD_Y + 8))
        return size


def status_chip(text: str = "") -> QLabel:
    chip = QLabel(text, textFormat=PLAIN)
    chip.setObjectName("statusChip")
    return chip


def set_chip(chip: QLabel, status: str | None) -> None:
    chip.setText(status_word(status))
    if chip.property("chip") != (status or ""):
        set_role(chip, "chip", status or "")
