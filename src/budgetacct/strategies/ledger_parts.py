"""Strategies for the parts of a ledger: income, spending lines, balances, budgets, “三公”,
政府采购, staffing, assets and last year's figures."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal
from typing import Any, Final

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.model.disclosure import Assets, Count, Staffing, UnitStaffing
from budgetacct.model.enums import ExpenditureKind, Fund, RevenueSource
from budgetacct.model.ledger import (
    BudgetLine,
    ExpenditureItem,
    FundAmount,
    PriorYear,
    ProcurementAccount,
    RevenueItem,
    ThreePublicAccount,
)
from budgetacct.money import Amount
from budgetacct.strategies._helpers import (
    _PROJECTS,
    _amount_of,
    _check_places,
    _choices,
    _drawn,
    _integer,
    _maybe,
    _units,
)
from budgetacct.strategies.codes import _basic_codes, _department_codes, function_codes
from budgetacct.strategies.money import _amounts

_UNIT_NAMES: Final = ("机关本级", "信息中心", "政策研究中心", "地方志编纂中心", "服务中心", "执法大队")

_STAFF_CATEGORIES: Final = ("行政编制", "参公编制", "事业编制", "工勤编制", "领导职数")

_VEHICLE_CATEGORIES: Final = (
    "主要领导干部用车",
    "机要通信用车",
    "应急保障用车",
    "执法执勤用车",
    "特种专业技术用车",
    "离退休干部服务用车",
    "其他用车",
)


def revenue_items(
    *,
    sources: Sequence[RevenueSource] | None = None,
    amounts: SearchStrategy[Amount] | None = None,
    functions: SearchStrategy[FunctionCode] | None = None,
) -> SearchStrategy[RevenueItem]:
    """Income of one source; ``functions`` (default: none) books it against a 功能分类 code."""
    return st.builds(
        RevenueItem,
        st.sampled_from(tuple(sources or RevenueSource)),
        amounts if amounts is not None else _amounts(max_value=10_000),
        st.none() if functions is None else functions,
    )


_FISCAL_KINDS: Final = (ExpenditureKind.BASIC, ExpenditureKind.PROJECT)

_ALL_KINDS: Final = tuple(ExpenditureKind)


_INDEX: Final = st.integers(0, 2**16)


@st.composite
def _expenditure_item(
    draw: st.DrawFn,
    year: int,
    funds: tuple[Fund, ...],
    amount: SearchStrategy[Amount],
    codes: SearchStrategy[FunctionCode],
) -> ExpenditureItem:
    # Every item is drawn with the same six choices whatever its fund and kind, so that the
    # shrinker can lower the fund or the kind without the later choices changing meaning.
    fund = draw(st.sampled_from(funds))
    kind = draw(st.sampled_from(_ALL_KINDS))
    if fund.is_fiscal:
        # Fiscal money is spent as 基本支出 or 项目支出 only (T6/T11/T13 have no other columns).
        kind = _FISCAL_KINDS[_ALL_KINDS.index(kind) % 2]
    function = draw(codes)
    economic_index, project_index = draw(_INDEX), draw(_INDEX)
    economic: EconomicCode | None
    if fund is Fund.GENERAL_BUDGET and kind is ExpenditureKind.BASIC:
        basic = _basic_codes(year)
        economic = basic[economic_index % len(basic)]
    else:
        department = _department_codes(year)
        economic = department[(economic_index - 1) % len(department)] if economic_index else None
    project = _PROJECTS[project_index % len(_PROJECTS)] if kind is ExpenditureKind.PROJECT else None
    return ExpenditureItem(function, fund, kind, draw(amount), economic, project)


def expenditure_items(
    year: int = 2021,
    *,
    funds: Sequence[Fund] | None = None,
    amounts: SearchStrategy[Amount] | None = None,
    functions: SearchStrategy[FunctionCode] | None = None,
) -> SearchStrategy[ExpenditureItem]:
    """One spending line: a catalogue leaf code, a fund, a kind, an amount, an economic code.

    Fiscal funds spend as 基本支出 or 项目支出 only; 一般公共预算 基本支出 always carries a 301/302/
    303/310 economic 款 (so 人员经费/公用经费 are classifiable); 项目支出 names its project.
    """
    return _expenditure_item(
        year,
        tuple(funds or Fund),
        amounts if amounts is not None else _amounts(max_value=10_000),
        functions if functions is not None else function_codes(year, leaves=True),
    )


def expenditure_lines(
    year: int = 2021,
    *,
    min_size: int = 0,
    max_size: int = 12,
    items: SearchStrategy[ExpenditureItem] | None = None,
) -> SearchStrategy[tuple[ExpenditureItem, ...]]:
    """The expenditure of a ledger: a tuple of :func:`expenditure_items`."""
    return st.lists(
        items if items is not None else expenditure_items(year), min_size=min_size, max_size=max_size
    ).map(tuple)


def fund_amounts(*, amounts: SearchStrategy[Amount] | None = None) -> SearchStrategy[FundAmount]:
    """An amount held by one fund (年初结转和结余)."""
    return st.builds(
        FundAmount,
        st.sampled_from(tuple(Fund)),
        amounts if amounts is not None else _amounts(max_value=10_000),
    )


def budget_lines(
    year: int = 2021, *, amounts: SearchStrategy[Amount] | None = None
) -> SearchStrategy[BudgetLine]:
    """The (adjusted) budget of one 功能分类 leaf code for one fund."""
    return st.builds(
        BudgetLine,
        function_codes(year, leaves=True),
        amounts if amounts is not None else _amounts(max_value=10_000),
        st.sampled_from(tuple(Fund)),
    )


_THREE_PUBLIC_LEAVES: Final = (
    "outbound",
    "vehicle_purchase",
    "vehicle_operation",
    "domestic_reception",
    "foreign_reception",
)


def _draw_three_public(
    draw: st.DrawFn,
    cap: int,
    places: int,
    *,
    minimum: int = 0,
    budgets: bool | None = None,
    included: bool | None = None,
) -> ThreePublicAccount:
    """A 三公 account whose total is at most ``cap`` units (each leaf ≥ ``minimum``)."""
    remaining = cap - minimum * len(_THREE_PUBLIC_LEAVES)
    leaves: dict[str, int] = {}
    for name in _THREE_PUBLIC_LEAVES:
        extra = _integer(draw, 0, remaining)
        remaining -= extra
        leaves[name] = minimum + extra
    foreign_included = _maybe(draw, included)
    if foreign_included:
        # 国内公务接待费 includes 外事接待费: the 外事 part is drawn from inside the 国内 figure.
        leaves["foreign_reception"] = _integer(draw, 0, leaves["domestic_reception"])
    values: dict[str, Any] = {name: _amount_of(units, places) for name, units in leaves.items()}
    budget_values: dict[str, Any] = dict.fromkeys(_THREE_PUBLIC_LEAVES)
    if _maybe(draw, budgets):
        budget_units = {name: _integer(draw, 0, max(cap, leaves[name]) + 1) for name in _THREE_PUBLIC_LEAVES}
        if foreign_included:
            budget_units["foreign_reception"] = _integer(draw, 0, budget_units["domestic_reception"])
        budget_values = {name: _amount_of(units, places) for name, units in budget_units.items()}
    counts: dict[str, Any] = {}

    def pair(amount: int, first: str, second: str, most: int) -> None:
        if amount > 0:
            counts[first] = draw(st.integers(1, most))
            counts[second] = counts[first] + draw(st.integers(0, 4 * most))
        else:
            counts[first] = counts[second] = 0

    pair(leaves["outbound"], "outbound_groups", "outbound_people", 5)
    pair(leaves["domestic_reception"], "domestic_batches", "domestic_people", 30)
    pair(leaves["foreign_reception"], "foreign_batches", "foreign_people", 5)
    counts["vehicles_purchased"] = draw(st.integers(1, 3)) if leaves["vehicle_purchase"] else 0
    counts["vehicles_held"] = (
        draw(st.integers(max(1, counts["vehicles_purchased"]), 20)) if leaves["vehicle_operation"] else 0
    )
    return ThreePublicAccount(
        **values,
        **{f"budget_{name}": value for name, value in budget_values.items()},
        foreign_included_in_domestic=foreign_included,
        **counts,
    )


def three_public(
    *,
    max_total: Amount | Decimal | int | str = 100,
    places: int = 2,
    budgets: bool | None = None,
    foreign_included_in_domestic: bool | None = None,
) -> SearchStrategy[ThreePublicAccount]:
    """A “三公” account: five leaves totalling at most ``max_total`` 万元, counts coherent with them.

    A leaf above zero has its count ≥ 1 (groups/people, batches/people, vehicles), a zero leaf a
    count of 0, people ≥ groups (R31).  With ``foreign_included_in_domestic`` the 国内 figure
    includes the 外事 one.  ``budgets``: ``True`` always, ``False`` never, ``None`` sometimes.
    """
    places = _check_places(places)
    cap = _units(max_total, places, ROUND_FLOOR)
    return _drawn(
        lambda draw: _draw_three_public(
            draw, cap, places, budgets=budgets, included=foreign_included_in_domestic
        )
    )


def _draw_procurement(draw: st.DrawFn, high: int, places: int, minimum: int = 0) -> ProcurementAccount:
    goods, works, services = (minimum + _integer(draw, 0, high) for _ in range(3))
    total = goods + works + services
    sme = _integer(draw, 0, total) if minimum or draw(st.booleans()) else None
    small_micro = None if sme is None or not (minimum or draw(st.booleans())) else _integer(draw, 0, sme)
    return ProcurementAccount(
        goods=_amount_of(goods, places),
        works=_amount_of(works, places),
        services=_amount_of(services, places),
        sme=None if sme is None else _amount_of(sme, places),
        small_micro=None if small_micro is None else _amount_of(small_micro, places),
    )


_three_public_accounts = three_public


def procurement(
    *, max_value: Amount | Decimal | int | str = 1_000, places: int = 2
) -> SearchStrategy[ProcurementAccount]:
    """政府采购 contracts: goods, works, services; SME ≤ total and small/micro ≤ SME (R44)."""
    places = _check_places(places)
    high = _units(max_value, places, ROUND_FLOOR)
    return _drawn(lambda draw: _draw_procurement(draw, high, places))


def _draw_counted(
    draw: st.DrawFn, categories: tuple[str, ...], most: int, min_size: int
) -> tuple[Count, ...]:
    chosen = draw(_choices(categories, min_size, 3))
    return tuple(Count(category, draw(st.integers(0, most))) for category in chosen)


_OPTIONAL_HEADCOUNT: Final = st.none() | st.integers(0, 100)

_OPTIONAL_RETIRED: Final = st.none() | st.integers(0, 30)


def _draw_unit_staffing(draw: st.DrawFn, name: str, categorized: bool) -> UnitStaffing:
    authorized_by = _draw_counted(draw, _STAFF_CATEGORIES, 40, 1 if categorized else 0)
    actual_by = _draw_counted(draw, _STAFF_CATEGORIES, 40, 0)
    authorized = sum(c.count for c in authorized_by) if authorized_by else draw(_OPTIONAL_HEADCOUNT)
    actual = sum(c.count for c in actual_by) if actual_by else draw(_OPTIONAL_HEADCOUNT)
    return UnitStaffing(
        name=name,
        authorized=authorized,
        authorized_by_category=authorized_by,
        actual=actual,
        actual_by_category=actual_by,
        retired=draw(_OPTIONAL_RETIRED),
    )


def unit_staffing(*, names: Sequence[str] = _UNIT_NAMES) -> SearchStrategy[UnitStaffing]:
    """编制 and 实有人数 of one unit; every printed breakdown sums to its total (R46)."""
    chosen = st.sampled_from(tuple(names))
    return _drawn(lambda draw: _draw_unit_staffing(draw, draw(chosen), False))


def _draw_staffing(draw: st.DrawFn, max_units: int, categorized: bool) -> Staffing:
    names = draw(_choices(_UNIT_NAMES, 1, max_units))
    units = tuple(_draw_unit_staffing(draw, name, categorized and i == 0) for i, name in enumerate(names))

    def total(values: list[int | None]) -> int | None:
        return None if any(v is None for v in values) else sum(v for v in values if v is not None)

    retired = [u.retired for u in units if u.retired is not None]
    return Staffing(
        units=units,
        total_authorized=total([u.authorized for u in units]),
        total_actual=total([u.actual for u in units]),
        total_retired=sum(retired) if retired else None,
    )


def staffing(*, max_units: int = 3) -> SearchStrategy[Staffing]:
    """第一部分 机构设置: one to ``max_units`` units; department totals are the sums of the units."""
    return _drawn(lambda draw: _draw_staffing(draw, max_units, False))


def _draw_assets(draw: st.DrawFn, year: int, min_categories: int) -> Assets:
    vehicles = _draw_counted(draw, _VEHICLE_CATEGORIES, 6, min_categories)
    return Assets(
        vehicles_total=sum(v.count for v in vehicles),
        vehicles=vehicles,
        general_equipment=draw(st.integers(0, 10)),
        special_equipment=draw(st.integers(0, 10)),
        as_of=f"{year}年12月31日",
    )


def assets(year: int = 2021) -> SearchStrategy[Assets]:
    """国有资产占有使用: vehicles by category (the total is their sum, R45) and equipment counts."""
    return _drawn(lambda draw: _draw_assets(draw, year, 0))


@functools.cache
def _optional_assets(year: int) -> SearchStrategy[Assets | None]:
    return st.none() | assets(year)


def counts(*, categories: Sequence[str] = _VEHICLE_CATEGORIES) -> SearchStrategy[Count]:
    """A counted category (“主要领导干部用车0辆”)."""
    return st.builds(Count, st.sampled_from(tuple(categories)), st.integers(0, 50))


def prior_years(
    *, amounts: SearchStrategy[Amount] | None = None, three_public: bool | None = None
) -> SearchStrategy[PriorYear]:
    """Last year's figures, each one optional (``None``: the report states no comparison)."""
    amount = amounts if amounts is not None else _amounts(max_value=100_000)
    maybe = st.none() | amount
    account = _three_public_accounts()
    return st.builds(
        PriorYear,
        grand_total=maybe,
        fiscal_grand_total=maybe,
        revenue_total=maybe,
        expenditure_total=maybe,
        general_budget_expenditure=maybe,
        government_fund_expenditure=maybe,
        state_capital_expenditure=maybe,
        operating_costs=maybe,
        three_public=st.none() | account
        if three_public is None
        else (account if three_public else st.none()),
    )
