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

from budgetacct.audit import rules as _rules  # noqa: F401  (registers the rules)
from budgetacct.audit.check import Checker
from budgetacct.audit.finding import AuditReport, Finding, Message
from budgetacct.audit.registry import REGISTRY, Rule, RuleRegistry, rule
from budgetacct.errors import InvalidValue
from budgetacct.model.disclosure import Disclosure
from budgetacct.model.enums import Severity
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


def audit(obj: Disclosure | Ledger, *, rules: Iterable[str] | None = None) -> AuditReport:
    """Run every registered rule (or only ``rules``) and gather the findings.

    A :class:`Disclosure` is checked as published: figures are intervals of ±0.005 万元 and an
    identity that holds only within rounding is a note.  A :class:`Ledger` is published exactly
    (``places=None``) and checked with zero tolerance.
    """
    if isinstance(obj, Ledger):
        disclosure, exact = obj.publish(places=None), True
    elif isinstance(obj, Disclosure):
        disclosure, exact = obj, False
    else:
        raise InvalidValue("Disclosure 或 Ledger", "a Disclosure or a Ledger", type(obj).__name__)
    selected = list(REGISTRY) if rules is None else [REGISTRY[r] for r in rules]
    checker = Checker(disclosure, exact=exact)
    for entry in selected:
        checker.rule = entry
        entry.function(checker)
    findings = sorted(checker.findings, key=lambda f: (f.severity.rank, REGISTRY[f.rule].number, f.path))
    return AuditReport(
        findings=tuple(findings),
        rules_run=tuple(r.id for r in selected),
        subject=f"{disclosure.department} {disclosure.year}",
    )
