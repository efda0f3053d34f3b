"""Mutations that break the project self-evaluations (rules R47–R63)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

import attrs
from hypothesis import strategies as st

from budgetacct.model.disclosure import Disclosure
from budgetacct.model.indicators import Quantity, parse_indicator_value
from budgetacct.model.performance import FundingSplit, Indicator, ProjectEvaluation
from budgetacct.money import Amount
from budgetacct.strategies._helpers import _CTX, _need, _raised, _replaced
from budgetacct.strategies.mutation import Apply, _delta, _mutation
from budgetacct.strategies.performance import _money_text, _quantity

ChangeEvaluation = Callable[[st.DrawFn, ProjectEvaluation], ProjectEvaluation]


def _on_largest(change: ChangeEvaluation, *, least: int = 1) -> Apply:
    """Apply ``change`` to the project table whose 执行数 is the largest (every broken-disclosure
    ledger has three, at least ``least`` of them published)."""

    def apply(draw: st.DrawFn, d: Disclosure) -> Disclosure:
        performance = _need(d.performance)
        evaluations = performance.evaluations
        assert len(evaluations) >= least
        index = max(range(len(evaluations)), key=lambda i: _need(evaluations[i].executed.total))
        changed = _replaced(evaluations, index, change(draw, evaluations[index]))
        return attrs.evolve(d, performance=attrs.evolve(performance, evaluations=changed))

    return apply


def _with_indicator(e: ProjectEvaluation, index: int, row: Indicator) -> ProjectEvaluation:
    return attrs.evolve(e, indicators=_replaced(e.indicators, index, row))


def _is_cost_indicator(indicator: Indicator) -> bool:
    return "成本" in indicator.level1 or "成本" in indicator.level2


def _first_other_indicator(e: ProjectEvaluation) -> int:
    return next(k for k, row in enumerate(e.indicators) if not _is_cost_indicator(row))


def _money_amount(text: str | None) -> Amount | None:
    if text is None or not text.endswith("万元"):
        return None
    return Amount(text.removesuffix("万元"))


def _cents_of(amount: Amount) -> int:
    return int(amount.value.scaleb(2, _CTX))


def _m_funding_part(draw: st.DrawFn, e: ProjectEvaluation) -> ProjectEvaluation:
    return attrs.evolve(e, budget=_raised(e.budget, _delta(draw), "fiscal"))


def _m_over_budget(draw: st.DrawFn, e: ProjectEvaluation) -> ProjectEvaluation:
    executed = _need(e.executed.total)
    total = executed - _delta(draw)
    fiscal = min(_need(e.budget.fiscal), total)
    return attrs.evolve(e, budget=FundingSplit(total=total, fiscal=fiscal, other=total - fiscal))


def _m_cost_actual(draw: st.DrawFn, e: ProjectEvaluation) -> ProjectEvaluation:
    rows = e.indicators
    costs = [j for j, row in enumerate(rows) if _is_cost_indicator(row)]
    spent = {j: _need(_money_amount(rows[j].actual)) for j in costs}
    j = max(costs, key=lambda k: spent[k])
    lowered = spent[j] - min(_delta(draw), spent[j])
    return _with_indicator(e, j, attrs.evolve(rows[j], actual=_money_text(_cents_of(lowered))))


def _m_not_met(draw: st.DrawFn, e: ProjectEvaluation) -> ProjectEvaluation:
    rows = e.indicators
    j = draw(st.sampled_from([k for k, row in enumerate(rows) if not _is_cost_indicator(row)]))
    target = parse_indicator_value(rows[j].target)
    failed = str(_quantity(0, target.unit)) if isinstance(target, Quantity) else "未完成"
    return _with_indicator(e, j, attrs.evolve(rows[j], actual=failed))


def _m_score(draw: st.DrawFn, e: ProjectEvaluation) -> ProjectEvaluation:
    weight = Decimal(draw(st.integers(1, 20)))
    scored = attrs.evolve(e.indicators[0], weight=weight, score=weight + Decimal(draw(st.integers(1, 10))))
    return _with_indicator(e, 0, scored)


def _m_grade(draw: st.DrawFn, e: ProjectEvaluation) -> ProjectEvaluation:
    score = Decimal(draw(st.integers(0, 59)))
    return attrs.evolve(e, total_score=score, grade=draw(st.sampled_from("优良中")))


def _m_table_count(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    performance = _need(d.performance)
    counted = len(performance.evaluations) + draw(st.integers(1, 3))
    return attrs.evolve(d, performance=attrs.evolve(performance, projects_self_evaluated=counted))


def _m_header(draw: st.DrawFn, e: ProjectEvaluation) -> ProjectEvaluation:
    field = draw(st.sampled_from(("department", "implementing_unit")))
    changed: dict[str, Any] = {field: f"{_need(getattr(e, field))}（其他单位）"}
    return attrs.evolve(e, **changed)


def _m_claim(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    performance = _need(d.performance)
    field = draw(st.sampled_from(("claims_fully_executed", "claims_no_balance")))
    claim: dict[str, Any] = {field: True}
    return attrs.evolve(d, performance=attrs.evolve(performance, **claim))


def _m_copied_text(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    performance = _need(d.performance)
    evaluations = performance.evaluations
    assert len(evaluations) >= 2
    first, second = draw(st.permutations(range(len(evaluations))))[:2]
    text = _need(evaluations[first].goal_expected)
    for index in (first, second):
        e = evaluations[index]
        j = _first_other_indicator(e)
        evaluations = _replaced(
            evaluations, index, _with_indicator(e, j, attrs.evolve(e.indicators[j], name=text))
        )
    return attrs.evolve(d, performance=attrs.evolve(performance, evaluations=evaluations))


def _m_unknown_label(draw: st.DrawFn, e: ProjectEvaluation) -> ProjectEvaluation:
    j = _first_other_indicator(e)
    label = draw(st.sampled_from(("工作成效指标", "履职效能指标")))
    return _with_indicator(e, j, attrs.evolve(e.indicators[j], level2=label))


MUTATIONS: Final = (
    _mutation(
        "funding-part",
        ["R47"],
        "a project's 预算数·财政拨款 is raised but not its 合计",
        _on_largest(_m_funding_part),
    ),
    _mutation(
        "over-budget",
        ["R48"],
        "a project's 预算数 (合计 and parts) is printed below its 执行数",
        _on_largest(_m_over_budget),
    ),
    _mutation(
        "cost-actual",
        ["R49"],
        "one 成本指标 actual value is lowered, so the cost indicators no longer add up to 执行数",
        _on_largest(_m_cost_actual),
    ),
    _mutation(
        "indicator-not-met",
        ["R50"],
        "a non-cost indicator's actual value misses its target",
        _on_largest(_m_not_met),
    ),
    _mutation(
        "score-above-weight", ["R51"], "an indicator is scored above its weight", _on_largest(_m_score)
    ),
    _mutation(
        "grade", ["R52"], "a project graded 优/良/中 with a total score below 60", _on_largest(_m_grade)
    ),
    _mutation(
        "table-count",
        ["R53"],
        "§十(四) names more self-evaluated projects than tables are published",
        _m_table_count,
    ),
    _mutation(
        "table-header", ["R54"], "one table names another department or unit", _on_largest(_m_header, least=3)
    ),
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
        _on_largest(_m_unknown_label),
    ),
)
