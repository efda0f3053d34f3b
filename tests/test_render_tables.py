"""Standard tables: building from the seed and from a Ledger, alignment, renderers, notes."""

from __future__ import annotations

import builtins
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from budgetacct import Amount, load_example
from budgetacct.errors import BudgetAcctError, InvalidValue
from budgetacct.model import Disclosure, FundSpending, Ledger
from budgetacct.render.tables import (
    MissingDependency,
    Table,
    display_width,
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
