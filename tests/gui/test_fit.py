"""Every screen fits the minimum window (1000x650) and the default one (1240x800): rendered against the demo
panel's data, each interactive control of the cart, the product page, the service page and the checkout review
lies inside the visible area, or inside a scroll area that shows the scroll bar to reach it. And the sidebar
narrows to icons in the small window."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QWidget,
)

from app.features.cart import prepare_view
from app.features.overview import PAGE_VIEWS
from app.features.overview import prepare_view as prepare_page
from app.shell.demo import DEMO_EMAIL, DEMO_PASSWORD
from app.views.sidebar import NARROW, WIDE
from tests.support.panel import PanelProcess

from .conftest import add_account

ROOT = Path(__file__).resolve().parents[2]
SIZES = ((1000, 650), (1240, 800))
VIEWS = ("dashboard", "store", "product", "cart", "services", "invoices", "credits", "orders", "support", "service",
         "invoice", "dashboard-all", "invoices-all")
CHECKED = {"cart", "product", "service", "invoice"}
INTERACTIVE = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QAbstractSlider, QAbstractItemView,
               QPlainTextEdit)


@pytest.fixture(scope="module")
def demo_panel(tmp_path_factory):
    """The demo's data (every service and invoice state, sized products): seeded before the panel starts, as
    `serve --seed` only fills an empty database and the test panel makes its admin first."""
    workdir = tmp_path_factory.mktemp("fit-panel")
    subprocess.run([sys.executable, "-m", "panel", "seed", "demo", "--db", str(workdir / "panel.db")], cwd=ROOT,
                   check=True, capture_output=True, text=True, timeout=120)
    proc = PanelProcess(workdir).start()
    yield proc
    proc.stop()


def rect_in(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def unreachable(widget: QWidget, top: QWidget) -> str | None:
    """Why `widget` cannot be seen whole in `top`, or None: each ancestor must hold it, unless the ancestor is a
    scroll area's viewport whose scroll bar for that direction is showing."""
    shown = rect_in(widget, top)
    parent = widget.parentWidget()
    child = widget
    while parent is not None:
        area = rect_in(parent, top)
        if not area.adjusted(-1, -1, 1, 1).contains(shown):
            scroller = parent.parentWidget()
            if isinstance(scroller, QAbstractScrollArea) and scroller.viewport() is parent:
                vertical = shown.top() < area.top() - 1 or shown.bottom() > area.bottom() + 1
                horizontal = shown.left() < area.left() - 1 or shown.right() > area.right() + 1
                if (vertical and not scroller.verticalScrollBar().isVisible()) or \
                        (horizontal and not scroller.horizontalScrollBar().isVisible()):
                    return f"cut by {scroller.objectName() or type(scroller).__name__} with no scroll bar"
                shown = area     # reachable by scrolling: what is left to check is that the viewport shows
            elif not isinstance(child, QScrollBar):
                return f"outside {parent.objectName() or type(parent).__name__} ({shown} not in {area})"
        if parent is top:
            break
        child, parent = parent, parent.parentWidget()
    return None


def offenders(top: QWidget) -> list[str]:
    found = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar) or not widget.isVisible():
            continue
        if widget.width() <= 0 or widget.height() <= 0:
            continue
        why = unreachable(widget, top)
        if why:
            name = widget.accessibleName() or widget.objectName() or getattr(widget, "text", lambda: "")() \
                or type(widget).__name__
            found.append(f"{name}: {why}")
    return found


def settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(30)


def show_view(app, view: str) -> None:
    for name in ("services", "invoices"):
        section = app.window.sections[name]
        if hasattr(section, "show_list"):
            section.show_list()
    app.window.sections["store"].show_catalogue()
    key = prepare_view(app.sessions, app.window, prepare_page(app.sessions, app.window, view))
    app.window.select_section("store" if view == "product" else PAGE_VIEWS.get(view, key))


def test_every_screen_fits_the_minimum_and_the_default_window(make_app, demo_panel, qtbot):
    app = make_app()
    add_account(qtbot, app, demo_panel.url, DEMO_EMAIL, DEMO_PASSWORD)
    window = app.window
    problems = []
    for width, height in SIZES:
        window.resize(width, height)
        settle(qtbot)
        assert (window.width(), window.height()) == (width, height)
        assert window.sidebar.width() == (NARROW if width < 1180 else WIDE)
        for view in VIEWS:
            show_view(app, view)
            settle(qtbot)
            assert not window.section_errors
            if view in CHECKED:
                problems += [f"{view} at {width}x{height}: {p}" for p in offenders(window)]
    assert problems == []


def test_the_cart_reflows_instead_of_cutting_its_lines(make_app, demo_panel, qtbot):
    """The case the issue saw: lines with memory, disk and CPU fields beside the summary column."""
    app = make_app()
    add_account(qtbot, app, demo_panel.url, DEMO_EMAIL, DEMO_PASSWORD)
    cart = app.window.sections["cart"]
    products = app.data[app.current_id].products
    sized = [p for p in products if p.get("config_ranges")] + [p for p in products if not p.get("config_ranges")]
    store = app.window.sections["store"]
    for product in sized[:5]:
        store.add_to_cart.emit({"product_id": product["id"], "billing_cycle": product["pricing"][0]["billing_cycle"],
                                "config": {}, "quantity": 1})
    app.window.select_section("cart")
    for width, height in SIZES:
        app.window.resize(width, height)
        settle(qtbot)
        assert offenders(app.window) == []
        assert cart.lines_scroll.verticalScrollBar().isVisible()        # five lines: a long cart scrolls
        for line in cart.lines.values():
            assert rect_in(line.remove, cart).right() <= rect_in(cart.lines_scroll.viewport(), cart).right()


@pytest.mark.parametrize("height", [650, 800])
def test_the_checkout_review_fits(qtbot, height):
    from app.views.checkout.dialog import CheckoutDialog

    dialog = CheckoutDialog("Checkout")
    qtbot.addWidget(dialog)
    dialog.set_review("Review your order", [(f"Product {i} (Monthly)", "$10.00") for i in range(3)],
                      [("Subtotal", "$30.00"), ("Tax (20%)", "$6.00"), ("Total", "$36.00")])
    dialog.set_methods(["stripe", "paypal", "credits"], credits_choice=True, use_credits=True)
    dialog.show_review()
    dialog.show()
    dialog.resize(dialog.width(), min(dialog.height(), height - 60))    # inside the main window, with a title bar
    settle(qtbot)
    assert offenders(dialog) == []
