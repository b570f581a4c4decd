"""Whether a service's `manage_url` may be opened in the system browser (pure, no Qt).

The panel sends the link; Sett opens it outside the app, so only a web page on the panel's own origin is
acceptable: another host (a panel bug, or an answer tampered with on the way) could be a lookalike login page,
and other schemes (file:, javascript:, custom handlers) could run something on this computer.
"""
from __future__ import annotations

from .navigation import origin_of
from .text import translate

__all__ = ["manage_url_problem", "server_address_text"]


def manage_url_problem(url: object, panel_url: str) -> str | None:
    """None when `url` is an http(s) address on the panel's origin; otherwise why it is not opened, in words."""
    if not isinstance(url, str) or not url.strip():
        return translate("ServerLinks", "The panel gave no page for managing this server.")
    target = origin_of(url)
    if target is None:
        return translate("ServerLinks", "Sett did not open the server's management link: it is not a web address "
                                        "(http or https), so it could run something on this computer.")
    panel = origin_of(panel_url)
    if panel is None or target != panel:
        host = target[1]
        return translate("ServerLinks", "Sett did not open the server's management link: it points to {host}, not to "
                                        "this account's panel. Ask the panel's operator about it.").format(host=host)
    return None


def server_address_text(address: object) -> str | None:
    """`203.0.113.5:25565` (IPv6 in brackets), or None when the server has no address. A port no server listens
    on (0, negative, past 65535, no whole number: a cache written before answers were checked may hold one) is
    left out rather than shown as part of an address someone would type in."""
    if not isinstance(address, dict) or not address.get("ip"):
        return None
    ip = str(address["ip"])
    if ":" in ip:
        ip = f"[{ip}]"
    port = _port(address.get("port"))
    return f"{ip}:{port}" if port is not None else ip


def _port(value: object) -> int | None:
    if isinstance(value, str) and len(value) <= 5 and value.isascii() and value.isdigit():
        value = int(value)
    if type(value) is not int or not 1 <= value <= 65535:
        return None
    return value
