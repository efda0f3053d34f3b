"""The budget publisher: a :class:`~budgetacct.model.budget_ledger.BudgetAccount` turned into the
:class:`~budgetacct.model.budget.Budget` a department prints.

Every narrative figure is rounded half-up to 0.01 万元 on its own; every table cell on its own too,
in the table's unit (a Shanghai budget prints its tables in 元, to the 分, and its “三公” table in
万元).  Changes are stated against the previous year's budget, with their direction words.

>>> from budgetacct import Amount
>>> from budgetacct.codes import FunctionCode
>>> from budgetacct.model.enums import ExpenditureKind, Fund, RevenueSource
>>> from budgetacct.model.ledger import ExpenditureItem, RevenueItem
>>> from budgetacct.model.budget_ledger import BudgetAccount
>>> account = BudgetAccount(2025, "示例局",
...     items=(ExpenditureItem(FunctionCode("2010601"), Fund.GENERAL_BUDGET, ExpenditureKind.PROJECT,
...                            Amount("12.345")),),
...     revenue=(RevenueItem(RevenueSource.GENERAL_BUDGET, Amount("12.345"), FunctionCode("2010601")),))
>>> budget = publish_budget(account, table_unit=Unit.YUAN)
>>> budget.expenditure.total, budget.tables[0].unit
(Amount('12.35'), <Unit.YUAN: '元'>)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Final

import attrs

from budgetacct.codes import BasicExpensePart, EconomicCode, FunctionCode
from budgetacct.errors import InvalidValue
from budgetacct.model import budget as b
from budgetacct.model.budget_ledger import BudgetAccount, ThreePublicBudget
from budgetacct.model.budget_sets import BUDGET_TABLE_SETS, budget_spec_for
from budgetacct.model.disclosure import (
    BasicExpenditure,
    EconomicLine,
    OperatingCosts,
    Procurement,
    SourceLine,
    StatedChange,
)
from budgetacct.model.enums import FISCAL_FUNDS, ExpenditureKind, Fund, RevenueSource
from budgetacct.model.ledger import Ledger
from budgetacct.model.table_figures import FUND_MEASURE, THREE_PUBLIC_MEASURES, LedgerPanels
from budgetacct.model.table_layout import PanelSpec, Rows, TableEntry
from budgetacct.model.tables import Basis, Column, Line, Measure, Panel, StandardTable, TableKind
from budgetacct.money import Amount, Direction, Unit

__all__ = ["DEFAULT_BUDGET_SET", "publish_budget"]

#: The table set a budget is published with unless told otherwise.
DEFAULT_BUDGET_SET: Final = "shanghai-budget-9"

_ZERO = Amount(0)
_A: Final = Column(Measure.AMOUNT, Basis.BUDGET)
_T: Final = Column(Measure.TOTAL, Basis.BUDGET)
_FUND_LINE: Final = {
    Fund.GENERAL_BUDGET: Line.FISCAL_GENERAL_BUDGET,
    Fund.GOVERNMENT_FUND: Line.FISCAL_GOVERNMENT_FUND,
    Fund.STATE_CAPITAL: Line.FISCAL_STATE_CAPITAL,
}
_SOURCE_LINE: Final = {
    RevenueSource.OPERATIONS: Line.OPERATIONS,
    RevenueSource.BUSINESS: Line.BUSINESS,
    RevenueSource.OTHER: Line.OTHER,
}
_SOURCE_MEASURE: Final = {
    RevenueSource.OPERATIONS: Measure.OPERATIONS,
    RevenueSource.BUSINESS: Measure.BUSINESS_REVENUE,
    RevenueSource.OTHER: Measure.OTHER_REVENUE,
}
_EMPTY: Final = {
    TableKind.BUDGET_GOVERNMENT_FUND: "政府性基金预算财政拨款安排的预算",
    TableKind.BUDGET_STATE_CAPITAL: "国有资本经营预算财政拨款安排的预算",
    TableKind.BUDGET_THREE_PUBLIC: "“三公”经费和机关运行经费预算",
    TableKind.BUDGET_OPERATING_COSTS: "机关运行经费预算",
    TableKind.BUDGET_PROCUREMENT: "政府采购预算",
}

Figures = Mapping[Column, Amount]
_Key = FunctionCode | EconomicCode
#: What a table builder gives: the named lines' figures and the coded rows' figures.
_Built = tuple[dict[Line, Figures], dict[_Key, Figures]]


def _keyed(rows: Mapping[FunctionCode, Figures] | Mapping[EconomicCode, Figures]) -> dict[_Key, Figures]:
    out: dict[_Key, Figures] = {}
    for key, figures in rows.items():
        out[key] = figures
    return out


def _col(measure: Measure) -> Column:
    return Column(measure, Basis.BUDGET)


_SPLIT: Final = (_col(Measure.PERSONNEL), _col(Measure.PUBLIC), _col(Measure.PROJECT))


def publish_budget(
    account: BudgetAccount,
    *,
    places: int | None = 2,
    tables: bool | str = True,
    table_unit: Unit = Unit.WAN_YUAN,
) -> b.Budget:
    """The budget report a publisher prints from ``account``.

    ``places=2`` rounds every figure half-up to 0.01 万元 (table cells to 0.01 of ``table_unit``)
    on its own; ``places=None`` publishes the exact figures.  ``tables`` is ``True`` for
    :data:`DEFAULT_BUDGET_SET`, a set's name (:data:`~budgetacct.model.budget_specs.BUDGET_TABLE_SETS`)
    or ``False`` for the narrative alone.
    """
    if tables is True:
        table_set: str | None = DEFAULT_BUDGET_SET
    elif tables is False:
        table_set = None
    elif tables in BUDGET_TABLE_SETS:
        table_set = tables
    else:
        names = "、".join(BUDGET_TABLE_SETS)
        raise InvalidValue(f"预算公开表套之一：{names}", f"one of the budget table sets {names}", tables)
    return _Publisher(account, places, table_set, table_unit).build()


class _Publisher:
    def __init__(self, account: BudgetAccount, places: int | None, table_set: str | None, unit: Unit) -> None:
        self.account = account
        self.ledger: Ledger = account.as_ledger()
        self.figures = LedgerPanels(self.ledger, None)
        self.places = places
        self.table_set = table_set
        self.unit = unit
        self.prior = account.prior

    def before(self, name: str) -> Amount | None:
        """Last year's budget figure ``name``, ``None`` when not kept."""
        value = None if self.prior is None else getattr(self.prior, name)
        return value if isinstance(value, Amount) else None

    def before_fund(self, fund: Fund) -> Amount | None:
        return None if self.prior is None else self.prior.fund(fund)

    def r(self, amount: Amount) -> Amount:
        return amount if self.places is None else amount.rounded(self.places)

    def change(self, previous: Amount | None, current: Amount) -> StatedChange | None:
        return None if previous is None else StatedChange.between(self.r(previous), self.r(current))

    def build(self) -> b.Budget:
        account = self.account
        return b.Budget(
            year=account.year,
            department=account.department,
            level=account.level,
            template=self.table_set,
            overview=self.overview(),
            revenue=self.revenue(),
            expenditure=self.expenditure(),
            fiscal=self.fiscal(),
            general_budget=self.general_budget(),
            basic_expenditure=self.basic(),
            three_public=self.three_public(),
            operating_costs=None
            if account.operating_costs is None
            else OperatingCosts(
                self.r(account.operating_costs),
                self.change(self.before("operating_costs"), account.operating_costs),
            ),
            procurement=self.procurement(),
            assets=account.assets,
            asset_purchases=account.asset_purchases,
            targets=None
            if not account.targets
            else b.PerformanceTargets(
                len(account.targets),
                self.r(account.targeted_total()),
                tuple(b.TargetedProject(t.name, self.r(t.amount)) for t in account.targets),
            ),
            units=("万元",)
            if self.table_set is None or self.unit is Unit.WAN_YUAN
            else ("万元", self.unit.value),
            tables=() if self.table_set is None else _Tables(self).build(self.table_set),
            table_set=self.table_set,
        )

    # --- sections -----------------------------------------------------------------------------

    def overview(self) -> b.BudgetOverview:
        ledger, r = self.ledger, self.r
        grand = ledger.grand_total()
        return b.BudgetOverview(
            revenue_grand_total=r(grand),
            expenditure_grand_total=r(grand),
            revenue_total=r(ledger.revenue_total()),
            expenditure_total=r(ledger.expenditure_total()),
            non_fiscal_balance_used=r(ledger.non_fiscal_balance_used),
            carried_forward=r(ledger.opening_balance()),
            carry_to_next=r(ledger.closing_balance()),
        )

    def revenue(self) -> b.BudgetRevenue:
        by_source = self.ledger.revenue_by_source()
        fiscal = sum((by_source[s] for s in b.BUDGET_SOURCES if s.is_fiscal), _ZERO)
        return b.BudgetRevenue(
            total=self.r(self.ledger.revenue_total()),
            fiscal=self.r(fiscal),
            lines=tuple(SourceLine(s, self.r(by_source[s])) for s in b.BUDGET_SOURCES),
            change=self.change(self.before("revenue_total"), self.ledger.revenue_total()),
            fiscal_change=self.change(self.before("fiscal_total"), fiscal),
        )

    def expenditure(self) -> b.BudgetExpenditure:
        ledger = self.ledger
        split = ledger.expenditure_by_kind()
        return b.BudgetExpenditure(
            total=self.r(ledger.expenditure_total()),
            basic=self.r(split[ExpenditureKind.BASIC]),
            project=self.r(split[ExpenditureKind.PROJECT]),
            change=self.change(self.before("expenditure_total"), ledger.expenditure_total()),
            rows=self.planned(ledger.by_function()),
        )

    def planned(
        self, rows: Mapping[FunctionCode, Mapping[ExpenditureKind, Amount]], *, items_only: bool = False
    ) -> tuple[b.PlannedLine, ...]:
        out = []
        for code, split in rows.items():
            if items_only and len(code.code) != 7:
                continue
            basic, project = split[ExpenditureKind.BASIC], split[ExpenditureKind.PROJECT]
            total = basic + project
            if total.is_zero():
                continue
            out.append(
                b.PlannedLine(
                    code,
                    self.r(total),
                    name=self.figures.code_name(code),
                    basic=None if items_only else self.r(basic),
                    project=None if items_only else self.r(project),
                )
            )
        return tuple(out)

    def fiscal(self) -> b.BudgetFiscal:
        ledger = self.ledger
        spent = {fund: ledger.expenditure_total(funds=(fund,)) for fund in FISCAL_FUNDS}
        total = sum(spent.values(), _ZERO)
        changes = [self.change(self.before_fund(f), spent[f]) for f in FISCAL_FUNDS]
        return b.BudgetFiscal(
            total=self.r(total),
            change=self.change(self.before("fiscal_total"), total),
            funds=tuple(
                b.FundBudget(f, self.r(spent[f]), c) for f, c in zip(FISCAL_FUNDS, changes, strict=True)
            ),
            reason=self.account.reason,
        )

    def general_budget(self) -> b.BudgetGeneral:
        ledger = self.ledger
        total = ledger.expenditure_total(funds=(Fund.GENERAL_BUDGET,))
        return b.BudgetGeneral(
            total=self.r(total),
            items=self.planned(ledger.by_function(funds=(Fund.GENERAL_BUDGET,)), items_only=True),
        )

    def basic(self) -> BasicExpenditure:
        split = self.ledger.basic_split()
        personnel = split.get(BasicExpensePart.PERSONNEL, _ZERO)
        public = split.get(BasicExpensePart.PUBLIC, _ZERO)
        classes: dict[EconomicCode, Amount] = {}
        for code, amount in self.figures.basic_by_economic().items():
            if len(code.code) == 3:
                classes[code] = amount
        return BasicExpenditure(
            total=self.r(sum(split.values(), _ZERO)),
            personnel=self.r(personnel),
            public=self.r(public),
            lines=tuple(
                EconomicLine(code, self.r(amount), self.figures.code_name(code))
                for code, amount in sorted(classes.items(), key=lambda pair: pair[0].code)
                if not amount.is_zero()
            ),
        )

    def three_public(self) -> b.BudgetThreePublic | None:
        plan = self.account.three_public
        if plan is None:
            return None
        before = self.prior.three_public if self.prior is not None else None

        def figure(name: str) -> b.PlannedFigure:
            amount: Amount = getattr(plan, name)
            change = self.change(None if before is None else getattr(before, name), amount)
            moved = change is not None and change.direction is not Direction.FLAT
            return b.PlannedFigure(self.r(amount), change, self.account.reason if moved else None)

        return b.BudgetThreePublic(
            **{name: figure(name) for name, _ in THREE_PUBLIC_MEASURES},
        )

    def procurement(self) -> Procurement | None:
        plan = self.account.procurement
        if plan is None:
            return None
        return Procurement(
            total=self.r(plan.total),
            goods=self.r(plan.goods),
            works=self.r(plan.works),
            services=self.r(plan.services),
            sme=None if plan.sme is None else self.r(plan.sme),
            small_micro=None if plan.small_micro is None else self.r(plan.small_micro),
        )


class _Tables(LedgerPanels):
    """The standard tables of one budget, every cell rounded on its own in the table's unit."""

    def __init__(self, publisher: _Publisher) -> None:
        super().__init__(publisher.ledger, None)
        self.p = publisher

    def quantum_in(self, unit: Unit) -> Decimal | None:
        if self.p.places is None:
            return None
        return Decimal(1).scaleb(-self.p.places) * unit.in_wan_yuan

    def build(self, set_name: str) -> tuple[StandardTable, ...]:
        return tuple(self.table(entry, set_name) for entry in BUDGET_TABLE_SETS[set_name].entries)

    def table(self, entry: TableEntry, set_name: str) -> StandardTable:
        spec = budget_spec_for(entry.kind, set_name)
        # The “三公” table prints 万元 even where the other tables print 元 (Shanghai).
        unit = Unit.WAN_YUAN if entry.kind is TableKind.BUDGET_THREE_PUBLIC else self.p.unit
        self.quantum = self.quantum_in(unit)
        panels = tuple(self.kind_panel(panel, entry.kind) for panel in spec.panels)
        table = StandardTable(entry.kind, entry.title or spec.title, panels, number=entry.number, unit=unit)
        if table.has_data:
            return table
        lacking = _EMPTY.get(entry.kind, "相关预算")
        return attrs.evolve(table, notes=(f"注：本部门{self.p.account.year}年无{lacking}，故本表为空表。",))

    def kind_panel(self, spec: PanelSpec, kind: TableKind) -> Panel:
        """The panel of a table of ``kind``: its figures by line and by code, only the printed columns."""
        lines, coded = _BUILDERS[kind](self, spec)
        keyed = {c.column for c in spec.columns}
        printed = {k: {c: a for c, a in f.items() if c in keyed} for k, f in coded.items()}
        return self.panel(spec, lines, self.coded_rows(spec, printed))

    # --- figures, by table ----------------------------------------------------------------------

    def spending(self, funds: Iterable[Fund] | None) -> _Built:
        fund_list = None if funds is None else tuple(funds)
        by_function = self.ledger.by_function(funds=fund_list)

        def figures(basic: Amount, project: Amount) -> Figures:
            return {_T: basic + project, _col(Measure.BASIC): basic, _col(Measure.PROJECT): project}

        rows = {
            code: figures(split[ExpenditureKind.BASIC], split[ExpenditureKind.PROJECT])
            for code, split in by_function.items()
        }
        basic = project = _ZERO
        for fund in fund_list or (None,):
            split = self.ledger.expenditure_by_kind(fund)
            basic, project = basic + split[ExpenditureKind.BASIC], project + split[ExpenditureKind.PROJECT]
        return {Line.TOTAL: figures(basic, project)}, _keyed(rows)

    def summary(self, spec: PanelSpec) -> _Built:
        ledger = self.ledger
        by_source = ledger.revenue_by_source()
        lines: dict[Line, Figures] = {
            line: {_A: by_source[f.revenue_source]} for f, line in _FUND_LINE.items() if f.revenue_source
        }
        lines[Line.FISCAL_REVENUE] = {_A: sum((by_source[s] for s in b.BUDGET_SOURCES if s.is_fiscal), _ZERO)}
        for source, line in _SOURCE_LINE.items():
            lines[line] = {_A: by_source[source]}
        grand = ledger.grand_total()
        lines[Line.REVENUE_TOTAL] = {_A: ledger.revenue_total()}
        lines[Line.NON_FISCAL_BALANCE_USED] = {_A: ledger.non_fiscal_balance_used}
        lines[Line.OPENING_BALANCE] = {_A: ledger.opening_balance()}
        lines[Line.REVENUE_GRAND_TOTAL] = {_A: grand}
        lines[Line.EXPENDITURE_TOTAL] = {_A: ledger.expenditure_total()}
        lines[Line.CLOSING_BALANCE] = {_A: ledger.closing_balance()}
        lines[Line.EXPENDITURE_GRAND_TOTAL] = {_A: grand}
        classes: dict[FunctionCode, Figures] = {
            code: {_A: sum(split.values(), _ZERO)}
            for code, split in ledger.by_function().items()
            if len(code.code) == 3
        }
        if any(c.column.measure is Measure.PERSONNEL for c in spec.columns):  # the 2024 Shanghai 总表
            # A 基本支出 item without an economic code is neither 人员 nor 公用: the row cannot add up,
            # and the audit says so.
            split_rows = self.personnel_public_project()
            classes = {code: figures for code, figures in split_rows.items() if len(code.code) == 3}
            totals = [sum((row.get(c, _ZERO) for row in classes.values()), _ZERO) for c in _SPLIT]
            lines[Line.EXPENDITURE_GRAND_TOTAL] = dict(zip((_T, *_SPLIT), (grand, *totals), strict=True))
        if spec.rows is Rows.NONE:
            return lines, {}
        return lines, _keyed(classes)

    def personnel_public_project(self) -> dict[FunctionCode, Figures]:
        """Per 功能分类 code at every level: 合计, 人员经费, 公用经费 (基本支出 by 经济分类), 项目支出."""
        rows: dict[FunctionCode, dict[Column, Amount]] = {}
        for item in self.ledger.expenditure:
            if item.kind is ExpenditureKind.PROJECT:
                column = _col(Measure.PROJECT)
            else:
                part = None if item.economic is None else item.economic.basic_expense_part
                column = _col(Measure.PERSONNEL if part is BasicExpensePart.PERSONNEL else Measure.PUBLIC)
                if part is None:
                    column = _col(Measure.BASIC)
            for code in (*item.function.ancestors, item.function):
                row = rows.setdefault(code, {_T: _ZERO})
                row[_T] = row[_T] + item.amount
                row[column] = row.get(column, _ZERO) + item.amount
        return dict(rows)

    def revenue(self, spec: PanelSpec) -> _Built:
        if spec.rows is Rows.NONE:  # the Jiangsu list of sources
            lines, _ = self.summary(spec)
            lines = dict(lines)
            lines[Line.REVENUE_GRAND_TOTAL] = {
                _A: self.ledger.revenue_total() + self.ledger.opening_balance()
            }
            return lines, {}

        def figures(split: Mapping[RevenueSource, Amount]) -> Figures:
            out: dict[Column, Amount] = {_T: sum(split.values(), _ZERO)}
            out[_col(Measure.FISCAL)] = sum((a for s, a in split.items() if s.is_fiscal), _ZERO)
            for source, measure in _SOURCE_MEASURE.items():
                out[_col(measure)] = split.get(source, _ZERO)
            return out

        by_code = self.revenue_by_function()
        total = dict(figures(self.ledger.revenue_by_source()))
        if any(c.column.measure is Measure.OPENING for c in spec.columns):  # the 高等学校 form
            opening, used = self.ledger.opening_balance(), self.ledger.non_fiscal_balance_used
            total[_col(Measure.OPENING)] = opening
            total[_col(Measure.NON_FISCAL_USED)] = used
            total[_T] = total[_T] + opening + used
        return {Line.TOTAL: total}, {c: figures(s) for c, s in by_code.items()}

    def expenditure(self, spec: PanelSpec) -> _Built:
        lines, rows = self.spending(None)
        return lines, {} if spec.rows is Rows.NONE else rows

    def fiscal_summary(self, spec: PanelSpec) -> _Built:
        ledger = self.ledger
        lines: dict[Line, dict[Column, Amount]] = {}
        revenue = _ZERO
        for fund, line in _FUND_LINE.items():
            lines[line] = {_A: ledger.fund_revenue(fund)}
            revenue = revenue + ledger.fund_revenue(fund)
        opening = sum((ledger.opening_balance(f) for f in FISCAL_FUNDS), _ZERO)
        spent = {f: ledger.expenditure_total(funds=(f,)) for f in FISCAL_FUNDS}
        closing = {f: ledger.closing_balance(f) for f in FISCAL_FUNDS}
        lines[Line.REVENUE_TOTAL] = {_A: revenue}
        lines[Line.OPENING_BALANCE] = {_A: opening}
        lines[Line.REVENUE_GRAND_TOTAL] = {_A: revenue + opening}
        for line, values in (
            (Line.EXPENDITURE_TOTAL, spent),
            (Line.CLOSING_BALANCE, closing),
            (Line.EXPENDITURE_GRAND_TOTAL, {f: spent[f] + closing[f] for f in FISCAL_FUNDS}),
        ):
            lines[line] = {_T: sum(values.values(), _ZERO), _A: sum(values.values(), _ZERO)} | {
                _col(FUND_MEASURE[f]): value for f, value in values.items()
            }
        split = dict.fromkeys((ExpenditureKind.BASIC, ExpenditureKind.PROJECT), _ZERO)
        for fund in FISCAL_FUNDS:
            for kind, amount in ledger.expenditure_by_kind(fund).items():
                if kind in split:
                    split[kind] = split[kind] + amount
        lines[Line.BASIC] = {_A: split[ExpenditureKind.BASIC]}
        lines[Line.PROJECT] = {_A: split[ExpenditureKind.PROJECT]}
        classes = self.fiscal_by_class(Basis.BUDGET) if spec.rows is not Rows.NONE else {}
        return dict(lines), _keyed(classes)

    def economic(
        self, columns: Callable[[Amount, EconomicCode | None], Figures], only_public: bool = False
    ) -> _Built:
        rows: dict[EconomicCode, Figures] = {}
        total = _ZERO
        for code, amount in self.basic_by_economic().items():
            if only_public and code.basic_expense_part is not BasicExpensePart.PUBLIC:
                continue
            rows[code] = columns(amount, code)
            if len(code.code) == 3:
                total = total + amount
        return {Line.TOTAL: columns(total, None)}, _keyed(rows)

    def basic(self, spec: PanelSpec) -> _Built:
        split = self.ledger.basic_split()

        def columns(amount: Amount, code: EconomicCode | None) -> Figures:
            if code is None:
                personnel = split.get(BasicExpensePart.PERSONNEL, _ZERO)
                public = split.get(BasicExpensePart.PUBLIC, _ZERO)
            else:
                part = code.basic_expense_part
                personnel = amount if part is BasicExpensePart.PERSONNEL else _ZERO
                public = amount if part is BasicExpensePart.PUBLIC else _ZERO
            return {_T: amount, _col(Measure.PERSONNEL): personnel, _col(Measure.PUBLIC): public}

        return self.economic(columns)

    def operating(self, spec: PanelSpec) -> _Built:
        # 机关运行经费 is the 公用经费 of 基本支出; the table lists it by economic code.
        if self.p.account.operating_costs is None:
            return {}, {}
        return self.economic(lambda amount, _: {_col(Measure.OPERATING_COSTS): amount}, only_public=True)

    def three_public(self, spec: PanelSpec) -> _Built:
        plan = self.p.account.three_public or ThreePublicBudget()
        figures: dict[Column, Amount] = {
            _col(measure): getattr(plan, name) for name, measure in THREE_PUBLIC_MEASURES
        }
        if self.p.account.operating_costs is not None:
            figures[_col(Measure.OPERATING_COSTS)] = self.p.account.operating_costs
        figures[_col(Measure.MEETINGS)] = _ZERO
        figures[_col(Measure.TRAINING)] = _ZERO
        figures[_T] = plan.total
        if self.p.account.three_public is None and self.p.account.operating_costs is None:
            return {}, {}
        return {Line.THREE_PUBLIC: figures}, {}

    def procurement(self, spec: PanelSpec) -> _Built:
        plan = self.p.account.procurement
        if plan is None:
            return {}, {}
        return {
            Line.TOTAL: {_A: plan.total},
            Line.PROCUREMENT_GOODS: {_A: plan.goods},
            Line.PROCUREMENT_WORKS: {_A: plan.works},
            Line.PROCUREMENT_SERVICES: {_A: plan.services},
        }, {}


_Build = Callable[
    [_Tables, PanelSpec], tuple[Mapping[Line, Figures], Mapping[FunctionCode | EconomicCode, Figures]]
]


def _fund_table(fund: Fund) -> _Build:
    def build(
        t: _Tables, spec: PanelSpec
    ) -> tuple[Mapping[Line, Figures], Mapping[FunctionCode | EconomicCode, Figures]]:
        return t.spending((fund,))

    return build


_BUILDERS: Final[dict[TableKind, _Build]] = {
    TableKind.BUDGET_SUMMARY: _Tables.summary,
    TableKind.BUDGET_REVENUE: _Tables.revenue,
    TableKind.BUDGET_EXPENDITURE: _Tables.expenditure,
    TableKind.BUDGET_FISCAL_SUMMARY: _Tables.fiscal_summary,
    TableKind.BUDGET_FISCAL_FUNCTION: lambda t, spec: t.spending(FISCAL_FUNDS),
    # 财政拨款基本支出 by economic code: a budget account plans 基本支出 from 一般公共预算 only
    # (人员/公用 by 经济分类), so the fiscal table prints the 一般公共预算 one's figures.
    TableKind.BUDGET_FISCAL_BASIC: _Tables.basic,
    TableKind.BUDGET_GENERAL: _fund_table(Fund.GENERAL_BUDGET),
    TableKind.BUDGET_GENERAL_BASIC: _Tables.basic,
    TableKind.BUDGET_GOVERNMENT_FUND: _fund_table(Fund.GOVERNMENT_FUND),
    TableKind.BUDGET_STATE_CAPITAL: _fund_table(Fund.STATE_CAPITAL),
    TableKind.BUDGET_THREE_PUBLIC: _Tables.three_public,
    TableKind.BUDGET_OPERATING_COSTS: _Tables.operating,
    TableKind.BUDGET_PROCUREMENT: _Tables.procurement,
}
