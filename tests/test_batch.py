"""Batch audit: many files on a process pool, one bad file never stops the batch; Dask bags."""

from __future__ import annotations

import io
import json
import pickle
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from budgetacct import load_example
from budgetacct.batch import Progress, Summary, audit_many, audit_path, expand_paths
from budgetacct.cli import main
from budgetacct.io import dump

#: A short report text the reader reads completely (two rounding notes, nothing else).
REPORT_TEXT = (
    "西区人民政府办公室2021年度部门决算\n"
    "2021年度收、支总计874.63万元，与2020年相比，收、支总计各减少19.37万元，下降2.17%。\n"
    "2021年本年收入合计830.63万元，其中：一般公共预算财政拨款收入739万元，占88.96%；"
    "政府性基金预算财政拨款收入91.5万元，占11.02%；其他收入0.13万元，占0.02%。\n"
    "2021年本年支出合计874.5万元，其中：基本支出782.99万元，占89.54%；项目支出91.5万元，占10.46%。\n"
)


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    seed = load_example("xiqu-2021")
    ledger = load_example("xiqu-2021", kind="ledger")
    (tmp_path / "a").mkdir()
    for i in range(3):
        (tmp_path / "a" / f"seed{i}.json").write_text(dump(seed), encoding="utf-8")
    (tmp_path / "ledger.json").write_text(dump(ledger), encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"type": "Disclosure", "year": "2021"}', encoding="utf-8")
    (tmp_path / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # no report: named as skipped
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
    assert seed["status"] == "errors"
    assert seed["counts"]["error"] >= 1
    assert {f["rule"] for f in seed["findings"]} >= {"R46", "R37"}
    assert audit_path(str(reports / "ledger.json"))["status"] == "ok"
    broken = audit_path(str(reports / "broken.json"))
    assert broken["status"] == "unreadable"
    assert "$.year" in broken["error"]
    missing = audit_path(str(reports / "nope.json"))
    assert missing["status"] == "unreadable"
    assert "找不到文件" in missing["error"] and "file not found" in missing["error"]
    json.dumps([seed, broken, missing], ensure_ascii=False)


def test_status_warnings_when_there_are_warnings_but_no_errors(tmp_path: Path) -> None:
    quiet = attrs.evolve(load_example("xiqu-2021"), staffing=None, performance=None)
    file = tmp_path / "quiet.json"
    file.write_text(dump(quiet), encoding="utf-8")
    result = audit_path(str(file))
    assert result["counts"]["error"] == 0 and result["counts"]["warning"] >= 1
    assert result["status"] == "warnings"
    notes_only = tmp_path / "notes.txt"
    notes_only.write_text(REPORT_TEXT, encoding="utf-8")
    result = audit_path(str(notes_only))
    assert result["counts"] == {"error": 0, "warning": 0, "note": 2}
    assert result["status"] == "ok"


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-16-le-bom", "utf-8-sig"])
def test_encoded_texts_read_in_a_batch_as_alone(
    encoding: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (
        b"\xff\xfe" + REPORT_TEXT.encode("utf-16-le")
        if encoding == "utf-16-le-bom"
        else REPORT_TEXT.encode(encoding)
    )
    file = tmp_path / "report.txt"
    file.write_bytes(data)
    assert main(["audit", str(file), "--format", "json"]) == 0
    alone = json.loads(capsys.readouterr().out)
    result = audit_path(str(file))
    assert result["status"] == "ok", result["error"]
    assert [f["rule"] for f in result["findings"]] == [f["rule"] for f in alone["findings"]] == ["R13", "R37"]
    assert [f["message"] for f in result["findings"]] == [f["message"] for f in alone["findings"]]
    (tmp_path / "utf8.txt").write_text(REPORT_TEXT, encoding="utf-8")
    assert audit_path(str(tmp_path / "utf8.txt"))["findings"] == result["findings"]


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
    assert len(results) == 6
    assert {r["status"] for r in results} == {"errors", "ok", "unreadable", "skipped"}
    assert [Path(r["path"]).name for r in results if r["status"] == "skipped"] == ["cover.png"]


def test_dask_bag_of_paths_locally(reports: Path) -> None:
    bag_module = pytest.importorskip("dask.bag")
    from budgetacct.dask import audit_bag

    bag = bag_module.from_sequence([str(reports / "ledger.json")])
    assert audit_bag(bag).compute(scheduler="sync")[0]["status"] == "ok"


def test_cli_batch_streams_json_lines(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["audit", str(reports), "--jobs", "2"])
    captured = capsys.readouterr()
    assert status == 2  # one report could not be read; the others were still audited
    skipped, *results, last = [json.loads(line) for line in captured.out.splitlines()]
    assert (Path(skipped["path"]).name, skipped["status"]) == ("cover.png", "skipped")
    assert len(results) == 5
    assert {r["status"] for r in results} == {"errors", "ok", "unreadable"}
    assert all("summary" not in r for r in results)
    summary = last["summary"]
    assert (summary["reports"], summary["skipped"]) == (5, 1)
    assert (summary["ok"], summary["warnings"], summary["errors"], summary["unreadable"]) == (1, 0, 3, 1)
    assert summary["findings"]["error"] == sum(r["counts"]["error"] for r in results)
    assert summary["findings"]["note"] == sum(r["counts"]["note"] for r in results)
    assert "lowest_coverage" not in summary  # no report states its coverage
    # the same summary on stderr, in both languages
    assert "共 5 份报告" in captured.err and "5 reports: ok 1" in captured.err
    assert "无法读取 1" in captured.err and "unreadable 1" in captured.err


def test_cli_batch_ordered_keeps_input_order(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(reports), "--jobs", "2", "--ordered"]) == 2
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["path"] for r in lines[1:-1]] == expand_paths([reports])
    assert "summary" in lines[-1]


def test_cli_batch_exit_codes_and_text(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = [str(reports / "a" / "seed0.json"), str(reports / "ledger.json")]
    assert main(["audit", *good, "--jobs", "1", "--format", "text"]) == 1
    out = capsys.readouterr().out
    assert "seed0.json: 错误" in out
    assert main(["audit", str(reports / "ledger.json"), "--format", "jsonl"]) == 0
    record, summary = capsys.readouterr().out.splitlines()
    assert json.loads(record)["status"] == "ok"
    assert json.loads(summary)["summary"]["reports"] == 1
    assert main(["audit", str(reports / "a" / "*.json")]) == 1
    assert len(capsys.readouterr().out.splitlines()) == 3 + 1
    empty = reports / "empty"
    empty.mkdir()
    assert main(["audit", str(empty)]) == 2
    assert "no reports found" in capsys.readouterr().err


def test_summary_keeps_the_lowest_coverage() -> None:
    summary = Summary()
    zero = {"error": 0, "warning": 0, "note": 0}
    summary.add({"path": "a.txt", "status": "ok", "counts": zero, "coverage": "0.95"})
    summary.add({"path": "b.txt", "status": "warnings", "counts": {**zero, "warning": 2}, "coverage": "0.6"})
    summary.add({"path": "c.json", "status": "errors", "counts": {"error": 1, "warning": 0, "note": 3}})
    as_dict = summary.as_dict()
    assert as_dict["lowest_coverage"] == {"coverage": "0.6", "path": "b.txt"}
    assert as_dict["findings"] == {"error": 1, "warning": 2, "note": 3}
    assert (as_dict["ok"], as_dict["warnings"], as_dict["errors"]) == (1, 1, 1)
    assert "最低读取覆盖率 0.6（b.txt）" in summary.text()
    assert "lowest coverage 0.6 (b.txt)" in summary.text()


def test_coverage_of_the_audit_travels_in_the_record(tmp_path: Path) -> None:
    import shutil

    pytest.importorskip("pdfplumber", reason="the pdf extra reads PDFs")
    pdf = tmp_path / "putuo.pdf"
    shutil.copy(Path(__file__).parent / "corpus" / "sh2024-ptczj-js.pdf", pdf)
    result = audit_path(str(pdf))
    assert Decimal(result["coverage"]) >= Decimal("0.90")  # e.g. 321 of 341 printed figures read
    assert result["status"] == "errors"  # 0.3 against 2,961.68 (R68), the 71.73% share (R37)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_a_live_line_on_a_terminal() -> None:
    terminal = _Terminal()
    progress = Progress(3, terminal)
    for status in ("ok", "errors", "unreadable"):
        progress.update({"status": status})
    progress.close()
    text = terminal.getvalue()
    assert text.count("\r") == 3 and text.endswith("\n") and text.count("\n") == 1
    assert text.rstrip("\n").rsplit("\r", 1)[-1] == (
        "已核对 3/3 · 有错误 1 · 无法读取 1 | audited 3/3 · errors 1 · unreadable 1"
    )


def test_progress_in_logs_is_periodic_plain_lines() -> None:
    log = io.StringIO()
    progress = Progress(250, log)  # every 25 reports
    for _ in range(250):
        progress.update({"status": "ok"})
    progress.close()
    lines = log.getvalue().splitlines()
    assert "\r" not in log.getvalue()
    assert len(lines) == 10
    assert lines[0].startswith("已核对 25/250") and lines[-1].startswith("已核对 250/250")


def test_progress_in_logs_also_by_time() -> None:
    now = [0.0]
    log = io.StringIO()
    progress = Progress(1000, log, every=500, seconds=5.0, clock=lambda: now[0])
    for step in range(10):
        now[0] = step * 2.0  # a report every two seconds from 0 s: lines at 6 s, 12 s and 18 s
        progress.update({"status": "ok"})
    assert [line.split(" ")[1] for line in log.getvalue().splitlines()] == ["4/1000", "7/1000", "10/1000"]


def test_cli_batch_progress_lines_on_a_pipe(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(reports), "--jobs", "1"]) == 2
    err = capsys.readouterr().err.splitlines()
    progress = [line for line in err if line.startswith("已核对")]
    assert [line.split(" ")[1] for line in progress] == ["1/5", "2/5", "3/5", "4/5", "5/5"]
    assert err[-1].startswith("共 5 份报告")


def test_cli_batch_json_format_ends_with_the_summary(
    reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", str(reports / "a"), "--format", "json", "--jobs", "1"]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["status"] for r in lines[:-1]] == ["errors"] * 3
    assert lines[-1] == {
        "summary": {
            "reports": 3,
            "ok": 0,
            "warnings": 0,
            "errors": 3,
            "unreadable": 0,
            "skipped": 0,
            "findings": {s: 3 * lines[0]["counts"][s] for s in ("error", "warning", "note")},
        }
    }


def test_progress_in_a_notebook_is_a_live_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    class ZMQInteractiveShell:  # the class name Jupyter's kernel shell has
        pass

    ipython = types.ModuleType("IPython")
    ipython.get_ipython = ZMQInteractiveShell  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "IPython", ipython)
    output = io.StringIO()  # a notebook's stderr is no terminal
    progress = Progress(2, output)
    progress.update({"status": "ok"})
    assert output.getvalue() == "\r已核对 1/2 · 有错误 0 · 无法读取 0 | audited 1/2 · errors 0 · unreadable 0"
    monkeypatch.delitem(sys.modules, "IPython")
    assert not Progress(2, io.StringIO()).live
