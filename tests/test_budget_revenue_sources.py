"""R81 and the budget change checks over every revenue source a budget prints, 财政专户管理资金收入
included (a source of its own beside the revenue lines in Jiangsu's and other provinces' budgets)."""

from __future__ import annotations

import pytest

from budgetacct import audit
from budgetacct.model.budget import Budget, BudgetLevel, BudgetRevenue
from budgetacct.model.disclosure import SourceLine, StatedChange
from budgetacct.model.enums import RevenueSource, Severity
from budgetacct.money import Amount, Direction, Percent


def _budget(revenue: BudgetRevenue) -> Budget:
    return Budget(year=2019, department="某厅", level=BudgetLevel.DEPARTMENT, revenue=revenue)


def _serious(budget: Budget) -> list[tuple[str, str]]:
    return [(f.rule, f.path) for f in audit(budget).findings if f.severity is not Severity.NOTE]


def _revenue(special: str, **changes: StatedChange) -> BudgetRevenue:
    return BudgetRevenue(
        total=Amount("1500.00"),
        lines=(
            SourceLine(RevenueSource.GENERAL_BUDGET, Amount("1000.00")),
            SourceLine(RevenueSource.OTHER, Amount("100.00")),
        ),
        special_account=Amount(special),
        **changes,
    )


def test_the_special_account_is_one_of_the_sources_the_total_adds_up() -> None:
    assert _serious(_budget(_revenue("400.00"))) == []


def test_a_special_account_that_does_not_close_the_total_is_an_error() -> None:
    assert _serious(_budget(_revenue("300.00"))) == [("R81", "$.revenue.total")]


@pytest.mark.parametrize(
    ("field", "increase"),
    [("other_change", "50.00"), ("special_account_change", "200.00")],
)
def test_the_changes_of_the_revenue_lines_are_checked(field: str, increase: str) -> None:
    # 其他收入 100 after +50 and 财政专户 400 after +200 are both +100 %: 90 % is wrong, 100 % right.
    wrong = StatedChange(Direction.INCREASE, Amount(increase), rate=Percent("90"))
    right = StatedChange(Direction.INCREASE, Amount(increase), rate=Percent("100"))
    path = f"$.revenue.{field}"
    assert [
        rule for rule, at in _serious(_budget(_revenue("400.00", **{field: wrong}))) if at.startswith(path)
    ]
    assert _serious(_budget(_revenue("400.00", **{field: right}))) == []
