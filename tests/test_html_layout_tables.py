"""A small table with a cell of paragraphs is a table when it holds figures or the prose is not its bulk.

Old sites frame the page in a table (a column of links beside the article, tested in
test_html_text_as_shown.py); a 绩效目标 or project table also has a few rows and a cell of
sentences, but its other cells are labels over figures, and read as the page's flow its figures
would lose their row and column.
"""

from __future__ import annotations

from budgetacct.reader.html import read_html
from test_html_text_as_shown import _paragraphs, _rows


def test_a_performance_target_table_with_a_cell_of_paragraphs_stays_a_table() -> None:
    page = (
        "<table><tr><td>项目名称</td><td>预算金额（万元）</td><td>绩效目标</td></tr>"
        "<tr><td>信息化建设</td><td>120.50</td><td><p>完成系统升级。</p><p>保障平台稳定运行。</p></td></tr></table>"
    )
    document = read_html(page)
    assert _rows(document) == [
        ["项目名称", "预算金额（万元）", "绩效目标"],
        ["信息化建设", "120.50", "完成系统升级。保障平台稳定运行。"],
    ]
    assert all("120.50" not in text for text in _paragraphs(document))


def test_a_target_cell_broken_by_line_breaks_stays_in_its_table() -> None:
    page = (
        "<table><tr><th>项目</th><th>金额</th><th>目标</th></tr>"
        "<tr><td>办公设备购置</td><td>1,200</td><td>按期完成采购。<br>设备完好率达到95%。</td></tr></table>"
    )
    assert _rows(read_html(page))[1][:2] == ["办公设备购置", "1,200"]


def test_a_table_of_labels_whose_prose_is_not_most_of_its_text_stays_a_table() -> None:
    page = (
        "<table><tr><td>项目名称</td><td>实施单位</td><td>项目概况</td><td>绩效指标</td></tr>"
        "<tr><td>农村公路养护工程专项</td><td>市交通运输综合行政执法总队</td>"
        "<td><p>养护。</p><p>维修。</p></td><td>路况优良率不低于百分之八十五</td></tr></table>"
    )
    assert _rows(read_html(page))[0] == ["项目名称", "实施单位", "项目概况", "绩效指标"]
