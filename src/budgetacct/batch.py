"""Audit many reports at once, on a process pool, streaming one result per report.

>>> from budgetacct.batch import audit_path
>>> from budgetacct.examples import example_path
>>> result = audit_path(str(example_path("xiqu-2021", "disclosure")))
>>> result["status"], result["counts"]["error"] >= 1
('errors', True)

Every function here is a plain top-level function of plain data (paths in, JSON-ready dicts out),
free of global state, so it pickles and runs unchanged in worker processes, on a Dask cluster
(:mod:`budgetacct.dask`) or anywhere else.  One unreadable report never stops a batch: it comes
back with ``status == "unreadable"`` and the reason.

A directory is searched for every file ending the one-file ``budgetacct audit FILE`` reads
(:data:`SUFFIXES`); any other file in it is not dropped silently but comes back as a record with
``status == "skipped"`` saying so, and the summary counts it.
"""

from __future__ import annotations

import glob
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from budgetacct._files import PUBLISHED_SUFFIXES, TEXT_SUFFIXES, XLSX_SUFFIXES

__all__ = [
    "SUFFIXES",
    "Found",
    "Progress",
    "Summary",
    "audit_chunk",
    "audit_many",
    "audit_path",
    "expand_paths",
    "find_reports",
    "load_any",
    "skipped_record",
    "status_of",
]

#: File endings a directory is searched for: every ending the one-file reader takes
#: (:func:`budgetacct._files.sniff`) — JSON, report texts, workbooks and reports as published.
SUFFIXES = (".json", *TEXT_SUFFIXES, *XLSX_SUFFIXES, *PUBLISHED_SUFFIXES)


class Found(NamedTuple):
    """The files a batch audits, and the files of its directories it does not (by their ending)."""

    files: list[str]
    skipped: list[str]


def find_reports(items: Iterable[str | os.PathLike[str]]) -> Found:
    """Files, directories (searched recursively for :data:`SUFFIXES`) and glob patterns → the
    report files, and the other files found in the directories.

    A file named outright or matched by a glob is always audited, whatever its ending (the reader
    tells what it is by its first bytes); a name that matches nothing is kept, so that it is
    reported as unreadable rather than lost.
    """
    files: list[str] = []
    skipped: list[str] = []
    for item in items:
        text = os.fspath(item)
        path = Path(text)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_file():
                    (files if found.suffix.lower() in SUFFIXES else skipped).append(str(found))
        elif glob.has_magic(text):
            matches = sorted(glob.glob(text, recursive=True))
            files.extend(matches if matches else [text])
        else:
            files.append(text)
    return Found(files, skipped)


def expand_paths(items: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The report files of :func:`find_reports` (files, directories and globs → file paths)."""
    return find_reports(items).files


def skipped_record(path: str) -> dict[str, Any]:
    """The record of a file a directory holds that is no report: shaped like :func:`audit_path`'s,
    with ``status == "skipped"`` and the reason in ``error``.

    >>> skipped_record("reports/photo.png")["error"].split("|")[1].split("(")[0].strip()
    'skipped: reports/photo.png: not a report format'
    """
    endings = " ".join(SUFFIXES)
    return {
        "path": path,
        "status": "skipped",
        "counts": {"error": 0, "warning": 0, "note": 0},
        "findings": [],
        "error": (
            f"跳过：{path}：不是报告格式（可读取的文件：{endings}）| "
            f"skipped: {path}: not a report format (files read: {endings})"
        ),
    }


def load_any(path: str | os.PathLike[str]) -> Any:
    """``(document, sources)`` of :func:`load_read`, without the coverage."""
    document, sources, _ = load_read(path)
    return document, sources


def load_read(path: str | os.PathLike[str]) -> Any:
    """A Disclosure or Ledger from a JSON document, a report text (.txt) or a table workbook (.xlsx);
    a Budget from a published 部门预算 or 单位预算 (PDF, Word, web page).

    Returns ``(document, sources, coverage)`` where ``sources`` maps finding paths to the sentence
    (or the page) a figure came from, and ``coverage`` says how much of a published PDF, Word
    document or web page was read (``None`` for the other files).  The file is recognized and decoded exactly as the
    one-file ``budgetacct audit FILE`` does (see :mod:`budgetacct._files`): a GBK, GB18030 or
    UTF-16 report reads the same alone and in a batch.
    """
    from budgetacct._files import decode_text, sniff
    from budgetacct.reader.published import budget_text_file

    file = Path(path)
    kind = sniff(file)
    # A budget's text is read as a budget, as `budgetacct audit FILE` and read_report read it.
    budget_text = kind == "text" and budget_text_file(file)
    if kind == "text" and not budget_text:
        from budgetacct.reader import read_text

        result = read_text(decode_text(file.read_bytes(), file))
        sources: dict[str, str] = {}
        for source in result.sources:
            sources.setdefault(source.path, source.sentence)
        return result.disclosure, sources, None
    if kind == "published" or budget_text:
        from budgetacct.reader.published import read_published

        read = read_published(file, kind="budget" if budget_text else None)
        pages = {s.path: f"第{s.page}页 page {s.page}: {s.printed}" for s in read.sources}
        return read.disclosure, pages, read.coverage
    if kind == "xlsx":
        from budgetacct.io.excel import read_xlsx

        return read_xlsx(file).disclosure, {}, None
    from budgetacct.io.json import load

    return load(file), {}, None


def _finding_dict(finding: Any, sources: dict[str, str]) -> dict[str, Any]:
    item = {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "path": finding.path,
        "expected": finding.expected,
        "actual": finding.actual,
        "difference": finding.difference,
        "tolerance": finding.tolerance,
        "message": {"zh": finding.message.zh, "en": finding.message.en},
    }
    source = sources.get(finding.path)
    if source is not None:
        item["source"] = source
    return item


def _coverage(report: Any) -> str | None:
    """The share of the printed figures the reader could read, when the report carries one.

    Kept as exact decimal text, like every figure of a finding.
    """
    coverage = getattr(report, "coverage", None)
    value = getattr(coverage, "ratio", coverage)
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return None
    return str(value)


def status_of(counts: dict[str, int]) -> str:
    """``"errors"``, ``"warnings"`` or ``"ok"`` (notes alone leave a report ok), from finding counts."""
    if counts.get("error", 0):
        return "errors"
    if counts.get("warning", 0):
        return "warnings"
    return "ok"


def audit_path(path: str) -> dict[str, Any]:
    """Audit one report file; never raises for a bad file (``status`` says what happened).

    The result: ``{"path", "status", "counts": {"error", "warning", "note"}, "findings": [...],
    "error": message or None}`` and ``"coverage"`` when the audit states how much of a report
    text was read.  ``status`` is ``"ok"`` (no error or warning finding), ``"warnings"``
    (warnings but no errors), ``"errors"`` or ``"unreadable"`` (``error`` says why).
    """
    from budgetacct._files import os_error_message
    from budgetacct.auditing import audit
    from budgetacct.errors import BudgetAcctError

    result: dict[str, Any] = {
        "path": path,
        "status": "unreadable",
        "counts": {"error": 0, "warning": 0, "note": 0},
        "findings": [],
        "error": None,
    }
    try:
        document, sources, coverage = load_read(path)
        report = audit(document, coverage=coverage)
    except OSError as exc:
        result["error"] = os_error_message(path, exc)
        return result
    except BudgetAcctError as exc:
        result["error"] = str(exc)
        return result
    except Exception as exc:  # a crash on one report must not stop the others
        result["error"] = f"无法读取输入 | cannot read the input: {type(exc).__name__}: {exc}"
        return result
    result["findings"] = [_finding_dict(f, sources) for f in report.findings]
    result["counts"] = {severity.value: n for severity, n in report.counts.items()}
    result["status"] = status_of(result["counts"])
    coverage = _coverage(report)
    if coverage is not None:
        result["coverage"] = coverage
    return result


def audit_chunk(paths: list[str]) -> list[dict[str, Any]]:
    """:func:`audit_path` over several files: one task carries many small reports."""
    return [audit_path(path) for path in paths]


def audit_many(
    paths: Iterable[str | os.PathLike[str]], *, jobs: int | None = None, ordered: bool = False
) -> Iterator[dict[str, Any]]:
    """Audit every report, yielding each result as soon as it is ready (or in input order).

    ``jobs=1`` audits in this process; ``jobs=None`` uses one worker per CPU.  Reports travel to
    the workers in small chunks (a task per report would cost more in messaging than a small
    report takes to audit), and at most a few chunks per worker are in flight, so memory stays flat
    for any number of reports.
    """
    files = expand_paths(paths)
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(files) <= 1:
        for file in files:
            yield audit_path(file)
        return
    size = max(1, min(32, len(files) // (workers * 8)))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    window = workers * 3
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: dict[Future[list[dict[str, Any]]], int] = {}
        done_early: dict[int, list[dict[str, Any]]] = {}
        next_index, next_out = 0, 0
        while next_index < len(chunks) or pending:
            while next_index < len(chunks) and len(pending) < window:
                pending[pool.submit(audit_chunk, chunks[next_index])] = next_index
                next_index += 1
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                index = pending.pop(future)
                if not ordered:
                    yield from future.result()
                    continue
                done_early[index] = future.result()
            while ordered and next_out in done_early:
                yield from done_early.pop(next_out)
                next_out += 1


class Summary:
    """Counts over a batch's results, as the last JSON line (``{"summary": {...}}``) and as text.

    >>> summary = Summary()
    >>> summary.add({"path": "a.json", "status": "errors", "counts": {"error": 2, "warning": 1, "note": 0}})
    >>> summary.add({"path": "b.txt", "status": "unreadable", "counts": {"error": 0, "warning": 0, "note": 0}})
    >>> summary.add(skipped_record("c.png"))
    >>> summary.as_dict()["errors"], summary.as_dict()["skipped"], summary.as_dict()["findings"]
    (1, 1, {'error': 2, 'warning': 1, 'note': 0})

    A skipped file (:func:`skipped_record`) is counted apart: it is no report.
    """

    def __init__(self) -> None:
        self.reports = 0
        self.statuses = {"ok": 0, "warnings": 0, "errors": 0, "unreadable": 0}
        self.findings = {"error": 0, "warning": 0, "note": 0}
        self.lowest: tuple[Decimal, str, str] | None = None
        self.skipped = 0

    def add(self, result: dict[str, Any]) -> None:
        if result["status"] == "skipped":
            self.skipped += 1
            return
        self.reports += 1
        self.statuses[result["status"]] = self.statuses.get(result["status"], 0) + 1
        for severity, count in result["counts"].items():
            self.findings[severity] = self.findings.get(severity, 0) + count
        coverage = result.get("coverage")
        if coverage is not None and (self.lowest is None or Decimal(coverage) < self.lowest[0]):
            self.lowest = (Decimal(coverage), coverage, result["path"])

    def as_dict(self) -> dict[str, Any]:
        """Reports by status (``ok``, ``warnings``, ``errors``, ``unreadable``), files ``skipped``,
        finding totals, and ``lowest_coverage`` when any report states its coverage."""
        summary: dict[str, Any] = {
            "reports": self.reports,
            **self.statuses,
            "skipped": self.skipped,
            "findings": dict(self.findings),
        }
        if self.lowest is not None:
            summary["lowest_coverage"] = {"coverage": self.lowest[1], "path": self.lowest[2]}
        return summary

    def text(self) -> str:
        """One line in Chinese and English."""
        s, f = self.statuses, self.findings
        zh = (
            f"共 {self.reports} 份报告：通过 {s['ok']} · 有警告 {s['warnings']} · 有错误 {s['errors']} · "
            f"无法读取 {s['unreadable']}；发现 错误 {f['error']} · 警告 {f['warning']} · 提示 {f['note']}"
        )
        en = (
            f"{self.reports} reports: ok {s['ok']} · warnings {s['warnings']} · errors {s['errors']} · "
            f"unreadable {s['unreadable']}; findings: errors {f['error']} · warnings {f['warning']} · "
            f"notes {f['note']}"
        )
        if self.skipped:
            zh += f"；跳过非报告文件 {self.skipped} 个"
            en += f"; {self.skipped} files skipped (not reports)"
        if self.lowest is not None:
            zh += f"；最低读取覆盖率 {self.lowest[1]}（{self.lowest[2]}）"
            en += f"; lowest coverage {self.lowest[1]} ({self.lowest[2]})"
        return f"{zh} | {en}"


def _in_notebook() -> bool:
    """Whether this runs in a Jupyter kernel, whose output area redraws a line ending in ``\\r``."""
    shell = sys.modules.get("IPython")
    get_ipython = getattr(shell, "get_ipython", None)
    return get_ipython is not None and type(get_ipython()).__name__ == "ZMQInteractiveShell"


class Progress:
    """A batch's progress on ``stream`` (stderr): one live line on a terminal or in a notebook,
    else — in logs, CI, pipes — a plain line every ``every`` reports or ``seconds`` seconds.

    >>> import io
    >>> log = io.StringIO()
    >>> progress = Progress(4, log, every=2)
    >>> for status in ("ok", "errors", "ok", "unreadable"):
    ...     progress.update({"status": status})
    >>> print(log.getvalue(), end="")
    已核对 2/4 · 有错误 1 · 无法读取 0 | audited 2/4 · errors 1 · unreadable 0
    已核对 4/4 · 有错误 1 · 无法读取 1 | audited 4/4 · errors 1 · unreadable 1
    """

    def __init__(
        self,
        total: int,
        stream: TextIO | None = None,
        *,
        live: bool | None = None,
        every: int | None = None,
        seconds: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.live = live if live is not None else bool(isatty and isatty()) or _in_notebook()
        self.every = every if every is not None else max(1, min(100, total // 10))
        self.seconds = seconds
        self.clock = clock
        self.last = clock()
        self.done = self.errors = self.unreadable = 0

    def _line(self) -> str:
        return (
            f"已核对 {self.done}/{self.total} · 有错误 {self.errors} · 无法读取 {self.unreadable} | "
            f"audited {self.done}/{self.total} · errors {self.errors} · unreadable {self.unreadable}"
        )

    def update(self, result: dict[str, Any]) -> None:
        self.done += 1
        self.errors += result["status"] == "errors"
        self.unreadable += result["status"] == "unreadable"
        if self.live:
            self.stream.write("\r" + self._line())
        else:
            now = self.clock()
            if self.done % self.every and self.done != self.total and now - self.last < self.seconds:
                return
            self.last = now
            self.stream.write(self._line() + "\n")
        self.stream.flush()

    def close(self) -> None:
        """End the live line, so that what follows starts on a line of its own."""
        if self.live and self.done:
            self.stream.write("\n")
            self.stream.flush()
