"""Rules between printings: the same figure in two standard tables, and a narrative figure and its cell (R67–R68).

The identities are data: :data:`CROSS_TABLE` and :data:`ROW_LINKS` between tables, with ``at_most``
where only ≤ holds in every layout (a unit with 事业收入 spends more than its 财政拨款);
:data:`NARRATIVE_LINKS` from each narrative section's figures to the cells that print them again.
Every finding names both printings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import attrs

from budgetacct.auditing.check import Checker
from budgetacct.auditing.rules._common import THREE_PUBLIC_CODES, plain
from budgetacct.auditing.rules.table_cells import CellRef, Printed, compare, find, narrative_against_cells
from budgetacct.codes import EconomicCode
from budgetacct.model.disclosure import Disclosure
from budgetacct.model.enums import ExpenditureKind
from budgetacct.model.table_figures import FUND_LINES, FUND_MEASURE, OVERVIEW_LINES, THREE_PUBLIC_MEASURES
from budgetacct.model.tables import Basis, Column, Line, Measure, RowKey, TableKind
from budgetacct.money import Amount

__all__ = ["CROSS_TABLE", "NARRATIVE_LINKS", "ROW_LINKS", "Link", "RowLink"]


@attrs.frozen
class Link:
    """``total`` = Σ ``parts`` (``at_most``: ≤) between cells of different tables."""

    total: CellRef
    parts: tuple[CellRef, ...]
    at_most: bool = False


@attrs.frozen
class RowLink:
    """Every 功能分类 row printed in both tables: ``a``'s column equals (or is at most) ``b``'s."""

    a: TableKind
    a_column: Column
    b: TableKind
    b_column: Column
    at_most: bool = False


_A = Column(Measure.AMOUNT)
_T = Column(Measure.TOTAL)


def _ref(kind: TableKind, key: RowKey, measure: Measure, basis: Basis = Basis.ACTUAL) -> CellRef:
    return CellRef(kind, key, Column(measure, basis))


_S, _R, _E, _F = TableKind.SUMMARY, TableKind.REVENUE, TableKind.EXPENDITURE, TableKind.FISCAL_SUMMARY
_G, _B = TableKind.GENERAL_BUDGET, TableKind.GENERAL_BUDGET_BASIC

#: Identities between two tables' cells.  ``at_most`` where only ≤ holds in every layout (a unit
#: with 事业收入 spends more than its 财政拨款).
CROSS_TABLE: tuple[Link, ...] = (
    Link(_ref(_S, Line.REVENUE_TOTAL, Measure.AMOUNT), (_ref(_R, Line.TOTAL, Measure.TOTAL),)),
    Link(
        _ref(_R, Line.TOTAL, Measure.FISCAL),
        tuple(
            _ref(_S, line, Measure.AMOUNT)
            for line in (
                Line.GENERAL_BUDGET_REVENUE,
                Line.GOVERNMENT_FUND_REVENUE,
                Line.STATE_CAPITAL_REVENUE,
            )
        ),
    ),
    *(
        Link(_ref(_S, line, Measure.AMOUNT), (_ref(_R, Line.TOTAL, measure),))
        for line, measure in (
            (Line.SUPERIOR_SUBSIDY, Measure.SUPERIOR_SUBSIDY),
            (Line.OPERATIONS, Measure.OPERATIONS),
            (Line.BUSINESS, Measure.BUSINESS_REVENUE),
            (Line.AFFILIATED_REMITTANCE, Measure.AFFILIATED_REMITTANCE),
            (Line.OTHER, Measure.OTHER_REVENUE),
        )
    ),
    Link(_ref(_S, Line.EXPENDITURE_TOTAL, Measure.AMOUNT), (_ref(_E, Line.TOTAL, Measure.TOTAL),)),
    *(
        Link(_ref(_F, fiscal, Measure.AMOUNT), (_ref(_S, revenue, Measure.AMOUNT),))
        for fiscal, revenue in (
            (Line.FISCAL_GENERAL_BUDGET, Line.GENERAL_BUDGET_REVENUE),
            (Line.FISCAL_GOVERNMENT_FUND, Line.GOVERNMENT_FUND_REVENUE),
            (Line.FISCAL_STATE_CAPITAL, Line.STATE_CAPITAL_REVENUE),
        )
    ),
    Link(_ref(_F, Line.EXPENDITURE_TOTAL, Measure.GENERAL_BUDGET), (_ref(_G, Line.TOTAL, Measure.TOTAL),)),
    Link(_ref(_G, Line.TOTAL, Measure.BASIC), (_ref(_B, Line.TOTAL, Measure.AMOUNT),)),
    Link(_ref(_G, Line.TOTAL, Measure.BASIC), (_ref(_E, Line.TOTAL, Measure.BASIC),), at_most=True),
    Link(_ref(_G, Line.TOTAL, Measure.PROJECT), (_ref(_E, Line.TOTAL, Measure.PROJECT),), at_most=True),
    Link(
        _ref(_F, Line.OPENING_BALANCE, Measure.AMOUNT),
        (_ref(_S, Line.OPENING_BALANCE, Measure.AMOUNT),),
        at_most=True,
    ),
    Link(
        _ref(_F, Line.CLOSING_BALANCE, Measure.TOTAL),
        (_ref(_S, Line.CLOSING_BALANCE, Measure.AMOUNT),),
        at_most=True,
    ),
    Link(
        _ref(_F, Line.EXPENDITURE_TOTAL, Measure.TOTAL),
        (_ref(_S, Line.EXPENDITURE_TOTAL, Measure.AMOUNT),),
        at_most=True,
    ),
    *(
        link
        for fund_table, fund_measure, fiscal, opening in (
            (
                TableKind.GOVERNMENT_FUND,
                Measure.GOVERNMENT_FUND,
                Line.FISCAL_GOVERNMENT_FUND,
                Line.OPENING_GOVERNMENT_FUND,
            ),
            (
                TableKind.STATE_CAPITAL,
                Measure.STATE_CAPITAL,
                Line.FISCAL_STATE_CAPITAL,
                Line.OPENING_STATE_CAPITAL,
            ),
        )
        for link in (
            Link(
                _ref(_F, Line.EXPENDITURE_TOTAL, fund_measure),
                (_ref(fund_table, Line.TOTAL, Measure.EXPENDITURE),),
            ),
            Link(_ref(_F, fiscal, Measure.AMOUNT), (_ref(fund_table, Line.TOTAL, Measure.REVENUE),)),
            Link(_ref(_F, opening, Measure.AMOUNT), (_ref(fund_table, Line.TOTAL, Measure.OPENING),)),
            Link(
                _ref(_F, Line.CLOSING_BALANCE, fund_measure), (_ref(fund_table, Line.TOTAL, Measure.CLOSING),)
            ),
        )
    ),
    Link(
        _ref(_F, Line.EXPENDITURE_TOTAL, Measure.STATE_CAPITAL),
        (_ref(TableKind.STATE_CAPITAL_EXPENDITURE, Line.TOTAL, Measure.TOTAL),),
    ),
    # A detail table's 合计 row is a figure its summary table prints.
    *(
        Link(_ref(detail, Line.TOTAL, measure), (_ref(summary, line, summary_measure),))
        for detail, measure, summary, line, summary_measure in (
            (TableKind.FISCAL_DETAIL, Measure.TOTAL, _F, Line.EXPENDITURE_TOTAL, Measure.TOTAL),
            (TableKind.GENERAL_BUDGET_DETAIL, Measure.TOTAL, _G, Line.TOTAL, Measure.TOTAL),
            (TableKind.GENERAL_BUDGET_PROJECT, Measure.PROJECT, _G, Line.TOTAL, Measure.PROJECT),
        )
    ),
    # 机关运行经费 is paid from the 公用经费 of 行政单位 (R43, between the tables)
    Link(
        _ref(TableKind.OPERATING_COSTS, Line.TOTAL, Measure.OPERATING_COSTS),
        (_ref(_B, Line.PUBLIC_TOTAL, Measure.AMOUNT),),
        at_most=True,
    ),
    # The 基本支出 booked on a 三公 款 is part of that 三公 决算数 (R30, between the tables): the
    # 三公 table counts 财政拨款 spending of every kind (基本 and 项目, this year's money and
    # carry-over), the 基本支出 table one fund's 基本支出 only — so ≤ in every layout, never =.
    *(
        Link(
            CellRef(_B, EconomicCode(code), _A),
            (_ref(TableKind.THREE_PUBLIC, Line.THREE_PUBLIC, dict(THREE_PUBLIC_MEASURES)[figure]),),
            at_most=True,
        )
        for codes, figure, _ in THREE_PUBLIC_CODES
        for code in codes
    ),
)

#: Row-by-row identities between tables keyed by the same 功能分类 codes.
ROW_LINKS: tuple[RowLink, ...] = (
    RowLink(_S, _A, _E, _T),
    RowLink(_F, Column(Measure.GENERAL_BUDGET), _G, _T),
    RowLink(_G, Column(Measure.BASIC), _E, Column(Measure.BASIC), at_most=True),
    RowLink(_G, Column(Measure.PROJECT), _E, Column(Measure.PROJECT), at_most=True),
    RowLink(_F, _T, _E, _T, at_most=True),
    RowLink(TableKind.GOVERNMENT_FUND, Column(Measure.EXPENDITURE), _F, Column(Measure.GOVERNMENT_FUND)),
)


def _relation(at_most: bool) -> tuple[str, str]:
    return ("不应超过", "should not exceed") if at_most else ("应等于", "should equal")


def tables_agree(c: Checker) -> None:
    """The same figure printed in two standard tables agrees (or stays within, where only ≤ holds)."""
    if len(c.d.tables) < 2:
        return  # one table, or none (a ledger's audit): nothing to compare across tables
    for link in CROSS_TABLE:
        total = find(c, link.total)
        parts = [find(c, ref) for ref in link.parts]
        if total is None or any(p is None for p in parts):
            continue
        printed = [p for p in parts if p is not None]
        word_zh, word_en = _relation(link.at_most)
        compare(
            c,
            total,
            printed,
            word_zh,
            f" {word_en} ",
            at_most=link.at_most,
            name_parts=True,
        )
    kinds = {table.kind for table in c.d.tables}
    for row_link in ROW_LINKS:
        if row_link.a not in kinds or row_link.b not in kinds:
            continue
        a_table = next(table for table in c.d.tables if table.kind is row_link.a)
        word_zh, word_en = _relation(row_link.at_most)
        for row in a_table.rows:
            if row.function is None:
                continue
            a = find(c, CellRef(row_link.a, row.function, row_link.a_column))
            b = find(c, CellRef(row_link.b, row.function, row_link.b_column))
            if a is None or b is None:
                continue
            compare(
                c,
                a,
                [b],
                word_zh,
                f" {word_en} ",
                at_most=row_link.at_most,
                name_parts=True,
            )


# --- narrative against tables ---------------------------------------------------------------------

#: A narrative figure: its path and its printed amount, given the disclosure.
Reading = Callable[[Disclosure], Iterator[tuple[str, Amount | None, CellRef]]]


#: A section's fields, each with the cell that prints it again.
Cells = tuple[tuple[str, CellRef], ...]


def _fields(path: str, section: object, cells: Cells) -> Iterator[tuple[str, Amount | None, CellRef]]:
    for name, ref in cells:
        yield f"{path}.{name}", getattr(section, name), ref


def _section(name: str, cells: Cells) -> Reading:
    """The reading of the disclosure's section ``name``: its fields named in ``cells``."""

    def reading(d: Disclosure) -> Iterator[tuple[str, Amount | None, CellRef]]:
        section = getattr(d, name)
        if section is not None:
            yield from _fields(f"$.{name}", section, cells)

    return reading


#: The overview's figures, each on the summary table's line it is printed on.
_OVERVIEW_CELLS: Cells = tuple((name, CellRef(_S, line, _A)) for name, line in OVERVIEW_LINES.items())


def _revenue_lines(d: Disclosure) -> Iterator[tuple[str, Amount | None, CellRef]]:
    for i, line in enumerate(d.revenue.lines if d.revenue is not None else ()):
        yield f"$.revenue.lines[{i}].amount", line.amount, CellRef(_S, Line.of_source(line.source), _A)


_KIND_MEASURE = {
    ExpenditureKind.BASIC: Measure.BASIC,
    ExpenditureKind.PROJECT: Measure.PROJECT,
    ExpenditureKind.REMITTANCE: Measure.REMITTANCE,
    ExpenditureKind.BUSINESS: Measure.BUSINESS_EXPENDITURE,
    ExpenditureKind.AFFILIATE_SUBSIDY: Measure.AFFILIATE_SUBSIDY,
}


def _expenditure_lines(d: Disclosure) -> Iterator[tuple[str, Amount | None, CellRef]]:
    e = d.expenditure
    if e is None:
        return
    for i, kind_line in enumerate(e.lines):
        yield (
            f"$.expenditure.lines[{i}].amount",
            kind_line.amount,
            CellRef(_E, Line.TOTAL, Column(_KIND_MEASURE[kind_line.kind])),
        )
    for i, line in enumerate(e.classes):
        yield f"$.expenditure.classes[{i}].amount", line.amount, CellRef(_S, line.code, _A)


_FISCAL_CELLS: Cells = (
    ("grand_total", CellRef(_F, Line.REVENUE_GRAND_TOTAL, _A)),
    ("revenue_total", CellRef(_F, Line.REVENUE_TOTAL, _A)),
    ("expenditure_total", CellRef(_F, Line.EXPENDITURE_TOTAL, _T)),
    ("opening_balance", CellRef(_F, Line.OPENING_BALANCE, _A)),
    ("closing_balance", CellRef(_F, Line.CLOSING_BALANCE, _T)),
)


def _fiscal_funds(d: Disclosure) -> Iterator[tuple[str, Amount | None, CellRef]]:
    funds = d.fiscal.funds if d.fiscal is not None else ()
    for i, flow in enumerate(funds):
        if flow.fund not in FUND_LINES:
            continue
        (fiscal_line, opening_line), measure = FUND_LINES[flow.fund], FUND_MEASURE[flow.fund]
        yield from _fields(
            f"$.fiscal.funds[{i}]",
            flow,
            (
                ("opening", CellRef(_F, opening_line, _A)),
                ("revenue", CellRef(_F, fiscal_line, _A)),
                ("expenditure", CellRef(_F, Line.EXPENDITURE_TOTAL, Column(measure))),
                ("closing", CellRef(_F, Line.CLOSING_BALANCE, Column(measure))),
            ),
        )


_GENERAL_BUDGET_TOTALS: Cells = tuple(
    (name, CellRef(_G, Line.TOTAL, _T)) for name in ("total", "structure_total", "detail_total")
)


def _general_budget_lines(d: Disclosure) -> Iterator[tuple[str, Amount | None, CellRef]]:
    g = d.general_budget
    if g is None:
        return
    for i, line in enumerate(g.classes):
        yield f"$.general_budget.classes[{i}].amount", line.amount, CellRef(_G, line.code, _T)
    for i, line in enumerate(g.items):
        yield from _fields(
            f"$.general_budget.items[{i}]",
            line,
            (
                ("amount", CellRef(_G, line.code, _T)),
                ("basic", CellRef(_G, line.code, Column(Measure.BASIC))),
                ("project", CellRef(_G, line.code, Column(Measure.PROJECT))),
            ),
        )


_BASIC_CELLS: Cells = (
    ("total", CellRef(_B, Line.TOTAL, _A)),
    ("personnel", CellRef(_B, Line.PERSONNEL_TOTAL, _A)),
    ("public", CellRef(_B, Line.PUBLIC_TOTAL, _A)),
)


def _three_public(d: Disclosure) -> Iterator[tuple[str, Amount | None, CellRef]]:
    t = d.three_public
    if t is None:
        return
    for name, measure in THREE_PUBLIC_MEASURES:
        yield from _fields(
            f"$.three_public.{name}",
            getattr(t, name),
            (
                ("actual", CellRef(TableKind.THREE_PUBLIC, Line.THREE_PUBLIC, Column(measure))),
                ("budget", CellRef(TableKind.THREE_PUBLIC, Line.THREE_PUBLIC, Column(measure, Basis.BUDGET))),
            ),
        )


#: Each fund section's totals, with the columns of its table's 合计 row that print them.
_FUND_TOTALS: tuple[tuple[str, TableKind, Cells], ...] = tuple(
    (
        name,
        kind,
        tuple(
            (field, CellRef(kind, Line.TOTAL, Column(measure)))
            for field, measure in (
                ("total", Measure.EXPENDITURE),
                ("opening_balance", Measure.OPENING),
                ("revenue", Measure.REVENUE),
                ("closing_balance", Measure.CLOSING),
            )
        ),
    )
    for name, kind in (
        ("government_fund", TableKind.GOVERNMENT_FUND),
        ("state_capital", TableKind.STATE_CAPITAL),
    )
)


def _funds(d: Disclosure) -> Iterator[tuple[str, Amount | None, CellRef]]:
    for name, kind, totals in _FUND_TOTALS:
        f = getattr(d, name)
        if f is None:
            continue
        yield from _fields(f"$.{name}", f, totals)
        for i, line in enumerate(f.lines):
            yield (
                f"$.{name}.lines[{i}].amount",
                line.amount,
                CellRef(kind, line.code, Column(Measure.EXPENDITURE)),
            )
    s = d.state_capital
    if s is not None:
        kind = TableKind.STATE_CAPITAL_EXPENDITURE
        yield "$.state_capital.total", s.total, CellRef(kind, Line.TOTAL, _T)


def _other_matters(d: Disclosure) -> Iterator[tuple[str, Amount | None, CellRef]]:
    o = d.operating_costs
    if o is not None:
        cell = CellRef(TableKind.OPERATING_COSTS, Line.TOTAL, Column(Measure.OPERATING_COSTS))
        yield "$.operating_costs.amount", o.amount, cell
    p = d.procurement
    if p is not None:
        for name, line in (
            ("total", Line.TOTAL),
            ("goods", Line.PROCUREMENT_GOODS),
            ("works", Line.PROCUREMENT_WORKS),
            ("services", Line.PROCUREMENT_SERVICES),
        ):
            yield f"$.procurement.{name}", getattr(p, name), CellRef(TableKind.PROCUREMENT, line, _A)


#: Where each narrative figure is restated in a standard table.
NARRATIVE_LINKS: tuple[Reading, ...] = (
    _section("overview", _OVERVIEW_CELLS),
    _section("revenue", (("total", CellRef(_S, Line.REVENUE_TOTAL, _A)),)),
    _revenue_lines,
    _section("expenditure", (("total", CellRef(_S, Line.EXPENDITURE_TOTAL, _A)),)),
    _expenditure_lines,
    _section("fiscal", _FISCAL_CELLS),
    _fiscal_funds,
    _section("general_budget", _GENERAL_BUDGET_TOTALS),
    _general_budget_lines,
    _section("basic_expenditure", _BASIC_CELLS),
    _three_public,
    _funds,
    _other_matters,
)


def narrative_matches_tables(c: Checker) -> None:
    """Every narrative figure that restates a table cell agrees with the cell, each within its own rounding."""
    if not c.d.tables:
        return
    for reading in NARRATIVE_LINKS:
        narrative_against_cells(c, reading(c.d), _differs_from_cell)


def _differs_from_cell(cell: Printed, amount: Amount) -> tuple[str, str]:
    return (
        f"说明中的数字与{cell.zh}不一致（说明{plain(amount.value)}万元，表中{plain(cell.amount.value)}万元）",
        f"the narrative's figure differs from {cell.en} (narrative {plain(amount.value)}, table {plain(cell.amount.value)})",
    )
