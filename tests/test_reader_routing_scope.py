"""Which texts the budget reader takes: only a text whose own title names it a budget.

Titles naming 预算 that are no budget's (预算执行, a fund's name, a PDF's broken line, links to both
kinds above the title) leave the text with the 决算 reader; the report year and the department come
from the document's own title.  Titles are constructed cases unless a source address is given; the
expected values are read off the quoted lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from budgetacct.model.budget import Budget
from budgetacct.model.disclosure import Disclosure
from budgetacct.money import Amount
from budgetacct.reader import ReadResult, read_report
from budgetacct.reader.report import titled_budget

#: A 决算 body: 三公 actuals and the 机关运行经费 of 2021.
FINAL_BODY = (
    "2021年度“三公”经费财政拨款支出决算为25万元。其中：公务接待费支出决算为10万元，"
    "公务用车运行维护费支出决算为15万元。\n2021年度机关运行经费支出50万元。\n"
)
#: A budget body naming no 决算.
BUDGET_BODY = "2022年机关运行经费预算为50万元。\n"


@pytest.mark.parametrize(
    "title",
    [
        "某局2021年度预算执行情况说明",
        "某县2021年度部门预算执行情况说明",
        "某学校2021年度收支预算执行情况",
        "某局2021年度财政拨款预算执行情况",
        "2021年“三公”经费预算执行情况说明",
        "2021年度预算绩效管理工作开展情况",
        "2021年度一般公共预算“三公”经费支出情况说明",  # a 决算's heading, a fund's name in it
        "2021年度一般公共预算财政拨款支出情况",
        "2021年度政府性基金预算财政拨款支出情况",
    ],
)
def test_titles_naming_budget_words_are_no_budget(title: str) -> None:
    text = f"{title}\n{FINAL_BODY}"
    assert not titled_budget(text)
    read = read_report(text)
    assert isinstance(read, ReadResult) and isinstance(read.disclosure, Disclosure)
    three = read.disclosure.three_public
    assert three is not None
    # “…支出决算为25万元。其中：公务接待费支出决算为10万元，公务用车运行维护费支出决算为15万元”
    assert three.total.actual == Amount("25")
    assert (three.reception.actual, three.vehicle_operation.actual) == (Amount("10"), Amount("15"))
    # No title word is taken for the department (“某县” of “某县2021年度部门预算执行情况说明” is one).
    assert not any(word in read.disclosure.department for word in ("预算", "执行", "情况", "年"))


def test_a_budget_execution_title_reads_its_figures_as_actuals() -> None:
    # The reviewer's d02: “某局2021年度预算执行情况说明” over a 决算's sentences.
    text = (
        "某局2021年度预算执行情况说明\n"
        "2021年度本年收入合计1000万元，本年支出合计1100万元，其中：基本支出800万元，项目支出300万元。\n"
        "2021年度“三公”经费财政拨款支出决算为25万元，完成预算的83.33%。\n"
        "2021年度机关运行经费支出50万元。\n"
    )
    read = read_report(text)
    assert isinstance(read, ReadResult)
    report = read.disclosure
    assert report.year == 2021
    assert report.revenue is not None and report.revenue.total == Amount("1000")
    assert report.expenditure is not None and report.expenditure.total == Amount("1100")
    assert report.operating_costs is not None and report.operating_costs.amount == Amount("50")


# http://117.141.250.58:10060/wzyjsgkpt/uploadFile/upload1242/upload20210909/7762259D931BC0368C16F46A6E793A23.html
# (梧州市农产品质量安全综合检测中心 2020年度部门决算, page 10; the PDF's line breaks kept).
WUZHOU_T07 = """出决算中,因公出国(境)费支出决算 0万元;公务用车购
置及运行费支出决算3.98万元;公务接待费支出决算 1.5万
元。
2020 年度一般公共预算财政拨款安排的“三公”经费支
出决算总额为 5.48 万元,比预算增加 0 万元,比去年增加
1.55 万元,增长 39.4%,增加原因主要是公务用车运行支出
增加,导致“三公”经费支出增加。"""


def test_a_pdf_line_naming_a_fund_is_no_budget_title() -> None:
    assert not titled_budget(WUZHOU_T07)
    read = read_report(WUZHOU_T07)
    assert isinstance(read, ReadResult)
    report = read.disclosure
    assert report.year == 2020
    # The broken line and the sentence above it are no department's name.
    assert report.department == "（未识别部门）"
    three = report.three_public
    assert three is not None
    # “…“三公”经费支 / 出决算总额为 5.48 万元,…比去年增加 / 1.55 万元,增长 39.4%”
    assert three.total.actual == Amount("5.48")
    assert three.total.change is not None and three.total.change.amount == Amount("1.55")


def test_the_wrapped_line_alone_is_no_title() -> None:
    # The reviewer's d04: the wrapped line and the sentence it runs into.
    text = (
        "2020 年度一般公共预算财政拨款安排的“三公”经费支\n"
        "出决算总额为 5.48 万元,比去年增加 1.55 万元,增长 39.4%。其中,公务用车运行维护费支出决算 3.98万元,"
        "公务接待费支出决算 1.5万元。"
    )
    read = read_report(text)
    assert isinstance(read, ReadResult)
    three = read.disclosure.three_public
    assert three is not None
    assert three.total.actual == Amount("5.48")
    assert (three.vehicle_operation.actual, three.reception.actual) == (Amount("3.98"), Amount("1.5"))


def test_links_to_both_kinds_above_the_title_are_not_the_title() -> None:
    # The reviewer's d05: a county site's links “2022年部门预算” / “2021年部门决算” above the title.
    text = (
        "2022年部门预算\n2021年部门决算\n某局2021年度部门决算公开说明\n\n一、收入支出决算总体情况说明\n"
        "2021年度收、支总计各1200万元。本年收入合计1000万元，本年支出合计1100万元。\n"
        "二、“三公”经费支出情况\n2021年度“三公”经费财政拨款支出决算为25万元。\n"
    )
    assert not titled_budget(text)
    read = read_report(text)
    assert isinstance(read, ReadResult)
    assert (read.disclosure.year, read.disclosure.department) == (2021, "某局")
    assert read.disclosure.revenue is not None and read.disclosure.revenue.total == Amount("1000")
    # Links alone, no title standing out: a 决算.
    assert not titled_budget("2022年部门预算\n2021年部门决算\n" + FINAL_BODY)


@pytest.mark.parametrize(
    ("title", "department"),
    [
        ("某局2022年部门预算", "某局"),
        ("寿县司法局2022年“三公”经费预算情况", "寿县司法局"),  # shouxian.gov.cn
        ("某局2022年“三公”经费预算安排情况", "某局"),
        ("关于某局2022年部门预算的说明", "某局"),
        ("武山县洛门学区2022年部门预算公开说明", "武山县洛门学区"),  # review4 r03, gansu
        ("秦安县第四小学2022年预算公开说明", "秦安县第四小学"),  # review4 r05, gansu
        ("奉新县2023年“三公”经费预算增减变化情况说明", "奉新县"),  # review4 r06, jiangxi
        ("重庆市交通委员会2018年部门预算情况说明", "重庆市交通委员会"),  # corpus cq2018-jtw-ys
        ("上海市普陀区社会福利院2024年单位预算", "上海市普陀区社会福利院"),  # corpus sh2024-fly-dwys
        ("江苏省委办公厅2019年度部门预算公开", "江苏省委办公厅"),  # corpus js2019-swbgt-ys-wen
        ("西南大学\n2023 年度部门预算", "西南大学"),  # corpus swu2023-ys, the title in two lines
        ("2022年部门预算\n2021年部门决算\n某局2022年度部门预算公开说明", "某局"),  # links, then the title
    ],
)
def test_budget_titles_are_read_as_budgets(title: str, department: str) -> None:
    # The body's figure is of the title's year: a clause led by another year is that year's, unread.
    year = re.findall(r"(20\d{2})\s*年", title)[-1]
    text = f"{title}\n{BUDGET_BODY.replace('2022', year)}"
    assert titled_budget(text)
    read = read_report(text)
    assert read.kind == "budget" and isinstance(read.disclosure, Budget)
    assert read.disclosure.department == department
    # “2022年机关运行经费预算为50万元”
    assert read.disclosure.operating_costs is not None
    assert read.disclosure.operating_costs.amount == Amount("50")


def test_a_page_opening_with_its_publication_sentence_is_a_budget() -> None:
    # https://www.gangu.gov.cn/info/2561/417811.htm (甘谷县安远学区 2022 部门预算): no title line; the
    # opening sentence names the document, and is no department's name.
    text = (
        "按照《预算法》、《地方预决算公开操作规程》、《中共甘肃省委办公厅 甘肃省人民政府办公厅关于进一步推进预算"
        "公开工作的实施方案》、《天水市委市政府< 关于进一步推进预算公开工作的实施方案>》,现将2022年部门预算公开如下:\n"
        "三、部门预算收入及支出总体情况\n(一)全年收入\n"
        "2022年收入预算3038.92万元,比2021年3019万元增加19.92万元,增长0.66 %。\n"
    )
    assert titled_budget(text)
    read = read_report(text)
    assert isinstance(read.disclosure, Budget)
    assert (read.disclosure.year, read.disclosure.department) == (2022, "（未识别部门）")


@pytest.mark.parametrize(
    ("title", "department"),
    [
        ("2022年部门决算公开（2021年度）", "（未识别部门）"),
        ("2022年某局部门决算公开（2021年度）", "某局"),
        ("某局2022年部门预算和2021年部门决算公开", "某局"),
    ],
)
def test_the_accounts_year_outranks_the_year_of_publication(title: str, department: str) -> None:
    read = read_report(f"{title}\n\n{FINAL_BODY}")
    assert isinstance(read, ReadResult)
    assert (read.disclosure.year, read.disclosure.department) == (2021, department)
    three = read.disclosure.three_public
    assert three is not None and three.total.actual == Amount("25")
    assert read.disclosure.operating_costs is not None
    assert read.disclosure.operating_costs.amount == Amount("50")


def test_a_combined_title_over_a_budget_text_is_the_budget() -> None:
    read = read_report(f"某局2022年部门预算和2021年部门决算公开\n{BUDGET_BODY}")
    assert isinstance(read.disclosure, Budget)
    assert (read.disclosure.year, read.disclosure.department) == (2022, "某局")


@pytest.mark.parametrize(
    ("title", "department"),
    [
        ("关于某局2021年度部门决算的说明", "某局"),
        ("关于2021年度部门决算的说明", "（未识别部门）"),
        ("2021年度某局预算执行情况和部门决算公开", "某局"),
        ("2021年度某局预算执行情况及部门决算公开", "某局"),
        ("2021年度一般公共预算“三公”经费支出情况说明", "（未识别部门）"),
    ],
)
def test_department_names_leave_title_words_out(title: str, department: str) -> None:
    read = read_report(f"{title}\n\n2021年度机关运行经费支出50万元。\n")
    assert isinstance(read, ReadResult)
    assert (read.disclosure.year, read.disclosure.department) == (2021, department)


def test_the_title_among_links_gives_the_budget_its_year() -> None:
    text = f"2023年部门预算\n2022年部门决算\n某局2022年度部门预算公开说明\n{BUDGET_BODY}"
    read = read_report(text)
    assert isinstance(read.disclosure, Budget)
    assert (read.disclosure.year, read.disclosure.department) == (2022, "某局")


@pytest.mark.parametrize(
    "text",
    [
        # A label line of a web page above the title, a sentence opening with 为 under it.
        f"发布时间：2022-03-01 浏览次数：120\n某局2022年部门预算\n为推进预算公开，现公开如下。\n{BUDGET_BODY}",
        f"某局2022年部门预算\n（一）主要职能\n{BUDGET_BODY}",
    ],
)
def test_lines_around_a_budget_title_leave_it_a_title(text: str) -> None:
    assert titled_budget(text)


@pytest.mark.parametrize(
    "text",
    [
        # A line of a sentence broken after the name: it runs into the next line, or on from the one above.
        f"经审核，本部门2022年部门预算\n为1000万元，比上年增加100万元。\n{FINAL_BODY}",
        f"根据有关规定，现将本部门2021年执行的\n2022年部门预算\n调整情况说明如下。\n{FINAL_BODY}",
    ],
)
def test_a_sentence_broken_after_a_budget_name_is_no_title(text: str) -> None:
    assert not titled_budget(text)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("某局2021年度预算执行情况说明", "final"),
        ("某局2021年度部门决算公开说明", "final"),
        ("某局2022年部门预算", "budget"),
    ],
)
def test_a_web_page_is_routed_by_the_same_title(tmp_path: Path, title: str, kind: str) -> None:
    body = "<p>2021年度机关运行经费支出50万元。</p>"
    page = (
        f"<html><head><meta charset='utf-8'><title>t</title></head><body><p>{title}</p>{body}</body></html>"
    )
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    assert read_report(tmp_path / "p.html").kind == kind


def test_last_years_execution_under_a_budget_title_leaves_it_a_budget() -> None:
    # A budget may tell last year's execution under a heading without a number.
    assert titled_budget(f"某局2022年部门预算\n2021年度预算执行情况\n{BUDGET_BODY}")
    # Links to both kinds above a 预算执行 title: the title is the 预算执行's, a 决算.
    assert not titled_budget(f"2022年部门预算\n2021年部门决算\n某局2021年度预算执行情况说明\n{FINAL_BODY}")


def test_an_untitled_web_page_opening_with_a_fund_heading_is_a_final(tmp_path: Path) -> None:
    # The reviewer's d03 as a web page: no title names the kind; 一般公共预算 is a fund's name.
    lines = ["2021年度一般公共预算“三公”经费支出情况说明", *FINAL_BODY.splitlines()]
    body = "".join(f"<p>{line}</p>" for line in lines)
    page = f"<html><head><meta charset='utf-8'><title>t</title></head><body>{body}</body></html>"
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    read = read_report(tmp_path / "p.html")
    assert read.kind == "final" and isinstance(read.disclosure, Disclosure)
    assert read.disclosure.operating_costs is not None
    assert read.disclosure.operating_costs.amount == Amount("50")
