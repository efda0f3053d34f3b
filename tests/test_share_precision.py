"""A share or a completion rate printed to fewer than two decimal places (“占25.4%”, “完成率98%”)
is checked at the precision it prints, as a change rate is (R38, ``test_rate_precision.py``):
right there but not to two places, it is a note on the precision; wrong there, an error."""

from __future__ import annotations

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from _rule_cases import A, P, disclosure, findings, fl, row, src
from budgetacct.auditing import REGISTRY
from budgetacct.auditing.check import Checker
from budgetacct.model import GeneralBudget, Revenue, RevenueSource
from budgetacct.model.enums import Severity

GENERAL, OTHER = RevenueSource.GENERAL_BUDGET, RevenueSource.OTHER


def _revenue(total: str, *lines: tuple[RevenueSource, str, str]) -> list[tuple[object, ...]]:
    d = disclosure(revenue=Revenue(total=A(total), lines=tuple(src(*line) for line in lines)))
    return [row(f) for f in findings(d, "R37")]


def test_a_share_right_at_one_place_is_a_note_on_the_precision() -> None:
    # 25.43 of 100 is 25.43 %: “25.4%” is right to one place.
    d = disclosure(revenue=Revenue(total=A("100.00"), lines=(src(GENERAL, "25.43", "25.4"),)))
    (finding,) = findings(d, "R37")
    assert (finding.severity, finding.path, finding.expected, finding.actual, finding.difference) == (
        Severity.NOTE,
        "$.revenue.lines[0].share",
        "25.43",
        "25.4",
        "-0.03",
    )
    assert finding.message.zh.endswith("百分比25.4%只印到1位小数，两位小数为25.43%")
    assert finding.message.en.endswith(
        "the percentage 25.4% is printed to 1 decimal places; to two it is 25.43%"
    )


def test_a_share_printed_to_one_place_that_is_also_right_to_two_has_no_finding() -> None:
    assert _revenue("100.00", (GENERAL, "25.40", "25.4"), (OTHER, "74.60", "74.6")) == []


def test_a_share_wrong_at_one_place_is_still_an_error() -> None:
    # 25.43 % prints as 25.4 to one place: 25.5 is a slip, not a rounding.
    assert _revenue("100.00", (GENERAL, "25.43", "25.5")) == [
        (Severity.ERROR, "$.revenue.lines[0].share", "25.43", "25.5", "0.07", "0.01")
    ]
    # and 25.46 % prints as 25.5: 25.4 is as wrong.
    assert [r[:2] for r in _revenue("100.00", (GENERAL, "25.46", "25.4"))] == [
        (Severity.ERROR, "$.revenue.lines[0].share")
    ]


def test_a_share_adjusted_by_one_unit_of_its_place_to_total_100_is_a_note() -> None:
    # 33.37 %, 33.37 % and 33.26 % print as 33.4, 33.4 and 33.3 (100.1); 33.3 for the first
    # keeps the total at 100.0.
    lines = (src(GENERAL, "33.37", "33.3"), src(OTHER, "33.37", "33.4"), src(OTHER, "33.26", "33.3"))
    adjusted, *precision = findings(disclosure(revenue=Revenue(total=A("100.00"), lines=lines)), "R37")
    assert (adjusted.severity, adjusted.path) == (Severity.NOTE, "$.revenue.lines[0].share")
    assert "系为使合计为100%所作的尾数调整" in adjusted.message.zh
    # The others are right to one place: notes on the precision only.
    assert [(f.severity, f.path) for f in precision] == [
        (Severity.NOTE, "$.revenue.lines[1].share"),
        (Severity.NOTE, "$.revenue.lines[2].share"),
    ]
    assert all("只印到1位小数" in f.message.zh for f in precision)


def test_shares_to_one_place_may_total_100_within_half_a_unit_each() -> None:
    # Three thirds print as 33.3 each: 99.9 in all is what rounding to one place gives.
    thirds = (
        fl("201", "1.00", share="33.3"),
        fl("205", "1.00", share="33.3"),
        fl("208", "1.00", share="33.3"),
    )
    d = disclosure(general_budget=GeneralBudget(total=A("3.00"), classes=thirds))
    assert findings(d, "R37") == []
    # To two places the same shares leave no room: 99.90 is off by more than 0.01.
    twos = tuple(fl(c, "1.00", share="33.30") for c in ("201", "205", "208"))
    d = disclosure(general_budget=GeneralBudget(total=A("3.00"), classes=twos))
    assert Severity.ERROR in {f.severity for f in findings(d, "R37")}


def test_a_completion_rate_right_at_its_own_precision_is_a_note() -> None:
    # 97.6 of 100: “98%” is right without decimals, “97%” is not.
    def completion(rate: str) -> list[tuple[Severity, str | None]]:
        gb = GeneralBudget(detail_total=A("97.60"), detail_budget=A("100.00"), detail_completion=P(rate))
        return [(f.severity, f.expected) for f in findings(disclosure(general_budget=gb), "R39")]

    assert completion("98") == [(Severity.NOTE, "97.6")]
    assert completion("97.6") == []
    assert completion("97") == [(Severity.ERROR, "97.6")]


_AMOUNT = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2)


@given(part=_AMOUNT, whole=_AMOUNT, places=st.sampled_from([0, 1, 2]), rule=st.sampled_from(["R37", "R39"]))
def test_a_percentage_computed_and_rounded_half_up_is_never_an_error_or_warning(
    part: Decimal, whole: Decimal, places: int, rule: str
) -> None:
    if rule == "R37":  # a share is of a whole that holds it
        part, whole = min(part, whole), max(part, whole)
    printed = (part * 100 / whole).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    c = Checker(disclosure(), exact=False)
    c.rule = REGISTRY[rule]
    c.percent_of("$.x", P(str(printed)), A(str(part)), A(str(whole)), "占比", "share")
    assert [f for f in c.findings if f.severity is not Severity.NOTE] == []


def _r37(total: str, *lines: tuple[RevenueSource, str, str]) -> list[tuple[Severity, str, str]]:
    d = disclosure(revenue=Revenue(total=A(total), lines=tuple(src(*line) for line in lines)))
    return [(f.severity, f.path, f.message.en) for f in findings(d, "R37")]


def test_shares_that_total_100_without_needing_an_adjustment_are_errors() -> None:
    # 24.6 % and 75.4 % round to 25 and 75, already 100: “26” and “74” total 100 too, but both
    # are wrong, and the message quotes the value at the places compared (25, not 24.6).
    assert _r37("100.00", (GENERAL, "24.60", "26"), (OTHER, "75.40", "74")) == [
        (Severity.ERROR, "$.revenue.lines[0].share", "revenue share: expected 25%, found 26%"),
        (Severity.ERROR, "$.revenue.lines[1].share", "revenue share: expected 75%, found 74%"),
    ]


def test_an_adjustment_without_decimals_where_the_roundings_total_99_is_a_note() -> None:
    # 33.33, 33.33 and 33.34 round to 33 each, 99 in all: one “34” closes the gap.
    found = _r37("100.00", (GENERAL, "33.33", "33"), (OTHER, "33.33", "33"), (OTHER, "33.34", "34"))
    assert found == [
        (
            Severity.NOTE,
            "$.revenue.lines[0].share",
            "revenue share: the percentage 33% is printed to 0 decimal places; to two it is 33.33%",
        ),
        (
            Severity.NOTE,
            "$.revenue.lines[1].share",
            "revenue share: the percentage 33% is printed to 0 decimal places; to two it is 33.33%",
        ),
        (
            Severity.NOTE,
            "$.revenue.lines[2].share",
            "revenue share: rounds to 33% but 34% is printed, adjusted so the shares total 100%",
        ),
    ]


def test_shares_moved_both_ways_or_by_more_than_one_unit_are_errors() -> None:
    thirds = ((GENERAL, "33.33"), (OTHER, "33.33"), (OTHER, "33.34"))

    def errors(*printed: str) -> list[str]:
        lines = [(source, amount, share) for (source, amount), share in zip(thirds, printed, strict=True)]
        return [path for severity, path, _ in _r37("100.00", *lines) if severity is Severity.ERROR]

    # The gap of 33 + 33 + 33 = 99 is one unit up: two up and one down is more than it needs.
    assert errors("34", "34", "32") == [f"$.revenue.lines[{i}].share" for i in range(3)]
    # Two units up on one share (and one down on another) is no rounding either.
    assert errors("35", "32", "33") == ["$.revenue.lines[0].share", "$.revenue.lines[1].share"]
    # A share that could close the gap by one unit is still a note, whichever the publisher chose.
    assert errors("34", "33", "33") == []


def test_two_place_shares_moved_where_their_roundings_already_total_100_are_errors() -> None:
    # Two halves round to 50.00 each: “50.01”/“49.99” also total 100, but no adjustment was
    # needed, so neither is one.
    assert _r37("10000.00", (GENERAL, "5000.00", "50.01"), (OTHER, "5000.00", "49.99")) == [
        (Severity.ERROR, "$.revenue.lines[0].share", "revenue share: expected 50%, found 50.01%"),
        (Severity.ERROR, "$.revenue.lines[1].share", "revenue share: expected 50%, found 49.99%"),
    ]
    # Three thirds round to 33.33 each (99.99): one “33.34” closes the gap and is a note.
    found = _r37(
        "10000.00", (GENERAL, "3333.33", "33.34"), (OTHER, "3333.33", "33.33"), (OTHER, "3333.34", "33.33")
    )
    assert [(severity, path) for severity, path, _ in found] == [(Severity.NOTE, "$.revenue.lines[0].share")]


_PARTS = st.lists(
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999.99"), places=2), min_size=2, max_size=6
)


@given(parts=_PARTS, places=st.sampled_from([0, 1, 2]))
def test_shares_rounded_and_adjusted_by_largest_remainder_are_never_an_error_or_warning(
    parts: list[Decimal], places: int
) -> None:
    # What publishers do to total 100: round every share down, then give one unit of the
    # printed place to the shares with the largest remainders until the total is 100.
    whole = sum(parts, Decimal(0))
    unit = Decimal(1).scaleb(-places)
    ratios = [part * 100 / whole for part in parts]
    floors = [ratio.quantize(unit, ROUND_FLOOR) for ratio in ratios]
    missing = int(((100 - sum(floors, Decimal(0))) / unit).quantize(Decimal(1), ROUND_HALF_UP))
    by_remainder = sorted(range(len(parts)), key=lambda i: ratios[i] - floors[i], reverse=True)
    shares = [floor + (unit if i in by_remainder[:missing] else 0) for i, floor in enumerate(floors)]
    assert sum(shares, Decimal(0)) == 100
    c = Checker(disclosure(), exact=False)
    c.rule = REGISTRY["R37"]
    items = [
        (f"$.x[{i}]", A(str(part)), P(str(share)))
        for i, (part, share) in enumerate(zip(parts, shares, strict=True))
    ]
    c.shares("$.x", A(str(whole)), items, "占比", "share")
    assert [f for f in c.findings if f.severity is not Severity.NOTE] == []
