"""B.9 weights, scores and grade of a project's table (R51–R52)."""

from __future__ import annotations

from decimal import Decimal

from budgetacct.auditing.check import Checker, compared
from budgetacct.auditing.rules.performance_reading import (
    BASE,
    HUNDRED,
    ZERO,
    classify,
    evaluations_of,
    plain,
    score_half,
)
from budgetacct.model.enums import Severity
from budgetacct.model.indicators import DEFAULT_WEIGHTS, grade
from budgetacct.model.scoring import EXECUTION, normalise_grade


def weights_and_scores_add_up(c: Checker) -> None:
    for i, e in enumerate(evaluations_of(c)):
        base = f"{BASE}[{i}]"
        # (path of the weight, path of the score, weight, score, 一级)
        lines = [
            (
                f"{base}.indicators[{j}].weight",
                f"{base}.indicators[{j}].score",
                ind.weight,
                ind.score,
                classify(ind).level1,
            )
            for j, ind in enumerate(e.indicators)
        ]
        lines.append(
            (
                f"{base}.execution_weight",
                f"{base}.execution_score",
                e.execution_weight,
                e.execution_score,
                EXECUTION,
            )
        )
        if e.total_score is None and all(w is None and s is None for _, _, w, s, _ in lines):
            continue
        for weight_path, score_path, weight, score, _ in lines:
            for path, what_zh, value in ((weight_path, "权重", weight), (score_path, "得分", score)):
                if value is not None and value < 0:
                    c.fail(
                        path,
                        f"“{e.name}”{what_zh}{plain(value)}为负数",
                        f"“{e.name}”: negative {path.rsplit('.', 1)[-1]} {plain(value)}",
                        expected="≥0",
                        actual=value,
                    )
            if weight is not None and score is not None and score - weight > score_half(c, score):
                c.fail(
                    score_path,
                    f"“{e.name}”得分{plain(score)}超过权重{plain(weight)}",
                    f"“{e.name}”: score {plain(score)} exceeds the weight {plain(weight)}",
                    expected=f"≤{plain(weight)}",
                    actual=score,
                    difference=score - weight,
                )
        groups: dict[str, list[tuple[str, Decimal | None]]] = {}
        for weight_path, _, weight, _, level1 in lines:
            # 成本指标 as a 一级 (central forms) counts towards 产出's standard 50, as in the Sichuan forms.
            standard_group = "产出指标" if level1 == "成本指标" else level1
            groups.setdefault(standard_group, []).append((weight_path, weight))
        for level1, members in groups.items():
            standard = DEFAULT_WEIGHTS.get(level1)
            if standard is None or any(w is None for _, w in members):
                continue
            total = sum((w for _, w in members if w is not None), ZERO)
            if total != standard:
                c.emit(
                    Severity.WARNING,
                    members[0][0],
                    f"“{e.name}”{level1}权重合计{plain(total)}，标准为{plain(standard)}（财预〔2020〕10号，特殊情况可调整）",
                    f"“{e.name}”: the {level1} weights total {plain(total)}, the standard is {plain(standard)}",
                    expected=standard,
                    actual=total,
                    difference=total - standard,
                )
        weights = [w for _, _, w, _, _ in lines]
        if all(w is not None for w in weights):
            total = sum((w for w in weights if w is not None), ZERO)
            if total != HUNDRED:
                c.fail(
                    f"{base}.indicators",
                    f"“{e.name}”权重合计{plain(total)}，应为100",
                    f"“{e.name}”: the weights total {plain(total)}, not 100",
                    expected=HUNDRED,
                    actual=total,
                    difference=total - HUNDRED,
                )
        if e.total_score is None:
            continue
        if e.total_score > HUNDRED or e.total_score < 0:
            c.fail(
                f"{base}.total_score",
                f"“{e.name}”总分{plain(e.total_score)}不在0到100之间",
                f"“{e.name}”: the total score {plain(e.total_score)} is outside 0–100",
                expected="0–100",
                actual=e.total_score,
            )
        scores = [s for _, _, _, s, _ in lines]
        if all(s is not None for s in scores):
            expected = sum((s for s in scores if s is not None), ZERO)
            difference = e.total_score - expected
            tolerance = score_half(c, e.total_score) + sum(
                (score_half(c, s) for s in scores if s is not None), ZERO
            )
            if abs(difference) > tolerance:
                c.fail(
                    f"{base}.total_score",
                    f"“{e.name}”总分{plain(e.total_score)}与各项得分之和{plain(expected)}不符",
                    f"“{e.name}”: the total score {plain(e.total_score)} differs from the sum of scores {plain(expected)}",
                    **compared(expected, e.total_score, tolerance),
                )


def grade_matches_total_score(c: Checker) -> None:
    for i, e in enumerate(evaluations_of(c)):
        if e.grade is None:
            continue
        path = f"{BASE}[{i}].grade"
        printed = normalise_grade(e.grade)
        if printed is None:
            c.emit(
                Severity.WARNING,
                path,
                f"“{e.name}”评价等级“{e.grade}”不是优、良、中、差之一",
                f"“{e.name}”: the grade “{e.grade}” is not one of 优, 良, 中, 差",
                expected="优/良/中/差",
                actual=e.grade,
            )
            continue
        total = e.total_score
        computed = False
        if total is None:
            parts = [ind.score for ind in e.indicators] + [e.execution_score]
            if not e.indicators or any(p is None for p in parts):
                continue
            total = sum((p for p in parts if p is not None), ZERO)
            computed = True
        if not ZERO <= total <= HUNDRED:
            continue  # R51 reports it
        expected = grade(total)
        if expected != printed:
            source_zh = "各项得分之和" if computed else "总分"
            source_en = "the sum of scores" if computed else "the total score"
            c.fail(
                path,
                f"“{e.name}”{source_zh}{plain(total)}对应等级“{expected}”，却评为“{e.grade}”",
                f"“{e.name}”: {source_en} {plain(total)} means “{expected}”, but “{e.grade}” is printed",
                expected=expected,
                actual=e.grade,
            )
