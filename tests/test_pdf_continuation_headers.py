"""A table continued on the next page that prints its header rows again: they are dropped once."""

from __future__ import annotations

from budgetacct.reader.document import Box, Cell, TableGrid
from budgetacct.reader.pdf_tables import join_continuations

#: Three columns, each 100 pt wide, the same on both pages.
_X = ((50.0, 150.0), (150.0, 250.0), (250.0, 350.0))


def _row(page: int, top: float, *texts: str) -> tuple[Cell, ...]:
    return tuple(
        Cell(text, Box(page, x0, top, x1, top + 20)) for text, (x0, x1) in zip(texts, _X, strict=True)
    )


HEADER = (("科目编码", "科目名称", "决算数"), ("栏次", "", "1"))


def _grid(page: int, rows: list[tuple[str, str, str]], header_rows: int) -> TableGrid:
    cells = [_row(page, 100 + 20 * i, *row) for i, row in enumerate(rows)]
    return TableGrid(cells, (Box(page, 50, 100, 350, 100 + 20 * len(rows)),), (), header_rows)


def test_repeated_header_rows_of_a_continuation_are_dropped() -> None:
    first = _grid(6, [*HEADER, ("201", "一般公共服务支出", "2,106.66"), ("20101", "人大事务", "10.00")], 2)
    second = _grid(7, [*HEADER, ("208", "社会保障和就业支出", "326.72"), ("合计", "", "2,433.38")], 2)
    (joined,) = join_continuations([(first, False, True), (second, True, False)])
    assert [[c.text for c in row] for row in joined.rows] == [
        ["科目编码", "科目名称", "决算数"],
        ["栏次", "", "1"],
        ["201", "一般公共服务支出", "2,106.66"],
        ["20101", "人大事务", "10.00"],
        ["208", "社会保障和就业支出", "326.72"],
        ["合计", "", "2,433.38"],
    ]
    assert joined.pages == (6, 7)
    assert joined.header_rows == 2


def test_a_continuation_repeating_only_its_first_header_row_drops_that_row() -> None:
    first = _grid(6, [*HEADER, ("201", "一般公共服务支出", "2,106.66")], 2)
    second = _grid(7, [HEADER[0], ("208", "社会保障和就业支出", "326.72")], 1)
    (joined,) = join_continuations([(first, False, True), (second, True, False)])
    assert [c.text for c in joined.rows[-1]] == ["208", "社会保障和就业支出", "326.72"]
    assert len(joined.rows) == 4


def test_a_table_on_the_next_page_that_is_not_first_there_is_not_a_continuation() -> None:
    first = _grid(6, [*HEADER, ("201", "一般公共服务支出", "2,106.66")], 2)
    second = _grid(7, [*HEADER, ("208", "社会保障和就业支出", "326.72")], 2)
    assert len(join_continuations([(first, False, True), (second, False, False)])) == 2
