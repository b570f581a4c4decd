"""2. Full first sync of one account (5,000 invoices, 1,000 services, 2,000 credit transactions) from the local
panel, against the floor: the same pages fetched with plain requests (one Session, per_page=100) and written with
one sqlite-utils insert_all per table into a fresh file. Goal: at most 1.3x. Then an incremental sync with
nothing changed: goal at most 1/20 of the full sync; its number of HTTP requests is reported. Then the poll of an
unchanged account (the cheap change check, `GET /sync/state` with the kept ETag): goal one request.

Both sides run in this process against the same panel, interleaved, median of N; every run writes a new file.
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

import requests
from sqlite_utils import Database

from app.api import Credentials, PanelClient
from app.api.paths import LIST_PATHS
from app.cache import AccountCache
from app.sync import SyncEngine
from app.sync.engine import EPOCH, PER_PAGE
from app.sync.resources import BILLING_OBJECTS, LISTS, MAX_DETAILS

from . import data
from .panel_proc import start_panel
from .report import median, print_table, ratio, verdict

# The floor asks plain requests for what PanelClient's typed calls ask for (app/api/billing.py).
OBJECT_PATHS = {"billing_config": "/billing/config", "dashboard": "/billing/dashboard", "credits": "/billing/credits"}
GOAL_FULL = 1.3
GOAL_INCREMENTAL = 1 / 20
GOAL_POLL_REQUESTS = 1


def app_sync(url: str, key: str, cache_path: Path) -> tuple[float, int, float, int, float, int]:
    """A full sync into a new cache, an incremental one without the change check, then a poll: (full s, full
    requests, incremental s, requests, poll s, poll requests)."""
    with PanelClient(url, Credentials.from_api_key(key), timeout=60, max_retries=0) as client:
        started = time.perf_counter()
        with AccountCache(cache_path) as cache:
            full = SyncEngine(client, cache).run()
        full_s = time.perf_counter() - started
        started = time.perf_counter()
        with AccountCache(cache_path) as cache:
            again = SyncEngine(client, cache, check_version=False).run()
        incremental_s = time.perf_counter() - started
        started = time.perf_counter()
        with AccountCache(cache_path) as cache:
            poll = SyncEngine(client, cache).run()
        poll_s = time.perf_counter() - started
    if again.resources or poll.resources:
        raise RuntimeError(f"the incremental sync found changes: {sorted(again.resources | poll.resources)}")
    return full_s, full.requests, incremental_s, again.requests, poll_s, poll.requests


def floor_sync(url: str, key: str, db_path: Path) -> tuple[float, int]:
    """The same requests with plain requests, then one insert_all per table."""
    api = url + "/api/v1"
    started = time.perf_counter()
    requests_made = 0
    with requests.Session() as session:
        session.headers["Authorization"] = f"Bearer {key}"

        def get(path: str, params: dict | None = None) -> dict:
            nonlocal requests_made
            requests_made += 1
            answer = session.get(api + path, params=params, timeout=60)
            answer.raise_for_status()
            return answer.json()

        config = {"public_settings": get("/settings/public")["data"], "me": get("/auth/me")["data"]}
        for name in BILLING_OBJECTS:
            config[name] = get(OBJECT_PATHS[name])["data"]
        tables: dict[str, list[dict]] = {}
        for resource in LISTS:
            if resource.tickets and not config["public_settings"].get("tickets_enabled"):
                continue      # as the client does: a panel with tickets off answers 403 there
            params = {"per_page": PER_PAGE, "page": 1, **({"updated_since": EPOCH} if resource.catalogue else {})}
            first = get(LIST_PATHS[resource.name], params)
            rows = list(first["data"])
            for number in range(2, int(first["meta"].get("total_pages", 1)) + 1):
                rows += get(LIST_PATHS[resource.name], {**params, "page": number})["data"]
            if resource.detail:      # as the engine does: the newest changed rows read whole (invoices, tickets)
                rows = [get(f"{LIST_PATHS[resource.name]}/{row['id']}")["data"] for row in rows[:MAX_DETAILS]] + \
                    rows[MAX_DETAILS:]
            tables[resource.table] = rows
    db = Database(db_path)
    with db.conn:
        db["config"].insert_all([{"key": k, "value": v} for k, v in config.items()], pk="key")
        for table, rows in tables.items():
            if rows:
                pk = "uuid" if table == "notifications" else "id"
                db[table].insert_all(rows, pk=pk, alter=True)    # detailed rows have more columns
    db.close()
    return time.perf_counter() - started, requests_made


def run(args) -> dict:
    runs = args.sync_runs
    with tempfile.TemporaryDirectory(prefix="sett-bench-sync-") as tmp:
        folder = Path(tmp)
        made = data.build_panel_db(folder / "panel.db", invoices=args.invoices, services=args.services,
                                   credit_transactions=args.credits)
        panel = start_panel(folder / "panel.db")
        try:
            app_sync(panel.url, made["api_key"], folder / "warmup.sqlite3")   # warm-up: imports, server caches
            floor_sync(panel.url, made["api_key"], folder / "warmup-floor.sqlite3")
            apps, floors = [], []
            for n in range(runs):
                apps.append(app_sync(panel.url, made["api_key"], folder / f"app-{n}.sqlite3"))
                floors.append(floor_sync(panel.url, made["api_key"], folder / f"floor-{n}.sqlite3"))
        finally:
            panel.stop()
    full_s, full_req = median([a[0] for a in apps]), apps[0][1]
    inc_s, inc_req = median([a[2] for a in apps]), apps[0][3]
    poll_s, poll_req = median([a[4] for a in apps]), apps[0][5]
    floor_s, floor_req = median([f[0] for f in floors]), floors[0][1]
    full_ratio, inc_ratio = ratio(full_s, floor_s), ratio(inc_s, full_s)
    print_table(f"sync: {args.invoices:,} invoices, {args.services:,} services, {args.credits:,} credit "
                f"transactions; median of {runs}",
                [("app: full first sync", f"{full_s:.2f} s", full_req, f"{full_ratio:.2f}x of floor",
                  f"<= {GOAL_FULL}x", verdict(full_ratio, GOAL_FULL)),
                 ("floor: requests + insert_all", f"{floor_s:.2f} s", floor_req, "1.00x", "", ""),
                 ("app: incremental, nothing changed", f"{inc_s * 1000:.0f} ms", inc_req,
                  f"1/{1 / inc_ratio:.0f} of full" if inc_ratio else "0", "<= 1/20", verdict(inc_ratio,
                                                                                            GOAL_INCREMENTAL)),
                 ("app: poll of an unchanged account", f"{poll_s * 1000:.0f} ms", poll_req,
                  f"1/{full_s / poll_s:.0f} of full" if poll_s else "0", f"{GOAL_POLL_REQUESTS} request",
                  verdict(poll_req, GOAL_POLL_REQUESTS))],
                ("measure", "median", "requests", "ratio", "goal", ""))
    return {"invoices": args.invoices, "services": args.services, "credit_transactions": args.credits, "runs": runs,
            "full_s": round(full_s, 3), "full_requests": full_req, "floor_s": round(floor_s, 3),
            "floor_requests": floor_req, "ratio": round(full_ratio, 2), "goal": GOAL_FULL,
            "goal_met": full_ratio <= GOAL_FULL, "incremental_s": round(inc_s, 4), "incremental_requests": inc_req,
            "poll_s": round(poll_s, 4), "poll_requests": poll_req, "poll_goal_requests": GOAL_POLL_REQUESTS,
            "incremental_fraction_of_full": round(inc_ratio, 4), "incremental_goal": GOAL_INCREMENTAL,
            "incremental_goal_met": inc_ratio <= GOAL_INCREMENTAL,
            "app_runs_s": [round(a[0], 3) for a in apps], "floor_runs_s": [round(f[0], 3) for f in floors],
            "incremental_runs_s": [round(a[2], 4) for a in apps]}
