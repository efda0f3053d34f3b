"""A batch reads every file ending the one-file audit reads, and names every file it skips."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from budgetacct.batch import SUFFIXES, Summary, audit_many, find_reports, skipped_record
from budgetacct.cli import main

CORPUS = Path(__file__).parent / "corpus"
#: Every ending ``budgetacct audit FILE`` reads a report from, by the single-file reader's lists.
ONE_FILE_ENDINGS = (
    ".json", ".txt", ".text", ".md", ".xlsx", ".xlsm", ".pdf", ".docx", ".xls",
    ".html", ".htm", ".shtml", ".jsp", ".asp", ".aspx",
)  # fmt: skip


def test_a_directory_yields_every_ending_the_one_file_reader_reads(tmp_path: Path) -> None:
    for ending in ONE_FILE_ENDINGS:
        (tmp_path / f"report{ending.upper() if ending == '.pdf' else ending}").write_bytes(b"x")
    (tmp_path / "cover.png").write_bytes(b"x")
    (tmp_path / "old.doc").write_bytes(b"x")
    files, skipped = find_reports([tmp_path])
    assert sorted(Path(f).suffix.lower() for f in files) == sorted(ONE_FILE_ENDINGS)
    assert sorted(Path(f).name for f in skipped) == ["cover.png", "old.doc"]
    assert set(ONE_FILE_ENDINGS) == set(SUFFIXES)


def test_a_file_named_outright_is_audited_whatever_its_ending(tmp_path: Path) -> None:
    named = tmp_path / "report.bin"
    named.write_bytes(b"x")
    assert find_reports([named]) == ([str(named)], [])
    assert find_reports([str(tmp_path / "*.bin")]) == ([str(named)], [])


def test_a_web_page_report_in_a_directory_is_audited(tmp_path: Path) -> None:
    shutil.copy(CORPUS / "cq2018-jtw-ys.jsp", tmp_path)
    (result,) = audit_many([tmp_path], jobs=1)
    assert Path(result["path"]).name == "cq2018-jtw-ys.jsp"
    assert result["status"] != "unreadable", result["error"]
    assert result["status"] != "skipped"
    assert "coverage" in result  # a report as published states how much of it was read


def test_skipped_record_says_what_and_why() -> None:
    record = skipped_record("reports/cover.png")
    assert record["status"] == "skipped"
    assert record["counts"] == {"error": 0, "warning": 0, "note": 0} and record["findings"] == []
    assert "跳过：reports/cover.png：不是报告格式" in record["error"]
    assert "skipped: reports/cover.png: not a report format (files read: .json .txt" in record["error"]
    summary = Summary()
    summary.add(record)
    assert (summary.reports, summary.as_dict()["skipped"]) == (0, 1)
    assert "跳过非报告文件 1 个" in summary.text() and "1 files skipped (not reports)" in summary.text()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "report.txt").write_text(
        "2021年本年收入合计830.63万元，其中：一般公共预算财政拨款收入739万元。\n", encoding="utf-8"
    )
    (tmp_path / "scan.tif").write_bytes(b"II*\x00")
    return tmp_path


def test_cli_batch_names_and_counts_skipped_files(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["audit", str(folder), "--format", "jsonl", "--jobs", "1"])
    captured = capsys.readouterr()
    skipped, result, last = (json.loads(line) for line in captured.out.splitlines())
    assert skipped["path"] == str(folder / "scan.tif") and skipped["status"] == "skipped"
    assert result["path"] == str(folder / "report.txt")
    assert last["summary"]["reports"] == 1 and last["summary"]["skipped"] == 1
    assert status == (1 if result["status"] == "errors" else 0)  # a skipped file is no failure
    assert "跳过非报告文件 1 个" in captured.err and "1 files skipped" in captured.err


def test_cli_batch_text_lines_name_skipped_files(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["audit", str(folder), "--format", "text", "--jobs", "1"])
    first, second = capsys.readouterr().out.splitlines()
    assert first.startswith(f"跳过：{folder / 'scan.tif'}：不是报告格式")
    assert f"| skipped: {folder / 'scan.tif'}: not a report format (" in first
    assert second.startswith(f"{folder / 'report.txt'}: ")


def test_cli_batch_of_only_skipped_files_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "cover.png").write_bytes(b"x")
    assert main(["audit", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "no reports found" in err and "(1 files skipped)" in err and "跳过 1 个非报告文件" in err
    assert "Traceback" not in err
