"""budgetacct used the way another project would use it: as the reference for its own tests.

Only the public API is imported — ``budgetacct``, ``budgetacct.strategies`` and ``hypothesis`` —
as in a project that depends on ``budgetacct[strategies]``.  The "system under test" here is a
small stand-alone checker written against plain numbers, as a consumer's own code would be.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import budgetacct
from budgetacct import Amount, Disclosure, Ledger, RevenueSource, Severity
from budgetacct.strategies import broken_disclosures, disclosures, ledgers


def my_revenue_total_is_consistent(disclosure: Disclosure) -> bool:
    """A consumer's own check: the revenue total is the sum of the printed sources, give or take
    half a cent per printed figure."""
    revenue = disclosure.revenue
    if revenue is None or revenue.total is None or not revenue.lines:
        return True
    parts = sum((line.amount.value for line in revenue.lines), Decimal(0))
    slack = Decimal("0.005") * (len(revenue.lines) + 1)
    return abs(revenue.total.value - parts) <= slack


@settings(deadline=None)
@given(st.from_type(Ledger))
def test_from_type_gives_valid_ledgers(ledger: Ledger) -> None:
    report = budgetacct.audit(ledger)
    assert report.ok
    assert all(f.severity is not Severity.WARNING for f in report.findings)
    assert (
        ledger.grand_total()
        == ledger.revenue_total() + ledger.non_fiscal_balance_used + ledger.opening_balance()
    )


@settings(deadline=None)
@given(st.from_type(Disclosure))
def test_my_checker_accepts_every_valid_disclosure(disclosure: Disclosure) -> None:
    assert my_revenue_total_is_consistent(disclosure)
    assert budgetacct.audit(disclosure).ok


@settings(deadline=None)
@given(broken_disclosures(rules=["R1"]))
def test_my_checker_agrees_with_budgetacct_on_broken_revenue(case: tuple[Disclosure, frozenset[str]]) -> None:
    disclosure, expected = case
    assert "R1" in expected
    assert not my_revenue_total_is_consistent(disclosure)
    assert expected <= budgetacct.audit(disclosure).fired()


@settings(deadline=None, max_examples=50)
@given(broken_disclosures())
def test_every_broken_disclosure_is_reported(case: tuple[Disclosure, frozenset[str]]) -> None:
    disclosure, expected = case
    report = budgetacct.audit(disclosure)
    assert expected <= report.fired()


@settings(deadline=None, max_examples=50)
@given(disclosures(ledgers=ledgers(max_items=3, places=2), templates=["all-lines"]))
def test_all_lines_template_lists_every_source(disclosure: Disclosure) -> None:
    assert disclosure.revenue is not None
    assert [line.source for line in disclosure.revenue.lines] == list(RevenueSource)
    assert all(
        line.amount.value == line.amount.value.quantize(Decimal("0.01")) for line in disclosure.revenue.lines
    )
    assert sum((line.amount for line in disclosure.revenue.lines), Amount(0)).places() <= 2
