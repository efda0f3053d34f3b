"""B.3 财政拨款收入支出决算总表: fiscal revenue, spending and balances, per fund (R14–R19)."""

from __future__ import annotations

from budgetacct.auditing.check import Checker
from budgetacct.auditing.rules._common import fund_sections
from budgetacct.money import Amount


def fiscal_revenue_adds_up(c: Checker) -> None:
    c.adds_up(
        "$.fiscal.revenue_total = $.fiscal.funds[*].revenue",
        "财政拨款本年收入与分资金收入之和不符",
        "fiscal revenue differs from the sum of the funds' revenue",
    )
    fiscal, revenue = c.d.fiscal, c.d.revenue
    if fiscal is not None and revenue is not None and (revenue.lines or revenue.fiscal is not None):
        fiscal_lines = [line.amount for line in revenue.lines if line.source.is_fiscal]
        if revenue.fiscal is not None:  # the three fiscal sources printed as one line
            fiscal_lines.append(revenue.fiscal.amount)
        c.equal(
            "$.fiscal.revenue_total",
            fiscal.revenue_total,
            fiscal_lines,
            "财政拨款本年收入与收入决算中的三项财政拨款收入之和不符",
            "fiscal revenue differs from the three fiscal revenue sources of the revenue breakdown",
        )


def fiscal_grand_total_is_revenue_plus_opening(c: Checker) -> None:
    c.adds_up(
        "$.fiscal.grand_total = $.fiscal.revenue_total + $.fiscal.opening_balance",
        "财政拨款收入总计与本年收入、年初结转和结余之和不符",
        "fiscal grand total differs from revenue + opening balance",
    )
    c.adds_up(
        "$.fiscal.opening_balance = $.fiscal.funds[*].opening",
        "年初财政拨款结转和结余与分资金数之和不符",
        "fiscal opening balance differs from the sum of the funds'",
    )


def fiscal_grand_total_is_spending_plus_closing(c: Checker) -> None:
    c.adds_up(
        "$.fiscal.grand_total = $.fiscal.expenditure_total + $.fiscal.closing_balance",
        "财政拨款收支总计与本年支出、年末结转和结余之和不符",
        "fiscal grand total differs from expenditure + closing balance",
    )
    c.adds_up(
        "$.fiscal.expenditure_total = $.fiscal.funds[*].expenditure",
        "财政拨款本年支出与分资金支出之和不符",
        "fiscal expenditure differs from the sum of the funds' spending",
    )


def _carries_forward(
    c: Checker,
    path: str,
    opening: Amount | None,
    revenue: Amount | None,
    expenditure: Amount | None,
    closing: Amount | None,
    label: str,
) -> None:
    """Opening + revenue = expenditure + closing, when the closing balance and the spending are printed."""
    if closing is None or expenditure is None:
        return
    c.equal(
        path,
        c.sum_of([closing, expenditure]),
        [opening, revenue],
        f"{label}：年初结转 + 本年收入 ≠ 本年支出 + 年末结转",
        f"{label}: opening + revenue ≠ expenditure + closing",
    )


def fund_balances_carry_forward(c: Checker) -> None:
    fiscal = c.d.fiscal
    if fiscal is not None:
        for i, flow in enumerate(fiscal.funds):
            _carries_forward(
                c,
                f"$.fiscal.funds[{i}].closing",
                flow.opening,
                flow.revenue,
                flow.expenditure,
                flow.closing,
                flow.fund.value,
            )
    for name, fund, section in fund_sections(c.d):
        _carries_forward(
            c,
            f"$.{name}.closing_balance",
            section.opening_balance,
            section.revenue,
            section.total,
            section.closing_balance,
            fund.value,
        )


def fiscal_figures_within_department_totals(c: Checker) -> None:
    fiscal, overview, revenue, expenditure = c.d.fiscal, c.d.overview, c.d.revenue, c.d.expenditure
    if fiscal is None:
        return
    if revenue is not None:
        c.not_above(
            "$.fiscal.revenue_total",
            fiscal.revenue_total,
            revenue.total,
            "财政拨款本年收入大于本年收入合计",
            "fiscal revenue exceeds total revenue",
        )
    if expenditure is not None:
        c.not_above(
            "$.fiscal.expenditure_total",
            fiscal.expenditure_total,
            expenditure.total,
            "财政拨款本年支出大于本年支出合计",
            "fiscal spending exceeds total spending",
        )
    if overview is not None:
        c.not_above(
            "$.fiscal.opening_balance",
            fiscal.opening_balance,
            overview.opening_balance,
            "年初财政拨款结转和结余大于年初结转和结余",
            "fiscal opening balance exceeds the opening balance",
        )
        c.not_above(
            "$.fiscal.closing_balance",
            fiscal.closing_balance,
            overview.closing_balance,
            "年末财政拨款结转和结余大于年末结转和结余",
            "fiscal closing balance exceeds the closing balance",
        )
        c.not_above(
            "$.fiscal.grand_total",
            fiscal.grand_total,
            overview.revenue_grand_total,
            "财政拨款收支总计大于收支总计",
            "fiscal grand total exceeds the grand total",
        )
