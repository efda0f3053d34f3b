"""B.7 percentages: shares, year-on-year changes and budget completion rates (R37–R39)."""

from __future__ import annotations

from budgetacct.auditing.check import Checker
from budgetacct.auditing.rules._common import budgeted_figures, fund_sections
from budgetacct.model.disclosure import StatedChange
from budgetacct.money import Direction


def shares_rounded_and_total_100(c: Checker) -> None:
    d = c.d
    if d.revenue is not None:
        sources = [
            (f"$.revenue.lines[{i}]", line.amount, line.share) for i, line in enumerate(d.revenue.lines)
        ]
        if d.revenue.fiscal is not None:  # 财政拨款收入 printed as one line of the list
            sources.insert(0, ("$.revenue.fiscal", d.revenue.fiscal.amount, d.revenue.fiscal.share))
        c.shares("$.revenue.lines", d.revenue.total, sources, "收入占比", "revenue share")
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


def changes_stated_correctly(c: Checker) -> None:
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
    for name, _, section in fund_sections(d):
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
    for path, figure, zh, en in budgeted_figures(d):
        c.change(f"{path}.change", figure.actual, figure.change, f"{zh}增减", f"{en} change")


def completion_rates_stated_correctly(c: Checker) -> None:
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
            if line.completion is None:  # most items print none: skip formatting their messages
                continue
            c.percent_of(
                f"$.general_budget.items[{i}].completion",
                line.completion,
                line.amount,
                line.budget,
                f"{line.code}完成预算比例",
                f"{line.code} completion rate",
            )
    for path, figure, zh, en in budgeted_figures(d):
        c.percent_of(
            f"{path}.completion",
            figure.completion,
            figure.actual,
            figure.budget,
            f"{zh}完成预算比例",
            f"{en} completion rate",
        )
        if figure.versus_budget is not None:
            stated = figure.versus_budget
            if stated.previous is None and figure.budget is not None:
                stated = StatedChange(stated.direction, stated.amount, stated.rate, figure.budget)
            c.change(
                f"{path}.versus_budget",
                figure.actual,
                stated,
                f"{zh}决算与预算比较",
                f"{en} final versus budget",
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
