"""Strategies for budgets: budget accounts (the budget ledger), published budgets, broken budgets.

Generation is by construction: items are drawn, income is the planned spending's own sources, the
totals are derived.  ``budgets()`` publishes a drawn account in one of the budget table sets;
``broken_budgets()`` breaks one figure of a published budget and names the rules that must fire
(:data:`BUDGET_MUTATIONS`, one or more a budget rule).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.model.budget import Budget, BudgetLevel, PerformanceTargets, TargetedProject
from budgetacct.model.budget_ledger import BudgetAccount, PriorBudget, ThreePublicBudget
from budgetacct.model.budget_publish import publish_budget
from budgetacct.model.budget_sets import BUDGET_TABLE_SETS
from budgetacct.model.disclosure import StatedChange
from budgetacct.model.enums import ExpenditureKind, Fund, RevenueSource
from budgetacct.model.ledger import ExpenditureItem, FundAmount, ProcurementAccount, RevenueItem
from budgetacct.model.tables import Basis, Column, Measure, TableKind
from budgetacct.money import Amount, Direction, Unit
from budgetacct.strategies._helpers import (
    _amount_of,
    _drawn,
    _need,
    _prior_figures,
    _raised,
    _raised_at,
)
from budgetacct.strategies.mutation import _delta

__all__ = [
    "BUDGET_MUTATIONS",
    "BudgetMutation",
    "broken_budgets",
    "budget_accounts",
    "budgets",
    "mutated_budgets",
]

_FUNCTIONS: Final = tuple(
    FunctionCode(code)
    for code in (
        "2010101",
        "2010601",
        "2010602",
        "2010607",
        "2040501",
        "2080501",
        "2080505",
        "2101101",
        "2210201",
    )
)
_PERSONNEL: Final = tuple(EconomicCode(code) for code in ("30101", "30102", "30108", "30113", "30302"))
_PUBLIC: Final = tuple(EconomicCode(code) for code in ("30201", "30211", "30217", "30228", "31002"))
_NON_FISCAL_SOURCES: Final = (RevenueSource.OPERATIONS, RevenueSource.BUSINESS, RevenueSource.OTHER)
#: The sets whose 总表 print 上年结转, 使用非财政拨款结余 and 结转下年.
_CARRYING_SETS: Final = frozenset({"mof-budget-9", "university-budget-4"})
REASON: Final = "主要原因是人员经费和信息化运维项目经费变化。"


def _money(draw: st.DrawFn, high: int = 10**10) -> Amount:
    """An amount in 万元 to the 分 (six decimals), up to ``high`` 分."""
    return _amount_of(draw(st.integers(1, high)), 6)


def _item(draw: st.DrawFn, funds: tuple[Fund, ...]) -> ExpenditureItem:
    fund = draw(st.sampled_from(funds))
    function = draw(st.sampled_from(_FUNCTIONS))
    if fund is Fund.GENERAL_BUDGET and draw(st.booleans()):
        economic = draw(st.sampled_from(_PERSONNEL + _PUBLIC))
        return ExpenditureItem(function, fund, ExpenditureKind.BASIC, _money(draw), economic=economic)
    return ExpenditureItem(
        function, fund, ExpenditureKind.PROJECT, _money(draw), project=f"项目{draw(st.integers(1, 99))}"
    )


def _optional(draw: st.DrawFn) -> Amount | None:
    return _money(draw) if draw(st.booleans()) else None


def _account(draw: st.DrawFn, table_set: str) -> BudgetAccount:
    # Jiangsu's 财政拨款收支预算总表 prints no 国有资本经营预算 line.
    funds: tuple[Fund, ...] = (Fund.GENERAL_BUDGET, Fund.GOVERNMENT_FUND, Fund.NON_FISCAL)
    if table_set != "jiangsu-budget-12":
        funds = (*funds, Fund.STATE_CAPITAL)
    first = ExpenditureItem(
        draw(st.sampled_from(_FUNCTIONS)), Fund.GENERAL_BUDGET, ExpenditureKind.PROJECT, _money(draw)
    )
    items = (first, *draw(st.lists(_drawn(lambda d: _item(d, funds)), max_size=7)))
    revenue = tuple(
        RevenueItem(
            item.fund.revenue_source or draw(st.sampled_from(_NON_FISCAL_SOURCES)), item.amount, item.function
        )
        for item in items
    )
    public = sum(
        (i.amount for i in items if i.kind is ExpenditureKind.BASIC and i.economic in _PUBLIC), Amount(0)
    )
    three_public = None
    if draw(st.booleans()):
        three_public = ThreePublicBudget(
            *(_money(draw, 10**7) if draw(st.booleans()) else Amount(0) for _ in range(4))
        )
    procurement = None
    if draw(st.booleans()):
        goods, works, services = (_money(draw) for _ in range(3))
        sme = _amount_of(draw(st.integers(0, int((goods + works + services).value * 10**6))), 6)
        procurement = ProcurementAccount(goods, works, services, sme, sme)
    projects = [i for i in items if i.kind is ExpenditureKind.PROJECT]
    chosen = draw(st.lists(st.sampled_from(range(len(projects))), unique=True, max_size=len(projects)))
    targets = tuple(TargetedProject(f"项目{n + 1}", projects[n].amount) for n in sorted(chosen))
    prior = None
    if draw(st.booleans()):
        last = ThreePublicBudget(*(_money(draw, 10**7) for _ in range(4))) if draw(st.booleans()) else None
        prior = PriorBudget(
            **_prior_figures(PriorBudget, lambda: _optional(draw), but="three_public"), three_public=last
        )
    # 上年结转 and 使用非财政拨款结余 only where the set's tables print them (carried to next year).
    carried: tuple[FundAmount, ...] = ()
    non_fiscal_used = Amount(0)
    if table_set in _CARRYING_SETS and draw(st.booleans()):
        carried = tuple(
            FundAmount(fund, _money(draw))
            for fund in draw(st.lists(st.sampled_from(funds), unique=True, max_size=2))
        )
        non_fiscal_used = _money(draw) if draw(st.booleans()) else Amount(0)
    return BudgetAccount(
        year=draw(st.integers(2021, 2025)),
        department=draw(st.sampled_from(("上海市普陀区财政局", "江苏省高级人民法院", "示例单位"))),
        level=draw(st.sampled_from(BudgetLevel)),
        items=items,
        revenue=revenue,
        carried_forward=carried,
        non_fiscal_balance_used=non_fiscal_used,
        three_public=three_public,
        operating_costs=public if not public.is_zero() else None,
        procurement=procurement,
        targets=targets,
        prior=prior,
        reason=REASON,
    )


def budget_accounts(table_set: str | None = None) -> SearchStrategy[BudgetAccount]:
    """A valid budget account (budget ledger) whose tables fit ``table_set`` (any, when None)."""
    names = tuple(BUDGET_TABLE_SETS) if table_set is None else (table_set,)
    return st.sampled_from(names).flatmap(lambda name: _drawn(lambda draw: _account(draw, name)))


def budgets(table_set: str | None = None) -> SearchStrategy[Budget]:
    """A valid published budget, in one of the budget table sets, its tables in 万元 or 元."""

    def draw_budget(draw: st.DrawFn) -> Budget:
        name = draw(st.sampled_from(tuple(BUDGET_TABLE_SETS) if table_set is None else (table_set,)))
        unit = draw(st.sampled_from((Unit.WAN_YUAN, Unit.YUAN)))
        return publish_budget(draw(budget_accounts(name)), tables=name, table_unit=unit)

    return _drawn(draw_budget)


# --- broken budgets ----------------------------------------------------------------------------

Apply = Callable[[st.DrawFn, Budget], Budget]


@attrs.frozen
class BudgetMutation:
    """One way of breaking a valid budget, the rules that must fire and those that may."""

    name: str
    expected: frozenset[str]
    description: str
    apply: Apply = attrs.field(repr=False)
    collateral: frozenset[str] = frozenset()
    #: The table sets whose budgets it breaks (None: any).
    sets: tuple[str, ...] | None = None


def _m(
    name: str,
    expected: Iterable[str],
    description: str,
    apply: Apply,
    collateral: Iterable[str] = (),
    sets: tuple[str, ...] | None = None,
) -> BudgetMutation:
    return BudgetMutation(name, frozenset(expected), description, apply, frozenset(collateral), sets)


def _grand_total(draw: st.DrawFn, b: Budget) -> Budget:
    o = _need(b.overview)
    return attrs.evolve(b, overview=_raised(o, _delta(draw), "revenue_grand_total"))


def _revenue_total(draw: st.DrawFn, b: Budget) -> Budget:
    return attrs.evolve(b, revenue=_raised(_need(b.revenue), _delta(draw), "total"))


def _basic(draw: st.DrawFn, b: Budget) -> Budget:
    return attrs.evolve(b, expenditure=_raised(_need(b.expenditure), _delta(draw), "basic"))


def _personnel(draw: st.DrawFn, b: Budget) -> Budget:
    return attrs.evolve(b, basic_expenditure=_raised(_need(b.basic_expenditure), _delta(draw), "personnel"))


def _outbound(draw: st.DrawFn, b: Budget) -> Budget:
    t = b.three_public
    if t is None:  # a budget without 三公 figures gets a stated total its parts cannot make
        from budgetacct.model.budget import BudgetThreePublic, PlannedFigure

        return attrs.evolve(
            b,
            three_public=BudgetThreePublic(
                total=PlannedFigure(_delta(draw)),
                outbound=PlannedFigure(Amount(0)),
                vehicles=PlannedFigure(Amount(0)),
                reception=PlannedFigure(Amount(0)),
            ),
        )
    outbound = attrs.evolve(t.outbound, amount=_need(t.outbound.amount) + _delta(draw))
    return attrs.evolve(b, three_public=attrs.evolve(t, outbound=outbound))


def _fund(draw: st.DrawFn, b: Budget) -> Budget:
    fiscal = _need(b.fiscal)
    return attrs.evolve(
        b, fiscal=attrs.evolve(fiscal, funds=_raised_at(fiscal.funds, 0, _delta(draw), "amount"))
    )


def _item_amount(draw: st.DrawFn, b: Budget) -> Budget:
    g = _need(b.general_budget)
    index = draw(st.integers(0, len(g.items) - 1))
    return attrs.evolve(
        b, general_budget=attrs.evolve(g, items=_raised_at(g.items, index, _delta(draw), "amount"))
    )


def _class_cell(draw: st.DrawFn, b: Budget) -> Budget:
    t = next(i for i, table in enumerate(b.tables) if table.kind is TableKind.BUDGET_EXPENDITURE)
    table = b.tables[t]
    classes = [row for row in table.rows if row.function is not None and len(row.function.code) == 3]
    row = draw(st.sampled_from(classes))
    column = Column(Measure.TOTAL, Basis.BUDGET)
    cell = table.cell(row.key, column)
    value = (cell if isinstance(cell, Amount) else Amount(0)) + _delta(draw)
    tables = (*b.tables[:t], table.replace_cell(row.key, column, value), *b.tables[t + 1 :])
    return attrs.evolve(b, tables=tables)


def _fiscal_above_total(draw: st.DrawFn, b: Budget) -> Budget:
    r = _need(b.revenue)
    return attrs.evolve(b, revenue=attrs.evolve(r, fiscal=_need(r.total) + _delta(draw)))


def _targets(draw: st.DrawFn, b: Budget) -> Budget:
    project = _need(_need(b.expenditure).project)
    amount = project + _delta(draw)
    return attrs.evolve(b, targets=PerformanceTargets(1, amount, (TargetedProject("项目X", amount),)))


def _wrong_direction(draw: st.DrawFn, b: Budget) -> Budget:
    fiscal = _need(b.fiscal)
    total = _need(fiscal.total)
    right = StatedChange.between(total + _delta(draw), total)
    wrong = attrs.evolve(right, direction=Direction.INCREASE)
    return attrs.evolve(b, fiscal=attrs.evolve(fiscal, change=wrong, reason=REASON))


def _no_reason(draw: st.DrawFn, b: Budget) -> Budget:
    fiscal = _need(b.fiscal)
    total = _need(fiscal.total)
    change = StatedChange.between(total + total + _delta(draw), total)  # a fall of more than half
    return attrs.evolve(b, fiscal=attrs.evolve(fiscal, change=change, reason=None))


def _drop_table(draw: st.DrawFn, b: Budget) -> Budget:
    index = draw(st.integers(0, len(b.tables) - 1))
    return attrs.evolve(b, tables=(*b.tables[:index], *b.tables[index + 1 :]))


#: Every budget mutation; each budget rule (R80–R92) is expected by at least one.
BUDGET_MUTATIONS: Final[tuple[BudgetMutation, ...]] = (
    _m("budget-grand-total", ["R80"], "收入总计 raised", _grand_total, ["R86"]),
    _m("budget-revenue-total", ["R81"], "本年收入 raised", _revenue_total, ["R86", "R90"]),
    _m("budget-basic", ["R82"], "基本支出 raised", _basic, ["R86"]),
    _m("budget-personnel", ["R83"], "人员经费 raised", _personnel, ["R86"]),
    _m("budget-three-public", ["R84"], "因公出国（境）费 raised", _outbound, ["R86", "R90"]),
    _m("budget-fund", ["R85"], "一般公共预算 fund figure raised", _fund, ["R86", "R90"]),
    # the sets with a 一般公共预算 function table to compare the listed 项 with
    _m(
        "budget-item",
        ["R86"],
        "a listed 项 raised",
        _item_amount,
        sets=("shanghai-budget-9", "shanghai-budget-9-2024", "jiangsu-budget-12", "mof-budget-9"),
    ),
    _m(
        "budget-table-class",
        ["R87"],
        "a 类 cell of 支出预算总表 raised",
        _class_cell,
        ["R64", "R65", "R86"],
        # the sets whose 支出预算总表 has 功能分类 rows (Jiangsu's is one 合计 row)
        ("shanghai-budget-9", "shanghai-budget-9-2024", "mof-budget-9", "university-budget-4"),
    ),
    _m(
        "budget-fiscal-above-total",
        ["R88"],
        "财政拨款收入 above 本年收入",
        _fiscal_above_total,
        ["R81", "R86", "R90"],
    ),
    _m("budget-targets", ["R89"], "绩效目标 money above 项目支出", _targets),
    _m("budget-direction", ["R90"], "a fall worded as a rise", _wrong_direction),
    _m("budget-reason", ["R91"], "a large change without its reason", _no_reason),
    _m("budget-table-missing", ["R92"], "a table of the set left out", _drop_table),
)


def mutated_budgets(rules: Iterable[str] | None = None) -> SearchStrategy[tuple[Budget, BudgetMutation]]:
    """A valid budget with one mutation applied (only mutations expecting one of ``rules``)."""
    wanted = None if rules is None else frozenset(rules)
    chosen = tuple(m for m in BUDGET_MUTATIONS if wanted is None or m.expected & wanted)
    if not chosen:
        raise InvalidArgument(f"no budget mutation triggers {sorted(wanted or ())}")

    def mutated(draw: st.DrawFn) -> tuple[Budget, BudgetMutation]:
        mutation = draw(st.sampled_from(chosen))
        table_set = None if mutation.sets is None else draw(st.sampled_from(mutation.sets))
        return mutation.apply(draw, draw(budgets(table_set))), mutation

    return _drawn(mutated)


def broken_budgets(rules: Iterable[str] | None = None) -> SearchStrategy[tuple[Budget, frozenset[str]]]:
    """A valid budget with one figure broken, and the ids of the rules that must fire."""
    return mutated_budgets(rules).map(lambda pair: (pair[0], pair[1].expected))
