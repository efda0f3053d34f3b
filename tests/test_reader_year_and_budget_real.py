"""The report's year and the budget route, on passages of real reports from outside the corpus.

Each quote gives its source address; the expected values are read off the quoted sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from budgetacct.batch import load_read
from budgetacct.cli import main
from budgetacct.model.budget import Budget
from budgetacct.money import Amount
from budgetacct.reader import ReadResult, read_report, read_report_bytes, read_text
from budgetacct.reader.budget_text import read_budget_text
from budgetacct.reader.detect import detect_year
from budgetacct.reader.published import PublishedRead
from budgetacct.reader.report import titled_budget

# http://117.141.250.58:10060/wzyjsgkpt/uploadFile/upload1201/upload20220906/BA376D4490B297975A1E469C1A381661.html
# (梧州市 a 军休 unit, 2021年度单位决算, page 5; the PDF's line breaks kept). The body prints
# “较2020年度决算数” after every line: 2020 is printed more often than the report's 2021.
WUZHOU_2021 = """(一)本单位2021年度总收入581.45万元,其中本年收
入390.55万元,较2020年度决算数减少175.26万元,下降31%。
收入具体情况如下。
1.一般公共预算财政拨款收入382.17万元,为市本级财政
当年拨付的资金。较2020年度决算数减少157.86万元,下降
29.2%,主要原因:一是军休人员自然减员减少下拨相应的
离退休费、生活补助及其他经费;二是2020年下拨了军休人
员抚恤金74.31万元;三是按要求压减了机构管理经费。
2.上级补助收入8.38万元,为事业单位开展业务活动取得
的收入。较2020年度决算数减少17.40万元,下降67.5%,主
要原因是军休人员自然减员减少下拨定期增资经费及其他
经费。
3.上年结转和结余190.89万元,为以前年度支出预算因客
观条件变化未执行完毕、结转到本年度按有关规定继续使用
的资金。较2020年度决算数减少7.63万元,下降3.8 %,主要
原因是中央、自治区安排的相关项目支出因客观原因结转到
2021年度继续使用。
(二)本单位2021年度总支出581.45万元,其中本年支
出480.71万元,较2020年度决算数减少90.49万元,下降
15.8%。"""

# https://www.shouxian.gov.cn/public/118322806/1258999741.html (寿县司法局2022年“三公”经费预算情况):
# “比2021年预算” and “与2021年预算一致” print last year more often than the budget's own 2022.
SHOUXIAN_2022 = """寿县司法局2022年“三公”经费预算情况
二、2022年一般公共预算“三公”经费支出预算情况说明
寿县司法局2022年一般公共预算“三公”经费支出预算为79万元,比上年预算减少49万元,下降38.28%。其中:因公出国(境)费支出预算为0万元,公务接待费支出预算为4万元,公务用车购置及运行费支出预算为75万元。具体情况如下:
(一)因公出国(境)费支出预算0万元,与2021年预算一致,持平原因主要是本年度未安排因公出国(境)预算,上年度也未安排此项预算。
(二)公务接待费支出预算4万元,比2021年预算减少4万元,下降50%,下降原因主要是压缩开支,减少接待次数。
(三)公务用车购置及运行费支出预算75万元,比2021年预算减少45万元,下降37.5%。其中:公务用车运行费50万元,比2021年预算减少10万元,下降16.67%;公务用车购置费25万元,比2021年预算减少35万元,下降58.33%。"""


@pytest.mark.parametrize(
    "title",
    [
        "2021年度梧州市某军休所单位决算",  # the reviewer's year-first form of the page's title
        "梧州市某军休所2021年度单位决算",
        "某军休所单位决算（2021年度）",
        "",  # the passage alone: the year from the body, comparisons not counted
    ],
)
def test_wuzhou_2021_final_is_read_as_2021(title: str) -> None:
    text = f"{title}\n{WUZHOU_2021}" if title else WUZHOU_2021
    assert detect_year(text.splitlines()) == 2021


@pytest.mark.parametrize(
    ("title", "year", "department"),
    [
        # Page titles met on the sites named (the year before the department's name).
        ("2021年湛江市人民政府行政服务中心部门决算", 2021, "湛江市人民政府行政服务中心"),  # gosugo
        (
            "2022年度内蒙古自治区巴彦淖尔市审计局 部门决算公开",
            2022,
            "内蒙古自治区巴彦淖尔市审计局",
        ),  # bynr.gov.cn
        ("2020年度湖南省益阳市第三人民医院部门决算", 2020, "湖南省益阳市第三人民医院"),  # hnhs.gov.cn
        ("2023年度尤溪县图书馆部门决算", 2023, "尤溪县图书馆"),  # fjyx.gov.cn
    ],
)
def test_year_first_titles_give_year_and_department(title: str, year: int, department: str) -> None:
    # A body line of the previous year's comparison, as 决算 print it.
    text = f"{title}\n本年收入合计450万元，较{year - 1}年度决算数增加40万元，{year - 1}年度为410万元。"
    result = read_report(text)
    assert result.disclosure.year == year
    assert result.disclosure.department == department


def test_a_level_in_a_year_first_title_is_not_a_department() -> None:
    # The title of sh2025-ptczj-ys.pdf (“上海市普陀区2025年区级部门预算”) as if set in two lines.
    result = read_text("上海市普陀区\n2025年区级部门预算\n", department=None)
    assert result.disclosure.department == "上海市普陀区"
    assert read_text("2024年度市级部门决算\n").disclosure.department == "（未识别部门）"


def test_year_first_title_with_comparisons_in_body() -> None:
    # The reviewer's d05 shape: a title “2021年度某局部门决算公开说明” over a body that compares with 2020.
    text = (
        "2021年度某局部门决算公开说明\n一、2021年度收入支出决算总体情况说明\n"
        "本年收入合计450万元，较2020年度决算数增加40万元，2020年度为410万元。\n"
        "本年支出合计440万元，较2020年度决算数增加30万元，2020年度为410万元。\n"
    )
    result = read_report(text)
    assert result.disclosure.year == 2021
    assert result.disclosure.department == "某局"


@pytest.mark.parametrize("lines", [SHOUXIAN_2022.splitlines(), SHOUXIAN_2022.splitlines()[1:]])
def test_shouxian_2022_budget_year(lines: list[str]) -> None:
    assert detect_year(lines) == 2022


# --- a budget's text is read by the budget reader, whatever the file it comes in -------------------

# The reviewer's reproducer (template sentences shaped like real budget pages), as text and as a page.
BUDGET_TEXT = """某局2022年部门预算
一、收支预算总体情况
2022年收入预算1000万元，支出预算1000万元，比上年增加100万元。
二、“三公”经费预算
2022年“三公”经费预算数为21.8万元，其中：因公出国（境）费0万元，公务接待费11.8万元，公务用车购置及运行维护费10万元。比2021年预算减少1万元。
三、机关运行经费
2022年机关运行经费预算为50万元。
"""


def _as_page(text: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines())
    return f"<html><head><meta charset='utf-8'><title>t</title></head><body>{paragraphs}</body></html>"


def test_a_budget_text_reads_into_the_same_budget_as_its_web_page(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(BUDGET_TEXT, encoding="utf-8")
    (tmp_path / "b.html").write_text(_as_page(BUDGET_TEXT), encoding="utf-8")
    page = read_report(tmp_path / "b.html")
    assert page.kind == "budget" and isinstance(page.disclosure, Budget)
    for read in (
        read_report(BUDGET_TEXT),
        read_report(tmp_path / "b.txt"),
        read_report(str(tmp_path / "b.txt")),
        read_report_bytes(BUDGET_TEXT.encode("gb18030")),
    ):
        assert isinstance(read, PublishedRead)
        assert read.kind == "budget"
        assert read.disclosure == page.disclosure
        assert read.coverage == page.coverage
    budget = page.disclosure
    assert (budget.year, budget.department) == (2022, "某局")
    assert budget.three_public is not None
    # “三公”经费预算数为21.8万元 … 因公出国（境）费0万元，公务接待费11.8万元: budget figures, no actuals.
    assert budget.three_public.total.amount == Amount("21.8")
    assert budget.three_public.outbound.amount == Amount("0")
    assert budget.three_public.reception.amount == Amount("11.8")
    assert budget.operating_costs is not None and budget.operating_costs.amount == Amount("50")


def test_read_text_still_reads_a_budget_text_as_a_final_with_a_note() -> None:
    result = read_text(BUDGET_TEXT)
    assert isinstance(result, ReadResult) and result.kind == "final"
    assert any("read_report reads a budget's text into a Budget" in note for note in result.notes)


def test_a_numbered_heading_naming_a_budget_is_no_title() -> None:
    # http://ordoszxfztz.com/index.php?c=show&id=73: the next year's 三公 budget, then this year's 决算,
    # under numbered headings; the passage is a 决算's (no title names its kind).
    text = (
        "一、2022年“三公”经费预算安排情况\n"
        "2022年度“三公”经费预算总计21.8万元,其中:因公出国(境)经费0万元,公务接待11.8万元,公务用车运行费用10万元。\n"
        "二、2021年“三公”经费决算情况\n"
        "2021年度“三公”经费合计支出20.12万元,其中:因公出国(境)经费0万元,公务接待12.39万元,公务用车运行费用"
        "7.73万元。\n"
    )
    assert not titled_budget(text)
    assert isinstance(read_report(text, year=2021, department="测试单位"), ReadResult)


def test_titled_budget_names_the_kind_by_the_title() -> None:
    assert titled_budget(BUDGET_TEXT)
    assert titled_budget(SHOUXIAN_2022)
    assert titled_budget("某局部门预算（2022年度）\n2022年机关运行经费预算为50万元。")
    assert not titled_budget("2021年度某局部门决算\n2021年度“三公”经费财政拨款预算为30万元。")
    # An untitled 决算 passage comparing with the budget stays a 决算.
    assert not titled_budget("2021年度“三公”经费财政拨款预算为30万元，支出决算为25万元。")


def test_the_cli_reads_and_audits_a_budget_text_as_a_budget(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "b.txt").write_text(BUDGET_TEXT, encoding="utf-8")
    (tmp_path / "b.html").write_text(_as_page(BUDGET_TEXT), encoding="utf-8")
    outputs = []
    for command in (["read"], ["audit", "--format", "json"]):
        for name in ("b.txt", "b.html"):
            main([*command, str(tmp_path / name)])
            outputs.append(json.loads(capsys.readouterr().out))
    read_txt, read_html, audit_txt, audit_html = outputs
    assert read_txt == read_html and read_txt["type"] == "Budget"
    assert audit_txt == audit_html
    document, _, coverage = load_read(tmp_path / "b.txt")
    assert isinstance(document, Budget) and coverage is not None


# --- the budget reader on national wordings of real budget pages ------------------------------------


def test_shouxian_2022_three_public_budget_is_read_as_budget_figures() -> None:
    read = read_report(SHOUXIAN_2022)
    assert isinstance(read, PublishedRead) and isinstance(read.disclosure, Budget)
    budget = read.disclosure
    assert budget.year == 2022
    three = budget.three_public
    assert three is not None
    # “…“三公”经费支出预算为79万元,比上年预算减少49万元,下降38.28%”
    assert three.total.amount == Amount("79")
    assert three.total.change is not None and three.total.change.amount == Amount("49")
    # “因公出国(境)费支出预算为0万元,公务接待费支出预算为4万元,公务用车购置及运行费支出预算为75万元”
    assert (three.outbound.amount, three.reception.amount, three.vehicles.amount) == (
        Amount("0"),
        Amount("4"),
        Amount("75"),
    )
    # “公务用车运行费50万元,比2021年预算减少10万元…;公务用车购置费25万元,比2021年预算减少35万元”
    assert (three.vehicle_operation.amount, three.vehicle_purchase.amount) == (Amount("50"), Amount("25"))
    assert three.vehicle_purchase.change is not None
    assert three.vehicle_purchase.change.amount == Amount("35")


def test_zhanjiang_2019_arranged_three_public_and_operating_costs() -> None:
    # http://www.plpkl.com/zdlyxxgk/czyjshsgjf/sgjf/content/post_3449036.html (a mirror of a 湛江 2019
    # 预算 page, converted from traditional characters)
    text = (
        "2019 年,本部门机关运行经费安排 312.23 万元, 比上年增加15.18万元,增长5.11 %,主要原因是公用经费标准有所增加。\n"
        "2019年本部门财政拨款安排“三公”经费29万元,比上年增加0.5万元,增长1.75 %,其中:因公出国(境)费0万元,"
        "较上年无增减;公务用车购置及运行费28万元(公务用车购置费0万元,公务用车运行维护费28万元),较上年无增减;"
        "公务接待费1万元,比上年增加0.5万元,增长100 %。"
    )
    read = read_budget_text(text)
    assert read.get("operating_costs") == Amount("312.23")
    change = read.change("operating_costs.change")
    assert change is not None and change.amount == Amount("15.18")
    assert read.get("three_public.total") == Amount("29")
    assert read.get("three_public.vehicles") == Amount("28")
    assert read.get("three_public.vehicle_purchase") == Amount("0")
    assert read.get("three_public.vehicle_operation") == Amount("28")
    assert read.get("three_public.reception") == Amount("1")
    assert read.unread == ()


def test_lincang_2018_three_public_budget_total_and_maintenance_wording() -> None:
    # https://lincang.gov.cn/zfxxgk_lcs_czj/artview/959/316343.html
    text = (
        "2018年财政拨款“三公”经费预算总额为2.7万元,其中,因公出国(境)费支出0万元,公务用车购置及运行费支出1.5万元,"
        "公务接待费支出1.2万元。\n2.公务用车购置及运行维护费1.5万元。"
    )
    read = read_budget_text(text)
    assert read.get("three_public.total") == Amount("2.7")
    assert [f.amount for f in read.figures if f.field == "three_public.vehicles"] == [Amount("1.5")] * 2
    assert read.get("three_public.reception") == Amount("1.2")


@pytest.mark.parametrize(
    ("text", "field", "amount"),
    [
        # The 财政部 template's order of words (the reviewer's probe of the national wordings).
        ("2022年“三公”经费财政拨款预算为21.8万元，比2021年预算减少1万元。", "three_public.total", "21.8"),
        ("2022年本部门机关运行经费财政拨款预算50万元，比2021年预算减少5万元。", "operating_costs", "50"),
        ("公务用车购置及运行维护费4070万元", "three_public.vehicles", "4070"),  # cqjb.gov.cn 2021
        ("2024年财政拨款收支总预算4,500.00万元。", "fiscal.total", "4500.00"),
        ("一般公共预算当年财政拨款支出预算3,200.5万元。", "general_budget.total", "3200.5"),
        ("其中：一般公共预算拨款收入900万元，占90%", "revenue.general_budget", "900"),
    ],
)
def test_national_budget_wordings(text: str, field: str, amount: str) -> None:
    assert read_budget_text(text).get(field) == Amount(amount)


def test_revenue_budget_listing_the_general_budget_line() -> None:
    # The 财政部 template's “收入预算X万元，其中：一般公共预算拨款收入Y万元…” (the reviewer's probe).
    read = read_budget_text(
        "2022年本部门收入预算1000万元，其中：一般公共预算拨款收入900万元，占90%；事业收入100万元，占10%。"
    )
    assert (read.get("revenue.total"), read.get("revenue.general_budget")) == (Amount("1000"), Amount("900"))
    # With 上年结转 among the parts the total is not the year's revenue: left unread.
    carried = (
        "2022年本部门收入预算1000万元，其中：一般公共预算拨款收入900万元，占90%；上年结转100万元，占10%。"
    )
    assert read_budget_text(carried).get("revenue.total") is None
    assert "1000万元" in [printed for _, _, printed in read_budget_text(carried).unread]


def test_wuzhou_2024_budget_in_yuan_reads_nothing_wrong() -> None:
    # http://117.141.250.58:10060/wzyjsgkpt/uploadFile/upload1412/upload20240311/C443CF594F700D82110193222E29D217.html
    # (梧州 2024年部门预算, amounts in 元): the 基本/项目 lines are shares of the 一般公共预算 spending.
    text = (
        "1. 基本支出预算 2476260.58 元,占一般公共预算支出\n的84.06%,同比减少 4966.66 元,下降 0.2%。\n"
        "2. 项目支出 469500 元,占一般公共预算支出的 19.62%,\n同比增加 70100 元 ,增长 17.55%。\n"
        "六、一般公共预算基本支出情况说明\n2024 年本年一般公共预算基本支出 2476260.58 元,较\n上年减少 0.2%。其中:\n"
        "人员经费 2128270.5 元,主要包括:基本工资、津贴补\n贴、奖金、绩效工资"
    )
    read = read_budget_text(text)
    assert read.get("expenditure.project") is None
    assert read.get("expenditure.basic") is None
    # 2476260.58 元 = 247.626058 万元, the 一般公共预算基本支出.
    assert read.get("basic_expenditure.total") == Amount("247.626058")
    assert read.get("basic_expenditure.personnel") == Amount("212.82705")
    assert "469500 元" in [printed for _, _, printed in read.unread]


def test_wuzhou_2023_procurement_budget_in_yuan() -> None:
    # http://117.141.250.58:10060/wzyjsgkpt/uploadFile/upload843/upload20230331/E26C28AB51E06DED846A9BE66F242C41.html
    # (梧州 a 科协 unit, 2023年部门预算, amounts in 元)
    text = (
        "2023 年政府采购预算 17000 元,同比增加 17000 元,上\n年无该预算,增长率无可比性。\n"
        "按政府采购项目类型,分为货物类采购、工程类采购和\n服务类采购三种类型。其中:货物类采购 10000 元,占政府\n"
        "采购预算 58.8%;工程类采购 0 元,占政府采购预算 0%;服\n务类采购 7000 元,占政府采购预算 41.2%。"
    )
    read = read_budget_text(text)
    # 17000 元 = 1.7 万元; 10000 + 0 + 7000 = 17000.
    assert read.get("procurement.total") == Amount("1.7")
    assert read.get("procurement.goods") == Amount("1")
    assert read.get("procurement.works") == Amount("0")
    assert read.get("procurement.services") == Amount("0.7")
