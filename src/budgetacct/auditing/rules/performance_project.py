"""B.9 one project's table: funds, execution rate, cost indicators and indicator outcomes (R47–R50).

>>> from budgetacct import audit, load_example
>>> report = audit(load_example("xiqu-2021"), rules=["R49"])
>>> [(f.severity.value, f.path, f.expected, f.actual) for f in report]
[('error', '$.performance.evaluations[3].executed.total', '65.79', '68.79')]
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from budgetacct.auditing.check import Checker, Term
from budgetacct.auditing.rules.performance_reading import (
    BASE,
    HUNDRED,
    NINETY,
    ZERO,
    classify,
    cost_indicators,
    deviation_reason,
    evaluations_of,
    indicator_rows,
    measured,
    money_in_wan,
    total_of,
)
from budgetacct.model.enums import Severity
from budgetacct.model.indicators import (
    Direction,
    Evaluation,
    Outcome,
    Qualitative,
    Quantity,
    evaluate,
    parse_indicator_value,
)
from budgetacct.model.performance import FundingSplit
from budgetacct.money import Amount


def budget_and_spending_are_fiscal_plus_other(c: Checker) -> None:
    for i, e in enumerate(evaluations_of(c)):
        for name, label_zh, label_en in (("budget", "预算数", "budget"), ("executed", "执行数", "spending")):
            split: FundingSplit = getattr(e, name)
            parts = [
                (f"{BASE}[{i}].{name}.{part}", amount)
                for part, amount in (("fiscal", split.fiscal), ("other", split.other))
                if amount is not None
            ]
            if not parts:
                continue
            c.equal(
                f"{BASE}[{i}].{name}.total",
                split.total,
                parts,
                f"“{e.name}”{label_zh}与财政拨款、其他资金之和不符",
                f"“{e.name}”: the {label_en} differs from fiscal + other funds",
            )


def execution_rate_within_budget_and_explained(c: Checker) -> None:
    for i, e in enumerate(evaluations_of(c)):
        executed, budget = total_of(c, e.executed), total_of(c, e.budget)
        if executed is None or budget is None:
            continue
        path = f"{BASE}[{i}].executed.total"
        c.not_above(
            path, executed, budget, f"“{e.name}”执行数大于预算数", f"“{e.name}”: spending exceeds the budget"
        )
        bounds = c.ratio_range(executed, budget)
        if bounds is None or bounds[1] >= NINETY or deviation_reason(e) is not None:
            continue
        rate = (executed.value * HUNDRED / budget.value).quantize(Decimal("0.01"), ROUND_HALF_UP)
        c.emit(
            Severity.WARNING,
            path,
            f"“{e.name}”预算执行率{rate}%（{executed}/{budget}万元），低于90%，未说明偏差原因",
            f"“{e.name}”: execution rate {rate}% ({executed}/{budget}) is below 90% and no reason is given",
            expected="≥90%",
            actual=f"{rate}%",
            difference=budget.value - executed.value,
        )


def cost_indicators_agree_with_money(c: Checker) -> None:
    for i, e in enumerate(evaluations_of(c)):
        executed, budget = total_of(c, e.executed), total_of(c, e.budget)
        targets: list[Amount | None] = []
        actuals: list[Term | None] = []
        for j, indicator in cost_indicators(e):
            target = money_in_wan(parse_indicator_value(indicator.target))
            actual = measured(parse_indicator_value(indicator.actual)) if indicator.actual else None
            path = f"{BASE}[{i}].indicators[{j}].actual"
            targets.append(target)
            actuals.append((path, actual) if actual is not None else None)
            c.not_above(
                path,
                actual,
                executed,
                f"“{e.name}”成本指标“{indicator.name}”实际值大于项目执行数",
                f"“{e.name}”: cost indicator “{indicator.name}” exceeds the project's spending",
            )
        if not targets or budget is None or executed is None:
            continue
        if any(t is None for t in targets) or any(a is None for a in actuals):
            continue
        target_sum = sum((t.value for t in targets if t is not None), ZERO)
        slack = c.half(budget) + sum((c.half(t) for t in targets if t is not None), ZERO)
        if abs(target_sum - budget.value) > slack:
            continue  # the cost indicators describe part of the money only
        c.equal(
            f"{BASE}[{i}].executed.total",
            executed,
            actuals,
            f"“{e.name}”成本指标目标值合计等于预算数，其实际值合计却与执行数不符",
            f"“{e.name}”: the cost targets add up to the budget, but their actual values do not add up to the spending",
        )


def _unmeasurable_severity(evaluation: Evaluation) -> Severity:
    """How bad a 无法衡量 outcome is.

    A restated target (``≥95%`` → ``≥95%``), a statement against a number (``100%`` → ``已完成``) or
    an approximate cost (``80余万元``) is poor practice the tables are full of: a note.  A missing
    actual value, or units that do not compare (``100%`` → ``1台``), means the row is wrong: a warning.
    """
    t, a = evaluation.target, evaluation.actual
    if isinstance(a, Qualitative) and not a.statement.strip():
        return Severity.WARNING
    if isinstance(t, Quantity) and isinstance(a, Quantity) and a.operator is None:
        approximate = a.approximate and evaluation.direction is not Direction.HIGHER_IS_BETTER
        return Severity.NOTE if approximate else Severity.WARNING
    return Severity.NOTE


def indicators_met_in_their_direction(c: Checker) -> None:
    for i, e, j, indicator in indicator_rows(c):
        classification = classify(indicator)
        result = evaluate(indicator.target, indicator.actual or "", direction=classification.direction)
        if result.outcome is Outcome.MET:
            continue
        path = f"{BASE}[{i}].indicators[{j}].actual"
        label = f"“{e.name}”{classification.level2}“{indicator.name}”"
        figures: dict[str, object] = {"expected": indicator.target, "actual": indicator.actual}
        if result.outcome is Outcome.NOT_MET:
            c.emit(
                Severity.WARNING,
                path,
                f"{label}未达成：{result.reason_zh}",
                f"{indicator.name} not met: {result.reason_en}",
                **figures,
            )
            continue
        c.emit(
            _unmeasurable_severity(result),
            path,
            f"{label}无法衡量：{result.reason_zh}",
            f"{indicator.name} cannot be measured: {result.reason_en}",
            **figures,
        )
