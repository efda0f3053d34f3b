"""Rules between a department's budget and the same year's 决算 (R95–R98).

The 决算 measures the year against the budget: §五(三) gives each 项's 年初预算 and 完成年初预算%,
§五 the 一般公共预算 年初预算 total, §七 the 三公 预算数 (and the 会议费/培训费 预算数 printed in or
beside it).  Those figures should be the budget
report's own, and the completion rates should follow from them.  A finding's ``path`` is in the
决算; ``related`` holds the budget's path of the figure compared (``$.general_budget.items[2].amount``
in the budget report).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final, NamedTuple

from budgetacct.auditing.check import Checker
from budgetacct.auditing.rules._common import BESIDE_THREE_PUBLIC, BUDGET_THREE_PUBLIC_FIGURES
from budgetacct.auditing.rules.budget_common import BudgetChecker
from budgetacct.auditing.rules.table_cells import CellRef, find
from budgetacct.codes import FunctionCode
from budgetacct.model.budget import Budget
from budgetacct.model.disclosure import BudgetedFigure, Disclosure
from budgetacct.model.tables import Basis, Column, Line, Measure, TableKind
from budgetacct.money import Amount

__all__ = ["PairChecker"]

_PAIR: Final = "预算与决算"


class PairChecker(Checker):
    """A checker over a 决算 (``d``) with the same year's budget beside it (``budget``)."""

    def __init__(self, final: Disclosure, budget: Budget) -> None:
        super().__init__(final, exact=False)
        self.budget = budget
        # The budget's figures are found in its tables through a checker of its own.
        self.budget_checker = BudgetChecker(budget, exact=False)


def _pair(c: Checker) -> PairChecker | None:
    """The checker as a pair's (``d`` the 决算, ``budget`` the budget), or ``None`` outside a pair audit."""
    return c if isinstance(c, PairChecker) else None


def _planned_item(p: PairChecker, code: FunctionCode) -> tuple[str, Amount] | None:
    """The budget's 一般公共预算 figure for ``code``: its narrative item, else its table row."""
    general = p.budget.general_budget
    if general is not None:
        for i, item in enumerate(general.items):
            if item.code == code:
                return f"$.general_budget.items[{i}].amount", item.amount
    found = find(
        p.budget_checker, CellRef(TableKind.BUDGET_GENERAL, code, Column(Measure.TOTAL, Basis.BUDGET))
    )
    if found is None:
        return None
    return found.path, found.amount


def _general_total(p: PairChecker) -> tuple[str, Amount] | None:
    general = p.budget.general_budget
    if general is not None and general.total is not None:
        return "$.general_budget.total", general.total
    found = find(
        p.budget_checker, CellRef(TableKind.BUDGET_GENERAL, Line.TOTAL, Column(Measure.TOTAL, Basis.BUDGET))
    )
    return None if found is None else (found.path, found.amount)


class _Compared(NamedTuple):
    """A 三公 figure (or 会议费, 培训费) that both documents print."""

    path: str  # in the 决算
    figure: BudgetedFigure  # the 决算's
    planned_path: str  # in the budget
    planned: Amount
    zh: str  # what a message names it by
    en: str
    en_budget: str  # what a message names its budget by


def _three_public(p: PairChecker) -> Iterator[_Compared]:
    final, planned = p.d.three_public, p.budget.three_public
    if final is not None and planned is not None:
        for name in BUDGET_THREE_PUBLIC_FIGURES:
            figure: BudgetedFigure = getattr(final, name)
            amount = getattr(planned, name).amount
            if amount is not None:
                path = f"$.three_public.{name}"
                zh, en, en_budget = f"“三公”经费（{name}）", f"三公 ({name})", f"三公 budget ({name})"
                yield _Compared(path, figure, f"{path}.amount", amount, zh, en, en_budget)
    for name, zh, en in BESIDE_THREE_PUBLIC:
        stated, budgeted = getattr(p.d, name), getattr(p.budget, name)
        if stated is not None and budgeted is not None and budgeted.amount is not None:
            yield _Compared(f"$.{name}", stated, f"$.{name}.amount", budgeted.amount, zh, en, f"{en} budget")


def _as_budgeted(
    c: Checker, path: str, stated: Amount | None, zh: str, en: str, *, budget: tuple[str, Amount]
) -> None:
    """The 决算's ``stated`` budget figure (``zh``/``en`` name it) is the budget report's figure
    (``budget``: its path there and its amount)."""
    planned_path, amount = budget
    c.equal(
        path,
        stated,
        [amount],
        f"{zh}与部门预算公开的数不符",
        f"{en} differs from the budget report's",
        related=(planned_path,),
    )


def items_against_budget(c: Checker) -> None:
    """§五(三) 各项 年初预算 = the budget report's figure for that 项."""
    p = _pair(c)
    if p is None or p.d.general_budget is None:
        return
    for i, item in enumerate(p.d.general_budget.items):
        planned = _planned_item(p, item.code)
        if item.budget is None or planned is None:
            continue
        _as_budgeted(
            c,
            f"$.general_budget.items[{i}].budget",
            item.budget,
            f"{item.code.code}的年初预算",
            f"{item.code.code}: the budget stated",
            budget=planned,
        )


def total_against_budget(c: Checker) -> None:
    """一般公共预算 年初预算 total in the 决算 = the budget report's 一般公共预算支出."""
    p = _pair(c)
    planned = None if p is None else _general_total(p)
    if p is None or p.d.general_budget is None or planned is None:
        return
    _as_budgeted(
        c,
        "$.general_budget.detail_budget",
        p.d.general_budget.detail_budget,
        "一般公共预算财政拨款支出年初预算",
        "the general-budget spending budget stated",
        budget=planned,
    )


def three_public_against_budget(c: Checker) -> None:
    """§七 “三公” 预算数 = the budget report's “三公” budget, figure by figure; 会议费 and 培训费 too."""
    p = _pair(c)
    if p is None:
        return
    for compared in _three_public(p):
        _as_budgeted(
            c,
            f"{compared.path}.budget",
            compared.figure.budget,
            f"{compared.zh}预算数",
            f"the {compared.en_budget}",
            budget=(compared.planned_path, compared.planned),
        )


def completion_from_budget(c: Checker) -> None:
    """完成年初预算% = 决算数 ÷ the budget report's figure (per 项, in total, per 三公 item)."""
    p = _pair(c)
    if p is None:
        return
    general = p.d.general_budget
    if general is not None:
        for i, item in enumerate(general.items):
            planned = _planned_item(p, item.code)
            if planned is not None:
                c.percent_of(
                    f"$.general_budget.items[{i}].completion",
                    item.completion,
                    item.amount,
                    planned[1],
                    f"{item.code.code}完成年初预算的百分比（按部门预算公开的预算数）",
                    f"{item.code.code}: the completion rate against the budget report's figure",
                )
        total = _general_total(p)
        if total is not None:
            c.percent_of(
                "$.general_budget.detail_completion",
                general.detail_completion,
                general.detail_total,
                total[1],
                "一般公共预算支出完成年初预算的百分比（按部门预算公开的预算数）",
                "the general-budget completion rate against the budget report's figure",
            )
    for compared in _three_public(p):
        c.percent_of(
            f"{compared.path}.completion",
            compared.figure.completion,
            compared.figure.actual,
            compared.planned,
            f"{compared.zh}完成预算的百分比（按部门预算公开的预算数）",
            f"the {compared.en} completion rate against the budget report's figure",
        )
