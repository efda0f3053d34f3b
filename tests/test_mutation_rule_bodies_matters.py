"""The bodies of the disclosure rules in ``budgetacct.auditing.rules`` (``shares_and_changes``,
``other_matters``, ``codes_and_precision``): B.7 percentages and changes,
B.8 other matters, B.10 units and codes (R37–R39, R43–R46, R55, R56), one parametrized test a rule.

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
    DEC,
    INC,
    PROJECT,
    A,
    E,
    N,
    P,
    Row,
    W,
    disclosure,
    fig,
    findings,
    fl,
    kind,
    row,
    src,
)
from budgetacct import Disclosure, StatedChange
from budgetacct.codes import FunctionCode
from budgetacct.model import (
    Assets,
    BasicExpenditure,
    Count,
    Expenditure,
    Fiscal,
    FunctionLine,
    FundSpending,
    GeneralBudget,
    OperatingCosts,
    Overview,
    Procurement,
    Revenue,
    RevenueSource,
    Staffing,
    ThreePublic,
    UnitStaffing,
)
from budgetacct.money import Direction


def chg(
    direction: Direction, amount: str | None = None, rate: str | None = None, previous: str | None = None
) -> StatedChange:
    return StatedChange(
        direction,
        A(amount) if amount is not None else None,
        P(rate) if rate is not None else None,
        A(previous) if previous is not None else None,
    )


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # each share off by 1 point; the shares total 101 (printed without decimals, each may be
        # off by half a point: one of two by 0.5)
        pytest.param(
            disclosure(
                revenue=Revenue(
                    total=A("100"),
                    lines=(
                        src(RevenueSource.GENERAL_BUDGET, "60", "60"),
                        src(RevenueSource.OTHER, "40", "41"),
                    ),
                ),
                expenditure=Expenditure(
                    total=A("100"), lines=(kind(BASIC, "70", "70"), kind(PROJECT, "30", "31"))
                ),
            ),
            [
                (E, "$.expenditure.lines", "100", "101", "1", "0.5"),
                (E, "$.expenditure.lines[1].share", "30", "31", "1", "0.01"),
                (E, "$.revenue.lines", "100", "101", "1", "0.5"),
                (E, "$.revenue.lines[1].share", "40", "41", "1", "0.01"),
            ],
            id="revenue-expenditure",
        ),
        # the class shares are of the structure total when it is printed
        pytest.param(
            disclosure(
                general_budget=GeneralBudget(
                    total=A("100"),
                    structure_total=A("50"),
                    classes=(fl("201", "25", share="50"), fl("205", "25", share="50")),
                )
            ),
            [],
            id="structure-total",
        ),
        # class shares that total 101%
        pytest.param(
            disclosure(
                general_budget=GeneralBudget(
                    total=A("100"), classes=(fl("201", "50", share="50"), fl("205", "50", share="51"))
                )
            ),
            [
                (E, "$.general_budget.classes", "100", "101", "1", "0.5"),
                (E, "$.general_budget.classes[1].share", "50", "51", "1", "0.01"),
            ],
            id="class-shares-total",
        ),
        # and of the total otherwise
        pytest.param(
            disclosure(
                general_budget=GeneralBudget(
                    total=A("100"), classes=(fl("201", "25", share="50"), fl("205", "75", share="50"))
                )
            ),
            [
                (E, "$.general_budget.classes[0].share", "25", "50", "25", "0.01"),
                (E, "$.general_budget.classes[1].share", "75", "50", "-25", "0.01"),
            ],
            id="gb-total",
        ),
        # the general budget's share of the department's spending
        pytest.param(
            disclosure(
                general_budget=GeneralBudget(total=A("50"), share=P("51")),
                expenditure=Expenditure(total=A("100")),
            ),
            [(E, "$.general_budget.share", "50", "51", "1", "0.01")],
            id="gb-share",
        ),
        pytest.param(
            disclosure(general_budget=GeneralBudget(total=A("50"), share=P("51"))),
            [],
            id="gb-share-no-expenditure",
        ),
        pytest.param(
            disclosure(
                procurement=Procurement(
                    total=A("100"),
                    sme=A("50"),
                    sme_share=P("51"),
                    small_micro=A("20"),
                    small_micro_share=P("21"),
                )
            ),
            [
                (E, "$.procurement.small_micro_share", "20", "21", "1", "0.01"),
                (E, "$.procurement.sme_share", "50", "51", "1", "0.01"),
            ],
            id="procurement",
        ),
    ],
)
def test_r37_shares(d: Disclosure, expected: list[Row], messages: Callable[..., None]) -> None:
    found = findings(d, "R37")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # a rise printed as a fall in every section that states a change
        pytest.param(
            disclosure(
                overview=Overview(revenue_grand_total=A("10"), change=chg(DEC, previous="8")),
                revenue=Revenue(total=A("11"), change=chg(DEC, previous="8")),
                expenditure=Expenditure(total=A("12"), change=chg(DEC, previous="8")),
                fiscal=Fiscal(grand_total=A("13"), change=chg(DEC, previous="8")),
                general_budget=GeneralBudget(total=A("14"), change=chg(DEC, previous="8")),
                government_fund=FundSpending(total=A("15"), change=chg(DEC, previous="8")),
                state_capital=FundSpending(total=A("16"), change=chg(DEC, previous="8")),
                operating_costs=OperatingCosts(amount=A("17"), change=chg(DEC, previous="8")),
                three_public=ThreePublic(
                    total=fig("18", change=chg(DEC, previous="8")),
                    foreign_reception=fig("19", change=chg(DEC, previous="8")),
                ),
            ),
            [
                (E, "$.expenditure.change.direction", "增加", "减少", None, None),
                (E, "$.fiscal.change.direction", "增加", "减少", None, None),
                (E, "$.general_budget.change.direction", "增加", "减少", None, None),
                (E, "$.government_fund.change.direction", "增加", "减少", None, None),
                (E, "$.operating_costs.change.direction", "增加", "减少", None, None),
                (E, "$.overview.change.direction", "增加", "减少", None, None),
                (E, "$.revenue.change.direction", "增加", "减少", None, None),
                (E, "$.state_capital.change.direction", "增加", "减少", None, None),
                (E, "$.three_public.foreign_reception.change.direction", "增加", "减少", None, None),
                (E, "$.three_public.total.change.direction", "增加", "减少", None, None),
            ],
            id="sections",
        ),
        # without a grand revenue total, the grand expenditure total is the current figure
        pytest.param(
            disclosure(overview=Overview(expenditure_grand_total=A("10"), change=chg(DEC, previous="8"))),
            [(E, "$.overview.change.direction", "增加", "减少", None, None)],
            id="overview-expenditure",
        ),
    ],
)
def test_r38_changes_of_every_section(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R38")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # detail total against detail budget, each item against its budget
        pytest.param(
            disclosure(
                general_budget=GeneralBudget(
                    total=A("80"),
                    detail_total=A("90"),
                    detail_budget=A("100"),
                    detail_completion=P("91"),
                    items=(
                        fl("2010101", "50", budget="100", completion="51"),
                        fl("2010102", "50", budget="100", completion="50"),
                    ),
                )
            ),
            [
                (E, "$.general_budget.detail_completion", "90", "91", "1", "0.01"),
                (E, "$.general_budget.items[0].completion", "50", "51", "1", "0.01"),
            ],
            id="general-budget",
        ),
        # a blank detail total: the total
        pytest.param(
            disclosure(
                general_budget=GeneralBudget(total=A("80"), detail_budget=A("100"), detail_completion=P("81"))
            ),
            [(E, "$.general_budget.detail_completion", "80", "81", "1", "0.01")],
            id="detail-from-total",
        ),
        # completion, the budget as the comparison figure of versus_budget, the word against the completion
        pytest.param(
            disclosure(
                three_public=ThreePublic(
                    total=fig("10", "20", "51", versus=chg(DEC, "11")),
                    outbound=fig("10", "20", "50", versus=chg(INC, "10")),
                    reception=fig("30", "20", "150", versus=chg(DEC, "10")),
                    vehicles=fig("10", "20", versus=chg(DEC, "5", previous="15")),
                    vehicle_purchase=fig("10", "20", versus=chg(DEC, "10", "40")),
                    domestic_reception=fig("20.1", "20", "100.5", versus=chg(DEC, "0.1")),
                )
            ),
            [
                (E, "$.three_public.domestic_reception.versus_budget", None, "减少", None, None),
                (E, "$.three_public.domestic_reception.versus_budget.direction", "增加", "减少", None, None),
                (E, "$.three_public.outbound.versus_budget", None, "增加", None, None),
                (E, "$.three_public.outbound.versus_budget.direction", "减少", "增加", None, None),
                (E, "$.three_public.reception.versus_budget", None, "减少", None, None),
                (E, "$.three_public.reception.versus_budget.direction", "增加", "减少", None, None),
                (E, "$.three_public.total.completion", "50", "51", "1", "0.04"),
                (E, "$.three_public.total.versus_budget.amount", "10", "11", "1", "0.015"),
                (E, "$.three_public.vehicle_purchase.versus_budget.rate", "50", "40", "-10", "0.04"),
            ],
            id="three-public",
        ),
        # 1000.04 against 1000.00 is an increase at 100.00%, 999.96 a decrease at 100.00%: no contradiction
        pytest.param(
            disclosure(
                three_public=ThreePublic(
                    total=fig("1000.04", "1000", "100", versus=chg(INC, "0.04")),
                    outbound=fig("999.96", "1000", "100", versus=chg(DEC, "0.04")),
                )
            ),
            [],
            id="flat-within-rounding",
        ),
    ],
)
def test_r39_completion_rates(d: Disclosure, expected: list[Row], messages: Callable[..., None]) -> None:
    found = findings(d, "R39")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(
            disclosure(
                operating_costs=OperatingCosts(amount=A("80")),
                basic_expenditure=BasicExpenditure(public=A("75")),
            ),
            [(E, "$.operating_costs.amount", "≤75", "80", "5", "0.01")],
            id="above",
        ),
        # equal to all public costs while a unit has 事业 staff: a note naming the units
        pytest.param(
            disclosure(
                operating_costs=OperatingCosts(amount=A("75")),
                basic_expenditure=BasicExpenditure(public=A("75")),
                staffing=Staffing(
                    units=(
                        UnitStaffing("机关", authorized_by_category=(Count("行政编制", 5),)),
                        UnitStaffing("中心", actual_by_category=(Count("事业人员", 3),)),
                        UnitStaffing("站", authorized_by_category=(Count("事业编制", 2),)),
                    )
                ),
            ),
            [(N, "$.operating_costs.amount", "<75", "75", None, None)],
            id="equal-with-institution",
        ),
        pytest.param(
            disclosure(
                operating_costs=OperatingCosts(amount=A("75")),
                basic_expenditure=BasicExpenditure(public=A("75")),
                staffing=Staffing(
                    units=(UnitStaffing("机关", authorized_by_category=(Count("行政编制", 5),)),)
                ),
            ),
            [],
            id="equal-without-institution",
        ),
        pytest.param(
            disclosure(
                operating_costs=OperatingCosts(amount=A("74")),
                basic_expenditure=BasicExpenditure(public=A("75")),
                staffing=Staffing(units=(UnitStaffing("中心", actual_by_category=(Count("事业人员", 3),)),)),
            ),
            [],
            id="below",
        ),
        pytest.param(
            disclosure(
                operating_costs=OperatingCosts(amount=A("75")),
                basic_expenditure=BasicExpenditure(public=A("75")),
            ),
            [],
            id="no-staffing",
        ),
        pytest.param(
            disclosure(
                operating_costs=OperatingCosts(),
                basic_expenditure=BasicExpenditure(public=A("75")),
                staffing=Staffing(units=(UnitStaffing("中心", actual_by_category=(Count("事业人员", 3),)),)),
            ),
            [],
            id="blank-amount",
        ),
        pytest.param(
            disclosure(operating_costs=OperatingCosts(amount=A("75"))),
            [],
            id="no-basic",
        ),
    ],
)
def test_r43_operating_costs(d: Disclosure, expected: list[Row], messages: Callable[..., None]) -> None:
    found = findings(d, "R43")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(
            disclosure(
                procurement=Procurement(
                    total=A("10"),
                    goods=A("5"),
                    works=A("3"),
                    services=A("1"),
                    sme=A("11"),
                    small_micro=A("12"),
                )
            ),
            [
                (E, "$.procurement.small_micro", "≤11", "12", "1", "0.01"),
                (E, "$.procurement.sme", "≤10", "11", "1", "0.01"),
                (E, "$.procurement.total", "9", "10", "1", "0.02"),
            ],
            id="off",
        ),
    ],
)
def test_r44_procurement(d: Disclosure, expected: list[Row], messages: Callable[..., None]) -> None:
    found = findings(d, "R44")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(
            disclosure(
                assets=Assets(vehicles_total=5, vehicles=(Count("一般公务用车", 2), Count("执法执勤用车", 4)))
            ),
            [(E, "$.assets.vehicles_total", "6", "5", "-1", "0")],
            id="off",
        ),
        pytest.param(
            disclosure(
                assets=Assets(vehicles_total=6, vehicles=(Count("一般公务用车", 2), Count("执法执勤用车", 4)))
            ),
            [],
            id="holds",
        ),
        pytest.param(
            disclosure(assets=Assets(vehicles_total=5)),
            [],
            id="no-categories",
        ),
        pytest.param(
            disclosure(assets=Assets(vehicles=(Count("一般公务用车", 2),))),
            [],
            id="no-total",
        ),
    ],
)
def test_r45_vehicle_categories(d: Disclosure, expected: list[Row], messages: Callable[..., None]) -> None:
    found = findings(d, "R45")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # categories of each unit, units against the department, retirees
        pytest.param(
            disclosure(
                staffing=Staffing(
                    units=(
                        UnitStaffing(
                            "机关",
                            authorized=10,
                            authorized_by_category=(Count("行政编制", 6), Count("工勤编制", 3)),
                            actual=8,
                            actual_by_category=(Count("公务员", 5), Count("工勤人员", 4)),
                            retired=3,
                        ),
                        UnitStaffing("中心", authorized=5, actual=4, retired=2),
                    ),
                    total_authorized=16,
                    total_actual=11,
                    total_retired=4,
                )
            ),
            [
                (E, "$.staffing.total_actual", "12", "11", "-1", "0"),
                (E, "$.staffing.total_authorized", "15", "16", "1", "0"),
                (E, "$.staffing.total_retired", "≥5", "4", None, None),
                (E, "$.staffing.units[0].actual", "9", "8", "-1", "0"),
                (E, "$.staffing.units[0].authorized", "9", "10", "1", "0"),
            ],
            id="off",
        ),
        pytest.param(
            disclosure(
                staffing=Staffing(
                    units=(
                        UnitStaffing(
                            "机关",
                            authorized=9,
                            authorized_by_category=(Count("行政编制", 6), Count("工勤编制", 3)),
                            actual=9,
                            actual_by_category=(Count("公务员", 5), Count("工勤人员", 4)),
                            retired=3,
                        ),
                        UnitStaffing("中心", authorized=5, actual=4, retired=2),
                    ),
                    total_authorized=14,
                    total_actual=13,
                    total_retired=5,
                )
            ),
            [],
            id="holds",
        ),
        # a unit without a count: the department is not added up
        pytest.param(
            disclosure(
                staffing=Staffing(
                    units=(UnitStaffing("机关", authorized=9, actual=9), UnitStaffing("中心", retired=1)),
                    total_authorized=1,
                    total_actual=1,
                    total_retired=5,
                )
            ),
            [],
            id="blank-unit",
        ),
        pytest.param(
            disclosure(staffing=Staffing(total_authorized=1, total_actual=1, total_retired=5)),
            [],
            id="no-units",
        ),
    ],
)
def test_r46_staff_counts(d: Disclosure, expected: list[Row], messages: Callable[..., None]) -> None:
    found = findings(d, "R46")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(
            disclosure(units=("万元", "元", "万元")),
            [(W, "$.units", "万元", "万元/元", None, None)],
            id="mixed",
        ),
        pytest.param(
            disclosure(units=("万元", "万元")),
            [],
            id="one",
        ),
    ],
)
def test_r55_one_money_unit(d: Disclosure, expected: list[Row], messages: Callable[..., None]) -> None:
    found = findings(d, "R55")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # a code not in the catalogue, reported once for both tables
        pytest.param(
            disclosure(
                expenditure=Expenditure(rows=(fl("2019998", "1"),)),
                general_budget=GeneralBudget(rows=(fl("2019998", "1", name="x"),)),
            ),
            [(W, "$.expenditure.rows[0].code", None, "2019998", None, None)],
            id="unknown-code",
        ),
        # a line that agrees, then the printed name and the names of its parents (a third name has no parent); a repeated line and each wrong name are judged once
        pytest.param(
            disclosure(
                expenditure=Expenditure(
                    rows=(
                        fl("2010301", "1", "行政运行"),
                        FunctionLine(
                            FunctionCode("2010301"),
                            A("1"),
                            name="行政 运行",
                            parent_names=("一般公共服务", "人大事物", "多余"),
                        ),
                        FunctionLine(
                            FunctionCode("2010301"),
                            A("2"),
                            name="行政 运行",
                            parent_names=("一般公共服务", "人大事物", "多余"),
                        ),
                        FunctionLine(
                            FunctionCode("2010302"),
                            A("1"),
                            name="一般行政管理",
                            parent_names=("一般公共服务",),
                        ),
                    )
                )
            ),
            [
                (
                    W,
                    "$.expenditure.rows[1].parent_names[1]",
                    "政府办公厅（室）及相关机构事务",
                    "人大事物",
                    None,
                    None,
                ),
                (W, "$.expenditure.rows[3].name", "一般行政管理事务", "一般行政管理", None, None),
                (N, "$.expenditure.rows[1].parent_names[0]", "一般公共服务支出", "一般公共服务", None, None),
            ],
            id="names",
        ),
        pytest.param(
            Disclosure(
                year=2035,
                department="测试部门",
                general_budget=GeneralBudget(rows=(fl("2019998", "1"), fl("2010301", "1", name="行政"))),
            ),
            [
                (W, "$.general_budget.rows[0].code", None, "2019998", None, None),
                (W, "$.general_budget.rows[1].name", "行政运行", "行政", None, None),
            ],
            id="other-year",
        ),
    ],
)
def test_r56_codes_and_names(d: Disclosure, expected: list[Row], messages: Callable[..., None]) -> None:
    found = findings(d, "R56")
    assert [row(f) for f in found] == expected
    messages(*found)
