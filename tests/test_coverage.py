"""Coverage travels with every read and audit; a report mostly not read is never clean (R72)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetacct import Disclosure, audit, load_example
from budgetacct.model.coverage import Coverage
from budgetacct.model.enums import Severity


def test_the_ratio_is_read_over_printed_rounded_half_up() -> None:
    assert Coverage(figures_read=2, figures_unread=1).ratio == Decimal("0.6667")
    assert Coverage(figures_read=1, figures_unread=7).ratio == Decimal("0.1250")
    assert Coverage().ratio is None  # nothing printed: no ratio, and not low
    assert not Coverage().low


@pytest.mark.parametrize(
    ("read", "unread", "severity"),
    [
        (80, 20, None),  # 80%: mostly read
        (79, 21, Severity.WARNING),
        (50, 50, Severity.WARNING),
        (49, 51, Severity.ERROR),
        (0, 430, Severity.ERROR),
    ],
)
def test_a_report_mostly_not_read_is_a_finding(read: int, unread: int, severity: Severity | None) -> None:
    coverage = Coverage(figures_read=read, figures_unread=unread)
    report = audit(Disclosure(year=2024, department="示例部门"), coverage=coverage)
    found = report.by_rule("R72")
    assert report.coverage is coverage
    if severity is None:
        assert found == ()
    else:
        (finding,) = found
        assert finding.severity is severity
        assert finding.path == "$"
        assert f"{read}个" in finding.message.zh and f"{unread} not" in finding.message.en


def test_an_unread_report_never_looks_clean() -> None:
    empty = Disclosure(year=2025, department="上海市普陀区财政局")
    assert audit(empty).ok and audit(empty).findings == ()
    report = audit(empty, coverage=Coverage(figures_read=0, figures_unread=430, tables_found=9, pages=24))
    assert not report.ok


def test_without_a_read_there_is_no_coverage_and_no_r72() -> None:
    report = audit(load_example("xiqu-2021"))
    assert report.coverage is None
    assert report.by_rule("R72") == ()


# The rate of a change against a prior printed so small it may be almost nothing (R38/R39).


def _gpb_change(current: str, amount: str, rate: str):  # type: ignore[no-untyped-def]
    from budgetacct import Amount, Percent
    from budgetacct.model import GeneralBudget, StatedChange
    from budgetacct.money import Direction

    change = StatedChange(Direction.INCREASE, amount=Amount(amount), rate=Percent(rate))
    return Disclosure(
        year=2021, department="示例部门", general_budget=GeneralBudget(total=Amount(current), change=change)
    )


def test_a_large_rate_on_a_prior_that_rounds_to_zero_is_possible() -> None:
    # 0.10 now, 0.10 more than last year: last year was under 0.005, so 2,400% (a prior of 0.004) fits
    report = audit(_gpb_change("0.10", "0.10", "2400"))
    assert [f for f in report.findings if f.rule in {"R38", "R39"}] == []


def test_a_small_rate_on_a_prior_that_rounds_to_zero_is_still_an_error() -> None:
    # the prior is at most 0.01 (0.10 − 0.10 within rounding), so the rise is at least 850%
    found = [f for f in audit(_gpb_change("0.10", "0.10", "5")).findings if f.path.endswith(".rate")]
    assert found and found[0].severity is Severity.ERROR
