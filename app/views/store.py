"""Store: the panel's categories and products as cards, a search field, and each product's page (app.views.product)
with its sizes, live price and Add to Cart. Everything here comes from the cache, so it works offline."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from app.core.account_data import AccountData
from app.core.cycles import BILLING_CYCLES
from app.core.formatting import cycle_suffix
from app.core.money import parse_money, round_money
from app.core.pricing import PricingError, config_ranges, recurring_price
from app.core.text import translate
from app.models.plain_text import PLAIN

from .empty_state import EmptyState
from .labels import DataLabel, emphasise, heading, muted, styled, subtitle
from .product import ProductPage, out_of_stock_text, product_resources_text, stock_text
from .screen_margins import follow_width
from .section import Section
from .shapes import obj, objs
from .submit_keys import leave_search_on_down_or_enter

ALL = ""                    # the category list's "All products" entry
_CARD_WIDTH = 280           # a card's comfortable width; the grid fits as many columns as the width allows
# Cards built at a time. Each costs ~2 ms (a dozen widgets): a catalogue of 2,000 products froze the window for 6 s
# at every category change or typed letter of a search. More come with "Show more".
CARDS_AT_ONCE = 48
_DESCRIPTION_CHARS = 160


class _GridScroll(QScrollArea):
    viewport_resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.viewport_resized.emit()


@dataclass(frozen=True)
class FromPrice:
    cycle: str
    price: Decimal          # rounded to the currency's places
    setup_fee: Decimal
    variable: bool          # the buyer chooses sizes, so this is the smallest choice: "From ..."


def from_prices(product: dict, places: int) -> list[FromPrice]:
    """Per billing cycle the product is sold on (contract order), its cheapest price: fixed products' price,
    per-GB and configurable products' price at the smallest size the buyer can choose."""
    smallest = {key: int(rng["min"]) for key, rng in config_ranges(product).items() if "min" in rng}
    variable = product.get("pricing_type") != "fixed" and bool(smallest)
    prices = []
    for row in sorted(objs(product.get("pricing")), key=lambda r: _cycle_rank(r.get("billing_cycle"))):
        cycle = row.get("billing_cycle")
        try:
            price = recurring_price(product, cycle, smallest)
            setup = parse_money(row.get("setup_fee") or 0)
        except (PricingError, ValueError, KeyError, TypeError, ArithmeticError):
            continue   # a row this client cannot price (unknown cycle, bad data) is not offered
        prices.append(FromPrice(cycle, round_money(price, places), round_money(setup, places), variable))
    return prices


def _cycle_rank(cycle: str | None) -> int:
    return BILLING_CYCLES.index(cycle) if cycle in BILLING_CYCLES else len(BILLING_CYCLES)


def _category_id(product: dict) -> str:
    return str(obj(product.get("category")).get("id") or "")


def _price_text(price: FromPrice, data: AccountData, variable: str) -> str:
    """"€15.00 / month"; "From €6.00 / month" when the buyer's choice of size can only make it dearer (`variable`
    is the translated sentence around {price})."""
    text = f"{data.money(price.price)} {cycle_suffix(price.cycle)}".strip()
    return variable.format(price=text) if price.variable else text


def _unbroken(text: str) -> str:
    """`text` that a wrapping label never breaks: its spaces made no-break spaces."""
    return text.replace(" ", "\u00a0")


class ProductCard(QFrame):
    """A product of the catalogue; a click, Enter or Space opens its page. A screen reader is told what the card
    shows and that opening it leads to the product's options."""

    clicked = Signal(str)        # the product's id: open its page
    keyed = Signal(str)          # the same, by Enter or Space: the keyboard goes on to the page's first choice

    def __init__(self, product: dict, data: AccountData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.product = product
        self.setObjectName("productCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        styled(self, card=True, clickable=True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)      # the border lights up under the pointer
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumWidth(_CARD_WIDTH - 60)
        places = data.places
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(6)

        self.name = emphasise(DataLabel(product.get("name") or "", objectName="cardTitle", wordWrap=True), 1.15)
        styled(self.name, role="heading")
        layout.addWidget(self.name)
        description = " ".join(str(product.get("description") or "").split())
        if len(description) > _DESCRIPTION_CHARS:
            description = description[:_DESCRIPTION_CHARS - 1].rstrip() + "…"
        self.description = DataLabel(description, objectName="cardDescription", wordWrap=True)
        layout.addWidget(self.description)
        self.description.setVisible(bool(description))
        self.resources = muted(product_resources_text(product, brief=True), "cardResources", wrap=True)
        layout.addWidget(self.resources)
        layout.addStretch(1)

        prices = from_prices(product, places)
        self.price = emphasise(styled(QLabel(objectName="cardPrice", textFormat=PLAIN), role="price"), 1.3)
        self.setup_fee = muted(object_name="cardCaption")
        self.other_prices = muted(object_name="cardCaption", wrap=True)
        if prices:
            first, rest = prices[0], prices[1:]
            self.price.setText(_price_text(first, data, translate("ProductCard", "From {price}")))
            if first.setup_fee > 0:
                self.setup_fee.setText(translate("ProductCard", "+ {amount} setup fee").format(
                    amount=data.money(first.setup_fee)))
            if rest:
                # A price is kept on one line ("from $27.00 / 6 months"), the dot with the price before it: the
                # lines broke inside them ("from" at one line's end, "$27.00 / 6 months" at the next's start).
                # A "from" that holds for every price is said once, before the first: repeated before each, it
                # made each price too long to share a line, one per line down a narrow card.
                once = all(p.variable for p in rest)
                others = "\u00a0· ".join(
                    _unbroken(_price_text(p, data, translate("ProductCard", "from {price}") if i == 0 or not once
                                          else "{price}"))
                    for i, p in enumerate(rest))
                self.other_prices.setText(translate("ProductCard", "Also {prices}").format(prices=others))
        else:
            self.price.setText(translate("ProductCard", "Not available"))
        # The lines under the price keep their room even when empty, so the price sits at the same height in
        # every card of a row (cards of a row share their height).
        line = self.other_prices.fontMetrics().lineSpacing()
        self.other_prices.setMinimumHeight(3 * line)
        self.other_prices.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setup_fee.setFixedHeight(line + 4)
        layout.addWidget(self.price)
        layout.addWidget(self.setup_fee)
        layout.addWidget(self.other_prices)

        stock = stock_text(product)
        self.out_of_stock = stock == out_of_stock_text()
        self.setProperty("outOfStock", self.out_of_stock)
        self.stock = styled(QLabel(stock or "", objectName="outOfStock" if self.out_of_stock else "stockLabel",
                                   textFormat=PLAIN),
                            role="error" if self.out_of_stock else "muted")
        self.stock.setFixedHeight(line + 4)
        layout.addWidget(self.stock)
        self.open_hint = styled(QLabel(translate("ProductCard", "Choose options  ›"), objectName="cardOpenHint",
                                       textFormat=PLAIN),
                                role="link")
        layout.addWidget(self.open_hint)
        summary = [self.name.text(), self.resources.text(), self.price.text(), stock or ""]
        self.setAccessibleName(", ".join(s for s in summary if s))
        self.setToolTip(translate("ProductCard", "Open this product to choose its billing cycle and size"))
        self.setAccessibleDescription(self.toolTip())      # what pressing it does, as the pointer is told

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit(str(self.product.get("id")))
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.keyed.emit(str(self.product.get("id")))
            return
        super().keyPressEvent(event)


def _matches(product: dict, words: list[str]) -> bool:
    # Name and description; a search looks in every category (the list shows which it is in).
    text = " ".join(str(v) for v in (product.get("name"), product.get("description")) if v).casefold()
    return all(word in text for word in words)


class StoreSection(Section):
    key = "store"
    title = QT_TRANSLATE_NOOP("Sections", "Store")
    product_opened = Signal(str)       # a product's id: its page is now showing
    add_to_cart = Signal(dict)         # {product_id, billing_cycle, config, quantity} from the product page
    cart_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storeSection")
        self._data: AccountData | None = None
        self.cards: list[ProductCard] = []
        self._listed: list[dict] = []        # what the grid lists; cards are built for the first len(self.cards)
        self._laid_columns = 0
        self.heading = heading(translate("StoreSection", "Store"))
        self.intro = subtitle()

        self.categories = QListWidget(objectName="categoryList")
        self.categories.setAccessibleName(translate("StoreSection", "Categories"))
        self.categories.setFixedWidth(220)
        self.categories.currentItemChanged.connect(lambda *_: self._show_products())
        self.search = QLineEdit(objectName="storeSearch", placeholderText=translate("StoreSection", "Search products"),
                                clearButtonEnabled=True)
        self.search.setAccessibleName(translate("StoreSection", "Search products"))
        self.search.textChanged.connect(lambda _t: self._show_products())
        find_keys = QKeySequence(QKeySequence.StandardKey.Find)
        self.search.setToolTip(translate("FilterBar", "{placeholder} ({shortcut})").format(
            placeholder=self.search.placeholderText(),
            shortcut=find_keys.toString(QKeySequence.SequenceFormat.NativeText)))
        find = QShortcut(find_keys, self.search)      # Ctrl+F, as on the other lists: while the catalogue shows
        find.setContext(Qt.ShortcutContext.WindowShortcut)
        find.activated.connect(self.focus_search)
        # Escape clears the search, as in the lists (README: "Escape clears the search"): it left the words and the
        # filtered cards as they were.
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear.activated.connect(self.search.clear)
        # As in the lists: Down goes to the first product found, Enter too, and opens it when it is the only one.
        leave_search_on_down_or_enter(self.search, lambda enter: self.go_to_products(open_single=enter))

        self.grid_host = QWidget(objectName="productGrid")
        host = QVBoxLayout(self.grid_host)
        host.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        self.grid.setSpacing(16)
        host.addLayout(self.grid)
        self.more_button = styled(QPushButton(objectName="moreProducts"), kind="ghost")
        self.more_button.clicked.connect(self.show_more)
        self.more_button.hide()
        host.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignHCenter)
        host.addStretch(1)       # rows keep their natural height; the space left stays below the last one
        # Parented at once: a parentless widget put in a parentless stacked layout is shown as a window of its own
        # for a moment (which takes the focus from the main window when the Store is first built).
        self.scroll = _GridScroll(self, objectName="productScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)     # Tab went to the grid's frame before the search
        # Cards wrap into as many columns as fit; they never run off to the right.
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.grid_host)
        # The viewport's width is what the cards share; it changes without the section resizing (a scroll bar
        # appearing, the page first shown), so re-count columns whenever it does. A signal, not an event filter:
        # Qt calls filters while it tears widgets down at exit, after Python can no longer run them.
        self.scroll.viewport_resized.connect(self._relayout)
        self.scroll.verticalScrollBar().rangeChanged.connect(lambda *_: self._relayout())
        self.category_empty = EmptyState(self)
        self.products_stack = QStackedLayout()
        self.products_stack.addWidget(self.scroll)
        self.products_stack.addWidget(self.category_empty)

        self.catalogue = QWidget(self)
        row = QHBoxLayout(self.catalogue)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(24)
        left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(self.search)
        left.addWidget(self.categories, 1)
        self.search.setFixedWidth(220)
        row.addLayout(left)
        row.addLayout(self.products_stack, 1)
        self.empty = EmptyState(self)
        self.product_page = ProductPage(self)
        self.product_page.back_requested.connect(self.show_catalogue)
        find_more = QShortcut(find_keys, self.product_page)     # on a product: back to the catalogue's search
        find_more.setContext(Qt.ShortcutContext.WindowShortcut)
        find_more.activated.connect(lambda: (self.show_catalogue(), self.focus_search()))
        self.product_page.add_requested.connect(self.add_to_cart)
        self.product_page.cart_requested.connect(lambda: self.navigate.emit("cart", {}))
        self.product_page.cart_requested.connect(self.cart_requested)
        self.pages = QStackedLayout()
        self.pages.addWidget(self.catalogue)
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.product_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        follow_width(self)      # narrower sides in a small window: the room goes to the content
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(self.pages, 1)
        self.empty.show_state(translate("StoreSection", "Not synced yet"),
                              translate("StoreSection", "Connect to the panel to see the store."))
        self.pages.setCurrentWidget(self.empty)
        self.intro.hide()

    def show_data(self, data: AccountData) -> None:
        self._data = data
        if data.never_synced or not data.products:
            if data.never_synced:
                self.empty.show_state(translate("StoreSection", "Not synced yet"),
                                      translate("StoreSection", "Connect to the panel to see the store."))
            else:
                self.empty.show_state(translate("StoreSection", "Nothing for sale yet"),
                                      translate("StoreSection", "This panel has no products on offer at the moment."))
            self.intro.hide()
            self.pages.setCurrentWidget(self.empty)
            self._clear_cards()
            return
        panel = data.public_settings.get("panel_name")
        self.intro.setText(translate("StoreSection", "Hosting from {panel}.").format(panel=panel) if panel else "")
        self.intro.setVisible(bool(panel))
        if self.pages.currentWidget() is self.product_page:
            current = self.product_page.product.get("id")
            fresh = next((p for p in data.products if p.get("id") == current), None)
            if fresh is not None:
                self.product_page.show_product(fresh, data)    # a sync refreshes the page, keeping the choice
            else:
                self.pages.setCurrentWidget(self.catalogue)     # the product is no longer sold
        else:
            self.pages.setCurrentWidget(self.catalogue)
        selected = self.selected_category()
        counts: dict[str, int] = {}
        for product in data.products:
            category = _category_id(product)
            counts[category] = counts.get(category, 0) + 1
        self.categories.blockSignals(True)
        self.categories.clear()
        self.categories.addItem(self._category_item(translate("StoreSection", "All products"), ALL, len(data.products)))
        for category in data.categories:
            cid = str(category.get("id"))
            item = self._category_item(category.get("name") or "", cid, counts.get(cid, 0))
            item.setData(Qt.ItemDataRole.UserRole + 1, category.get("slug"))
            self.categories.addItem(item)
        self.categories.blockSignals(False)
        self._select_category(selected)

    @staticmethod
    def _category_item(name: str, category_id: str, count: int) -> QListWidgetItem:
        item = QListWidgetItem(translate("StoreSection", "{category} ({count})").format(category=name, count=count)
                               if category_id else name)
        item.setData(Qt.ItemDataRole.UserRole, category_id)
        item.setToolTip(translate("StoreSection", "%n product(s)", None, count))
        return item

    def selected_category(self) -> str:
        item = self.categories.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ALL

    def apply_filter(self, filters: dict) -> None:
        """{"category": id or slug} shows that category; {"product": id} opens a product; else every product."""
        if filters.get("product"):
            self.open_product(str(filters["product"]))
            return
        self.show_catalogue()
        self._select_category(str(filters.get("category") or ALL))

    def open_product(self, product_id: str) -> bool:
        if self._data is None:
            return False
        product = next((p for p in self._data.products if str(p.get("id")) == product_id), None)
        if product is None:
            return False
        self.product_page.show_product(product, self._data)
        self.pages.setCurrentWidget(self.product_page)
        self.heading.setText(translate("StoreSection", "Store"))
        self.product_opened.emit(product_id)
        return True

    def open_product_by_keys(self, product_id: str) -> None:
        """Opened from the keyboard (Enter on its card, or in a search that found only it): the keyboard goes on to
        the page's first choice, where Enter adds to the cart. Opened with the mouse, nothing is chosen for the user:
        a focused field would take the wheel turned to scroll the page (wheel_guard)."""
        if self.open_product(product_id):
            self.product_page.focus_first_field()

    def show_catalogue(self) -> None:
        if self._data is not None and not (self._data.never_synced or not self._data.products):
            self.pages.setCurrentWidget(self.catalogue)
            # Back from a product: the keyboard is on its card again, where it was before Enter opened it.
            opened = str(self.product_page.product.get("id"))
            card = next((c for c in self.cards if str(c.product.get("id")) == opened and c.isVisible()), None)
            (card or self.search).setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def go_to_products(self, *, open_single: bool) -> None:
        """Focus the first product card shown; with `open_single`, open it when the search found only it."""
        if not self.cards:
            return
        if open_single and len(self._listed) == 1:
            self.open_product_by_keys(str(self.cards[0].product.get("id")))
            return
        self.cards[0].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _select_category(self, wanted: str) -> None:
        row = next((i for i in range(self.categories.count())
                    if wanted in (self.categories.item(i).data(Qt.ItemDataRole.UserRole),
                                  self.categories.item(i).data(Qt.ItemDataRole.UserRole + 1))), 0)
        self.categories.blockSignals(True)     # one rebuild of the grid, below, rather than one per signal
        self.categories.setCurrentRow(row)
        self.categories.blockSignals(False)
        self._show_products()

    def products(self) -> list[dict]:
        """The products the grid shows: the selected category's in the panel's order; a search covers all."""
        if self._data is None:
            return []
        category = self.selected_category()
        words = self.search.text().casefold().split()
        found = [p for p in self._data.products if _matches(p, words)]
        if category != ALL and not words:
            return [p for p in found if _category_id(p) == category]
        # Every product, grouped as the category list is ordered (sorted() keeps the panel's order within one).
        rank = {str(c.get("id")): i for i, c in enumerate(self._data.categories)}
        return sorted(found, key=lambda p: rank.get(_category_id(p), len(rank)))

    def _clear_cards(self) -> None:
        for card in self.cards:
            self.grid.removeWidget(card)
            card.hide()            # deleteLater waits for the event loop; a stale card must not paint meanwhile
            card.deleteLater()
        self.cards = []
        self._listed = []
        self.more_button.hide()

    def _show_products(self) -> None:
        self._clear_cards()
        if self._data is None:
            return
        products = self.products()
        if not products and self.search.text().strip():
            self.category_empty.show_state(translate("StoreSection", "No products match your search"),
                                           translate("StoreSection", "The search looks in every category; "
                                                                     "try other words."))
            self.products_stack.setCurrentWidget(self.category_empty)
            return
        if not products:
            self.category_empty.show_state(translate("StoreSection", "No products in this category"),
                                           translate("StoreSection", "Try another category."))
            self.products_stack.setCurrentWidget(self.category_empty)
            return
        self.products_stack.setCurrentWidget(self.scroll)
        self._listed = products
        self._add_cards()

    def show_more(self) -> None:
        """The next CARDS_AT_ONCE products of the list, below those shown; the keyboard moves to the first new one."""
        shown = len(self.cards)
        self._add_cards()
        if len(self.cards) > shown:
            self.cards[shown].setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_cards(self) -> None:
        if self._data is None:
            return
        added = [ProductCard(product, self._data, self.grid_host)
                 for product in self._listed[len(self.cards):len(self.cards) + CARDS_AT_ONCE]]
        for card in added:
            card.clicked.connect(self.open_product)
            card.keyed.connect(self.open_product_by_keys)
        self.cards += added
        left = len(self._listed) - len(self.cards)
        self.more_button.setText(translate("StoreSection", "Show more (%Ln not shown)", None, left))
        self.more_button.setVisible(left > 0)
        if self.cards:
            QWidget.setTabOrder(self.cards[-1], self.more_button)    # made first, it would come before the cards
        self._lay_out_cards()

    def _columns(self) -> int:
        width = self.scroll.viewport().width() if self.isVisible() else _CARD_WIDTH * 3
        return max(1, (width + 16) // (_CARD_WIDTH + 16))   # 16: the grid's spacing between cards

    def _lay_out_cards(self) -> None:
        columns = self._laid_columns = self._columns()
        for card in self.cards:
            self.grid.removeWidget(card)
        for i, card in enumerate(self.cards):
            self.grid.addWidget(card, i // columns, i % columns)
            card.show()        # a layout shows a new child only on the next event loop turn otherwise
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._relayout()

    def _relayout(self) -> None:
        if self.cards and self._laid_columns != self._columns():
            self._lay_out_cards()
