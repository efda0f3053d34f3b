"""A report mostly not read is said to be so (R72): it must never look like a clean one."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from budgetacct.auditing.check import Checker
from budgetacct.model.coverage import LOW_COVERAGE
from budgetacct.model.enums import Severity


def report_mostly_read(c: Checker) -> None:
    coverage = c.coverage
    if coverage is None or not coverage.low:
        return
    ratio = coverage.ratio
    assert ratio is not None  # low implies a ratio
    share = (ratio * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    severity = Severity.ERROR if coverage.unread else Severity.WARNING
    c.emit(
        severity,
        "$",
        f"只读取了报告中{share}%的数字（{coverage.figures_read}个，未能读取{coverage.figures_unread}个）："
        "未读取的部分未经核对，不能据此认为报告无误",
        f"only {share}% of the report's printed figures were read ({coverage.figures_read} read, "
        f"{coverage.figures_unread} not): what was not read was not checked, so the report cannot be called clean",
        expected=f"≥{LOW_COVERAGE * 100:f}%".replace(".00", ""),
        actual=f"{share}%",
    )
