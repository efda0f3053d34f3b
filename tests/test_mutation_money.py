"""money.py behaviour pinned down by mutation testing (docs/mutation.md).

Each test states a documented contract that the older tests left open: every refusal names the
path, the value found and what was expected (``budgetacct.errors``; the wordings are in the
reviewed snapshot ``tests/__snapshots__/test_mutation_money.ambr``); the global decimal context
is never read; amounts are written without exponents; Hamilton's method hands the missing units
to the largest remainders.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable
from decimal import ROUND_FLOOR, Decimal

import pytest

from budgetacct import Amount, Change, InvalidValue, Percent, Unit, shares
from budgetacct.money import parse_amount

# (call, path, found): one row per kind of refusal; what each expected, in both languages, is in
# tests/__snapshots__/test_mutation_money.ambr.
REFUSALS = [
    pytest.param(lambda: parse_amount(12, path="$.x"), "$.x", 12, id="parse_amount-not-text"),  # type: ignore[arg-type]
    pytest.param(
        lambda: parse_amount("12 万元 整", path="$.x"), "$.x", "12 万元 整", id="parse_amount-malformed"
    ),
    pytest.param(lambda: parse_amount("1" * 41, path="$.x"), "$.x", "1" * 41, id="parse_amount-too-long"),
    pytest.param(
        lambda: parse_amount("20000000000000", path="$.x"),
        "$.x",
        Decimal("20000000000000"),
        id="parse_amount-too-large",
    ),
    pytest.param(lambda: Amount(10**13), "$", 10**13, id="Amount-too-large"),
    pytest.param(lambda: Amount(1).rounded(13), "$", 13, id="Amount.rounded-places"),
    pytest.param(lambda: Percent.parse(5), "$", 5, id="Percent.parse-not-text"),  # type: ignore[arg-type]
    pytest.param(lambda: Percent.parse("abc%"), "$", "abc", id="Percent.parse-malformed"),
    pytest.param(lambda: Percent("x"), "$", "x", id="Percent-malformed"),
    pytest.param(lambda: Percent.ratio(Amount(1), Amount("0.00")), "$", "0.00", id="Percent.ratio-zero-base"),
    pytest.param(lambda: Amount(1) / Amount("0.0"), "$", "0.0", id="Amount-divided-by-zero"),
    pytest.param(lambda: Amount.from_yuan("1 元"), "$", "1 元", id="Amount.from_yuan-malformed"),
    pytest.param(
        lambda: Amount(1) * Decimal("Infinity"), "$", Decimal("Infinity"), id="Amount-times-infinity"
    ),
    pytest.param(lambda: shares([]), "$", (), id="shares-no-parts"),
    pytest.param(lambda: shares([Amount(1), 2]), "$[1]", 2, id="shares-not-an-amount"),  # type: ignore[list-item]
    pytest.param(lambda: shares([Amount(1), Amount(-1)]), "$[1]", "-1", id="shares-negative"),
    pytest.param(lambda: shares([Amount(0), Amount("0.0")]), "$", ["0", "0.0"], id="shares-zero-total"),
    pytest.param(lambda: shares([Amount(1)], method="hare"), "$", "hare", id="shares-method"),  # type: ignore[arg-type]
    pytest.param(lambda: Change(1, Amount(1)), "$.previous", 1, id="Change-previous"),  # type: ignore[arg-type]
    pytest.param(lambda: Change(Amount(1), "2"), "$.current", "2", id="Change-current"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("call", "path", "found"), REFUSALS)
def test_every_refusal_says_where_what_and_what_was_expected(
    call: Callable[[], object], path: str, found: object, messages: Callable[..., None]
) -> None:
    with pytest.raises(InvalidValue) as info:
        call()
    err = info.value
    assert (err.path, err.found) == (path, found)
    messages(err)
    assert err.zh.startswith(f"{path}：应为{err.expected_zh}，")
    assert err.en.startswith(f"{path}: expected {err.expected_en}, ")


def test_the_global_decimal_context_is_never_read() -> None:
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = ROUND_FLOOR
        ctx.traps[decimal.Inexact] = True
        assert str(Amount("123456.785").rounded()) == "123456.79"
        assert str(Percent("12.345").rounded()) == "12.35"
        assert str(Amount.from_yuan("12345678.91")) == "1234.567891"
        assert str(Amount("1234.567891").to_yuan()) == "12345678.91"
        assert Amount("1234.567891").in_unit(Unit.YI_YUAN) == Decimal("0.1234567891")
        assert parse_amount("12345678.91元") == (Amount("1234.567891"), Unit.YUAN)


def test_shares_do_not_read_the_global_decimal_context() -> None:
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = ROUND_FLOOR
        ctx.traps[decimal.Inexact] = True
        assert [str(p) for p in shares([Amount("739"), Amount("91.5"), Amount("0.13")])] == [
            "88.96",
            "11.02",
            "0.02",
        ]
        assert [str(p) for p in shares([Amount(4), Amount(2), Amount(1)], method="largest_remainder")] == [
            "57.14",
            "28.57",
            "14.29",
        ]


def test_largest_remainder_gives_the_missing_unit_to_the_largest_remainder() -> None:
    # 57.142857…, 28.571428…, 14.285714…: truncated to 99.99, and the smallest part has the
    # largest remainder (0.0057), so it gets the missing 0.01 — not the largest or first part.
    got = shares([Amount(4), Amount(2), Amount(1)], method="largest_remainder")
    assert [str(p) for p in got] == ["57.14", "28.57", "14.29"]
    got = shares([Amount(1), Amount(2), Amount(4)], method="largest_remainder")
    assert [str(p) for p in got] == ["14.29", "28.57", "57.14"]


def test_amounts_are_written_without_exponents() -> None:
    assert str(Amount.parse("0.001亿元")) == "10"
    assert str(Amount("0.005").to_yuan()) == "50"
    assert str(Amount("0.001").in_unit(Unit.YUAN)) == "10"


def test_places_of_a_whole_number_is_zero() -> None:
    assert Amount(Decimal("5E+2")).places() == 0
    assert Amount("500").places() == 0
    assert Amount("5.0").places() == 1


def test_parse_accepts_up_to_forty_digits() -> None:
    forty = "0" * 26 + "1." + "0" * 12  # the point counts: 40 characters
    assert parse_amount(forty) == (Amount(1), Unit.WAN_YUAN)
    with pytest.raises(InvalidValue):
        parse_amount("0" + forty)


def test_multiplying_by_a_decimal_is_exact() -> None:
    assert Amount("2.5") * Decimal("1.5") == Amount("3.75")
    assert Decimal("0.1") * Amount("30") == Amount("3")
    assert Amount("2.5") * 3 == Amount("7.5")


def test_only_zero_starts_a_sum() -> None:
    assert 0 + Amount("1.5") == Amount("1.5")
    assert 0 + Percent("1.5") == Percent("1.5")
    for other in (5, Decimal(0), 0.0):
        with pytest.raises(TypeError):
            other + Amount("1.5")  # type: ignore[operator]
        with pytest.raises(TypeError):
            other + Percent("1.5")  # type: ignore[operator]


@pytest.mark.parametrize("other", [1, Decimal(1), "1", Percent(1)])
def test_amounts_compare_only_with_amounts(other: object) -> None:
    for compare in (
        lambda: Amount(2) > other,
        lambda: Amount(2) >= other,
        lambda: Amount(2) < other,
        lambda: Amount(2) <= other,
    ):
        with pytest.raises(TypeError):
            compare()
    assert Amount(2) != other
    assert Amount(2) > Amount("1.99")
    assert Amount(2) >= Amount("2.00")
    assert not Amount(2) < Amount(2)
