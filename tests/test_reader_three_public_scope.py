"""The “三公” reader: which year a clause speaks of, and which budget a comparison names.

A year rules the sentence after it only where it leads a clause that states a “三公” figure; a year
in a reason or with a figure of its own rules its clause only.  A budget of the report's own year
named in a comparison (“比2021年度预算”) is the budget, not last year's.  Expected values are read
off the quoted sentences by hand.
"""

from __future__ import annotations

from budgetacct.model.disclosure import BudgetedFigure, ThreePublic
from budgetacct.money import Amount, Direction, Percent
from budgetacct.reader import read_report
from budgetacct.reader.report import ReadResult


def _read(text: str, year: int) -> tuple[ReadResult, ThreePublic]:
    result = read_report(text, year=year, department="测试单位")
    assert isinstance(result, ReadResult)
    assert result.disclosure.three_public is not None
    return result, result.disclosure.three_public


def _unread(result: ReadResult) -> dict[str, str]:
    return {figure: u.reason for u in result.unread for figure in u.figures}


def test_a_year_in_a_reason_does_not_rule_the_next_sentences() -> None:
    # Constructed (review reproducer d01; the reason's wording is typical of real reports).
    text = (
        "2021年度“三公”经费财政拨款支出决算为25万元，比上年减少5万元，主要原因是2020年新冠疫情防控用车较多。"
        "公务用车运行维护费支出15万元。公务接待费支出10万元。\n"
    )
    result, tp = _read(text, 2021)
    assert tp.total.actual == Amount("25")
    assert tp.total.change is not None
    assert (tp.total.change.direction, tp.total.change.amount) == (Direction.DECREASE, Amount("5"))
    assert tp.vehicle_operation == BudgetedFigure(actual=Amount("15"))
    assert tp.reception == BudgetedFigure(actual=Amount("10"))
    assert not result.unread


def test_a_year_in_a_reason_inside_a_list_rules_nothing() -> None:
    # Constructed (review probe p12).
    text = (
        "2021年度“三公”经费财政拨款支出决算为25万元。其中：公务用车购置费0万元，主要原因是2020年已更新车辆；"
        "公务用车运行维护费15万元；公务接待费10万元；因公出国（境）费0万元。\n"
    )
    result, tp = _read(text, 2021)
    actuals = {"total": "25", "vehicle_purchase": "0", "vehicle_operation": "15", "reception": "10"}
    for name, value in actuals.items():
        assert getattr(tp, name) == BudgetedFigure(actual=Amount(value)), name
    assert tp.outbound == BudgetedFigure(actual=Amount("0"))
    assert not result.unread


def test_a_year_with_its_own_figure_rules_its_clause_only() -> None:
    # Constructed (review reproducer d09): the 30 is 2020's; the parts in the next sentence are
    # 2021's.
    text = (
        "2021年度“三公”经费财政拨款支出决算为25万元，2020年度为30万元，减少5万元。"
        "公务接待费10万元，公务用车运行维护费15万元。\n"
    )
    result, tp = _read(text, 2021)
    assert tp.total.actual == Amount("25")
    assert tp.reception == BudgetedFigure(actual=Amount("10"))
    assert tp.vehicle_operation == BudgetedFigure(actual=Amount("15"))
    assert _unread(result)["30万元"] == "a figure of 2020, not of the report's year 2021"


def test_each_years_clause_of_a_part() -> None:
    # Constructed (review probe p10).
    text = (
        "2020年度“三公”经费支出30万元。公务接待费2021年支出10万元，2020年支出11万元。"
        "公务用车运行维护费支出15万元。因公出国（境）费支出0万元。\n"
    )
    result, tp = _read(text, 2021)
    assert tp.total == BudgetedFigure()
    assert tp.reception == BudgetedFigure(actual=Amount("10"))
    assert tp.vehicle_operation == BudgetedFigure(actual=Amount("15"))
    assert tp.outbound == BudgetedFigure(actual=Amount("0"))
    unread = _unread(result)
    assert unread["30万元"] == unread["11万元"] == "a figure of 2020, not of the report's year 2021"


def test_the_parts_of_another_years_total_after_其中() -> None:
    # Constructed: the 其中 sentence goes on with 2020's total, so its parts are 2020's.
    text = "2020年度“三公”经费支出30万元。其中：公务接待费12万元。\n2021年度“三公”经费支出25万元。\n"
    result, tp = _read(text, 2021)
    assert tp.total == BudgetedFigure(actual=Amount("25")) and tp.reception == BudgetedFigure()
    assert _unread(result)["12万元"] == "a figure of 2020, not of the report's year 2021"


def test_a_budget_of_the_reports_year_in_the_comparison() -> None:
    # Constructed (review reproducer d08): 25 = 30 − 5, 5/30 = 16.67%.
    text = "2021年度“三公”经费财政拨款支出决算为25万元，比2021年度预算30万元减少5万元，降低16.67%。\n"
    _, tp = _read(text, 2021)
    assert (tp.total.actual, tp.total.budget, tp.total.change) == (Amount("25"), Amount("30"), None)
    versus = tp.total.versus_budget
    assert versus is not None
    assert (versus.direction, versus.amount, versus.rate) == (
        Direction.DECREASE,
        Amount("5"),
        Percent("16.67"),
    )


def test_a_change_against_the_reports_own_budget_is_versus_budget() -> None:
    # Constructed (review probe p17).
    text = (
        "2021年度“三公”经费财政拨款支出决算为25万元，比2021年度预算减少5万元，下降16.67%。其中：公务用车运行"
        "维护费支出决算为15万元，比2021年预算减少3万元。\n"
    )
    _, tp = _read(text, 2021)
    for figure, amount in ((tp.total, "5"), (tp.vehicle_operation, "3")):
        assert figure.change is None and figure.budget is None
        assert figure.versus_budget is not None
        assert (figure.versus_budget.direction, figure.versus_budget.amount) == (
            Direction.DECREASE,
            Amount(amount),
        )


def test_a_change_against_last_years_budget_is_a_change() -> None:
    # https://www.shouxian.gov.cn/public/118322806/1258999741.html (寿县司法局2022年“三公”经费预算)
    text = "(三)公务用车购置及运行费支出预算75万元,比2021年预算减少45万元,下降37.5%。\n"
    _, tp = _read(text, 2022)
    assert tp.vehicles.budget == Amount("75") and tp.vehicles.versus_budget is None
    assert tp.vehicles.change is not None
    assert (tp.vehicles.change.direction, tp.vehicles.change.amount, tp.vehicles.change.rate) == (
        Direction.DECREASE,
        Amount("45"),
        Percent("37.5"),
    )


# http://murderedinmississippi.com/kpsgaj/wgk/glgk/content/post_2578298.html (a third-party mirror
# of a 2022 “三公”经费安排 page, converted from traditional characters; the page prints 。 inside the
# bracket, so the 公务接待费 figure stands in a sentence that states no basis)
ARRANGED_2022 = (
    "一、“三公”经费安排情况\n"
    "2022年本部门财政拨款安排“三公”经费502.4 万元,比上年减少14.6 万元,下降2.82 %,主要原因是接待费支出减少。"
    "其中:因公出国(境)费0 万元,比上年增加0 万元,增长0 %,主要原因是与上年持平,无增减变化;公务用车购置及运行费"
    "500.00 万元(公务用车购置费100.00 万元,比上年增加0 万元;公务用车运行维护费400.00 万元,比上年增加0 万元。)"
    "比上年增加0 万元,增长0 %,主要原因是与上年持平,无增减变化;公务接待费2.4 万元,比上年减少14.6 万元,下降"
    "85.88 %,主要原因是严格执行相关公务接待规定,减少公务接待开支。\n"
)


def test_安排_marks_a_budget_never_an_actual() -> None:
    result, tp = _read(ARRANGED_2022, 2022)
    budgets = {
        "total": "502.4",
        "outbound": "0",
        "vehicles": "500.00",
        "vehicle_purchase": "100.00",
        "vehicle_operation": "400.00",
    }
    for name, value in budgets.items():
        figure = getattr(tp, name)
        assert (figure.budget, figure.actual) == (Amount(value), None), name
    assert tp.reception.actual is None and tp.reception.budget is None
    assert "安排" in _unread(result)["2.4万元"]


def test_the_决算_templates_安排的_is_an_actual() -> None:
    # http://luzhai.gov.cn/xxgk/fdzdgknr/yjsgkpt/sgjf/2019_65937/202102/t20210226_2616318.shtml
    # (鹿寨县 2019)
    text = "2019年,各乡(镇)、县本级一般公共预算拨款安排的“三公”经费决算支出数为1165.08万元,按同口径同比减少63.96万元。\n"
    _, tp = _read(text, 2019)
    assert (tp.total.actual, tp.total.budget) == (Amount("1165.08"), None)
    # Constructed: 安排 with 支出 but without the template's 的 says neither.
    result = read_report("2021年财政拨款安排“三公”经费支出30万元。\n", year=2021, department="测试单位")
    assert result.disclosure.three_public is None
    assert "budget or actual is not clear" in _unread(result)["30万元"]


def test_every_count_of_a_county_wide_report_is_read() -> None:
    # http://luzhai.gov.cn/xxgk/fdzdgknr/yjsgkpt/sgjf/2019_65937/202102/t20210226_2616318.shtml
    # (鹿寨县 2019)
    text = (
        "2019年鹿寨县因公出国(境)团组0个,人数0人;公务用车购置100辆,公务用车保有量345辆;国内公务接待批次3978个,"
        "接待人次28598人;国(境)外公务接待批次23个,接待人次142人。\n"
    )
    result, tp = _read(text, 2019)
    assert (tp.outbound_groups, tp.outbound_people) == (0, 0)
    assert (tp.vehicles_purchased, tp.vehicles_held) == (100, 345)
    assert (tp.domestic_batches, tp.domestic_people) == (3978, 28598)
    assert (tp.foreign_batches, tp.foreign_people) == (23, 142)
    assert not result.unread


def test_a_count_of_no_field_is_unread_not_dropped() -> None:
    # Constructed: 会议 has no count in the model.
    result, _ = _read("2021年度“三公”经费支出12万元，其中：公务接待费4万元，会议费3万元，共3个会议。\n", 2021)
    assert "does not place" in _unread(result)["3个"]


def test_a_change_printed_without_its_direction_word() -> None:
    # https://www.ynyx.gov.cn/zfxxgk_yx/artview/229/316075.html (云县 2023; the page omits 增加 after
    # last year's figure): 820.33 − 688.84 = 131.49, 131.49/688.84 = 19.09%.
    text = (
        "云县2023“三公”经费预算数为832.05万元,决算支出数为820.33万元,完成年初预算数的98.59%,"
        "较2022年决算数688.84万元131.49万元,增长19.09%。\n"
    )
    result, tp = _read(text, 2023)
    assert (tp.total.budget, tp.total.actual, tp.total.completion) == (
        Amount("832.05"),
        Amount("820.33"),
        Percent("98.59"),
    )
    assert tp.total.change is not None and tp.total.change.amount is None
    unread = _unread(result)
    assert unread["688.84万元"] == "a figure of last year, the comparison's base"
    assert "without its direction word" in unread["131.49万元"]
