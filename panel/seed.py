"""The demo panel: four months of believable history, written by the panel's own billing code.

A FixedClock starts HISTORY_DAYS ago and moves forward a day at a time; each day the lifecycle jobs run (at
00:05) and then that day's customer and staff actions happen (from 09:00), all through the same domain
functions the API calls: checkout with credits, renewals raised and paid by the jobs, an unpaid renewal that
goes overdue and gets the service suspended, another that ends in termination, a refund, a cancellation
request. The clock finishes at the real "now", so a server started on the database carries on from there.

Customers pay by bank transfer, which staff book as credit (an adjustment); that is also what lets the story
steer the balance: an `exact` order is funded to the cent, leaving nothing for the next renewal, which then
goes unpaid. Renewal dates are anchored on today with calendar months, so the story holds on any date.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from app.core.cycles import add_months

from . import seed_support
from . import settings as settings_store
from .billing import cancellations, checkout, credits, lifecycle, parties, refunds
from .clock import FixedClock
from .db import Database, DatabaseError
from .seed_catalogue import SETTINGS, create_catalogue
from .timefmt import iso
from .users import create_user

DEMO_LOGINS = [
    ("customer", "demo@sett.test", "demo-password"),
    ("reseller", "reseller@sett.test", "demo-password"),
    ("admin", "admin@sett.test", "admin-password"),
]
_NAMES = {"customer": ("Dana", "Demo"), "reseller": ("Riley", "Reseller"), "admin": ("Sett", "Admin")}
DEMO_PROFILES = {
    "customer": {"company": "", "address_lines": ["Dana Demo", "4 Sample Lane", "Springfield, IL 62701"],
                 "country": "US", "tax_id": ""},
    "reseller": {"company": "Riley Reseller Ltd", "address_lines": ["Unit 7, Example Park", "Bristol BS1 4DJ"],
                 "country": "GB", "tax_id": "GB999999973"},
}
HISTORY_DAYS = 120
JOBS_AT = time(0, 5)
WORK_STARTS = time(9, 0)
ORIGIN = "http://127.0.0.1"  # only a gateway payment would use it; the demo history pays with credits
TRANSFER = "Bank transfer received"


class SeedStoryError(RuntimeError):
    """The demo history did not come out as designed (a price or a lifecycle rule changed under it)."""


class _Story:
    """The panel as it runs the demo history: one clock, one connection, the people and what they bought."""

    def __init__(self, db: Database, end: datetime) -> None:
        self.db, self.conn, self.end = db, db.conn(), end
        self.clock = FixedClock(self.moment(HISTORY_DAYS, JOBS_AT))
        self.users: dict[str, dict] = {}
        self.ids: dict[str, str] = {}
        self.services: dict[str, str] = {}
        self.invoices: dict[str, str] = {}
        self.tickets: dict[str, str] = {}

    # -- time ------------------------------------------------------------------------------------------
    def moment(self, days_ago: int, at: time) -> datetime:
        return datetime.combine(self.end.date() - timedelta(days=days_ago), at, tzinfo=UTC)

    def move_to(self, moment: datetime) -> None:
        delta = moment - self.clock.now()
        if delta < timedelta(0):
            raise SeedStoryError(f"the story went back in time to {moment}")
        self.clock.advance(delta)

    def now(self) -> str:
        return iso(self.clock.now())

    def run_day(self, days_ago: int, events: list[Callable[[_Story], None]]) -> None:
        self.move_to(self.end if days_ago == 0 else self.moment(days_ago, JOBS_AT))
        lifecycle.run_jobs(self.db, self.clock)
        for i, event in enumerate(events):
            self.move_to(self.moment(days_ago, WORK_STARTS) + timedelta(minutes=7 * i))
            event(self)

    # -- the people and their actions -------------------------------------------------------------------
    def setup(self) -> None:
        s = settings_store.update(self.conn, SETTINGS)
        self.ids = create_catalogue(self.conn, self.clock.now(), s.currency_places)
        for role, email, password in DEMO_LOGINS:
            first, last = _NAMES[role]
            self.users[role] = create_user(self.conn, self.clock, email=email, password=password,
                                           role="admin" if role == "admin" else "user",
                                           first_name=first, last_name=last)
        # Billing profiles from the start, so every demo invoice names its buyer (the customer a person, the
        # reseller a company with a VAT id).
        for role, profile in DEMO_PROFILES.items():
            parties.save_profile(self.conn, self.users[role]["id"], profile, self.now())

    def balance(self, who: str) -> Decimal:
        return credits.balance(self.conn, self.users[who]["id"])

    def fund(self, who: str, amount: Decimal | str, note: str = TRANSFER) -> None:
        s = settings_store.load(self.conn)
        credits.change(self.conn, self.users[who]["id"], Decimal(amount), type="adjustment", note=note,
                       now=self.now(), places=s.currency_places)

    def order(self, who: str, label: str, slug: str, cycle: str, *, config: dict | None = None,
              coupon: str | None = None, exact: bool = False) -> None:
        """Buy one item with credits; `exact` first tops the balance up to the total, so it ends at zero."""
        s = settings_store.load(self.conn)
        user = self.users[who]
        items = [{"product_id": self.ids[slug], "billing_cycle": cycle, "config": config or {}, "quantity": 1}]
        if exact:
            cart = checkout.price_cart(self.conn, s, user["id"], items, coupon_code=coupon, use_credits=True,
                                       now=self.now())
            short = cart.quote.total - self.balance(who)
            if short < 0:
                raise SeedStoryError(f"{who} has more credit than {label} costs; the balance would not run out")
            if short > 0:
                self.fund(who, short)
        body = {"items": items, "coupon_code": coupon, "use_credits": True, "payment_method": "credits"}
        now = self.clock.now()
        result = checkout.place_order(self.conn, s, user, body, today=now.date(), now=iso(now), origin=ORIGIN)
        self.services[label] = result["order"]["service_ids"][0]
        self.invoices[label] = result["invoice"]["id"]

    def ask_to_cancel(self, who: str, label: str, reason: str) -> None:
        cancellations.request(self.conn, self.users[who]["id"], self.services[label], "end_of_period", reason,
                              self.now())

    def refund(self, label: str) -> None:
        refunds.refund(self.conn, settings_store.load(self.conn), self.invoices[label], "credits", self.now())

    def read_notifications(self, who: str, older_than_days: int) -> None:
        cutoff = iso(self.clock.now() - timedelta(days=older_than_days))
        self.conn.execute("UPDATE notifications SET read = 1, updated_at = ? WHERE user_id = ? AND created_at < ?",
                          (self.now(), self.users[who]["id"], cutoff))


def _plan(end: date) -> dict[int, list[Callable[[_Story], None]]]:
    """What happens how many days ago. Monthly services are anchored on today so their renewals land where
    the story needs them: paid while there is credit, unpaid once an exact order has spent it."""
    def ago(day: date) -> int:
        return (end - day).days

    # Minecraft: bought ~3 months ago; two renewals paid, the third raised (unpaid, pending) this week.
    flex = ago(add_months(end + timedelta(days=5), -3))
    # Web hosting: one month, then its renewal (raised ~58 days ago, after an exact order) goes unpaid.
    web = ago(add_months(end - timedelta(days=50), -1))
    # Valheim: one renewal paid, the next (due ~8 days ago) unpaid: overdue and suspended, not yet terminated.
    valheim = ago(add_months(end - timedelta(days=8), -2))
    plan: dict[int, list[Callable[[_Story], None]]] = {}

    def on(days_ago: int, *events: Callable[[_Story], None]) -> None:
        plan.setdefault(days_ago, []).extend(events)

    on(HISTORY_DAYS, _Story.setup, lambda st: st.fund("customer", "50.00", "Welcome credit"))
    on(115, lambda st: st.fund("customer", "25.00"),
       lambda st: st.order("customer", "vps", "cloud-vps-s", "annual", coupon="FIXED5"))
    on(flex, lambda st: st.order("customer", "minecraft", "minecraft-flex", "monthly", config={"memory": 6144},
                                 coupon="LOYAL15"))
    on(web, lambda st: st.fund("customer", "50.00"),
       lambda st: st.order("customer", "web", "web-hosting-basic", "monthly"))
    on(valheim, lambda st: st.order("customer", "valheim", "valheim-dedicated", "monthly", coupon="EXPIRED20"))
    on(61, lambda st: st.order("customer", "custom", "cloud-vps-custom", "quarterly",
                               config={"memory": 4096, "disk": 40960, "cpu": 200}, exact=True))
    on(50, lambda st: st.fund("customer", "40.00"))
    on(20, lambda st: st.order("customer", "storage", "storage-vps", "quarterly", config={"disk": 204800},
                               exact=True))
    on(6, lambda st: st.order("customer", "migration", "server-migration", "one_time", exact=True))
    on(3, lambda st: st.ask_to_cancel("customer", "vps", "Moving everything to my Cloud VPS Custom."))
    on(1, lambda st: st.refund("migration"), lambda st: st.read_notifications("customer", 7),
       lambda st: st.read_notifications("reseller", 0))

    on(100, lambda st: st.fund("reseller", "300.00"),
       lambda st: st.order("reseller", "rust", "rust-premium", "monthly", coupon="USEDUP"))
    on(90, lambda st: st.order("reseller", "shop", "web-hosting-pro", "annual", coupon="WELCOME10"))
    on(89, lambda st: st.order("reseller", "reseller-migration", "server-migration", "one_time"))
    for days_ago, step in seed_support.STEPS:
        on(days_ago, step)
    return plan


def seed_demo(db: Database, today: datetime | None = None) -> None:
    """Fill an empty database with the demo panel, its history ending at `today` (default: now)."""
    end = (today or datetime.now(UTC))
    end = end.replace(tzinfo=UTC) if end.tzinfo is None else end.astimezone(UTC)
    with db.write() as conn:
        if conn.execute("SELECT COUNT(*) FROM users").fetchone()[0]:
            raise DatabaseError(f"{db.path} already has users; the demo seed needs an empty database")
        story = _Story(db, end)
        plan = _plan(end.date())
        for days_ago in range(HISTORY_DAYS, -1, -1):
            story.run_day(days_ago, plan.get(days_ago, []))
        _verify(story)


def _verify(story: _Story) -> None:
    """Refuse (and roll back) a demo that does not show what it promises."""
    conn, demo = story.conn, story.users["customer"]["id"]
    invoices = {r[0] for r in conn.execute("SELECT status FROM invoices WHERE user_id = ?", (demo,))}
    services = {r[0] for r in conn.execute("SELECT status FROM services WHERE user_id = ?", (demo,))}
    problems = [f"no {s} invoice" for s in ("pending", "paid", "overdue", "cancelled", "refunded")
                if s not in invoices]
    problems += [f"no {s} service" for s in ("active", "suspended", "terminated", "cancelled") if s not in services]
    if not conn.execute("SELECT 1 FROM services s JOIN invoices i ON i.service_id = s.id WHERE s.user_id = ? "
                        "AND s.status = 'suspended' AND i.status = 'overdue'", (demo,)).fetchone():
        problems.append("no suspended service with an overdue invoice")
    if story.balance("customer") <= 0:
        problems.append("the demo user has no credit left")
    if conn.execute("SELECT stock FROM products WHERE slug = 'rust-premium'").fetchone()[0] != 3:
        problems.append("the limited product does not have 3 left")
    problems += seed_support.problems(conn, demo)
    if problems:
        raise SeedStoryError("the demo history came out wrong: " + "; ".join(problems))
