"""`ApiResponse`: what `PanelClient.request` hands back, a small response-like object that knows the envelopes."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.core.text import translate

from .envelope import data_of, error_from, is_error, parse_body
from .errors import ApiError, BadAnswer, NotAPanel
from .limits import MAX_ETAG


def usable_etag(value: object) -> str | None:
    """`value` when it can be sent back as If-None-Match (see `ApiResponse.etag`), else None: also for a tag a
    cache kept before these rules, which would otherwise be sent on every sync."""
    if not isinstance(value, str) or not value or len(value) > MAX_ETAG:
        return None
    if value == "*" or "," in value:
        # Sent back as If-None-Match, `*` matches whatever the panel has and a comma lists several tags: a server
        # keeping HTTP's rules answered every later request "304, unchanged", and the list froze.
        return None
    return value if all("!" <= char <= "~" for char in value) else None


class ApiResponse:
    """Status, headers and raw body of one answer; `json()` and `data()` read it the panel's way."""

    def __init__(self, status_code: int, headers: Mapping[str, str], content: bytes, url: str) -> None:
        self.status_code = status_code
        self.headers = headers
        self.content = content or b""
        self.url = url
        self._parsed: dict | None = None

    @property
    def ok(self) -> bool:
        return 200 <= self.status_code < 300

    @property
    def etag(self) -> str | None:
        """The answer's ETag when it can be kept and sent back as If-None-Match: at most `MAX_ETAG` characters,
        visible ASCII (a quoted hash, `W/` for a weak one), neither `*` nor a list. None otherwise, and the next
        request asks without one."""
        return usable_etag(self.headers.get("ETag"))

    def json(self) -> dict:
        """The body as a JSON object (fractions as Decimal); `NotAPanel` when it is not one."""
        if self._parsed is None:
            self._parsed = parse_body(self.content, url=self.url)
        return self._parsed

    def data(self, *, allow_no_content: bool = False) -> Any:
        """The envelope's `data`; the typed error for an error envelope (also one sent with 200).

        `allow_no_content`: a 204 means "done, nothing to show" and gives None; an empty 200 is still `NotAPanel`.
        """
        if allow_no_content and self.status_code == 204:
            return None
        if self.status_code == 304:
            # Callers that send If-None-Match read a 304 before asking for data (a list, /sync/state): here it
            # answers a request that compared nothing, and its empty body read as "not a billing panel".
            raise BadAnswer(translate("Network", "{address} answered 304 Not Modified, though Sett had sent no tag to "
                                                 "compare with; Sett kept what it had.").format(address=self.url),
                            resource=self.url, status=304)
        body = self.json()
        if is_error(body):
            raise self.error(body)
        return data_of(body, url=self.url)

    def error(self, body: Mapping[str, Any] | None = None) -> ApiError:
        """The typed error this answer stands for."""
        if body is None:
            try:
                body = self.json()
            except NotAPanel:
                return error_from(self.status_code, self.content, self.headers, url=self.url)
        return error_from(self.status_code, body, self.headers, url=self.url)

    def __repr__(self) -> str:
        return f"<ApiResponse {self.status_code} {self.url}>"
