"""The audit rules of a Disclosure, one registered function each (ids follow DOMAIN.md §B).

Every rule skips figures the report does not state: a partial report is checked on what it says.

Each rule is registered by calling ``rule(...)(function)`` just after its definition rather than
with decorator syntax: the effect is the same, and mutation testing (mutmut leaves decorated
functions alone) then reaches the rule bodies, which are what the audit is.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Context, Decimal

from budgetacct.audit.check import Checker
from budgetacct.audit.registry import rule
from budgetacct.codes import FunctionCode, coverage_note, nearest_catalogue
from budgetacct.model.disclosure import BudgetedFigure, FunctionLine, FundFlow, GeneralBudget
from budgetacct.model.enums import ExpenditureKind, Fund, Severity
from budgetacct.money import Amount, Direction, Unit

_ZERO = Amount(0)
# Subtraction of ≤ 12-decimal amounts below 10^12 is exact at this precision; never the global context.
_EXACT = Context(prec=60)


def _terms(path: str, lines: Sequence[FunctionLine]) -> list[Amount]:
    return [line.amount for line in lines]


def _holds(total: Amount | None, parts: Sequence[Amount | None]) -> bool:
    """Whether ``total`` equals the sum of ``parts`` exactly (the common case, checked cheaply)."""
    if total is None:
        return True
    subtract = _EXACT.subtract
    value = total._value
    for part in parts:
        if part is None:
            return True
        value = subtract(value, part._value)
    return not value


# --- B.1 收入支出决算总表 ---------------------------------------------------------------------------


def r1(c: Checker) -> None:
    revenue = c.d.revenue
    if revenue is None or not revenue.lines:
        return
    c.equal(
        "$.revenue.total",
        revenue.total,
        [line.amount for i, line in enumerate(revenue.lines)],
        "本年收入合计与各项收入之和不符",
        "revenue total differs from the sum of its sources",
    )


rule(
    "R1",
    zh="本年收入合计等于各项收入之和",
    en="Revenue total equals the sum of its sources",
    formula="本年收入合计 = Σ 一般公共预算 + 政府性基金 + 国有资本经营 + 上级补助 + 事业 + 经营 + 附属单位上缴 + 其他收入",
    group="收入支出决算总表",
)(r1)


def r2(c: Checker) -> None:
    overview, revenue = c.d.overview, c.d.revenue
    if overview is None or revenue is None:
        return
    c.equal(
        "$.overview.revenue_grand_total",
        overview.revenue_grand_total,
        [revenue.total, c.printed_or_nothing(overview.non_fiscal_balance_used), overview.opening_balance],
        "收入总计与本年收入合计、使用非财政拨款结余、年初结转和结余之和不符",
        "grand revenue total differs from revenue + balance used + opening balance",
    )


rule(
    "R2",
    zh="收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余",
    en="Grand revenue total = revenue + use of non-fiscal balance + opening balance",
    formula="收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余",
    group="收入支出决算总表",
)(r2)


def r3(c: Checker) -> None:
    expenditure = c.d.expenditure
    if expenditure is None or not expenditure.classes:
        return
    c.equal(
        "$.expenditure.total",
        expenditure.total,
        _terms("$.expenditure.classes", expenditure.classes),
        "本年支出合计与各类支出之和不符",
        "expenditure total differs from the sum of its classes",
    )


rule(
    "R3",
    zh="本年支出合计等于各类支出之和",
    en="Expenditure total equals the sum of its 类 rows",
    formula="本年支出合计 = Σ 功能分类 类",
    group="收入支出决算总表",
)(r3)


def r4(c: Checker) -> None:
    overview, expenditure = c.d.overview, c.d.expenditure
    if overview is None or expenditure is None:
        return
    c.equal(
        "$.overview.expenditure_grand_total",
        overview.expenditure_grand_total,
        [expenditure.total, c.printed_or_nothing(overview.surplus_distribution), overview.closing_balance],
        "支出总计与本年支出合计、结余分配、年末结转和结余之和不符",
        "grand expenditure total differs from expenditure + distribution + closing balance",
    )


rule(
    "R4",
    zh="支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余",
    en="Grand expenditure total = expenditure + surplus distribution + closing balance",
    formula="支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余",
    group="收入支出决算总表",
)(r4)


def r5(c: Checker) -> None:
    overview = c.d.overview
    if overview is None:
        return
    c.equal(
        "$.overview.expenditure_grand_total",
        overview.expenditure_grand_total,
        [overview.revenue_grand_total],
        "支出总计与收入总计不符",
        "grand expenditure total differs from grand revenue total",
    )


rule(
    "R5",
    zh="收入总计等于支出总计",
    en="Grand revenue total equals grand expenditure total",
    formula="收入总计 = 支出总计",
    group="收入支出决算总表",
)(r5)


def r6(c: Checker) -> None:
    overview, revenue, expenditure = c.d.overview, c.d.revenue, c.d.expenditure
    if overview is None or revenue is None or expenditure is None:
        return
    if overview.closing_balance is None or expenditure.total is None:
        return
    left = c.sum_of(
        [overview.closing_balance, expenditure.total, c.printed_or_nothing(overview.surplus_distribution)]
    )
    c.equal(
        "$.overview.closing_balance",
        left,
        [overview.opening_balance, revenue.total, c.printed_or_nothing(overview.non_fiscal_balance_used)],
        "年末结转和结余与年初结转和结余、本年收支不衔接",
        "closing balance does not follow from opening balance and the year's flows",
    )


rule(
    "R6",
    zh="年末结转和结余 = 年初 + 本年收入 + 使用非财政拨款结余 − 本年支出 − 结余分配",
    en="Closing balance = opening + revenue + balance used − expenditure − distribution",
    formula="年末结转和结余 + 本年支出合计 + 结余分配 = 年初结转和结余 + 本年收入合计 + 使用非财政拨款结余",
    group="收入支出决算总表",
)(r6)


def r7(c: Checker) -> None:
    # Only reported when the unit calls itself an administrative office (政府办公室, 局, 委员会 …)
    # would be guesswork; the note states the fact and leaves the judgement to the reader.
    expenditure = c.d.expenditure
    if expenditure is None:
        return
    for i, line in enumerate(expenditure.lines):
        if line.kind in (ExpenditureKind.BUSINESS, ExpenditureKind.REMITTANCE) and line.amount:
            c.fail(
                f"$.expenditure.lines[{i}].amount",
                f"{line.kind.value}{line.amount}万元：仅事业单位才有此项支出，请确认单位性质",
                f"{line.kind.value} {line.amount}: only public institutions have this spending; check the unit type",
                actual=line.amount,
            )


rule(
    "R7",
    zh="行政单位通常没有事业收入、经营收支等",
    en="Items that are normally zero for an administrative unit",
    formula="使用非财政拨款结余, 结余分配, 事业收入, 经营收入, 经营支出, 上缴上级支出, 对附属单位补助支出 normally 0",
    severity=Severity.NOTE,
    tolerance="—",
    group="收入支出决算总表",
)(r7)


# --- B.2 收入决算表 / 支出决算表 -------------------------------------------------------------------------


def r8(c: Checker) -> None:
    revenue = c.d.revenue
    if revenue is None:
        return
    for i, row in enumerate(revenue.rows):
        sources = row.sources()
        if sources:
            c.equal(
                f"$.revenue.rows[{i}].total",
                row.total,
                list(sources),
                f"收入决算表{row.code}行合计与各来源之和不符",
                f"revenue table row {row.code}: total differs from its sources",
            )


rule(
    "R8",
    zh="收入决算表每行：合计等于各来源之和",
    en="Revenue table rows: total equals the sum of sources",
    formula="本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入",
    group="收入决算表/支出决算表",
)(r8)


def _rollup(c: Checker, path: str, lines: Sequence[FunctionLine], what_zh: str, what_en: str) -> None:
    """Within one list of rows at several levels: each 类/款 equals the sum of its children present."""
    # Keyed by code text: str hashes are cached by CPython, which matters over many rows.
    index: dict[str, int] = {}
    for i, line in enumerate(lines):
        index[line.code.code] = i
    # One pass sums every parent's children, column by column (amount, basic, project); a column
    # that some child leaves blank becomes None and is not compared, as in _holds.  Exact sums.
    add = _EXACT.add
    sums: dict[str, list[Decimal | None]] = {}
    for line in lines:
        code = line.code.code
        if len(code) > 3:
            parent = code[:-2]
            if parent in index:
                basic, project = line.basic, line.project
                found = sums.get(parent)
                if found is None:
                    sums[parent] = [
                        line.amount._value,
                        None if basic is None else basic._value,
                        None if project is None else project._value,
                    ]
                    continue
                found[0] = add(found[0], line.amount._value)  # type: ignore[arg-type]
                if found[1] is not None:
                    found[1] = None if basic is None else add(found[1], basic._value)
                if found[2] is not None:
                    found[2] = None if project is None else add(found[2], project._value)
    for parent, (amount_sum, basic_sum, project_sum) in sums.items():
        line = lines[index[parent]]
        if (
            line.amount._value == amount_sum
            and (basic_sum is None or line.basic is None or line.basic._value == basic_sum)
            and (project_sum is None or line.project is None or line.project._value == project_sum)
        ):
            continue
        _rollup_findings(c, path, lines, index[parent], parent, what_zh, what_en)


def _rollup_findings(
    c: Checker, path: str, lines: Sequence[FunctionLine], i: int, parent: str, what_zh: str, what_en: str
) -> None:
    """The findings of a parent row that differs from the sum of its children (the rare path)."""
    line = lines[i]
    kids = [kid for kid in lines if len(kid.code.code) > 3 and kid.code.code[:-2] == parent]
    c.equal(
        f"{path}[{i}].amount",
        line.amount,
        [kid.amount for kid in kids],
        f"{what_zh}{parent}与其下级科目之和不符",
        f"{what_en} {parent} differs from the sum of its sub-items",
    )
    for attribute in ("basic", "project"):
        value = getattr(line, attribute)
        parts = [getattr(kid, attribute) for kid in kids]
        if value is not None and all(p is not None for p in parts):
            c.equal(
                f"{path}[{i}].{attribute}",
                value,
                parts,
                f"{what_zh}{parent}的{'基本支出' if attribute == 'basic' else '项目支出'}与其下级科目之和不符",
                f"{what_en} {parent} {attribute} column differs from the sum of its sub-items",
            )


def r9(c: Checker) -> None:
    d = c.d
    if d.expenditure is not None:
        _rollup(c, "$.expenditure.rows", d.expenditure.rows, "支出决算表", "expenditure table")
    if d.general_budget is not None:
        _rollup(
            c, "$.general_budget.rows", d.general_budget.rows, "一般公共预算支出表", "general budget table"
        )
        if d.general_budget.items_complete:
            _rollup(
                c,
                "$.general_budget.items",
                d.general_budget.items,
                "一般公共预算支出明细",
                "general budget items",
            )
    for name in ("government_fund", "state_capital"):
        section = getattr(d, name)
        if section is not None:
            _rollup(c, f"$.{name}.lines", section.lines, "基金/国资支出表", "fund table")


rule(
    "R9",
    zh="功能分类逐级汇总：类 = Σ款，款 = Σ项",
    en="Function classification roll-up: 类 = Σ 款, 款 = Σ 项",
    formula="类 = Σ 其款; 款 = Σ 其项 (by code prefix), in every column of every classified table (§五(三) items only when complete)",
    group="收入决算表/支出决算表",
)(r9)


def r11(c: Checker) -> None:
    d = c.d
    sections = [("$.expenditure.rows", d.expenditure.rows if d.expenditure else ())]
    if d.general_budget is not None:
        sections.append(("$.general_budget.rows", d.general_budget.rows))
    for name in ("government_fund", "state_capital"):
        section = getattr(d, name)
        if section is not None:
            sections.append((f"$.{name}.lines", section.lines))
    subtract = _EXACT.subtract
    for path, lines in sections:
        for i, line in enumerate(lines):
            # The printed kind columns, as FunctionLine.kind_split() gives them, subtracted from
            # the total in place (this runs for every row of every table).
            rest, listed = line.amount._value, False
            for value in (line.basic, line.project, line.remittance, line.business, line.affiliate_subsidy):
                if value is not None:
                    rest, listed = subtract(rest, value._value), True
            if listed and rest:
                c.equal(
                    f"{path}[{i}].amount",
                    line.amount,
                    list(line.kind_split().values()),
                    f"{line.code}行合计与各支出类型之和不符",
                    f"row {line.code}: total differs from the sum of its kind columns",
                )


rule(
    "R11",
    zh="支出决算表每行：合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助",
    en="Expenditure table rows: total = basic + project + remittance + business + affiliate subsidy",
    formula="本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出 (per row)",
    group="收入决算表/支出决算表",
)(r11)


def r12(c: Checker) -> None:
    expenditure = c.d.expenditure
    if expenditure is None or not expenditure.rows:
        return
    class_rows = [(i, line) for i, line in enumerate(expenditure.rows) if len(line.code.code) == 3]
    if class_rows:
        c.equal(
            "$.expenditure.total",
            expenditure.total,
            [line.amount for i, line in class_rows],
            "支出决算表各类合计与本年支出合计不符",
            "the expenditure table's classes do not add up to the expenditure total",
        )
    summary = {line.code: line for line in expenditure.classes}
    for i, line in class_rows:
        other = summary.get(line.code)
        if other is not None:
            c.equal(
                f"$.expenditure.rows[{i}].amount",
                line.amount,
                [other.amount],
                f"支出决算表{line.code}类与总表同类不符",
                f"class {line.code} differs between the expenditure table and the summary table",
            )
    for kind, attribute in ((ExpenditureKind.BASIC, "basic"), (ExpenditureKind.PROJECT, "project")):
        stated = expenditure.get(kind)
        parts = [getattr(line, attribute) for _, line in class_rows]
        if stated is not None and class_rows and all(p is not None for p in parts):
            c.equal(
                f"$.expenditure.lines[{expenditure.lines.index(stated)}].amount",
                stated.amount,
                parts,
                f"{kind.value}与支出决算表该列合计不符",
                f"{kind.value} differs from the expenditure table's column total",
            )


rule(
    "R12",
    zh="支出决算表与收入支出决算总表一致",
    en="The expenditure table agrees with the summary table",
    formula="T3 合计 = T1 本年支出合计; T3 每类 = T1 同类",
    group="收入决算表/支出决算表",
)(r12)


def r13(c: Checker) -> None:
    expenditure = c.d.expenditure
    if expenditure is None or not expenditure.lines:
        return
    c.equal(
        "$.expenditure.total",
        expenditure.total,
        [line.amount for i, line in enumerate(expenditure.lines)],
        "本年支出合计与基本支出、项目支出等之和不符",
        "expenditure total differs from the sum of basic, project and other spending",
    )


rule(
    "R13",
    zh="本年支出合计等于各类型支出之和",
    en="Expenditure total equals the sum of its kinds",
    formula="本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出",
    group="收入决算表/支出决算表",
)(r13)


# --- B.3 财政拨款收入支出决算总表 ----------------------------------------------------------------------


def r14(c: Checker) -> None:
    fiscal, revenue = c.d.fiscal, c.d.revenue
    if fiscal is None:
        return
    flows = [flow.revenue for flow in fiscal.funds]
    if fiscal.funds and all(f is not None for f in flows):
        c.equal(
            "$.fiscal.revenue_total",
            fiscal.revenue_total,
            flows,
            "财政拨款本年收入与分资金收入之和不符",
            "fiscal revenue differs from the sum of the funds' revenue",
        )
    if revenue is not None and revenue.lines:
        fiscal_lines = [line.amount for line in revenue.lines if line.source.is_fiscal]
        c.equal(
            "$.fiscal.revenue_total",
            fiscal.revenue_total,
            fiscal_lines,
            "财政拨款本年收入与收入决算中的三项财政拨款收入之和不符",
            "fiscal revenue differs from the three fiscal revenue sources of the revenue breakdown",
        )


rule(
    "R14",
    zh="财政拨款本年收入 = 一般公共预算 + 政府性基金 + 国有资本经营",
    en="Fiscal revenue = general budget + government fund + state capital",
    formula="T4 本年收入合计 = GPB + GF + SOE = T1 rows 一 + 二 + 三",
    group="财政拨款收入支出决算总表",
)(r14)


def r15(c: Checker) -> None:
    fiscal = c.d.fiscal
    if fiscal is None:
        return
    c.equal(
        "$.fiscal.grand_total",
        fiscal.grand_total,
        [fiscal.revenue_total, fiscal.opening_balance],
        "财政拨款收入总计与本年收入、年初结转和结余之和不符",
        "fiscal grand total differs from revenue + opening balance",
    )
    openings = [flow.opening for flow in fiscal.funds]
    if fiscal.funds and all(o is not None for o in openings):
        c.equal(
            "$.fiscal.opening_balance",
            fiscal.opening_balance,
            openings,
            "年初财政拨款结转和结余与分资金数之和不符",
            "fiscal opening balance differs from the sum of the funds'",
        )


rule(
    "R15",
    zh="财政拨款收入总计 = 本年财政拨款收入 + 年初财政拨款结转和结余",
    en="Fiscal grand total = fiscal revenue + fiscal opening balance",
    formula="财政拨款收入总计 = 本年收入合计 + 年初财政拨款结转和结余; 年初 = Σ 分资金年初",
    group="财政拨款收入支出决算总表",
)(r15)


def r17(c: Checker) -> None:
    fiscal = c.d.fiscal
    if fiscal is None:
        return
    c.equal(
        "$.fiscal.grand_total",
        fiscal.grand_total,
        [fiscal.expenditure_total, fiscal.closing_balance],
        "财政拨款收支总计与本年支出、年末结转和结余之和不符",
        "fiscal grand total differs from expenditure + closing balance",
    )
    spending = [flow.expenditure for flow in fiscal.funds]
    if fiscal.funds and all(s is not None for s in spending):
        c.equal(
            "$.fiscal.expenditure_total",
            fiscal.expenditure_total,
            spending,
            "财政拨款本年支出与分资金支出之和不符",
            "fiscal expenditure differs from the sum of the funds' spending",
        )


rule(
    "R17",
    zh="财政拨款支出总计 = 本年支出 + 年末财政拨款结转和结余",
    en="Fiscal grand total = fiscal expenditure + fiscal closing balance",
    formula="支出总计 = 本年支出合计 + 年末财政拨款结转和结余 = 收入总计; 本年支出合计 = Σ 分资金支出",
    group="财政拨款收入支出决算总表",
)(r17)


def _flow(c: Checker, path: str, flow: FundFlow | None, label: str) -> None:
    if flow is None or flow.closing is None or flow.expenditure is None:
        return
    c.equal(
        f"{path}.closing",
        c.sum_of([flow.closing, flow.expenditure]),
        [flow.opening, flow.revenue],
        f"{label}：年初结转 + 本年收入 ≠ 本年支出 + 年末结转",
        f"{label}: opening + revenue ≠ expenditure + closing",
    )


def r18(c: Checker) -> None:
    fiscal = c.d.fiscal
    if fiscal is not None:
        for i, flow in enumerate(fiscal.funds):
            _flow(c, f"$.fiscal.funds[{i}]", flow, flow.fund.value)
    for name, fund in (("government_fund", Fund.GOVERNMENT_FUND), ("state_capital", Fund.STATE_CAPITAL)):
        section = getattr(c.d, name)
        if section is not None and section.closing_balance is not None and section.total is not None:
            c.equal(
                f"$.{name}.closing_balance",
                c.sum_of([section.closing_balance, section.total]),
                [section.opening_balance, section.revenue],
                f"{fund.value}：年初结转 + 本年收入 ≠ 本年支出 + 年末结转",
                f"{fund.value}: opening + revenue ≠ expenditure + closing",
            )


rule(
    "R18",
    zh="分资金结转衔接：年初 + 本年收入 = 本年支出 + 年末",
    en="Per-fund carry-forward: opening + revenue = expenditure + closing",
    formula="for f in GPB, GF, SOE: 年初结转(f) + 本年收入(f) = 本年支出(f) + 年末结转(f)",
    group="财政拨款收入支出决算总表",
)(r18)


def r19(c: Checker) -> None:
    fiscal, overview, revenue, expenditure = c.d.fiscal, c.d.overview, c.d.revenue, c.d.expenditure
    if fiscal is None:
        return
    if revenue is not None:
        c.not_above(
            "$.fiscal.revenue_total",
            fiscal.revenue_total,
            revenue.total,
            "财政拨款本年收入大于本年收入合计",
            "fiscal revenue exceeds total revenue",
        )
    if expenditure is not None:
        c.not_above(
            "$.fiscal.expenditure_total",
            fiscal.expenditure_total,
            expenditure.total,
            "财政拨款本年支出大于本年支出合计",
            "fiscal spending exceeds total spending",
        )
    if overview is not None:
        c.not_above(
            "$.fiscal.opening_balance",
            fiscal.opening_balance,
            overview.opening_balance,
            "年初财政拨款结转和结余大于年初结转和结余",
            "fiscal opening balance exceeds the opening balance",
        )
        c.not_above(
            "$.fiscal.closing_balance",
            fiscal.closing_balance,
            overview.closing_balance,
            "年末财政拨款结转和结余大于年末结转和结余",
            "fiscal closing balance exceeds the closing balance",
        )
        c.not_above(
            "$.fiscal.grand_total",
            fiscal.grand_total,
            overview.revenue_grand_total,
            "财政拨款收支总计大于收支总计",
            "fiscal grand total exceeds the grand total",
        )


rule(
    "R19",
    zh="财政拨款数不超过全部收支数",
    en="Fiscal figures do not exceed the department's totals",
    formula="T4 本年收入 ≤ T1 本年收入; T4 本年支出 ≤ T1 本年支出; T4 年初/年末 ≤ T1 年初/年末",
    group="财政拨款收入支出决算总表",
)(r19)


# --- B.4 一般公共预算 ---------------------------------------------------------------------------------


def r21(c: Checker) -> None:
    gb = c.d.general_budget
    if gb is None:
        return
    class_rows = [(i, line) for i, line in enumerate(gb.rows) if len(line.code.code) == 3]
    if class_rows:
        c.equal(
            "$.general_budget.total",
            gb.total,
            [line.amount for i, line in class_rows],
            "一般公共预算财政拨款支出与支出表各类合计不符",
            "general budget spending differs from its table's class total",
        )
    fiscal = c.d.fiscal
    if fiscal is not None:
        flow = fiscal.get(Fund.GENERAL_BUDGET)
        if flow is not None:
            c.equal(
                "$.general_budget.total",
                gb.total,
                [flow.expenditure],
                "一般公共预算财政拨款支出与财政拨款收支表中的数不符",
                "general budget spending differs from the fiscal table's figure",
            )
    basic = c.d.basic_expenditure
    if basic is not None and class_rows and all(line.basic is not None for _, line in class_rows):
        c.equal(
            "$.basic_expenditure.total",
            basic.total,
            [line.basic for _, line in class_rows],
            "一般公共预算财政拨款基本支出与支出表基本支出列合计不符",
            "general budget basic spending differs from the table's basic column",
        )


rule(
    "R21",
    zh="一般公共预算支出表：小计 = 基本 + 项目；合计 = 财政拨款表一般公共预算支出",
    en="General budget table: subtotal = basic + project; total = fiscal general budget spending",
    formula="T6 每行 小计 = 基本支出 + 项目支出; T6 合计 = T4 本年支出(GPB) = §五 一般公共预算财政拨款支出",
    group="一般公共预算",
)(r21)


def r22(c: Checker) -> None:
    basic = c.d.basic_expenditure
    if basic is None or not basic.lines:
        return
    # Use the 款 rows; 类 rows (3 digits) would double count when both are printed.
    leaves = [(i, line) for i, line in enumerate(basic.lines) if len(line.code.code) == 5]
    if not leaves:
        leaves = list(enumerate(basic.lines))
    from budgetacct.codes import BasicExpensePart

    for part, field, label_zh, label_en in (
        (BasicExpensePart.PERSONNEL, "personnel", "人员经费", "personnel costs"),
        (BasicExpensePart.PUBLIC, "public", "公用经费", "public costs"),
    ):
        c.equal(
            f"$.basic_expenditure.{field}",
            getattr(basic, field),
            [line.amount for i, line in leaves if line.code.basic_expense_part is part],
            f"{label_zh}与相应经济分类科目之和不符",
            f"{label_en} differ from the sum of their economic codes",
        )


rule(
    "R22",
    zh="人员经费 = 工资福利支出 + 对个人和家庭的补助；公用经费 = 商品和服务支出 + 资本性支出等",
    en="Personnel = 301 + 303; public = 302 + 310 (+307, 309, 399)",
    formula="人员经费合计 = Σ 301xx + Σ 303xx; 公用经费合计 = Σ 302xx + Σ 310xx (+307xx, 309xx, 399xx)",
    group="一般公共预算",
)(r22)


def r23(c: Checker) -> None:
    basic = c.d.basic_expenditure
    if basic is None:
        return
    c.equal(
        "$.basic_expenditure.total",
        basic.total,
        [basic.personnel, basic.public],
        "基本支出与人员经费、公用经费之和不符",
        "basic spending differs from personnel + public costs",
    )


rule(
    "R23",
    zh="人员经费 + 公用经费 = 一般公共预算财政拨款基本支出",
    en="Personnel + public costs = general budget basic spending",
    formula="人员经费合计 + 公用经费合计 = T6 合计·基本支出 (= §六 基本支出)",
    group="一般公共预算",
)(r23)


def r59(c: Checker) -> None:
    d = c.d
    gb = d.general_budget
    if gb is not None:
        for path, quote in (("structure_total", gb.structure_total), ("detail_total", gb.detail_total)):
            c.equal(
                f"$.general_budget.{path}",
                quote,
                [gb.total],
                "一般公共预算财政拨款支出在不同段落中的数字不一致",
                "general budget spending is quoted differently in different paragraphs",
            )
    fiscal = d.fiscal
    if fiscal is None:
        return
    for name, fund in (("government_fund", Fund.GOVERNMENT_FUND), ("state_capital", Fund.STATE_CAPITAL)):
        section, flow = getattr(d, name), fiscal.get(fund)
        if section is not None and flow is not None:
            c.equal(
                f"$.{name}.total",
                section.total,
                [flow.expenditure],
                f"{fund.value}支出与财政拨款收支表不一致",
                f"{fund.value} spending differs from the fiscal table",
            )
    if d.revenue is not None:
        for i, line in enumerate(d.revenue.lines):
            if line.source.is_fiscal:
                flow = fiscal.get(line.source.fund)
                if flow is not None:
                    c.equal(
                        f"$.revenue.lines[{i}].amount",
                        line.amount,
                        [flow.revenue],
                        f"{line.source.value}与财政拨款收支表不一致",
                        f"{line.source.value} differs from the fiscal table",
                    )


rule(
    "R59",
    zh="同一数字在不同处引用应一致",
    en="The same figure quoted in two places is identical",
    formula="§五(一) = §五(二) = §五(三) 一般公共预算支出; §八/§九 = T4 分资金支出; 收入中财政拨款 = T4 分资金收入",
    group="说明与报表",
)(r59)


def r36(c: Checker) -> None:
    d = c.d
    expenditure, basic, gb = d.expenditure, d.basic_expenditure, d.general_budget
    if expenditure is None:
        return
    department_basic = expenditure.get(ExpenditureKind.BASIC)
    if basic is not None and department_basic is not None:
        c.not_above(
            "$.basic_expenditure.total",
            basic.total,
            department_basic.amount,
            "一般公共预算财政拨款基本支出大于部门基本支出",
            "general budget basic spending exceeds the department's basic spending",
        )
    if gb is not None:
        c.not_above(
            "$.general_budget.total",
            gb.total,
            expenditure.total,
            "一般公共预算财政拨款支出大于本年支出合计",
            "general budget spending exceeds total spending",
        )
        department_project = expenditure.get(ExpenditureKind.PROJECT)
        if (
            basic is not None
            and gb.total is not None
            and basic.total is not None
            and department_project is not None
        ):
            gpb_project = c.sum_of([gb.total], minus=[basic.total])
            if gpb_project.value > 0:
                c.not_above(
                    "$.expenditure.lines",
                    gpb_project,
                    department_project.amount,
                    "一般公共预算财政拨款项目支出（支出减基本支出）大于部门项目支出",
                    "general budget project spending (spending − basic) exceeds the department's project spending",
                )


rule(
    "R36",
    zh="说明中引用的支出与报表一致",
    en="Spending quoted in the narrative agrees with the tables",
    formula="§六 基本支出 ≤ §三 基本支出; §五 一般公共预算支出 ≤ §三 本年支出合计",
    group="说明与报表",
)(r36)


def r40(c: Checker) -> None:
    gb = c.d.general_budget
    if gb is None or not gb.items:
        return
    if gb.items_complete:
        _r40_items(c, gb)
    if gb.classes:
        c.equal(
            "$.general_budget.structure_total",
            gb.structure_total if gb.structure_total is not None else gb.total,
            _terms("$.general_budget.classes", gb.classes),
            "一般公共预算支出结构各类之和与总额不符",
            "the general budget classes do not add up to the total",
        )


def _r40_items(c: Checker, gb: GeneralBudget) -> None:
    """The 具体情况 items against their total and against the 类 of the structure list."""
    parents = {ancestor.code for line in gb.items for ancestor in line.code.ancestors}
    leaves = [(i, line) for i, line in enumerate(gb.items) if line.code.code not in parents]
    c.equal(
        "$.general_budget.detail_total",
        gb.detail_total if gb.detail_total is not None else gb.total,
        [line.amount for i, line in leaves],
        "一般公共预算支出具体情况各项之和与总额不符",
        "the general budget items do not add up to the total",
    )
    # Leaves grouped by each prefix length the classes use: a class's leaves are those whose
    # code starts with its code (the class itself included), found by one lookup.
    under: dict[str, list[Amount]] = {}
    for length in {len(cls.code.code) for cls in gb.classes}:
        for _, line in leaves:
            if len(line.code.code) >= length:
                under.setdefault(line.code.code[:length], []).append(line.amount)
    for k, cls in enumerate(gb.classes):
        parts = under.get(cls.code.code, [])
        if parts:
            c.equal(
                f"$.general_budget.classes[{k}].amount",
                cls.amount,
                parts,
                f"{cls.name or cls.code}（{cls.code}）与其下各项之和不符",
                f"class {cls.code} differs from the sum of its items",
            )


rule(
    "R40",
    zh="一般公共预算支出具体情况：Σ项 = 类 = 总额",
    en="General budget items add up to their classes and to the total",
    formula="§五(三) Σ 项 = 一般公共预算支出; §五(二) 每类 = Σ 其项 (item sums only over a complete list: items_complete)",
    group="说明与报表",
)(r40)


def r41(c: Checker) -> None:
    # The narrative and the table share one section of the model, so R41 is R23 read from the
    # narrative; it is kept as its own id so findings cite the rule the reader looks for.
    basic = c.d.basic_expenditure
    if basic is None or basic.lines:
        return
    c.equal(
        "$.basic_expenditure.total",
        basic.total,
        [basic.personnel, basic.public],
        "说明中基本支出与人员经费、公用经费之和不符",
        "the narrative's basic spending differs from personnel + public costs",
    )


rule(
    "R41",
    zh="§六：人员经费 + 公用经费 = 基本支出（说明）",
    en="Narrative §六: personnel + public = basic spending",
    formula="§六 人员经费 + 公用经费 = §六 一般公共预算财政拨款基本支出",
    group="说明与报表",
)(r41)


# --- B.5 三公 ---------------------------------------------------------------------------------------


def _figures(
    path: str, total: BudgetedFigure, parts: Sequence[BudgetedFigure]
) -> list[tuple[str, Amount | None, list[Amount | None]]]:
    return [
        (f"{path}.actual", total.actual, [p.actual for p in parts]),
        (f"{path}.budget", total.budget, [p.budget for p in parts]),
    ]


def r27(c: Checker) -> None:
    tp = c.d.three_public
    if tp is None:
        return
    for path, total, parts in _figures(
        "$.three_public.total", tp.total, (tp.outbound, tp.vehicles, tp.reception)
    ):
        c.equal(
            path,
            total,
            parts,
            "“三公”经费合计与三项之和不符",
            "三公 total differs from the sum of its three items",
        )


rule(
    "R27",
    zh="“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费",
    en="三公 total = outbound travel + official vehicles + reception",
    formula="三公合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费 (预算数 and 决算数)",
    group="三公经费",
)(r27)


def r28(c: Checker) -> None:
    tp = c.d.three_public
    if tp is None:
        return
    for path, total, parts in _figures(
        "$.three_public.vehicles", tp.vehicles, (tp.vehicle_purchase, tp.vehicle_operation)
    ):
        c.equal(
            path,
            total,
            parts,
            "公务用车购置及运行维护费与两项之和不符",
            "vehicle costs differ from purchase + operation",
        )


rule(
    "R28",
    zh="公务用车购置及运行维护费 = 购置费 + 运行维护费",
    en="Official vehicles = purchase + operation",
    formula="公务用车购置及运行维护费 = 公务用车购置费 + 公务用车运行维护费",
    group="三公经费",
)(r28)


def r29(c: Checker) -> None:
    tp = c.d.three_public
    if tp is None:
        return
    if tp.foreign_included_in_domestic:
        for kind in ("actual", "budget"):
            c.equal(
                f"$.three_public.reception.{kind}",
                getattr(tp.reception, kind),
                [getattr(tp.domestic_reception, kind)],
                "公务接待费与国内公务接待费（含外事）不符",
                "reception differs from domestic reception (which includes foreign)",
            )
            c.not_above(
                f"$.three_public.foreign_reception.{kind}",
                getattr(tp.foreign_reception, kind),
                getattr(tp.domestic_reception, kind),
                "外事接待费大于包含它的国内公务接待费",
                "foreign reception exceeds the domestic reception that includes it",
            )
        return
    for path, total, parts in _figures(
        "$.three_public.reception", tp.reception, (tp.domestic_reception, tp.foreign_reception)
    ):
        c.equal(
            path,
            total,
            parts,
            "公务接待费与国内、外事接待费之和不符",
            "reception differs from domestic + foreign",
        )


rule(
    "R29",
    zh="公务接待费 = 国内公务接待费 + 外事接待费",
    en="Reception = domestic + foreign reception",
    formula="公务接待费 = 国内公务接待费 + 外事接待费 (or, where 外事 is included in 国内: 公务接待费 = 国内, 外事 ≤ 国内)",
    group="三公经费",
)(r29)


#: 部门预算经济分类 款 whose 基本支出 is part of a 三公 item (T8 ≤ T10 for each pair).
_THREE_PUBLIC_CODES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("30212",), "outbound", "因公出国（境）费"),
    (("30217",), "reception", "公务接待费"),
    (("30231",), "vehicle_operation", "公务用车运行维护费"),
    (("31013", "30913"), "vehicle_purchase", "公务用车购置费"),
)


def r30(c: Checker) -> None:
    tp, basic = c.d.three_public, c.d.basic_expenditure
    if tp is None or basic is None or not basic.lines:
        return
    for codes, figure_name, label in _THREE_PUBLIC_CODES:
        lines = [line for line in basic.lines if line.code.code in codes]
        figure: BudgetedFigure = getattr(tp, figure_name)
        if not lines or figure.actual is None:
            continue
        total = c.sum_of([line.amount for line in lines])
        c.not_above(
            f"$.basic_expenditure.lines[{basic.lines.index(lines[0])}].amount",
            total,
            figure.actual,
            f"基本支出中的{label}（{'/'.join(codes)}）大于“三公”经费中的{label}",
            f"basic spending on {label} ({'/'.join(codes)}) exceeds the 三公 figure",
        )


rule(
    "R30",
    zh="基本支出中的三公经济科目不超过三公决算数",
    en="三公 economic codes in basic spending do not exceed the 三公 figures",
    formula="T8 30212 ≤ 因公出国（境）费; T8 30217 ≤ 公务接待费; T8 30231 ≤ 公务用车运行维护费; T8 31013/30913 ≤ 公务用车购置费",
    severity=Severity.WARNING,
    group="三公经费",
)(r30)


def r31(c: Checker) -> None:
    tp = c.d.three_public
    if tp is None:
        return
    pairs = [
        ("outbound_groups", "outbound_people", "因公出国（境）团组", "人次"),
        ("domestic_batches", "domestic_people", "国内公务接待批次", "人次"),
        ("foreign_batches", "foreign_people", "外事接待批次", "人次"),
    ]
    for first, second, zh_first, zh_second in pairs:
        a, b = getattr(tp, first), getattr(tp, second)
        if a is not None and b is not None and (a == 0) != (b == 0):
            c.fail(
                f"$.three_public.{first}",
                f"{zh_first}为{a}而{zh_second}为{b}",
                f"{first} is {a} but {second} is {b}",
                actual=f"{a}/{b}",
            )
        if a is not None and b is not None and b < a:
            c.fail(
                f"$.three_public.{second}",
                f"{zh_second}{b}少于{zh_first}{a}",
                f"{second} ({b}) is below {first} ({a})",
                actual=f"{a}/{b}",
            )
    money_counts = [
        ("outbound", "outbound_groups", "因公出国（境）费", "团组数"),
        ("domestic_reception", "domestic_batches", "国内公务接待费", "接待批次"),
        ("foreign_reception", "foreign_batches", "外事接待费", "接待批次"),
        ("vehicle_purchase", "vehicles_purchased", "公务用车购置费", "购置数"),
        ("vehicle_operation", "vehicles_held", "公务用车运行维护费", "保有量"),
    ]
    for money, counted, zh_money, zh_count in money_counts:
        figure: BudgetedFigure = getattr(tp, money)
        number = getattr(tp, counted)
        if figure.actual is not None and number is not None and figure.actual.value > 0 and number == 0:
            c.fail(
                f"$.three_public.{counted}",
                f"{zh_money}{figure.actual}万元，但{zh_count}为0",
                f"{money} is {figure.actual} but {counted} is 0",
                expected="≥1",
                actual=number,
            )


rule(
    "R31",
    zh="“三公”经费金额与数量相符",
    en="三公 amounts agree with the counts",
    formula="团组数 = 0 ⇔ 人次 = 0; 出国费 > 0 ⇒ 团组 ≥ 1; 接待费 > 0 ⇒ 批次 ≥ 1 且 人次 ≥ 1; 购置费 > 0 ⇒ 购置数 ≥ 1; 运行费 > 0 ⇒ 保有量 ≥ 1",
    severity=Severity.WARNING,
    tolerance="—",
    group="三公经费",
)(r31)


def r32(c: Checker) -> None:
    tp, gb = c.d.three_public, c.d.general_budget
    if tp is None or gb is None:
        return
    c.not_above(
        "$.three_public.total.actual",
        tp.total.actual,
        gb.total,
        "“三公”经费大于一般公共预算财政拨款支出",
        "三公 spending exceeds general budget spending",
    )


rule(
    "R32",
    zh="“三公”经费不超过一般公共预算财政拨款支出",
    en="三公 spending does not exceed general budget spending",
    formula="T10 决算合计 ≤ T6 合计",
    group="三公经费",
)(r32)


# --- B.7 percentages ----------------------------------------------------------------------------------


def r37(c: Checker) -> None:
    d = c.d
    if d.revenue is not None:
        c.shares(
            "$.revenue.lines",
            d.revenue.total,
            [(f"$.revenue.lines[{i}]", line.amount, line.share) for i, line in enumerate(d.revenue.lines)],
            "收入占比",
            "revenue share",
        )
    if d.expenditure is not None:
        c.shares(
            "$.expenditure.lines",
            d.expenditure.total,
            [
                (f"$.expenditure.lines[{i}]", line.amount, line.share)
                for i, line in enumerate(d.expenditure.lines)
            ],
            "支出占比",
            "expenditure share",
        )
    gb = d.general_budget
    if gb is not None:
        c.shares(
            "$.general_budget.classes",
            gb.structure_total if gb.structure_total is not None else gb.total,
            [
                (f"$.general_budget.classes[{i}]", line.amount, line.share)
                for i, line in enumerate(gb.classes)
            ],
            "一般公共预算支出结构占比",
            "general budget class share",
        )
        if d.expenditure is not None:
            c.percent_of(
                "$.general_budget.share",
                gb.share,
                gb.total,
                d.expenditure.total,
                "一般公共预算财政拨款支出占本年支出合计的比例",
                "general budget share of total spending",
            )
    procurement = d.procurement
    if procurement is not None:
        c.percent_of(
            "$.procurement.sme_share",
            procurement.sme_share,
            procurement.sme,
            procurement.total,
            "授予中小企业合同金额占比",
            "SME contract share",
        )
        c.percent_of(
            "$.procurement.small_micro_share",
            procurement.small_micro_share,
            procurement.small_micro,
            procurement.total,
            "授予小微企业合同金额占比",
            "small/micro contract share",
        )


rule(
    "R37",
    zh="占比按四舍五入计算，合计100%",
    en="Shares are rounded half-up and total 100%",
    formula="share_i = x_i / base × 100 (half-up, 2 dp); Σ shares = 100.00 (one ±0.01 adjustment allowed: note)",
    tolerance="由印刷数区间推得的占比区间；为凑足100%的0.01调整记为提示 | the share interval implied by the printed figures; a 0.01 adjustment to reach 100% is a note",
    group="百分比与增减",
)(r37)


def r38(c: Checker) -> None:
    d = c.d
    if d.overview is not None:
        current = d.overview.revenue_grand_total or d.overview.expenditure_grand_total
        c.change("$.overview.change", current, d.overview.change, "收支总计增减", "grand total change")
    if d.revenue is not None:
        c.change("$.revenue.change", d.revenue.total, d.revenue.change, "本年收入合计增减", "revenue change")
    if d.expenditure is not None:
        c.change(
            "$.expenditure.change",
            d.expenditure.total,
            d.expenditure.change,
            "本年支出合计增减",
            "expenditure change",
        )
    if d.fiscal is not None:
        c.change(
            "$.fiscal.change",
            d.fiscal.grand_total,
            d.fiscal.change,
            "财政拨款收支总计增减",
            "fiscal grand total change",
        )
    if d.general_budget is not None:
        c.change(
            "$.general_budget.change",
            d.general_budget.total,
            d.general_budget.change,
            "一般公共预算财政拨款支出增减",
            "general budget spending change",
        )
    for name in ("government_fund", "state_capital"):
        section = getattr(d, name)
        if section is not None:
            c.change(
                f"$.{name}.change", section.total, section.change, "基金/国资支出增减", "fund spending change"
            )
    if d.operating_costs is not None:
        c.change(
            "$.operating_costs.change",
            d.operating_costs.amount,
            d.operating_costs.change,
            "机关运行经费增减",
            "operating costs change",
        )
    if d.three_public is not None:
        for name in _THREE_PUBLIC_FIGURES:
            figure: BudgetedFigure = getattr(d.three_public, name)
            c.change(
                f"$.three_public.{name}.change", figure.actual, figure.change, "“三公”经费增减", "三公 change"
            )


rule(
    "R38",
    zh="增减额、增减率与方向用词正确",
    en="Year-on-year changes: amount, rate and direction words",
    formula="增减额 = 本年 − 上年; 增减率 = 增减额 / 上年 × 100 (half-up, 2 dp); 增加/增长 if > 0, 减少/下降 if < 0, 持平 if 0; no rate when 上年 = 0",
    group="百分比与增减",
)(r38)


_THREE_PUBLIC_FIGURES = (
    "total",
    "outbound",
    "vehicles",
    "vehicle_purchase",
    "vehicle_operation",
    "reception",
    "domestic_reception",
    "foreign_reception",
)


def r39(c: Checker) -> None:
    d = c.d
    gb = d.general_budget
    if gb is not None:
        c.percent_of(
            "$.general_budget.detail_completion",
            gb.detail_completion,
            gb.detail_total or gb.total,
            gb.detail_budget,
            "一般公共预算支出完成预算比例",
            "general budget completion rate",
        )
        for i, line in enumerate(gb.items):
            c.percent_of(
                f"$.general_budget.items[{i}].completion",
                line.completion,
                line.amount,
                line.budget,
                f"{line.code}完成预算比例",
                f"{line.code} completion rate",
            )
    if d.three_public is not None:
        for name in _THREE_PUBLIC_FIGURES:
            figure: BudgetedFigure = getattr(d.three_public, name)
            path = f"$.three_public.{name}"
            c.percent_of(
                f"{path}.completion",
                figure.completion,
                figure.actual,
                figure.budget,
                "“三公”经费完成预算比例",
                "三公 completion rate",
            )
            if figure.versus_budget is not None:
                stated = figure.versus_budget
                if stated.previous is None and figure.budget is not None:
                    from budgetacct.model.disclosure import StatedChange

                    stated = StatedChange(stated.direction, stated.amount, stated.rate, figure.budget)
                c.change(
                    f"{path}.versus_budget",
                    figure.actual,
                    stated,
                    "“三公”经费决算与预算比较",
                    "三公 final versus budget",
                )
            if figure.completion is not None and figure.versus_budget is not None:
                # Printed figures that differ differ in truth too, so “增加” means a completion of
                # 100% or more and “减少” 100% or less.  The rest is rounding: 1000.04 against
                # 1000.00 is “增加” at 100.00%, and 0.00 against 0.00 may be “持平” at 0%.
                direction = figure.versus_budget.direction
                completion = figure.completion.value
                if (direction is Direction.INCREASE and completion < 100) or (
                    direction is Direction.DECREASE and completion > 100
                ):
                    c.fail(
                        f"{path}.versus_budget",
                        f"完成预算{figure.completion}%与“决算数与预算数{figure.versus_budget.direction.value}”矛盾",
                        f"completion {figure.completion}% contradicts “{figure.versus_budget.direction.value}” versus budget",
                        actual=figure.versus_budget.direction.value,
                    )


rule(
    "R39",
    zh="完成预算百分比 = 决算数 / 预算数",
    en="Budget completion rate = final / budget",
    formula="完成预算% = 决算数 / 预算数 × 100 (half-up, 2 dp); 决算与预算比较用词与差额相符",
    group="百分比与增减",
)(r39)


# --- B.8 other important matters ------------------------------------------------------------------


def r43(c: Checker) -> None:
    d = c.d
    if d.operating_costs is None or d.basic_expenditure is None:
        return
    amount, public = d.operating_costs.amount, d.basic_expenditure.public
    c.not_above(
        "$.operating_costs.amount",
        amount,
        public,
        "机关运行经费大于公用经费",
        "operating costs exceed public costs",
    )
    if amount is None or public is None or amount != public or d.staffing is None:
        return
    institutions = [
        unit.name
        for unit in d.staffing.units
        if any("事业" in count.category for count in (*unit.authorized_by_category, *unit.actual_by_category))
    ]
    if institutions:
        # A doubt, not a proof: the 事业单位's 公用经费 cannot be seen without table 八.
        c.emit(
            Severity.NOTE,
            "$.operating_costs.amount",
            f"机关运行经费等于全部公用经费{public}万元，但部门含事业单位（{'、'.join(institutions)}），其公用经费不属于机关运行经费",
            f"operating costs equal all public costs ({public}) although the department includes public institutions ({', '.join(institutions)}), whose costs are not operating costs",
            expected=f"<{public}",
            actual=amount,
        )


rule(
    "R43",
    zh="机关运行经费不超过公用经费",
    en="Operating costs do not exceed public costs",
    formula="机关运行经费 ≤ 一般公共预算财政拨款公用经费 (行政单位 + 参公); equal to the whole 公用经费 while the department has a 事业单位: note",
    group="其他重要事项",
)(r43)


def r44(c: Checker) -> None:
    p = c.d.procurement
    if p is None:
        return
    c.equal(
        "$.procurement.total",
        p.total,
        [p.goods, p.works, p.services],
        "政府采购支出总额与货物、工程、服务之和不符",
        "procurement total differs from goods + works + services",
    )
    c.not_above(
        "$.procurement.sme",
        p.sme,
        p.total,
        "授予中小企业合同金额大于政府采购支出总额",
        "SME contracts exceed the procurement total",
    )
    c.not_above(
        "$.procurement.small_micro",
        p.small_micro,
        p.sme,
        "授予小微企业合同金额大于授予中小企业合同金额",
        "small/micro contracts exceed SME contracts",
    )


rule(
    "R44",
    zh="政府采购：总额 = 货物 + 工程 + 服务；中小企业 ≤ 总额；小微 ≤ 中小企业",
    en="Procurement: total = goods + works + services; SME ≤ total; small/micro ≤ SME",
    formula="政府采购支出总额 = 货物 + 工程 + 服务; 授予中小企业 ≤ 总额; 授予小微企业 ≤ 授予中小企业",
    group="其他重要事项",
)(r44)


def r45(c: Checker) -> None:
    assets = c.d.assets
    if assets is None or assets.vehicles_total is None or not assets.vehicles:
        return
    total = sum(v.count for v in assets.vehicles)
    if total != assets.vehicles_total:
        c.fail(
            "$.assets.vehicles_total",
            f"车辆合计{assets.vehicles_total}辆，各类之和为{total}辆",
            f"vehicles total {assets.vehicles_total}, categories add up to {total}",
            expected=total,
            actual=assets.vehicles_total,
            difference=assets.vehicles_total - total,
            tolerance=0,
        )


rule(
    "R45",
    zh="车辆合计等于各类车辆之和",
    en="Vehicle total equals the sum of its categories",
    formula="车辆合计 = Σ 各类用车",
    tolerance="0（计数）| 0 (counts)",
    group="其他重要事项",
)(r45)


def r46(c: Checker) -> None:
    staffing = c.d.staffing
    if staffing is None:
        return

    def compare(path: str, stated: int | None, parts: Sequence[int | None], zh: str, en: str) -> None:
        if stated is None or not parts or any(p is None for p in parts):
            return
        total = sum(p for p in parts if p is not None)
        if total != stated:
            c.fail(
                path,
                f"{zh}：合计{stated}，各项之和{total}",
                f"{en}: total {stated}, parts add up to {total}",
                expected=total,
                actual=stated,
                difference=stated - total,
                tolerance=0,
            )

    for i, unit in enumerate(staffing.units):
        if unit.actual_by_category:
            compare(
                f"$.staffing.units[{i}].actual",
                unit.actual,
                [x.count for x in unit.actual_by_category],
                f"{unit.name}实有人数与各类人员之和不符",
                f"{unit.name}: staff in post differ from the sum of categories",
            )
        if unit.authorized_by_category:
            compare(
                f"$.staffing.units[{i}].authorized",
                unit.authorized,
                [x.count for x in unit.authorized_by_category],
                f"{unit.name}编制数与各类编制之和不符",
                f"{unit.name}: authorized posts differ from the sum of categories",
            )
    if staffing.units:
        compare(
            "$.staffing.total_actual",
            staffing.total_actual,
            [u.actual for u in staffing.units],
            "部门实有人数与各单位之和不符",
            "department staff differ from the sum of units",
        )
        compare(
            "$.staffing.total_authorized",
            staffing.total_authorized,
            [u.authorized for u in staffing.units],
            "部门编制数与各单位之和不符",
            "department posts differ from the sum of units",
        )
        retired = [u.retired for u in staffing.units if u.retired is not None]
        if staffing.total_retired is not None and retired and sum(retired) > staffing.total_retired:
            c.fail(
                "$.staffing.total_retired",
                "各单位退休人数之和大于部门退休人数",
                "retirees of the units exceed the department's",
                expected=f"≥{sum(retired)}",
                actual=staffing.total_retired,
            )


rule(
    "R46",
    zh="人员数：合计等于各类之和，部门等于各单位之和",
    en="Staff counts: totals equal the sum of their categories and units",
    formula="实有人数 = Σ 各类; 编制数 = Σ 各类; 部门合计 = Σ 各单位",
    tolerance="0（计数）| 0 (counts)",
    group="其他重要事项",
)(r46)


# --- B.10 formatting and codes -------------------------------------------------------------------


def _function_sections(c: Checker) -> list[tuple[str, Sequence[FunctionLine]]]:
    """Every list of 功能分类 lines of the disclosure, with its path."""
    d = c.d
    sections: list[tuple[str, Sequence[FunctionLine]]] = []
    if d.expenditure is not None:
        sections += [
            ("$.expenditure.classes", d.expenditure.classes),
            ("$.expenditure.rows", d.expenditure.rows),
        ]
    if d.general_budget is not None:
        gb = d.general_budget
        sections += [
            ("$.general_budget.classes", gb.classes),
            ("$.general_budget.items", gb.items),
            ("$.general_budget.rows", gb.rows),
        ]
    for name in ("government_fund", "state_capital"):
        section = getattr(d, name)
        if section is not None:
            sections.append((f"$.{name}.lines", section.lines))
    return sections


def _same_name(printed: str, official: str) -> bool:
    return printed.replace(" ", "") == official


def _near_name(printed: str, official: str) -> bool:
    bare = printed.replace(" ", "")
    return (
        bare + "支出" == official
        or bare == official + "支出"
        or bare.removesuffix("支出") == official.removesuffix("支出")
    )


@functools.lru_cache(maxsize=65536)
def _names_agree(year: int, code: str, name: str | None, parent_names: tuple[str, ...]) -> bool:
    """Whether ``code`` is in the year's catalogue and every printed name equals the catalogue's.

    Most lines of most reports agree; remembering that across reports keeps R56 cheap in bulk.
    """
    cat = nearest_catalogue("function", year)[0]
    entry = cat.get(code)
    if entry is None or (name is not None and not _same_name(name, entry.name)):
        return False
    ancestors = FunctionCode(code).ancestors
    for k, printed in enumerate(parent_names):
        if k < len(ancestors):
            parent = cat.get(ancestors[k].code)
            if parent is not None and not _same_name(printed, parent.name):
                return False
    return True


def r55(c: Checker) -> None:
    units = c.d.units
    if len(set(units)) > 1:
        c.fail(
            "$.units",
            f"同一文档中混用金额单位：{'、'.join(sorted(set(units)))}",
            f"the document mixes money units: {', '.join(sorted(set(units)))}",
            expected="万元",
            actual="/".join(sorted(set(units))),
        )


rule(
    "R55",
    zh="全文金额单位一致（万元）",
    en="One money unit (万元) throughout the document",
    formula="every amount of the document printed in the same unit (元 amounts are converted exactly, so mixing is a presentation defect: warning)",
    severity=Severity.WARNING,
    tolerance="—",
    group="格式与编码",
)(r55)


def r56(c: Checker) -> None:
    year = c.d.year
    cat, exact_year = nearest_catalogue("function", year)
    note_zh, note_en = coverage_note("function", year)
    year_zh = "" if exact_year else f"（无{year}年目录，使用{cat.year}年目录）"
    year_en = "" if exact_year else f" (no {year} catalogue; the {cat.year} one was used)"
    seen: set[tuple[str, str]] = set()
    # The same code and printed names recur across the tables; judge each combination once
    # (keyed by the code's text, whose hash CPython caches).
    judged: set[tuple[str, str | None, tuple[str, ...]]] = set()
    for list_path, lines in _function_sections(c):
        for index, line in enumerate(lines):
            key = (line.code.code, line.name, line.parent_names)
            if key in judged:
                continue
            judged.add(key)
            if _names_agree(year, *key):
                continue
            path = f"{list_path}[{index}]"
            entry = cat.get(line.code.code)
            if entry is None:
                if (line.code.code, "") not in seen:
                    seen.add((line.code.code, ""))
                    c.fail(
                        f"{path}.code",
                        f"科目编码{line.code}不在{cat.year}年目录中{year_zh}。{note_zh}",
                        f"code {line.code} is not in the {cat.year} catalogue{year_en}. {note_en}",
                        actual=line.code.code,
                    )
                continue
            printed_names: list[tuple[str, str, str | None, str]] = [
                (f"{path}.name", line.code.code, line.name, entry.name)
            ]
            ancestors = line.code.ancestors
            for k, parent_printed in enumerate(line.parent_names):
                if k < len(ancestors):
                    parent_entry = cat.get(ancestors[k].code)
                    if parent_entry is not None:
                        printed_names.append(
                            (
                                f"{path}.parent_names[{k}]",
                                ancestors[k].code,
                                parent_printed,
                                parent_entry.name,
                            )
                        )
            for name_path, code, printed, official in printed_names:
                if printed is None or _same_name(printed, official) or (code, printed) in seen:
                    continue
                seen.add((code, printed))
                severity = Severity.NOTE if _near_name(printed, official) else Severity.WARNING
                c.emit(
                    severity,
                    name_path,
                    f"科目{code}名称“{printed}”与{cat.year}年目录名称“{official}”不一致{year_zh}",
                    f"the printed name “{printed}” of {code} differs from the {cat.year} catalogue name “{official}”{year_en}",
                    expected=official,
                    actual=printed,
                )


rule(
    "R56",
    zh="科目编码存在于当年目录，名称与目录一致",
    en="Codes exist in the year's catalogue and carry its names",
    formula="code ∈ catalogue(year); printed name = catalogue name (类 3, 款 5, 项 7 digits; 款 starts with its 类)",
    severity=Severity.WARNING,
    tolerance="目录为部分目录：缺失仅为警告 | the bundled catalogue is partial: a miss is a warning",
    group="格式与编码",
)(r56)


def r58(c: Checker) -> None:
    if c.exact:
        return
    # Two decimals of the unit printed: a report printed in 元 has figures of up to six decimals
    # of 万元 (12,345,678.90元 is 1234.56789万元), which is no defect.
    in_yuan = Unit.YUAN.value in c.d.units
    allowed = 6 if in_yuan else 2
    for path, amount in _walk_amounts(c.d, "$"):
        if amount.places() > allowed:
            c.fail(
                path,
                f"金额{amount.to_yuan() if in_yuan else amount}{'元' if in_yuan else ''}超过两位小数",
                f"amount {amount.to_yuan() if in_yuan else amount}{' 元' if in_yuan else ''} has more than two decimals",
                actual=amount,
            )


rule(
    "R58",
    zh="金额最多两位小数（以所印单位计）",
    en="Amounts have at most two decimals (of the unit printed)",
    formula="every published amount has ≤ 2 decimal places of its printed unit (万元: ≤ 2 of 万元; 元: ≤ 6 of 万元)",
    severity=Severity.WARNING,
    tolerance="—",
    group="格式与编码",
)(r58)


def _walk_amounts(obj: object, path: str) -> list[tuple[str, Amount]]:
    import attrs

    found: list[tuple[str, Amount]] = []
    if isinstance(obj, Amount):
        return [(path, obj)]
    if isinstance(obj, tuple):
        for i, item in enumerate(obj):
            found += _walk_amounts(item, f"{path}[{i}]")
        return found
    if attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):  # type: ignore[arg-type]
            found += _walk_amounts(getattr(obj, field.name), f"{path}.{field.name}")
    return found
