"""The bodies of the disclosure rules in ``budgetacct.auditing.rules`` (``general_budget``,
``three_public``): B.4 一般公共预算, the
narrative's quotes of it and B.5 三公 (R21–R23, R27–R32, R36, R40, R41, R59), one parametrized
test a rule.

As in ``test_mutation_rule_bodies.py``: the rules are plain functions without a decorator, so
mutation testing reaches their bodies, and every case compares every field of every finding of a
hand-built ``Disclosure`` — path, figures and severity by hand, both messages against the
module's snapshot file.
"""

from __future__ import annotations

from collections.abc import Callable

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
    row,
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
                (E, "$.basic_expenditure.total", "59", "58", "-1", "0.015"),
                (E, "$.general_budget.total", "99", "100", "1", "0.015"),
                (E, "$.general_budget.total", "98", "100", "2", "0.01"),
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
def test_r21_general_budget_table(d: Disclosure, expected: list[Row], messages: Callable[..., None]) -> None:
    found = findings(d, "R21")
    assert [row(f) for f in found] == expected
    messages(*found)


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
                (E, "$.basic_expenditure.personnel", "31", "30", "-1", "0.015"),
                (E, "$.basic_expenditure.public", "19", "20", "1", "0.015"),
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
                (E, "$.basic_expenditure.personnel", "31", "30", "-1", "0.015"),
                (E, "$.basic_expenditure.public", "19", "20", "1", "0.01"),
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
def test_r22_personnel_and_public_costs_by_economic_code(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R22")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(
            disclosure(
                basic_expenditure=BasicExpenditure(
                    total=A("51"), personnel=A("30"), public=A("20"), lines=(eco("30101", "30"),)
                )
            ),
            [(E, "$.basic_expenditure.total", "50", "51", "1", "0.015")],
            id="off",
        ),
    ],
)
def test_r23_basic_spending_is_personnel_plus_public(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R23")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # only when no economic lines are printed (otherwise R23 says it)
        pytest.param(
            disclosure(basic_expenditure=BasicExpenditure(total=A("51"), personnel=A("30"), public=A("20"))),
            [(E, "$.basic_expenditure.total", "50", "51", "1", "0.015")],
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
def test_r41_the_narratives_basic_spending(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R41")
    assert [row(f) for f in found] == expected
    messages(*found)


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
                (E, "$.general_budget.detail_total", "100", "99", "-1", "0.01"),
                (E, "$.general_budget.structure_total", "100", "101", "1", "0.01"),
                (E, "$.government_fund.total", "5", "6", "1", "0.01"),
                (E, "$.revenue.lines[2].amount", "7", "8", "1", "0.01"),
                (N, "$.state_capital.total", "2", "2.01", "0.01", "0.01"),
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
def test_r59_the_same_figure_quoted_twice(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R59")
    assert [row(f) for f in found] == expected
    messages(*found)


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
                (E, "$.basic_expenditure.total", "≤50", "60", "10", "0.01"),
                (
                    E,
                    "$.expenditure.lines",
                    "≤30",
                    "41",
                    "11",
                    "0.015",  # spending − basic: two printed figures, plus the project spending
                ),
                (E, "$.general_budget.total", "≤100", "101", "1", "0.01"),
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
            [(E, "$.expenditure.lines", "≤0", "1", "1", "0.015")],
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
def test_r36_general_budget_within_the_department(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R36")
    assert [row(f) for f in found] == expected
    messages(*found)


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
                (E, "$.general_budget.classes[0].amount", "61", "60", "-1", "0.02"),
                (E, "$.general_budget.classes[1].amount", "38", "39", "1", "0.01"),
                (E, "$.general_budget.classes[2].amount", "2", "1", "-1", "0.01"),
                (E, "$.general_budget.detail_total", "101", "99", "-2", "0.03"),
                (E, "$.general_budget.structure_total", "100", "98", "-2", "0.025"),
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
                (E, "$.general_budget.classes[1].amount", "39.99", "39", "-0.99", "0.01"),
                (E, "$.general_budget.structure_total", "99", "100", "1", "0.015"),
                (N, "$.general_budget.detail_total", "99.99", "100", "0.01", "0.015"),
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
                (E, "$.general_budget.classes[1].amount", "2", "2.5", "0.5", "0.01"),
                (E, "$.general_budget.structure_total", "3.5", "3", "-0.5", "0.015"),
            ],
            id="kuan-classes",
        ),
    ],
)
def test_r40_general_budget_items_classes_and_total(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R40")
    assert [row(f) for f in found] == expected
    messages(*found)


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
                (E, "$.three_public.total.actual", "6", "10", "4", "0.02"),
                (E, "$.three_public.total.budget", "15", "20", "5", "0.02"),
            ],
            id="off",
        ),
    ],
)
def test_r27_three_public_total(d: Disclosure, expected: list[Row], messages: Callable[..., None]) -> None:
    found = findings(d, "R27")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(
            disclosure(
                three_public=ThreePublic(
                    vehicles=fig("10", "20"), vehicle_purchase=fig("4", "15"), vehicle_operation=fig("5", "5")
                )
            ),
            [(E, "$.three_public.vehicles.actual", "9", "10", "1", "0.015")],
            id="off",
        ),
    ],
)
def test_r28_vehicles(d: Disclosure, expected: list[Row], messages: Callable[..., None]) -> None:
    found = findings(d, "R28")
    assert [row(f) for f in found] == expected
    messages(*found)


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
            [(E, "$.three_public.reception.actual", "9", "10", "1", "0.015")],
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
                (E, "$.three_public.foreign_reception.actual", "≤9", "9.5", "0.5", "0.01"),
                (E, "$.three_public.foreign_reception.budget", "≤19", "19.5", "0.5", "0.01"),
                (E, "$.three_public.reception.actual", "9", "10", "1", "0.01"),
                (E, "$.three_public.reception.budget", "19", "20", "1", "0.01"),
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
def test_r29_reception(d: Disclosure, expected: list[Row], messages: Callable[..., None]) -> None:
    found = findings(d, "R29")
    assert [row(f) for f in found] == expected
    messages(*found)


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
                (W, "$.basic_expenditure.lines[1].amount", "≤1", "1.02", "0.02", "0.01"),
                (W, "$.basic_expenditure.lines[2].amount", "≤2", "3", "1", "0.01"),
                (W, "$.basic_expenditure.lines[3].amount", "≤3", "4", "1", "0.01"),
                (
                    W,
                    "$.basic_expenditure.lines[4].amount",
                    "≤4",
                    "4.02",
                    "0.02",
                    "0.015",  # two printed lines summed, plus the 三公 figure
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
            [(W, "$.basic_expenditure.lines[1].amount", "≤2", "3", "1", "0.01")],
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
def test_r30_three_public_codes_in_basic_spending(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R30")
    assert [row(f) for f in found] == expected
    messages(*found)


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
                (W, "$.three_public.domestic_people", None, "3/2", None, None),
                (W, "$.three_public.foreign_batches", None, "0/1", None, None),
                (W, "$.three_public.foreign_batches", "≥1", "0", None, None),
                (W, "$.three_public.outbound_groups", None, "2/0", None, None),
                (W, "$.three_public.outbound_people", None, "2/0", None, None),
                (W, "$.three_public.vehicles_held", "≥1", "0", None, None),
                (W, "$.three_public.vehicles_purchased", "≥1", "0", None, None),
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
                (W, "$.three_public.domestic_batches", "≥1", "0", None, None),
                (W, "$.three_public.outbound_groups", "≥1", "0", None, None),
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
def test_r31_three_public_amounts_and_counts(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R31")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(
            disclosure(
                three_public=ThreePublic(total=fig("10.02")), general_budget=GeneralBudget(total=A("10"))
            ),
            [(E, "$.three_public.total.actual", "≤10", "10.02", "0.02", "0.01")],
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
def test_r32_three_public_within_the_general_budget(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R32")
    assert [row(f) for f in found] == expected
    messages(*found)
