"""The running panel's shared objects, hung on `app.state.panel` and reached through deps.get_panel."""
from __future__ import annotations

from dataclasses import dataclass, field

from .clock import Clock
from .db import Database
from .ratelimit import RateLimiter


@dataclass
class ServerOptions:
    # Requests per minute for one client (token or address); the tests raise it, a dedicated test lowers it.
    rate_limit: int = 600
    test_clock: bool = False
    # Seconds between lifecycle runs in the background; 0 disables the scheduler (tests drive it by the clock).
    jobs_interval: float = 3600.0
    # The panel's origin as buyers' browsers reach it (--public-url), for absolute URLs such as checkout_url;
    # empty: worked out per request from the Host header, believed only when it names loopback or the address
    # the connection arrived on (see urls.panel_origin).
    public_url: str = ""
    # Proxies whose X-Forwarded-For/-Proto the panel believes (--forwarded-allow-ips: addresses, CIDR ranges or
    # "*"); empty: none, so a client cannot choose the address the rate limit and API-key allowlists see.
    forwarded_allow_ips: str = ""
    # A file holding the Fernet key that seals gateway secrets at rest; empty: $SETT_PANEL_SECRET_KEY, if set.
    secret_key_file: str = ""


@dataclass
class Panel:
    db: Database
    clock: Clock
    options: ServerOptions
    limiter: RateLimiter = field(init=False)

    def __post_init__(self) -> None:
        self.limiter = RateLimiter(self.options.rate_limit)
