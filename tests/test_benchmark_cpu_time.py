"""The province benchmark times budgetacct's phases in CPU seconds too (nothing here measures time)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

from budgetacct import load
from budgetacct.io.json import dump

ROOT = Path(__file__).resolve().parents[1]

LEDGER = {
    "type": "Ledger",
    "year": 2023,
    "department": "示例局",
    "revenue": [{"source": "一般公共预算财政拨款收入", "amount": "20.00"}],
    "expenditure": [
        {
            "function": "2010301",
            "fund": "一般公共预算财政拨款",
            "kind": "基本支出",
            "amount": "20.00",
            "economic": "30101",
        }
    ],
}


def _province() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_province_cpu", ROOT / "benchmarks" / "province.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_worker_reports_cpu_seconds_per_round_and_the_table_the_cpu_ratio(tmp_path: Path) -> None:
    province = _province()
    data = tmp_path / "ledgers.jsonl"
    data.write_text(dump(load(json.dumps(LEDGER, ensure_ascii=False)), indent=None) * 2, encoding="utf-8")
    result = province.worker(data, 3)
    for phase in ("load_cpu_s", "audit_cpu_s", "dump_cpu_s"):
        assert len(result[phase]) == 3
        assert all(seconds >= 0 for seconds in result[phase])
    ours = {phase: [1.0, 2.0] for phase in ("load_s", "audit_s", "dump_s")}
    ours.update(load_cpu_s=[0.5, 0.5], audit_cpu_s=[0.6, 0.8], dump_cpu_s=[0.1, 0.1])
    peer = {"load_s": [0.5, 0.5], "audit_s": [0.1, 0.1], "dump_s": [0.1, 0.1]}
    combined = province._combine([{**ours, "bytes_per_item": 100.0, "items": 2}])
    assert combined["audit_cpu_s"] == 0.7
    run = {
        "items": 2,
        "results": {
            "budgetacct": combined,
            "msgspec_pi": province._combine([{**peer, "bytes_per_item": 50.0, "items": 2}]),
        },
    }
    lines = province.table(run).splitlines()
    assert "budgetacct full audit / own load = 1.00" in lines
    assert (
        "budgetacct full audit / own load in CPU seconds = 1.40 (load 0.500 s, full audit 0.700 s)" in lines
    )
