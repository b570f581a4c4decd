"""With the formatting locale set to de_DE (as the shell does for a German desktop), the screens and the invoice PDF
write amounts and dates as Germans do: "9,50 €" (no-break space), "12.11.2026", "20 %"."""
from __future__ import annotations

import pytest

from app.core import local_format
from app.views.invoice_page import InvoicePage
from app.views.invoice_pdf import invoice_html
from app.views.invoices import InvoicesSection

from . import samples
from .test_invoice_pdf_layout import INVOICE

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints"),
              pytest.mark.usefixtures("utc")]

NBSP = "\u00a0"


@pytest.fixture
def german():
    local_format.set_locale("de_DE")
    yield
    local_format.set_locale(local_format.DEFAULT_LOCALE)


def test_invoices_list_in_german_numbers_and_dates(qtbot, tmp_path, german):
    data = samples.account_data(tmp_path)
    section = InvoicesSection()
    qtbot.addWidget(section)
    section.resize(1100, 720)
    section.show()
    section.show_data(data)
    model = section.table.model()
    numbers = [model.index(r, 0).data() for r in range(model.rowCount())]
    row = numbers.index("INV-2026-0009")
    assert [model.index(row, c).data() for c in range(model.columnCount())][2:] == [
        "12.11.2026", "12.11.2026", f"9,50{NBSP}€", f"5,00{NBSP}€"]
    assert f"62,00{NBSP}€" in section.summary.text()


def test_invoice_page_and_pdf_in_german(qtbot, tmp_path, german):
    data = samples.account_data(tmp_path)
    invoice = dict(INVOICE, subtotal="1234.50", total="1234.50", discount="10.00")
    page = InvoicePage()
    qtbot.addWidget(page)
    page.show_invoice(invoice, data)
    assert page.fields["subtotal"].text() == f"1.234,50{NBSP}€"
    assert page.fields["discount"].text() == f"-10,00{NBSP}€"
    assert page.fields["tax"].text() == f"2,40{NBSP}€ (20{NBSP}%, added)"
    assert "20.11.2026" in page.dates.text() and "27.11.2026" in page.dates.text()
    html = invoice_html(invoice, data.money, "Badger Hosting", "Ada")
    for text in (f"1.234,50{NBSP}€", f"-10,00{NBSP}€", f"20{NBSP}%", "20.11.2026", "21.11.2026, 10:00"):
        assert text in html or text.replace(NBSP, "&nbsp;") in html, text


def test_the_shell_sets_one_locale_for_babel_and_qt(german):
    from PySide6.QtCore import QLocale

    from app.shell.locale_setup import use_locale
    before = QLocale()
    try:
        assert use_locale("fr_CH.UTF-8") == "fr_CH"
        assert local_format.current_locale() == "fr_CH" and QLocale().name() == "fr_CH"
        assert use_locale("xx_YY") == "en_US"                 # no data for it: English numbers, not a crash
    finally:
        QLocale.setDefault(before)


def test_country_names_in_the_user_s_language(qtbot, german):
    """The billing profile's country list and the invoice's parties name countries as the locale does; a code no
    one knows stays as it came."""
    from app.views.billing_profile_dialog import BillingProfileDialog
    from app.views.country_names import country_name

    assert (country_name("DE"), country_name("ch"), country_name("ZZ"), country_name("")) == (
        "Deutschland", "Schweiz", "ZZ", "")
    dialog = BillingProfileDialog("Acme")
    qtbot.addWidget(dialog)
    names = [dialog.country.itemText(i) for i in range(dialog.country.count())]
    assert names[dialog.country.findData("DE")] == "Deutschland"
    assert names[dialog.country.findData("US")] == "Vereinigte Staaten"
    assert "Germany" not in names
