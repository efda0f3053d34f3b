"""The rules on the standard tables (R64–R71): inside a table, across tables, against the narrative.

The figures of the 上海市普陀区财政局 2024 report are checked by hand against the page images of
``tests/corpus/sh2024-ptczj-js.pdf`` (page 12–13: 财政拨款收入支出决算总表; page 6–7: 收入支出决算总表).
Its narrative prints 财政拨款收入支出总计 as 0.3万元 where the table prints 2,961.68.
"""

from __future__ import annotations

import attrs
import pytest

from budgetacct import Amount, Disclosure, audit, load_example
from budgetacct.codes import FunctionCode
from budgetacct.model import Fiscal, GeneralBudget
from budgetacct.model.enums import Severity
from budgetacct.model.tables import (
    DASH,
    Basis,
    Cell,
    Column,
    Line,
    Measure,
    Panel,
    Side,
    StandardTable,
    TableKind,
    TableRow,
)
from budgetacct.money import Unit

A = Amount
_AMT, _T = Column(Measure.AMOUNT), Column(Measure.TOTAL)
_GPB, _GF, _SOE = (
    Column(Measure.GENERAL_BUDGET),
    Column(Measure.GOVERNMENT_FUND),
    Column(Measure.STATE_CAPITAL),
)
_BASIC, _PROJECT = Column(Measure.BASIC), Column(Measure.PROJECT)


def _line(line: Line, *cells: Cell) -> TableRow:
    return TableRow.of_line(line, cells)


def _code(code: str, *cells: Cell) -> TableRow:
    return TableRow.of_function(FunctionCode(code), cells)


def putuo_fiscal_summary() -> StandardTable:
    """财政拨款收入支出决算总表 of 上海市普陀区财政局 2024, as printed (blank cells blank)."""
    revenue = Panel(
        (_AMT,),
        (
            _line(Line.FISCAL_GENERAL_BUDGET, A("2940.05")),
            _line(Line.FISCAL_GOVERNMENT_FUND, None),
            _line(Line.FISCAL_STATE_CAPITAL, None),
            _line(Line.REVENUE_TOTAL, A("2940.05")),
            _line(Line.OPENING_BALANCE, A("21.63")),
            _line(Line.OPENING_GENERAL_BUDGET, A("21.63")),
            _line(Line.OPENING_GOVERNMENT_FUND, None),
            _line(Line.OPENING_STATE_CAPITAL, None),
            _line(Line.REVENUE_GRAND_TOTAL, A("2961.68")),
        ),
        Side.REVENUE,
    )
    expenditure = Panel(
        (_T, _GPB, _GF, _SOE),
        (
            _code("201", A("2106.66"), A("2106.66"), None, None),
            _code("208", A("326.71"), A("326.71"), None, None),
            _code("210", A("60.99"), A("60.99"), None, None),
            _code("221", A("445.69"), A("445.69"), None, None),
            _line(Line.EXPENDITURE_TOTAL, A("2940.05"), A("2940.05"), None, None),
            _line(Line.CLOSING_BALANCE, A("21.63"), A("21.63"), None, None),
            _line(Line.EXPENDITURE_GRAND_TOTAL, A("2961.68"), A("2961.68"), None, None),
        ),
        Side.EXPENDITURE,
    )
    return StandardTable(TableKind.FISCAL_SUMMARY, "财政拨款收入支出决算总表", (revenue, expenditure))


def putuo(*tables: StandardTable, **sections: object) -> Disclosure:
    return Disclosure(year=2024, department="上海市普陀区财政局", tables=tables, **sections)  # type: ignore[arg-type]


def errors(d: Disclosure, rule: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.path, f.related) for f in audit(d).by_rule(rule) if f.severity is Severity.ERROR]


def test_the_published_fiscal_summary_holds_every_identity_inside_it() -> None:
    report = audit(putuo(putuo_fiscal_summary()))
    table_findings = [f for f in report.findings if f.rule in {"R64", "R65", "R66", "R67", "R68"}]
    assert [f for f in table_findings if f.severity is not Severity.NOTE] == []


def test_the_narratives_fiscal_grand_total_of_0_3_against_the_tables_2961_68() -> None:
    d = putuo(putuo_fiscal_summary(), fiscal=Fiscal(grand_total=A("0.3")))
    (finding,) = audit(d).by_rule("R68")
    assert finding.severity is Severity.ERROR
    assert finding.path == "$.fiscal.grand_total"
    # the other printing: the 总计 row (the ninth of the 收入 panel) of the first table
    assert finding.related == ("$.tables[0].panels[0].rows[8].cells[0]",)
    assert finding.actual == "0.3"
    assert finding.expected == "2961.68"
    assert "0.3" in finding.message.zh and "2961.68" in finding.message.zh
    assert "财政拨款收入支出决算总表" in finding.message.zh


def test_a_narrative_figure_within_both_printings_rounding_is_at_most_a_note() -> None:
    # “支出2940.05万元” against a table in 元: 29,400,500.00 元 → 2940.05 万元 exactly.
    table = StandardTable(
        TableKind.GENERAL_BUDGET,
        "一般公共预算财政拨款支出决算表",
        (Panel((_T, _BASIC, _PROJECT), (_line(Line.TOTAL, A.from_yuan("29400500.00"), None, None),)),),
        unit=Unit.YUAN,
    )
    assert errors(putuo(table, general_budget=GeneralBudget(total=A("2940.05"))), "R68") == []
    # 2940.06 cannot be the same figure: 0.01 apart, allowance 0.005 + 0.0000005
    assert errors(putuo(table, general_budget=GeneralBudget(total=A("2940.06"))), "R68") == [
        ("$.general_budget.total", ("$.tables[0].panels[0].rows[0].cells[0]",))
    ]


def test_a_class_cell_changed_inside_the_table_is_an_error_of_its_column_total() -> None:
    table = putuo_fiscal_summary().replace_cell(FunctionCode("221"), _GPB, A("446.69"))
    found = errors(putuo(table), "R65") + errors(putuo(table), "R64")
    paths = {path for path, _ in found}
    # 本年支出合计's 一般公共预算 column ≠ Σ 类; the 221 row's 合计 ≠ Σ funds
    assert "$.tables[0].panels[1].rows[4].cells[1]" in paths
    assert "$.tables[0].panels[1].rows[3].cells[0]" in paths


def test_a_fund_that_does_not_balance_is_an_error() -> None:
    table = putuo_fiscal_summary().replace_cell(Line.CLOSING_BALANCE, _GPB, A("31.63"))
    paths = [path for path, _ in errors(putuo(table), "R66")]
    assert "$.tables[0].panels[1].rows[5].cells[1]" in paths  # 年末 ≠ 年初 + 收入 − 支出


def _summary(revenue_total: str, expenditure_total: str) -> StandardTable:
    return StandardTable(
        TableKind.SUMMARY,
        "收入支出决算总表",
        (
            Panel(
                (_AMT,),
                (
                    _line(Line.GENERAL_BUDGET_REVENUE, A(revenue_total)),
                    _line(Line.REVENUE_TOTAL, A(revenue_total)),
                ),
                Side.REVENUE,
            ),
            Panel((_AMT,), (_line(Line.EXPENDITURE_TOTAL, A(expenditure_total)),), Side.EXPENDITURE),
        ),
    )


def _revenue_table(total: str) -> StandardTable:
    columns = (_T, Column(Measure.FISCAL), Column(Measure.OTHER_REVENUE))
    return StandardTable(
        TableKind.REVENUE, "收入决算表", (Panel(columns, (_line(Line.TOTAL, A(total), A(total), DASH),)),)
    )


def test_the_same_figure_in_two_tables_must_agree_and_the_finding_names_both() -> None:
    assert errors(putuo(_summary("2940.05", "2940.05"), _revenue_table("2940.05")), "R67") == []
    found = errors(putuo(_summary("2946.25", "2940.05"), _revenue_table("2940.05")), "R67")
    assert ("$.tables[0].panels[0].rows[1].cells[0]", ("$.tables[1].panels[0].rows[0].cells[0]",)) in found


def _spending(kind: TableKind, basic: str, project: str) -> StandardTable:
    total = A(basic) + A(project)
    return StandardTable(
        kind, kind.value, (Panel((_T, _BASIC, _PROJECT), (_line(Line.TOTAL, total, A(basic), A(project)),)),)
    )


def test_fiscal_spending_may_be_below_all_spending_but_never_above() -> None:
    below = putuo(
        _spending(TableKind.GENERAL_BUDGET, "100", "10"), _spending(TableKind.EXPENDITURE, "120", "10")
    )
    assert errors(below, "R67") == []
    above = putuo(
        _spending(TableKind.GENERAL_BUDGET, "130", "10"), _spending(TableKind.EXPENDITURE, "120", "10")
    )
    assert [path for path, _ in errors(above, "R67")] == ["$.tables[0].panels[0].rows[0].cells[1]"]


def test_a_table_of_the_set_that_is_missing_is_a_warning_naming_it() -> None:
    d = attrs.evolve(putuo(putuo_fiscal_summary()), table_set="mof-9")
    found = audit(d).by_rule("R69")
    assert len(found) == 8
    assert {f.severity for f in found} == {Severity.WARNING}
    assert any("公开01表收入支出决算总表" in f.message.zh for f in found)


def test_an_empty_table_without_a_note_is_a_warning() -> None:
    empty = StandardTable(
        TableKind.GOVERNMENT_FUND,
        "政府性基金预算财政拨款收入支出决算表",
        (Panel((Column(Measure.EXPENDITURE),), (_line(Line.TOTAL, None),)),),
    )
    assert [f.path for f in audit(putuo(empty)).by_rule("R70")] == ["$.tables[0].notes"]
    noted = attrs.evolve(
        empty, notes=("说明：本单位本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。",)
    )
    assert audit(putuo(noted)).by_rule("R70") == ()


@pytest.mark.parametrize("name", ["上海市XX局", "××区财政局", "某单位"])
def test_a_placeholder_department_name_is_a_warning(name: str) -> None:
    (finding,) = audit(Disclosure(year=2024, department=name)).by_rule("R71")
    assert finding.severity is Severity.WARNING
    assert audit(Disclosure(year=2024, department="上海市普陀区财政局")).by_rule("R71") == ()


def test_three_public_budget_and_actual_columns_each_add_up() -> None:
    def col(measure: Measure, basis: Basis) -> Column:
        return Column(measure, basis)

    measures = (
        Measure.THREE_PUBLIC_TOTAL,
        Measure.OUTBOUND,
        Measure.VEHICLES,
        Measure.VEHICLE_PURCHASE,
        Measure.VEHICLE_OPERATION,
        Measure.RECEPTION,
    )
    columns = tuple(col(m, b) for b in (Basis.BUDGET, Basis.ACTUAL) for m in measures)
    budget = (A("10"), A("2"), A("5"), A("0"), A("5"), A("3"))
    actual = (A("9"), A("1"), A("5"), A("1"), A("4"), A("4"))  # 1 + 5 + 4 = 10, not 9
    table = StandardTable(
        TableKind.THREE_PUBLIC,
        "财政拨款“三公”经费支出决算表",
        (Panel(columns, (_line(Line.THREE_PUBLIC, *budget, *actual),)),),
    )
    assert [path for path, _ in errors(putuo(table), "R64")] == ["$.tables[0].panels[0].rows[0].cells[6]"]


# --- the published ledger: every cell sits in some identity ----------------------------------------


def test_a_published_ledger_with_its_tables_audits_without_errors_or_warnings() -> None:
    published = load_example("xiqu-2021", "ledger").publish()
    assert published.tables
    report = audit(published)
    assert [f for f in report.findings if f.severity is not Severity.NOTE] == []


def test_changing_any_single_table_cell_by_one_is_an_error() -> None:
    published = load_example("xiqu-2021", "ledger").publish()
    baseline = {(f.rule, f.path) for f in audit(published).errors}
    assert baseline == set()
    checked = 0
    for t, table in enumerate(published.tables):
        for path, row, column, cell in table.cells():
            value = cell if isinstance(cell, Amount) else A("0.00")
            changed = table.replace_cell(row.key, column, value + A("1.00"))
            tables = (*published.tables[:t], changed, *published.tables[t + 1 :])
            report = audit(attrs.evolve(published, tables=tables))
            assert report.errors, f"table {t} {table.title} {path} ({row.label} × {column.label})"
            checked += 1
    assert checked > 200


def test_exact_tables_hold_every_identity_so_a_ledger_is_audited_without_them() -> None:
    # ``audit(ledger)`` publishes the narrative alone: the exact tables, built from the same sums,
    # hold every table identity with zero tolerance, as this shows for the seed's ledger.
    ledger = load_example("xiqu-2021", "ledger")
    exact = ledger.publish(places=None)
    table_rules = {"R64", "R65", "R66", "R67", "R68", "R69", "R70", "R71"}
    assert [f for f in audit(exact).findings if f.rule in table_rules] == []
    assert audit(ledger).findings == audit(ledger.publish(places=None, tables=False)).findings


def test_a_ledger_with_some_three_public_budgets_prints_a_table_that_adds_up() -> None:
    from budgetacct.model import ThreePublicAccount

    ledger = load_example("xiqu-2021", "ledger")
    account = ThreePublicAccount(domestic_reception=A("0.07"), budget_domestic_reception=A("0.10"))
    published = attrs.evolve(ledger, three_public=account).publish()
    table = next(t for t in published.tables if t.kind is TableKind.THREE_PUBLIC)
    budget = Basis.BUDGET
    assert table.cell(Line.THREE_PUBLIC, Column(Measure.RECEPTION, budget)) == A("0.10")
    assert table.cell(Line.THREE_PUBLIC, Column(Measure.THREE_PUBLIC_TOTAL, budget)) == A("0.10")
    assert table.cell(Line.THREE_PUBLIC, Column(Measure.OUTBOUND, budget)) is None  # no budget: blank
    # the narrative states no 合计 budget (a part has none); the table adds what it prints
    assert published.three_public is not None and published.three_public.total.budget is None
    assert [f for f in audit(published).findings if f.severity is not Severity.NOTE] == []
