"""The standard tables a publisher prints from a ledger: every cell rounded half-up on its own.

:func:`publish_tables` builds each table of a table set (:data:`~budgetacct.model.table_specs.TABLE_SETS`)
from the exact figures of a :class:`~budgetacct.model.ledger.Ledger`, laid out by the table's spec:
the spec's named lines in its order, 功能分类 rows at every level with a figure (类, 款, 项), 经济分类
rows of 基本支出.  A table with no figure carries the standard note (“本部门2021年度没有…，故本表无数据。”).

>>> from budgetacct import load_example
>>> tables = publish_tables(load_example("xiqu-2021", "ledger"), "mof-9")
>>> [t.number for t in tables][:3], len(tables)
(['公开01表', '公开02表', '公开03表'], 9)
>>> from budgetacct.model.tables import Column, Line, Measure
>>> tables[0].cell(Line.REVENUE_GRAND_TOTAL, Column(Measure.AMOUNT))
Amount('874.63')
>>> tables[8].notes
('本部门2021年度没有国有资本经营预算财政拨款支出，故本表无数据。',)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from budgetacct.codes import BasicExpensePart, FunctionCode
from budgetacct.model.enums import FISCAL_FUNDS, ExpenditureKind, Fund, RevenueSource
from budgetacct.model.table_figures import FUND_LINES, FUND_MEASURE, THREE_PUBLIC_MEASURES, LedgerPanels
from budgetacct.model.table_layout import PanelSpec, TableEntry
from budgetacct.model.table_specs import TABLE_SETS, spec_for
from budgetacct.model.tables import Basis, Column, Line, Measure, Panel, StandardTable, TableKind, TableRow
from budgetacct.money import Amount

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.model.ledger import Ledger

__all__ = ["TEMPLATE_TABLE_SETS", "publish_tables"]

#: The table set each narrative template publishes with.
TEMPLATE_TABLE_SETS: Final = {"sichuan-2021": "sichuan-14", "all-lines": "mof-9"}

_ZERO = Amount(0)

#: Figures of one row: column → exact amount (a column left out prints blank).
Figures = Mapping[Column, Amount]

_KIND_MEASURE: Final = {
    ExpenditureKind.BASIC: Measure.BASIC,
    ExpenditureKind.PROJECT: Measure.PROJECT,
    ExpenditureKind.REMITTANCE: Measure.REMITTANCE,
    ExpenditureKind.BUSINESS: Measure.BUSINESS_EXPENDITURE,
    ExpenditureKind.AFFILIATE_SUBSIDY: Measure.AFFILIATE_SUBSIDY,
}
_SOURCE_MEASURE: Final = {
    RevenueSource.SUPERIOR_SUBSIDY: Measure.SUPERIOR_SUBSIDY,
    RevenueSource.OPERATIONS: Measure.OPERATIONS,
    RevenueSource.BUSINESS: Measure.BUSINESS_REVENUE,
    RevenueSource.AFFILIATED_REMITTANCE: Measure.AFFILIATED_REMITTANCE,
    RevenueSource.OTHER: Measure.OTHER_REVENUE,
}
_A: Final = Column(Measure.AMOUNT)
_T: Final = Column(Measure.TOTAL)


class _Builder(LedgerPanels):
    """Builds the tables of one ledger; each cell rounded on its own to ``places`` (None: exact)."""

    def __init__(self, ledger: Ledger, places: int | None) -> None:
        super().__init__(ledger, None if places is None else Decimal(1).scaleb(-places))

    def two_sided(
        self,
        spec_panels: tuple[PanelSpec, ...],
        lines: Mapping[Line, Figures],
        classes: Mapping[FunctionCode, Figures],
    ) -> tuple[Panel, ...]:
        """The 收入 and 支出 panels of a 总表; the 支出 side lists the 功能分类 类 between its lines."""
        revenue_panel, expenditure_panel = spec_panels
        return (
            self.panel(revenue_panel, lines),
            self.panel(
                expenditure_panel, lines, self.coded_rows(expenditure_panel, classes, classes_only=True)
            ),
        )

    # --- figures ------------------------------------------------------------------------------

    def spending_rows(
        self, funds: Iterable[Fund] | None, total: Column, kinds: Mapping[ExpenditureKind, Measure]
    ) -> dict[FunctionCode, Figures]:
        by_function = self.ledger.by_function(funds=None if funds is None else tuple(funds))
        return {
            code: {total: sum(split.values(), _ZERO)}
            | {Column(measure): split.get(kind, _ZERO) for kind, measure in kinds.items()}
            for code, split in by_function.items()
        }

    def spending_total(
        self, funds: Iterable[Fund] | None, total: Column, kinds: Mapping[ExpenditureKind, Measure]
    ) -> Figures:
        ledger = self.ledger
        fund_list = None if funds is None else tuple(funds)
        split = dict.fromkeys(ExpenditureKind, _ZERO)
        for fund in fund_list or (None,):
            for kind, amount in ledger.expenditure_by_kind(fund).items():
                split[kind] = split[kind] + amount
        figures: dict[Column, Amount] = {total: sum(split.values(), _ZERO)}
        for kind, measure in kinds.items():
            figures[Column(measure)] = split[kind]
        return figures


def _summary(b: _Builder, spec_panels: tuple[PanelSpec, ...]) -> tuple[Panel, ...]:
    ledger = b.ledger
    revenue = ledger.revenue_by_source()
    lines: dict[Line, Figures] = {Line.of_source(source): {_A: amount} for source, amount in revenue.items()}
    lines[Line.FISCAL_REVENUE] = {_A: sum((revenue[s] for s in revenue if s.is_fiscal), _ZERO)}
    lines[Line.REVENUE_TOTAL] = {_A: ledger.revenue_total()}
    lines[Line.NON_FISCAL_BALANCE_USED] = {_A: ledger.non_fiscal_balance_used}
    lines[Line.OPENING_BALANCE] = {_A: ledger.opening_balance()}
    lines[Line.REVENUE_GRAND_TOTAL] = {_A: ledger.grand_total()}
    lines[Line.EXPENDITURE_TOTAL] = {_A: ledger.expenditure_total()}
    lines[Line.SURPLUS_DISTRIBUTION] = {_A: ledger.surplus_distribution}
    lines[Line.CLOSING_BALANCE] = {_A: ledger.closing_balance()}
    lines[Line.EXPENDITURE_GRAND_TOTAL] = {
        _A: ledger.expenditure_total() + ledger.surplus_distribution + ledger.closing_balance()
    }
    classes = {code: {_A: sum(split.values(), _ZERO)} for code, split in ledger.by_function().items()}
    return b.two_sided(spec_panels, lines, classes)


def _revenue(b: _Builder, spec: PanelSpec) -> tuple[Panel, ...]:
    ledger = b.ledger
    source_column = {s: Column(m) for s, m in _SOURCE_MEASURE.items()}

    def figures(amounts: Mapping[RevenueSource, Amount]) -> Figures:
        out: dict[Column, Amount] = {_T: sum(amounts.values(), _ZERO)}
        out[Column(Measure.FISCAL)] = sum((a for s, a in amounts.items() if s.is_fiscal), _ZERO)
        for source, column in source_column.items():
            out[column] = amounts.get(source, _ZERO)
        return out

    by_code = b.revenue_by_function()
    rows = {code: figures(split) for code, split in by_code.items()}
    return (b.panel(spec, {Line.TOTAL: figures(ledger.revenue_by_source())}, b.coded_rows(spec, rows)),)


def _spending(
    b: _Builder, spec: PanelSpec, funds: Iterable[Fund] | None, kinds: Mapping[ExpenditureKind, Measure]
) -> tuple[Panel, ...]:
    fund_list = None if funds is None else tuple(funds)
    rows = b.spending_rows(fund_list, _T, kinds)
    return (b.panel(spec, {Line.TOTAL: b.spending_total(fund_list, _T, kinds)}, b.coded_rows(spec, rows)),)


def _fiscal_summary(b: _Builder, spec_panels: tuple[PanelSpec, ...]) -> tuple[Panel, ...]:
    ledger = b.ledger
    lines: dict[Line, dict[Column, Amount]] = {}
    for fund, (fiscal_line, opening_line) in FUND_LINES.items():
        lines[fiscal_line] = {_A: ledger.fund_revenue(fund)}
        lines[opening_line] = {_A: ledger.opening_balance(fund)}
    revenue = sum((ledger.fund_revenue(f) for f in FISCAL_FUNDS), _ZERO)
    opening = sum((ledger.opening_balance(f) for f in FISCAL_FUNDS), _ZERO)
    lines[Line.REVENUE_TOTAL] = {_A: revenue}
    lines[Line.OPENING_BALANCE] = {_A: opening}
    lines[Line.REVENUE_GRAND_TOTAL] = {_A: revenue + opening}
    spent = {f: ledger.expenditure_total(funds=(f,)) for f in FISCAL_FUNDS}
    closing = {f: ledger.closing_balance(f) for f in FISCAL_FUNDS}
    for line, values in (
        (Line.EXPENDITURE_TOTAL, spent),
        (Line.CLOSING_BALANCE, closing),
        (Line.EXPENDITURE_GRAND_TOTAL, {f: spent[f] + closing[f] for f in FISCAL_FUNDS}),
    ):
        lines[line] = {_T: sum(values.values(), _ZERO)} | {
            Column(FUND_MEASURE[f]): v for f, v in values.items()
        }
    return b.two_sided(spec_panels, lines, b.fiscal_by_class(Basis.ACTUAL))


def _basic(b: _Builder, spec: PanelSpec) -> tuple[Panel, ...]:
    by_code = b.basic_by_economic()
    split = b.ledger.basic_split()
    lines: dict[Line, Figures] = {
        Line.PERSONNEL_TOTAL: {_A: split.get(BasicExpensePart.PERSONNEL, _ZERO)},
        Line.PUBLIC_TOTAL: {_A: split.get(BasicExpensePart.PUBLIC, _ZERO)},
    }
    if None not in split:  # a 合计 beside 人员 + 公用 only when every item is classified
        lines[Line.TOTAL] = {_A: sum(split.values(), _ZERO)}
    coded = [
        TableRow.of_economic(code, (b.cell(amount),), name=b.code_name(code))
        for code, amount in sorted(by_code.items(), key=lambda pair: pair[0].code)
        if not amount.is_zero()
    ]
    leading = [b.line_row(spec, s, lines[s.line]) for s in spec.leading if s.line in lines]
    trailing = [b.line_row(spec, s, lines[s.line]) for s in spec.trailing if s.line in lines]
    return (Panel(spec.column_keys(), (*leading, *coded, *trailing), spec.side),)


def _table_budgets(leaves: Mapping[str, Amount | None], foreign_included: bool) -> dict[str, Amount | None]:
    """The 预算数 the table prints: a part with no budget is blank, a subtotal adds the parts printed.

    (The narrative states a subtotal's budget only when every part has one; the table, whose
    blank cells read as zero, adds what it prints so that its own columns add up.)
    """

    def add(*names: str) -> Amount | None:
        known = [leaves[n] for n in names if leaves[n] is not None]
        return sum((k for k in known if k is not None), _ZERO) if known else None

    reception = ("domestic_reception",) if foreign_included else ("domestic_reception", "foreign_reception")
    return {
        "outbound": leaves["outbound"],
        "vehicle_purchase": leaves["vehicle_purchase"],
        "vehicle_operation": leaves["vehicle_operation"],
        "vehicles": add("vehicle_purchase", "vehicle_operation"),
        "reception": add(*reception),
        "total": add("outbound", "vehicle_purchase", "vehicle_operation", *reception),
    }


def _three_public(b: _Builder, spec: PanelSpec) -> tuple[Panel, ...]:
    account = b.ledger.three_public
    figures: dict[Column, Amount] = {}
    if account is not None:
        budgets = _table_budgets(account.budgets(), account.foreign_included_in_domestic)
        for name, measure in THREE_PUBLIC_MEASURES:
            figures[Column(measure)] = getattr(account, name)
            budget = budgets[name]
            if budget is not None:
                figures[Column(measure, Basis.BUDGET)] = budget
    return (b.panel(spec, {Line.THREE_PUBLIC: figures} if figures else {}),)


def _flow(b: _Builder, spec: PanelSpec, fund: Fund) -> tuple[Panel, ...]:
    ledger = b.ledger
    kinds = {ExpenditureKind.BASIC: Measure.BASIC, ExpenditureKind.PROJECT: Measure.PROJECT}
    expenditure = Column(Measure.EXPENDITURE)
    rows = b.spending_rows((fund,), expenditure, kinds)
    total = dict(b.spending_total((fund,), expenditure, kinds))
    total[Column(Measure.OPENING)] = ledger.opening_balance(fund)
    total[Column(Measure.REVENUE)] = ledger.fund_revenue(fund)
    total[Column(Measure.CLOSING)] = ledger.closing_balance(fund)
    return (b.panel(spec, {Line.TOTAL: total}, b.coded_rows(spec, rows)),)


_BASIC_PROJECT: Final = {ExpenditureKind.BASIC: Measure.BASIC, ExpenditureKind.PROJECT: Measure.PROJECT}

_BUILDERS: Final[dict[TableKind, Callable[[_Builder, tuple[PanelSpec, ...]], tuple[Panel, ...]]]] = {
    TableKind.SUMMARY: _summary,
    TableKind.REVENUE: lambda b, p: _revenue(b, p[0]),
    TableKind.EXPENDITURE: lambda b, p: _spending(b, p[0], None, _KIND_MEASURE),
    TableKind.FISCAL_SUMMARY: _fiscal_summary,
    TableKind.FISCAL_DETAIL: lambda b, p: _spending(b, p[0], FISCAL_FUNDS, _BASIC_PROJECT),
    TableKind.GENERAL_BUDGET: lambda b, p: _spending(b, p[0], (Fund.GENERAL_BUDGET,), _BASIC_PROJECT),
    TableKind.GENERAL_BUDGET_DETAIL: lambda b, p: _spending(b, p[0], (Fund.GENERAL_BUDGET,), _BASIC_PROJECT),
    TableKind.GENERAL_BUDGET_BASIC: lambda b, p: _basic(b, p[0]),
    TableKind.GENERAL_BUDGET_PROJECT: lambda b, p: _project(b, p[0]),
    TableKind.THREE_PUBLIC: lambda b, p: _three_public(b, p[0]),
    TableKind.GOVERNMENT_FUND: lambda b, p: _flow(b, p[0], Fund.GOVERNMENT_FUND),
    TableKind.GOVERNMENT_FUND_THREE_PUBLIC: lambda b, p: (b.panel(p[0], {}),),
    TableKind.STATE_CAPITAL: lambda b, p: _flow(b, p[0], Fund.STATE_CAPITAL),
    TableKind.STATE_CAPITAL_EXPENDITURE: lambda b, p: _spending(
        b, p[0], (Fund.STATE_CAPITAL,), _BASIC_PROJECT
    ),
}


def _project(b: _Builder, spec: PanelSpec) -> tuple[Panel, ...]:
    project = Column(Measure.PROJECT)
    rows = {
        code: {project: split.get(ExpenditureKind.PROJECT, _ZERO)}
        for code, split in b.ledger.by_function(funds=(Fund.GENERAL_BUDGET,)).items()
    }
    total = {project: b.ledger.expenditure_by_kind(Fund.GENERAL_BUDGET)[ExpenditureKind.PROJECT]}
    return (b.panel(spec, {Line.TOTAL: total}, b.coded_rows(spec, rows)),)


def _table(b: _Builder, entry: TableEntry, set_name: str) -> StandardTable:
    spec = spec_for(entry.kind, set_name)
    panels = _BUILDERS[entry.kind](b, spec.panels)
    table = StandardTable(entry.kind, entry.title or spec.title, panels, number=entry.number)
    if table.has_data:
        return table
    return table.with_no_data_note(b.ledger.year)


def publish_tables(
    ledger: Ledger, table_set: str = "mof-9", *, places: int | None = 2
) -> tuple[StandardTable, ...]:
    """The tables of ``table_set`` as a publisher prints them from ``ledger``.

    ``places=2`` rounds every cell half-up to 0.01 万元 on its own; ``places=None`` keeps the
    exact figures.  Raises ``KeyError`` for an unknown set name (see ``TABLE_SETS``).
    """
    builder = _Builder(ledger, places)
    return tuple(_table(builder, entry, table_set) for entry in TABLE_SETS[table_set].entries)
