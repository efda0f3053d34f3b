"""Score one of the seed's project self-evaluations (项目支出绩效自评表) with your own weights.

    python examples/score_project.py [--project 2] [--weights 产出指标=50,效益指标=30,满意度指标=10,预算执行率=10]

The seed's tables print no weights, so budgetacct will not invent a score
(``score_project(evaluation)`` says “表中未列权重，不计算得分”).  With caller-supplied 一级 weights
each indicator is evaluated in the direction its 二级 label implies, scored per 财预〔2020〕10号
(each 一级 weight split equally among its indicators), and the total graded 优/良/中/差.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from decimal import Decimal

from budgetacct import load_example
from budgetacct.model.scoring import score_project

DEFAULT = "产出指标=50,效益指标=30,满意度指标=10,预算执行率=10"


def parse_weights(text: str) -> dict[str, Decimal]:
    weights = {}
    for part in text.split(","):
        name, _, value = part.partition("=")
        if not name.strip() or not value.strip():
            raise argparse.ArgumentTypeError(f"expected NAME=WEIGHT, got {part!r}")
        weights[name.strip()] = Decimal(value.strip())
    return weights


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--example", default="xiqu-2021", help="bundled example name")
    parser.add_argument("--project", type=int, default=2, help="which self-evaluation table (from 0)")
    parser.add_argument("--weights", type=parse_weights, default=parse_weights(DEFAULT), help=DEFAULT)
    args = parser.parse_args(argv)

    performance = load_example(args.example).performance
    if performance is None or not performance.evaluations:
        parser.error(f"{args.example} has no project self-evaluations")
    evaluations = performance.evaluations
    if not 0 <= args.project < len(evaluations):
        names = "; ".join(f"{i} {e.name}" for i, e in enumerate(evaluations))
        parser.error(f"--project must be 0–{len(evaluations) - 1}: {names}")
    evaluation = evaluations[args.project]

    print(f"项目 project: {evaluation.name}")
    print(f"without weights: {score_project(evaluation).reason_zh}")
    weights = ", ".join(f"{name} {weight}" for name, weight in args.weights.items())
    print(f"with weights: {weights}\n")

    score = score_project(evaluation, weights=args.weights)
    for line in score.lines:
        indicator = line.indicator
        print(f"  [{line.classification.level1}/{line.classification.level2}] {indicator.name}")
        print(f"      target {indicator.target!r}, actual {indicator.actual!r}")
        weight = "—" if line.weight is None else line.weight
        points = "—" if line.score is None else line.score
        print(f"      {line.evaluation.outcome.value} ({line.method or 'not scored'}): {points} of {weight}")
    print(
        f"\n  预算执行率 execution rate {score.execution_rate}%: {score.execution_score} of {score.execution_weight}"
    )
    if not score.computable:
        print(f"\nno score: {score.reason_en}")
        return 0
    print(f"\n总分 total {score.total}, 等级 grade {score.grade}")
    print(score.reason_en)
    return 0


if __name__ == "__main__":
    sys.exit(main())
