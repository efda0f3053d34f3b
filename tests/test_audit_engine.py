"""The audit engine around the rules: what an audit leaves behind and the order rules run in."""

from __future__ import annotations

import gc

import pytest

from budgetacct import Disclosure, Ledger, audit, load_example
from budgetacct.auditing import REGISTRY, Rule, RuleRegistry
from budgetacct.auditing.check import Checker
from budgetacct.model.enums import Severity


def _fresh_ledger() -> Ledger:
    ledger = load_example("xiqu-2021", "ledger")
    assert isinstance(ledger, Ledger)
    return ledger


def _rows(ledger: Ledger) -> list[tuple[str, str, str, str | None, str | None]]:
    return [(f.rule, f.severity.value, f.path, f.expected, f.actual) for f in audit(ledger)]


def test_auditing_a_ledger_keeps_nothing_on_it() -> None:
    ledger = _fresh_ledger()
    before = [id(referent) for referent in gc.get_referents(ledger)]
    audit(ledger)
    assert [id(referent) for referent in gc.get_referents(ledger)] == before


def test_a_ledger_audits_the_same_whether_or_not_its_totals_were_derived_before() -> None:
    untouched, asked = _fresh_ledger(), _fresh_ledger()
    asked.revenue_total(), asked.closing_balance()  # the ledger now keeps its derived totals
    assert _rows(untouched) == _rows(asked) == _rows(untouched)
    assert audit(untouched).subject == audit(asked).subject == f"{untouched.department} {untouched.year}"


def _noop(c: Checker) -> None:
    """A rule that finds nothing."""


def test_a_registry_iterates_by_number_whatever_the_order_rules_were_added_in() -> None:
    reg = RuleRegistry()
    for rule_id in ("R40", "R7", "R100", "R12", "R1"):
        reg.add(Rule(rule_id, "中文", "English", "a = b", Severity.ERROR, "0", _noop))
        assert [r.number for r in reg] == sorted(r.number for r in reg)
    assert reg.ids() == ("R1", "R7", "R12", "R40", "R100")
    # Iterating twice gives the same rules, and iterating does not consume the registry.
    assert list(reg) == list(reg)


def test_the_global_registry_runs_in_number_order() -> None:
    numbers = [r.number for r in REGISTRY]
    assert numbers == sorted(numbers) and len(numbers) == len(REGISTRY)
    assert audit(_fresh_ledger()).rules_run == tuple(r.id for r in REGISTRY if r.subject == "disclosure")


def test_an_audit_runs_the_rules_registered_by_the_time_it_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    import budgetacct.auditing as auditing

    reg = RuleRegistry()
    monkeypatch.setattr(auditing, "REGISTRY", reg)
    d = Disclosure(year=2021, department="示例部门")

    def rule_entry(rule_id: str, subject: str = "disclosure") -> Rule:
        return Rule(rule_id, "中文", "English", "a = b", Severity.ERROR, "0", _noop, subject=subject)

    reg.add(rule_entry("R5"))
    reg.add(rule_entry("R81", "budget"))
    assert audit(d).rules_run == ("R5",)
    reg.add(rule_entry("R2"))
    assert audit(d).rules_run == ("R2", "R5")
    other = RuleRegistry()
    monkeypatch.setattr(auditing, "REGISTRY", other)
    other.add(rule_entry("R7"))
    other.add(rule_entry("R8"))
    other.add(rule_entry("R9"))
    # A registry of the same size as one audited before is still asked for its own rules.
    assert audit(d).rules_run == ("R7", "R8", "R9")
