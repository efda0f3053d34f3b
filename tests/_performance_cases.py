"""Helpers shared by the performance-rule tests: hand-built 自评表 and the findings as rows."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from budgetacct import Amount, Disclosure, Severity, audit
from budgetacct.auditing import Finding
from budgetacct.model.performance import FundingSplit, Indicator, Performance, ProjectEvaluation

A, D = Amount, Decimal
E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTE


#: (severity, path, expected, actual, difference, tolerance, message zh, message en)
Row = tuple[Severity, str, str | None, str | None, str | None, str | None, str, str]


def split(total: str | None, fiscal: str | None = None, other: str | None = None) -> FundingSplit:
    return FundingSplit(*(A(x) if x is not None else None for x in (total, fiscal, other)))


def project(
    name: str,
    *,
    budget: FundingSplit | None = None,
    executed: FundingSplit | None = None,
    indicators: Sequence[Indicator] = (),
    **fields: object,
) -> ProjectEvaluation:
    return ProjectEvaluation(
        name,
        budget=budget or FundingSplit(),
        executed=executed or FundingSplit(),
        indicators=tuple(indicators),
        **fields,  # type: ignore[arg-type]
    )


def ind(
    level1: str,
    level2: str,
    name: str,
    target: str,
    actual: str | None,
    weight: str | None = None,
    score: str | None = None,
    reason: str | None = None,
) -> Indicator:
    return Indicator(
        level1,
        level2,
        name,
        target,
        actual,
        weight=D(weight) if weight is not None else None,
        score=D(score) if score is not None else None,
        deviation_reason=reason,
    )


def cost(name: str, target: str, actual: str | None, reason: str | None = None) -> Indicator:
    return ind("产出指标", "成本指标", name, target, actual, reason=reason)


def disclosure(*evaluations: ProjectEvaluation, **sections: object) -> Disclosure:
    performance = sections.pop("performance", None) or Performance(evaluations=evaluations)
    return Disclosure(year=2021, department="测试部门", performance=performance, **sections)  # type: ignore[arg-type]


def row(f: Finding) -> Row:
    return (f.severity, f.path, f.expected, f.actual, f.difference, f.tolerance, f.message.zh, f.message.en)


def findings(d: Disclosure, rule: str) -> list[Row]:
    report = audit(d, rules=[rule])
    assert {f.rule for f in report} <= {rule}
    return [row(f) for f in report]
