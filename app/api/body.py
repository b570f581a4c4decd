"""Reading an answer's body within bounds: at most `MAX_WIRE_BYTES` off the wire, at most `MAX_BODY_BYTES` once
unpacked, before a `Deadline`. Unpacking is done here (zlib with `max_length`), not by urllib3, so a gzip bomb
never expands past the limit in memory: each step unpacks at most what is still allowed, plus one byte to tell.
"""
from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Callable, Iterator
from typing import Any

from app.core.text import translate

from .errors import AnswerTooLarge, BadAnswer
from .limits import MAX_BODY_BYTES, MAX_SYNC_BYTES, MAX_WIRE_BYTES, READ_CHUNK_BYTES

ACCEPT_ENCODING = "gzip, deflate"


class Deadline:
    """The total time one attempt may take. When it passes, `interrupt` is called (from a timer thread) to shut
    the attempt's sockets down, which wakes a read blocked on a server that trickles; `expired` then says why."""

    def __init__(self, seconds: float, interrupt: Callable[[], None]) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self._expired = threading.Event()
        self._interrupt = interrupt
        self._timer = threading.Timer(max(0.0, seconds), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        self._expired.set()
        self._interrupt()

    @property
    def expired(self) -> bool:
        return self._expired.is_set() or time.monotonic() >= self.ends

    def stop(self) -> None:
        self._timer.cancel()


def _too_large(where: str, limit: int, unpacked: bool) -> AnswerTooLarge:
    size = limit // (1024 * 1024)
    text = (translate("Body", "{where} sent an answer larger than {size} MiB unpacked; a billing panel's answers are "
                              "far smaller, so Sett stopped reading it.") if unpacked else
            translate("Body", "{where} sent an answer larger than {size} MiB as sent; a billing panel's answers are "
                              "far smaller, so Sett stopped reading it."))
    return AnswerTooLarge(text.format(where=where, size=size), resource=where)


class ReadBudget:
    """The bytes of answers (unpacked) left to one sync, or one call that pages through a list; shared by its
    requests, so many pages within the per-answer limit cannot add up to gigabytes held in memory."""

    def __init__(self, limit: int = MAX_SYNC_BYTES) -> None:
        self.limit = limit
        self._used = 0
        self._lock = threading.Lock()

    def take(self, size: int, where: str) -> None:
        """Count `size` bytes read from `where`; `AnswerTooLarge` once the answers add up to more than the limit."""
        with self._lock:
            self._used += size
            over = self._used > self.limit
        if over:
            text = translate("Body", "{where}: the panel's answers for one sync or list added up to more than {size} "
                                     "MiB, far more than a billing account holds, so Sett stopped reading them.")
            raise AnswerTooLarge(text.format(where=where, size=max(1, self.limit // (1024 * 1024))), resource=where)


def _shown(header: str) -> str:
    """A header's value as a sentence may quote it: printable ASCII, at most 40 characters (a hostile server's
    header can hold anything up to the header limit)."""
    text = "".join(ch if " " <= ch <= "~" else "?" for ch in header)
    return text if len(text) <= 40 else text[:39] + "…"


class _Unpacker:
    """gzip or deflate, bounded; identity passes through."""

    def __init__(self, encoding: str, where: str) -> None:
        self.where = where
        self.encoding = encoding
        if encoding in ("gzip", "x-gzip"):
            self._z: Any = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._z = zlib.decompressobj()
        elif encoding in ("", "identity"):
            self._z = None
        else:
            text = translate("Body", "{where} sent its answer packed as '{encoding}', which Sett did not ask for "
                                     "and cannot read.")
            raise BadAnswer(text.format(where=where, encoding=_shown(encoding)), resource=where,
                            field="Content-Encoding")
        self._first = True

    def feed(self, data: bytes, room: int) -> bytes:
        """Unpack `data`, producing at most `room + 1` bytes (one more than allowed means: too large)."""
        if self._z is None:
            return data
        try:
            out = self._step(data, room + 1)
        except zlib.error:
            if not (self._first and self.encoding == "deflate"):
                raise self._broken() from None
            self._z = zlib.decompressobj(-zlib.MAX_WBITS)  # "deflate" sent raw, without the zlib header
            out = self._step(data, room + 1)
        self._first = False
        return out

    def _step(self, data: bytes, limit: int) -> bytes:
        # Output reaching `limit` (one past what is allowed) makes the caller refuse the answer; whatever input is
        # left over (`unconsumed_tail`) is never unpacked.
        return self._z.decompress(data, limit)

    def finish(self) -> bytes:
        if self._z is None or self._first:   # nothing packed arrived (a 204 or 304 with the header): no body
            return b""
        try:
            tail = self._z.flush()
        except zlib.error:
            raise self._broken() from None
        if not self._z.eof:   # the packed stream broke off before its end
            raise self._broken()
        return tail

    def _broken(self) -> BadAnswer:
        return BadAnswer(translate("Body", "{where} sent a packed ({encoding}) answer that cannot be unpacked.").format(
                             where=self.where, encoding=self.encoding),
                         resource=self.where, field="Content-Encoding")


def read_body(raw: Any, where: str, deadline: Deadline | None = None, *, max_wire: int = MAX_WIRE_BYTES,
              max_body: int = MAX_BODY_BYTES) -> bytes:
    """The whole body of a streamed `requests` response, unpacked; `AnswerTooLarge` past a limit."""
    length = (raw.headers.get("Content-Length") or "").strip()
    # ASCII digits only: "²" (latin-1 \xb2) passes str.isdigit() and then made int() raise a bare ValueError.
    if length.isascii() and length.isdigit() and int(length) > max_wire:
        raise _too_large(where, max_wire, unpacked=False)
    unpacker = _Unpacker((raw.headers.get("Content-Encoding") or "").strip().lower(), where)
    parts: list[bytes] = []
    wire = size = 0
    for chunk in _chunks(raw):
        wire += len(chunk)
        if wire > max_wire:
            raise _too_large(where, max_wire, unpacked=False)
        out = unpacker.feed(chunk, max_body - size)
        size += len(out)
        if size > max_body:
            raise _too_large(where, max_body, unpacked=True)
        parts.append(out)
        if deadline is not None and deadline.expired:
            raise TimeoutError("the request's deadline passed")
    tail = unpacker.finish()
    if size + len(tail) > max_body:
        raise _too_large(where, max_body, unpacked=True)
    parts.append(tail)
    return b"".join(parts)


def _chunks(raw: Any) -> Iterator[bytes]:
    stream = getattr(raw.raw, "stream", None)
    if stream is not None:
        yield from stream(READ_CHUNK_BYTES, decode_content=False)
    else:  # a plain file-like body (some test doubles)
        while chunk := raw.raw.read(READ_CHUNK_BYTES):
            yield chunk
