"""Mutations that break the standard tables as published (rules R64–R71): a row total, a column
total, a table's balance, the same figure in two tables, a narrative figure against its cell, a
table missing, an empty table without its note, a placeholder name, a table printed for another unit.

Each slip is made where a publisher makes it, and no further: a table is changed so that it still
adds up wherever the slip does not reach, and a narrative figure is changed together with every
narrative figure that must agree with it, so that only the rules named fire.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs
from hypothesis import strategies as st

from budgetacct.model.disclosure import Disclosure
from budgetacct.model.enums import ExpenditureKind, Fund
from budgetacct.model.ledger import Ledger
from budgetacct.model.publish_tables import publish_tables
from budgetacct.model.tables import Column, Line, Measure, RowKey, StandardTable, TableKind, cell_value
from budgetacct.money import Amount
from budgetacct.strategies._helpers import _CTX, _need
from budgetacct.strategies.broken_narrative import _m_three_public
from budgetacct.strategies.mutation import _delta, _mutation, _restate, _table_index, _with_table

_A: Final = Column(Measure.AMOUNT)
_T: Final = Column(Measure.TOTAL)


def _raised_cells(table: StandardTable, key: RowKey, delta: Amount, *columns: Column) -> StandardTable:
    """``table`` with the cells ``key`` × ``columns`` (each printing a figure) raised by ``delta``."""
    for column in columns:
        table = table.replace_cell(key, column, _need(cell_value(table.cell(key, column))) + delta)
    return table


def _m_fund_row_flow(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    # The fund tables print 年初/本年收入/年末 on their 合计 row; a row that prints them as well must
    # balance on its own (年末 = 年初 + 收入 − 支出).  Here the row received what it spent, started
    # from nothing, and still claims a closing balance.
    index = _table_index(d, TableKind.GOVERNMENT_FUND)
    table = d.tables[index]
    row = draw(st.sampled_from([row for row in table.rows if row.function is not None]))
    spent = table.cell(row.key, Column(Measure.EXPENDITURE))
    table = table.replace_cell(row.key, Column(Measure.OPENING), Amount("0.00"))
    table = table.replace_cell(row.key, Column(Measure.REVENUE), spent)
    table = table.replace_cell(row.key, Column(Measure.CLOSING), _delta(draw))
    return _with_table(d, index, table)


def _m_section_row(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    index = _table_index(d, TableKind.EXPENDITURE)
    table = d.tables[index]
    sections = [row for row in table.rows if row.function is not None and len(row.function.code) == 5]
    row = draw(st.sampled_from(sections))
    return _with_table(d, index, _raised_cells(table, row.key, _delta(draw), _T, Column(Measure.PROJECT)))


def _m_summary_balance(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    index = _table_index(d, TableKind.SUMMARY)
    table = _raised_cells(d.tables[index], Line.OPENING_BALANCE, delta := _delta(draw), _A)
    return _with_table(d, index, _raised_cells(table, Line.REVENUE_GRAND_TOTAL, delta, _A))


def _m_revenue_table_total(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    index = _table_index(d, TableKind.REVENUE)
    table = _raised_cells(d.tables[index], Line.TOTAL, _delta(draw), _T, Column(Measure.FISCAL))
    return _with_table(d, index, table)


def _rebooked(ledger: Ledger) -> Ledger:
    """``ledger`` with every 基本支出 line but the first 一般公共预算 one booked as 项目支出."""
    first = next(
        i
        for i, item in enumerate(ledger.expenditure)
        if item.fund is Fund.GENERAL_BUDGET and item.kind is ExpenditureKind.BASIC
    )
    items = tuple(
        attrs.evolve(item, kind=ExpenditureKind.PROJECT)
        if item.kind is ExpenditureKind.BASIC and i != first
        else item
        for i, item in enumerate(ledger.expenditure)
    )
    return attrs.evolve(ledger, expenditure=items)


def _reprint_spending_by_kind(draw: st.DrawFn, ledger: Ledger, d: Disclosure) -> Disclosure:
    # §三 and 支出决算表 are printed from the ledger with 基本支出 booked as 项目支出 (all but one
    # 一般公共预算 line, so that §三 still prints a 基本支出 line); they add up in themselves and
    # with the totals, since only the split by kind moves.
    other = _rebooked(ledger).publish(template=_need(d.template))
    reprinted = other.tables[_table_index(other, TableKind.EXPENDITURE)]
    index = _table_index(d, TableKind.EXPENDITURE)
    return _with_table(attrs.evolve(d, expenditure=other.expenditure), index, reprinted)


def _as_reprinted(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    """Nothing more to change: the reprint is the whole slip."""
    return d


def _m_fiscal_total_in_yi(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    # 上海市普陀区财政局 2024: the narrative prints 财政拨款收入支出总计 as 0.3 (亿元, unsaid) where the
    # table prints 2,961.68 万元.
    fiscal = _need(d.fiscal)
    in_yi = Amount(_need(fiscal.grand_total).value.scaleb(-4, _CTX).quantize(Decimal("0.01"), context=_CTX))
    changed = attrs.evolve(fiscal, grand_total=in_yi, change=_restate(fiscal.change, in_yi))
    return attrs.evolve(d, fiscal=changed)


def _m_table_missing(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    index = draw(st.integers(0, len(d.tables) - 1))
    return attrs.evolve(d, tables=(*d.tables[:index], *d.tables[index + 1 :]))


_EMPTY_KIND: Final = TableKind.GOVERNMENT_FUND_THREE_PUBLIC


def _reprint_empty_table(draw: st.DrawFn, ledger: Ledger, d: Disclosure) -> Disclosure:
    # The 政府性基金“三公” table never has figures (the model books “三公” under 一般公共预算);
    # Sichuan's set prints it with its note, and a report of another set may print it as well.
    if any(table.kind is _EMPTY_KIND for table in d.tables):
        return d
    (empty,) = (table for table in publish_tables(ledger, "sichuan-14") if table.kind is _EMPTY_KIND)
    return attrs.evolve(d, tables=(*d.tables, empty))


def _m_empty_note(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    index = _table_index(d, _EMPTY_KIND)
    return _with_table(d, index, attrs.evolve(d.tables[index], notes=()))


_PLACEHOLDERS: Final = ("XX局", "××区财政局", "某单位", "XX市XX局", "某部门")


def _m_placeholder(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    return attrs.evolve(d, department=draw(st.sampled_from(_PLACEHOLDERS)))


# Departments of other places and kinds than any the strategies draw: a table copied from their
# report names a unit that is neither the department nor one of its units.
_OTHER_DEPARTMENTS: Final = ("江苏省人民检察院", "上海市静安区民政局", "中共江苏省委办公厅")


def _m_table_of_another_unit(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    index = draw(st.integers(0, len(d.tables) - 1))
    other = draw(st.sampled_from(_OTHER_DEPARTMENTS))
    return _with_table(d, index, attrs.evolve(d.tables[index], department=other))


MUTATIONS: Final = (
    _mutation(
        "fund-row-flow",
        ["R64"],
        "one 功能分类 row of the 政府性基金 table prints its own 年初/本年收入/年末, which do not balance",
        _m_fund_row_flow,
    ),
    _mutation(
        "table-section-row",
        ["R65"],
        "one 款 row of 支出决算表 is raised in 合计 and 项目支出 alike (the row adds up, its 类 and 项 do not)",
        _m_section_row,
    ),
    _mutation(
        "table-balance",
        ["R66", "R68"],
        "收入支出决算总表 prints 年初结转和结余 and 收入总计 higher: its revenue side adds up, but "
        "收入总计 ≠ 支出总计",
        _m_summary_balance,
        why="§一 quotes both figures as they were (R68)",
    ),
    _mutation(
        "revenue-table-total",
        ["R67"],
        "the 合计 row of 收入决算表 is raised in 合计 and 财政拨款收入 alike, so it disagrees with the 总表",
        _m_revenue_table_total,
    ),
    _mutation(
        "basic-booked-as-project",
        ["R36", "R67"],
        "支出决算表 and §三 are printed with 基本支出 booked as 项目支出, so 一般公共预算财政拨款 "
        "基本支出 exceeds the department's",
        _as_reprinted,
        why="§三 quotes 支出决算表's split by kind, so the narrative's own check (R36) sees it too",
        reprint=_reprint_spending_by_kind,
    ),
    _mutation(
        "narrative-against-table",
        ["R68"],
        "§七 quotes 公务接待费 (国内 with it) and the “三公” total higher than the “三公” table: the "
        "narrative adds up, the table disagrees",
        _m_three_public("reception", "domestic_reception", "total"),
    ),
    _mutation(
        "fiscal-total-in-yi",
        ["R15", "R17", "R68"],
        "§四 prints 财政拨款收入支出总计 in 亿元 without saying so (0.30 where T4 prints 2,961.68 万元)",
        _m_fiscal_total_in_yi,
        why="§四's own totals no longer add up to it (R15, R17), and T4 prints the figure in 万元 (R68)",
    ),
    _mutation(
        "table-missing",
        ["R69"],
        "one table of the report's table set is left out",
        _m_table_missing,
    ),
    _mutation(
        "empty-table-note",
        ["R70"],
        "the 政府性基金“三公” table, which has no figures, is printed without its note",
        _m_empty_note,
        reprint=_reprint_empty_table,
    ),
    _mutation(
        "placeholder-name",
        ["R71"],
        "the department's name is a template placeholder (XX局, 某单位 …)",
        _m_placeholder,
    ),
    _mutation(
        "table-of-another-unit",
        ["R71"],
        "one table is printed for another department (编制单位：江苏省人民检察院 …), as copied from its report",
        _m_table_of_another_unit,
    ),
)
