"""Real report passages in the forms users have them: PDF text with page numbers and running headers
between the lines of a sentence, thousand groups set apart by spaces, 繁体 pages, tables pasted with
“ | ” or with one space before the figures, a web page's 三公 table printed upright.

Each passage is quoted from its public page (address above it). The expected figures are read off
the quoted sentence by hand; every broken form must read the same figures as the clean one, and the
coverage must count every figure printed (read, or listed unread).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetacct import audit
from budgetacct.money import Amount, Percent
from budgetacct.paths import resolve_path
from budgetacct.reader import read_report
from budgetacct.reader.normalize import Document
from budgetacct.reader.published import PublishedRead
from budgetacct.reader.report import ReadResult


def _read(text: str) -> ReadResult:
    result = read_report(text)
    assert isinstance(result, ReadResult)
    return result


def _values(result: ReadResult | PublishedRead) -> dict[str, object]:
    """Each path read (the year and the department aside) with its value."""
    values: dict[str, object] = {}
    for source in result.sources:
        if source.path in ("$.year", "$.department"):
            continue
        values[source.path] = resolve_path(result.disclosure, source.path)
    return values


def _unread_figures(result: ReadResult) -> list[str]:
    return [figure for unread in result.unread for figure in unread.figures]


# --- 1. page furniture between the lines of a sentence ---------------------------------------------

# https://qyxgsl.org/jtxmhwz/c111439/2016-12/28/content_0f792adf672941cbbacee4315b0cfb69 (金堂县官仓镇)
GUANCANG_TITLE = "官仓镇2015年三公”经费支出说明"
GUANCANG_LINES = (
    "三、公务用车购置及运行维护费",
    "2015年公务用车购置及运行维护费共计13.01万元,较2014年决",
    "算数下降1.95%。主要原因是严格执行公车管理制度。",
    "2015年按规定更新购置公务用车0辆,车辆购置支出0万元。",
)
# Read off the sentences: 13.01万元, 下降1.95%; 购置公务用车0辆. The 0万元 of 车辆购置 is no total.
GUANCANG_READ = {
    "$.three_public.vehicles.actual": Amount("13.01"),
    "$.three_public.vehicles.change.direction": "减少",
    "$.three_public.vehicles.change.rate": Percent("1.95"),
    "$.three_public.vehicles_purchased": 0,
}

#: What PDF producers print on every page: page numbers and the running header.
PAGE_LINES = ("- 2 -", "—2—", "第 2 页 共 12 页", "第2页", "2/12", "Page 2", "Page 2 of 12", "2")


def _guancang(*between: str, at: int = 2) -> str:
    lines = [GUANCANG_TITLE, *GUANCANG_LINES]
    lines[at:at] = between
    return "\n".join(lines)


def _plain(values: dict[str, object]) -> dict[str, object]:
    return {path: getattr(value, "value", value) for path, value in values.items()}


def test_the_clean_passage_reads_the_vehicle_figures() -> None:
    result = _read(_guancang())
    assert _plain(_values(result)) == {p: getattr(v, "value", v) for p, v in GUANCANG_READ.items()}
    assert _unread_figures(result) == ["0万元"]


@pytest.mark.parametrize("page", PAGE_LINES)
def test_a_page_number_inside_a_sentence_is_dropped(page: str) -> None:
    # “…较2014年决” / page line / “算数下降1.95%。”: the same reading as the clean passage.
    clean = _read(_guancang())
    broken = _read(_guancang(page))
    assert _values(broken) == _values(clean)
    assert broken.coverage == clean.coverage


@pytest.mark.parametrize("page", PAGE_LINES)
def test_a_page_number_and_the_running_header_inside_a_sentence_are_dropped(page: str) -> None:
    clean = _read(_guancang())
    for between in ((page, GUANCANG_TITLE), (GUANCANG_TITLE, page), ("", page, "", GUANCANG_TITLE, "")):
        broken = _read(_guancang(*between))
        assert _values(broken) == _values(clean), between
        assert broken.coverage == clean.coverage


def test_the_running_header_before_a_sentence_gives_it_no_subject() -> None:
    # The header “官仓镇2015年三公”经费支出说明” at the top of page 2, before “2015年按规定更新购置公务
    # 用车0辆，车辆购置支出0万元。”: that 0 is no “三公” total (it made R27 say 应为22.96万元，实为0万元).
    result = _read(_guancang("- 2 -", GUANCANG_TITLE, at=4))
    assert _values(result) == _values(_read(_guancang()))
    assert result.disclosure.three_public is not None
    assert result.disclosure.three_public.total.actual is None


# https://www.qiannan.gov.cn/ztzl/qnzczzjxxgk/zygbmhdwyjsjsgjfyjs/js2016/201901/t20190125_2229158.html
QIANNAN_TITLE = "黔南州中医医院2016年部门决算及“三公”经费决算公开表和部门决算分析报告"
QIANNAN_SENTENCE = ("2016年总收入40724.80万元,与去年同期相比增加1186.67", "万元,同比增长3%。")


@pytest.mark.parametrize(
    "header",
    [
        "黔南州中医医院2016年部门决算及“三公”经费决算公开表和部",  # the title cut short
        QIANNAN_TITLE,
    ],
)
def test_a_header_naming_sangong_makes_no_hospital_revenue_a_sangong_figure(header: str) -> None:
    # The hospital prints no “三公” figure here: its 总收入 sentence stays unread, all three figures.
    text = "\n".join([QIANNAN_TITLE, QIANNAN_SENTENCE[0], "- 2 -", header, QIANNAN_SENTENCE[1]])
    result = _read(text)
    assert result.disclosure.three_public is None
    assert _unread_figures(result) == ["40724.80万元", "1186.67万元", "3%"]
    assert result.coverage.figures_unread == 3


def test_the_title_is_never_joined_to_the_first_sentence() -> None:
    result = _read("\n".join([QIANNAN_TITLE, *QIANNAN_SENTENCE]))
    assert result.disclosure.three_public is None
    assert _unread_figures(result) == ["40724.80万元", "1186.67万元", "3%"]


def test_a_number_the_sentence_prints_on_a_line_of_its_own_is_kept() -> None:
    # The same 金堂 page: “截至2015年12月底,单位共有公务用车8辆”, with “8” wrapped onto a line of
    # its own. It binds with “辆” on the next line: no page number.
    text = "\n".join(
        [
            GUANCANG_TITLE,
            "截至2015年12月底,单位共有公务用车保有量为",
            "8",
            "辆,其中:一般公务用车6辆,特种作业车(洒水车、垃圾车)2辆。",
        ]
    )
    result = _read(text)
    assert result.disclosure.three_public is not None
    assert result.disclosure.three_public.vehicles_held == 8


def test_a_wrapped_line_beginning_with_the_titles_words_is_kept() -> None:
    # https://jyj.huangshan.gov.cn/zsdw/ahshzsfxx/cwgl/yjsxx/9162135.html, wrapped as a PDF prints it:
    # the sentence's first line shares most of its words with the title, but is the sentence's own.
    title = "安徽省徽州师范学校2022年度一般公共预算财政拨款“三公”经费支出决算公开"
    lines = [
        "安徽省徽州师范学校2022年度一般公共预算财政拨款“三公”经费支出预",
        "算为1.69万元,支出决算为1.69万元,完成预算的100%,较上年减少1.73万元,下降50.58%。",
    ]
    wrapped, whole = _read("\n".join([title, *lines])), _read("\n".join([title, "".join(lines)]))
    assert _values(wrapped) == _values(whole)
    # 预算1.69万元, 决算1.69万元, 完成100%, 减少1.73万元, 下降50.58%.
    assert _values(wrapped)["$.three_public.total.actual"] == Amount("1.69")
    assert _values(wrapped)["$.three_public.total.change.rate"] == Percent("50.58")


def test_a_line_of_a_table_printed_one_cell_per_line_is_kept() -> None:
    # https://jyj.huangshan.gov.cn/zsdw/ahshzsfxx/cwgl/yjsxx/9162135.html: the table as the stored page
    # prints it, one cell per line. “0” lines are cells, never page numbers: all figures counted.
    text = "\n".join(
        [
            "安徽省徽州师范学校2022年度一般公共预算财政拨款“三公”经费支出决算公开",
            "一、2022年度一般公共预算财政拨款“三公”经费支出决算表",
            "单位:万元",
            "合计",
            "1.69",
            "1.69",
            "因公出国(境)费",
            "0.00",
            "0.00",
            "公务接待费",
            "1.50",
            "1.50",
        ]
    )
    result = _read(text)
    assert sorted(_unread_figures(result)) == sorted(["1.69", "1.69", "0.00", "0.00", "1.50", "1.50"])


# --- 1b. a budget's text read by the budget reader -------------------------------------------------

# https://jnhbdb.com/html/.xxgkzdgzgkczsj.201803t20180302_121945.html (合川区肖家镇 2018 部门预算)
XIAOJIA = (
    "重庆市合川区肖家镇人民政府2018年部门预算情况说明",
    "二、部门预算情况说明",
    "2018年一般公共预算财政拨款收入1903.55万元,一般公共预算财政拨款支出1903.55万元,比2017年增加249.49万元。"
    "其中:基本支出",
    "1057.49万元,比2017年增加197.32万元;项目支出",
    "846.06万元,比2017年增加52.17万元。",
)


def test_a_budget_text_reads_the_same_past_page_furniture() -> None:
    clean = read_report("\n".join(XIAOJIA))
    lines = list(XIAOJIA)
    lines[3:3] = ["- 2 -"]
    lines[5:5] = [XIAOJIA[0]]
    broken = read_report("\n".join(lines))
    assert isinstance(clean, PublishedRead) and isinstance(broken, PublishedRead)
    assert _values(broken) == _values(clean)
    read = _values(clean)
    # The split follows the 一般公共预算's total: its 基本支出 is the 一般公共预算 basic spending; the
    # model holds no 一般公共预算 项目支出, nor the parts' changes, which are listed unread.
    assert read["$.general_budget.total"] == Amount("1903.55")
    assert read["$.basic_expenditure.total"] == Amount("1057.49")
    assert (
        [u.text for u in clean.unread]
        == [u.text for u in broken.unread]
        == ["197.32万元", "846.06万元", "52.17万元"]
    )
    assert broken.coverage.figures_unread == clean.coverage.figures_unread == 3


# --- 3. thousand groups set apart by spaces ------------------------------------------------------------

# http://www.kmxd.gov.cn/c/2023-08-22/6684833.shtml (寻甸县文联 2022, amounts in 元)
XUNDIAN = (
    "寻甸回族彝族自治县文学艺术界联合会2022年度“三公”经费决算情况说明\n"
    "寻甸回族彝族自治县文学艺术界联合会部门2022年度一般公共预算财政拨款“三公”经费支出年初预算为{0}元,"
    "支出决算为{0}元,完成年初预算的100%。"
)


@pytest.mark.parametrize(
    "printed",
    ["12000.00", "12,000.00", "12 000.00", "12\u202f000.00", "１２ ０００.００", "12 000. 00", "12000. 00"],
)
def test_a_space_between_thousand_groups_is_one_number(printed: str) -> None:
    result = _read(XUNDIAN.format(printed))
    # 12000.00元 = 1.20万元, budget and actual; completion 100%.
    values = _values(result)
    assert values["$.three_public.total.budget"] == Amount("1.20")
    assert values["$.three_public.total.actual"] == Amount("1.20")
    assert values["$.three_public.total.completion"] == Percent("100")
    assert result.coverage.figures_unread == 0


def test_no_fragment_after_a_space_becomes_an_amount() -> None:
    # “8 93.16万元”: a row's number and a figure, or 893.16 — not one number for sure. It is listed
    # unread, quoted whole; “93.16万元” alone is never an amount.
    result = _read("某局2021年度部门决算\n2021年度本年收入合计8 93.16万元。")
    assert "$.revenue.total" not in _values(result)
    assert _unread_figures(result) == ["8 93.16万元"]


def test_a_larger_number_in_spaced_groups_and_in_a_revenue_sentence() -> None:
    text = "某局2021年度部门决算\n2021年度本年收入合计1 234 567.00元。"
    assert _values(_read(text))["$.revenue.total"] == Amount("123.4567")


# --- 4. tables pasted as text ----------------------------------------------------------------------

# http://www.motobike69.com/?news_126/2697.html (济宁市第二人民医院 2017, the 收入支出决算总表)
JINING_TRADITIONAL = """濟寧市第二人民醫院2017年度部門決算
1.《收入支出決算總表》
單位名稱:濟寧市第二人民醫院 單位:萬元
收入 | 支出 | ||||
項目 | 行次 | 金額 | 項目 | 行次 | 金額 |
欄次 | 1 | 欄次 | 2 | ||
一、財政撥款收入 | 1 | 625.58 | 一、一般公共服務支出 | 28 | |
二、上級補助收入 | 2 | 二、外交支出 | 29 | ||
三、事業收入 | 3 | 34221.23 | 三、國防支出 | 30 | |
9 | 九、醫療衛生與計劃生育支出 | 36 | 36341.62 | ||
本年收入合計 | 23 | 34846.81 | 本年支出合計 | 50 | 36341.62 |
用事業基金彌補收支差額 | 24 | 1604.54 | 結余分配 | 51 | |
年初結轉和結余 | 25 | 364.65 | 年末結轉和結余 | 52 | 474.38 |"""
JINING_FIGURES = ("625.58", "34221.23", "36341.62", "34846.81", "36341.62", "1604.54", "364.65", "474.38")


@pytest.mark.parametrize(
    "form",
    ["pipes", "tabs", "simplified pipes"],
)
def test_a_table_pasted_with_pipes_reads_as_with_tabs(form: str) -> None:
    text = JINING_TRADITIONAL
    if form == "tabs":  # the same cells, empty ones too, as Word pastes them (each row's last “|” ends it)
        text = "\n".join(
            "\t".join(cell.strip() for cell in line.removesuffix("|").split("|")) if "|" in line else line
            for line in text.splitlines()
        )
    if form == "simplified pipes":
        text = text.translate(
            str.maketrans(
                "濟寧醫院門決總單萬項額欄財撥務級補業國計劃衛與療彌結餘轉",
                "济宁医院门决总单万项额栏财拨务级补业国计划卫与疗弥结余转",
            )
        )
    result = _read(text)
    assert result.disclosure.department == "济宁市第二人民医院"
    values = _values(result)
    # 本年收入合计 34846.81, 本年支出合计 36341.62, 年初结转和结余 364.65, 年末结转和结余 474.38.
    assert values["$.revenue.total"] == Amount("34846.81")
    assert values["$.expenditure.total"] == Amount("36341.62")
    assert values["$.overview.opening_balance"] == Amount("364.65")
    assert values["$.overview.closing_balance"] == Amount("474.38")
    # 一、财政拨款收入 625.58; 用事业基金弥补收支差额 1604.54 (the older name of 使用非财政拨款结余).
    assert values["$.revenue.fiscal.amount"] == Amount("625.58")
    assert values["$.overview.non_fiscal_balance_used"] == Amount("1604.54")
    # 结余分配's amount cell is empty: its 行次 51 is no figure.
    assert "$.overview.surplus_distribution" not in values
    assert sorted(
        [*(str(v.value) for v in values.values() if isinstance(v, Amount)), *_unread_figures(result)]
    ) == sorted(JINING_FIGURES)


def test_a_lone_line_with_pipes_is_text() -> None:
    result = _read("某局2021年度部门决算\n首页 | 政务公开 | 财政预决算\n2021年度本年收入合计5万元。")
    assert _values(result) == {"$.revenue.total": Amount("5")}


# https://www.sgf2.com/37584/38154/38157/38160/38177/38192/40042/content_1191766.html (岳阳县移民局 2015)
YUEYANG = """岳阳县2015年度移民局“三公”经费决算情况表
单位:万元
项      目 本年决算数
一、支出合计 9.28
1、因公出国(境)费用
2、公务接待费 9.28
5.公务接待批次(批) 186
6.公务接待人数(人) 2856
三、“三公”经费增减变化原因等说明 三公经费比2014年决算数略有减少,减少0.54万元,降低5.5%。"""


def test_table_rows_with_one_space_before_the_figure_are_counted() -> None:
    result = _read(YUEYANG)
    # The four figures of the rows (9.28, 9.28, 186 批, 2856 人) are listed unread; the sentence's
    # change (减少0.54万元, 降低5.5%) is read.
    assert sorted(_unread_figures(result)) == sorted(["9.28", "9.28", "186", "2856"])
    values = _values(result)
    assert values["$.three_public.total.change.amount"] == Amount("0.54")
    assert values["$.three_public.total.change.rate"] == Percent("5.5")


def test_a_web_pages_upright_sangong_table_is_read(tmp_path: Path) -> None:
    # https://jyj.huangshan.gov.cn/zsdw/ahshzsfxx/cwgl/yjsxx/9162135.html: rows 合计 / 因公出国（境）费 /
    # 公务接待费 / 公务用车购置及运行维护费 / 其中：公务用车购置费 / 公务用车运行维护费, columns 预算数 / 决算数.
    rows = [
        ("合计", "1.69", "1.69"),
        ("因公出国（境）费", "0.00", "0.00"),
        ("公务接待费", "1.50", "1.50"),
        ("公务用车购置及运行维护费", "0.19", "0.19"),
        ("其中：公务用车购置费", "0.00", "0.00"),
        ("公务用车运行维护费", "0.19", "0.19"),
    ]
    cells = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
    page = tmp_path / "sangong.html"
    page.write_text(
        "<html><body><h1>安徽省徽州师范学校2022年度一般公共预算财政拨款“三公”经费支出决算公开</h1>"
        "<p>一、2022年度一般公共预算财政拨款“三公”经费支出决算表</p><p>单位：万元</p>"
        f"<table><tr><td>项目</td><td>预算数</td><td>决算数</td></tr>{cells}</table></body></html>",
        encoding="utf-8",
    )
    result = read_report(page)
    assert isinstance(result, PublishedRead)
    table = result.disclosure.tables[0]
    by_column = {
        (column.measure.name, column.basis.name): cell
        for column, cell in zip(table.panels[0].columns, table.panels[0].rows[0].cells, strict=True)
    }
    expected = {"THREE_PUBLIC_TOTAL": "1.69", "OUTBOUND": "0.00", "RECEPTION": "1.50", "VEHICLES": "0.19"}
    expected |= {"VEHICLE_PURCHASE": "0.00", "VEHICLE_OPERATION": "0.19"}
    assert by_column == {
        (measure, basis): Amount(value)
        for measure, value in expected.items()
        for basis in ("BUDGET", "ACTUAL")
    }
    assert result.coverage.figures_unread == 0
    # Each figure points to its own printed cell: 公务接待费's 决算数 is row 4, column 3.
    reception = [s for s in result.sources if s.printed == "1.50"]
    assert {s.describe()[1] for s in reception} == {"table 1, row 4, column 2", "table 1, row 4, column 3"}
    assert "R70" not in {
        finding.rule for finding in audit(result.disclosure, coverage=result.coverage).findings
    }


def _sangong_page(tmp_path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> PublishedRead:
    cells = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in [header, *rows])
    page = tmp_path / "sangong.html"
    page.write_text(
        "<html><body><h1>安徽省徽州师范学校2022年度一般公共预算财政拨款“三公”经费支出决算公开</h1>"
        f"<p>一、2022年度一般公共预算财政拨款“三公”经费支出决算表</p><p>单位：万元</p><table>{cells}</table>"
        "</body></html>",
        encoding="utf-8",
    )
    result = read_report(page)
    assert isinstance(result, PublishedRead)
    return result


def test_an_upright_tables_column_of_no_place_is_counted(tmp_path: Path) -> None:
    # The same rows with a 上年决算数 column beside 决算数 (as some pages print it): the model's
    # 三公 table has no place for last year's figures, so they are counted unread, never dropped.
    rows = [("合计", "1.69", "3.42"), ("因公出国（境）费", "0.00", "0.00"), ("公务接待费", "1.50", "1.80")]
    result = _sangong_page(tmp_path, ("项目", "决算数", "上年决算数"), rows)
    table = result.disclosure.tables[0]
    read = dict(
        zip((c.measure.name for c in table.panels[0].columns), table.panels[0].rows[0].cells, strict=True)
    )
    assert read == {
        "THREE_PUBLIC_TOTAL": Amount("1.69"),
        "OUTBOUND": Amount("0.00"),
        "RECEPTION": Amount("1.50"),
    }
    assert sorted(u.text for u in result.unread) == ["0.00", "1.80", "3.42"]
    assert result.coverage.figures_unread == 3


@pytest.mark.parametrize(
    ("header", "extra"),
    [
        (("项目", "上年数", "预算数", "决算数"), "9.99"),  # last year's column first
        (("项目", "上年决算数", "预算数", "决算数"), "9.99"),  # its 决算 is last year's
        (("项目", "行次", "预算数", "决算数"), None),  # the rows' numbers, no figures
    ],
)
def test_an_upright_table_s_other_columns_never_take_the_year_s_figures(
    tmp_path: Path, header: tuple[str, ...], extra: str | None
) -> None:
    # A column left of 预算数 that names no basis of the year's own (上年数, 上年决算数, 行次) took
    # the budget's place, and the budget column the actuals'.
    figures = [
        ("合计", "15.00", "12.50"),
        ("因公出国（境）费", "0.00", "0.00"),
        ("公务接待费", "5.00", "2.50"),
    ]
    rows = [
        (item, extra if extra else str(number + 1), budget, actual)
        for number, (item, budget, actual) in enumerate(figures)
    ]
    result = _sangong_page(tmp_path, header, rows)
    table = result.disclosure.tables[0]
    read = {
        (column.measure.name, column.basis.name): cell
        for column, cell in zip(table.panels[0].columns, table.panels[0].rows[0].cells, strict=True)
    }
    assert read[("THREE_PUBLIC_TOTAL", "BUDGET")] == Amount("15.00")
    assert read[("THREE_PUBLIC_TOTAL", "ACTUAL")] == Amount("12.50")
    assert read[("RECEPTION", "BUDGET")] == Amount("5.00")
    assert read[("RECEPTION", "ACTUAL")] == Amount("2.50")
    assert sorted(u.text for u in result.unread) == ([extra] * 3 if extra else [])


def test_a_titled_table_whose_header_names_no_column_is_counted_not_empty(tmp_path: Path) -> None:
    # Titled as the 三公 table, but its header names none of its columns: not read as that table
    # (which would reach the audit empty, with a false R70), its two figures counted unread.
    result = _sangong_page(tmp_path, ("项目", "甲", "乙"), [("合计", "1.69", "1.50")])
    assert result.disclosure.tables == ()
    assert result.coverage.tables_found == 1 and result.coverage.tables_recognized == 0
    assert result.coverage.figures_unread == 2
    assert "R70" not in {
        finding.rule for finding in audit(result.disclosure, coverage=result.coverage).findings
    }


# --- 7. 繁体 pages ----------------------------------------------------------------------------------

# http://www.tykjjz.com/html/news/tzgg/857.html (云南省中西医结合医院 2017)
YUNNAN_TRADITIONAL = """云南省中西醫結合醫院 2017年部門決算公開信息
四、一般公共預算財政撥款支出決算情況說明
2017年度一般公共預算財政撥款支出2339.68萬元,占本年支出合計的30.08%。與上年對比減少660.26萬元。
五、一般公共預算財政撥款“三公”經費支出決算情況說明
2017年度一般公共預算財政撥款“三公”經費支出預算為12.50萬元,支出決算為13.07萬元,完成預算104.56%。"""
YUNNAN_SIMPLIFIED = """云南省中西医结合医院 2017年部门决算公开信息
四、一般公共预算财政拨款支出决算情况说明
2017年度一般公共预算财政拨款支出2339.68万元,占本年支出合计的30.08%。与上年对比减少660.26万元。
五、一般公共预算财政拨款“三公”经费支出决算情况说明
2017年度一般公共预算财政拨款“三公”经费支出预算为12.50万元,支出决算为13.07万元,完成预算104.56%。"""


def test_a_traditional_page_reads_like_its_simplified_form() -> None:
    traditional, simplified = _read(YUNNAN_TRADITIONAL), _read(YUNNAN_SIMPLIFIED)
    values = _values(traditional)
    assert values == _values(simplified)
    # 2339.68万元 (30.08%); “三公” 预算12.50万元, 决算13.07万元, 完成104.56%.
    assert values["$.general_budget.total"] == Amount("2339.68")
    assert values["$.general_budget.share"] == Percent("30.08")
    assert values["$.three_public.total.budget"] == Amount("12.50")
    assert values["$.three_public.total.actual"] == Amount("13.07")
    assert values["$.three_public.total.completion"] == Percent("104.56")
    assert traditional.coverage == simplified.coverage
    assert traditional.disclosure.year == 2017
    assert traditional.disclosure.department == "云南省中西医结合医院"


def test_a_number_alone_on_a_line_is_a_page_number_only_in_the_pages_sequence() -> None:
    # A PDF breaks “面积约为120平方米” and “其中1/2用于…” as well as it prints page numbers: a bare
    # number is a page number only where the page numbers around it go on from it (4, 5, 6).
    broken = "某局2021年度部门决算\n五、国有资产占用情况说明\n本部门房屋建筑面积约为\n120\n平方米，比上年增长\n2\n倍。\n"
    document = Document(broken)
    assert [line.text for line in document.lines if line.kind == "furniture"] == []
    pages = (
        "某局2021年度部门决算\n一、收入支出决算总体情况说明\n2021年度本年收入合计830.63万元，其中：一般公共预算财政拨款收入\n"
        "4\n739万元，占88.96%；其他收入91.63万元，占11.04%。本年支出合计800.00万元，其中：基本支出\n"
        "5\n700.00万元，占87.5%；项目支出100.00万元，占12.5%。\n"
    )
    assert [line.text for line in Document(pages).lines if line.kind == "furniture"] == ["4", "5"]


def test_a_simplified_character_the_traditional_table_shares_is_kept() -> None:
    # 於潜镇 (杭州市临安区) prints 於, a character of 简体 too.
    result = _read(
        "杭州市临安区於潜镇人民政府2021年度部门决算\n一、收入支出决算总体情况说明\n2021年度收、支总计3903.88万元。\n"
    )
    assert result.disclosure.department == "杭州市临安区於潜镇人民政府"
