"""The window's screens, built when first shown: a start paints the shell and the current screen, not all eight.

`LazySections` is a mapping from key to Section in sidebar order, made from the screens' classes or from
`sections.Screen` entries (a screen's module is then loaded when it is first built). Looking a screen up builds it
(so code that asks for one always gets one); `built()` holds only those built so far, which is what the window
hands data to. Whoever must connect to a screen's signals says so with `on_built(key, fn)`: `fn(section)` runs at
once if the screen exists, else right after it is built, before it shows anything.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from .section import Section
from .sections import Screen


class LazySections(Mapping):
    def __init__(self, classes: list[type[Section] | Screen], build: Callable[[type[Section]], Section]) -> None:
        self.classes = {cls.key: cls for cls in classes}     # each has `key`, `title` and `billing`
        self._build = build
        self._built: dict[str, Section] = {}
        self._waiting: dict[str, list[Callable[[Section], None]]] = {}

    def __getitem__(self, key: str) -> Section:
        section = self._built.get(key)
        if section is None:
            cls = self.classes[key]          # KeyError for a key that is no screen, as a dict would
            if isinstance(cls, Screen):
                cls = self.classes[key] = cls.load()
            section = self._built[key] = self._build(cls)
            for fn in self._waiting.pop(key, []):
                fn(section)
        return section

    def __iter__(self) -> Iterator[str]:
        return iter(self.classes)

    def __len__(self) -> int:
        return len(self.classes)

    def __contains__(self, key: object) -> bool:
        return key in self.classes

    def built(self) -> dict[str, Section]:
        """The screens built so far, in sidebar order."""
        return {key: self._built[key] for key in self.classes if key in self._built}

    def is_built(self, key: str) -> bool:
        return key in self._built

    def on_built(self, key: str, fn: Callable[[Section], None]) -> None:
        if key not in self.classes:
            return
        if key in self._built:
            fn(self._built[key])
        else:
            self._waiting.setdefault(key, []).append(fn)
