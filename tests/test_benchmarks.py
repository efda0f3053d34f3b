"""The benchmark scripts keep working (they are run by hand; nothing here measures time)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from budgetacct import Amount, audit, load
from budgetacct.io.json import dump

ROOT = Path(__file__).resolve().parents[1]


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def province() -> ModuleType:
    return _script("province")


PEER_DEPARTMENT = {
    "dept_code": "100001",
    "dept_name": "示例局",
    "year": 2023,
    "totals": {"total": "30.50", "basic": "20.00", "project": "10.50"},
    "fund_totals": {
        "一般公共预算": "20.00",
        "政府性基金预算": "0.00",
        "国有资本经营预算": "0.00",
        "其他": "10.50",
    },
    "func_totals": [],
    "items": [
        {
            "func_code": "2010301",
            "econ_code": "30101",
            "fund_source": "一般公共预算",
            "kind": "基本支出",
            "amount": "20.00",
        },
        {
            "func_code": "2010350",
            "econ_code": "30201",
            "fund_source": "其他",
            "kind": "项目支出",
            "amount": "10.50",
        },
    ],
}


def test_a_peer_department_becomes_a_ledger_that_audits_clean(province: ModuleType) -> None:
    document = province.convert_department(PEER_DEPARTMENT)
    ledger = load(json.dumps(document, ensure_ascii=False))
    assert ledger.expenditure_total() == ledger.revenue_total() == Amount("30.50")  # type: ignore[union-attr]
    assert audit(ledger).errors == ()


def test_the_worker_and_the_pipeline_run_on_a_small_file(province: ModuleType, tmp_path: Path) -> None:
    document = province.convert_department(PEER_DEPARTMENT)
    line = dump(load(json.dumps(document, ensure_ascii=False)), indent=None)
    data = tmp_path / "ledgers.jsonl"
    data.write_text(line * 3, encoding="utf-8")
    result = province.worker(data, 2)
    assert result["items"] == 6
    assert len(result["load_s"]) == len(result["audit_s"]) == len(result["dump_s"]) == 2
    assert result["error_findings"] == 0
    province.pipeline_once(data)
    province.pipeline_once(data, checks=False)


def test_the_fitted_exponent_of_linear_growth_is_one(province: ModuleType) -> None:
    assert province.fitted_exponent([(1, 2.0), (2, 4.0), (4, 8.0)]) == pytest.approx(1.0)
    assert province.fitted_exponent([(1, 1.0), (2, 4.0), (4, 16.0)]) == pytest.approx(2.0)


def test_the_corpus_benchmark_reports_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pdfplumber", reason="the pdf extra reads PDFs")
    corpus = _script("corpus")
    assert corpus.main([str(ROOT / "tests" / "corpus" / "swu2023-js.pdf"), "--rounds", "1", "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["file", "pages", "read", "unread"]
    (row,) = json.loads(lines[-1])["reports"]
    assert (
        row["file"],
        row["pages"],
        row["tables_recognized"],
        row["tables_found"],
        row["tables_expected"],
    ) == (
        "swu2023-js.pdf",
        21,
        4,
        4,
        4,  # the 高等学校 set publishes four tables
    )
    assert row["figures_read"] > 200 and row["plain_seconds"] > 0


def test_the_corpus_benchmark_measures_memory_on_a_long_joined_pdf(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pytest.importorskip("pdfplumber", reason="the pdf extra reads PDFs")
    pytest.importorskip("pypdf", reason="the dev extra joins PDFs")
    corpus = _script("corpus")
    # a two-page source (the template's first pages) read as a five-page file: copies joined
    source = corpus.long_pdf(ROOT / "tests" / "corpus" / "sh2024-template-js.pdf", 2, tmp_path / "two.pdf")
    assert corpus.main(["--memory", "--memory-pages", "1,5", "--memory-source", str(source), "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split()[:4] == ["pages", "peak", "MiB", "retained"]
    rows = json.loads(lines[-1])["memory"]
    assert [row["pages"] for row in rows] == [1, 5]
    for row in rows:
        assert row["peak_mib"] >= row["retained_mib"] > 0
        assert row["working_mib"] == pytest.approx(row["peak_mib"] - row["retained_mib"])
