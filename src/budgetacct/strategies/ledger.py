"""The central strategies: :func:`ledgers` (valid department ledgers) and :func:`disclosures`."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from decimal import ROUND_FLOOR, Decimal
from typing import Any, Final

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from budgetacct.codes import BasicExpensePart
from budgetacct.model.disclosure import Assets, Disclosure, Staffing
from budgetacct.model.enums import ExpenditureKind, Fund, RevenueSource
from budgetacct.model.ledger import (
    BudgetLine,
    ExpenditureItem,
    FundAmount,
    Ledger,
    PriorYear,
    RevenueItem,
    ThreePublicAccount,
)
from budgetacct.money import Amount
from budgetacct.strategies._helpers import (
    _PROJECTS,
    _ZERO,
    _amount_of,
    _choices,
    _floor_cents,
    _integer,
    _maybe,
    _prior_figures,
    _split,
    _strategy_of,
    _units,
)
from budgetacct.strategies.codes import _basic_codes, _function_code_strategy
from budgetacct.strategies.ledger_parts import (
    _THREE_PUBLIC_LEAVES,
    _draw_assets,
    _draw_procurement,
    _draw_staffing,
    _draw_three_public,
    _expenditure_item,
    _optional_assets,
)
from budgetacct.strategies.ledger_parts import staffing as _staffing_strategy
from budgetacct.strategies.money import _amount_strategy
from budgetacct.strategies.performance import _draw_evaluation, _performance_of

_DEPARTMENTS: Final = (
    "示例部门",
    "攀枝花市西区人民政府办公室",
    "某市财政局",
    "某县教育和体育局",
    "某区卫生健康局",
    "某市生态环境局",
)

# The templates Ledger.publish knows.
TEMPLATES: Final = ("sichuan-2021", "all-lines")


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
            economic = draw(st.sampled_from(_basic_codes(year, classes))) if classes is not None else None
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
                **_prior_figures(PriorYear, lambda: draw(maybe), but="three_public"),
                three_public=(
                    _draw_three_public(draw, high, places)
                    if account is not None and draw(st.booleans())
                    else None
                ),
            ),
        )
    return ledger


@functools.cache
def _rich_ledgers() -> SearchStrategy[Ledger]:
    """The ledgers :func:`broken_disclosures` breaks: every figure a mutation needs is there, each
    forced line ≥ 100 万元."""
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
