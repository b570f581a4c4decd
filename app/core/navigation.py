"""Where the checkout web view may go: a pure decision per URL, so every rule is testable without a browser.

The panel's own origin and the payment gateways' hosts load in the dialog; the client's return and cancel URLs
end it (nothing listens there: the web view stops before loading them); any other web address opens in the
system browser while the dialog stays; everything else (javascript:, data:, file:, custom schemes, userinfo
tricks) is refused. The first page, the panel's `checkout_url`, must itself load in the dialog
(`first_page_problem`): a panel must not make Sett open a site of its choosing in the system browser, unasked.
Hosts are compared after lower-casing, dropping one trailing dot and IDNA-encoding, so lookalikes such as
`panel.example.com.evil.com` or `http://panel.example.com@evil.com` never pass as the panel.
"""
from __future__ import annotations

import re
from enum import Enum
from urllib.parse import parse_qs, urlsplit

from .text import translate

__all__ = ["DEFAULT_GATEWAY_HOSTS", "Decision", "NavigationPolicy", "Origin", "origin_of", "payment_id_of"]

DEFAULT_GATEWAY_HOSTS = (
    "js.stripe.com", "hooks.stripe.com", "checkout.stripe.com", "*.stripe.com", "*.stripecdn.com",
    "www.paypal.com", "www.sandbox.paypal.com", "*.paypal.com", "*.paypalobjects.com",
)
DEFAULT_PORTS = {"http": 80, "https": 443}
PAYMENT_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# Anything a browser would strip or reinterpret (whitespace, controls, backslashes) makes a URL suspect.
SUSPECT = re.compile(r"[\x00-\x20\x7f\\]")


class Decision(Enum):
    ALLOW = "allow"            # load it in the dialog
    RETURNED = "returned"      # the gateway sent the buyer back: end the dialog, read the payment
    CANCELLED = "cancelled"    # the buyer cancelled: end the dialog, the invoice stays payable
    EXTERNAL = "external"      # a web page that is none of the above: the system browser opens it
    REFUSE = "refuse"          # never loaded anywhere


Origin = tuple[str, str, int]   # scheme, normalised host, effective port


def _host(raw: str | None) -> str | None:
    """Lower case, one trailing dot dropped, IDNA (punycode) encoded; None if it cannot be a host name."""
    if not raw:
        return None
    host = raw.lower()
    if host.endswith("."):
        host = host[:-1]
    if not host or host.endswith(".") or ".." in host:
        return None
    if host.startswith("[") or ":" in host:      # an IPv6 literal
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return None


def origin_of(url: str) -> Origin | None:
    """(scheme, host, port) of an http(s) URL without userinfo; None for anything else or anything malformed."""
    if SUSPECT.search(url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or "@" in parts.netloc:
        return None
    host = _host(parts.hostname)
    if host is None:
        return None
    return scheme, host, port if port is not None else DEFAULT_PORTS[scheme]


def payment_id_of(url: str) -> str | None:
    """The `?payment=<id>` the panel appends to return and cancel URLs, if it is a plausible id."""
    try:
        values = parse_qs(urlsplit(url).query).get("payment") or []
    except ValueError:
        return None
    return values[0] if values and PAYMENT_ID.match(values[0]) else None


def _path(url: str) -> str:
    return urlsplit(url).path or "/"


class NavigationPolicy:
    """`decide(url, main_frame=True)` for one checkout: the panel at `panel_url`, the client's `return_url` and
    `cancel_url`, and the gateways' hosts (`*.example.com` matches subdomains; gateways only over https)."""

    def __init__(self, panel_url: str, return_url: str, cancel_url: str,
                 gateway_hosts: tuple[str, ...] = DEFAULT_GATEWAY_HOSTS) -> None:
        panel = origin_of(panel_url)
        if panel is None:
            raise ValueError(f"not a panel address: {panel_url!r}")
        self.panel = panel
        self.endings: list[tuple[Origin, str, Decision]] = []
        for url, decision in ((return_url, Decision.RETURNED), (cancel_url, Decision.CANCELLED)):
            origin = origin_of(url)
            if origin is None:
                raise ValueError(f"not a return address: {url!r}")
            self.endings.append((origin, _path(url), decision))
        self.exact_hosts = {h for h in (_host(g) for g in gateway_hosts if not g.startswith("*.")) if h}
        self.wildcard_suffixes = tuple("." + h for h in (_host(g[2:]) for g in gateway_hosts if g.startswith("*."))
                                       if h)

    def is_gateway_host(self, host: str) -> bool:
        return host in self.exact_hosts or host.endswith(self.wildcard_suffixes)

    def decide(self, url: str, *, main_frame: bool = True) -> Decision:
        url = url.strip()
        lowered = url.lower()
        if lowered == "about:blank" or (not main_frame and lowered == "about:srcdoc"):
            return Decision.ALLOW
        origin = origin_of(url)
        if origin is None:
            return Decision.REFUSE
        path = _path(url)
        for end_origin, end_path, decision in self.endings:
            if origin == end_origin and path == end_path:
                return decision
        scheme, host, port = origin
        if origin == self.panel:
            return Decision.ALLOW
        if self.is_gateway_host(host):
            if scheme == "https" and port == 443:
                return Decision.ALLOW
            return Decision.REFUSE    # a gateway over plain http or an odd port: a downgrade, never followed
        if host == self.panel[1] and scheme == "http" and self.panel[0] == "https":
            return Decision.REFUSE    # the panel downgraded to plain http
        # Frames load quietly; only the buyer's own navigation may open a page in the system browser.
        return Decision.EXTERNAL if main_frame else Decision.REFUSE

    def first_page_problem(self, url: object) -> str | None:
        """None when the panel's `checkout_url` loads in the dialog (the panel's own origin, or a payment gateway
        over https); otherwise why Sett does not open it, in words. Checked before the dialog shows it: its first
        load would otherwise be decided like a click, and a page elsewhere would open in the system browser."""
        text = url.strip() if isinstance(url, str) else ""
        if text and self.decide(text) is Decision.ALLOW and text.lower() != "about:blank":
            return None
        origin = origin_of(text)
        if origin is None:
            return translate("Navigation", "The panel sent a payment page that is not a web address Sett can open "
                                           "safely, so Sett did not open it. What is due stays payable under "
                                           "Invoices; the panel's operator may need to look at this.")
        return translate("Navigation", "The panel sent a payment page at {host}, which is neither this account's "
                                       "panel nor a payment provider Sett knows, so Sett did not open it. What is due "
                                       "stays payable under Invoices; the panel's operator may need to look at "
                                       "this.").format(host=origin[1][:100])
