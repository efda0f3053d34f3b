"""The audit: every registered rule run over a Disclosure (or a Ledger, exactly).

>>> from budgetacct import load_example
>>> report = audit(load_example("xiqu-2021"))
>>> report.ok
False
>>> sorted(report.fired())[:3]
['R13', 'R37', 'R40']
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Context, DivisionByZero, InvalidOperation, Overflow, localcontext
from typing import Final

from budgetacct.auditing import rules as _rules  # noqa: F401  (importing the package registers every rule)
from budgetacct.auditing.check import Checker
from budgetacct.auditing.finding import AuditReport, Finding, Message
from budgetacct.auditing.registry import REGISTRY, Rule, RuleRegistry, rule
from budgetacct.errors import InvalidValue
from budgetacct.model.budget import Budget
from budgetacct.model.budget_ledger import BudgetAccount
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


def _overspent_funds(ledger: Ledger, items: str = "expenditure") -> tuple[Finding, ...]:
    """A ledger (or a budget's items) spending more than a fund holds cannot be published: R18
    errors, one a fund, at ``$.<items>[fund=…]``."""
    findings = []
    for fund in Fund:
        closing = ledger.closing_balance(fund)
        if closing.value < 0:
            findings.append(
                Finding(
                    rule="R18",
                    severity=Severity.ERROR,
                    path=f"$.{items}[fund={fund.value}]",
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


#: The generic rules that check a budget as they check a 决算: its tables' sums, its empty tables'
#: notes, how much of a published budget was read, and the years it prints.
BUDGET_TABLE_RULES: Final = ("R64", "R65", "R66", "R70", "R71", "R72", "R100")


def _applies(entry: Rule, subject: str) -> bool:
    return entry.subject == subject or (subject == "budget" and entry.id in BUDGET_TABLE_RULES)


# The rules of each subject, chosen once for a registry of a given size (rules are only ever
# added): choosing them on every call was a test of each of a hundred rules per audit.
_APPLYING: dict[tuple[str, RuleRegistry, int], tuple[Rule, ...]] = {}


def _applying(subject: str) -> tuple[Rule, ...]:
    key = (subject, REGISTRY, len(REGISTRY))
    found = _APPLYING.get(key)
    if found is None:
        found = _APPLYING[key] = tuple(entry for entry in REGISTRY if _applies(entry, subject))
    return found


def audit(
    obj: Disclosure | Ledger | Budget | BudgetAccount,
    *,
    rules: Iterable[str] | None = None,
    coverage: Coverage | None = None,
) -> AuditReport:
    """Run every registered rule that applies (or only ``rules``) and gather the findings.

    A :class:`Disclosure` is checked as published: figures are intervals of ±0.005 万元 and an
    identity that holds only within rounding is a note.  A :class:`Ledger` is published exactly
    (``places=None``) and checked with zero tolerance.  A :class:`~budgetacct.model.budget.Budget`
    is checked by the budget rules (R80 and up) and the generic table rules on its tables; a
    :class:`~budgetacct.model.budget_ledger.BudgetAccount` is published exactly and checked so.
    ``coverage`` — how much of a published report was read
    (:class:`~budgetacct.model.coverage.Coverage`) — travels with the report, and a report mostly
    not read is a finding (R72).
    """
    checker: Checker
    if isinstance(obj, Budget | BudgetAccount):
        from budgetacct.auditing.rules.budget_common import BudgetChecker
        from budgetacct.model.budget_publish import publish_budget

        if isinstance(obj, BudgetAccount):
            overspent = _overspent_funds(obj.as_ledger(), "items")
            if overspent:
                subject_name = f"{obj.department} {obj.year}"
                return AuditReport(findings=overspent, rules_run=("R18",), subject=subject_name)
            budget = publish_budget(obj, places=None)
        else:
            budget = obj
        subject, checker = "budget", BudgetChecker(budget, exact=isinstance(obj, BudgetAccount))
    elif isinstance(obj, Ledger):
        # A shallow copy (the same items, no validation) is published: the totals a ledger
        # derives and keeps once asked go with the copy when the audit ends, instead of staying
        # on the caller's ledger — about 80 objects a department that the collector would
        # traverse for as long as the ledger lives (a province audited in memory: 15 % of the
        # audit's time was the collector's, for these alone).
        ledger = copy.copy(obj)
        overspent = _overspent_funds(ledger)
        if overspent:
            return AuditReport(findings=overspent, rules_run=("R18",), subject=f"{obj.department} {obj.year}")
        # Exact tables would be built from the same exact sums as the narrative, so every table
        # identity holds by construction: a ledger is checked on its narrative figures alone.
        subject, checker = "disclosure", Checker(ledger.publish(places=None, tables=False), exact=True)
    elif isinstance(obj, Disclosure):
        subject, checker = "disclosure", Checker(obj, exact=False)
    else:
        raise InvalidValue(
            "Disclosure、Ledger、Budget 或 BudgetAccount",
            "a Disclosure, a Ledger, a Budget or a BudgetAccount",
            type(obj).__name__,
        )
    checker.coverage = coverage
    if rules is None:
        selected = list(_applying(subject))
    else:
        selected = [REGISTRY[r] for r in rules if _applies(REGISTRY[r], subject)]
    return run_rules(checker, selected)


def run_rules(checker: Checker, selected: Iterable[Rule]) -> AuditReport:
    """Run ``selected`` rules with ``checker`` in the audit's decimal context; the report, sorted."""
    selected = list(selected)
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
        subject=f"{checker.d.department} {checker.d.year}",
        coverage=checker.coverage,
    )
