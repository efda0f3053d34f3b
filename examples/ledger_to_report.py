"""Build a small department ledger from line items, publish it, and print its report.

    python examples/ledger_to_report.py [--table 01] [--en]

The ledger is the exact account (amounts to the 元, totals derived); ``Ledger.publish()`` rounds
it half-up to 0.01 万元, apportions shares to 100.00% and words the year-on-year changes.  The
script audits what it publishes (no error or warning may appear), then prints the 决算说明 and
one standard table.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from budgetacct import (
    Amount,
    ExpenditureItem,
    ExpenditureKind,
    Fund,
    Ledger,
    RevenueItem,
    RevenueSource,
    audit,
)
from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.model import BudgetLine, FundAmount, PriorYear, ProcurementAccount, ThreePublicAccount
from budgetacct.render import render_narrative, standard_tables, to_text

GENERAL = Fund.GENERAL_BUDGET
BASIC, PROJECT = ExpenditureKind.BASIC, ExpenditureKind.PROJECT


def spend(
    code: str, kind: ExpenditureKind, amount: str, economic: str, project: str | None = None
) -> ExpenditureItem:
    """One 一般公共预算 spending line: 功能分类 × kind × 经济分类 (× project)."""
    return ExpenditureItem(FunctionCode(code), GENERAL, kind, Amount(amount), EconomicCode(economic), project)


def build_ledger() -> Ledger:
    return Ledger(
        year=2021,
        department="示例市示例局",
        revenue=(
            RevenueItem(RevenueSource.GENERAL_BUDGET, Amount("412.5318")),
            RevenueItem(RevenueSource.OTHER, Amount("3.2")),
        ),
        expenditure=(
            spend("2010301", BASIC, "231.2049", "30101"),  # 行政运行 · 基本工资
            spend("2010301", BASIC, "29.8751", "30102"),  # 行政运行 · 津贴补贴
            spend("2010301", BASIC, "42.37", "30201"),  # 行政运行 · 办公费
            spend("2010302", PROJECT, "45", "30227", "政务信息化建设"),
            spend("2080505", BASIC, "26.4518", "30108"),  # 养老保险缴费
            spend("2101101", BASIC, "11.3", "30110"),  # 行政单位医疗
            spend("2210201", BASIC, "19.6", "30113"),  # 住房公积金
        ),
        opening_balances=(FundAmount(GENERAL, Amount("6.5")), FundAmount(Fund.NON_FISCAL, Amount("1"))),
        budgets=(
            BudgetLine(FunctionCode("2010301"), Amount("305")),
            BudgetLine(FunctionCode("2010302"), Amount("45")),
            BudgetLine(FunctionCode("2080505"), Amount("26.4518")),
            BudgetLine(FunctionCode("2101101"), Amount("11.3")),
            BudgetLine(FunctionCode("2210201"), Amount("19.6")),
        ),
        three_public=ThreePublicAccount(
            vehicle_operation=Amount("2.4"),
            domestic_reception=Amount("0.96"),
            budget_outbound=Amount(0),
            budget_vehicle_purchase=Amount(0),
            budget_vehicle_operation=Amount("3"),
            budget_domestic_reception=Amount("1.2"),
            budget_foreign_reception=Amount(0),
            vehicles_held=2,
            domestic_batches=6,
            domestic_people=48,
        ),
        operating_costs=Amount("42.37"),
        procurement=ProcurementAccount(goods=Amount("12.6"), services=Amount("30"), sme=Amount("42.6")),
        prior=PriorYear(
            grand_total=Amount("398.2"),
            revenue_total=Amount("392.9"),
            expenditure_total=Amount("390.15"),
            general_budget_expenditure=Amount("386.95"),
            operating_costs=Amount("40.1"),
        ),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", default="01", help="which table to print: 01 … 09 (default 01)")
    parser.add_argument("--en", action="store_true", help="write the narrative in English")
    args = parser.parse_args(argv)

    ledger = build_ledger()
    print(
        f"ledger: {len(ledger.revenue)} revenue items, {len(ledger.expenditure)} spending items; "
        f"revenue {ledger.revenue_total()}, spending {ledger.expenditure_total()}, "
        f"closing balance {ledger.closing_balance()} (万元, exact)"
    )
    disclosure = ledger.publish()
    report = audit(disclosure)
    counts = ", ".join(f"{n} {severity.value}" for severity, n in report.counts.items())
    print(f"audit of the published report: {counts}")
    if report.errors or report.warnings:  # cannot happen for a valid ledger: that is the point
        for finding in (*report.errors, *report.warnings):
            print(" ", finding.rule, finding.path, finding.message.en)
        return 1

    print()
    print(render_narrative(disclosure, locale="en" if args.en else "zh_CN").text)
    print()
    wanted = args.table.removeprefix("公开").removesuffix("表").zfill(2)
    tables = {
        table.number.removeprefix("公开").removesuffix("表"): table
        for table in standard_tables(disclosure, set="mof-9")
    }
    if wanted not in tables:
        parser.error(f"no table {args.table!r}; choose one of {', '.join(tables)}")
    print(to_text(tables[wanted]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
