"""Two years of one department: year-on-year changes, and an audit of the changes a report states.

    python examples/compare_years.py

Builds the 2020 and 2021 ledgers of one department from line items, gives the 2021 ledger the
2020 figures as its ``prior`` year, publishes 2021 (which words each change: 增加/减少 …万元,
增长/下降 …%), prints the comparison, and audits the stated changes (rule R38).  It then
misprints one stated change, as a hurried compiler might, and shows the audit catching it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import attrs

from budgetacct import (
    Amount,
    Change,
    ExpenditureItem,
    ExpenditureKind,
    Fund,
    Ledger,
    Percent,
    RevenueItem,
    RevenueSource,
    audit,
)
from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.model import FundAmount, PriorYear, StatedChange
from budgetacct.render import change_phrase

DEPARTMENT = "示例市示例局"
GENERAL = Fund.GENERAL_BUDGET
BASIC, PROJECT = ExpenditureKind.BASIC, ExpenditureKind.PROJECT


def spend(code: str, kind: ExpenditureKind, amount: str, economic: str) -> ExpenditureItem:
    return ExpenditureItem(FunctionCode(code), GENERAL, kind, Amount(amount), EconomicCode(economic))


def ledger(year: int, salaries: str, office: str, project: str, pension: str, other: str) -> Ledger:
    """One year's account: the same structure, different amounts."""
    items = (
        spend("2010301", BASIC, salaries, "30101"),
        spend("2010301", BASIC, office, "30201"),
        spend("2010302", PROJECT, project, "30227"),
        spend("2080505", BASIC, pension, "30108"),
    )
    spending = sum((item.amount for item in items), Amount(0))
    return Ledger(
        year=year,
        department=DEPARTMENT,
        revenue=(
            RevenueItem(RevenueSource.GENERAL_BUDGET, spending),
            RevenueItem(RevenueSource.OTHER, Amount(other)),
        ),
        expenditure=items,
        operating_costs=Amount(office),
    )


def prior_of(previous: Ledger) -> PriorYear:
    """The figures of ``previous`` that next year's report compares with."""
    return PriorYear(
        grand_total=previous.grand_total(),
        fiscal_grand_total=previous.fiscal_grand_total(),
        revenue_total=previous.revenue_total(),
        expenditure_total=previous.expenditure_total(),
        general_budget_expenditure=previous.expenditure_total(funds=(GENERAL,)),
        operating_costs=previous.operating_costs,
    )


def stated(change: StatedChange | None) -> str:
    if change is None:
        return "(not stated)"
    words = [change.direction.value]
    if change.amount is not None:
        words.append(f"{change.amount}万元")
    if change.rate is not None:
        words.append(f"{change.direction.rate_word}{change.rate}%")
    return " ".join(words)


def main(argv: Sequence[str] | None = None) -> int:
    y2020 = ledger(2020, "236.5", "40.1", "62", "24.3", "1.8")
    carried = tuple(FundAmount(f, y2020.closing_balance(f)) for f in Fund if y2020.closing_balance(f))
    y2021 = attrs.evolve(
        ledger(2021, "245.1288", "42.37", "45", "26.4518", "3.2"),
        opening_balances=carried,  # last year's closing balance is this year's opening balance
        prior=prior_of(y2020),
    )

    figures = [
        ("收支总计 grand total", Ledger.grand_total),
        ("本年收入合计 revenue", Ledger.revenue_total),
        ("本年支出合计 spending", lambda led: led.expenditure_total()),
        ("机关运行经费 operating costs", lambda led: led.operating_costs or Amount(0)),
    ]
    print(f"{DEPARTMENT}: 2020 → 2021 (万元)")
    for name, get in figures:
        before, after = get(y2020).rounded(), get(y2021).rounded()
        print(f"  {name}: {before} → {after}  {change_phrase(Change(before, after))}")

    published = y2021.publish()
    stated_changes = {
        "$.overview.change": published.overview.change if published.overview else None,
        "$.revenue.change": published.revenue.change if published.revenue else None,
        "$.expenditure.change": published.expenditure.change if published.expenditure else None,
        "$.general_budget.change": published.general_budget.change if published.general_budget else None,
        "$.operating_costs.change": published.operating_costs.change if published.operating_costs else None,
    }
    print("\nchanges as the 2021 report states them:")
    for path, change in stated_changes.items():
        print(f"  {path}: {stated(change)}")

    report = audit(published, rules=["R38"])
    print(f"\naudit of the stated changes (R38): {len(report)} finding(s)")

    # A slip: the revenue change printed with its rate's digits swapped.
    revenue = published.revenue
    assert revenue is not None
    change = revenue.change
    assert change is not None
    assert change.rate is not None
    digits = str(change.rate)
    swapped = Percent(digits[:-2] + digits[-1] + digits[-2])
    misprinted = attrs.evolve(
        published, revenue=attrs.evolve(revenue, change=attrs.evolve(change, rate=swapped))
    )
    print(f"\nmisprinting the revenue change as {stated(attrs.evolve(change, rate=swapped))}:")
    for finding in audit(misprinted, rules=["R38"]):
        print(f"  {finding.rule} {finding.severity.value} {finding.path}")
        print(f"    {finding.message.zh}")
        print(f"    {finding.message.en}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
