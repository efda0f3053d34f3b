"""Real wordings, read by the constructions: excerpts of the development corpus (text extracted
from the PDFs, wrapped as extracted), each named by its file (see tests/corpus/README.md)."""

from __future__ import annotations

from budgetacct.money import Amount, Percent
from budgetacct.reader import read_report

# sh2024-ptczj-js.pdf (上海市普陀区财政局 2024年度部门决算), the end of 附表 9 and 第三部分 一 to 三,
# as the text layer gives it: lines wrapped at the page's width.
AFTER_A_TABLE = """国有资本经营预算财政拨款收入支出决算表
单位：万元
合计
注：上海市普陀区财政局无国有资本经营预算财政拨款支出，故本表无数据。

第三部分上海市普陀区财政局2024年度部门决算情况
说明

一、收入支出决算总体情况说明
上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入
支出总计减少56.95万元，下降1.87%。主要原因：基本支出中人员进出及退休变化，
以及项目支出中合同支付进度条款等原因减少支付。
三、支出决算情况说明
本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%； 项目支出
603.14万元，占20.51%；
"""

# The same report, 五（三）: items whose heading wraps, with 主要用于 between heading and figures.
ITEMS = """五、一般公共预算财政拨款支出决算情况说明
（三）一般公共预算财政拨款支出决算具体情况
一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完
成年初预算的98.20%。 决算数小于预算数的主要原因：因年度工作计划安排，个别信
息化项目和中介机构服务调减。其中：

1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人
员经费及公用经费等的基本支出。年初预算为 1560.05 万元，支出决算为1511.89万
元。 决算数小于预算数的主要原因：人员进出及退休变化，减少人员经费开支。
5、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休
（项）。主要用于：退休人员经费支出。年初预算为 85.55 万元，支出决算为84.65万
元。 决算数小于预算数的主要原因：预算按充分保障预估，实际执行基本贴合预期。
"""


def test_wrapped_prose_after_a_table_is_prose_not_a_table_printed_one_cell_per_line() -> None:
    result = read_report(AFTER_A_TABLE, department="上海市普陀区财政局")
    d = result.disclosure
    assert d.overview is not None and d.overview.revenue_grand_total == Amount("2995.39")
    assert d.overview.change is not None and d.overview.change.rate is not None
    assert d.expenditure is not None and d.expenditure.total == Amount("2940.05")
    assert [(line.kind.value, line.amount) for line in d.expenditure.lines] == [
        ("基本支出", Amount("2336.91")),
        ("项目支出", Amount("603.14")),
    ]
    assert not [u for u in result.unread if "one cell per line" in u.reason]


def test_item_figures_printed_after_their_wrapped_heading_and_its_purpose() -> None:
    result = read_report(ITEMS, year=2024, department="上海市普陀区财政局")
    gb = result.disclosure.general_budget
    assert gb is not None
    assert (gb.detail_budget, gb.detail_total) == (Amount("2993.92"), Amount("2940.05"))
    assert [(str(item.code), item.budget, item.amount) for item in gb.items] == [
        ("2010601", Amount("1560.05"), Amount("1511.89")),
        ("2080501", Amount("85.55"), Amount("84.65")),
    ]
    printed = [s.printed for s in result.sources if s.path == "$.general_budget.items[1].budget"]
    assert printed == ["85.55 万元"]
    assert [u for u in result.unread if u.figures] == []


def test_a_bracketed_remark_between_label_and_figure() -> None:
    # sh2024-ptczj-js.pdf, 第三部分 九（二）政府采购支出情况说明
    text = (
        "（二）政府采购支出情况说明\n上海市普陀区财政局2024年度政府采购金额（以合同签订为准）为251.25"
        "万元，其中：货物采购金额4.79万元、工程采购金额0万元、服务采购金额246.47万元。\n"
    )
    procurement = read_report(text, year=2024, department="示例").disclosure.procurement
    assert procurement is not None
    assert (procurement.total, procurement.goods, procurement.works, procurement.services) == (
        Amount("251.25"),
        Amount("4.79"),
        Amount("0"),
        Amount("246.47"),
    )


# swu2023-js.pdf (西南大学 2023年度部门决算): parts numbered 一、二、三, the table of contents first.
UNIVERSITY = """西南大学 2023 年度部门决算
目录
一、学校概况
二、2023 年度部门决算报表
三、决算报表说明
四、名词解释
三、决算报表说明
（一）高等学校收支决算总表说明
学校 2023 年度收入总计 430,725.03 万元，与 2022 年度
相比，减少 23,616.80 万元，降低 5.20%。
（三）高等学校支出决算表说明
学校 2023 年度各项支出总计 457,676.75 万元，其中基
本支出 359,781.59 万元， 占支出总额 78.61%；项目 支出
97,895.15 万元，占支出总额 21.39%。
（四）高等学校财政拨款支出决算表说明
学校 2023 年度财政拨款支出总计为 237,100.00 万元，
其中基本支出 199,015.13 万元，占总支出的 83.94%；项目支
出 38,084.87 万元，占总支出的 16.06%。
"""


def test_a_glossary_in_the_table_of_contents_does_not_swallow_the_report() -> None:
    result = read_report(UNIVERSITY)
    d = result.disclosure
    assert (d.year, d.department) == (2023, "西南大学")
    # 收入总计 and 支出总计 of the 收支决算总表说明 are the year's revenue and spending: 表1 (page 7)
    # prints them as 本年收入合计 and 本年支出合计, its grand total as 合计 569,496.54.
    assert d.overview is None
    assert d.revenue is not None and d.revenue.total == Amount("430725.03")
    assert d.expenditure is not None and d.expenditure.total == Amount("457676.75")
    # 财政拨款支出总计 of the 财政拨款支出决算表说明 is 表4's 合计, the year's fiscal spending (page 12).
    assert d.fiscal is not None and d.fiscal.grand_total is None
    assert d.fiscal.expenditure_total == Amount("237100.00")


def test_the_fiscal_spendings_kinds_are_not_the_years_kinds() -> None:
    d = read_report(UNIVERSITY).disclosure
    assert d.expenditure is not None
    # “占支出总额78.61%” is a share of the year's spending; none of the fiscal kinds is read here
    assert [(line.amount, line.share) for line in d.expenditure.lines] == [
        (Amount("359781.59"), Percent("78.61")),
        (Amount("97895.15"), Percent("21.39")),
    ]


def test_a_comparison_with_last_years_budget_is_a_change_not_versus_budget() -> None:
    # sh2024-fly-dwys.pdf (上海市普陀区社会福利院 2024年单位预算), “三公”经费 section
    text = "（二）公务用车购置及运行费6.40万元，与2023年预算持平，主要原因是。\n"
    vehicles = read_report(text, year=2024, department="示例").disclosure.three_public
    assert vehicles is not None
    assert vehicles.vehicles.versus_budget is None
    assert vehicles.vehicles.change is not None and vehicles.vehicles.change.direction.value == "持平"
    text = "2021年公务接待费支出决算为3万元，完成预算75%，决算数较预算减少1万元，下降25%。\n"
    reception = read_report(text, department="示例").disclosure.three_public
    assert reception is not None and reception.reception.versus_budget is not None
