"""Budget tables as real reports print them: figures copied by hand from the corpus's Jiangsu
budget (js2019-gjfy-ys.pdf, 江苏省高级人民法院 2019, 公开03/04/05/09表) fit their specs and balance."""

from __future__ import annotations

from budgetacct import Amount, audit
from budgetacct.codes import FunctionCode
from budgetacct.model.budget import Budget
from budgetacct.model.budget_sets import budget_spec_for
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


# 上海市普陀区社会福利院 2024 单位预算 (sh2024-fly-dwys.pdf), in 元: a unit with 事业收入, so its
# 财政拨款 (9,501,164) is below its 总计 (12,121,164); the 2024 总表 splits 支出 into 人员, 公用, 项目.
def _yuan(text: str | None) -> Amount | None:
    return None if text is None else Amount.from_yuan(text)


def _unit_summary(personnel_208: str = "6540674") -> StandardTable:
    spec = budget_spec_for(TableKind.BUDGET_SUMMARY, "shanghai-budget-9-2024")
    a = spec.panels[0].column_keys()
    revenue = Panel(
        a,
        (
            TableRow.of_line(Line.FISCAL_REVENUE, (_yuan("9501164"),), name="一、财政拨款收入"),
            TableRow.of_line(Line.FISCAL_GENERAL_BUDGET, (_yuan("9501164"),), name="1、一般公共预算资金"),
            TableRow.of_line(Line.FISCAL_GOVERNMENT_FUND, (None,), name="2、政府性基金"),
            TableRow.of_line(Line.FISCAL_STATE_CAPITAL, (None,), name="3、国有资本经营预算"),
            TableRow.of_line(Line.OPERATIONS, (_yuan("2620000"),), name="二、事业收入"),
            TableRow.of_line(Line.BUSINESS, (None,), name="三、事业单位经营收入"),
            TableRow.of_line(Line.OTHER, (None,), name="四、其他收入"),
            TableRow.of_line(Line.REVENUE_GRAND_TOTAL, (_yuan("12121164"),), name="收入总计"),
        ),
        Side.REVENUE,
    )
    split = spec.panels[1].column_keys()
    assert [c.measure for c in split] == [Measure.TOTAL, Measure.PERSONNEL, Measure.PUBLIC, Measure.PROJECT]
    rows = (
        ("208", "11281624", personnel_208, "2120950", "2620000"),
        ("210", "503724", "503724", None, None),
        ("221", "335816", "335816", None, None),
    )
    spending = Panel(
        split,
        (
            *(
                TableRow.of_function(FunctionCode(code), tuple(_yuan(x) for x in cells))
                for code, *cells in rows
            ),
            TableRow.of_line(
                Line.EXPENDITURE_GRAND_TOTAL,
                tuple(_yuan(x) for x in ("12121164", "7380214", "2120950", "2620000")),
                name="支出总计",
            ),
        ),
        Side.EXPENDITURE,
    )
    return StandardTable(
        TableKind.BUDGET_SUMMARY, "2024年预算单位财务收支预算总表", (revenue, spending), number="1."
    )


_UNIT_SPENDING = (
    ("208", "11281624", "8661624", "2620000"), ("20805", "1696828", "1696828", None),
    ("2080502", "538440", "538440", None), ("2080505", "767579", "767579", None),
    ("2080506", "383789", "383789", None), ("2080599", "7020", "7020", None),
    ("20810", "9584796", "6964796", "2620000"), ("2081005", "9584796", "6964796", "2620000"),
    ("210", "503724", "503724", None), ("21011", "503724", "503724", None),
    ("2101102", "503724", "503724", None), ("221", "335816", "335816", None),
    ("22102", "335816", "335816", None), ("2210201", "335816", "335816", None),
)  # fmt: skip


def _unit_expenditure() -> StandardTable:
    columns = budget_spec_for(TableKind.BUDGET_EXPENDITURE, "shanghai-budget-9-2024").panels[0].column_keys()
    rows = (
        TableRow.of_line(Line.TOTAL, (_yuan("12121164"), _yuan("9501164"), _yuan("2620000")), name="合计"),
        *(
            TableRow.of_function(FunctionCode(code), (_yuan(t), _yuan(b), _yuan(p)))
            for code, t, b, p in _UNIT_SPENDING
        ),
    )
    return StandardTable(
        TableKind.BUDGET_EXPENDITURE, "2024年预算单位支出预算总表", (Panel(columns, rows),), number="3."
    )


def _unit(summary: StandardTable) -> Budget:
    return Budget(
        year=2024,
        department="上海市普陀区社会福利院",
        tables=(summary, _unit_expenditure()),
        table_set="shanghai-budget-9-2024",
    )


def test_the_unit_budget_tables_balance_as_published() -> None:
    assert _alarms(_unit(_unit_summary())) == []
    fiscal = _unit_summary().cell(Line.FISCAL_REVENUE, _col(Measure.AMOUNT))
    total = _unit_summary().cell(Line.REVENUE_GRAND_TOTAL, _col(Measure.AMOUNT))
    assert isinstance(fiscal, Amount) and isinstance(total, Amount) and fiscal < total


def test_a_slip_in_the_split_of_a_class_is_found() -> None:
    alarms = _alarms(_unit(_unit_summary(personnel_208="6504674")))
    assert alarms == [
        "R64 $.tables[0].panels[1].rows[0].cells[0]",
        "R65 $.tables[0].panels[1].rows[3].cells[1]",
    ]
