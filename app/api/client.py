"""`PanelClient`: the typed calls of `panel-api.md` over `Transport` (one panel, one requests session, typed
errors, retries, a silent token refresh), `Page` for lists, and `probe` for an address a person typed in.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.core.panel_text import as_bool
from app.core.text import translate

from .auth import Credentials, LoginResult, credentials_from
from .billing import BillingCalls
from .errors import AuthRequired, BadAnswer, Forbidden, NotAPanel, NotFound, TooManyPages, ValidationFailed
from .idempotency import new_idempotency_key
from .limits import MAX_PAGE_ROWS, MAX_PAGES, PROBE_DEADLINE_SECONDS
from .profile import ProfileCalls
from .response import ApiResponse, usable_etag
from .support import SupportCalls
from .transport import API_PREFIX, USER_AGENT, Transport, normalise_base_url
from .validate import bad_answer, checked, model

if TYPE_CHECKING:
    import requests  # the transport imports it with its first session, never at start-up

__all__ = ["API_PREFIX", "USER_AGENT", "ApiResponse", "Credentials", "LoginResult", "Page", "PanelClient",
           "new_idempotency_key", "normalise_base_url", "probe"]


@dataclass(frozen=True)
class Page:
    """One page of a list; `not_modified` (with empty data) when the panel answered 304 to the ETag sent."""

    data: list[dict] = field(default_factory=list)
    meta: dict = field(default_factory=dict)     # as the panel sent it
    etag: str | None = None
    not_modified: bool = False
    current_page: int | None = None              # from `meta`, checked (see `schemas.PageMeta`)
    total_pages: int | None = None
    server_time: datetime | None = None          # aware, UTC

    @property
    def has_next(self) -> bool:
        current, pages = self.current_page, self.total_pages
        return current is not None and pages is not None and current < pages


class PanelClient(BillingCalls, SupportCalls, ProfileCalls, Transport):
    """`PanelClient(base_url, credentials=None, *, timeout=15.0, max_retries=3, on_credentials=None, session=None,
    sleep=None, cancellation=None)`; see `Transport` for what each argument does."""

    def get(self, path: str, *, params: Mapping[str, Any] | None = None) -> Any:
        return self.request("GET", path, params=params).data()

    def post(self, path: str, json: Any = None, *, idempotency_key: str | None = None) -> Any:
        return self.request("POST", path, json=json, idempotency_key=idempotency_key).data(allow_no_content=True)

    def put(self, path: str, json: Any = None) -> Any:
        return self.request("PUT", path, json=json).data(allow_no_content=True)

    def patch(self, path: str, json: Any = None) -> Any:
        return self.request("PATCH", path, json=json).data(allow_no_content=True)

    def delete(self, path: str) -> Any:
        return self.request("DELETE", path).data(allow_no_content=True)

    def list_page(self, path: str, *, page: int = 1, per_page: int = 100, params: Mapping[str, Any] | None = None,
                  etag: str | None = None) -> Page:
        query = {**(params or {}), "page": page, "per_page": per_page}
        etag = usable_etag(etag)
        response = self.request("GET", path, params=query, etag=etag)
        if response.status_code == 304 and etag:
            return Page(data=[], meta={}, etag=etag, not_modified=True)
        data = response.data()
        if not isinstance(data, list):
            raise bad_answer(path, "data", translate("Validate", "expected a list of rows, got one item"))
        if len(data) > MAX_PAGE_ROWS:      # before any row is checked: checking is what a flood of rows costs
            raise bad_answer(path, "data", translate(
                "Validate", "sent {count} rows on one page, where Sett asked for {asked} and reads at most {limit}")
                .format(count=len(data), asked=per_page, limit=MAX_PAGE_ROWS))
        meta = response.json().get("meta")
        # Left out (or null), a list is one page; anything else but an object ("page 1 of 3", a list) is a meta
        # Sett cannot read, and reading it as none kept one page's rows as the whole list.
        meta = {} if meta is None else meta
        checked_meta = model(path, "PageMeta", meta, at="meta")
        if checked_meta.total_pages is not None and checked_meta.total_pages > MAX_PAGES:
            text = translate("Network", "{address} says it has {pages} pages; Sett reads at most {limit} pages of "
                                        "one list, so it stopped before asking.")
            raise TooManyPages(text.format(address=path, pages=checked_meta.total_pages, limit=MAX_PAGES),
                               resource=path, field="meta.total_pages")
        return Page(data=data, meta=meta, etag=response.etag, current_page=checked_meta.current_page,
                    total_pages=checked_meta.total_pages, server_time=checked_meta.server_time)

    def login(self, email: str, password: str) -> LoginResult:
        """Log in; on success the client uses the new pair. With two-factor on, only a `two_factor_token`."""
        return self._login_result(self.post("/auth/login", {"email": email, "password": password}), "/auth/login")

    def verify_2fa(self, two_factor_token: str, code: str) -> LoginResult:
        data = self.post("/auth/2fa/verify", {"two_factor_token": two_factor_token, "code": code})
        return self._login_result(data, "/auth/2fa/verify")

    def logout(self) -> None:
        """End the login on the panel (token pairs) and forget the credentials here, even when offline."""
        credentials = self.credentials
        try:
            if credentials is not None and credentials.refresh_token:
                self.request("POST", "/auth/logout", json={"refresh_token": credentials.refresh_token})
        finally:
            with self._lock:
                if self._credentials == credentials:
                    self._credentials = None

    def _login_result(self, data: Any, path: str) -> LoginResult:
        # True/false as BadgerPanel-like panels may send it (1/0, "false"): "false" as text asked for a code.
        if isinstance(data, dict) and as_bool(data.get("requires_2fa")) is True:
            token = data.get("two_factor_token")
            if not isinstance(token, str) or not token:
                raise BadAnswer(translate("PanelClient", "{address} asked for a code but sent no two-factor token.")
                                .format(address=f"{self.api_url}{path}"), resource="login", field="two_factor_token")
            return LoginResult(two_factor_token=token, expires_in=data.get("expires_in"))
        credentials = credentials_from(data)
        refresh = data.get("refresh_token") if isinstance(data, dict) else None
        if credentials is not None and refresh is not None and not isinstance(refresh, str):
            # A refresh token that is no text (a number, an object) was dropped without a word: the login then
            # ended for good when its access token did, 15 minutes later, with "sign in again".
            raise BadAnswer(translate("PanelClient", "{address} answered with a refresh token Sett cannot use.")
                            .format(address=f"{self.api_url}{path}"), resource="login", field="refresh_token")
        if credentials is None:
            raise BadAnswer(translate("PanelClient", "{address} answered without a token pair Sett can use.").format(
                address=f"{self.api_url}{path}"), resource="login", field="access_token")
        # The user is checked (and its id kept as text) before the pair is taken: an answer Sett refuses changes
        # nothing, not even the credentials this client sends next.
        user = data.get("user")
        if user is not None:
            user = checked("login", "Me", user)
        self.set_credentials(credentials)
        return LoginResult(credentials=credentials, user=user, expires_in=data.get("expires_in"))


def probe(base_url: str, *, timeout: float = 10.0, max_retries: int = 1, session: requests.Session | None = None,
          sleep: Callable[[float], None] | None = None, deadline: float = PROBE_DEADLINE_SECONDS) -> dict:
    """The public settings of the panel at `base_url`; `NotAPanel` for anything that is not one. Each attempt
    ends within `deadline` seconds however the address trickles (the add-account dialog's "Checking...")."""
    with PanelClient(base_url, timeout=timeout, max_retries=max_retries, session=session, sleep=sleep,
                     deadline=deadline) as client:
        try:
            settings = client.public_settings()
        except (AuthRequired, Forbidden, NotFound, ValidationFailed) as exc:
            # A panel answers this path to anyone: a refusal means something else lives at this address.
            text = (translate("Network", "{address} answered {status}: {error}; it does not look like a billing "
                                         "panel.") if exc.status else
                    translate("Network", "{address} answered with a refusal: {error}; it does not look like a billing "
                                         "panel."))
            raise NotAPanel(text.format(address=f"{client.api_url}/settings/public", status=exc.status, error=exc),
                            status=exc.status) from None
        if not isinstance(settings, dict) or not {"panel_name", "billing_enabled"} <= settings.keys():
            raise NotAPanel(translate("Network", "{address} answered, but not with a billing panel's settings.").format(
                address=f"{client.api_url}/settings/public"))
        return settings

