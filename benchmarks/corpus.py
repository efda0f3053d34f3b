"""Reading the real reports of ``tests/corpus``: what is read, what is not, and what it costs.

    python benchmarks/corpus.py [--rounds R] [--json] [FILE ...]
    python benchmarks/corpus.py --memory [--memory-pages 25,100,200,300] [--memory-source FILE] [--json]

For each report (default: every PDF in ``tests/corpus``) it prints the pages, the figures read and
not read (narrative and tables), the standard tables recognized / the table-like grids found / the
tables the report's set publishes, the seconds ``read_published`` takes (median of ``--rounds``), and beside them the seconds and the
characters of a plain ``pdfplumber`` ``extract_text()`` of every page — the floor any reader of the
same file pays — with the ratio of the two.  Peak memory is measured per report with
``tracemalloc`` (Python allocations only): pages are read and released one by one, so a report
twice as long should not need twice the peak.

``--memory`` measures that on a long report: it joins copies of ``--memory-source`` (default
``sh2024-ptczj-js.pdf``, 25 pages) with ``pypdf`` into one temporary PDF of the largest of
``--memory-pages`` pages, then reads its first N pages for each N with ``read_pdf`` under
``tracemalloc`` and prints the peak, what the returned document retains, and the working memory
above it (peak − retained), which stays flat when pages are read and released one by one.

This is a benchmark, not a test: it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "tests" / "corpus"
sys.path.insert(0, str(HERE.parent / "src"))


def plain_extraction(path: Path) -> tuple[float, int]:
    """Seconds and characters of pdfplumber's ``extract_text`` over every page."""
    import pdfplumber

    started = time.perf_counter()
    characters = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            characters += len(page.extract_text() or "")
            page.flush_cache()
    return time.perf_counter() - started, characters


def tables_expected(table_set: str | None) -> int | None:
    """How many tables the report's set publishes (``None`` when no set was recognized)."""
    from budgetacct.model.budget_sets import BUDGET_TABLE_SETS
    from budgetacct.model.table_specs import TABLE_SETS

    found = TABLE_SETS.get(table_set or "") or BUDGET_TABLE_SETS.get(table_set or "")
    return None if found is None else len(found.entries)


def measure(path: Path, rounds: int) -> dict[str, Any]:
    from budgetacct.errors import BudgetAcctError
    from budgetacct.reader.published import read_published

    times, plain = [], []
    read = None
    error = None
    characters = 0
    for _ in range(rounds):
        started = time.perf_counter()
        try:
            read = read_published(path)
        except BudgetAcctError as exc:  # a report the reader refuses is reported, not fatal
            error = f"{type(exc).__name__}: {str(exc)[:120]}"
        times.append(time.perf_counter() - started)
        seconds, characters = plain_extraction(path)
        plain.append(seconds)
    tracemalloc.start()
    with contextlib.suppress(BudgetAcctError):
        read_published(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    row: dict[str, Any] = {
        "file": path.name,
        "seconds": statistics.median(times),
        "plain_seconds": statistics.median(plain),
        "plain_characters": characters,
        "peak_mib": peak / 2**20,
        "error": error,
    }
    row["ratio"] = row["seconds"] / row["plain_seconds"] if row["plain_seconds"] else None
    if read is not None:
        c = read.coverage
        row.update(
            pages=c.pages,
            figures_read=c.figures_read,
            figures_unread=c.figures_unread,
            narrative_read=c.narrative_read,
            narrative_unread=c.narrative_unread,
            tables_recognized=c.tables_recognized,
            tables_found=c.tables_found,
            tables_expected=tables_expected(read.disclosure.table_set),
            coverage=None if c.ratio is None else float(c.ratio),
        )
    return row


def long_pdf(source: Path, pages: int, target: Path) -> Path:
    """A PDF of ``pages`` pages: the pages of ``source`` repeated, in order, written to ``target``."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(source)
    writer = PdfWriter()
    for number in range(pages):
        writer.add_page(reader.pages[number % len(reader.pages)])
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def measure_memory(source: Path, steps: list[int]) -> list[dict[str, Any]]:
    """Peak and retained ``tracemalloc`` memory of ``read_pdf`` over the first N pages of a long copy
    of ``source``, for each N of ``steps``."""
    from budgetacct.reader.pdf import read_pdf

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        path = long_pdf(source, max(steps), Path(folder) / f"long-{source.stem}.pdf")
        for pages in sorted(steps):
            tracemalloc.start()
            started = time.perf_counter()
            # no time limit: tracemalloc slows the read several times over
            document = read_pdf(path, pages=range(1, pages + 1), time_limit=math.inf)
            seconds = time.perf_counter() - started
            retained, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            rows.append(
                {
                    "pages": len(document.pages),
                    "seconds": seconds,
                    "peak_mib": peak / 2**20,
                    "retained_mib": retained / 2**20,
                    "working_mib": (peak - retained) / 2**20,
                }
            )
            del document
    return rows


def print_memory(source: Path, rows: list[dict[str, Any]]) -> None:
    print(f"read_pdf of copies of {source.name} joined into one file (tracemalloc, Python allocations)")
    print(f"{'pages':>5} {'peak MiB':>9} {'retained':>9} {'working':>8} {'retained/page':>13} {'s':>6}")
    for r in rows:
        per_page = r["retained_mib"] / r["pages"] if r["pages"] else 0.0
        print(
            f"{r['pages']:>5} {r['peak_mib']:>9.1f} {r['retained_mib']:>9.1f} {r['working_mib']:>8.1f} "
            f"{per_page:>13.2f} {r['seconds']:>6.1f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", type=Path, help="PDF files (default: tests/corpus/*.pdf)")
    parser.add_argument("--rounds", type=int, default=3, help="reads per file (median)")
    parser.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    parser.add_argument("--memory", action="store_true", help="measure memory on a long joined PDF instead")
    parser.add_argument(
        "--memory-pages", default="25,100,200,300", help="page counts to read (comma-separated)"
    )
    parser.add_argument(
        "--memory-source", type=Path, default=CORPUS / "sh2024-ptczj-js.pdf", help="the PDF repeated"
    )
    args = parser.parse_args(argv)
    if args.memory:
        steps = [int(part) for part in args.memory_pages.split(",") if part.strip()]
        memory = measure_memory(args.memory_source, steps)
        print_memory(args.memory_source, memory)
        if args.json:
            print(json.dumps({"memory": memory}, ensure_ascii=False))
        return 0
    files = args.files or sorted(CORPUS.glob("*.pdf"))
    rows = [measure(path, args.rounds) for path in files]
    print(
        f"{'file':28} {'pages':>5} {'read':>5} {'unread':>6} {'narr%':>6} {'cover':>6} {'tables':>8} "
        f"{'s':>6} {'plain s':>7} {'×':>5} {'MiB':>6}"
    )
    for r in rows:
        if r["error"]:
            print(f"{r['file']:28} {r['error']}")
            continue
        cover = "—" if r["coverage"] is None else f"{r['coverage']:.1%}"
        narrative = r["narrative_read"] + r["narrative_unread"]
        narrative_share = f"{r['narrative_read'] / narrative:.1%}" if narrative else "—"
        expected = "?" if r["tables_expected"] is None else r["tables_expected"]
        tables = f"{r['tables_recognized']}/{r['tables_found']}/{expected}"
        print(
            f"{r['file']:28} {r['pages']:>5} {r['figures_read']:>5} {r['figures_unread']:>6} "
            f"{narrative_share:>6} {cover:>6} {tables:>8} {r['seconds']:>6.2f} {r['plain_seconds']:>7.2f} "
            f"{r['ratio']:>5.2f} {r['peak_mib']:>6.1f}"
        )
    read_rows = [r for r in rows if not r["error"]]
    total_read = sum(r["figures_read"] for r in read_rows)
    total_unread = sum(r["figures_unread"] for r in read_rows)
    seconds = sum(r["seconds"] for r in read_rows)
    plain = sum(r["plain_seconds"] for r in read_rows)
    share = total_read / (total_read + total_unread) if total_read + total_unread else 0.0
    print(
        f"{'total':28} {'':>5} {total_read:>5} {total_unread:>6} {'':>6} {share:>6.1%} {'':>7} "
        f"{seconds:>6.2f} {plain:>7.2f} {seconds / plain if plain else 0:>5.2f}"
    )
    if args.json:
        print(json.dumps({"reports": rows}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
