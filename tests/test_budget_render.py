"""The 预算编制说明 rendered from a Budget: the published wording, and every figure from the budget."""

from __future__ import annotations

import attrs
from hypothesis import HealthCheck, given, settings

from budgetacct import load_example
from budgetacct.model.budget import Budget, BudgetLevel
from budgetacct.render.budget_narrative import _money, render_budget_narrative
from budgetacct.strategies.budget import budgets

# The 预算编制说明 of sh2025-ptczj-ys.pdf, as published.
PUBLISHED_REVENUE = (
    "2025年，上海市普陀区财政局收入预算3,121.42万元，其中：财政拨款收入3,121.42万元，比2024年预算增加"
    "107.62万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。"
)
PUBLISHED_EXPENDITURE = (
    "支出预算3,121.42万元，其中：财政拨款支出预算3,121.42万元，比2024年预算增加107.62万元。财政拨款支出预"
    "算中，一般公共预算拨款支出预算3,121.42万元，比2024年预算增加107.62万元；政府性基金拨款支出预算0万元，与"
    "2024年预算持平；国有资本经营预算拨款支出预算0万元，与2024年预算持平。"
)


def test_the_shanghai_budget_reads_as_published() -> None:
    narrative = render_budget_narrative(load_example("ptczj-2025", "budget"))
    first = narrative.sections[0]
    assert first.title == "2025年部门预算编制说明"
    assert first.paragraphs[:2] == (PUBLISHED_REVENUE, PUBLISHED_EXPENDITURE)
    assert first.paragraphs[4] == "1.“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元。"
    other = narrative.section("other_matters")
    assert other is not None
    assert [s.title for s in other.subsections] == [
        "2025年“三公”经费预算情况说明",
        "机关运行经费预算",
        "政府采购预算情况",
        "绩效目标设置情况",
        "国有资产占有使用情况",
    ]
    assert other.subsections[3].paragraphs == (
        "2025年度，本单位编报绩效目标的项目共4个，涉及项目预算资金598.46万元。其中：中介机构服务费418.80万元，"
        "财政业务费10.00万元，信息化系统日常维护费166.66万元，援滇干部工作经费3.00万元。",
    )


def test_a_units_budget_says_so() -> None:
    budget = attrs.evolve(load_example("ptczj-2025", "budget"), level=BudgetLevel.UNIT)
    assert render_budget_narrative(budget).sections[0].title == "2025年单位预算编制说明"


def test_an_empty_budget_renders_nothing() -> None:
    assert render_budget_narrative(Budget(year=2025, department="示例局")).sections == ()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(budgets())
def test_every_listed_item_and_total_is_printed_from_the_budget(budget: Budget) -> None:
    text = render_budget_narrative(budget).text
    assert budget.revenue is not None and budget.revenue.total is not None
    assert f"收入预算{_money(budget.revenue.total)}" in text
    assert budget.general_budget is not None
    for i, item in enumerate(budget.general_budget.items, start=1):
        assert f"{i}.“" in text
        assert f"（项）”{_money(item.amount)}。" in text


def test_a_budget_displays_as_its_narrative_in_a_notebook() -> None:
    page = load_example("ptczj-2025", "budget")._repr_html_()
    assert page.startswith("<h1>上海市普陀区财政局 2025年部门预算</h1>")
    assert "<p>2025年，上海市普陀区财政局收入预算3,121.42万元" in page
