"""Every report of the corpus read as published: its hand-checked figures, its coverage, its findings.

tests/corpus/expected/<file>.json holds, per corpus report — budget (预算) or final account (决算) —
the figures checked by hand on the page images (``pdftoppm -png -r 100 -f N -l N``; narrative
figures by their path in the Budget or Disclosure, table cells by table kind, panel, row and
column; ``"printed": ""`` for a cell printed blank), each with its page, and a note for every error
or warning finding the audit raises: a real slip in the report (where, on which page), a wording or
layout the reader has still to learn, or what an empty template is expected to raise.  A finding
that no note explains fails the test, and so does a note whose finding has gone (update the JSON
with it).
"""

from __future__ import annotations

import enum
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from budgetacct import Budget, Disclosure
from budgetacct.auditing import audit
from budgetacct.model.tables import StandardTable
from budgetacct.money import Percent, parse_amount
from budgetacct.paths import render_path, resolve_path
from budgetacct.reader.published import PublishedRead, read_published

pytest.importorskip("pdfplumber", reason="the pdf extra reads PDFs: pip install 'budgetacct[pdf]'")

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = sorted(p.name.removesuffix(".json") for p in (CORPUS / "expected").glob("*.json"))
REPORTS = sorted(p.name for p in CORPUS.iterdir() if p.is_file() and p.suffix != ".md")
FINDING_KINDS = ("slip", "reader", "template")


def _expected(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((CORPUS / "expected" / f"{name}.json").read_text("utf-8"))
    return loaded


@cache
def _read(name: str) -> PublishedRead:
    return read_published(CORPUS / name, **_expected(name)["read_with"])


def _pages(read: PublishedRead) -> dict[str, set[int]]:
    pages: dict[str, set[int]] = {}
    for source in read.sources:
        pages.setdefault(source.path, set()).add(source.page)
    return pages


def test_every_corpus_report_has_its_expected_figures() -> None:
    assert EXPECTED == REPORTS


@pytest.mark.parametrize("name", EXPECTED)
def test_read_as_its_kind_with_its_coverage_stated(name: str) -> None:
    expected = _expected(name)
    read = _read(name)
    assert read.kind == expected["kind"]
    report = read.disclosure
    assert isinstance(report, Budget if expected["kind"] == "budget" else Disclosure)
    assert (report.year, report.department) == (expected["year"], expected["department"])
    if isinstance(report, Budget):
        assert report.level.value == expected["level"]
    assert report.table_set == expected["table_set"]
    coverage = expected["coverage"]
    assert read.coverage.tables_recognized == coverage["tables_recognized"]
    assert read.coverage.tables_found == coverage["tables_found"]
    assert read.coverage.figures_read >= coverage["figures_read_at_least"]
    assert read.coverage.ratio is not None
    if "low" in coverage:
        assert read.coverage.low is coverage["low"]


def _value(printed: str) -> object:
    if printed.endswith("%"):
        return Percent(printed.removesuffix("%"))
    amount, _ = parse_amount(printed.replace(",", ""))
    return amount


@pytest.mark.parametrize("name", EXPECTED)
def test_narrative_figures_as_printed(name: str) -> None:
    read = _read(name)
    pages = _pages(read)
    for figure in _expected(name)["narrative"]:
        assert resolve_path(read.disclosure, figure["path"]) == _value(figure["printed"]), figure
        assert figure["page"] in pages[figure["path"]], figure


def _key(key: object) -> str:
    return key.name if isinstance(key, enum.Enum) else str(key)


def _table(report: Disclosure | Budget, kind: str) -> tuple[int, StandardTable]:
    return next((i, table) for i, table in enumerate(report.tables) if table.kind.name == kind)


@pytest.mark.parametrize("name", EXPECTED)
def test_table_figures_as_printed(name: str) -> None:
    read = _read(name)
    pages = _pages(read)
    for cell in _expected(name)["tables"]:
        index, table = _table(read.disclosure, cell["table"])
        rows = table.panels[cell["panel"]].rows
        number, row = next((n, r) for n, r in enumerate(rows) if _key(r.key) == cell["row"])
        if cell["printed"] == "":
            assert row.cells[cell["column"]] is None, cell  # printed blank
            continue
        assert table.unit is not None
        amount, _ = parse_amount(cell["printed"].replace(",", ""), default_unit=table.unit)
        assert row.cells[cell["column"]] == amount, cell
        path = render_path(
            ("tables", index, "panels", cell["panel"], "rows", number, "cells", cell["column"])
        )
        assert cell["page"] in pages[path], cell


@pytest.mark.parametrize("name", EXPECTED)
def test_notes_printed_under_the_tables(name: str) -> None:
    read = _read(name)
    for note in _expected(name).get("table_notes", []):
        _, table = _table(read.disclosure, note["table"])
        assert note["note"] in ["".join(text.split()) for text in table.notes], note


@pytest.mark.parametrize("name", EXPECTED)
def test_every_error_and_warning_is_explained(name: str) -> None:
    read = _read(name)
    found = {
        (f.rule, f.path)
        for f in audit(read.disclosure, coverage=read.coverage).findings
        if f.severity.name in ("ERROR", "WARNING")
    }
    explained = _expected(name)["findings"]
    assert found == {(f["rule"], f["path"]) for f in explained}
    for finding in explained:
        assert finding["kind"] in FINDING_KINDS and len(finding["note"]) > 40, finding
