"""A department's budget checked against the same year's 决算: :func:`audit_pair`.

The 决算 states the budget it was measured against (§五(三) each 项's 年初预算, the 一般公共预算
年初预算 total, §七 the 三公 预算数) and the completion rates.  :func:`audit_pair` checks those
figures against the budget report itself (rules R95–R98), after checking each report on its own.

>>> from budgetacct import load_example
>>> from budgetacct.model.budget_ledger import BudgetAccount
>>> ledger = load_example("xiqu-2021", "ledger")
>>> report = audit_pair(ledger.publish_budget(), ledger.publish())
>>> [rule for rule in report.rules_run if REGISTRY[rule].subject == "pair"]
['R95', 'R96', 'R97', 'R98']
"""

from __future__ import annotations

from budgetacct.auditing import REGISTRY, AuditReport, audit, run_rules
from budgetacct.auditing.rules.budget_pair import PairChecker
from budgetacct.errors import InvalidValue
from budgetacct.model.budget import Budget
from budgetacct.model.disclosure import Disclosure

__all__ = ["audit_pair"]


def audit_pair(budget: Budget, final: Disclosure, *, each: bool = True) -> AuditReport:
    """The budget against the same year's 决算 (R95–R98), with each report's own audit when ``each``.

    Findings of the pair rules have their ``path`` in the 决算 and the budget's path in
    ``related``; the budget's own findings keep the budget's paths, the 决算's its own.
    """
    if not isinstance(budget, Budget) or not isinstance(final, Disclosure):
        raise InvalidValue(
            "一份 Budget 和一份 Disclosure",
            "a Budget and a Disclosure",
            f"{type(budget).__name__}, {type(final).__name__}",
        )
    if budget.year != final.year:
        raise InvalidValue(
            f"{final.year}年的部门预算", f"a budget of {final.year}", budget.year, path="$.year"
        )
    paired = run_rules(PairChecker(final, budget), [entry for entry in REGISTRY if entry.subject == "pair"])
    if not each:
        return paired
    reports = (audit(budget), audit(final), paired)
    return AuditReport(
        findings=tuple(f for report in reports for f in report.findings),
        rules_run=tuple(r for report in reports for r in report.rules_run),
        subject=paired.subject,
    )
