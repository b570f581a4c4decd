"""`python -m panel serve|seed|user|demo`: the operator's commands."""
from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

from .clock import Clock
from .db import Database, DatabaseError
from .errors import ApiError
from .state import ServerOptions
from .urls import parse_public_url


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m panel", description="The Sett billing panel.")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="start the panel's HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    serve.add_argument("--db", required=True, help="SQLite database file (created if missing)")
    serve.add_argument("--seed", choices=["demo"], help="fill an empty database with demo data first")
    serve.add_argument("--test-clock", action="store_true",
                       help="allow POST /admin/clock/advance to move time forward (tests and demos only)")
    serve.add_argument("--rate-limit", type=int, default=600, help="requests per minute per client")
    serve.add_argument("--jobs-interval", type=float, default=3600.0,
                       help="seconds between lifecycle job runs; 0 turns the schedule off")
    serve.add_argument("--localstripe", action="store_true",
                       help="start localstripe on a free loopback port and take Stripe payments through it")
    serve.add_argument("--paypal-sandbox", action="store_true",
                       help="turn PayPal on; without PayPal credentials buyers approve on the panel's sandbox page")
    _public_url_option(serve)
    serve.add_argument("--forwarded-allow-ips", default="", metavar="ADDRESSES",
                       help="comma-separated proxy addresses or CIDR ranges (or '*') whose X-Forwarded-For and "
                            "X-Forwarded-Proto are believed; by default none are")
    serve.add_argument("--lifeline", action="store_true",
                       help="stop when standard input ends (a parent process that started the panel keeps it open "
                            "while it runs)")
    serve.add_argument("--temporary-folder", default="", metavar="FOLDER",
                       help="a folder of this run's alone (the desktop demo's, holding --db), removed when the panel "
                            "stops")
    serve.add_argument("--secret-key-file", default="", metavar="FILE",
                       help="a file holding the key that encrypts gateway secrets in the database (make one with "
                            "`python -m panel secret-key`); without it $SETT_PANEL_SECRET_KEY, else unencrypted")

    sub.add_parser("secret-key", help="print a new key for --secret-key-file or $SETT_PANEL_SECRET_KEY")

    seed = sub.add_parser("seed", help="fill a database with data")
    seed.add_argument("kind", choices=["demo"])
    seed.add_argument("--db", required=True)

    user = sub.add_parser("user", help="manage users")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    create = user_sub.add_parser("create", help="add a user (the way an operator makes the first admin)")
    create.add_argument("--db", required=True)
    create.add_argument("--email", required=True)
    create.add_argument("--password", required=True)
    create.add_argument("--admin", action="store_true")
    create.add_argument("--first-name", default="")
    create.add_argument("--last-name", default="")

    demo = sub.add_parser("demo", help="serve a fresh demo panel from a temporary directory")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8080)
    _public_url_option(demo)
    return parser


def _public_url(text: str) -> str:
    try:
        return parse_public_url(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _public_url_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--public-url", type=_public_url, metavar="URL",
                         help="the panel's origin as buyers' browsers reach it (https://panel.example.com), used "
                              "in pay links; without it only loopback names in the Host header are believed")


def _seed_demo(db_path: str) -> bool:
    from .seed import seed_demo

    db = Database(db_path)
    try:
        if db.conn().execute("SELECT COUNT(*) FROM users").fetchone()[0]:
            return False
        seed_demo(db)
        return True
    finally:
        db.close()


def _enable_paypal(db_path: str) -> None:
    from . import settings as settings_store

    db = Database(db_path)
    try:
        with db.write() as conn:
            settings_store.update(conn, {"paypal_enabled": True})
    finally:
        db.close()


def _print_logins() -> None:
    from .seed import DEMO_LOGINS

    print("Demo logins:")
    for role, email, password in DEMO_LOGINS:
        print(f"  {role:<10} {email:<28} {password}")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # The stripe library logs every request at INFO; the panel's own log says what matters.
    logging.getLogger("stripe").setLevel(logging.WARNING)
    try:
        if args.command == "user":
            db = Database(args.db)
            try:
                with db.write() as conn:
                    from .users import create_user

                    user = create_user(conn, Clock(), email=args.email, password=args.password,
                                       role="admin" if args.admin else "user",
                                       first_name=args.first_name, last_name=args.last_name)
            finally:
                db.close()
            print(f"Created {user['role']} {user['email']} ({user['id']})")
            return 0
        if args.command == "secret-key":
            from .secret_box import new_key

            print(new_key())
            return 0
        if args.command == "seed":
            if not _seed_demo(args.db):
                print(f"{args.db} already has users; not seeding.", file=sys.stderr)
                return 1
            print(f"Seeded demo data into {args.db}")
            _print_logins()
            return 0
        from .server import serve

        if args.command == "demo":
            tmp = tempfile.mkdtemp(prefix="sett-demo-")
            db_path = str(Path(tmp) / "panel.db")
            _seed_demo(db_path)
            _print_logins()
            serve(db_path, args.host, args.port, ServerOptions(test_clock=True, public_url=args.public_url or ""),
                  with_localstripe=True)
            return 0
        if args.seed == "demo" and _seed_demo(args.db):
            _print_logins()
        if args.paypal_sandbox:
            _enable_paypal(args.db)
        options = ServerOptions(rate_limit=args.rate_limit, test_clock=args.test_clock,
                                jobs_interval=args.jobs_interval, public_url=args.public_url or "",
                                forwarded_allow_ips=args.forwarded_allow_ips, secret_key_file=args.secret_key_file)
        serve(args.db, args.host, args.port, options, with_localstripe=args.localstripe, lifeline=args.lifeline,
              temporary_folder=args.temporary_folder)
        return 0
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ApiError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    except (OSError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
