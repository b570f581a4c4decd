"""Tab in reading order. Qt's Tab follows the order widgets got their parents in, which is the order code built
them, not the order they show in: a record page's Back button, parented when the layout was set, came after the
whole body it sits above. `tab_in_order(a, b, c)` makes Tab go through a, everything in a, then b and what is in
it, and so on; hidden and disabled widgets stay in the chain and Tab skips them as it always does."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def takes_focus(widget: QWidget) -> bool:
    # Any focus, not only Tab's: a button of an exclusive group takes Tab only while it is the checked one.
    return widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.focusProxy() is None


def tab_stops(root: QWidget) -> list[QWidget]:
    """`root` and the widgets inside it that can take the focus, as they were built (parents before children).
    Only `root`'s own tree is read: walking the window's whole focus chain from Python handed the menu bar's menus
    fresh wrappers, and after a garbage collection the ones the menu bar kept said "already deleted"."""
    inside = [root, *root.findChildren(QWidget)]
    return [w for w in inside if takes_focus(w) and w.window() is root.window()]


def tab_in_order(*parts: QWidget | None) -> None:
    chain: list[QWidget] = []
    for part in parts:
        if part is not None:
            chain += [w for w in tab_stops(part) if w not in chain]
    for before, after in zip(chain, chain[1:], strict=False):
        QWidget.setTabOrder(before, after)


def can_tab_to(widget: QWidget) -> bool:
    """Whether Tab may land on `widget` now: shown, enabled, and taking Tab (an exclusive group's unchecked buttons
    do not)."""
    return (widget.isVisible() and widget.isEnabled() and widget.focusProxy() is None
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus))


def chain_order(root: QWidget, limit: int = 20000) -> list[QWidget]:
    """`root`'s tab stops in the order Tab goes through them now (the screens' `tab_in_order` set it). Read along
    the focus chain from `root` only until every stop of `root` is found, so the walk stays among its widgets."""
    stops = tab_stops(root)
    wanted = {id(w) for w in stops}
    found = [root] if id(root) in wanted else []
    widget, steps = root.nextInFocusChain(), 0
    while widget is not None and widget is not root and len(found) < len(stops) and steps < limit:
        if id(widget) in wanted and widget not in found:
            found.append(widget)
        widget, steps = widget.nextInFocusChain(), steps + 1
    return found + [w for w in stops if w not in found]
