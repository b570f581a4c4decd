"""A package's names loaded from their modules when first asked for (PEP 562), so importing the package for one
name does not load the others: `app.api` and `app.cache` hand out their errors at start-up without loading the
HTTP client or the cache's store, which load on the worker that first needs them."""
from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping


def lazy_names(package: str, modules: Mapping[str, tuple[str, ...]],
               namespace: dict) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The module-level `__getattr__` and `__dir__` of `package`, whose `modules` map a submodule to the names it
    gives the package; `namespace` is the package's globals(), where a name once loaded is kept."""
    homes = {name: module for module, names in modules.items() for name in names}

    def __getattr__(name: str) -> object:  # noqa: N807 - the module hook's own name
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{home}", package), name)
        namespace[name] = value     # asked once: later lookups find it without coming here
        return value

    def __dir__() -> list[str]:  # noqa: N807
        return sorted(set(namespace) | set(homes))

    return __getattr__, __dir__
