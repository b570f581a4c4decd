"""The cache file itself: checking it before SQLite may write to it, the backup before a migration, and
setting a damaged file aside."""
from __future__ import annotations

import os
import secrets
import sqlite3
import struct
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.core.formatting import number_text
from app.core.text import translate

from .errors import COULD_NOT, CacheError, damaged, from_sqlite

__all__ = ["FileState", "backup_path", "inspect", "make_backup", "probe_version", "set_aside"]

_MAGIC = b"SQLite format 3\x00"
_SIDE_FILES = ("-wal", "-shm", "-journal")


# Descriptors kept open for reading headers, by (device, inode). On POSIX, closing ANY descriptor of a file drops
# every fcntl lock this process holds on it, SQLite's included: a header read with open()/close() while another
# connection of this process held a read lock let a writer in another process overwrite pages under that
# connection ("database disk image is malformed"). So a header is read with os.pread on a descriptor that stays
# open for the life of the process (one per cache file, a handful in all), and closing never happens.
_HEADER_FDS: dict[tuple[int, int], int] = {}
_HEADER_FDS_LOCK = threading.Lock()


def _read_header(path: Path) -> bytes:
    """The first 100 bytes of `path`, without ever closing a descriptor of a file SQLite may have locked."""
    if not hasattr(os, "pread"):  # Windows: locks there belong to handles, and closing one drops no other's
        with path.open("rb") as handle:
            return handle.read(100)
    info = path.stat()
    with _HEADER_FDS_LOCK:
        fd = _HEADER_FDS.get((info.st_dev, info.st_ino))
        if fd is None:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
            opened = os.fstat(fd)
            # Keyed by what was opened (the file may have been replaced since the stat); a duplicate from a
            # race is kept open too, never closed.
            fd = _HEADER_FDS.setdefault((opened.st_dev, opened.st_ino), fd)
    return os.pread(fd, 100, 0)


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


@dataclass(frozen=True)
class FileState:
    version: int          # PRAGMA user_version as the main file's header has it
    has_schema: bool      # the file holds tables (an empty or missing file does not)
    wal_pending: bool     # a non-empty write-ahead log lies beside it (the header may lag the log)


NEW_FILE = FileState(version=0, has_schema=False, wal_pending=False)


def inspect(path: Path) -> FileState:
    """Read the 100-byte header; refuse a file that is not an SQLite database, or one cut short.

    Nothing here opens the file with SQLite, so a damaged or too-new file stays byte for byte as it was
    (and no -wal/-shm files appear beside it). A missing or empty file is a new cache.
    """
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise CacheError(translate("CacheError", "The cache for this account is a folder, not a file: {path}.")
                             .format(path=path))
        if size == 0:
            return NEW_FILE
        header = _read_header(path)
        wal = _side(path, "-wal")
        wal_pending = wal.exists() and wal.stat().st_size > 0
    except FileNotFoundError:
        return NEW_FILE
    except OSError as exc:
        text = translate("CacheError", COULD_NOT["read"])
        raise CacheError(text.format(path=path, error=exc.strerror or exc)) from exc
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise damaged(path, translate("CacheError", "not an SQLite database"))
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise damaged(path, translate("CacheError", "bad page size"))
    change_counter, pages = struct.unpack(">II", header[24:32])
    schema_cookie = struct.unpack(">I", header[40:44])[0]
    version = struct.unpack(">i", header[60:64])[0]
    valid_for = struct.unpack(">I", header[92:96])[0]
    # The in-header size is trustworthy only when SQLite says so (valid-for == change counter), and the
    # main file may legitimately lag it while a write-ahead log still holds pages.
    if pages and valid_for == change_counter and not wal_pending and size < pages * page_size:
        # "%Ln byte(s)": a hand-made "{size} bytes" read "1 bytes", and digits without the locale's grouping. Qt
        # counts in a C int: a larger file (never cut short to that size in practice) is said as at most that.
        shown = min(size, 2**31 - 1)
        raise damaged(path, translate("CacheError", "the file is cut short: %Ln byte(s) of {expected}", None, shown)
                      .format(expected=number_text(pages * page_size)))
    if version < 0 and not wal_pending:
        raise damaged(path, translate("CacheError", "unknown cache version {version}").format(version=version))
    return FileState(version=version, has_schema=schema_cookie != 0, wal_pending=wal_pending)


def probe_version(path: Path, busy_timeout: float) -> FileState:
    """What a read-only connection sees, write-ahead log included; for a file left with a pending log."""
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout)
    except sqlite3.Error as exc:
        raise CacheError(translate("CacheError", COULD_NOT["open"]).format(path=path, error=exc)) from exc
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.Error as exc:
        raise from_sqlite(exc, path, "open") from exc
    finally:
        conn.close()
    if version < 0:
        raise damaged(path, translate("CacheError", "unknown cache version {version}").format(version=version))
    return FileState(version=version, has_schema=objects > 0, wal_pending=True)


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.v{version}.bak")


def make_backup(conn: sqlite3.Connection, path: Path, version: int) -> Path | None:
    """Copy the database (with SQLite's online backup, so a write-ahead log is included) to `<name>.v<N>.bak`.

    The copy is written under a private temporary name and renamed into place, so a crash leaves no half
    backup. If another connection upgraded the file meanwhile, the copy is not version N: it is dropped and
    the backup that connection made stays. Returns the backup, or None when none was needed.
    """
    target = backup_path(path, version)
    partial = target.with_name(f"{target.name}.{secrets.token_hex(4)}.partial")
    try:
        dest = sqlite3.connect(partial)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")   # a backup is one self-contained file
            copied = dest.execute("PRAGMA user_version").fetchone()[0]
        finally:
            dest.close()
        if copied != version:
            partial.unlink()
            return None
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise CacheError(translate("CacheError", "Could not back up the cache for this account before upgrading it "
                                   "({path}): {error}. Nothing was changed.").format(path=target, error=exc)) from exc
    return target


def set_aside(path: Path) -> Path | None:
    """Move the file (and its -wal/-shm/-journal) to `<name>.damaged-<timestamp>`; the new name, or None."""
    if not path.exists():
        for suffix in _SIDE_FILES:
            _side(path, suffix).unlink(missing_ok=True)
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 2
    while target.exists():
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
        counter += 1
    try:
        os.replace(path, target)
        for suffix in _SIDE_FILES:
            side = _side(path, suffix)
            if side.exists():
                os.replace(side, _side(target, suffix))
    except OSError as exc:
        raise CacheError(translate("CacheError", "Could not move the damaged cache aside ({path}): {error}.").format(
            path=path, error=exc.strerror or exc)) from exc
    return target
