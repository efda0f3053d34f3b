"""``budgetacct audit report.txt``: the figures' sentences and the sentences left unread."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetacct import load_example
from budgetacct.cli import main


@pytest.fixture
def seed_text(tmp_path: Path) -> Path:
    """The seed report's published text (bundled with the package) as a file to name on the command line."""
    copy = tmp_path / "report.txt"
    copy.write_text(load_example("xiqu-2021", "text"), encoding="utf-8")
    return copy


def test_audit_of_a_text_report_names_unread_sentences(
    seed_text: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", str(seed_text)]) == 1
    captured = capsys.readouterr()
    assert "来源 source" in captured.out
    assert "3 sentences unread" in captured.err
    assert "第76行" in captured.err
    assert "支行政单位离退休" in captured.err


def test_year_and_department_can_be_given_to_audit_and_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.txt"
    report.write_text("一般公共预算财政拨款支出决算总计100万元。\n", encoding="utf-8")
    assert main(["read", str(report)]) == 2
    assert "year=" in capsys.readouterr().err
    output = tmp_path / "read.json"
    assert main(["read", str(report), "--year", "2022", "--department", "示例局", "-o", str(output)]) == 0
    written = output.read_text(encoding="utf-8")
    assert '"year": 2022' in written and '"department": "示例局"' in written
    capsys.readouterr()
    assert main(["audit", str(report), "--year", "2022", "--department", "示例局", "--format", "json"]) == 0
    assert "read 1 figures, 0 sentences unread" in capsys.readouterr().err


def test_year_and_department_are_refused_for_a_batch(
    seed_text: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", str(seed_text), str(seed_text), "--year", "2021"]) == 2
    assert "one report" in capsys.readouterr().err


def test_a_reader_bug_is_a_traceback_asking_for_a_report_not_unreadable_input(
    seed_text: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import budgetacct.reader

    def broken(*args: object, **kwargs: object) -> object:
        raise KeyError("a reader bug")

    monkeypatch.setattr(budgetacct.reader, "read_text", broken)
    with pytest.raises(KeyError):
        main(["audit", str(seed_text)])
    assert "please report" in capsys.readouterr().err
