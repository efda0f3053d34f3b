"""A web page's text reads as a browser shows it: the markup of government sites' CMS pages.

The pages of provincial and municipal sites are edited in rich-text editors (UEditor, KindEditor,
TRS) or pasted from Word: every run of text in its own ``<span>`` or ``<font>``, ``&nbsp;`` and
``&emsp;`` for indentation, ``<p class=MsoNormal>`` with ``<o:p>`` and conditional comments, the
source wrapped at arbitrary places, single-cell tables as frames round the text.
"""

from __future__ import annotations

from pathlib import Path

from budgetacct.reader.document import Document
from budgetacct.reader.html import read_html

CORPUS = Path(__file__).parent / "corpus"


def _paragraphs(document: Document) -> list[str]:
    return [block.text for block in document.paragraphs]


def _rows(document: Document) -> list[list[str]]:
    return [[cell.text for cell in row] for table in document.tables for row in table.rows]


def test_runs_of_text_in_spans_and_fonts_join_into_one_sentence() -> None:
    page = (
        '<p><span style="font-size:16px">因公出国（境）费</span><span>60</span><span>万元</span>，'
        '<font face="仿宋">公务接待费</font><b>5</b>万元。</p>'
    )
    assert _paragraphs(read_html(page)) == ["因公出国（境）费60万元，公务接待费5万元。"]


def test_a_word_exported_page_reads_its_paragraphs_without_words_markup() -> None:
    page = """<div class=WordSection1>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>公务接待费<span
lang=EN-US>12.5<o:p></o:p></span>万元</span></p>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
<p class=MsoNormal><![if !supportLists]><span lang=EN-US>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
</span></span><![endif]><span style='font-family:仿宋'>机关运行经费</span><span lang=EN-US>3</span>万元</p>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
</div>"""
    assert _paragraphs(read_html(page)) == ["公务接待费12.5万元", "1. 机关运行经费3万元"]


def test_a_line_break_of_the_markup_between_chinese_characters_is_no_space() -> None:
    # CSS Text 3 removes a segment break between two wide characters; next to a digit or a Latin
    # letter it is a space, as on screen.
    page = "<p><span>公务用车\n    运行维护费</span>\n<span>8万元，“三公”\n经费</span>\n12万元</p>"
    assert _paragraphs(read_html(page)) == ["公务用车运行维护费 8万元，“三公”经费 12万元"]


def test_the_same_holds_inside_table_cells() -> None:
    page = "<table><tr><td>基本\n   支出</td><td>1</td></tr><tr><td>项目\r\n支出</td><td>2</td></tr></table>"
    assert _rows(read_html(page)) == [["基本支出", "1"], ["项目支出", "2"]]


def test_no_break_full_width_and_typographic_spaces_are_spaces() -> None:
    page = "<p>&nbsp;&nbsp;&nbsp;&nbsp;一、收入<br/>　　收入预算总计100万元</p><p>&emsp;&emsp;公务接待费&ensp;5万元&thinsp;。</p>"
    assert _paragraphs(read_html(page)) == ["一、收入", "收入预算总计100万元", "公务接待费 5万元 。"]


def test_a_one_column_table_is_a_frame_whose_paragraphs_stay_paragraphs() -> None:
    page = (
        "<table><tr><td><p>二、收入</p><p>收入预算总计100万元，比上年增加5万元。</p></td></tr>"
        "<tr><td>三、支出<br>支出预算总计100万元。</td></tr></table><p>四、其他</p>"
    )
    document = read_html(page)
    assert _paragraphs(document) == [
        "二、收入",
        "收入预算总计100万元，比上年增加5万元。",
        "三、支出",
        "支出预算总计100万元。",
        "四、其他",
    ]
    assert document.tables == ()


def test_an_inline_style_makes_a_block_inline_and_an_inline_element_a_block() -> None:
    page = (
        '<div>“三公”经费<div style="display:inline">20万元</div>。</div>'
        '<p>一、收入<span style="display: block">收入10万元</span></p>'
    )
    assert _paragraphs(read_html(page)) == ["“三公”经费20万元。", "一、收入", "收入10万元"]


def test_the_lines_of_a_preformatted_block_are_lines() -> None:
    assert _paragraphs(read_html("<pre>收入10万元\n支出10万元</pre>")) == ["收入10万元", "支出10万元"]


def test_a_tables_head_comes_first_and_its_foot_last_wherever_the_markup_puts_them() -> None:
    page = (
        "<table><tfoot><tr><td>合计</td><td>3</td></tr></tfoot>"
        "<tbody><tr><td>基本支出</td><td>1</td></tr><tr><td>项目支出</td><td>2</td></tr></tbody>"
        "<thead><tr><th>项目</th><th>金额</th></tr></thead></table>"
    )
    assert _rows(read_html(page)) == [["项目", "金额"], ["基本支出", "1"], ["项目支出", "2"], ["合计", "3"]]


def test_the_chongqing_three_public_paragraph_reads_as_a_browser_shows_it() -> None:
    # Rendered with headless Chromium, the page itself prints “…严控290.5万元…严格车运行维护费…”:
    # the 公务接待费 and 公务用车 labels are missing from the published text, not lost by the reader.
    text = _paragraphs(read_html(CORPUS / "cq2018-jtw-ys.jsp"))
    paragraph = next(p for p in text if p.startswith("2018年“三公”经费预算"))
    assert paragraph == (
        "2018年“三公”经费预算2800.68万元,比2017年减少295.18万元。其中:因公出国(境)费用60万元,"
        "比2017年减少25.36万元,主要是因为严格执行中央有关规定,严控290.5万元，比2017年减少26.7万元,"
        "主要是根据中央“八项规定”,严格车运行维护费2450.18万元,比2017年减少243.12万元,主要是根据公务范围,"
        "减少公务用车运营成本;公务用车购置费0万元,与2017年一致。"
    )


def test_cells_written_without_their_row_are_in_an_implied_row() -> None:
    page = "<table><td>基本支出</td><td>1</td><tr><td>项目支出<td>2</table>"
    assert _rows(read_html(page)) == [["基本支出", "1"], ["项目支出", "2"]]


def test_an_old_sites_layout_table_of_columns_is_read_as_the_pages_flow() -> None:
    # The site's column of links beside the article, in one table row: not a table of figures.
    page = (
        '<table width="1000"><tr><td width="200"><a href="/">首页</a><br><a href="/zwgk">政务公开</a></td>'
        "<td><p>一、收入支出预算总体情况</p><p>收入预算总计100万元。支出预算总计100万元。</p>"
        "<p>二、“三公”经费预算12.5万元。</p></td></tr></table>"
    )
    document = read_html(page)
    assert document.tables == ()
    assert _paragraphs(document)[-3:] == [
        "一、收入支出预算总体情况",
        "收入预算总计100万元。支出预算总计100万元。",
        "二、“三公”经费预算12.5万元。",
    ]


def test_a_table_of_figures_with_a_long_note_cell_stays_a_table() -> None:
    page = (
        "<table><tr><th>项目</th><th>金额</th></tr><tr><td>基本支出</td><td>60</td></tr>"
        "<tr><td>项目支出</td><td>40</td></tr>"
        "<tr><td>说明</td><td><p>本表反映本年预算。</p><p>项目支出含结转。</p></td></tr></table>"
    )
    assert _rows(read_html(page))[:3] == [["项目", "金额"], ["基本支出", "60"], ["项目支出", "40"]]
