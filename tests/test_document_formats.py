"""Word files, web pages and workbooks read into a Document, and through it into the standard tables.

The 收入支出决算总表 below is the one ``sh2024-ptczj-js.pdf`` prints on pages 6–7 (上海市普陀区财政局
2024年度部门决算; figures read off the page images for tests/test_published_pdf.py).  The tests
write it as a department would publish it in each format — a .docx with the table's name in the
paragraphs above it, a workbook with a merged title row, a web page with colspan/rowspan — and
check that every format gives the same standard table as the PDF does.

``cq2018-jtw-ys.jsp`` is a real web page (重庆市交通委员会2018年部门预算情况说明); its paragraphs and
figures below were checked by hand against the page's text.
"""

from __future__ import annotations

import importlib
import io
import zipfile
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import Any

import pytest

from budgetacct import Amount
from budgetacct._files import OLE2_MAGIC, UnsupportedFile, published_kind
from budgetacct.codes import FunctionCode
from budgetacct.model.tables import Column, Line, Measure, StandardTable, TableKind
from budgetacct.reader import containers
from budgetacct.reader.containers import (
    CorruptDocument,
    DocumentTooLarge,
    EncryptedDocument,
    OldOfficeDocument,
)
from budgetacct.reader.document import Box, Document
from budgetacct.reader.docx import read_docx
from budgetacct.reader.html import read_html
from budgetacct.reader.published import PublishedRead, read_document, read_published
from budgetacct.reader.sheets import XlsSupportMissing, read_workbook

CORPUS = Path(__file__).parent / "corpus"
A = Column(Measure.AMOUNT)

TITLE = "收入支出决算总表"
NUMBER = "公开01表"
DEPARTMENT = "部门：上海市普陀区财政局"
UNIT = "单位：万元"
HEADER = [["收入", "", "支出", ""], ["项目", "决算数", "项目", "决算数"]]
REVENUE = [
    ("一、一般公共预算财政拨款收入", "2,940.05"),
    ("二、政府性基金预算财政拨款收入", ""),
    ("三、国有资本经营预算财政拨款收入", ""),
    ("四、上级补助收入", ""),
    ("五、事业收入", ""),
    ("六、经营收入", ""),
    ("七、附属单位上缴收入", ""),
    ("八、其他收入", "6.20"),
]
EXPENDITURE = [
    ("一、一般公共服务支出", "2,106.66"),
    ("二、外交支出", ""),
    ("三、国防支出", ""),
    ("四、公共安全支出", ""),
    ("五、教育支出", ""),
    ("六、科学技术支出", ""),
    ("七、文化旅游体育与传媒支出", ""),
    ("八、社会保障和就业支出", "326.71"),
    ("九、卫生健康支出", "60.99"),
    ("十、节能环保支出", ""),
    ("十一、城乡社区支出", ""),
    ("十二、农林水支出", ""),
    ("十三、交通运输支出", ""),
    ("十四、资源勘探工业信息等支出", ""),
    ("十五、商业服务业等支出", ""),
    ("十六、金融支出", ""),
    ("十七、援助其他地区支出", ""),
    ("十八、自然资源海洋气象等支出", ""),
    ("十九、住房保障支出", "445.69"),
    ("二十、粮油物资储备支出", ""),
    ("二十一、国有资本经营预算支出", ""),
    ("二十二、灾害防治及应急管理支出", ""),
    ("二十三、其他支出", ""),
    ("二十四、债务还本支出", ""),
    ("二十五、债务付息支出", ""),
    ("二十六、抗疫特别国债安排的支出", ""),
]
TOTALS = [
    ("本年收入合计", "2,946.25", "本年支出合计", "2,940.05"),
    ("使用非财政拨款结余（含专用结余）", "", "结余分配", ""),
    ("年初结转和结余", "49.14", "年末结转和结余", "55.34"),
    ("总计", "2,995.39", "总计", "2,995.39"),
]
NOTE = "注：本表反映部门本年度的总收支和年末结转结余情况。"
NARRATIVE = "2024年度收入总计2,995.39万元。"


def _body() -> list[list[str]]:
    rows = []
    for index, (label, value) in enumerate(EXPENDITURE):
        left = REVENUE[index] if index < len(REVENUE) else ("", "")
        rows.append([left[0], left[1], label, value])
    rows.extend(list(total) for total in TOTALS)
    return rows


# --- writers: the table as each format publishes it -------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx_package(body: str) -> bytes:
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def _p(text: str, *, extra: str = "") -> str:
    return f'<w:p>{extra}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _tc(text: str, props: str = "") -> str:
    lines = text.split("\n")
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{''.join(_p(line) for line in lines)}</w:tc>"


def _docx_summary() -> bytes:
    header = (
        "<w:tr>"
        + _tc("收入", '<w:gridSpan w:val="2"/>')
        + _tc("支出", '<w:gridSpan w:val="2"/>')
        + "</w:tr><w:tr>"
        + "".join(_tc(text) for text in HEADER[1])
        + "</w:tr>"
    )
    body = "".join("<w:tr>" + "".join(_tc(text) for text in row) + "</w:tr>" for row in _body())
    return _docx_package(
        _p("上海市普陀区财政局2024年度部门决算")
        + _p(NARRATIVE)
        + _p("", extra="<w:pPr><w:pageBreakBefore/></w:pPr>")
        + _p(TITLE)
        + _p(NUMBER)
        + _p(f"{DEPARTMENT}  {UNIT}")
        + f"<w:tbl><w:tblGrid>{'<w:gridCol/>' * 4}</w:tblGrid>{header}{body}</w:tbl>"
        + _p(NOTE)
    )


def _html_summary(charset: str = "utf-8") -> str:
    body = "".join("<tr>" + "".join(f"<td>{escape(t)}</td>" for t in row) + "</tr>\n" for row in _body())
    return f"""<!DOCTYPE html><html><head><meta charset="{charset}"><title>部门决算</title>
<script>var x = "收入合计999万元";</script><style>p {{ color: red }}</style></head>
<body><div class="nav-menu"><a href="/">首页</a> <a href="/x">公开目录</a></div>
<div class="article"><h1>上海市普陀区财政局2024年度部门决算</h1>
<p>{NARRATIVE}
<p>{TITLE}<p>{NUMBER}<p>{DEPARTMENT} {UNIT}
<table border="1"><tr><th colspan="2">收入<th colspan="2">支出
<tr><th>项目<th>决算<br>数<th>项目<th>决算数
{body}</table>
<p>{NOTE}</p></div><div class="footer">版权所有 2025</div></body></html>"""


def _xlsx_summary(path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = TITLE
    sheet["A1"] = TITLE
    sheet.merge_cells("A1:D1")
    sheet["D2"] = NUMBER
    sheet["A3"] = DEPARTMENT
    sheet["D3"] = UNIT
    sheet["A4"], sheet["C4"] = "收入", "支出"
    sheet.merge_cells("A4:B4")
    sheet.merge_cells("C4:D4")
    for c, text in enumerate(HEADER[1], 1):
        sheet.cell(row=5, column=c, value=text)
    for r, row in enumerate(_body(), 6):
        for c, text in enumerate(row, 1):
            if c % 2 == 0 and text:
                cell = sheet.cell(row=r, column=c, value=float(text.replace(",", "")))
                cell.number_format = "#,##0.00"
            elif text:
                sheet.cell(row=r, column=c, value=text)
    sheet.cell(row=6 + len(_body()) + 1, column=1, value=NOTE)
    book.save(path)


def _xls_summary(path: Path) -> None:
    xlwt = pytest.importorskip("xlwt", reason="writing an .xls for the test needs xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet(TITLE)
    money = xlwt.easyxf(num_format_str="#,##0.00")
    sheet.write_merge(0, 0, 0, 3, TITLE)
    sheet.write(1, 3, NUMBER)
    sheet.write(2, 0, DEPARTMENT)
    sheet.write(2, 3, UNIT)
    sheet.write_merge(3, 3, 0, 1, "收入")
    sheet.write_merge(3, 3, 2, 3, "支出")
    for c, text in enumerate(HEADER[1]):
        sheet.write(4, c, text)
    for r, row in enumerate(_body(), 5):
        for c, text in enumerate(row):
            if c % 2 == 1 and text:
                sheet.write(r, c, float(text.replace(",", "")), money)
            elif text:
                sheet.write(r, c, text)
    book.save(str(path))


# --- the same table from every format ----------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_summary() -> StandardTable:
    pytest.importorskip("pdfplumber", reason="the pdf extra reads PDFs: pip install 'budgetacct[pdf]'")
    from budgetacct.reader.pdf import read_pdf

    read = read_document(read_pdf(CORPUS / "sh2024-ptczj-js.pdf", pages=[6, 7]), year=2024, department="x")
    return _summary(read)


def _summary(read: PublishedRead) -> StandardTable:
    return next(t for t in read.disclosure.tables if t.kind is TableKind.SUMMARY)


def _read_docx(tmp: Path) -> Document:
    return read_docx(_docx_summary())


def _read_html(tmp: Path) -> Document:
    return read_html(_html_summary())


def _read_xlsx(tmp: Path) -> Document:
    _xlsx_summary(tmp / "t.xlsx")
    return read_workbook(tmp / "t.xlsx")


def _read_xls(tmp: Path) -> Document:
    pytest.importorskip("xlrd", reason="the xls extra reads .xls: pip install 'budgetacct[xls]'")
    _xls_summary(tmp / "t.xls")
    return read_workbook(tmp / "t.xls")


@pytest.mark.parametrize(
    "reader", [_read_docx, _read_html, _read_xlsx, _read_xls], ids=["docx", "html", "xlsx", "xls"]
)
def test_every_format_gives_the_pdfs_summary_table(
    reader: Callable[[Path], Document], pdf_summary: StandardTable, tmp_path: Path
) -> None:
    read = read_document(reader(tmp_path), year=2024, department="上海市普陀区财政局")
    table = _summary(read)
    assert table.panels == pdf_summary.panels
    assert table.cell(Line.REVENUE_GRAND_TOTAL, A) == Amount("2995.39")
    assert table.cell(FunctionCode("221"), A) == Amount("445.69")
    assert table.cell(Line.SUPERIOR_SUBSIDY, A) is None
    assert (table.title, table.unit) == (TITLE, pdf_summary.unit)
    assert read.coverage.tables_recognized == 1


def test_a_word_tables_title_lines_are_the_paragraphs_before_it_and_its_note_stays_a_paragraph() -> None:
    document = read_docx(_docx_summary())
    (grid,) = document.tables
    assert [line.text for line in grid.title_lines] == [TITLE, NUMBER, f"{DEPARTMENT} {UNIT}"]
    assert grid.unit == "万元"
    assert grid.header_rows == 2
    assert grid.columns == (("收入", "项目"), ("收入", "决算数"), ("支出", "项目"), ("支出", "决算数"))
    assert [block.text for block in document.paragraphs] == [
        "上海市普陀区财政局2024年度部门决算",
        NARRATIVE,
        NOTE,
    ]
    assert [page.number for page in document.pages] == [1, 2]  # “段前分页” before the table's name
    assert document.pages[1].tables == (grid,)
    read = read_document(document, year=2024)
    assert _summary(read).notes == (NOTE,)


def test_word_and_web_sources_name_the_paragraph_and_the_table_cell() -> None:
    for document in (read_docx(_docx_summary()), read_html(_html_summary())):
        read = read_document(document, year=2024, department="上海市普陀区财政局")
        by_printed = {s.printed: s for s in read.sources}
        # 2,995.39 is printed in the narrative (paragraph 2) and twice in the table's 总计 row.
        narrative = next(s for s in read.sources if not s.path.startswith("$.tables"))
        assert narrative.describe() == ("第2段", "paragraph 2")
        assert by_printed["445.69"].describe() == ("表1 第21行第4列", "table 1, row 21, column 4")
        assert by_printed["6.20"].describe() == ("表1 第10行第2列", "table 1, row 10, column 2")


def test_workbook_sources_name_the_sheet_and_cell(tmp_path: Path) -> None:
    _xlsx_summary(tmp_path / "t.xlsx")
    read = read_published(tmp_path / "t.xlsx", year=2024, department="上海市普陀区财政局")
    by_printed = {s.printed: s for s in read.sources}
    assert by_printed["445.69"].describe() == (f"工作表“{TITLE}” D24", f"sheet “{TITLE}”, cell D24")
    assert by_printed["2,940.05"].page == 1
    (grid,) = read_workbook(tmp_path / "t.xlsx").tables
    assert [line.text for line in grid.title_lines] == [TITLE, NUMBER, f"{DEPARTMENT} {UNIT}"]
    assert _summary(read).notes == (NOTE,)


def test_a_workbook_in_budgetacct_s_own_layout_is_read_whole(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    from budgetacct import load_example
    from budgetacct.render.tables import standard_tables, to_xlsx

    seed = load_example("xiqu-2021")
    to_xlsx(standard_tables(seed), tmp_path / "tables.xlsx")
    read = read_published(tmp_path / "tables.xlsx", year=2021, department=seed.department)
    assert (read.coverage.tables_recognized, read.coverage.figures_unread) == (9, 0)
    summary = _summary(read)
    assert summary.number == "公开01表"
    assert summary.cell(Line.REVENUE_TOTAL, Column(Measure.AMOUNT)) == seed.revenue.total == Amount("830.63")


def test_a_word_cell_merged_down_and_across_spans_its_rows_and_columns() -> None:
    table = (
        "<w:tbl><w:tr>"
        + _tc("科目编码", '<w:gridSpan w:val="2"/>')
        + _tc("科目名称", '<w:vMerge w:val="restart"/>')
        + _tc("合计")
        + "</w:tr><w:tr>"
        + _tc("类")
        + _tc("款")
        + _tc("", "<w:vMerge/>")
        + _tc("决算数")
        + "</w:tr><w:tr>"
        + _tc("201")
        + _tc("")
        + _tc("一般公共服务支出")
        + _tc("2,106.66")
        + "</w:tr></w:tbl>"
    )
    (grid,) = read_docx(_docx_package(_p("支出决算表") + table)).tables
    assert grid.texts()[0] == ["科目编码", "", "科目名称", "合计"]
    assert grid.rows[1][2].covered
    assert grid.rows[0][2].box == Box(1, 2, 1, 3, 3)  # columns 2–3, rows 1–3 of the flow
    assert grid.columns[2] == ("科目名称",)
    assert grid.columns[0] == ("科目编码", "类")


def test_drawings_text_boxes_and_fallback_content_are_not_read_as_text() -> None:
    box = (
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        "<mc:Choice><w:drawing><w:txbxContent>" + _p("文本框999") + "</w:txbxContent></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict>" + _p("备用999") + "</w:pict></mc:Fallback></mc:AlternateContent>"
    )
    cell = f"<w:tc><w:p><w:r><w:t>合计</w:t>{box}</w:r></w:p></w:tc>"
    table = f"<w:tbl><w:tr>{cell}{_tc('1.00')}</w:tr></w:tbl>"
    document = read_docx(_docx_package(f"<w:p><w:r><w:t>正文</w:t>{box}</w:r></w:p>{table}"))
    assert "999" not in document.text
    assert document.tables[0].texts() == [["合计", "1.00"]]


def test_word_line_and_page_breaks() -> None:
    body = (
        '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:br w:type="page"/><w:t>第三行</w:t></w:r>'
        "<w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del></w:p>"
    )
    document = read_docx(_docx_package(body))
    assert [(b.text, b.lines[0].box.page) for b in document.paragraphs] == [
        ("第一行", 1),
        ("第二行", 1),
        ("第三行", 2),
    ]


# --- the real web page ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chongqing() -> Document:
    return read_html(CORPUS / "cq2018-jtw-ys.jsp")


def test_the_chongqing_page_reads_its_report_body_and_nothing_else(chongqing: Document) -> None:
    texts = [block.text for block in chongqing.paragraphs]
    assert texts[:5] == [
        "重庆市交通委员会2018年部门预算情况说明",
        "更新时间：2018-03-06",
        "一、单位基本情况",
        texts[3],
        "（一）职能职责。",
    ]
    assert texts[3].startswith("重庆市交通委员会是在2000年政府机构改革中")
    assert texts[29] == "二、部门预算情况说明"
    assert texts[30].startswith(
        "2018年一般公共预算财政拨款收入324970.32万元，一般公共预算财政拨款支出324970.32万元"
    )
    assert texts[-1].startswith("（五）“三公”经费：指用一般公共预算财政拨款安排的")
    assert len(texts) == 45
    joined = chongqing.text
    assert "当前位置" not in joined  # the breadcrumb
    assert "<%" not in joined and "taglib" not in joined  # the JSP directives
    assert "download" not in joined and "#download" not in joined  # the style sheet
    assert chongqing.tables == ()
    assert chongqing.coordinates == "flow"


def test_the_chongqing_figures_keep_their_paragraphs(chongqing: Document) -> None:
    # A budget; read here through the 决算 sentence reader, whose paths this test names.
    read = read_document(chongqing, year=2018, department="重庆市交通委员会", kind="final")
    found = {s.path: s for s in read.sources}
    total = found["$.general_budget.total"]
    assert total.printed == "324970.32万元"
    assert total.describe() == ("第31段", "paragraph 31")
    # The budget's 政府性基金预算支出 sentence has no 决算 wording: reported unread with its place.
    (fund,) = [u for u in read.unread if "政府性基金预算支出38610万元" in u.text]
    assert fund.reason == "no pattern for this figure"
    # 三、“三公”经费情况说明 is paragraph 33; its figures are in the next one.
    three_public = found["$.three_public.total.budget"]
    assert (three_public.printed, three_public.describe()[0]) == ("2800.68万元", "第34段")
    # “2018年“三公”经费预算2800.68万元，…。其中：…公务用车购置费0万元”: a part of the 预算 total.
    assert found["$.three_public.vehicle_purchase.budget"].printed == "0万元"


# --- web page details ------------------------------------------------------------------------------


def test_a_gbk_page_is_decoded_by_its_meta_charset() -> None:
    data = _html_summary("gbk").encode("gbk")
    document = read_html(data)
    assert document.paragraphs[1].text == NARRATIVE
    assert read_published(data, year=2024).disclosure.tables[0].kind is TableKind.SUMMARY


def test_scripts_styles_and_navigation_are_dropped() -> None:
    document = read_html(_html_summary())
    text = document.text
    assert "999" not in text and "color" not in text
    assert "首页" not in text and "版权所有" not in text
    (grid,) = document.tables
    assert grid.columns[1] == ("收入", "决算数")  # "决算<br>数" is one header


def test_a_layout_table_holding_tables_is_read_as_the_pages_flow() -> None:
    inner = "<table><tr><td>项目</td><td>决算数</td></tr><tr><td>合计</td><td>1.00</td></tr></table>"
    page = f"<table><tr><td><p>说明一。</p>{inner}</td><td>侧栏</td></tr></table>"
    document = read_html(page)
    assert [b.text for b in document.paragraphs] == ["说明一。", "侧栏"]
    (grid,) = document.tables
    assert grid.texts() == [["项目", "决算数"], ["合计", "1.00"]]


def test_a_heading_before_a_table_that_names_itself_stays_in_the_text() -> None:
    rows = "<tr><td>项目</td><td>决算数</td></tr><tr><td>本年收入合计</td><td>1.00</td></tr>"
    named = f"<table><tr><td colspan=2>{TITLE}</td></tr>{rows}</table>"
    unnamed = f"<table>{rows}</table>"
    document = read_html(f"<h2>二、收入支出决算总体情况</h2>{named}<p>附表二</p>{unnamed}")
    assert [b.text for b in document.paragraphs] == ["二、收入支出决算总体情况"]
    first, second = document.tables
    assert [line.text for line in first.title_lines] == [TITLE]
    assert [line.text for line in second.title_lines] == ["附表二"]
    assert document.place(first.rows[1][1].box or first.boxes[0]) == (
        "表1 第3行第2列",
        "table 1, row 3, column 2",
    )
    assert document.place(document.paragraphs[0].box) == ("第1段", "paragraph 1")


def test_markup_nested_thousands_deep_is_read_without_running_out_of_stack() -> None:
    depth = 20_000
    document = read_html("<div>" * depth + "<p>收入合计1.00万元。</p>" + "</div>" * depth)
    assert [b.text for b in document.paragraphs] == ["收入合计1.00万元。"]


def test_a_table_whose_spans_would_make_a_huge_grid_is_refused() -> None:
    cells = "".join(f"<td rowspan=1000 colspan=1000>{i}</td>" for i in range(3))
    rows = "<tr></tr>" * 999  # a span reaches down only as far as the table's rows go
    with pytest.raises(DocumentTooLarge, match="at most"):
        read_html(f"<table><tr>{cells}</tr>{rows}</table>")


def test_rowspan_and_colspan_place_cells_as_a_browser_does() -> None:
    page = (
        "<table><tr><td rowspan=2>科目名称</td><td colspan=2>决算数</td></tr>"
        "<tr><td>基本支出</td><td>项目支出</td></tr><tr><td>合计</td><td>1.00</td><td>2.00</td></tr></table>"
    )
    (grid,) = read_html(page).tables
    assert grid.texts() == [
        ["科目名称", "决算数", ""],
        ["", "基本支出", "项目支出"],
        ["合计", "1.00", "2.00"],
    ]
    assert grid.columns == (("科目名称",), ("决算数", "基本支出"), ("决算数", "项目支出"))


# --- telling formats apart ----------------------------------------------------------------------------


def test_read_published_tells_the_formats_apart_by_content(tmp_path: Path) -> None:
    _xlsx_summary(tmp_path / "named-like-a.pdf")
    assert published_kind((tmp_path / "named-like-a.pdf").read_bytes()) == "xlsx"
    assert published_kind(_docx_summary()) == "docx"
    assert published_kind(_html_summary().encode()) == "html"
    assert published_kind((CORPUS / "cq2018-jtw-ys.jsp").read_bytes()) == "html"
    read = read_published(tmp_path / "named-like-a.pdf", year=2024, department="x")
    assert read.disclosure.tables[0].kind is TableKind.SUMMARY
    text = "上海市普陀区财政局2024年度部门决算\n\n" + NARRATIVE + "\n"
    (tmp_path / "r.txt").write_bytes(text.encode("gbk"))
    assert published_kind(text.encode("gbk")) == "text"
    read = read_published(tmp_path / "r.txt")
    assert (read.disclosure.year, read.disclosure.department) == (2024, "上海市普陀区财政局")
    assert [(s.printed, s.describe()[0]) for s in read.sources if "2,995.39" in s.printed] == [
        ("2,995.39万元", "第2段")  # the blank line is no paragraph
    ]


def test_a_pdfs_sources_still_name_the_page() -> None:
    pytest.importorskip("pdfplumber", reason="the pdf extra reads PDFs: pip install 'budgetacct[pdf]'")
    read = read_published(CORPUS / "sh2024-ptczj-js.pdf")
    cell = next(s for s in read.sources if s.printed == "445.69")
    assert cell.place is None
    assert cell.describe() == ("第6页", "page 6")


# --- refusals ------------------------------------------------------------------------------------------


def _ole2(*streams: str) -> bytes:
    data = bytearray(OLE2_MAGIC + bytes(512 - len(OLE2_MAGIC)))
    for name in streams:
        entry = name.encode("utf-16-le") + b"\x00\x00"
        data += entry + bytes(128 - len(entry))
    return bytes(data)


def _zip(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _message(error: BaseException) -> str:
    return str(error)


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (_ole2("WordDocument"), OldOfficeDocument, ("旧版 .doc", "an old binary .doc", "另存为")),
        (_ole2("EncryptionInfo", "EncryptedPackage"), EncryptedDocument, ("去掉密码", "remove it first")),
        (b"PK\x03\x04 truncated", CorruptDocument, ("完整的 Word 文档", "a complete Word document")),
        (
            _zip({"word/styles.xml": "<x/>"}),
            CorruptDocument,
            ("word/document.xml", "without a Word document part"),
        ),
        (
            _zip({"word/document.xml": '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'}),
            CorruptDocument,
            ("不含 DTD", "without a DTD"),
        ),
        (
            _zip({"word/document.xml": "<w:document"}),
            CorruptDocument,
            ("完整的 Word 文档", "word/document.xml"),
        ),
    ],
    ids=["old-doc", "encrypted", "truncated", "no-document-part", "dtd", "broken-xml"],
)
def test_word_files_that_cannot_be_read_are_refused_in_both_languages(
    data: bytes, error: type[Exception], words: Sequence[str]
) -> None:
    with pytest.raises(error) as raised:
        read_docx(data)
    assert isinstance(raised.value, ValueError)
    for word in words:
        assert word in _message(raised.value)


def test_a_zip_bomb_is_refused_before_it_inflates(monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = _zip({"word/document.xml": b"<w:document>" + b" " * (3 * 1024 * 1024) + b"</w:document>"})
    assert len(bomb) < 64 * 1024
    monkeypatch.setattr(containers, "MAX_UNCOMPRESSED_BYTES", 1024 * 1024)
    with pytest.raises(DocumentTooLarge, match="compression bomb"):
        read_docx(bomb)
    with pytest.raises(DocumentTooLarge, match="compression bomb"):
        read_workbook(_zip({"xl/workbook.xml": b" " * (3 * 1024 * 1024)}))


def test_a_file_past_the_byte_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(containers, "MAX_BYTES", 100)
    monkeypatch.setattr(containers.load_bytes, "__defaults__", (100,))
    with pytest.raises(DocumentTooLarge):
        read_html(b"<p>" + b"x" * 200)


def test_an_xls_without_xlrd_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.import_module

    def no_xlrd(name: str, package: str | None = None) -> Any:
        if name == "xlrd":
            raise ImportError(name)
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", no_xlrd)
    with pytest.raises(XlsSupportMissing) as raised:
        read_workbook(_ole2("Workbook"))
    assert "pip install 'budgetacct[xls]'" in raised.value.zh
    assert "pip install 'budgetacct[xls]'" in raised.value.en
    assert isinstance(raised.value, ImportError)


def test_a_damaged_xls_is_refused() -> None:
    pytest.importorskip("xlrd", reason="the xls extra reads .xls: pip install 'budgetacct[xls]'")
    with pytest.raises(CorruptDocument, match="old Excel workbook"):
        read_workbook(_ole2("Workbook"))


def test_an_ole2_file_that_is_no_workbook_is_not_read_as_one() -> None:
    with pytest.raises(OldOfficeDocument, match="without a workbook"):
        read_workbook(_ole2("WordDocument"))


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (
            _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}),
            ("OpenDocument",),
        ),
        (_zip({"a.txt": "x"}), ("ZIP 压缩包", "ZIP archive")),
        (_ole2("PowerPoint Document"), ("OLE2 复合文档", "OLE2 compound file")),
    ],
    ids=["odt", "zip", "ole2-other"],
)
def test_files_that_are_no_report_are_refused_by_read_published(data: bytes, words: Sequence[str]) -> None:
    with pytest.raises(UnsupportedFile) as raised:
        read_published(data)
    for word in words:
        assert word in str(raised.value)
