"""What every standard-table builder shares: the column a fund or a “三公” part prints in, a
fund's named lines, a code's catalogue name, a cell rounded on its own, the rows and panels a
layout spec gives figures (:class:`PanelBuilder`), and a ledger's revenue by 功能分类, its 财政拨款
spending by 功能分类 类 and fund, and its 基本支出 by 经济分类 (:class:`LedgerPanels`).

The 决算 publisher (:mod:`~budgetacct.model.publish_tables`), the tables a narrative states
(:mod:`~budgetacct.model.section_tables`) and the 预算 publisher
(:mod:`~budgetacct.model.budget_publish`) lay out the same funds and parts, so they read them
from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Final, TypeVar

from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.errors import BudgetAcctError
from budgetacct.model.enums import FISCAL_FUNDS, ExpenditureKind, Fund, RevenueSource
from budgetacct.model.table_layout import LineSpec, PanelSpec
from budgetacct.model.tables import DASH, Basis, Cell, Column, Line, Measure, Panel, TableRow
from budgetacct.money import Amount

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.model.ledger import Ledger

__all__ = [
    "FUND_LINES",
    "FUND_MEASURE",
    "OVERVIEW_LINES",
    "THREE_PUBLIC_MEASURES",
    "LedgerPanels",
    "PanelBuilder",
    "basic_by_economic",
    "code_name",
    "fiscal_by_class",
    "revenue_by_function",
    "rounded_cell",
]

_ZERO: Final = Amount(0)

#: A row's figures: column → figure (a column left out prints blank).
Figures = Mapping[Column, Cell]
_Code = TypeVar("_Code", bound=FunctionCode | EconomicCode)

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
#: The 总表 line each figure of the narrative's §一 overview (``Overview``) is printed on.
OVERVIEW_LINES: Final = {
    "revenue_grand_total": Line.REVENUE_GRAND_TOTAL,
    "expenditure_grand_total": Line.EXPENDITURE_GRAND_TOTAL,
    "non_fiscal_balance_used": Line.NON_FISCAL_BALANCE_USED,
    "opening_balance": Line.OPENING_BALANCE,
    "surplus_distribution": Line.SURPLUS_DISTRIBUTION,
    "closing_balance": Line.CLOSING_BALANCE,
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


def rounded_cell(amount: Cell, quantum: Decimal | None) -> Cell:
    """``amount`` rounded half-up to ``quantum`` on its own (``None``: exact); a blank or a dash
    stays as it is."""
    if quantum is None or amount is None or amount is DASH:
        return amount
    return Amount(amount.value.quantize(quantum, ROUND_HALF_UP))


class PanelBuilder:
    """The rows and panels of a layout spec from figures: every cell rounded on its own to
    ``quantum`` (``None``: as given), a code row named from the catalogue of ``year`` (``None``:
    unnamed)."""

    def __init__(self, year: int | None, quantum: Decimal | None) -> None:
        self.year = year
        self.quantum = quantum

    def cell(self, amount: Cell) -> Cell:
        return rounded_cell(amount, self.quantum)

    def cells(self, spec: PanelSpec, figures: Figures) -> tuple[Cell, ...]:
        return tuple(self.cell(figures.get(column.column)) for column in spec.columns)

    def code_name(self, code: FunctionCode | EconomicCode) -> str | None:
        """The catalogue name of ``code`` in the builder's year, or ``None`` where there is none."""
        return None if self.year is None else code_name(code, self.year)

    def line_row(self, spec: PanelSpec, line: LineSpec, figures: Figures) -> TableRow:
        """A named line, printed with its first wording."""
        return TableRow.of_line(line.line, self.cells(spec, figures), name=line.labels[0])

    def coded_rows(
        self, spec: PanelSpec, rows: Mapping[_Code, Mapping[Column, Amount]], *, classes_only: bool = False
    ) -> list[TableRow]:
        """A row per code (in code order) with a figure that is not zero; ``classes_only``: 类 only."""
        out = []
        for code in sorted(rows, key=lambda c: c.code):
            if classes_only and len(code.code) != 3:
                continue
            figures = rows[code]
            if all(amount.is_zero() for amount in figures.values()):
                continue
            out.append(TableRow.of_key(code, self.cells(spec, figures), name=self.code_name(code)))
        return out

    def panel(self, spec: PanelSpec, lines: Mapping[Line, Figures], coded: Iterable[TableRow] = ()) -> Panel:
        """The spec's named lines (blank where ``lines`` has no figures) around the coded rows."""
        leading = [self.line_row(spec, s, lines.get(s.line, {})) for s in spec.leading]
        trailing = [self.line_row(spec, s, lines.get(s.line, {})) for s in spec.trailing]
        return Panel(spec.column_keys(), (*leading, *coded, *trailing), spec.side)


class LedgerPanels(PanelBuilder):
    """A :class:`PanelBuilder` over one ledger, with the ledger's figures both publishers lay out."""

    def __init__(self, ledger: Ledger, quantum: Decimal | None) -> None:
        super().__init__(ledger.year, quantum)
        self.ledger = ledger

    def fiscal_by_class(self, basis: Basis) -> dict[FunctionCode, dict[Column, Amount]]:
        return fiscal_by_class(self.ledger, basis)

    def basic_by_economic(self) -> dict[EconomicCode, Amount]:
        return basic_by_economic(self.ledger)

    def revenue_by_function(self) -> dict[FunctionCode, dict[RevenueSource, Amount]]:
        return revenue_by_function(self.ledger)


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
