"""What every standard-table builder shares: the column a fund or a “三公” part prints in, a
fund's named lines, a code's catalogue name, a cell rounded on its own, a ledger's revenue by 功能分类,
its 财政拨款 spending by 功能分类 类 and fund, and its 基本支出 by 经济分类.

The 决算 publisher (:mod:`~budgetacct.model.publish_tables`), the tables a narrative states
(:mod:`~budgetacct.model.section_tables`) and the 预算 publisher
(:mod:`~budgetacct.model.budget_publish`) lay out the same funds and parts, so they read them
from here.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Final

from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.errors import BudgetAcctError
from budgetacct.model.enums import FISCAL_FUNDS, ExpenditureKind, Fund, RevenueSource
from budgetacct.model.tables import Basis, Cell, Column, Line, Measure
from budgetacct.money import Amount

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.model.ledger import Ledger

__all__ = [
    "FUND_LINES",
    "FUND_MEASURE",
    "THREE_PUBLIC_MEASURES",
    "basic_by_economic",
    "code_name",
    "fiscal_by_class",
    "revenue_by_function",
    "rounded_cell",
]

_ZERO: Final = Amount(0)

#: The column measure each 财政拨款 fund prints in.
FUND_MEASURE: Final = {
    Fund.GENERAL_BUDGET: Measure.GENERAL_BUDGET,
    Fund.GOVERNMENT_FUND: Measure.GOVERNMENT_FUND,
    Fund.STATE_CAPITAL: Measure.STATE_CAPITAL,
}
#: Each fund's (本年收入 line, 年初结转和结余 line) of the 财政拨款收入支出总表.
FUND_LINES: Final = {
    Fund.GENERAL_BUDGET: (Line.FISCAL_GENERAL_BUDGET, Line.OPENING_GENERAL_BUDGET),
    Fund.GOVERNMENT_FUND: (Line.FISCAL_GOVERNMENT_FUND, Line.OPENING_GOVERNMENT_FUND),
    Fund.STATE_CAPITAL: (Line.FISCAL_STATE_CAPITAL, Line.OPENING_STATE_CAPITAL),
}
#: The “三公” parts in printed order: (field of the figures, column measure).
THREE_PUBLIC_MEASURES: Final = (
    ("total", Measure.THREE_PUBLIC_TOTAL),
    ("outbound", Measure.OUTBOUND),
    ("vehicles", Measure.VEHICLES),
    ("vehicle_purchase", Measure.VEHICLE_PURCHASE),
    ("vehicle_operation", Measure.VEHICLE_OPERATION),
    ("reception", Measure.RECEPTION),
)


def code_name(code: FunctionCode | EconomicCode, year: int) -> str | None:
    """The catalogue name of ``code`` in ``year``, or ``None`` where there is none."""
    try:
        return code.name(year)
    except BudgetAcctError:
        return None


def rounded_cell(amount: Amount | None, quantum: Decimal | None) -> Cell:
    """``amount`` rounded half-up to ``quantum`` on its own (``None``: exact); a missing one stays blank."""
    if amount is None:
        return None
    if quantum is None:
        return amount
    return Amount(amount.value.quantize(quantum, ROUND_HALF_UP))


def fiscal_by_class(ledger: Ledger, basis: Basis) -> dict[FunctionCode, dict[Column, Amount]]:
    """财政拨款 spending by 功能分类 类: each fund's column and their 合计 (the 财政拨款收支总表's rows)."""
    total = Column(Measure.TOTAL, basis)
    classes: dict[FunctionCode, dict[Column, Amount]] = {}
    for fund in FISCAL_FUNDS:
        for code, kinds in ledger.by_function(funds=(fund,)).items():
            if len(code.code) != 3:
                continue
            row = classes.setdefault(code, {total: _ZERO})
            amount = sum(kinds.values(), _ZERO)
            row[Column(FUND_MEASURE[fund], basis)] = amount
            row[total] = row[total] + amount
    return classes


def basic_by_economic(ledger: Ledger) -> dict[EconomicCode, Amount]:
    """一般公共预算 基本支出 by 经济分类 code at every level (类, 款)."""
    by_code: dict[EconomicCode, Amount] = {}
    for item in ledger.expenditure:
        if (
            item.fund is not Fund.GENERAL_BUDGET
            or item.kind is not ExpenditureKind.BASIC
            or item.economic is None
        ):
            continue
        for code in (*item.economic.ancestors, item.economic):
            by_code[code] = by_code.get(code, _ZERO) + item.amount
    return by_code


def revenue_by_function(ledger: Ledger) -> dict[FunctionCode, dict[RevenueSource, Amount]]:
    """Revenue by 功能分类 code at every level (类, 款, 项), split by source (revenue items with a code)."""
    by_code: dict[FunctionCode, dict[RevenueSource, Amount]] = {}
    for item in ledger.revenue:
        if item.function is None:
            continue
        for code in (*item.function.ancestors, item.function):
            split = by_code.setdefault(code, {})
            split[item.source] = split.get(item.source, _ZERO) + item.amount
    return by_code
