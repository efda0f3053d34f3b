"""Audit rules of the performance tables (项目支出绩效自评表) and the narrative's claims about them.

R47–R54 follow DOMAIN.md §B.9; R61–R63 are budgetacct's own.  Amounts are compared with the
rounding tolerance of :class:`~budgetacct.audit.check.Checker` (±0.005 万元 per printed figure,
zero for exact ledgers).  As everywhere in the audit, a figure that is not printed is not checked.

Where a project's figures come from: 预算数 / 执行数 are ``budget.total`` / ``executed.total``, or
the sum of the printed 财政拨款 and 其他资金 when the total is blank.  Indicators are read with
:data:`~budgetacct.model.indicators.DEFAULT_HIERARCHY` (Sichuan 2021 and central labels).

Rules are registered with ``rule(...)(function)`` after each definition, not as decorators, so
that mutation testing reaches their bodies (see ``rules.py``).

>>> from budgetacct import audit, load_example
>>> report = audit(load_example("xiqu-2021"), rules=["R49"])
>>> [(f.severity.value, f.path, f.expected, f.actual) for f in report]
[('error', '$.performance.evaluations[3].executed.total', '65.79', '68.79')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from budgetacct.audit.check import Checker, Term
from budgetacct.audit.registry import rule
from budgetacct.model.enums import ExpenditureKind, Severity
from budgetacct.model.indicators import (
    DEFAULT_HIERARCHY,
    DEFAULT_WEIGHTS,
    Classification,
    Direction,
    Evaluation,
    IndicatorValue,
    Outcome,
    Qualitative,
    Quantity,
    evaluate,
    grade,
    parse_indicator_value,
)
from budgetacct.model.performance import FundingSplit, Indicator, ProjectEvaluation
from budgetacct.model.scoring import EXECUTION, normalise_grade
from budgetacct.money import Amount

_BASE: Final = "$.performance.evaluations"
_ZERO: Final = Decimal(0)
_HUNDRED: Final = Decimal(100)
_NINETY: Final = Decimal(90)
_MONEY_UNITS: Final = frozenset({"元", "万元", "亿元"})
#: Shorter texts (“完成时间”, “区级各部门满意度”, “2021年”) recur legitimately across projects.
_COPY_MIN_LENGTH: Final = 12
_GROUP: Final = "绩效自评表"


# --- reading the tables ---------------------------------------------------------------------------


def _evaluations(c: Checker) -> Sequence[ProjectEvaluation]:
    performance = c.d.performance
    return performance.evaluations if performance is not None else ()


def _fmt(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def _total(c: Checker, split: FundingSplit) -> Amount | None:
    """The printed total, or the sum of the printed parts when the total is blank (with the
    parts' rounding allowance)."""
    if split.total is not None:
        return split.total
    parts = [p for p in (split.fiscal, split.other) if p is not None]
    return c.sum_of(parts) if parts else None


def _classify(indicator: Indicator) -> Classification:
    return DEFAULT_HIERARCHY.classify(indicator.level1, indicator.level2)


def _is_cost(classification: Classification) -> bool:
    return classification.level1 == "成本指标" or "成本" in classification.level2


def _money(value: IndicatorValue) -> Amount | None:
    """A money quantity in 万元 (万元, 元 or 亿元, exactly), or ``None``."""
    if not isinstance(value, Quantity) or value.unit not in _MONEY_UNITS:
        return None
    if value.unit == "元":
        return Amount.from_yuan(value.number)
    if value.unit == "亿元":
        return Amount(format(value.number.scaleb(4), "f"))
    return Amount(value.number)


# Words around a number that make it an estimate (“约5万元”, “5万元左右”): kept by the parser
# as the value's subject, so that the text is written back as printed.
_HEDGES: Final = ("约", "大约", "左右", "≈", "近", "将近", "接近", "上下")


def _measured(value: IndicatorValue) -> Amount | None:
    """A money actual that states a measurement (no operator, not “约”, “余”, “左右”)."""
    if isinstance(value, Quantity) and (
        value.operator is not None or value.approximate or (value.subject or "").strip() in _HEDGES
    ):
        return None
    return _money(value)


def _under(c: Checker, smaller: Amount, larger: Amount) -> bool:
    """``smaller`` is below ``larger`` beyond the rounding of both."""
    return larger.value - smaller.value > c.half(smaller) + c.half(larger)


def _cost_indicators(e: ProjectEvaluation) -> Iterator[tuple[int, Indicator]]:
    for j, indicator in enumerate(e.indicators):
        if _is_cost(_classify(indicator)):
            yield j, indicator


def _deviation_reason(e: ProjectEvaluation) -> str | None:
    """The 偏差原因 of a project's spending: printed on its cost indicators (the money lines).

    The Sichuan 2021 form has no separate cell for the 执行率 row's reason, so the reason is taken
    from the 偏差原因 column of the 成本指标 rows.
    """
    for _, indicator in _cost_indicators(e):
        if indicator.deviation_reason:
            return indicator.deviation_reason
    return None


def _score_half(c: Checker, value: Decimal) -> Decimal:
    """Half a unit of a printed score's last place (scores are printed to 0.01); 0 when exact."""
    if c.exact:
        return _ZERO
    exponent = value.as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return Decimal(5).scaleb(-max(2, places) - 1)


# --- R47–R50: one project ---------------------------------------------------------------------------


def r47(c: Checker) -> None:
    for i, e in enumerate(_evaluations(c)):
        for name, label_zh, label_en in (("budget", "预算数", "budget"), ("executed", "执行数", "spending")):
            split: FundingSplit = getattr(e, name)
            parts = [
                (f"{_BASE}[{i}].{name}.{part}", amount)
                for part, amount in (("fiscal", split.fiscal), ("other", split.other))
                if amount is not None
            ]
            if not parts:
                continue
            c.equal(
                f"{_BASE}[{i}].{name}.total",
                split.total,
                parts,
                f"“{e.name}”{label_zh}与财政拨款、其他资金之和不符",
                f"“{e.name}”: the {label_en} differs from fiscal + other funds",
            )


rule(
    "R47",
    zh="项目预算数、执行数 = 财政拨款 + 其他资金",
    en="A project's budget and spending = fiscal + other funds",
    formula="预算数 = 财政拨款 + 其他资金; 执行数 = 财政拨款 + 其他资金 (a blank part counts as 0 when the other part is printed)",
    group=_GROUP,
)(r47)


def r48(c: Checker) -> None:
    for i, e in enumerate(_evaluations(c)):
        executed, budget = _total(c, e.executed), _total(c, e.budget)
        if executed is None or budget is None:
            continue
        path = f"{_BASE}[{i}].executed.total"
        c.not_above(
            path, executed, budget, f"“{e.name}”执行数大于预算数", f"“{e.name}”: spending exceeds the budget"
        )
        bounds = c.ratio_range(executed, budget)
        if bounds is None or bounds[1] >= _NINETY or _deviation_reason(e) is not None:
            continue
        rate = (executed.value * _HUNDRED / budget.value).quantize(Decimal("0.01"), ROUND_HALF_UP)
        c.emit(
            Severity.WARNING,
            path,
            f"“{e.name}”预算执行率{rate}%（{executed}/{budget}万元），低于90%，未说明偏差原因",
            f"“{e.name}”: execution rate {rate}% ({executed}/{budget}) is below 90% and no reason is given",
            expected="≥90%",
            actual=f"{rate}%",
            difference=budget.value - executed.value,
        )


rule(
    "R48",
    zh="预算执行率 = 执行数 / 预算数；执行数不超过预算数，执行率低于90%应说明原因",
    en="Execution rate = spending / budget; spending ≤ budget; a rate below 90% needs a reason",
    formula="执行率 = 执行数 / 预算数 × 100; 执行数 ≤ 预算数 (error); 执行率 < 90% without 偏差原因 (warning)",
    group=_GROUP,
)(r48)


def r49(c: Checker) -> None:
    for i, e in enumerate(_evaluations(c)):
        executed, budget = _total(c, e.executed), _total(c, e.budget)
        targets: list[Amount | None] = []
        actuals: list[Term | None] = []
        for j, indicator in _cost_indicators(e):
            target = _money(parse_indicator_value(indicator.target))
            actual = _measured(parse_indicator_value(indicator.actual)) if indicator.actual else None
            path = f"{_BASE}[{i}].indicators[{j}].actual"
            targets.append(target)
            actuals.append((path, actual) if actual is not None else None)
            c.not_above(
                path,
                actual,
                executed,
                f"“{e.name}”成本指标“{indicator.name}”实际值大于项目执行数",
                f"“{e.name}”: cost indicator “{indicator.name}” exceeds the project's spending",
            )
        if not targets or budget is None or executed is None:
            continue
        if any(t is None for t in targets) or any(a is None for a in actuals):
            continue
        target_sum = sum((t.value for t in targets if t is not None), _ZERO)
        slack = c.half(budget) + sum((c.half(t) for t in targets if t is not None), _ZERO)
        if abs(target_sum - budget.value) > slack:
            continue  # the cost indicators describe part of the money only
        c.equal(
            f"{_BASE}[{i}].executed.total",
            executed,
            actuals,
            f"“{e.name}”成本指标目标值合计等于预算数，其实际值合计却与执行数不符",
            f"“{e.name}”: the cost targets add up to the budget, but their actual values do not add up to the spending",
        )


rule(
    "R49",
    zh="成本指标与项目资金一致",
    en="Cost indicators agree with the project's money",
    formula="每个成本指标实际值 ≤ 执行数; 若 Σ 成本指标目标值 = 预算数 (成本指标划分全部资金) 则 Σ 成本指标实际值 = 执行数",
    group=_GROUP,
)(r49)


def _unmeasurable_severity(evaluation: Evaluation) -> Severity:
    """How bad a 无法衡量 outcome is.

    A restated target (``≥95%`` → ``≥95%``), a statement against a number (``100%`` → ``已完成``) or
    an approximate cost (``80余万元``) is poor practice the tables are full of: a note.  A missing
    actual value, or units that do not compare (``100%`` → ``1台``), means the row is wrong: a warning.
    """
    t, a = evaluation.target, evaluation.actual
    if isinstance(a, Qualitative) and not a.statement.strip():
        return Severity.WARNING
    if isinstance(t, Quantity) and isinstance(a, Quantity) and a.operator is None:
        approximate = a.approximate and evaluation.direction is not Direction.HIGHER_IS_BETTER
        return Severity.NOTE if approximate else Severity.WARNING
    return Severity.NOTE


def r50(c: Checker) -> None:
    for i, e in enumerate(_evaluations(c)):
        for j, indicator in enumerate(e.indicators):
            classification = _classify(indicator)
            result = evaluate(indicator.target, indicator.actual or "", direction=classification.direction)
            if result.outcome is Outcome.MET:
                continue
            path = f"{_BASE}[{i}].indicators[{j}].actual"
            label = f"“{e.name}”{classification.level2}“{indicator.name}”"
            figures: dict[str, object] = {"expected": indicator.target, "actual": indicator.actual}
            if result.outcome is Outcome.NOT_MET:
                c.emit(
                    Severity.WARNING,
                    path,
                    f"{label}未达成：{result.reason_zh}",
                    f"{indicator.name} not met: {result.reason_en}",
                    **figures,
                )
                continue
            c.emit(
                _unmeasurable_severity(result),
                path,
                f"{label}无法衡量：{result.reason_zh}",
                f"{indicator.name} cannot be measured: {result.reason_en}",
                **figures,
            )


rule(
    "R50",
    zh="绩效指标按指标方向评价是否达成",
    en="Indicators are met in the direction of their kind",
    formula="数量/质量/效益/满意度 actual ≥ target; 成本 actual ≤ target; 时效 date ≤ target (以上/以下 inclusive); 未达成 → warning; 无法衡量 → note (warning if the actual is missing or units differ)",
    severity=Severity.WARNING,
    tolerance="指标值按印刷数比较 | indicator values compared as printed",
    group=_GROUP,
)(r50)


# --- R51–R52: weights, scores and grade ---------------------------------------------------------------


def r51(c: Checker) -> None:
    for i, e in enumerate(_evaluations(c)):
        base = f"{_BASE}[{i}]"
        # (path of the weight, path of the score, weight, score, 一级)
        lines = [
            (
                f"{base}.indicators[{j}].weight",
                f"{base}.indicators[{j}].score",
                ind.weight,
                ind.score,
                _classify(ind).level1,
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
                        f"“{e.name}”{what_zh}{_fmt(value)}为负数",
                        f"“{e.name}”: negative {path.rsplit('.', 1)[-1]} {_fmt(value)}",
                        expected="≥0",
                        actual=value,
                    )
            if weight is not None and score is not None and score - weight > _score_half(c, score):
                c.fail(
                    score_path,
                    f"“{e.name}”得分{_fmt(score)}超过权重{_fmt(weight)}",
                    f"“{e.name}”: score {_fmt(score)} exceeds the weight {_fmt(weight)}",
                    expected=f"≤{_fmt(weight)}",
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
            total = sum((w for _, w in members if w is not None), _ZERO)
            if total != standard:
                c.emit(
                    Severity.WARNING,
                    members[0][0],
                    f"“{e.name}”{level1}权重合计{_fmt(total)}，标准为{_fmt(standard)}（财预〔2020〕10号，特殊情况可调整）",
                    f"“{e.name}”: the {level1} weights total {_fmt(total)}, the standard is {_fmt(standard)}",
                    expected=standard,
                    actual=total,
                    difference=total - standard,
                )
        weights = [w for _, _, w, _, _ in lines]
        if all(w is not None for w in weights):
            total = sum((w for w in weights if w is not None), _ZERO)
            if total != _HUNDRED:
                c.fail(
                    f"{base}.indicators",
                    f"“{e.name}”权重合计{_fmt(total)}，应为100",
                    f"“{e.name}”: the weights total {_fmt(total)}, not 100",
                    expected=_HUNDRED,
                    actual=total,
                    difference=total - _HUNDRED,
                )
        if e.total_score is None:
            continue
        if e.total_score > _HUNDRED or e.total_score < 0:
            c.fail(
                f"{base}.total_score",
                f"“{e.name}”总分{_fmt(e.total_score)}不在0到100之间",
                f"“{e.name}”: the total score {_fmt(e.total_score)} is outside 0–100",
                expected="0–100",
                actual=e.total_score,
            )
        scores = [s for _, _, _, s, _ in lines]
        if all(s is not None for s in scores):
            expected = sum((s for s in scores if s is not None), _ZERO)
            difference = e.total_score - expected
            tolerance = _score_half(c, e.total_score) + sum(
                (_score_half(c, s) for s in scores if s is not None), _ZERO
            )
            if abs(difference) > tolerance:
                c.fail(
                    f"{base}.total_score",
                    f"“{e.name}”总分{_fmt(e.total_score)}与各项得分之和{_fmt(expected)}不符",
                    f"“{e.name}”: the total score {_fmt(e.total_score)} differs from the sum of scores {_fmt(expected)}",
                    expected=expected,
                    actual=e.total_score,
                    difference=difference,
                    tolerance=tolerance,
                )


rule(
    "R51",
    zh="权重与得分：三级权重之和等于一级权重，得分不超过权重，总分不超过100",
    en="Weights and scores: 三级 weights add up to their 一级, scores ≤ weights, total ≤ 100",
    formula="Σ 三级权重 (per 一级) = 一级权重 (产出 (+ 一级 成本) 50, 效益 30, 满意度 10, 预算执行率 10; other splits: warning); Σ 权重 = 100; 得分 ≤ 权重; 总分 = Σ 得分 ≤ 100",
    tolerance="得分按0.01四舍五入：每个印刷数 ±0.005 | scores rounded to 0.01: ±0.005 per printed figure",
    group=_GROUP,
)(r51)


def r52(c: Checker) -> None:
    for i, e in enumerate(_evaluations(c)):
        if e.grade is None:
            continue
        path = f"{_BASE}[{i}].grade"
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
            total = sum((p for p in parts if p is not None), _ZERO)
            computed = True
        if not _ZERO <= total <= _HUNDRED:
            continue  # R51 reports it
        expected = grade(total)
        if expected != printed:
            source_zh = "各项得分之和" if computed else "总分"
            source_en = "the sum of scores" if computed else "the total score"
            c.fail(
                path,
                f"“{e.name}”{source_zh}{_fmt(total)}对应等级“{expected}”，却评为“{e.grade}”",
                f"“{e.name}”: {source_en} {_fmt(total)} means “{expected}”, but “{e.grade}” is printed",
                expected=expected,
                actual=e.grade,
            )


rule(
    "R52",
    zh="评价等级与总分相符",
    en="The grade matches the total score",
    formula="优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60 (财预〔2020〕10号)",
    tolerance="0（按印刷总分）| 0 (on the printed total)",
    group=_GROUP,
)(r52)


# --- R53–R54: the department's set of tables ----------------------------------------------------------


def r53(c: Checker) -> None:
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
    spent = [(i, amount) for i, e in enumerate(evaluations) if (amount := _total(c, e.executed)) is not None]
    if not spent:
        return
    total = sum((a.value for _, a in spent), _ZERO)
    tolerance = c.half(line.amount) + sum((c.half(a) for _, a in spent), _ZERO)
    excess = total - line.amount.value
    figures: dict[str, object] = {
        "expected": f"≤{_fmt(line.amount.value)}",
        "actual": total,
        "difference": excess,
        "tolerance": tolerance,
    }
    if excess > tolerance:
        c.fail(
            _BASE,
            f"各项目自评表执行数合计{_fmt(total)}万元，超过项目支出{_fmt(line.amount.value)}万元",
            f"the project tables spend {_fmt(total)} in all, more than the project spending {_fmt(line.amount.value)}",
            **figures,
        )
    elif -excess > tolerance and len(spent) == len(evaluations):
        c.emit(
            Severity.NOTE,
            _BASE,
            f"项目支出{_fmt(line.amount.value)}万元中有{_fmt(-excess)}万元未列入自评表",
            f"{_fmt(-excess)} of the project spending {_fmt(line.amount.value)} is not covered by a self-evaluation table",
            **figures,
        )


rule(
    "R53",
    zh="自评表执行数合计不超过项目支出，自评项目个数与表数一致",
    en="Project tables: spending within 项目支出, as many tables as projects named",
    formula="Σ 执行数 (all 自评表) ≤ 项目支出 (T3/§三); §十(四) 自评项目个数 = 自评表个数",
    group=_GROUP,
)(r53)


def _compact(text: str) -> str:
    return "".join(text.split()).rstrip("。.")


def r54(c: Checker) -> None:
    evaluations = _evaluations(c)
    for name, label_zh, label_en in (
        ("department", "主管部门及代码", "department"),
        ("implementing_unit", "实施单位", "implementing unit"),
    ):
        values = [(i, _compact(v)) for i, e in enumerate(evaluations) if (v := getattr(e, name)) is not None]
        if len({v for _, v in values}) < 2:
            continue
        common = Counter(v for _, v in values).most_common(1)[0][0]
        for i, value in values:
            if value != common:
                c.fail(
                    f"{_BASE}[{i}].{name}",
                    f"“{evaluations[i].name}”{label_zh}为“{value}”，其他自评表为“{common}”",
                    f"“{evaluations[i].name}”: the {label_en} reads “{value}”, the other tables “{common}”",
                    expected=common,
                    actual=value,
                )


rule(
    "R54",
    zh="各自评表的主管部门、实施单位一致",
    en="All tables name the same department and implementing unit",
    formula="主管部门及代码 and 实施单位 identical across a department's 自评表 (the title year is not modelled)",
    severity=Severity.WARNING,
    tolerance="忽略空白 | whitespace ignored",
    group=_GROUP,
)(r54)


# --- R61–R63: budgetacct's own ------------------------------------------------------------------------


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


def r61(c: Checker) -> None:
    performance = c.d.performance
    if performance is None:
        return
    under: list[tuple[ProjectEvaluation, Amount, Amount]] = []
    for e in performance.evaluations:
        executed, budget = _total(c, e.executed), _total(c, e.budget)
        if executed is not None and budget is not None and _under(c, executed, budget):
            under.append((e, executed, budget))
    if not under:
        return
    unspent = sum((b.value - x.value for _, x, b in under), _ZERO)
    listed_zh = "、".join(f"“{e.name}”（预算{b}万元，执行{x}万元）" for e, x, b in under)
    listed_en = ", ".join(f"“{e.name}” ({x} of {b})" for e, x, b in under)
    for name, claim_zh, claim_en in (
        ("claims_fully_executed", "预算能够全部完成", "the budget was fully executed"),
        ("claims_no_balance", "资金无结余", "no funds were left"),
    ):
        if getattr(performance, name) is True:
            c.fail(
                f"$.performance.{name}",
                f"说明称“{claim_zh}”，但{listed_zh}未执行完毕，共少执行{_fmt(unspent)}万元",
                f"the narrative says {claim_en}, but {listed_en} were under-spent by {_fmt(unspent)} in all",
                expected="执行数 = 预算数",
                actual=f"Σ(预算数 − 执行数) = {_fmt(unspent)}",
                difference=unspent,
            )
    if performance.claims_no_adjustment is not True:
        return
    closing = _implied_fiscal_closing(c)
    if closing is None:
        return
    # Unspent appropriations either carry over (年末结转) or are withdrawn/reduced — an adjustment.
    # Withdrawal is not called 调整 everywhere, hence a warning.
    slack = c.half(closing) + sum((c.half(x) + c.half(b) for _, x, b in under), _ZERO)
    if unspent - closing.value > slack:
        c.emit(
            Severity.WARNING,
            "$.performance.claims_no_adjustment",
            f"说明称“预算无动态调整”，但项目少执行{_fmt(unspent)}万元，而财政拨款年末结转和结余仅{_fmt(closing.value)}万元："
            f"未执行的预算既未结转，应已收回或调减",
            f"the narrative says the budget was not adjusted, but {_fmt(unspent)} went unspent while the fiscal "
            f"closing balance is only {_fmt(closing.value)}: the unspent budget was withdrawn or reduced",
            expected=f"年末结转和结余 ≥ {_fmt(unspent)}",
            actual=closing,
            difference=unspent - closing.value,
            tolerance=slack,
        )


rule(
    "R61",
    zh="说明中“预算全部完成”“资金无结余”“预算无调整”与自评表一致",
    en="The narrative's “fully executed / no balance / no adjustment” agree with the tables",
    formula="claims_fully_executed or claims_no_balance ⇒ every 执行数 = 预算数 (error); claims_no_adjustment ∧ Σ(预算数 − 执行数) > 财政拨款年末结转和结余 (warning)",
    group=_GROUP,
)(r61)


def _bigrams(text: str) -> set[str]:
    return {text[k : k + 2] for k in range(len(text) - 1)}


def _context(e: ProjectEvaluation) -> str:
    return _compact(e.name + (e.goal_expected or "") + (e.goal_actual or ""))


def r62(c: Checker) -> None:
    evaluations = _evaluations(c)
    places: dict[str, list[tuple[int, int, str]]] = {}
    for i, e in enumerate(evaluations):
        for j, indicator in enumerate(e.indicators):
            for field in ("name", "target", "actual"):
                text = getattr(indicator, field)
                key = _compact(text) if text is not None else ""
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
            f"{_BASE}[{i}].indicators[{j}]",
            f"“{evaluations[i].name}”的{_classify(indicator).level2}“{shown}”与“{source.name}”的指标相同，疑为照抄",
            f"“{evaluations[i].name}”: the indicator text “{shown}” ({', '.join(fields)}) is the same as in “{source.name}”; probably copied",
            actual=shown,
        )


rule(
    "R62",
    zh="指标文字照抄其他项目",
    en="Indicator text copied from another project",
    formula="an indicator's name/target/actual (≥ 12 characters) identical to another project's (different name and goal); the copy is the project whose name and goal share less with the text",
    severity=Severity.WARNING,
    tolerance="忽略空白；少于12字的文字不比较 | whitespace ignored; texts under 12 characters not compared",
    group=_GROUP,
)(r62)


def _same_project(a: ProjectEvaluation, b: ProjectEvaluation) -> bool:
    if _compact(a.name) == _compact(b.name):
        return True
    return (
        a.goal_expected is not None
        and b.goal_expected is not None
        and (_compact(a.goal_expected) == _compact(b.goal_expected))
    )


def r63(c: Checker) -> None:
    seen: dict[tuple[str, str], list[str]] = {}
    for i, e in enumerate(_evaluations(c)):
        for j, indicator in enumerate(e.indicators):
            classification = _classify(indicator)
            if not classification.known:
                key = (_compact(indicator.level1), _compact(indicator.level2))
                seen.setdefault(key, []).append(f"{_BASE}[{i}].indicators[{j}]")
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


rule(
    "R63",
    zh="一级、二级指标名称不在指标体系中",
    en="Unknown 一级/二级 indicator labels",
    formula="(一级, 二级) ∉ hierarchy (Sichuan 2021 ∪ central 2021): kept and evaluated with the guessed direction",
    severity=Severity.NOTE,
    tolerance="忽略空白与“指标”二字 | whitespace and a missing “指标” ignored",
    group=_GROUP,
)(r63)


def _known_anywhere(level2: str) -> bool:
    return any(level.child(level2) is not None for level in DEFAULT_HIERARCHY.levels)
