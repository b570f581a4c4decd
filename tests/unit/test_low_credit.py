"""The low-credit decision: credit below the renewals due within the lead time warns, once per renewal period."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.core.low_credit import low_credit, low_credit_notice

TODAY = date(2026, 12, 5)


def service(sid: str, due: str, amount: str = "10.00", **extra) -> dict:
    return {"id": sid, "status": "active", "billing_cycle": "monthly", "next_due_date": due,
            "recurring_amount": amount, **extra}


def test_credit_below_the_renewals_due_within_the_lead_time_warns_with_the_sum_and_the_first_date():
    services = [service("a", "2026-12-07", "10.00"), service("b", "2026-12-08", "5.50"),
                service("later", "2026-12-20", "100.00")]
    warning = low_credit(services, [], "12.00", TODAY, 3)
    assert warning is not None
    assert warning.renewals == Decimal("15.50") and warning.balance == Decimal("12.00")
    assert warning.shortfall == Decimal("3.50")
    assert warning.first_due == date(2026, 12, 7) and warning.service_ids == ("a", "b")


def test_credit_that_covers_the_renewals_or_no_credit_at_all_does_not_warn():
    services = [service("a", "2026-12-07", "10.00")]
    assert low_credit(services, [], "10.00", TODAY, 3) is None          # exactly enough
    assert low_credit(services, [], "0.00", TODAY, 3) is None           # pays another way
    assert low_credit(services, [], None, TODAY, 3) is None
    assert low_credit(services, [], "lots", TODAY, 3) is None           # not an amount: no wrong warning
    assert low_credit([], [], "1.00", TODAY, 3) is None


def test_only_renewals_still_to_be_raised_within_the_lead_time_count():
    services = [
        service("outside", "2026-12-09"),                                  # today + 4 with a lead of 3
        service("past", "2026-12-01"),                                     # its invoice is out (overdue)
        service("one-time", "2026-12-06", billing_cycle="one_time"),
        service("cancelled", "2026-12-06", status="cancelled"),
        service("leaving", "2026-12-06", cancellation={"status": "approved", "type": "end_of_period"}),
        service("asked", "2026-12-06", cancellation={"status": "pending", "type": "immediate"}),
        service("invoiced", "2026-12-07"),
        service("bad", "2026-12-06", "ten"),
    ]
    invoices = [{"id": "i1", "status": "pending", "due_date": "2026-12-07"}]
    assert low_credit(services, invoices, "1.00", TODAY, 3) is None
    # suspended services renew too; a due date of today is within the lead time; lead 0 means today only
    assert low_credit([service("s", "2026-12-05", status="suspended")], [], "1.00", TODAY, 0) is not None
    assert low_credit([service("s", "2026-12-06")], [], "1.00", TODAY, 0) is None


def test_the_notice_is_named_for_its_renewal_period_and_says_the_amounts():
    warning = low_credit([service("a", "2026-12-07", "10.00")], [], "4.00", TODAY, 3)
    notice = low_credit_notice(warning, lambda amount: f"${amount}")
    assert notice["id"] == "low-credit:2026-12-07" and notice["kind"] == "low_credit" and not notice["read"]
    assert notice["service_id"] == "a"
    assert "$10.00" in notice["message"] and "$4.00" in notice["message"] and "$6.00" in notice["message"]
    # the same period on a later sync is the same notice (announced once); the next period is a new one
    again = low_credit([service("a", "2026-12-07", "10.00")], [], "3.00", date(2026, 12, 6), 3)
    assert low_credit_notice(again, str)["id"] == notice["id"]
    later = low_credit([service("a", "2027-01-07", "10.00")], [], "4.00", date(2027, 1, 5), 3)
    assert low_credit_notice(later, str)["id"] == "low-credit:2027-01-07"
