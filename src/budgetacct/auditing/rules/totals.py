"""B.1 收入支出决算总表: the summary table's totals, grand totals and balances (R1–R7)."""

from __future__ import annotations

from budgetacct.auditing.check import Checker
from budgetacct.model.enums import ExpenditureKind


def revenue_total_is_sum_of_sources(c: Checker) -> None:
    revenue = c.d.revenue
    if revenue is not None and (revenue.lines or revenue.fiscal is not None):
        # 财政拨款收入 printed as one line stands for the three fiscal sources.
        parts = [line.amount for line in revenue.lines]
        c.equal(
            "$.revenue.total",
            revenue.total,
            parts if revenue.fiscal is None else [revenue.fiscal.amount, *parts],
            "本年收入合计与各项收入之和不符",
            "revenue total differs from the sum of its sources",
        )


def grand_revenue_total_adds_up(c: Checker) -> None:
    c.adds_up(
        "$.overview.revenue_grand_total = $.revenue.total + $.overview.non_fiscal_balance_used? + $.overview.opening_balance",
        "收入总计与本年收入合计、使用非财政拨款结余、年初结转和结余之和不符",
        "grand revenue total differs from revenue + balance used + opening balance",
    )


def expenditure_total_is_sum_of_classes(c: Checker) -> None:
    c.adds_up(
        "$.expenditure.total = $.expenditure.classes[*].amount",
        "本年支出合计与各类支出之和不符",
        "expenditure total differs from the sum of its classes",
    )


def grand_expenditure_total_adds_up(c: Checker) -> None:
    c.adds_up(
        "$.overview.expenditure_grand_total = $.expenditure.total + $.overview.surplus_distribution? + $.overview.closing_balance",
        "支出总计与本年支出合计、结余分配、年末结转和结余之和不符",
        "grand expenditure total differs from expenditure + distribution + closing balance",
    )


def grand_revenue_equals_grand_expenditure(c: Checker) -> None:
    c.adds_up(
        "$.overview.expenditure_grand_total = $.overview.revenue_grand_total",
        "支出总计与收入总计不符",
        "grand expenditure total differs from grand revenue total",
    )


def closing_balance_follows_from_the_year(c: Checker) -> None:
    c.adds_up(
        "$.overview.closing_balance + $.expenditure.total + $.overview.surplus_distribution?"
        " = $.overview.opening_balance + $.revenue.total + $.overview.non_fiscal_balance_used?",
        "年末结转和结余与年初结转和结余、本年收支不衔接",
        "closing balance does not follow from opening balance and the year's flows",
    )


def institution_only_items_noted(c: Checker) -> None:
    # Only reported when the unit calls itself an administrative office (政府办公室, 局, 委员会 …)
    # would be guesswork; the note states the fact and leaves the judgement to the reader.
    expenditure = c.d.expenditure
    if expenditure is None:
        return
    for i, line in enumerate(expenditure.lines):
        if line.kind in (ExpenditureKind.BUSINESS, ExpenditureKind.REMITTANCE) and line.amount:
            c.fail(
                f"$.expenditure.lines[{i}].amount",
                f"{line.kind.value}{line.amount}万元：仅事业单位才有此项支出，请确认单位性质",
                f"{line.kind.value} {line.amount}: only public institutions have this spending; check the unit type",
                actual=line.amount,
            )
