"""The exact account a department keeps.

A :class:`Ledger` holds line items (revenue by source, spending by 功能分类 × fund × kind ×
经济分类) in any precision down to 0.01 元.  Totals are *derived*, never stored, so they cannot
disagree.  :meth:`Ledger.publish` turns it into the :class:`~budgetacct.model.disclosure.Disclosure`
a publisher would print: figures rounded half-up to 0.01 万元 independently of each other, shares
that sum to 100.00, year-on-year changes with their direction words (see
:mod:`budgetacct.model.publish`).

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
from typing import TYPE_CHECKING, Any

import attrs

from budgetacct.codes import BasicExpensePart, EconomicCode, FunctionCode
from budgetacct.model import _fields as v
from budgetacct.model.disclosure import Assets, Disclosure, Staffing, ThreePublicCounts
from budgetacct.model.enums import FISCAL_FUNDS, ExpenditureKind, Fund, RevenueSource
from budgetacct.model.performance import Performance
from budgetacct.money import Amount

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.model.budget import Budget

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


@attrs.frozen
class RevenueItem:
    """Income of one source (optionally booked against a 功能分类 code, for 收入决算表)."""

    source: RevenueSource = attrs.field(validator=v.enum_of(RevenueSource))
    amount: Amount = _amount_field()
    function: FunctionCode | None = v.optional_instance_field(
        FunctionCode, "功能分类科目编码", "a FunctionCode"
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
    economic: EconomicCode | None = v.optional_instance_field(
        EconomicCode, "经济分类科目编码", "an EconomicCode"
    )
    project: str | None = v.optional_field(v.text)


@attrs.frozen
class FundAmount:
    """An amount held by one fund (年初结转和结余 by fund)."""

    fund: Fund = attrs.field(validator=v.enum_of(Fund))
    amount: Amount = _amount_field()


@attrs.frozen
class BudgetLine:
    """The (adjusted) budget of one 功能分类 code for one fund, for 完成预算%.

    ``kind`` and ``economic`` split it further where the budget is kept that finely; the lines
    then publish as a budget report of their own (:meth:`Ledger.publish_budget`).
    """

    function: FunctionCode = attrs.field(
        validator=v.instance(FunctionCode, "功能分类科目编码", "a FunctionCode")
    )
    amount: Amount = _amount_field()
    fund: Fund = attrs.field(default=Fund.GENERAL_BUDGET, validator=v.enum_of(Fund))
    kind: ExpenditureKind | None = attrs.field(default=None, validator=v.optional(v.enum_of(ExpenditureKind)))
    economic: EconomicCode | None = v.optional_instance_field(
        EconomicCode, "经济分类科目编码", "an EconomicCode"
    )


@attrs.frozen
class ThreePublicAccount(ThreePublicCounts):
    """三公经费 actuals (and budgets, when kept) with the counts; totals are derived."""

    outbound: Amount = _amount_field(_ZERO)
    vehicle_purchase: Amount = _amount_field(_ZERO)
    vehicle_operation: Amount = _amount_field(_ZERO)
    domestic_reception: Amount = _amount_field(_ZERO)
    foreign_reception: Amount = _amount_field(_ZERO)
    budget_outbound: Amount | None = v.optional_amount_field()
    budget_vehicle_purchase: Amount | None = v.optional_amount_field()
    budget_vehicle_operation: Amount | None = v.optional_amount_field()
    budget_domestic_reception: Amount | None = v.optional_amount_field()
    budget_foreign_reception: Amount | None = v.optional_amount_field()

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
    sme: Amount | None = v.optional_amount_field()
    small_micro: Amount | None = v.optional_amount_field()

    @property
    def total(self) -> Amount:
        return self.goods + self.works + self.services


@attrs.frozen
class PriorYear:
    """Last year's figures that the report compares with."""

    grand_total: Amount | None = v.optional_amount_field()
    fiscal_grand_total: Amount | None = v.optional_amount_field()
    revenue_total: Amount | None = v.optional_amount_field()
    expenditure_total: Amount | None = v.optional_amount_field()
    general_budget_expenditure: Amount | None = v.optional_amount_field()
    government_fund_expenditure: Amount | None = v.optional_amount_field()
    state_capital_expenditure: Amount | None = v.optional_amount_field()
    operating_costs: Amount | None = v.optional_amount_field()
    three_public: ThreePublicAccount | None = v.optional_instance_field(
        ThreePublicAccount, "三公经费（ThreePublicAccount）", "a ThreePublicAccount"
    )


def _items(count: int) -> str:
    return "1 item" if count == 1 else f"{count} items"


# repr=False: the attrs repr spells out every item; the short one names the department, the year
# and the two totals, and budgetacct.io.dump writes everything.
@attrs.frozen(repr=False)
class Ledger:
    """A department's exact account for one fiscal year (totals derived from items).

    >>> Ledger(year=2021, department="示例部门")
    <Ledger 示例部门 2021 · revenue 0万元 in 0 items · expenditure 0万元 in 0 items>
    """

    year: int = attrs.field(validator=v.year)
    department: str = attrs.field(validator=v.text)
    revenue: tuple[RevenueItem, ...] = v.tuple_field(RevenueItem, "收入项（RevenueItem）", "a RevenueItem")
    expenditure: tuple[ExpenditureItem, ...] = v.tuple_field(
        ExpenditureItem, "支出项（ExpenditureItem）", "an ExpenditureItem"
    )
    opening_balances: tuple[FundAmount, ...] = v.tuple_field(
        FundAmount, "分资金金额（FundAmount）", "a FundAmount"
    )
    non_fiscal_balance_used: Amount = _amount_field(_ZERO)
    surplus_distribution: Amount = _amount_field(_ZERO)
    budgets: tuple[BudgetLine, ...] = v.tuple_field(BudgetLine, "预算行（BudgetLine）", "a BudgetLine")
    three_public: ThreePublicAccount | None = v.optional_instance_field(
        ThreePublicAccount, "三公经费（ThreePublicAccount）", "a ThreePublicAccount"
    )
    operating_costs: Amount | None = v.optional_amount_field()
    procurement: ProcurementAccount | None = v.optional_instance_field(
        ProcurementAccount, "政府采购（ProcurementAccount）", "a ProcurementAccount"
    )
    assets: Assets | None = v.optional_instance_field(Assets, "国有资产（Assets）", "an Assets")
    staffing: Staffing | None = v.optional_instance_field(Staffing, "人员（Staffing）", "a Staffing")
    performance: Performance | None = v.optional_instance_field(
        Performance, "绩效（Performance）", "a Performance"
    )
    prior: PriorYear | None = v.optional_instance_field(PriorYear, "上年数（PriorYear）", "a PriorYear")

    def __repr__(self) -> str:
        revenue, spent = self.revenue_total(), self.expenditure_total()
        return (
            f"<Ledger {self.department} {self.year} · revenue {revenue}万元 in {_items(len(self.revenue))}"
            f" · expenditure {spent}万元 in {_items(len(self.expenditure))}>"
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
        cells = _leaf_sums(item for item in self.expenditure if where(item))[0]
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

    def publish(
        self, *, template: str = "sichuan-2021", places: int | None = 2, tables: bool | str = True
    ) -> Disclosure:
        """The disclosure a publisher would print from this ledger.

        ``places=2`` rounds every figure half-up to 0.01 万元 on its own (so a total may differ
        from the sum of its rounded parts by a legitimate 尾数误差); ``places=None`` publishes the
        exact figures, which the audit then checks with zero tolerance.  ``template`` is
        ``"sichuan-2021"`` (list only non-zero sources and kinds, as the seed does) or
        ``"all-lines"`` (list every source and kind, zeros included).  ``tables`` adds the
        standard tables of the template's set (``True``), of a named set (``"mof-9"`` …), or
        none (``False``); every table cell is rounded on its own, as a publisher prints it.
        """
        # Imported on call: model/publish.py builds on this module.
        from budgetacct.model.publish import publish

        return publish(self, template=template, places=places, tables=tables)

    def publish_budget(self, *, places: int | None = 2, tables: bool | str = True) -> Budget:
        """The budget report (a :class:`~budgetacct.model.budget.Budget`) its budget lines print.

        See :meth:`BudgetAccount.from_ledger <budgetacct.model.budget_ledger.BudgetAccount.from_ledger>`
        and :func:`~budgetacct.model.budget_publish.publish_budget`.
        """
        from budgetacct.model.budget_ledger import BudgetAccount
        from budgetacct.model.budget_publish import publish_budget

        return publish_budget(BudgetAccount.from_ledger(self), places=places, tables=tables)


_EXACT = Context(prec=60, rounding=ROUND_HALF_UP, traps=[InvalidOperation, Overflow, Inexact])
_NOTHING = Decimal(0)


def _sum(values: Iterable[Decimal]) -> Decimal:
    total = _NOTHING
    for value in values:
        total = _EXACT.add(total, value)
    return total


#: The leaf sums of a ledger's spending: fund → kind → code text → exact sum.  Nested dicts
#: rather than one dict keyed by (code, fund, kind): an item costs two lookups by member (hashed
#: by identity) and one by text (a cached str hash) instead of building and hashing a tuple twice.
_Cells = dict[Fund, dict[ExpenditureKind, dict[str, Decimal]]]


def _leaf_sums(
    items: Iterable[ExpenditureItem],
) -> tuple[_Cells, dict[str, Decimal], dict[str, EconomicCode], Decimal | None]:
    """One pass over ``items``: their leaf sums, and their 一般公共预算 基本支出 by economic code
    text (with each text's code) and without an economic code (``None`` when there is none)."""
    add = _EXACT.add
    # Keyed by the code's text: str hashes are cached by CPython, a code's __hash__ is a
    # Python call (this loop runs once per line item).
    cells: _Cells = {}
    by_text: dict[str, Decimal] = {}
    economic_codes: dict[str, EconomicCode] = {}
    unclassified: Decimal | None = None
    gpb, basic_kind = Fund.GENERAL_BUDGET, ExpenditureKind.BASIC
    for item in items:
        fund, kind = item.fund, item.kind
        by_kind = cells.get(fund)
        if by_kind is None:
            by_kind = cells[fund] = {}
        texts = by_kind.get(kind)
        if texts is None:
            texts = by_kind[kind] = {}
        text = item.function.code
        value = item.amount.value
        texts[text] = add(texts.get(text, _NOTHING), value)
        if fund is gpb and kind is basic_kind:
            economic = item.economic
            if economic is None:
                unclassified = add(_NOTHING if unclassified is None else unclassified, value)
            else:
                economic_text = economic.code
                found = by_text.get(economic_text)
                if found is None:
                    by_text[economic_text] = value
                    economic_codes[economic_text] = economic
                else:
                    by_text[economic_text] = add(found, value)
    return cells, by_text, economic_codes, unclassified


class _Totals:
    """Everything a ledger derives, computed in one pass over its items (exact Decimal sums)."""

    __slots__ = (
        "basic_by_text",
        "basic_split",
        "by_fund",
        "by_fund_kind",
        "cells",
        "closing",
        "economic_codes",
        "kinds",
        "revenue",
        "revenue_by_fund",
        "spent",
    )

    def __init__(self, ledger: Ledger) -> None:
        add = _EXACT.add
        cells, by_text, economic_codes, unclassified = _leaf_sums(ledger.expenditure)
        basic: dict[BasicExpensePart | None, Decimal] = {}
        if unclassified is not None:
            basic[None] = unclassified
        # The 人员/公用 split per distinct code, not per item.
        for text, value in by_text.items():
            economic = economic_codes[text]
            part = economic.basic_expense_part
            basic[part] = add(basic.get(part, _NOTHING), value)
        by_fund_kind: dict[tuple[Fund, ExpenditureKind], Decimal] = {}
        for fund, by_kind in cells.items():
            for kind, texts in by_kind.items():
                by_fund_kind[(fund, kind)] = _sum(texts.values())
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
        # 一般公共预算 基本支出 per economic code text, and each text's code (the publisher's lines).
        self.basic_by_text = by_text
        self.economic_codes = economic_codes
        self.kinds = frozenset(kind for (_, kind), value in by_fund_kind.items() if value)

    def rows(self, funds: frozenset[Fund] | None) -> dict[str, list[Decimal]]:
        """Per code text (every level, in code order): ``[total, *one value per ExpenditureKind]``.

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
        self._found: dict[frozenset[Fund] | None, dict[str, list[Decimal]]] = {}

    def rows(self, funds: frozenset[Fund] | None) -> dict[str, list[Decimal]]:
        found = self._found.get(funds)
        if found is None:
            by_fund = self._by_fund
            if by_fund is None:
                by_fund = self._by_fund = _roll_up_by_fund(self._totals.cells)
            found = self._found[funds] = _select(by_fund, funds)
        return found


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


def _roll_up(cells: _Cells, funds: frozenset[Fund] | None) -> dict[str, list[Decimal]]:
    """Leaf cells (keyed by code text) summed into every level of the 功能分类 tree, in code order.

    A row is ``[total, basic, project, remittance, business, affiliate subsidy]``: plain lists of
    Decimals keep this inner loop cheap; Amounts are made only for the figures published.
    """
    return _select(_roll_up_by_fund(cells), funds)


def _select(
    by_fund: dict[Fund, dict[str, list[Decimal]]], funds: frozenset[Fund] | None
) -> dict[str, list[Decimal]]:
    """The rows of the given funds (``None``: all), merged, keyed by code text in code order.

    Text, not :class:`FunctionCode`: a str caches its hash, a code's ``__hash__`` is a Python call,
    and the publisher makes a code object only for the rows it prints anew.
    """
    merged = _merge_rows([rows for fund, rows in by_fund.items() if funds is None or fund in funds])
    return {text: merged[text] for text in sorted(merged)}


def _roll_up_by_fund(cells: _Cells) -> dict[Fund, dict[str, list[Decimal]]]:
    """Each fund's cells summed into every level of the 功能分类 tree (keyed by code text).

    One pass serves every table: the all-funds table merges these, a fund's table is its own.
    """
    add = _EXACT.add
    by_fund: dict[Fund, dict[str, list[Decimal]]] = {}
    width = len(ExpenditureKind) + 1
    for fund, by_kind in cells.items():
        rows: dict[str, list[Decimal]] = {}
        by_fund[fund] = rows
        for kind, texts in by_kind.items():
            index = _KIND_INDEX[kind]
            for text, value in texts.items():
                for level in _chain(text):
                    row = rows.get(level)
                    if row is None:
                        row = rows[level] = [_NOTHING] * width
                    column = row[index]
                    if row[0] is column:
                        # Only this kind so far (most rows have one): the total is the column,
                        # one exact sum serves both.
                        row[0] = row[index] = add(column, value)
                    else:
                        row[0] = add(row[0], value)
                        row[index] = add(column, value)
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


def _by_kind(rows: dict[str, list[Decimal]]) -> dict[FunctionCode, dict[ExpenditureKind, Amount]]:
    return {
        FunctionCode.of(text): {kind: Amount._exact(row[index]) for kind, index in _KIND_INDEX.items()}
        for text, row in rows.items()
    }
