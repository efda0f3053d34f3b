"""Helpers shared by the performance-rule tests: hand-built 自评表, the findings of one rule and
their figures as rows (the message texts are in the snapshots)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from budgetacct import Amount, Disclosure, Severity, audit
from budgetacct.auditing import Finding
from budgetacct.model.performance import FundingSplit, Indicator, Performance, ProjectEvaluation

A, D = Amount, Decimal
E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTE


#: (severity, path, expected, actual, difference, tolerance): what a test states by hand about a
#: finding. Its two message texts are compared with the module's snapshot (the ``messages`` fixture).
Figures = tuple[Severity, str, str | None, str | None, str | None, str | None]
#: The figures, followed by ``related`` only where a finding names other printings.
Row = Figures | tuple[Severity, str, str | None, str | None, str | None, str | None, tuple[str, ...]]


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
    figures: Figures = (f.severity, f.path, f.expected, f.actual, f.difference, f.tolerance)
    # None of these rules names other printings; a finding that did would not match its case's Row.
    return (*figures, f.related) if f.related else figures


def findings(d: Disclosure, rule: str) -> list[Finding]:
    """What ``rule`` alone finds in ``d``."""
    report = audit(d, rules=[rule])
    assert {f.rule for f in report} <= {rule}
    return list(report)
