"""The command line takes reports as published: PDF, Word and web pages, alone and in batches.

The expected findings of ``sh2024-ptczj-js.pdf`` were checked against its page images: the
narrative's 财政拨款收入支出总计 “0.3万元” (page 21) against 2,961.68 in 财政拨款收入支出决算总表
(page 13), and the share of 一般公共服务支出 printed 71.73% where 2,106.66 / 2,940.05 is 71.65%.
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from budgetacct.cli import main
from test_document_formats import _docx_summary, _html_summary
from test_pdf_document import _hand_pdf

pytest.importorskip("pdfplumber", reason="the pdf extra reads PDFs: pip install 'budgetacct[pdf]'")

PUTUO = Path(__file__).parent / "corpus" / "sh2024-ptczj-js.pdf"


def test_audit_a_pdf_names_both_printings_with_their_pages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(PUTUO)]) == 1
    out = capsys.readouterr().out
    assert "读取覆盖率" in out.splitlines()[2]
    assert "R68        $.fiscal.grand_total" in out
    # each place in words: the page, then the section of the narrative or the table's row and column
    assert "来源 source: 第21页 财政拨款收入支出决算总体情况说明：0.3万元" in out
    assert "另见 also: 第13页 财政拨款收入支出决算总表“总计”行“金额”列：2,961.68" in out
    assert "（第13页 page 13：2,961.68）" not in out  # the path of the cell stays in the JSON
    assert "应为71.65%，实为71.73%" in out


def test_audit_a_pdf_as_json_carries_coverage_and_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(PUTUO), "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["coverage"]["tables_recognized"] == 9
    assert document["coverage"]["pages"] == 25
    (r68,) = [f for f in document["findings"] if f["rule"] == "R68"]
    assert (r68["source"]["page"], r68["related_sources"][0]["page"]) == (21, 13)
    assert r68["related"] == [r68["related_sources"][0]["path"]] == ["$.tables[3].panels[0].rows[8].cells[0]"]
    assert r68["related_sources"][0]["where"] == {
        "zh": "第13页 财政拨款收入支出决算总表“总计”行“金额”列",
        "en": "page 13, table 财政拨款收入支出决算总表, row 总计, column 金额",
    }
    assert r68["source"]["where"]["zh"] == "第21页 财政拨款收入支出决算总体情况说明"


def test_read_a_pdf_writes_its_disclosure_with_the_tables(tmp_path: Path) -> None:
    target = tmp_path / "putuo.json"
    assert main(["read", str(PUTUO), "-o", str(target)]) == 0
    written = json.loads(target.read_text(encoding="utf-8"))
    assert written["fiscal"]["grand_total"] == "0.3"
    assert written["table_set"] == "shanghai-2024"
    assert len(written["tables"]) == 9


def test_a_scanned_pdf_is_refused_with_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scanned = tmp_path / "scanned.pdf"
    scanned.write_bytes(_hand_pdf([[], []]))
    assert main(["audit", str(scanned)]) == 2
    err = capsys.readouterr().err
    assert "ocrmypdf" in err
    assert "Traceback" not in err


def test_word_documents_and_web_pages_are_audited_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    word = tmp_path / "report.docx"
    word.write_bytes(_docx_summary())
    page = tmp_path / "report.html"
    page.write_text(_html_summary(), encoding="utf-8")
    for file in (word, page):
        # the Putuo 收入支出决算总表 alone, as printed: it adds up, and one table names no set
        assert main(["audit", str(file), "--format", "json"]) == 0
        document = json.loads(capsys.readouterr().out)
        assert document["findings"] == []
        assert document["coverage"]["tables_recognized"] == 1
        assert document["coverage"]["figures_unread"] == 0


def test_a_batch_directory_includes_published_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(PUTUO, tmp_path / "putuo.pdf")
    (tmp_path / "report.docx").write_bytes(_docx_summary())
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")  # not a report type: named as skipped
    assert main(["audit", str(tmp_path), "--format", "json"]) == 1
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    by_name = {Path(r["path"]).name: r for r in records if "path" in r}
    assert set(by_name) == {"putuo.pdf", "report.docx", "notes.bin"}
    assert by_name["notes.bin"]["status"] == "skipped"
    assert by_name["putuo.pdf"]["status"] == "errors"
    assert Decimal(by_name["putuo.pdf"]["coverage"]) >= Decimal("0.90")
    assert records[-1]["summary"]["reports"] == 2


def test_the_tables_of_a_budget_are_rendered_from_their_specs(capsys: pytest.CaptureFixture[str]) -> None:
    # The bundled 上海市普陀区财政局 2025 budget, as its 部门财务收支预算总表 prints it (in 元).
    assert main(["tables", "--example", "ptczj-2025"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "1. 2025年部门财务收支预算总表"
    assert "金额单位：元" in out.splitlines()[1]
    assert "| 收入总计             |    8 | 31,214,205.80 | 支出总计" in out
