"""The standard tables a narrative states: its sections laid out by the tables' specs.

A :class:`~budgetacct.model.disclosure.Disclosure` read from a 决算说明 has sections but no
``tables``.  :func:`tables_from_sections` fills each table of a set
(:data:`~budgetacct.model.table_specs.TABLE_SETS`) through its
:class:`~budgetacct.model.table_specs.TableSpec` with the figures the sections state, so that a
narrative-only disclosure and a published one are rendered by the same renderer in the same
layout.  Nothing is computed that the sections do not state (the one sum taken is the 财政拨款收入
of the fiscal revenue lines, a column the 收入决算表 prints); a cell the narrative does not state is
blank.  A table whose stated figures are all zero carries the standard note.

>>> from budgetacct import load_example
>>> from budgetacct.model.tables import Column, Line, Measure
>>> tables = tables_from_sections(load_example("xiqu-2021"))
>>> [t.number for t in tables][:2], len(tables)
(['公开01表', '公开02表'], 9)
>>> tables[0].cell(Line.REVENUE_GRAND_TOTAL, Column(Measure.AMOUNT))
Amount('874.63')
>>> tables[8].notes
('本部门2021年度没有国有资本经营预算财政拨款支出，故本表无数据。',)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Final

from budgetacct.codes import FunctionCode
from budgetacct.model.disclosure import Disclosure, FunctionLine, FundSpending, RevenueRow
from budgetacct.model.enums import ExpenditureKind, Fund, RevenueSource
from budgetacct.model.table_figures import (
    FUND_LINES,
    FUND_MEASURE,
    OVERVIEW_LINES,
    THREE_PUBLIC_MEASURES,
    PanelBuilder,
)
from budgetacct.model.table_layout import PanelSpec, TableEntry, TableSpec
from budgetacct.model.table_specs import TABLE_SETS, spec_for
from budgetacct.model.tables import (
    Basis,
    Cell,
    Column,
    Line,
    Measure,
    Panel,
    StandardTable,
    TableKind,
    TableRow,
)
from budgetacct.money import Amount

__all__ = [
    "FUND_COLUMNS",
    "FUND_LINES",
    "KIND_COLUMNS",
    "REVENUE_ROW_FIELDS",
    "SOURCE_COLUMNS",
    "SPENDING_FIELDS",
    "THREE_PUBLIC_FIELDS",
    "table_from_sections",
    "tables_from_sections",
]

#: Figures of one row: column → the stated figure (a column left out is blank).
Figures = Mapping[Column, Cell]

_A: Final = Column(Measure.AMOUNT)
_T: Final = Column(Measure.TOTAL)
_ZERO: Final = Amount(0)

#: Which field of a section each column or line shows (the workbook reader reads them back).
#: The FunctionLine field each spending column shows.
SPENDING_FIELDS: Final = {
    _T: "amount",
    Column(Measure.EXPENDITURE): "amount",
    Column(Measure.BASIC): "basic",
    Column(Measure.PROJECT): "project",
    Column(Measure.REMITTANCE): "remittance",
    Column(Measure.BUSINESS_EXPENDITURE): "business",
    Column(Measure.AFFILIATE_SUBSIDY): "affiliate_subsidy",
}
#: The RevenueRow field each 收入决算表 column shows.
REVENUE_ROW_FIELDS: Final = {
    _T: "total",
    Column(Measure.FISCAL): "fiscal",
    Column(Measure.SUPERIOR_SUBSIDY): "superior_subsidy",
    Column(Measure.OPERATIONS): "operations",
    Column(Measure.BUSINESS_REVENUE): "business",
    Column(Measure.AFFILIATED_REMITTANCE): "affiliated_remittance",
    Column(Measure.OTHER_REVENUE): "other",
}
SOURCE_COLUMNS: Final = {
    RevenueSource.SUPERIOR_SUBSIDY: Column(Measure.SUPERIOR_SUBSIDY),
    RevenueSource.OPERATIONS: Column(Measure.OPERATIONS),
    RevenueSource.BUSINESS: Column(Measure.BUSINESS_REVENUE),
    RevenueSource.AFFILIATED_REMITTANCE: Column(Measure.AFFILIATED_REMITTANCE),
    RevenueSource.OTHER: Column(Measure.OTHER_REVENUE),
}
KIND_COLUMNS: Final = {
    ExpenditureKind.BASIC: Column(Measure.BASIC),
    ExpenditureKind.PROJECT: Column(Measure.PROJECT),
    ExpenditureKind.REMITTANCE: Column(Measure.REMITTANCE),
    ExpenditureKind.BUSINESS: Column(Measure.BUSINESS_EXPENDITURE),
    ExpenditureKind.AFFILIATE_SUBSIDY: Column(Measure.AFFILIATE_SUBSIDY),
}
FUND_COLUMNS: Final = {fund: Column(measure) for fund, measure in FUND_MEASURE.items()}
#: The “三公” figures of a ThreePublic, by column measure.
THREE_PUBLIC_FIELDS: Final = {measure: name for name, measure in THREE_PUBLIC_MEASURES}


# --- pieces -------------------------------------------------------------------------------------


#: The figures as the narrative states them: no rounding, and no catalogue names (the narrative's
#: coded rows carry the names it prints).
_panel: Final = PanelBuilder(None, None).panel


def _function_rows(
    spec: PanelSpec,
    lines: Iterable[FunctionLine | RevenueRow],
    fields: Mapping[Column, str],
    *,
    classes_only: bool = False,
) -> list[TableRow]:
    """One row per stated code (sorted), its cells the line's ``fields`` (blank where it has none)."""
    rows: dict[FunctionCode, TableRow] = {}
    for line in sorted(lines, key=lambda line: line.code.code):
        if line.code in rows or (classes_only and len(line.code.code) != 3):
            continue
        cells = tuple(getattr(line, fields[c.column]) if c.column in fields else None for c in spec.columns)
        rows[line.code] = TableRow.of_function(line.code, cells, name=line.name)
    return list(rows.values())


def _amount(owner: object, field: str) -> Amount | None:
    value = getattr(owner, field) if owner is not None else None
    return value if isinstance(value, Amount) else None


def _fiscal_sum(d: Disclosure) -> Amount | None:
    """财政拨款收入: the sum of the fiscal source lines the narrative states (``None`` if none)."""
    stated = [line.amount for line in (d.revenue.lines if d.revenue else ()) if line.source.is_fiscal]
    return sum(stated, _ZERO) if stated else None


# --- one builder per kind -----------------------------------------------------------------------

Builder = Callable[[Disclosure, TableSpec], tuple[Panel, ...]]


def _summary(d: Disclosure, spec: TableSpec) -> tuple[Panel, ...]:
    o, r, e = d.overview, d.revenue, d.expenditure
    lines: dict[Line, Figures] = {}
    for source in RevenueSource:
        lines[Line.of_source(source)] = {_A: _amount(r.get(source) if r else None, "amount")}
    lines[Line.FISCAL_REVENUE] = {_A: _fiscal_sum(d)}
    lines[Line.REVENUE_TOTAL] = {_A: _amount(r, "total")}
    for field, line in OVERVIEW_LINES.items():
        lines[line] = {_A: _amount(o, field)}
    lines[Line.EXPENDITURE_TOTAL] = {_A: _amount(e, "total")}
    classes: Sequence[FunctionLine] = (e.classes or e.rows) if e is not None else ()
    revenue_side, expenditure_side = spec.panels
    coded = _function_rows(expenditure_side, classes, {_A: "amount"}, classes_only=True)
    return _panel(revenue_side, lines), _panel(expenditure_side, lines, coded)


def _revenue(d: Disclosure, spec: TableSpec) -> tuple[Panel, ...]:
    r = d.revenue
    total: dict[Column, Cell] = {_T: _amount(r, "total"), Column(Measure.FISCAL): _fiscal_sum(d)}
    for source, column in SOURCE_COLUMNS.items():
        total[column] = _amount(r.get(source) if r else None, "amount")
    (panel,) = spec.panels
    rows = _function_rows(panel, r.rows if r else (), REVENUE_ROW_FIELDS)
    return (_panel(panel, {Line.TOTAL: total}, rows),)


def _expenditure(d: Disclosure, spec: TableSpec) -> tuple[Panel, ...]:
    e = d.expenditure
    total: dict[Column, Cell] = {_T: _amount(e, "total")}
    for kind, column in KIND_COLUMNS.items():
        total[column] = _amount(e.get(kind) if e else None, "amount")
    (panel,) = spec.panels
    return (_panel(panel, {Line.TOTAL: total}, _function_rows(panel, e.rows if e else (), SPENDING_FIELDS)),)


def _fiscal_summary(d: Disclosure, spec: TableSpec) -> tuple[Panel, ...]:
    f, r = d.fiscal, d.revenue

    def flow(fund: Fund, field: str) -> Amount | None:
        value = _amount(f.get(fund) if f else None, field)
        if value is None and field == "revenue" and r is not None and fund.revenue_source is not None:
            value = _amount(r.get(fund.revenue_source), "amount")
        return value

    lines: dict[Line, Figures] = {}
    for fund, (fiscal_line, opening_line) in FUND_LINES.items():
        lines[fiscal_line] = {_A: flow(fund, "revenue")}
        lines[opening_line] = {_A: flow(fund, "opening")}
    lines[Line.REVENUE_TOTAL] = {_A: _amount(f, "revenue_total")}
    lines[Line.OPENING_BALANCE] = {_A: _amount(f, "opening_balance")}
    lines[Line.REVENUE_GRAND_TOTAL] = {_A: _amount(f, "grand_total")}
    for line, field, flow_field in (
        (Line.EXPENDITURE_TOTAL, "expenditure_total", "expenditure"),
        (Line.CLOSING_BALANCE, "closing_balance", "closing"),
    ):
        lines[line] = {_T: _amount(f, field)} | {
            c: flow(fund, flow_field) for fund, c in FUND_COLUMNS.items()
        }
    lines[Line.EXPENDITURE_GRAND_TOTAL] = {_T: _amount(f, "grand_total")}
    g = d.general_budget
    by_fund: dict[Fund, Sequence[FunctionLine]] = {
        Fund.GENERAL_BUDGET: g.classes if g else (),
        Fund.GOVERNMENT_FUND: d.government_fund.lines if d.government_fund else (),
        Fund.STATE_CAPITAL: d.state_capital.lines if d.state_capital else (),
    }
    classes: dict[FunctionCode, dict[Fund, FunctionLine]] = {}
    for fund, fund_lines in by_fund.items():
        for fund_line in fund_lines:
            if len(fund_line.code.code) == 3:
                classes.setdefault(fund_line.code, {}).setdefault(fund, fund_line)
    revenue_side, expenditure_side = spec.panels
    coded = []
    for code in sorted(classes, key=lambda c: c.code):
        found = classes[code]
        figures: dict[Column, Cell] = {FUND_COLUMNS[fund]: line.amount for fund, line in found.items()}
        if len(found) == 1:  # one fund: its figure is the row's 合计 too
            figures[_T] = next(iter(found.values())).amount
        named = next(line.name for line in found.values())  # the first fund names it
        cells = tuple(figures.get(c.column) for c in expenditure_side.columns)
        coded.append(TableRow.of_function(code, cells, name=named))
    return _panel(revenue_side, lines), _panel(expenditure_side, lines, coded)


def _general_budget_lines(d: Disclosure) -> tuple[FunctionLine, ...]:
    """The 一般公共预算 rows: the published rows, else the 类 of the structure and the 项 of the detail."""
    g = d.general_budget
    if g is None:
        return ()
    return g.rows or (*g.classes, *g.items)


def _general_budget(d: Disclosure, spec: TableSpec) -> tuple[Panel, ...]:
    (panel,) = spec.panels
    total = {
        _T: _amount(d.general_budget, "total"),
        Column(Measure.BASIC): _amount(d.basic_expenditure, "total"),
    }
    return (
        _panel(panel, {Line.TOTAL: total}, _function_rows(panel, _general_budget_lines(d), SPENDING_FIELDS)),
    )


def _fiscal_detail(d: Disclosure, spec: TableSpec) -> tuple[Panel, ...]:
    (panel,) = spec.panels
    return (_panel(panel, {Line.TOTAL: {_T: _amount(d.fiscal, "expenditure_total")}}),)


def _basic(d: Disclosure, spec: TableSpec) -> tuple[Panel, ...]:
    b = d.basic_expenditure
    (panel,) = spec.panels
    coded: dict[object, TableRow] = {}
    for line in sorted(b.lines if b else (), key=lambda line: line.code.code):
        coded.setdefault(line.code, TableRow.of_economic(line.code, (line.amount,), name=line.name))
    lines = {
        Line.PERSONNEL_TOTAL: {_A: _amount(b, "personnel")},
        Line.PUBLIC_TOTAL: {_A: _amount(b, "public")},
        Line.TOTAL: {_A: _amount(b, "total")},
    }
    return (_panel(panel, lines, coded.values()),)


def _project(d: Disclosure, spec: TableSpec) -> tuple[Panel, ...]:
    (panel,) = spec.panels
    stated = [line for line in _general_budget_lines(d) if line.project is not None]
    return (_panel(panel, {}, _function_rows(panel, stated, {Column(Measure.PROJECT): "project"})),)


def _three_public(d: Disclosure, spec: TableSpec) -> tuple[Panel, ...]:
    tp = d.three_public if spec.kind is TableKind.THREE_PUBLIC else None
    figures: dict[Column, Cell] = {}
    if tp is not None:
        for measure, name in THREE_PUBLIC_FIELDS.items():
            figure = getattr(tp, name)
            figures[Column(measure, Basis.ACTUAL)] = figure.actual
            figures[Column(measure, Basis.BUDGET)] = figure.budget
    (panel,) = spec.panels
    return (_panel(panel, {Line.THREE_PUBLIC: figures}),)


def _flow(section: str) -> Builder:
    def build(d: Disclosure, spec: TableSpec) -> tuple[Panel, ...]:
        f: FundSpending | None = getattr(d, section)
        total = {
            Column(Measure.OPENING): _amount(f, "opening_balance"),
            Column(Measure.REVENUE): _amount(f, "revenue"),
            Column(Measure.EXPENDITURE): _amount(f, "total"),
            Column(Measure.CLOSING): _amount(f, "closing_balance"),
        }
        (panel,) = spec.panels
        rows = _function_rows(panel, f.lines if f else (), SPENDING_FIELDS)
        return (_panel(panel, {Line.TOTAL: total}, rows),)

    return build


def _spending(section: str) -> Builder:
    def build(d: Disclosure, spec: TableSpec) -> tuple[Panel, ...]:
        f: FundSpending | None = getattr(d, section)
        (panel,) = spec.panels
        rows = _function_rows(panel, f.lines if f else (), SPENDING_FIELDS)
        return (_panel(panel, {Line.TOTAL: {_T: _amount(f, "total")}}, rows),)

    return build


_BUILDERS: Final[dict[TableKind, Builder]] = {
    TableKind.SUMMARY: _summary,
    TableKind.REVENUE: _revenue,
    TableKind.EXPENDITURE: _expenditure,
    TableKind.FISCAL_SUMMARY: _fiscal_summary,
    TableKind.FISCAL_DETAIL: _fiscal_detail,
    TableKind.GENERAL_BUDGET: _general_budget,
    TableKind.GENERAL_BUDGET_DETAIL: _general_budget,
    TableKind.GENERAL_BUDGET_BASIC: _basic,
    TableKind.GENERAL_BUDGET_PROJECT: _project,
    TableKind.THREE_PUBLIC: _three_public,
    TableKind.GOVERNMENT_FUND: _flow("government_fund"),
    TableKind.GOVERNMENT_FUND_THREE_PUBLIC: _three_public,
    TableKind.STATE_CAPITAL: _flow("state_capital"),
    TableKind.STATE_CAPITAL_EXPENDITURE: _spending("state_capital"),
}


def _stated_none(d: Disclosure, kind: TableKind) -> bool:
    """Whether the narrative says, outside the table, that the table has nothing to show."""
    if kind is TableKind.GOVERNMENT_FUND_THREE_PUBLIC:  # no 政府性基金 spending: no such “三公” either
        total = _amount(d.government_fund, "total")
        return total is not None and total.is_zero()
    if kind is TableKind.GENERAL_BUDGET_PROJECT:  # 一般公共预算支出 all 基本支出
        spent, basic = _amount(d.general_budget, "total"), _amount(d.basic_expenditure, "total")
        return spent is not None and (spent.is_zero() or spent == basic)
    return False


def table_from_sections(d: Disclosure, entry: TableEntry, set_name: str | None = None) -> StandardTable:
    """One table of a set, filled from ``d``'s sections through the table's spec."""
    spec = spec_for(entry.kind, set_name)
    panels = _BUILDERS[entry.kind](d, spec)
    table = StandardTable(entry.kind, entry.title or spec.title, panels, number=entry.number)
    stated = [cell for *_, cell in table.cells() if isinstance(cell, Amount)]
    if table.has_data or not (stated or _stated_none(d, entry.kind)):
        return table
    return table.with_no_data_note(d.year)


def tables_from_sections(d: Disclosure, set_name: str = "mof-9") -> tuple[StandardTable, ...]:
    """The tables of ``set_name`` filled from ``d``'s sections (``KeyError`` for an unknown set)."""
    return tuple(table_from_sections(d, entry, set_name) for entry in TABLE_SETS[set_name].entries)
