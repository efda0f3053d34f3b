"""Tables pasted into a report's text, one row per line, read as standard tables through their specs."""

from __future__ import annotations

from pathlib import Path

from budgetacct import audit
from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.model.tables import DASH, Column, Line, Measure, TableKind
from budgetacct.money import Amount, Unit
from budgetacct.reader import read_report

DATA = Path(__file__).parent / "data"
DEPT = "示例单位"


def test_a_table_pasted_with_tabs_becomes_its_standard_table() -> None:
    result = read_report((DATA / "pdf-tables-2021.txt").read_text(encoding="utf-8"))
    table = result.disclosure.tables[0]
    assert (table.kind, table.unit, table.title) == (TableKind.EXPENDITURE, Unit.YUAN, "三、支出决算表")
    (panel,) = table.panels
    assert [c.measure for c in panel.columns] == [
        Measure.TOTAL,
        Measure.BASIC,
        Measure.PROJECT,
        Measure.REMITTANCE,
        Measure.BUSINESS_EXPENDITURE,
        Measure.AFFILIATE_SUBSIDY,
    ]
    assert [row.key for row in panel.rows][:3] == [Line.TOTAL, FunctionCode("201"), FunctionCode("20126")]
    # cells are in 万元 whatever the table printed in: 3,125,000.00元 is 312.50万元
    assert panel.rows[0].cells[:3] == (Amount("312.50"), Amount("262.50"), Amount("50.00"))
    assert table.cell(FunctionCode("2210201"), Column(Measure.BASIC)) == Amount("40.00")


TEXT_LAYOUT = """示例市档案馆2021年度部门决算
九、一般公共预算财政拨款项目支出决算表
金额单位：万元
科目编码         科目名称                项目支出
合计                                     30.00
201              一般公共服务支出          30.00
20126            档案事务                  30.00
2012650          事业运行                  30.00
注：本表反映部门本年度一般公共预算财政拨款项目支出情况。

二、收入决算表
金额单位：万元
科目编码	科目名称	本年收入合计	财政拨款收入	上级补助收入	事业收入	经营收入	附属单位上缴收入	其他收入
合计		312.50	292.50	0.00	20.00	0.00	0.00	-
201	一般公共服务支出	272.50	252.50	0.00	20.00	0.00	0.00	-
221	住房保障支出	40.00	40.00	0.00	0.00	0.00	0.00	-
"""


def test_a_table_as_pdftotext_gives_it_and_one_pasted_with_tabs() -> None:
    result = read_report(TEXT_LAYOUT, department=DEPT, year=2021)
    d = result.disclosure
    assert result.unread == ()
    project, revenue = d.tables
    assert (project.kind, project.unit) == (TableKind.GENERAL_BUDGET_PROJECT, Unit.WAN_YUAN)
    assert [(row.key, row.name, row.cells) for row in project.panels[0].rows] == [
        (Line.TOTAL, "合计", (Amount("30.00"),)),
        (FunctionCode("201"), "一般公共服务支出", (Amount("30.00"),)),
        (FunctionCode("20126"), "档案事务", (Amount("30.00"),)),
        (FunctionCode("2012650"), "事业运行", (Amount("30.00"),)),
    ]
    assert revenue.kind is TableKind.REVENUE
    assert revenue.panels[0].rows[1].cells == (
        Amount("272.50"),
        Amount("252.50"),
        Amount("0.00"),
        Amount("20.00"),
        Amount("0.00"),
        Amount("0.00"),
        DASH,
    )
    # the 收入决算表 also fills the Disclosure's revenue rows, each figure where it was printed
    assert d.revenue is not None and d.revenue.total == Amount("312.50")
    row = d.revenue.rows[0]
    assert (row.code.code, row.total, row.fiscal, row.operations) == (
        "201",
        Amount("272.50"),
        Amount("252.50"),
        Amount("20.00"),
    )
    (source,) = result.sources_for("$.revenue.rows[0].operations")
    assert TEXT_LAYOUT.splitlines()[source.line - 1].startswith("201\t一般公共服务支出")
    assert not audit(d).findings


def test_a_pasted_table_that_does_not_add_up_is_found_in_the_table() -> None:
    broken = TEXT_LAYOUT.replace("20126            档案事务                  30.00", "20126  档案事务  31.00")
    findings = audit(read_report(broken, department=DEPT, year=2021).disclosure)
    assert [(f.rule, f.path) for f in findings.errors] == [
        ("R65", "$.tables[0].panels[0].rows[1].cells[0]"),
        ("R65", "$.tables[0].panels[0].rows[2].cells[0]"),
    ]


def test_a_row_of_a_pasted_table_the_spec_does_not_name_is_reported() -> None:
    text = TEXT_LAYOUT.replace("合计                                     30.00", "小计\t30.00")
    result = read_report(text, department=DEPT, year=2021)
    assert [(u.reason, u.figures) for u in result.unread] == [
        ("a row the table's layout does not name", ("小计", "30.00"))
    ]
    assert result.disclosure.tables[0].panels[0].rows[0].key == FunctionCode("201")


SUMMARY_TABLE = (DATA / "summary-table-2021.txt").read_text(encoding="utf-8")


def test_the_summary_table_pasted_side_by_side_gives_its_two_panels() -> None:
    summary, revenue = read_report(SUMMARY_TABLE).disclosure.tables
    assert (summary.kind, revenue.kind) == (TableKind.SUMMARY, TableKind.REVENUE)
    income, spending = summary.panels
    assert [(p.side.value, len(p.rows)) for p in summary.panels] == [("收入", 12), ("支出", 9)]
    assert summary.cell(Line.OPERATIONS, Column(Measure.AMOUNT)) == Amount("20.00")
    # the 支出 side's 类 rows are named, not coded: the year's catalogue gives their codes
    assert [row.key for row in spending.rows][:2] == [FunctionCode("201"), FunctionCode("202")]
    assert spending.rows[-1].line is Line.EXPENDITURE_GRAND_TOTAL
    assert income.rows[-1].cells == (Amount("312.50"),)


def test_the_basic_table_pasted_in_halves_and_the_fiscal_summary() -> None:
    (basic,) = read_report((DATA / "basic-table-2021.txt").read_text(encoding="utf-8")).disclosure.tables
    assert basic.kind is TableKind.GENERAL_BUDGET_BASIC
    # the 人员经费 half, then the 公用经费 half
    assert [row.key for row in basic.rows][:6] == [
        *(EconomicCode(code) for code in ("301", "30101", "30102", "303", "30302")),
        Line.PERSONNEL_TOTAL,
    ]
    assert basic.cell(Line.PUBLIC_TOTAL, Column(Measure.AMOUNT)) == Amount("40.00")
    (fiscal,) = read_report((DATA / "fiscal-table-2021.txt").read_text(encoding="utf-8")).disclosure.tables
    assert fiscal.kind is TableKind.FISCAL_SUMMARY
    assert fiscal.cell(Line.EXPENDITURE_TOTAL, Column(Measure.GOVERNMENT_FUND)) == Amount("10.00")
    assert fiscal.cell(Line.OPENING_GENERAL_BUDGET, Column(Measure.AMOUNT)) == Amount("5.00")


def test_a_side_by_side_table_with_a_row_its_spec_does_not_name_is_not_kept() -> None:
    text = SUMMARY_TABLE.replace("六、经营收入\t6\t0.00", "六、用事业基金弥补收支差额\t6\t5.00")
    kinds = [t.kind for t in read_report(text).disclosure.tables]
    assert kinds == [TableKind.REVENUE]  # the 总表 would not add up without the row it lost


def test_every_cell_of_a_pasted_table_keeps_where_it_was_printed() -> None:
    result = read_report(SUMMARY_TABLE)
    lines = SUMMARY_TABLE.splitlines()
    # the 支出 side's 住房保障支出 (row 4 of its panel), on the line that prints it beside 事业收入
    (source,) = result.sources_for("$.tables[0].panels[1].rows[4].cells[0]")
    assert SUMMARY_TABLE[source.start : source.end] == "40.00"
    assert lines[source.line - 1].startswith("五、事业收入")
    (source,) = result.sources_for("$.tables[1].panels[0].rows[1].cells[3]")  # 201's 事业收入
    assert (lines[source.line - 1].split("\t")[0], SUMMARY_TABLE[source.start : source.end]) == (
        "201",
        "20.00",
    )
    table_cells = [s for s in result.sources if s.path.startswith("$.tables")]
    assert len(table_cells) == (12 + 9) + 3 * 7  # every figure of both tables
