"""The panel's schema as an ordered list of migrations; PRAGMA user_version is the index of the last one applied.

Money is TEXT holding a decimal string (never REAL), timestamps TEXT in timefmt's sortable form, dates TEXT
YYYY-MM-DD, ids TEXT UUIDs, and small structured values JSON TEXT.
"""

import sqlite3
from collections.abc import Callable

from .change_counter import MIGRATION as CHANGE_COUNTERS
from .change_counter import triggers_sql, triggers_through
from .security import digest
from .sync_stamps import MIGRATION as SYNC_STAMPS


def _hash_checkout_tokens(conn: sqlite3.Connection) -> None:
    """Pay-page tokens are keys to a payment: keep only their digests, like every other token."""
    conn.execute("ALTER TABLE payments RENAME COLUMN checkout_token TO checkout_token_hash")
    rows = conn.execute("SELECT id, checkout_token_hash FROM payments WHERE checkout_token_hash IS NOT NULL")
    for payment_id, token in rows.fetchall():
        conn.execute("UPDATE payments SET checkout_token_hash = ? WHERE id = ?", (digest(token), payment_id))


# Migration 5's tables. It was numbered 3 on the branch that wrote it, merged into main before the change counters
# (3) and token digests (4) took those numbers: see `renumbered` for databases written in between.
SERVERS_TICKETS = """
    CREATE TABLE payment_allocations (
        payment_id TEXT NOT NULL REFERENCES payments(id),
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        amount TEXT NOT NULL,
        PRIMARY KEY (payment_id, invoice_id)
    );
    CREATE INDEX payment_allocations_invoice ON payment_allocations(invoice_id);

    -- Servers get the contract's five statuses (a CHECK cannot be altered: the table is rebuilt), an address
    -- (NULL for a service that takes no allocation) and the node they run on.
    CREATE TABLE servers_v3 (
        id TEXT PRIMARY KEY,
        service_id TEXT NOT NULL UNIQUE REFERENCES services(id),
        user_id TEXT NOT NULL REFERENCES users(id),
        name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('installing', 'running', 'suspended', 'offline', 'terminated')),
        resources TEXT NOT NULL,
        ip TEXT,
        port INTEGER,
        node TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    INSERT INTO servers_v3 (id, service_id, user_id, name, status, resources, created_at, updated_at)
        SELECT id, service_id, user_id, name, status, resources, created_at, updated_at FROM servers;
    DROP TABLE servers;
    ALTER TABLE servers_v3 RENAME TO servers;

    CREATE TABLE tickets (
        id TEXT PRIMARY KEY,
        ticket_number TEXT NOT NULL UNIQUE,
        user_id TEXT NOT NULL REFERENCES users(id),
        subject TEXT NOT NULL,
        department TEXT NOT NULL CHECK (department IN ('billing', 'technical', 'sales')),
        status TEXT NOT NULL CHECK (status IN ('open', 'answered', 'customer_reply', 'closed')),
        invoice_id TEXT REFERENCES invoices(id),
        service_id TEXT REFERENCES services(id),
        last_reply_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX tickets_user ON tickets(user_id, updated_at);
    CREATE INDEX tickets_status ON tickets(status, updated_at);
    CREATE TABLE ticket_messages (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        author_id TEXT NOT NULL REFERENCES users(id),
        -- The name as it was when written: a message keeps its signature when the author renames.
        author_name TEXT NOT NULL,
        staff INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX ticket_messages_ticket ON ticket_messages(ticket_id, created_at);
    """

# Any change to a ticket or its messages moves its owner's /sync/state version.
TICKETS_COUNTERS = "\n".join([
    triggers_sql("tickets", "user_id"),
    triggers_through("ticket_messages", "ticket_id", "tickets"),
])
BILLING_PROFILES = """
    CREATE TABLE billing_profiles (
        user_id TEXT PRIMARY KEY REFERENCES users(id),
        company TEXT NOT NULL,
        address_lines TEXT NOT NULL,
        country TEXT NOT NULL,
        tax_id TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    ALTER TABLE invoices ADD COLUMN seller TEXT;
    ALTER TABLE invoices ADD COLUMN buyer TEXT;
    """
Step = str | Callable[[sqlite3.Connection], None]


MIGRATIONS: list[Step] = [
    # 1: everything the first release needs.
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        first_name TEXT NOT NULL DEFAULT '',
        last_name TEXT NOT NULL DEFAULT '',
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
        totp_secret TEXT,
        totp_pending_secret TEXT,
        credit_balance TEXT NOT NULL DEFAULT '0',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );

    -- One row per login; its refresh tokens form a rotation family that is revoked as a whole on reuse.
    CREATE TABLE auth_sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        revoked INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    );
    CREATE TABLE refresh_tokens (
        token_hash TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES auth_sessions(id) ON DELETE CASCADE,
        used INTEGER NOT NULL DEFAULT 0,
        expires_at TEXT NOT NULL
    );
    CREATE TABLE access_tokens (
        token_hash TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES auth_sessions(id) ON DELETE CASCADE,
        expires_at TEXT NOT NULL
    );
    CREATE INDEX access_tokens_session ON access_tokens(session_id);
    CREATE INDEX refresh_tokens_session ON refresh_tokens(session_id);
    CREATE TABLE two_factor_challenges (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        attempts INTEGER NOT NULL DEFAULT 0,
        expires_at TEXT NOT NULL
    );
    CREATE TABLE login_failures (
        email TEXT NOT NULL COLLATE NOCASE,
        at TEXT NOT NULL
    );
    CREATE INDEX login_failures_email ON login_failures(email, at);
    CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        key_hash TEXT NOT NULL UNIQUE,
        prefix TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        allowed_ips TEXT NOT NULL DEFAULT '[]',
        last_used_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );

    CREATE TABLE categories (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        slug TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL DEFAULT '',
        sort_order INTEGER NOT NULL DEFAULT 0,
        archived INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE products (
        id TEXT PRIMARY KEY,
        category_id TEXT NOT NULL REFERENCES categories(id),
        name TEXT NOT NULL,
        slug TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL DEFAULT '',
        resources TEXT NOT NULL,
        pricing_type TEXT NOT NULL
            CHECK (pricing_type IN ('fixed', 'per_gb_memory', 'per_gb_disk', 'configurable')),
        pricing TEXT NOT NULL,
        config_ranges TEXT,
        stock INTEGER CHECK (stock IS NULL OR stock >= 0),
        sort_order INTEGER NOT NULL DEFAULT 0,
        archived INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX products_category ON products(category_id);

    CREATE TABLE coupons (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE COLLATE NOCASE,
        type TEXT NOT NULL CHECK (type IN ('percent', 'fixed')),
        value TEXT NOT NULL,
        product_ids TEXT NOT NULL DEFAULT '[]',
        recurring INTEGER NOT NULL DEFAULT 0,
        expires_at TEXT,
        max_uses INTEGER,
        max_uses_per_user INTEGER,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE coupon_redemptions (
        id TEXT PRIMARY KEY,
        coupon_id TEXT NOT NULL REFERENCES coupons(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        order_id TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX coupon_redemptions_coupon ON coupon_redemptions(coupon_id, user_id);

    CREATE TABLE orders (
        id TEXT PRIMARY KEY,
        order_number TEXT NOT NULL UNIQUE,
        user_id TEXT NOT NULL REFERENCES users(id),
        status TEXT NOT NULL CHECK (status IN
            ('pending', 'awaiting_approval', 'processing', 'active', 'cancelled', 'refunded', 'failed')),
        coupon_id TEXT,
        coupon_code TEXT,
        currency TEXT NOT NULL,
        subtotal TEXT NOT NULL,
        discount TEXT NOT NULL,
        tax_amount TEXT NOT NULL,
        total TEXT NOT NULL,
        payment_method TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX orders_user ON orders(user_id, updated_at);
    CREATE TABLE order_items (
        id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        product_id TEXT NOT NULL,
        product_name TEXT NOT NULL,
        billing_cycle TEXT NOT NULL,
        config TEXT NOT NULL DEFAULT '{}',
        quantity INTEGER NOT NULL,
        unit_price TEXT NOT NULL,
        setup_fee TEXT NOT NULL,
        amount TEXT NOT NULL
    );

    CREATE TABLE services (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        order_id TEXT REFERENCES orders(id),
        product_id TEXT NOT NULL,
        product_name TEXT NOT NULL,
        billing_cycle TEXT NOT NULL,
        recurring_amount TEXT NOT NULL,
        currency TEXT NOT NULL,
        config TEXT NOT NULL DEFAULT '{}',
        status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'suspended', 'terminated', 'cancelled')),
        next_due_date TEXT,
        coupon_id TEXT,
        activated_at TEXT,
        suspended_at TEXT,
        terminated_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX services_user ON services(user_id, updated_at);
    CREATE INDEX services_due ON services(status, next_due_date);
    CREATE TABLE servers (
        id TEXT PRIMARY KEY,
        service_id TEXT NOT NULL UNIQUE REFERENCES services(id),
        user_id TEXT NOT NULL REFERENCES users(id),
        name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'suspended', 'terminated')),
        resources TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE cancellation_requests (
        id TEXT PRIMARY KEY,
        service_id TEXT NOT NULL REFERENCES services(id),
        user_id TEXT NOT NULL REFERENCES users(id),
        type TEXT NOT NULL CHECK (type IN ('immediate', 'end_of_period')),
        reason TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX cancellation_requests_service ON cancellation_requests(service_id, status);

    CREATE TABLE invoices (
        id TEXT PRIMARY KEY,
        invoice_number TEXT NOT NULL UNIQUE,
        user_id TEXT NOT NULL REFERENCES users(id),
        order_id TEXT REFERENCES orders(id),
        kind TEXT NOT NULL CHECK (kind IN ('order', 'renewal', 'top_up')),
        -- A renewal invoice is raised once per service and period: (service_id, period_start) is unique.
        service_id TEXT REFERENCES services(id),
        period_start TEXT,
        status TEXT NOT NULL CHECK (status IN ('draft', 'pending', 'paid', 'overdue', 'cancelled', 'refunded')),
        issue_date TEXT NOT NULL,
        due_date TEXT NOT NULL,
        paid_at TEXT,
        currency TEXT NOT NULL,
        subtotal TEXT NOT NULL,
        discount TEXT NOT NULL,
        coupon_id TEXT,
        coupon_code TEXT,
        tax_rate TEXT NOT NULL,
        tax_inclusive INTEGER NOT NULL,
        tax_amount TEXT NOT NULL,
        total TEXT NOT NULL,
        amount_paid TEXT NOT NULL DEFAULT '0',
        credits_applied TEXT NOT NULL DEFAULT '0',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (service_id, period_start)
    );
    CREATE INDEX invoices_user ON invoices(user_id, updated_at);
    CREATE INDEX invoices_status ON invoices(status, due_date);
    CREATE TABLE invoice_lines (
        id TEXT PRIMARY KEY,
        invoice_id TEXT NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        description TEXT NOT NULL,
        product_id TEXT,
        service_id TEXT,
        billing_cycle TEXT,
        quantity INTEGER NOT NULL,
        unit_price TEXT NOT NULL,
        amount TEXT NOT NULL
    );
    CREATE INDEX invoice_lines_invoice ON invoice_lines(invoice_id);
    CREATE INDEX invoice_lines_service ON invoice_lines(service_id);
    CREATE TABLE payments (
        id TEXT PRIMARY KEY,
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        user_id TEXT NOT NULL REFERENCES users(id),
        method TEXT NOT NULL CHECK (method IN ('credits', 'stripe', 'paypal')),
        amount TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'cancelled', 'refunded')),
        reference TEXT,
        gateway_ref TEXT,
        -- The pay page is opened without credentials in the client's web view: this unguessable token is its key.
        checkout_token TEXT,
        return_url TEXT,
        cancel_url TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX payments_invoice ON payments(invoice_id);
    CREATE UNIQUE INDEX payments_gateway_ref ON payments(method, gateway_ref) WHERE gateway_ref IS NOT NULL;
    CREATE TABLE credit_transactions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        amount TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('adjustment', 'payment', 'top_up', 'refund')),
        note TEXT NOT NULL DEFAULT '',
        invoice_id TEXT,
        balance_after TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX credit_transactions_user ON credit_transactions(user_id, updated_at);

    CREATE TABLE notifications (
        uuid TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        type TEXT NOT NULL,
        title TEXT NOT NULL,
        message TEXT NOT NULL,
        action_url TEXT,
        read INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX notifications_user ON notifications(user_id, updated_at);

    CREATE TABLE idempotency_keys (
        user_id TEXT NOT NULL,
        key TEXT NOT NULL,
        endpoint TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        status_code INTEGER NOT NULL,
        response TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (user_id, key)
    );
    CREATE TABLE webhook_events (
        id TEXT PRIMARY KEY,
        provider TEXT NOT NULL,
        type TEXT NOT NULL,
        received_at TEXT NOT NULL
    );
    """,
    # 2: a refund to a gateway holds its invoice while the gateway is asked, so a second refund cannot reach it too.
    """
    CREATE TABLE refund_holds (
        invoice_id TEXT PRIMARY KEY REFERENCES invoices(id),
        token TEXT NOT NULL,
        expires_at TEXT NOT NULL
    );
    """,
    # 3: counters that move whenever anything a user can read changes (GET /sync/state; see change_counter).
    CHANGE_COUNTERS,
    # 4: pay-page tokens stored as SHA-256 digests (payments.checkout_token -> checkout_token_hash).
    _hash_checkout_tokens,
    # 5: one payment covering several invoices (its share of each), support tickets, servers' addresses.
    # (The rebuilt `servers` lost its triggers with the old table: they are made again.)
    SERVERS_TICKETS + triggers_sql("servers", "user_id") + "\n" + TICKETS_COUNTERS,
    # 6: the credits a payment for several invoices holds for each until its gateway part succeeds (bulk_pay).
    "ALTER TABLE payment_allocations ADD COLUMN credits TEXT NOT NULL DEFAULT '0';",
    # 7: seller and buyer on invoices: customers' billing profiles, and each invoice's copy of both parties as
    # they were when it was issued (JSON; NULL on invoices issued before, which answer null).
    BILLING_PROFILES + triggers_sql("billing_profiles", "user_id"),
    # 8: the one user action a payment belongs to (a Pay all makes a credits payment per invoice and maybe a gateway
    # payment): `action_id` is the id of that action's lead payment, so reading any of them names every invoice.
    "ALTER TABLE payments ADD COLUMN action_id TEXT;\n"
    "CREATE INDEX payments_action ON payments(action_id) WHERE action_id IS NOT NULL;",
    # 9: a synced row's updated_at moves with the rows it shows (an invoice's payments, a service's server and
    # cancellation request, a ticket's messages), so an incremental sync never misses a change (sync_stamps).
    SYNC_STAMPS,
]


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def steps_after(conn: sqlite3.Connection, version: int, migrations: list[Step]) -> list[tuple[int, Step]]:
    """The `migrations` (MIGRATIONS) a database at `version` still needs, with the number each one sets.

    A database main wrote between the two merges holds SERVERS_TICKETS as its version 3 (tickets, no change
    counters): it takes the counters (3; their `servers` triggers fit the rebuilt table) and the digests (4),
    then only the tickets' triggers (5)."""
    if version == 3 and _has_table(conn, "tickets") and not _has_table(conn, "change_counters"):
        return [(3, migrations[2]), (4, migrations[3]), (5, TICKETS_COUNTERS), *enumerate(migrations[5:], start=6)]
    return list(enumerate(migrations[version:], start=version + 1))
