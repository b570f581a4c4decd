"""Turning what `requests` raises into one `NetworkError` sentence, and telling passing failures from lasting ones."""
from __future__ import annotations

import requests

from app.core.formatting import seconds_phrase
from app.core.text import translate

from .errors import NetworkError

_NAME_FAILURES = ("name or service not known", "nodename nor servname", "getaddrinfo failed",
                  "temporary failure in name resolution", "no address associated", "failed to resolve",
                  "nameresolutionerror")


def _chain(exc: BaseException) -> str:
    """The messages of an exception and its causes, lower-cased, to look for a known reason in."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        parts.append(f"{type(current).__name__}: {current}")
        current = current.__cause__ or current.__context__
    return " | ".join(parts).lower()


def reason_of(exc: requests.RequestException, read_timeout: float) -> str:
    if isinstance(exc, requests.exceptions.SSLError):
        text = _chain(exc)
        if "certificate" in text:
            return translate("Network", "its security certificate was not accepted")
        return translate("Network", "a secure connection could not be set up")
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return translate("Network", "the connection timed out")
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return translate("Network", "no answer within {duration}").format(duration=seconds_phrase(read_timeout))
    if isinstance(exc, requests.exceptions.ProxyError):
        return translate("Network", "the proxy refused the connection")
    if isinstance(exc, requests.exceptions.ConnectionError):
        text = _chain(exc)
        if any(marker in text for marker in _NAME_FAILURES):
            return translate("Network", "the name could not be found (check the address and your internet "
                             "connection)")
        if "refused" in text:
            return translate("Network", "the connection was refused")
        if "reset" in text or "aborted" in text or "remote end closed" in text:
            return translate("Network", "the connection was closed before an answer arrived")
        return translate("Network", "the connection failed")
    if isinstance(exc, requests.exceptions.ChunkedEncodingError | requests.exceptions.ContentDecodingError):
        return translate("Network", "the answer broke off")
    return translate("Network", "the request could not be sent")


def network_error(host: str, exc: requests.RequestException, read_timeout: float) -> NetworkError:
    error = NetworkError(translate("Network", "Could not reach {host}: {reason}.").format(
        host=host, reason=reason_of(exc, read_timeout)))
    error.timed_out = isinstance(exc, requests.exceptions.Timeout)
    return error


def is_transient(exc: requests.RequestException) -> bool:
    """Worth another try: a refused or dropped connection or a timeout may pass; a certificate error will not."""
    if isinstance(exc, requests.exceptions.SSLError | requests.exceptions.InvalidURL |
                  requests.exceptions.InvalidHeader | requests.exceptions.URLRequired |
                  requests.exceptions.MissingSchema | requests.exceptions.InvalidSchema):
        return False
    return isinstance(exc, requests.exceptions.ConnectionError | requests.exceptions.Timeout |
                      requests.exceptions.ChunkedEncodingError)


def urllib3_error() -> type[Exception]:
    """urllib3's base error: reading a streamed body raises urllib3's own errors, not requests' ones."""
    from urllib3.exceptions import HTTPError

    return HTTPError


def as_requests_error(exc: BaseException) -> requests.RequestException:
    """A failure met while reading the body, in requests' terms (for the sentence and the retry decision)."""
    if isinstance(exc, requests.RequestException):
        return exc
    from urllib3.exceptions import ProtocolError, ReadTimeoutError

    if isinstance(exc, ReadTimeoutError | TimeoutError):
        return requests.exceptions.ReadTimeout(str(exc))
    if isinstance(exc, ProtocolError):
        return requests.exceptions.ChunkedEncodingError(str(exc))
    return requests.exceptions.ConnectionError(str(exc))
