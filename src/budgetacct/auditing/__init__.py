"""The audit: every registered rule run over a Disclosure (or a Ledger, exactly).

>>> from budgetacct import load_example
>>> report = audit(load_example("xiqu-2021"))
>>> report.ok
False
>>> sorted(report.fired())[:3]
['R13', 'R37', 'R40']
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Context, DivisionByZero, InvalidOperation, Overflow, localcontext

from budgetacct.auditing import rules as _rules  # noqa: F401  (importing the package registers every rule)
from budgetacct.auditing.check import Checker
from budgetacct.auditing.finding import AuditReport, Finding, Message
from budgetacct.auditing.registry import REGISTRY, Rule, RuleRegistry, rule
from budgetacct.errors import InvalidValue
from budgetacct.model.coverage import Coverage
from budgetacct.model.disclosure import Disclosure
from budgetacct.model.enums import Fund, Severity
from budgetacct.model.ledger import Ledger

__all__ = [
    "REGISTRY",
    "AuditReport",
    "Finding",
    "Message",
    "Rule",
    "RuleRegistry",
    "Severity",
    "audit",
    "rule",
]


_AUDIT_CONTEXT = Context(prec=60, rounding=ROUND_HALF_UP, traps=[InvalidOperation, DivisionByZero, Overflow])


def _overspent_funds(ledger: Ledger) -> tuple[Finding, ...]:
    """A ledger that spends more than a fund holds cannot be published: R18 errors, one a fund."""
    findings = []
    for fund in Fund:
        closing = ledger.closing_balance(fund)
        if closing.value < 0:
            findings.append(
                Finding(
                    rule="R18",
                    severity=Severity.ERROR,
                    path=f"$.expenditure[fund={fund.value}]",
                    expected="≥0",
                    actual=str(closing),
                    difference=str(closing),
                    tolerance="0",
                    message=Message(
                        f"{fund.value}：支出超过年初结转和本年收入，年末结转和结余为{closing}万元",
                        f"{fund.value}: spending exceeds the opening balance and revenue; the closing balance is {closing}",
                    ),
                )
            )
    return tuple(findings)


def audit(
    obj: Disclosure | Ledger, *, rules: Iterable[str] | None = None, coverage: Coverage | None = None
) -> AuditReport:
    """Run every registered rule (or only ``rules``) and gather the findings.

    A :class:`Disclosure` is checked as published: figures are intervals of ±0.005 万元 and an
    identity that holds only within rounding is a note.  A :class:`Ledger` is published exactly
    (``places=None``) and checked with zero tolerance.  ``coverage`` — how much of a published
    report was read (:class:`~budgetacct.model.coverage.Coverage`) — travels with the report, and a
    report mostly not read is a finding (R72).
    """
    if isinstance(obj, Ledger):
        overspent = _overspent_funds(obj)
        if overspent:
            return AuditReport(findings=overspent, rules_run=("R18",), subject=f"{obj.department} {obj.year}")
        # Exact tables would be built from the same exact sums as the narrative, so every table
        # identity holds by construction: a ledger is checked on its narrative figures alone.
        disclosure, exact = obj.publish(places=None, tables=False), True
    elif isinstance(obj, Disclosure):
        disclosure, exact = obj, False
    else:
        raise InvalidValue("Disclosure 或 Ledger", "a Disclosure or a Ledger", type(obj).__name__)
    selected = list(REGISTRY) if rules is None else [REGISTRY[r] for r in rules]
    checker = Checker(disclosure, exact=exact)
    checker.coverage = coverage
    # Rules compare Decimals with ordinary operators; a private context (restored on exit, and
    # per task under asyncio) keeps a caller's decimal settings from changing any result.
    with localcontext(_AUDIT_CONTEXT):
        for entry in selected:
            checker.rule = entry
            entry.function(checker)
    findings = sorted(checker.findings, key=lambda f: (f.severity.rank, REGISTRY[f.rule].number, f.path))
    return AuditReport(
        findings=tuple(findings),
        rules_run=tuple(r.id for r in selected),
        subject=f"{disclosure.department} {disclosure.year}",
        coverage=coverage,
    )
