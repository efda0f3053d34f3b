"""The text the web-page reader reads is the text a browser shows: checked in headless Chromium.

Each page is opened in Chromium with a script that records what it renders: the lines of
``document.body.innerText`` (a line per block and ``<br>``, hidden elements left out), and a
table's rows in the order they are drawn, top to bottom (innerText keeps the markup's order, a
``tfoot`` written first included, though it is drawn last).  The reader's paragraphs and table rows
must be those (compared without white space, whose width is the browser's typography).  Chromium
is installed as tests/test_audit_html.py installs it, and these tests skip where it cannot be.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from budgetacct.reader.html import read_html
from test_audit_html import _browse, find_or_install_chromium

CORPUS = Path(__file__).parent / "corpus"
_RECORD = "<script>document.documentElement.setAttribute('data-shown', document.body.innerText)</script>"
#: The rows of the page's tables as drawn: sorted by where they are on screen, cells by a tab.
_RECORD_ROWS = """<script>
const rows = [...document.querySelectorAll("tr")].sort(
  (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
document.documentElement.setAttribute("data-shown",
  rows.map(row => [...row.cells].map(cell => cell.innerText.replace(/\\s+/g, "")).join("\\t")).join("\\n"));
</script>"""

#: A page as the rich-text editors of government sites write it (UEditor spans and &emsp;, Word's
#: MsoNormal with <o:p> and conditional comments, a one-cell table framing text, inline styles).
CMS_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>
<div class="article-content" id="zoom">
<p style="text-indent:2em"><span style="font-family:仿宋">&emsp;&emsp;一、部门预算情况说明</span></p>
<p><span style="font-size:16px">2024年“三公”经费预算</span><span>12.5</span><span>万元，其中：因公出国（境）费
</span><span>0万元，公务用车
运行维护费</span><span>8.5万元</span>，<font face="仿宋">公务接待费</font><b>4</b>万元。</p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>机关运行经费<span
lang=EN-US>30.25<o:p></o:p></span>万元<span style="display:none">（隐藏）</span></span></p>
<p class=MsoNormal><![if !supportLists]><span lang=EN-US>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
</span></span><![endif]><span>政府采购预算</span><span lang=EN-US>100</span>万元</p>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
<table><tr><td><p>二、收入</p><p>收入预算总计100万元，比上年增加5万元。</p>三、支出<br>支出预算总计100万元。</td></tr></table>
<div>基本支出<div style="display:inline">60万元</div>，项目支出<span style="display:block">40万元。</span></div>
</div></body></html>"""

#: A table as such pages print it: a head written after the body, cells without their row, spans.
TABLE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>
<table border=1>
<tfoot><tr><td>合计</td><td>100</td><td>60</td></tr></tfoot>
<tbody><tr><td><span>基本</span>
<span>支出</span></td><td>60</td><td>60</td></tr>
<tr><td>项目<br>支出</td><td colspan=2>40</td></tbody>
<thead><tr><th>项目</th><th>合计</th><th>财政拨款</th></tr></thead>
</table></body></html>"""


@pytest.fixture(scope="module")
def chromium() -> str:
    return find_or_install_chromium()


def _shown(chromium: str, tmp_path: Path, page: str, record: str = _RECORD) -> list[str]:
    """The page's lines as Chromium renders them, without white space, blank lines left out."""
    file = tmp_path / "page.html"
    file.write_text(page.replace("</body>", record + "</body>"), encoding="utf-8")
    dom = _browse(chromium, tmp_path, "--dump-dom", file.as_uri())
    recorded = re.search(r'data-shown="([^"]*)"', dom)
    assert recorded is not None, dom[:2000]
    lines = ["".join(line.split()) for line in html.unescape(recorded.group(1)).split("\n")]
    return [line for line in lines if line]


def _squeezed(texts: list[str]) -> list[str]:
    return ["".join(text.split()) for text in texts]


def test_a_cms_pages_paragraphs_are_the_lines_the_browser_shows(chromium: str, tmp_path: Path) -> None:
    paragraphs = [block.text for block in read_html(CMS_PAGE).paragraphs]
    assert _squeezed(paragraphs) == _shown(chromium, tmp_path, CMS_PAGE)
    assert (
        "2024年“三公”经费预算12.5万元，其中：因公出国（境）费 0万元，公务用车运行维护费8.5万元，"
        in paragraphs[1]
    )


def test_a_tables_rows_are_the_rows_the_browser_shows(chromium: str, tmp_path: Path) -> None:
    (table,) = read_html(TABLE_PAGE).tables
    rows = ["".join(cell.text for cell in row) for row in table.rows]
    assert _squeezed(rows) == _shown(chromium, tmp_path, TABLE_PAGE, _RECORD_ROWS)
    assert rows[0] == "项目合计财政拨款" and rows[-1] == "合计10060"


def test_the_chongqing_page_reads_the_report_as_the_browser_shows_it(chromium: str, tmp_path: Path) -> None:
    # The browser also shows the page's breadcrumb and the .jsp's server tags as text (the file is
    # the template, not what the server sent): the reader's paragraphs are the report between them.
    page = (CORPUS / "cq2018-jtw-ys.jsp").read_text(encoding="utf-8")
    paragraphs = _squeezed([block.text for block in read_html(CORPUS / "cq2018-jtw-ys.jsp").paragraphs])
    shown = _shown(chromium, tmp_path, page)
    start = shown.index(paragraphs[0])
    assert shown[start : start + len(paragraphs)] == paragraphs
    assert shown[:start] == [line for line in shown[:start] if "<%" in line or "当前位置" in line]
