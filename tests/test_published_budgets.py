"""Every budget of the corpus read as a budget: its hand-checked figures, its coverage, its findings.

tests/corpus/expected/<file>.json holds, per corpus budget, the figures checked by hand on the
page images (narrative figures by their Budget path, table cells by table kind, row and column)
and a note for every error or warning finding the audit raises: a real slip in the report (where,
on which page) or a wording or layout the reader has still to learn.  A finding that no note
explains fails the test, and so does a note whose finding has gone (update the JSON with it).
"""

from __future__ import annotations

import enum
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from budgetacct import Budget
from budgetacct.auditing import audit
from budgetacct.model.tables import StandardTable
from budgetacct.money import parse_amount
from budgetacct.paths import resolve_path
from budgetacct.reader.published import PublishedRead, read_published

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = sorted((CORPUS / "expected").glob("*.json"))
BUDGET_FILES = sorted(
    p.name for p in CORPUS.iterdir() if "-ys" in p.name or "dwys" in p.name or p.suffix == ".jsp"
)


def _expected(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((CORPUS / "expected" / f"{name}.json").read_text("utf-8"))
    return loaded


@cache
def _read(name: str) -> PublishedRead:
    return read_published(CORPUS / name, **_expected(name)["read_with"])


def test_every_corpus_budget_has_its_expected_figures() -> None:
    assert sorted(p.name.removesuffix(".json") for p in EXPECTED) == BUDGET_FILES


@pytest.mark.parametrize("name", BUDGET_FILES)
def test_read_as_a_budget_with_its_coverage_stated(name: str) -> None:
    expected = _expected(name)
    read = _read(name)
    assert read.kind == "budget"
    budget = read.disclosure
    assert isinstance(budget, Budget)
    assert (budget.year, budget.department, budget.level.value) == (
        expected["year"],
        expected["department"],
        expected["level"],
    )
    assert budget.table_set == expected["table_set"]
    coverage = expected["coverage"]
    assert read.coverage.tables_recognized == coverage["tables_recognized"]
    assert read.coverage.tables_found == coverage["tables_found"]
    assert read.coverage.figures_read >= coverage["figures_read_at_least"]
    assert read.coverage.ratio is not None


@pytest.mark.parametrize("name", BUDGET_FILES)
def test_narrative_figures_as_printed(name: str) -> None:
    read = _read(name)
    pages = {source.path: source.page for source in read.sources}
    for figure in _expected(name)["narrative"]:
        amount, _ = parse_amount(figure["printed"].replace(",", ""))
        assert resolve_path(read.disclosure, figure["path"]) == amount, figure
        assert pages[figure["path"]] == figure["page"], figure


def _key(key: object) -> str:
    return key.name if isinstance(key, enum.Enum) else str(key)


def _table(budget: Budget, kind: str) -> StandardTable:
    return next(table for table in budget.tables if table.kind.name == kind)


@pytest.mark.parametrize("name", BUDGET_FILES)
def test_table_figures_as_printed(name: str) -> None:
    budget = _read(name).disclosure
    assert isinstance(budget, Budget)
    for cell in _expected(name)["tables"]:
        table = _table(budget, cell["table"])
        row = next(r for r in table.panels[cell["panel"]].rows if _key(r.key) == cell["row"])
        assert table.unit is not None
        amount, _ = parse_amount(cell["printed"].replace(",", ""), default_unit=table.unit)
        assert row.cells[cell["column"]] == amount, cell


@pytest.mark.parametrize("name", BUDGET_FILES)
def test_every_error_and_warning_is_explained(name: str) -> None:
    read = _read(name)
    budget = read.disclosure
    assert isinstance(budget, Budget)
    found = {
        (f.rule, f.path)
        for f in audit(budget, coverage=read.coverage).findings
        if f.severity.name in ("ERROR", "WARNING")
    }
    explained = _expected(name)["findings"]
    assert found == {(f["rule"], f["path"]) for f in explained}
    for finding in explained:
        assert finding["kind"] in ("slip", "reader") and len(finding["note"]) > 40, finding


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
