"""The ``budgetacct`` command, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import budgetacct
import budgetacct.auditing
from budgetacct import Amount, Disclosure, Percent
from budgetacct.auditing.finding import AuditReport, Finding, Message
from budgetacct.cli import display_width, main
from budgetacct.io import dump, loads
from budgetacct.model import Revenue, RevenueSource, Severity, SourceLine

AUDIT_MODULE = budgetacct.auditing
FINDING_KEYS = ["rule", "severity", "path", "expected", "actual", "difference", "tolerance", "message"]


def small_disclosure() -> Disclosure:
    return Disclosure(
        year=2021,
        department="示例部门",
        revenue=Revenue(
            total=Amount("830.63"),
            lines=(
                SourceLine(RevenueSource.GENERAL_BUDGET, Amount("739"), Percent("88.96")),
                SourceLine(RevenueSource.GOVERNMENT_FUND, Amount("91.5"), Percent("11.02")),
                SourceLine(RevenueSource.OTHER, Amount("0.13"), Percent("0.02")),
            ),
        ),
    )


@pytest.fixture
def document_file(tmp_path: Path) -> Path:
    path = tmp_path / "disclosure.json"
    path.write_text(dump(small_disclosure()), encoding="utf-8")
    return path


def fake_report() -> AuditReport:
    def finding(rule: str, severity: Severity, message: str) -> Finding:
        return Finding(
            rule, severity, f"$.revenue.{rule}", "1", "2", "-1", "0.005", Message(message, "english " + rule)
        )

    return AuditReport(
        findings=(
            finding("R37", Severity.NOTE, "占比尾数调整"),
            finding("R1", Severity.ERROR, "本年收入合计不等于各项收入之和"),
            finding("R56", Severity.WARNING, "名称与目录不一致"),
            finding("R2", Severity.ERROR, "合计不符"),
        ),
        subject="示例部门 2021",
    )


def test_audit_of_a_valid_file(document_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """739 + 91.5 + 0.13 = 830.63 adds up; 739 / 830.63 rounds to 88.97%, but the printed 88.96%
    makes the shares total 100.00% (the seed's own adjustment): one note and exit status 0."""
    status = main(["audit", str(document_file)])
    out, err = capsys.readouterr()
    assert status == 0
    assert err == ""
    assert out.rstrip("\n").splitlines()[-1] == "错误 0 · 警告 0 · 提示 1 | errors 0 · warnings 0 · notes 1"
    assert "R37" in out


def test_audit_json_format_schema(document_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["audit", str(document_file), "--format", "json"])
    out, _ = capsys.readouterr()
    data = json.loads(out)
    assert list(data) == ["findings", "summary"]
    assert list(data["summary"]) == ["error", "warning", "note"]
    for finding in data["findings"]:
        assert list(finding) == FINDING_KEYS
        assert list(finding["message"]) == ["zh", "en"]
        assert finding["severity"] in ("error", "warning", "note")
    # the shares forced to 100% (88.96% printed for 88.97%) are the one note of this document
    assert data["summary"] == {"error": 0, "warning": 0, "note": 1}
    assert [(f["rule"], f["severity"], f["path"]) for f in data["findings"]] == [
        ("R37", "note", "$.revenue.lines[0].share")
    ]
    assert status == 0


def test_table_groups_by_severity_with_errors_first(
    document_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(AUDIT_MODULE, "audit", lambda _obj, **_: fake_report())
    status = main(["audit", str(document_file)])
    out, _ = capsys.readouterr()
    assert status == 1
    lines = out.splitlines()
    assert lines[-1] == "错误 2 · 警告 1 · 提示 1 | errors 2 · warnings 1 · notes 1"
    assert out.index("R1 ") < out.index("R2 ") < out.index("R56") < out.index("R37")
    assert out.index("错误 errors (2)") < out.index("警告 warnings (1)") < out.index("提示 notes (1)")
    # CJK-aware columns: the path column starts at the same display column in every table row.
    rows = [line for line in lines if line.startswith(("规则", "R"))]
    starts = {
        display_width(line[: line.index(part)]) for line in rows for part in ("$.", "路径") if part in line
    }
    assert len(starts) == 1
    messages = [line for line in lines if "合计不符" in line or "本年收入合计" in line]
    assert len(messages) == 2


def test_json_format_with_fake_report(
    document_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(AUDIT_MODULE, "audit", lambda _obj, **_: fake_report())
    status = main(["audit", str(document_file), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert status == 1
    assert data["summary"] == {"error": 2, "warning": 1, "note": 1}
    assert data["findings"][1] == {
        "rule": "R1",
        "severity": "error",
        "path": "$.revenue.R1",
        "expected": "1",
        "actual": "2",
        "difference": "-1",
        "tolerance": "0.005",
        "message": {"zh": "本年收入合计不等于各项收入之和", "en": "english R1"},
    }


def test_clean_report_exits_zero(
    document_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(AUDIT_MODULE, "audit", lambda _obj, **_: AuditReport(findings=()))
    assert main(["audit", str(document_file)]) == 0
    out = capsys.readouterr().out
    assert "no findings" in out
    assert out.splitlines()[-1] == "错误 0 · 警告 0 · 提示 0 | errors 0 · warnings 0 · notes 0"


@pytest.mark.parametrize(
    "content",
    [
        '{"type": "Disclosure", "year": "2021", "department": "x"}',
        '{"type": "Disclosure", "year": 2021, "department": "x", "revenue": {"total": 1.5}}',
        "not json",
        "",
        "[" * 10_000,
    ],
)
def test_invalid_file_exits_2_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert main(["audit", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err
    assert err.strip()


def test_invalid_bytes_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(b'{"type": "Disclosure", "year": 2021, "department": "\xff"}')
    assert main(["audit", str(path)]) == 2
    assert "UTF-8" in capsys.readouterr().err


def test_problem_paths_are_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"type": "Disclosure", "year": 2021, "department": "x", "revenue": {"total": 1.5}}')
    main(["audit", str(path)])
    err = capsys.readouterr().err
    assert "$.revenue.total" in err
    assert str(path) in err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(tmp_path / "nowhere.json")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "nowhere.json" in err
    assert "找不到文件" in err and "file not found" in err
    assert "Traceback" not in err


def test_audit_output_file(document_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "findings.txt"
    assert main(["audit", str(document_file), "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert out.read_text(encoding="utf-8").endswith(
        "错误 0 · 警告 0 · 提示 1 | errors 0 · warnings 0 · notes 1\n"
    )
    assert main(["audit", str(document_file), "-o", str(tmp_path / "no" / "such" / "dir.txt")]) == 2
    assert "找不到文件" in capsys.readouterr().err


def test_an_unexpected_failure_while_loading_is_a_bug_to_report_not_unreadable_input(
    document_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(_source: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("budgetacct.io.json.load", explode)
    with pytest.raises(RuntimeError, match="boom"):  # its traceback shows where the bug is
        main(["audit", str(document_file)])
    err = capsys.readouterr().err
    assert "please report" in err and "cannot read the input" not in err


def test_audit_needs_exactly_one_source(document_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit"]) == 2
    assert main(["audit", str(document_file), "--example", "xiqu-2021"]) == 2
    assert main([]) == 2
    assert main(["audit", "--format", "xml", str(document_file)]) == 2
    capsys.readouterr()


def test_audit_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The seed report has errors (区政府办公室: 7 + 8 + 2 staff printed as 15, among others): exit 1."""
    status = main(["audit", "--example", "xiqu-2021"])
    out, err = capsys.readouterr()
    assert status == 1
    assert err == ""
    assert "攀枝花市西区人民政府办公室" in out
    assert "区政府办公室实有人数与各类人员之和不符：合计15，各项之和17" in out
    assert main(["audit", "--example", "nowhere"]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_example_command_prints_loadable_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["example", "xiqu-2021"]) == 0
    out = capsys.readouterr().out
    assert loads(out) == budgetacct.load_example("xiqu-2021")
    assert main(["example"]) == 0
    assert "xiqu-2021" in capsys.readouterr().out.splitlines()
    assert main(["example", "nowhere"]) == 2


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"budgetacct {budgetacct.__version__}"


def test_help_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "audit" in capsys.readouterr().out
