"""Province-scale benchmark: budgetacct against the peer implementations, in one run.

    python benchmarks/province.py [--departments N] [--rounds R] [--processes P] [--sizes 1,2,4]
                                  [--pipeline PAIRS] [--json]

It generates (or reuses) the peers' synthetic province (``shared/bench/peers/gen.py``, one
department per JSON line, about 200 line items each), converts it once to budgetacct's serialized
form (one ``Ledger`` per line), then measures, each implementation in a fresh process:

* load+validate — JSON bytes already in memory → validated objects;
* checks — budgetacct runs its *full audit* (every registered rule, exact ledger mode); the peers
  run their invariant function;
* dump — objects → JSON text;
* retained RSS per line item after load;
* with ``--pipeline PAIRS``: the whole pipeline (import, read, load, checks, dump) as separate
  processes, alternating with msgspec_pi, median of the pairwise wall-time ratios.

Medians over the rounds; ratios against the fastest peer in the same run.  Absolute times on a
shared 2-core machine mean little: read the ratios.  budgetacct's phases are also timed in CPU
seconds of its own process (``time.process_time``), and the audit ÷ load ratio is printed in
those too: other work on the machine moves it much less than the wall-time one.  With ``--json``
the last line printed is ``{"items": n, "results": {"budgetacct": {"load_s", "audit_s", "dump_s",
"load_cpu_s", "audit_cpu_s", "dump_cpu_s", "bytes_per_item"}, ...}}``.
This is a benchmark, not a test: it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE / ".data"
DEFAULT_PEERS = HERE.parent.parent / "shared" / "bench" / "peers"
PEERS = ("msgspec_pi", "msgspec", "attrs", "pydantic", "dicts")
_PAGE = os.sysconf("SC_PAGE_SIZE")
_PHASES = ("load_s", "audit_s", "dump_s")
#: budgetacct's phases in CPU seconds of its own process (the peers' runner reports wall time only).
_CPU_PHASES = ("load_cpu_s", "audit_cpu_s", "dump_cpu_s")

FUNDS = {
    "一般公共预算": ("一般公共预算财政拨款", "一般公共预算财政拨款收入"),
    "政府性基金预算": ("政府性基金预算财政拨款", "政府性基金预算财政拨款收入"),
    "国有资本经营预算": ("国有资本经营预算财政拨款", "国有资本经营预算财政拨款收入"),
    "其他": ("非财政拨款", "其他收入"),
}


def rss_now() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * _PAGE


def convert_department(peer: dict[str, Any]) -> dict[str, Any]:
    """One peer department → a budgetacct Ledger document (revenue = each fund's spending)."""
    items = []
    for item in peer["items"]:
        items.append(
            {
                "function": item["func_code"],
                "fund": FUNDS[item["fund_source"]][0],
                "kind": item["kind"],
                "amount": item["amount"],
                "economic": item["econ_code"],
            }
        )
    revenue = [
        {"source": FUNDS[fund][1], "amount": amount}
        for fund, amount in peer["fund_totals"].items()
        if amount not in ("0", "0.00")
    ]
    return {
        "type": "Ledger",
        "year": peer["year"],
        "department": peer["dept_name"],
        "revenue": revenue,
        "expenditure": items,
    }


def prepare(departments: int, peers_dir: Path) -> tuple[Path, Path]:
    DATA.mkdir(exist_ok=True)
    peer_file = DATA / f"peers-{departments}.jsonl"
    ours = DATA / f"budgetacct-{departments}.jsonl"
    if not peer_file.exists():
        subprocess.run(
            [sys.executable, str(peers_dir / "gen.py"), "--depts", str(departments), "-o", str(peer_file)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    if not ours.exists():
        with peer_file.open("rb") as src, ours.open("w", encoding="utf-8") as out:
            for line in src:
                doc = convert_department(json.loads(line))
                out.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n")
    return peer_file, ours


def worker(data: Path, rounds: int) -> dict[str, Any]:
    """Measure budgetacct in this process (called in a fresh subprocess)."""
    t0 = time.perf_counter()
    from budgetacct import audit
    from budgetacct.io.converter import _get
    from budgetacct.io.json import dump, load_bytes

    # The converter's generated code is built on first use; like the peers' decoders built at
    # import, that belongs to start-up, not to the first round.
    _get()
    import_s = time.perf_counter() - t0
    lines = data.read_bytes().split(b"\n")
    if lines and not lines[-1]:
        lines.pop()
    result: dict[str, Any] = {"import_s": import_s, **{phase: [] for phase in _PHASES + _CPU_PHASES}}
    for r in range(rounds):
        gc.collect()
        before = rss_now()
        t, c = time.perf_counter(), time.process_time()
        # Every line is a Ledger (``prepare`` writes them so).
        ledgers: list[Any] = [load_bytes(line) for line in lines]
        result["load_s"].append(time.perf_counter() - t)
        result["load_cpu_s"].append(time.process_time() - c)
        if r == 0:
            items = sum(len(ledger.expenditure) for ledger in ledgers)
            result["items"] = items
            result["bytes_per_item"] = (rss_now() - before) / items
        t, c = time.perf_counter(), time.process_time()
        errors = sum(len(audit(ledger).errors) for ledger in ledgers)
        result["audit_s"].append(time.perf_counter() - t)
        result["audit_cpu_s"].append(time.process_time() - c)
        result["error_findings"] = errors
        t, c = time.perf_counter(), time.process_time()
        out = [dump(ledger, indent=None) for ledger in ledgers]
        result["dump_s"].append(time.perf_counter() - t)
        result["dump_cpu_s"].append(time.process_time() - c)
        del out, ledgers
    return result


def run_ours(data: Path, rounds: int) -> dict[str, Any]:
    """One budgetacct process of ``rounds`` rounds: the per-round times and the process figures."""
    proc = subprocess.run(
        [sys.executable, __file__, "--worker", str(data), "--rounds", str(rounds)],
        check=True,
        capture_output=True,
        text=True,
    )
    raw = json.loads(proc.stdout.strip().splitlines()[-1])
    return {
        **{phase: raw[phase] for phase in _PHASES + _CPU_PHASES},
        "bytes_per_item": raw["bytes_per_item"],
        "import_s": raw["import_s"],
        "items": raw["items"],
        "error_findings": raw["error_findings"],
    }


def run_peer(name: str, data: Path, rounds: int, peers_dir: Path) -> dict[str, Any] | None:
    """One peer process (the peers' own ``bench.py``), in the same form as :func:`run_ours`."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        out = Path(tmp.name)
    proc = subprocess.run(
        [
            sys.executable,
            str(peers_dir / "bench.py"),
            "--impl",
            name,
            "--data",
            str(data),
            "--rounds",
            str(rounds),
            "--quiet",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        print(
            f"  {name}: skipped ({proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else 'failed'})",
            file=sys.stderr,
        )
        return None
    raw = json.loads(out.read_text())
    out.unlink()
    return {
        "load_s": raw["load_s"],
        "audit_s": raw["check_s"],
        "dump_s": raw["dump_s"],
        "bytes_per_item": raw["retained_bytes_per_item"],
        "import_s": raw["import_s"],
        "items": raw["line_items"],
    }


def _combine(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians over every round of every process; process figures from the first process."""
    combined = dict(runs[0])
    for phase in _PHASES + _CPU_PHASES:
        if phase in combined:  # the CPU seconds: budgetacct only
            combined[phase] = statistics.median(t for run in runs for t in run[phase])
    combined["processes"] = len(runs)
    return combined


def measure(
    departments: int, rounds: int, peers_dir: Path, peers: tuple[str, ...], processes: int = 1
) -> dict[str, Any]:
    """Each implementation in ``processes`` fresh processes of ``rounds`` rounds, the processes of
    the implementations interleaved (ours, peer, peer, ours, …) so that a drift of the machine's
    speed touches every implementation alike."""
    peer_file, ours = prepare(departments, peers_dir)
    runs: dict[str, list[dict[str, Any]]] = {"budgetacct": []}
    for _ in range(processes):
        runs["budgetacct"].append(run_ours(ours, rounds))
        print(
            f"  budgetacct: load {statistics.median(runs['budgetacct'][-1]['load_s']):.3f} s", file=sys.stderr
        )
        for name in peers:
            got = run_peer(name, peer_file, rounds, peers_dir)
            if got is not None:
                runs.setdefault(name, []).append(got)
                print(f"  {name}: load {statistics.median(got['load_s']):.3f} s", file=sys.stderr)
    results = {name: _combine(found) for name, found in runs.items()}
    return {"items": results["budgetacct"]["items"], "departments": departments, "results": results}


def table(run: dict[str, Any]) -> str:
    results = run["results"]
    fastest = {ph: min(r[ph] for r in results.values()) for ph in _PHASES}
    rows = [
        f"{'implementation':<12} {'load s':>8} {'×min':>6} {'checks s':>9} {'×min':>6} {'dump s':>8} {'×min':>6} {'B/item':>7}"
    ]
    for name, r in results.items():
        rows.append(
            f"{name:<12} {r['load_s']:>8.3f} {r['load_s'] / fastest['load_s']:>6.2f} {r['audit_s']:>9.3f} "
            f"{r['audit_s'] / fastest['audit_s']:>6.2f} {r['dump_s']:>8.3f} {r['dump_s'] / fastest['dump_s']:>6.2f} "
            f"{r['bytes_per_item']:>7.0f}"
        )
    ours = results["budgetacct"]
    rows.append(
        f"line items: {run['items']:,}; budgetacct items/s: load {run['items'] / ours['load_s']:,.0f}"
    )
    for peer in ("pydantic", "msgspec_pi"):
        if peer in results:
            rows.append(f"budgetacct load / {peer} load = {ours['load_s'] / results[peer]['load_s']:.2f}")
    rows.append(f"budgetacct full audit / own load = {ours['audit_s'] / ours['load_s']:.2f}")
    rows.append(
        f"budgetacct full audit / own load in CPU seconds = {ours['audit_cpu_s'] / ours['load_cpu_s']:.2f}"
        f" (load {ours['load_cpu_s']:.3f} s, full audit {ours['audit_cpu_s']:.3f} s)"
    )
    return "\n".join(rows)


def pipeline_once(data: Path, *, checks: bool = True) -> None:
    """One whole pipeline in this process: import, read, load, full audit, dump (then exit)."""
    from budgetacct import audit
    from budgetacct.io.json import dump, load_bytes

    lines = data.read_bytes().split(b"\n")
    if lines and not lines[-1]:
        lines.pop()
    ledgers = [load_bytes(line) for line in lines]
    if checks:
        for ledger in ledgers:
            audit(ledger)
    out = [dump(ledger, indent=None) for ledger in ledgers]
    assert len(out) == len(lines)


def _run_process(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def measure_pipeline(departments: int, pairs: int, peers_dir: Path) -> dict[str, Any]:
    """Whole-process wall time, budgetacct against msgspec_pi, in alternating pairs.

    ``full``: budgetacct imports, reads, loads, runs the **full audit** and dumps; msgspec_pi
    runs its invariants instead.  ``no_checks``: both import, read, load and dump only.  Pairing
    (A B A B …, one warm-up each) keeps each ratio meaningful while the machine's speed drifts;
    the median of the pairwise ratios is reported.
    """
    peer_file, ours = prepare(departments, peers_dir)
    peer = [sys.executable, str(peers_dir / "bench.py"), "--impl", "msgspec_pi", "--data", str(peer_file)]
    peer += ["--rounds", "1", "--quiet", "--no-verify", "--phases"]
    variants = {
        "full": ([sys.executable, __file__, "--pipeline-worker", str(ours)], [*peer, "load,check,dump"]),
        "no_checks": (
            [sys.executable, __file__, "--pipeline-worker", str(ours), "--no-checks"],
            [*peer, "load,dump"],
        ),
    }
    results: dict[str, Any] = {}
    for name, (a, b) in variants.items():
        _run_process(a), _run_process(b)
        walls_a, walls_b = [], []
        for _ in range(pairs):
            walls_a.append(_run_process(a))
            walls_b.append(_run_process(b))
        ratios = [x / y for x, y in zip(walls_a, walls_b, strict=True)]
        results[name] = {
            "budgetacct_wall_s": statistics.median(walls_a),
            "msgspec_pi_wall_s": statistics.median(walls_b),
            "ratio": statistics.median(ratios),
            "ratio_min": min(ratios),
            "ratio_max": max(ratios),
        }
    results["pairs"] = pairs
    return results


def fitted_exponent(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(time) against log(size): 1.0 means linear."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--departments",
        type=int,
        default=2500,
        help="departments in the ×1 province (2,500 ≈ 500k line items)",
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds per process")
    parser.add_argument(
        "--processes", type=int, default=1, help="fresh processes per implementation, interleaved"
    )
    parser.add_argument("--sizes", default="1", help="comma list of multiples of --departments, e.g. 1,2,4")
    parser.add_argument(
        "--peers", type=Path, default=DEFAULT_PEERS, help="folder of the peer implementations"
    )
    parser.add_argument("--only", default=",".join(PEERS), help="peers to run (comma list; empty for none)")
    parser.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    parser.add_argument(
        "--pipeline",
        type=int,
        metavar="PAIRS",
        default=0,
        help="also time the whole pipeline as separate processes, PAIRS alternating pairs against msgspec_pi",
    )
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--pipeline-worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--no-checks", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        print(json.dumps(worker(args.worker, args.rounds)))
        return 0
    if args.pipeline_worker is not None:
        pipeline_once(args.pipeline_worker, checks=not args.no_checks)
        return 0
    peers = tuple(p for p in args.only.split(",") if p)
    runs = []
    for multiple in (int(s) for s in args.sizes.split(",")):
        print(f"== {multiple}× ({args.departments * multiple} departments)", file=sys.stderr)
        run = measure(
            args.departments * multiple,
            args.rounds,
            args.peers,
            peers if multiple == 1 else (),
            args.processes if multiple == 1 else 1,
        )
        runs.append(run)
        print(table(run))
    final = dict(runs[0])
    if len(runs) > 1:
        for phase in _PHASES:
            points = [(r["items"], r["results"]["budgetacct"][phase]) for r in runs]
            final.setdefault("exponents", {})[phase] = round(fitted_exponent(points), 3)
        print(f"fitted exponents (1.0 = linear): {final['exponents']}")
    if args.pipeline:
        print(f"== whole pipeline, {args.pipeline} pairs against msgspec_pi", file=sys.stderr)
        final["pipeline"] = measure_pipeline(args.departments, args.pipeline, args.peers)
        for name, label in (("full", "with the full audit"), ("no_checks", "without checks")):
            p = final["pipeline"][name]
            print(
                f"whole pipeline {label}: budgetacct {p['budgetacct_wall_s']:.2f} s, "
                f"msgspec_pi {p['msgspec_pi_wall_s']:.2f} s, ratio {p['ratio']:.2f} "
                f"({p['ratio_min']:.2f}–{p['ratio_max']:.2f})"
            )
    if args.json:
        print(json.dumps(final, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
