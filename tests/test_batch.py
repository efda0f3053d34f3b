"""Batch audit: many files on a process pool, one bad file never stops the batch; Dask bags."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from budgetacct import load_example
from budgetacct.batch import audit_many, audit_path, expand_paths
from budgetacct.io import dump


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    seed = load_example("xiqu-2021")
    ledger = load_example("xiqu-2021", kind="ledger")
    (tmp_path / "a").mkdir()
    for i in range(3):
        (tmp_path / "a" / f"seed{i}.json").write_text(dump(seed), encoding="utf-8")
    (tmp_path / "ledger.json").write_text(dump(ledger), encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"type": "Disclosure", "year": "2021"}', encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a report", encoding="utf-8")
    return tmp_path


def test_expand_paths_walks_directories_and_globs(reports: Path) -> None:
    files = expand_paths([reports])
    assert [Path(f).name for f in files] == [
        "seed0.json",
        "seed1.json",
        "seed2.json",
        "broken.json",
        "ledger.json",
    ]
    assert expand_paths([str(reports / "a" / "*.json")]) == [
        str(reports / "a" / f"seed{i}.json") for i in range(3)
    ]
    assert expand_paths([str(reports / "missing-*.json")]) == [str(reports / "missing-*.json")]


def test_audit_path_statuses(reports: Path) -> None:
    seed = audit_path(str(reports / "a" / "seed0.json"))
    assert seed["status"] == "findings"
    assert seed["counts"]["error"] >= 1
    assert {f["rule"] for f in seed["findings"]} >= {"R46", "R37"}
    assert audit_path(str(reports / "ledger.json"))["status"] == "ok"
    broken = audit_path(str(reports / "broken.json"))
    assert broken["status"] == "unreadable"
    assert "$.year" in broken["error"]
    missing = audit_path(str(reports / "nope.json"))
    assert missing["status"] == "unreadable"
    json.dumps([seed, broken, missing], ensure_ascii=False)


@pytest.mark.parametrize("jobs", [1, 2])
def test_audit_many_streams_every_report(reports: Path, jobs: int) -> None:
    results = list(audit_many([reports], jobs=jobs))
    assert sorted(Path(r["path"]).name for r in results) == sorted(
        ["seed0.json", "seed1.json", "seed2.json", "broken.json", "ledger.json"]
    )
    assert [r["status"] for r in results].count("unreadable") == 1
    ordered = list(audit_many([reports], jobs=jobs, ordered=True))
    assert [r["path"] for r in ordered] == expand_paths([reports])


def test_work_functions_pickle() -> None:
    assert pickle.loads(pickle.dumps(audit_path)) is audit_path


def test_dask_bag_on_a_local_cluster(reports: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    from budgetacct.dask import audit_bag

    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        results = audit_bag([reports]).compute()
    assert len(results) == 5
    assert {r["status"] for r in results} == {"findings", "ok", "unreadable"}


def test_dask_bag_of_paths_locally(reports: Path) -> None:
    bag_module = pytest.importorskip("dask.bag")
    from budgetacct.dask import audit_bag

    bag = bag_module.from_sequence([str(reports / "ledger.json")])
    assert audit_bag(bag).compute(scheduler="sync")[0]["status"] == "ok"


def test_cli_batch_streams_json_lines(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from budgetacct.cli import main

    status = main(["audit", str(reports), "--jobs", "2"])
    lines = capsys.readouterr().out.splitlines()
    assert status == 2  # one report could not be read; the others were still audited
    results = [json.loads(line) for line in lines]
    assert len(results) == 5
    assert {r["status"] for r in results} == {"findings", "ok", "unreadable"}


def test_cli_batch_exit_codes_and_text(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from budgetacct.cli import main

    good = [str(reports / "a" / "seed0.json"), str(reports / "ledger.json")]
    assert main(["audit", *good, "--jobs", "1", "--format", "text"]) == 1
    out = capsys.readouterr().out
    assert "seed0.json: 错误" in out
    assert main(["audit", str(reports / "ledger.json"), "--format", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "ok"
    assert main(["audit", str(reports / "a" / "*.json")]) == 1
    assert len(capsys.readouterr().out.splitlines()) == 3
    empty = reports / "empty"
    empty.mkdir()
    assert main(["audit", str(empty)]) == 2
    assert "no reports found" in capsys.readouterr().err
