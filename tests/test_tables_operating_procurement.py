"""The 机关运行经费 and 政府采购 决算 tables: read from grids through their specs, checked, rendered."""

from __future__ import annotations

from collections.abc import Sequence

from budgetacct import audit
from budgetacct.codes import EconomicCode
from budgetacct.model.disclosure import Disclosure, OperatingCosts, Procurement
from budgetacct.model.tables import Column, Line, Measure, TableKind
from budgetacct.money import Amount, Unit
from budgetacct.reader.document import Box, Cell, TableGrid
from budgetacct.reader.document import Line as TitleLine
from budgetacct.reader.grid_tables import tables_from_grids
from budgetacct.render.tables import printed_tables, standard_tables, to_markdown


def _grid(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> TableGrid:
    """A grid as the PDF reader gives it: one header row, each cell in its own box on page 3."""
    cells = [
        [
            Cell(text, Box(3, 60.0 + 120 * j, 100.0 + 20 * i, 170.0 + 120 * j, 118.0 + 20 * i))
            for j, text in enumerate(row)
        ]
        for i, row in enumerate((header, *rows))
    ]
    lines = [
        TitleLine((), text, Box(3, 60, 40 + 20 * k, 400, 55 + 20 * k))
        for k, text in enumerate((title, "单位：万元"))
    ]
    return TableGrid(
        cells, [Box(3, 60, 100, 500, 400)], lines, header_rows=1, columns=[(text,) for text in header]
    )


_OPERATING_HEAD = ("十五、机关运行经费支出决算表", ("科目编码", "科目名称", "决算数"))
_OPERATING_ROWS = (
    ("", "合计", "36.00"),
    ("302", "商品和服务支出", "36.00"),
    ("30201", "办公费", "20.00"),
    ("30211", "差旅费", "16.00"),
)
_PROCUREMENT_HEAD = ("十六、政府采购情况表", ("项目", "金额"))
_PROCUREMENT_ROWS = (("合计", "58.00"), ("货物", "30.00"), ("工程", "0.00"), ("服务", "28.00"))
OPERATING = _grid(*_OPERATING_HEAD, _OPERATING_ROWS)
PROCUREMENT = _grid(*_PROCUREMENT_HEAD, _PROCUREMENT_ROWS)


def _changed(rows: Sequence[Sequence[str]], index: int, value: str) -> list[Sequence[str]]:
    """The rows with the last cell of row ``index`` printed as ``value``."""
    return [(*row[:-1], value) if i == index else row for i, row in enumerate(rows)]


def test_the_operating_costs_and_procurement_tables_are_read_from_grids() -> None:
    read = tables_from_grids([OPERATING, PROCUREMENT], year=2023)
    assert read.unread == ()
    operating, procurement = read.tables
    assert (operating.kind, operating.unit, operating.number) == (
        TableKind.OPERATING_COSTS,
        Unit.WAN_YUAN,
        "十五",
    )
    assert operating.panels[0].columns == (Column(Measure.OPERATING_COSTS),)
    assert [row.key for row in operating.panels[0].rows] == [
        Line.TOTAL,
        EconomicCode("302"),
        EconomicCode("30201"),
        EconomicCode("30211"),
    ]
    assert operating.cell(EconomicCode("30211"), Column(Measure.OPERATING_COSTS)) == Amount("16.00")
    assert procurement.kind is TableKind.PROCUREMENT
    assert [(row.key, row.cells) for row in procurement.panels[0].rows] == [
        (Line.TOTAL, (Amount("58.00"),)),
        (Line.PROCUREMENT_GOODS, (Amount("30.00"),)),
        (Line.PROCUREMENT_WORKS, (Amount("0.00"),)),
        (Line.PROCUREMENT_SERVICES, (Amount("28.00"),)),
    ]
    assert read.cells_read == 8


def _disclosure(*grids: TableGrid) -> Disclosure:
    return Disclosure(year=2023, department="示例单位", tables=tables_from_grids(grids, year=2023).tables)


def test_their_sums_are_checked() -> None:
    assert not audit(_disclosure(OPERATING, PROCUREMENT)).errors
    goods = _grid(*_PROCUREMENT_HEAD, _changed(_PROCUREMENT_ROWS, 1, "31.00"))
    office = _grid(*_OPERATING_HEAD, _changed(_OPERATING_ROWS, 2, "21.00"))
    assert [(f.rule, f.path) for f in audit(_disclosure(goods)).errors] == [
        ("R65", "$.tables[0].panels[0].rows[0].cells[0]")
    ]
    assert [(f.rule, f.path) for f in audit(_disclosure(office)).errors] == [
        ("R65", "$.tables[0].panels[0].rows[1].cells[0]")
    ]


def test_they_are_rendered_as_printed() -> None:
    d = _disclosure(OPERATING, PROCUREMENT)
    assert [t.kind for t in printed_tables(d)] == [TableKind.OPERATING_COSTS, TableKind.PROCUREMENT]
    operating, procurement = standard_tables(d)
    text = to_markdown(procurement)
    assert "政府采购情况表" in text and "货物" in text and "58.00" in text
    assert "30211" in to_markdown(operating) and "差旅费" in to_markdown(operating)


def test_the_narrative_and_the_basic_table_are_held_to_them() -> None:
    tables = _disclosure(OPERATING, PROCUREMENT).tables
    narrative = Disclosure(
        year=2023,
        department="示例单位",
        tables=tables,
        operating_costs=OperatingCosts(amount=Amount("36.00")),
        procurement=Procurement(
            total=Amount("58.00"), goods=Amount("30.00"), works=Amount("0.00"), services=Amount("27.00")
        ),
    )
    findings = audit(narrative).by_rule("R68")
    assert [(f.path, f.related) for f in findings] == [
        ("$.procurement.services", ("$.tables[1].panels[0].rows[3].cells[0]",))
    ]
    basic = _grid(
        "一般公共预算财政拨款基本支出决算表",
        ("科目编码", "科目名称", "决算数"),
        (
            ("302", "商品和服务支出", "30.00"),
            ("", "人员经费合计", "0.00"),
            ("", "公用经费合计", "30.00"),
            ("", "合计", "30.00"),
        ),
    )
    over = audit(_disclosure(OPERATING, basic)).by_rule("R67")
    assert [(f.path, f.related) for f in over] == [
        ("$.tables[0].panels[0].rows[0].cells[0]", ("$.tables[1].panels[0].rows[2].cells[0]",))
    ]
