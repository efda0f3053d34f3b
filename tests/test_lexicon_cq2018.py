"""The budget wordings of 重庆市交通委员会's 2018 部门预算 (a web page), read from the lexicon's
block for that page (reader/data/lexicon.toml, at its end): each with the sentence it was seen in."""

from __future__ import annotations

from budgetacct.money import Amount, Direction
from budgetacct.reader.budget_text import read_budget_text
from budgetacct.reader.lexicon import LEXICON

# The page's sentences as published (tests/corpus/cq2018-jtw-ys.jsp).
GOVERNMENT_FUND = (
    "2018年政府性基金预算收入38610万元，政府性基金预算支出38610万元，比2017年增加18610万元，"
    "主要原因是铁路、民航等重点专项支出增加,主要用于铁路建设、民航发展、港口航道设施等项目。"
)
THREE_PUBLIC = (
    "2018年“三公”经费预算2800.68万元,比2017年减少295.18万元。其中:因公出国(境)费用60万元,"
    "比2017年减少25.36万元,主要是因为严格执行中央有关规定,严控290.5万元，比2017年减少26.7万元,"
    "主要是根据中央“八项规定”,严格车运行维护费2450.18万元,比2017年减少243.12万元,主要是根据公务范围,"
    "减少公务用车运营成本;公务用车购置费0万元,与2017年一致。"
)
TARGETS = (
    "３.绩效目标设置情况。2018年项目支出均实行了绩效目标管理，涉及一般公共预算当年财政拨款263928.15万元。"
)


def test_the_block_is_in_the_lexicon_and_names_the_page() -> None:
    seen = [w for w in LEXICON.budget_wordings if any(s.key == "cq2018-jtw-budget" for s in w.seen)]
    assert {field for w in seen for field in w.fields} >= {
        "revenue.government_fund",
        "fiscal.government_fund",
        "three_public.vehicle_operation",
        "targets.amount",
    }


def test_the_government_fund_revenue_and_spending() -> None:
    read = read_budget_text(GOVERNMENT_FUND)
    assert read.get("revenue.government_fund") == Amount("38610")
    assert read.get("fiscal.government_fund") == Amount("38610")


def test_the_vehicle_operation_whose_label_lost_its_first_words() -> None:
    read = read_budget_text(THREE_PUBLIC)
    assert read.get("three_public.vehicle_operation") == Amount("2450.18")
    change = read.change("three_public.vehicle_operation.change")
    assert change is not None and (change.direction, change.amount) == (Direction.DECREASE, Amount("243.12"))
    # The figures whose label the page lost altogether stay unread.
    assert [printed for _, _, printed in read.unread] == ["290.5万元", "26.7万元"]


def test_a_bus_or_a_figure_outside_the_three_public_passage_is_not_a_vehicle_operation() -> None:
    assert read_budget_text("公交车运行维护费500万元。").get("three_public.vehicle_operation") is None
    text = "“三公”经费预算10万元。其中:公交车运行维护费5万元。"
    assert read_budget_text(text).get("three_public.vehicle_operation") is None


def test_the_money_of_the_projects_under_targets() -> None:
    assert read_budget_text(TARGETS).get("targets.amount") == Amount("263928.15")
