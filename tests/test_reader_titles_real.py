"""A report's kind, year and department from its title area, as real sites print the title.

Real budget titles the reader took for 决算 (“…部门预算及“三公”经费预算”, “…“三公”经费2022年预算情况的
说明”, “…2022年“三公”经费预算”, “…部门预算——单位概况”), a wrapped PDF line of a comparison taken as
the title, a breadcrumb above the title, the unit line “单位：万元” above a table: each quoted with
its address, then in the forms sites print titles (site name, breadcrumb, 发布时间, the title
repeated, split over two lines, in brackets, the year first or last).  Expected values are read off
the quoted lines by hand.  A 决算 whose early lines name 一般公共预算 or 预算执行 stays a 决算
(decision 0021).
"""

from __future__ import annotations

import pytest

from budgetacct.model.budget import Budget
from budgetacct.model.disclosure import Disclosure
from budgetacct.money import Amount
from budgetacct.reader import ReadResult, read_report
from budgetacct.reader.detect import find_year
from budgetacct.reader.normalize import Document
from budgetacct.reader.report import titled_budget


def _budget_body(year: int) -> str:
    return f"{year}年机关运行经费预算为50万元。\n"


#: A 决算 body: 三公 actuals and the 机关运行经费 of 2021.
FINAL_BODY = (
    "2021年度“三公”经费财政拨款支出决算为25万元。其中：公务接待费支出决算为10万元，"
    "公务用车运行维护费支出决算为15万元。\n2021年度机关运行经费支出50万元。\n"
)


def _read_budget(text: str) -> Budget:
    assert titled_budget(text)
    read = read_report(text)
    assert read.kind == "budget" and isinstance(read.disclosure, Budget)
    return read.disclosure


def _read_final(text: str) -> Disclosure:
    assert not titled_budget(text)
    read = read_report(text)
    assert isinstance(read, ReadResult) and isinstance(read.disclosure, Disclosure)
    return read.disclosure


@pytest.mark.parametrize(
    ("title", "year", "department"),
    [
        # http://www.xincheng.gov.cn/zwgk/zdxxgk/czxx/gdwsgjf/5de0a50bfd8508098d0afee3.html
        (
            "西安市新城区卫生和计划生育局 2019年部门预算“三公”经费公开说明",
            2019,
            "西安市新城区卫生和计划生育局",
        ),
        # http://www.youxian.gov.cn/zwgk/zdxxgk/czzj/sgjfyjs/sgjfjs/qsjjyjs/30190221.html
        ("绵阳市游仙区审计局财政拨款“三公”经费2022年预算情况的说明", 2022, "绵阳市游仙区审计局"),
        # http://www.chidc.com.cn/OpennessContent/show/1253381.html (安徽 青阳县)
        ("青阳县审计局2022年“三公”经费预算", 2022, "青阳县审计局"),
        # https://www.hbdj.gov.cn/zwgk/public/184/56284131.html
        ("杜集经济开发区管委会2020年“三公”经费预算", 2020, "杜集经济开发区管委会"),
        # http://159.75.53.135:8081/index.php?r=article/Content/index&content_id=130340 (环江)
        (
            "环江毛南族自治县水源镇中心小学 2021年部门预算及“三公”经费预算",
            2021,
            "环江毛南族自治县水源镇中心小学",
        ),
        # cxs.gov.cn (楚雄市)
        ("楚雄市新苗幼儿园2025年预算公开目录", 2025, "楚雄市新苗幼儿园"),
        # xqq.gov.cn (银川市兴庆区)
        ("银川市第二幼儿园2025年部门预算——单位概况", 2025, "银川市第二幼儿园"),
        # http://rongan.gov.cn/xxgk/fdzdgknr/czyjs/xzys/2019_59927/202101/t20210109_2400361.shtml,
        # the title as the page sets it, over two lines
        ("融安县板榄镇人民政府2019年部门预算及“三公”经费\n预算公开说明", 2019, "融安县板榄镇人民政府"),
        # http://www.pingwu.gov.cn/xxgk/ysxxgk/sgjfyjs/sgjfys/2019nsgjfys/21302741.html
        ("关于平武县林业和草原局2019年财政拨款“三公”经费预算情况的说明", 2019, "平武县林业和草原局"),
    ],
)
def test_real_budget_titles_are_budgets(title: str, year: int, department: str) -> None:
    budget = _read_budget(f"{title}\n{_budget_body(year)}")
    assert (budget.year, budget.department) == (year, department)
    # “…年机关运行经费预算为50万元”: a budget's figure, in the Budget.
    assert budget.operating_costs is not None and budget.operating_costs.amount == Amount("50")


@pytest.mark.parametrize(
    "title",
    [
        "某局2022年部门预算及“三公”经费预算",
        "某局2022年部门预算及一般公共预算“三公”经费预算",  # a fund's name beside the document's
        "某局2022年“三公”经费预算公开",
        "某局2022年“三公”经费预算说明",
        "某局“三公”经费2022年预算情况的说明",
        "某局2022年部门预算“三公”经费公开说明",
        "某局2022年部门预算——单位概况",
        "某局2022年预算公开目录",
        "某局2022年预算编制说明",
        "某局2022年部门预算情况报告",
        "2022年某局部门预算公开说明",  # the year first
        "某局部门预算（2022年度）",  # the year last, in brackets
        "某局“三公”经费预算情况（2022年）",
        "【某局2022年部门预算】",  # the title in brackets
        "《某局2022年部门预算公开》",
        "某局\n2022年部门预算公开",  # the name on a line of its own
        "某局2022年部门预算及“三公”经费\n预算公开说明",  # split over two lines
    ],
)
def test_budget_title_forms_give_kind_year_and_department(title: str) -> None:
    budget = _read_budget(f"{title}\n{_budget_body(2022)}")
    assert (budget.year, budget.department) == (2022, "某局")


@pytest.mark.parametrize(
    "head",
    [
        # A site's name and a date line around the title, the title printed again above the text.
        "某县人民政府门户网站\n某局2022年部门预算\n发布时间：2022-03-01 浏览次数：12\n某局2022年部门预算",
        # A breadcrumb naming 预决算 (no 决算 of this page) above the title.
        "首页 > 信息公开 > 财政预决算 > 部门预算\n某局2022年部门预算\n发布时间：2022-03-01",
        "当前位置：首页 > 财政预决算\n某局2022年部门预算公开说明\n来源：某局 发布日期：2022-02-20",
        # A site's links to both kinds, then the title, printed twice (the two are one title).
        "2023年部门预算\n2022年部门决算\n某局2022年部门预算\n发布时间：2022-02-01\n某局2022年部门预算",
    ],
)
def test_budget_titles_as_sites_print_them(head: str) -> None:
    budget = _read_budget(f"{head}\n{_budget_body(2022)}")
    assert (budget.year, budget.department) == (2022, "某局")


def test_the_rongan_page_head_as_printed() -> None:
    # http://rongan.gov.cn/xxgk/fdzdgknr/czyjs/xzys/2019_59927/202101/t20210109_2400361.shtml: the
    # site's greeting, the breadcrumb label, the title, its source line, the title again in two lines.
    text = (
        "欢迎访问广西柳州融安县人民政府门户网站! 今日是:\n当前所在位置:\n"
        "融安县板榄镇人民政府2019年部门预算及“三公”经费 预算公开说明\n"
        "来源: 板榄镇人民政府  |   发布日期: 2019-01-31 15:19\n"
        "融安县板榄镇人民政府2019年部门预算及“三公”经费\n预算公开说明\n"
        "第一部分:板榄镇概况\n一、单位概况\n"
        f"{_budget_body(2019)}"
    )
    budget = _read_budget(text)
    assert (budget.year, budget.department) == (2019, "融安县板榄镇人民政府")


def test_a_sangong_budget_text_stores_budget_figures() -> None:
    # http://www.xincheng.gov.cn/zwgk/zdxxgk/czxx/gdwsgjf/5de0a50bfd8508098d0afee3.html (title and
    # the first sentences): the figures are the 2019 budget's, never actuals.
    text = (
        "西安市新城区卫生和计划生育局 2019年部门预算“三公”经费公开说明\n一、“三公”经费情况说明\n"
        "2019年本部门一般公共预算“三公”经费预算支出9.80万元,较上年减少18.50万元(65.37%),"
        "减少的主要原因是公车运行维护费减少。具体情况如下:\n"
        "2、公务接待费2.30万元,较上年减少1.5万元(42.86%),减少的主要原因是认真落实中央八项规定,"
        "厉行节约,压缩接待费开支。\n"
    )
    budget = _read_budget(text)
    three = budget.three_public
    assert three is not None
    # “…“三公”经费预算支出9.80万元”, “2、公务接待费2.30万元”
    assert three.total.amount == Amount("9.80")
    assert three.reception.amount == Amount("2.30")


def test_the_huanjiang_title_over_a_budget_body() -> None:
    # The reviewer's d01c: the real 环江 title (see above) over sentences in the common budget wording.
    text = (
        "环江毛南族自治县水源镇中心小学 2021年部门预算及“三公”经费预算\n"
        "2021年收入预算总计500万元，其中：一般公共预算拨款收入480万元，上年结转20万元。\n"
        "2021年“三公”经费预算2万元，其中：公务接待费2万元，公务用车运行维护费0万元，因公出国（境）费0万元。\n"
    )
    budget = _read_budget(text)
    assert (budget.year, budget.department) == (2021, "环江毛南族自治县水源镇中心小学")
    three = budget.three_public
    assert three is not None
    # The 三公 total is the 三公 sentence's 2, not the 收入预算总计 500.
    assert three.total.amount == Amount("2") and three.reception.amount == Amount("2")


@pytest.mark.parametrize(
    "title",
    [
        "2021年“三公”经费预算执行情况说明",
        "2021年“三公”经费预算完成情况",
        "2021年度“三公”经费年初预算与支出",
        "某局2021年部门预算执行情况",
        "2021年度部门预算绩效自评情况",
        "2021年度一般公共预算“三公”经费支出情况说明",
        "2021年度一般公共预算财政拨款支出情况",
        "某局2021年度预算执行情况和部门决算公开",
        "某局2022年部门预算和2021年部门决算公开",  # combined, and this text names its 决算
    ],
)
def test_titles_naming_budget_words_of_a_final_stay_final(title: str) -> None:
    report = _read_final(f"{title}\n{FINAL_BODY}")
    assert report.year == 2021
    three = report.three_public
    assert three is not None and three.total.actual == Amount("25")


# https://jyj.huangshan.gov.cn/zsdw/ahshzsfxx/cwgl/yjsxx/9162135.html (the web page's text; the
# table's unit line “单位:万元” above the sentence).
HUIZHOU = """安徽省徽州师范学校2022年度一般公共预算财政拨款“三公”经费支出决算公开
发布日期:2023-11-24 10:28信息来源:安徽省徽州师范学校 责任编辑:徽州师范 阅读次数: 【字号:   收藏
一、2022年度一般公共预算财政拨款“三公”经费支出决算表
单位:万元
安徽省徽州师范学校2022年度一般公共预算财政拨款“三公”经费支出预算为1.69万元,支出决算为1.69万元,\
完成预算的100%,较上年减少1.73万元,下降50.58%。
"""


@pytest.mark.parametrize(
    "text",
    [HUIZHOU, HUIZHOU.replace("经费支出决算公开\n", "经费支出决\n算公开\n", 1)],  # as a PDF breaks the title
)
def test_a_unit_line_is_no_department(text: str) -> None:
    report = _read_final(text)
    assert (report.year, report.department) == (2022, "安徽省徽州师范学校")
    three = report.three_public
    assert three is not None
    # “…支出预算为1.69万元,支出决算为1.69万元,…较上年减少1.73万元”
    assert (three.total.budget, three.total.actual) == (Amount("1.69"), Amount("1.69"))
    assert three.total.change is not None and three.total.change.amount == Amount("1.73")


@pytest.mark.parametrize("unit", ["万元", "元", "亿元", "万元（保留两位小数）", "人"])
def test_unit_labels_are_no_department(unit: str) -> None:
    report = _read_final(f"单位：{unit}\n某局2021年度部门决算\n{FINAL_BODY}")
    assert report.department == "某局"


def test_a_labelled_unit_name_is_still_the_department() -> None:
    assert _read_final(f"单位名称：某局\n2021年度部门决算\n{FINAL_BODY}").department == "某局"


@pytest.mark.parametrize(
    ("title", "department"),
    [
        # http://www.kmxd.gov.cn/c/2023-08-22/6684833.shtml
        (
            "寻甸回族彝族自治县文学艺术界联合会2022年度“三公”经费决算情况说明",
            "寻甸回族彝族自治县文学艺术界联合会",
        ),
        # https://www.shouxian.gov.cn/public/118322773/1260348611.html
        ("寿县文物保护中心2022年度一般公共预算财政拨款“三公”经费支出决算", "寿县文物保护中心"),
        # https://www.ynyx.gov.cn/zfxxgk_yx/artview/229/316075.html (county-wide)
        ("云县2022年“三公”经费决算情况说明", "云县"),
        ("关于某局2022年度部门决算的说明", "某局"),
        ("某局关于2022年度部门决算的说明", "某局"),
        ("2022年度某局预算执行情况和部门决算公开", "某局"),
        ("【某局2022年度部门决算】", "某局"),
        ("某局部门决算（2022年度）", "某局"),
        ("本溪市某局2022年度部门决算", "本溪市某局"),  # 本 opening a name, not “本单位”
    ],
)
def test_final_titles_name_their_department(title: str, department: str) -> None:
    report = _read_final(f"{title}\n2022年度机关运行经费支出50万元。\n")
    assert (report.year, report.department) == (2022, department)


# http://czj.gnzrmzf.gov.cn/info/1157/7658.htm, the paragraph as a PDF wraps it (the reviewer's d01):
# a line opens with last year's figure, “较” left on the line above.
GANNAN_WRAPPED = """一、2015年部门决算公开中三公经费部分增减变化情况说明
2015年部门决算公开“三公”经费合计31.23万元，其中：公务接待
费1.58万元，车辆运行费28.91万元，因公出国（境）费0万元。较
2014年度部门决算公开“三公”经费合计16.08万元增加15.15
万元。
"""


@pytest.mark.parametrize("text", [GANNAN_WRAPPED, GANNAN_WRAPPED.split("\n", 1)[1]])
def test_a_wrapped_comparison_line_is_no_title(text: str) -> None:
    report = _read_final(text)
    assert report.year == 2015
    three = report.three_public
    assert three is not None
    # “2015年…合计31.23万元，其中：公务接待费1.58万元，车辆运行费28.91万元，因公出国（境）费0万元。
    # 较2014年度…16.08万元增加15.15万元”
    assert three.total.actual == Amount("31.23")
    assert (three.reception.actual, three.vehicle_operation.actual) == (Amount("1.58"), Amount("28.91"))
    assert three.total.change is not None and three.total.change.amount == Amount("15.15")


@pytest.mark.parametrize(
    "line",
    [
        "2020年度决算数为12.5万元增加",
        "2021年部门决算公开“三公”经费预算30万元实际支出",
        "2021年部门预算安排“三公”经费12万元比上年",
        "2021年度部门预算增长10%主要是",
    ],
)
def test_a_line_printing_a_figure_names_no_kind_nor_year(line: str) -> None:
    # A PDF's line of a sentence under a numbered heading (no title, as on the 甘南 page above): the
    # line neither makes the text a budget nor gives its year; the heading's year stands.
    text = f"一、2019年度部门决算情况说明\n{line}\n2019年度机关运行经费支出50万元。\n"
    assert not titled_budget(text)
    assert _read_final(text).year == 2019


# The reviewer's d11: a county site's breadcrumb ending in a link to the budget, a link to the 决算,
# the title, its date line and the title again.
BREADCRUMB = """首页 > 政务公开 > 财政预决算 > 2022年部门预算
2021年部门决算
新绛县万安镇人民政府2021年部门决算
发布时间：2022-09-01 来源：新绛县政府网 浏览次数：123
新绛县万安镇人民政府2021年部门决算
2021年本年收入合计830.63万元，其中：一般公共预算财政拨款收入739万元，其他收入91.63万元。
"""


def test_a_table_title_gives_the_year() -> None:
    # A 决算's table heading as the first line (“收入支出决算总表”), then the unit line.
    text = "2022年度收入支出决算总表\n单位：元\n2022年度机关运行经费支出50万元。\n"
    found = find_year(Document(text).lines)
    assert found is not None and (found[0], found[1].text) == (2022, "2022年度收入支出决算总表")
    assert _read_final(text).year == 2022


def test_a_breadcrumb_above_the_title_sets_no_year() -> None:
    report = _read_final(BREADCRUMB)
    assert (report.year, report.department) == (2021, "新绛县万安镇人民政府")
    # “2021年本年收入合计830.63万元”: the report's own year, read.
    assert report.revenue is not None and report.revenue.total == Amount("830.63")
