"""Rules across a budget's printings (R86, R87, R92): narrative ↔ table, table ↔ table, the set.

Every comparison allows each printing its own rounding interval: a cell printed in 元 to the 分
(31,214,205.80) against the 万元 narrative (3,121.42万元) is within the narrative's ±0.005 万元
plus the cell's ±0.000 000 5 万元.  A finding names both printings (``related``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from budgetacct.auditing.check import Checker
from budgetacct.auditing.rules._common import missing_tables
from budgetacct.auditing.rules.budget_common import budget_of
from budgetacct.auditing.rules.table_cells import (
    CellRef,
    Printed,
    Restated,
    compare,
    find,
    narrative_against_cells,
    table_name,
)
from budgetacct.model.budget import Budget
from budgetacct.model.budget_sets import BUDGET_TABLE_SETS
from budgetacct.model.enums import Fund, RevenueSource, Severity
from budgetacct.model.table_figures import FUND_MEASURE, THREE_PUBLIC_MEASURES
from budgetacct.model.tables import Basis, Column, Line, Measure, RowKey, TableKind
from budgetacct.money import Amount

_BUDGET: Final = "预算"
K = TableKind


def _col(measure: Measure) -> Column:
    return Column(measure, Basis.BUDGET)


_A, _T = _col(Measure.AMOUNT), _col(Measure.TOTAL)
_SOURCE_LINES: Final = {
    RevenueSource.GENERAL_BUDGET: Line.FISCAL_GENERAL_BUDGET,
    RevenueSource.GOVERNMENT_FUND: Line.FISCAL_GOVERNMENT_FUND,
    RevenueSource.STATE_CAPITAL: Line.FISCAL_STATE_CAPITAL,
    RevenueSource.OPERATIONS: Line.OPERATIONS,
    RevenueSource.BUSINESS: Line.BUSINESS,
    RevenueSource.OTHER: Line.OTHER,
}
#: Each fund's own table and the column the fund prints in.
_FUND_TABLES: Final = {
    fund: (kind, FUND_MEASURE[fund])
    for fund, kind in (
        (Fund.GENERAL_BUDGET, K.BUDGET_GENERAL),
        (Fund.GOVERNMENT_FUND, K.BUDGET_GOVERNMENT_FUND),
        (Fund.STATE_CAPITAL, K.BUDGET_STATE_CAPITAL),
    )
}


def _ref(kind: TableKind, key: RowKey, column: Column) -> CellRef:
    return CellRef(kind, key, column)


def _narrative(b: Budget) -> Iterator[Restated]:
    """Each figure of the 预算编制说明 with the table cell that prints it again."""
    if b.overview is not None:
        o = b.overview
        yield (
            "$.overview.revenue_grand_total",
            o.revenue_grand_total,
            _ref(K.BUDGET_SUMMARY, Line.REVENUE_GRAND_TOTAL, _A),
        )
        for column in (_A, _T):  # one 预算数 column, or 合计 beside its split (Shanghai 2024)
            yield (
                "$.overview.expenditure_grand_total",
                o.expenditure_grand_total,
                _ref(K.BUDGET_SUMMARY, Line.EXPENDITURE_GRAND_TOTAL, column),
            )
        yield (
            "$.overview.carried_forward",
            o.carried_forward,
            _ref(K.BUDGET_SUMMARY, Line.OPENING_BALANCE, _A),
        )
        yield "$.overview.carry_to_next", o.carry_to_next, _ref(K.BUDGET_SUMMARY, Line.CLOSING_BALANCE, _A)
    if b.revenue is not None:
        r = b.revenue
        yield "$.revenue.total", r.total, _ref(K.BUDGET_SUMMARY, Line.REVENUE_TOTAL, _A)
        yield "$.revenue.fiscal", r.fiscal, _ref(K.BUDGET_SUMMARY, Line.FISCAL_REVENUE, _A)
        for i, line in enumerate(r.lines):
            yield (
                f"$.revenue.lines[{i}].amount",
                line.amount,
                _ref(K.BUDGET_SUMMARY, _SOURCE_LINES[line.source], _A),
            )
    if b.expenditure is not None:
        e = b.expenditure
        for name, value, col in (
            ("total", e.total, _T),
            ("basic", e.basic, _col(Measure.BASIC)),
            ("project", e.project, _col(Measure.PROJECT)),
        ):
            yield f"$.expenditure.{name}", value, _ref(K.BUDGET_EXPENDITURE, Line.TOTAL, col)
        for i, row in enumerate(e.rows):
            yield f"$.expenditure.rows[{i}].amount", row.amount, _ref(K.BUDGET_EXPENDITURE, row.code, _T)
    if b.fiscal is not None:
        for i, fund in enumerate(b.fiscal.funds):
            if fund.fund in _FUND_TABLES:
                kind, _ = _FUND_TABLES[fund.fund]
                yield f"$.fiscal.funds[{i}].amount", fund.amount, _ref(kind, Line.TOTAL, _T)
    if b.general_budget is not None:
        for i, item in enumerate(b.general_budget.items):
            yield f"$.general_budget.items[{i}].amount", item.amount, _ref(K.BUDGET_GENERAL, item.code, _T)
    if b.basic_expenditure is not None:
        basic = b.basic_expenditure
        yield "$.basic_expenditure.total", basic.total, _ref(K.BUDGET_GENERAL_BASIC, Line.TOTAL, _T)
        yield (
            "$.basic_expenditure.personnel",
            basic.personnel,
            _ref(K.BUDGET_GENERAL_BASIC, Line.TOTAL, _col(Measure.PERSONNEL)),
        )
        yield (
            "$.basic_expenditure.public",
            basic.public,
            _ref(K.BUDGET_GENERAL_BASIC, Line.TOTAL, _col(Measure.PUBLIC)),
        )
        for i, economic in enumerate(basic.lines):
            yield (
                f"$.basic_expenditure.lines[{i}].amount",
                economic.amount,
                _ref(K.BUDGET_GENERAL_BASIC, economic.code, _T),
            )
    if b.three_public is not None:
        for name, measure in THREE_PUBLIC_MEASURES:
            yield (
                f"$.three_public.{name}.amount",
                getattr(b.three_public, name).amount,
                _ref(K.BUDGET_THREE_PUBLIC, Line.THREE_PUBLIC, _col(measure)),
            )
    if b.operating_costs is not None:
        amount = b.operating_costs.amount
        operating = _col(Measure.OPERATING_COSTS)
        yield "$.operating_costs.amount", amount, _ref(K.BUDGET_THREE_PUBLIC, Line.THREE_PUBLIC, operating)
        yield "$.operating_costs.amount", amount, _ref(K.BUDGET_OPERATING_COSTS, Line.TOTAL, operating)
    if b.procurement is not None:
        p = b.procurement
        for name, value, key in (
            ("total", p.total, Line.TOTAL),
            ("goods", p.goods, Line.PROCUREMENT_GOODS),
            ("works", p.works, Line.PROCUREMENT_WORKS),
            ("services", p.services, Line.PROCUREMENT_SERVICES),
        ):
            yield f"$.procurement.{name}", value, _ref(K.BUDGET_PROCUREMENT, key, _A)


def budget_narrative_against_tables(c: Checker) -> None:
    """Each figure of the 预算编制说明 equals the table cell that prints it again."""
    b = budget_of(c)
    if b is None or not b.tables:
        return
    narrative_against_cells(c, _narrative(b), _differs_from_cell)


def _differs_from_cell(cell: Printed, _: Amount) -> tuple[str, str]:
    return f"说明中的数与{cell.zh}不符", f"the narrative differs from {cell.en}"


def _class_keys(c: Checker, kind: TableKind) -> list[RowKey]:
    keys: list[RowKey] = []
    for table in c.d.tables:
        if table.kind is kind:
            keys.extend(
                row.key for row in table.rows if row.function is not None and len(row.function.code) == 3
            )
    return keys


def _pairs(c: Checker) -> Iterator[tuple[CellRef, CellRef]]:
    """Cells two budget tables both print."""
    for key in _class_keys(c, K.BUDGET_SUMMARY):
        # the 总表's 类 rows print one 预算数 column, or 合计 beside its split (Shanghai 2024)
        yield _ref(K.BUDGET_SUMMARY, key, _A), _ref(K.BUDGET_EXPENDITURE, key, _T)
        yield _ref(K.BUDGET_SUMMARY, key, _T), _ref(K.BUDGET_EXPENDITURE, key, _T)
        yield (
            _ref(K.BUDGET_SUMMARY, key, _col(Measure.PROJECT)),
            _ref(K.BUDGET_EXPENDITURE, key, _col(Measure.PROJECT)),
        )
    for key in _class_keys(c, K.BUDGET_FISCAL_SUMMARY):
        for kind, measure in _FUND_TABLES.values():
            yield _ref(K.BUDGET_FISCAL_SUMMARY, key, _col(measure)), _ref(kind, key, _T)
    for line in (Line.FISCAL_GENERAL_BUDGET, Line.FISCAL_GOVERNMENT_FUND, Line.FISCAL_STATE_CAPITAL):
        yield _ref(K.BUDGET_FISCAL_SUMMARY, line, _A), _ref(K.BUDGET_SUMMARY, line, _A)
    yield (
        _ref(K.BUDGET_REVENUE, Line.TOTAL, _col(Measure.FISCAL)),
        _ref(K.BUDGET_SUMMARY, Line.FISCAL_REVENUE, _A),
    )
    yield (
        _ref(K.BUDGET_GENERAL_BASIC, Line.TOTAL, _T),
        _ref(K.BUDGET_GENERAL, Line.TOTAL, _col(Measure.BASIC)),
    )
    for table in c.d.tables:
        if table.kind is K.BUDGET_GENERAL_BASIC:
            for row in table.rows:
                if row.economic is not None:
                    yield (
                        _ref(K.BUDGET_FISCAL_BASIC, row.economic, _T),
                        _ref(K.BUDGET_GENERAL_BASIC, row.economic, _T),
                    )
    operating = _col(Measure.OPERATING_COSTS)
    yield (
        _ref(K.BUDGET_OPERATING_COSTS, Line.TOTAL, operating),
        _ref(K.BUDGET_THREE_PUBLIC, Line.THREE_PUBLIC, operating),
    )


def budget_tables_agree(c: Checker) -> None:
    """A figure two budget tables both print is the same in both."""
    b = budget_of(c)
    if b is None or not b.tables:
        return
    seen: set[tuple[str, str]] = set()
    for one, other in _pairs(c):
        first, second = find(c, one), find(c, other)
        if first is None or second is None or (first.path, second.path) in seen:
            continue
        seen.add((first.path, second.path))
        _agree(c, first, second)


def _agree(c: Checker, first: Printed, second: Printed) -> None:
    compare(c, first, [second], f"{first.zh}与{second.zh}不符", f"{first.en} differs from {second.en}")


def budget_tables_of_the_set(c: Checker) -> None:
    """Every table of the budget's table set is published (an empty one with its note)."""
    b = budget_of(c)
    if b is None or b.table_set not in BUDGET_TABLE_SETS or not b.tables:
        return
    table_set = BUDGET_TABLE_SETS[b.table_set or ""]
    printed = {table.kind for table in b.tables}
    missing_tables(c, table_set, printed, f"the budget set {table_set.name}")
    for t, table in enumerate(b.tables):
        if not table.kind.is_budget:
            c.emit(
                Severity.WARNING,
                f"$.tables[{t}]",
                f"预算报告中出现决算表：{table_name(table)}",
                f"a final-accounts table in a budget report: {table_name(table)}",
                expected="预算表 / a budget table",
                actual=table.kind.value,
            )
