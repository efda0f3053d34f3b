"""The grid reader identifies a grid by its whole title, and an untitled one by its headers."""

from __future__ import annotations

from budgetacct.model.tables import TableKind
from budgetacct.reader.document import Box, Cell, Line, TableGrid
from budgetacct.reader.grid_tables import tables_from_grids

_REVENUE_HEADERS = ("科目编码", "科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入",
                    "附属单位上缴收入", "其他收入")  # fmt: skip
_BASIC_PROJECT_HEADERS = ("科目编码", "科目名称", "合计", "基本支出", "项目支出")


def _grid(title: str, headers: tuple[str, ...]) -> TableGrid:
    width = len(headers)

    def row(texts: tuple[str, ...], top: float) -> tuple[Cell, ...]:
        return tuple(
            Cell(text, Box(1, 60.0 * j, top, 60.0 * (j + 1), top + 10)) for j, text in enumerate(texts)
        )

    figures = ("", "合计", *("100.00" for _ in range(width - 2)))
    coded = ("201", "一般公共服务支出", *("100.00" for _ in range(width - 2)))
    rows = (row(headers, 100), row(figures, 110), row(coded, 120))
    return TableGrid(
        rows,
        (Box(1, 0, 100, 60.0 * width, 130),),
        (Line([], title, Box(1, 0, 80, 300, 90)),),
        1,
        tuple((text,) for text in headers),
    )


def test_a_grid_whose_title_names_another_table_is_left_unread() -> None:
    read = tables_from_grids([_grid("项目支出决算表", _BASIC_PROJECT_HEADERS)], year=2024)
    assert read.tables == ()
    assert read.unread[0].reason == "a table no standard table's layout matches"


def test_a_grid_printed_under_its_departments_name_alone_is_identified_by_its_headers() -> None:
    read = tables_from_grids([_grid("部门：上海市XX局", _REVENUE_HEADERS)], year=2024)
    assert [table.kind for table in read.tables] == [TableKind.REVENUE]
    assert read.tables[0].panels[0].rows[0].cells[0] is not None


def test_a_grid_with_a_standard_title_keeps_it() -> None:
    read = tables_from_grids([_grid("一般公共预算财政拨款支出决算表", _BASIC_PROJECT_HEADERS)], year=2024)
    assert [table.kind for table in read.tables] == [TableKind.GENERAL_BUDGET]
