"""Running the panel: bind, announce the URL, serve with uvicorn, and run lifecycle jobs on a schedule."""
from __future__ import annotations

import logging
import shutil
import signal
import socket
import sys
import threading
from datetime import timedelta

import uvicorn

from .app import create_app
from .clock import Clock
from .db import Database
from .state import Panel, ServerOptions
from .urls import LOOPBACK_HOSTS

log = logging.getLogger("panel")


def open_panel(db_path: str, options: ServerOptions) -> Panel:
    db = Database(db_path)
    offset = timedelta(0)
    if options.test_clock:
        row = db.conn().execute("SELECT value FROM meta WHERE key = 'clock_offset_seconds'").fetchone()
        offset = timedelta(seconds=float(row["value"])) if row else timedelta(0)
    return Panel(db=db, clock=Clock(offset, adjustable=options.test_clock), options=options)


class JobScheduler(threading.Thread):
    """Runs the lifecycle jobs now and then every `interval` seconds until stopped."""

    def __init__(self, panel: Panel, interval: float) -> None:
        super().__init__(name="lifecycle-jobs", daemon=True)
        self.panel = panel
        self.interval = interval
        self.stopped = threading.Event()

    def run(self) -> None:
        from .billing import lifecycle

        while not self.stopped.is_set():
            try:
                lifecycle.run_all(self.panel)
            except Exception:  # a failed run must not stop the next one
                log.exception("lifecycle jobs failed")
            self.stopped.wait(self.interval)


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP, not the default 0: asyncio switches Nagle off (TCP_NODELAY) only on accepted sockets whose
    # proto says TCP. With Nagle on, each answer's body waited for the ACK of its headers, which the client
    # delays: 40 ms added to every response that has a body.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def seal_secrets(panel: Panel, options: ServerOptions) -> None:
    """Take the operator's key, seal secrets stored before there was one, and say plainly when there is none."""
    from . import secret_box
    from . import settings as settings_store

    box = secret_box.configure(secret_box.key_from(options.secret_key_file or None))
    with panel.db.write() as conn:
        sealed = settings_store.seal_stored_secrets(conn)
        settings_store.load(conn)  # notes secrets sealed with another key
    if sealed:
        log.info("Encrypted the stored gateway secrets (%s) with the operator's key.", ", ".join(sealed))
    note = box.status()[1]
    if note:
        log.warning(note)


def serve(db_path: str, host: str, port: int, options: ServerOptions, announce=print,
          with_localstripe: bool = False, lifeline: bool = False, temporary_folder: str = "") -> None:
    """Serve until stopped (SIGTERM, Ctrl+C, or with `lifeline` the end of standard input); then stop localstripe
    and the scheduler, close the database and, when given, remove `temporary_folder` (the demo's, holding it)."""
    panel = open_panel(db_path, options)
    seal_secrets(panel, options)
    sock = bind(host, port)
    actual_port = sock.getsockname()[1]
    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{actual_port}"
    if not options.public_url and host not in LOOPBACK_HOSTS:
        log.warning("No --public-url: pay links name the address each connection arrived on. Give --public-url "
                    "when buyers reach this panel by a name or through a proxy.")
    app = create_app(panel)
    # uvicorn believes X-Forwarded-* from 127.0.0.1 by default (or $FORWARDED_ALLOW_IPS): then any local client
    # could claim another address and pass an API key's IP allowlist. Only proxies the operator names count.
    trusted = options.forwarded_allow_ips
    config = uvicorn.Config(app, log_level="warning", access_log=False, timeout_graceful_shutdown=5,
                            proxy_headers=bool(trusted), forwarded_allow_ips=trusted or None)
    server = uvicorn.Server(config)
    stripe_server = _start_localstripe(panel, url) if with_localstripe else None
    scheduler = JobScheduler(panel, options.jobs_interval) if options.jobs_interval > 0 else None
    if scheduler:
        scheduler.start()
    if lifeline:
        _watch_lifeline(server)
    announce(f"Panel listening on {url}  (API at {url}/api/v1)", flush=True)
    if threading.current_thread() is threading.main_thread():
        # uvicorn re-raises the SIGTERM it shut down on; by default that kills us before the cleanup below
        # (localstripe would be orphaned), so make it an exit that unwinds through `finally`.
        signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        server.run(sockets=[sock])
    finally:
        if scheduler:
            scheduler.stopped.set()
        if stripe_server:
            stripe_server.stop()
        panel.db.close()
        if temporary_folder:
            shutil.rmtree(temporary_folder, ignore_errors=True)


def _watch_lifeline(server: uvicorn.Server) -> None:
    """Stop the server once standard input ends: the process that started the panel keeps the other end of that
    pipe open while it lives, and the system closes it when that process ends, however it ends (a crash, a kill).
    Without this a crashed Sett left its demo panel, and localstripe, running with no one to stop them."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return

    def watch() -> None:
        try:
            while stream.read(4096):        # the parent writes nothing; whatever comes is ignored
                pass
        except (OSError, ValueError):
            pass
        log.info("The process that started this panel has ended: stopping.")
        server.should_exit = True

    threading.Thread(target=watch, daemon=True, name="lifeline").start()


def _exit_on_signal(signum: int, frame) -> None:
    raise SystemExit(128 + signum)


def _start_localstripe(panel: Panel, url: str):
    """Offline Stripe for the demo and the tests: localstripe on a free loopback port, webhooks signed to us."""
    from . import settings as settings_store
    from .gateways.localstripe import LocalStripe

    stripe_server = LocalStripe().start()
    try:
        stripe_server.send_webhooks_to(url)
        with panel.db.write() as conn:
            settings_store.update(conn, stripe_server.settings())
    except Exception:
        stripe_server.stop()
        raise
    log.info("Stripe is served by localstripe at %s", stripe_server.url)
    return stripe_server
