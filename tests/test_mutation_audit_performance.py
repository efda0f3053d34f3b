"""The helpers behind the performance rules (R47–R63) of ``budgetacct.auditing.rules``
(``performance_reading`` and the ``performance_*`` rule modules).

Hand-built 自评表 run through ``audit()``: money indicators in 元/万元/亿元, a project's figures
from its parts when the total is blank, the rounding allowed on amounts and on scores, which
project of two owns a copied text, and how decimals are written in the messages (their texts
are in the module's snapshot file, ``messages`` fixture).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

import pytest

from budgetacct import Amount, Disclosure, Severity, audit
from budgetacct.auditing import AuditReport, Finding
from budgetacct.model import ExpenditureKind, Fiscal, KindLine
from budgetacct.model.disclosure import Expenditure
from budgetacct.model.performance import FundingSplit, Indicator, Performance, ProjectEvaluation

A = Amount
D = Decimal
E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTE
EV = "$.performance.evaluations"


def split(total: str | None, fiscal: str | None = None, other: str | None = None) -> FundingSplit:
    return FundingSplit(*(A(x) if x is not None else None for x in (total, fiscal, other)))


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


def run(*evaluations: ProjectEvaluation, rules: Sequence[str], **sections: object) -> AuditReport:
    performance = sections.pop("performance", None) or Performance(evaluations=evaluations)
    d = Disclosure(year=2021, department="测试部门", performance=performance, **sections)  # type: ignore[arg-type]
    return audit(d, rules=rules)


def figures(f: Finding) -> tuple[object, ...]:
    return (f.rule, f.severity, f.path, f.expected, f.actual, f.difference, f.tolerance)


def cost(name: str, target: str, actual: str | None) -> Indicator:
    return Indicator("产出指标", "成本指标", name, target, actual)


# --- money indicators (R49) --------------------------------------------------------------------


def test_r49_reads_yi_yuan_as_ten_thousand_wan_yuan(messages: Callable[..., None]) -> None:
    indicators = [cost("设备购置", "0.3亿元", "0.25亿元"), cost("工程建设", "0.2亿元", "0.16亿元")]
    ok = project(budget=split("5000"), executed=split("4100"), indicators=indicators)
    assert run(ok, rules=["R49"]).findings == ()
    off = project(budget=split("5000"), executed=split("4000"), indicators=indicators)
    (f,) = run(off, rules=["R49"]).findings
    assert figures(f) == ("R49", E, f"{EV}[0].executed.total", "4100", "4000", "-100", "0.015")
    messages(f)


def test_r49_a_cost_indicator_over_the_spending_in_yi_yuan(messages: Callable[..., None]) -> None:
    e = project(
        budget=split("5000"), executed=split("4000"), indicators=[cost("设备购置", "0.3亿元", "0.41亿元")]
    )
    (f,) = run(e, rules=["R49"]).findings
    assert figures(f) == ("R49", E, f"{EV}[0].indicators[0].actual", "≤4000", "4100", "100", "0.01")
    messages(f)


def test_r49_targets_that_are_no_money_leave_the_spending_unchecked() -> None:
    # A statement (“按实际支出”) or a count is no money: the indicators cannot partition the budget.
    for target in ("按实际支出", "10次"):
        e = project(budget=split("10"), executed=split("9"), indicators=[cost("经费", target, "5万元")])
        assert run(e, rules=["R49"]).findings == (), target


def test_r49_a_central_cost_first_level_with_another_second_level_is_a_cost() -> None:
    # 成本指标 as the 一级 makes a row a cost indicator even when its 二级 does not say 成本.
    e = project(
        budget=split("10"),
        executed=split("9.5"),
        indicators=[Indicator("成本指标", "资金指标", "设备购置", "10万元", "9万元")],
    )
    (f,) = run(e, rules=["R49"]).findings
    assert figures(f) == ("R49", E, f"{EV}[0].executed.total", "9", "9.5", "0.5", "0.01")


# --- a project's figures from its parts (R53) ----------------------------------------------------------


def project_spending(amount: str) -> Expenditure:
    return Expenditure(lines=(KindLine(ExpenditureKind.PROJECT, A(amount)),))


def test_r53_adds_the_printed_parts_of_a_blank_total(messages: Callable[..., None]) -> None:
    e = project("甲", budget=split(None, "6", "4"), executed=split(None, "6", "4"))
    assert run(e, rules=["R53"], expenditure=project_spending("10")).findings == ()
    (f,) = run(e, rules=["R53"], expenditure=project_spending("9")).findings
    # The blank total stands for 6 + 4, each printed to 0.01: ±0.005 twice, plus ±0.005 for 9.
    assert figures(f) == ("R53", E, EV, "≤9", "10", "1", "0.015")
    messages(f)


def test_a_blank_total_allows_the_rounding_of_each_printed_part() -> None:
    # Two tables print only 财政拨款 6.00 and 其他资金 4.00: together 20.00 ± 0.02 against
    # 19.98 ± 0.005.  The true values can agree, so this is no error (it was, with one
    # half-unit per derived total).
    tables = [project(name, executed=split(None, "6.00", "4.00")) for name in ("甲", "乙")]
    assert run(*tables, rules=["R53"], expenditure=project_spending("19.98")).findings == ()
    (f,) = run(*tables, rules=["R53"], expenditure=project_spending("19.97")).findings
    assert figures(f) == ("R53", E, EV, "≤19.97", "20", "0.03", "0.025")


def test_a_blank_budget_total_allows_the_rounding_of_its_parts_in_r48() -> None:
    # 执行数 10.01 against a budget printed only as 6.00 + 4.00 (10.00 ± 0.01): within rounding.
    e = project("甲", budget=split(None, "6.00", "4.00"), executed=split("10.01"))
    assert [f for f in run(e, rules=["R48"]).findings if f.severity is E] == []
    e = project("甲", budget=split(None, "6.00", "4.00"), executed=split("10.02"))
    (f,) = [f for f in run(e, rules=["R48"]).findings if f.severity is E]
    assert (f.rule, f.difference, f.tolerance) == ("R48", "0.02", "0.015")


def test_r53_a_table_without_spending_figures_is_not_counted_as_zero(messages: Callable[..., None]) -> None:
    # 乙 prints no 执行数 at all: its spending is unknown, so the uncovered remainder is not noted.
    tables = (
        project("甲", budget=split("10"), executed=split("10")),
        project("乙", budget=split("10")),
    )
    assert run(*tables, rules=["R53"], expenditure=project_spending("20")).findings == ()
    both = (tables[0], project("乙", budget=split("10"), executed=split("5")))
    (f,) = run(*both, rules=["R53"], expenditure=project_spending("20")).findings
    assert figures(f) == ("R53", N, EV, "≤20", "15", "-5", "0.015")
    messages(f)


# --- R61: under-spending beyond rounding; the implied closing balance ---------------------------------


def claims(*evaluations: ProjectEvaluation, no_adjustment: bool = False) -> Performance:
    return Performance(
        evaluations=evaluations,
        claims_fully_executed=True,
        claims_no_adjustment=True if no_adjustment else None,
    )


def test_r61_one_cent_less_within_the_rounding_of_both_figures_is_fully_executed(
    messages: Callable[..., None],
) -> None:
    within = project("甲", budget=split("10.00"), executed=split("9.99"))
    assert run(performance=claims(within), rules=["R61"]).findings == ()
    beyond = project("甲", budget=split("10.00"), executed=split("9.98"))
    (f,) = run(performance=claims(beyond), rules=["R61"]).findings
    assert figures(f) == (
        "R61",
        E,
        "$.performance.claims_fully_executed",
        "执行数 = 预算数",
        "Σ(预算数 − 执行数) = 0.02",
        "0.02",
        None,
    )
    messages(f)


def test_r61_without_a_closing_balance_or_spending_the_adjustment_claim_is_not_judged() -> None:
    under = project("甲", budget=split("10"), executed=split("5"))
    # 收支总计 alone does not give the closing balance (年末 = 总计 − 本年支出).
    report = run(
        performance=claims(under, no_adjustment=True), fiscal=Fiscal(grand_total=A("100")), rules=["R61"]
    )
    assert [f.path for f in report] == ["$.performance.claims_fully_executed"]
    implied = Fiscal(grand_total=A("100"), expenditure_total=A("98"))
    report = run(performance=claims(under, no_adjustment=True), fiscal=implied, rules=["R61"])
    (f,) = report.by_severity(W)
    assert figures(f)[:6] == ("R61", W, "$.performance.claims_no_adjustment", "年末结转和结余 ≥ 5", "2", "3")


# --- R50: an unmeasurable cost ------------------------------------------------------------------------


def test_r50_a_cost_in_other_units_than_its_target_is_a_warning(messages: Callable[..., None]) -> None:
    (f,) = run(project(indicators=[cost("经费", "83万元", "2台")]), rules=["R50"]).findings
    assert (f.severity, f.path, f.expected, f.actual) == (W, f"{EV}[0].indicators[0].actual", "83万元", "2台")
    messages(f)


# --- R51/R52: scores, their rounding, and how numbers are written ---------------------------------------


def scored(
    weights: Sequence[str],
    scores: Sequence[str],
    *,
    execution: tuple[str, str],
    total: str | None = None,
    grade: str | None = None,
) -> ProjectEvaluation:
    levels = [("产出指标", "数量指标"), ("效益指标", "社会效益指标"), ("满意度指标", "满意度指标")]
    indicators = [
        Indicator(*levels[k], f"指标{k}", "≥1次", "1次", weight=D(w), score=D(s))
        for k, (w, s) in enumerate(zip(weights, scores, strict=True))
    ]
    return project(
        "甲",
        indicators=indicators,
        execution_weight=D(execution[0]),
        execution_score=D(execution[1]),
        total_score=D(total) if total is not None else None,
        grade=grade,
    )


def test_r51_a_score_printed_to_three_places_is_rounded_at_its_own_place(
    messages: Callable[..., None],
) -> None:
    # 10.004 against a weight of 10: beyond the ±0.0005 of a three-place score.
    e = scored(["50", "30", "10"], ["50", "30", "10.004"], execution=("10", "10"))
    (f,) = run(e, rules=["R51"]).findings
    assert figures(f) == ("R51", E, f"{EV}[0].indicators[2].score", "≤10", "10.004", "0.004", None)
    messages(f)
    # A two-place score of 10.00 may stand for anything down to 9.995: not above a weight of 9.996.
    two_places = scored(["50", "30", "9.996"], ["50", "30", "10.00"], execution=("10", "10"))
    # Only the odd weights are reported (Σ 99.996, and 满意度 off its standard 10), not the score.
    assert [f.path for f in run(two_places, rules=["R51"])] == [
        f"{EV}[0].indicators",
        f"{EV}[0].indicators[2].weight",
    ]


def test_r51_total_against_the_scores_allows_half_a_cent_per_printed_figure(
    messages: Callable[..., None],
) -> None:
    # Four scores and the total, each ±0.005: 0.025 in all.
    scores = ["50", "28.5", "9"]
    within = scored(["50", "30", "10"], scores, execution=("10", "9.2"), total="96.72")
    assert run(within, rules=["R51"]).findings == ()
    beyond = scored(["50", "30", "10"], scores, execution=("10", "9.2"), total="96.73")
    (f,) = run(beyond, rules=["R51"]).findings
    assert figures(f) == ("R51", E, f"{EV}[0].total_score", "96.7", "96.73", "0.03", "0.025")
    messages(f)


def test_r51_weights_are_written_without_exponents(messages: Callable[..., None]) -> None:
    e = scored(["60", "40", "10"], ["0", "0", "0"], execution=("0", "0"))
    report = run(e, rules=["R51"])
    total = next(f for f in report if f.path == f"{EV}[0].indicators")
    messages(total)
    output = next(f for f in report if f.path == f"{EV}[0].indicators[0].weight")
    messages(output)


def test_r52_a_total_of_zero_or_minus_zero_is_written_0(messages: Callable[..., None]) -> None:
    for printed in ("0", "-0.00"):
        (f,) = run(project("甲", total_score=D(printed), grade="优"), rules=["R52"]).findings
        assert (f.expected, f.actual) == ("差", "优")
        messages(f)


# --- R54: names compared without whitespace and a closing full stop ------------------------------------


def test_r54_ignores_whitespace_and_a_final_full_stop_but_not_other_characters() -> None:
    same = [
        project("甲", department="127001某办公室", implementing_unit="某办公室"),
        project("乙", department="127001 某办公室。", implementing_unit="某办公室."),
        project("丙", department="127001某办公室", implementing_unit="某办公室"),
    ]
    assert run(*same, rules=["R54"]).findings == ()
    # A unit code's last character (a check letter) is part of the code.
    coded = [
        project("甲", implementing_unit="12510000MB0000000X"),
        project("乙", implementing_unit="12510000MB0000000X"),
        project("丙", implementing_unit="12510000MB0000000"),
    ]
    (f,) = run(*coded, rules=["R54"]).findings
    assert (f.path, f.expected, f.actual) == (
        f"{EV}[2].implementing_unit",
        "12510000MB0000000X",
        "12510000MB0000000",
    )


# --- R62: which of two projects owns a copied text -------------------------------------------------------

TEXT = "体现区政府对离退休老干部和一线工作人员的关心"


def benefit() -> Indicator:
    return Indicator("效益指标", "社会效益指标", TEXT, TEXT, TEXT)


def copied(*evaluations: ProjectEvaluation) -> list[str]:
    return [f.path for f in run(*evaluations, rules=["R62"]).findings]


def test_r62_the_owner_shares_more_two_character_words_with_the_text() -> None:
    # 老干/干部 (2) against 一线/人员/关心 (3): the 关爱 project owns the text, even though 关心 is the
    # text's last two characters and no three characters in a row are shared.
    visit = project("老干部慰问经费", indicators=[benefit()])
    care = project("一线人员关心关爱经费", indicators=[benefit()])
    assert copied(visit, care) == [f"{EV}[0].indicators[0]"]
    assert copied(care, visit) == [f"{EV}[1].indicators[0]"]


def test_r62_a_tie_goes_to_the_earlier_project() -> None:
    # 老干/干部 against 一线/关心: two each, whatever the last characters are.
    visit = project("老干部慰问经费", indicators=[benefit()])
    staff = project("一线员工经费", goal_expected="传递关心", indicators=[benefit()])
    assert copied(visit, staff) == [f"{EV}[1].indicators[0]"]
    assert copied(staff, visit) == [f"{EV}[1].indicators[0]"]


def test_r62_the_goal_counts_towards_ownership() -> None:
    fire = project("甲项目", goal_expected="发布防灭火信息", indicators=[benefit()])
    visit = project("乙项目", goal_expected="慰问离退休老干部", indicators=[benefit()])
    assert copied(fire, visit) == [f"{EV}[0].indicators[0]"]


def test_r62_tables_of_one_project_do_not_copy_each_other() -> None:
    # The same project printed twice (names equal but for whitespace), without goals.
    assert (
        copied(
            project("老干部慰问经费", indicators=[benefit()]),
            project("老干部 慰问经费", indicators=[benefit()]),
        )
        == []
    )


# --- R63: labels unknown anywhere versus labels in the wrong place ----------------------------------------


def test_r63_a_second_level_label_unknown_anywhere_is_named_as_such(messages: Callable[..., None]) -> None:
    (f,) = run(
        project(indicators=[Indicator("产出指标", "工作完成", "任务", "100%", "100%")]), rules=["R63"]
    ).findings
    assert (f.severity, f.path, f.actual) == (N, f"{EV}[0].indicators[0]", "产出指标/工作完成")
    messages(f)


@pytest.mark.parametrize("actual", ["约5万元", "5万元左右", "大约5万元", "5万余元"])
def test_r49_an_estimated_cost_is_not_a_measured_one(actual: str) -> None:
    # A cost actual above the spending is an error only when it states a measurement; an
    # estimate (“约”, “左右”, “余”) cannot be held to the cent.
    e = project("甲", executed=split("4.00"), indicators=[cost("成本", "5万元", actual)])
    assert [f for f in run(e, rules=["R49"]).findings if f.severity is E] == []
    measured = project("甲", executed=split("4.00"), indicators=[cost("成本", "5万元", "5万元")])
    assert [f.severity for f in run(measured, rules=["R49"]).findings] == [E]
