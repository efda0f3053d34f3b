"""A budget against the same year's 决算 (R95–R98): the figures the 决算 states as its budget."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from budgetacct import Amount, load_example
from budgetacct.errors import InvalidValue
from budgetacct.model.enums import Severity
from budgetacct.model.ledger import Ledger
from budgetacct.pair import audit_pair
from budgetacct.strategies.ledger import ledgers


def _alarms(report) -> set[str]:  # type: ignore[no-untyped-def]
    return {f.rule for f in report.findings if f.severity is not Severity.NOTE}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers())
def test_a_ledgers_budget_and_final_accounts_agree(ledger: Ledger) -> None:
    assert _alarms(audit_pair(ledger.publish_budget(), ledger.publish(), each=False)) == set()


def _pair():  # type: ignore[no-untyped-def]
    ledger = load_example("xiqu-2021", "ledger")
    return ledger.publish_budget(), ledger.publish()


def test_the_seed_agrees_with_its_own_budget() -> None:
    budget, final = _pair()
    report = audit_pair(budget, final, each=False)
    assert report.rules_run == ("R95", "R96", "R97", "R98")
    assert _alarms(report) == set()


def test_an_item_budget_unlike_the_budget_report_is_an_error() -> None:
    budget, final = _pair()
    g = final.general_budget
    item = attrs.evolve(g.items[0], budget=g.items[0].budget + Amount("10"))
    final = attrs.evolve(final, general_budget=attrs.evolve(g, items=(item, *g.items[1:])))
    findings = [f for f in audit_pair(budget, final, each=False).findings if f.rule == "R95"]
    assert [f.path for f in findings] == ["$.general_budget.items[0].budget"]
    assert findings[0].severity is Severity.ERROR
    assert findings[0].related == ("$.general_budget.items[0].amount",)
    # the printed completion rate still follows the budget report's figure
    assert "R98" not in _alarms(audit_pair(budget, final, each=False))


def test_the_total_and_the_three_public_budgets_are_compared() -> None:
    budget, final = _pair()
    g = final.general_budget
    final = attrs.evolve(final, general_budget=attrs.evolve(g, detail_budget=g.detail_budget + Amount("5")))
    t = final.three_public
    reception = attrs.evolve(t.reception, budget=t.reception.budget + Amount("2"))
    final = attrs.evolve(final, three_public=attrs.evolve(t, reception=reception))
    assert {"R96", "R97"} <= _alarms(audit_pair(budget, final, each=False))


def test_a_completion_rate_off_the_budget_report_is_an_error() -> None:
    budget, final = _pair()
    g = final.general_budget
    index = next(i for i, item in enumerate(g.items) if item.completion is not None)
    item = g.items[index]
    wrong = attrs.evolve(item, completion=type(item.completion)(item.completion.value + 5))
    items = (*g.items[:index], wrong, *g.items[index + 1 :])
    final = attrs.evolve(final, general_budget=attrs.evolve(g, items=items))
    assert "R98" in _alarms(audit_pair(budget, final, each=False))


def test_each_report_is_audited_too_and_years_must_match() -> None:
    budget, final = _pair()
    report = audit_pair(budget, final)
    assert {"R1", "R80", "R95"} <= set(report.rules_run)
    with pytest.raises(InvalidValue):
        audit_pair(attrs.evolve(budget, year=2020), final)
