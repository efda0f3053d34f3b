"""Performance rules (R47–R54, R61–R63) on the seed, on the consistent ledger and on generated tables.

Seed expectations follow seed-check.md rows 3, 6–10 and 18–21.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetacct import Amount, Disclosure, Ledger, Severity, audit, load_example
from budgetacct.auditing import REGISTRY, AuditReport, Finding
from budgetacct.model import ExpenditureKind, Fiscal, KindLine
from budgetacct.model.disclosure import Expenditure
from budgetacct.model.indicators import DEFAULT_HIERARCHY, DEFAULT_WEIGHTS
from budgetacct.model.performance import FundingSplit, Indicator, Performance, ProjectEvaluation
from budgetacct.model.scoring import score_project

A = Amount
D = Decimal
PERFORMANCE_RULES = ("R47", "R48", "R49", "R50", "R51", "R52", "R53", "R54", "R61", "R62", "R63")
EV = "$.performance.evaluations"


def findings(report: AuditReport) -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity.value, f.path) for f in report.findings]


def at(report: AuditReport, rule: str, path: str) -> Finding:
    matches = [f for f in report.findings if f.rule == rule and f.path == path]
    assert len(matches) == 1, findings(report)
    return matches[0]


def not_notes(report: AuditReport) -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity.value, f.path) for f in report.findings if f.severity is not Severity.NOTE]


# --- the seed --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Disclosure:
    return load_example("xiqu-2021")


@pytest.fixture(scope="module")
def report(seed: Disclosure) -> AuditReport:
    return audit(seed, rules=PERFORMANCE_RULES)


def test_rules_are_registered_with_titles() -> None:
    for rule_id in PERFORMANCE_RULES:
        entry = REGISTRY[rule_id]
        assert entry.title_zh and entry.title_en and entry.formula and entry.tolerance
        assert entry.group == "绩效自评表"


def test_seed_performance_findings_exactly(report: AuditReport) -> None:
    assert findings(report) == [
        ("R49", "error", f"{EV}[3].executed.total"),
        ("R53", "error", EV),
        ("R61", "error", "$.performance.claims_fully_executed"),
        ("R61", "error", "$.performance.claims_no_balance"),
        ("R48", "warning", f"{EV}[2].executed.total"),
        ("R48", "warning", f"{EV}[3].executed.total"),
        ("R61", "warning", "$.performance.claims_no_adjustment"),
        ("R62", "warning", f"{EV}[4].indicators[4]"),
        ("R50", "note", f"{EV}[2].indicators[2].actual"),
        ("R50", "note", f"{EV}[2].indicators[7].actual"),
        ("R50", "note", f"{EV}[3].indicators[7].actual"),
        ("R50", "note", f"{EV}[4].indicators[6].actual"),
    ]


def test_row3_row9_project_tables_exceed_project_spending(report: AuditReport) -> None:
    finding = at(report, "R53", EV)
    assert finding.severity is Severity.ERROR
    assert (finding.expected, finding.actual, finding.difference) == ("≤91.5", "138.5", "47")


def test_row6_claims_contradict_under_spent_projects(report: AuditReport) -> None:
    for claim in ("claims_fully_executed", "claims_no_balance"):
        finding = at(report, "R61", f"$.performance.{claim}")
        assert finding.severity is Severity.ERROR
        assert "政策研究咨询经费" in finding.message.zh and "政府业务经费" in finding.message.zh
        assert finding.difference == "25.85"  # 11.64 + 14.21
    adjustment = at(report, "R61", "$.performance.claims_no_adjustment")
    assert adjustment.severity is Severity.WARNING
    assert adjustment.actual == "0"  # 874.5 − 874.5: the implied 财政拨款年末结转和结余
    rates = {f.path: f.actual for f in report.by_rule("R48")}
    assert rates == {f"{EV}[2].executed.total": "63.63%", f"{EV}[3].executed.total": "82.88%"}


def test_row7_cost_actual_differs_from_spending(report: AuditReport) -> None:
    finding = at(report, "R49", f"{EV}[3].executed.total")
    assert finding.severity is Severity.ERROR
    assert (finding.expected, finding.actual, finding.difference) == ("65.79", "68.79", "3")


def test_row8_cost_target_met_the_under_spending_is_r48(report: AuditReport) -> None:
    assert not [f for f in report.by_rule("R50") if f.path.startswith(f"{EV}[3].indicators[5]")]
    assert at(report, "R48", f"{EV}[3].executed.total").severity is Severity.WARNING


def test_row10_policy_research_cost_indicators_partition_the_money(report: AuditReport) -> None:
    assert not [f for f in report.by_rule("R49") if f.path.startswith(f"{EV}[2]")]


def test_row18_copied_indicator_is_warned_on_the_copy_only(report: AuditReport) -> None:
    (finding,) = report.by_rule("R62")
    assert finding.severity is Severity.WARNING
    assert finding.path == f"{EV}[4].indicators[4]"
    assert "全区老干部及一线工作人员慰问经费" in finding.message.zh
    assert finding.actual == "体现区政府对离退休老干部和一线工作人员的关心"


def test_row19_unmeasured_actuals_are_notes(report: AuditReport) -> None:
    notes = {f.path: (f.expected, f.actual) for f in report.by_rule("R50")}
    assert notes == {
        f"{EV}[2].indicators[2].actual": ("100%", "已完成"),
        f"{EV}[2].indicators[7].actual": ("≥95%", "≥95%"),
        f"{EV}[3].indicators[7].actual": ("95%以上", "95%以上"),
        f"{EV}[4].indicators[6].actual": ("≥95%", "≥95%"),
    }
    assert all(f.severity is Severity.NOTE for f in report.by_rule("R50"))


def test_row20_three_times_or_more_is_met_by_three(seed: Disclosure, report: AuditReport) -> None:
    assert seed.performance is not None
    indicator = seed.performance.evaluations[1].indicators[0]
    assert (indicator.target, indicator.actual) == ("3次以上", "3次")
    assert indicator.evaluation().outcome.value == "达成"
    assert not [f for f in report.findings if f.path.startswith(f"{EV}[1]")]


def test_row21_wancheng_zhibiao_is_mapped_not_reported(seed: Disclosure, report: AuditReport) -> None:
    assert seed.performance is not None
    labels = {ind.level1 for e in seed.performance.evaluations for ind in e.indicators}
    assert "完成指标" in labels
    assert DEFAULT_HIERARCHY.classify("完成指标", "数量指标").level1 == "产出指标"
    assert not report.by_rule("R63")


def test_rules_silent_on_the_seed(report: AuditReport) -> None:
    """No weights or grades printed (R51, R52), funding parts add up (R47), one department (R54)."""
    for rule in ("R47", "R51", "R52", "R54", "R63"):
        assert not report.by_rule(rule), rule


def test_seed_counts_six_projects_six_tables(seed: Disclosure) -> None:
    assert seed.performance is not None
    assert seed.performance.projects_self_evaluated == len(seed.performance.evaluations) == 6


# --- the consistent ledger ---------------------------------------------------------------------------

DEVIATION = "执行数低于预算数，未执行资金年末由财政收回（据财政拨款年末结转和结余为0推定）"


def consistent(performance: Performance) -> Performance:
    """The seed ledger's performance with the three data fixes the report asks for (idempotent).

    1. the claims “预算能够全部完成 / 资金无结余 / 预算无动态调整” are false for this account;
    2. the under-spent projects give a 偏差原因 on their 成本指标;
    3. the 社会效益指标 copied from the 慰问经费 project into the 疫情防控 project is dropped.
    """
    copied = "体现区政府对离退休老干部和一线工作人员的关心"
    evaluations = []
    for e in performance.evaluations:
        executed, budget = e.executed.total, e.budget.total
        under = executed is not None and budget is not None and executed.value < budget.value * D("0.9")
        indicators = tuple(
            attrs.evolve(ind, deviation_reason=ind.deviation_reason or DEVIATION)
            if under and ind.level2 == "成本指标"
            else ind
            for ind in e.indicators
            if not (ind.name == copied and "慰问" not in e.name)
        )
        evaluations.append(attrs.evolve(e, indicators=indicators))
    return attrs.evolve(
        performance,
        evaluations=tuple(evaluations),
        claims_fully_executed=False,
        claims_no_balance=False,
        claims_no_adjustment=False,
    )


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return load_example("xiqu-2021", kind="ledger")


def test_shipped_ledger_fires_only_what_the_data_fix_removes(ledger: Ledger) -> None:
    allowed = {
        ("R61", "error", "$.performance.claims_fully_executed"),
        ("R61", "error", "$.performance.claims_no_balance"),
        ("R61", "warning", "$.performance.claims_no_adjustment"),
        ("R48", "warning", f"{EV}[2].executed.total"),
        ("R48", "warning", f"{EV}[3].executed.total"),
        ("R62", "warning", f"{EV}[4].indicators[4]"),
    }
    for report in (audit(ledger, rules=PERFORMANCE_RULES), audit(ledger.publish(), rules=PERFORMANCE_RULES)):
        assert set(not_notes(report)) <= allowed


def test_consistent_ledger_has_no_error_or_warning(ledger: Ledger) -> None:
    assert ledger.performance is not None
    fixed = attrs.evolve(ledger, performance=consistent(ledger.performance))
    for report in (audit(fixed), audit(fixed.publish()), audit(fixed.publish(template="all-lines"))):
        assert not_notes(report) == []
        # Repeated targets are real in the ledger too: they stay notes.
        assert {f.rule for f in report.notes} & set(PERFORMANCE_RULES) <= {"R50"}


def test_ledger_reconstruction_closes_the_project_sum(ledger: Ledger) -> None:
    """65.79 instead of 68.79: Σ 执行数 = 135.50 = 项目支出 exactly, and the cost indicators match."""
    report = audit(ledger, rules=["R49", "R53"])
    assert report.findings == ()


# --- hand-built tables, rule by rule -------------------------------------------------------------------


def project(
    name: str = "项目",
    *,
    budget: FundingSplit | None = None,
    executed: FundingSplit | None = None,
    indicators: Sequence[Indicator] = (),
    **fields: object,
) -> ProjectEvaluation:
    return ProjectEvaluation(
        name,
        budget=budget or FundingSplit(),
        executed=executed or FundingSplit(),
        indicators=tuple(indicators),
        **fields,  # type: ignore[arg-type]
    )


def split(total: str | None, fiscal: str | None = None, other: str | None = None) -> FundingSplit:
    return FundingSplit(*(A(x) if x is not None else None for x in (total, fiscal, other)))


def cost(name: str, target: str, actual: str | None, reason: str | None = None) -> Indicator:
    return Indicator("产出指标", "成本指标", name, target, actual, deviation_reason=reason)


def run(
    *evaluations: ProjectEvaluation, rules: Sequence[str] = PERFORMANCE_RULES, **sections: object
) -> AuditReport:
    performance = sections.pop("performance", None) or Performance(evaluations=evaluations)
    d = Disclosure(year=2021, department="测试部门", performance=performance, **sections)  # type: ignore[arg-type]
    return audit(d, rules=rules)


@pytest.mark.parametrize(
    ("budget", "expected"),
    [
        (split("10", "6", "4"), []),
        (split("10", "10"), []),  # blank 其他资金 counts as 0
        (split("10", None, "10"), []),
        (split("10"), []),  # nothing to add up
        (split("10", "6", "3"), [("R47", "error", f"{EV}[0].budget.total")]),
        (split("10.01", "6", "4"), [("R47", "note", f"{EV}[0].budget.total")]),
    ],
)
def test_r47_funding_parts(budget: FundingSplit, expected: list[tuple[str, str, str]]) -> None:
    assert findings(run(project(budget=budget), rules=["R47"])) == expected


def test_r47_checks_the_executed_side_too() -> None:
    report = run(project(budget=split("10", "10"), executed=split("9", "8")), rules=["R47"])
    assert findings(report) == [("R47", "error", f"{EV}[0].executed.total")]


@pytest.mark.parametrize(
    ("budget", "executed", "reason", "expected"),
    [
        ("100", "100", None, []),
        ("100", "90", None, []),
        ("100", "89.99", None, [("R48", "warning", f"{EV}[0].executed.total")]),
        ("100", "50", "部分采购延至下年", []),
        ("100", "100.01", None, []),  # within rounding
        ("100", "101", None, [("R48", "error", f"{EV}[0].executed.total")]),
        ("0", "0", None, []),
    ],
)
def test_r48_execution_rate(
    budget: str, executed: str, reason: str | None, expected: list[tuple[str, str, str]]
) -> None:
    e = project(
        budget=split(budget),
        executed=split(executed),
        indicators=[cost("经费", f"{budget}万元", None, reason)],
    )
    assert findings(run(e, rules=["R48"])) == expected


def test_r48_uses_the_parts_when_the_total_is_blank() -> None:
    e = project(budget=split(None, "60", "40"), executed=split(None, "30", "20"))
    assert findings(run(e, rules=["R48"])) == [("R48", "warning", f"{EV}[0].executed.total")]


def test_r49_each_cost_actual_within_spending() -> None:
    e = project(budget=split("100"), executed=split("50"), indicators=[cost("经费", "≤120万元", "60万元")])
    assert findings(run(e, rules=["R49"])) == [("R49", "error", f"{EV}[0].indicators[0].actual")]


def test_r49_partition_requires_the_sum() -> None:
    indicators = [cost("甲", "15万元", "6.95万元"), cost("乙", "17万元", "13.41万元")]
    ok = project(budget=split("32"), executed=split("20.36"), indicators=indicators)
    assert run(ok, rules=["R49"]).findings == ()
    off = project(budget=split("32"), executed=split("21.36"), indicators=indicators)
    assert findings(run(off, rules=["R49"])) == [("R49", "error", f"{EV}[0].executed.total")]
    rounding = project(budget=split("32"), executed=split("20.37"), indicators=indicators)
    assert findings(run(rounding, rules=["R49"])) == [("R49", "note", f"{EV}[0].executed.total")]


def test_r49_partial_cost_indicators_need_not_add_up() -> None:
    e = project(budget=split("32"), executed=split("30"), indicators=[cost("甲", "15万元", "6.95万元")])
    assert run(e, rules=["R49"]).findings == ()


def test_r49_converts_yuan_and_skips_restated_actuals() -> None:
    yuan = project(budget=split("5"), executed=split("4.5"), indicators=[cost("甲", "50000元", "45000元")])
    assert run(yuan, rules=["R49"]).findings == ()
    restated = project(
        budget=split("83"), executed=split("68.79"), indicators=[cost("甲", "83万元", "≤83万元")]
    )
    assert run(restated, rules=["R49"]).findings == ()


def test_r49_central_form_cost_as_first_level() -> None:
    e = project(
        budget=split("10"),
        executed=split("9.5"),
        indicators=[Indicator("成本指标", "经济成本指标", "设备购置", "10万元", "9万元")],
    )
    assert findings(run(e, rules=["R49"])) == [("R49", "error", f"{EV}[0].executed.total")]


@pytest.mark.parametrize(
    ("indicator", "expected"),
    [
        (Indicator("产出指标", "数量指标", "培训", "3次以上", "3次"), []),
        (Indicator("产出指标", "数量指标", "培训", "≥5次", "3次"), ["warning"]),
        (Indicator("产出指标", "成本指标", "经费", "83万元", "90万元"), ["warning"]),
        (Indicator("产出指标", "时效指标", "完成时间", "2021年6月底前", "2021年9月"), ["warning"]),
        (Indicator("满意度指标", "满意度指标", "满意度", "≥95%", "≥95%"), ["note"]),
        (Indicator("产出指标", "质量指标", "完成率", "100%", "已完成"), ["note"]),
        (Indicator("产出指标", "数量指标", "培训", "3次", None), ["warning"]),
        (Indicator("产出指标", "数量指标", "设备", "100%", "1台"), ["warning"]),
        (Indicator("产出指标", "成本指标", "经费", "83万元", "80余万元"), ["note"]),
    ],
)
def test_r50_severity_by_outcome(indicator: Indicator, expected: list[str]) -> None:
    report = run(project(indicators=[indicator]), rules=["R50"])
    assert [f.severity.value for f in report.findings] == expected
    assert all(f.path == f"{EV}[0].indicators[0].actual" for f in report.findings)


def scored(
    weights: Sequence[str | None],
    scores: Sequence[str | None],
    *,
    execution: tuple[str | None, str | None] = (None, None),
    total: str | None = None,
    grade: str | None = None,
) -> ProjectEvaluation:
    levels = ["产出指标", "效益指标", "满意度指标"]
    indicators = [
        Indicator(
            levels[k],
            {"产出指标": "数量指标", "效益指标": "社会效益指标", "满意度指标": "满意度指标"}[levels[k]],
            f"指标{k}",
            "≥1次",
            "1次",
            weight=D(w) if w is not None else None,
            score=D(s) if s is not None else None,
        )
        for k, (w, s) in enumerate(zip(weights, scores, strict=True))
    ]
    return project(
        indicators=indicators,
        execution_weight=D(execution[0]) if execution[0] is not None else None,
        execution_score=D(execution[1]) if execution[1] is not None else None,
        total_score=D(total) if total is not None else None,
        grade=grade,
    )


def test_r51_consistent_weights_and_scores_are_silent() -> None:
    e = scored(["50", "30", "10"], ["50", "28.5", "9"], execution=("10", "9.2"), total="96.7", grade="优")
    assert run(e, rules=["R51", "R52"]).findings == ()


def test_r51_score_above_weight_and_total_above_100() -> None:
    e = scored(["50", "30", "10"], ["51", "30", "10"], execution=("10", "10"), total="101")
    assert findings(run(e, rules=["R51"])) == [
        ("R51", "error", f"{EV}[0].indicators[0].score"),
        ("R51", "error", f"{EV}[0].total_score"),
    ]


def test_r51_weights_must_total_100_and_follow_the_standard_split() -> None:
    e = scored(["60", "30", "10"], [None, None, None], execution=("10", None))
    assert findings(run(e, rules=["R51"])) == [
        ("R51", "error", f"{EV}[0].indicators"),
        ("R51", "warning", f"{EV}[0].indicators[0].weight"),
    ]
    adjusted = scored(["55", "25", "10"], [None, None, None], execution=("10", None))
    assert findings(run(adjusted, rules=["R51"])) == [
        ("R51", "warning", f"{EV}[0].indicators[0].weight"),
        ("R51", "warning", f"{EV}[0].indicators[1].weight"),
    ]


def test_r51_central_cost_first_level_counts_with_output() -> None:
    rows = [
        Indicator("产出指标", "数量指标", "培训", "≥1次", "1次", weight=D(30), score=D(30)),
        Indicator("成本指标", "经济成本指标", "设备", "10万元", "9万元", weight=D(20), score=D(20)),
        Indicator("效益指标", "社会效益指标", "效果", "效果明显", "效果明显", weight=D(30), score=D(30)),
        Indicator("满意度指标", "满意度指标", "满意度", "≥90%", "95%", weight=D(10), score=D(10)),
    ]
    e = project(
        indicators=rows, execution_weight=D(10), execution_score=D(10), total_score=D(100), grade="优"
    )
    assert run(e, rules=["R51", "R52"]).findings == ()


def test_r51_total_against_the_scores_allows_rounding() -> None:
    close = scored(["50", "30", "10"], ["33.33", "20", "10"], execution=("10", "10"), total="73.34")
    assert run(close, rules=["R51"]).findings == ()
    off = scored(["50", "30", "10"], ["33.33", "20", "10"], execution=("10", "10"), total="75")
    assert findings(run(off, rules=["R51"])) == [("R51", "error", f"{EV}[0].total_score")]


@pytest.mark.parametrize(
    ("total", "printed", "expected"),
    [
        ("90", "优", []),
        ("89.99", "优", ["error"]),
        ("89.99", "良好", []),
        ("80", "良", []),
        ("79.99", "良", ["error"]),
        ("60", "中", []),
        ("59.99", "差", []),
        ("59.99", "中等", ["error"]),
        ("95", "合格", ["warning"]),
    ],
)
def test_r52_grade_matches_total(total: str, printed: str, expected: list[str]) -> None:
    e = project(total_score=D(total), grade=printed)
    assert [f.severity.value for f in run(e, rules=["R52"]).findings] == expected


def test_r52_uses_the_sum_of_scores_without_a_total() -> None:
    e = scored(["50", "30", "10"], ["45", "20", "10"], execution=("10", "8"), grade="优")
    (finding,) = run(e, rules=["R52"]).findings
    assert (finding.expected, finding.actual) == ("良", "优")


def project_spending(amount: str) -> Expenditure:
    return Expenditure(lines=(KindLine(ExpenditureKind.PROJECT, A(amount)),))


def test_r53_count_and_sum() -> None:
    evaluations = (
        project("甲", budget=split("10"), executed=split("10")),
        project("乙", budget=split("5"), executed=split("4.5")),
    )
    performance = Performance(projects_self_evaluated=3, evaluations=evaluations)
    report = run(performance=performance, expenditure=project_spending("14.5"), rules=["R53"])
    assert findings(report) == [("R53", "error", "$.performance.projects_self_evaluated")]
    over = run(*evaluations, expenditure=project_spending("14"), rules=["R53"])
    assert findings(over) == [("R53", "error", EV)]
    rounding = run(*evaluations, expenditure=project_spending("14.49"), rules=["R53"])
    assert rounding.findings == ()
    under = run(*evaluations, expenditure=project_spending("20"), rules=["R53"])
    assert findings(under) == [("R53", "note", EV)]


def test_r53_without_tables_says_nothing() -> None:
    report = run(performance=Performance(projects_self_evaluated=6), rules=["R53"])
    assert report.findings == ()


def test_r54_department_and_unit_identical() -> None:
    evaluations = [
        project(f"项目{k}", department="127001某办公室", implementing_unit="某办公室") for k in range(3)
    ]
    evaluations[2] = attrs.evolve(evaluations[2], department="127002某办公室", implementing_unit="某 办公室")
    assert findings(run(*evaluations, rules=["R54"])) == [("R54", "warning", f"{EV}[2].department")]


def test_r61_claims() -> None:
    under = project("甲", budget=split("10", "10"), executed=split("8", "8"))
    full = project("乙", budget=split("5", "5"), executed=split("5", "5"))
    claims = Performance(
        evaluations=(under, full),
        claims_fully_executed=True,
        claims_no_balance=True,
        claims_no_adjustment=True,
    )
    closing_zero = Fiscal(closing_balance=A("0"))
    report = run(performance=claims, fiscal=closing_zero, rules=["R61"])
    assert findings(report) == [
        ("R61", "error", "$.performance.claims_fully_executed"),
        ("R61", "error", "$.performance.claims_no_balance"),
        ("R61", "warning", "$.performance.claims_no_adjustment"),
    ]
    assert "“甲”" in report.findings[0].message.zh and "“乙”" not in report.findings[0].message.zh
    carried = run(performance=claims, fiscal=Fiscal(closing_balance=A("2")), rules=["R61"])
    assert "$.performance.claims_no_adjustment" not in {f.path for f in carried.findings}
    unknown = run(performance=claims, rules=["R61"])
    assert "$.performance.claims_no_adjustment" not in {f.path for f in unknown.findings}
    honest = attrs.evolve(
        claims, claims_fully_executed=False, claims_no_balance=None, claims_no_adjustment=False
    )
    assert run(performance=honest, fiscal=closing_zero, rules=["R61"]).findings == ()
    all_spent = attrs.evolve(claims, evaluations=(full,))
    assert run(performance=all_spent, fiscal=closing_zero, rules=["R61"]).findings == ()


def test_r62_copied_text_flags_the_unrelated_project() -> None:
    text = "体现区政府对离退休老干部和一线工作人员的关心"
    benefit = Indicator("效益指标", "社会效益指标", text, text, text)
    owner = project("老干部慰问经费", goal_expected="慰问离退休老干部", indicators=[benefit])
    copy = project("信息发布经费", goal_expected="发布防灭火信息", indicators=[benefit])
    assert findings(run(copy, owner, rules=["R62"])) == [("R62", "warning", f"{EV}[0].indicators[0]")]
    short = Indicator("满意度指标", "满意度指标", "区级各部门满意度", "≥95%", "96%")
    assert (
        run(project("甲", indicators=[short]), project("乙", indicators=[short]), rules=["R62"]).findings
        == ()
    )
    twin = project("信息发布经费（续）", goal_expected="慰问离退休老干部", indicators=[benefit])
    assert run(owner, twin, rules=["R62"]).findings == ()


def test_r63_unknown_labels_are_noted_once_per_pair() -> None:
    odd = Indicator("履职效能", "工作完成", "任务", "100%", "100%")
    misplaced = Indicator("产出指标", "满意度指标", "满意度", "≥90%", "95%")
    report = run(
        project("甲", indicators=[odd, odd]), project("乙", indicators=[odd, misplaced]), rules=["R63"]
    )
    assert findings(report) == [
        ("R63", "note", f"{EV}[0].indicators[0]"),
        ("R63", "note", f"{EV}[1].indicators[1]"),
    ]
    assert "共3处" in report.findings[0].message.zh
    assert "不属于" in report.findings[1].message.zh


# --- generated tables: consistent data raises no error or warning -----------------------------------


def _wan(cents: int) -> str:
    return f"{Decimal(cents).scaleb(-2)}"


@st.composite
def project_evaluations(draw: st.DrawFn, index: int = 0) -> ProjectEvaluation:
    """A consistent 自评表: cost indicators partition the budget, 执行数 ≤ 预算数, parts add up,
    every indicator met, a 偏差原因 whenever the execution rate is below 90%."""
    targets = draw(st.lists(st.integers(1, 10**7), min_size=1, max_size=3))
    actuals = [draw(st.integers(0, t)) for t in targets]
    budget, spent = sum(targets), sum(actuals)
    fiscal_budget = draw(st.integers(0, budget))
    fiscal_spent = draw(st.integers(0, spent))
    blank_other = draw(st.booleans())

    def funding(total: int, fiscal: int) -> FundingSplit:
        other = total - fiscal
        return FundingSplit(
            A(_wan(total)),
            A(_wan(fiscal)),
            None if other == 0 and blank_other else A(_wan(other)),
        )

    reason = "部分支出低于预算" if spent * 10 < budget * 9 else None
    level1 = draw(st.sampled_from(["完成指标", "产出指标"]))
    count_target = draw(st.integers(1, 500))
    satisfaction = draw(st.integers(80, 99))
    indicators = [
        *(
            Indicator(
                level1, "成本指标", f"成本{k}", f"{_wan(t)}万元", f"{_wan(a)}万元", deviation_reason=reason
            )
            for k, (t, a) in enumerate(zip(targets, actuals, strict=True))
        ),
        Indicator(
            level1,
            "数量指标",
            "开展活动",
            draw(st.sampled_from([f"{count_target}次以上", f"≥{count_target}次", f"{count_target}次"])),
            f"{count_target + draw(st.integers(0, 20))}次",
        ),
        Indicator(level1, "时效指标", "完成时间", "2021年", draw(st.sampled_from(["2021年", "已完成"]))),
        Indicator(
            "效益指标",
            "社会效益  指标",
            f"项目{index}效益",
            f"第{index}号项目社会效益明显并持续发挥作用",
            draw(st.sampled_from([f"第{index}号项目社会效益明显并持续发挥作用", "达成预期指标"])),
        ),
        Indicator(
            "满意\n度指标",
            "满意度指标",
            "服务对象满意度",
            f"≥{satisfaction}%",
            f"{satisfaction + draw(st.integers(0, 100 - satisfaction))}%",
        ),
    ]
    evaluation = ProjectEvaluation(
        f"第{index}号项目经费",
        department="127001示例部门",
        implementing_unit="示例部门",
        budget=funding(budget, fiscal_budget),
        executed=funding(spent, fiscal_spent),
        goal_expected=f"完成第{index}号项目",
        indicators=tuple(indicators),
    )
    if draw(st.booleans()):
        evaluation = with_printed_scores(evaluation)
    return evaluation


def with_printed_scores(evaluation: ProjectEvaluation) -> ProjectEvaluation:
    """The evaluation with the weights, scores, total and grade of score_project printed in it."""
    s = score_project(evaluation, weights=DEFAULT_WEIGHTS)
    assert s.computable and s.total is not None
    indicators = tuple(attrs.evolve(line.indicator, weight=line.weight, score=line.score) for line in s.lines)
    return attrs.evolve(
        evaluation,
        indicators=indicators,
        execution_weight=s.execution_weight,
        execution_score=s.execution_score,
        total_score=s.total,
        grade=s.grade,
    )


@st.composite
def consistent_disclosures(draw: st.DrawFn) -> Disclosure:
    n = draw(st.integers(1, 4))
    evaluations = tuple(draw(project_evaluations(k)) for k in range(n))
    spent = sum((e.executed.total for e in evaluations if e.executed.total is not None), A(0))
    extra = draw(st.sampled_from([0, 0, 1234]))
    fully = all(e.executed.total == e.budget.total for e in evaluations)
    performance = Performance(
        projects_self_evaluated=n,
        evaluations=evaluations,
        claims_fully_executed=fully or None,
        claims_no_balance=fully or None,
        claims_no_adjustment=draw(st.sampled_from([None, False])) if not fully else True,
    )
    return Disclosure(
        year=2021,
        department="示例部门",
        expenditure=project_spending(_wan(int(spent.value * 100) + extra)),
        performance=performance,
    )


@settings(max_examples=150, deadline=None)
@given(consistent_disclosures())
def test_generated_consistent_tables_raise_no_error_or_warning(d: Disclosure) -> None:
    report = audit(d)
    assert not_notes(report) == []
    assert {f.rule for f in report.notes} <= {"R53"}


def test_budgetacct_strategies_project_evaluations() -> None:
    """``budgetacct.strategies.project_evaluations()``: coherent tables.

    Its evaluations may spend under 90% without a 偏差原因 (an R48 warning); nothing else may fire.
    """
    from budgetacct import strategies

    @settings(max_examples=100, deadline=None)
    @given(strategies.project_evaluations())
    def check(evaluation: ProjectEvaluation) -> None:
        d = Disclosure(year=2021, department="示例部门", performance=Performance(evaluations=(evaluation,)))
        report = audit(d, rules=PERFORMANCE_RULES)
        assert [f for f in not_notes(report) if f[:2] != ("R48", "warning")] == []
        s = score_project(evaluation, weights=DEFAULT_WEIGHTS)
        assert s.computable and s.total is not None and D(0) <= s.total <= D(100)
        assert s.grade is not None

    check()


def test_r62_ignores_shared_deadlines_and_quantities() -> None:
    """Two projects may well share a deadline or a target rate; only identical free text is copying."""
    from budgetacct import Amount, Disclosure, audit
    from budgetacct.model import FundingSplit, Indicator, Performance, ProjectEvaluation

    def project(name: str) -> ProjectEvaluation:
        money = FundingSplit(total=Amount("10"), fiscal=Amount("10"))
        return ProjectEvaluation(
            name=name,
            budget=money,
            executed=money,
            indicators=(
                Indicator("产出指标", "时效指标", "完成时间", "2021年12月31日前", "2021年12月31日前"),
                Indicator("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥95.000000%", "≥95.000000%"),
            ),
        )

    d = Disclosure(
        year=2021,
        department="测试部门",
        performance=Performance(evaluations=(project("甲项目"), project("乙项目"))),
    )
    assert not audit(d).by_rule("R62")
