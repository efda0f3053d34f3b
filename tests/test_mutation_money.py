"""money.py behaviour pinned down by mutation testing (docs/mutation.md).

Each test states a documented contract that the older tests left open: every refusal names the
path, the value found and what was expected (``budgetacct.errors``); the global decimal context
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

PRINTED_ZH = "金额文字（如 874.63万元、1,234.56元、0.5亿元）"
PRINTED_EN = "a printed amount such as 874.63万元, 1,234.56元 or 0.5亿元"

# (call, path, found, expected_zh, expected_en): one row per kind of refusal.
REFUSALS: list[tuple[Callable[[], object], str, object, str, str]] = [
    (lambda: parse_amount(12, path="$.x"), "$.x", 12, "表示金额的文字", "text of an amount"),  # type: ignore[arg-type]
    (lambda: parse_amount("12 万元 整", path="$.x"), "$.x", "12 万元 整", PRINTED_ZH, PRINTED_EN),
    (
        lambda: parse_amount("1" * 41, path="$.x"),
        "$.x",
        "1" * 41,
        "绝对值不超过10^12万元的金额",
        "an amount of magnitude at most 10^12 万元",
    ),
    (
        lambda: parse_amount("20000000000000", path="$.x"),
        "$.x",
        Decimal("20000000000000"),
        "绝对值不超过10^12的金额",
        "an amount of magnitude at most 10^12",
    ),
    (lambda: Amount(10**13), "$", 10**13, "绝对值不超过10^12的金额", "an amount of magnitude at most 10^12"),
    (lambda: Amount(1).rounded(13), "$", 13, "0到12之间的小数位数", "a number of places from 0 to 12"),
    (lambda: Percent.parse(5), "$", 5, "百分比文字", "text of a percentage"),  # type: ignore[arg-type]
    (
        lambda: Percent.parse("abc%"),
        "$",
        "abc",
        "百分比（十进制数字，如 874.63）",
        "a percentage (a decimal number such as 874.63)",
    ),
    (
        lambda: Percent("x"),
        "$",
        "x",
        "百分比（十进制数字，如 874.63）",
        "a percentage (a decimal number such as 874.63)",
    ),
    (lambda: Percent.ratio(Amount(1), Amount("0.00")), "$", "0.00", "非零的基数", "a non-zero base"),
    (lambda: Amount(1) / Amount("0.0"), "$", "0.0", "非零的除数金额", "a non-zero divisor"),
    (
        lambda: Amount.from_yuan("1 元"),
        "$",
        "1 元",
        "以元计的金额（十进制数字，如 874.63）",
        "an amount in 元 (a decimal number such as 874.63)",
    ),
    (
        lambda: Amount(1) * Decimal("Infinity"),
        "$",
        Decimal("Infinity"),
        "有限的乘数（不接受NaN或无穷大）",
        "a finite a multiplier (not NaN or Infinity)",
    ),
    (lambda: shares([]), "$", (), "至少一个组成部分", "at least one part"),
    (lambda: shares([Amount(1), 2]), "$[1]", 2, "金额（Amount）", "an Amount"),  # type: ignore[list-item]
    (lambda: shares([Amount(1), Amount(-1)]), "$[1]", "-1", "非负金额", "a non-negative amount"),
    (
        lambda: shares([Amount(0), Amount("0.0")]),
        "$",
        ["0", "0.0"],
        "合计不为零的组成部分",
        "parts whose total is not zero",
    ),
    (
        lambda: shares([Amount(1)], method="hare"),  # type: ignore[arg-type]
        "$",
        "hare",
        "分配方法 adjust_largest 或 largest_remainder",
        "method 'adjust_largest' or 'largest_remainder'",
    ),
    (lambda: Change(1, Amount(1)), "$.previous", 1, "金额（Amount）", "an Amount"),  # type: ignore[arg-type]
    (lambda: Change(Amount(1), "2"), "$.current", "2", "金额（Amount）", "an Amount"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("call", "path", "found", "expected_zh", "expected_en"), REFUSALS)
def test_every_refusal_says_where_what_and_what_was_expected(
    call: Callable[[], object], path: str, found: object, expected_zh: str, expected_en: str
) -> None:
    with pytest.raises(InvalidValue) as info:
        call()
    err = info.value
    assert (err.path, err.found) == (path, found)
    assert (err.expected_zh, err.expected_en) == (expected_zh, expected_en)
    assert err.zh.startswith(f"{path}：应为{expected_zh}")
    assert err.en.startswith(f"{path}: expected {expected_en}")


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
