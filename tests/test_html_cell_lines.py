"""Lines of a web page's table cell read as a browser shows them: two figures stay two figures.

A ``<br>`` inside a cell puts its text on two lines on screen.  Two Chinese words on two lines are
one label, and a number wrapped before its decimals is one number; but two figures on two lines —
full-width or ASCII digits, a percentage, an amount in brackets, a nil dash before an amount —
are two figures and must not read as one larger (or negative) number.
"""

from __future__ import annotations

import pytest

from budgetacct.reader.flow import join_pieces
from budgetacct.reader.html import read_html


def _amount_cell(cell: str) -> str:
    page = (
        "<table><tr><td>项目</td><td>金额</td></tr>"
        f"<tr><td>基本支出</td><td>{cell}</td></tr><tr><td>其他</td><td>1</td></tr></table>"
    )
    (table,) = read_html(page).tables
    return table.rows[1][1].text


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        # two figures on two lines stay two figures
        ("12<br>34.5", "12 34.5"),
        ("１２<br>３４．５", "１２ ３４．５"),
        ("12<br>３４．５", "12 ３４．５"),
        ("-<br>34.5", "- 34.5"),
        ("－<br>34.5", "－ 34.5"),
        ("—<br>34.5", "— 34.5"),
        ("12%<br>34.5", "12% 34.5"),
        ("12<br>（34.5）", "12 （34.5）"),
        ("12<br>-34.5", "12 -34.5"),
        ("34.5<br>-", "34.5 -"),
        # a number wrapped inside itself stays one number
        ("1,234<br/>.56", "1,234.56"),
        ("１，２３４<br/>．５６", "１，２３４．５６"),
        ("1,<br>234", "1,234"),
        ("-34.5", "-34.5"),
        ("-<br>", "-"),
    ],
)
def test_figures_on_the_lines_of_a_cell_read_as_shown(cell: str, shown: str) -> None:
    assert _amount_cell(cell) == shown


def test_chinese_words_on_two_lines_of_a_cell_are_one_label() -> None:
    page = (
        "<table><tr><td>项目</td><td>决算<br>数</td></tr>"
        "<tr><td>公务用车购置及<br>运行费</td><td>1,234<br/>.56</td></tr><tr><td>其他</td><td>1</td></tr></table>"
    )
    (table,) = read_html(page).tables
    assert [row[0].text for row in table.rows] == ["项目", "公务用车购置及运行费", "其他"]
    assert table.rows[0][1].text == "决算数"
    assert table.rows[1][1].text == "1,234.56"


def test_word_and_web_cells_share_the_rule() -> None:
    assert join_pieces(["１２", "３４．５"]) == "１２ ３４．５"
    assert join_pieces(["-", "34.5"]) == "- 34.5"
    assert join_pieces(["-", "合计"]) == "-合计"
    assert join_pieces(["本年", "（万元）"]) == "本年（万元）"
