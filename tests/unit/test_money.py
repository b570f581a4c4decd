"""parse_money / round_money / money_str: the accept-reject table and the contract's string form."""

from decimal import Decimal

import pytest

from app.core.money import MoneyError, money_str, parse_money, round_money


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12.99", Decimal("12.99")),
        ("12", Decimal("12")),
        ("-3.50", Decimal("-3.50")),
        ("+1.5", Decimal("1.5")),
        (".5", Decimal("0.5")),
        ("5.", Decimal("5")),
        ("  7.25 ", Decimal("7.25")),
        ("0", Decimal("0")),
        (12, Decimal("12")),
        (-4, Decimal("-4")),
        (Decimal("1.10"), Decimal("1.10")),
        # Floats go through repr: what the BadgerPanel front end meant, not the binary approximation.
        (12.99, Decimal("12.99")),
        (0.1, Decimal("0.1")),
        (2.675, Decimal("2.675")),
        (1e-05, Decimal("0.00001")),
        ("999999999999.99", Decimal("999999999999.99")),
        (-999999999999, Decimal("-999999999999")),
    ],
)
def test_parse_money_accepts(raw, expected):
    value = parse_money(raw)
    assert isinstance(value, Decimal)
    assert value == expected


def test_parse_money_float_is_exactly_the_decimal_sent():
    # Decimal(12.99) would be 12.9899999999999984368... ; the repr route must give the exact digits.
    assert str(parse_money(12.99)) == "12.99"
    assert str(parse_money(0.3)) == "0.3"


@pytest.mark.parametrize(
    "raw",
    [
        True,
        False,
        None,
        "",
        "   ",
        "abc",
        "12,99",
        "1,000.00",
        "$5",
        "1e5",
        "1_000",
        "12.9.9",
        "--1",
        "NaN",
        "nan",
        "Infinity",
        "-inf",
        float("nan"),
        float("inf"),
        float("-inf"),
        Decimal("NaN"),
        Decimal("sNaN"),
        Decimal("Infinity"),
        10**12,
        -(10**12),
        "1000000000000",
        "-1000000000000.00",
        1e12,
        Decimal("1E+12"),
        [],
        {},
        object(),
    ],
)
def test_parse_money_rejects(raw):
    with pytest.raises(MoneyError) as info:
        parse_money(raw)
    assert str(info.value)  # a readable message, never empty


def test_money_error_is_a_value_error():
    assert issubclass(MoneyError, ValueError)


@pytest.mark.parametrize(
    ("amount", "places", "expected"),
    [
        ("2.675", 2, "2.68"),  # half-up; float rounding would give 2.67
        ("2.665", 2, "2.67"),  # half-up, not banker's (half-even would give 2.66)
        ("-2.675", 2, "-2.68"),  # half away from zero for negatives too
        ("2.674999", 2, "2.67"),
        ("2.5", 0, "3"),
        ("3.5", 0, "4"),
        ("1.2345", 3, "1.235"),
        ("1.2344", 3, "1.234"),
        ("7", 2, "7.00"),
        ("-0.001", 2, "0.00"),
    ],
)
def test_round_money(amount, places, expected):
    result = round_money(Decimal(amount), places)
    assert result == Decimal(expected)
    assert str(result) == expected  # also the exponent: exactly `places` decimals, no "-0.00"


def test_round_money_rejects_negative_places():
    with pytest.raises(MoneyError):
        round_money(Decimal("1.00"), -1)


@pytest.mark.parametrize(
    ("amount", "places", "expected"),
    [
        ("12.9", 2, "12.90"),
        ("5", 0, "5"),
        ("4.6", 0, "5"),
        ("1.25", 3, "1.250"),
        ("1E+3", 2, "1000.00"),  # never scientific notation
        ("1E-7", 2, "0.00"),
        ("0.0000001", 3, "0.000"),
        ("-0.00", 2, "0.00"),
        ("-0.004", 2, "0.00"),
        ("-3.5", 2, "-3.50"),
        ("999999999999.994", 2, "999999999999.99"),
    ],
)
def test_money_str(amount, places, expected):
    assert money_str(Decimal(amount), places) == expected
