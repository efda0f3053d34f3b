"""score_project (财预〔2020〕10号): never invents weights, scores by outcome, is monotone, grades by band."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetacct import Amount, load_example
from budgetacct.errors import InvalidValue
from budgetacct.model.indicators import DEFAULT_WEIGHTS, Outcome, QualitativeBand
from budgetacct.model.performance import FundingSplit, Indicator, ProjectEvaluation
from budgetacct.model.scoring import ProjectScore, normalise_grade, score_project

A = Amount
D = Decimal
SEED = load_example("xiqu-2021")
assert SEED.performance is not None
SEED_PROJECTS = SEED.performance.evaluations


def project(
    *indicators: Indicator, budget: str | None = "10", executed: str | None = "10", **fields: object
) -> ProjectEvaluation:
    return ProjectEvaluation(
        "示例项目",
        budget=FundingSplit(A(budget) if budget is not None else None),
        executed=FundingSplit(A(executed) if executed is not None else None),
        indicators=indicators,
        **fields,  # type: ignore[arg-type]
    )


def quantity(target: str, actual: str, level2: str = "数量指标") -> Indicator:
    level1 = {"满意度指标": "满意度指标", "社会效益指标": "效益指标"}.get(level2, "产出指标")
    return Indicator(level1, level2, "指标", target, actual)


STANDARD = (
    quantity("≥10次", "10次"),
    Indicator("效益指标", "社会效益指标", "效果", "效果明显", "效果明显"),
    quantity("≥90%", "95%", "满意度指标"),
)


# --- no weights, no score -----------------------------------------------------------------------------


@pytest.mark.parametrize("evaluation", SEED_PROJECTS, ids=lambda e: e.name)
def test_seed_tables_print_no_weights_so_no_score(evaluation: ProjectEvaluation) -> None:
    s = score_project(evaluation)
    assert isinstance(s, ProjectScore)
    assert not s.computable
    assert (s.total, s.grade, s.execution_score, s.execution_weight) == (None, None, None, None)
    assert s.reason_zh == "表中未列权重，不计算得分"
    assert s.reason_en
    assert len(s.lines) == len(evaluation.indicators)
    assert all(line.weight is None and line.score is None for line in s.lines)
    assert [line.evaluation.outcome for line in s.lines] == [
        i.evaluation().outcome for i in evaluation.indicators
    ]


def test_seed_execution_rate_is_still_reported() -> None:
    assert [score_project(e).execution_rate for e in SEED_PROJECTS] == [
        D("100.00"),
        D("100.00"),
        D("63.63"),
        D("82.88"),
        D("100.00"),
        D("100.00"),
    ]


def test_some_printed_weights_are_not_enough() -> None:
    e = project(attrs.evolve(STANDARD[0], weight=D(50)), *STANDARD[1:])
    s = score_project(e)
    assert not s.computable and "部分" in s.reason_zh


def test_an_empty_table_is_not_computable() -> None:
    assert not score_project(project()).computable


# --- scoring with weights -----------------------------------------------------------------------------


def test_seed_with_the_standard_weights() -> None:
    totals = [score_project(e, weights=DEFAULT_WEIGHTS).total for e in SEED_PROJECTS]
    assert totals == [D("100.00"), D("100.00"), D("93.69"), D("96.29"), D("98.00"), D("100.00")]
    policy = score_project(SEED_PROJECTS[2], weights=DEFAULT_WEIGHTS)
    assert policy.execution_score == D("6.36") and policy.execution_weight == D(10)
    # 产出 50 over six indicators, in cents, adding up exactly.
    weights = [line.weight for line in policy.lines if line.classification.level1 == "产出指标"]
    assert weights == [D("8.34"), D("8.34"), D("8.33"), D("8.33"), D("8.33"), D("8.33")]
    assert sum(w for w in weights if w is not None) == 50
    unmeasured = [line for line in policy.lines if line.evaluation.outcome is Outcome.NOT_MEASURABLE]
    assert [(line.method, line.score) for line in unmeasured] == [
        ("无法衡量", D("6.66")),
        ("无法衡量", D("4.00")),
    ]


def test_aliases_and_printed_weights() -> None:
    weights = {"完成指标": 50, "效益指标": 30, "满意度指标": 10, "预算执行率": 10}
    s = score_project(project(*STANDARD), weights=weights)
    assert (s.total, s.grade) == (D("100.00"), "优")
    printed = project(
        *(attrs.evolve(ind, weight=D(w)) for ind, w in zip(STANDARD, (50, 30, 10), strict=True)),
        execution_weight=D(10),
    )
    assert score_project(printed).total == D("100.00")
    assert "表中所列权重" in score_project(printed).reason_zh


def test_printed_weights_without_execution_weight_leave_the_rest_to_it() -> None:
    printed = project(
        *(attrs.evolve(ind, weight=D(w)) for ind, w in zip(STANDARD, (50, 30, 10), strict=True))
    )
    s = score_project(printed)
    assert s.execution_weight == D(10)


def test_central_cost_first_level_shares_the_output_weight() -> None:
    central = project(
        quantity("≥10次", "10次"),
        Indicator("成本指标", "经济成本指标", "设备", "10万元", "9万元"),
        *STANDARD[1:],
    )
    s = score_project(central, weights=DEFAULT_WEIGHTS)
    assert [line.weight for line in s.lines][:2] == [D(25), D(25)]
    assert s.total == D("100.00")
    own = score_project(central, weights={"产出指标": 30, "成本指标": 20, "效益指标": 30, "满意度指标": 10})
    assert [line.weight for line in own.lines][:2] == [D(30), D(20)]
    with pytest.raises(InvalidValue):
        score_project(central, weights={"效益指标": 30, "满意度指标": 10})


def test_indicator_weights_override() -> None:
    s = score_project(project(*STANDARD, executed="5"), indicator_weights=[D(60), D(20), D(10)])
    assert [line.weight for line in s.lines] == [D(60), D(20), D(10)]
    assert (s.execution_weight, s.execution_score, s.total) == (D(10), D("5.00"), D("95.00"))
    with pytest.raises(InvalidValue):
        score_project(project(*STANDARD), indicator_weights=[D(60)])


def test_quantitative_not_met_is_proportional_cost_inverse() -> None:
    s = score_project(
        project(quantity("≥10次", "8次"), quantity("5万元", "10万元", "成本指标")),
        indicator_weights=[D(45), D(45)],
    )
    assert [(line.method, line.score) for line in s.lines] == [("定量", D("36.00")), ("定量", D("22.50"))]
    assert s.total == D("68.50") and s.grade == "中"


def test_qualitative_bands() -> None:
    lines = score_project(
        project(
            Indicator("产出指标", "质量指标", "质量", "保质保量完成", "已完成"),
            Indicator("产出指标", "质量指标", "质量", "保质保量完成", "部分完成"),
            Indicator("产出指标", "质量指标", "质量", "保质保量完成", "未完成"),
            Indicator("产出指标", "时效指标", "时间", "2021年6月底前", "2021年9月"),
        ),
        weights={"产出指标": 90, "预算执行率": 10},
    ).lines
    assert [(line.method, line.weight, line.score) for line in lines] == [
        ("定性", D("22.50"), D("22.50")),
        ("定性", D("22.50"), D("18.00")),
        ("定性", D("22.50"), D("13.50")),
        ("时间", D("22.50"), D("13.50")),
    ]


def test_unmeasurable_band_or_dropped() -> None:
    e = project(quantity("≥95%", "≥95%", "满意度指标"), quantity("≥10次", "10次"))
    weights = {"产出指标": 50, "满意度指标": 40, "预算执行率": 10}
    assert score_project(e, weights=weights).total == D("92.00")
    assert score_project(e, weights=weights, unmeasurable=QualitativeBand.NOT_ACHIEVED).total == D("84.00")
    dropped = score_project(e, weights=weights, unmeasurable=None)
    assert dropped.lines[0].method == "不计分" and dropped.lines[0].score is None
    assert dropped.total == D("100.00") and "折算" in dropped.reason_zh


def test_a_first_level_without_indicators_is_rescaled() -> None:
    s = score_project(project(quantity("≥10次", "5次")), weights=DEFAULT_WEIGHTS)
    # 产出 25 of 50 + 执行 10 of 10 = 35 of 60 applied → 58.33 of 100.
    assert s.total == D("58.33") and s.grade == "差"


def test_no_budget_leaves_the_execution_rate_out() -> None:
    s = score_project(project(*STANDARD, budget=None, executed=None), weights=DEFAULT_WEIGHTS)
    assert s.execution_score is None and s.execution_rate is None
    assert s.total == D("100.00") and "预算执行率不计分" in s.reason_zh


@pytest.mark.parametrize(
    "weights",
    [
        {"产出指标": 50, "效益指标": 30},  # 满意度 in the table has no weight
        {"产出指标": 50, "效益指标": 30, "满意度指标": 10, "不存在指标": 10},
        {"产出指标": 60, "效益指标": 30, "满意度指标": 10, "预算执行率": 10},
        {"产出指标": 50, "完成指标": 0, "效益指标": 30, "满意度指标": 10},
        {"产出指标": -1, "效益指标": 30, "满意度指标": 10},
    ],
)
def test_bad_weights_are_refused(weights: dict[str, int]) -> None:
    with pytest.raises(InvalidValue):
        score_project(project(*STANDARD), weights=weights)


def test_not_an_evaluation_is_refused() -> None:
    with pytest.raises(InvalidValue):
        score_project("项目")  # type: ignore[arg-type]


def test_printed_weights_over_100_are_not_scored() -> None:
    e = project(*(attrs.evolve(ind, weight=D(50)) for ind in STANDARD))
    s = score_project(e)
    assert not s.computable and "超过100" in s.reason_zh


# --- grades ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actual", "expected"),
    [
        ("100", "优"),
        ("90", "优"),
        ("89.99", "良"),
        ("80", "良"),
        ("79.99", "中"),
        ("60", "中"),
        ("59.99", "差"),
        ("0", "差"),
    ],
)
def test_grade_boundaries(actual: str, expected: str) -> None:
    e = project(quantity("≥100分", f"{actual}分"))
    s = score_project(e, weights={"产出指标": 100, "预算执行率": 0})
    assert (s.total, s.grade) == (D(actual).quantize(D("0.01")), expected)


@given(st.integers(0, 10000))
def test_grade_is_the_band_of_the_total(cents: int) -> None:
    value = D(cents).scaleb(-2)
    s = score_project(project(quantity("≥100分", f"{value}分")), weights={"产出指标": 100, "预算执行率": 0})
    assert s.total == value.quantize(D("0.01"))
    band = "优" if value >= 90 else "良" if value >= 80 else "中" if value >= 60 else "差"
    assert s.grade == band


def test_normalise_grade() -> None:
    assert [normalise_grade(g) for g in ("优秀", "良 好", "中等", "较差", "及格")] == [
        "优",
        "良",
        "中",
        "差",
        None,
    ]


# --- monotone in the actual values --------------------------------------------------------------------

amounts = st.integers(0, 10**6)


@settings(deadline=None)
@given(
    st.integers(1, 1000),
    st.integers(0, 2000),
    st.integers(0, 2000),
    st.sampled_from(["{}次以上", "≥{}次", "{}次"]),
)
def test_higher_is_better_is_monotone(target: int, a: int, b: int, form: str) -> None:
    low, high = sorted((a, b))

    def total(actual: int) -> Decimal:
        e = project(quantity(form.format(target), f"{actual}次"), *STANDARD[1:])
        s = score_project(e, weights=DEFAULT_WEIGHTS)
        assert s.total is not None
        return s.total

    assert total(low) <= total(high)


@settings(deadline=None)
@given(st.integers(1, 10**6), amounts, amounts)
def test_cost_is_monotone_downwards(target: int, a: int, b: int) -> None:
    low, high = sorted((a, b))

    def total(actual: int) -> Decimal:
        cost = quantity(f"{D(target).scaleb(-2)}万元", f"{D(actual).scaleb(-2)}万元", "成本指标")
        s = score_project(project(cost, *STANDARD), weights=DEFAULT_WEIGHTS)
        assert s.total is not None
        return s.total

    assert total(low) >= total(high)


@settings(deadline=None)
@given(st.integers(1, 10**6), amounts, amounts)
def test_execution_is_monotone(budget: int, a: int, b: int) -> None:
    low, high = sorted((a, b))

    def score(executed: int) -> tuple[Decimal, Decimal]:
        e = project(*STANDARD, budget=str(D(budget).scaleb(-2)), executed=str(D(executed).scaleb(-2)))
        s = score_project(e, weights=DEFAULT_WEIGHTS)
        assert s.total is not None and s.execution_score is not None
        return s.execution_score, s.total

    (low_exec, low_total), (high_exec, high_total) = score(low), score(high)
    assert low_exec <= high_exec <= D(10)
    assert low_total <= high_total <= D(100)
