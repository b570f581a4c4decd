"""The server behind a service, on the service's page: its status, address (selectable, with a Copy button), node
and resources, and **Manage server**, which asks (`manage_requested(url)`) to open the panel's page for it in the
system browser. The feature decides whether the link may be opened; this card only shows and asks."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.core.formatting import NO_VALUE, resources_text
from app.core.server_links import server_address_text
from app.core.status_words import status_word
from app.core.text import translate

from .badges import set_chip, status_chip
from .labels import DataLabel, heading, muted, styled
from .shapes import obj


def _extras(resources: dict) -> str:
    """What a product lists beyond RAM, disk and CPU: databases, backups, ports."""
    parts = []
    for key in ("database_limit", "backup_limit", "allocation_limit"):
        count = resources.get(key)
        if isinstance(count, int) and not isinstance(count, bool) and count > 0:
            parts.append(_extra_text(key, count))
    return " · ".join(parts)


def _extra_text(key: str, count: int) -> str:
    if key == "database_limit":
        return translate("ServerCard", "%n database(s)", None, count)
    if key == "backup_limit":
        return translate("ServerCard", "%n backup(s)", None, count)
    return translate("ServerCard", "%n port(s)", None, count)


class ServerCard(QFrame):
    manage_requested = Signal(str)      # the server's manage_url, as the panel sent it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        styled(self, card=True)
        self.server: dict = {}
        self.chip = status_chip()
        self.name = heading("", "serverName")
        self.manage_button = styled(QPushButton(translate("ServerCard", "Manage server"),
                                                objectName="manageServerButton"), kind="primary")
        self.manage_button.setToolTip(translate("ServerCard",
                                                "Opens the panel's page for this server in your web browser."))
        self.manage_button.clicked.connect(self._manage)
        top = QHBoxLayout()
        top.addWidget(self.name)
        top.addWidget(self.chip, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        top.addWidget(self.manage_button)

        self.address = DataLabel(objectName="serverAddress")
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.copy_button = styled(QPushButton(translate("ServerCard", "Copy"),
                                              objectName="copyAddressButton"), kind="ghost")
        self.copy_button.setAccessibleName(translate("ServerCard", "Copy the server's address"))
        self.copy_button.clicked.connect(self.copy_address)
        address_row = QHBoxLayout()
        address_row.setContentsMargins(0, 0, 0, 0)
        address_row.addWidget(self.address)
        address_row.addWidget(self.copy_button)
        address_row.addStretch(1)
        self.node = DataLabel(objectName="serverNode")
        self.resources = DataLabel(objectName="serverResources", wordWrap=True)
        for label in (self.node, self.resources):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.setHorizontalSpacing(14)       # as the service's details above: a label apart from its value
        form.addRow(muted(translate("ServerCard", "Address")), address_row)
        form.addRow(muted(translate("ServerCard", "Node")), self.node)
        form.addRow(muted(translate("ServerCard", "Resources")), self.resources)
        self.none = muted(translate("ServerCard",
                                    "Not provisioned yet: the server appears here once the service is active."),
                          "serverNone", wrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.none)
        self._rows = form

    @property
    def address_text(self) -> str | None:
        return server_address_text(self.server.get("address"))

    def show_server(self, server: dict | None) -> None:
        self.server = dict(obj(server))
        present = bool(self.server)
        self.name.setText(str(self.server.get("name") or translate("ServerCard", "Server")) if present
                          else translate("ServerCard", "Server"))
        self.chip.setVisible(present)
        set_chip(self.chip, self.server.get("status") if present else None)
        address = self.address_text
        self.address.setText(address or (translate("ServerCard", "No address (none assigned, or released when the "
                                                                 "server ended)") if present else NO_VALUE))
        self.copy_button.setText(translate("ServerCard", "Copy"))
        self.node.setText(str(self.server.get("node") or NO_VALUE))
        resources = self.server.get("resources") if isinstance(self.server.get("resources"), dict) else {}
        text = " · ".join(p for p in (resources_text(resources), _extras(resources)) if p)
        self.resources.setText(text or NO_VALUE)
        self.manage_button.setVisible(present and bool(self.server.get("manage_url")))
        for index in range(self._rows.rowCount()):
            self._rows.setRowVisible(index, present)
        # After the rows: showing a row shows every widget in it, Copy too, even with no address to copy.
        self.copy_button.setVisible(address is not None)
        self.none.setVisible(not present)

    def status_text(self) -> str:
        return status_word(self.server.get("status"))

    def copy_address(self) -> None:
        if self.address_text:
            QGuiApplication.clipboard().setText(self.address_text)
            self.copy_button.setText(translate("ServerCard", "Copied"))

    def _manage(self) -> None:
        url = self.server.get("manage_url")
        if url:
            self.manage_requested.emit(str(url))
