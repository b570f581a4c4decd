"""A record's page as a person sees it: the status beside the title is a chip with room around its word, as in the
lists (it was a tight box hugging the letters: the label was styled before it had the property the chip rule reads),
and the title beside it stays whole."""
from __future__ import annotations

from app.views.invoices import InvoicesSection
from app.views.services import ServicesSection
from app.views.theme import apply_theme

from .samples import account_data


def chip_has_room(chip) -> bool:
    words = chip.fontMetrics().horizontalAdvance(chip.text())
    margins = chip.contentsMargins()
    return chip.isVisible() and margins.left() >= 5 and margins.right() >= 5 and chip.width() >= words + 10


def shown(qtbot, cls, tmp_path):
    """A list screen with the sample account at the smallest window less the narrow sidebar (932x650)."""
    section = cls()
    qtbot.addWidget(section)
    section.resize(932, 650)
    section.show_data(account_data(tmp_path))
    section.show()
    return section


def test_an_invoice_pages_status_is_a_padded_chip_and_the_title_is_whole(qtbot, qapp, tmp_path):
    for theme in ("light", "dark"):
        apply_theme(qapp, theme)
        section = shown(qtbot, InvoicesSection, tmp_path)
        assert section.open_invoice("inv-4")
        qtbot.waitUntil(lambda s=section: s.page.chip.text() != "")
        page = section.page
        assert chip_has_room(page.chip), (theme, page.chip.text(), page.chip.contentsMargins())
        assert page.title.width() >= page.title.sizeHint().width()
        assert page.chip.geometry().left() >= page.title.geometry().right()          # side by side, not over
    apply_theme(qapp, "light")


def test_a_service_pages_status_chip_has_room_too(qtbot, qapp, tmp_path):
    apply_theme(qapp, "light")
    section = shown(qtbot, ServicesSection, tmp_path)
    assert section.open_service("svc-rust")
    qtbot.waitUntil(lambda: section.page.chip.text() != "")
    assert chip_has_room(section.page.chip)


def test_the_chip_beside_a_title_has_round_corners(qtbot, qapp, tmp_path):
    """A style radius over half the chip's height made Qt draw it square: the corner showed the chip's colour."""
    for theme in ("light", "dark"):
        apply_theme(qapp, theme)
        section = shown(qtbot, InvoicesSection, tmp_path)
        assert section.open_invoice("inv-4")
        qtbot.waitUntil(lambda s=section: s.page.chip.text() != "")
        chip = section.page.chip
        image = chip.parentWidget().grab().toImage()
        box = chip.geometry()
        inside = image.pixelColor(box.center().x(), box.top() + 1)
        corner = image.pixelColor(box.left(), box.top())
        assert corner != inside, (theme, corner.name(), inside.name())
    apply_theme(qapp, "light")


def test_a_service_pages_labels_keep_clear_of_their_values_in_german(qtbot, qapp, tmp_path):
    """"Abrechnungszeitraum" ended 6 px from "Monatlich": label and value read as one run of words."""
    from PySide6.QtWidgets import QFormLayout

    from .test_translations_dialogs import german

    apply_theme(qapp, "light")
    with german(qapp):
        section = shown(qtbot, ServicesSection, tmp_path)
        assert section.open_service("svc-rust")
        qtbot.waitUntil(lambda: section.page.fields["cycle"].text() != "")
        page = section.page
        forms = [page.details.layout(), *page.server_card.findChildren(QFormLayout)]
        assert len(forms) == 2
        for form in forms:
            for row in range(form.rowCount()):
                label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
                field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                if not label.isVisible():
                    continue
                words_end = label.geometry().left() + label.fontMetrics().horizontalAdvance(label.text())
                assert field.geometry().left() - words_end >= 10, label.text()


def test_an_invoices_total_and_balance_due_stand_out(qtbot, qapp, tmp_path):
    """Seven lines of sums alike (subtotal, discount, tax, total, paid twice, balance): the two a reader looks for
    read first, as in the cart."""
    apply_theme(qapp, "light")
    section = shown(qtbot, InvoicesSection, tmp_path)
    assert section.open_invoice("inv-4")
    fields = section.page.fields
    qtbot.waitUntil(lambda: fields["balance"].text() != "")
    bold = {key for key, value in fields.items() if value.font().bold()}
    assert bold == {"total", "balance"}
    form = section.page.totals.layout()
    for key in ("total", "balance"):
        name = form.labelForField(fields[key])
        assert name.font().bold() and name.width() >= name.sizeHint().width()
        assert fields[key].width() >= fields[key].sizeHint().width()
