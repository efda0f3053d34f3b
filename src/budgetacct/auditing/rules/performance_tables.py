"""B.9 the department's set of tables: coverage of 项目支出, one department named (R53–R54)."""

from __future__ import annotations

from collections import Counter

from budgetacct.auditing.check import Checker
from budgetacct.auditing.rules.performance_reading import (
    BASE,
    ZERO,
    compact,
    evaluations_of,
    plain,
    total_of,
)
from budgetacct.model.enums import ExpenditureKind, Severity


def project_tables_cover_project_spending(c: Checker) -> None:
    performance = c.d.performance
    if performance is None or not performance.evaluations:
        return
    evaluations = performance.evaluations
    counted = performance.projects_self_evaluated
    if counted is not None and counted != len(evaluations):
        c.fail(
            "$.performance.projects_self_evaluated",
            f"说明称对{counted}个项目开展绩效自评，公开自评表{len(evaluations)}张",
            f"the narrative names {counted} self-evaluated projects, {len(evaluations)} tables are published",
            expected=len(evaluations),
            actual=counted,
            difference=counted - len(evaluations),
            tolerance=0,
        )
    expenditure = c.d.expenditure
    line = expenditure.get(ExpenditureKind.PROJECT) if expenditure is not None else None
    if line is None:
        return
    spent = [
        (i, amount) for i, e in enumerate(evaluations) if (amount := total_of(c, e.executed)) is not None
    ]
    if not spent:
        return
    total = sum((a.value for _, a in spent), ZERO)
    tolerance = c.half(line.amount) + sum((c.half(a) for _, a in spent), ZERO)
    excess = total - line.amount.value
    figures: dict[str, object] = {
        "expected": f"≤{plain(line.amount.value)}",
        "actual": total,
        "difference": excess,
        "tolerance": tolerance,
    }
    if excess > tolerance:
        c.fail(
            BASE,
            f"各项目自评表执行数合计{plain(total)}万元，超过项目支出{plain(line.amount.value)}万元",
            f"the project tables spend {plain(total)} in all, more than the project spending {plain(line.amount.value)}",
            **figures,
        )
    elif -excess > tolerance and len(spent) == len(evaluations):
        c.emit(
            Severity.NOTE,
            BASE,
            f"项目支出{plain(line.amount.value)}万元中有{plain(-excess)}万元未列入自评表",
            f"{plain(-excess)} of the project spending {plain(line.amount.value)} is not covered by a self-evaluation table",
            **figures,
        )


def tables_name_one_department(c: Checker) -> None:
    evaluations = evaluations_of(c)
    for name, label_zh, label_en in (
        ("department", "主管部门及代码", "department"),
        ("implementing_unit", "实施单位", "implementing unit"),
    ):
        values = [(i, compact(v)) for i, e in enumerate(evaluations) if (v := getattr(e, name)) is not None]
        if len({v for _, v in values}) < 2:
            continue
        common = Counter(v for _, v in values).most_common(1)[0][0]
        for i, value in values:
            if value != common:
                c.fail(
                    f"{BASE}[{i}].{name}",
                    f"“{evaluations[i].name}”{label_zh}为“{value}”，其他自评表为“{common}”",
                    f"“{evaluations[i].name}”: the {label_en} reads “{value}”, the other tables “{common}”",
                    expected=common,
                    actual=value,
                )
