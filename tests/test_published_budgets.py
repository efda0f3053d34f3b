"""Budgets of the corpus read as budgets: the kind told or overridden, and the command line.

Their hand-checked figures, coverage and explained findings are in tests/corpus/expected/, checked
with the 决算 reports' by tests/test_corpus_expected.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from budgetacct import Budget
from budgetacct.reader.published import read_published

CORPUS = Path(__file__).parent / "corpus"


def test_kind_override_reads_a_budget_as_final() -> None:
    read = read_published(CORPUS / "sh2025-ptczj-ys.pdf", kind="final")
    assert read.kind == "final"
    assert not isinstance(read.disclosure, Budget)


def test_a_final_account_is_still_read_as_final() -> None:
    assert read_published(CORPUS / "sh2024-ptczj-js.pdf").kind == "final"


def test_cli_audits_a_budget_pdf_as_a_budget(capsys: pytest.CaptureFixture[str]) -> None:
    from budgetacct.cli import main

    code = main(["audit", "--format", "json", str(CORPUS / "swu2023-ys.pdf")])
    report = json.loads(capsys.readouterr().out)
    assert code == 1  # the 0.50万元 slip on page 8
    assert any(f["rule"] == "R64" and f["source"]["page"] == 8 for f in report["findings"])
    assert report["coverage"]["tables_recognized"] == 4


def test_cli_audits_a_published_budget_with_its_final_account(capsys: pytest.CaptureFixture[str]) -> None:
    from budgetacct.cli import main

    main(["audit", "--format", "json", str(CORPUS / "swu2023-ys.pdf"), str(CORPUS / "swu2023-js.pdf")])
    messages = [f["message"]["zh"] for f in json.loads(capsys.readouterr().out)["findings"]]
    # one report of the pair: the budget's 收入预算表 slip and the 决算's own table notes
    assert any("收入预算表" in message for message in messages)
    assert any("决算表" in message for message in messages)
