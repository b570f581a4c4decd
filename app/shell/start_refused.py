"""A start that cannot go on because of the data folder's lock (single_instance: a running Sett that does not take
the hand-over, a lock that cannot be made) is told to the user in a message box as well as on stderr: started from
a desktop launcher or a `sett://` link, nobody reads stderr, and Sett seemed to do nothing. The box says what
happened and what to do in a sentence, with the technical detail under it, never a traceback. No box where nobody
could see or close it (a headless run, no display): there it would only hang the start."""
from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable

from app.core.text import translate

from .single_instance import HandoverError

log = logging.getLogger(__name__)


def sentence(error: BaseException) -> str:
    """What the user reads first: what happened and what to do."""
    if isinstance(error, HandoverError):
        return translate("StartRefused", "Sett is already running for this data folder, but it did not answer, so "
                                         "this start stopped. If Sett is closing, start it again in a moment; "
                                         "otherwise close the running Sett first.")
    return translate("StartRefused", "Sett could not start: it cannot lock its data folder, so another Sett may be "
                                     "using it. Check that the folder can be written to, then start Sett again.")


def can_show_a_box(headless: bool) -> bool:
    """A window the user can see and close: not a --smoke-test or --screenshot run, nor a platform that shows
    nothing, nor a Linux session without a display (Qt would abort making the application there)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if headless or platform.split(":")[0] in ("offscreen", "minimal", "vnc"):
        return False
    if sys.platform.startswith("linux") and not platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def message_box(error: BaseException):
    """The box (not shown): the sentence, and the detail (the lock's or the socket's own words) under it."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, "Sett", sentence(error), QMessageBox.StandardButton.Ok)
    box.setObjectName("startRefusedBox")
    box.setInformativeText(str(error).strip())
    return box


def _show(error: BaseException) -> None:
    """Show the box and wait for OK, making the application (and its translations) when none exists yet."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Sett")
    app.setOrganizationName("Sett")
    try:
        from app.settings import Settings
        from app.shell import language

        app._start_refused_translators = language.install(Settings().language, app)
    except Exception:       # noqa: BLE001 - the box in English rather than none
        log.exception("the start's refusal is said in English")
    message_box(error).exec()


def tell_start_refused(error: BaseException, *, headless: bool = False,
                       show: Callable[[BaseException], None] | None = None) -> None:
    """On stderr (one line, as before) and, where someone can see it, in a message box."""
    print(error, file=sys.stderr)
    log.warning("this start stopped: %s", error)
    if not can_show_a_box(headless):
        return
    try:
        (show or _show)(error)
    except Exception:       # noqa: BLE001 - stderr has said it; a box that cannot be made must not crash the start
        log.exception("the start's refusal could not be shown in a box")
