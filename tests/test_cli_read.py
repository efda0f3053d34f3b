"""``budgetacct audit report.txt``: the figures' sentences and the sentences left unread."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetacct.cli import main

SEED = Path(__file__).resolve().parents[2] / "shared" / "reference" / "xiqu-2021-final-accounts.txt"


@pytest.fixture
def seed_text(tmp_path: Path) -> Path:
    if not SEED.exists():
        pytest.skip("the seed report text lives in the workplace's shared/reference folder")
    copy = tmp_path / "report.txt"
    copy.write_bytes(SEED.read_bytes())
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
