"""Tables size their columns to what they show: each column as wide as its header and its visible cells need;
when the table is narrower than that, the free-text columns (names, notes, references) give up width, and elide
in the middle, keeping the end that tells rows apart ("Minecraft…5f2e"): first the minor ones (a server named
after its product), down to their header's width, then the others, down to a floor. Amounts, dates and
statuses keep their full width. A cut cell shows its whole text as a tooltip. What still does not fit scrolls,
with a visible bar."""
from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QPointF, QRect, QSize, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)

from app.models.plain_text import tooltip
from app.models.table import BADGE_ROLE, MINOR_ROLE, SORT_ROLE

from .badges import pill_width
from .row_menu import OpenText, RowAction, asks_for_menu, show_row_menu, show_row_menu_by_keyboard

MAX_WIDTH = 360          # a column wider than this is a sentence: it elides instead
ELASTIC_FLOOR = 100      # a free-text column never gets narrower than this when it gives up width


def is_elastic(view: QTableView, column: int) -> bool:
    """Free text: left-aligned, not a status pill (amounts and dates align right or are short)."""
    model = view.model()
    if model is None or model.rowCount() == 0:
        return False
    index = model.index(0, column)
    alignment = model.data(index, Qt.ItemDataRole.TextAlignmentRole)
    right = alignment is not None and bool(int(alignment) & int(Qt.AlignmentFlag.AlignRight))
    # A status column whose first row has no pill (a status with no tone) is still a status column: read as free
    # text, it gave up width like a name and cut the pills below.
    return not right and not any(model.data(model.index(row, column), BADGE_ROLE)
                                 for row in range(min(DATE_SAMPLE, model.rowCount())))


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_SAMPLE = 20        # rows read to tell a date column (its sort values are ISO dates)


def is_date(view: QTableView, column: int) -> bool:
    """A column of dates (left-aligned as text is, but no free text): it gives up width last, after the names. A
    date cut at the names' level ("Nov …2026") hid its day, the one part that tells rows apart, while a name
    beside it still had width to give."""
    model = view.model()
    values = [model.data(model.index(row, column), SORT_ROLE) for row in range(min(DATE_SAMPLE, model.rowCount()))]
    values = [v for v in values if v not in (None, "")]
    return bool(values) and all(isinstance(v, str) and _ISO_DATE.match(v) for v in values)


def title_width(view: QTableView, column: int) -> int:
    """The width the column's header needs to show its title whole: Qt's sectionSizeHint, but with room for the
    sort arrow only in the column the rows are sorted by (the others draw none). Qt reserved the arrow's room in
    every column, which kept e.g. "Server status" ~30 px wider than both its title and its pills need while the
    names beside it were cut. Measured, as Qt does, in the header's font made bold: at least as wide as the
    theme's smaller semi-bold header text."""
    header = view.horizontalHeader()
    option = QStyleOptionHeader()
    option.initFrom(header)
    option.section = column
    option.orientation = Qt.Orientation.Horizontal
    option.text = str(view.model().headerData(column, Qt.Orientation.Horizontal,
                                              Qt.ItemDataRole.DisplayRole) or "")
    font = QFont(header.font())
    font.setBold(True)
    option.fontMetrics = QFontMetrics(font)
    sorted_here = header.isSortIndicatorShown() and header.sortIndicatorSection() == column
    option.sortIndicator = (QStyleOptionHeader.SortIndicator.SortUp if sorted_here
                            else QStyleOptionHeader.SortIndicator.None_)
    size = header.style().sizeFromContents(QStyle.ContentsType.CT_HeaderSection, option, QSize(), header)
    return min(size.width(), header.sectionSizeHint(column))


def pills_width(view: QTableView, column: int) -> int | None:
    """A status column's width for the pills in its rows on screen (badges.pill_width), or None for a column of
    no pills. The delegate's size hint for a pill cell adds the pill's padding to the cell's own, which kept each
    status column ~25 px wider than its pills while the names beside it were cut."""
    model = view.model()
    first = view.rowAt(0)
    if first < 0:
        return None
    last = view.rowAt(view.viewport().height() - 1)
    last = model.rowCount() - 1 if last < 0 else last
    metrics, widest, pills = view.fontMetrics(), 0, False
    for row in range(first, last + 1):
        if view.isRowHidden(row):
            continue
        index = model.index(row, column)
        if model.data(index, BADGE_ROLE):
            pills = True
            widest = max(widest, pill_width(metrics, model.data(index, Qt.ItemDataRole.DisplayRole)))
        else:
            widest = max(widest, view.sizeHintForIndex(index).width())
    return widest if pills else None


def wanted_widths(view: QTableView) -> list[int]:
    header = view.horizontalHeader()
    widths = []
    for column in range(header.count()):
        if view.isColumnHidden(column):
            widths.append(0)
            continue
        cells = pills_width(view, column)
        if cells is None:
            cells = view.sizeHintForColumn(column)    # the rows on screen only: cheap at 50,000 rows
        title = title_width(view, column)
        widths.append(min(MAX_WIDTH, max(title, cells + 2, header.minimumSectionSize())))
    return widths


def is_minor(view: QTableView, column: int) -> bool:
    model = view.model()
    return bool(model.headerData(column, Qt.Orientation.Horizontal, MINOR_ROLE)) if model is not None else False


def _give_up(widths: list[int], floors: dict[int, int], columns: list[int], over: int) -> int:
    """Narrow `columns` by up to `over` pixels in all, at one level L: each gets min(its want, L), never under its
    floor; the highest L that takes away the overflow (a binary search: widths are small integers). Returns
    what is still over."""
    if over <= 0 or not columns:
        return over
    goal = sum(widths[c] for c in columns) - over

    def total(level: int) -> int:
        return sum(max(floors[c], min(widths[c], level)) for c in columns)

    low, high = 0, max(widths[c] for c in columns)
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if total(mid) <= goal else (low, mid - 1)
    before = sum(widths[c] for c in columns)
    for c in columns:
        widths[c] = max(floors[c], min(widths[c], low))
    return over - (before - sum(widths[c] for c in columns))


_REFERENCE = re.compile(r"(?=\S*\d)(?=\S*[^\W\d_])\S+")     # one word, of letters and digits


def is_reference(view: QTableView, column: int) -> bool:
    """A column of record numbers ("INV-000019", "ORD-000010"): one word of letters and digits in every row read. Its
    text is as long in every row, so width beyond it is only empty space."""
    model = view.model()
    texts = [model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
             for row in range(min(DATE_SAMPLE, model.rowCount()))]
    texts = [t for t in texts if t not in (None, "")]
    return bool(texts) and all(isinstance(t, str) and _REFERENCE.fullmatch(t) for t in texts)


def _spread(view: QTableView, widths: list[int], elastic: list[int], spare: int) -> bool:
    """Give a wide window's spare width to the names (the free-text columns that are not dates; the minor names
    when there are no others), in equal shares, rather than to the last column: a stretched last column left a
    gap in the middle of each row and pushed e.g. "Balance due" to the far right, away from what it belongs to.
    False when the only names are record numbers, which cannot use it: the Invoices list gave it all to the
    invoice's number, most of the table at 1600 pixels; the spare is then left after the last column."""
    names = [c for c in elastic if not is_minor(view, c) and not is_date(view, c)] or \
        [c for c in elastic if not is_date(view, c)]
    if not names or all(is_reference(view, c) for c in names):
        return False
    share, rest = divmod(spare, len(names))
    for i, c in enumerate(names):
        widths[c] += share + (1 if i < rest else 0)
    return True


def fit_columns(view: QTableView) -> None:
    header = view.horizontalHeader()
    if view.model() is None or header.count() == 0:
        return
    if not view.isVisible():
        # Qt's sizeHintForColumn reads every row of a table that is not on screen (it has no rows on screen to
        # read): 7.6 s of a frozen window for 50,000 invoices, when a sync refilled the Invoices screen while
        # another one was shown. A hidden table is fitted when it shows (FittedTableView.showEvent).
        return
    widths = wanted_widths(view)
    available = view.viewport().width()
    over = sum(widths) - available
    elastic = [c for c in range(len(widths)) if widths[c] and is_elastic(view, c)]
    if over > 0 and elastic:
        minor = [c for c in elastic if is_minor(view, c)]
        floors = {c: min(widths[c], max(header.minimumSectionSize(), title_width(view, c))) if c in minor
                  else min(widths[c], max(ELASTIC_FLOOR, title_width(view, c))) for c in elastic}
        dates = [c for c in elastic if c not in minor and is_date(view, c)]
        over = _give_up(widths, floors, minor, over)
        over = _give_up(widths, floors, [c for c in elastic if c not in minor and c not in dates], over)
        _give_up(widths, floors, dates, over)
    # A table with free text that cannot use a wide window's spare width leaves it after its last column; one with
    # no free text at all keeps its last column stretching.
    spare_at_end = over < 0 and bool(elastic) and not _spread(view, widths, elastic, -over)
    if spare_at_end and header.stretchLastSection():
        view.setProperty("spareAtEnd", True)        # the stretch comes back when a name can use the width
        header.setStretchLastSection(False)
    elif not spare_at_end and view.property("spareAtEnd"):
        view.setProperty("spareAtEnd", False)
        header.setStretchLastSection(True)
    last = len(widths) - 1
    stretch = header.stretchLastSection()
    for column, width in enumerate(widths):
        if width and not (stretch and column == last):
            header.resizeSection(column, width)
    if stretch and widths[last]:
        # Qt never narrows a stretched last section below the width it had when it became the last one (the
        # default 140 px), which left the table a few pixels too wide, with a scroll bar for them: make its
        # wanted width that floor.
        header.setStretchLastSection(False)
        header.resizeSection(last, widths[last])
        header.setStretchLastSection(True)


class FittedTableView(QTableView):
    """A QTableView that fits its columns (above) when its rows or its width change, and shows the whole text
    of an elided cell as a tooltip."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self._fit)
        self._fitted_width = -1
        self._fitted_height = -1
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        # sizeHintForColumn reads the rows on screen, then (Qt's default precision) up to 1,000 more: at 50,000
        # invoices that was ~1,000 Python calls per column per fit, 300 ms a fit with the status pills' delegate.
        # The rows on screen are what the widths are for.
        self.horizontalHeader().setResizeContentsPrecision(0)
        self.row_actions: list[RowAction] = []     # a screen's own entries in the rows' menu (row_menu.py)
        self.open_text: OpenText | None = None     # what Open says per row (None: "Open" for every row)
        # The sorted column's header draws the arrow, and only it has room for one (title_width).
        self.horizontalHeader().sortIndicatorChanged.connect(self.schedule_fit)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        header = self.horizontalHeader()
        end = header.length() - header.offset()
        where = event.pos()
        if (event.reason() == QContextMenuEvent.Reason.Mouse and header.count() and where.x() >= end
                and self.rowAt(where.y()) >= 0):
            # a right click on a row's painted end (_paint_row_ends) is on that row, as a left click is (_onto_row)
            where = QPoint(end - 1, where.y())
        show_row_menu(self, event, where)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if asks_for_menu(event):        # accepted here, so Qt makes no second menu of the same key
            show_row_menu_by_keyboard(self)
            event.accept()
            return
        super().keyPressEvent(event)

    def setModel(self, model) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        if model is not None:
            # layoutChanged (a sort) brings other rows on screen, dataChanged (a sync) other texts in them: the
            # widths are measured from those cells
            for signal in (model.modelReset, model.rowsInserted, model.columnsInserted, model.columnsRemoved,
                           model.layoutChanged, model.dataChanged):
                signal.connect(self.schedule_fit)
        self.schedule_fit()

    def _fit(self) -> None:
        self._fitted_height = self.viewport().height()      # the rows on screen the widths were measured from
        fit_columns(self)

    def schedule_fit(self, *_args) -> None:
        self._fit_timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        # (A scroll bar showing or hiding resizes the viewport, which Qt hands here too.) Taller than at the last
        # fit shows more rows, whose cells the widths are measured from: the sideways bar hiding after a fit
        # brought an "Active · cancelling" on screen in a status column fitted to "Active", and cut it.
        if self.viewport().width() != self._fitted_width or self.viewport().height() > self._fitted_height:
            self._fitted_width = self.viewport().width()
            self._fitted_height = self.viewport().height()
            self.schedule_fit()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.schedule_fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            # A theme's padding or a new font changes every cell's size: the delegate's kept sizes are stale.
            forget = getattr(self.itemDelegate(), "forget_sizes", None)
            if forget is not None:
                forget()
            self.schedule_fit()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        self._paint_row_ends(event.rect())

    def _onto_row(self, event: QMouseEvent) -> QMouseEvent:
        """A press past the last column, on a row's painted end (below), is a press on that row's last cell."""
        header = self.horizontalHeader()
        end = header.length() - header.offset()
        where = event.position()
        if where.x() < end or header.count() == 0 or self.rowAt(int(where.y())) < 0:
            return event
        return QMouseEvent(event.type(), QPointF(end - 1, where.y()), event.globalPosition(), event.button(),
                           event.buttons(), event.modifiers())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mousePressEvent(self._onto_row(event))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(self._onto_row(event))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseDoubleClickEvent(self._onto_row(event))

    def selectionChanged(self, selected, deselected) -> None:  # noqa: N802 - Qt's name
        super().selectionChanged(selected, deselected)
        if self.horizontalHeader().length() - self.horizontalHeader().offset() < self.viewport().width():
            self.viewport().update()        # the rows' ends past the last column follow the highlight (below)

    def _paint_row_ends(self, area: QRect) -> None:
        """A list that leaves a wide window's spare width after its last column (fit_columns) carries each row's
        background on to the right edge: its stripe (alternating colours) and, selected, its highlight, drawn as
        the style draws a cell's, so the rows look whole. They ended at the last column, in a white field beside
        the stripes (stretching the last column instead pushed its amounts to the far right, away from the rest)."""
        model, header = self.model(), self.horizontalHeader()
        if model is None or header.count() == 0 or model.rowCount(self.rootIndex()) == 0:
            return
        end = header.length() - header.offset()
        width = self.viewport().width()
        if end >= width or end >= area.right() + 1:
            return
        first = self.rowAt(area.top())
        last = self.rowAt(area.bottom())
        if first < 0:
            return
        if last < 0:
            last = model.rowCount(self.rootIndex()) - 1
        selection = self.selectionModel()
        last_column = header.logicalIndexAt(end - 1)
        painter = QPainter(self.viewport())
        try:
            for row in range(first, last + 1):
                if self.isRowHidden(row):
                    continue
                option = QStyleOptionViewItem()
                self.initViewItemOption(option)
                option.rect = QRect(end, self.rowViewportPosition(row), width - end, self.rowHeight(row))
                if self.alternatingRowColors() and row % 2:
                    option.features |= QStyleOptionViewItem.ViewItemFeature.Alternate
                if selection is not None and selection.isRowSelected(row, self.rootIndex()):
                    option.state |= QStyle.StateFlag.State_Selected
                self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewRow, option, painter, self)
                # A row the model tints (an overdue invoice's) carries its tint on too, as its last cell has it.
                # (Drawn as BadgeDelegate draws it in the cells: a solid brush and drawRect, see badges._solid.)
                tint = model.index(row, last_column, self.rootIndex()).data(Qt.ItemDataRole.BackgroundRole)
                if isinstance(tint, QColor) and not option.state & QStyle.StateFlag.State_Selected:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QBrush(tint, Qt.BrushStyle.SolidPattern))
                    painter.drawRect(option.rect)
                if option.state & QStyle.StateFlag.State_Selected:
                    self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, self)
        finally:
            painter.end()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.indexAt(event.pos())
            if index.isValid() and self.model().data(index, Qt.ItemDataRole.ToolTipRole) is None:
                text = elided_text(self, index)
                if text:
                    QToolTip.showText(event.globalPos(), tooltip(text), self.viewport(), self.visualRect(index))
                    return True
        return super().viewportEvent(event)


def elided_text(view: QAbstractItemView, index: QModelIndex | QPersistentModelIndex) -> str | None:
    """The cell's whole text when its column is too narrow to show it, else None. The cell's own size hint (its
    delegate's: the text, the style sheet's padding and the style's margins) is the width it shows whole in: a
    guess from the font alone missed the names Qt did cut by a few pixels, which then had no tooltip."""
    text = view.model().data(index, Qt.ItemDataRole.DisplayRole)
    if not text:
        return None
    wanted = (pill_width(view.fontMetrics(), str(text)) if view.model().data(index, BADGE_ROLE)
              else view.sizeHintForIndex(index).width())
    return str(text) if wanted > view.visualRect(index).width() else None
