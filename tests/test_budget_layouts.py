"""Budget tables as real reports print them: figures copied by hand from the corpus's Jiangsu
budget (js2019-gjfy-ys.pdf, 江苏省高级人民法院 2019, 公开03/04/05/09表) fit their specs and balance."""

from __future__ import annotations

from budgetacct import Amount, audit
from budgetacct.codes import FunctionCode
from budgetacct.model.budget import Budget
from budgetacct.model.budget_specs import budget_spec_for
from budgetacct.model.enums import Severity
from budgetacct.model.tables import (
    Basis,
    Column,
    Line,
    Measure,
    Panel,
    Side,
    StandardTable,
    TableKind,
    TableRow,
)

SET = "jiangsu-budget-12"
W = Amount


def _col(measure: Measure) -> Column:
    return Column(measure, Basis.BUDGET)


def _columns(kind: TableKind, panel: int = 0) -> tuple[Column, ...]:
    return budget_spec_for(kind, SET).panels[panel].column_keys()


def _expenditure() -> StandardTable:
    # 公开03表 支出预算总表: 合计 | 基本支出 | 项目支出 | 单位预留机动经费 | 结转下年资金
    cells = (W("37188.34"), W("21968.00"), W("10208.94"), W("5011.40"), None)
    assert _columns(TableKind.BUDGET_EXPENDITURE) == tuple(
        _col(m)
        for m in (Measure.TOTAL, Measure.BASIC, Measure.PROJECT, Measure.RESERVE, Measure.CARRY_TO_NEXT)
    )
    row = TableRow.of_line(Line.TOTAL, cells, name="合计")
    return StandardTable(
        TableKind.BUDGET_EXPENDITURE,
        "支出预算总表",
        (Panel(_columns(TableKind.BUDGET_EXPENDITURE), (row,)),),
        number="公开03表",
    )


def _fiscal_summary(reserve: str = "5011.40") -> StandardTable:
    # 公开04表 财政拨款收支预算总表, 支出 by purpose
    a = (_col(Measure.AMOUNT),)
    revenue = Panel(
        a,
        (
            TableRow.of_line(Line.FISCAL_GENERAL_BUDGET, (W("37188.34"),), name="一、一般公共预算"),
            TableRow.of_line(Line.FISCAL_GOVERNMENT_FUND, (None,), name="二、政府性基金预算"),
            TableRow.of_line(Line.REVENUE_GRAND_TOTAL, (W("37188.34"),), name="收入合计"),
        ),
        Side.REVENUE,
    )
    spending = Panel(
        a,
        (
            TableRow.of_line(Line.BASIC, (W("21968.00"),), name="一、基本支出"),
            TableRow.of_line(Line.PROJECT, (W("10208.94"),), name="二、项目支出"),
            TableRow.of_line(Line.RESERVE, (W(reserve),), name="三、单位预留机动经费"),
            TableRow.of_line(Line.EXPENDITURE_GRAND_TOTAL, (W("37188.34"),), name="支出合计"),
        ),
        Side.EXPENDITURE,
    )
    return StandardTable(
        TableKind.BUDGET_FISCAL_SUMMARY, "财政拨款收支预算总表", (revenue, spending), number="公开04表"
    )


_FUNCTIONS = (
    ("204", "27488.23"), ("20405", "27488.23"), ("2040501", "17279.29"), ("2040502", "5804.83"),
    ("2040503", "1400.00"), ("2040504", "1599.11"), ("2040505", "775.00"), ("2040599", "630.00"),
    ("208", "2355.65"), ("20805", "2355.65"), ("2080504", "417.06"), ("2080505", "1384.70"),
    ("2080506", "553.89"), ("221", "7344.46"), ("22102", "7344.46"), ("2210201", "1879.36"),
    ("2210202", "5465.10"),
)  # fmt: skip


def _function_table() -> StandardTable:
    # 公开05表 财政拨款支出预算表（功能科目）: one 金额 column, 合计 first
    columns = _columns(TableKind.BUDGET_FISCAL_FUNCTION)
    rows = (
        TableRow.of_line(Line.TOTAL, (W("37188.34"),), name="合计"),
        *(TableRow.of_function(FunctionCode(code), (W(amount),)) for code, amount in _FUNCTIONS),
    )
    return StandardTable(
        TableKind.BUDGET_FISCAL_FUNCTION,
        "财政拨款支出预算表（功能科目）",
        (Panel(columns, rows),),
        number="公开05表",
    )


def _three_public() -> StandardTable:
    # 公开09表 “三公”经费、会议费、培训费支出预算表
    columns = _columns(TableKind.BUDGET_THREE_PUBLIC)
    figures = {
        Measure.TOTAL: "2382.02", Measure.THREE_PUBLIC_TOTAL: "513.75", Measure.OUTBOUND: "160.00",
        Measure.VEHICLES: "266.80", Measure.VEHICLE_OPERATION: "266.80", Measure.RECEPTION: "86.95",
        Measure.MEETINGS: "271.02", Measure.TRAINING: "1597.25",
    }  # fmt: skip
    cells = tuple(W(figures[c.measure]) if c.measure in figures else None for c in columns)
    row = TableRow.of_line(Line.THREE_PUBLIC, cells, name="“三公”经费")
    return StandardTable(
        TableKind.BUDGET_THREE_PUBLIC,
        "“三公”经费、会议费、培训费支出预算表",
        (Panel(columns, (row,)),),
        number="公开09表",
    )


def _budget(*tables: StandardTable) -> Budget:
    return Budget(year=2019, department="江苏省高级人民法院", tables=tables, table_set=SET)


def _alarms(budget: Budget) -> list[str]:
    report = audit(budget, rules=["R64", "R65", "R66", "R87"])
    return [f"{f.rule} {f.path}" for f in report.findings if f.severity is not Severity.NOTE]


def test_the_jiangsu_tables_balance_as_published() -> None:
    budget = _budget(_expenditure(), _fiscal_summary(), _function_table(), _three_public())
    assert _alarms(budget) == []


def test_a_slip_in_the_purpose_split_is_found() -> None:
    budget = _budget(_expenditure(), _fiscal_summary(reserve="5001.40"), _function_table(), _three_public())
    assert _alarms(budget) == ["R65 $.tables[1].panels[1].rows[3].cells[0]"]


# 西南大学 2023 部门预算 (swu2023-ys.pdf): 收支预算总表 and the 合计 row of 收入预算表, in 万元.
_UNIVERSITY_CLASSES = (
    ("205", "434334.99"),
    ("206", "2801.72"),
    ("208", "14616.30"),
    ("221", "16916.56"),
    ("229", "109.50"),
)


def _university_summary() -> StandardTable:
    a = (_col(Measure.AMOUNT),)
    revenue = Panel(
        a,
        (
            TableRow.of_line(Line.FISCAL_REVENUE, (W("230876.38"),), name="一、财政拨款"),
            TableRow.of_line(Line.OPERATIONS, (W("122342.73"),), name="二、事业收入"),
            TableRow.of_line(Line.BUSINESS, (None,), name="三、事业单位经营收入"),
            TableRow.of_line(Line.OTHER, (W("50265.53"),), name="四、其他收入"),
            TableRow.of_line(Line.DONATIONS, (W("1000.00"),), name="其中：捐赠收入"),
            TableRow.of_line(Line.REVENUE_TOTAL, (W("403484.64"),), name="本年收入合计"),
            TableRow.of_line(Line.NON_FISCAL_BALANCE_USED, (W("59972.79"),), name="使用非财政拨款结余"),
            TableRow.of_line(Line.OPENING_BALANCE, (W("93801.70"),), name="上年结转"),
            TableRow.of_line(Line.REVENUE_GRAND_TOTAL, (W("557259.13"),), name="收入总计"),
        ),
        Side.REVENUE,
    )
    spending = Panel(
        a,
        (
            *(TableRow.of_function(FunctionCode(code), (W(amount),)) for code, amount in _UNIVERSITY_CLASSES),
            TableRow.of_line(Line.EXPENDITURE_TOTAL, (W("468779.07"),), name="本年支出合计"),
            TableRow.of_line(Line.CLOSING_BALANCE, (W("88480.06"),), name="结转下年"),
            TableRow.of_line(Line.EXPENDITURE_GRAND_TOTAL, (W("557259.13"),), name="支出总计"),
        ),
        Side.EXPENDITURE,
    )
    assert (
        budget_spec_for(TableKind.BUDGET_SUMMARY, "university-budget-4").panels[0].line_spec(Line.DONATIONS)
    )
    return StandardTable(TableKind.BUDGET_SUMMARY, "西南大学收支预算总表", (revenue, spending), number="表1")


def _university_revenue() -> StandardTable:
    columns = budget_spec_for(TableKind.BUDGET_REVENUE, "university-budget-4").panels[0].column_keys()
    figures = {
        Measure.TOTAL: "557259.13", Measure.OPENING: "93801.70", Measure.FISCAL: "230876.38",
        Measure.OPERATIONS: "122342.73", Measure.TUITION: "74162.23", Measure.OTHER_REVENUE: "50265.53",
        Measure.NON_FISCAL_USED: "59972.79",
    }  # fmt: skip
    cells = tuple(W(figures[c.measure]) if c.measure in figures else None for c in columns)
    row = TableRow.of_line(Line.TOTAL, cells, name="合计")
    return StandardTable(
        TableKind.BUDGET_REVENUE, "西南大学收入预算表", (Panel(columns, (row,)),), number="表2"
    )


def test_the_university_tables_balance_as_published() -> None:
    budget = Budget(
        year=2023,
        department="西南大学",
        tables=(_university_summary(), _university_revenue()),
        table_set="university-budget-4",
    )
    assert _alarms(budget) == []
