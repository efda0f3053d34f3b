"""会议费 and 培训费 in a 部门决算 (``Disclosure.meeting_costs`` / ``training_costs``): read with the
roles of a 三公 figure, kept exactly in JSON, audited by R38/R39/R99 (and R97/R98 against the budget
report), written by the 决算说明 after the 三公, drawn by the strategies.

Many reports state the two beside the “三公”: the Shaanxi template prints a table “一般公共预算财政
拨款“三公”经费及会议费、培训费支出决算表” and a section “三、2020年度“三公”经费、培训费及会议费
支出情况说明” (柞水县审计局 2020, http://219.145.244.73:88/html/zwgk/czysjs/118395.html); Hunan's
(岳阳经开区, https://yykfq.yueyang.gov.cn/28420/28447/content_2126229.html) a section
“十、一般性支出情况说明” for them.  The sentences below follow those reports' wording; each
expected value is worked out from the sentence by hand, in the comment beside it.
"""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from budgetacct import Amount, Direction, Percent, audit, audit_pair, dump, load_example, loads, read_report
from budgetacct.model import Budget, PlannedFigure
from budgetacct.model.disclosure import BudgetedFigure, Disclosure, StatedChange
from budgetacct.reader import ReadResult
from budgetacct.render.narrative import render_narrative
from budgetacct.strategies import meeting_and_training
from budgetacct.strategies.ledger import ledgers

# --- reading --------------------------------------------------------------------------------------------------


def _read(text: str, year: int = 2021) -> ReadResult:
    result = read_report(text, year=year, department="测试单位")
    assert isinstance(result, ReadResult)
    return result


def _unread(result: ReadResult) -> dict[str, str]:
    return {figure: u.reason for u in result.unread for figure in u.figures}


def test_a_sentence_led_by_the_fees_reads_both() -> None:
    # The wording of the brief's example: 3.5 − 1.2 = 2.3 last year, 1.2 / 4.7 = 25.53%.
    result = _read(
        "2021年度会议费支出3.5万元，比上年减少1.2万元，下降25.53%；培训费支出2万元，完成预算的80%。\n"
    )
    d = result.disclosure
    assert d.meeting_costs == BudgetedFigure(
        actual=Amount("3.5"), change=StatedChange(Direction.DECREASE, Amount("1.2"), Percent("25.53"))
    )
    assert d.training_costs == BudgetedFigure(actual=Amount("2"), completion=Percent("80"))
    assert d.three_public is None
    assert not result.unread


def test_a_three_public_sentence_that_goes_on_with_the_fees() -> None:
    # “…；会议费决算数为5万元，培训费决算数为3万元”: 决算数 is the actual; the 三公 total is read as before.
    text = "2021年度“三公”经费支出12万元，比上年减少1万元；会议费决算数为5万元，培训费决算数为3万元。\n"
    d = _read(text).disclosure
    assert d.three_public is not None
    assert d.three_public.total == BudgetedFigure(
        actual=Amount("12"), change=StatedChange(Direction.DECREASE, Amount("1"))
    )
    assert d.meeting_costs == BudgetedFigure(actual=Amount("5"))
    assert d.training_costs == BudgetedFigure(actual=Amount("3"))


# The section of the Shaanxi template, its heading as 柞水县审计局 2020 prints it; the sentences under it
# name no 三公 word.
SHAANXI_SECTION = (
    "三、2020年度“三公”经费、培训费及会议费支出情况说明\n"
    "2020年度“三公”经费财政拨款支出决算为6万元。\n"
    # 2.4 / 3 = 80%; 3 − 2.4 = 0.6 below the budget
    "培训费预算数为3万元，决算数为2.4万元，完成预算的80%，决算数较预算减少0.6万元。\n"
    # last year's 1.6 printed: 2 − 1.6 = 0.4, 0.4 / 1.6 = 25%
    "会议费支出2万元，比上年1.6万元增加0.4万元，增长25%。\n"
)


def test_in_the_three_public_section_budget_completion_and_both_changes() -> None:
    d = _read(SHAANXI_SECTION, 2020).disclosure
    assert d.training_costs == BudgetedFigure(
        actual=Amount("2.4"),
        budget=Amount("3"),
        completion=Percent("80"),
        versus_budget=StatedChange(Direction.DECREASE, Amount("0.6")),
    )
    assert d.meeting_costs == BudgetedFigure(
        actual=Amount("2"),
        change=StatedChange(Direction.INCREASE, Amount("0.4"), Percent("25"), Amount("1.6")),
    )
    assert not audit(d).findings


def test_hunan_general_spending_section() -> None:
    # The 岳阳 template's “一般性支出情况说明” (no 三公 word): each fee leads its clause; the counts of
    # people have no field and are reported, not dropped.
    text = (
        "十、一般性支出情况说明\n2021年度本部门会议费支出1.2万元，主要用于召开工作会议，人数80人；"
        "培训费支出0.8万元，主要用于开展业务培训，人数60人。\n"
    )
    result = _read(text)
    assert result.disclosure.meeting_costs == BudgetedFigure(actual=Amount("1.2"))
    assert result.disclosure.training_costs == BudgetedFigure(actual=Amount("0.8"))
    assert set(_unread(result)) == {"人数80人", "人数60人"}


def test_a_definition_naming_the_fee_places_nothing() -> None:
    # The 名词解释's wording printed in the 三公 section: 培训费 is a part of 因公出国（境）费 there.
    text = "七、“三公”经费支出决算情况说明\n因公出国（境）费反映单位公务出国（境）的国际旅费、住宿费、伙食费、培训费、公杂费等支出5万元。\n"
    result = _read(text)
    assert result.disclosure.training_costs is None
    assert "5万元" in _unread(result)


def test_flat_against_last_year() -> None:
    d = _read("2021年度会议费支出2万元，与上年持平。\n").disclosure
    assert d.meeting_costs == BudgetedFigure(actual=Amount("2"), change=StatedChange(Direction.FLAT))


def test_a_fee_named_in_a_reason_is_not_the_years_figure() -> None:
    # “主要原因是压减会议费支出10万元”: 10万元 is what the cut saved, not the year's 会议费.
    result = _read(
        "2021年机关运行经费支出50万元，比上年减少5万元，主要原因是压减会议费支出10万元、培训费支出8万元。\n"
    )
    d = result.disclosure
    assert d.meeting_costs is None and d.training_costs is None
    assert d.operating_costs is not None and d.operating_costs.amount == Amount("50")
    assert {"10万元", "8万元"} <= set(_unread(result))


def test_a_fee_in_a_three_public_reason_clause_is_left_unread_with_why() -> None:
    text = "2021年度“三公”经费支出12万元，比上年减少3万元，主要原因是压减会议费2万元。\n"
    result = _read(text)
    assert result.disclosure.meeting_costs is None
    assert "in a reason or a change" in _unread(result)["2万元"]


def test_a_fee_inside_another_sections_sentence_is_not_read() -> None:
    # Not in the 三公 section and not leading its sentence: the 公用经费 sentence names it as a part.
    text = "六、一般公共预算财政拨款基本支出决算情况说明\n2021年度公用经费支出30万元，其中会议费5万元。\n"
    assert _read(text).disclosure.meeting_costs is None


def test_other_fees_stay_unread() -> None:
    text = "2021年度“三公”经费支出12万元；差旅费3万元，会议费2万元。\n"
    result = _read(text)
    assert result.disclosure.meeting_costs == BudgetedFigure(actual=Amount("2"))
    assert "差旅费" in _unread(result)["3万元"]


# The two fees named together: the model holds each fee's figure, not their sum, so a joint figure is
# neither's.  The heading is the Shaanxi template's (柞水县审计局 2020, above); the sentences are made up
# in its wording, with each joiner a report may print.
THREE_PUBLIC_HEADING = "七、“三公”经费、会议费、培训费支出决算情况说明\n"


@pytest.mark.parametrize(
    "names",
    [
        "会议费、培训费",
        "会议费和培训费",
        "会议费及培训费",
        "会议费与培训费",
        "培训费、会议费",
        "会议、培训费",
    ],
)
def test_the_two_fees_named_together_are_neither_fees_figure(names: str) -> None:
    # 8 is the two together, 2 their joint change: no field holds either.
    result = _read(f"{THREE_PUBLIC_HEADING}2021年度{names}支出合计8万元，比上年减少2万元。\n")
    d = result.disclosure
    assert (d.meeting_costs, d.training_costs) == (None, None)
    unread = _unread(result)
    assert set(unread) == {"8万元", "2万元"}
    assert all("named together" in reason for reason in unread.values())


def test_a_joint_change_after_each_fees_own_figure() -> None:
    # 5 and 3 are each fee's figure; the 2 after “会议费和培训费” is the change of the two together.
    result = _read(
        f"{THREE_PUBLIC_HEADING}2021年度会议费支出5万元，培训费支出3万元，会议费和培训费比上年减少2万元。\n"
    )
    d = result.disclosure
    assert d.meeting_costs == BudgetedFigure(actual=Amount("5"))
    assert d.training_costs == BudgetedFigure(actual=Amount("3"))
    assert "named together" in _unread(result)["2万元"]


@pytest.mark.parametrize(
    "text",
    [
        "2021年度“三公”经费、会议费、培训费支出合计20万元。\n",  # the 三公 and both fees: 20 is none of them
        "2021年度“三公”经费及会议费支出合计20万元。\n",
        "2021年度办公费和会议费支出20万元。\n",  # 会议费 with a 公用经费 item
        "2021年度会议费和差旅费支出20万元。\n",
    ],
)
def test_a_fee_named_together_with_another_item_places_nothing(text: str) -> None:
    result = _read(text)
    d = result.disclosure
    assert (d.meeting_costs, d.training_costs, d.three_public) == (None, None, None)
    assert "20万元" in _unread(result)


# 会议费 and 培训费 as items of 公用经费 (of the 基本支出 only, without the projects' fees) or of 机关运行经费
# are those totals' parts, not the department's 会议费/培训费.  The section headings are the 财政部
# template's; the sentences are made up in the wording of a 公用经费 list.
BASIC_HEADING = "六、一般公共预算财政拨款基本支出决算情况说明\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "2021年度公用经费10万元，主要包括办公费3万元、会议费2万元、培训费1万元。",
        "公用经费中，会议费2万元，培训费1万元，办公费7万元。",
        "会议费2万元，培训费1万元，办公费7万元。",  # in the 基本支出 section: the same list
        "2021年度会议费支出2万元，培训费支出1万元。",  # idem, though it reads like the department's
    ],
)
def test_the_fees_in_the_basic_expenditure_section_are_not_read(sentence: str) -> None:
    # 40 + 10 = 50: the section's own figures are read as before.
    text = f"{BASIC_HEADING}2021年度一般公共预算财政拨款基本支出50万元，其中：人员经费40万元，公用经费10万元。\n{sentence}\n"
    result = _read(text)
    d = result.disclosure
    assert (d.meeting_costs, d.training_costs) == (None, None)
    assert d.basic_expenditure is not None
    assert (d.basic_expenditure.total, d.basic_expenditure.personnel, d.basic_expenditure.public) == (
        Amount("50"),
        Amount("40"),
        Amount("10"),
    )
    # left to the other readers as before the fields were added: unread, not dropped
    assert {"2万元", "1万元"} <= {figure for u in result.unread for figure in u.figures}


def test_the_fees_in_the_operating_costs_section_are_not_read() -> None:
    # 2 and 1 are parts of the 20 of 机关运行经费.
    text = "八、机关运行经费支出情况说明\n2021年度机关运行经费支出20万元，其中：会议费2万元，培训费1万元。\n"
    result = _read(text)
    d = result.disclosure
    assert (d.meeting_costs, d.training_costs) == (None, None)
    assert d.operating_costs is not None and d.operating_costs.amount == Amount("20")


def test_a_fee_listed_with_a_three_public_item_of_the_public_funds_is_its_part() -> None:
    # The 公务接待费 makes it a 三公 sentence; the 会议费 beside it is still an item of 公用经费.
    result = _read("2021年度公用经费支出10万元，其中：公务接待费1万元，会议费2万元。\n")
    assert result.disclosure.meeting_costs is None
    assert "公用经费" in _unread(result)["2万元"]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("本年度会议费支出3万元。\n", "3"),
        ("2021年度会议费决算2万元。\n", "2"),
        ("十一、其他重要事项的情况说明\n2021年度会议费支出1.5万元。\n", "1.5"),
    ],
)
def test_a_sentence_about_the_departments_fee_is_read_outside_the_totals_sections(
    text: str, amount: str
) -> None:
    assert _read(text).disclosure.meeting_costs == BudgetedFigure(actual=Amount(amount))


def test_a_list_of_items_without_a_year_outside_the_three_public_section_is_not_read() -> None:
    # No year, no 支出: “会议费2万元，培训费1万元，办公费7万元” reads as a list of items, whose total is not named.
    d = _read("会议费2万元，培训费1万元，办公费7万元。\n").disclosure
    assert (d.meeting_costs, d.training_costs) == (None, None)


# --- JSON --------------------------------------------------------------------------------------------------------


def test_json_keeps_every_digit_and_leaves_absent_fields_out() -> None:
    example = load_example("xiqu-2021")
    assert isinstance(example, Disclosure)
    plain = dump(example)
    assert "meeting_costs" not in plain and "training_costs" not in plain
    figure = BudgetedFigure(
        actual=Amount("3.50"),
        budget=Amount("4.00"),
        completion=Percent("87.50"),
        versus_budget=StatedChange(Direction.DECREASE, Amount("0.50"), previous=Amount("4.00")),
        change=StatedChange(Direction.INCREASE, Amount("0.10"), Percent("2.94"), Amount("3.40")),
    )
    d = attrs.evolve(example, training_costs=figure)
    text = dump(d)
    data = json.loads(text)
    assert data["training_costs"] == {
        "actual": "3.50",
        "budget": "4.00",
        "completion": "87.50",
        "versus_budget": {"direction": "减少", "amount": "0.50", "previous": "4.00"},
        "change": {"direction": "增加", "amount": "0.10", "rate": "2.94", "previous": "3.40"},
    }
    # the new keys come after performance, before units: the other keys keep their order
    keys = list(data)
    assert keys.index("training_costs") == keys.index("performance") + 1
    assert [k for k in keys if k != "training_costs"] == list(json.loads(plain))
    back = loads(text)
    assert back == d
    assert str(back.training_costs.actual) == "3.50"


# --- audit --------------------------------------------------------------------------------------------------------


def _findings(d: Disclosure, path_start: str) -> list[tuple[str, str, str]]:
    return [(f.rule, f.path, f.message.zh) for f in audit(d).findings if f.path.startswith(path_start)]


_BASE = Disclosure(year=2021, department="测试单位")


def test_right_figures_give_no_finding() -> None:
    # 3.5 = 4.7 − 1.2; 1.2 / 4.7 = 25.53%; 3.5 / 4 = 87.50%; 4 − 3.5 = 0.5
    figure = BudgetedFigure(
        actual=Amount("3.5"),
        budget=Amount("4"),
        completion=Percent("87.50"),
        versus_budget=StatedChange(Direction.DECREASE, Amount("0.5")),
        change=StatedChange(Direction.DECREASE, Amount("1.2"), Percent("25.53"), Amount("4.7")),
    )
    d = attrs.evolve(_BASE, meeting_costs=figure, training_costs=figure)
    assert audit(d).findings == ()


def test_a_change_that_does_not_add_up() -> None:
    # 4.7 − 3.5 = 1.2, not 2.2
    change = StatedChange(Direction.DECREASE, Amount("2.2"), previous=Amount("4.7"))
    d = attrs.evolve(_BASE, meeting_costs=BudgetedFigure(actual=Amount("3.5"), change=change))
    found = _findings(d, "$.meeting_costs")
    assert [(rule, path) for rule, path, _ in found] == [("R38", "$.meeting_costs.change.amount")]
    assert "会议费增减" in found[0][2]


def test_a_wrong_completion_and_a_wrong_comparison_with_the_budget() -> None:
    # 2.4 / 3 = 80%, not 90%; and 2.4 is below 3, not above it
    figure = BudgetedFigure(
        actual=Amount("2.4"),
        budget=Amount("3"),
        completion=Percent("90"),
        versus_budget=StatedChange(Direction.INCREASE, Amount("0.6")),
    )
    found = _findings(attrs.evolve(_BASE, training_costs=figure), "$.training_costs")
    assert ("R39", "$.training_costs.completion") in {(rule, path) for rule, path, _ in found}
    assert ("R39", "$.training_costs.versus_budget") in {(rule, path) for rule, path, _ in found}
    assert any("培训费完成预算比例" in message for _, _, message in found)


def test_a_comparison_that_rounding_hides_is_a_warning() -> None:
    # 2.004 and 2.00 differ by 0.004, less than the two half-units (0.0005 + 0.005): “大于” cannot
    # be seen from the printed figures (R58 notes the third decimal too)
    figure = BudgetedFigure(
        actual=Amount("2.004"),
        budget=Amount("2.00"),
        versus_budget=StatedChange(Direction.INCREASE),
    )
    found = _findings(attrs.evolve(_BASE, meeting_costs=figure), "$.meeting_costs")
    assert [(rule, path) for rule, path, _ in found if rule != "R58"] == [
        ("R99", "$.meeting_costs.versus_budget")
    ]
    message = next(message for rule, _, message in found if rule == "R99")
    assert message.startswith("会议费决算数2.004万元与年初预算数2.00万元在四舍五入以内相等")


def test_not_part_of_the_three_public_total() -> None:
    # 三公 total 12 = 4 + 8 holds; the 会议费 beside it is no part of it.
    from budgetacct.model.disclosure import ThreePublic

    tp = ThreePublic(
        total=BudgetedFigure(actual=Amount("12")),
        outbound=BudgetedFigure(actual=Amount("0")),
        vehicles=BudgetedFigure(actual=Amount("8")),
        reception=BudgetedFigure(actual=Amount("4")),
    )
    d = attrs.evolve(_BASE, three_public=tp, meeting_costs=BudgetedFigure(actual=Amount("5")))
    assert audit(d).findings == ()


def test_the_budget_stated_in_the_final_accounts_against_the_budget_report() -> None:
    budget = Budget(year=2021, department="测试单位", meeting_costs=PlannedFigure(amount=Amount("5")))
    # the 决算 says the 会议费 budget was 6 and 4.5 / 6 = 75%; the budget report says 5 (4.5 / 5 = 90%)
    final = attrs.evolve(
        _BASE,
        meeting_costs=BudgetedFigure(actual=Amount("4.5"), budget=Amount("6"), completion=Percent("75")),
    )
    found = {(f.rule, f.path, f.related) for f in audit_pair(budget, final, each=False).findings}
    assert found == {
        ("R97", "$.meeting_costs.budget", ("$.meeting_costs.amount",)),
        ("R98", "$.meeting_costs.completion", ()),
    }
    right = attrs.evolve(
        final,
        meeting_costs=BudgetedFigure(actual=Amount("4.5"), budget=Amount("5"), completion=Percent("90")),
    )
    assert audit_pair(budget, right, each=False).findings == ()
    # a budget report without 会议费 compares nothing
    assert audit_pair(attrs.evolve(budget, meeting_costs=None), final, each=False).findings == ()


# --- render -------------------------------------------------------------------------------------------------------


def test_the_narrative_writes_them_after_the_three_public() -> None:
    example = load_example("xiqu-2021")
    assert isinstance(example, Disclosure)
    before = render_narrative(example).text
    d = attrs.evolve(
        example,
        meeting_costs=BudgetedFigure(
            actual=Amount("3.5"), change=StatedChange(Direction.DECREASE, Amount("1.2"), Percent("25.53"))
        ),
        training_costs=BudgetedFigure(actual=Amount("2"), completion=Percent("80")),
    )
    text = render_narrative(d, sections=["three_public"]).text
    assert text.endswith(
        "（三）会议费、培训费支出情况说明。\n"
        "2021年度会议费支出3.5万元，比2020年减少1.2万元，下降25.53%。\n"
        "2021年度培训费支出2万元，完成预算80%。"
    )
    # without them the narrative is the one written before
    assert render_narrative(attrs.evolve(d, meeting_costs=None, training_costs=None)).text == before
    # and what is written is read back
    back = read_report(render_narrative(d).text, department=example.department).disclosure
    assert (back.meeting_costs, back.training_costs) == (d.meeting_costs, d.training_costs)


def test_without_a_three_public_section_they_stand_alone() -> None:
    d = attrs.evolve(
        _BASE, meeting_costs=BudgetedFigure(actual=Amount("1"), change=StatedChange(Direction.FLAT))
    )
    text = render_narrative(d, sections=["three_public"]).text
    assert "2021年度会议费支出1万元，与2020年持平。" in text


# --- strategies ---------------------------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meeting_and_training(ledgers(max_items=4).map(lambda ledger: ledger.publish())))
def test_generated_reports_with_the_fees_audit_clean(d: Disclosure) -> None:
    serious = [f for f in audit(d).findings if f.severity.value in ("error", "warning")]
    assert serious == []
    assert loads(dump(d)) == d


def test_a_heading_that_names_no_section_ends_the_one_before_it() -> None:
    # “八、会议费、培训费支出情况说明” after the 机关运行经费 section: the reader knows no section by
    # that name, but a heading of the same level ends the 机关运行经费 section, so the fees are the
    # department's (and not 机关运行经费 parts).
    text = (
        "某局2021年度部门决算\n"
        "七、机关运行经费支出情况说明\n"
        "2021年度本部门机关运行经费支出20万元，比上年减少2万元，下降9.09%。\n"
        "八、会议费、培训费支出情况说明\n"
        "2021年度会议费支出3万元，培训费支出2万元。\n"
    )
    d = read_report(text).disclosure
    assert d.operating_costs is not None and str(d.operating_costs.amount) == "20"
    assert d.meeting_costs is not None and str(d.meeting_costs.actual) == "3"
    assert d.training_costs is not None and str(d.training_costs.actual) == "2"
