"""An invoice as a document on paper or in a PDF: one QTextDocument (invoice_document's HTML) painted page by page
onto any paged device, so the PDF that is saved and the page that is printed are the same layout.

`write_invoice_pdf` writes through QPdfWriter (Qt's own PDF writer); `print_invoice` paints onto a QPrinter the
print dialog set up (or one writing a PDF, in tests). Call on the UI thread (Qt's text layout needs the
application's fonts).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, QStandardPaths
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument, QTextOption
from PySide6.QtPrintSupport import QPrinter

from app.core.text import translate

from .invoice_document import Money, invoice_html

__all__ = ["documents_folder", "invoice_html", "paint_invoice", "print_invoice", "suggested_path",
           "write_invoice_pdf"]

A4_MARGINS_MM = QMarginsF(15, 15, 15, 15)


def _document(invoice: dict, money: Money, panel_name: str, customer: str) -> QTextDocument:
    document = QTextDocument()
    # A word longer than its column (an address or a tax id without spaces) breaks anywhere instead of pushing
    # its table past the page's right margin.
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    document.setHtml(invoice_html(invoice, money, panel_name, customer))
    return document


def _paint(document: QTextDocument, device: QPagedPaintDevice, page: QRectF) -> None:
    """Lay the document out on `page` (the printable area, in device pixels), page by page.
    QTextDocument.print_() would add its own 2 cm inside the page margins and let a right-aligned table run past
    the text's right edge."""
    document.documentLayout().setPaintDevice(device)                    # fonts measured at the device's dpi
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(page.width(), page.height()))
    painter = QPainter(device)
    if not painter.isActive():
        raise OSError(translate("InvoicePdf", "The printer or file could not be opened."))
    try:
        for number in range(document.pageCount()):
            if number:
                device.newPage()
            painter.save()
            painter.translate(0, -number * page.height())
            document.drawContents(painter, QRectF(0, number * page.height(), page.width(), page.height()))
            painter.restore()
    finally:
        painter.end()


def paint_invoice(device: QPagedPaintDevice, invoice: dict, money: Money, panel_name: str = "",
                  customer: str = "") -> None:
    """The invoice onto `device` (a QPdfWriter or QPrinter) within its page layout's margins."""
    document = _document(invoice, money, panel_name, customer)
    resolution = device.resolution() if isinstance(device, QPrinter) else device.logicalDpiX()
    page = device.pageLayout().paintRectPixels(resolution)
    _paint(document, device, QRectF(0, 0, page.width(), page.height()))


def documents_folder() -> str:
    """Where saving starts: the user's Documents folder, made when it does not exist yet (a save dialog given a
    folder that does not exist opened in the program's working folder instead), or home when it cannot be made;
    "" when neither is there."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents:
        try:
            Path(documents).mkdir(exist_ok=True)       # the parent (home) must exist: no folders made above it
            return documents
        except OSError:
            pass
    home = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
    return home if home and Path(home).is_dir() else ""


def suggested_path(file_name: str) -> str:
    """`file_name` in documents_folder(): never the program's working folder."""
    folder = documents_folder()
    return str(Path(folder) / file_name) if folder else file_name


def _title(invoice: dict) -> str:
    return translate("InvoicePdf", "Invoice {number}").format(number=invoice.get("invoice_number") or "").strip()


def write_invoice_pdf(path: str | Path, invoice: dict, money: Money, panel_name: str = "",
                      customer: str = "") -> Path:
    """Write the invoice to `path` as an A4 PDF; returns the path. Raises OSError when it cannot be written."""
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setTitle(_title(invoice))
    writer.setCreator(panel_name or "Sett")
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     A4_MARGINS_MM, QPageLayout.Unit.Millimeter))
    paint_invoice(writer, invoice, money, panel_name, customer)
    del writer     # the file is complete once the writer is gone
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(translate("InvoicePdf", "Could not write {path}.").format(path=path))
    return path


def print_invoice(printer: QPrinter, invoice: dict, money: Money, panel_name: str = "", customer: str = "") -> None:
    """Print the invoice on `printer` as the print dialog left it (paper, margins, copies): the same document as
    the PDF. Raises OSError when the printer cannot be opened."""
    printer.setDocName(_title(invoice))
    paint_invoice(printer, invoice, money, panel_name, customer)
