"""The unit a standard table is printed for (StandardTable.department): read from the lines under
its title, kept in JSON, and checked against the report's department by R71."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from budgetacct import Disclosure
from budgetacct.auditing import audit
from budgetacct.errors import InvalidValue
from budgetacct.io import dump, loads
from budgetacct.io.json_schema import json_schema
from budgetacct.model.disclosure import Staffing, UnitStaffing
from budgetacct.model.enums import Severity
from budgetacct.model.tables import Column, Line, Measure, Panel, StandardTable, TableKind, TableRow
from budgetacct.money import Amount
from budgetacct.reader.document import Box, Cell, TableGrid
from budgetacct.reader.document import Line as TextLine
from budgetacct.reader.grid_tables import tables_from_grids

CORPUS = Path(__file__).parent / "corpus"


def _table(department: str | None, kind: TableKind = TableKind.GOVERNMENT_FUND) -> StandardTable:
    panel = Panel((Column(Measure.EXPENDITURE),), (TableRow.of_line(Line.TOTAL, (Amount("1.00"),)),))
    return StandardTable(kind, kind.value, (panel,), department=department)


def _report(department: str, *printed: str | None, units: tuple[str, ...] = ()) -> Disclosure:
    staffing = Staffing(tuple(UnitStaffing(name) for name in units)) if units else None
    return Disclosure(
        year=2024, department=department, tables=tuple(_table(name) for name in printed), staffing=staffing
    )


# --- the model ----------------------------------------------------------------------------------


def test_a_table_names_no_unit_unless_it_prints_one() -> None:
    assert _table(None).department is None
    with pytest.raises(InvalidValue, match="department"):
        _table("  ")


def test_the_unit_survives_json_exactly_and_is_in_the_schema() -> None:
    report = _report("上海市普陀区财政局", "上海市普陀区财政局", None)
    text = dump(report)
    assert text.count('"department": "上海市普陀区财政局"') == 2  # the report's and one table's
    assert loads(text) == report
    table = json_schema(Disclosure)["$defs"]["StandardTable"]
    assert "department" not in table["required"]
    assert table["properties"]["department"] == {
        "anyOf": [{"type": "string", "minLength": 1, "maxLength": 10000, "pattern": "\\S"}, {"type": "null"}],
        "default": None,
    }


# --- R71 ------------------------------------------------------------------------------------------


def test_tables_printed_for_the_department_pass() -> None:
    assert audit(_report("上海市普陀区财政局", "上海市普陀区财政局", None)).by_rule("R71") == ()


@pytest.mark.parametrize(
    ("department", "printed", "units"),
    [
        ("上海市普陀区财政局", "普陀区财政局", ()),  # without its city
        ("普陀区财政局", "上海市普陀区财政局", ()),  # with it
        ("上海市普陀区财政局", "上海 市普陀区 财政局", ()),  # spaced as a PDF prints it
        ("江苏省委办公厅", "中共江苏省委办公厅", ()),
        ("上海市普陀区财政局", "上海市普陀区财政局会计核算中心", ()),  # a unit named after it
        ("上海市普陀区民政局", "上海市普陀区社会福利院", ()),  # a unit of the same district
        ("上海市普陀区民政局", "普陀区民政局救助管理站", ()),
        ("上海市普陀区民政局", "上海市普陀区老年人服务管理局", ("上海市普陀区老年人服务管理局",)),  # listed
    ],
)
def test_a_table_printed_for_the_department_or_one_of_its_units_passes(
    department: str, printed: str, units: tuple[str, ...]
) -> None:
    assert audit(_report(department, printed, units=units)).by_rule("R71") == ()


@pytest.mark.parametrize(
    ("department", "printed"),
    [
        ("上海市普陀区民政局", "上海市普陀区财政局"),  # another department of the district
        ("上海市普陀区财政局", "上海市静安区财政局"),  # the same department of another district
        ("上海市普陀区财政局", "上海市财政局"),  # the city's
        ("江苏省高级人民法院", "江苏省人民检察院"),
        ("上海市普陀区民政局", "上海市静安区社会福利院"),  # another district's unit
        ("上海市普陀区民政局", "财政局"),
    ],
)
def test_a_table_printed_for_another_unit_is_a_warning_naming_both(department: str, printed: str) -> None:
    (finding,) = audit(_report(department, department, printed)).by_rule("R71")
    assert finding.severity is Severity.WARNING
    assert finding.path == "$.tables[1].department"
    assert (finding.expected, finding.actual) == (department, printed)
    for message in (finding.message.zh, finding.message.en):
        assert department in message and printed in message


def test_a_department_named_unit_is_accepted_only_when_the_report_lists_it() -> None:
    # 老年人服务管理局 is named like a department: printed on a 民政局 table it is another one,
    # unless the report's 机构设置 lists it among its units.
    d = _report("上海市普陀区民政局", "上海市普陀区老年人服务管理局")
    assert [f.path for f in audit(d).by_rule("R71")] == ["$.tables[0].department"]


def test_one_warning_for_every_table_printed_for_the_same_other_unit() -> None:
    d = _report("上海市普陀区民政局", "上海市普陀区财政局", "上海市普陀区民政局", "上海市普陀区财政局", None)
    (finding,) = audit(d).by_rule("R71")
    assert finding.path == "$.tables[0].department"
    assert finding.related == ("$.tables[2].department",)


def test_a_placeholder_printed_on_a_table_is_a_warning() -> None:
    (finding,) = audit(_report("上海市普陀区财政局", "上海市XX局")).by_rule("R71")
    assert (finding.path, finding.severity, finding.actual) == (
        "$.tables[0].department",
        Severity.WARNING,
        "上海市XX局",
    )
    assert "占位符" in finding.message.zh and "placeholder" in finding.message.en


def test_a_placeholder_report_name_is_only_the_placeholder_finding() -> None:
    # Nothing to compare a table's unit with: the report's own name is the template's.
    found = audit(_report("上海市XX局", "上海市普陀区财政局")).by_rule("R71")
    assert [f.path for f in found] == ["$.department"]


# --- the reader ---------------------------------------------------------------------------------

_HEADERS = ("科目编码", "科目名称", "合计", "基本支出", "项目支出")


def _grid(*title_lines: str) -> TableGrid:
    def row(texts: tuple[str, ...], top: float) -> tuple[Cell, ...]:
        return tuple(
            Cell(text, Box(1, 60.0 * j, top, 60.0 * (j + 1), top + 10)) for j, text in enumerate(texts)
        )

    rows = (row(_HEADERS, 100), row(("", "合计", "100.00", "60.00", "40.00"), 110))
    lines = tuple(
        TextLine([], text, Box(1, 0, 40 + 10 * i, 300, 50 + 10 * i)) for i, text in enumerate(title_lines)
    )
    return TableGrid(rows, (Box(1, 0, 100, 300, 120),), lines, 1, tuple((text,) for text in _HEADERS))


@pytest.mark.parametrize(
    ("lines", "department"),
    [
        (
            ("一般公共预算财政拨款支出决算表", "编制单位：上海市普陀区社会福利院 单位：元"),
            "上海市普陀区社会福利院",
        ),
        (("一般公共预算财政拨款支出决算表", "编制部门：上海市普陀区财政局 单位：元"), "上海市普陀区财政局"),
        (("一般公共预算财政拨款支出决算表", "部门： 江苏省人民检察院 单位：万元"), "江苏省人民检察院"),
        (("一般公共预算财政拨款支出决算表", "预算单位：上海市普陀区财政局"), "上海市普陀区财政局"),
        # a long name wrapped before its money unit, and a money unit wrapped onto the name's line
        (
            ("一般公共预算财政拨款支出决算表", "部门名称：江苏省高级人民法", "院 单位：万元"),
            "江苏省高级人民法院",
        ),
        (
            ("一般公共预算财政拨款支出决算表", "单位：万", "部门名称：江苏省高级人民法院 元"),
            "江苏省高级人民法院",
        ),
        (("一般公共预算财政拨款支出决算表", "单位名称： 单位：万元"), None),  # the template's blank
        (("一般公共预算财政拨款支出决算表", "单位：万元"), None),
    ],
)
def test_the_unit_is_read_from_the_lines_under_the_title(
    lines: tuple[str, ...], department: str | None
) -> None:
    (table,) = tables_from_grids([_grid(*lines)], year=2024).tables
    assert table.kind is TableKind.GENERAL_BUDGET
    assert table.department == department
    assert table.title == "一般公共预算财政拨款支出决算表"


def test_a_unit_line_above_the_title_is_kept_out_of_it() -> None:
    (table,) = tables_from_grids(
        [_grid("部门名称：江苏省高级人民法院", "一般公共预算财政拨款支出决算表")], year=2024
    ).tables
    assert (table.title, table.department) == ("一般公共预算财政拨款支出决算表", "江苏省高级人民法院")


@pytest.mark.parametrize(
    ("name", "department", "tables"),
    [
        ("js2019-gjfy-ys.pdf", "江苏省高级人民法院", 12),  # 部门名称：…, one of them wrapped
        ("js2018-jcy-ys.pdf", "江苏省人民检察院", 12),  # 部门： …
        ("sh2024-fly-dwys.pdf", "上海市普陀区社会福利院", 9),  # 编制单位：…
        ("sh2025-ptczj-ys.pdf", "上海市普陀区财政局", 9),  # 编制部门：…
    ],
)
def test_the_unit_is_read_from_real_title_lines(name: str, department: str, tables: int) -> None:
    pytest.importorskip("pdfplumber", reason="the pdf extra reads PDFs: pip install 'budgetacct[pdf]'")
    from budgetacct.reader.pdf import read_pdf

    read = tables_from_grids(read_pdf(CORPUS / name).tables, year=2024)
    assert [table.department for table in read.tables] == [department] * tables
    assert not any(department in table.title for table in read.tables)
    assert (
        audit(attrs.evolve(Disclosure(year=2024, department=department), tables=read.tables)).by_rule("R71")
        == ()
    )


def test_a_report_printing_no_unit_on_its_tables_reads_none() -> None:
    pytest.importorskip("pdfplumber", reason="the pdf extra reads PDFs: pip install 'budgetacct[pdf]'")
    from budgetacct.reader.pdf import read_pdf

    read = tables_from_grids(read_pdf(CORPUS / "sh2024-ptczj-js.pdf").tables, year=2024)
    assert read.tables and all(table.department is None for table in read.tables)


def test_a_budget_table_printed_for_another_department_is_warned_of() -> None:
    import attrs

    import budgetacct

    budget = budgetacct.load_example("ptczj-2025", "budget")
    assert not [f for f in budgetacct.audit(budget).findings if f.rule == "R71"]
    first = attrs.evolve(budget.tables[0], department="上海市静安区财政局")
    wrong = attrs.evolve(budget, tables=(first, *budget.tables[1:]))
    (finding,) = [f for f in budgetacct.audit(wrong).findings if f.rule == "R71"]
    assert finding.path == "$.tables[0].department"
    assert "上海市静安区财政局" in finding.message.zh and "上海市普陀区财政局" in finding.message.zh
