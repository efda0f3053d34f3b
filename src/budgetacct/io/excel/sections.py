"""What each standard table states for the Disclosure's sections, into the :class:`~.draft.Draft`.

The reverse of :mod:`budgetacct.model.section_tables`: a cell × row of a table gives a figure of
a section (the 总表's 本年收入合计 is ``revenue.total``), a coded row a line of a section.  A figure
printed in two tables is stated twice; the draft keeps the first and notes a disagreement.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

from budgetacct.io.excel.draft import Draft
from budgetacct.model.disclosure import EconomicLine
from budgetacct.model.enums import Fund, RevenueSource
from budgetacct.model.section_tables import (
    FUND_COLUMNS,
    FUND_LINES,
    KIND_COLUMNS,
    REVENUE_ROW_FIELDS,
    SOURCE_COLUMNS,
    SPENDING_FIELDS,
    THREE_PUBLIC_FIELDS,
)
from budgetacct.model.tables import Basis, Column, Line, Measure, RowKey, StandardTable, TableKind, cell_value

__all__ = ["fill"]

#: Where each cell of a table is (``公开03表!E6``), by row key and column.
Wheres = Mapping[tuple[RowKey, Column], str]

_A: Final = Column(Measure.AMOUNT)
_T: Final = Column(Measure.TOTAL)

_SOURCE_COLUMNS: Final = {column: source for source, column in SOURCE_COLUMNS.items()}
_KIND_COLUMNS: Final = {column: kind for kind, column in KIND_COLUMNS.items()}
_FUND_COLUMNS: Final = {column: fund for fund, column in FUND_COLUMNS.items()}
_FUND_SECTIONS: Final = {
    Fund.GENERAL_BUDGET: "general_budget.classes",
    Fund.GOVERNMENT_FUND: "government_fund.lines",
    Fund.STATE_CAPITAL: "state_capital.lines",
}
#: 总表 lines → the figure they state.
_SUMMARY_LINES: Final[dict[Line, tuple[str, ...]]] = {
    **{Line.of_source(source): ("revenue_line", source.name) for source in RevenueSource},
    Line.FISCAL_REVENUE: ("revenue_fiscal_total",),
    Line.REVENUE_TOTAL: ("revenue", "total"),
    Line.NON_FISCAL_BALANCE_USED: ("overview", "non_fiscal_balance_used"),
    Line.OPENING_BALANCE: ("overview", "opening_balance"),
    Line.REVENUE_GRAND_TOTAL: ("overview", "revenue_grand_total"),
    Line.EXPENDITURE_TOTAL: ("expenditure", "total"),
    Line.SURPLUS_DISTRIBUTION: ("overview", "surplus_distribution"),
    Line.CLOSING_BALANCE: ("overview", "closing_balance"),
    Line.EXPENDITURE_GRAND_TOTAL: ("overview", "expenditure_grand_total"),
}
_FISCAL_LINES: Final[dict[Line, tuple[str, ...]]] = {
    **{revenue: ("flow", fund.name, "revenue") for fund, (revenue, _) in FUND_LINES.items()},
    **{opening: ("flow", fund.name, "opening") for fund, (_, opening) in FUND_LINES.items()},
    Line.REVENUE_TOTAL: ("fiscal", "revenue_total"),
    Line.OPENING_BALANCE: ("fiscal", "opening_balance"),
    Line.REVENUE_GRAND_TOTAL: ("fiscal", "grand_total"),
}
#: 财政拨款收入支出决算总表's 支出 lines: the 合计 figure and each fund's flow figure.
_FISCAL_SPENDING_LINES: Final = {
    Line.EXPENDITURE_TOTAL: ("expenditure_total", "expenditure"),
    Line.CLOSING_BALANCE: ("closing_balance", "closing"),
    Line.EXPENDITURE_GRAND_TOTAL: ("grand_total", None),
}


class _Table:
    """One table being read into the draft, with where its cells are."""

    def __init__(self, r: Draft, table: StandardTable, wheres: Wheres, label: str) -> None:
        self.r, self.table, self.wheres, self.label = r, table, wheres, label

    def put(self, key: tuple[str, ...], row: RowKey, column: Column) -> None:
        value = cell_value(self.table.cell(row, column))
        self.r.put(key, value, self.wheres.get((row, column), self.label))

    def coded(self, section: str, fields: Mapping[Column, str], *, classes_only: bool = False) -> None:
        for panel in self.table.panels:
            for row in panel.rows:
                code = row.function
                if code is None or (classes_only and len(code.code) != 3):
                    continue
                values: dict[str, object] = {
                    fields[column]: cell_value(cell)
                    for column, cell in zip(panel.columns, row.cells, strict=True)
                    if column in fields
                }
                if all(value is None for value in values.values()):
                    continue  # nothing printed in these columns (another fund's 类)
                values["name"] = row.name
                where = next(
                    (self.wheres[(code, c)] for c in panel.columns if (code, c) in self.wheres), self.label
                )
                self.r.row(section, code.code, values, where)
                if row.name and len(code.code) == 3:
                    self.r.names.setdefault(row.name, code.code)

    def lines(self, keys: Mapping[Line, tuple[str, ...]], column: Column = _A) -> None:
        for line, key in keys.items():
            self.put(key, line, column)


def _summary(t: _Table) -> None:
    t.lines(_SUMMARY_LINES)
    t.coded("expenditure.classes", {_A: "amount"}, classes_only=True)


def _revenue(t: _Table) -> None:
    t.put(("revenue", "total"), Line.TOTAL, _T)
    t.put(("revenue_fiscal_total",), Line.TOTAL, Column(Measure.FISCAL))
    for column, source in _SOURCE_COLUMNS.items():
        t.put(("revenue_line", source.name), Line.TOTAL, column)
    t.coded("revenue.rows", REVENUE_ROW_FIELDS)


def _expenditure(t: _Table) -> None:
    t.put(("expenditure", "total"), Line.TOTAL, _T)
    for column, kind in _KIND_COLUMNS.items():
        t.put(("kind_line", kind.name), Line.TOTAL, column)
    t.coded("expenditure.rows", SPENDING_FIELDS)


def _fiscal_summary(t: _Table) -> None:
    t.lines(_FISCAL_LINES)
    for line, (field, flow) in _FISCAL_SPENDING_LINES.items():
        t.put(("fiscal", field), line, _T)
        for column, fund in _FUND_COLUMNS.items():
            if flow is not None:
                t.put(("flow", fund.name, flow), line, column)
    for column, fund in _FUND_COLUMNS.items():
        t.coded(_FUND_SECTIONS[fund], {column: "amount"}, classes_only=True)


def _general_budget(t: _Table) -> None:
    t.put(("general_budget", "total"), Line.TOTAL, _T)
    t.put(("basic_expenditure", "total"), Line.TOTAL, Column(Measure.BASIC))
    t.coded("general_budget.rows", SPENDING_FIELDS)


def _basic(t: _Table) -> None:
    for line, field in (
        (Line.PERSONNEL_TOTAL, "personnel"),
        (Line.PUBLIC_TOTAL, "public"),
        (Line.TOTAL, "total"),
    ):
        t.put(("basic_expenditure", field), line, _A)
    for row in t.table.rows:
        if row.economic is None:
            continue
        where = t.wheres.get((row.economic, _A), t.label)
        amount = cell_value(row.cells[0]) if row.cells else None
        if amount is None:
            t.r.problem(where, "金额", "an amount", None)
            continue
        t.r.economic.append(EconomicLine(row.economic, amount, row.name))


def _three_public(t: _Table) -> None:
    for measure, name in THREE_PUBLIC_FIELDS.items():
        for basis, field in ((Basis.BUDGET, "budget"), (Basis.ACTUAL, "actual")):
            t.put(("three_public", name, field), Line.THREE_PUBLIC, Column(measure, basis))


def _flow(section: str) -> Callable[[_Table], None]:
    def fill(t: _Table) -> None:
        t.r.with_balances.add(section)
        for measure, field in (
            (Measure.OPENING, "opening_balance"),
            (Measure.REVENUE, "revenue"),
            (Measure.EXPENDITURE, "total"),
            (Measure.CLOSING, "closing_balance"),
        ):
            t.put((section, field), Line.TOTAL, Column(measure))
        t.coded(f"{section}.lines", SPENDING_FIELDS)

    return fill


def _state_capital(t: _Table) -> None:
    t.put(("state_capital", "total"), Line.TOTAL, _T)
    t.coded("state_capital.lines", SPENDING_FIELDS)


_FILL: Final[dict[TableKind, Callable[[_Table], None]]] = {
    TableKind.SUMMARY: _summary,
    TableKind.REVENUE: _revenue,
    TableKind.EXPENDITURE: _expenditure,
    TableKind.FISCAL_SUMMARY: _fiscal_summary,
    TableKind.FISCAL_DETAIL: lambda t: t.put(("fiscal", "expenditure_total"), Line.TOTAL, _T),
    TableKind.GENERAL_BUDGET: _general_budget,
    TableKind.GENERAL_BUDGET_DETAIL: _general_budget,
    TableKind.GENERAL_BUDGET_BASIC: _basic,
    TableKind.GENERAL_BUDGET_PROJECT: lambda t: t.coded(
        "general_budget.rows", {Column(Measure.PROJECT): "project"}
    ),
    TableKind.THREE_PUBLIC: _three_public,
    TableKind.GOVERNMENT_FUND: _flow("government_fund"),
    TableKind.STATE_CAPITAL: _flow("state_capital"),
    TableKind.STATE_CAPITAL_EXPENDITURE: _state_capital,
}


def fill(r: Draft, table: StandardTable, wheres: Wheres, label: str) -> None:
    """State in ``r`` the section figures ``table`` prints (the “三公” table of 政府性基金 states none)."""
    filler = _FILL.get(table.kind)
    if filler is not None:
        filler(_Table(r, table, wheres, label))
