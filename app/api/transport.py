"""`Transport`: the request engine under `PanelClient`: one requests session, timeouts, retries, typed errors and the
silent refresh of a token pair.

Thread-safe for one request at a time per instance; use one instance per worker thread. Refreshes are single-flight
across all instances in the process (see `auth.Rotations`), so workers sharing one login never spend a refresh token
twice. Nothing secret is ever logged: a log line holds the method, the path and the status.

Every transport answers to a `Cancellation` (its own, or the one of the task it was made in): once that is set, the
request in flight is abandoned (its socket is shut down), no retry starts, and the call raises `Cancelled`.

requests (with urllib3) is imported when the first transport is made (`http_stack.load`), on the worker that talks to
a panel, not when this module is: the UI thread starts without it (~65 ms), and its types are only needed once a
request is sent.
"""
from __future__ import annotations

import http.cookiejar
import logging
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urlsplit

from app import __version__
from app.core.formatting import seconds_phrase
from app.core.text import QT_TRANSLATE_NOOP, translate

from . import http_stack, trust
from .address import API_PREFIX, json_body, normalise_base_url
from .auth import ROTATIONS, Credentials, credentials_from, header_safe, refresh_once
from .body import ACCEPT_ENCODING, Deadline, ReadBudget, read_body
from .cancel import Cancellation, Cancelled, current
from .envelope import clipped
from .errors import (
    ApiError,
    AuthRequired,
    BadAnswer,
    DeadlineExceeded,
    Forbidden,
    NotAPanel,
    NotFound,
    RateLimited,
    RetryBudgetSpent,
    ValidationFailed,
)
from .limits import REQUEST_DEADLINE_SECONDS
from .response import ApiResponse
from .retry import RetryBudget, backoff_delay, may_repeat, retry_after_wait, retry_status

if TYPE_CHECKING:
    import requests

log = logging.getLogger("app.api")

USER_AGENT = f"Sett/{__version__}"
CONNECT_TIMEOUT_CAP = 10.0
SESSION_EXPIRED = QT_TRANSLATE_NOOP("Network", "Your session has expired; log in again.")
# Paths that carry their own proof (a password, a code, a refresh token): no bearer, no refresh on 401.
AUTH_PATHS = frozenset({"/auth/login", "/auth/2fa/verify", "/auth/refresh", "/auth/logout"})



def _keeper(kept: list) -> Any:
    """A requests response hook that keeps each response in `kept` (and hands it on unchanged)."""
    def keep(response: Any, **_: Any) -> None:
        kept.append(response)
    return keep

class Transport:
    """Sends requests to one panel; `PanelClient` adds the typed calls.

    `base_url` is the panel's origin (`/api/v1` is added). `timeout` is the read timeout in seconds; connecting
    waits at most `min(timeout, 10)`. `max_retries` counts the extra attempts after the first. `on_credentials`
    is called with the new pair after this client rotated it (a client that adopts a pair another client got
    does not call it again: that one already did). `session` is used and left open if given (its requests are
    then abandoned only between attempts); `sleep` does the waiting between attempts, so tests can record
    instead of wait (by default the cancellation's, which a cancel ends). `cancellation` abandons the requests;
    by default the one bound to the task this transport is made in (see `cancel.bound`). `deadline` bounds one
    attempt from connect to last byte (see `limits`); `retry_budget` is the waiting between retries left to
    all calls (None: each call has its own; a sync shares one between its calls).
    """

    def __init__(self, base_url: str, credentials: Credentials | None = None, *, timeout: float = 15.0,
                 max_retries: int = 3, on_credentials: Callable[[Credentials], None] | None = None,
                 session: requests.Session | None = None, sleep: Callable[[float], None] | None = None,
                 cancellation: Cancellation | None = None, deadline: float = REQUEST_DEADLINE_SECONDS,
                 retry_budget: RetryBudget | None = None) -> None:
        http_stack.load()  # requests without its charset detector, before the trust store patches it
        trust.apply()      # the OS trust store, if the start asked for it, before this transport's first request
        self.base_url = normalise_base_url(base_url)
        self.api_url = self.base_url + API_PREFIX
        self.host = urlsplit(self.base_url).netloc
        self.timeout = float(timeout)
        self.max_retries = max(0, int(max_retries))
        self.deadline = float(deadline)
        # None: each call gets its own budget; a sync sets one shared by all of its calls (`SyncEngine.run`).
        self.retry_budget = retry_budget
        # The bytes all answers may add up to: None (no total) for single calls; a sync, and a call that pages
        # through a list, set one (`SyncEngine.run`, `all_pages`).
        self.read_budget: ReadBudget | None = None
        self.on_credentials = on_credentials
        self._credentials = credentials if credentials is not None and credentials.kind else None
        self.cancellation = cancellation if cancellation is not None else current()
        # This client's own sockets: its cancellation's cancel shuts them down, and so does its deadline (which
        # must not touch other clients of the same task).
        self._sockets = self.cancellation.child()
        self._owns_session = session is None
        if session is None:
            import requests  # here, not at the top: see the module's docstring

            from .watched import CancellableAdapter

            # trust_env stays on: each request takes the system's proxy (HTTP(S)_PROXY, else the Windows registry
            # or macOS's SystemConfiguration, via urllib.request.getproxies) and honours NO_PROXY / its bypass list.
            session = requests.Session()
            # The API authenticates with a bearer, never a cookie: a panel's Set-Cookie is not kept. Kept, its
            # cookies went back with every request of this client, and 90 of 3 KB made each one too large (431)
            # for as long as the client lived; new names on every answer grew the jar without end.
            session.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
            adapter = CancellableAdapter(self._sockets)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
        self._session = session
        self._sleep = sleep if sleep is not None else self.cancellation.sleep
        self._lock = threading.Lock()

    # -- credentials ----------------------------------------------------------------------------------------
    @property
    def credentials(self) -> Credentials | None:
        with self._lock:
            return self._credentials

    def set_credentials(self, credentials: Credentials | None) -> None:
        with self._lock:
            self._credentials = credentials if credentials is not None and credentials.kind else None

    def close(self) -> None:
        if self._owns_session:
            self._session.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.base_url!r})"

    # -- the one way out --------------------------------------------------------------------------------------
    def request(self, method: str, path: str, *, json: Any = None, params: Mapping[str, Any] | None = None,
                idempotency_key: str | None = None, etag: str | None = None) -> ApiResponse:
        """Send one request, retrying what is safe to retry; raise the typed error for anything but 2xx/304."""
        import requests  # loaded with the session already: a lookup, not an import (see the module's docstring)

        from .network import as_requests_error, is_transient, network_error, urllib3_error

        method = method.upper()
        path = "/" + path.lstrip("/")
        url = self.api_url + path
        body = None if json is None else json_body(json)
        repeatable = may_repeat(method, idempotency_key)
        uses_auth = path not in AUTH_PATHS
        attempt = auth_rounds = 0
        refreshed = False
        budget = self.retry_budget if self.retry_budget is not None else RetryBudget()
        # Whether an earlier attempt of this keyed request may have reached the panel (no answer, a gateway's 5xx):
        # whatever the last attempt is refused with (a rate limit, a login that ran out), the panel may have acted
        # on that one, so the error says so and the key outlives it (app.api.idempotency).
        uncertain = False
        try:
            while True:
                self.cancellation.check()
                sent = self.credentials if uses_auth else None
                deadline = Deadline(self.deadline, self._sockets.interrupt)
                raw = None
                try:
                    answered: list = []     # the response, kept by a hook: requests loses it when it raises below
                    keep = _keeper(answered)
                    try:
                        raw = self._session.request(
                            method, url, data=body, params=params, allow_redirects=False, stream=True,
                            headers=self._headers(sent, body is not None, idempotency_key, etag),
                            timeout=(min(self.timeout, CONNECT_TIMEOUT_CAP, self.deadline),
                                     min(self.timeout, self.deadline)), hooks={"response": keep})
                    except UnicodeDecodeError:
                        # requests reads a redirect's Location as UTF-8 even when it is not to follow it: a byte
                        # such as 0x80 there raised a bare UnicodeDecodeError ("Sync failed unexpectedly").
                        for response in answered:
                            response.close()
                        raise NotAPanel(translate("Network", "{address} redirects to an address that is not valid "
                                                             "text instead of answering as a billing panel; check the "
                                                             "panel address.").format(address=url)) from None
                    content = read_body(raw, url, deadline)
                    if self.read_budget is not None:
                        self.read_budget.take(len(content), url)
                except (requests.RequestException, OSError, urllib3_error()) as exc:
                    if self.cancellation.is_set():
                        # The failure is the cancel itself (its socket was shut down), not the panel's.
                        log.info("%s %s%s abandoned: cancelled", method, API_PREFIX, path)
                        raise Cancelled() from None
                    if deadline.expired:
                        # A server that trickles will trickle again: no retry.
                        raise DeadlineExceeded(translate("Network", "Could not reach {host}: its answer took longer "
                                                         "than {duration} in all, so Sett stopped waiting.").format(
                            host=self.host, duration=seconds_phrase(self.deadline))) from None
                    log.debug("%s %s%s -> %s", method, API_PREFIX, path, type(exc).__name__)
                    error = network_error(self.host, as_requests_error(exc), self.timeout)
                    if repeatable and attempt < self.max_retries and is_transient(as_requests_error(exc)):
                        uncertain = True
                        self._pause(backoff_delay(attempt), error, budget)
                        attempt += 1
                        continue
                    raise error from None
                finally:
                    deadline.stop()
                    if raw is not None:
                        raw.close()
                status = raw.status_code
                log.debug("%s %s%s -> %s", method, API_PREFIX, path, status)
                response = ApiResponse(status, raw.headers, content, url)
                if status == 401 and sent is not None and sent.can_refresh:
                    if refreshed or auth_rounds >= 2:
                        raise AuthRequired(translate("Network", SESSION_EXPIRED), status=401, code="unauthorized")
                    auth_rounds += 1
                    refreshed = self._refresh(sent)
                    continue
                if status == 429:
                    error = response.error()
                    if repeatable and attempt < self.max_retries:
                        self._pause(retry_after_wait(getattr(error, "retry_after", None), attempt), error, budget)
                        attempt += 1
                        continue
                    raise error
                if retry_status(method, status, idempotency_key) and attempt < self.max_retries:
                    uncertain = True
                    self._pause(backoff_delay(attempt), response.error(), budget)
                    attempt += 1
                    continue
                if 300 <= status < 400 and status != 304:
                    # A header may be 64 KB; the sentence shows where it points, not all of it.
                    target = clipped(raw.headers.get("Location") or "", 200) or translate("Network", "another address")
                    raise NotAPanel(translate("Network", "{address} redirects to {target} instead of answering as a "
                                                         "billing panel; check the panel address.").format(
                        address=url, target=target), status=status)
                if status >= 400:
                    raise response.error()
                return response
        except ApiError as exc:
            if idempotency_key and uncertain:
                exc.earlier_attempt_uncertain = True
            raise

    def _pause(self, seconds: float, error: ApiError, budget: RetryBudget) -> None:
        """Wait before the next attempt, from the retry budget; past the budget, give up with `error` (a rate
        limit as `RetryBudgetSpent`, in words)."""
        if not budget.take(seconds):
            if isinstance(error, RateLimited):
                # What the panel asked for (a day at most, retry.RETRY_AFTER_MAX), not the part of it Sett would
                # have waited (at most RETRY_AFTER_CAP): "60 seconds" for a day had the person try again at once.
                asked = error.retry_after if error.retry_after else seconds
                raise RetryBudgetSpent(
                    translate("Network", "The panel keeps asking Sett to wait (it asked for {duration} more, past "
                              "the {budget} Sett waits for one sync or call); try again later.").format(
                        duration=seconds_phrase(asked), budget=seconds_phrase(budget.total)),
                    retry_after=error.retry_after, status=error.status, code=error.code) from None
            raise error
        self._sleep(seconds)
        self.cancellation.check()  # a recorded (test) sleep returns at once: the cancel still ends the retries

    def _headers(self, sent: Credentials | None, has_body: bool, idempotency_key: str | None,
                 etag: str | None) -> dict[str, str]:
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json", "Accept-Encoding": ACCEPT_ENCODING}
        if has_body:
            headers["Content-Type"] = "application/json"
        if sent is not None and sent.bearer:
            if not header_safe(sent.bearer):
                raise AuthRequired(translate("Network", "The key Sett holds for this panel has characters no panel "
                                                        "key has (spaces, accents or line breaks); sign in again with "
                                                        "the key exactly as the panel showed it."))
            headers["Authorization"] = f"Bearer {sent.bearer}"
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        if etag:
            headers["If-None-Match"] = etag
        return headers

    def _refresh(self, sent: Credentials) -> bool:
        """Move to the pair that replaces `sent`; True when this call refreshed (rather than adopted) it."""
        def exchange(old: Credentials) -> Credentials:
            try:
                data = self.request("POST", "/auth/refresh", json={"refresh_token": old.refresh_token}).data()
            except (AuthRequired, Forbidden, NotFound, ValidationFailed):
                raise AuthRequired(translate("Network", SESSION_EXPIRED), status=401, code="unauthorized") from None
            new = credentials_from(data)
            if new is None:
                raise BadAnswer(translate("Network", "{address} answered without a new token pair.").format(
                    address=f"{self.api_url}/auth/refresh"), resource="refresh", field="access_token")
            return new

        try:
            new, refreshed = refresh_once(self.base_url, sent, exchange)
        except AuthRequired:
            with self._lock:
                if self._credentials == sent:
                    self._credentials = None  # dead: later calls ask for a login without another refresh
            raise
        with self._lock:
            current = self._credentials
            if current is not None:
                self._credentials = ROTATIONS.latest(self.base_url, current) or current
        if refreshed and self.on_credentials is not None:
            self.on_credentials(new)
        return refreshed
