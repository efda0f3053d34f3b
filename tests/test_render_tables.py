"""Standard tables: building from the seed and from a Ledger, alignment, renderers, notes."""

from __future__ import annotations

import builtins
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from budgetacct import Amount, load_example
from budgetacct.codes import FunctionCode
from budgetacct.errors import BudgetAcctError, InvalidValue
from budgetacct.model import Disclosure, FundSpending, Ledger
from budgetacct.model.section_tables import table_from_sections, tables_from_sections
from budgetacct.model.table_specs import TABLE_SETS
from budgetacct.model.tables import DASH, Column, Line, Measure, Panel, StandardTable, TableKind, TableRow
from budgetacct.money import Unit
from budgetacct.render.tables import (
    MissingDependency,
    Table,
    display_width,
    layout,
    printed_tables,
    standard_tables,
    to_html,
    to_markdown,
    to_text,
    to_xlsx,
)

MOF_TITLES = [
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款基本支出决算表",
    "财政拨款“三公”经费支出决算表",
    "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款支出决算表",
]
SICHUAN_TITLES = [
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款收入支出决算总表",
    "财政拨款支出决算明细表",
    "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款支出决算明细表",
    "一般公共预算财政拨款基本支出决算表",
    "一般公共预算财政拨款项目支出决算表",
    "财政拨款“三公”经费支出决算表",
    "政府性基金预算财政拨款收入支出决算表",
    "政府性基金预算财政拨款“三公”经费支出决算表",
    "国有资本经营预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款支出决算表",
]


@pytest.fixture(scope="module")
def seed() -> Disclosure:
    return load_example("xiqu-2021")


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return load_example("xiqu-2021", "ledger")


def test_seed_tables_build(seed: Disclosure) -> None:
    mof = standard_tables(seed)
    assert [t.title for t in mof] == MOF_TITLES
    assert [t.number for t in mof] == [f"公开{i:02d}表" for i in range(1, 10)]
    sichuan = standard_tables(seed, set="sichuan-14")
    assert [t.title for t in sichuan] == SICHUAN_TITLES
    assert sichuan[-1].number == "十四"
    for table in (*mof, *sichuan):
        assert table.department == "攀枝花市西区人民政府办公室"
        assert table.unit == "万元"
        assert all(len(row.cells) == table.width for row in table.rows)
        for header in table.header_rows:
            assert sum(c.colspan for c in header) == table.width


def _body_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("|")]


@pytest.mark.parametrize("set_", ["mof-9", "sichuan-14"])
def test_text_columns_align(seed: Disclosure, ledger: Ledger, set_: Any) -> None:
    for source in (seed, ledger):
        for table in standard_tables(source, set=set_):
            lines = _body_lines(to_text(table))
            assert lines
            widths = {display_width(line) for line in lines}
            assert len(widths) == 1, (table.title, widths)
            # the column separators sit at the same display offsets on every line
            bars = {
                tuple(display_width(line[:i]) for i, ch in enumerate(line) if ch == "|")
                for line in lines
                if not line.startswith("|-")
            }
            rule = next(line for line in lines if line.startswith("|-"))
            offsets = tuple(i for i, ch in enumerate(rule) if ch == "|")
            assert all(set(b) <= set(offsets) for b in bars), table.title


def test_text_layout_of_the_gpb_table(seed: Disclosure) -> None:
    text = to_text(standard_tables(seed)[4])
    assert "公开05表 一般公共预算财政拨款支出决算表" in text
    assert "编制单位：攀枝花市西区人民政府办公室" in text
    assert "| 201  | 03 | 01 | 行政运行" in text
    assert "| 423.59 |" in text
    assert "783.00" in text and "739.00" in text


def test_display_width() -> None:
    assert display_width("合计") == 4
    assert display_width("“三公”") == 6  # curly quotes are ambiguous width: counted 1
    assert display_width("ａ") == 2


def test_markdown_and_html_contain_figures(seed: Disclosure) -> None:
    t1 = standard_tables(seed)[0]
    md = to_markdown(t1)
    assert "| 收入 / 项目 |" in md
    assert "830.63" in md and "874.63" in md and "739.00" in md
    html = to_html(t1)
    assert t1._repr_html_() == html
    assert '<th colspan="3">收入</th>' in html
    assert '<td style="text-align:right">874.63</td>' in html
    tp = standard_tables(seed)[6]
    assert "0.07" in to_markdown(tp)
    assert "预算数 / 合计" in to_markdown(tp)


def test_amounts_use_table_style() -> None:
    d = Disclosure(
        year=2022,
        department="示例局",
        government_fund=FundSpending(
            total=Amount("1234.5"), opening_balance=Amount("0"), revenue=Amount("1234.5")
        ),
    )
    t = standard_tables(d)[7]
    assert "1,234.50" in to_text(t)
    assert t.note is None


def test_ledger_fills_every_table_with_data(ledger: Ledger) -> None:
    tables = standard_tables(ledger)
    published = standard_tables(ledger.publish())
    assert tables == published
    by_title = {t.title: t for t in tables}
    for title in MOF_TITLES[:8]:
        assert by_title[title].has_data, title
    # 公开03: function rows with the kind columns
    t3 = by_title["支出决算表"]
    rows = {row.cells[:3]: row for row in t3.rows}
    assert rows[("201", "03", "01")].cells[4] == Amount("423.59")
    assert rows[("212", "08", "99")].cells[6] == Amount("91.50")
    # 基本支出: economic lines (类 and 款) in both blocks, their 合计 lines level, then 合计
    t6 = by_title["一般公共预算财政拨款基本支出决算表"]
    assert t6.rows[0].cells[:2] == ("301", "工资福利支出")
    assert t6.rows[1].cells[:2] == ("30101", "基本工资")
    assert t6.rows[0].cells[3:5] == ("302", "商品和服务支出")
    assert t6.rows[-2].cells[::3] == ("人员经费合计", "公用经费合计")
    assert (t6.rows[-2].cells[2], t6.rows[-1].cells[2]) == (Amount("664.73"), Amount("739.00"))
    # 公开09: nothing, stated as such
    assert by_title["国有资本经营预算财政拨款支出决算表"].note == (
        "本部门2021年度没有国有资本经营预算财政拨款支出，故本表无数据。"
    )


def test_empty_tables_carry_the_note(seed: Disclosure) -> None:
    soe = standard_tables(seed)[8]
    assert not soe.has_data
    assert soe.note == "本部门2021年度没有国有资本经营预算财政拨款支出，故本表无数据。"
    assert soe.note in to_text(soe) and soe.note in to_markdown(soe) and soe.note in to_html(soe)
    # tables with figures carry no note; a figure the disclosure does not state is not a zero
    assert all(t.note is None for t in standard_tables(seed)[:8])
    zero = Disclosure(
        year=2023, department="示例局", general_budget=None, state_capital=FundSpending(total=Amount(0))
    )
    notes = {t.title: t.note for t in standard_tables(zero, set="sichuan-14")}
    assert (
        notes["国有资本经营预算财政拨款支出决算表"]
        == "本部门2023年度没有国有资本经营预算财政拨款支出，故本表无数据。"
    )
    assert notes["一般公共预算财政拨款支出决算表"] is None


def test_bad_arguments(seed: Disclosure) -> None:
    with pytest.raises(InvalidValue):
        standard_tables(seed, set="nope")  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        standard_tables("x")  # type: ignore[arg-type]


def test_xlsx_without_openpyxl(seed: Disclosure, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("openpyxl"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(MissingDependency, match=r"pip install budgetacct\[excel\]") as info:
        to_xlsx(standard_tables(seed), tmp_path / "out.xlsx")
    assert isinstance(info.value, BudgetAcctError)
    assert isinstance(info.value, ImportError)


def test_xlsx(seed: Disclosure, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "tables.xlsx"
    tables = standard_tables(seed, set="sichuan-14")
    to_xlsx(tables, path)
    book = openpyxl.load_workbook(path)
    assert len(book.sheetnames) == 14
    sheet = book[book.sheetnames[0]]
    assert sheet["A1"].value == "一 收入支出决算总表"
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert Decimal("874.63") in [Decimal(str(v)) for v in values if isinstance(v, int | float | Decimal)]


def test_table_str(seed: Disclosure) -> None:
    t = standard_tables(seed)[0]
    assert isinstance(t, Table)
    assert str(t) == to_text(t)


# --- tables as printed (Disclosure.tables), laid out by their specs ---------------------------------


def _printed_in_yuan() -> Disclosure:
    """A 一般公共预算财政拨款支出决算表 printed in 元: a dash, a blank, a note, codes 类/款/项."""
    columns = (Column(Measure.TOTAL), Column(Measure.BASIC), Column(Measure.PROJECT))
    rows = (
        TableRow.of_line(Line.TOTAL, (Amount("2961.6800"), Amount("2961.68"), DASH)),
        TableRow.of_function(
            FunctionCode("201"), (Amount("2961.68"), Amount("2961.68"), None), name="一般公共服务支出"
        ),
        TableRow.of_function(FunctionCode("2010601"), (Amount("0.0001"), DASH, None), name="行政运行"),
    )
    table = StandardTable(
        TableKind.GENERAL_BUDGET,
        "一般公共预算财政拨款支出决算表",
        (Panel(columns, rows),),
        number="表五",
        unit=Unit.YUAN,
        notes=("注：本表金额以元为单位。",),
    )
    return Disclosure(year=2024, department="上海市普陀区财政局", tables=(table,), table_set="shanghai-2024")


def test_a_printed_table_is_rendered_as_printed() -> None:
    (table,) = standard_tables(_printed_in_yuan())
    assert (table.number, table.title, table.unit) == ("表五", "一般公共预算财政拨款支出决算表", "元")
    text = to_text(table)
    # 本年支出 over 合计 / 基本支出 / 项目支出, 科目编码 split into 类 / 款 / 项
    assert [cell.text for cell in table.header_rows[0]] == ["科目编码", "科目名称", "本年支出"]
    assert [cell.text for cell in table.header_rows[1]] == [
        "类",
        "款",
        "项",
        "",
        "合计",
        "基本支出",
        "项目支出",
    ]
    # the digits printed in 元; a dash a dash, a blank blank
    assert table.rows[0].cells[4:] == (Amount("29616800"), Amount("29616800"), DASH)
    assert "| 合计 |    |    |                  | 29,616,800 | 29,616,800 |        - |" in text
    assert "| 201  | 06 | 01 | 行政运行         |          1 |          - |          |" in text
    assert "金额单位：元" in text
    assert text.endswith("注：本表金额以元为单位。")
    assert "注：本表金额以元为单位。" in to_markdown(table) and "注：本表金额以元为单位。" in to_html(table)
    assert '<td style="text-align:right">-</td>' in to_html(table)


def test_codes_as_one_column() -> None:
    (table,) = standard_tables(_printed_in_yuan(), split_codes=False)
    assert [cell.text for cell in table.header_rows[-1]][:2] == ["", ""]
    assert table.rows[2].cells[:2] == ("2010601", "行政运行")
    assert table.rows[0].cells[:2] == ("合计", "")


def test_the_three_public_table_prints_budget_and_actual_under_each_part(ledger: Ledger) -> None:
    tables = {t.title: t for t in standard_tables(ledger, set="mof-9")}
    table = tables["财政拨款“三公”经费支出决算表"]
    assert [(c.text, c.colspan) for c in table.header_rows[0]] == [("预算数", 6), ("决算数", 6)]
    assert [c.text for c in table.header_rows[1]][:3] == [
        "合计",
        "因公出国（境）费",
        "公务用车购置及运行维护费",
    ]
    assert table.header_rows[1][2].colspan == 3
    assert [c.text for c in table.header_rows[2]][2:5] == ["小计", "公务用车购置费", "公务用车运行维护费"]
    assert table.width == 12 and len(table.rows) == 1  # no 项目 column: the one line is the table


def test_a_ledger_renders_the_tables_it_publishes(ledger: Ledger) -> None:
    published = ledger.publish(tables="mof-9")
    assert printed_tables(published) == published.tables
    texts = [to_text(t) for t in standard_tables(published)]
    assert texts == [to_text(layout(t, department=ledger.department, year=2021)) for t in published.tables]
    # asked for another set: each printed table of its kind renumbered, the others from the sections
    sichuan = printed_tables(published, "sichuan-14")
    assert [t.number for t in sichuan][:3] == ["一", "二", "三"]
    assert sichuan[0].panels == published.tables[0].panels
    assert sichuan[4] == table_from_sections(published, TABLE_SETS["sichuan-14"].entries[4], "sichuan-14")


def test_a_narrative_is_laid_out_through_the_same_specs(seed: Disclosure) -> None:
    assert seed.tables == ()
    from_sections = tables_from_sections(seed, "mof-9")
    assert printed_tables(seed) == from_sections
    assert [to_text(t) for t in standard_tables(seed)] == [
        to_text(layout(t, department=seed.department, year=seed.year)) for t in from_sections
    ]
    # never a figure the narrative does not state: 公开05表's 合计 row has no 项目支出
    t5 = from_sections[4]
    assert t5.cell(Line.TOTAL, Column(Measure.PROJECT)) is None
    assert t5.cell(Line.TOTAL, Column(Measure.TOTAL)) == Amount("783.00")


def test_the_university_set_uses_its_own_layout(ledger: Ledger) -> None:
    tables = standard_tables(ledger, set="university-4")
    assert [t.number for t in tables] == ["表1", "表2", "表3", "表4"]
    revenue = tables[1]
    # 其中：教育收费 is a part of 事业收入, printed under it
    assert ("事业收入", 2) in [(c.text, c.colspan) for c in revenue.header_rows[0]]
    assert "其中：教育收费" in [c.text for c in revenue.header_rows[1]]
    assert "其中：捐赠收入" in to_text(tables[0])


def test_a_table_printed_without_panels_shows_its_note() -> None:
    table = StandardTable(
        TableKind.STATE_CAPITAL, "国有资本经营预算财政拨款收入支出决算表", notes=("本表无数据。",)
    )
    shown = layout(table, department="示例局")
    assert shown.rows == () and shown.note == "本表无数据。"
    assert to_text(shown).endswith("本表无数据。")
