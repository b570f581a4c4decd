"""About Sett: name, version, icon, the project's licence (MIT) and the licences of what it is built on, read from
each installed distribution's metadata (build.spec keeps that metadata in the bundle, so the frozen app shows it too).
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import __version__, paths
from app.core.text import translate

from .dialog_buttons import set_dialog_margins
from .window_fit import fit_over_window
from .wrapped_rows import WrappedRows

APP_NAME = "Sett"
PROJECT_LICENCE = "MIT"
# What the installed app is made of, as pip names it (the bundle carries these and their own dependencies).
DISTRIBUTIONS = [
    "PySide6", "shiboken6", "requests", "urllib3", "certifi", "idna", "charset-normalizer", "keyring",
    "platformdirs", "truststore", "sqlite-utils", "fastapi", "starlette", "uvicorn", "pydantic", "pydantic_core",
    "python-multipart", "argon2-cffi", "pyotp", "stripe", "anyio", "h11", "click", "babel",
]
CLASSIFIER = "License :: OSI Approved :: "


@dataclass(frozen=True)
class Dependency:
    name: str
    version: str
    licence: str


def licence_of(meta) -> str:
    """The SPDX expression when the package declares one, else a short License field, else its classifiers."""
    if meta.get("License-Expression"):
        return meta["License-Expression"]
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 60:
        return text
    classifiers = [c.removeprefix(CLASSIFIER) for c in meta.get_all("Classifier") or [] if c.startswith(CLASSIFIER)]
    return ", ".join(classifiers) or translate("AboutDialog", "see its distribution")


def dependencies(names: list[str] = DISTRIBUTIONS) -> list[Dependency]:
    found = []
    for name in names:
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        found.append(Dependency(meta["Name"], meta["Version"], licence_of(meta)))
    return found


def licence_text() -> str:
    path = paths.bundle_root() / "LICENSE"
    return path.read_text(encoding="utf-8") if path.exists() else translate("AboutDialog", "{licence} licence.").format(
        licence=PROJECT_LICENCE)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AboutDialog", "About {app}").format(app=APP_NAME))
        self.setObjectName("AboutDialog")
        fit_over_window(self, 720, 600)     # no larger than the main window it opens over, or the screen
        layout = set_dialog_margins(QVBoxLayout(self))

        head = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(QPixmap(str(paths.resource_dir() / "icons" / "sett.png")).scaled(
            64, 64, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        head.addWidget(logo)
        self.title = QLabel(f"<h2>{APP_NAME} {__version__}</h2>"
                            + translate("AboutDialog", "Buy and manage hosting from your billing panels.") + "<br>"
                            + translate("AboutDialog", "Licensed under the {licence} licence.").format(
                                licence=PROJECT_LICENCE))
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setObjectName("AboutTitle")
        head.addWidget(self.title, 1)
        layout.addLayout(head)

        layout.addWidget(QLabel(translate("AboutDialog", "Built on (each under its own licence):")))
        deps = dependencies()
        self.table = QTableWidget(len(deps), 3)
        self.table.setHorizontalHeaderLabels([translate("AboutDialog", "Component"),
                                              translate("AboutDialog", "Version"),
                                              translate("AboutDialog", "Licence")])
        # Tab lands here first: a screen reader says what the table lists, not "table".
        self.table.setAccessibleName(translate("AboutDialog", "Components and their licences"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, dep in enumerate(deps):
            for column, value in enumerate((dep.name, dep.version, dep.licence)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        # Name and version as wide as they need; the licence takes the rest and wraps (some name several).
        header = self.table.horizontalHeader()
        # Headings over their column's text, as every other table in Sett (Qt centres them by default).
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setItemDelegate(WrappedRows(self.table))       # a wrapped licence is measured inside its padding
        layout.addWidget(self.table, 1)

        note = QLabel(translate("AboutDialog", "Qt for Python (PySide6) is used under the LGPL-3.0: its libraries are "
                                               "separate, replaceable files in the application folder."))
        note.setWordWrap(True)
        layout.addWidget(note)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.licence_button = QPushButton(translate("AboutDialog", "Licence…"))
        self.licence_button.clicked.connect(
            lambda: QMessageBox.information(self, translate("AboutDialog", "{app} licence").format(app=APP_NAME),
                                            licence_text()))
        buttons.addButton(self.licence_button, QDialogButtonBox.ButtonRole.HelpRole)
        layout.addWidget(buttons)

    def text(self) -> str:
        """The dialog's words, for tests and screen readers."""
        rows = [" ".join(self.table.item(r, c).text() for c in range(3)) for r in range(self.table.rowCount())]
        return "\n".join([self.title.text(), *rows])
