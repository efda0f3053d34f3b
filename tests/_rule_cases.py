"""Helpers shared by the rule-body tests: small hand-built figures and the findings as rows."""

from __future__ import annotations

from budgetacct import Amount, Disclosure, Percent, Severity, StatedChange, audit
from budgetacct.auditing import Finding
from budgetacct.codes import FunctionCode
from budgetacct.model import (
    BudgetedFigure,
    ExpenditureKind,
    FunctionLine,
    Fund,
    FundFlow,
    KindLine,
    RevenueSource,
    SourceLine,
)
from budgetacct.money import Direction

A, P = Amount, Percent
E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTE
GB, GF, SC = Fund.GENERAL_BUDGET, Fund.GOVERNMENT_FUND, Fund.STATE_CAPITAL
BASIC, PROJECT = ExpenditureKind.BASIC, ExpenditureKind.PROJECT
INC, DEC, FLAT = Direction.INCREASE, Direction.DECREASE, Direction.FLAT


#: (severity, path, expected, actual, difference, tolerance, message zh, message en)
Row = tuple[Severity, str, str | None, str | None, str | None, str | None, str, str]


def disclosure(**sections: object) -> Disclosure:
    return Disclosure(year=2021, department="测试部门", **sections)  # type: ignore[arg-type]


def fl(code: str, amount: str, name: str | None = None, **columns: str) -> FunctionLine:
    """A 功能分类 line; ``columns`` are its optional figures (basic, project, share …) as text."""
    figures = {k: (P(v) if k in ("share", "completion") else A(v)) for k, v in columns.items()}
    return FunctionLine(FunctionCode(code), A(amount), name=name, **figures)  # type: ignore[arg-type]


def src(source: RevenueSource, amount: str, share: str | None = None) -> SourceLine:
    return SourceLine(source, A(amount), P(share) if share is not None else None)


def kind(k: ExpenditureKind, amount: str, share: str | None = None) -> KindLine:
    return KindLine(k, A(amount), P(share) if share is not None else None)


def flow(
    fund: Fund,
    opening: str | None = None,
    revenue: str | None = None,
    expenditure: str | None = None,
    closing: str | None = None,
) -> FundFlow:
    return FundFlow(
        fund, *(A(x) if x is not None else None for x in (opening, revenue, expenditure, closing))
    )


def row(f: Finding) -> Row:
    return (f.severity, f.path, f.expected, f.actual, f.difference, f.tolerance, f.message.zh, f.message.en)


def findings(d: Disclosure, rule: str) -> list[Row]:
    report = audit(d, rules=[rule])
    assert {f.rule for f in report} <= {rule}
    return [row(f) for f in report]


def fig(
    actual: str | None = None,
    budget: str | None = None,
    completion: str | None = None,
    versus: StatedChange | None = None,
    change: StatedChange | None = None,
) -> BudgetedFigure:
    return BudgetedFigure(
        actual=A(actual) if actual is not None else None,
        budget=A(budget) if budget is not None else None,
        completion=P(completion) if completion is not None else None,
        versus_budget=versus,
        change=change,
    )
