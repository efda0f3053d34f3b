"""The bodies of the performance rules in ``budgetacct.auditing.rules`` (``performance_scores``,
``performance_tables``, ``performance_claims_and_labels``): weights, scores
and grades (R51, R52), the department's set of tables (R53, R54) and budgetacct's own rules on
the narrative's claims and copied or unknown indicators (R61–R63), one parametrized test a rule.

As in ``test_mutation_performance_rule_bodies.py``: the rules are plain functions
without a decorator, so mutation testing reaches their bodies, and every case compares every
field of every finding of hand-built 自评表 (the two message texts against the module's
snapshot file).  Scores are allowed ±0.005 per printed score (half a
unit of the last place), amounts ±0.005 万元 per printed figure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from _performance_cases import A, D, E, N, Row, W, disclosure, findings, ind, project, row, split
from budgetacct import Disclosure
from budgetacct.model import Expenditure, ExpenditureKind, Fiscal, KindLine
from budgetacct.model.performance import Performance, ProjectEvaluation


def scored(
    name: str, weights: Sequence[str], scores: Sequence[str | None], **fields: object
) -> ProjectEvaluation:
    """A project with one indicator per standard 一级 (产出, 效益, 满意度) and the given weights."""
    levels = [("产出指标", "数量指标"), ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标")]
    indicators = [
        ind(*levels[k], f"指标{k}", "≥1次", "1次", weight=w, score=s)
        for k, (w, s) in enumerate(zip(weights, scores, strict=True))
    ]
    return project(name, indicators=indicators, **fields)


def projects(spent: str) -> Expenditure:
    """A department whose 项目支出 is ``spent``."""
    return Expenditure(
        lines=(KindLine(ExpenditureKind.BASIC, A("1")), KindLine(ExpenditureKind.PROJECT, A(spent)))
    )


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # standard weights, scores within them (a score of 0 is not negative)
        pytest.param(
            disclosure(
                scored(
                    "甲",
                    ["50", "30", "10"],
                    ["45", "28.5", "0"],
                    execution_weight=D("10"),
                    execution_score=D("9"),
                    total_score=D("82.5"),
                )
            ),
            [],
            id="consistent",
        ),
        # a negative weight or score, by its path
        pytest.param(
            disclosure(
                scored(
                    "甲",
                    ["50", "30", "10"],
                    ["-1", "30", "10"],
                    execution_weight=D("-1"),
                    execution_score=D("1"),
                )
            ),
            [
                (E, "$.performance.evaluations[0].execution_score", "≤-1", "1", "2", None),
                (E, "$.performance.evaluations[0].execution_weight", "≥0", "-1", None, None),
                (E, "$.performance.evaluations[0].indicators", "100", "89", "-11", None),
                (E, "$.performance.evaluations[0].indicators[0].score", "≥0", "-1", None, None),
                (W, "$.performance.evaluations[0].execution_weight", "10", "-1", "-11", None),
            ],
            id="negative",
        ),
        # a score above its weight beyond half a unit of its last place (±0.005 at two places, ±0.0005 at three)
        pytest.param(
            disclosure(
                scored(
                    "甲",
                    ["50", "30", "10"],
                    ["50.01", "30", "10.005"],
                    execution_weight=D("10"),
                    execution_score=D("10.01"),
                )
            ),
            [
                (E, "$.performance.evaluations[0].execution_score", "≤10", "10.01", "0.01", None),
                (E, "$.performance.evaluations[0].indicators[0].score", "≤50", "50.01", "0.01", None),
                (E, "$.performance.evaluations[0].indicators[2].score", "≤10", "10.005", "0.005", None),
            ],
            id="score-above-weight",
        ),
        # a 一级 off its standard weight, and the weights off 100
        pytest.param(
            disclosure(
                scored(
                    "甲",
                    ["40", "30", "20"],
                    ["40", "30", "20"],
                    execution_weight=D("11"),
                    execution_score=D("10"),
                )
            ),
            [
                (E, "$.performance.evaluations[0].indicators", "100", "101", "1", None),
                (W, "$.performance.evaluations[0].execution_weight", "10", "11", "1", None),
                (W, "$.performance.evaluations[0].indicators[0].weight", "50", "40", "-10", None),
                (W, "$.performance.evaluations[0].indicators[2].weight", "10", "20", "10", None),
            ],
            id="group-weights",
        ),
        # three scores and a total: 0.02 off is exactly the allowance (4 × 0.005), within
        pytest.param(
            disclosure(
                project(
                    "甲",
                    indicators=[
                        ind("产出指标", "数量指标", "设备", "1台", "1台", score="50"),
                        ind("效益指标", "社会效益指标", "效果", "≥1次", "1次", score="30"),
                    ],
                    execution_score=D("10"),
                    total_score=D("90.02"),
                )
            ),
            [],
            id="total-at-the-edge",
        ),
        # a 一级 without a standard weight is skipped, the next 一级 still compared with its standard
        pytest.param(
            disclosure(
                project(
                    "甲",
                    indicators=[
                        ind("工作指标", "数量指标", "设备", "1台", "1台", weight="5"),
                        ind("产出指标", "数量指标", "设备", "1台", "1台", weight="40"),
                        ind("效益指标", "社会效益指标", "效果", "≥1次", "1次", weight="30"),
                        ind("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", weight="10"),
                    ],
                    execution_weight=D("10"),
                )
            ),
            [
                (E, "$.performance.evaluations[0].indicators", "100", "95", "-5", None),
                (W, "$.performance.evaluations[0].indicators[1].weight", "50", "40", "-10", None),
            ],
            id="unknown-level",
        ),
        # a total above 100; a total off the sum of the scores beyond 0.005 per printed score
        pytest.param(
            disclosure(
                scored(
                    "甲",
                    ["50", "30", "10"],
                    ["50", "30", "10"],
                    execution_weight=D("10"),
                    execution_score=D("10"),
                    total_score=D("100.5"),
                ),
                scored(
                    "乙",
                    ["50", "30", "10"],
                    ["40", "20", "10"],
                    execution_weight=D("10"),
                    execution_score=D("10"),
                    total_score=D("80.03"),
                ),
                scored(
                    "丙",
                    ["50", "30", "10"],
                    ["40", "20", "10"],
                    execution_weight=D("10"),
                    execution_score=D("10"),
                    total_score=D("80.02"),
                ),
                scored(
                    "丁",
                    ["50", "30", "10"],
                    ["40", None, "10"],
                    execution_weight=D("10"),
                    execution_score=D("10"),
                    total_score=D("85"),
                ),
            ),
            [
                (E, "$.performance.evaluations[0].total_score", "0–100", "100.5", None, None),
                (E, "$.performance.evaluations[0].total_score", "100", "100.5", "0.5", "0.025"),
                (E, "$.performance.evaluations[1].total_score", "80", "80.03", "0.03", "0.025"),
            ],
            id="total",
        ),
        # 10.00 against 9.995 is exactly half a unit over: within
        pytest.param(
            disclosure(
                scored(
                    "甲",
                    ["50", "30", "9.995"],
                    ["50", "30", "10.00"],
                    execution_weight=D("10"),
                    execution_score=D("10"),
                )
            ),
            [
                (E, "$.performance.evaluations[0].indicators", "100", "99.995", "-0.005", None),
                (W, "$.performance.evaluations[0].indicators[2].weight", "10", "9.995", "-0.005", None),
            ],
            id="score-at-the-edge",
        ),
        # no weight, score or total: nothing to check; a total alone is still checked against 0–100 (0 is in); weights alone, or scores alone, are still checked
        pytest.param(
            disclosure(
                project("甲", indicators=[ind("产出指标", "数量指标", "设备", "1台", "1台")]),
                project(
                    "乙", indicators=[ind("产出指标", "数量指标", "设备", "1台", "1台")], total_score=D("101")
                ),
                project("丙", total_score=D("0")),
                project("丁", total_score=D("-0.5")),
                scored("戊", ["40", "30", "10"], [None, None, None]),
                scored("己", [None, None, None], ["-1", "30", "10"], execution_score=D("5")),
            ),
            [
                (E, "$.performance.evaluations[1].total_score", "0–100", "101", None, None),
                (E, "$.performance.evaluations[3].total_score", "0–100", "-0.5", None, None),
                (E, "$.performance.evaluations[5].indicators[0].score", "≥0", "-1", None, None),
                (W, "$.performance.evaluations[4].indicators[0].weight", "50", "40", "-10", None),
            ],
            id="nothing-printed",
        ),
        # a central 成本指标 一级 counts with 产出 towards 50
        pytest.param(
            disclosure(
                project(
                    "甲",
                    indicators=[
                        ind("产出指标", "数量指标", "设备", "1台", "1台", weight="30", score="30"),
                        ind("成本指标", "经济成本指标", "费用", "≤10万元", "9万元", weight="20", score="20"),
                        ind("效益指标", "社会效益指标", "效果", "≥1次", "1次", weight="30", score="30"),
                        ind(
                            "满意度指标",
                            "服务对象满意度指标",
                            "满意度",
                            "≥90%",
                            "95%",
                            weight="10",
                            score="10",
                        ),
                    ],
                    execution_weight=D("10"),
                    execution_score=D("10"),
                    total_score=D("100"),
                )
            ),
            [],
            id="cost-first-level",
        ),
    ],
)
def test_r51_weights_and_scores(d: Disclosure, expected: list[Row], messages: Callable[..., None]) -> None:
    found = findings(d, "R51")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # an unknown grade; a printed total; the sum of the scores when no total is printed
        pytest.param(
            disclosure(
                project("甲", total_score=D("95"), grade="A"),
                project("乙", total_score=D("85"), grade="优"),
                scored(
                    "丙",
                    ["50", "30", "10"],
                    ["40", "20", "5"],
                    execution_weight=D("10"),
                    execution_score=D("5"),
                    grade="良",
                ),
                project("丁", total_score=D("95"), grade="优"),
                project("戊", total_score=D("100"), grade="良"),
                project("己", total_score=D("0"), grade="中"),
            ),
            [
                (E, "$.performance.evaluations[1].grade", "良", "优", None, None),
                (E, "$.performance.evaluations[2].grade", "中", "良", None, None),
                (E, "$.performance.evaluations[4].grade", "优", "良", None, None),
                (E, "$.performance.evaluations[5].grade", "差", "中", None, None),
                (W, "$.performance.evaluations[0].grade", "优/良/中/差", "A", None, None),
            ],
            id="grades",
        ),
        # no grade; a blank score and no total; no indicators; a total outside 0–100 (R51's); the next project still is
        pytest.param(
            disclosure(
                project("甲", total_score=D("50")),
                scored("乙", ["50", "30", "10"], ["40", None, "5"], execution_score=D("5"), grade="优"),
                project("丙", execution_score=D("5"), grade="优"),
                project("丁", total_score=D("101"), grade="差"),
                scored("戊", ["50", "30", "10"], ["40", "20", "5"], grade="优"),
                project("己", total_score=D("85"), grade="优"),
            ),
            [(E, "$.performance.evaluations[5].grade", "良", "优", None, None)],
            id="skipped",
        ),
    ],
)
def test_r52_grade_and_total(d: Disclosure, expected: list[Row], messages: Callable[..., None]) -> None:
    found = findings(d, "R52")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # the count of tables named, and the tables spending more than 项目支出
        pytest.param(
            disclosure(
                project("甲", executed=split("6")),
                project("乙", executed=split("5")),
                performance=Performance(
                    evaluations=(project("甲", executed=split("6")), project("乙", executed=split("5"))),
                    projects_self_evaluated=3,
                ),
                expenditure=projects("10"),
            ),
            [
                (E, "$.performance.evaluations", "≤10", "11", "1", "0.015"),
                (E, "$.performance.projects_self_evaluated", "2", "3", "1", "0"),
            ],
            id="count-and-excess",
        ),
        # every table printed and together less than 项目支出: a note
        pytest.param(
            disclosure(
                project("甲", executed=split("4")),
                project("乙", executed=split("5")),
                expenditure=projects("10"),
            ),
            [(N, "$.performance.evaluations", "≤10", "9", "-1", "0.015")],
            id="uncovered",
        ),
        # a table without spending: the shortfall is not a finding
        pytest.param(
            disclosure(project("甲", executed=split("4")), project("乙"), expenditure=projects("10")),
            [],
            id="partly-printed",
        ),
        # 0.01 over: within the rounding of three figures
        pytest.param(
            disclosure(
                project("甲", executed=split("5")),
                project("乙", executed=split("5.01")),
                expenditure=projects("10"),
            ),
            [],
            id="within",
        ),
        pytest.param(
            disclosure(
                project("甲", executed=split("5")),
                performance=Performance(
                    evaluations=(project("甲", executed=split("5")),), projects_self_evaluated=1
                ),
                expenditure=Expenditure(lines=(KindLine(ExpenditureKind.BASIC, A("1")),)),
            ),
            [],
            id="no-project-line",
        ),
        pytest.param(
            disclosure(project("甲"), expenditure=projects("10")),
            [],
            id="no-spending",
        ),
    ],
)
def test_r53_project_tables_and_project_spending(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R53")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # the reading most tables print is the expected one
        pytest.param(
            disclosure(
                project("甲", department="某局 001", implementing_unit="某中心"),
                project("乙", department="某局001", implementing_unit="某中心"),
                project("丙", department="某局002", implementing_unit="某站"),
                project("丁"),
            ),
            [
                (W, "$.performance.evaluations[2].department", "某局001", "某局002", None, None),
                (W, "$.performance.evaluations[2].implementing_unit", "某中心", "某站", None, None),
            ],
            id="odd-one-out",
        ),
        # a final 。 is ignored; one field agreeing does not stop the other from being checked
        pytest.param(
            disclosure(
                project("甲", department="某局001", implementing_unit="某中心"),
                project("乙", department="某局001。", implementing_unit="某站"),
            ),
            [(W, "$.performance.evaluations[1].implementing_unit", "某中心", "某站", None, None)],
            id="same",
        ),
    ],
)
def test_r54_one_department_and_unit(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R54")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # under-spent projects (blank totals read from their parts) against the three claims; the closing balance implied by 总计 − 本年支出
        pytest.param(
            disclosure(
                performance=Performance(
                    evaluations=(
                        project("甲", budget=split("10"), executed=split("8")),
                        project("乙", budget=split("5"), executed=split("5")),
                        project("丙", budget=split("6"), executed=split("5.5")),
                        project("丁", budget=split(None, "6", "4"), executed=split(None, "5", "4")),
                    ),
                    claims_fully_executed=True,
                    claims_no_balance=True,
                    claims_no_adjustment=True,
                ),
                fiscal=Fiscal(grand_total=A("101"), expenditure_total=A("100")),
            ),
            [
                (
                    E,
                    "$.performance.claims_fully_executed",
                    "执行数 = 预算数",
                    "Σ(预算数 − 执行数) = 3.5",
                    "3.5",
                    None,
                ),
                (
                    E,
                    "$.performance.claims_no_balance",
                    "执行数 = 预算数",
                    "Σ(预算数 − 执行数) = 3.5",
                    "3.5",
                    None,
                ),
                (
                    W,
                    "$.performance.claims_no_adjustment",
                    "年末结转和结余 ≥ 3.5",
                    "1",
                    "2.5",
                    "0.05",  # the closing balance implied by two printed figures keeps both allowances
                ),
            ],
            id="claims",
        ),
        # a closing balance that can hold what was not spent
        pytest.param(
            disclosure(
                performance=Performance(
                    evaluations=(project("甲", budget=split("10"), executed=split("8")),),
                    claims_no_adjustment=True,
                ),
                fiscal=Fiscal(closing_balance=A("2")),
            ),
            [],
            id="closing-enough",
        ),
        # a printed closing balance short of it beyond the rounding
        pytest.param(
            disclosure(
                performance=Performance(
                    evaluations=(project("甲", budget=split("10"), executed=split("8")),),
                    claims_fully_executed=False,
                    claims_no_adjustment=True,
                ),
                fiscal=Fiscal(closing_balance=A("1.98")),
            ),
            [(W, "$.performance.claims_no_adjustment", "年末结转和结余 ≥ 2", "1.98", "0.02", "0.015")],
            id="closing-short",
        ),
        # 2 unspent against 1.98: exactly the allowance (0.005 + 0.005 + 0.01 for a budget of two printed parts)
        pytest.param(
            disclosure(
                performance=Performance(
                    evaluations=(project("甲", budget=split(None, "6", "4"), executed=split("8")),),
                    claims_no_adjustment=True,
                ),
                fiscal=Fiscal(closing_balance=A("1.98")),
            ),
            [],
            id="closing-at-the-edge",
        ),
        # no fiscal table, or neither closing balance nor 总计 and 本年支出
        pytest.param(
            disclosure(
                performance=Performance(
                    evaluations=(project("甲", budget=split("10"), executed=split("8")),),
                    claims_no_adjustment=True,
                ),
                fiscal=Fiscal(grand_total=A("5")),
            ),
            [],
            id="no-closing",
        ),
        pytest.param(
            disclosure(
                performance=Performance(
                    evaluations=(project("甲", budget=split("10"), executed=split("8")),),
                    claims_no_adjustment=True,
                )
            ),
            [],
            id="no-fiscal",
        ),
        pytest.param(
            disclosure(
                performance=Performance(
                    evaluations=(
                        project("甲", budget=split("10"), executed=split("10")),
                        project("乙", budget=split("10")),
                    ),
                    claims_fully_executed=True,
                    claims_no_adjustment=True,
                ),
                fiscal=Fiscal(closing_balance=A("0")),
            ),
            [],
            id="fully-spent",
        ),
    ],
)
def test_r61_claims_against_the_tables(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R61")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # the copy is the project whose name and goal share less with the text; each field named once, the target shown when it is copied; 12 characters are enough to compare, 11 are not; a blank actual is no text
        pytest.param(
            disclosure(
                project(
                    "社区养老服务补贴",
                    goal_expected="保障辖区老年人养老服务",
                    indicators=[
                        ind(
                            "效益指标",
                            "社会效益指标",
                            "老年人生活质量明显改善提高",
                            "老年人生活质量明显改善提高",
                            "老年人生活质量明显改善提高",
                        )
                    ],
                ),
                project(
                    "道路维修",
                    indicators=[
                        ind("产出指标", "数量指标", "维修里程", "≥10公里", "12公里"),
                        ind(
                            "效益指标",
                            "社会效益指标",
                            "老年人生活质量明显改善提高",
                            "老年人生活质量明显改善提高",
                            "老年人生活质量明显改善提高",
                        ),
                    ],
                ),
                project(
                    "道路维修",
                    indicators=[
                        ind("效益指标", "社会效益指标", "老年人生活质量明显改善提高", "其他", "其他")
                    ],
                ),
                project(
                    "甲",
                    indicators=[
                        ind(
                            "效益指标",
                            "社会效益指标",
                            "老年人生活质量明显改善了",
                            "老年人生活质量明显改善",
                            "其他",
                        )
                    ],
                ),
                project(
                    "乙",
                    indicators=[
                        ind(
                            "效益指标",
                            "社会效益指标",
                            "老年人生活质量明显改善了",
                            "老年人生活质量明显改善",
                            None,
                        )
                    ],
                ),
                project(
                    "丙",
                    indicators=[
                        ind(
                            "效益指标",
                            "社会效益指标",
                            "受益群众满意程度逐年提高",
                            "群众满意度达到百分之九十以上",
                            "群众满意度达到百分之九十五",
                        )
                    ],
                ),
                project(
                    "丁",
                    indicators=[
                        ind(
                            "效益指标",
                            "社会效益指标",
                            "受益群众满意程度逐年提高",
                            "群众满意度达到百分之九十以上",
                            "其他",
                        )
                    ],
                ),
            ),
            [
                (
                    W,
                    "$.performance.evaluations[1].indicators[1]",
                    None,
                    "老年人生活质量明显改善提高",
                    None,
                    None,
                ),
                (
                    W,
                    "$.performance.evaluations[2].indicators[0]",
                    None,
                    "老年人生活质量明显改善提高",
                    None,
                    None,
                ),
                (
                    W,
                    "$.performance.evaluations[4].indicators[0]",
                    None,
                    "老年人生活质量明显改善了",
                    None,
                    None,
                ),
                (
                    W,
                    "$.performance.evaluations[6].indicators[0]",
                    None,
                    "群众满意度达到百分之九十以上",
                    None,
                    None,
                ),
            ],
            id="copy",
        ),
    ],
)
def test_r62_copied_indicator_text(d: Disclosure, expected: list[Row], messages: Callable[..., None]) -> None:
    found = findings(d, "R62")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # an unknown 一级; an unknown 二级; a known 二级 under another 一级; each pair once with its count
        pytest.param(
            disclosure(
                project(
                    "甲",
                    indicators=[
                        ind("产出", "数量", "设备", "1台", "1台"),
                        ind("工作指标", "数量指标", "设备", "1台", "1台"),
                        ind("工作 指标", "数量指标", "车辆", "1台", "1台"),
                        ind("产出指标", "工作完成", "任务", "100%", "100%"),
                        ind("效益指标", "数量指标", "设备", "1台", "1台"),
                    ],
                )
            ),
            [
                (N, "$.performance.evaluations[0].indicators[1]", None, "工作指标/数量指标", None, None),
                (N, "$.performance.evaluations[0].indicators[3]", None, "产出指标/工作完成", None, None),
                (N, "$.performance.evaluations[0].indicators[4]", None, "效益指标/数量指标", None, None),
            ],
            id="labels",
        ),
    ],
)
def test_r63_unknown_indicator_labels(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R63")
    assert [row(f) for f in found] == expected
    messages(*found)
