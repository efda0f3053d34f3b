"""Mutations that break “三公”, the narrative and the report's form (audit groups B.5–B.10, rules
R27–R59): 三公 figures and counts, shares, worded changes and completions, 机关运行经费, 政府采购,
vehicles and staff, units, names and decimals."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Final

import attrs
from hypothesis import strategies as st

from budgetacct.codes import BasicExpensePart, EconomicCode
from budgetacct.model.disclosure import BudgetedFigure, Disclosure, EconomicLine, OperatingCosts, StatedChange
from budgetacct.model.enums import ExpenditureKind
from budgetacct.money import Amount, Direction, Percent
from budgetacct.strategies._helpers import (
    _CTX,
    _ZERO,
    _amount_of,
    _completion,
    _need,
    _raised,
    _raised_at,
    _replaced,
)
from budgetacct.strategies.codes import _function_entries
from budgetacct.strategies.mutation import Apply, _bump_basic_line, _delta, _mutation, _restate


def _refigure(figure: BudgetedFigure, actual: Amount) -> BudgetedFigure:
    """A 三公 figure with a new actual, its completion and worded comparisons recomputed from it."""
    return attrs.evolve(
        figure,
        actual=actual,
        completion=_completion(actual, figure.budget) if figure.completion is not None else None,
        versus_budget=(
            StatedChange.between(_need(figure.versus_budget.previous), actual)
            if figure.versus_budget is not None
            else None
        ),
        change=(
            StatedChange.between(_need(figure.change.previous), actual) if figure.change is not None else None
        ),
    )


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


def _m_three_public_code(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    basic = _need(d.basic_expenditure)
    reception = _need(_need(d.three_public).reception.actual)
    line = EconomicLine(EconomicCode.of("30217"), reception + _delta(draw), "公务接待费")
    return attrs.evolve(d, basic_expenditure=attrs.evolve(basic, lines=(*basic.lines, line)))


def _m_units(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    return attrs.evolve(d, units=("万元", draw(st.sampled_from(("元", "亿元")))))


def _m_counts(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    tp = _need(d.three_public)
    field = draw(st.sampled_from(("outbound_groups", "domestic_batches", "foreign_batches", "vehicles_held")))
    zero: dict[str, Any] = {field: 0}
    return attrs.evolve(d, three_public=attrs.evolve(tp, **zero))


def _m_basic_above(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    basic, expenditure = _need(d.basic_expenditure), _need(d.expenditure)
    department_basic = _need(expenditure.get(ExpenditureKind.BASIC)).amount
    delta = department_basic - _need(basic.total) + _delta(draw)
    lines = _bump_basic_line(draw, basic, BasicExpensePart.PERSONNEL, delta)
    changed = attrs.evolve(_raised(basic, delta, "total", "personnel"), lines=lines)
    return attrs.evolve(d, basic_expenditure=changed)


def _m_share(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    revenue = _need(d.revenue)
    index = draw(st.sampled_from([i for i, line in enumerate(revenue.lines) if line.share is not None]))
    step = Percent("1.00") if _need(revenue.lines[index].share).value <= 99 else Percent("-1.00")
    lines = _raised_at(revenue.lines, index, step, "share")
    return attrs.evolve(d, revenue=attrs.evolve(revenue, lines=lines))


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


def _m_beside_change(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    """会议费 or 培训费 printed with a change against last year whose amount does not add up."""
    field = draw(st.sampled_from(("meeting_costs", "training_costs")))
    previous = _amount_of(draw(st.integers(100, 100_000)), 2)
    actual = _amount_of(draw(st.integers(0, 100_000)), 2)
    change = StatedChange.between(previous, actual)
    if change.direction is Direction.FLAT:
        change = StatedChange(Direction.INCREASE, _delta(draw), previous=previous)
    else:
        change = attrs.evolve(change, amount=_need(change.amount) + _delta(draw))
    beside: dict[str, Any] = {field: BudgetedFigure(actual=actual, change=change)}
    return attrs.evolve(d, **beside)


def _m_completion(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    gb = _need(d.general_budget)
    # The item with the largest budget (≥ 100 万元): its completion is pinned to 0.01 points.
    index = max(range(len(gb.items)), key=lambda i: gb.items[i].budget or _ZERO)
    items = _raised_at(gb.items, index, Percent(draw(st.integers(5, 50))), "completion")
    return attrs.evolve(d, general_budget=attrs.evolve(gb, items=items))


def _m_item(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    gb = _need(d.general_budget)
    # An item of 0 is not printed in the tables, which then have no figure to disagree with (R68).
    index = draw(st.sampled_from([i for i, item in enumerate(gb.items) if item.amount]))
    item = gb.items[index]
    amount = item.amount + _delta(draw)
    completion = _completion(amount, item.budget) if item.completion is not None else None
    items = _replaced(gb.items, index, attrs.evolve(item, amount=amount, completion=completion))
    return attrs.evolve(d, general_budget=attrs.evolve(gb, items=items))


def _m_narrative_basic(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    basic = _need(d.basic_expenditure)
    changed = attrs.evolve(basic, personnel=_need(basic.personnel) + _delta(draw), lines=())
    return attrs.evolve(d, basic_expenditure=changed)


def _m_operating(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    costs = _need(d.operating_costs)
    amount = _need(_need(d.basic_expenditure).public) + _delta(draw)
    return attrs.evolve(
        d, operating_costs=OperatingCosts(amount=amount, change=_restate(costs.change, amount))
    )


def _m_procurement(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    p = _need(d.procurement)
    field = draw(st.sampled_from(("goods", "works", "services")))
    return attrs.evolve(d, procurement=_raised(p, _delta(draw), field))


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
    units = _raised_at(staff.units, 0, draw(st.integers(1, 5)), "authorized")
    return attrs.evolve(d, staffing=attrs.evolve(staff, units=units))


def _m_code_name(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    gb = _need(d.general_budget)
    index = draw(st.integers(0, len(gb.items) - 1))
    official = _need(gb.items[index].name)
    other = draw(
        st.sampled_from(tuple(dict.fromkeys(e.name for e in _function_entries(d.year, None, False))))
    )
    near = other.removesuffix("支出") == official.removesuffix("支出")
    renamed = attrs.evolve(gb.items[index], name=f"{official}（名称有误）" if near else other)
    return attrs.evolve(d, general_budget=attrs.evolve(gb, items=_replaced(gb.items, index, renamed)))


def _m_decimals(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    costs = _need(d.operating_costs)
    amount = _need(costs.amount)
    places = draw(st.integers(3, 4))
    longer = Amount(amount.value.quantize(Decimal(1).scaleb(-places, _CTX), context=_CTX))
    return attrs.evolve(d, operating_costs=attrs.evolve(costs, amount=longer))


def _m_quoted_total(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    section = _need(d.state_capital)
    raised = _raised(section, _delta(draw), "total", "opening_balance")
    changed = attrs.evolve(raised, change=_restate(section.change, _need(raised.total)))
    return attrs.evolve(d, state_capital=changed)


MUTATIONS: Final = (
    _mutation(
        "three-public-total",
        ["R27"],
        "the “三公” total of §七 is raised (its completion and changes recomputed)",
        _m_three_public("total"),
        restated=True,
    ),
    _mutation(
        "vehicle-operation",
        ["R28"],
        "公务用车运行维护费 of §七 is raised but not 公务用车购置及运行维护费",
        _m_three_public("vehicle_operation"),
        restated=True,
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
        "因公出国（境）费 and the “三公” total of §七 are raised above 一般公共预算 spending",
        _m_three_public("outbound", "total", above_general_budget=True),
        restated=True,
    ),
    _mutation(
        "basic-above-department",
        ["R21", "R36"],
        "§六's 一般公共预算 基本支出 (with 人员经费 and one 301 row) is raised above the department's 基本支出",
        _m_basic_above,
        why="the §六 total is also the 基本支出 column of the T6 table (R21)",
        restated=True,
    ),
    _mutation("share", ["R37"], "one revenue share is moved by one percentage point", _m_share),
    _mutation("direction-word", ["R38"], "the direction word of the revenue change is flipped", _m_direction),
    _mutation("change-amount", ["R38"], "the amount of the expenditure change is raised", _m_change_amount),
    _mutation("change-rate", ["R38"], "the rate of the 一般公共预算 change is raised", _m_change_rate),
    _mutation(
        "meeting-training-change",
        ["R38"],
        "会议费 or 培训费 is printed with a change against last year that does not add up",
        _m_beside_change,
    ),
    _mutation("completion", ["R39"], "one 完成预算% of §五(三) is raised by 5–50 points", _m_completion),
    _mutation(
        "general-item",
        ["R40"],
        "one item of §五(三) is raised (its 完成预算% recomputed from it)",
        _m_item,
        restated=True,
    ),
    _mutation(
        "narrative-personnel",
        ["R23", "R41"],
        "§六 is printed without its economic rows and with 人员经费 raised",
        _m_narrative_basic,
        why=("without economic rows R41 (narrative) and R23 (table) check the same identity"),
        restated=True,
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
        restated=True,
    ),
)
