"""Audit many reports at once, on a process pool, streaming one result per report.

>>> from budgetacct.batch import audit_path
>>> from budgetacct.examples import example_path
>>> result = audit_path(str(example_path("xiqu-2021", "disclosure")))
>>> result["status"], result["counts"]["error"] >= 1
('findings', True)

Every function here is a plain top-level function of plain data (paths in, JSON-ready dicts out),
free of global state, so it pickles and runs unchanged in worker processes, on a Dask cluster
(:mod:`budgetacct.dask`) or anywhere else.  One unreadable report never stops a batch: it comes
back with ``status == "unreadable"`` and the reason.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

__all__ = ["audit_chunk", "audit_many", "audit_path", "expand_paths", "load_any"]

#: File endings the batch understands; other files in a directory are skipped.
SUFFIXES = (".json", ".txt", ".xlsx")


def expand_paths(items: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Files, directories (searched recursively for known file types) and glob patterns → file paths.

    A name that matches nothing is kept, so that it is reported as unreadable rather than lost.
    """
    found: list[str] = []
    for item in items:
        text = os.fspath(item)
        path = Path(text)
        if path.is_dir():
            found.extend(
                str(p) for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in SUFFIXES
            )
        elif glob.has_magic(text):
            matches = sorted(glob.glob(text, recursive=True))
            found.extend(matches if matches else [text])
        else:
            found.append(text)
    return found


def load_any(path: str | os.PathLike[str]) -> Any:
    """A Disclosure or Ledger from a JSON document, a report text (.txt) or a table workbook (.xlsx).

    Returns ``(document, sources)`` where ``sources`` maps finding paths to the sentence a figure
    came from (empty except for report texts).
    """
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix == ".txt":
        from budgetacct.reader import read_report

        result = read_report(file.read_bytes().decode("utf-8-sig"))
        sources = {source.path: source.sentence for source in result.sources}
        return result.disclosure, sources
    if suffix == ".xlsx":
        from budgetacct.io.excel import load_xlsx

        return load_xlsx(file), {}
    from budgetacct.io.json import load

    return load(file), {}


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


def audit_path(path: str) -> dict[str, Any]:
    """Audit one report file; never raises for a bad file (``status`` says what happened).

    The result: ``{"path", "status": "ok" | "findings" | "unreadable", "counts": {"error",
    "warning", "note"}, "findings": [...], "error": message or None}``.
    """
    from budgetacct.audit import audit
    from budgetacct.errors import BudgetAcctError

    result: dict[str, Any] = {
        "path": path,
        "status": "unreadable",
        "counts": {"error": 0, "warning": 0, "note": 0},
        "findings": [],
        "error": None,
    }
    try:
        document, sources = load_any(path)
        report = audit(document)
    except (BudgetAcctError, OSError, UnicodeDecodeError) as exc:
        result["error"] = str(exc) if not isinstance(exc, OSError) else f"{path}: {exc.strerror or exc}"
        return result
    except Exception as exc:  # a crash on one report must not stop the others
        result["error"] = f"{type(exc).__name__}: {exc}"
        return result
    result["findings"] = [_finding_dict(f, sources) for f in report.findings]
    result["counts"] = {severity.value: n for severity, n in report.counts.items()}
    result["status"] = "ok" if report.ok else "findings"
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
