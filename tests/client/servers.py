"""Small real servers on 127.0.0.1 for the client's tests: canned answers, a proxy that loses an answer, a proxy
that holds one request unanswered, a socket that never answers, one whose connects hang. Each one records what
reached it, so a test can count attempts."""
from __future__ import annotations

import json
import select
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import requests


@dataclass
class Reply:
    status: int = 200
    body: Any = b""  # bytes as they are, str as UTF-8, anything else as JSON
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"

    def payload(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode()
        return json.dumps(self.body).encode()


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def _any(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.owner.handle(self, Seen(self.command, self.path, dict(self.headers), body))

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _any

    def send(self, reply: Reply) -> None:
        payload = reply.payload()
        self.send_response(reply.status)
        if reply.content_type and reply.status not in (204, 304):
            self.send_header("Content-Type", reply.content_type)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: Any) -> None:  # keep test output clean
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: _Base


class _Base:
    def __init__(self) -> None:
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()

    def handle(self, handler: _Handler, seen: Seen) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class CannedServer(_Base):
    """Answers the replies in turn; the last one again for every further request."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = list(replies) or [Reply()]
        super().__init__()

    def handle(self, handler: _Handler, seen: Seen) -> None:
        with self._lock:
            self.seen.append(seen)
            reply = self.replies[min(len(self.seen), len(self.replies)) - 1]
        handler.send(reply)


class FlakyProxy(_Base):
    """Forwards everything to `upstream`, but answers the first request to `lose_path` with a 502 page after the
    upstream has handled it: the answer is lost on the way back, as with a proxy timing out."""

    def __init__(self, upstream: str, lose_path: str) -> None:
        self.upstream = upstream
        self.lose_path = lose_path
        self.lost = 0
        super().__init__()

    def handle(self, handler: _Handler, seen: Seen) -> None:
        with self._lock:
            self.seen.append(seen)
        upstream = self.ask_upstream(seen)
        with self._lock:
            lose = seen.path.split("?")[0] == self.lose_path and self.lost == 0
            if lose:
                self.lost += 1
        if lose:
            handler.send(Reply(502, "<html><body>502 Bad Gateway</body></html>", content_type="text/html"))
            return
        self.pass_back(handler, upstream)

    def ask_upstream(self, seen: Seen) -> requests.Response:
        headers = {k: v for k, v in seen.headers.items() if k.lower() not in ("host", "content-length", "connection")}
        return requests.request(seen.method, self.upstream + seen.path, headers=headers, data=seen.body or None,
                                timeout=30, allow_redirects=False)

    @staticmethod
    def pass_back(handler: _Handler, upstream: requests.Response) -> None:
        passed = {k: v for k, v in upstream.headers.items()
                  if k.lower() in ("etag", "retry-after", "www-authenticate") or k.lower().startswith("x-ratelimit")}
        handler.send(Reply(upstream.status_code, upstream.content, passed,
                           upstream.headers.get("Content-Type", "application/json")))

    def seen_at(self, path: str) -> list[Seen]:
        return [s for s in self.seen if s.path.split("?")[0] == path]


class HoldingProxy(FlakyProxy):
    """Forwards everything to `upstream` (answers 404 without one), except requests to `hold_path`: those it
    holds, never answering, until the test sets `release`. `arrived` is set when one is held; `abandoned` when
    the client closed a held connection while `release` was still unset, the one way a client can end it early.
    """

    def __init__(self, upstream: str | None, hold_path: str) -> None:
        self.hold_path = hold_path
        self.arrived, self.release, self.abandoned = threading.Event(), threading.Event(), threading.Event()
        super().__init__(upstream or "", lose_path="")

    def handle(self, handler: _Handler, seen: Seen) -> None:
        with self._lock:
            self.seen.append(seen)
        if seen.path.split("?")[0] != self.hold_path:
            if self.upstream:
                self.pass_back(handler, self.ask_upstream(seen))
            else:
                handler.send(Reply(404, {"error": {"code": "not_found", "message": "Not found."}}))
            return
        self.arrived.set()
        handler.close_connection = True
        while not self.release.is_set():
            readable, _, _ = select.select([handler.connection], [], [], 0.05)
            if readable and self._closed_by_client(handler.connection):
                self.abandoned.set()
                return

    @staticmethod
    def _closed_by_client(connection: socket.socket) -> bool:
        try:
            return not connection.recv(1)   # end of stream: the client closed the connection it was waiting on
        except ConnectionResetError:
            return True


class SilentSocket:
    """Accepts connections (the kernel does, from the backlog) and never answers a byte."""

    def __init__(self) -> None:
        self._sock = socket.create_server(("127.0.0.1", 0), backlog=16)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"

    def close(self) -> None:
        self._sock.close()


def closed_port() -> int:
    """A port nothing listens on: bound for a moment to get a free number, then released."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class HangingConnects:
    """A port whose connects hang like a black-holed address's: a listener with no room in its accept queue
    (filled by `fillers`, never accepted) makes the kernel drop every further SYN."""

    def __init__(self) -> None:
        self._sock = socket.create_server(("127.0.0.1", 0), backlog=0)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self.fillers: list[socket.socket] = []
        for _ in range(2):
            filler = socket.socket()
            filler.setblocking(False)
            filler.connect_ex(self._sock.getsockname())
            self.fillers.append(filler)

    def close(self) -> None:
        for filler in self.fillers:
            filler.close()
        self._sock.close()
