"""Run localstripe (a Stripe API emulation, GPL, a development dependency only) on a loopback port.

`python -m panel.gateways.localstripe_server --port 0` prints the URL it listens on. It is started as its own
process by the demo and the tests, never imported by the panel, so the panel and a bundled app do not link it.
localstripe's own entry point listens on every interface; this one binds 127.0.0.1 only.
"""
from __future__ import annotations

import argparse
import socket
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m panel.gateways.localstripe_server")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    try:
        from aiohttp import web
        from localstripe import server
    except ImportError:
        print("error: localstripe is not installed (pip install localstripe)", file=sys.stderr)
        return 2
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", args.port))
    sock.listen(128)  # before announcing: connections made before aiohttp runs wait in the backlog, not refused
    print(f"localstripe listening on http://127.0.0.1:{sock.getsockname()[1]}", flush=True)
    web.run_app(server.app, sock=sock, print=None, access_log=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
