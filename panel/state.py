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
    # The panel's own origin as clients reach it, for absolute URLs (pay pages); filled in once listening.
    public_url: str = ""


@dataclass
class Panel:
    db: Database
    clock: Clock
    options: ServerOptions
    limiter: RateLimiter = field(init=False)

    def __post_init__(self) -> None:
        self.limiter = RateLimiter(self.options.rate_limit)
