"""Live connectivity: each account's panel is asked a cheap question on a timer, so the app notices a panel
going away or coming back within seconds, without waiting for the next sync or a click.

The question is `GET /settings/public` (no login, a few hundred bytes) on a pool of its own, so a probe never
waits behind a long sync and never delays a screen's read of the cache. Online, every account is probed every
PROBE_SECONDS; offline, the account's retry schedule (Connectivity.retry_in) spaces the probes, capped at
OFFLINE_PROBE_CAP so a panel that comes back is seen within 10 s. A probe that fails takes the account offline
(the session's usual offline path: note, retry timer); one that answers while offline starts a sync, which
brings the account back online and sends what waits in its outbox. A probe that fails while a sync of the
account runs abandons that sync, online or offline: a panel that went silent must not hold the account's worker.

Two hints probe every account at once: Qt's QNetworkInformation saying reachability changed (a cable, Wi-Fi,
a VPN), and a wake from sleep (the wall clock jumped further than the monotonic one, which stops while
suspended).
"""
from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer

from app.api import DeadlineExceeded, NetworkError, RateLimited
from app.tasks import TaskRunner

from .account import MAX_QUIET_SECONDS

if TYPE_CHECKING:
    from .account import AccountSession
    from .sessions import Sessions

log = logging.getLogger("app.session.probe")

PROBE_SECONDS = 3.0          # online: a panel that goes away is noticed within this (+ a tick) plus PROBE_TIMEOUT
PROBE_TIMEOUT = 2.5          # a panel answers this small GET in milliseconds; a dead one must not hold a probe
# A probe that timed out is asked again this soon, and only a second timeout in a row takes the account offline:
# a busy computer or panel can miss one deadline, and a false "Offline" would be worse than 3 s of doubt. A
# refused or dropped connection is certain at once. Worst case, a panel that goes silent: 3 + 1 (the tick) + 2.5
# + 0.5 + 2.5 s.
TIMEOUT_RETRY = 0.5
OFFLINE_PROBE_CAP = 8.0      # offline: the longest wait between two probes (back within 10 s)
WAKE_JUMP_SECONDS = 20.0     # the wall clock ran this much further than the monotonic one: the computer slept
TICK_MS = 1000
NETWORK_HINTS_AFTER_MS = 2000


class Prober(QObject):
    def __init__(self, hub: Sessions) -> None:
        super().__init__(hub)
        self.hub = hub
        pool = QThreadPool(self)
        pool.setMaxThreadCount(4)
        # The hub's cancellation: quitting abandons probes with every other request.
        self.runner = TaskRunner(pool, self, hub.runner.cancellation)
        self._due: dict[str, float] = {}
        self._busy: set[str] = set()
        self._timed_out: set[str] = set()       # accounts whose last probe timed out (online still)
        self._clocks = (time.time(), time.monotonic())
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self.network = None

    def start(self) -> None:
        self._timer.start(TICK_MS)
        # Loading Qt's network backend (D-Bus) takes tens of ms: after the first paint, not before it.
        QTimer.singleShot(NETWORK_HINTS_AFTER_MS, self, self._watch_network)

    @property
    def running(self) -> bool:
        """Probing on its timer (between `start` and `stop`): offline accounts are then asked on their retry
        schedule, and a sync starts when the panel answers."""
        return self._timer.isActive()

    def stop(self) -> None:
        """On quit: no new probe; the ones under way are abandoned by the hub's cancellation, answers dropped."""
        self._timer.stop()
        self.runner.forget_all()

    def probe_all_now(self, why: str) -> None:
        log.info("probing every panel now: %s", why)
        self._due.clear()
        self._tick()

    # -- hints --------------------------------------------------------------------------------------------------
    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation
            if not QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
                return
            self.network = QNetworkInformation.instance()
        except (ImportError, RuntimeError) as exc:   # no backend on this system: the timer alone serves
            log.info("no network reachability information: %s", exc)
            return
        if self.network is not None:
            self.network.reachabilityChanged.connect(lambda _r: self.probe_all_now("network reachability changed"))

    def _woke(self) -> bool:
        wall, mono = time.time(), time.monotonic()
        (last_wall, last_mono), self._clocks = self._clocks, (wall, mono)
        return (wall - last_wall) - (mono - last_mono) > WAKE_JUMP_SECONDS

    # -- the timer ------------------------------------------------------------------------------------------------
    def _tick(self) -> None:
        if self._woke():
            log.info("the computer woke from sleep: probing every panel")
            self._due.clear()
        now = time.monotonic()
        for session in self.hub.all():
            aid = session.id
            # Probed during syncs too: a sync stuck on a dead network waits its full deadline, the probe far less.
            if session.closed or session.needs_login or aid in self._busy:
                continue
            if now >= self._due.get(aid, 0.0):
                self._probe(session)

    def _interval(self, session: AccountSession) -> float:
        if session.link.offline:
            return min(OFFLINE_PROBE_CAP, max(1.0, session.link.retry_in()))
        return PROBE_SECONDS

    def _probe(self, session: AccountSession) -> None:
        aid, url = session.id, session.account.panel_url
        self._busy.add(aid)

        def ask() -> None:
            from app.api import PanelClient  # on the probe's worker

            with PanelClient(url, None, timeout=PROBE_TIMEOUT, max_retries=0) as client:
                client.public_settings()

        def answered(_value: object) -> None:
            self._timed_out.discard(aid)
            self._finish(session)
            if session.link.offline and not session.closed:
                log.info("%s answers again: syncing", aid)
                session.sync()        # the sync brings the account back online (and replays its outbox)

        def failed(error: BaseException) -> None:
            self._finish(session)
            if isinstance(error, RateLimited) and error.retry_after:
                # The panel answered, asking to be left alone a while: not asked again before that (every three
                # seconds it was, each probe refused and counted again), and the account is not offline.
                wait = min(error.retry_after, MAX_QUIET_SECONDS)
                self._due[aid] = max(self._due.get(aid, 0.0), time.monotonic() + wait)
                return
            if not isinstance(error, NetworkError) or session.closed:
                return
            if session.link.offline:
                # Still unreachable: a sync started meanwhile (by an earlier answer, or Sync now) that the panel
                # left hanging gives up too, as below.
                self.hub.sync.abandon(aid)
                return
            if _timed_out(error) and aid not in self._timed_out:
                self._timed_out.add(aid)
                # Asked again at once (not at the next tick), so a silent panel is still noticed within 10 s.
                QTimer.singleShot(int(TIMEOUT_RETRY * 1000), self, lambda: self._again(session))
                return
            self._timed_out.discard(aid)
            session.took_error(error)
            # A sync still waiting on the silent panel would hold the account's worker for its full timeouts, and
            # what the user does meanwhile (an action put in the outbox) waits behind it: it gives up now.
            self.hub.sync.abandon(aid)
        self.runner.run(ask, answered, failed)

    def _again(self, session: AccountSession) -> None:
        if self.running and not session.closed and session.id not in self._busy:
            self._probe(session)

    def _finish(self, session: AccountSession) -> None:
        self._busy.discard(session.id)
        self._due[session.id] = time.monotonic() + self._interval(session)


def _timed_out(error: BaseException) -> bool:
    """From the error's kind, never its words: those are German in a German Sett."""
    return isinstance(error, DeadlineExceeded) or (isinstance(error, NetworkError) and error.timed_out)
