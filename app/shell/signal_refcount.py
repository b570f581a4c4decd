"""A guard against a reference-counting bug of PySide6 6.12.0 that made quitting after a checkout crash with
"Fatal Python error: bool_dealloc" (issue 13).

PySide6 6.12.0 drops one reference to Python's `True` at every `emit()` of a signal declared in Python (the emit
hands back `True` without taking a reference for it; 6.11.3 does not). Sett emits such signals all the time (every
change-set, status line and page), and a checkout with its pay page emits hundreds more. Once the emits outnumber
the references `True` really has, its count reaches zero: the interpreter aborts, at exit while finalising (when
the last real references go) or, in a long session, in the middle of the run. Nothing in Sett's own teardown can
avoid that; the references must not run out.

`install()` measures the bug once, with a signal of its own. Only where emits leak does it give `True` and `False`
a reference count no run can use up, which is what Python 3.12 does for them anyway (immortal objects). Where
PySide6 is fixed, or on Python 3.12 and later, it changes nothing.
"""
from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

PROBE_EMITS = 32
PAD = 1 << 40           # references added to True and False: more than any run can emit
_installed: bool | None = None


class _Probe(QObject):
    fired = Signal()


def emit_leak(emits: int = PROBE_EMITS) -> int:
    """How many references to True `emits` emits of a Python-declared signal lose (0 on a sound PySide6)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(emits):
        probe.fired.emit()
    leaked = before - sys.getrefcount(True)
    del probe
    return max(leaked, 0)


def _pad(obj: object) -> None:
    # ob_refcnt is a PyObject's first field (a Py_ssize_t) in every release build of CPython before 3.12.
    ctypes.c_ssize_t.from_address(id(obj)).value += PAD


def install() -> bool:
    """Once per process: True when the leak was found and True/False were given references to spare."""
    global _installed
    if _installed is None:
        _installed = False
        if sys.version_info < (3, 12) and emit_leak():
            _pad(True)
            _pad(False)
            _installed = True
            log.info("PySide6 drops a reference to True at every signal emit; guarded against it")
    return _installed
