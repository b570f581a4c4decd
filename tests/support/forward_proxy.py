"""A small forward proxy on 127.0.0.1 that counts what goes through it: absolute-form requests
(`GET http://host/path`) are forwarded over plain HTTP, `CONNECT host:port` is tunnelled, and hosts in `answers`
are answered by the proxy itself (a name that resolves nowhere still loads, which shows a browser used the proxy).
"""
from __future__ import annotations

import http.client
import select
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "proxy-authorization", "te", "trailers",
              "transfer-encoding", "upgrade", "content-length"}


class ForwardProxy:
    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []          # (method, target) of every request, in order
        self.answers: dict[str, str] = {}              # host -> HTML the proxy answers with itself
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def _forward(self) -> None:
                proxy.record(self.command, self.path)
                target = urlsplit(self.path)
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                page = proxy.answers.get(target.hostname or "")
                if page is not None:
                    data = page.encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return
                upstream = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=30)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                upstream.request(self.command, target.path + (f"?{target.query}" if target.query else ""),
                                 body=body or None, headers=headers)
                answer = upstream.getresponse()
                data = answer.read()
                self.send_response(answer.status)
                for key, value in answer.getheaders():
                    if key.lower() not in HOP_BY_HOP:
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                upstream.close()

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _forward

            def do_CONNECT(self) -> None:
                proxy.record("CONNECT", self.path)
                host, _, port = self.path.rpartition(":")
                with socket.create_connection((host, int(port)), timeout=30) as upstream:
                    self.send_response(200, "Connection established")
                    self.end_headers()
                    ends = [self.connection, upstream]
                    while True:
                        readable, _, _ = select.select(ends, [], [], 30)
                        if not readable:
                            break
                        for end in readable:
                            chunk = end.recv(65536)
                            if not chunk:
                                self.close_connection = True
                                return
                            (upstream if end is self.connection else self.connection).sendall(chunk)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def record(self, method: str, target: str) -> None:
        with self._lock:
            self.seen.append((method, target))

    def through(self, fragment: str) -> list[tuple[str, str]]:
        """The requests whose target holds `fragment`."""
        with self._lock:
            return [s for s in self.seen if fragment in s[1]]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def as_system_proxy(monkeypatch, proxy: ForwardProxy) -> None:
    """Make `proxy` this test's system proxy (the *_proxy variables, read on Linux by urllib and by Qt alike),
    with nothing exempt from it: 127.0.0.1 goes through it too."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.setenv(name, proxy.url)
    for name in ("no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
