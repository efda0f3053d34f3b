"""The rounding-aware comparison of ``budgetacct.auditing.check``, driven on a bare ``Checker``.

A printed figure stands for an interval of ±half a unit of its last place (0.005 万元 for two
decimals); an identity that holds only thanks to rounding is a note, one that cannot hold is the
rule's severity; exact ledgers use tolerance 0.  Every finding carries its figures as text; the
tests state them by hand and compare the message texts with the module's snapshot file.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_FLOOR, Decimal, localcontext

import pytest

from budgetacct import Amount, Disclosure, Percent, Severity, StatedChange
from budgetacct.auditing import REGISTRY
from budgetacct.auditing.check import Checker
from budgetacct.auditing.finding import Finding, Message
from budgetacct.model.disclosure import SourceLine
from budgetacct.model.enums import RevenueSource
from budgetacct.money import Direction

A = Amount
P = Percent
E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTE
INC, DEC, FLAT = Direction.INCREASE, Direction.DECREASE, Direction.FLAT


def checker(*, exact: bool = False, rule: str = "R1") -> Checker:
    c = Checker(Disclosure(year=2021, department="x"), exact=exact)
    c.rule = REGISTRY[rule]
    return c


def figures(f: Finding) -> tuple[object, ...]:
    return (f.severity, f.path, f.expected, f.actual, f.difference, f.tolerance)


def run(method: str, *args: object, exact: bool = False, rule: str = "R1", **kw: object) -> list[Finding]:
    c = checker(exact=exact, rule=rule)
    getattr(c, method)(*args, **kw)
    for f in c.findings:
        assert f.rule == rule
    return c.findings


def one(method: str, *args: object, **kw: object) -> Finding:
    found = run(method, *args, **kw)
    assert len(found) == 1, found
    return found[0]


# --- half ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "half"),
    [("10", "0.005"), ("10.0", "0.005"), ("10.00", "0.005"), ("10.000", "0.0005"), ("1.0000", "0.00005")],
)
def test_half_a_unit_of_the_last_printed_place_at_least_two_places(text: str, half: str) -> None:
    assert checker().half(A(text)) == Decimal(half)
    assert checker(exact=True).half(A(text)) == 0


# --- equal -----------------------------------------------------------------------------------


def test_equal_is_silent_when_the_sum_matches() -> None:
    assert run("equal", "$.t", A("10.00"), [A("4.00"), ("$.b", A("6.00"))], "合计", "total") == []
    assert run("equal", "$.t", A("10.00"), [A("4.00"), A("6.00")], "合计", "total", exact=True) == []


def test_equal_within_rounding_is_a_note_with_its_figures(messages: Callable[..., None]) -> None:
    f = one("equal", "$.t", A("10.01"), [A("5.00"), ("$.b", A("5.00"))], "合计", "total")
    assert figures(f) == (N, "$.t", "10", "10.01", "0.01", "0.015")
    messages(f)


def test_equal_negative_difference_within_rounding_is_a_note() -> None:
    f = one("equal", "$.t", A("9.99"), [A("3.33"), A("3.33"), A("3.34")], "合计", "total")
    assert figures(f) == (N, "$.t", "10", "9.99", "-0.01", "0.02")


def test_equal_exactly_at_the_tolerance_is_a_note_just_above_is_the_rule_severity() -> None:
    at = one("equal", "$.t", A("1.001"), [A("1.000")], "合计", "total")
    assert figures(at) == (N, "$.t", "1", "1.001", "0.001", "0.001")
    below = one("equal", "$.t", A("0.999"), [A("1.000")], "合计", "total")
    assert figures(below) == (N, "$.t", "1", "0.999", "-0.001", "0.001")
    above = one("equal", "$.t", A("1.002"), [A("1.000")], "合计", "total")
    assert figures(above) == (E, "$.t", "1", "1.002", "0.002", "0.001")
    low = one("equal", "$.t", A("0.998"), [A("1.000")], "合计", "total")
    assert figures(low) == (E, "$.t", "1", "0.998", "-0.002", "0.001")


def test_equal_beyond_rounding_names_expected_found_and_difference(messages: Callable[..., None]) -> None:
    f = one("equal", "$.t", A("10.02"), [A("5.00"), A("5.00")], "合计", "total")
    assert figures(f) == (E, "$.t", "10", "10.02", "0.02", "0.015")
    messages(f)


def test_equal_in_exact_mode_has_zero_tolerance() -> None:
    f = one("equal", "$.t", A("10.01"), [A("5.00"), A("5.00")], "合计", "total", exact=True)
    assert figures(f) == (E, "$.t", "10", "10.01", "0.01", "0")


def test_equal_severity_override_and_rule_severity() -> None:
    f = one("equal", "$.t", A("10.02"), [A("10.00")], "合计", "total", severity=W)
    assert f.severity is W
    assert one("equal", "$.t", A("10.02"), [A("10.00")], "合计", "total", rule="R30").severity is W
    assert one("equal", "$.t", A("10.02"), [A("10.00")], "合计", "total", rule="R7").severity is N
    # the override does not turn a rounding note into anything else
    assert one("equal", "$.t", A("10.01"), [A("10.00")], "合计", "total", severity=E).severity is N


def test_equal_skips_when_a_figure_is_not_printed() -> None:
    assert run("equal", "$.t", None, [A("1.00")], "合计", "total") == []
    assert run("equal", "$.t", A("9.00"), [A("1.00"), None], "合计", "total") == []
    assert run("equal", "$.t", A("9.00"), [None, A("1.00")], "合计", "total") == []


# --- equal_to_lines / note_or_fail ----------------------------------------------------------


def test_equal_to_lines_compares_the_total_with_the_lines_amounts(messages: Callable[..., None]) -> None:
    lines = [SourceLine(RevenueSource.GENERAL_BUDGET, A("4.00")), SourceLine(RevenueSource.OTHER, A("6.00"))]
    assert run("equal_to_lines", "$.t", A("10.00"), lines, "合计", "total") == []
    f = one("equal_to_lines", "$.t", A("10.02"), lines, "合计", "total")
    assert figures(f) == (E, "$.t", "10", "10.02", "0.02", "0.015")
    messages(f)


def test_equal_to_lines_skips_a_breakdown_without_lines() -> None:
    # No lines is a breakdown not printed, not a breakdown that sums to zero.
    assert run("equal_to_lines", "$.t", A("10.00"), [], "合计", "total") == []


def test_note_or_fail_within_rounding_is_a_note_else_the_rule_or_given_severity() -> None:
    note, failure = Message("尾数", "rounding"), Message("不符", "differs")
    f = one("note_or_fail", True, "$.x", note, failure, actual="1")
    assert (f.severity, f.path, f.actual, f.message) == (N, "$.x", "1", note)
    f = one("note_or_fail", False, "$.x", note, failure, expected="2", actual="1")
    assert (f.severity, f.expected, f.actual, f.message) == (E, "2", "1", failure)
    assert one("note_or_fail", False, "$.x", note, failure, rule="R30").severity is W
    assert one("note_or_fail", False, "$.x", note, failure, severity=W).severity is W
    assert one("note_or_fail", True, "$.x", note, failure, severity=E).severity is N


# --- not_above -------------------------------------------------------------------------------


def test_not_above_allows_rounding_of_both_figures(messages: Callable[..., None]) -> None:
    assert run("not_above", "$.p", A("9.00"), A("10.00"), "部分", "part") == []
    assert run("not_above", "$.p", A("10.01"), A("10.00"), "部分", "part") == []
    f = one("not_above", "$.p", A("10.02"), A("10.00"), "部分", "part")
    assert figures(f) == (E, "$.p", "≤10", "10.02", "0.02", "0.01")
    messages(f)


def test_not_above_exact_mode_and_severity() -> None:
    assert run("not_above", "$.p", A("10.00"), A("10.00"), "部分", "part", exact=True) == []
    f = one("not_above", "$.p", A("10.01"), A("10.00"), "部分", "part", exact=True)
    assert figures(f) == (E, "$.p", "≤10", "10.01", "0.01", "0")
    assert one("not_above", "$.p", A("11"), A("10"), "部分", "part", severity=W).severity is W
    assert one("not_above", "$.p", A("11"), A("10"), "部分", "part", rule="R30").severity is W


def test_not_above_skips_missing_figures() -> None:
    assert run("not_above", "$.p", None, A("1.00"), "部分", "part") == []
    assert run("not_above", "$.p", A("5.00"), None, "部分", "part") == []


# --- ratio_range / percent_of ----------------------------------------------------------------


def test_ratio_range_spans_the_rounding_intervals() -> None:
    with localcontext() as ctx:
        ctx.prec = 40
        low = Decimal("99.5") / Decimal("3.005")
        high = Decimal("100.5") / Decimal("2.995")
        zero_high = Decimal("0.5") / Decimal("0.995")
    assert checker().ratio_range(A("1.00"), A("3.00")) == (low, high)
    assert checker(exact=True).ratio_range(A("1.00"), A("4.00")) == (25, 25)
    assert checker().ratio_range(A("0.00"), A("1.00")) == (0, zero_high)
    assert checker().ratio_range(A("1.00"), A("0.00")) is None
    assert checker(exact=True).ratio_range(A("1.00"), A("0.00")) is None
    assert checker(exact=True).ratio_range(A("1.00"), A("0.01")) == (10000, 10000)


@pytest.mark.parametrize("printed", ["33.11", "33.33", "33.56"])
def test_percent_inside_the_possible_range_is_silent(printed: str) -> None:
    assert run("percent_of", "$.s", P(printed), A("1.00"), A("3.00"), "占比", "share") == []


@pytest.mark.parametrize(
    ("printed", "difference"),
    [pytest.param("33.09", "-0.24", id="below"), pytest.param("33.57", "0.24", id="above")],
)
def test_percent_outside_the_possible_range_is_an_error(
    printed: str, difference: str, messages: Callable[..., None]
) -> None:
    f = one("percent_of", "$.s", P(printed), A("1.00"), A("3.00"), "占比", "share")
    assert figures(f) == (E, "$.s", "33.33", printed, difference, "0.225")
    messages(f)


def test_percent_exact_mode_has_zero_tolerance_and_keeps_printed_places() -> None:
    assert run("percent_of", "$.s", P("33.33"), A("1"), A("3"), "占比", "share", exact=True) == []
    f = one("percent_of", "$.s", P("33.34"), A("1"), A("3"), "占比", "share", exact=True)
    assert figures(f) == (E, "$.s", "33.33", "33.34", "0.01", "0")
    assert run("percent_of", "$.s", P("33.333"), A("1"), A("3"), "占比", "share", exact=True) == []
    f = one("percent_of", "$.s", P("33.334"), A("1"), A("3"), "占比", "share", exact=True)
    assert figures(f) == (E, "$.s", "33.333", "33.334", "0.001", "0")
    assert run("percent_of", "$.s", P("50"), A("1"), A("2"), "占比", "share", exact=True) == []


def test_percent_uses_the_rule_severity() -> None:
    f = one("percent_of", "$.s", P("40"), A("1"), A("3"), "占比", "share", rule="R30")
    assert f.severity is W


def test_forced_adjustment_of_one_cent_is_a_note_only_in_an_adjusted_group(
    messages: Callable[..., None],
) -> None:
    for printed, difference, way in (("33.34", "0.01", 1), ("33.32", "-0.01", -1)):
        f = one(
            "percent_of", "$.s", P(printed), A("1"), A("3"), "占比", "share", exact=True, adjusted_towards=way
        )
        assert figures(f) == (N, "$.s", "33.33", printed, difference, "0")
        messages(f)
        assert one("percent_of", "$.s", P(printed), A("1"), A("3"), "占比", "share", exact=True).severity is E
        # Off the other way from the one its group needed: no adjustment, an error.
        wrong = one(
            "percent_of",
            "$.s",
            P(printed),
            A("1"),
            A("3"),
            "占比",
            "share",
            exact=True,
            adjusted_towards=-way,
        )
        assert wrong.severity is E
    for printed, way in (("33.35", 1), ("33.31", -1)):
        f = one(
            "percent_of", "$.s", P(printed), A("1"), A("3"), "占比", "share", exact=True, adjusted_towards=way
        )
        assert f.severity is E


def test_percent_of_a_base_printed_as_zero(messages: Callable[..., None]) -> None:
    # 0.01 / 0.005 (the largest true base) → at least 100%
    f = one("percent_of", "$.s", P("100"), A("0.01"), A("0.00"), "占比", "share")
    assert figures(f) == (N, "$.s", "≥100", "100", None, "0.005")
    messages(f)
    f = one("percent_of", "$.s", P("150"), A("0.01"), A("0.00"), "占比", "share")
    assert figures(f) == (N, "$.s", "≥100", "150", None, "0.005")
    f = one("percent_of", "$.s", P("99.99"), A("0.01"), A("0.00"), "占比", "share")
    assert figures(f) == (E, "$.s", "≥100", "99.99", None, "0.005")
    messages(f)
    assert one("percent_of", "$.s", P("1"), A("0.01"), A("0"), "占比", "share", rule="R30").severity is W


def test_percent_of_a_zero_base_floor_clamps_the_part_and_keeps_printed_places() -> None:
    f = one("percent_of", "$.s", P("0"), A("0.00"), A("0.00"), "占比", "share")
    assert figures(f) == (N, "$.s", "≥0", "0", None, "0.005")
    # (0.00000013 − 0.000000005) × 100 / 0.0005 = 0.025
    f = one("percent_of", "$.s", P("0.025"), A("0.00000013"), A("0.000"), "占比", "share")
    assert figures(f) == (N, "$.s", "≥0.025", "0.025", None, "0.0005")
    f = one("percent_of", "$.s", P("0.02"), A("0.00000013"), A("0.000"), "占比", "share")
    assert figures(f) == (E, "$.s", "≥0.03", "0.02", None, "0.0005")


def test_percent_of_a_base_that_is_zero_or_below(messages: Callable[..., None]) -> None:
    for whole, exact in ((A("0"), True), (A("0.00"), True), (A("-1.00"), False), (A("-1.00"), True)):
        f = one("percent_of", "$.s", P("5"), A("1.00"), whole, "占比", "share", exact=exact)
        assert figures(f) == (E, "$.s", "无 / none", "5", None, None)
        messages(f)
    assert (
        one("percent_of", "$.s", P("5"), A("1"), A("0"), "占比", "share", exact=True, rule="R30").severity
        is W
    )


def test_percent_of_skips_missing_figures() -> None:
    assert run("percent_of", "$.s", None, A("1"), A("3"), "占比", "share") == []
    assert run("percent_of", "$.s", P("1"), None, A("3"), "占比", "share") == []
    assert run("percent_of", "$.s", P("1"), A("1"), None, "占比", "share") == []


def test_percent_of_a_zero_part_is_zero_not_negative() -> None:
    assert run("percent_of", "$.s", P("0"), A("0.00"), A("1.00"), "占比", "share") == []
    f = one("percent_of", "$.s", P("-0.10"), A("0.00"), A("1.00"), "占比", "share")
    assert f.severity is E


# --- shares ----------------------------------------------------------------------------------


def items(*shares: str | None, amount: str = "1.00") -> list[tuple[str, Amount, Percent | None]]:
    return [(f"$.i[{i}]", A(amount), None if s is None else P(s)) for i, s in enumerate(shares)]


def test_shares_skip_without_whole_or_printed_shares() -> None:
    assert run("shares", "$.g", None, items("10", "20"), "构成", "mix") == []
    assert run("shares", "$.g", A("3.00"), items(None, None), "构成", "mix") == []


def test_shares_summing_within_the_slack_are_silent() -> None:
    assert run("shares", "$.g", A("3.00"), items("33.33", "33.33", "33.33"), "构成", "mix") == []
    assert run("shares", "$.g", A("3.00"), items("33.33", "33.33", "33.34"), "构成", "mix") == []
    assert run("shares", "$.g", A("3.00"), items("33.34", "33.34", "33.33"), "构成", "mix") == []


def test_shares_sum_beyond_the_slack_is_reported_on_the_group(messages: Callable[..., None]) -> None:
    f = one("shares", "$.g", A("3.00"), items("33.32", "33.32", "33.34"), "构成", "mix")
    assert figures(f) == (E, "$.g", "100", "99.98", "-0.02", "0.01")
    messages(f)
    f = one("shares", "$.g", A("3.00"), items("33.35", "33.35", "33.32"), "构成", "mix")
    assert figures(f) == (E, "$.g", "100", "100.02", "0.02", "0.01")
    # two items: slack 0.005
    f = one("shares", "$.g", A("2.00"), items("49.70", "50.20"), "构成", "mix")
    assert figures(f) == (E, "$.g", "100", "99.9", "-0.1", "0.005")
    f = one("shares", "$.g", A("2.00"), items("49.99", "50.00"), "构成", "mix")
    assert figures(f) == (E, "$.g", "100", "99.99", "-0.01", "0.005")


def test_a_single_share_or_a_partly_printed_group_has_no_sum_check() -> None:
    assert run("shares", "$.g", A("2.00"), items("50"), "构成", "mix") == []
    assert run("shares", "$.g", A("3.00"), items("33.33", "33.33", None), "构成", "mix") == []


def test_shares_forced_adjustment_only_when_the_group_sums_to_100(messages: Callable[..., None]) -> None:
    f = one("shares", "$.g", A("3"), items("33.33", "33.33", "33.34", amount="1"), "构成", "mix", exact=True)
    assert figures(f) == (N, "$.i[2].share", "33.33", "33.34", "0.01", "0")
    messages(f)
    found = run(
        "shares", "$.g", A("3"), items("33.33", "33.34", "33.34", amount="1"), "构成", "mix", exact=True
    )
    assert [figures(f) for f in found] == [
        (E, "$.i[1].share", "33.33", "33.34", "0.01", "0"),
        (E, "$.i[2].share", "33.33", "33.34", "0.01", "0"),
    ]
    found = run("shares", "$.g", A("3"), items("33.33", "33.34", None, amount="1"), "构成", "mix", exact=True)
    assert [figures(f) for f in found] == [(E, "$.i[1].share", "33.33", "33.34", "0.01", "0")]


def test_shares_outside_0_to_100_are_refused_without_a_percentage_check(
    messages: Callable[..., None],
) -> None:
    found = run("shares", "$.g", A("2.00"), items("101", "-1", "0", "100"), "构成", "mix")
    assert [figures(f) for f in found[:2]] == [
        (E, "$.i[0].share", "0–100", "101", None, None),
        (E, "$.i[1].share", "0–100", "-1", None, None),
    ]
    messages(found[0])
    # 0 % of 1 and 100 % of 1 (of 2) are wrong percentages; the shares total 200 %
    assert [f.path for f in found] == ["$.i[0].share", "$.i[1].share", "$.i[2].share", "$.i[3].share", "$.g"]
    g = [(f"$.i[{i}]", A(a), P(s)) for i, (a, s) in enumerate([("0", "0"), ("2", "100")])]
    assert run("shares", "$.g", A("2"), g, "构成", "mix", exact=True) == []


# --- change ----------------------------------------------------------------------------------


def sc(
    direction: Direction, amount: str | None = None, rate: str | None = None, previous: str | None = None
) -> StatedChange:
    return StatedChange(
        direction,
        amount=None if amount is None else A(amount),
        rate=None if rate is None else P(rate),
        previous=None if previous is None else A(previous),
    )


def test_change_skips_when_nothing_to_compare() -> None:
    assert run("change", "$.c", None, sc(INC, "1", "1"), "变动", "change") == []
    assert run("change", "$.c", A("1"), None, "变动", "change") == []
    assert run("change", "$.c", A("110"), sc(INC, rate="99"), "变动", "change") == []
    assert run("change", "$.c", A("110"), sc(INC, "10", None, "100"), "变动", "change") == []
    assert run("change", "$.c", A("110"), sc(INC, None, None, "100"), "变动", "change") == []


@pytest.mark.parametrize(
    ("direction", "current", "previous", "word"),
    [
        pytest.param(DEC, "110.00", "100.00", "增加", id="rose-printed-fell"),
        pytest.param(INC, "90.00", "100.00", "减少", id="fell-printed-rose"),
        pytest.param(INC, "100.00", "100.02", "减少", id="fell-by-rounding-printed-rose"),
        pytest.param(DEC, "100.02", "100.00", "增加", id="rose-by-rounding-printed-fell"),
    ],
)
def test_change_direction_word_against_the_sign(
    direction: Direction, current: str, previous: str, word: str, messages: Callable[..., None]
) -> None:
    f = one("change", "$.c", A(current), sc(direction, previous=previous), "变动", "change")
    assert figures(f) == (E, "$.c.direction", word, direction.value, None, None)
    messages(f)


def test_change_direction_within_rounding_is_accepted() -> None:
    assert run("change", "$.c", A("100.00"), sc(INC, previous="100.01"), "变动", "change") == []
    assert run("change", "$.c", A("100.01"), sc(DEC, previous="100.00"), "变动", "change") == []
    assert run("change", "$.c", A("100.00"), sc(INC, previous="100.00"), "变动", "change") == []
    assert run("change", "$.c", A("100.00"), sc(DEC, previous="100.00"), "变动", "change") == []
    assert run("change", "$.c", A("100.01"), sc(INC, previous="100.00"), "变动", "change", exact=True) == []
    f = one("change", "$.c", A("100.01"), sc(DEC, previous="100.00"), "变动", "change", exact=True)
    assert (f.expected, f.actual) == ("增加", "减少")
    f = one("change", "$.c", A("100.00"), sc(INC, previous="100.01"), "变动", "change", exact=True)
    assert (f.expected, f.actual) == ("减少", "增加")


def test_change_equal_figures_in_exact_mode_are_flat() -> None:
    for direction in (INC, DEC):
        f = one("change", "$.c", A("100"), sc(direction, "0", "0", "100"), "变动", "change", exact=True)
        assert figures(f) == (E, "$.c.direction", "持平", direction.value, None, None)


def test_change_amount_against_the_stated_previous(messages: Callable[..., None]) -> None:
    assert run("change", "$.c", A("110.00"), sc(INC, "10.00", previous="100.00"), "变动", "change") == []
    assert run("change", "$.c", A("90.00"), sc(DEC, "10.00", previous="100.00"), "变动", "change") == []
    f = one("change", "$.c", A("110.00"), sc(INC, "10.01", previous="100.00"), "变动", "change")
    assert figures(f) == (N, "$.c.amount", "10", "10.01", "0.01", "0.015")
    messages(f)
    f = one("change", "$.c", A("90.00"), sc(DEC, "9.99", previous="100.00"), "变动", "change")
    assert figures(f) == (N, "$.c.amount", "10", "9.99", "-0.01", "0.015")
    f = one("change", "$.c", A("110.00"), sc(INC, "10.02", previous="100.00"), "变动", "change")
    assert figures(f) == (E, "$.c.amount", "10", "10.02", "0.02", "0.015")
    messages(f)
    f = one("change", "$.c", A("90.00"), sc(DEC, "9.98", previous="100.00"), "变动", "change", rule="R30")
    assert figures(f) == (W, "$.c.amount", "10", "9.98", "-0.02", "0.015")
    f = one("change", "$.c", A("110"), sc(INC, "10.01", previous="100"), "变动", "change", exact=True)
    assert figures(f) == (E, "$.c.amount", "10", "10.01", "0.01", "0")


def test_change_amount_exactly_at_the_tolerance_is_a_note() -> None:
    # halves 0.005 + 0.0005 + 0.0005 = 0.006
    f = one("change", "$.c", A("110.004"), sc(INC, "10.01", previous="100.000"), "变动", "change")
    assert figures(f) == (N, "$.c.amount", "10.004", "10.01", "0.006", "0.006")
    f = one("change", "$.c", A("110.003"), sc(INC, "10.01", previous="100.000"), "变动", "change")
    assert figures(f) == (E, "$.c.amount", "10.003", "10.01", "0.007", "0.006")
    f = one("change", "$.c", A("110.016"), sc(INC, "10.01", previous="100.000"), "变动", "change")
    assert figures(f) == (N, "$.c.amount", "10.016", "10.01", "-0.006", "0.006")
    f = one("change", "$.c", A("110.017"), sc(INC, "10.01", previous="100.000"), "变动", "change")
    assert figures(f) == (E, "$.c.amount", "10.017", "10.01", "-0.007", "0.006")


@pytest.mark.parametrize("previous", ["100.00", None])
@pytest.mark.parametrize("rate", ["9.99", "10", "10.01"])
def test_change_rate_inside_its_range_is_silent(previous: str | None, rate: str) -> None:
    assert run("change", "$.c", A("110.00"), sc(INC, "10.00", rate, previous), "变动", "change") == []
    # a decrease: −10.01 … −9.99
    assert run("change", "$.c", A("90.00"), sc(DEC, "10.00", rate, previous), "变动", "change") == []


@pytest.mark.parametrize(
    ("direction", "current", "previous", "rate", "difference", "tolerance"),
    [
        pytest.param(INC, "110.00", "100.00", "9.98", "-0.02", "0.01", id="increase-low"),
        pytest.param(INC, "110.00", "100.00", "10.02", "0.02", "0.01", id="increase-high"),
        pytest.param(DEC, "90.00", "100.00", "9.98", "-0.02", "0.01", id="decrease-low"),
        pytest.param(DEC, "90.00", "100.00", "10.02", "0.02", "0.01", id="decrease-high"),
        # implied previous 100 ± 0.01: an increase spans 9.98 … 10.02, a decrease −10.01 … −9.99
        pytest.param(INC, "110.00", None, "9.97", "-0.03", "0.02", id="implied-increase-low"),
        pytest.param(INC, "110.00", None, "10.03", "0.03", "0.02", id="implied-increase-high"),
        pytest.param(DEC, "90.00", None, "9.98", "-0.02", "0.01", id="implied-decrease-low"),
        pytest.param(DEC, "90.00", None, "10.02", "0.02", "0.01", id="implied-decrease-high"),
    ],
)
def test_change_rate_outside_its_range(
    direction: Direction,
    current: str,
    previous: str | None,
    rate: str,
    difference: str,
    tolerance: str,
    messages: Callable[..., None],
) -> None:
    f = one("change", "$.c", A(current), sc(direction, "10.00", rate, previous), "变动", "change")
    assert figures(f) == (E, "$.c.rate", "10", rate, difference, tolerance)
    messages(f)


def test_change_rate_with_the_wrong_sign_is_reported() -> None:
    # implied previous 120: the figure fell by 8.33 % although “增加” was printed … but the
    # direction cannot be checked without a previous, so the rate is compared with the sign.
    assert run("change", "$.c", A("110.00"), sc(DEC, "10.00", "8.33"), "变动", "change") == []
    f = one("change", "$.c", A("110.00"), sc(DEC, "10.00", "10"), "变动", "change")
    assert figures(f)[:4] == (E, "$.c.rate", "8.33", "10")


def test_change_rate_exact_mode_and_printed_places() -> None:
    assert run("change", "$.c", A("110"), sc(INC, None, "10", "100"), "变动", "change", exact=True) == []
    f = one("change", "$.c", A("110"), sc(INC, None, "10.01", "100"), "变动", "change", exact=True)
    assert figures(f) == (E, "$.c.rate", "10", "10.01", "0.01", "0")
    assert (
        run("change", "$.c", A("110.005"), sc(INC, None, "10.005", "100"), "变动", "change", exact=True) == []
    )
    f = one("change", "$.c", A("110.005"), sc(INC, None, "10.004", "100"), "变动", "change", exact=True)
    assert figures(f) == (E, "$.c.rate", "10.005", "10.004", "-0.001", "0")


def test_change_rate_undefined_when_previous_may_be_zero(messages: Callable[..., None]) -> None:
    for current, stated, exact in (
        (A("10.00"), sc(INC, None, "5", "0.00"), False),
        (A("10"), sc(INC, None, "5", "0"), True),
        (A("10.00"), sc(INC, "10.01", "5"), False),  # implied previous −0.01 ± 0.01
    ):
        f = one("change", "$.c", current, stated, "变动", "change", exact=exact)
        assert figures(f) == (E, "$.c.rate", "无 / none", "5", None, None)
        messages(f)
    assert run("change", "$.c", A("10.00"), sc(INC, None, "99900", "0.01"), "变动", "change") == []
    assert run("change", "$.c", A("10.00"), sc(INC, "9.98", "50000"), "变动", "change") == []
    assert run("change", "$.c", A("10"), sc(INC, None, "99900", "0.01"), "变动", "change", exact=True) == []


def test_change_rate_on_an_implied_previous_that_may_be_almost_nothing() -> None:
    # implied previous 0.01 ± 0.01: at most 0.02, so the rise is at least 49,875% — 5% is wrong,
    # while 99,900% (a previous of 0.01) or any larger rate is possible
    f = one("change", "$.c", A("10.00"), sc(INC, "9.99", "5"), "变动", "change")
    assert figures(f) == (E, "$.c.rate", "99900", "5", "-99895", "25")
    assert f.message.zh == "变动：增减率应为99900%，实为5%"
    assert run("change", "$.c", A("10.00"), sc(INC, "9.99", "99900"), "变动", "change") == []
    assert run("change", "$.c", A("10.00"), sc(INC, "9.99", "5000000"), "变动", "change") == []


def test_change_implied_previous_below_zero_is_impossible(messages: Callable[..., None]) -> None:
    # an increase larger than the current figure: previous = current − amount < 0
    f = one("change", "$.c", A("10.00"), sc(INC, "10.02", "5"), "变动", "change")
    assert figures(f) == (E, "$.c.amount", None, "10.02", None, None)
    messages(f)
    assert run("change", "$.c", A("10.00"), sc(INC, "10.01"), "变动", "change") == []
    assert run("change", "$.c", A("10.00"), sc(DEC, "20.00", "66.67"), "变动", "change") == []
    f = one("change", "$.c", A("10"), sc(INC, "10.01"), "变动", "change", exact=True)
    assert f.path == "$.c.amount"
    assert one("change", "$.c", A("10"), sc(INC, "11"), "变动", "change", rule="R30").severity is W


# --- flat ------------------------------------------------------------------------------------


def test_flat_without_figures_is_silent() -> None:
    assert run("change", "$.c", A("10"), StatedChange.flat(), "变动", "change") == []
    assert run("change", "$.c", A("10"), sc(FLAT, "0", "0"), "变动", "change", exact=True) == []
    assert run("change", "$.c", A("10.00"), sc(FLAT, "0.00", "0.00", "10.00"), "变动", "change") == []


def test_flat_with_a_change_amount_or_rate(messages: Callable[..., None]) -> None:
    found = run("change", "$.c", A("10"), sc(FLAT, "0.01", "0.5"), "变动", "change")
    assert [figures(f) for f in found] == [
        (E, "$.c.direction", "0", "0.01", None, None),
        (E, "$.c.direction", "0", "0.5", None, None),
    ]
    messages(found[0])
    messages(found[1])
    f = one("change", "$.c", A("10"), sc(FLAT, "0.001"), "变动", "change")
    assert figures(f) == (E, "$.c.direction", "0", "0.001", None, None)
    assert one("change", "$.c", A("10"), sc(FLAT, "0.01"), "变动", "change", exact=True).actual == "0.01"
    assert one("change", "$.c", A("10"), sc(FLAT, None, "0.01"), "变动", "change", rule="R30").severity is W


def test_flat_against_the_previous_figure(messages: Callable[..., None]) -> None:
    f = one("change", "$.c", A("100.00"), sc(FLAT, previous="100.01"), "变动", "change")
    assert figures(f) == (N, "$.c.direction", None, None, "-0.01", "0.01")
    messages(f)
    f = one("change", "$.c", A("100.01"), sc(FLAT, previous="100.00"), "变动", "change")
    assert figures(f) == (N, "$.c.direction", None, None, "0.01", "0.01")
    for current, word, difference in (("100.00", "减少", "-0.02"), ("100.04", "增加", "0.02")):
        f = one(
            "change",
            "$.c",
            A(current),
            sc(FLAT, previous="100.02"),
            "变动",
            "change",
        )
        assert figures(f) == (E, "$.c.direction", word, "持平", difference, "0.01")
        messages(f)
    f = one("change", "$.c", A("100.01"), sc(FLAT, previous="100"), "变动", "change", exact=True)
    assert figures(f) == (E, "$.c.direction", "增加", "持平", "0.01", "0")
    assert run("change", "$.c", A("100"), sc(FLAT, previous="100.00"), "变动", "change", exact=True) == []
    assert one("change", "$.c", A("9"), sc(FLAT, previous="10"), "变动", "change", rule="R30").severity is W


# --- text of the figures, decimal context ----------------------------------------------------


def test_a_fresh_checker_has_no_rule_and_no_findings() -> None:
    c = Checker(Disclosure(year=2021, department="x"), exact=False)
    assert (c.rule, c.findings, c.exact) == (None, [], False)


def test_a_negative_zero_is_written_0(messages: Callable[..., None]) -> None:
    f = one("not_above", "$.p", A("-0.00"), A("-1.00"), "部分", "part", exact=True)
    assert figures(f) == (E, "$.p", "≤-1", "0", "1", "0")
    messages(f)


def test_the_checker_never_reads_the_global_decimal_context() -> None:
    with localcontext() as ctx:
        ctx.prec = 6
        ctx.rounding = ROUND_FLOOR
        f = one("equal", "$.t", A("1234.567"), [A("1234.560")], "合计", "total", exact=True)
        assert (f.actual, f.difference) == ("1234.567", "0.007")
        # 2/3 rounds half-up to 66.67, not down to 66.66
        assert run("percent_of", "$.s", P("66.67"), A("2"), A("3"), "占比", "share", exact=True) == []
    with localcontext() as ctx:
        ctx.prec = 3
        assert run("percent_of", "$.s", P("33.33"), A("1"), A("3"), "占比", "share", exact=True) == []
