"""The checkout dialog: review, payment method, the gateway's page, and the outcome. It only shows and asks;
`app.features.checkout` does the talking to the panel and tells it what to show next.

Pages: review -> (progress) -> web (the gateway) -> (progress) -> result. Leaving while the gateway page is open
asks first and leaves the payment pending; the invoice stays payable from Invoices.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.navigation import Decision, NavigationPolicy
from app.core.text import translate

from ..dialog_buttons import dialog_buttons
from ..labels import DataLabel, ask, emphasise, styled
from ..window_fit import fit_over_window
from .web import CheckoutWebView

METHOD_LABELS = {"stripe": QT_TRANSLATE_NOOP("CheckoutDialog", "Card (Stripe)"), "paypal": "PayPal",
                 "credits": QT_TRANSLATE_NOOP("CheckoutDialog", "Account credits")}
WIDTH = 680            # the review's lines and amounts side by side; the gateway's card form
WEB_HEIGHT = 720       # the gateway's page: as tall as there is room for, up to this
WAIT_HEIGHT = 320      # the first "Asking the panel…", before the review says how tall it is
LEAVE_TEXT = QT_TRANSLATE_NOOP("Messages", "Leave this payment? Nothing more is charged; the invoice stays unpaid and "
                               "you can pay it later from Invoices.")


def _label(text: str = "", *, name: str = "", wrap: bool = True) -> QLabel:
    label = DataLabel(text)      # a line names what the panel sells: it must not widen the dialog past the screen
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


class _ReviewScroll(QScrollArea):
    """The review, scrolled when the room is shorter than it: it asks for its whole height (a QScrollArea asks for
    a guess), so the dialog opens as tall as the review and no taller."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.setObjectName("checkoutReviewScroll")
        # The focus starts here (the arrows scroll a long review; Enter still pays): a screen reader says what it is.
        self.setAccessibleName(translate("CheckoutDialog", "What you pay"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        content = self.widget()
        inner = max(1, width - 2 * self.frameWidth())
        layout = content.layout()
        layout.activate()
        # At the width it gets: a wrapping label's size hint is its height at a narrow guess of a width, lines taller.
        need = layout.totalHeightForWidth(inner) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        return need + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        return QSize(hint.width(), self.heightForWidth(hint.width()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        line = self.fontMetrics().lineSpacing()
        return QSize(super().minimumSizeHint().width(), 6 * line)      # the heading and a few lines at least


class CheckoutDialog(QDialog):
    """`pay_requested(method, use_credits)`, `retry_requested()`, `web_ended(how, url)` with how one of
    "returned", "cancelled" or "left" (the buyer closed the dialog mid-payment)."""

    pay_requested = Signal(str, bool)
    retry_requested = Signal()
    web_ended = Signal(str, str)
    open_requested = Signal(str, str)      # ("service" | "invoice" | "order", id): a next step the result offers

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkoutDialog")
        self.setWindowTitle(title)
        # Each page as tall as it needs (the gateway's as tall as there is room for), never larger than the screen
        # or the main window it sits over: sized from the screen (680x720), the review hung below a 1000x650
        # window with empty space above its Pay button. A review taller than the room scrolls above its buttons.
        self.resize(WIDTH, WAIT_HEIGHT)
        self.web: CheckoutWebView | None = None
        self.confirm_leave: Callable[[], bool] = self._ask_leave   # tests replace it: no modal box
        self.stack = QStackedWidget()
        self.review_page, self.progress_page, self.result_page = QWidget(), QWidget(), QWidget()
        self.web_page = QWidget()
        self._build_review()
        self.review_heading.setText(title)     # "Top up credits", not "Review your order", while nothing is read
        self._build_progress()
        self._build_result()
        self.web_layout = QVBoxLayout(self.web_page)
        self.web_layout.setContentsMargins(0, 0, 0, 0)
        self.web_note = _label(translate("CheckoutDialog", "Pay on the gateway's page below. Sett reads the result "
                                                           "from the panel when you return."), name="checkoutWebNote")
        self.web_note.setContentsMargins(8, 4, 8, 4)
        self.web_layout.addWidget(self.web_note)
        # A button after the page: Tab past the page's last field leaves it (QtWebEngine hands the focus on), where
        # with the page alone in the dialog Tab went round the card form, and only Escape got a keyboard user out.
        # Never a default: Enter in the card form is the page's, not "leave".
        self.leave_button = QPushButton(translate("CheckoutDialog", "Leave payment…"))
        self.leave_button.setAutoDefault(False)
        self.leave_button.clicked.connect(self.reject)
        leave_row = dialog_buttons(None, self.leave_button)
        leave_row.setContentsMargins(8, 4, 8, 4)
        self.web_layout.addWidget(leave_row)
        for page in (self.review_page, self.progress_page, self.web_page, self.result_page):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.stack.currentChanged.connect(self._refit_later)

    # -- size -----------------------------------------------------------------------------------------------------
    def wanted_height(self) -> int:
        """The height the page on show needs at the dialog's width (the gateway's page: WEB_HEIGHT)."""
        page = self.stack.currentWidget()
        if page is self.web_page:
            return WEB_HEIGHT
        outer = self.layout()
        margins = outer.contentsMargins()
        width = max(1, WIDTH - margins.left() - margins.right())
        self.review_scroll.updateGeometry()     # the page's layout keeps the review's last height otherwise
        layout = page.layout()
        layout.activate()
        need = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        return need + margins.top() + margins.bottom()

    def fit(self) -> None:
        """Size the dialog to the page on show, within the screen and over the main window (window_fit)."""
        if self.stack.currentWidget() is self.progress_page and self.isVisible():
            return      # a wait between two pages keeps the size: the dialog does not jump twice
        wanted = self.wanted_height()
        if self.stack.currentWidget() is self.progress_page:
            wanted = max(wanted, WAIT_HEIGHT)       # a bar alone in a sliver of a dialog reads as a glitch
        fit_over_window(self, WIDTH, wanted)

    def _refit_later(self) -> None:
        QTimer.singleShot(0, self.fit)     # once the page's labels have their text and fonts

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        if not event.spontaneous():
            self.fit()
        super().showEvent(event)

    # -- building -------------------------------------------------------------------------------------------------
    def _build_review(self) -> None:
        page = QVBoxLayout(self.review_page)
        page.setContentsMargins(0, 0, 0, 0)
        content = QWidget()
        content.setObjectName("checkoutReview")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        self.review_scroll = _ReviewScroll(content)
        self.review_heading = _label(name="sectionTitle")      # the title, until the review names what is paid
        self.lines = QGridLayout()
        self.totals = QGridLayout()
        self.totals.setContentsMargins(0, 8, 0, 0)     # the totals apart from the lines they add up
        for grid in (self.lines, self.totals):
            # The words take the room the amounts leave: a wrapping label's own guess of its width broke a long
            # line ("Jetzt fällig, berechnet über die gewählte Zahlungsart") in two beside empty space.
            grid.setColumnStretch(0, 1)
        self.methods_box = QVBoxLayout()
        self.method_group = QButtonGroup(self)
        self.use_credits = QCheckBox(translate("CheckoutDialog", "Use my account credits first"))
        self.review_error = styled(_label(name="checkoutError"), role="error")     # red, as every refusal is
        self.review_error.hide()
        self.pay_button = QPushButton(translate("CheckoutDialog", "Pay"))
        self.pay_button.setObjectName("primaryButton")
        self.pay_button.setDefault(True)
        self.pay_button.clicked.connect(self._pay)
        self.retry_button = QPushButton(translate("CheckoutDialog", "Try again"))
        self.retry_button.clicked.connect(self.retry_requested)
        self.retry_button.hide()
        cancel = QPushButton(translate("CheckoutDialog", "Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = dialog_buttons(self.pay_button, cancel, self.retry_button)
        layout.addWidget(self.review_heading)
        layout.addLayout(self.lines)
        layout.addLayout(self.totals)
        layout.addWidget(_label(translate("CheckoutDialog", "Payment method"), name="sectionSubtitle"))
        layout.addLayout(self.methods_box)
        layout.addWidget(self.use_credits)
        layout.addWidget(self.review_error)
        layout.addStretch(1)
        page.addWidget(self.review_scroll, 1)
        page.addWidget(buttons)     # below the scrolled review: Pay is always in view

    def _build_progress(self) -> None:
        layout = QVBoxLayout(self.progress_page)
        self.progress_text = _label(name="checkoutProgress")
        bar = QProgressBar()
        bar.setRange(0, 0)     # busy: the panel answers when it answers
        layout.addStretch(1)
        layout.addWidget(self.progress_text)
        layout.addWidget(bar)
        layout.addStretch(1)

    def _build_result(self) -> None:
        layout = QVBoxLayout(self.result_page)
        self.result_title = _label(name="sectionTitle")
        self.result_text = _label(name="checkoutResult")
        self.result_close = QPushButton(translate("CheckoutDialog", "Close"))
        self.result_close.clicked.connect(self.accept)
        self.next_buttons = dialog_buttons(self.result_close)      # the next steps join it as actions
        layout.addWidget(self.result_title)
        layout.addWidget(self.result_text)
        layout.addStretch(1)
        layout.addWidget(self.next_buttons)

    # -- what the feature shows -----------------------------------------------------------------------------------
    def set_review(self, heading: str, lines: list[tuple[str, str]], totals: list[tuple[str, str]]) -> None:
        self.review_heading.setText(heading)
        for grid, rows in ((self.lines, lines), (self.totals, totals)):
            while grid.count():
                grid.takeAt(0).widget().deleteLater()
            for row, (left, right) in enumerate(rows):
                name, amount = _label(left), _label(right, wrap=False)
                amount.setAlignment(Qt.AlignmentFlag.AlignRight)
                if grid is self.totals and row == len(rows) - 1:
                    # The last total is what the chosen method will charge: it reads first, as the cart's does.
                    emphasise(name)
                    emphasise(amount)
                grid.addWidget(name, row, 0)
                grid.addWidget(amount, row, 1)

    def set_methods(self, methods: list[str], *, credits_choice: bool, use_credits: bool) -> None:
        for button in self.method_group.buttons():
            self.method_group.removeButton(button)
            button.deleteLater()
        for index, method in enumerate(methods):
            button = QRadioButton(translate("CheckoutDialog", METHOD_LABELS[method]) if method in METHOD_LABELS
                                  else method.title())
            button.setProperty("method", method)
            button.setChecked(index == 0)
            self.method_group.addButton(button)
            self.methods_box.addWidget(button)
        self.use_credits.setVisible(credits_choice)
        self.use_credits.setChecked(use_credits and credits_choice)
        self.pay_button.setEnabled(bool(methods))
        if not methods:
            self.show_review_error(translate("CheckoutDialog", "No payment method is available for this on the panel."))

    @property
    def methods(self) -> list[str]:
        return [b.property("method") for b in self.method_group.buttons()]

    def choose(self, method: str) -> None:
        for button in self.method_group.buttons():
            button.setChecked(button.property("method") == method)

    def show_review(self) -> None:
        self.stack.setCurrentWidget(self.review_page)
        self._refit_later()      # the review's lines, methods or error may have changed its height

    def show_review_error(self, text: str, *, can_retry: bool = False, can_pay: bool = True) -> None:
        self.review_error.setText(text)
        self.review_error.show()
        self.retry_button.setVisible(can_retry)
        self.pay_button.setEnabled(can_pay and bool(self.methods))
        self.show_review()

    def show_progress(self, text: str) -> None:
        self.progress_text.setText(text)
        self.stack.setCurrentWidget(self.progress_page)

    def show_web(self, url: str, policy: NavigationPolicy) -> CheckoutWebView:
        self.web = CheckoutWebView(policy, self.web_page)
        self.web.ended.connect(self._web_ended)
        # The page takes the keys typed in it, Escape too: in the card form, Escape did nothing, where everywhere
        # else it leaves the dialog (here after asking). A shortcut is asked before the page sees the key.
        leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.web)
        leave.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        leave.activated.connect(self.reject)
        self.web_layout.insertWidget(self.web_layout.indexOf(self.web_note) + 1, self.web, 1)
        QWidget.setTabOrder(self.web.view, self.leave_button)
        self.stack.setCurrentWidget(self.web_page)
        # The keyboard in the page (its first field, where the gateway puts it), not on Leave payment…, made
        # before the page and so first in the dialog's order.
        self.web.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.web.load(url)
        return self.web

    def show_result(self, title: str, text: str, next_steps: list[tuple[str, str, str]] = ()) -> None:
        """The outcome, with a button for each next step (label, "service" | "invoice" | "order", id) before Close."""
        self.result_title.setText(title)
        self.result_text.setText(text)
        for button in self.next_steps():
            self.next_buttons.removeButton(button)
            button.deleteLater()
        steps = []
        for label, kind, target in next_steps:
            button = QPushButton(label)
            button.setProperty("next", kind)
            button.clicked.connect(lambda _checked=False, k=kind, t=target: self.open_requested.emit(k, t))
            self.next_buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            steps.append(button)
        self.stack.setCurrentWidget(self.result_page)
        (steps[0] if steps else self.result_close).setFocus()

    def next_steps(self) -> list[QPushButton]:
        """The result's next-step buttons (Open service, View invoice, ...), in the order they were given."""
        return [b for b in self.next_buttons.buttons() if b.property("next")]

    @property
    def paying(self) -> bool:
        return self.stack.currentWidget() is self.web_page and self.web is not None and not self.web.page.done

    # -- the buyer's actions --------------------------------------------------------------------------------------
    def _pay(self) -> None:
        checked = self.method_group.checkedButton()
        if checked is None:
            return
        self.review_error.hide()
        self.retry_button.hide()
        self.pay_requested.emit(checked.property("method"), self.use_credits.isVisible() and
                                self.use_credits.isChecked())

    def _web_ended(self, decision: Decision, url: str) -> None:
        self.web_ended.emit("returned" if decision is Decision.RETURNED else "cancelled", url)

    def _ask_leave(self) -> bool:
        return ask(self, translate("CheckoutDialog", "Leave the payment?"), translate("Messages", LEAVE_TEXT))

    def reject(self) -> None:
        if self.paying:
            if not self.confirm_leave():
                return
            self.web.page.done = True
            self.web_ended.emit("left", "")
        super().reject()

    def done(self, result: int) -> None:
        if self.web is not None:
            self.web.dispose()
            self.web = None
        super().done(result)
