"""The exact account a department keeps, and the bridge that publishes it.

A :class:`Ledger` holds line items (revenue by source, spending by 功能分类 × fund × kind ×
经济分类) in any precision down to 0.01 元.  Totals are *derived*, never stored, so they cannot
disagree.  :meth:`Ledger.publish` turns it into the :class:`~budgetacct.model.disclosure.Disclosure`
a publisher would print: figures rounded half-up to 0.01 万元 independently of each other, shares
that sum to 100.00, year-on-year changes with their direction words.

>>> from budgetacct import Amount
>>> from budgetacct.codes import FunctionCode
>>> ledger = Ledger(
...     year=2021,
...     department="示例部门",
...     revenue=(RevenueItem(RevenueSource.GENERAL_BUDGET, Amount("100.004")),),
...     expenditure=(
...         ExpenditureItem(FunctionCode("2010301"), Fund.GENERAL_BUDGET, ExpenditureKind.BASIC, Amount("60.004")),
...         ExpenditureItem(FunctionCode("2010302"), Fund.GENERAL_BUDGET, ExpenditureKind.PROJECT, Amount("40")),
...     ),
... )
>>> ledger.expenditure_total()
Amount('100.004')
>>> ledger.publish().expenditure.total
Amount('100.00')
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterable
from decimal import ROUND_HALF_UP, Context, Decimal, Inexact, InvalidOperation, Overflow
from typing import Any

import attrs

from budgetacct._codegen import slot_setter
from budgetacct.codes import BasicExpensePart, EconomicCode, FunctionCode
from budgetacct.errors import InvalidValue
from budgetacct.model import _fields as v
from budgetacct.model._unchecked import unchecked
from budgetacct.model.disclosure import (
    Assets,
    BasicExpenditure,
    BudgetedFigure,
    Disclosure,
    EconomicLine,
    Expenditure,
    Fiscal,
    FunctionLine,
    FundFlow,
    FundSpending,
    GeneralBudget,
    KindLine,
    OperatingCosts,
    Overview,
    Procurement,
    Revenue,
    SourceLine,
    Staffing,
    StatedChange,
    ThreePublic,
)
from budgetacct.model.enums import FISCAL_FUNDS, ExpenditureKind, Fund, RevenueSource
from budgetacct.model.performance import Performance
from budgetacct.money import Amount, Change, Direction, Percent, shares

__all__ = [
    "BudgetLine",
    "ExpenditureItem",
    "FundAmount",
    "Ledger",
    "PriorYear",
    "ProcurementAccount",
    "RevenueItem",
    "ThreePublicAccount",
]

_ZERO = Amount(0)


def _amount_field(default: Amount | None = None) -> Any:
    if default is None:
        return attrs.field(validator=v.non_negative_amount)
    return attrs.field(default=default, validator=v.non_negative_amount)


def _optional_amount() -> Any:
    return attrs.field(default=None, validator=v.optional_non_negative_amount)


def _count() -> Any:
    return attrs.field(default=None, validator=v.optional(v.count))


@attrs.frozen
class RevenueItem:
    """Income of one source (optionally booked against a 功能分类 code, for 收入决算表)."""

    source: RevenueSource = attrs.field(validator=v.enum_of(RevenueSource))
    amount: Amount = _amount_field()
    function: FunctionCode | None = attrs.field(
        default=None, validator=v.optional(v.instance(FunctionCode, "功能分类科目编码", "a FunctionCode"))
    )


@attrs.frozen
class ExpenditureItem:
    """One spending line: 功能分类 × fund × kind (× 经济分类, × project)."""

    function: FunctionCode = attrs.field(
        validator=v.instance(FunctionCode, "功能分类科目编码", "a FunctionCode")
    )
    fund: Fund = attrs.field(validator=v.enum_of(Fund))
    kind: ExpenditureKind = attrs.field(validator=v.enum_of(ExpenditureKind))
    amount: Amount = _amount_field()
    economic: EconomicCode | None = attrs.field(
        default=None, validator=v.optional(v.instance(EconomicCode, "经济分类科目编码", "an EconomicCode"))
    )
    project: str | None = attrs.field(default=None, validator=v.optional(v.text))


@attrs.frozen
class FundAmount:
    """An amount held by one fund (年初结转和结余 by fund)."""

    fund: Fund = attrs.field(validator=v.enum_of(Fund))
    amount: Amount = _amount_field()


@attrs.frozen
class BudgetLine:
    """The (adjusted) budget of one 功能分类 code for one fund, for 完成预算%."""

    function: FunctionCode = attrs.field(
        validator=v.instance(FunctionCode, "功能分类科目编码", "a FunctionCode")
    )
    amount: Amount = _amount_field()
    fund: Fund = attrs.field(default=Fund.GENERAL_BUDGET, validator=v.enum_of(Fund))


@attrs.frozen
class ThreePublicAccount:
    """三公经费 actuals (and budgets, when kept) with the counts; totals are derived."""

    outbound: Amount = _amount_field(_ZERO)
    vehicle_purchase: Amount = _amount_field(_ZERO)
    vehicle_operation: Amount = _amount_field(_ZERO)
    domestic_reception: Amount = _amount_field(_ZERO)
    foreign_reception: Amount = _amount_field(_ZERO)
    budget_outbound: Amount | None = _optional_amount()
    budget_vehicle_purchase: Amount | None = _optional_amount()
    budget_vehicle_operation: Amount | None = _optional_amount()
    budget_domestic_reception: Amount | None = _optional_amount()
    budget_foreign_reception: Amount | None = _optional_amount()
    foreign_included_in_domestic: bool = attrs.field(default=False, validator=v.boolean)
    outbound_groups: int | None = _count()
    outbound_people: int | None = _count()
    vehicles_purchased: int | None = _count()
    vehicles_held: int | None = _count()
    domestic_batches: int | None = _count()
    domestic_people: int | None = _count()
    foreign_batches: int | None = _count()
    foreign_people: int | None = _count()

    @property
    def vehicles(self) -> Amount:
        return self.vehicle_purchase + self.vehicle_operation

    @property
    def reception(self) -> Amount:
        """公务接待费: 国内 + 外事, or 国内 alone when it already includes 外事."""
        if self.foreign_included_in_domestic:
            return self.domestic_reception
        return self.domestic_reception + self.foreign_reception

    @property
    def total(self) -> Amount:
        return self.outbound + self.vehicles + self.reception

    def budgets(self) -> dict[str, Amount | None]:
        """Budgets of the five leaves and the derived subtotals (``None`` when any part is unknown)."""
        leaves = {
            "outbound": self.budget_outbound,
            "vehicle_purchase": self.budget_vehicle_purchase,
            "vehicle_operation": self.budget_vehicle_operation,
            "domestic_reception": self.budget_domestic_reception,
            "foreign_reception": self.budget_foreign_reception,
        }

        def add(*names: str) -> Amount | None:
            parts = [leaves[n] for n in names]
            return None if any(p is None for p in parts) else sum((p for p in parts if p is not None), _ZERO)

        # Where 国内公务接待费 includes 外事接待费, adding both would count 外事 twice.
        both = ("domestic_reception", "foreign_reception")
        reception = both[:1] if self.foreign_included_in_domestic else both
        return {
            **leaves,
            "vehicles": add("vehicle_purchase", "vehicle_operation"),
            "reception": add(*reception),
            "total": add("outbound", "vehicle_purchase", "vehicle_operation", *reception),
        }


@attrs.frozen
class ProcurementAccount:
    """政府采购 contract amounts; the total and the shares are derived."""

    goods: Amount = _amount_field(_ZERO)
    works: Amount = _amount_field(_ZERO)
    services: Amount = _amount_field(_ZERO)
    sme: Amount | None = _optional_amount()
    small_micro: Amount | None = _optional_amount()

    @property
    def total(self) -> Amount:
        return self.goods + self.works + self.services


@attrs.frozen
class PriorYear:
    """Last year's figures that the report compares with."""

    grand_total: Amount | None = _optional_amount()
    fiscal_grand_total: Amount | None = _optional_amount()
    revenue_total: Amount | None = _optional_amount()
    expenditure_total: Amount | None = _optional_amount()
    general_budget_expenditure: Amount | None = _optional_amount()
    government_fund_expenditure: Amount | None = _optional_amount()
    state_capital_expenditure: Amount | None = _optional_amount()
    operating_costs: Amount | None = _optional_amount()
    three_public: ThreePublicAccount | None = attrs.field(
        default=None,
        validator=v.optional(
            v.instance(ThreePublicAccount, "三公经费（ThreePublicAccount）", "a ThreePublicAccount")
        ),
    )


@attrs.frozen
class Ledger:
    """A department's exact account for one fiscal year (totals derived from items)."""

    year: int = attrs.field(validator=v.year)
    department: str = attrs.field(validator=v.text)
    revenue: tuple[RevenueItem, ...] = attrs.field(
        default=(), validator=v.tuple_of(RevenueItem, "收入项（RevenueItem）", "a RevenueItem")
    )
    expenditure: tuple[ExpenditureItem, ...] = attrs.field(
        default=(), validator=v.tuple_of(ExpenditureItem, "支出项（ExpenditureItem）", "an ExpenditureItem")
    )
    opening_balances: tuple[FundAmount, ...] = attrs.field(
        default=(), validator=v.tuple_of(FundAmount, "分资金金额（FundAmount）", "a FundAmount")
    )
    non_fiscal_balance_used: Amount = _amount_field(_ZERO)
    surplus_distribution: Amount = _amount_field(_ZERO)
    budgets: tuple[BudgetLine, ...] = attrs.field(
        default=(), validator=v.tuple_of(BudgetLine, "预算行（BudgetLine）", "a BudgetLine")
    )
    three_public: ThreePublicAccount | None = attrs.field(
        default=None,
        validator=v.optional(
            v.instance(ThreePublicAccount, "三公经费（ThreePublicAccount）", "a ThreePublicAccount")
        ),
    )
    operating_costs: Amount | None = _optional_amount()
    procurement: ProcurementAccount | None = attrs.field(
        default=None,
        validator=v.optional(
            v.instance(ProcurementAccount, "政府采购（ProcurementAccount）", "a ProcurementAccount")
        ),
    )
    assets: Assets | None = attrs.field(
        default=None, validator=v.optional(v.instance(Assets, "国有资产（Assets）", "an Assets"))
    )
    staffing: Staffing | None = attrs.field(
        default=None, validator=v.optional(v.instance(Staffing, "人员（Staffing）", "a Staffing"))
    )
    performance: Performance | None = attrs.field(
        default=None, validator=v.optional(v.instance(Performance, "绩效（Performance）", "a Performance"))
    )
    prior: PriorYear | None = attrs.field(
        default=None, validator=v.optional(v.instance(PriorYear, "上年数（PriorYear）", "a PriorYear"))
    )

    # --- derived totals -----------------------------------------------------------------------

    @functools.cached_property
    def _totals(self) -> _Totals:
        # One pass over the items serves every derived figure; the ledger is immutable, so the
        # cache can never go stale.
        return _Totals(self)

    def revenue_by_source(self) -> dict[RevenueSource, Amount]:
        """Income per source, every source present (zero when there is none)."""
        return {source: Amount._exact(value) for source, value in self._totals.revenue.items()}

    def revenue_total(self) -> Amount:
        """本年收入合计."""
        return Amount._exact(_sum(self._totals.revenue.values()))

    def expenditure_total(
        self, where: Callable[[ExpenditureItem], bool] | None = None, *, funds: Collection[Fund] | None = None
    ) -> Amount:
        """本年支出合计; of the given ``funds`` only; or of the items ``where`` accepts."""
        if where is not None:
            return Amount._exact(_sum(item.amount.value for item in self.expenditure if where(item)))
        spent = self._totals.by_fund
        if funds is None:
            return Amount._exact(self._totals.spent)
        if len(funds) == 1:
            for fund in funds:
                return Amount._exact(spent.get(fund, _NOTHING))
        return Amount._exact(_sum(v for fund, v in spent.items() if fund in funds))

    def expenditure_by_kind(self, fund: Fund | None = None) -> dict[ExpenditureKind, Amount]:
        """Spending per kind (基本支出 …), of one fund or of all."""
        totals = self._totals.by_fund_kind
        return {
            kind: Amount._exact(
                _sum(v for (f, k), v in totals.items() if k is kind and (fund is None or f is fund))
            )
            for kind in ExpenditureKind
        }

    def by_function(
        self, where: Callable[[ExpenditureItem], bool] | None = None, *, funds: Collection[Fund] | None = None
    ) -> dict[FunctionCode, dict[ExpenditureKind, Amount]]:
        """Spending per 功能分类 code at every level (类, 款, 项), split by kind, in code order.

        ``funds`` limits it to those funds; ``where`` to the items it accepts.
        """
        if where is None:
            return _by_kind(self._totals.rows(None if funds is None else frozenset(funds)))
        cells: dict[tuple[str, Fund, ExpenditureKind], Decimal] = {}
        for item in self.expenditure:
            if where(item):
                key = (item.function.code, item.fund, item.kind)
                cells[key] = _EXACT.add(cells.get(key, _NOTHING), item.amount.value)
        return _by_kind(_roll_up(cells, None if funds is None else frozenset(funds)))

    def opening_balance(self, fund: Fund | None = None) -> Amount:
        """年初结转和结余 of one fund, or of all funds."""
        return Amount._exact(
            _sum(b.amount.value for b in self.opening_balances if fund is None or b.fund is fund)
        )

    def fund_revenue(self, fund: Fund) -> Amount:
        """This year's income of one fund."""
        return Amount._exact(self._totals.revenue_by_fund[fund])

    def closing_balance(self, fund: Fund | None = None) -> Amount:
        """年末结转和结余: 年初 + 本年收入 (+ 使用非财政拨款结余) − 本年支出 (− 结余分配)."""
        closing = self._totals.closing
        if closing is None:
            closing = self._totals.closing = self._closing_balances()
        return Amount._exact(closing[fund])

    def _closing_balances(self) -> dict[Fund | None, Decimal]:
        # Computed once per ledger: the publisher and the audit ask for every fund several times.
        closing: dict[Fund | None, Decimal] = {}
        for fund in Fund:
            value = self.opening_balance(fund) + self.fund_revenue(fund)
            value -= self.expenditure_total(funds=(fund,))
            if fund is Fund.NON_FISCAL:
                value = value + self.non_fiscal_balance_used - self.surplus_distribution
            closing[fund] = value.value
        closing[None] = sum((Amount._exact(closing[fund]) for fund in Fund), _ZERO).value
        return closing

    def grand_total(self) -> Amount:
        """收入总计 (= 支出总计 by construction)."""
        return self.revenue_total() + self.non_fiscal_balance_used + self.opening_balance()

    def fiscal_grand_total(self) -> Amount:
        """财政拨款收入总计: fiscal income plus fiscal opening balances."""
        return sum((self.fund_revenue(f) + self.opening_balance(f) for f in FISCAL_FUNDS), _ZERO)

    def basic_split(self) -> dict[BasicExpensePart | None, Amount]:
        """一般公共预算 基本支出 split into 人员经费 / 公用经费 by economic code (None: not classifiable)."""
        return {part: Amount._exact(value) for part, value in self._totals.basic_split.items()}

    # --- the bridge ---------------------------------------------------------------------------

    def publish(self, *, template: str = "sichuan-2021", places: int | None = 2) -> Disclosure:
        """The disclosure a publisher would print from this ledger.

        ``places=2`` rounds every figure half-up to 0.01 万元 on its own (so a total may differ
        from the sum of its rounded parts by a legitimate 尾数误差); ``places=None`` publishes the
        exact figures, which the audit then checks with zero tolerance.  ``template`` is
        ``"sichuan-2021"`` (list only non-zero sources and kinds, as the seed does) or
        ``"all-lines"`` (list every source and kind, zeros included).
        """
        return _Publisher(self, template, places).disclosure()


_EXACT = Context(prec=60, rounding=ROUND_HALF_UP, traps=[InvalidOperation, Overflow, Inexact])
_NOTHING = Decimal(0)


def _sum(values: Iterable[Decimal]) -> Decimal:
    total = _NOTHING
    for value in values:
        total = _EXACT.add(total, value)
    return total


class _Totals:
    """Everything a ledger derives, computed in one pass over its items (exact Decimal sums)."""

    __slots__ = (
        "basic_by_code",
        "basic_split",
        "by_fund",
        "by_fund_kind",
        "cells",
        "closing",
        "kinds",
        "revenue",
        "revenue_by_fund",
        "spent",
    )

    def __init__(self, ledger: Ledger) -> None:
        add = _EXACT.add
        # Keyed by the code's text: str hashes are cached by CPython, a code's __hash__ is a
        # Python call (this loop runs once per line item).
        cells: dict[tuple[str, Fund, ExpenditureKind], Decimal] = {}
        basic: dict[BasicExpensePart | None, Decimal] = {}
        by_text: dict[str, Decimal] = {}
        economic_codes: dict[str, EconomicCode] = {}
        gpb, basic_kind = Fund.GENERAL_BUDGET, ExpenditureKind.BASIC
        for item in ledger.expenditure:
            fund, kind = item.fund, item.kind
            key = (item.function.code, fund, kind)
            value = item.amount._value
            cells[key] = add(cells.get(key, _NOTHING), value)
            if fund is gpb and kind is basic_kind:
                economic = item.economic
                if economic is None:
                    basic[None] = add(basic.get(None, _NOTHING), value)
                else:
                    text = economic.code
                    found = by_text.get(text)
                    if found is None:
                        by_text[text] = value
                        economic_codes[text] = economic
                    else:
                        by_text[text] = add(found, value)
        # The 人员/公用 split per distinct code, not per item.
        by_code: dict[EconomicCode, Decimal] = {}
        for text, value in by_text.items():
            economic = economic_codes[text]
            part = economic.basic_expense_part
            basic[part] = add(basic.get(part, _NOTHING), value)
            by_code[economic] = value
        by_fund_kind: dict[tuple[Fund, ExpenditureKind], Decimal] = {}
        for (_, fund, kind), value in cells.items():
            by_fund_kind[(fund, kind)] = add(by_fund_kind.get((fund, kind), _NOTHING), value)
        by_fund: dict[Fund, Decimal] = {}
        for (fund, _), value in by_fund_kind.items():
            by_fund[fund] = add(by_fund.get(fund, _NOTHING), value)
        revenue = dict.fromkeys(RevenueSource, _NOTHING)
        for income in ledger.revenue:
            revenue[income.source] = add(revenue[income.source], income.amount.value)
        revenue_by_fund = dict.fromkeys(Fund, _NOTHING)
        for source, value in revenue.items():
            revenue_by_fund[source.fund] = add(revenue_by_fund[source.fund], value)
        self.by_fund = by_fund
        self.spent = _sum(by_fund.values())
        self.revenue_by_fund = revenue_by_fund
        self.closing: dict[Fund | None, Decimal] | None = None
        self.cells = cells
        self.by_fund_kind = by_fund_kind
        self.revenue = revenue
        self.basic_split = basic
        self.basic_by_code = by_code
        self.kinds = frozenset(kind for (_, kind), value in by_fund_kind.items() if value)

    def rows(self, funds: frozenset[Fund] | None) -> dict[FunctionCode, list[Decimal]]:
        """Per code (every level, in code order): ``[total, *one value per ExpenditureKind]``.

        Computed on each call and not kept: a ledger audited once should not carry its table
        rows afterwards (the publisher keeps them while it works, see :class:`_RowCache`).
        """
        return _RowCache(self).rows(funds)


class _RowCache:
    """The roll-ups of one ledger by fund set, kept for as long as one publication needs them."""

    __slots__ = ("_by_fund", "_found", "_totals")

    def __init__(self, totals: _Totals) -> None:
        self._totals = totals
        self._by_fund: dict[Fund, dict[str, list[Decimal]]] | None = None
        self._found: dict[frozenset[Fund] | None, dict[FunctionCode, list[Decimal]]] = {}

    def rows(self, funds: frozenset[Fund] | None) -> dict[FunctionCode, list[Decimal]]:
        found = self._found.get(funds)
        if found is None:
            by_fund = self._by_fund
            if by_fund is None:
                by_fund = self._by_fund = _roll_up_by_fund(self._totals.cells)
            found = self._found[funds] = _select(by_fund, funds)
        return found


_REMIT, _BUSINESS, _SUBSIDY = (
    ExpenditureKind.REMITTANCE,
    ExpenditureKind.BUSINESS,
    ExpenditureKind.AFFILIATE_SUBSIDY,
)
_OPTIONAL_KINDS = (_REMIT, _BUSINESS, _SUBSIDY)


def _fund_set(funds: Collection[Fund] | None) -> frozenset[Fund] | None:
    return None if funds is None else frozenset(funds)


_KIND_INDEX = {kind: index for index, kind in enumerate(ExpenditureKind, start=1)}
_CHAINS: dict[str, tuple[str, ...]] = {}


def _chain(text: str) -> tuple[str, ...]:
    """The texts of a code and of its ancestors (``"2010301"`` → 201, 20103, 2010301)."""
    found = _CHAINS.get(text)
    if found is None:
        found = (*(a.code for a in FunctionCode.of(text).ancestors), text)
        if len(_CHAINS) < 100_000:
            _CHAINS[text] = found
    return found


def _roll_up(
    cells: dict[tuple[str, Fund, ExpenditureKind], Decimal], funds: frozenset[Fund] | None
) -> dict[FunctionCode, list[Decimal]]:
    """Leaf cells (keyed by code text) summed into every level of the 功能分类 tree, in code order.

    A row is ``[total, basic, project, remittance, business, affiliate subsidy]``: plain lists of
    Decimals keep this inner loop cheap; Amounts are made only for the figures published.
    """
    return _select(_roll_up_by_fund(cells), funds)


def _select(
    by_fund: dict[Fund, dict[str, list[Decimal]]], funds: frozenset[Fund] | None
) -> dict[FunctionCode, list[Decimal]]:
    """The rows of the given funds (``None``: all), merged, keyed by code in code order."""
    merged = _merge_rows([rows for fund, rows in by_fund.items() if funds is None or fund in funds])
    return {FunctionCode.of(text): merged[text] for text in sorted(merged)}


def _roll_up_by_fund(
    cells: dict[tuple[str, Fund, ExpenditureKind], Decimal],
) -> dict[Fund, dict[str, list[Decimal]]]:
    """Each fund's cells summed into every level of the 功能分类 tree (keyed by code text).

    One pass serves every table: the all-funds table merges these, a fund's table is its own.
    """
    add = _EXACT.add
    by_fund: dict[Fund, dict[str, list[Decimal]]] = {}
    width = len(ExpenditureKind) + 1
    for (text, fund, kind), value in cells.items():
        rows = by_fund.get(fund)
        if rows is None:
            rows = by_fund[fund] = {}
        index = _KIND_INDEX[kind]
        for level in _chain(text):
            row = rows.get(level)
            if row is None:
                row = rows[level] = [_NOTHING] * width
            row[0] = add(row[0], value)
            row[index] = add(row[index], value)
    return by_fund


def _merge_rows(tables: list[dict[str, list[Decimal]]]) -> dict[str, list[Decimal]]:
    """Rows of several funds added code by code; a code of one fund keeps that fund's row."""
    if not tables:
        return {}
    if len(tables) == 1:
        return tables[0]
    add = _EXACT.add
    merged: dict[str, list[Decimal]] = {}
    for table in tables:
        for text, row in table.items():
            found = merged.get(text)
            if found is None:
                merged[text] = row
            else:
                # Untouched cells stay the shared zero: "0 + x" is x with x's digits anyway.
                merged[text] = [
                    a if b is _NOTHING else b if a is _NOTHING else add(a, b)
                    for a, b in zip(found, row, strict=True)
                ]
    return merged


def _by_kind(rows: dict[FunctionCode, list[Decimal]]) -> dict[FunctionCode, dict[ExpenditureKind, Amount]]:
    return {
        code: {kind: Amount._exact(row[index]) for kind, index in _KIND_INDEX.items()}
        for code, row in rows.items()
    }


# Publisher-built rows hold codes and sums made just above; see model/_unchecked.py.
_function_line = unchecked(FunctionLine)
_economic_line = unchecked(EconomicLine)


def _rounder(places: int | None) -> Callable[[Amount], Amount]:
    if places is None:
        return lambda amount: amount
    return lambda amount: amount.rounded(places)


class _Publisher:
    """Builds a Disclosure from a Ledger; one method a section."""

    def __init__(self, ledger: Ledger, template: str, places: int | None) -> None:
        if template not in ("sichuan-2021", "all-lines"):
            raise InvalidValue(
                "模板 sichuan-2021 或 all-lines", "template 'sichuan-2021' or 'all-lines'", template
            )
        self.ledger = ledger
        self.template = template
        self.r = _rounder(places)
        self.places = places
        self._lines: dict[frozenset[Fund] | None, tuple[FunctionLine, ...]] = {}
        self.rows = _RowCache(ledger._totals)
        self._by_code: dict[frozenset[Fund] | None, dict[str, FunctionLine]] = {}
        # Sums never touched stay the shared zero Decimal: they share one zero Amount too.
        zero = Amount._exact(_NOTHING) if places is None else Amount._exact(_NOTHING).rounded(places)
        new, set_value = object.__new__, slot_setter(Amount, "_value")

        def figure(value: Decimal) -> Amount:
            if value is _NOTHING:
                return zero
            # Amount._exact written out: this runs for every figure of every table.
            amount: Amount = new(Amount)
            set_value(amount, value)
            return amount if places is None else amount.rounded(places)

        self.figure = figure
        self.list_zeros = template == "all-lines"
        self.prior = ledger.prior or PriorYear()

    def disclosure(self) -> Disclosure:
        ledger = self.ledger
        return Disclosure(
            year=ledger.year,
            department=ledger.department,
            template=self.template,
            overview=self.overview(),
            revenue=self.revenue(),
            expenditure=self.expenditure(),
            fiscal=self.fiscal(),
            general_budget=self.general_budget(),
            basic_expenditure=self.basic_expenditure(),
            three_public=self.three_public(),
            government_fund=self.fund_spending(Fund.GOVERNMENT_FUND),
            state_capital=self.fund_spending(Fund.STATE_CAPITAL),
            operating_costs=self.operating_costs(),
            procurement=self.procurement(),
            assets=ledger.assets,
            staffing=ledger.staffing,
            performance=ledger.performance,
        )

    # helpers -----------------------------------------------------------------------------------

    def change(self, previous: Amount | None, current: Amount) -> StatedChange | None:
        if previous is None:
            return None
        printed_previous, printed_current = self.r(previous), self.r(current)
        change = Change(printed_previous, printed_current)
        rate = change.rate
        return StatedChange(
            direction=change.direction,
            amount=abs(change.difference) if change.direction is not Direction.FLAT else None,
            rate=abs(rate) if rate is not None and change.direction is not Direction.FLAT else None,
            previous=printed_previous,
        )

    def shares_of(self, amounts: list[Amount]) -> list[Percent | None]:
        if not any(amounts):
            return [None] * len(amounts)
        return list(shares(amounts))

    def completion(self, actual: Amount, budget: Amount | None) -> Percent | None:
        if budget is None or not budget:
            return None
        return Percent.ratio(actual, budget).rounded()

    # sections ----------------------------------------------------------------------------------

    def overview(self) -> Overview:
        ledger, r = self.ledger, self.r
        grand = ledger.grand_total()
        return Overview(
            revenue_grand_total=r(grand),
            expenditure_grand_total=r(grand),
            change=self.change(self.prior.grand_total, grand),
            non_fiscal_balance_used=r(ledger.non_fiscal_balance_used),
            opening_balance=r(ledger.opening_balance()),
            surplus_distribution=r(ledger.surplus_distribution),
            closing_balance=r(ledger.closing_balance()),
        )

    def revenue(self) -> Revenue:
        ledger, r = self.ledger, self.r
        by_source = ledger.revenue_by_source()
        listed = [s for s in RevenueSource if self.list_zeros or by_source[s]]
        share_list = self.shares_of([by_source[s] for s in listed])
        total = ledger.revenue_total()
        return Revenue(
            total=r(total),
            lines=tuple(SourceLine(s, r(by_source[s]), p) for s, p in zip(listed, share_list, strict=True)),
            change=self.change(self.prior.revenue_total, total),
        )

    def function_lines(self, funds: Collection[Fund] | None) -> tuple[FunctionLine, ...]:
        """The rows of a table by 功能分类 (类, 款 and 项) of the given funds (``None``: all)."""
        key = _fund_set(funds)
        found = self._lines.get(key)
        if found is not None:
            return found
        # A row whose figures equal the all-funds row (a code spent from this fund only) is the
        # same immutable object as in the all-funds table: fewer objects, same content.
        same = None if key is None else self._lines_by_code(None)
        all_rows = None if key is None else self.rows.rows(None)
        # The 基本/项目 columns are always printed; the other three kinds only when the
        # department has such spending at all (a 行政单位's table leaves them out).
        present = self.ledger._totals.kinds
        remit, business, subsidy = (kind in present for kind in _OPTIONAL_KINDS)
        figure = self.figure
        year = self.ledger.year
        lines = []
        for code, row in self.rows.rows(key).items():
            if same is not None and all_rows is not None and all_rows[code] == row:
                lines.append(same[code.code])
                continue
            lines.append(
                _function_line(
                    code,
                    figure(row[0]),
                    _catalogue_name(code, year),
                    basic=figure(row[1]),
                    project=figure(row[2]),
                    remittance=figure(row[3]) if remit else None,
                    business=figure(row[4]) if business else None,
                    affiliate_subsidy=figure(row[5]) if subsidy else None,
                )
            )
        found = self._lines[key] = tuple(lines)
        return found

    def _lines_by_code(self, funds: frozenset[Fund] | None) -> dict[str, FunctionLine]:
        found = self._by_code.get(funds)
        if found is None:
            found = self._by_code[funds] = {line.code.code: line for line in self.function_lines(funds)}
        return found

    def expenditure(self) -> Expenditure:
        ledger, r = self.ledger, self.r
        by_kind = ledger.expenditure_by_kind()
        listed = [k for k in ExpenditureKind if self.list_zeros or by_kind[k]]
        share_list = self.shares_of([by_kind[k] for k in listed])
        classes = self.rows.rows(None)
        total = ledger.expenditure_total()
        return Expenditure(
            total=r(total),
            lines=tuple(KindLine(k, r(by_kind[k]), p) for k, p in zip(listed, share_list, strict=True)),
            change=self.change(self.prior.expenditure_total, total),
            classes=tuple(
                _function_line(
                    code=code, amount=r(Amount._exact(row[0])), name=_catalogue_name(code, ledger.year)
                )
                for code, row in classes.items()
                if len(code.code) == 3
            ),
            rows=self.function_lines(None),
        )

    def fiscal(self) -> Fiscal:
        ledger, r = self.ledger, self.r
        flows = []
        for fund in FISCAL_FUNDS:
            flows.append(
                FundFlow(
                    fund=fund,
                    opening=r(ledger.opening_balance(fund)),
                    revenue=r(ledger.fund_revenue(fund)),
                    expenditure=r(ledger.expenditure_total(funds=(fund,))),
                    closing=r(ledger.closing_balance(fund)),
                )
            )
        grand = ledger.fiscal_grand_total()
        return Fiscal(
            grand_total=r(grand),
            change=self.change(self.prior.fiscal_grand_total, grand),
            revenue_total=r(sum((ledger.fund_revenue(f) for f in FISCAL_FUNDS), _ZERO)),
            expenditure_total=r(ledger.expenditure_total(funds=FISCAL_FUNDS)),
            opening_balance=r(sum((ledger.opening_balance(f) for f in FISCAL_FUNDS), _ZERO)),
            closing_balance=r(sum((ledger.closing_balance(f) for f in FISCAL_FUNDS), _ZERO)),
            funds=tuple(flows),
        )

    def general_budget(self) -> GeneralBudget | None:
        ledger, r = self.ledger, self.r

        gpb = (Fund.GENERAL_BUDGET,)
        total = ledger.expenditure_total(funds=gpb)
        if not total and not self.list_zeros:
            return GeneralBudget(total=r(total))
        rows = self.rows.rows(_fund_set(gpb))
        classes = [(code, Amount._exact(row[0])) for code, row in rows.items() if len(code.code) == 3]
        class_shares = self.shares_of([amount for _, amount in classes])
        budgets: dict[FunctionCode, Amount] = {}
        for line in ledger.budgets:
            if line.fund is Fund.GENERAL_BUDGET:
                budgets[line.function] = budgets.get(line.function, _ZERO) + line.amount
        items = []
        leaf_codes = _leaves(rows)
        for code in leaf_codes:
            amount = Amount._exact(rows[code][0])
            printed_budget: Amount | None = None
            completion: Percent | None = None
            if budgets and code in budgets:
                printed_budget, completion = r(budgets[code]), self.completion(amount, budgets[code])
            items.append(
                _function_line(
                    code=code,
                    amount=r(amount),
                    name=_catalogue_name(code, ledger.year),
                    parent_names=_parent_names(code, ledger.year),
                    budget=printed_budget,
                    completion=completion,
                )
            )
        total_budget = sum(budgets.values(), _ZERO) if budgets else None
        share = (
            Percent.ratio(total, ledger.expenditure_total()).rounded() if ledger.expenditure_total() else None
        )
        return GeneralBudget(
            total=r(total),
            share=share,
            change=self.change(self.prior.general_budget_expenditure, total),
            structure_total=r(total),
            classes=tuple(
                _function_line(code=code, amount=r(amount), name=_catalogue_name(code, ledger.year), share=p)
                for (code, amount), p in zip(classes, class_shares, strict=True)
            ),
            detail_total=r(total),
            detail_budget=r(total_budget) if total_budget is not None else None,
            detail_completion=self.completion(total, total_budget),
            items=tuple(items),
            rows=self.function_lines(gpb),
        )

    def basic_expenditure(self) -> BasicExpenditure:
        ledger, r = self.ledger, self.r
        split = ledger.basic_split()
        by_code = ledger._totals.basic_by_code
        total = sum(split.values(), _ZERO)
        classified = None not in split
        return BasicExpenditure(
            total=r(total),
            personnel=r(split.get(BasicExpensePart.PERSONNEL, _ZERO)) if classified else None,
            public=r(split.get(BasicExpensePart.PUBLIC, _ZERO)) if classified else None,
            lines=tuple(
                _economic_line(code, r(Amount._exact(value)), _economic_name(code, ledger.year))
                for code, value in sorted(by_code.items(), key=lambda pair: pair[0].code)
            ),
        )

    def three_public(self) -> ThreePublic | None:
        account = self.ledger.three_public
        if account is None:
            return None
        prior = self.prior.three_public
        budgets = account.budgets()
        r = self.r

        def figure(name: str) -> BudgetedFigure:
            actual: Amount = getattr(account, name)
            budget = budgets[name]
            previous: Amount | None = getattr(prior, name) if prior is not None else None
            return BudgetedFigure(
                actual=r(actual),
                budget=r(budget) if budget is not None else None,
                completion=self.completion(actual, budget),
                versus_budget=self.change(budget, actual),
                change=self.change(previous, actual),
            )

        return ThreePublic(
            total=figure("total"),
            outbound=figure("outbound"),
            vehicles=figure("vehicles"),
            vehicle_purchase=figure("vehicle_purchase"),
            vehicle_operation=figure("vehicle_operation"),
            reception=figure("reception"),
            domestic_reception=figure("domestic_reception"),
            foreign_reception=figure("foreign_reception"),
            foreign_included_in_domestic=account.foreign_included_in_domestic,
            outbound_groups=account.outbound_groups,
            outbound_people=account.outbound_people,
            vehicles_purchased=account.vehicles_purchased,
            vehicles_held=account.vehicles_held,
            domestic_batches=account.domestic_batches,
            domestic_people=account.domestic_people,
            foreign_batches=account.foreign_batches,
            foreign_people=account.foreign_people,
        )

    def fund_spending(self, fund: Fund) -> FundSpending:
        ledger, r = self.ledger, self.r
        total = ledger.expenditure_total(funds=(fund,))
        previous = (
            self.prior.government_fund_expenditure
            if fund is Fund.GOVERNMENT_FUND
            else self.prior.state_capital_expenditure
        )
        return FundSpending(
            total=r(total),
            change=self.change(previous, total),
            lines=self.function_lines((fund,)),
            opening_balance=r(ledger.opening_balance(fund)),
            revenue=r(ledger.fund_revenue(fund)),
            closing_balance=r(ledger.closing_balance(fund)),
        )

    def operating_costs(self) -> OperatingCosts | None:
        amount = self.ledger.operating_costs
        if amount is None:
            return None
        return OperatingCosts(amount=self.r(amount), change=self.change(self.prior.operating_costs, amount))

    def procurement(self) -> Procurement | None:
        account = self.ledger.procurement
        if account is None:
            return None
        r, total = self.r, account.total

        def share(part: Amount | None) -> Percent | None:
            return Percent.ratio(part, total).rounded() if part is not None and total else None

        return Procurement(
            total=r(total),
            goods=r(account.goods),
            works=r(account.works),
            services=r(account.services),
            sme=r(account.sme) if account.sme is not None else None,
            sme_share=share(account.sme),
            small_micro=r(account.small_micro) if account.small_micro is not None else None,
            small_micro_share=share(account.small_micro),
        )


def _leaves(rows: dict[FunctionCode, Any]) -> list[FunctionCode]:
    """Codes with no descendant among ``rows`` (the 项 lines of the narrative's item list)."""
    codes = list(rows)
    parents = {a.code for code in codes for a in code.ancestors}
    return [code for code in codes if code.code not in parents]


def _catalogue_name(code: FunctionCode, year: int) -> str | None:
    return _function_names(code.code, year)[0]


def _parent_names(code: FunctionCode, year: int) -> tuple[str, ...]:
    """The catalogue names of the code's 类 and 款 (those the catalogue has)."""
    return _function_names(code.code, year)[1]


_NAMES: dict[int, dict[str, tuple[str | None, tuple[str, ...]]]] = {}


def _function_names(text: str, year: int) -> tuple[str | None, tuple[str, ...]]:
    # Keyed by year, then by the code's text (a code's own hash is a Python call, and a
    # (text, year) key would be a tuple made on every call); bounded like lru_cache.
    names = _NAMES.get(year)
    if names is None:
        names = _NAMES.setdefault(year, {})
    found = names.get(text)
    if found is None:
        from budgetacct.codes import nearest_catalogue

        catalogue = nearest_catalogue("function", year)[0]

        def name(code_text: str) -> str | None:
            entry = catalogue.get(code_text)
            return entry.name if entry is not None else None

        parents = tuple(n for n in (name(a.code) for a in FunctionCode.of(text).ancestors) if n is not None)
        found = (name(text), parents)
        if len(names) < 100_000:
            names[text] = found
    return found


@functools.lru_cache(maxsize=4096)
def _economic_name(code: EconomicCode, year: int) -> str | None:
    from budgetacct.codes import nearest_catalogue

    entry = nearest_catalogue(code.system.kind, year)[0].get(code.code)
    return entry.name if entry is not None else None
