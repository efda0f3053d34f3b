"""Real published PDFs read into a Disclosure with their standard tables, and audited.

The hand-checked figures, pages and findings of the three 决算 of the corpus are in
tests/corpus/expected/ (checked by tests/test_corpus_expected.py); here, how the tables are laid
out and how the slip is reported. Every expected figure was read off the page images
(``pdftoppm -png``), not off our output:

* ``sh2024-ptczj-js.pdf`` (上海市普陀区财政局 2024年度部门决算): 收入支出决算总表 pages 6–7,
  财政拨款收入支出决算总表 pages 12–13, 一般公共预算财政拨款基本支出决算表 page 16, “三公” page 18.
  Its narrative prints 财政拨款收入支出总计 as 0.3万元 where the table prints 2,961.68.
* ``swu2023-js.pdf`` (西南大学 2023年度部门决算): 表1 高等学校收支决算总表, pages 8–9.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from budgetacct import Amount, audit
from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.model.enums import Severity
from budgetacct.model.tables import Basis, Column, Line, Measure, TableKind
from budgetacct.reader.published import PublishedRead, read_published

pytest.importorskip("pdfplumber", reason="the pdf extra reads PDFs: pip install 'budgetacct[pdf]'")

CORPUS = Path(__file__).parent / "corpus"
A = Column(Measure.AMOUNT)
T = Column(Measure.TOTAL)


@pytest.fixture(scope="module")
def putuo() -> PublishedRead:
    return read_published(CORPUS / "sh2024-ptczj-js.pdf")


@pytest.fixture(scope="module")
def swu() -> PublishedRead:
    return read_published(CORPUS / "swu2023-js.pdf")


def _table(read: PublishedRead, kind: TableKind):  # type: ignore[no-untyped-def]
    return next(t for t in read.disclosure.tables if t.kind is kind)


def test_the_putuo_report_is_read_as_the_shanghai_set(putuo: PublishedRead) -> None:
    d = putuo.disclosure
    assert (d.year, d.department, d.table_set) == (2024, "上海市普陀区财政局", "shanghai-2024")
    assert [t.kind for t in d.tables] == [
        TableKind.SUMMARY,
        TableKind.REVENUE,
        TableKind.EXPENDITURE,
        TableKind.FISCAL_SUMMARY,
        TableKind.GENERAL_BUDGET,
        TableKind.GENERAL_BUDGET_BASIC,
        TableKind.THREE_PUBLIC,
        TableKind.GOVERNMENT_FUND,
        TableKind.STATE_CAPITAL,
    ]


def test_the_general_budget_table_page_15_keys_its_columns_and_its_last_row(putuo: PublishedRead) -> None:
    table = _table(putuo, TableKind.GENERAL_BUDGET)
    assert [c.label for c in table.panels[0].columns] == ["合计", "基本支出", "项目支出"]
    assert table.cell(FunctionCode("2010601"), Column(Measure.PROJECT)) == Amount("8.37")
    assert table.panels[0].rows[-1].line is Line.TOTAL  # the 合计 row, printed last


def test_the_basic_expenditure_table_printed_in_two_halves(putuo: PublishedRead) -> None:
    basic = _table(putuo, TableKind.GENERAL_BUDGET_BASIC)
    assert basic.cell(EconomicCode("301"), A) == Amount("2082.85")
    assert basic.cell(EconomicCode("30101"), A) == Amount("262.33")
    assert basic.cell(EconomicCode("30102"), A) == Amount("1238.58")
    assert basic.cell(EconomicCode("302"), A) == Amount("171.07")  # the right half
    assert basic.cell(EconomicCode("30201"), A) == Amount("21.21")
    assert basic.cell(EconomicCode("30103"), A) is None  # 奖金: blank
    assert basic.cell(Line.PERSONNEL_TOTAL, A) == Amount("2152.26")
    assert basic.cell(Line.PUBLIC_TOTAL, A) == Amount("184.65")


def test_the_three_public_table_keeps_budget_and_actual_apart(putuo: PublishedRead) -> None:
    table = _table(putuo, TableKind.THREE_PUBLIC)
    assert table.cell(Line.THREE_PUBLIC, Column(Measure.RECEPTION, Basis.BUDGET)) == Amount("0.95")
    assert table.cell(Line.THREE_PUBLIC, Column(Measure.RECEPTION)) is None
    assert len(table.panels[0].columns) == 12


def test_empty_fund_tables_carry_the_note_printed_under_them(putuo: PublishedRead) -> None:
    fund = _table(putuo, TableKind.GOVERNMENT_FUND)
    assert not fund.has_data
    assert fund.notes == ("注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。",)


def test_the_narrative_0_3_is_found_against_the_tables_2961_68_with_both_pages(putuo: PublishedRead) -> None:
    assert putuo.disclosure.fiscal is not None
    assert putuo.disclosure.fiscal.grand_total == Amount("0.3")
    report = audit(putuo.disclosure)
    (finding,) = report.by_rule("R68")
    assert finding.severity is Severity.ERROR
    assert finding.path == "$.fiscal.grand_total"
    (cell,) = finding.related
    pages = {s.path: s.page for s in putuo.sources}
    assert pages[cell] == 13  # the 总计 row is on the table's second page
    assert pages["$.fiscal.grand_total"] == 21  # “财政拨款收入支出总计0.3万元”
    # the tables themselves hold together: no other table rule reports more than a rounding note
    table_rules = {"R64", "R65", "R66", "R67", "R69", "R70", "R71"}
    assert [f for f in report.findings if f.rule in table_rules and f.severity is not Severity.NOTE] == []


def test_every_table_figure_has_a_page_and_a_box(putuo: PublishedRead) -> None:
    table_sources = [s for s in putuo.sources if s.path.startswith("$.tables")]
    assert len(table_sources) > 150
    assert all(6 <= s.page <= 20 and s.box[2] > s.box[0] and s.box[3] > s.box[1] for s in table_sources)


def test_coverage_is_stated_and_high_for_a_report_read_well(putuo: PublishedRead) -> None:
    coverage = putuo.coverage
    assert coverage.tables_recognized == 9
    assert coverage.pages == 25
    assert coverage.ratio is not None and coverage.ratio >= Decimal("0.80")
    zh, en = coverage.summary()
    assert zh.startswith("读取覆盖率") and "9/" in zh
    assert en.startswith("coverage ")


def test_the_university_report_is_read_as_the_four_numbered_tables(swu: PublishedRead) -> None:
    d = swu.disclosure
    assert [t.number for t in d.tables] == ["表1", "表2", "表3", "表4"]
    assert [t.kind for t in d.tables] == [
        TableKind.SUMMARY,
        TableKind.REVENUE,
        TableKind.EXPENDITURE,
        TableKind.FISCAL_DETAIL,
    ]


def test_the_text_and_json_reports_name_both_printings_with_their_pages(putuo: PublishedRead) -> None:
    import json

    from budgetacct._report_text import report_json, report_table

    report = audit(putuo.disclosure, coverage=putuo.coverage)
    sources = {s.path: s for s in putuo.sources}
    text = report_table(report, sources, putuo.disclosure)
    assert text.splitlines()[2].startswith("读取覆盖率9")  # more than nine tenths read
    assert "来源 source: 第21页 财政拨款收入支出决算总体情况说明：0.3万元" in text
    assert "另见 also: 第13页 财政拨款收入支出决算总表“总计”行“金额”列：2,961.68" in text
    # without the disclosure the pages are known, the table cells only by their paths
    bare = report_table(report, sources)
    assert "另见 also: 第13页 $.tables[3].panels[0].rows[8].cells[0]：2,961.68" in bare
    document = json.loads(report_json(report, sources))
    assert Decimal(document["coverage"]["ratio"]) >= Decimal("0.90")
    (r68,) = [f for f in document["findings"] if f["rule"] == "R68"]
    assert r68["source"]["page"] == 21
    assert r68["related_sources"][0]["page"] == 13
    assert r68["related_sources"][0]["printed"] == "2,961.68"


def test_read_report_bytes_reads_a_pdf_and_names_a_damaged_one() -> None:
    from budgetacct.reader import read_report_bytes
    from budgetacct.reader.pdf import CorruptPdf

    with pytest.raises(CorruptPdf, match="PDF"):
        read_report_bytes((CORPUS / "swu2023-js.pdf").read_bytes()[:2000])
