"""The helpers behind the disclosure rules of ``budgetacct.auditing.rules`` (the B.1–B.10 modules), through ``audit()``.

Per-fund carry-forward (R18), the 类/款/项 roll-up in every column (R9), where R56 looks for
function codes and how it judges printed names, and which amounts R58 finds: every finding is
checked for its path and figures by hand and for both messages against the module's snapshot file.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from budgetacct import Amount, Disclosure, Severity, audit
from budgetacct.auditing import AuditReport, Finding
from budgetacct.codes import FunctionCode
from budgetacct.model import (
    Fiscal,
    FunctionLine,
    FundFlow,
    FundSpending,
    GeneralBudget,
    Overview,
    Revenue,
    RevenueSource,
    SourceLine,
)
from budgetacct.model.disclosure import Expenditure
from budgetacct.model.enums import Fund

A = Amount
E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTE


def disclosure(**sections: object) -> Disclosure:
    return Disclosure(year=2021, department="测试部门", **sections)  # type: ignore[arg-type]


def figures(f: Finding) -> tuple[object, ...]:
    return (f.severity, f.path, f.expected, f.actual, f.difference, f.tolerance)


def only(report: AuditReport, rule: str) -> list[Finding]:
    found = list(report.by_rule(rule))
    assert {f.rule for f in report} <= {rule}
    return found


# --- R18: opening + revenue = expenditure + closing, per fund --------------------------------------


def test_r18_checks_each_fund_flow_that_states_closing_and_expenditure(messages: Callable[..., None]) -> None:
    fiscal = Fiscal(
        funds=(
            # 1 + 10 ≠ 8 + 2: one unit short.
            FundFlow(
                Fund.GENERAL_BUDGET, opening=A("1"), revenue=A("10"), expenditure=A("8"), closing=A("2")
            ),
            # No closing balance printed: nothing to check (and nothing to add to None).
            FundFlow(Fund.GOVERNMENT_FUND, opening=A("1"), revenue=A("10"), expenditure=A("5")),
            # No expenditure printed: likewise.
            FundFlow(Fund.STATE_CAPITAL, opening=A("1"), revenue=A("10"), closing=A("1")),
        )
    )
    (f,) = only(audit(disclosure(fiscal=fiscal), rules=["R18"]), "R18")
    assert figures(f) == (
        E,
        "$.fiscal.funds[0].closing",
        "11",
        "10",
        "-1",
        "0.02",
    )  # four printed figures, ±0.005 each
    messages(f)


def test_r18_a_fund_flow_that_carries_forward_is_silent() -> None:
    flow = FundFlow(Fund.GOVERNMENT_FUND, opening=A("1"), revenue=A("10"), expenditure=A("9"), closing=A("2"))
    assert audit(disclosure(fiscal=Fiscal(funds=(flow,))), rules=["R18"]).findings == ()


# --- R9: 类 = Σ 款, 款 = Σ 项, in the amount, basic and project columns --------------------------------


def row(code: str, amount: str, basic: str | None = None, project: str | None = None) -> FunctionLine:
    return FunctionLine(
        FunctionCode(code),
        A(amount),
        basic=A(basic) if basic is not None else None,
        project=A(project) if project is not None else None,
    )


def r9(*rows: FunctionLine) -> list[Finding]:
    return only(audit(disclosure(expenditure=Expenditure(rows=rows)), rules=["R9"]), "R9")


def test_r9_a_consistent_table_is_silent() -> None:
    assert (
        r9(
            row("201", "100", "60", "40"),
            row("20103", "100", "60", "40"),
            row("2010301", "50", "50", "0"),
            row("2010302", "50", "10", "40"),
        )
        == []
    )


def test_r9_a_kuan_that_differs_from_its_xiang_is_reported_after_a_class_that_holds(
    messages: Callable[..., None],
) -> None:
    # 201 = 20103 holds and is looked at first; 20103 ≠ 2010301 + 2010302 must still be found.
    found = r9(
        row("201", "100", "60", "40"),
        row("20103", "100", "60", "40"),
        row("2010301", "50", "50", "0"),
        row("2010302", "49", "10", "39"),
    )
    assert [figures(f) for f in found] == [
        (E, "$.expenditure.rows[1].amount", "99", "100", "1", "0.015"),
        (E, "$.expenditure.rows[1].project", "39", "40", "1", "0.015"),
    ]
    amount, project = found
    messages(amount)
    messages(project)


def test_r9_a_column_can_be_off_while_the_amounts_add_up(messages: Callable[..., None]) -> None:
    found = r9(
        row("20103", "100", "60", "40"),
        row("2010301", "50", "50", "0"),
        row("2010302", "50", "11", "39"),
    )
    assert [figures(f) for f in found] == [
        (E, "$.expenditure.rows[0].basic", "61", "60", "-1", "0.015"),
        (E, "$.expenditure.rows[0].project", "39", "40", "1", "0.015"),
    ]
    messages(found[0])


def test_r9_a_class_against_its_kuan_rows(messages: Callable[..., None]) -> None:
    found = r9(row("201", "101"), row("20101", "60"), row("20103", "40"))
    assert [figures(f) for f in found] == [(E, "$.expenditure.rows[0].amount", "100", "101", "1", "0.015")]
    messages(found[0])


def test_r9_within_rounding_is_a_note() -> None:
    (f,) = r9(row("20103", "100.01"), row("2010301", "50"), row("2010302", "50"))
    assert figures(f) == (N, "$.expenditure.rows[0].amount", "100", "100.01", "0.01", "0.015")


def test_r9_a_column_is_checked_only_where_parent_and_every_child_print_it() -> None:
    # The amounts differ, so the columns are looked at: the parent's basic is blank, one child's
    # project is blank — neither column can be added up.
    found = r9(
        row("20103", "100", None, "40"),
        row("2010301", "50", "50", None),
        row("2010302", "49", "10", "39"),
    )
    assert [f.path for f in found] == ["$.expenditure.rows[0].amount"]


def test_r9_covers_the_general_budget_and_fund_tables(messages: Callable[..., None]) -> None:
    off = (row("20103", "10"), row("2010301", "4"), row("2010302", "5"))
    d = disclosure(
        general_budget=GeneralBudget(rows=off, items=off),
        government_fund=FundSpending(lines=off),
        state_capital=FundSpending(lines=off),
    )
    found = only(audit(d, rules=["R9"]), "R9")
    assert sorted(f.path for f in found) == [
        "$.general_budget.items[0].amount",
        "$.general_budget.rows[0].amount",
        "$.government_fund.lines[0].amount",
        "$.state_capital.lines[0].amount",
    ]
    messages(*sorted(found, key=lambda f: f.path))


# --- R56: every function line of every table, names judged against the catalogue -------------------


def unknown(code: str) -> FunctionLine:
    return FunctionLine(FunctionCode(code), A("1"))


def test_r56_looks_at_the_function_lines_of_every_table(messages: Callable[..., None]) -> None:
    # A different code not in the 2021 catalogue in each list, so each is reported once.
    d = disclosure(
        expenditure=Expenditure(classes=(unknown("2019998"),), rows=(unknown("2019997"),)),
        general_budget=GeneralBudget(
            classes=(unknown("2019996"),), items=(unknown("2019995"),), rows=(unknown("2019994"),)
        ),
        government_fund=FundSpending(lines=(unknown("2019993"),)),
        state_capital=FundSpending(lines=(unknown("2019992"),)),
    )
    found = only(audit(d, rules=["R56"]), "R56")
    assert sorted((f.path, f.actual) for f in found) == [
        ("$.expenditure.classes[0].code", "2019998"),
        ("$.expenditure.rows[0].code", "2019997"),
        ("$.general_budget.classes[0].code", "2019996"),
        ("$.general_budget.items[0].code", "2019995"),
        ("$.general_budget.rows[0].code", "2019994"),
        ("$.government_fund.lines[0].code", "2019993"),
        ("$.state_capital.lines[0].code", "2019992"),
    ]
    assert all(f.severity is W for f in found)
    by_code = {f.actual: f for f in found}
    messages(by_code["2019998"])


def named(code: str, name: str) -> FunctionLine:
    return FunctionLine(FunctionCode(code), A("1"), name=name)


def test_r56_ignores_spaces_and_forgives_only_a_missing_or_doubled_trailing_zhichu(
    messages: Callable[..., None],
) -> None:
    items = (
        named("2010301", "行政 运行"),  # spaces only: the catalogue name
        named("201", "一般公共服务"),  # 支出 left off: near
        named("201", "一般公共 服务"),  # 支出 left off, with a space: near
        named("201", "一般公共服务支出支出"),  # 支出 doubled: near
        named("201", "支出一般公共服务"),  # 支出 moved to the front: another name
        named("2010302", "一般行政管理事物"),  # another word: another name
    )
    found = only(audit(disclosure(general_budget=GeneralBudget(items=items)), rules=["R56"]), "R56")
    assert sorted((f.path, f.severity, f.actual) for f in found) == [
        ("$.general_budget.items[1].name", N, "一般公共服务"),
        ("$.general_budget.items[2].name", N, "一般公共 服务"),
        ("$.general_budget.items[3].name", N, "一般公共服务支出支出"),
        ("$.general_budget.items[4].name", W, "支出一般公共服务"),
        ("$.general_budget.items[5].name", W, "一般行政管理事物"),
    ]
    near = next(f for f in found if f.path == "$.general_budget.items[1].name")
    assert near.expected == "一般公共服务支出"
    messages(near)


# --- R58: amounts anywhere in the document ---------------------------------------------------------


def test_r58_finds_every_amount_with_more_than_two_decimals_by_its_path(
    messages: Callable[..., None],
) -> None:
    d = disclosure(
        revenue=Revenue(
            total=A("3.579"),
            lines=(
                SourceLine(RevenueSource.GENERAL_BUDGET, A("1.234")),
                SourceLine(RevenueSource.OTHER, A("2.34")),
                SourceLine(RevenueSource.BUSINESS, A("0.005")),
            ),
        ),
        overview=Overview(revenue_grand_total=A("10.001"), expenditure_grand_total=A("10.001")),
    )
    found = only(audit(d, rules=["R58"]), "R58")
    assert sorted((f.path, f.actual) for f in found) == [
        ("$.overview.expenditure_grand_total", "10.001"),
        ("$.overview.revenue_grand_total", "10.001"),
        ("$.revenue.lines[0].amount", "1.234"),
        ("$.revenue.lines[2].amount", "0.005"),
        ("$.revenue.total", "3.579"),
    ]
    assert all(f.severity is W for f in found)
    line = next(f for f in found if f.path == "$.revenue.lines[0].amount")
    messages(line)


def test_r58_counts_decimals_in_the_unit_the_report_printed(messages: Callable[..., None]) -> None:
    # 12,345,678.90元 is 1234.56789万元: two decimals of 元, no defect.
    in_yuan = attrs.evolve(
        disclosure(
            overview=Overview(revenue_grand_total=A("1234.56789"), expenditure_grand_total=A("0.000001"))
        ),
        units=("元",),
    )
    assert audit(in_yuan, rules=["R58"]).findings == ()
    # A fraction of a fen is a defect in 元 too, and is reported in 元.
    finer = attrs.evolve(in_yuan, overview=Overview(revenue_grand_total=A("1234.5678901")))
    (finding,) = only(audit(finer, rules=["R58"]), "R58")
    assert (finding.path, finding.actual) == ("$.overview.revenue_grand_total", "1234.5678901")
    messages(finding)
    # Printed in 万元 (or unknown), two decimals of 万元.
    assert only(audit(attrs.evolve(in_yuan, units=("万元",)), rules=["R58"]), "R58")
    assert only(audit(attrs.evolve(in_yuan, units=()), rules=["R58"]), "R58")


def test_r58_is_silent_on_two_decimals() -> None:
    d = disclosure(revenue=Revenue(total=A("3.57"), lines=(SourceLine(RevenueSource.OTHER, A("3.57")),)))
    assert audit(d, rules=["R58"]).findings == ()


def test_r18_allows_the_rounding_of_all_four_printed_figures() -> None:
    # 1.005 + 10.005 = 8.985 + 2.025: four figures each off by half a cent can agree although the
    # printed ones are 0.02 apart; a sum of two printed figures keeps both allowances.
    flow = FundFlow(
        Fund.GENERAL_BUDGET, opening=A("1.00"), revenue=A("10.00"), expenditure=A("8.99"), closing=A("2.03")
    )
    report = audit(Disclosure(year=2021, department="测试部门", fiscal=Fiscal(funds=(flow,))), rules=["R18"])
    (f,) = report.findings
    assert (f.severity, f.difference, f.tolerance) == (Severity.NOTE, "0.02", "0.02")


def test_a_blank_figure_stood_in_by_zero_has_no_allowance() -> None:
    # 收入总计 110 against 本年收入 100 + 年初 9.985…: the blank 使用非财政拨款结余 adds nothing to
    # the tolerance, so 110 vs 109.98 is off by 0.02 with an allowance of 0.015 (three printed).
    d = Disclosure(
        year=2021,
        department="测试部门",
        overview=Overview(revenue_grand_total=A("110.00"), opening_balance=A("9.98")),
        revenue=Revenue(total=A("100.00")),
    )
    (f,) = audit(d, rules=["R2"]).findings
    assert (f.severity, f.difference, f.tolerance) == (Severity.ERROR, "0.02", "0.015")
