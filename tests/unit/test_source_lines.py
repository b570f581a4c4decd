"""The source lines PySide's import hook makes linecache keep are forgotten after each burst of imports."""
import linecache

from app.shell import source_lines


class FakeSignal:
    def __init__(self) -> None:
        self.slots = []

    def connect(self, slot) -> None:
        self.slots.append(slot)

    def emit(self, *args) -> None:
        for slot in self.slots:
            slot(*args)


class FakeSessions:
    def __init__(self) -> None:
        self.changed, self.sync_failed = FakeSignal(), FakeSignal()
        self.after_start = []

    def when_started(self, fn) -> None:
        self.after_start.append(fn)


def remembered() -> bool:
    linecache.getlines(source_lines.__file__)
    return source_lines.__file__ in linecache.cache


def test_lines_are_forgotten_at_install_at_the_start_s_end_and_after_each_read_or_sync():
    sessions = FakeSessions()
    assert remembered()
    source_lines.install(sessions)
    assert not linecache.cache
    for burst in (lambda: sessions.after_start[0](), lambda: sessions.changed.emit("a1", object()),
                  lambda: sessions.sync_failed.emit("a1", OSError("offline"))):
        assert remembered()
        burst()
        assert source_lines.__file__ not in linecache.cache


def test_a_traceback_still_shows_source_lines_after_forgetting():
    import traceback

    source_lines.forget()
    try:
        raise ValueError("shown with its line")
    except ValueError as exc:
        text = "".join(traceback.format_exception(exc))
    assert 'raise ValueError("shown with its line")' in text
