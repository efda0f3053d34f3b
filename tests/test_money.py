"""Amount, Percent, Change and shares: exact arithmetic, half-up rounding, refusal of bad input."""

from __future__ import annotations

import contextlib
import decimal
import pickle
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from budgetacct import Amount, BudgetAcctError, Change, Direction, InvalidValue, Percent, Unit, shares
from budgetacct.money import parse_amount

cents = st.integers(min_value=-(10**14), max_value=10**14).map(lambda n: Amount(Decimal(n).scaleb(-2)))
non_negative_cents = st.integers(min_value=0, max_value=10**12).map(lambda n: Amount(Decimal(n).scaleb(-2)))
exact_values = st.decimals(
    min_value=Decimal("-1e11"), max_value=Decimal("1e11"), allow_nan=False, allow_infinity=False, places=6
)


# --- construction -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [("874.63", "874.63"), (739, "739"), (Decimal("739.00"), "739.00"), ("-5.05", "-5.05"), (" 1.5 ", "1.5")],
)
def test_amount_keeps_the_digits_it_was_given(given: object, expected: str) -> None:
    assert str(Amount(given)) == expected  # type: ignore[arg-type]


BAD_VALUES = [
    0.1,
    1.0,
    float("nan"),
    float("inf"),
    True,
    False,
    None,
    "",
    "   ",
    "NaN",
    "sNaN",
    "Infinity",
    "-Infinity",
    "inf",
    "1e999999",
    "12.3.4",
    "1,234",
    "abc",
    "１２",
    "²",
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("Infinity"),
    Decimal("-Infinity"),
    Decimal("1e13"),
    10**13,
    -(10**13),
    "1" * 40,
    "0." + "0" * 20 + "1",
    [],
    {},
    b"12",
    complex(1, 0),
]


@pytest.mark.parametrize("bad", BAD_VALUES, ids=repr)
def test_bad_values_raise_invalid_value_with_both_languages(bad: object) -> None:
    with pytest.raises(InvalidValue) as info:
        Amount(bad)  # type: ignore[arg-type]
    err = info.value
    assert isinstance(err, ValueError)
    assert isinstance(err, BudgetAcctError)
    assert "应为" in err.zh
    assert "expected" in err.en
    assert str(err) == f"{err.zh} | {err.en}"


def test_float_error_says_why() -> None:
    with pytest.raises(InvalidValue, match="floats are not exact"):
        Amount(0.1)  # type: ignore[arg-type]


def test_magnitude_limit_is_inclusive() -> None:
    assert Amount(Decimal(10) ** 12) == Amount("1000000000000")
    with pytest.raises(InvalidValue, match="10\\^12"):
        Amount("1000000000000.01")


def test_from_yuan_is_exact() -> None:
    assert Amount.from_yuan(8746300) == Amount("874.63")
    assert str(Amount.from_yuan("1234.56")) == "0.123456"
    assert Amount.from_yuan("1").to_yuan() == Decimal(1)
    with pytest.raises(InvalidValue):
        Amount.from_yuan(1.5)  # type: ignore[arg-type]


# --- parsing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("874.63万元", "874.63", Unit.WAN_YUAN),
        ("874.63", "874.63", Unit.WAN_YUAN),
        ("1,234.56元", "0.123456", Unit.YUAN),
        ("0.5亿元", "5000", Unit.YI_YUAN),
        ("８７４.６３万元", "874.63", Unit.WAN_YUAN),
        ("８７４．６３万元", "874.63", Unit.WAN_YUAN),
        ("-5.05万元", "-5.05", Unit.WAN_YUAN),
        ("－5.05万元", "-5.05", Unit.WAN_YUAN),
        ("0万元", "0", Unit.WAN_YUAN),
        ("0.00万元", "0.00", Unit.WAN_YUAN),
        (" 739 万元 ", "739", Unit.WAN_YUAN),
        ("12万", "12", Unit.WAN_YUAN),
        ("1，234，567元", "123.4567", Unit.YUAN),
    ],
)
def test_parse_printed_forms(text: str, value: str, unit: Unit) -> None:
    amount, found_unit = parse_amount(text)
    assert str(amount) == value
    assert found_unit is unit
    assert Amount.parse(text) == Amount(value)


@pytest.mark.parametrize(
    "text",
    ["", "万元", "12.3.4万元", "1,23元", "１２３美元", "²万元", "12 34", "1e5万元", "NaN", "--5", "5-"],
)
def test_parse_rejects_malformed(text: str) -> None:
    with pytest.raises(InvalidValue):
        Amount.parse(text)


def test_parse_rejects_non_text() -> None:
    with pytest.raises(InvalidValue):
        Amount.parse(12)  # type: ignore[arg-type]


def test_parse_rejects_huge() -> None:
    with pytest.raises(InvalidValue):
        Amount.parse("9" * 41)
    with pytest.raises(InvalidValue):
        Amount.parse("2亿亿元")
    with pytest.raises(InvalidValue):
        Amount.parse("200000000000000亿元")


@given(cents)
def test_parse_format_round_trip(amount: Amount) -> None:
    assert str(Amount.parse(f"{amount}万元")) == str(amount)
    assert Amount.parse(f"{amount.to_yuan()}元") == amount


@given(st.text())
def test_parse_never_raises_anything_but_invalid_value(text: str) -> None:
    with contextlib.suppress(InvalidValue):
        Amount.parse(text)


# --- arithmetic -------------------------------------------------------------------------------


@given(cents, cents, cents)
def test_addition_is_exact_associative_and_commutative(a: Amount, b: Amount, c: Amount) -> None:
    assert (a + b) + c == a + (b + c)
    assert a + b == b + a
    assert (a + b) - b == a
    assert (a + b).value == a.value + b.value


@given(st.lists(cents, max_size=30))
def test_sum_matches_decimal_sum(items: list[Amount]) -> None:
    total = sum(items, Amount(0))
    assert total.value == sum((i.value for i in items), Decimal(0))
    if items:
        assert sum(items) == total


@given(cents, st.integers(min_value=-1000, max_value=1000))
def test_multiplication_by_integers(a: Amount, k: int) -> None:
    assert (a * k).value == a.value * k
    assert k * a == a * k


def test_operations_with_other_types_are_refused() -> None:
    a = Amount("1")
    with pytest.raises(TypeError):
        a + 1  # type: ignore[operator]
    with pytest.raises(TypeError):
        a * 1.5  # type: ignore[operator]
    with pytest.raises(TypeError):
        a * a  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = a < 1  # type: ignore[operator]
    with pytest.raises(InvalidValue):
        a * Decimal("NaN")
    assert a != 1
    assert a != Decimal(1)


def test_equality_is_numeric_and_hash_consistent() -> None:
    assert Amount("739") == Amount("739.00")
    assert hash(Amount("739")) == hash(Amount("739.00"))
    assert len({Amount("1.0"), Amount("1.00"), Amount("1")}) == 1
    assert Amount("0.1") + Amount("0.2") == Amount("0.3")


def test_ratio_sign_abs_bool_and_immutability() -> None:
    assert Amount("1") / Amount("4") == Decimal("0.25")
    assert -Amount("5.05") == Amount("-5.05")
    assert abs(Amount("-5.05")) == Amount("5.05")
    assert not Amount("0.00")
    assert Amount("0.01")
    with pytest.raises(InvalidValue):
        Amount("1") / Amount("0")
    # the slot has one name: the former alias ``_value`` is gone
    assert not hasattr(Amount("1"), "_value")


@pytest.mark.parametrize("value", [Amount("1.50"), Percent("88.96")])
def test_amounts_and_percents_can_be_neither_changed_nor_deleted(value: Amount | Percent) -> None:
    with pytest.raises(AttributeError, match=f"{type(value).__name__} is immutable"):
        value.value = Decimal(2)
    with pytest.raises(AttributeError, match="is immutable"):
        del value.value
    assert str(value) in {"1.50", "88.96"}


def test_an_amount_is_never_equal_to_the_same_percent() -> None:
    assert Amount("5") != Percent("5")
    assert Percent("5") != Amount("5")
    with pytest.raises(TypeError):
        _ = Amount("5") < Percent("6")  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = Percent("5") + Amount("6")
    assert sum([Percent("1.5"), Percent("2")]) == Percent("3.5")


@given(cents)
def test_value_is_the_exact_decimal(a: Amount) -> None:
    assert type(a.value) is Decimal
    assert str(a.value) == str(a)
    assert Percent(a.value).value == a.value


@given(cents)
def test_pickle_round_trip(a: Amount) -> None:
    assert str(pickle.loads(pickle.dumps(a))) == str(a)


def test_global_decimal_context_is_untouched() -> None:
    before = decimal.getcontext().copy()
    decimal.getcontext().prec = 3
    try:
        assert Amount("123456.789") + Amount("0.001") == Amount("123456.790")
        assert Amount("0.125").rounded() == Amount("0.13")
    finally:
        decimal.setcontext(before)
    assert decimal.getcontext().prec == before.prec


# --- rounding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("0.125", 2, "0.13"),
        ("-0.125", 2, "-0.13"),
        ("0.124999", 2, "0.12"),
        ("59.775", 2, "59.78"),
        ("2.5", 0, "3"),
        ("-2.5", 0, "-3"),
        ("874.6349", 2, "874.63"),
        ("7.2956", 1, "7.3"),
    ],
)
def test_rounded_is_half_up(value: str, places: int, expected: str) -> None:
    assert str(Amount(value).rounded(places)) == expected


@given(exact_values, st.integers(min_value=0, max_value=4))
def test_rounding_matches_reference(value: Decimal, places: int) -> None:
    reference = value.quantize(
        Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=decimal.Context(prec=60)
    )
    assert Amount(value).rounded(places).value == reference
    assert abs(Amount(value).rounded(places).value - value) <= Decimal(5).scaleb(-places - 1)


@pytest.mark.parametrize("places", [-1, 13, 1.5, True, "2"])
def test_bad_places(places: object) -> None:
    with pytest.raises(InvalidValue):
        Amount("1").rounded(places)  # type: ignore[arg-type]


# --- Percent and shares -----------------------------------------------------------------------


def test_percent_basics() -> None:
    assert Percent.ratio(Amount("739"), Amount("830.63")).rounded() == Percent("88.97")
    assert Percent.parse("88.96%") == Percent("88.96")
    assert Percent.parse("８８．９６％") == Percent("88.96")
    assert str(Percent("7.3").rounded()) == "7.30"
    with pytest.raises(InvalidValue):
        Percent(0.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        Percent.ratio(Amount("1"), Amount("0"))


def test_seed_revenue_shares_adjust_largest() -> None:
    parts = [Amount("739"), Amount("91.5"), Amount("0.13")]
    assert [str(p) for p in shares(parts)] == ["88.96", "11.02", "0.02"]
    # Hamilton's method gives a different (equally valid) answer: the seed did not use it.
    assert [str(p) for p in shares(parts, method="largest_remainder")] == ["88.97", "11.02", "0.01"]


def test_seed_class_shares() -> None:
    parts = [Amount("614"), Amount("59.77"), Amount("43.99"), Amount("65.23")]
    assert [str(p) for p in shares(parts)] == ["78.42", "7.63", "5.62", "8.33"]


def test_shares_errors() -> None:
    with pytest.raises(InvalidValue, match="total is not zero"):
        shares([Amount(0), Amount("0.00")])
    with pytest.raises(InvalidValue):
        shares([])
    with pytest.raises(InvalidValue):
        shares([Amount(1), Amount(-1), Amount(5)])
    with pytest.raises(InvalidValue):
        shares([Amount(1)], method="dhondt")  # type: ignore[arg-type]


@given(
    st.lists(non_negative_cents, min_size=1, max_size=40),
    st.sampled_from(["adjust_largest", "largest_remainder"]),
)
def test_shares_sum_to_exactly_100(parts: list[Amount], method: str) -> None:
    assume(any(parts))
    result = shares(parts, method=method)  # type: ignore[arg-type]
    assert sum(result, Percent(0)) == Percent("100.00")
    total = sum(parts, Amount(0))
    bound = Decimal("0.01") if method == "largest_remainder" else Decimal("0.015")
    for part, share in zip(parts, result, strict=True):
        exact = part.value / total.value * 100
        assert abs(share.value - exact) <= bound
        assert share.value >= 0


# --- Change -----------------------------------------------------------------------------------


def test_seed_changes() -> None:
    total = Change(Amount("894"), Amount("874.63"))
    assert total.difference == Amount("-19.37")
    assert total.rate == Percent("-2.17")
    assert total.direction is Direction.DECREASE
    assert total.direction.rate_word == "下降"
    running = Change(Amount("69.22"), Amount("74.27"))
    assert (running.difference, running.rate, running.direction) == (
        Amount("5.05"),
        Percent("7.30"),
        Direction.INCREASE,
    )
    flat = Change(Amount("0.07"), Amount("0.07"))
    assert flat.direction is Direction.FLAT
    assert flat.rate == Percent("0")


def test_change_from_zero_has_no_rate() -> None:
    new = Change(Amount("0"), Amount("5"))
    assert new.rate is None
    assert new.direction is Direction.INCREASE
    assert Change(Amount(0), Amount(0)).rate is None


def test_change_refuses_non_amounts() -> None:
    with pytest.raises(InvalidValue):
        Change(1, Amount(2))  # type: ignore[arg-type]


@given(cents, cents)
def test_change_direction_matches_sign(a: Amount, b: Amount) -> None:
    change = Change(a, b)
    assert change.previous + change.difference == change.current
    expected = Direction.INCREASE if b > a else Direction.DECREASE if b < a else Direction.FLAT
    assert change.direction is expected
    if change.rate is not None:
        assert (change.rate.value > 0) == (b > a) or change.rate.value == 0
