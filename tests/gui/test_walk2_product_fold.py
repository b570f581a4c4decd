"""The product page's main action at the smallest window: at 1000x650 with the no-keyring and the notifications
banners showing, the store had ~440 px of height left, and Add to Cart of a product with sizes sat below the fold of
the page's scroll area: the user had to scroll to find it. The price and Add to Cart now stay on screen."""
from __future__ import annotations

from contextlib import nullcontext

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication

from app.views.store import StoreSection
from app.views.theme import apply_theme

from .samples import account_data
from .test_translations_dialogs import german

# 1000x650 less the sidebar, the menu and status bars, the two banners and the store's title (measured in a real
# window: the store section is ~932x440 there).
STORE_SIZE = (932, 440)


def shown_whole(widget, top) -> bool:
    """The widget's whole rectangle is painted on screen: no ancestor (the scroll area's viewport) cuts it."""
    region = widget.visibleRegion()
    return widget.isVisible() and region.boundingRect() == widget.rect() and \
        QRect(QPoint(0, 0), top.size()).contains(QRect(widget.mapTo(top, QPoint(0, 0)), widget.size()))


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("slug", ["cloud-vps-custom", "minecraft-flex", "web-hosting-basic"])
def test_add_to_cart_and_the_price_are_on_screen_without_scrolling(qtbot, qapp, tmp_path, slug, language):
    apply_theme(qapp, "light")
    with german(qapp) if language == "de" else nullcontext():
        store = StoreSection()
        qtbot.addWidget(store)
        store.resize(*STORE_SIZE)
        store.show_data(account_data(tmp_path))
        store.show()
        assert store.open_product(slug)
        for _ in range(3):
            QApplication.processEvents()
        page = store.product_page
        assert shown_whole(page.add_button, store), slug
        assert shown_whole(page.price, store), slug
        assert page.add_button.text() in ("Add to Cart", "In den Warenkorb")

