"""The standard tables in the model: construction, lookup, the layout specs and the published tables."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetacct import Amount, load_example
from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.errors import InvalidValue
from budgetacct.model.publish_tables import TEMPLATE_TABLE_SETS, publish_tables
from budgetacct.model.table_specs import SPECS, TABLE_SETS, find_spec, normalize_title, spec_for
from budgetacct.model.tables import (
    DASH,
    Basis,
    Column,
    Line,
    Measure,
    Panel,
    RowRole,
    Side,
    StandardTable,
    TableKind,
    TableRow,
    cell_value,
)

_T, _B, _P = Column(Measure.TOTAL), Column(Measure.BASIC), Column(Measure.PROJECT)


def _panel() -> Panel:
    return Panel(
        (_T, _B, _P),
        (
            TableRow.of_line(Line.TOTAL, (Amount("10.00"), Amount("7.00"), Amount("3.00")), name="合计"),
            TableRow.of_function(FunctionCode("201"), (Amount("10.00"), Amount("7.00"), DASH)),
            TableRow.of_function(FunctionCode("20103"), (Amount("10.00"), None, Amount("3.00"))),
        ),
    )


# --- construction -------------------------------------------------------------------------------


def test_a_cell_is_an_amount_a_blank_or_a_dash_and_the_three_stay_apart() -> None:
    table = StandardTable(TableKind.GENERAL_BUDGET, "一般公共预算财政拨款支出决算表", (_panel(),))
    assert table.cell(FunctionCode("201"), _P) is DASH
    assert table.cell(FunctionCode("20103"), _B) is None
    assert table.cell(FunctionCode("20103"), _P) == Amount("3.00")
    assert cell_value(DASH) is None and cell_value(None) is None
    assert cell_value(Amount("3")) == Amount("3")


@pytest.mark.parametrize(
    ("cells", "path"),
    [
        ((Amount("1"), 1.5, None), "$.cells[1]"),
        ((Amount("1"), "-", None), "$.cells[1]"),
        ((Amount("-1"), None, None), "$.cells[0]"),
    ],
)
def test_a_bad_cell_is_refused_with_its_path(cells: tuple[object, ...], path: str) -> None:
    with pytest.raises(InvalidValue) as info:
        TableRow.of_line(Line.TOTAL, cells)  # type: ignore[arg-type]
    assert info.value.path == path


def test_a_row_has_exactly_one_key() -> None:
    with pytest.raises(InvalidValue, match="exactly one row key"):
        TableRow((Amount("1"),), function=FunctionCode("201"), line=Line.TOTAL)
    with pytest.raises(InvalidValue, match="exactly one row key"):
        TableRow((Amount("1"),))


def test_rows_fit_the_columns_and_keys_do_not_repeat() -> None:
    with pytest.raises(InvalidValue, match="3 cells") as info:
        Panel((_T, _B, _P), (TableRow.of_line(Line.TOTAL, (Amount("1"),)),))
    assert info.value.path == "$.rows[0].cells"
    with pytest.raises(InvalidValue, match="not used before"):
        Panel((_T,), (TableRow.of_line(Line.TOTAL, (None,)), TableRow.of_line(Line.TOTAL, (None,))))
    with pytest.raises(InvalidValue, match="columns without repeats"):
        Panel((_T, _T))


def test_row_roles_come_from_the_key() -> None:
    assert TableRow.of_line(Line.REVENUE_GRAND_TOTAL, (None,)).role is RowRole.GRAND_TOTAL
    assert TableRow.of_line(Line.TOTAL, (None,)).role is RowRole.TOTAL
    assert TableRow.of_line(Line.PERSONNEL_TOTAL, (None,)).role is RowRole.SUBTOTAL
    assert TableRow.of_economic(EconomicCode("30101"), (None,)).role is RowRole.ITEM


def test_replace_cell_changes_one_cell_only() -> None:
    table = StandardTable(TableKind.GENERAL_BUDGET, "t", (_panel(),))
    changed = table.replace_cell(FunctionCode("201"), _B, Amount("8.00"))
    assert changed.cell(FunctionCode("201"), _B) == Amount("8.00")
    assert [c for *_, c in changed.cells()].count(Amount("8.00")) == 1
    assert table.cell(FunctionCode("201"), _B) == Amount("7.00")
    with pytest.raises(KeyError):
        table.replace_cell(FunctionCode("205"), _B, None)


def test_column_labels_name_the_basis_when_it_is_not_the_actuals() -> None:
    assert Column(Measure.BASIC).label == "基本支出"
    assert Column(Measure.RECEPTION, Basis.BUDGET).label == "预算数·公务接待费"


# --- specs and sets -----------------------------------------------------------------------------


def test_every_table_of_every_set_has_a_spec_and_every_spec_is_in_a_set() -> None:
    in_sets = {entry.kind for s in TABLE_SETS.values() for entry in s.entries}
    # 机关运行经费 and 政府采购 tables are local additions: specs in no set
    assert set(SPECS) - {TableKind.OPERATING_COSTS, TableKind.PROCUREMENT} == in_sets
    for s in TABLE_SETS.values():
        for entry in s.entries:
            assert spec_for(entry.kind, s.name).kind is entry.kind


def test_the_sets_list_the_tables_their_templates_print() -> None:
    assert len(TABLE_SETS["mof-9"].entries) == 9
    assert len(TABLE_SETS["sichuan-14"].entries) == 14
    assert len(TABLE_SETS["shanghai-2024"].entries) == 9
    assert [e.number for e in TABLE_SETS["university-4"].entries] == ["表1", "表2", "表3", "表4"]
    # Shanghai 2024 prints the 国有资本经营 table as 收入支出决算表; the MoF 2021 set as 支出决算表.
    assert TABLE_SETS["shanghai-2024"].kinds()[-1] is TableKind.STATE_CAPITAL
    assert TABLE_SETS["mof-9"].kinds()[-1] is TableKind.STATE_CAPITAL_EXPENDITURE


def test_specs_have_distinct_columns_and_sums_over_their_own_columns() -> None:
    for spec in (*SPECS.values(), spec_for(TableKind.SUMMARY, "university-4")):
        for panel in spec.panels:
            columns = panel.column_keys()
            assert len(set(columns)) == len(columns), spec.kind
            for row_sum in panel.row_sums:
                assert row_sum.total in columns
                assert set(row_sum.parts) <= set(columns)
            lines = {s.line for s in panel.lines}
            for line_sum in panel.line_sums:
                assert line_sum.total in lines
                assert {p for p in line_sum.parts if isinstance(p, Line)} <= lines


# Titles as real reports print them (the corpus and the seed's 附表 list).
@pytest.mark.parametrize(
    ("printed", "kind"),
    [
        ("表 1：高等学校收支决算总表", TableKind.SUMMARY),
        ("表 4：高等学校财政拨款支出决算表", TableKind.FISCAL_DETAIL),
        ("一、收入支出决算总表", TableKind.SUMMARY),
        ("八、一般公共预算财政拨款基本支出决算表", TableKind.GENERAL_BUDGET_BASIC),
        ("一般公共预算财政拨款基本支出决算明细表", TableKind.GENERAL_BUDGET_BASIC),
        ("十、一般公共预算财政拨款“三公”经费支出决算表", TableKind.THREE_PUBLIC),
        ('财政拨款"三公"经费支出决算表', TableKind.THREE_PUBLIC),
        ("公开05表 一般公共预算财政拨款支出决算表", TableKind.GENERAL_BUDGET),
        ("七、一般公共预算财政拨款支出决算明细表", TableKind.GENERAL_BUDGET_DETAIL),
        ("十二、政府性基金预算财政拨款“三公”经费支出决算表", TableKind.GOVERNMENT_FUND_THREE_PUBLIC),
        ("十三、国有资本经营预算财政拨款收入支出决算表", TableKind.STATE_CAPITAL),
        ("十四、国有资本经营预算财政拨款支出决算表", TableKind.STATE_CAPITAL_EXPENDITURE),
        ("财 政 拨 款 收 入 支 出 决 算 总 表", TableKind.FISCAL_SUMMARY),
    ],
)
def test_find_spec_reads_printed_titles(printed: str, kind: TableKind) -> None:
    spec = find_spec(printed)
    assert spec is not None
    assert spec.kind is kind


def test_find_spec_does_not_guess() -> None:
    assert find_spec("部门整体绩效评价报告") is None
    assert find_spec("名词解释") is None


@given(st.text(alphabet=" 　()（）:：、,，.．-—_0123456789", max_size=8))
def test_normalize_title_ignores_spacing_and_numbering(noise: str) -> None:
    assert normalize_title(noise + "收入决算表") == "收入决算表"


# --- published tables ---------------------------------------------------------------------------


def test_published_tables_print_the_ledgers_figures_rounded_cell_by_cell() -> None:
    ledger = load_example("xiqu-2021", "ledger")
    tables = {t.kind: t for t in publish_tables(ledger, "sichuan-14")}
    summary = tables[TableKind.SUMMARY]
    a = Column(Measure.AMOUNT)
    # 攀枝花市西区人民政府办公室 2021: 收、支总计各为874.63万元; 年初结转和结余44万元 (seed §一).
    assert summary.cell(Line.REVENUE_GRAND_TOTAL, a) == Amount("874.63")
    assert summary.cell(Line.EXPENDITURE_GRAND_TOTAL, a) == Amount("874.63")
    assert summary.cell(Line.OPENING_BALANCE, a) == Amount("44.00")
    assert summary.cell(Line.GENERAL_BUDGET_REVENUE, a) == Amount("739.00")
    assert [p.side for p in summary.panels] == [Side.REVENUE, Side.EXPENDITURE]
    gpb = tables[TableKind.GENERAL_BUDGET]
    assert gpb.cell(FunctionCode("2010301"), _T) == Amount("423.59")
    assert gpb.cell(Line.TOTAL, _T) == Amount("783.00")
    basic = tables[TableKind.GENERAL_BUDGET_BASIC]
    assert basic.cell(Line.PERSONNEL_TOTAL, a) == Amount("664.73")
    assert basic.cell(Line.PUBLIC_TOTAL, a) == Amount("74.27")
    # a table with nothing in it says so
    assert tables[TableKind.GOVERNMENT_FUND_THREE_PUBLIC].notes == (
        "本部门2021年度没有政府性基金预算财政拨款“三公”经费支出，故本表无数据。",
    )
    assert not tables[TableKind.GOVERNMENT_FUND_THREE_PUBLIC].has_data


def test_published_tables_keep_exact_figures_when_asked() -> None:
    ledger = load_example("xiqu-2021", "ledger")
    exact = {t.kind: t for t in publish_tables(ledger, "mof-9", places=None)}
    total = exact[TableKind.SUMMARY].cell(Line.REVENUE_TOTAL, Column(Measure.AMOUNT))
    assert isinstance(total, Amount)
    assert str(total.value) == str(ledger.revenue_total().value)


def test_each_template_names_a_known_set() -> None:
    assert set(TEMPLATE_TABLE_SETS.values()) <= set(TABLE_SETS)
