"""Mutations that break the tables (audit groups B.1–B.4, rules R1–R23): the summary table,
the revenue and expenditure tables, the fiscal table (T4), 一般公共预算 and its 基本支出."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from budgetacct.codes import BasicExpensePart
from budgetacct.model.disclosure import Disclosure, FunctionLine, RevenueRow
from budgetacct.model.enums import ExpenditureKind
from budgetacct.model.tables import Column, Measure, TableKind
from budgetacct.money import Amount
from budgetacct.strategies._helpers import _ZERO, _amount_of, _need, _raised, _raised_at, _replaced
from budgetacct.strategies.mutation import (
    Apply,
    _bump_basic_line,
    _delta,
    _mutation,
    _restate,
    _table_index,
    _with_table,
)

_SHARES_WHY: Final = (
    "the printed share of the changed figure was computed from the old amount, so the share check "
    "may no longer hold"
)
_LINKED_WHY: Final = (
    "R2, R4, R5 and R6 are linked (R6 follows from the other three), so one printed figure of the "
    "summary table always breaks two of them"
)


def _bump_chain(draw: st.DrawFn, lines: tuple[FunctionLine, ...], delta: Amount) -> tuple[FunctionLine, ...]:
    """Add ``delta`` to one leaf row and to every ancestor row (amount and 项目支出 column)."""
    parents = {line.code.parent for line in lines}
    leaves = [i for i, line in enumerate(lines) if line.code not in parents]
    leaf = lines[draw(st.sampled_from(leaves))]
    chain = {leaf.code, *leaf.code.ancestors}
    return tuple(_raised(line, delta, "amount", "project") if line.code in chain else line for line in lines)


def _m_revenue_line(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    revenue = _need(d.revenue)
    index = draw(st.sampled_from([i for i, line in enumerate(revenue.lines) if not line.source.is_fiscal]))
    lines = _raised_at(revenue.lines, index, _delta(draw), "amount")
    return attrs.evolve(d, revenue=attrs.evolve(revenue, lines=lines))


def _m_overview(field: str) -> Apply:
    def apply(draw: st.DrawFn, d: Disclosure) -> Disclosure:
        changed = _raised(_need(d.overview), _delta(draw), field)
        if field == "revenue_grand_total":
            changed = attrs.evolve(
                changed, change=_restate(changed.change, _need(changed.revenue_grand_total))
            )
        return attrs.evolve(d, overview=changed)

    return apply


def _m_one_row(part: str, rows: str, field: str) -> Apply:
    """Raise ``field`` of one drawn row of ``d.<part>.<rows>`` (a 类 row of §三, a fund of T4)."""

    def apply(draw: st.DrawFn, d: Disclosure) -> Disclosure:
        section = _need(getattr(d, part))
        items = getattr(section, rows)
        # A row of nothing is not printed in the standard tables, so its slip would have no
        # second printing to disagree with (R68): raise a row the tables print.
        printed = [i for i, item in enumerate(items) if not getattr(item, field).is_zero()]
        assume(printed)
        raised = _raised_at(items, draw(st.sampled_from(printed)), _delta(draw), field)
        # The part is named at run time, so mypy's per-class check of ``attrs.evolve`` cannot apply.
        evolve: Callable[..., Disclosure] = attrs.evolve
        return evolve(d, **{part: attrs.evolve(section, **{rows: raised})})

    return apply


_KIND_FIELDS: Final = {
    ExpenditureKind.BUSINESS: ("business", Measure.BUSINESS_EXPENDITURE),
    ExpenditureKind.REMITTANCE: ("remittance", Measure.REMITTANCE),
}


def _m_relabel_kind(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    # The two kinds trade places everywhere they are printed (§三's lines and rows, 支出决算表's
    # columns), so that the report stays consistent with itself: only the plausibility note fires.
    expenditure = _need(d.expenditure)
    affiliate = ExpenditureKind.AFFILIATE_SUBSIDY
    target = draw(st.sampled_from(tuple(_KIND_FIELDS)))
    field, measure = _KIND_FIELDS[target]
    swap = {affiliate: target, target: affiliate}
    lines = tuple(attrs.evolve(line, kind=swap.get(line.kind, line.kind)) for line in expenditure.lines)
    rows = []
    for line in expenditure.rows:
        swapped: dict[str, Any] = {"affiliate_subsidy": getattr(line, field), field: line.affiliate_subsidy}
        rows.append(attrs.evolve(line, **swapped))
    index = _table_index(d, TableKind.EXPENDITURE)
    table = d.tables[index]
    a, b = Column(Measure.AFFILIATE_SUBSIDY), Column(measure)
    for key in [row.key for row in table.rows]:
        cells = table.cell(key, a), table.cell(key, b)
        table = table.replace_cell(key, a, cells[1]).replace_cell(key, b, cells[0])
    changed = attrs.evolve(expenditure, lines=lines, rows=tuple(rows))
    return _with_table(attrs.evolve(d, expenditure=changed), index, table)


def _m_revenue_row(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    revenue = _need(d.revenue)
    code = _need(d.expenditure).classes[0].code
    fiscal = _amount_of(draw(st.integers(0, 10**6)), 2)
    other = _amount_of(draw(st.integers(0, 10**6)), 2)
    row = RevenueRow(code=code, total=fiscal + other + _delta(draw), fiscal=fiscal, other=other)
    return attrs.evolve(d, revenue=attrs.evolve(revenue, rows=(*revenue.rows, row)))


def _m_fund_rollup(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    section = _need(d.government_fund)
    parents = {line.code.parent for line in section.lines}
    index = draw(st.sampled_from([i for i, line in enumerate(section.lines) if line.code in parents]))
    lines = _raised_at(section.lines, index, _delta(draw), "amount", "project")
    return attrs.evolve(d, government_fund=attrs.evolve(section, lines=lines))


def _m_row_column(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    expenditure = _need(d.expenditure)
    index = draw(st.integers(0, len(expenditure.rows) - 1))
    row = expenditure.rows[index]
    raised = attrs.evolve(row, affiliate_subsidy=(row.affiliate_subsidy or _ZERO) + _delta(draw))
    return attrs.evolve(
        d, expenditure=attrs.evolve(expenditure, rows=_replaced(expenditure.rows, index, raised))
    )


def _m_table_chain(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    expenditure = _need(d.expenditure)
    rows = _bump_chain(draw, expenditure.rows, _delta(draw))
    return attrs.evolve(d, expenditure=attrs.evolve(expenditure, rows=rows))


def _m_kind_line(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    expenditure = _need(d.expenditure)
    lines = expenditure.lines
    index = next(i for i, line in enumerate(lines) if line.kind is ExpenditureKind.AFFILIATE_SUBSIDY)
    return attrs.evolve(
        d, expenditure=attrs.evolve(expenditure, lines=_raised_at(lines, index, _delta(draw), "amount"))
    )


def _m_fiscal(field: str) -> Apply:
    def apply(draw: st.DrawFn, d: Disclosure) -> Disclosure:
        return attrs.evolve(d, fiscal=_raised(_need(d.fiscal), _delta(draw), field))

    return apply


def _m_fiscal_above(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    fiscal, overview = _need(d.fiscal), _need(d.overview)
    closing = _need(overview.closing_balance) + _delta(draw)
    return attrs.evolve(d, fiscal=attrs.evolve(fiscal, closing_balance=closing))


def _m_general_chain(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    gb = _need(d.general_budget)
    return attrs.evolve(d, general_budget=attrs.evolve(gb, rows=_bump_chain(draw, gb.rows, _delta(draw))))


def _m_economic_line(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    basic = _need(d.basic_expenditure)
    part = draw(st.sampled_from(tuple(BasicExpensePart)))
    return attrs.evolve(
        d, basic_expenditure=attrs.evolve(basic, lines=_bump_basic_line(draw, basic, part, _delta(draw)))
    )


def _m_personnel(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    basic = _need(d.basic_expenditure)
    delta = _delta(draw)
    lines = _bump_basic_line(draw, basic, BasicExpensePart.PERSONNEL, delta)
    changed = attrs.evolve(basic, personnel=_need(basic.personnel) + delta, lines=lines)
    return attrs.evolve(d, basic_expenditure=changed)


MUTATIONS: Final = (
    _mutation(
        "revenue-source",
        ["R1"],
        "a 非财政拨款 revenue source line of §二 is raised by 1–50 万元",
        _m_revenue_line,
        ["R37"],
        _SHARES_WHY,
        restated=True,
    ),
    _mutation(
        "grand-revenue-total",
        ["R2", "R5"],
        "收入总计 of §一 is raised (its stated change recomputed from it)",
        _m_overview("revenue_grand_total"),
        why=_LINKED_WHY,
        restated=True,
    ),
    _mutation(
        "summary-class",
        ["R3", "R12"],
        "one 类 row of 收入支出决算总表 (T1) as §三 quotes it is raised",
        _m_one_row("expenditure", "classes", "amount"),
        why="the T1 class rows are also compared with the T3 class rows (R12)",
        restated=True,
    ),
    _mutation(
        "closing-balance",
        ["R4", "R6"],
        "年末结转和结余 of the summary table as §一 quotes it is raised",
        _m_overview("closing_balance"),
        why=_LINKED_WHY,
        restated=True,
    ),
    _mutation(
        "grand-expenditure-total",
        ["R4", "R5"],
        "支出总计 of §一 is raised",
        _m_overview("expenditure_grand_total"),
        why=_LINKED_WHY,
        restated=True,
    ),
    _mutation(
        "opening-balance",
        ["R2", "R6"],
        "年初结转和结余 of the summary table as §一 quotes it is raised",
        _m_overview("opening_balance"),
        why=_LINKED_WHY,
        restated=True,
    ),
    _mutation(
        "kind-relabelled",
        ["R7"],
        "对附属单位补助支出 is printed as 经营支出 or 上缴上级支出 (a note), in §三 and in 支出决算表 alike",
        _m_relabel_kind,
    ),
    _mutation(
        "revenue-table-row",
        ["R8"],
        "a 收入决算表 (T2) row whose 合计 exceeds the sum of its sources is added",
        _m_revenue_row,
    ),
    _mutation(
        "fund-table-rollup",
        ["R9"],
        "a 类 row of the 政府性基金 table as §八 quotes it is raised (with its 项目支出 column) but not its 款/项",
        _m_fund_rollup,
        restated=True,
    ),
    _mutation(
        "table-kind-column",
        ["R11"],
        "one T3 row's 对附属单位补助支出 column is raised without its 合计",
        _m_row_column,
    ),
    _mutation(
        "table-disagrees",
        ["R12"],
        "one branch (项, 款, 类) of 支出决算表 (T3) is raised consistently, so T3 disagrees with T1",
        _m_table_chain,
    ),
    _mutation(
        "kind-line",
        ["R13"],
        "the 对附属单位补助支出 line of §三 is raised",
        _m_kind_line,
        ["R37"],
        _SHARES_WHY,
        restated=True,
    ),
    _mutation(
        "fiscal-revenue",
        ["R14", "R15"],
        "财政拨款 本年收入合计 of T4 as §四 quotes it is raised",
        _m_fiscal("revenue_total"),
        why="the fiscal grand total is also the sum of fiscal revenue and opening balance (R15)",
        restated=True,
    ),
    _mutation(
        "fiscal-opening",
        ["R15"],
        "年初财政拨款结转和结余 of T4 as §四 quotes it is raised",
        _m_fiscal("opening_balance"),
        restated=True,
    ),
    _mutation(
        "fiscal-closing",
        ["R17"],
        "年末财政拨款结转和结余 of T4 as §四 quotes it is raised",
        _m_fiscal("closing_balance"),
        restated=True,
    ),
    _mutation(
        "fund-flow",
        ["R18"],
        "one fund's 年末结转和结余 in T4 as §四 quotes it is raised",
        _m_one_row("fiscal", "funds", "closing"),
        restated=True,
    ),
    _mutation(
        "fiscal-above-department",
        ["R17", "R19"],
        "年末财政拨款结转和结余 is quoted in §四 above the department's whole closing balance",
        _m_fiscal_above,
        why="the fiscal closing balance is also part of the fiscal grand total (R17)",
        restated=True,
    ),
    _mutation(
        "general-table-disagrees",
        ["R21"],
        "one branch of the 一般公共预算 table (T6) is raised consistently, so T6 disagrees with §五",
        _m_general_chain,
    ),
    _mutation(
        "economic-line",
        ["R22"],
        "one economic 款 row of 基本支出 (T8) is raised",
        _m_economic_line,
    ),
    _mutation(
        "personnel",
        ["R23"],
        "人员经费 and one 301/303 row of §六 are raised together, so 人员 + 公用 ≠ 基本支出",
        _m_personnel,
        restated=True,
    ),
)
