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
