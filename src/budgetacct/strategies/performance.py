"""Strategies for 预算绩效管理: indicator values, indicators, project self-evaluations."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal
from typing import Final

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from budgetacct.model.indicators import DateBound, IndicatorValue, Qualitative, Quantity, ValueKind
from budgetacct.model.performance import FundingSplit, Indicator, Performance, ProjectEvaluation
from budgetacct.money import Amount
from budgetacct.strategies._helpers import (
    _CTX,
    _PROJECTS,
    _amount_of,
    _choices,
    _drawn,
    _integer,
    _plain_number,
    _split,
    _units,
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
