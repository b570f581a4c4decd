"""The billing profile against the real panel: edited in the app's dialog (Account ▸ Billing profile…), a NEW
invoice carries it on the page, in print and in its PDF, an OLD one keeps what it was issued with; the panel's
refusal is shown in the dialog; Print goes through the same document as the PDF (QPrinter writing a PDF file)."""
from __future__ import annotations

from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter

from tests.client.servers import SilentSocket
from tests.support.catalogue import buy

from .conftest import WAIT, add_account, close, move_account, sync_now
from .test_invoice_pdf_parties import runs_of, text_of

SELLER = {"seller_name": "Sett Hosting GmbH", "seller_address_lines": ["Hauptstraße 1", "10115 Berlin"],
          "seller_country": "DE", "seller_tax_id": "DE123456789", "seller_email": "billing@sett.test"}


def open_invoice(qtbot, section, invoice_id: str) -> dict:
    assert section.open_invoice(invoice_id)
    qtbot.waitUntil(lambda: section.page.print_button.isEnabled()
                    and section.page.invoice.get("id") == invoice_id and "buyer" in section.page.invoice,
                    timeout=WAIT)
    return section.page.invoice


def test_a_new_invoice_carries_the_edited_profile_and_an_old_one_does_not(make_app, qtbot, shop, tmp_path):
    shop.settings(**SELLER)
    product = shop.product(pricing=[{"billing_cycle": "monthly", "price": "10.00"}])
    user = shop.user(credits="50.00", first_name="Ada", last_name="Lovelace")
    old = buy(user, product["id"])["invoice"]["id"]
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])

    # The dialog: the panel's (empty) profile, then what the user types, refused once, then saved.
    dialog = app.features["billing_profile"].open()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=WAIT)
    assert dialog.country.count() > 200 and dialog.profile()["country"] == ""
    dialog.company.setText("Acme Analytical Engines Ltd")
    dialog.address.setPlainText("12 Babbage Row\n\nLondon EC1A 1BB  ")
    dialog.country.setCurrentIndex(dialog.country.findData("GB"))
    dialog.tax_id.setText("-GB123")                       # the panel's pattern refuses a leading dash
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "tax_id" in dialog.message.text(), timeout=WAIT)
    assert dialog.isVisible() and user.data("GET", "/account/billing-profile")["company"] == ""
    dialog.tax_id.setText("GB 123 4567 89")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    assert user.data("GET", "/account/billing-profile") == {
        "company": "Acme Analytical Engines Ltd", "address_lines": ["12 Babbage Row", "London EC1A 1BB"],
        "country": "GB", "tax_id": "GB 123 4567 89"}
    again = app.features["billing_profile"].open()            # reopened: what the panel stored
    qtbot.waitUntil(lambda: again.loaded, timeout=WAIT)
    assert again.company.text() == "Acme Analytical Engines Ltd"
    assert again.country.currentData() == "GB"
    again.reject()

    new = buy(user, product["id"])["invoice"]["id"]
    sync_now(qtbot, app)
    app.window.select_section("invoices")
    section = app.window.sections["invoices"]
    fresh = open_invoice(qtbot, section, str(new))
    assert fresh["buyer"]["company"] == "Acme Analytical Engines Ltd"
    assert fresh["seller"]["name"] == "Sett Hosting GmbH"
    kept = []              # the cache keeps the detail with its copy of both parties, for reading offline
    app.sessions.current.run(lambda ctx: ctx.cache.invoice(str(new)), on_done=kept.append)
    qtbot.waitUntil(lambda: bool(kept), timeout=WAIT)
    assert (kept[0]["buyer"], kept[0]["seller"]) == (fresh["buyer"], fresh["seller"])

    # Print: the same document as the PDF, on a QPrinter the (stand-in) dialog pointed at a PDF file.
    printed = tmp_path / "printed.pdf"

    used: list[QPrinter] = []

    def dialog_prints_to_file(printer: QPrinter) -> bool:
        used.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    section.page.print_dialog = dialog_prints_to_file
    assert section.page.ask_print()
    text = text_of(printed)
    for words in ("Sett Hosting GmbH", "DE123456789", "Bill to", "Acme Analytical Engines Ltd", "12 Babbage Row",
                  "United Kingdom", "GB 123 4567 89", "Ada Lovelace"):
        assert words in text, words
    layout = used[0].pageLayout()            # the paper and margins the print dialog left, in points
    paper, margins = layout.fullRect(QPageLayout.Unit.Point), layout.margins(QPageLayout.Unit.Point)
    for _page, run, x, y, size in runs_of(printed):
        assert x >= margins.left() - 1 and x + 0.5 * size * len(run) <= paper.width() - margins.right() + 1, run
        assert margins.bottom() - 1 <= y <= paper.height() - margins.top() + 1, run

    # The old invoice still names the buyer as they were: no company, no address.
    before = open_invoice(qtbot, section, str(old))
    assert (before["buyer"]["company"], before["buyer"]["address_lines"]) == ("", [])
    saved = tmp_path / "old.pdf"
    section.page.pdf_requested.emit(str(old), str(saved))
    old_text = text_of(saved)
    assert "Ada Lovelace" in old_text and "Acme" not in old_text and "Babbage" not in old_text


def test_offline_the_dialog_shows_the_saved_profile_and_will_not_save(make_app, qtbot, shop, panel):
    user = shop.user()
    user.data("PUT", "/account/billing-profile", {"company": "Offline Ltd", "address_lines": ["1 Quiet Lane"],
                                                  "country": "IE", "tax_id": "IE1234567T"})
    app = make_app(request_timeout=1.0)
    account = add_account(qtbot, app, panel.url, user.user["email"])
    online = app.features["billing_profile"].open()          # read once from the panel: now in the cache
    qtbot.waitUntil(lambda: online.loaded, timeout=WAIT)
    online.reject()
    silent = SilentSocket()
    try:
        move_account(app, account, silent.url)
        with qtbot.waitSignal(app.sync_failed, timeout=WAIT):
            app.window.sidebar.sync_button.click()
        dialog = app.features["billing_profile"].open()
        qtbot.waitUntil(lambda: dialog.company.text() == "Offline Ltd", timeout=WAIT)
        assert dialog.country.currentData() == "IE" and dialog.address.toPlainText() == "1 Quiet Lane"
        assert not dialog.save_button.isEnabled()
        assert dialog.message.text().startswith("Offline")
        dialog.reject()
    finally:
        close(app)
        silent.close()
