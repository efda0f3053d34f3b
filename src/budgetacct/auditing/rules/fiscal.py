"""B.3 财政拨款收入支出决算总表: fiscal revenue, spending and balances, per fund (R14–R19)."""

from __future__ import annotations

from budgetacct.auditing.check import Checker
from budgetacct.auditing.registry import rule
from budgetacct.model.disclosure import Fiscal
from budgetacct.model.enums import Fund
from budgetacct.money import Amount


def _equals_sum_of_funds(c: Checker, fiscal: Fiscal, total: str, per_fund: str, zh: str, en: str) -> None:
    """The fiscal table's ``total`` against the funds' ``per_fund`` figures, when every fund prints one."""
    parts = [getattr(flow, per_fund) for flow in fiscal.funds]
    if fiscal.funds and all(part is not None for part in parts):
        c.equal(f"$.fiscal.{total}", getattr(fiscal, total), parts, zh, en)


def fiscal_revenue_adds_up(c: Checker) -> None:
    fiscal, revenue = c.d.fiscal, c.d.revenue
    if fiscal is None:
        return
    _equals_sum_of_funds(
        c,
        fiscal,
        "revenue_total",
        "revenue",
        "财政拨款本年收入与分资金收入之和不符",
        "fiscal revenue differs from the sum of the funds' revenue",
    )
    if revenue is not None and (revenue.lines or revenue.fiscal is not None):
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


rule(
    "R14",
    zh="财政拨款本年收入 = 一般公共预算 + 政府性基金 + 国有资本经营",
    en="Fiscal revenue = general budget + government fund + state capital",
    formula="T4 本年收入合计 = GPB + GF + SOE = T1 rows 一 + 二 + 三",
    group="财政拨款收入支出决算总表",
)(fiscal_revenue_adds_up)


def fiscal_grand_total_is_revenue_plus_opening(c: Checker) -> None:
    fiscal = c.d.fiscal
    if fiscal is None:
        return
    c.equal(
        "$.fiscal.grand_total",
        fiscal.grand_total,
        [fiscal.revenue_total, fiscal.opening_balance],
        "财政拨款收入总计与本年收入、年初结转和结余之和不符",
        "fiscal grand total differs from revenue + opening balance",
    )
    _equals_sum_of_funds(
        c,
        fiscal,
        "opening_balance",
        "opening",
        "年初财政拨款结转和结余与分资金数之和不符",
        "fiscal opening balance differs from the sum of the funds'",
    )


rule(
    "R15",
    zh="财政拨款收入总计 = 本年财政拨款收入 + 年初财政拨款结转和结余",
    en="Fiscal grand total = fiscal revenue + fiscal opening balance",
    formula="财政拨款收入总计 = 本年收入合计 + 年初财政拨款结转和结余; 年初 = Σ 分资金年初",
    group="财政拨款收入支出决算总表",
)(fiscal_grand_total_is_revenue_plus_opening)


def fiscal_grand_total_is_spending_plus_closing(c: Checker) -> None:
    fiscal = c.d.fiscal
    if fiscal is None:
        return
    c.equal(
        "$.fiscal.grand_total",
        fiscal.grand_total,
        [fiscal.expenditure_total, fiscal.closing_balance],
        "财政拨款收支总计与本年支出、年末结转和结余之和不符",
        "fiscal grand total differs from expenditure + closing balance",
    )
    _equals_sum_of_funds(
        c,
        fiscal,
        "expenditure_total",
        "expenditure",
        "财政拨款本年支出与分资金支出之和不符",
        "fiscal expenditure differs from the sum of the funds' spending",
    )


rule(
    "R17",
    zh="财政拨款支出总计 = 本年支出 + 年末财政拨款结转和结余",
    en="Fiscal grand total = fiscal expenditure + fiscal closing balance",
    formula="支出总计 = 本年支出合计 + 年末财政拨款结转和结余 = 收入总计; 本年支出合计 = Σ 分资金支出",
    group="财政拨款收入支出决算总表",
)(fiscal_grand_total_is_spending_plus_closing)


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
    for name, fund in (("government_fund", Fund.GOVERNMENT_FUND), ("state_capital", Fund.STATE_CAPITAL)):
        section = getattr(c.d, name)
        if section is not None:
            _carries_forward(
                c,
                f"$.{name}.closing_balance",
                section.opening_balance,
                section.revenue,
                section.total,
                section.closing_balance,
                fund.value,
            )


rule(
    "R18",
    zh="分资金结转衔接：年初 + 本年收入 = 本年支出 + 年末",
    en="Per-fund carry-forward: opening + revenue = expenditure + closing",
    formula="for f in GPB, GF, SOE: 年初结转(f) + 本年收入(f) = 本年支出(f) + 年末结转(f)",
    group="财政拨款收入支出决算总表",
)(fund_balances_carry_forward)


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


rule(
    "R19",
    zh="财政拨款数不超过全部收支数",
    en="Fiscal figures do not exceed the department's totals",
    formula="T4 本年收入 ≤ T1 本年收入; T4 本年支出 ≤ T1 本年支出; T4 年初/年末 ≤ T1 年初/年末",
    group="财政拨款收入支出决算总表",
)(fiscal_figures_within_department_totals)
