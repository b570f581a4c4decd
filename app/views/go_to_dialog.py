"""View ▸ Go to… (Ctrl+K): type a few letters of an invoice number, a service, an order, a ticket's subject, a screen
or another account, and Enter opens it. It only shows: the entries come in (app/models/go_to.py) and the one
chosen goes out as a signal, which the window opens as any other link to a record."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.core.text import translate
from app.models.go_to import Entry, GoToIndex
from app.models.plain_text import PLAIN

from .theme import set_role

_PAD = 6
# Keys the search field hands to the list: the field keeps the text cursor, the list the choice.
_LIST_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class _EntryDelegate(QStyledItemDelegate):
    """The title in bold over what it is ("Invoice · Overdue · $14.40"), muted; each cut with "…" to the width.
    The item's plain text (title, then detail) stays what assistive tools read."""

    def __init__(self, dialog: GoToDialog, view: QListWidget) -> None:
        super().__init__(view)
        self.dialog = dialog

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.92)
        return bold, small

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        shown = self.dialog.shown
        if not 0 <= index.row() < len(shown):
            super().paint(painter, option, index)
            return
        entry = shown[index.row()]
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)   # background, selection
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        bold, small = self._fonts(option)
        rect = option.rect.adjusted(_PAD * 2, _PAD, -_PAD * 2, -_PAD)
        painter.save()
        top = rect.top()
        for text, font, role in ((entry.title, bold, QPalette.ColorRole.Text),
                                 (entry.text(self.dialog.index.money_for(entry)), small,
                                  QPalette.ColorRole.PlaceholderText)):
            metrics = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(option.palette.color(QPalette.ColorRole.HighlightedText if selected else role))
            line = QRect(rect.left(), top, rect.width(), metrics.height())
            painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))
            top += metrics.height() + 1
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        bold, small = self._fonts(option)
        return QSize(200, QFontMetrics(bold).height() + QFontMetrics(small).height() + 1 + 2 * _PAD)


class GoToDialog(QDialog):
    chosen = Signal(str, str, str)      # kind ("screen", "account", "invoice", ...), its key or id, its account

    def __init__(self, index: GoToIndex, parent: QWidget | None = None, *, reading: bool = False) -> None:
        """`reading`: the records are still being indexed (the window says when with `set_index`): `index` holds
        what there is meanwhile, and the dialog says it is still reading."""
        super().__init__(parent)
        self.index = index
        self.reading = reading
        # Enter pressed while reading with nothing found yet: the first match opens once everything is read (or the
        # dialog says nothing matches). Typing again forgets it: it was meant for the text typed then.
        self.enter_waiting = False
        self.shown: list[Entry] = []
        self.setWindowTitle(translate("GoToDialog", "Go to — Sett"))
        self.setMinimumSize(520, 420)
        self.field = QLineEdit(objectName="goToField")
        self.field.setPlaceholderText(translate("GoToDialog", "An invoice number, a service, an order, a ticket, a "
                                                "screen or an account"))
        self.field.setAccessibleName(translate("GoToDialog", "Go to"))
        self.field.setClearButtonEnabled(True)
        self.list = QListWidget(objectName="goToList")
        self.list.setItemDelegate(_EntryDelegate(self, self.list))
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)      # typing stays in the field; arrows move the list
        self.list.itemActivated.connect(self._choose)
        self.list.itemClicked.connect(self._choose)
        self.nothing = QLabel(textFormat=PLAIN, objectName="goToNothing", wordWrap=True)
        set_role(self.nothing, "role", "muted")
        # Its line kept when hidden: "Still reading…" coming and going as a sync's records are indexed again, or a
        # match found and lost while typing, made the list grow and shrink under the user's eyes.
        policy = self.nothing.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.nothing.setSizePolicy(policy)
        hint = QLabel(translate("GoToDialog", "Enter opens · Up and Down choose · Escape closes"), textFormat=PLAIN)
        set_role(hint, "role", "muted")
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.nothing)
        layout.addWidget(hint)
        self.field.textChanged.connect(self._typed)
        self.field.returnPressed.connect(self._enter)
        self.field.installEventFilter(self)
        self._refill("")

    def _typed(self, text: str) -> None:
        self.enter_waiting = False
        self._refill(text)

    def _refill(self, text: str) -> None:
        self.list.clear()
        self.shown = self.index.find(text)      # row n of the list is shown[n] (items keep only the text)
        for entry in self.shown:
            self.list.addItem(QListWidgetItem(f"{entry.title}\n{entry.text(self.index.money_for(entry))}"))
        if self.list.count():
            self.list.setCurrentRow(0)
        self._say()

    def _say(self) -> None:
        """What the line under the list says: still reading (and what a waiting Enter will do), or nothing found."""
        if self.reading and self.enter_waiting:
            self.nothing.setText(translate("GoToDialog", "Still reading… Enter opens the first match once "
                                                         "everything is read."))
        elif self.reading:       # what is listed may not be all: more comes once the records are read
            self.nothing.setText(translate("GoToDialog", "Still reading…"))
        else:
            self.nothing.setText(translate("GoToDialog", "Nothing here matches “{text}”.").format(
                text=self.field.text().strip()))
        self.nothing.setVisible(self.reading or not self.list.count())

    def _enter(self) -> None:
        """Enter opens the entry chosen (the best match unless Up or Down moved); while the records are still
        read and nothing is found yet, the first match once they are."""
        item = self.list.currentItem()
        if item is not None:
            self._choose(item)
        elif self.reading:
            self.enter_waiting = True
            self._say()

    def forget_enter(self) -> None:
        """A waiting Enter no longer applies (the window switched to another account meanwhile)."""
        if self.enter_waiting:
            self.enter_waiting = False
            self._say()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in _LIST_KEYS and self.list.count():
            QApplication.sendEvent(self.list, QKeyEvent(event.type(), event.key(), event.modifiers()))
            return True
        return super().eventFilter(obj, event)

    def _choose(self, item: QListWidgetItem | None) -> None:
        row = self.list.row(item) if item is not None else -1
        if 0 <= row < len(self.shown):
            entry = self.shown[row]
            self.accept()
            self.chosen.emit(entry.kind, entry.target, entry.account)

    def set_index(self, index: GoToIndex, reading: bool = False) -> None:
        """More to find (the records indexed, a sync's new data, the other accounts' read meanwhile): the list again
        for the text typed, the choice kept on the same record (kind, id and account: its status may have changed)
        where it is still found, the list scrolled as it was; the keyboard stays where it is. `reading`: still not
        all of it. Once all is read, an Enter that waited opens the first match."""
        if index is not self.index:
            current = self.list.currentRow()
            chosen = self.shown[current] if 0 <= current < len(self.shown) else None
            scrolled = self.list.verticalScrollBar().value()
            self.index = index
            self.reading = reading
            self._refill(self.field.text())
            same = [row for row, entry in enumerate(self.shown) if chosen is not None and _same_record(entry, chosen)]
            if same:
                self.list.setCurrentRow(same[0])
                self.list.verticalScrollBar().setValue(scrolled)
                self.list.scrollToItem(self.list.item(same[0]))       # within sight, moved as little as can be
        elif reading != self.reading:     # the same entries: a refill would only scroll the list back to its top
            self.reading = reading
            self._say()
        if self.enter_waiting and not self.reading:
            self.enter_waiting = False
            if self.list.currentItem() is not None:
                self._choose(self.list.currentItem())
            # else the dialog says nothing matches, and stays open for another try


def _same_record(one: Entry, other: Entry) -> bool:
    return (one.kind, one.target, one.account) == (other.kind, other.target, other.account)
