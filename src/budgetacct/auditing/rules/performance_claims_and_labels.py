"""budgetacct's own performance rules: the narrative's claims, copied indicator text, unknown labels
(R61–R63)."""

from __future__ import annotations

from budgetacct.auditing.check import Checker
from budgetacct.auditing.rules.performance_reading import (
    BASE,
    ZERO,
    below,
    classify,
    compact,
    evaluations_of,
    indicator_rows,
    plain,
    total_of,
)
from budgetacct.model.enums import Severity
from budgetacct.model.indicators import (
    DEFAULT_HIERARCHY,
    Qualitative,
    parse_indicator_value,
)
from budgetacct.model.performance import ProjectEvaluation
from budgetacct.money import Amount

#: Shorter texts (“完成时间”, “区级各部门满意度”, “2021年”) recur legitimately across projects.
_COPY_MIN_LENGTH = 12


def _implied_fiscal_closing(c: Checker) -> Amount | None:
    fiscal = c.d.fiscal
    if fiscal is None:
        return None
    if fiscal.closing_balance is not None:
        return fiscal.closing_balance
    if fiscal.grand_total is not None and fiscal.expenditure_total is not None:
        # R17: 支出总计 = 本年支出 + 年末; the difference keeps both figures' rounding allowance.
        return c.sum_of([fiscal.grand_total], minus=[fiscal.expenditure_total])
    return None


def narrative_claims_agree_with_tables(c: Checker) -> None:
    performance = c.d.performance
    if performance is None:
        return
    under: list[tuple[ProjectEvaluation, Amount, Amount]] = []
    for e in performance.evaluations:
        executed, budget = total_of(c, e.executed), total_of(c, e.budget)
        if executed is not None and budget is not None and below(c, executed, budget):
            under.append((e, executed, budget))
    if not under:
        return
    unspent = sum((b.value - x.value for _, x, b in under), ZERO)
    listed_zh = "、".join(f"“{e.name}”（预算{b}万元，执行{x}万元）" for e, x, b in under)
    listed_en = ", ".join(f"“{e.name}” ({x} of {b})" for e, x, b in under)
    for name, claim_zh, claim_en in (
        ("claims_fully_executed", "预算能够全部完成", "the budget was fully executed"),
        ("claims_no_balance", "资金无结余", "no funds were left"),
    ):
        if getattr(performance, name) is True:
            c.fail(
                f"$.performance.{name}",
                f"说明称“{claim_zh}”，但{listed_zh}未执行完毕，共少执行{plain(unspent)}万元",
                f"the narrative says {claim_en}, but {listed_en} were under-spent by {plain(unspent)} in all",
                expected="执行数 = 预算数",
                actual=f"Σ(预算数 − 执行数) = {plain(unspent)}",
                difference=unspent,
            )
    if performance.claims_no_adjustment is not True:
        return
    closing = _implied_fiscal_closing(c)
    if closing is None:
        return
    # Unspent appropriations either carry over (年末结转) or are withdrawn/reduced — an adjustment.
    # Withdrawal is not called 调整 everywhere, hence a warning.
    slack = c.half(closing) + sum((c.half(x) + c.half(b) for _, x, b in under), ZERO)
    if unspent - closing.value > slack:
        c.emit(
            Severity.WARNING,
            "$.performance.claims_no_adjustment",
            f"说明称“预算无动态调整”，但项目少执行{plain(unspent)}万元，而财政拨款年末结转和结余仅{plain(closing.value)}万元："
            f"未执行的预算既未结转，应已收回或调减",
            f"the narrative says the budget was not adjusted, but {plain(unspent)} went unspent while the fiscal "
            f"closing balance is only {plain(closing.value)}: the unspent budget was withdrawn or reduced",
            expected=f"年末结转和结余 ≥ {plain(unspent)}",
            actual=closing,
            difference=unspent - closing.value,
            tolerance=slack,
        )


def _bigrams(text: str) -> set[str]:
    return {text[k : k + 2] for k in range(len(text) - 1)}


def _context(e: ProjectEvaluation) -> str:
    return compact(e.name + (e.goal_expected or "") + (e.goal_actual or ""))


def indicator_text_not_copied(c: Checker) -> None:
    evaluations = evaluations_of(c)
    places: dict[str, list[tuple[int, int, str]]] = {}
    for i, _, j, indicator in indicator_rows(c):
        for field in ("name", "target", "actual"):
            text = getattr(indicator, field)
            key = compact(text) if text is not None else ""
            # Deadlines and quantities ("2021年12月31日前", "≥95%") are shared by design;
            # only free text that two projects print identically suggests copying.
            if len(key) >= _COPY_MIN_LENGTH and isinstance(parse_indicator_value(text), Qualitative):
                places.setdefault(key, []).append((i, j, field))
    copies: dict[tuple[int, int], tuple[int, list[str]]] = {}
    for key, found in places.items():
        projects = sorted({i for i, _, _ in found})
        if len(projects) < 2:
            continue
        words = _bigrams(key)
        owner = max(projects, key=lambda i: (len(words & _bigrams(_context(evaluations[i]))), -i))
        for i, j, field in found:
            if i == owner or _same_project(evaluations[i], evaluations[owner]):
                continue
            fields = copies.setdefault((i, j), (owner, []))[1]
            if field not in fields:
                fields.append(field)
    for (i, j), (owner, fields) in sorted(copies.items()):
        indicator = evaluations[i].indicators[j]
        source = evaluations[owner]
        shown = indicator.target if "target" in fields else getattr(indicator, fields[0])
        c.fail(
            f"{BASE}[{i}].indicators[{j}]",
            f"“{evaluations[i].name}”的{classify(indicator).level2}“{shown}”与“{source.name}”的指标相同，疑为照抄",
            f"“{evaluations[i].name}”: the indicator text “{shown}” ({', '.join(fields)}) is the same as in “{source.name}”; probably copied",
            actual=shown,
        )


def _same_project(a: ProjectEvaluation, b: ProjectEvaluation) -> bool:
    if compact(a.name) == compact(b.name):
        return True
    return (
        a.goal_expected is not None
        and b.goal_expected is not None
        and (compact(a.goal_expected) == compact(b.goal_expected))
    )


def indicator_labels_known(c: Checker) -> None:
    seen: dict[tuple[str, str], list[str]] = {}
    for i, _, j, indicator in indicator_rows(c):
        if not classify(indicator).known:
            key = (compact(indicator.level1), compact(indicator.level2))
            seen.setdefault(key, []).append(f"{BASE}[{i}].indicators[{j}]")
    for (level1, level2), paths in seen.items():
        classification = DEFAULT_HIERARCHY.classify(level1, level2)
        if not classification.level1_known:
            what_zh = f"一级指标“{level1}”不在指标体系中"
            what_en = f"the 一级 label “{level1}” is not in the indicator hierarchy"
        elif not _known_anywhere(level2):
            what_zh = f"二级指标“{level2}”不在指标体系中"
            what_en = f"the 二级 label “{level2}” is not in the indicator hierarchy"
        else:
            what_zh = f"二级指标“{level2}”不属于一级指标“{level1}”"
            what_en = f"the 二级 label “{level2}” does not belong under the 一级 label “{level1}”"
        c.fail(
            paths[0],
            f"{what_zh}（共{len(paths)}处），按“{classification.direction.value}”评价",
            f"{what_en} ({len(paths)} rows); read as “{classification.direction.english}”",
            actual=f"{level1}/{level2}",
        )


def _known_anywhere(level2: str) -> bool:
    return any(level.child(level2) is not None for level in DEFAULT_HIERARCHY.levels)
