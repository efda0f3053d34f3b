"""``read_report`` and ``read_report_bytes`` take a report as published, not only its text.

A PDF, Word file, workbook or web page — named by a path or given as bytes — is read exactly as
``read_published`` reads it (the same Disclosure or Budget, the same page sources, the same
coverage); a text is read exactly as before, into a :class:`ReadResult` (decision 0020).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import budgetacct
from budgetacct import Budget, Disclosure
from budgetacct.errors import InputError
from budgetacct.reader import ReadResult, read_report, read_report_bytes, read_text
from budgetacct.reader.published import PublishedRead, read_published
from budgetacct.reader.report import names_file
from test_document_formats import NARRATIVE, _docx_summary, _html_summary, _xlsx_summary

CORPUS = Path(__file__).parent / "corpus"
TEXT = "2021年度收、支总计874.63万元，与2020年相比，收、支总计各减少19.37万元，下降2.17%。"


def _same_read(got: object, expected: PublishedRead) -> None:
    assert isinstance(got, PublishedRead)
    assert got.disclosure == expected.disclosure
    assert got.sources == expected.sources
    assert got.unread == expected.unread
    assert got.coverage == expected.coverage
    assert got.kind == expected.kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [("sh2024-ptczj-js.pdf", "final"), ("swu2023-js.pdf", "final"), ("cq2018-jtw-ys.jsp", "budget")],
)
def test_a_published_file_reads_as_read_published_reads_it(name: str, kind: str) -> None:
    if name.endswith(".pdf"):
        pytest.importorskip("pdfplumber", reason="the pdf extra reads PDFs: pip install 'budgetacct[pdf]'")
    path = CORPUS / name
    expected = read_published(path)
    assert expected.kind == kind
    _same_read(budgetacct.read_report(str(path)), expected)
    _same_read(read_report(path), expected)
    _same_read(read_report_bytes(path.read_bytes()), expected)


def test_the_putuo_pdf_through_read_report_carries_its_figures_pages_and_coverage() -> None:
    pytest.importorskip("pdfplumber", reason="the pdf extra reads PDFs: pip install 'budgetacct[pdf]'")
    read = read_report(CORPUS / "sh2024-ptczj-js.pdf")
    assert isinstance(read.disclosure, Disclosure)
    assert read.disclosure.fiscal is not None
    assert read.disclosure.fiscal.grand_total == budgetacct.Amount("0.3")  # page 21's slip, as printed
    assert [s.page for s in read.sources_for("$.fiscal.grand_total")] == [21]
    assert read.coverage.tables_recognized == 9
    assert read.disclosure.table_set == "shanghai-2024"


def test_a_budget_web_page_reads_into_a_budget() -> None:
    read = read_report(CORPUS / "cq2018-jtw-ys.jsp")
    assert read.kind == "budget"
    assert isinstance(read.disclosure, Budget)
    assert (read.disclosure.year, read.disclosure.department) == (2018, "重庆市交通委员会")


def test_word_workbook_and_web_page_files_and_bytes(tmp_path: Path) -> None:
    (tmp_path / "r.docx").write_bytes(_docx_summary())
    (tmp_path / "r.html").write_text(_html_summary(), encoding="utf-8")
    _xlsx_summary(tmp_path / "r.xlsx")
    options = {"year": 2024, "department": "上海市普陀区财政局"}
    for name in ("r.docx", "r.html", "r.xlsx"):
        path = tmp_path / name
        expected = read_published(path, **options)  # type: ignore[arg-type]
        assert expected.disclosure.tables, name
        _same_read(read_report(str(path), **options), expected)  # type: ignore[arg-type]
        _same_read(read_report_bytes(path.read_bytes(), **options), expected)  # type: ignore[arg-type]


def test_text_reads_exactly_as_before() -> None:
    result = read_report(TEXT, department="示例部门")
    assert isinstance(result, ReadResult)
    assert result == read_text(TEXT, department="示例部门")
    assert result.kind == "final"
    assert [s.path for s in result.sources][:2] == [
        "$.overview.revenue_grand_total",
        "$.overview.expenditure_grand_total",
    ]
    bytes_result = read_report_bytes(TEXT.encode("gb18030"), department="示例部门")
    assert bytes_result == result


def test_a_text_file_named_by_its_path_is_read_as_text(tmp_path: Path) -> None:
    text = "上海市普陀区财政局2024年度部门决算\n\n" + NARRATIVE + "\n"
    (tmp_path / "r.txt").write_bytes(text.encode("gbk"))
    result = read_report(tmp_path / "r.txt")
    assert isinstance(result, ReadResult)
    assert result == read_text(text)
    assert result.disclosure.department == "上海市普陀区财政局"


def test_a_text_s_coverage_counts_its_figures_read_and_unread() -> None:
    result = read_report(TEXT + "另有某某事项支出12.5万元，占比3%。", department="示例部门")
    # Read: 874.63 (one printing, both totals), 19.37 and 2.17% — the direction word 减少 and the
    # year are no figures of their own; unread: 12.5万元 and 3%.
    coverage = result.coverage
    assert (coverage.figures_read, coverage.figures_unread) == (3, 2)
    assert (coverage.narrative_read, coverage.narrative_unread) == (3, 2)
    assert (coverage.tables_found, coverage.pages) == (0, 0)


def test_what_names_a_file() -> None:
    assert names_file("report.pdf")
    assert names_file("C:\\reports\\2024年部门决算.XLSX")
    assert names_file("https-copy/budget2017.jsp")
    assert not names_file(TEXT)
    assert not names_file("收入合计5万元。详见附件.pdf")  # a sentence ending so
    assert not names_file("report.pdf\n2021年度收入合计5万元")
    assert not names_file("report.pdfx")


def test_a_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="找不到文件"):  # a str raises only the library's errors
        read_report(str(tmp_path / "missing.pdf"))
    with pytest.raises(FileNotFoundError):
        read_report(tmp_path / "missing")


def test_options_are_checked_for_files_too(tmp_path: Path) -> None:
    (tmp_path / "r.html").write_text(_html_summary(), encoding="utf-8")
    with pytest.raises(InputError, match="template"):
        read_report(tmp_path / "r.html", template="no-such-layout")
    with pytest.raises(InputError, match="year"):
        read_report(tmp_path / "r.html", year=1800)
    with pytest.raises(InputError, match="department"):
        read_report_bytes(_docx_summary(), department=" ")


def test_bytes_with_an_encoding_are_text_whatever_they_hold() -> None:
    html = _html_summary().encode()
    as_text = read_report_bytes(html, encoding="utf-8", department="示例")
    assert isinstance(as_text, ReadResult)  # the markup read as a text: no tables
    assert isinstance(read_report_bytes(html, year=2024), PublishedRead)


def test_the_published_reader_and_its_result_are_top_level_names() -> None:
    assert budgetacct.read_published is read_published
    assert budgetacct.PublishedRead is PublishedRead
    assert {"read_published", "PublishedRead"} <= set(budgetacct.__all__)


def test_tables_read_from_grids_replace_pasted_ones_and_their_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A narrative that held pasted tables loses them to the grids' tables, and with them the
    sources that pointed into them: every table source left names a cell of the tables kept."""
    import budgetacct.reader.report as report_module
    from budgetacct.paths import resolve_path
    from test_reader_pasted_tables import TEXT_LAYOUT

    pasted = read_text(TEXT_LAYOUT, department="示例单位", year=2021)
    assert any(s.path.startswith("$.tables") for s in pasted.sources)
    monkeypatch.setattr(report_module, "read_text", lambda *args, **kwargs: pasted)
    page = tmp_path / "report.html"
    lines = "".join(f"<p>{line}</p>" for line in TEXT_LAYOUT.splitlines())  # the text as printed
    page.write_text(_html_summary().replace('<div class="footer">', lines + '<div class="footer">'), "utf-8")
    read = read_published(page)
    assert [t.kind.name for t in read.disclosure.tables] == ["SUMMARY"]
    table_sources = [s for s in read.sources if s.path.startswith("$.tables")]
    assert table_sources
    for source in table_sources:
        assert source.path.startswith("$.tables[0]")
        assert resolve_path(read.disclosure, source.path) is not None
