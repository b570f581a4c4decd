"""`CancellableAdapter`: a requests adapter whose connections show their sockets to a `Cancellation` before they
connect, so `Cancellation.cancel()` can end a connect to a black-holed address, a TLS handshake or a read that
the panel never answers, from another thread.

urllib3 offers no hook between creating a socket and connecting it, so `_WatchedConnection._new_conn` opens the
socket itself (resolve, create, show it to the cancellation, connect: the usual loop over the resolved
addresses) and raises the errors urllib3 raises, so that requests names a failure as before. It leans on
urllib3 2.x's connection attributes (`_dns_host`, `socket_options`, `source_address`), hence the pin in
pyproject.toml. Pools with other connection classes (a SOCKS proxy) are left alone: there only the checks
between attempts apply.
"""
from __future__ import annotations

import socket
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util.connection import allowed_gai_family
from urllib3.util.timeout import _DEFAULT_TIMEOUT

from .cancel import Cancellation


class _WatchedConnection:
    """Mixed into urllib3's connection classes; `cancellation` comes in through the pool's `conn_kw`."""

    def __init__(self, *args: Any, cancellation: Cancellation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._cancellation = cancellation
        self._handle: socket.socket | None = None

    def _new_conn(self) -> socket.socket:
        try:
            return self._connect_watched()
        except socket.gaierror as exc:
            raise NameResolutionError(self.host, self, exc) from exc
        except TimeoutError as exc:
            raise ConnectTimeoutError(
                self, f"Connection to {self.host} timed out. (connect timeout={self.timeout})") from exc
        except OSError as exc:
            raise NewConnectionError(self, f"Failed to establish a new connection: {exc}") from exc

    def _connect_watched(self) -> socket.socket:
        self._release()  # a connection that reconnects gives back the handle of its previous socket
        host = self._dns_host.strip("[]")
        error: OSError | None = None
        for family, kind, proto, _name, address in socket.getaddrinfo(host, self.port, allowed_gai_family(),
                                                                       socket.SOCK_STREAM):
            sock = socket.socket(family, kind, proto)
            try:
                self._handle = self._cancellation.watch(sock)
                for option in self.socket_options or ():
                    sock.setsockopt(*option)
                if self.timeout is not _DEFAULT_TIMEOUT:
                    sock.settimeout(self.timeout)
                if self.source_address:
                    sock.bind(self.source_address)
                # A cancel between `watch` and here would meet a socket not yet connecting: look once more.
                if self._cancellation.is_set():
                    raise ConnectionAbortedError("the request was cancelled")
                sock.connect(address)
                return sock
            except OSError as exc:
                error = exc
                self._release()
                sock.close()
                if self._cancellation.is_set():
                    break  # no other address either: the request is being abandoned
        raise error or OSError("getaddrinfo returns an empty list")

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._release()

    def _release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            self._cancellation.release(handle)


class WatchedHTTPConnection(_WatchedConnection, HTTPConnection):
    pass


class WatchedHTTPSConnection(_WatchedConnection, HTTPSConnection):
    pass


_WATCHED = {HTTPConnection: WatchedHTTPConnection, HTTPSConnection: WatchedHTTPSConnection}


class CancellableAdapter(HTTPAdapter):
    """Mounted on a transport's own session: every connection it opens can be abandoned by `cancellation`."""

    def __init__(self, cancellation: Cancellation) -> None:
        self.cancellation = cancellation
        super().__init__()

    def get_connection_with_tls_context(self, request, verify, proxies=None, cert=None):
        pool = super().get_connection_with_tls_context(request, verify, proxies=proxies, cert=cert)
        # Pools are made inside urllib3's pool manager (direct or proxy); each is fitted before its first use.
        watched = _WATCHED.get(pool.ConnectionCls)
        if watched is not None:
            pool.ConnectionCls = watched
            pool.conn_kw["cancellation"] = self.cancellation
        return pool
