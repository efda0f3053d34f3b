"""Hypothesis strategies: budgetacct as the reference specification for other projects' tests.

Every strategy builds its values *by construction*: leaves are drawn (amounts as integer numbers
of cents, codes from the year's bundled catalogue, so names are right) and every total is derived,
so nothing is filtered away and every example is valid.  The central one is :func:`ledgers`: each
ledger it draws is a department's exact account in which every fund's closing balance is ≥ 0,
基本支出 of 一般公共预算 carries 301/302/303/310 economic codes, “三公” counts agree with their
amounts, 机关运行经费 ≤ 公用经费 and so on, so that ``audit(ledger)`` and
``audit(ledger.publish())`` report no error and no warning.  :func:`disclosures` publishes them;
:func:`broken_disclosures` breaks one figure on purpose and says which rules must fire.

Importing this module registers the strategies with :func:`hypothesis.strategies.from_type`
(``st.from_type(Disclosure)`` works); the ``hypothesis`` entry point of the package does the same
whenever Hypothesis is imported.  ``import budgetacct`` never imports Hypothesis.

Examples shrink to small, readable accounts: few lines, small round amounts, optional parts
absent, the first catalogue codes.

>>> from hypothesis import given, settings
>>> from budgetacct import audit
>>> @settings(max_examples=10, database=None, deadline=None)
... @given(ledgers(max_items=4))
... def check(ledger):
...     assert not audit(ledger.publish()).errors
>>> check()
"""

# The entry-point hook is defined before Hypothesis is imported: importing this module imports
# Hypothesis, which runs the entry points, which look the hook up in this (half-imported) module.
# ruff: noqa: E402

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    """The ``hypothesis`` entry point: register budgetacct's strategies for ``st.from_type``.

    Called by Hypothesis when it is imported.  When that import happens *while this module is
    being imported* the module registers itself at its end, so the hook has nothing to do yet.
    """
    register = globals().get("_register_type_strategies")
    if register is not None:
        register()


import functools
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal
from typing import Any, Final, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from budgetacct.audit import REGISTRY
from budgetacct.codes import (
    BasicExpensePart,
    CatalogueEntry,
    CodeLevel,
    EconomicCode,
    EconomicSystem,
    FunctionCode,
    nearest_catalogue,
)
from budgetacct.errors import InvalidValue
from budgetacct.model.disclosure import (
    Assets,
    BasicExpenditure,
    BudgetedFigure,
    Count,
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
    RevenueRow,
    SourceLine,
    Staffing,
    StatedChange,
    ThreePublic,
    UnitStaffing,
)
from budgetacct.model.enums import FISCAL_FUNDS, ExpenditureKind, Fund, RevenueSource
from budgetacct.model.indicators import (
    DateBound,
    IndicatorValue,
    Qualitative,
    Quantity,
    ValueKind,
    parse_indicator_value,
)
from budgetacct.model.ledger import (
    BudgetLine,
    ExpenditureItem,
    FundAmount,
    Ledger,
    PriorYear,
    ProcurementAccount,
    RevenueItem,
    ThreePublicAccount,
)
from budgetacct.model.performance import FundingSplit, Indicator, Performance, ProjectEvaluation
from budgetacct.money import MAX_MAGNITUDE, Amount, Change, Direction, Percent

__all__ = [
    "MUTATIONS",
    "TEMPLATES",
    "UNREACHABLE_RULES",
    "Mutation",
    "amounts",
    "assets",
    "basic_expenditures",
    "broken_disclosures",
    "budget_lines",
    "budgeted_figures",
    "changes",
    "counts",
    "disclosures",
    "economic_codes",
    "economic_lines",
    "expenditure_items",
    "expenditure_lines",
    "expenditures",
    "fiscals",
    "function_codes",
    "function_lines",
    "fund_amounts",
    "fund_flows",
    "fund_spendings",
    "funding_splits",
    "general_budgets",
    "indicator_values",
    "indicators",
    "kind_lines",
    "ledgers",
    "mutated_disclosures",
    "operating_costs",
    "overviews",
    "percents",
    "performances",
    "prior_years",
    "procurement",
    "procurement_sections",
    "project_evaluations",
    "revenue_items",
    "revenue_rows",
    "revenues",
    "source_lines",
    "staffing",
    "stated_changes",
    "three_public",
    "three_public_sections",
    "unit_staffing",
]

T = TypeVar("T")

#: The templates :meth:`Ledger.publish` knows; :func:`disclosures` draws from both.
TEMPLATES: Final = ("sichuan-2021", "all-lines")

# Decimal work never reads the global context.
_CTX: Final = Context(prec=60, rounding=ROUND_HALF_UP)
_ZERO: Final = Amount(0)
_MAX_PLACES: Final = 12

_DEPARTMENTS: Final = (
    "示例部门",
    "攀枝花市西区人民政府办公室",
    "某市财政局",
    "某县教育和体育局",
    "某区卫生健康局",
    "某市生态环境局",
)
_PROJECTS: Final = (
    "政府业务经费",
    "政策研究咨询经费",
    "信息化建设经费",
    "全区老干部及一线工作人员慰问经费",
    "纪检监察工作经费",
    "疫情防控工作经费",
    "视频会议系统建设管理工作经费",
    "专项业务培训经费",
)
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
_STATEMENTS: Final = (
    "确保各项工作正常运行",
    "提升公共服务水平",
    "完成重大节日走访慰问",
    "保质保量完成建设任务",
    "工作有序开展，取得实效",
)
_COUNT_UNITS: Final = ("次", "人", "个", "项", "场", "册", "台", "条", "户", "件", "批次")
_GE_STYLES: Final = ("", "≥", "以上", "不少于", "不低于")


# --- small helpers ------------------------------------------------------------------------------


def _check_places(places: object) -> int:
    if type(places) is not int or not 0 <= places <= _MAX_PLACES:
        raise InvalidArgument(f"places must be an integer from 0 to {_MAX_PLACES}, not {places!r}")
    return places


def _amount_of(units: int, places: int) -> Amount:
    """``units`` × 10^-places 万元 (``_amount_of(1234, 2) == Amount("12.34")``)."""
    return Amount(Decimal(units).scaleb(-places, _CTX))


def _units(value: Amount | Decimal | int | str, places: int, rounding: str) -> int:
    try:
        number = value.value if isinstance(value, Amount) else Amount(value).value
    except InvalidValue as err:
        raise InvalidArgument(f"not a usable amount: {value!r} ({err.en})") from err
    return int(number.scaleb(places, _CTX).to_integral_value(rounding, _CTX))


def _floor_cents(units: int, places: int) -> int:
    """``units`` × 10^-places 万元 in whole cents (0.01 万元), rounded down."""
    if places >= 2:
        return units // int(10 ** (places - 2))
    return units * int(10 ** (2 - places))


def _maybe(draw: st.DrawFn, flag: bool | None) -> bool:
    return draw(st.booleans()) if flag is None else flag


def _drawn(function: Callable[[st.DrawFn], T]) -> SearchStrategy[T]:
    """The strategy that calls ``function(draw)``.

    The parts of a ledger are drawn by plain functions that take ``draw``: building a fresh
    strategy object inside every draw (a composite, a ``one_of``) costs Hypothesis more than the
    draw itself.
    """
    return st.composite(function)()


def _integer(draw: st.DrawFn, low: int, high: int) -> int:
    """An integer from ``low`` to ``high``, shrinking towards ``low``, for bounds that change on
    every draw: ``low`` plus a draw from one shared strategy, reduced modulo the width."""
    drawn = draw(_NATURALS)  # drawn even for an empty range: the shape of the draws stays the same
    return low if high <= low else low + drawn % (high - low + 1)


_NATURALS: Final = st.integers(0, 2**63 - 1)


def _split(draw: st.DrawFn, total: int, parts: int) -> list[int]:
    """``total`` (≥ 0) cut into ``parts`` non-negative integers, by drawn cut points."""
    if parts <= 1:
        return [total] * max(parts, 0)
    cuts = sorted(_integer(draw, 0, total) for _ in range(parts - 1))
    bounds = [0, *cuts, total]
    return [bounds[i + 1] - bounds[i] for i in range(parts)]


def _plain_number(value: Decimal) -> Decimal:
    """``15.00`` → ``15``, ``6.90`` → ``6.9`` (how indicator values are printed)."""
    if value == value.to_integral_value(context=_CTX):
        return Decimal(int(value))
    return value.normalize(_CTX)


def _stated_change(previous: Amount, current: Amount) -> StatedChange:
    """The change as a publisher words it, from the two printed figures."""
    change = Change(previous, current)
    flat = change.direction is Direction.FLAT
    rate = change.rate
    return StatedChange(
        direction=change.direction,
        amount=None if flat else abs(change.difference),
        rate=None if flat or rate is None else abs(rate),
        previous=previous,
    )


def _completion(actual: Amount | None, budget: Amount | None) -> Percent | None:
    if actual is None or budget is None or not budget:
        return None
    return Percent.ratio(actual, budget).rounded()


# --- money and codes ------------------------------------------------------------------------------


def amounts(
    *,
    min_value: Amount | Decimal | int | str = 0,
    max_value: Amount | Decimal | int | str = 1_000_000,
    places: int = 2,
) -> SearchStrategy[Amount]:
    """Amounts in 万元 that are whole multiples of 10^-places 万元, from ``min_value`` to ``max_value``.

    ``places=2`` (the default) gives 0.01 万元 steps, the published precision; ``places=4`` gives
    whole 元.  Shrinks towards zero (or the bound nearest to it).

    >>> from hypothesis import find
    >>> find(amounts(places=4), lambda a: a > Amount("1.5"))
    Amount('1.5001')
    """
    places = _check_places(places)
    low = _units(min_value, places, ROUND_CEILING)
    high = _units(max_value, places, ROUND_FLOOR)
    limit = _units(Amount(MAX_MAGNITUDE), places, ROUND_FLOOR)
    if low > high:
        raise InvalidArgument(f"min_value={min_value!r} is above max_value={max_value!r}")
    if high > limit or low < -limit:
        raise InvalidArgument("amounts are limited to a magnitude of 10^12 万元")
    return st.integers(low, high).map(functools.partial(_amount_of, places=places))


_amounts = amounts  # for functions whose ``amounts`` parameter hides this one


def percents(
    *,
    min_value: Percent | Decimal | int | str = 0,
    max_value: Percent | Decimal | int | str = 100,
    places: int = 2,
) -> SearchStrategy[Percent]:
    """Percentages (``Percent("88.96")`` is 88.96%) in steps of 10^-places, shrinking towards 0.

    >>> from hypothesis import find
    >>> find(percents(), lambda p: p >= Percent("50"))
    Percent('50.00')
    """
    places = _check_places(places)

    def units(value: Percent | Decimal | int | str, rounding: str) -> int:
        number = value.value if isinstance(value, Percent) else Percent(value).value
        return int(number.scaleb(places, _CTX).to_integral_value(rounding, _CTX))

    low, high = units(min_value, ROUND_CEILING), units(max_value, ROUND_FLOOR)
    if low > high:
        raise InvalidArgument(f"min_value={min_value!r} is above max_value={max_value!r}")
    return st.integers(low, high).map(lambda n: Percent(Decimal(n).scaleb(-places, _CTX)))


def changes(
    *, previous: SearchStrategy[Amount] | None = None, current: SearchStrategy[Amount] | None = None
) -> SearchStrategy[Change]:
    """Year-on-year :class:`~budgetacct.money.Change` values between two drawn amounts."""
    return st.builds(
        Change,
        previous if previous is not None else amounts(),
        current if current is not None else amounts(),
    )


def _level_digits(level: CodeLevel | str | int | None) -> int | None:
    if level is None:
        return None
    if isinstance(level, CodeLevel):
        return level.digits
    if isinstance(level, int) and not isinstance(level, bool) and level in (3, 5, 7):
        return level
    if isinstance(level, str):
        for known in CodeLevel:
            if level in (known.value, known.name.lower(), known.english):
                return known.digits
    raise InvalidArgument(f"level must be a CodeLevel, 类/款/项 or 3/5/7 digits, not {level!r}")


@functools.cache
def _function_entries(year: int, digits: int | None, leaves: bool) -> tuple[CatalogueEntry, ...]:
    cat = nearest_catalogue("function", year)[0]
    parents = {entry.parent for entry in cat if entry.parent is not None}
    # A 类 with no 款 in the (partial) bundled catalogue is not a leaf anyone books spending on.
    return tuple(
        entry
        for entry in cat
        if (digits is None or len(entry.code) == digits)
        and (not leaves or (entry.code not in parents and len(entry.code) > 3))
    )


def function_codes(
    year: int = 2021, *, level: CodeLevel | str | int | None = None, leaves: bool = False
) -> SearchStrategy[FunctionCode]:
    """功能分类 codes from the bundled catalogue of ``year`` (or the nearest year), in catalogue order.

    ``level`` keeps one level (``CodeLevel.ITEM``, ``"项"`` or ``7``); ``leaves=True`` keeps the
    款 and 项 without sub-codes in the catalogue (what line items are booked on).  Every code has a
    catalogue name: ``code.name(year)`` for a bundled year.

    >>> from hypothesis import find
    >>> find(function_codes(level="款"), lambda c: True)
    FunctionCode(code='20101')
    """
    return _function_code_strategy(year, _level_digits(level), leaves)


@functools.cache
def _function_code_strategy(year: int, digits: int | None, leaves: bool) -> SearchStrategy[FunctionCode]:
    entries = _function_entries(year, digits, leaves)
    if not entries:
        raise InvalidArgument(f"no 功能分类 code with {digits} digits in the catalogue used for {year}")
    return st.sampled_from(tuple(FunctionCode.of(entry.code) for entry in entries))


@functools.cache
def _economic_entries(
    year: int, systems: tuple[EconomicSystem, ...], digits: int | None, classes: tuple[str, ...] | None
) -> tuple[EconomicCode, ...]:
    found: list[EconomicCode] = []
    for system in systems:
        for entry in nearest_catalogue(system.kind, year)[0]:
            if digits is not None and len(entry.code) != digits:
                continue
            if classes is not None and entry.code[:3] not in classes:
                continue
            found.append(EconomicCode.of(entry.code))
    return tuple(found)


def economic_codes(
    system: EconomicSystem | None = EconomicSystem.DEPARTMENT,
    *,
    year: int = 2021,
    level: CodeLevel | str | int | None = None,
    classes: Iterable[str] | None = None,
) -> SearchStrategy[EconomicCode]:
    """经济分类 codes from the bundled catalogue: 部门预算 (``3xx``, the default), 政府预算 (``5xx``)
    or both (``system=None``); ``classes`` keeps some 类 (``("301", "302")``).

    >>> from hypothesis import find
    >>> find(economic_codes(level=5, classes=["302"]), lambda c: True)
    EconomicCode(code='30201')
    """
    systems = tuple(EconomicSystem) if system is None else (system,)
    chosen = None if classes is None else tuple(sorted(set(classes)))
    codes = _economic_entries(year, systems, _level_digits(level), chosen)
    if not codes:
        raise InvalidArgument("no economic code matches these arguments")
    return st.sampled_from(codes)


def _basic_codes(year: int) -> tuple[EconomicCode, ...]:
    """The 款 of 301/302/303/310 a classifiable 基本支出 line carries.

    The 三公 款 (30212, 30217, 30231, 31013) are left out: the 三公 account is drawn on its own,
    and R30 requires it to cover any basic spending booked on those codes.
    """
    codes = _economic_entries(year, (EconomicSystem.DEPARTMENT,), 5, ("301", "302", "303", "310"))
    return tuple(code for code in codes if code.code not in _THREE_PUBLIC_ECONOMIC)


_THREE_PUBLIC_ECONOMIC: Final = frozenset({"30212", "30217", "30231", "31013", "30913"})


def _department_codes(year: int) -> tuple[EconomicCode, ...]:
    return _economic_entries(year, (EconomicSystem.DEPARTMENT,), 5, None)


@functools.cache
def _amount_strategy(high: int, places: int) -> SearchStrategy[Amount]:
    return st.integers(0, high).map(functools.partial(_amount_of, places=places))


# --- ledger parts -----------------------------------------------------------------------------------


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


@functools.cache
def _choices(categories: tuple[str, ...], min_size: int, max_size: int) -> SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(categories), min_size=min_size, max_size=max_size, unique=True)


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


_staffing_strategy = staffing


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


# --- performance --------------------------------------------------------------------------------------


def _quantity(number: int | Decimal, unit: str, style: str = "") -> Quantity:
    return Quantity(number=Decimal(number), unit=unit, style=style)


_ALL_UNITS: Final = ("%", *_COUNT_UNITS, "万元")
_ALL_STYLES: Final = (*_GE_STYLES, "≤", "以内", "不超过")


@functools.cache
def _dates(year: int) -> SearchStrategy[DateBound]:
    return st.sampled_from(
        (
            DateBound(year=year),
            DateBound(year=year, event="年底", style="前"),
            DateBound(year=year, month=12, day=31, style="前"),
            DateBound(year=year, month=6, event="月底", style="前"),
            DateBound(year=year, event="上半年"),
        )
    )


def _draw_indicator_value(draw: st.DrawFn, kind: ValueKind | None, year: int) -> IndicatorValue:
    chosen = draw(st.sampled_from(tuple(ValueKind))) if kind is None else kind
    if chosen is ValueKind.QUANTITATIVE:
        unit = draw(st.sampled_from(_ALL_UNITS))
        number = draw(st.integers(0, 100 if unit == "%" else 1000))
        return _quantity(number, unit, draw(st.sampled_from(_ALL_STYLES)))
    if chosen is ValueKind.DATE:
        return draw(_dates(year))
    return Qualitative(statement=draw(st.sampled_from(("已完成", *_STATEMENTS))))


def indicator_values(kind: ValueKind | None = None, *, year: int = 2021) -> SearchStrategy[IndicatorValue]:
    """Typed indicator values (:class:`~budgetacct.model.indicators.Quantity` such as ``≥95%`` or
    ``3次以上``, :class:`~budgetacct.model.indicators.DateBound` such as ``2021年年底前``,
    :class:`~budgetacct.model.indicators.Qualitative` statements); each reads back from its text.
    """
    return _drawn(lambda draw: _draw_indicator_value(draw, kind, year))


@functools.cache
def _deadlines(year: int) -> tuple[SearchStrategy[DateBound], SearchStrategy[str]]:
    """Deadline targets (under 12 characters: R62 reads longer texts shared by projects as copied),
    and actual values that meet every one of them."""
    targets = (
        DateBound(year=year),
        DateBound(year=year, event="年底", style="前"),
        DateBound(year=year, month=12, style="前"),
    )
    actuals = ("已完成", *(f"{year}年{m}月" for m in range(1, 13)), *map(str, targets[:2]))
    return st.sampled_from(targets), st.sampled_from(actuals)


_LEVEL2: Final = ("数量指标", "质量指标", "时效指标", "社会效益指标", "满意度指标")


def _draw_met_indicator(draw: st.DrawFn, level2: str, year: int, sichuan: bool) -> Indicator:
    """One indicator (not a cost indicator) whose actual value meets its target."""
    output = "完成指标" if sichuan else "产出指标"
    if level2 == "数量指标":
        unit = draw(st.sampled_from(_COUNT_UNITS))
        target = draw(st.integers(1, 500))
        values = (
            _quantity(target, unit, draw(st.sampled_from(_GE_STYLES))),
            _quantity(target + draw(st.integers(0, 50)), unit),
        )
        return Indicator(output, level2, f"完成工作数量（{unit}）", str(values[0]), str(values[1]))
    if level2 in ("质量指标", "满意度指标"):
        target = draw(st.sampled_from((80, 85, 90, 95, 100)))
        style = draw(st.sampled_from(("", "≥", "以上")))
        actual = draw(st.integers(target, 100))
        level1 = output if level2 == "质量指标" else "满意度指标"
        name = "工作完成率" if level2 == "质量指标" else "服务对象满意度"
        return Indicator(
            level1, level2, name, str(_quantity(target, "%", style)), str(_quantity(actual, "%"))
        )
    if level2 == "时效指标":
        targets, actuals = _deadlines(year)
        return Indicator(output, level2, "完成时限", str(draw(targets)), draw(actuals))
    statement = draw(st.sampled_from(_STATEMENTS))
    actual_statement = draw(st.sampled_from((statement, "已完成")))
    return Indicator("效益指标", level2, statement, statement, actual_statement)


def indicators(*, year: int = 2021) -> SearchStrategy[Indicator]:
    """One row of 年度绩效指标完成情况 whose actual value meets its target (R50)."""
    level2s = st.sampled_from(_LEVEL2)
    return _drawn(lambda draw: _draw_met_indicator(draw, draw(level2s), year, True))


def _money_text(cents: int) -> str:
    return str(_quantity(_plain_number(Decimal(cents).scaleb(-2, _CTX)), "万元"))


def _draw_evaluation(
    draw: st.DrawFn,
    name: str,
    fiscal: int,
    other: int,
    year: int,
    department: str,
    min_unspent: int = 0,
) -> ProjectEvaluation:
    """A self-evaluation of a project that spent ``fiscal`` + ``other`` cents.

    执行数 ≤ 预算数 column by column, 财政拨款 + 其他资金 = 合计, and the cost indicators partition the
    money: their targets add up to 预算数 and their actual values to 执行数 (R47–R50).  Below 90%
    execution the cost indicators give a 偏差原因 (R48).
    """
    budget_fiscal = fiscal + min_unspent + _integer(draw, 0, max(fiscal, 100))
    budget_other = other + (_integer(draw, 0, max(other, 100)) if other else 0)
    executed = fiscal + other
    budget = budget_fiscal + budget_other
    reason = "按实际需要执行，结余资金按规定结转" if executed * 100 < 90 * budget else None
    sichuan = draw(st.booleans())
    output = "完成指标" if sichuan else "产出指标"
    cost_count = draw(st.integers(1, 3))
    actual_parts = _split(draw, executed, cost_count)
    extra_parts = _split(draw, budget - executed, cost_count)
    cost_indicators = tuple(
        Indicator(
            output if sichuan else "成本指标",
            "成本指标" if sichuan else "经济成本指标",
            f"{name}成本{i + 1}" if cost_count > 1 else f"{name}成本",
            _money_text(spent + extra),
            _money_text(spent),
            deviation_reason=reason,
        )
        for i, (spent, extra) in enumerate(zip(actual_parts, extra_parts, strict=True))
    )
    others = draw(_choices(_LEVEL2, 1, 4))
    rows = [_draw_met_indicator(draw, level2, year, sichuan) for level2 in others]
    indicators_all = (*rows[:1], *cost_indicators, *rows[1:])

    def split(fiscal_cents: int, other_cents: int) -> FundingSplit:
        return FundingSplit(
            total=_amount_of(fiscal_cents + other_cents, 2),
            fiscal=_amount_of(fiscal_cents, 2),
            other=_amount_of(other_cents, 2),
        )

    return ProjectEvaluation(
        name=name,
        department=department,
        implementing_unit=department,
        budget=split(budget_fiscal, budget_other),
        executed=split(fiscal, other),
        goal_expected=f"完成{name}相关工作任务",
        goal_actual=f"已完成{name}相关工作任务",
        indicators=indicators_all,
    )


def project_evaluations(
    *,
    year: int = 2021,
    max_value: Amount | Decimal | int | str = 1_000,
    names: Sequence[str] = _PROJECTS,
    department: str = "示例部门",
) -> SearchStrategy[ProjectEvaluation]:
    """A 项目支出绩效自评表 that holds together (indicators are typed values printed as text).

    执行数 ≤ 预算数; 财政拨款 + 其他资金 = 合计 in both columns; the cost indicators (成本指标,
    in 万元) partition the money — Σ targets = 预算数, Σ actual values = 执行数, each actual ≤ its
    target; every other indicator's actual value meets its target by the direction of its label.
    """
    high = _units(max_value, 2, ROUND_FLOOR)
    parts = st.tuples(st.sampled_from(tuple(names)), st.integers(0, high), st.just(0) | st.integers(0, high))

    def evaluation(draw: st.DrawFn) -> ProjectEvaluation:
        name, fiscal, other = draw(parts)
        return _draw_evaluation(draw, name, fiscal, other, year, department)

    return _drawn(evaluation)


def _performance_of(evaluations: tuple[ProjectEvaluation, ...]) -> Performance:
    fully = all(e.executed.total == e.budget.total for e in evaluations)
    n = len(evaluations)
    return Performance(
        projects_assessed=n,
        projects_with_targets=n,
        projects_monitored=n,
        projects_self_evaluated=n,
        evaluations=evaluations,
        claims_fully_executed=fully,
    )


def performances(*, year: int = 2021, max_projects: int = 3) -> SearchStrategy[Performance]:
    """§十(四) 预算绩效管理情况 with coherent project self-evaluations (see :func:`project_evaluations`)."""
    return st.lists(
        project_evaluations(year=year), min_size=0, max_size=max_projects, unique_by=lambda e: e.name
    ).map(lambda evaluations: _performance_of(tuple(evaluations)))


def funding_splits(*, max_value: Amount | Decimal | int | str = 1_000) -> SearchStrategy[FundingSplit]:
    """预算数 or 执行数 of a project: 财政拨款 + 其他资金 = 合计 (R47)."""
    high = _units(max_value, 2, ROUND_FLOOR)
    return st.tuples(st.integers(0, high), st.integers(0, high)).map(
        lambda t: FundingSplit(
            total=_amount_of(t[0] + t[1], 2), fiscal=_amount_of(t[0], 2), other=_amount_of(t[1], 2)
        )
    )


# --- ledgers --------------------------------------------------------------------------------------------


@attrs.frozen
class _Spec:
    """Everything :func:`ledgers` was asked for (tri-state flags: True always, False never, None maybe)."""

    year: SearchStrategy[int]
    department: SearchStrategy[str]
    places: SearchStrategy[int]
    min_items: int
    max_items: int
    max_amount: Decimal
    funds: tuple[Fund, ...]
    three_public: bool | None
    operating_costs: bool | None
    procurement: bool | None
    prior: bool | None
    budgets: bool | None
    performance: bool | None
    staffing: SearchStrategy[Staffing | None]
    assets: SearchStrategy[Assets | None]
    rich: bool = False


_UNIT_OF_100: Final = 100  # 万元


#: The lines a ledger for :func:`broken_disclosures` always has, so every mutation finds its figure:
#: fund, kind and the economic 类 its code is drawn from.
_FORCED_ITEMS: Final = (
    (Fund.GENERAL_BUDGET, ExpenditureKind.BASIC, ("301", "303")),
    (Fund.GENERAL_BUDGET, ExpenditureKind.BASIC, ("302", "310")),
    (Fund.GENERAL_BUDGET, ExpenditureKind.PROJECT, None),
    (Fund.GOVERNMENT_FUND, ExpenditureKind.PROJECT, None),
    (Fund.STATE_CAPITAL, ExpenditureKind.PROJECT, None),
    (Fund.NON_FISCAL, ExpenditureKind.BASIC, None),
    (Fund.NON_FISCAL, ExpenditureKind.AFFILIATE_SUBSIDY, None),
)


_NON_FISCAL_SOURCES: Final = st.lists(
    st.sampled_from(tuple(s for s in RevenueSource if not s.is_fiscal)), min_size=1, max_size=3, unique=True
)


@functools.cache
def _items_strategy(
    year: int, funds: tuple[Fund, ...], high: int, places: int, min_items: int, max_items: int
) -> SearchStrategy[list[ExpenditureItem]]:
    item = _expenditure_item(
        year, funds, _amount_strategy(high, places), _function_code_strategy(year, None, True)
    )
    return st.lists(item, min_size=min_items, max_size=max_items)


@functools.cache
def _optional_amounts(high: int, places: int) -> SearchStrategy[Amount | None]:
    return st.none() | st.just(_ZERO) | _amount_strategy(high, places)


@st.composite
def _ledger(draw: st.DrawFn, spec: _Spec) -> Ledger:
    year = draw(spec.year)
    places = draw(spec.places)
    unit = 10**places  # units per 万元
    high = int(spec.max_amount * unit)
    items = list(draw(_items_strategy(year, spec.funds, high, places, spec.min_items, spec.max_items)))
    hundred = _UNIT_OF_100 * unit  # 100 万元 in units
    if spec.rich:
        seven = _function_code_strategy(year, 7, True)
        names = iter(draw(_choices(_PROJECTS, 3, 3)))
        forced = []
        for fund, kind, classes in _FORCED_ITEMS:
            economic: EconomicCode | None = (
                draw(
                    st.sampled_from(
                        tuple(
                            code
                            for code in _economic_entries(year, (EconomicSystem.DEPARTMENT,), 5, classes)
                            if code.code not in _THREE_PUBLIC_ECONOMIC
                        )
                    )
                )
                if classes is not None
                else None
            )
            forced.append(
                ExpenditureItem(
                    draw(seven),
                    fund,
                    kind,
                    _amount_of(hundred + draw(st.integers(0, high)), places),
                    economic,
                    next(names) if kind is ExpenditureKind.PROJECT else None,
                )
            )
        items = forced + items
    spend = dict.fromkeys(Fund, 0)
    for item in items:
        spend[item.fund] += _units(item.amount, places, ROUND_FLOOR)
    minimum = hundred if spec.rich else 0
    used = draw(st.integers(0, high)) if not spec.rich and draw(st.booleans()) else 0
    distributed = draw(st.integers(0, high)) if not spec.rich and draw(st.booleans()) else 0
    openings: list[FundAmount] = []
    revenue: list[RevenueItem] = []
    for fund in Fund:
        opening = (minimum if fund is Fund.NON_FISCAL else 0) + draw(st.integers(0, high))
        if opening:
            openings.append(FundAmount(fund, _amount_of(opening, places)))
        need = spend[fund] - opening
        if fund is Fund.NON_FISCAL:
            need += distributed - used
        total = max(need, 0) + minimum + draw(st.integers(0, high))
        if fund.is_fiscal:
            source = fund.revenue_source
            assert source is not None
            if total:
                revenue.append(RevenueItem(source, _amount_of(total, places)))
            continue
        sources = draw(_NON_FISCAL_SOURCES)
        for source, part in zip(sources, _split(draw, total, len(sources)), strict=True):
            if part or spec.rich:
                revenue.append(RevenueItem(source, _amount_of(part, places)))
    gpb_codes = list(dict.fromkeys(i.function for i in items if i.fund is Fund.GENERAL_BUDGET))
    budgets: list[BudgetLine] = []
    with_budgets = spec.rich or _maybe(draw, spec.budgets)
    if gpb_codes and with_budgets:
        for code in gpb_codes:
            actual = sum(
                _units(i.amount, places, ROUND_FLOOR)
                for i in items
                if i.function == code and i.fund is Fund.GENERAL_BUDGET
            )
            if spec.rich:
                budgets.append(BudgetLine(code, _amount_of(actual + _integer(draw, 0, actual), places)))
            elif draw(st.booleans()):
                budgets.append(BudgetLine(code, _amount_of(_integer(draw, 0, 2 * actual + unit), places)))
    gpb = spend[Fund.GENERAL_BUDGET]
    account = None
    if _maybe(draw, spec.three_public):
        # 三公 is a part of 一般公共预算 spending (R32); a broken-disclosure ledger keeps 100 万元 spare.
        cap = gpb - hundred if spec.rich else gpb
        account = _draw_three_public(
            draw,
            cap,
            places,
            minimum=unit if spec.rich else 0,
            budgets=True if spec.rich else None,
            included=False if spec.rich else None,
        )
    public = sum(
        _units(i.amount, places, ROUND_FLOOR)
        for i in items
        if i.fund is Fund.GENERAL_BUDGET
        and i.kind is ExpenditureKind.BASIC
        and i.economic is not None
        and i.economic.basic_expense_part is BasicExpensePart.PUBLIC
    )
    operating = _amount_of(_integer(draw, 0, public), places) if _maybe(draw, spec.operating_costs) else None
    procured = (
        _draw_procurement(draw, high, places, unit if spec.rich else 0)
        if _maybe(draw, spec.procurement)
        else None
    )
    if spec.rich:
        staffed: Staffing | None = _draw_staffing(draw, 3, True)
        held: Assets | None = _draw_assets(draw, year, 1)
    else:
        staffed = draw(spec.staffing)
        held = draw(spec.assets)
    department = draw(spec.department)
    performance = None
    if _maybe(draw, spec.performance):
        # One self-evaluation per project: 执行数 is what the project spent, as printed.
        # Cents are rounded down, so that the tables never add up to more than 项目支出 (R53).
        money: dict[str, list[int]] = {}
        for item in items:
            if item.project is not None:
                spent = money.setdefault(item.project, [0, 0])
                spent[0 if item.fund.is_fiscal else 1] += _units(item.amount, places, ROUND_FLOOR)
        evaluations = tuple(
            _draw_evaluation(
                draw,
                name,
                _floor_cents(fiscal, places),
                _floor_cents(other, places),
                year,
                department,
                min_unspent=100 if spec.rich else 0,
            )
            for name, (fiscal, other) in money.items()
        )
        performance = _performance_of(evaluations)
    ledger = Ledger(
        year=year,
        department=department,
        revenue=tuple(revenue),
        expenditure=tuple(items),
        opening_balances=tuple(openings),
        non_fiscal_balance_used=_amount_of(used, places),
        surplus_distribution=_amount_of(distributed, places),
        budgets=tuple(budgets),
        three_public=account,
        operating_costs=operating,
        procurement=procured,
        assets=held,
        staffing=staffed,
        performance=performance,
    )
    if spec.rich:
        return attrs.evolve(ledger, prior=_draw_rich_prior(draw, ledger, places))
    if _maybe(draw, spec.prior):
        maybe = _optional_amounts(high, places)
        return attrs.evolve(
            ledger,
            prior=PriorYear(
                grand_total=draw(maybe),
                fiscal_grand_total=draw(maybe),
                revenue_total=draw(maybe),
                expenditure_total=draw(maybe),
                general_budget_expenditure=draw(maybe),
                government_fund_expenditure=draw(maybe),
                state_capital_expenditure=draw(maybe),
                operating_costs=draw(maybe),
                three_public=(
                    _draw_three_public(draw, high, places)
                    if account is not None and draw(st.booleans())
                    else None
                ),
            ),
        )
    return ledger


def _draw_rich_prior(draw: st.DrawFn, ledger: Ledger, places: int) -> PriorYear:
    """Last year's figures that differ from this year's by at least 1 万元 (and at most half)."""
    unit = 10**places

    def before(current: Amount) -> Amount:
        units = _units(current, places, ROUND_FLOOR)
        high = max(unit, units // 2)
        offset = _integer(draw, unit, high)
        down = units - offset >= unit and draw(st.booleans())
        return _amount_of(units - offset if down else units + offset, places)

    account = ledger.three_public
    return PriorYear(
        grand_total=before(ledger.grand_total()),
        fiscal_grand_total=before(ledger.fiscal_grand_total()),
        revenue_total=before(ledger.revenue_total()),
        expenditure_total=before(ledger.expenditure_total()),
        general_budget_expenditure=before(ledger.expenditure_total(funds=(Fund.GENERAL_BUDGET,))),
        government_fund_expenditure=before(ledger.expenditure_total(funds=(Fund.GOVERNMENT_FUND,))),
        state_capital_expenditure=before(ledger.expenditure_total(funds=(Fund.STATE_CAPITAL,))),
        operating_costs=before(ledger.operating_costs) if ledger.operating_costs is not None else None,
        three_public=(ThreePublicAccount(**_leaf_amounts(account, before)) if account is not None else None),
    )


def _leaf_amounts(account: ThreePublicAccount, change: Callable[[Amount], Amount]) -> dict[str, Any]:
    return {name: change(getattr(account, name)) for name in _THREE_PUBLIC_LEAVES}


def _strategy_of(value: T | SearchStrategy[T]) -> SearchStrategy[T]:
    return value if isinstance(value, SearchStrategy) else st.just(value)


def ledgers(
    *,
    year: int | SearchStrategy[int] = 2021,
    department: str | SearchStrategy[str] | None = None,
    min_items: int = 0,
    max_items: int = 12,
    places: int | SearchStrategy[int] | None = None,
    max_amount: Amount | Decimal | int | str = 10_000,
    funds: Sequence[Fund] | None = None,
    three_public: bool | None = None,
    operating_costs: bool | None = None,
    procurement: bool | None = None,
    prior: bool | None = None,
    budgets: bool | None = None,
    performance: bool | None = None,
    staffing: SearchStrategy[Staffing | None] | None = None,
    assets: SearchStrategy[Assets | None] | None = None,
) -> SearchStrategy[Ledger]:
    """Valid department ledgers, built so that the audit finds no error and no warning.

    * ``min_items``..``max_items`` spending lines (:func:`expenditure_items`), each at most
      ``max_amount`` 万元, in steps of 10^-``places`` 万元 (default: 0.01 万元 or whole 元).
    * Per fund, opening balance and income are drawn so that the closing balance is ≥ 0 (income ≥
      spending − opening); 非财政拨款 income is split over one to three non-fiscal sources.
    * ``three_public`` (“三公”, total ≤ 一般公共预算 spending, counts coherent), ``operating_costs``
      (≤ 公用经费), ``procurement``, ``prior`` (last year's figures), ``budgets`` (budgets of the
      一般公共预算 codes, for 完成预算%), ``performance`` (self-evaluations of the ledger's projects,
      with 执行数 = what the project spent): ``True`` always, ``False`` never, ``None`` sometimes.
    * ``staffing`` and ``assets`` are strategies (default: absent or :func:`staffing`/:func:`assets`).
    """
    if type(min_items) is not int or type(max_items) is not int or not 0 <= min_items <= max_items:
        raise InvalidArgument(f"need 0 <= min_items <= max_items, got {min_items}, {max_items}")
    chosen_funds = tuple(funds) if funds is not None else tuple(Fund)
    if not chosen_funds and min_items:
        raise InvalidArgument("no fund to draw line items from")
    years = _strategy_of(year)
    spec = _Spec(
        year=years,
        department=st.sampled_from(_DEPARTMENTS) if department is None else _strategy_of(department),
        places=st.sampled_from((2, 4)) if places is None else _strategy_of(places),
        min_items=min_items,
        max_items=max_items,
        max_amount=Amount(max_amount).value if not isinstance(max_amount, Amount) else max_amount.value,
        funds=chosen_funds or (Fund.GENERAL_BUDGET,),
        three_public=three_public,
        operating_costs=operating_costs,
        procurement=procurement,
        prior=prior,
        budgets=budgets,
        performance=performance,
        staffing=st.none() | _staffing_strategy() if staffing is None else staffing,
        assets=years.flatmap(_optional_assets) if assets is None else assets,
    )
    return _ledger(spec)


_ledgers = ledgers


def disclosures(
    *,
    ledgers: SearchStrategy[Ledger] | None = None,
    templates: Sequence[str] = TEMPLATES,
) -> SearchStrategy[Disclosure]:
    """Published reports: ``ledger.publish(template=...)`` for a drawn ledger and template.

    Every one passes the audit without error or warning (notes for legitimate 尾数误差 aside).
    """
    source = ledgers if ledgers is not None else _ledgers()
    unknown = [t for t in templates if t not in TEMPLATES]
    if unknown or not templates:
        raise InvalidArgument(f"templates must be taken from {TEMPLATES}, not {tuple(templates)!r}")
    return st.tuples(source, st.sampled_from(tuple(templates))).map(lambda t: t[0].publish(template=t[1]))


# --- disclosure sections and lines ---------------------------------------------------------------------


def _section(name: str, ledgers_: SearchStrategy[Ledger] | None = None, **flags: Any) -> SearchStrategy[Any]:
    source = ledgers_ if ledgers_ is not None else ledgers(max_items=6, **flags)
    return disclosures(ledgers=source).map(lambda d: getattr(d, name))


def overviews() -> SearchStrategy[Overview]:
    """§一 收入支出决算总体情况 of a published valid ledger."""
    return _section("overview")


def revenues() -> SearchStrategy[Revenue]:
    """§二 收入决算情况 of a published valid ledger."""
    return _section("revenue")


def expenditures() -> SearchStrategy[Expenditure]:
    """§三 支出决算情况 (with the T1 class rows and the T3 rows) of a published valid ledger."""
    return _section("expenditure")


def fiscals() -> SearchStrategy[Fiscal]:
    """§四 财政拨款收入支出决算总体情况 (T4) of a published valid ledger."""
    return _section("fiscal")


def general_budgets() -> SearchStrategy[GeneralBudget]:
    """§五 一般公共预算财政拨款支出 of a published valid ledger."""
    return _section("general_budget", budgets=True)


def basic_expenditures() -> SearchStrategy[BasicExpenditure]:
    """§六 一般公共预算财政拨款基本支出 of a published valid ledger."""
    return _section("basic_expenditure")


def three_public_sections() -> SearchStrategy[ThreePublic]:
    """§七 “三公”经费 of a published valid ledger."""
    return _section("three_public", three_public=True)


def fund_spendings(fund: Fund = Fund.GOVERNMENT_FUND) -> SearchStrategy[FundSpending]:
    """§八 政府性基金 (default) or §九 国有资本经营 spending of a published valid ledger."""
    if fund not in (Fund.GOVERNMENT_FUND, Fund.STATE_CAPITAL):
        raise InvalidArgument("fund must be Fund.GOVERNMENT_FUND or Fund.STATE_CAPITAL")
    return _section("government_fund" if fund is Fund.GOVERNMENT_FUND else "state_capital")


def operating_costs() -> SearchStrategy[OperatingCosts]:
    """§十(一) 机关运行经费 of a published valid ledger."""
    return _section("operating_costs", operating_costs=True)


def procurement_sections() -> SearchStrategy[Procurement]:
    """§十(二) 政府采购 of a published valid ledger."""
    return _section("procurement", procurement=True)


@st.composite
def _stated(
    draw: st.DrawFn, previous: SearchStrategy[Amount], current: SearchStrategy[Amount]
) -> StatedChange:
    return _stated_change(draw(previous), draw(current))


def stated_changes(
    *, previous: SearchStrategy[Amount] | None = None, current: SearchStrategy[Amount] | None = None
) -> SearchStrategy[StatedChange]:
    """A change as a report words it (direction, amount, rate, previous) between two printed figures."""
    return _stated(
        previous if previous is not None else amounts(), current if current is not None else amounts()
    )


def source_lines(*, amounts: SearchStrategy[Amount] | None = None) -> SearchStrategy[SourceLine]:
    """One revenue source with its printed share (or none)."""
    return st.builds(
        SourceLine,
        st.sampled_from(tuple(RevenueSource)),
        amounts if amounts is not None else _amounts(),
        st.none() | percents(),
    )


def kind_lines(*, amounts: SearchStrategy[Amount] | None = None) -> SearchStrategy[KindLine]:
    """One kind of spending with its printed share (or none)."""
    return st.builds(
        KindLine,
        st.sampled_from(tuple(ExpenditureKind)),
        amounts if amounts is not None else _amounts(),
        st.none() | percents(),
    )


@st.composite
def _function_line(draw: st.DrawFn, codes: SearchStrategy[FunctionCode], year: int) -> FunctionLine:
    code = draw(codes)
    basic, project = draw(st.integers(0, 10**6)), draw(st.integers(0, 10**6))
    cat = nearest_catalogue("function", year)[0]
    entry = cat.get(code.code)
    return FunctionLine(
        code=code,
        amount=_amount_of(basic + project, 2),
        name=entry.name if entry is not None else None,
        parent_names=tuple(e.name for e in (cat.get(a.code) for a in code.ancestors) if e is not None),
        basic=_amount_of(basic, 2),
        project=_amount_of(project, 2),
    )


def function_lines(
    year: int = 2021, *, level: CodeLevel | str | int | None = None
) -> SearchStrategy[FunctionLine]:
    """A 功能分类 row with its catalogue name and parents' names; 合计 = 基本支出 + 项目支出 (R11)."""
    return _function_line(function_codes(year, level=level), year)


def economic_lines(year: int = 2021) -> SearchStrategy[EconomicLine]:
    """A 基本支出 row by economic 款 (301/302/303/310), with its catalogue name."""
    cat = nearest_catalogue("economic_department", year)[0]
    return st.builds(
        lambda code, amount: EconomicLine(code, amount, cat.lookup(code.code).name),
        st.sampled_from(_basic_codes(year)),
        amounts(),
    )


@st.composite
def _fund_flow(draw: st.DrawFn, funds: tuple[Fund, ...]) -> FundFlow:
    opening, revenue = draw(st.integers(0, 10**6)), draw(st.integers(0, 10**6))
    spent = draw(st.integers(0, opening + revenue))
    return FundFlow(
        fund=draw(st.sampled_from(funds)),
        opening=_amount_of(opening, 2),
        revenue=_amount_of(revenue, 2),
        expenditure=_amount_of(spent, 2),
        closing=_amount_of(opening + revenue - spent, 2),
    )


def fund_flows() -> SearchStrategy[FundFlow]:
    """One fiscal fund's T4 row: 年初 + 本年收入 = 本年支出 + 年末, every figure ≥ 0 (R18)."""
    return _fund_flow(FISCAL_FUNDS)


@st.composite
def _budgeted(draw: st.DrawFn) -> BudgetedFigure:
    actual = draw(amounts(max_value=1_000))
    budget = draw(st.none() | amounts(max_value=1_000))
    previous = draw(st.none() | amounts(max_value=1_000))
    return BudgetedFigure(
        actual=actual,
        budget=budget,
        completion=_completion(actual, budget),
        versus_budget=None if budget is None else _stated_change(budget, actual),
        change=None if previous is None else _stated_change(previous, actual),
    )


def budgeted_figures() -> SearchStrategy[BudgetedFigure]:
    """A 三公 figure with its budget, 完成预算% and changes worded from the printed figures."""
    return _budgeted()


@st.composite
def _revenue_row(draw: st.DrawFn, codes: SearchStrategy[FunctionCode]) -> RevenueRow:
    parts = [draw(st.integers(0, 10**6)) for _ in range(6)]
    fiscal, subsidy, operations, business, remittance, other = (_amount_of(p, 2) for p in parts)
    return RevenueRow(
        code=draw(codes),
        total=_amount_of(sum(parts), 2),
        fiscal=fiscal,
        superior_subsidy=subsidy,
        operations=operations,
        business=business,
        affiliated_remittance=remittance,
        other=other,
    )


def revenue_rows(year: int = 2021) -> SearchStrategy[RevenueRow]:
    """A 收入决算表 (T2) row: 合计 = Σ its source columns (R8)."""
    return _revenue_row(function_codes(year))


# --- broken disclosures -----------------------------------------------------------------------------------

Apply = Callable[[st.DrawFn, Disclosure], Disclosure]


@attrs.frozen
class Mutation:
    """One way of breaking a valid disclosure, and what the audit must then say.

    ``expected`` rules must fire with their own severity; ``collateral`` rules may fire as well
    (``why`` says why); any other error or warning would be a false alarm.
    """

    name: str
    expected: frozenset[str]
    description: str
    apply: Apply = attrs.field(repr=False)
    collateral: frozenset[str] = frozenset()
    why: str = ""


def _delta(draw: st.DrawFn) -> Amount:
    """A change clearly larger than rounding: 1.00 to 50.00 万元."""
    return _amount_of(draw(st.integers(100, 5_000)), 2)


def _need(value: T | None) -> T:
    # The ledgers drawn for broken disclosures always have these figures; a None here is a bug.
    assert value is not None
    return value


def _refigure(figure: BudgetedFigure, actual: Amount) -> BudgetedFigure:
    """A 三公 figure with a new actual, its completion and worded comparisons recomputed from it."""
    return attrs.evolve(
        figure,
        actual=actual,
        completion=_completion(actual, figure.budget) if figure.completion is not None else None,
        versus_budget=(
            _stated_change(_need(figure.versus_budget.previous), actual)
            if figure.versus_budget is not None
            else None
        ),
        change=(_stated_change(_need(figure.change.previous), actual) if figure.change is not None else None),
    )


def _restate(change: StatedChange | None, current: Amount) -> StatedChange | None:
    return None if change is None else _stated_change(_need(change.previous), current)


def _bump_chain(draw: st.DrawFn, lines: tuple[FunctionLine, ...], delta: Amount) -> tuple[FunctionLine, ...]:
    """Add ``delta`` to one leaf row and to every ancestor row (amount and 项目支出 column)."""
    parents = {line.code.parent for line in lines}
    leaves = [i for i, line in enumerate(lines) if line.code not in parents]
    leaf = lines[draw(st.sampled_from(leaves))]
    chain = {leaf.code, *leaf.code.ancestors}
    return tuple(
        attrs.evolve(line, amount=line.amount + delta, project=_need(line.project) + delta)
        if line.code in chain
        else line
        for line in lines
    )


def _m_revenue_line(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    revenue = _need(d.revenue)
    index = draw(st.sampled_from([i for i, line in enumerate(revenue.lines) if not line.source.is_fiscal]))
    lines = list(revenue.lines)
    lines[index] = attrs.evolve(lines[index], amount=lines[index].amount + _delta(draw))
    return attrs.evolve(d, revenue=attrs.evolve(revenue, lines=tuple(lines)))


def _m_overview(field: str) -> Apply:
    def apply(draw: st.DrawFn, d: Disclosure) -> Disclosure:
        overview = _need(d.overview)
        changed = attrs.evolve(overview, **{field: _need(getattr(overview, field)) + _delta(draw)})
        if field == "revenue_grand_total":
            changed = attrs.evolve(
                changed, change=_restate(changed.change, _need(changed.revenue_grand_total))
            )
        return attrs.evolve(d, overview=changed)

    return apply


def _m_class(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    expenditure = _need(d.expenditure)
    classes = list(expenditure.classes)
    k = draw(st.integers(0, len(classes) - 1))
    classes[k] = attrs.evolve(classes[k], amount=classes[k].amount + _delta(draw))
    return attrs.evolve(d, expenditure=attrs.evolve(expenditure, classes=tuple(classes)))


def _m_relabel_kind(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    expenditure = _need(d.expenditure)
    target = draw(st.sampled_from((ExpenditureKind.BUSINESS, ExpenditureKind.REMITTANCE)))
    lines = tuple(
        attrs.evolve(line, kind=target) if line.kind is ExpenditureKind.AFFILIATE_SUBSIDY else line
        for line in expenditure.lines
    )
    return attrs.evolve(d, expenditure=attrs.evolve(expenditure, lines=lines))


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
    delta = _delta(draw)
    lines = list(section.lines)
    lines[index] = attrs.evolve(
        lines[index], amount=lines[index].amount + delta, project=_need(lines[index].project) + delta
    )
    return attrs.evolve(d, government_fund=attrs.evolve(section, lines=tuple(lines)))


def _m_row_column(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    expenditure = _need(d.expenditure)
    rows = list(expenditure.rows)
    index = draw(st.integers(0, len(rows) - 1))
    rows[index] = attrs.evolve(
        rows[index], affiliate_subsidy=(rows[index].affiliate_subsidy or _ZERO) + _delta(draw)
    )
    return attrs.evolve(d, expenditure=attrs.evolve(expenditure, rows=tuple(rows)))


def _m_table_chain(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    expenditure = _need(d.expenditure)
    rows = _bump_chain(draw, expenditure.rows, _delta(draw))
    return attrs.evolve(d, expenditure=attrs.evolve(expenditure, rows=rows))


def _m_kind_line(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    expenditure = _need(d.expenditure)
    lines = list(expenditure.lines)
    index = next(i for i, line in enumerate(lines) if line.kind is ExpenditureKind.AFFILIATE_SUBSIDY)
    lines[index] = attrs.evolve(lines[index], amount=lines[index].amount + _delta(draw))
    return attrs.evolve(d, expenditure=attrs.evolve(expenditure, lines=tuple(lines)))


def _m_fiscal(field: str) -> Apply:
    def apply(draw: st.DrawFn, d: Disclosure) -> Disclosure:
        fiscal = _need(d.fiscal)
        return attrs.evolve(
            d, fiscal=attrs.evolve(fiscal, **{field: _need(getattr(fiscal, field)) + _delta(draw)})
        )

    return apply


def _m_fund_flow(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    fiscal = _need(d.fiscal)
    funds = list(fiscal.funds)
    index = draw(st.integers(0, len(funds) - 1))
    funds[index] = attrs.evolve(funds[index], closing=_need(funds[index].closing) + _delta(draw))
    return attrs.evolve(d, fiscal=attrs.evolve(fiscal, funds=tuple(funds)))


def _m_fiscal_above(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    fiscal, overview = _need(d.fiscal), _need(d.overview)
    closing = _need(overview.closing_balance) + _delta(draw)
    return attrs.evolve(d, fiscal=attrs.evolve(fiscal, closing_balance=closing))


def _m_general_chain(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    gb = _need(d.general_budget)
    return attrs.evolve(d, general_budget=attrs.evolve(gb, rows=_bump_chain(draw, gb.rows, _delta(draw))))


def _bump_basic_line(
    draw: st.DrawFn, basic: BasicExpenditure, part: BasicExpensePart, delta: Amount
) -> tuple[EconomicLine, ...]:
    lines = list(basic.lines)
    index = draw(st.sampled_from([i for i, line in enumerate(lines) if line.code.basic_expense_part is part]))
    lines[index] = attrs.evolve(lines[index], amount=lines[index].amount + delta)
    return tuple(lines)


def _m_economic_line(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    basic = _need(d.basic_expenditure)
    part = draw(st.sampled_from(tuple(BasicExpensePart)))
    return attrs.evolve(
        d, basic_expenditure=attrs.evolve(basic, lines=_bump_basic_line(draw, basic, part, _delta(draw)))
    )


def _m_three_public_code(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    basic = _need(d.basic_expenditure)
    reception = _need(_need(d.three_public).reception.actual)
    line = EconomicLine(EconomicCode.of("30217"), reception + _delta(draw), "公务接待费")
    return attrs.evolve(d, basic_expenditure=attrs.evolve(basic, lines=(*basic.lines, line)))


def _m_units(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    return attrs.evolve(d, units=("万元", draw(st.sampled_from(("元", "亿元")))))


def _m_personnel(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    basic = _need(d.basic_expenditure)
    delta = _delta(draw)
    lines = _bump_basic_line(draw, basic, BasicExpensePart.PERSONNEL, delta)
    changed = attrs.evolve(basic, personnel=_need(basic.personnel) + delta, lines=lines)
    return attrs.evolve(d, basic_expenditure=changed)


def _m_basic_above(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    basic, expenditure = _need(d.basic_expenditure), _need(d.expenditure)
    department_basic = _need(expenditure.get(ExpenditureKind.BASIC)).amount
    delta = department_basic - _need(basic.total) + _delta(draw)
    lines = _bump_basic_line(draw, basic, BasicExpensePart.PERSONNEL, delta)
    changed = attrs.evolve(
        basic, total=_need(basic.total) + delta, personnel=_need(basic.personnel) + delta, lines=lines
    )
    return attrs.evolve(d, basic_expenditure=changed)


def _m_narrative_basic(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    basic = _need(d.basic_expenditure)
    changed = attrs.evolve(basic, personnel=_need(basic.personnel) + _delta(draw), lines=())
    return attrs.evolve(d, basic_expenditure=changed)


def _m_three_public(*names: str, above_general_budget: bool = False) -> Apply:
    def apply(draw: st.DrawFn, d: Disclosure) -> Disclosure:
        tp = _need(d.three_public)
        delta = _delta(draw)
        if above_general_budget:
            delta = _need(_need(d.general_budget).total) - _need(tp.total.actual) + delta
        figures: dict[str, Any] = {
            name: _refigure(getattr(tp, name), _need(getattr(tp, name).actual) + delta) for name in names
        }
        return attrs.evolve(d, three_public=attrs.evolve(tp, **figures))

    return apply


def _m_counts(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    tp = _need(d.three_public)
    field = draw(st.sampled_from(("outbound_groups", "domestic_batches", "foreign_batches", "vehicles_held")))
    zero: dict[str, Any] = {field: 0}
    return attrs.evolve(d, three_public=attrs.evolve(tp, **zero))


def _m_share(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    revenue = _need(d.revenue)
    index = draw(st.sampled_from([i for i, line in enumerate(revenue.lines) if line.share is not None]))
    lines = list(revenue.lines)
    share = _need(lines[index].share)
    step = Percent("1.00") if share.value <= 99 else Percent("-1.00")
    lines[index] = attrs.evolve(lines[index], share=share + step)
    return attrs.evolve(d, revenue=attrs.evolve(revenue, lines=tuple(lines)))


_FLIPPED: Final = {
    Direction.INCREASE: Direction.DECREASE,
    Direction.DECREASE: Direction.INCREASE,
    Direction.FLAT: Direction.INCREASE,
}


def _m_direction(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    revenue = _need(d.revenue)
    change = _need(revenue.change)
    return attrs.evolve(
        d, revenue=attrs.evolve(revenue, change=attrs.evolve(change, direction=_FLIPPED[change.direction]))
    )


def _m_change_amount(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    expenditure = _need(d.expenditure)
    change = _need(expenditure.change)
    changed = attrs.evolve(change, amount=_need(change.amount) + _delta(draw))
    return attrs.evolve(d, expenditure=attrs.evolve(expenditure, change=changed))


def _m_change_rate(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    gb = _need(d.general_budget)
    change = _need(gb.change)
    changed = attrs.evolve(change, rate=_need(change.rate) + Percent(draw(st.integers(2, 20))))
    return attrs.evolve(d, general_budget=attrs.evolve(gb, change=changed))


def _m_completion(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    gb = _need(d.general_budget)
    items = list(gb.items)
    # The item with the largest budget (≥ 100 万元): its completion is pinned to 0.01 points.
    index = max(range(len(items)), key=lambda i: items[i].budget or _ZERO)
    completion = _need(items[index].completion)
    items[index] = attrs.evolve(items[index], completion=completion + Percent(draw(st.integers(5, 50))))
    return attrs.evolve(d, general_budget=attrs.evolve(gb, items=tuple(items)))


def _m_item(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    gb = _need(d.general_budget)
    items = list(gb.items)
    index = draw(st.integers(0, len(items) - 1))
    amount = items[index].amount + _delta(draw)
    items[index] = attrs.evolve(
        items[index],
        amount=amount,
        completion=_completion(amount, items[index].budget) if items[index].completion is not None else None,
    )
    return attrs.evolve(d, general_budget=attrs.evolve(gb, items=tuple(items)))


def _m_operating(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    costs = _need(d.operating_costs)
    amount = _need(_need(d.basic_expenditure).public) + _delta(draw)
    return attrs.evolve(
        d, operating_costs=OperatingCosts(amount=amount, change=_restate(costs.change, amount))
    )


def _m_procurement(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    p = _need(d.procurement)
    field = draw(st.sampled_from(("goods", "works", "services")))
    return attrs.evolve(d, procurement=attrs.evolve(p, **{field: _need(getattr(p, field)) + _delta(draw)}))


def _m_small_micro(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    p = _need(d.procurement)
    small = _need(p.sme) + _delta(draw)
    share = Percent.ratio(small, _need(p.total)).rounded() if p.total else None
    return attrs.evolve(d, procurement=attrs.evolve(p, small_micro=small, small_micro_share=share))


def _m_vehicles(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    held = _need(d.assets)
    return attrs.evolve(
        d, assets=attrs.evolve(held, vehicles_total=_need(held.vehicles_total) + draw(st.integers(1, 5)))
    )


def _m_staff(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    staff = _need(d.staffing)
    units = list(staff.units)
    unit = units[0]
    units[0] = attrs.evolve(unit, authorized=_need(unit.authorized) + draw(st.integers(1, 5)))
    return attrs.evolve(d, staffing=attrs.evolve(staff, units=tuple(units)))


def _m_code_name(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    gb = _need(d.general_budget)
    items = list(gb.items)
    index = draw(st.integers(0, len(items) - 1))
    official = _need(items[index].name)
    other = draw(
        st.sampled_from(tuple(dict.fromkeys(e.name for e in _function_entries(d.year, None, False))))
    )
    near = other.removesuffix("支出") == official.removesuffix("支出")
    items[index] = attrs.evolve(items[index], name=f"{official}（名称有误）" if near else other)
    return attrs.evolve(d, general_budget=attrs.evolve(gb, items=tuple(items)))


def _m_decimals(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    costs = _need(d.operating_costs)
    amount = _need(costs.amount)
    places = draw(st.integers(3, 4))
    longer = Amount(amount.value.quantize(Decimal(1).scaleb(-places, _CTX), context=_CTX))
    return attrs.evolve(d, operating_costs=attrs.evolve(costs, amount=longer))


def _m_quoted_total(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    section = _need(d.state_capital)
    delta = _delta(draw)
    total = _need(section.total) + delta
    changed = attrs.evolve(
        section,
        total=total,
        opening_balance=_need(section.opening_balance) + delta,
        change=_restate(section.change, total),
    )
    return attrs.evolve(d, state_capital=changed)


def _evaluation_index(draw: st.DrawFn, d: Disclosure, *, least: int = 1) -> int:
    """A project table whose 执行数 is the largest (every broken-disclosure ledger has three)."""
    evaluations = _need(d.performance).evaluations
    assert len(evaluations) >= least
    return max(range(len(evaluations)), key=lambda i: _need(evaluations[i].executed.total))


def _with_evaluation(d: Disclosure, index: int, evaluation: ProjectEvaluation) -> Disclosure:
    performance = _need(d.performance)
    evaluations = list(performance.evaluations)
    evaluations[index] = evaluation
    return attrs.evolve(d, performance=attrs.evolve(performance, evaluations=tuple(evaluations)))


def _is_cost_indicator(indicator: Indicator) -> bool:
    return "成本" in indicator.level1 or "成本" in indicator.level2


def _m_funding_part(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    index = _evaluation_index(draw, d)
    e = _need(d.performance).evaluations[index]
    budget = attrs.evolve(e.budget, fiscal=_need(e.budget.fiscal) + _delta(draw))
    return _with_evaluation(d, index, attrs.evolve(e, budget=budget))


def _m_over_budget(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    index = _evaluation_index(draw, d)
    e = _need(d.performance).evaluations[index]
    executed = _need(e.executed.total)
    total = executed - _delta(draw)
    fiscal = min(_need(e.budget.fiscal), total)
    budget = FundingSplit(total=total, fiscal=fiscal, other=total - fiscal)
    return _with_evaluation(d, index, attrs.evolve(e, budget=budget))


def _m_cost_actual(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    index = _evaluation_index(draw, d)
    e = _need(d.performance).evaluations[index]
    rows = list(e.indicators)
    costs = [j for j, row in enumerate(rows) if _is_cost_indicator(row)]
    spent = {j: _need(_money_amount(rows[j].actual)) for j in costs}
    j = max(costs, key=lambda k: spent[k])
    lowered = spent[j] - min(_delta(draw), spent[j])
    rows[j] = attrs.evolve(rows[j], actual=_money_text(_cents_of(lowered)))
    return _with_evaluation(d, index, attrs.evolve(e, indicators=tuple(rows)))


def _money_amount(text: str | None) -> Amount | None:
    if text is None or not text.endswith("万元"):
        return None
    return Amount(text.removesuffix("万元"))


def _cents_of(amount: Amount) -> int:
    return int(amount.value.scaleb(2, _CTX))


def _m_not_met(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    index = _evaluation_index(draw, d)
    e = _need(d.performance).evaluations[index]
    rows = list(e.indicators)
    j = draw(st.sampled_from([k for k, row in enumerate(rows) if not _is_cost_indicator(row)]))
    target = parse_indicator_value(rows[j].target)
    failed = str(_quantity(0, target.unit)) if isinstance(target, Quantity) else "未完成"
    rows[j] = attrs.evolve(rows[j], actual=failed)
    return _with_evaluation(d, index, attrs.evolve(e, indicators=tuple(rows)))


def _m_score(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    index = _evaluation_index(draw, d)
    e = _need(d.performance).evaluations[index]
    rows = list(e.indicators)
    weight = Decimal(draw(st.integers(1, 20)))
    rows[0] = attrs.evolve(rows[0], weight=weight, score=weight + Decimal(draw(st.integers(1, 10))))
    return _with_evaluation(d, index, attrs.evolve(e, indicators=tuple(rows)))


def _m_grade(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    index = _evaluation_index(draw, d)
    e = _need(d.performance).evaluations[index]
    score = Decimal(draw(st.integers(0, 59)))
    return _with_evaluation(
        d, index, attrs.evolve(e, total_score=score, grade=draw(st.sampled_from("优良中")))
    )


def _m_table_count(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    performance = _need(d.performance)
    counted = len(performance.evaluations) + draw(st.integers(1, 3))
    return attrs.evolve(d, performance=attrs.evolve(performance, projects_self_evaluated=counted))


def _m_header(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    index = _evaluation_index(draw, d, least=3)
    e = _need(d.performance).evaluations[index]
    field = draw(st.sampled_from(("department", "implementing_unit")))
    changed: dict[str, Any] = {field: f"{_need(getattr(e, field))}（其他单位）"}
    return _with_evaluation(d, index, attrs.evolve(e, **changed))


def _m_claim(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    performance = _need(d.performance)
    field = draw(st.sampled_from(("claims_fully_executed", "claims_no_balance")))
    claim: dict[str, Any] = {field: True}
    return attrs.evolve(d, performance=attrs.evolve(performance, **claim))


def _m_copied_text(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    performance = _need(d.performance)
    evaluations = list(performance.evaluations)
    assert len(evaluations) >= 2
    first, second = draw(st.permutations(range(len(evaluations))))[:2]
    text = _need(evaluations[first].goal_expected)
    for index in (first, second):
        e = evaluations[index]
        j = next(k for k, row in enumerate(e.indicators) if not _is_cost_indicator(row))
        rows = list(e.indicators)
        rows[j] = attrs.evolve(rows[j], name=text)
        evaluations[index] = attrs.evolve(e, indicators=tuple(rows))
    return attrs.evolve(d, performance=attrs.evolve(performance, evaluations=tuple(evaluations)))


def _m_unknown_label(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    index = _evaluation_index(draw, d)
    e = _need(d.performance).evaluations[index]
    rows = list(e.indicators)
    j = next(k for k, row in enumerate(rows) if not _is_cost_indicator(row))
    rows[j] = attrs.evolve(rows[j], level2=draw(st.sampled_from(("工作成效指标", "履职效能指标"))))
    return _with_evaluation(d, index, attrs.evolve(e, indicators=tuple(rows)))


_SHARES_WHY: Final = (
    "the printed share of the changed figure was computed from the old amount, so the share check "
    "may no longer hold"
)
_LINKED_WHY: Final = (
    "R2, R4, R5 and R6 are linked (R6 follows from the other three), so one printed figure of the "
    "summary table always breaks two of them"
)


def _mutation(
    name: str,
    expected: Iterable[str],
    description: str,
    apply: Apply,
    collateral: Iterable[str] = (),
    why: str = "",
) -> Mutation:
    return Mutation(name, frozenset(expected), description, apply, frozenset(collateral), why)


_CORE_MUTATIONS: Final = (
    _mutation(
        "revenue-source",
        ["R1"],
        "a 非财政拨款 revenue source line is raised by 1–50 万元",
        _m_revenue_line,
        ["R37"],
        _SHARES_WHY,
    ),
    _mutation(
        "grand-revenue-total",
        ["R2", "R5"],
        "收入总计 is raised (its stated change recomputed from it)",
        _m_overview("revenue_grand_total"),
        why=_LINKED_WHY,
    ),
    _mutation(
        "summary-class",
        ["R3", "R12"],
        "one 类 row of 收入支出决算总表 (T1) is raised",
        _m_class,
        why="the T1 class rows are also compared with the T3 class rows (R12)",
    ),
    _mutation(
        "closing-balance",
        ["R4", "R6"],
        "年末结转和结余 of the summary table is raised",
        _m_overview("closing_balance"),
        why=_LINKED_WHY,
    ),
    _mutation(
        "grand-expenditure-total",
        ["R4", "R5"],
        "支出总计 is raised",
        _m_overview("expenditure_grand_total"),
        why=_LINKED_WHY,
    ),
    _mutation(
        "opening-balance",
        ["R2", "R6"],
        "年初结转和结余 of the summary table is raised",
        _m_overview("opening_balance"),
        why=_LINKED_WHY,
    ),
    _mutation(
        "kind-relabelled",
        ["R7"],
        "对附属单位补助支出 is printed as 经营支出 or 上缴上级支出 (a note)",
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
        "a 类 row of the 政府性基金 table is raised (with its 项目支出 column) but not its 款/项",
        _m_fund_rollup,
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
    ),
    _mutation(
        "fiscal-revenue",
        ["R14", "R15"],
        "财政拨款 本年收入合计 of T4 is raised",
        _m_fiscal("revenue_total"),
        why="the fiscal grand total is also the sum of fiscal revenue and opening balance (R15)",
    ),
    _mutation(
        "fiscal-opening", ["R15"], "年初财政拨款结转和结余 of T4 is raised", _m_fiscal("opening_balance")
    ),
    _mutation(
        "fiscal-closing", ["R17"], "年末财政拨款结转和结余 of T4 is raised", _m_fiscal("closing_balance")
    ),
    _mutation("fund-flow", ["R18"], "one fund's 年末结转和结余 in T4 is raised", _m_fund_flow),
    _mutation(
        "fiscal-above-department",
        ["R17", "R19"],
        "年末财政拨款结转和结余 is printed above the department's whole closing balance",
        _m_fiscal_above,
        why="the fiscal closing balance is also part of the fiscal grand total (R17)",
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
        "人员经费 and one 301/303 row are raised together, so 人员 + 公用 ≠ 基本支出",
        _m_personnel,
    ),
    _mutation(
        "three-public-total",
        ["R27"],
        "the “三公” total is raised (its completion and changes recomputed)",
        _m_three_public("total"),
    ),
    _mutation(
        "vehicle-operation",
        ["R28"],
        "公务用车运行维护费 is raised but not 公务用车购置及运行维护费",
        _m_three_public("vehicle_operation"),
    ),
    _mutation(
        "foreign-reception",
        ["R29"],
        "外事接待费 is raised but not 公务接待费",
        _m_three_public("foreign_reception"),
    ),
    _mutation(
        "three-public-economic",
        ["R30"],
        "a 30217 公务接待费 row of 基本支出 is printed above the “三公” 公务接待费",
        _m_three_public_code,
        collateral=["R22"],
        why="the added economic row also changes the sum of the 公用经费 rows (R22)",
    ),
    _mutation("mixed-units", ["R55"], "the report is said to print amounts in two units", _m_units),
    _mutation(
        "three-public-count", ["R31"], "a “三公” count is printed as 0 beside a non-zero amount", _m_counts
    ),
    _mutation(
        "three-public-above",
        ["R32"],
        "因公出国（境）费 and the “三公” total are raised above 一般公共预算 spending",
        _m_three_public("outbound", "total", above_general_budget=True),
    ),
    _mutation(
        "basic-above-department",
        ["R21", "R36"],
        "一般公共预算 基本支出 (with 人员经费 and one 301 row) is raised above the department's 基本支出",
        _m_basic_above,
        why="the §六 total is also the 基本支出 column of the T6 table (R21)",
    ),
    _mutation("share", ["R37"], "one revenue share is moved by one percentage point", _m_share),
    _mutation("direction-word", ["R38"], "the direction word of the revenue change is flipped", _m_direction),
    _mutation("change-amount", ["R38"], "the amount of the expenditure change is raised", _m_change_amount),
    _mutation("change-rate", ["R38"], "the rate of the 一般公共预算 change is raised", _m_change_rate),
    _mutation("completion", ["R39"], "one 完成预算% of §五(三) is raised by 5–50 points", _m_completion),
    _mutation(
        "general-item",
        ["R40"],
        "one item of §五(三) is raised (its 完成预算% recomputed from it)",
        _m_item,
    ),
    _mutation(
        "narrative-personnel",
        ["R23", "R41"],
        "§六 is printed without table 八 and with 人员经费 raised",
        _m_narrative_basic,
        why="without economic rows R41 (narrative) and R23 (table) check the same identity",
    ),
    _mutation(
        "operating-costs",
        ["R43"],
        "机关运行经费 is printed above 公用经费 (its change recomputed)",
        _m_operating,
    ),
    _mutation("procurement-part", ["R44"], "a 政府采购 part (货物/工程/服务) is raised", _m_procurement),
    _mutation(
        "small-micro", ["R44"], "小微企业 contracts are printed above 中小企业 contracts", _m_small_micro
    ),
    _mutation("vehicle-count", ["R45"], "车辆合计 is raised above the sum of its categories", _m_vehicles),
    _mutation(
        "staff-count", ["R46"], "one unit's 编制数 is raised above the sum of its categories", _m_staff
    ),
    _mutation("code-name", ["R56"], "a §五(三) item is printed with another code's name", _m_code_name),
    _mutation("decimals", ["R58"], "机关运行经费 is printed with three or four decimals", _m_decimals),
    _mutation(
        "quoted-total",
        ["R59"],
        "§九 国有资本经营 spending is quoted higher than T4 (its own balance and change follow it)",
        _m_quoted_total,
    ),
)

_PERFORMANCE_MUTATIONS: Final = (
    _mutation(
        "funding-part", ["R47"], "a project's 预算数·财政拨款 is raised but not its 合计", _m_funding_part
    ),
    _mutation(
        "over-budget",
        ["R48"],
        "a project's 预算数 (合计 and parts) is printed below its 执行数",
        _m_over_budget,
    ),
    _mutation(
        "cost-actual",
        ["R49"],
        "one 成本指标 actual value is lowered, so the cost indicators no longer add up to 执行数",
        _m_cost_actual,
    ),
    _mutation(
        "indicator-not-met", ["R50"], "a non-cost indicator's actual value misses its target", _m_not_met
    ),
    _mutation("score-above-weight", ["R51"], "an indicator is scored above its weight", _m_score),
    _mutation("grade", ["R52"], "a project graded 优/良/中 with a total score below 60", _m_grade),
    _mutation(
        "table-count",
        ["R53"],
        "§十(四) names more self-evaluated projects than tables are published",
        _m_table_count,
    ),
    _mutation("table-header", ["R54"], "one table names another department or unit", _m_header),
    _mutation(
        "execution-claim",
        ["R61"],
        "the narrative claims full execution (or no balance) while a project is under-spent",
        _m_claim,
    ),
    _mutation(
        "copied-indicator",
        ["R62"],
        "two projects carry the same long indicator name (one project's goal)",
        _m_copied_text,
    ),
    _mutation(
        "unknown-label",
        ["R63"],
        "a non-cost indicator's 二级 label is not in the hierarchy (a note)",
        _m_unknown_label,
    ),
)
#: Every named mutation, with the rules it must trigger (see :class:`Mutation`).
MUTATIONS: Final[tuple[Mutation, ...]] = (*_CORE_MUTATIONS, *_PERFORMANCE_MUTATIONS)

#: Rules of the registry that no mutation of a valid disclosure can trigger, and why.
UNREACHABLE_RULES: Final[dict[str, str]] = {}


@functools.cache
def _rich_ledgers() -> SearchStrategy[Ledger]:
    """Ledgers that hold every figure a mutation needs, each forced line ≥ 100 万元."""
    spec = _Spec(
        year=st.just(2021),
        department=st.sampled_from(_DEPARTMENTS),
        places=st.sampled_from((2, 4)),
        min_items=0,
        max_items=4,
        max_amount=Decimal(1_000),
        funds=tuple(Fund),
        three_public=True,
        operating_costs=True,
        procurement=True,
        prior=True,
        budgets=True,
        performance=True,
        staffing=st.none(),
        assets=st.none(),
        rich=True,
    )
    return _ledger(spec)


def mutated_disclosures(
    rules: Iterable[str] | None = None, *, names: Iterable[str] | None = None
) -> SearchStrategy[tuple[Disclosure, Mutation]]:
    """Like :func:`broken_disclosures`, but gives the whole :class:`Mutation` (with its collateral);
    ``names`` keeps only the mutations of those names."""
    wanted = None if rules is None else frozenset(rules)
    if wanted is not None:
        unknown = sorted(wanted - set(REGISTRY.ids()))
        if unknown:
            raise InvalidArgument(f"unknown rule ids: {', '.join(unknown)}")
        missing = sorted(wanted - {r for m in MUTATIONS for r in m.expected})
        if missing:
            reasons = "; ".join(f"{r}: {UNREACHABLE_RULES.get(r, 'no mutation')}" for r in missing)
            raise InvalidArgument(f"no mutation triggers {', '.join(missing)} ({reasons})")
    kept = None if names is None else frozenset(names)
    if kept is not None and not kept <= {m.name for m in MUTATIONS}:
        raise InvalidArgument(f"unknown mutations: {sorted(kept - {m.name for m in MUTATIONS})}")
    chosen = [
        m for m in MUTATIONS if (wanted is None or m.expected & wanted) and (kept is None or m.name in kept)
    ]
    if not chosen:
        raise InvalidArgument("no mutation matches both rules and names")
    return _mutated(tuple(chosen))


@functools.cache
def _mutated(chosen: tuple[Mutation, ...]) -> SearchStrategy[tuple[Disclosure, Mutation]]:
    mutations, ledgers_, templates = st.sampled_from(chosen), _rich_ledgers(), st.sampled_from(TEMPLATES)

    def mutated(draw: st.DrawFn) -> tuple[Disclosure, Mutation]:
        mutation = draw(mutations)
        valid = draw(ledgers_).publish(template=draw(templates))
        return mutation.apply(draw, valid), mutation

    return _drawn(mutated)


def broken_disclosures(
    rules: Iterable[str] | None = None,
) -> SearchStrategy[tuple[Disclosure, frozenset[str]]]:
    """A valid disclosure with one figure broken, and the ids of the rules that must fire.

    Each example applies one of :data:`MUTATIONS` (only those that trigger one of ``rules``, when
    given) to a published valid ledger, by clearly more than rounding (≥ 1.00 万元, a flipped word,
    a count off by one or more).  Every rule returned fires with its own severity (error, or
    warning/note for the rules registered so); no other rule gives an error or a warning, except
    a mutation's documented ``collateral``.

    >>> from hypothesis import given, settings
    >>> from budgetacct import audit
    >>> @settings(max_examples=5, database=None, deadline=None)
    ... @given(broken_disclosures(rules=["R1", "R44"]))
    ... def check(case):
    ...     disclosure, expected = case
    ...     assert expected <= audit(disclosure).fired()
    >>> check()
    """
    return mutated_disclosures(rules).map(lambda pair: (pair[0], pair[1].expected))


# --- registration -----------------------------------------------------------------------------------------


def _from_type_strategies() -> dict[type[Any], SearchStrategy[Any]]:
    return {
        Amount: amounts(),
        Percent: percents(),
        Change: changes(),
        FunctionCode: function_codes(),
        EconomicCode: economic_codes(),
        RevenueItem: revenue_items(),
        ExpenditureItem: expenditure_items(),
        FundAmount: fund_amounts(),
        BudgetLine: budget_lines(),
        ThreePublicAccount: three_public(),
        ProcurementAccount: procurement(),
        PriorYear: prior_years(),
        Ledger: st.deferred(ledgers),
        Disclosure: st.deferred(disclosures),
        StatedChange: stated_changes(),
        SourceLine: source_lines(),
        KindLine: kind_lines(),
        FunctionLine: function_lines(),
        RevenueRow: revenue_rows(),
        EconomicLine: economic_lines(),
        FundFlow: fund_flows(),
        BudgetedFigure: budgeted_figures(),
        Count: counts(),
        UnitStaffing: unit_staffing(),
        Staffing: staffing(),
        Assets: assets(),
        Overview: st.deferred(overviews),
        Revenue: st.deferred(revenues),
        Expenditure: st.deferred(expenditures),
        Fiscal: st.deferred(fiscals),
        GeneralBudget: st.deferred(general_budgets),
        BasicExpenditure: st.deferred(basic_expenditures),
        ThreePublic: st.deferred(three_public_sections),
        FundSpending: st.deferred(fund_spendings),
        OperatingCosts: st.deferred(operating_costs),
        Procurement: st.deferred(procurement_sections),
        FundingSplit: funding_splits(),
        Indicator: indicators(),
        ProjectEvaluation: project_evaluations(),
        Performance: performances(),
        IndicatorValue: indicator_values(),
        Quantity: indicator_values(ValueKind.QUANTITATIVE),
        DateBound: indicator_values(ValueKind.DATE),
        Qualitative: indicator_values(ValueKind.QUALITATIVE),
    }


_REGISTERED: list[bool] = []


def _register_type_strategies() -> None:
    """Register every strategy above for ``st.from_type`` (once; later calls do nothing)."""
    if _REGISTERED:
        return
    _REGISTERED.append(True)
    for cls, strategy in _from_type_strategies().items():
        st.register_type_strategy(cls, strategy)


_register_type_strategies()
