"""How batch audit scales with worker processes (a benchmark, not a test).

    python benchmarks/batch_scaling.py [--reports 2000] [--jobs 1,2]

Writes ``--reports`` department ledgers (from the peers' synthetic province, see province.py) as
separate JSON files, then audits the folder with :func:`budgetacct.batch.audit_many` at each
worker count and prints the wall time and the speed-up over one worker.  Run it on an otherwise
idle machine: on 2 cores the target is 2 workers ≥ 1.8 × one worker.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from province import DATA, DEFAULT_PEERS, prepare

from budgetacct.batch import audit_many


def write_reports(count: int) -> Path:
    folder = DATA / f"reports-{count}"
    if folder.exists() and len(list(folder.glob("*.json"))) == count:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    _, ours = prepare(max(count, 200), DEFAULT_PEERS)
    with ours.open(encoding="utf-8") as lines:
        for index, line in zip(range(count), lines, strict=False):
            (folder / f"dept-{index:05d}.json").write_text(line, encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--jobs", default="1,2")
    args = parser.parse_args(argv)
    folder = write_reports(args.reports)
    timings: dict[int, float] = {}
    for jobs in (int(j) for j in args.jobs.split(",")):
        start = time.perf_counter()
        results = list(audit_many([folder], jobs=jobs))
        timings[jobs] = time.perf_counter() - start
        assert len(results) == args.reports
        print(f"jobs={jobs}: {timings[jobs]:.2f} s ({args.reports / timings[jobs]:.0f} reports/s)")
    base = timings[min(timings)]
    speedups = {jobs: round(base / seconds, 2) for jobs, seconds in timings.items()}
    print(json.dumps({"reports": args.reports, "seconds": timings, "speedup": speedups}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
