"""The bodies of the disclosure rules in ``budgetacct.auditing.rules``: B.1–B.3 (R1–R19; ``totals``, ``tables``,
``fiscal``), one
parametrized test a rule.

Since the rules are plain functions described by ``auditing/data/rules.toml``, without a decorator,
mutation testing reaches their bodies: which figures each rule compares, the path it reports, the text of
both messages, the guards that skip figures a report leaves blank, and the rounding allowance
(±0.005 万元 per printed figure: within it a note, beyond it the rule's severity).  Every case
builds a small ``Disclosure`` by hand, runs the one rule and compares every field of every
finding: the figures by hand, the two message texts with ``__snapshots__/test_mutation_rule_bodies.ambr``
(the ``messages`` fixture; docs/testing.md, "Message snapshots").  The other rules of the module are in ``test_mutation_rule_bodies_general_budget.py``
(B.4, the narrative's quotes, B.5 三公) and ``test_mutation_rule_bodies_matters.py`` (B.7, B.8,
B.10).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from _rule_cases import (
    BASIC,
    GB,
    GF,
    PROJECT,
    A,
    E,
    N,
    Row,
    disclosure,
    findings,
    fl,
    flow,
    kind,
    row,
    src,
)
from budgetacct import Disclosure, audit
from budgetacct.codes import FunctionCode
from budgetacct.model import (
    Assets,
    BasicExpenditure,
    Expenditure,
    ExpenditureKind,
    Fiscal,
    FundSpending,
    GeneralBudget,
    OperatingCosts,
    Overview,
    Procurement,
    Revenue,
    RevenueRow,
    RevenueSource,
    Staffing,
    ThreePublic,
)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # 0.02 off against a tolerance of 3 × 0.005: the rule's error
        pytest.param(
            disclosure(
                revenue=Revenue(
                    total=A("100.02"),
                    lines=(src(RevenueSource.GENERAL_BUDGET, "60"), src(RevenueSource.OTHER, "40")),
                )
            ),
            [(E, "$.revenue.total", "100", "100.02", "0.02", "0.015")],
            id="off",
        ),
        # 0.01 off: within rounding, a note
        pytest.param(
            disclosure(
                revenue=Revenue(
                    total=A("100.01"),
                    lines=(src(RevenueSource.GENERAL_BUDGET, "60"), src(RevenueSource.OTHER, "40")),
                )
            ),
            [(N, "$.revenue.total", "100", "100.01", "0.01", "0.015")],
            id="rounding",
        ),
        # a total without its sources is not checked
        pytest.param(
            disclosure(revenue=Revenue(total=A("100"))),
            [],
            id="no-lines",
        ),
    ],
)
def test_r1_revenue_total_is_the_sum_of_its_sources(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R1")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # a blank 使用非财政拨款结余 counts as 0
        pytest.param(
            disclosure(
                overview=Overview(revenue_grand_total=A("110"), opening_balance=A("5")),
                revenue=Revenue(total=A("100")),
            ),
            [
                (
                    E,
                    "$.overview.revenue_grand_total",
                    "105",
                    "110",
                    "5",
                    "0.015",  # three printed figures; the balance used is not printed: no allowance
                )
            ],
            id="off",
        ),
        # the balance used is part of the sum
        pytest.param(
            disclosure(
                overview=Overview(
                    revenue_grand_total=A("110"), non_fiscal_balance_used=A("5"), opening_balance=A("5")
                ),
                revenue=Revenue(total=A("100")),
            ),
            [],
            id="holds",
        ),
        pytest.param(
            disclosure(overview=Overview(revenue_grand_total=A("110"), opening_balance=A("5"))),
            [],
            id="no-revenue",
        ),
        pytest.param(
            disclosure(revenue=Revenue(total=A("100"))),
            [],
            id="no-overview",
        ),
    ],
)
def test_r2_grand_revenue_total(d: Disclosure, expected: list[Row], messages: Callable[..., None]) -> None:
    found = findings(d, "R2")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(
            disclosure(expenditure=Expenditure(total=A("100"), classes=(fl("201", "60"), fl("205", "41")))),
            [(E, "$.expenditure.total", "101", "100", "-1", "0.015")],
            id="off",
        ),
        pytest.param(
            disclosure(expenditure=Expenditure(total=A("100"))),
            [],
            id="no-classes",
        ),
    ],
)
def test_r3_expenditure_total_is_the_sum_of_its_classes(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R3")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # a blank 结余分配 counts as 0
        pytest.param(
            disclosure(
                overview=Overview(expenditure_grand_total=A("110"), closing_balance=A("5")),
                expenditure=Expenditure(total=A("100")),
            ),
            [
                (
                    E,
                    "$.overview.expenditure_grand_total",
                    "105",
                    "110",
                    "5",
                    "0.015",  # the distribution is not printed: no allowance for it
                )
            ],
            id="off",
        ),
        pytest.param(
            disclosure(
                overview=Overview(
                    expenditure_grand_total=A("110"), surplus_distribution=A("5"), closing_balance=A("5")
                ),
                expenditure=Expenditure(total=A("100")),
            ),
            [],
            id="holds",
        ),
        pytest.param(
            disclosure(overview=Overview(expenditure_grand_total=A("110"), closing_balance=A("5"))),
            [],
            id="no-expenditure",
        ),
        pytest.param(
            disclosure(expenditure=Expenditure(total=A("100"))),
            [],
            id="no-overview",
        ),
    ],
)
def test_r4_grand_expenditure_total(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R4")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(
            disclosure(overview=Overview(revenue_grand_total=A("12"), expenditure_grand_total=A("10"))),
            [(E, "$.overview.expenditure_grand_total", "12", "10", "-2", "0.01")],
            id="off",
        ),
        pytest.param(
            disclosure(overview=Overview(revenue_grand_total=A("12"), expenditure_grand_total=A("12"))),
            [],
            id="holds",
        ),
    ],
)
def test_r5_grand_totals_agree(d: Disclosure, expected: list[Row], messages: Callable[..., None]) -> None:
    found = findings(d, "R5")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # 10 + 96 against 5 + 100 (blank distribution and balance used count as 0); four figures, 0.02
        pytest.param(
            disclosure(
                overview=Overview(opening_balance=A("5"), closing_balance=A("10")),
                revenue=Revenue(total=A("100")),
                expenditure=Expenditure(total=A("96")),
            ),
            [(E, "$.overview.closing_balance", "105", "106", "1", "0.02")],
            id="off",
        ),
        # 10 + 96 + 1 = 5 + 100 + 2: both optional figures are part of the identity
        pytest.param(
            disclosure(
                overview=Overview(
                    opening_balance=A("5"),
                    closing_balance=A("10"),
                    surplus_distribution=A("1"),
                    non_fiscal_balance_used=A("2"),
                ),
                revenue=Revenue(total=A("100")),
                expenditure=Expenditure(total=A("96")),
            ),
            [],
            id="holds",
        ),
        pytest.param(
            disclosure(
                overview=Overview(opening_balance=A("5")),
                revenue=Revenue(total=A("100")),
                expenditure=Expenditure(total=A("96")),
            ),
            [],
            id="no-closing",
        ),
        pytest.param(
            disclosure(
                overview=Overview(opening_balance=A("5"), closing_balance=A("10")),
                revenue=Revenue(total=A("100")),
                expenditure=Expenditure(),
            ),
            [],
            id="no-expenditure-total",
        ),
        pytest.param(
            disclosure(revenue=Revenue(total=A("100")), expenditure=Expenditure(total=A("96"))),
            [],
            id="no-overview",
        ),
        pytest.param(
            disclosure(
                overview=Overview(opening_balance=A("5"), closing_balance=A("10")),
                expenditure=Expenditure(total=A("96")),
            ),
            [],
            id="no-revenue",
        ),
        pytest.param(
            disclosure(
                overview=Overview(opening_balance=A("5"), closing_balance=A("10")),
                revenue=Revenue(total=A("100")),
            ),
            [],
            id="no-expenditure",
        ),
    ],
)
def test_r6_closing_balance_follows_from_the_year(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R6")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # only 经营支出 and 上缴上级支出 that are not 0, at the rule's severity (a note)
        pytest.param(
            disclosure(
                expenditure=Expenditure(
                    lines=(
                        kind(BASIC, "10"),
                        kind(ExpenditureKind.BUSINESS, "2"),
                        kind(ExpenditureKind.REMITTANCE, "0"),
                        kind(ExpenditureKind.AFFILIATE_SUBSIDY, "1"),
                        kind(ExpenditureKind.REMITTANCE, "3"),
                    )
                )
            ),
            [
                (N, "$.expenditure.lines[1].amount", None, "2", None, None),
                (N, "$.expenditure.lines[4].amount", None, "3", None, None),
            ],
            id="both",
        ),
    ],
)
def test_r7_business_and_remittance_spending_is_noted(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R7")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # a row without sources is skipped; every printed source column counts
        pytest.param(
            disclosure(
                revenue=Revenue(
                    rows=(
                        RevenueRow(FunctionCode("2010301"), A("5")),
                        RevenueRow(
                            FunctionCode("2010302"),
                            A("21"),
                            fiscal=A("1"),
                            superior_subsidy=A("2"),
                            operations=A("3"),
                            business=A("4"),
                            affiliated_remittance=A("5"),
                            other=A("6"),
                        ),
                        RevenueRow(FunctionCode("2010350"), A("100"), fiscal=A("60"), other=A("30")),
                    )
                )
            ),
            [(E, "$.revenue.rows[2].total", "90", "100", "10", "0.015")],
            id="rows",
        ),
    ],
)
def test_r8_revenue_table_rows_add_up(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R8")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # the amounts and the project column add up, the basic column does not: still reported
        pytest.param(
            disclosure(
                expenditure=Expenditure(
                    rows=(
                        fl("20103", "10", basic="6", project="4"),
                        fl("2010301", "5", basic="2", project="3"),
                        fl("2010302", "5", basic="3", project="1"),
                    )
                )
            ),
            [(E, "$.expenditure.rows[0].basic", "5", "6", "1", "0.015")],
            id="only-basic-off",
        ),
        # likewise for the project column alone
        pytest.param(
            disclosure(
                expenditure=Expenditure(
                    rows=(
                        fl("20103", "10", basic="6", project="4"),
                        fl("2010301", "5", basic="3", project="3"),
                        fl("2010302", "5", basic="3", project="2"),
                    )
                )
            ),
            [(E, "$.expenditure.rows[0].project", "5", "4", "-1", "0.015")],
            id="only-project-off",
        ),
        pytest.param(
            disclosure(
                general_budget=GeneralBudget(
                    rows=(fl("20103", "10"), fl("2010301", "4"), fl("2010302", "5")),
                    items=(fl("20103", "10"), fl("2010301", "4"), fl("2010302", "5")),
                ),
                government_fund=FundSpending(
                    lines=(fl("20103", "10"), fl("2010301", "4"), fl("2010302", "5"))
                ),
                state_capital=FundSpending(
                    lines=(
                        fl("20103", "10", project="10"),
                        fl("2010301", "4", project="4"),
                        fl("2010302", "5", project="5"),
                    )
                ),
            ),
            [
                (E, "$.general_budget.items[0].amount", "9", "10", "1", "0.015"),
                (E, "$.general_budget.rows[0].amount", "9", "10", "1", "0.015"),
                (E, "$.government_fund.lines[0].amount", "9", "10", "1", "0.015"),
                (E, "$.state_capital.lines[0].amount", "9", "10", "1", "0.015"),
                (E, "$.state_capital.lines[0].project", "9", "10", "1", "0.015"),
            ],
            id="tables",
        ),
    ],
)
def test_r9_names_each_table_in_both_languages(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R9")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # every printed kind column counts; rows of the four tables, by path
        pytest.param(
            disclosure(
                expenditure=Expenditure(
                    rows=(
                        fl(
                            "2010301",
                            "15",
                            basic="1",
                            project="2",
                            remittance="3",
                            business="4",
                            affiliate_subsidy="5",
                        ),
                        fl("2010302", "10", basic="6", project="3"),
                    )
                ),
                general_budget=GeneralBudget(rows=(fl("2010301", "10", basic="6", project="3"),)),
                government_fund=FundSpending(lines=(fl("2010301", "10", basic="6", project="3"),)),
                state_capital=FundSpending(lines=(fl("2010301", "10.01", basic="6", project="4"),)),
            ),
            [
                (E, "$.expenditure.rows[1].amount", "9", "10", "1", "0.015"),
                (E, "$.general_budget.rows[0].amount", "9", "10", "1", "0.015"),
                (E, "$.government_fund.lines[0].amount", "9", "10", "1", "0.015"),
                (N, "$.state_capital.lines[0].amount", "10", "10.01", "0.01", "0.015"),
            ],
            id="every-table",
        ),
        # a row printing no kind column is not checked
        pytest.param(
            disclosure(general_budget=GeneralBudget(rows=(fl("2010301", "10"),))),
            [],
            id="no-columns",
        ),
    ],
)
def test_r11_each_row_is_the_sum_of_its_kind_columns(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R11")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # classes (3 digits) against the total, each class against the summary's, the basic and project columns against the kind lines
        pytest.param(
            disclosure(
                expenditure=Expenditure(
                    total=A("100"),
                    lines=(kind(ExpenditureKind.REMITTANCE, "1"), kind(BASIC, "60"), kind(PROJECT, "40")),
                    classes=(fl("201", "70"), fl("205", "30")),
                    rows=(
                        fl("201", "71", basic="50", project="20"),
                        fl("20101", "71"),
                        fl("205", "30", basic="11", project="19"),
                    ),
                )
            ),
            [
                (E, "$.expenditure.lines[1].amount", "61", "60", "-1", "0.015"),
                (E, "$.expenditure.lines[2].amount", "39", "40", "1", "0.015"),
                (E, "$.expenditure.rows[0].amount", "70", "71", "1", "0.01"),
                (E, "$.expenditure.total", "101", "100", "-1", "0.015"),
            ],
            id="off",
        ),
        pytest.param(
            disclosure(
                expenditure=Expenditure(
                    total=A("100"),
                    lines=(kind(BASIC, "60"), kind(PROJECT, "40")),
                    classes=(fl("201", "70"), fl("205", "30")),
                    rows=(
                        fl("201", "70", basic="50", project="20"),
                        fl("205", "30", basic="10", project="20"),
                    ),
                )
            ),
            [],
            id="holds",
        ),
        # a class leaving a column blank: that column is not added up
        pytest.param(
            disclosure(
                expenditure=Expenditure(
                    total=A("100"),
                    lines=(kind(BASIC, "1"), kind(PROJECT, "1")),
                    rows=(fl("201", "70", basic="50"), fl("205", "30", project="20")),
                )
            ),
            [],
            id="blank-column",
        ),
        # only 款 rows: nothing to add up
        pytest.param(
            disclosure(
                expenditure=Expenditure(
                    total=A("100"),
                    lines=(kind(BASIC, "1"),),
                    classes=(fl("201", "7"),),
                    rows=(fl("20101", "70", basic="50"),),
                )
            ),
            [],
            id="no-class-rows",
        ),
        pytest.param(
            disclosure(expenditure=Expenditure(total=A("100"), classes=(fl("201", "7"),))),
            [],
            id="no-rows",
        ),
    ],
)
def test_r12_expenditure_table_agrees_with_the_summary(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R12")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(
            disclosure(
                expenditure=Expenditure(total=A("100"), lines=(kind(BASIC, "60"), kind(PROJECT, "39.98")))
            ),
            [(E, "$.expenditure.total", "99.98", "100", "0.02", "0.015")],
            id="off",
        ),
        pytest.param(
            disclosure(expenditure=Expenditure(total=A("100"))),
            [],
            id="no-lines",
        ),
    ],
)
def test_r13_expenditure_total_is_the_sum_of_its_kinds(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R13")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # against the funds and against the three fiscal revenue sources (not 事业收入)
        pytest.param(
            disclosure(
                fiscal=Fiscal(revenue_total=A("100"), funds=(flow(GB, revenue="90"), flow(GF, revenue="9"))),
                revenue=Revenue(
                    lines=(
                        src(RevenueSource.GENERAL_BUDGET, "80"),
                        src(RevenueSource.OPERATIONS, "5"),
                        src(RevenueSource.GOVERNMENT_FUND, "10"),
                        src(RevenueSource.STATE_CAPITAL, "11"),
                    )
                ),
            ),
            [
                (E, "$.fiscal.revenue_total", "99", "100", "1", "0.015"),
                (E, "$.fiscal.revenue_total", "101", "100", "-1", "0.02"),
            ],
            id="off",
        ),
        # one fund without revenue: the funds are not added up
        pytest.param(
            disclosure(
                fiscal=Fiscal(revenue_total=A("100"), funds=(flow(GB, revenue="90"), flow(GF))),
                revenue=Revenue(total=A("5")),
            ),
            [],
            id="blank-fund",
        ),
        pytest.param(
            disclosure(fiscal=Fiscal(revenue_total=A("100"))),
            [],
            id="no-funds",
        ),
    ],
)
def test_r14_fiscal_revenue(d: Disclosure, expected: list[Row], messages: Callable[..., None]) -> None:
    found = findings(d, "R14")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(
            disclosure(
                fiscal=Fiscal(
                    grand_total=A("110"),
                    revenue_total=A("100"),
                    opening_balance=A("9"),
                    funds=(flow(GB, opening="5"), flow(GF, opening="3")),
                )
            ),
            [
                (E, "$.fiscal.grand_total", "109", "110", "1", "0.015"),
                (E, "$.fiscal.opening_balance", "8", "9", "1", "0.015"),
            ],
            id="off",
        ),
        pytest.param(
            disclosure(fiscal=Fiscal(opening_balance=A("9"), funds=(flow(GB, opening="5"), flow(GF)))),
            [],
            id="blank-fund",
        ),
        # no fund rows: nothing to add up (not a sum of 0)
        pytest.param(
            disclosure(fiscal=Fiscal(opening_balance=A("9"))),
            [],
            id="no-funds",
        ),
        pytest.param(
            disclosure(
                fiscal=Fiscal(
                    grand_total=A("109"),
                    revenue_total=A("100"),
                    opening_balance=A("9"),
                    funds=(flow(GB, opening="5"), flow(GF, opening="4")),
                )
            ),
            [],
            id="holds",
        ),
    ],
)
def test_r15_fiscal_grand_total_and_opening_balance(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R15")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(
            disclosure(
                fiscal=Fiscal(
                    grand_total=A("110"),
                    expenditure_total=A("100"),
                    closing_balance=A("9"),
                    funds=(flow(GB, expenditure="95"), flow(GF, expenditure="4")),
                )
            ),
            [
                (E, "$.fiscal.expenditure_total", "99", "100", "1", "0.015"),
                (E, "$.fiscal.grand_total", "109", "110", "1", "0.015"),
            ],
            id="off",
        ),
        pytest.param(
            disclosure(
                fiscal=Fiscal(expenditure_total=A("100"), funds=(flow(GB, expenditure="95"), flow(GF)))
            ),
            [],
            id="blank-fund",
        ),
        # no fund rows: nothing to add up (not a sum of 0)
        pytest.param(
            disclosure(fiscal=Fiscal(expenditure_total=A("100"))),
            [],
            id="no-funds",
        ),
        pytest.param(
            disclosure(
                fiscal=Fiscal(
                    grand_total=A("109"),
                    expenditure_total=A("100"),
                    closing_balance=A("9"),
                    funds=(flow(GB, expenditure="95"), flow(GF, expenditure="5")),
                )
            ),
            [],
            id="holds",
        ),
    ],
)
def test_r17_fiscal_grand_total_and_expenditure(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R17")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # 政府性基金 and 国有资本经营 sections: opening + revenue = spending + closing
        pytest.param(
            disclosure(
                fiscal=Fiscal(funds=(flow(GB, "1", "10", "9", "2"),)),
                government_fund=FundSpending(
                    total=A("8"), opening_balance=A("1"), revenue=A("10"), closing_balance=A("2")
                ),
                state_capital=FundSpending(
                    total=A("9"), opening_balance=A("1"), revenue=A("10"), closing_balance=A("2.01")
                ),
            ),
            [
                (
                    E,
                    "$.government_fund.closing_balance",
                    "11",
                    "10",
                    "-1",
                    "0.02",  # four printed figures, ±0.005 each
                ),
                (N, "$.state_capital.closing_balance", "11", "11.01", "0.01", "0.02"),
            ],
            id="sections",
        ),
        # a section without closing balance or total is not checked
        pytest.param(
            disclosure(
                government_fund=FundSpending(total=A("8"), opening_balance=A("1"), revenue=A("10")),
                state_capital=FundSpending(opening_balance=A("1"), revenue=A("10"), closing_balance=A("2")),
            ),
            [],
            id="blank",
        ),
    ],
)
def test_r18_fund_sections_carry_forward(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R18")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # each fiscal figure above its department total beyond the rounding of both
        pytest.param(
            disclosure(
                fiscal=Fiscal(
                    revenue_total=A("10.02"),
                    expenditure_total=A("11"),
                    opening_balance=A("12"),
                    closing_balance=A("13"),
                    grand_total=A("14"),
                ),
                revenue=Revenue(total=A("10")),
                expenditure=Expenditure(total=A("10")),
                overview=Overview(
                    opening_balance=A("10"), closing_balance=A("10"), revenue_grand_total=A("10")
                ),
            ),
            [
                (E, "$.fiscal.closing_balance", "≤10", "13", "3", "0.01"),
                (E, "$.fiscal.expenditure_total", "≤10", "11", "1", "0.01"),
                (E, "$.fiscal.grand_total", "≤10", "14", "4", "0.01"),
                (E, "$.fiscal.opening_balance", "≤10", "12", "2", "0.01"),
                (E, "$.fiscal.revenue_total", "≤10", "10.02", "0.02", "0.01"),
            ],
            id="above",
        ),
        # 0.01 above is within the rounding of both figures
        pytest.param(
            disclosure(
                fiscal=Fiscal(
                    revenue_total=A("10.01"),
                    expenditure_total=A("10.01"),
                    opening_balance=A("10.01"),
                    closing_balance=A("10.01"),
                    grand_total=A("10.01"),
                ),
                revenue=Revenue(total=A("10")),
                expenditure=Expenditure(total=A("10")),
                overview=Overview(
                    opening_balance=A("10"), closing_balance=A("10"), revenue_grand_total=A("10")
                ),
            ),
            [],
            id="within",
        ),
        pytest.param(
            disclosure(fiscal=Fiscal(revenue_total=A("10.02"))),
            [],
            id="fiscal-only",
        ),
    ],
)
def test_r19_fiscal_figures_within_the_department_totals(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R19")
    assert [row(f) for f in found] == expected
    messages(*found)


#: The disclosure rules of ``budgetacct.auditing.rules`` (every family but the performance ones).
RULE_IDS = (
    *(f"R{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 17, 18, 19, 21, 22, 23, 59, 36)),
    *(f"R{n}" for n in (40, 41, 27, 28, 29, 30, 31, 32, 37, 38, 39, 43, 44, 45, 46, 55, 56, 58)),
)

EVERY_SECTION_EMPTY = disclosure(
    overview=Overview(),
    revenue=Revenue(),
    expenditure=Expenditure(),
    fiscal=Fiscal(),
    general_budget=GeneralBudget(),
    basic_expenditure=BasicExpenditure(),
    three_public=ThreePublic(),
    government_fund=FundSpending(),
    state_capital=FundSpending(),
    operating_costs=OperatingCosts(),
    procurement=Procurement(),
    assets=Assets(),
    staffing=Staffing(),
)


@pytest.mark.parametrize("d", [disclosure(), EVERY_SECTION_EMPTY], ids=["no-section", "empty-sections"])
def test_a_report_that_prints_nothing_gives_no_finding(d: Disclosure) -> None:
    # Every rule skips what is not printed: a missing section or a blank figure is neither a
    # finding nor a crash (a guard's `or` turned into `and` reaches into a missing section).
    assert audit(d, rules=RULE_IDS).findings == ()
