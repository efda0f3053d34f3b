"""The bodies of the disclosure rules in ``budgetacct.auditing.rules`` (``general_budget``,
``three_public``): B.4 一般公共预算, the
narrative's quotes of it and B.5 三公 (R21–R23, R27–R32, R36, R40, R41, R59), one parametrized
test a rule.

As in ``test_mutation_rule_bodies.py``: the rules are registered with ``rule(...)(function)``, so
mutation testing reaches their bodies, and every case compares every field of every finding of a
hand-built ``Disclosure`` — path, figures, severity and both messages.
"""

from __future__ import annotations

import pytest

from _rule_cases import (
    BASIC,
    GB,
    GF,
    PROJECT,
    SC,
    A,
    E,
    N,
    Row,
    W,
    disclosure,
    fig,
    findings,
    fl,
    flow,
    kind,
    src,
)
from budgetacct import Disclosure
from budgetacct.codes import EconomicCode
from budgetacct.model import (
    BasicExpenditure,
    EconomicLine,
    Expenditure,
    Fiscal,
    FundSpending,
    GeneralBudget,
    Revenue,
    RevenueSource,
    ThreePublic,
)


def eco(code: str, amount: str) -> EconomicLine:
    return EconomicLine(EconomicCode(code), A(amount))


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # class rows against the total, the total against the fiscal table, the basic column against 基本支出
        pytest.param(
            disclosure(
                general_budget=GeneralBudget(
                    total=A("100"),
                    rows=(
                        fl("201", "60", basic="50"),
                        fl("20101", "60", basic="50"),
                        fl("205", "39", basic="9"),
                    ),
                ),
                fiscal=Fiscal(funds=(flow(GF, expenditure="1"), flow(GB, expenditure="98"))),
                basic_expenditure=BasicExpenditure(total=A("58")),
            ),
            [
                (
                    E,
                    "$.basic_expenditure.total",
                    "59",
                    "58",
                    "-1",
                    "0.015",
                    "一般公共预算财政拨款基本支出与支出表基本支出列合计不符：应为59万元，实为58万元，相差-1万元",
                    "general budget basic spending differs from the table's basic column: expected 59, found 58, off by -1",
                ),
                (
                    E,
                    "$.general_budget.total",
                    "99",
                    "100",
                    "1",
                    "0.015",
                    "一般公共预算财政拨款支出与支出表各类合计不符：应为99万元，实为100万元，相差1万元",
                    "general budget spending differs from its table's class total: expected 99, found 100, off by 1",
                ),
                (
                    E,
                    "$.general_budget.total",
                    "98",
                    "100",
                    "2",
                    "0.01",
                    "一般公共预算财政拨款支出与财政拨款收支表中的数不符：应为98万元，实为100万元，相差2万元",
                    "general budget spending differs from the fiscal table's figure: expected 98, found 100, off by 2",
                ),
            ],
            id="off",
        ),
        # one class without a basic column: no basic check
        pytest.param(
            disclosure(
                general_budget=GeneralBudget(
                    total=A("100"), rows=(fl("201", "60", basic="50"), fl("205", "40"))
                ),
                fiscal=Fiscal(funds=(flow(GF, expenditure="1"),)),
                basic_expenditure=BasicExpenditure(total=A("58")),
            ),
            [],
            id="blank-basic",
        ),
        pytest.param(
            disclosure(
                general_budget=GeneralBudget(total=A("100")),
                basic_expenditure=BasicExpenditure(total=A("58")),
            ),
            [],
            id="no-rows",
        ),
    ],
)
def test_r21_general_budget_table(d: Disclosure, expected: list[Row]) -> None:
    assert findings(d, "R21") == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # the 款 rows only (not the 类 rows above them), by basic-expense part
        pytest.param(
            disclosure(
                basic_expenditure=BasicExpenditure(
                    personnel=A("30"),
                    public=A("20"),
                    lines=(
                        eco("301", "100"),
                        eco("30101", "20"),
                        eco("30302", "11"),
                        eco("302", "100"),
                        eco("30201", "15"),
                        eco("31002", "4"),
                    ),
                )
            ),
            [
                (
                    E,
                    "$.basic_expenditure.personnel",
                    "31",
                    "30",
                    "-1",
                    "0.015",
                    "人员经费与相应经济分类科目之和不符：应为31万元，实为30万元，相差-1万元",
                    "personnel costs differ from the sum of their economic codes: expected 31, found 30, off by -1",
                ),
                (
                    E,
                    "$.basic_expenditure.public",
                    "19",
                    "20",
                    "1",
                    "0.015",
                    "公用经费与相应经济分类科目之和不符：应为19万元，实为20万元，相差1万元",
                    "public costs differ from the sum of their economic codes: expected 19, found 20, off by 1",
                ),
            ],
            id="kuan",
        ),
        # without 款 rows, the 类 rows
        pytest.param(
            disclosure(
                basic_expenditure=BasicExpenditure(
                    personnel=A("30"),
                    public=A("20"),
                    lines=(eco("301", "20"), eco("303", "11"), eco("302", "19")),
                )
            ),
            [
                (
                    E,
                    "$.basic_expenditure.personnel",
                    "31",
                    "30",
                    "-1",
                    "0.015",
                    "人员经费与相应经济分类科目之和不符：应为31万元，实为30万元，相差-1万元",
                    "personnel costs differ from the sum of their economic codes: expected 31, found 30, off by -1",
                ),
                (
                    E,
                    "$.basic_expenditure.public",
                    "19",
                    "20",
                    "1",
                    "0.01",
                    "公用经费与相应经济分类科目之和不符：应为19万元，实为20万元，相差1万元",
                    "public costs differ from the sum of their economic codes: expected 19, found 20, off by 1",
                ),
            ],
            id="lei",
        ),
        pytest.param(
            disclosure(basic_expenditure=BasicExpenditure(personnel=A("30"), public=A("20"))),
            [],
            id="no-lines",
        ),
    ],
)
def test_r22_personnel_and_public_costs_by_economic_code(d: Disclosure, expected: list[Row]) -> None:
    assert findings(d, "R22") == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(
            disclosure(
                basic_expenditure=BasicExpenditure(
                    total=A("51"), personnel=A("30"), public=A("20"), lines=(eco("30101", "30"),)
                )
            ),
            [
                (
                    E,
                    "$.basic_expenditure.total",
                    "50",
                    "51",
                    "1",
                    "0.015",
                    "基本支出与人员经费、公用经费之和不符：应为50万元，实为51万元，相差1万元",
                    "basic spending differs from personnel + public costs: expected 50, found 51, off by 1",
                )
            ],
            id="off",
        ),
    ],
)
def test_r23_basic_spending_is_personnel_plus_public(d: Disclosure, expected: list[Row]) -> None:
    assert findings(d, "R23") == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # only when no economic lines are printed (otherwise R23 says it)
        pytest.param(
            disclosure(basic_expenditure=BasicExpenditure(total=A("51"), personnel=A("30"), public=A("20"))),
            [
                (
                    E,
                    "$.basic_expenditure.total",
                    "50",
                    "51",
                    "1",
                    "0.015",
                    "说明中基本支出与人员经费、公用经费之和不符：应为50万元，实为51万元，相差1万元",
                    "the narrative's basic spending differs from personnel + public costs: expected 50, found 51, off by 1",
                )
            ],
            id="off",
        ),
        pytest.param(
            disclosure(
                basic_expenditure=BasicExpenditure(
                    total=A("51"), personnel=A("30"), public=A("20"), lines=(eco("30101", "30"),)
                )
            ),
            [],
            id="with-lines",
        ),
    ],
)
def test_r41_the_narratives_basic_spending(d: Disclosure, expected: list[Row]) -> None:
    assert findings(d, "R41") == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # both quotes of the general budget total, the fund sections and the fiscal revenue lines against the fiscal table
        pytest.param(
            disclosure(
                general_budget=GeneralBudget(total=A("100"), structure_total=A("101"), detail_total=A("99")),
                fiscal=Fiscal(
                    funds=(
                        flow(GB, revenue="100"),
                        flow(GF, revenue="7", expenditure="5"),
                        flow(SC, revenue="3", expenditure="2"),
                    )
                ),
                government_fund=FundSpending(total=A("6")),
                state_capital=FundSpending(total=A("2.01")),
                revenue=Revenue(
                    lines=(
                        src(RevenueSource.OPERATIONS, "1"),
                        src(RevenueSource.GENERAL_BUDGET, "100"),
                        src(RevenueSource.GOVERNMENT_FUND, "8"),
                    )
                ),
            ),
            [
                (
                    E,
                    "$.general_budget.detail_total",
                    "100",
                    "99",
                    "-1",
                    "0.01",
                    "一般公共预算财政拨款支出在不同段落中的数字不一致：应为100万元，实为99万元，相差-1万元",
                    "general budget spending is quoted differently in different paragraphs: expected 100, found 99, off by -1",
                ),
                (
                    E,
                    "$.general_budget.structure_total",
                    "100",
                    "101",
                    "1",
                    "0.01",
                    "一般公共预算财政拨款支出在不同段落中的数字不一致：应为100万元，实为101万元，相差1万元",
                    "general budget spending is quoted differently in different paragraphs: expected 100, found 101, off by 1",
                ),
                (
                    E,
                    "$.government_fund.total",
                    "5",
                    "6",
                    "1",
                    "0.01",
                    "政府性基金预算财政拨款支出与财政拨款收支表不一致：应为5万元，实为6万元，相差1万元",
                    "政府性基金预算财政拨款 spending differs from the fiscal table: expected 5, found 6, off by 1",
                ),
                (
                    E,
                    "$.revenue.lines[2].amount",
                    "7",
                    "8",
                    "1",
                    "0.01",
                    "政府性基金预算财政拨款收入与财政拨款收支表不一致：应为7万元，实为8万元，相差1万元",
                    "政府性基金预算财政拨款收入 differs from the fiscal table: expected 7, found 8, off by 1",
                ),
                (
                    N,
                    "$.state_capital.total",
                    "2",
                    "2.01",
                    "0.01",
                    "0.01",
                    "国有资本经营预算财政拨款支出与财政拨款收支表不一致：相差0.01万元，在四舍五入尾数误差以内",
                    "国有资本经营预算财政拨款 spending differs from the fiscal table: off by 0.01 (10k yuan), within rounding",
                ),
            ],
            id="off",
        ),
        # a fund without a fiscal row is not compared
        pytest.param(
            disclosure(
                fiscal=Fiscal(funds=(flow(GB, revenue="100"),)),
                government_fund=FundSpending(total=A("6")),
                revenue=Revenue(lines=(src(RevenueSource.GOVERNMENT_FUND, "8"),)),
            ),
            [],
            id="no-flow",
        ),
        pytest.param(
            disclosure(
                government_fund=FundSpending(total=A("6")),
                revenue=Revenue(lines=(src(RevenueSource.GOVERNMENT_FUND, "8"),)),
            ),
            [],
            id="no-fiscal",
        ),
    ],
)
def test_r59_the_same_figure_quoted_twice(d: Disclosure, expected: list[Row]) -> None:
    assert findings(d, "R59") == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # basic, total and project (total − basic) each above the department's
        pytest.param(
            disclosure(
                expenditure=Expenditure(total=A("100"), lines=(kind(BASIC, "50"), kind(PROJECT, "30"))),
                basic_expenditure=BasicExpenditure(total=A("60")),
                general_budget=GeneralBudget(total=A("101")),
            ),
            [
                (
                    E,
                    "$.basic_expenditure.total",
                    "≤50",
                    "60",
                    "10",
                    "0.01",
                    "一般公共预算财政拨款基本支出大于部门基本支出：60万元超过50万元",
                    "general budget basic spending exceeds the department's basic spending: 60 exceeds 50",
                ),
                (
                    E,
                    "$.expenditure.lines",
                    "≤30",
                    "41",
                    "11",
                    "0.015",  # spending − basic: two printed figures, plus the project spending
                    "一般公共预算财政拨款项目支出（支出减基本支出）大于部门项目支出：41万元超过30万元",
                    "general budget project spending (spending − basic) exceeds the department's project spending: 41 exceeds 30",
                ),
                (
                    E,
                    "$.general_budget.total",
                    "≤100",
                    "101",
                    "1",
                    "0.01",
                    "一般公共预算财政拨款支出大于本年支出合计：101万元超过100万元",
                    "general budget spending exceeds total spending: 101 exceeds 100",
                ),
            ],
            id="above",
        ),
        # project = 41 − 10 = 31 against 31: nothing
        pytest.param(
            disclosure(
                expenditure=Expenditure(total=A("100"), lines=(kind(BASIC, "50"), kind(PROJECT, "31"))),
                basic_expenditure=BasicExpenditure(total=A("10")),
                general_budget=GeneralBudget(total=A("41")),
            ),
            [],
            id="within",
        ),
        # general budget project spending of 1 against a department project spending of 0
        pytest.param(
            disclosure(
                expenditure=Expenditure(total=A("100"), lines=(kind(BASIC, "50"), kind(PROJECT, "0"))),
                basic_expenditure=BasicExpenditure(total=A("10")),
                general_budget=GeneralBudget(total=A("11")),
            ),
            [
                (
                    E,
                    "$.expenditure.lines",
                    "≤0",
                    "1",
                    "1",
                    "0.015",
                    "一般公共预算财政拨款项目支出（支出减基本支出）大于部门项目支出：1万元超过0万元",
                    "general budget project spending (spending − basic) exceeds the department's project spending: 1 exceeds 0",
                )
            ],
            id="one-unit",
        ),
        # a general budget all basic (total − basic = 0) is not compared with 项目支出
        pytest.param(
            disclosure(
                expenditure=Expenditure(total=A("100"), lines=(kind(BASIC, "50"), kind(PROJECT, "0"))),
                basic_expenditure=BasicExpenditure(total=A("10")),
                general_budget=GeneralBudget(total=A("10")),
            ),
            [],
            id="no-project-spending",
        ),
        pytest.param(
            disclosure(
                expenditure=Expenditure(total=A("100"), lines=(kind(PROJECT, "1"),)),
                basic_expenditure=BasicExpenditure(),
                general_budget=GeneralBudget(total=A("41")),
            ),
            [],
            id="blank-basic",
        ),
        pytest.param(
            disclosure(
                expenditure=Expenditure(total=A("100"), lines=(kind(PROJECT, "1"),)),
                basic_expenditure=BasicExpenditure(total=A("10")),
                general_budget=GeneralBudget(),
            ),
            [],
            id="blank-gb-total",
        ),
        pytest.param(
            disclosure(
                expenditure=Expenditure(total=A("100"), lines=(kind(BASIC, "1"), kind(PROJECT, "1"))),
                general_budget=GeneralBudget(total=A("41")),
            ),
            [],
            id="no-basic-section",
        ),
        pytest.param(
            disclosure(
                basic_expenditure=BasicExpenditure(total=A("60")),
                general_budget=GeneralBudget(total=A("101")),
            ),
            [],
            id="no-expenditure",
        ),
    ],
)
def test_r36_general_budget_within_the_department(d: Disclosure, expected: list[Row]) -> None:
    assert findings(d, "R36") == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # leaves (items with no printed child; a 类 printed as an item is its own leaf) against the detail total; each class against its leaves (a class without any: not checked); classes against the structure total
        pytest.param(
            disclosure(
                general_budget=GeneralBudget(
                    total=A("100"),
                    detail_total=A("99"),
                    structure_total=A("98"),
                    classes=(fl("201", "60"), fl("205", "39", "教育支出"), fl("208", "1"), fl("210", "0")),
                    items=(
                        fl("20101", "30"),
                        fl("2010101", "20"),
                        fl("2010102", "11"),
                        fl("2010301", "30"),
                        fl("2050101", "38"),
                        fl("208", "2"),
                    ),
                )
            ),
            [
                (
                    E,
                    "$.general_budget.classes[0].amount",
                    "61",
                    "60",
                    "-1",
                    "0.02",
                    "201（201）与其下各项之和不符：应为61万元，实为60万元，相差-1万元",
                    "class 201 differs from the sum of its items: expected 61, found 60, off by -1",
                ),
                (
                    E,
                    "$.general_budget.classes[1].amount",
                    "38",
                    "39",
                    "1",
                    "0.01",
                    "教育支出（205）与其下各项之和不符：应为38万元，实为39万元，相差1万元",
                    "class 205 differs from the sum of its items: expected 38, found 39, off by 1",
                ),
                (
                    E,
                    "$.general_budget.classes[2].amount",
                    "2",
                    "1",
                    "-1",
                    "0.01",
                    "208（208）与其下各项之和不符：应为2万元，实为1万元，相差-1万元",
                    "class 208 differs from the sum of its items: expected 2, found 1, off by -1",
                ),
                (
                    E,
                    "$.general_budget.detail_total",
                    "101",
                    "99",
                    "-2",
                    "0.03",
                    "一般公共预算支出具体情况各项之和与总额不符：应为101万元，实为99万元，相差-2万元",
                    "the general budget items do not add up to the total: expected 101, found 99, off by -2",
                ),
                (
                    E,
                    "$.general_budget.structure_total",
                    "100",
                    "98",
                    "-2",
                    "0.025",
                    "一般公共预算支出结构各类之和与总额不符：应为100万元，实为98万元，相差-2万元",
                    "the general budget classes do not add up to the total: expected 100, found 98, off by -2",
                ),
            ],
            id="off",
        ),
        # blank detail and structure totals fall back on the total
        pytest.param(
            disclosure(
                general_budget=GeneralBudget(
                    total=A("100"),
                    classes=(fl("201", "60"), fl("205", "39")),
                    items=(fl("2010101", "60"), fl("2050101", "39.99")),
                )
            ),
            [
                (
                    E,
                    "$.general_budget.classes[1].amount",
                    "39.99",
                    "39",
                    "-0.99",
                    "0.01",
                    "205（205）与其下各项之和不符：应为39.99万元，实为39万元，相差-0.99万元",
                    "class 205 differs from the sum of its items: expected 39.99, found 39, off by -0.99",
                ),
                (
                    E,
                    "$.general_budget.structure_total",
                    "99",
                    "100",
                    "1",
                    "0.015",
                    "一般公共预算支出结构各类之和与总额不符：应为99万元，实为100万元，相差1万元",
                    "the general budget classes do not add up to the total: expected 99, found 100, off by 1",
                ),
                (
                    N,
                    "$.general_budget.detail_total",
                    "99.99",
                    "100",
                    "0.01",
                    "0.015",
                    "一般公共预算支出具体情况各项之和与总额不符：相差0.01万元，在四舍五入尾数误差以内",
                    "the general budget items do not add up to the total: off by 0.01 (10k yuan), within rounding",
                ),
            ],
            id="totals",
        ),
        pytest.param(
            disclosure(general_budget=GeneralBudget(total=A("100"), classes=(fl("201", "60"),))),
            [],
            id="no-items",
        ),
        # classes printed as 款 group the items under each 款
        pytest.param(
            disclosure(
                general_budget=GeneralBudget(
                    total=A("3"),
                    classes=(fl("20101", "1"), fl("20103", "2.5")),
                    items=(fl("2010101", "1"), fl("2010301", "2")),
                )
            ),
            [
                (
                    E,
                    "$.general_budget.classes[1].amount",
                    "2",
                    "2.5",
                    "0.5",
                    "0.01",
                    "20103（20103）与其下各项之和不符：应为2万元，实为2.5万元，相差0.5万元",
                    "class 20103 differs from the sum of its items: expected 2, found 2.5, off by 0.5",
                ),
                (
                    E,
                    "$.general_budget.structure_total",
                    "3.5",
                    "3",
                    "-0.5",
                    "0.015",
                    "一般公共预算支出结构各类之和与总额不符：应为3.5万元，实为3万元，相差-0.5万元",
                    "the general budget classes do not add up to the total: expected 3.5, found 3, off by -0.5",
                ),
            ],
            id="kuan-classes",
        ),
    ],
)
def test_r40_general_budget_items_classes_and_total(d: Disclosure, expected: list[Row]) -> None:
    assert findings(d, "R40") == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # budget and final columns
        pytest.param(
            disclosure(
                three_public=ThreePublic(
                    total=fig("10", "20"),
                    outbound=fig("1", "5"),
                    vehicles=fig("2", "5"),
                    reception=fig("3", "5"),
                )
            ),
            [
                (
                    E,
                    "$.three_public.total.actual",
                    "6",
                    "10",
                    "4",
                    "0.02",
                    "“三公”经费合计与三项之和不符：应为6万元，实为10万元，相差4万元",
                    "三公 total differs from the sum of its three items: expected 6, found 10, off by 4",
                ),
                (
                    E,
                    "$.three_public.total.budget",
                    "15",
                    "20",
                    "5",
                    "0.02",
                    "“三公”经费合计与三项之和不符：应为15万元，实为20万元，相差5万元",
                    "三公 total differs from the sum of its three items: expected 15, found 20, off by 5",
                ),
            ],
            id="off",
        ),
    ],
)
def test_r27_three_public_total(d: Disclosure, expected: list[Row]) -> None:
    assert findings(d, "R27") == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(
            disclosure(
                three_public=ThreePublic(
                    vehicles=fig("10", "20"), vehicle_purchase=fig("4", "15"), vehicle_operation=fig("5", "5")
                )
            ),
            [
                (
                    E,
                    "$.three_public.vehicles.actual",
                    "9",
                    "10",
                    "1",
                    "0.015",
                    "公务用车购置及运行维护费与两项之和不符：应为9万元，实为10万元，相差1万元",
                    "vehicle costs differ from purchase + operation: expected 9, found 10, off by 1",
                )
            ],
            id="off",
        ),
    ],
)
def test_r28_vehicles(d: Disclosure, expected: list[Row]) -> None:
    assert findings(d, "R28") == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(
            disclosure(
                three_public=ThreePublic(
                    reception=fig("10", "20"),
                    domestic_reception=fig("6", "15"),
                    foreign_reception=fig("3", "5"),
                )
            ),
            [
                (
                    E,
                    "$.three_public.reception.actual",
                    "9",
                    "10",
                    "1",
                    "0.015",
                    "公务接待费与国内、外事接待费之和不符：应为9万元，实为10万元，相差1万元",
                    "reception differs from domestic + foreign: expected 9, found 10, off by 1",
                )
            ],
            id="separate",
        ),
        # where 国内 includes 外事: reception = 国内, 外事 ≤ 国内, in both columns
        pytest.param(
            disclosure(
                three_public=ThreePublic(
                    foreign_included_in_domestic=True,
                    reception=fig("10", "20"),
                    domestic_reception=fig("9", "19"),
                    foreign_reception=fig("9.5", "19.5"),
                )
            ),
            [
                (
                    E,
                    "$.three_public.foreign_reception.actual",
                    "≤9",
                    "9.5",
                    "0.5",
                    "0.01",
                    "外事接待费大于包含它的国内公务接待费：9.5万元超过9万元",
                    "foreign reception exceeds the domestic reception that includes it: 9.5 exceeds 9",
                ),
                (
                    E,
                    "$.three_public.foreign_reception.budget",
                    "≤19",
                    "19.5",
                    "0.5",
                    "0.01",
                    "外事接待费大于包含它的国内公务接待费：19.5万元超过19万元",
                    "foreign reception exceeds the domestic reception that includes it: 19.5 exceeds 19",
                ),
                (
                    E,
                    "$.three_public.reception.actual",
                    "9",
                    "10",
                    "1",
                    "0.01",
                    "公务接待费与国内公务接待费（含外事）不符：应为9万元，实为10万元，相差1万元",
                    "reception differs from domestic reception (which includes foreign): expected 9, found 10, off by 1",
                ),
                (
                    E,
                    "$.three_public.reception.budget",
                    "19",
                    "20",
                    "1",
                    "0.01",
                    "公务接待费与国内公务接待费（含外事）不符：应为19万元，实为20万元，相差1万元",
                    "reception differs from domestic reception (which includes foreign): expected 19, found 20, off by 1",
                ),
            ],
            id="foreign-included",
        ),
        pytest.param(
            disclosure(
                three_public=ThreePublic(
                    foreign_included_in_domestic=True,
                    reception=fig("10", "20"),
                    domestic_reception=fig("10", "20"),
                    foreign_reception=fig("3", "20"),
                )
            ),
            [],
            id="foreign-included-holds",
        ),
    ],
)
def test_r29_reception(d: Disclosure, expected: list[Row]) -> None:
    assert findings(d, "R29") == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # each 三公 code above its final figure; 31013 and 30913 add up; the path is the first line's
        pytest.param(
            disclosure(
                three_public=ThreePublic(
                    outbound=fig("1"),
                    reception=fig("2"),
                    vehicle_operation=fig("3"),
                    vehicle_purchase=fig("4"),
                ),
                basic_expenditure=BasicExpenditure(
                    lines=(
                        eco("30101", "9"),
                        eco("30212", "1.02"),
                        eco("30217", "3"),
                        eco("30231", "4"),
                        eco("30913", "2"),
                        eco("31013", "2.02"),
                    )
                ),
            ),
            [
                (
                    W,
                    "$.basic_expenditure.lines[1].amount",
                    "≤1",
                    "1.02",
                    "0.02",
                    "0.01",
                    "基本支出中的因公出国（境）费（30212）大于“三公”经费中的因公出国（境）费：1.02万元超过1万元",
                    "basic spending on 因公出国（境）费 (30212) exceeds the 三公 figure: 1.02 exceeds 1",
                ),
                (
                    W,
                    "$.basic_expenditure.lines[2].amount",
                    "≤2",
                    "3",
                    "1",
                    "0.01",
                    "基本支出中的公务接待费（30217）大于“三公”经费中的公务接待费：3万元超过2万元",
                    "basic spending on 公务接待费 (30217) exceeds the 三公 figure: 3 exceeds 2",
                ),
                (
                    W,
                    "$.basic_expenditure.lines[3].amount",
                    "≤3",
                    "4",
                    "1",
                    "0.01",
                    "基本支出中的公务用车运行维护费（30231）大于“三公”经费中的公务用车运行维护费：4万元超过3万元",
                    "basic spending on 公务用车运行维护费 (30231) exceeds the 三公 figure: 4 exceeds 3",
                ),
                (
                    W,
                    "$.basic_expenditure.lines[4].amount",
                    "≤4",
                    "4.02",
                    "0.02",
                    "0.015",  # two printed lines summed, plus the 三公 figure
                    "基本支出中的公务用车购置费（31013/30913）大于“三公”经费中的公务用车购置费：4.02万元超过4万元",
                    "basic spending on 公务用车购置费 (31013/30913) exceeds the 三公 figure: 4.02 exceeds 4",
                ),
            ],
            id="above",
        ),
        pytest.param(
            disclosure(
                three_public=ThreePublic(
                    outbound=fig("1"),
                    reception=fig("2"),
                    vehicle_operation=fig("3"),
                    vehicle_purchase=fig("4"),
                ),
                basic_expenditure=BasicExpenditure(
                    lines=(eco("30212", "1.01"), eco("30217", "2"), eco("30231", "3"), eco("31013", "4"))
                ),
            ),
            [],
            id="within",
        ),
        # a 三公 figure without final amount is not compared; the next one still is
        pytest.param(
            disclosure(
                three_public=ThreePublic(outbound=fig(None, "1"), reception=fig("2")),
                basic_expenditure=BasicExpenditure(lines=(eco("30212", "5"), eco("30217", "3"))),
            ),
            [
                (
                    W,
                    "$.basic_expenditure.lines[1].amount",
                    "≤2",
                    "3",
                    "1",
                    "0.01",
                    "基本支出中的公务接待费（30217）大于“三公”经费中的公务接待费：3万元超过2万元",
                    "basic spending on 公务接待费 (30217) exceeds the 三公 figure: 3 exceeds 2",
                )
            ],
            id="blank-figure",
        ),
        pytest.param(
            disclosure(
                three_public=ThreePublic(outbound=fig("1")), basic_expenditure=BasicExpenditure(total=A("5"))
            ),
            [],
            id="no-lines",
        ),
    ],
)
def test_r30_three_public_codes_in_basic_spending(d: Disclosure, expected: list[Row]) -> None:
    assert findings(d, "R30") == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # groups without people, people below groups, money without a count
        pytest.param(
            disclosure(
                three_public=ThreePublic(
                    outbound=fig("1"),
                    domestic_reception=fig("2"),
                    foreign_reception=fig("3"),
                    vehicle_purchase=fig("4"),
                    vehicle_operation=fig("5"),
                    outbound_groups=2,
                    outbound_people=0,
                    domestic_batches=3,
                    domestic_people=2,
                    foreign_batches=0,
                    foreign_people=1,
                    vehicles_purchased=0,
                    vehicles_held=0,
                )
            ),
            [
                (
                    W,
                    "$.three_public.domestic_people",
                    None,
                    "3/2",
                    None,
                    None,
                    "人次2少于国内公务接待批次3",
                    "domestic_people (2) is below domestic_batches (3)",
                ),
                (
                    W,
                    "$.three_public.foreign_batches",
                    None,
                    "0/1",
                    None,
                    None,
                    "外事接待批次为0而人次为1",
                    "foreign_batches is 0 but foreign_people is 1",
                ),
                (
                    W,
                    "$.three_public.foreign_batches",
                    "≥1",
                    "0",
                    None,
                    None,
                    "外事接待费3万元，但接待批次为0",
                    "foreign_reception is 3 but foreign_batches is 0",
                ),
                (
                    W,
                    "$.three_public.outbound_groups",
                    None,
                    "2/0",
                    None,
                    None,
                    "因公出国（境）团组为2而人次为0",
                    "outbound_groups is 2 but outbound_people is 0",
                ),
                (
                    W,
                    "$.three_public.outbound_people",
                    None,
                    "2/0",
                    None,
                    None,
                    "人次0少于因公出国（境）团组2",
                    "outbound_people (0) is below outbound_groups (2)",
                ),
                (
                    W,
                    "$.three_public.vehicles_held",
                    "≥1",
                    "0",
                    None,
                    None,
                    "公务用车运行维护费5万元，但保有量为0",
                    "vehicle_operation is 5 but vehicles_held is 0",
                ),
                (
                    W,
                    "$.three_public.vehicles_purchased",
                    "≥1",
                    "0",
                    None,
                    None,
                    "公务用车购置费4万元，但购置数为0",
                    "vehicle_purchase is 4 but vehicles_purchased is 0",
                ),
            ],
            id="counts",
        ),
        # any money above 0 (0.5 too) needs a count of at least 1
        pytest.param(
            disclosure(
                three_public=ThreePublic(
                    outbound=fig("0.5"),
                    domestic_reception=fig("2"),
                    outbound_groups=0,
                    outbound_people=0,
                    domestic_batches=0,
                    domestic_people=0,
                )
            ),
            [
                (
                    W,
                    "$.three_public.domestic_batches",
                    "≥1",
                    "0",
                    None,
                    None,
                    "国内公务接待费2万元，但接待批次为0",
                    "domestic_reception is 2 but domestic_batches is 0",
                ),
                (
                    W,
                    "$.three_public.outbound_groups",
                    "≥1",
                    "0",
                    None,
                    None,
                    "因公出国（境）费0.5万元，但团组数为0",
                    "outbound is 0.5 but outbound_groups is 0",
                ),
            ],
            id="money-without-count",
        ),
        # zero money with zero counts, equal counts
        pytest.param(
            disclosure(
                three_public=ThreePublic(
                    outbound=fig("0"),
                    domestic_reception=fig("2"),
                    outbound_groups=0,
                    outbound_people=0,
                    domestic_batches=2,
                    domestic_people=2,
                    vehicles_held=0,
                )
            ),
            [],
            id="consistent",
        ),
    ],
)
def test_r31_three_public_amounts_and_counts(d: Disclosure, expected: list[Row]) -> None:
    assert findings(d, "R31") == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(
            disclosure(
                three_public=ThreePublic(total=fig("10.02")), general_budget=GeneralBudget(total=A("10"))
            ),
            [
                (
                    E,
                    "$.three_public.total.actual",
                    "≤10",
                    "10.02",
                    "0.02",
                    "0.01",
                    "“三公”经费大于一般公共预算财政拨款支出：10.02万元超过10万元",
                    "三公 spending exceeds general budget spending: 10.02 exceeds 10",
                )
            ],
            id="above",
        ),
        pytest.param(
            disclosure(
                three_public=ThreePublic(total=fig("10.01")), general_budget=GeneralBudget(total=A("10"))
            ),
            [],
            id="within",
        ),
    ],
)
def test_r32_three_public_within_the_general_budget(d: Disclosure, expected: list[Row]) -> None:
    assert findings(d, "R32") == expected
