"""What the budget rules share: the checker that carries a :class:`~budgetacct.model.budget.Budget`.

A budget's standard tables are checked by the generic table rules (R64–R66, R70, R71) exactly as a
决算's are: the checker hands them a table-only view (the budget's ``tables`` and ``table_set`` in
an otherwise empty Disclosure, so every path ``$.tables[…]`` is the budget's own), and the budget
rules (R80 and up) read the budget itself through :func:`budget_of`.
"""

from __future__ import annotations

from budgetacct.auditing.check import Checker
from budgetacct.model.budget import Budget
from budgetacct.model.disclosure import Disclosure

__all__ = ["BudgetChecker", "budget_of"]


class BudgetChecker(Checker):
    """A :class:`Checker` over a budget: ``b`` is the budget, ``d`` its tables as a Disclosure view."""

    def __init__(self, budget: Budget, *, exact: bool) -> None:
        super().__init__(
            Disclosure(
                year=budget.year,
                department=budget.department,
                tables=budget.tables,
                table_set=budget.table_set,
            ),
            exact=exact,
        )
        self.b = budget


def budget_of(c: Checker) -> Budget | None:
    """The budget a checker checks, or ``None`` when it checks a 决算."""
    return c.b if isinstance(c, BudgetChecker) else None
