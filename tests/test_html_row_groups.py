"""A web table's cell spanning rows ends with its row group, as in a browser.

The HTML table model ends every row span at the end of its row group (``thead``, each ``tbody``,
``tfoot``), so the rows of the next group start again at the first column: a total row in the foot
stays under the headers instead of shifting right past the last one.
"""

from __future__ import annotations

from budgetacct.reader.flow import place_row_groups
from budgetacct.reader.html import read_html


def _texts(page: str) -> list[list[str]]:
    (table,) = read_html(page).tables
    return [[cell.text for cell in row] for row in table.rows]


def test_a_span_down_a_body_stops_at_the_foot() -> None:
    page = (
        "<table><thead><tr><th>类</th><th>项</th><th>金额</th></tr></thead>"
        "<tbody><tr><td rowspan=3>一般公共服务</td><td>行政运行</td><td>100</td></tr>"
        "<tr><td>机关服务</td><td>200</td></tr></tbody>"
        "<tfoot><tr><td>合计</td><td></td><td>300</td></tr></tfoot></table>"
    )
    assert _texts(page) == [
        ["类", "项", "金额"],
        ["一般公共服务", "行政运行", "100"],
        ["", "机关服务", "200"],
        ["合计", "", "300"],
    ]
    (table,) = read_html(page).tables
    assert table.columns == (("类",), ("项",), ("金额",))


def test_a_span_down_one_body_stops_at_the_next_body() -> None:
    page = (
        "<table><tbody><tr><th>类</th><th>金额</th></tr>"
        "<tr><td rowspan=2>一般公共服务</td><td>100</td></tr></tbody>"
        "<tbody><tr><td>合计</td><td>300</td></tr></tbody></table>"
    )
    assert _texts(page) == [["类", "金额"], ["一般公共服务", "100"], ["合计", "300"]]


def test_a_foot_written_first_shows_last_and_a_span_in_the_body_stays_in_it() -> None:
    page = (
        "<table><tfoot><tr><td>合计</td><td>300</td></tr></tfoot>"
        "<tbody><tr><th>项目</th><th>金额</th></tr>"
        "<tr><td rowspan=5>a</td><td>100</td></tr><tr><td>200</td></tr></tbody></table>"
    )
    assert _texts(page) == [["项目", "金额"], ["a", "100"], ["", "200"], ["合计", "300"]]


def test_rows_outside_any_group_keep_their_spans_among_themselves() -> None:
    page = (
        "<table><tr><th rowspan=2>项目</th><th colspan=2>金额</th></tr><tr><th>本年</th><th>上年</th></tr>"
        "<tr><td>a</td><td>1</td><td>2</td></tr></table>"
    )
    assert _texts(page) == [["项目", "金额", ""], ["", "本年", "上年"], ["a", "1", "2"]]


def test_groups_are_placed_one_below_the_other() -> None:
    placed = place_row_groups([[[("a", 1, 3), ("b", 1, 1)], [("c", 1, 1)]], [[("d", 2, 1)]]])
    assert [(p.text, p.row, p.column, p.rows, p.columns) for p in placed] == [
        ("a", 0, 0, 2, 1),
        ("b", 0, 1, 1, 1),
        ("c", 1, 1, 1, 1),
        ("d", 2, 0, 1, 2),
    ]
