"""The bodies of the performance rules in ``budgetacct.auditing.rules.performance_project``: one
project's
money and indicators (R47–R50), one parametrized test a rule.

Since the rules are plain functions described by ``auditing/data/rules.toml``, without a decorator,
mutation testing reaches their bodies.  Every case builds small 项目支出绩效自评表 by hand, runs the one
rule and compares every field of every finding: path, severity, expected/actual/difference/
tolerance by hand, both messages against the module's snapshot file.  Amounts are allowed ±0.005 万元 per printed figure (a blank total
the sum of its printed parts' allowances); within that allowance a note, beyond it the rule's
severity.  Scores, grades, the department's set of tables and the narrative's claims (R51–R54,
R61–R63) are in ``test_mutation_performance_rule_bodies_scores_and_tables.py``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from _performance_cases import E, N, Row, W, cost, disclosure, findings, ind, project, row, split
from budgetacct import Disclosure


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # both sides; a single printed part; within rounding a note; no total or no part: nothing, and the other side is still checked
        pytest.param(
            disclosure(
                project("甲", budget=split("10", "6", "3"), executed=split("9", "5", "4")),
                project("乙", budget=split("10", "9"), executed=split("9.01", "5", "4")),
                project("丙", budget=split("10"), executed=split(None, "5", "4")),
                project("丁", budget=split("10", None, "9.98")),
                project("戊", budget=split("10"), executed=split("10", "5", "4")),
            ),
            [
                (E, "$.performance.evaluations[0].budget.total", "9", "10", "1", "0.015"),
                (E, "$.performance.evaluations[1].budget.total", "9", "10", "1", "0.01"),
                (E, "$.performance.evaluations[3].budget.total", "9.98", "10", "0.02", "0.01"),
                (E, "$.performance.evaluations[4].executed.total", "9", "10", "1", "0.015"),
                (N, "$.performance.evaluations[1].executed.total", "9", "9.01", "0.01", "0.015"),
            ],
            id="parts",
        ),
    ],
)
def test_r47_budget_and_spending_are_fiscal_plus_other(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R47")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # spending above the budget beyond the rounding of both
        pytest.param(
            disclosure(
                project("甲", budget=split("10"), executed=split("10.02")),
                project("乙", budget=split("10"), executed=split("10.01")),
            ),
            [(E, "$.performance.evaluations[0].executed.total", "≤10", "10.02", "0.02", "0.01")],
            id="over",
        ),
        # below 90% without a reason: the rate half-up to 0.01
        pytest.param(
            disclosure(
                project("甲", budget=split("100"), executed=split("80")),
                project("乙", budget=split("300"), executed=split("200")),
            ),
            [
                (W, "$.performance.evaluations[0].executed.total", "≥90%", "80.00%", "20", None),
                (W, "$.performance.evaluations[1].executed.total", "≥90%", "66.67%", "100", None),
            ],
            id="low-rate",
        ),
        # a 偏差原因 on a cost indicator explains it; one on another indicator does not
        pytest.param(
            disclosure(
                project(
                    "甲",
                    budget=split("100"),
                    executed=split("80"),
                    indicators=[
                        ind("产出指标", "数量指标", "设备", "1台", "1台", reason="采购延后"),
                        cost("设备购置", "100万元", "80万元", reason="政府采购延后"),
                    ],
                ),
                project(
                    "乙",
                    budget=split("100"),
                    executed=split("80"),
                    indicators=[ind("产出指标", "数量指标", "设备", "1台", "1台", reason="采购延后")],
                ),
            ),
            [(W, "$.performance.evaluations[1].executed.total", "≥90%", "80.00%", "20", None)],
            id="reason",
        ),
        # 89.99 of 100 may be 89.995 of 99.995 (below 90%); 89.995 of 100 may reach exactly 90%
        pytest.param(
            disclosure(
                project("甲", budget=split("100"), executed=split("89.99")),
                project("乙", budget=split("100"), executed=split("89.995")),
                project("丙", budget=split("99.99"), executed=split("89.99")),
            ),
            [(W, "$.performance.evaluations[0].executed.total", "≥90%", "89.99%", "10.01", None)],
            id="edge",
        ),
        # a budget of 0 has no rate; a blank side is not compared; the next project still is
        pytest.param(
            disclosure(
                project("甲", budget=split("0"), executed=split("0")),
                project("乙", budget=split(None), executed=split("5")),
                project("丙", budget=split("5"), executed=split(None)),
                project("丁", budget=split("100"), executed=split("50")),
            ),
            [(W, "$.performance.evaluations[3].executed.total", "≥90%", "50.00%", "50", None)],
            id="blank",
        ),
    ],
)
def test_r48_execution_rate(d: Disclosure, expected: list[Row], messages: Callable[..., None]) -> None:
    found = findings(d, "R48")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # a cost actual above the spending beyond the rounding of both, by the indicator's path (targets that are not the budget: no sum)
        pytest.param(
            disclosure(
                project(
                    "甲",
                    budget=split("10"),
                    executed=split("8"),
                    indicators=[
                        ind("产出指标", "数量指标", "设备", "1台", "1台"),
                        cost("设备购置", "3万元", "8.02万元"),
                        cost("安装", "3万元", "8.01万元"),
                    ],
                )
            ),
            [(E, "$.performance.evaluations[0].indicators[1].actual", "≤8", "8.02", "0.02", "0.01")],
            id="over",
        ),
        # targets adding up to the budget: the actuals must add up to the spending (blank totals read from their parts)
        pytest.param(
            disclosure(
                project(
                    "甲",
                    budget=split("10"),
                    executed=split("9.5"),
                    indicators=[cost("设备购置", "6万元", "5万元"), cost("安装", "4万元", "4万元")],
                ),
                project(
                    "乙",
                    budget=split(None, "6", "4"),
                    executed=split(None, "5", "4.5"),
                    indicators=[cost("设备购置", "6万元", "5万元"), cost("安装", "4万元", "4万元")],
                ),
            ),
            [
                (E, "$.performance.evaluations[0].executed.total", "9", "9.5", "0.5", "0.015"),
                (E, "$.performance.evaluations[1].executed.total", "9", "9.5", "0.5", "0.02"),
            ],
            id="partition",
        ),
        # targets 0.01 off the budget are within its rounding and theirs (0.015)
        pytest.param(
            disclosure(
                project(
                    "甲",
                    budget=split("10"),
                    executed=split("9.5"),
                    indicators=[cost("设备购置", "6万元", "5万元"), cost("安装", "4.01万元", "4万元")],
                )
            ),
            [(E, "$.performance.evaluations[0].executed.total", "9", "9.5", "0.5", "0.015")],
            id="partition-within-rounding",
        ),
        # one target 0.01 off the budget: exactly the rounding of both (0.01), still a partition
        pytest.param(
            disclosure(
                project(
                    "甲",
                    budget=split("10"),
                    executed=split("9.5"),
                    indicators=[cost("设备购置", "10.01万元", "9万元")],
                )
            ),
            [(E, "$.performance.evaluations[0].executed.total", "9", "9.5", "0.5", "0.01")],
            id="partition-at-the-edge",
        ),
        # 0.02 off: the targets describe part of the money only; the next project is still looked at
        pytest.param(
            disclosure(
                project(
                    "甲",
                    budget=split("10"),
                    executed=split("9.5"),
                    indicators=[cost("设备购置", "6万元", "5万元"), cost("安装", "4.02万元", "4万元")],
                ),
                project(
                    "乙",
                    budget=split("10"),
                    executed=split("9.5"),
                    indicators=[cost("设备购置", "10万元", "9万元")],
                ),
            ),
            [(E, "$.performance.evaluations[1].executed.total", "9", "9.5", "0.5", "0.01")],
            id="not-a-partition",
        ),
        # a target that is no money, an approximate or bounded actual, no actual: no sum to compare; the next project still is
        pytest.param(
            disclosure(
                project(
                    "甲",
                    budget=split("10"),
                    executed=split("9.5"),
                    indicators=[cost("设备购置", "10万元", "5万元"), cost("安装", "≥5台", "4万元")],
                ),
                project(
                    "乙",
                    budget=split("10"),
                    executed=split("9.5"),
                    indicators=[cost("设备购置", "10万元", "5余万元")],
                ),
                project(
                    "丙",
                    budget=split("10"),
                    executed=split("9.5"),
                    indicators=[cost("设备购置", "10万元", "≥5万元")],
                ),
                project(
                    "丁",
                    budget=split("10"),
                    executed=split("9.5"),
                    indicators=[cost("设备购置", "10万元", None)],
                ),
                project(
                    "戊",
                    budget=split("10"),
                    executed=split("9.5"),
                    indicators=[cost("设备购置", "10万元", "9万元")],
                ),
            ),
            [(E, "$.performance.evaluations[4].executed.total", "9", "9.5", "0.5", "0.01")],
            id="not-money",
        ),
        # a project without budget or spending
        pytest.param(
            disclosure(
                project("甲", executed=split("9.5"), indicators=[cost("设备购置", "10万元", "5万元")]),
                project("乙", budget=split("10"), indicators=[cost("设备购置", "10万元", "5万元")]),
                project(
                    "丙",
                    budget=split("10"),
                    executed=split("9.5"),
                    indicators=[cost("设备购置", "10万元", "9万元")],
                ),
            ),
            [(E, "$.performance.evaluations[2].executed.total", "9", "9.5", "0.5", "0.01")],
            id="blank-money",
        ),
    ],
)
def test_r49_cost_indicators_and_the_money(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R49")
    assert [row(f) for f in found] == expected
    messages(*found)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # not met: a warning; a statement against a number: a note; a missing actual: a warning; met: nothing (money under 数量指标 is higher-is-better: the 二级 decides, not the unit)
        pytest.param(
            disclosure(
                project(
                    "甲",
                    indicators=[
                        ind("产出指标", "数量指标", "培训人次", "≥100人次", "90人次"),
                        ind("产出指标", "质量指标", "合格率", "100%", "已完成"),
                        ind("产出指标", "数量指标", "设备", "1台", None),
                        ind("产出指标", "数量指标", "车辆", "1台", "1台"),
                        cost("设备购置", "10万元", "12万元"),
                        ind("产出指标", "数量指标", "补贴发放", "10万元", "12万元"),
                    ],
                )
            ),
            [
                (W, "$.performance.evaluations[0].indicators[0].actual", "≥100人次", "90人次", None, None),
                (W, "$.performance.evaluations[0].indicators[2].actual", "1台", None, None, None),
                (W, "$.performance.evaluations[0].indicators[4].actual", "10万元", "12万元", None, None),
                (N, "$.performance.evaluations[0].indicators[1].actual", "100%", "已完成", None, None),
            ],
            id="outcomes",
        ),
    ],
)
def test_r50_indicators_met_in_their_direction(
    d: Disclosure, expected: list[Row], messages: Callable[..., None]
) -> None:
    found = findings(d, "R50")
    assert [row(f) for f in found] == expected
    messages(*found)
