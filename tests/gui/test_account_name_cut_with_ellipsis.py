"""An account's name too long for the sidebar's switcher ends in "…" (its whole name in the tooltip): the box cut
it at its edge mid-letter, "Demo-Wiederve" for the German demo's "Demo-Wiederverkäufer", as if that were its name."""
from __future__ import annotations

import pytest

from app.core.accounts import Account
from app.views.account_switcher import AccountSwitcher
from app.views.theme import apply_theme
from tests.gui.layout_steps import settle


def account(name: str) -> Account:
    return Account(id="a-1", name=name, panel_url="https://panel.example.com", email="ada@example.com",
                   auth_kind="password", created_at="2026-12-06T09:00:00Z")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_long_name_ends_in_an_ellipsis_and_a_short_one_shows_whole(qtbot, qapp, theme):
    apply_theme(qapp, theme)
    try:
        switcher = AccountSwitcher()
        qtbot.addWidget(switcher)
        switcher.resize(236, 60)            # the sidebar's width at 1240 px
        switcher.show()
        long_name = "Demo-Wiederverkäufer GmbH & Co. KG Niederlassung Süd"
        switcher.set_accounts([account(long_name)], "a-1")
        settle(qtbot)
        shown = switcher.combo.shown_text()
        assert shown.endswith("…") and long_name.startswith(shown[:-1])
        assert long_name in switcher.combo.toolTip()
        switcher.set_accounts([account("Ann")], "a-1")
        settle(qtbot)
        assert switcher.combo.shown_text() == "Ann"
    finally:
        apply_theme(qapp, "light")
