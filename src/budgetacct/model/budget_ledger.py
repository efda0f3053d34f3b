"""The exact budget a department draws up: the ledger side of a 部门预算.

A :class:`BudgetAccount` holds the budget's line items the way a :class:`~budgetacct.model.ledger.Ledger`
holds the year's actuals — the same :class:`~budgetacct.model.ledger.ExpenditureItem` (功能分类 ×
fund × 基本/项目 × 经济分类 × project), the same :class:`~budgetacct.model.ledger.RevenueItem` and
:class:`~budgetacct.model.ledger.FundAmount` (上年结转 by fund) — plus what only a budget plans:
the 三公 and 机关运行经费 budgets, the 政府采购 budget, the projects with 绩效目标, and the previous
year's budget that the report compares with.  Totals are derived (through :meth:`BudgetAccount.as_ledger`,
so the roll-ups are the 决算 ledger's own), never stored.

:func:`~budgetacct.model.budget_publish.publish_budget` turns it into the published
:class:`~budgetacct.model.budget.Budget`; :meth:`BudgetAccount.from_ledger` takes the budget lines a
决算 ledger keeps (:class:`~budgetacct.model.ledger.BudgetLine`) as a budget of its own.

>>> from budgetacct import Amount
>>> from budgetacct.codes import FunctionCode
>>> from budgetacct.model.enums import ExpenditureKind, Fund, RevenueSource
>>> account = BudgetAccount(
...     year=2025,
...     department="示例局",
...     items=(ExpenditureItem(FunctionCode("2010601"), Fund.GENERAL_BUDGET, ExpenditureKind.PROJECT,
...                            Amount("10.004")),),
...     revenue=(RevenueItem(RevenueSource.GENERAL_BUDGET, Amount("10.004")),),
... )
>>> account.as_ledger().expenditure_total()
Amount('10.004')
>>> account.carry_to_next()
Amount('0.000')
"""

from __future__ import annotations

import functools
from typing import Any

import attrs

from budgetacct.errors import InvalidValue
from budgetacct.model import _fields as v
from budgetacct.model.budget import BUDGET_SOURCES, BudgetLevel, TargetedProject
from budgetacct.model.disclosure import Assets
from budgetacct.model.enums import ExpenditureKind, Fund
from budgetacct.model.ledger import ExpenditureItem, FundAmount, Ledger, ProcurementAccount, RevenueItem
from budgetacct.money import Amount

__all__ = ["BudgetAccount", "PriorBudget", "ThreePublicBudget"]

_ZERO = Amount(0)


def _amount(default: Amount = _ZERO) -> Any:
    return attrs.field(default=default, validator=v.non_negative_amount)


@attrs.frozen
class ThreePublicBudget:
    """The 三公 budget: 因公出国（境）费, 公务用车购置费 and 运行费, 公务接待费; totals derived."""

    outbound: Amount = _amount()
    vehicle_purchase: Amount = _amount()
    vehicle_operation: Amount = _amount()
    reception: Amount = _amount()

    @property
    def vehicles(self) -> Amount:
        return self.vehicle_purchase + self.vehicle_operation

    @property
    def total(self) -> Amount:
        return self.outbound + self.vehicles + self.reception


@attrs.frozen
class PriorBudget:
    """The previous year's budget, as the report compares with it (each figure optional)."""

    revenue_total: Amount | None = v.optional_amount_field()
    expenditure_total: Amount | None = v.optional_amount_field()
    fiscal_total: Amount | None = v.optional_amount_field()
    general_budget: Amount | None = v.optional_amount_field()
    government_fund: Amount | None = v.optional_amount_field()
    state_capital: Amount | None = v.optional_amount_field()
    operating_costs: Amount | None = v.optional_amount_field()
    three_public: ThreePublicBudget | None = v.optional_instance_field(
        ThreePublicBudget, "“三公”经费预算（ThreePublicBudget）", "a ThreePublicBudget"
    )

    def fund(self, fund: Fund) -> Amount | None:
        return {
            Fund.GENERAL_BUDGET: self.general_budget,
            Fund.GOVERNMENT_FUND: self.government_fund,
            Fund.STATE_CAPITAL: self.state_capital,
        }.get(fund)


def _budget_sources(_: object, attribute: attrs.Attribute[Any], items: tuple[RevenueItem, ...]) -> None:
    for index, item in enumerate(items):
        if item.source not in BUDGET_SOURCES:
            raise InvalidValue(
                "预算收入来源：财政拨款（一般公共预算、政府性基金、国有资本经营）、事业收入、事业单位经营收入或其他收入",
                "a budgeted source: a fiscal fund, 事业收入, 事业单位经营收入 or 其他收入",
                item.source.value,
                path=f"$.{attribute.name}[{index}].source",
            )


def _planned_kinds(_: object, attribute: attrs.Attribute[Any], items: tuple[ExpenditureItem, ...]) -> None:
    for index, item in enumerate(items):
        if item.kind not in (ExpenditureKind.BASIC, ExpenditureKind.PROJECT):
            raise InvalidValue(
                "预算支出类型：基本支出或项目支出",
                "a budgeted kind: 基本支出 or 项目支出",
                item.kind.value,
                path=f"$.{attribute.name}[{index}].kind",
            )


@attrs.frozen
class BudgetAccount:
    """A department's (or unit's) exact budget for one year; totals are derived from its items."""

    year: int = attrs.field(validator=v.year)
    department: str = attrs.field(validator=v.text)
    level: BudgetLevel = attrs.field(default=BudgetLevel.DEPARTMENT, validator=v.enum_of(BudgetLevel))
    items: tuple[ExpenditureItem, ...] = attrs.field(
        default=(),
        validator=[
            v.tuple_of(ExpenditureItem, "预算支出项（ExpenditureItem）", "an ExpenditureItem"),
            _planned_kinds,
        ],
    )
    revenue: tuple[RevenueItem, ...] = attrs.field(
        default=(),
        validator=[v.tuple_of(RevenueItem, "预算收入项（RevenueItem）", "a RevenueItem"), _budget_sources],
    )
    carried_forward: tuple[FundAmount, ...] = v.tuple_field(
        FundAmount, "上年结转（FundAmount）", "a FundAmount"
    )
    non_fiscal_balance_used: Amount = _amount()
    three_public: ThreePublicBudget | None = v.optional_instance_field(
        ThreePublicBudget, "“三公”经费预算（ThreePublicBudget）", "a ThreePublicBudget"
    )
    operating_costs: Amount | None = v.optional_amount_field()
    procurement: ProcurementAccount | None = v.optional_instance_field(
        ProcurementAccount, "政府采购预算（ProcurementAccount）", "a ProcurementAccount"
    )
    assets: Assets | None = v.optional_instance_field(Assets, "国有资产（Assets）", "an Assets")
    asset_purchases: Assets | None = v.optional_instance_field(
        Assets, "预算安排购置资产（Assets）", "an Assets"
    )
    targets: tuple[TargetedProject, ...] = v.tuple_field(
        TargetedProject, "绩效目标项目（TargetedProject）", "a TargetedProject"
    )
    prior: PriorBudget | None = v.optional_instance_field(
        PriorBudget, "上年预算（PriorBudget）", "a PriorBudget"
    )
    reason: str | None = v.optional_text_field()

    @functools.cached_property
    def _ledger(self) -> Ledger:
        return Ledger(
            year=self.year,
            department=self.department,
            revenue=self.revenue,
            expenditure=self.items,
            opening_balances=self.carried_forward,
            non_fiscal_balance_used=self.non_fiscal_balance_used,
        )

    def as_ledger(self) -> Ledger:
        """The budget's items as a ledger: its roll-ups (类/款/项, by fund, 人员/公用) are the budget's."""
        return self._ledger

    def carry_to_next(self, fund: Fund | None = None) -> Amount:
        """结转下年: what the year's income and 上年结转 leave after the year's planned spending."""
        return self._ledger.closing_balance(fund)

    def grand_total(self) -> Amount:
        """收入总计 = 本年收入 + 使用非财政拨款结余 + 上年结转 (= 支出总计 = 本年支出 + 结转下年)."""
        return self._ledger.grand_total()

    def targeted_total(self) -> Amount:
        return sum((t.amount for t in self.targets), _ZERO)

    @classmethod
    def from_ledger(cls, ledger: Ledger) -> BudgetAccount:
        """The budget lines a 决算 ledger keeps (年初预算, for 完成预算%) as a budget of their own.

        Each :class:`~budgetacct.model.ledger.BudgetLine` becomes a budget item of its kind and
        economic code; a line kept without a kind is planned as 项目支出 (基本支出 has to be split by
        经济分类 into 人员经费 / 公用经费, which an unsplit line cannot be).  The income planned is
        the fund's own budget (一般公共预算 lines as 一般公共预算拨款 …; 非财政拨款 as 其他收入), and
        the ledger's 三公 budgets are the 三公 budget.
        """
        from budgetacct.model.enums import RevenueSource

        items = tuple(
            ExpenditureItem(
                line.function,
                line.fund,
                line.kind or ExpenditureKind.PROJECT,
                line.amount,
                economic=line.economic if line.kind is ExpenditureKind.BASIC else None,
            )
            for line in ledger.budgets
        )
        by_fund: dict[Fund, Amount] = {}
        for item in items:
            by_fund[item.fund] = by_fund.get(item.fund, _ZERO) + item.amount
        revenue = tuple(
            RevenueItem(fund.revenue_source or RevenueSource.OTHER, amount)
            for fund, amount in by_fund.items()
        )
        three_public = None
        account = ledger.three_public
        if account is not None:
            budgets = account.budgets()
            if all(
                budgets[name] is not None for name in ("outbound", "vehicle_purchase", "vehicle_operation")
            ):
                three_public = ThreePublicBudget(
                    outbound=budgets["outbound"] or _ZERO,
                    vehicle_purchase=budgets["vehicle_purchase"] or _ZERO,
                    vehicle_operation=budgets["vehicle_operation"] or _ZERO,
                    reception=budgets["reception"] or _ZERO,
                )
        return cls(
            year=ledger.year,
            department=ledger.department,
            items=items,
            revenue=revenue,
            three_public=three_public,
        )
