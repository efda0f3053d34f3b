"""Reading the standard tables back from .xlsx: round trips, audits, bad cells, the CLI."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from budgetacct import Amount, Disclosure, Ledger, audit, load_example, strategies
from budgetacct.cli import main
from budgetacct.codes import FunctionCode
from budgetacct.errors import InputError, MissingDependency
from budgetacct.io import loads
from budgetacct.io.excel import XlsxImport, load_xlsx, read_xlsx
from budgetacct.model import RevenueSource
from budgetacct.model.tables import DASH, Column, Line, Measure, Panel, StandardTable, TableKind, TableRow
from budgetacct.money import Unit
from budgetacct.render.tables import standard_tables, to_text, to_xlsx

openpyxl: Any = pytest.importorskip("openpyxl")

SETS = ("mof-9", "sichuan-14")


def write(disclosure: Disclosure, path: Path, table_set: str = "mof-9") -> Path:
    to_xlsx(standard_tables(disclosure, set=table_set), path)  # type: ignore[arg-type]
    return path


def texts(disclosure: Disclosure, table_set: str) -> list[str]:
    return [to_text(t) for t in standard_tables(disclosure, set=table_set)]  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def seed() -> Disclosure:
    return load_example("xiqu-2021")


@pytest.fixture(scope="module")
def published() -> Disclosure:
    return load_example("xiqu-2021", "ledger").publish()


@pytest.mark.parametrize("table_set", SETS)
def test_seed_round_trip_gives_the_same_tables(seed: Disclosure, table_set: str, tmp_path: Path) -> None:
    result = read_xlsx(write(seed, tmp_path / "seed.xlsx", table_set))
    assert isinstance(result, XlsxImport)
    assert result.notes == ()
    assert len(result.tables) == (9 if table_set == "mof-9" else 14)
    imported = result.disclosure
    assert (imported.year, imported.department) == (seed.year, seed.department)
    assert texts(imported, table_set) == texts(seed, table_set)
    assert texts(imported, "mof-9") == texts(seed, "mof-9")


def test_seed_sections_the_tables_carry(seed: Disclosure, tmp_path: Path) -> None:
    d = load_xlsx(write(seed, tmp_path / "seed.xlsx"))
    assert d.revenue is not None and seed.revenue is not None
    assert d.revenue.total == seed.revenue.total
    assert [(line.source, line.amount) for line in d.revenue.lines] == [
        (line.source, line.amount) for line in seed.revenue.lines
    ]
    assert d.overview is not None and seed.overview is not None
    assert d.overview.revenue_grand_total == seed.overview.revenue_grand_total
    assert d.expenditure is not None and seed.expenditure is not None
    assert [(k.kind, k.amount) for k in d.expenditure.lines] == [
        (k.kind, k.amount) for k in seed.expenditure.lines
    ]
    assert d.fiscal is not None and seed.fiscal is not None
    assert (d.fiscal.grand_total, d.fiscal.opening_balance) == (
        seed.fiscal.grand_total,
        seed.fiscal.opening_balance,
    )
    assert d.general_budget is not None and seed.general_budget is not None
    assert [(c.code, c.amount, c.name) for c in d.general_budget.classes] == [
        (c.code, c.amount, c.name) for c in seed.general_budget.classes
    ]
    assert d.basic_expenditure is not None and seed.basic_expenditure is not None
    assert d.basic_expenditure.total == seed.basic_expenditure.total
    assert d.three_public is not None and seed.three_public is not None
    assert d.three_public.reception.actual == seed.three_public.reception.actual
    assert d.government_fund is not None and seed.government_fund is not None
    assert d.government_fund.total == seed.government_fund.total


def test_seed_import_audits_like_the_tables_it_carries(seed: Disclosure, tmp_path: Path) -> None:
    imported = load_xlsx(write(seed, tmp_path / "seed.xlsx"))
    sections = audit(attrs.evolve(imported, tables=()))
    assert sections.ok  # the seed's errors are in sections the tables do not carry (staffing, performance)
    # 尾数误差 the seed prints in its tables are still found
    assert "R13" in sections.fired()
    # The narrative does not state every cell: printed as tables, its blanks do not add up, and the
    # table rules (which count a blank as zero) say so, e.g. 公开05表's 合计 row of 783 = 739 + blank.
    tables = audit(imported)
    assert {f.rule for f in tables.errors} <= {"R64", "R65", "R66", "R67"}
    assert "$.tables[4].panels[0].rows[0].cells[0]" in {f.path for f in tables.by_rule("R64")}


@pytest.mark.parametrize("table_set", SETS)
def test_published_ledger_round_trip_audits_clean(
    published: Disclosure, table_set: str, tmp_path: Path
) -> None:
    result = read_xlsx(write(published, tmp_path / "ledger.xlsx", table_set), year=published.year)
    assert result.notes == ()
    assert texts(result.disclosure, table_set) == texts(published, table_set)
    report = audit(result.disclosure)
    assert not report.errors and not report.warnings


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.ledgers())
def test_generated_ledgers_round_trip(ledger: Ledger) -> None:
    disclosure = ledger.publish()
    with tempfile.TemporaryDirectory() as tmp:
        for table_set in SETS:
            result = read_xlsx(write(disclosure, Path(tmp) / "t.xlsx", table_set), year=disclosure.year)
            assert texts(result.disclosure, table_set) == texts(disclosure, table_set)
            assert result.notes == ()
            report = audit(result.disclosure)
            assert not report.errors and not report.warnings


# --- what the reader refuses and notices ----------------------------------------------------------


def edit(path: Path, sheet_index: int, changes: dict[str, object]) -> Path:
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[sheet_index]
    for cell, value in changes.items():
        sheet[cell] = value
    book.save(path)
    return path


def _cell_of(path: Path, sheet_index: int, label: str, column_offset: int = 2) -> str:
    """The coordinate ``column_offset`` columns right of the cell whose text is ``label``."""
    book = openpyxl.load_workbook(path)
    for row in book.worksheets[sheet_index].iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.endswith(label):
                return str(row[cell.column - 1 + column_offset].coordinate)
    raise AssertionError(label)


def test_bad_cells_are_all_reported(seed: Disclosure, tmp_path: Path) -> None:
    path = write(seed, tmp_path / "bad.xlsx")
    total = _cell_of(path, 0, "本年收入合计")
    other = _cell_of(path, 0, "其他收入")
    edit(path, 0, {total: "八百", other: -1})
    with pytest.raises(InputError) as info:
        read_xlsx(path)
    where = {p.path for p in info.value.problems}
    assert where == {f"公开01表!{total}", f"公开01表!{other}"}
    assert "公开01表" in str(info.value)


def test_a_malformed_code_is_reported(seed: Disclosure, tmp_path: Path) -> None:
    path = write(seed, tmp_path / "bad.xlsx")
    edit(path, 4, {"A8": "2x1"})  # 公开05表: the first 类 row is row 8 (3 header rows after 2 title rows)
    with pytest.raises(InputError, match="公开05表!A8"):
        read_xlsx(path)


def test_text_amounts_and_other_units_are_read(seed: Disclosure, tmp_path: Path) -> None:
    path = write(seed, tmp_path / "units.xlsx")
    total = _cell_of(path, 0, "本年收入合计")
    edit(path, 0, {total: "8,306,300.00", "F2": "金额单位：元"})
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(min_row=5):
        for cell in row:
            if isinstance(cell.value, int | float) and cell.column in (3, 6):
                cell.value = cell.value * 10000
    book.save(path)
    d = load_xlsx(path)
    assert d.revenue is not None and seed.revenue is not None
    assert d.revenue.total == Amount("830.63")
    line = d.revenue.get(RevenueSource.GENERAL_BUDGET)
    assert line is not None and line.amount == Amount("739")


def test_disagreeing_tables_are_noted(seed: Disclosure, tmp_path: Path) -> None:
    path = write(seed, tmp_path / "conflict.xlsx")
    total = _cell_of(path, 0, "本年支出合计", 2)
    edit(path, 0, {total: 900})
    result = read_xlsx(path)
    assert any("900" in note and "874.5" in note for note in result.notes)


def without_notes(path: Path) -> Path:
    """The workbook without the “本部门2021年度没有…” notes (the only place a year is written)."""
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("本部门"):
                    cell.value = None
    book.save(path)
    return path


def test_year_must_be_known(published: Disclosure, tmp_path: Path) -> None:
    path = without_notes(write(published, tmp_path / "noyear.xlsx"))
    with pytest.raises(InputError, match="year"):
        read_xlsx(path)
    assert read_xlsx(path, year=2021).disclosure.year == 2021


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(InputError):
        read_xlsx(path)
    with pytest.raises(InputError):
        read_xlsx(tmp_path / "missing.xlsx")


def test_other_sheets_are_skipped_with_a_note(seed: Disclosure, tmp_path: Path) -> None:
    path = write(seed, tmp_path / "extra.xlsx")
    book = openpyxl.load_workbook(path)
    book.create_sheet("说明")["A1"] = "填表说明"
    book.save(path)
    result = read_xlsx(path)
    assert any("说明" in note for note in result.notes)
    empty = tmp_path / "empty.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "hello"
    book.save(empty)
    with pytest.raises(InputError):
        read_xlsx(empty)


def test_a_changed_header_is_refused(seed: Disclosure, tmp_path: Path) -> None:
    path = edit(write(seed, tmp_path / "header.xlsx"), 2, {"E3": "备注"})
    with pytest.raises(InputError, match="公开03表"):
        read_xlsx(path)


def test_missing_openpyxl_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingDependency, match=r"budgetacct\[excel\]"):
        read_xlsx(tmp_path / "x.xlsx")


# --- CLI ------------------------------------------------------------------------------------------


def test_cli_import_xlsx_and_audit(
    seed: Disclosure, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = tmp_path / "tables.xlsx"
    assert main(["tables", "--example", "xiqu-2021", "--format", "xlsx", "-o", str(workbook)]) == 0
    out = tmp_path / "disclosure.json"
    assert main(["import-xlsx", str(workbook), "-o", str(out)]) == 0
    imported = loads(out.read_text(encoding="utf-8"))
    assert isinstance(imported, Disclosure)
    assert texts(imported, "mof-9") == texts(seed, "mof-9")
    capsys.readouterr()
    status = main(["audit", str(workbook), "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    # The seed leaves figures out (财政拨款 spending by fund, some balances), so the tables printed
    # from it leave those cells blank and do not add up: the table rules report errors, exit 1.
    assert status == 1
    assert {f["rule"] for f in findings if f["severity"] == "error"} == {"R64", "R65", "R66", "R67"}
    assert [f["rule"] for f in findings] == [f.rule for f in audit(imported).findings]
    assert main(["import-xlsx", str(workbook)]) == 0
    assert loads(capsys.readouterr().out) == imported


def test_cli_import_xlsx_year_and_errors(
    published: Disclosure, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = without_notes(write(published, tmp_path / "ledger.xlsx"))
    assert main(["import-xlsx", str(workbook)]) == 2
    assert "year" in capsys.readouterr().err
    assert main(["import-xlsx", str(workbook), "--year", "2021"]) == 0
    assert loads(capsys.readouterr().out).year == 2021  # type: ignore[union-attr]
    assert main(["import-xlsx", str(tmp_path / "missing.xlsx")]) == 2
    assert main(["audit", str(tmp_path / "missing.xlsx")]) == 2


def test_cli_charts_and_tables_accept_a_workbook(seed: Disclosure, tmp_path: Path) -> None:
    workbook = write(seed, tmp_path / "tables.xlsx")
    assert main(["tables", str(workbook), "--table", "01", "-o", str(tmp_path / "t.txt")]) == 0
    assert (tmp_path / "t.txt").read_text(encoding="utf-8").startswith("公开01表 收入支出决算总表")


# --- the other non-JSON input of ``audit``: a published report as text ------------------------------


def _report_text(tmp_path: Path) -> Path:
    """A short 决算说明 as the seed prints it: 88.96% where 739 / 830.63 rounds to 88.97% (the shares
    forced to total 100%), and 782.99 + 91.5 = 874.49 for a total of 874.5 (a 0.01 rounding gap)."""
    path = tmp_path / "report.txt"
    path.write_text(
        "2021年度收、支总计874.63万元，与2020年相比，收、支总计各减少19.37万元，下降2.17%。\n"
        "2021年本年收入合计830.63万元，其中：一般公共预算财政拨款收入739万元，占88.96%；"
        "政府性基金预算财政拨款收入91.5万元，占11.02%；其他收入0.13万元，占0.02%。\n"
        "2021年本年支出合计874.5万元，其中：基本支出782.99万元，占89.54%；项目支出91.5万元，占10.46%。\n",
        encoding="utf-8",
    )
    return path


def test_cli_read_writes_the_disclosure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "d.json"
    assert main(["read", str(_report_text(tmp_path)), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "figures" in err and "unread" in err
    document = loads(out.read_text(encoding="utf-8"))
    assert isinstance(document, Disclosure)
    assert document.revenue is not None and document.revenue.total == Amount("830.63")
    assert main(["read", str(tmp_path / "missing.txt")]) == 2


def test_cli_audit_of_a_text_report_cites_the_sentences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = _report_text(tmp_path)
    status = main(["audit", str(report)])
    out = capsys.readouterr().out
    assert status == 0  # both slips are notes: no error, no warning
    # the revenue shares: 88.96% is a note (adjusted to total 100%), cited with its sentence
    assert "R37" in out
    assert "来源 source: 第2行 收入决算情况说明：2021年本年收入合计830.63万元" in out
    assert main(["audit", str(report), "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["rule"], f["severity"], f["path"]) for f in findings] == [
        ("R13", "note", "$.expenditure.total"),
        ("R37", "note", "$.revenue.lines[0].share"),
    ]
    cited = [f for f in findings if f["rule"] == "R37"]
    assert cited[0]["source"]["line"] == 2


# --- the tables themselves: Disclosure.tables through the specs ------------------------------------


def _shape(table: StandardTable) -> tuple[object, ...]:
    """Everything a table prints but its rows' names: kind, number, title, unit, notes, cells by key."""
    panels = [(p.side, p.columns, [(row.key, row.cells) for row in p.rows]) for p in table.panels]
    return table.kind, table.number, table.title, table.unit, table.notes, panels


@pytest.mark.parametrize("table_set", ["mof-9", "sichuan-14", "shanghai-2024", "university-4"])
def test_published_tables_round_trip_cell_for_cell(table_set: str, tmp_path: Path) -> None:
    published = load_example("xiqu-2021", "ledger").publish(tables=table_set)
    to_xlsx(standard_tables(published), tmp_path / "t.xlsx")
    result = read_xlsx(tmp_path / "t.xlsx", year=2021)
    assert result.notes == ()
    imported = result.disclosure
    assert imported.table_set == table_set
    assert [_shape(t) for t in imported.tables] == [_shape(t) for t in published.tables]
    # the sections are filled as before, beside the tables
    assert imported.revenue is not None and published.revenue is not None
    assert imported.revenue.total == published.revenue.total


def test_a_table_in_yuan_with_dashes_round_trips(tmp_path: Path) -> None:
    columns = (Column(Measure.TOTAL), Column(Measure.BASIC), Column(Measure.PROJECT))
    table = StandardTable(
        TableKind.GENERAL_BUDGET,
        "一般公共预算财政拨款支出决算表",
        (
            Panel(
                columns,
                (
                    TableRow.of_line(Line.TOTAL, (Amount("2961.6800"), Amount("2961.68"), DASH), name="合计"),
                    TableRow.of_function(
                        FunctionCode("201"),
                        (Amount("2961.68"), Amount("2961.68"), None),
                        name="一般公共服务支出",
                    ),
                ),
            ),
        ),
        number="表五",
        unit=Unit.YUAN,
        notes=("注：本表金额以元为单位。",),
    )
    printed = Disclosure(year=2024, department="上海市普陀区财政局", tables=(table,))
    to_xlsx(standard_tables(printed), tmp_path / "yuan.xlsx")
    book = openpyxl.load_workbook(tmp_path / "yuan.xlsx")
    assert book.worksheets[0]["E5"].value == 29616800  # the digits printed, in 元
    result = read_xlsx(tmp_path / "yuan.xlsx", year=2024)
    (read,) = result.disclosure.tables
    assert _shape(read) == _shape(table)
    assert read.cell(Line.TOTAL, Column(Measure.PROJECT)) is DASH
    assert result.disclosure.general_budget is not None
    assert result.disclosure.general_budget.total == Amount("2961.68")


def test_columns_are_found_by_their_header_wording(seed: Disclosure, tmp_path: Path) -> None:
    # 支出合计 is one of the wordings of 支出决算表's 合计 column: read as that column
    path = edit(write(seed, tmp_path / "wording.xlsx"), 2, {"E3": "支出合计"})
    table = read_xlsx(path).disclosure.tables[2]
    assert table.cell(Line.TOTAL, Column(Measure.TOTAL)) == Amount("874.50")


def test_rows_are_found_by_code_or_line_wording(seed: Disclosure, tmp_path: Path) -> None:
    path = write(seed, tmp_path / "rows.xlsx")
    grand = _cell_of(path, 0, "总计", -2)  # the 收入 side's 总计, printed 收入总计 in some templates
    edit(path, 0, {grand: "收入总计"})
    summary = read_xlsx(path).disclosure.tables[0]
    assert summary.cell(Line.REVENUE_GRAND_TOTAL, Column(Measure.AMOUNT)) == Amount("874.63")
    t5 = read_xlsx(path).disclosure.tables[4]
    assert t5.cell(FunctionCode("2010301"), Column(Measure.TOTAL)) == Amount("423.59")
