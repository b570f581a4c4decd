"""Forget the source lines PySide6 reads at every import.

PySide6's import hook reads the source of each module imported after PySide6 itself (its `__feature__` check calls
`inspect.getsource`), and `linecache` keeps every line read for the life of the process: about 10 MB of Python
strings for the ~290 modules a start and its first syncs import (measured with tracemalloc, 2026-12-05), which
nothing reads again. Only a traceback needs source lines, and `linecache` reads the file again when one does.

So the cache is emptied after each burst of imports rather than once at the end: emptied late, the freed strings
leave holes in memory the allocator cannot give back (RSS stayed at 122 MB); emptied as it goes, later imports
reuse the space (115 MB). The bursts: building the window, the end of the start (the screens' first paint), and
each account's read or sync (the syncs' workers import the HTTP stack).
"""
from __future__ import annotations

import linecache


def forget() -> None:
    linecache.clearcache()


def install(sessions) -> None:
    """Empty the cache now and after each burst of imports the sessions cause."""
    forget()
    sessions.when_started(forget)
    sessions.changed.connect(_forget_after)
    sessions.sync_failed.connect(_forget_after)


def _forget_after(*_signal_arguments) -> None:
    forget()
