"""PySide6's per-import check, answered from the file's bytes instead of `inspect.getsource`.

After PySide6 loads, its `__feature__` import hook asks of every module imported later whether the module uses
PySide6 (the word "PySide6" in its source), so that `from __feature__ import snake_case` can be switched per module.
It asks through `inspect.getsource`, which decodes and splits each file into lines and leaves them in `linecache` for
the life of the process: at a start ~22 ms over ~200 modules on the way to the first paint, and ~10 MB of strings
that nothing reads again (measured 2026-12-05, bench/README.md "fourth look"; the cache used to be emptied after
each burst of imports instead).

`install()` gives the hook the same answer from the file's raw bytes, and empties `linecache` of what PySide6's first
pass over the modules imported before it left there (~34,000 lines of ~44 modules: the standard library's and
platformdirs'). Sett uses no `__feature__`; the answer stays the same for every module, so a library that does use
one keeps its behaviour. Anything other than a plain `.py` file (a zip, a frozen bundle's archive, a builtin) goes to
PySide6's own check. PySide6 documents no switch for this, so the replacement is guarded: where a PySide6 version
has no such function, nothing is changed.
"""
from __future__ import annotations

import linecache
import sys

_MARK = "_sett_reads_bytes"


def install() -> bool:
    """Replace the hook's check (after PySide6 is imported); True when it was replaced (or already was)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if not callable(original):
        return False
    if getattr(original, _MARK, False):
        return True

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    setattr(uses_pyside, _MARK, True)
    feature._mod_uses_pyside = uses_pyside
    # Early, while little else is allocated, so the freed lines leave no holes the allocator cannot give back.
    linecache.clearcache()
    return True
