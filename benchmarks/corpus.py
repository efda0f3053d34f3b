"""Reading the real reports of ``tests/corpus``: what is read, what is not, and what it costs.

    python benchmarks/corpus.py [--rounds R] [--json] [FILE ...]

For each report (default: every PDF in ``tests/corpus``) it prints the pages, the figures read and
not read (narrative and tables), the standard tables recognized of the table-like grids found, the
seconds ``read_published`` takes (median of ``--rounds``), and beside them the seconds and the
characters of a plain ``pdfplumber`` ``extract_text()`` of every page — the floor any reader of the
same file pays — with the ratio of the two.  Peak memory is measured per report with
``tracemalloc`` (Python allocations only): pages are read and released one by one, so a report
twice as long should not need twice the peak.

This is a benchmark, not a test: it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
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
            coverage=None if c.ratio is None else float(c.ratio),
        )
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", type=Path, help="PDF files (default: tests/corpus/*.pdf)")
    parser.add_argument("--rounds", type=int, default=3, help="reads per file (median)")
    parser.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    args = parser.parse_args(argv)
    files = args.files or sorted(CORPUS.glob("*.pdf"))
    rows = [measure(path, args.rounds) for path in files]
    print(
        f"{'file':28} {'pages':>5} {'read':>5} {'unread':>6} {'narr%':>6} {'cover':>6} {'tables':>7} "
        f"{'s':>6} {'plain s':>7} {'×':>5} {'MiB':>6}"
    )
    for r in rows:
        if r["error"]:
            print(f"{r['file']:28} {r['error']}")
            continue
        cover = "—" if r["coverage"] is None else f"{r['coverage']:.1%}"
        narrative = r["narrative_read"] + r["narrative_unread"]
        narrative_share = f"{r['narrative_read'] / narrative:.1%}" if narrative else "—"
        tables = f"{r['tables_recognized']}/{r['tables_found']}"
        print(
            f"{r['file']:28} {r['pages']:>5} {r['figures_read']:>5} {r['figures_unread']:>6} "
            f"{narrative_share:>6} {cover:>6} {tables:>7} {r['seconds']:>6.2f} {r['plain_seconds']:>7.2f} "
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
