"""Reading the performance tables (项目支出绩效自评表) for the performance rules (R47–R54, R61–R63).

Amounts are compared with the rounding tolerance of :class:`~budgetacct.auditing.check.Checker`
(±0.005 万元 per printed figure, zero for exact ledgers).  As everywhere in the audit, a figure
that is not printed is not checked.

Where a project's figures come from: 预算数 / 执行数 are ``budget.total`` / ``executed.total``, or
the sum of the printed 财政拨款 and 其他资金 when the total is blank.  Indicators are read with
:data:`~budgetacct.model.indicators.DEFAULT_HIERARCHY` (Sichuan 2021 and central labels).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Final

from budgetacct.auditing.check import Checker
from budgetacct.auditing.rules._common import plain
from budgetacct.model.indicators import (
    DEFAULT_HIERARCHY,
    Classification,
    IndicatorValue,
    Quantity,
)
from budgetacct.model.performance import FundingSplit, Indicator, ProjectEvaluation
from budgetacct.money import Amount

__all__ = [
    "BASE",
    "GROUP",
    "HUNDRED",
    "NINETY",
    "ZERO",
    "below",
    "classify",
    "compact",
    "cost_indicators",
    "deviation_reason",
    "evaluations_of",
    "indicator_rows",
    "is_cost",
    "measured",
    "money_in_wan",
    "plain",
    "score_half",
    "total_of",
]

BASE: Final = "$.performance.evaluations"
ZERO: Final = Decimal(0)
HUNDRED: Final = Decimal(100)
NINETY: Final = Decimal(90)
MONEY_UNITS: Final = frozenset({"元", "万元", "亿元"})
GROUP: Final = "绩效自评表"


def evaluations_of(c: Checker) -> Sequence[ProjectEvaluation]:
    performance = c.d.performance
    return performance.evaluations if performance is not None else ()


def indicator_rows(c: Checker) -> Iterator[tuple[int, ProjectEvaluation, int, Indicator]]:
    """Every indicator row of every project table: the table's index and the table, the row's index and the row."""
    for i, e in enumerate(evaluations_of(c)):
        for j, indicator in enumerate(e.indicators):
            yield i, e, j, indicator


def total_of(c: Checker, split: FundingSplit) -> Amount | None:
    """The printed total, or the sum of the printed parts when the total is blank (with the
    parts' rounding allowance)."""
    if split.total is not None:
        return split.total
    parts = [p for p in (split.fiscal, split.other) if p is not None]
    return c.sum_of(parts) if parts else None


def classify(indicator: Indicator) -> Classification:
    return DEFAULT_HIERARCHY.classify(indicator.level1, indicator.level2)


def is_cost(classification: Classification) -> bool:
    return classification.level1 == "成本指标" or "成本" in classification.level2


def money_in_wan(value: IndicatorValue) -> Amount | None:
    """A money quantity in 万元 (万元, 元 or 亿元, exactly), or ``None``."""
    if not isinstance(value, Quantity) or value.unit not in MONEY_UNITS:
        return None
    if value.unit == "元":
        return Amount.from_yuan(value.number)
    if value.unit == "亿元":
        return Amount(format(value.number.scaleb(4), "f"))
    return Amount(value.number)


# Words around a number that make it an estimate (“约5万元”, “5万元左右”): kept by the parser
# as the value's subject, so that the text is written back as printed.
HEDGES: Final = ("约", "大约", "左右", "≈", "近", "将近", "接近", "上下")


def measured(value: IndicatorValue) -> Amount | None:
    """A money actual that states a measurement (no operator, not “约”, “余”, “左右”)."""
    if isinstance(value, Quantity) and (
        value.operator is not None or value.approximate or (value.subject or "").strip() in HEDGES
    ):
        return None
    return money_in_wan(value)


def below(c: Checker, smaller: Amount, larger: Amount) -> bool:
    """``smaller`` is below ``larger`` beyond the rounding of both."""
    return larger.value - smaller.value > c.half(smaller) + c.half(larger)


def cost_indicators(e: ProjectEvaluation) -> Iterator[tuple[int, Indicator]]:
    for j, indicator in enumerate(e.indicators):
        if is_cost(classify(indicator)):
            yield j, indicator


def deviation_reason(e: ProjectEvaluation) -> str | None:
    """The 偏差原因 of a project's spending: printed on its cost indicators (the money lines).

    The Sichuan 2021 form has no separate cell for the 执行率 row's reason, so the reason is taken
    from the 偏差原因 column of the 成本指标 rows.
    """
    for _, indicator in cost_indicators(e):
        if indicator.deviation_reason:
            return indicator.deviation_reason
    return None


def score_half(c: Checker, value: Decimal) -> Decimal:
    """Half a unit of a printed score's last place (scores are printed to 0.01); 0 when exact."""
    if c.exact:
        return ZERO
    exponent = value.as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return Decimal(5).scaleb(-max(2, places) - 1)


def compact(text: str) -> str:
    return "".join(text.split()).rstrip("。.")
