"""Helpers shared by the rule-body tests: small hand-built figures, the findings of one rule and
their figures as rows (the message texts are in the snapshots)."""

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


#: (severity, path, expected, actual, difference, tolerance): what a test states by hand about a
#: finding. Its two message texts are compared with the module's snapshot (the ``messages`` fixture).
Figures = tuple[Severity, str, str | None, str | None, str | None, str | None]
#: The figures, followed by ``related`` only where a finding names other printings.
Row = Figures | tuple[Severity, str, str | None, str | None, str | None, str | None, tuple[str, ...]]


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
    figures: Figures = (f.severity, f.path, f.expected, f.actual, f.difference, f.tolerance)
    # None of these rules names other printings; a finding that did would not match its case's Row.
    return (*figures, f.related) if f.related else figures


def findings(d: Disclosure, rule: str) -> list[Finding]:
    """What ``rule`` alone finds in ``d``."""
    report = audit(d, rules=[rule])
    assert {f.rule for f in report} <= {rule}
    return list(report)


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
