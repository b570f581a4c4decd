"""What the screens show for exports: the Export button and its menu (on the Invoices and Credits lists), the save
dialog for a CSV/XLSX file, the "Save all PDFs" dialog (a period and a folder) and its progress dialog. They only
ask; app/features/exports.py does the work."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressDialog,
    QPushButton,
    QToolButton,
    QWidget,
)

from app.core import local_format
from app.core.text import translate
from app.models.plain_text import PLAIN

from .dialog_buttons import set_dialog_margins
from .invoice_pdf import documents_folder, suggested_path

FORMAT_SUFFIXES = {"csv": ".csv", "xlsx": ".xlsx"}


class ExportButton(QToolButton):
    """"Export ▾" with one entry per kind the screen offers ("invoices", "payments", "credits", "pdfs")."""

    chosen = Signal(str)

    def __init__(self, kinds: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportButton")
        self.setText(self.tr("Export"))
        self.setToolTip(self.tr("Export what the list shows, for your bookkeeping (Ctrl+E)"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        labels = {"invoices": self.tr("Invoices as CSV or XLSX…"),
                  "payments": self.tr("Payments of these invoices…"),
                  "credits": self.tr("Credit transactions as CSV or XLSX…"),
                  "pdfs": self.tr("Save all PDFs…")}
        menu = QMenu(self)
        self.actions_by_kind = {}
        for kind in kinds:
            # Made here rather than by menu.addAction(text): in the test suite, a window made after another was
            # closed got an entry that said "already deleted" when triggered, apparently PySide handing out again
            # the wrapper of a deleted entry; an action made in Python always has a wrapper of its own.
            action = QAction(labels[kind], menu)
            menu.addAction(action)
            action.setObjectName(f"export_{kind}")
            action.triggered.connect(lambda _checked=False, k=kind: self.chosen.emit(k))
            self.actions_by_kind[kind] = action
        self.setMenu(menu)


def export_file_name(kind: str) -> str:
    names = {"invoices": translate("Exports", "Invoices"), "payments": translate("Exports", "Payments"),
             "credits": translate("Exports", "Credit transactions")}
    return f"{names[kind]} {date.today().isoformat()}.csv"


def ask_export_file(parent: QWidget | None, kind: str) -> tuple[str, str] | None:
    """The save dialog, starting in Documents: (path, "csv" | "xlsx"), or None when the user cancelled."""
    csv_filter = translate("Exports", "CSV, for any program (*.csv)")
    xlsx_filter = translate("Exports", "Excel workbook (*.xlsx)")
    path, chosen = QFileDialog.getSaveFileName(parent, translate("Exports", "Export"),
                                               suggested_path(export_file_name(kind)), f"{csv_filter};;{xlsx_filter}")
    return file_and_format(path, chosen == xlsx_filter) if path else None


def file_and_format(path: str, xlsx_chosen: bool = False) -> tuple[str, str]:
    """The format from the name's extension (or the chosen filter), and the extension added when it is missing."""
    suffix = Path(path).suffix.lower()
    if suffix in (".csv", ".xlsx"):
        return path, suffix[1:]
    fmt = "xlsx" if xlsx_chosen else "csv"
    return path + FORMAT_SUFFIXES[fmt], fmt


class PdfBatchDialog(QDialog):
    """A period (issue dates, both included) and a folder for "Save all PDFs"."""

    def __init__(self, parent: QWidget | None = None, *, all_accounts: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("pdfBatchDialog")
        self.setWindowTitle(self.tr("Save all PDFs"))
        today = QDate.currentDate()
        # The dates as the user's locale writes them (the rest of Sett does, through local_format), not ISO
        pattern = local_format.date_entry_pattern()
        self.start = QDateEdit(QDate(today.year(), 1, 1), objectName="pdfFrom", calendarPopup=True,
                               displayFormat=pattern)
        self.end = QDateEdit(today, objectName="pdfTo", calendarPopup=True, displayFormat=pattern)
        self.folder = QLineEdit(documents_folder(), objectName="pdfFolder")
        browse = QPushButton(self.tr("Choose…"), objectName="pdfBrowse")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        scope = self.tr("every account's invoices") if all_accounts else self.tr("this account's invoices")
        intro = QLabel(self.tr("One PDF per invoice issued in the period ({scope}), from the saved data. Invoices "
                               "whose details were never downloaded are skipped.").format(scope=scope), self,
                       textFormat=PLAIN)
        intro.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = set_dialog_margins(QFormLayout(self))
        form.addRow(intro)
        form.addRow(self.tr("&From"), self.start)
        form.addRow(self.tr("&To"), self.end)
        form.addRow(self.tr("Fo&lder"), folder_row)
        form.addRow(self.buttons)
        form.labelForField(folder_row).setBuddy(self.folder)     # a row of two widgets gets no buddy by itself
        self.folder.setAccessibleName(self.tr("Folder"))
        # Reading order: the buttons were made before the fields, and Tab followed that; the first date starts.
        chain = [self.start, self.end, self.folder, browse, *self.buttons.buttons()]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self.start.setFocus(Qt.FocusReason.OtherFocusReason)
        self.folder.textChanged.connect(self._update)
        self.start.dateChanged.connect(self._update)
        self.end.dateChanged.connect(self._update)
        self._update()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the PDFs"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _update(self) -> None:
        ok = bool(self.folder.text().strip()) and self.start.date() <= self.end.date()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)

    def values(self) -> tuple[date, date, str]:
        return self.start.date().toPython(), self.end.date().toPython(), self.folder.text().strip()


def ask_pdf_batch(parent: QWidget | None, all_accounts: bool) -> tuple[date, date, str] | None:
    dialog = PdfBatchDialog(parent, all_accounts=all_accounts)
    try:
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def pdf_progress(parent: QWidget | None, total: int) -> QProgressDialog:
    dialog = QProgressDialog(translate("Exports", "Saving PDFs…"), translate("Exports", "Cancel"), 0, total, parent)
    dialog.setObjectName("pdfProgress")
    dialog.setWindowTitle(translate("Exports", "Save all PDFs"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog
