"""The 预算编制说明 and 其他相关情况说明 of a budget, written from a :class:`~budgetacct.model.budget.Budget`.

The wording follows the Shanghai template (the one most budgets in the corpus use): amounts with
two decimals and grouping (``3,121.42万元``, a zero as ``0万元``), every change against the previous
year's budget (“比2024年预算增加107.62万元”, “与2024年预算持平”), each stated reason after its
figure.  Every figure printed comes from the budget as published; a section whose figures the
budget lacks is left out.  The result is the same :class:`~budgetacct.render.narrative.Narrative`
the 决算说明 renders to (text, Markdown, HTML).

>>> from budgetacct import load_example
>>> n = render_budget_narrative(load_example("ptczj-2025", "budget"))
>>> print(n.sections[0].paragraphs[0])
2025年，上海市普陀区财政局收入预算3,121.42万元，其中：财政拨款收入3,121.42万元，比2024年预算增加107.62万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。
"""

from __future__ import annotations

from typing import Final

from budgetacct.codes import FunctionCode
from budgetacct.errors import BudgetAcctError, InvalidValue
from budgetacct.model.budget import Budget, BudgetLevel, PlannedFigure, PlannedLine
from budgetacct.model.disclosure import Assets, StatedChange
from budgetacct.model.enums import Fund, RevenueSource
from budgetacct.money import Amount, Direction
from budgetacct.render.narrative.document import Narrative, Section
from budgetacct.render.zh import NumberStyle, format_amount, format_percent

__all__ = ["render_budget_narrative"]

_STYLE: Final = NumberStyle(trim_zeros=False, grouping=True, with_unit=True)
_FUND_WORDS: Final = {
    Fund.GENERAL_BUDGET: "一般公共预算拨款",
    Fund.GOVERNMENT_FUND: "政府性基金拨款",
    Fund.STATE_CAPITAL: "国有资本经营预算拨款",
}
_SOURCE_WORDS: Final = {
    RevenueSource.OPERATIONS: "事业收入",
    RevenueSource.BUSINESS: "事业单位经营收入",
    RevenueSource.OTHER: "其他收入",
}
_LEVELS: Final = ("类", "款", "项")


def _money(amount: Amount) -> str:
    """``3,121.42万元``; a zero as ``0万元`` (as the reports print it)."""
    return "0万元" if amount.is_zero() else format_amount(amount, _STYLE)


class _Writer:
    def __init__(self, budget: Budget) -> None:
        self.b = budget
        self.before = f"{budget.previous_year}年预算"
        # The names the budget's own tables print, before the catalogue's (which may lack the year).
        self.names = {
            row.function: row.name
            for table in budget.tables
            for row in table.rows
            if row.function is not None and row.name
        }

    def change(self, change: StatedChange | None) -> str:
        """“，比2024年预算增加107.62万元，增长3.57%” or “，与2024年预算持平” (nothing when not stated)."""
        if change is None:
            return ""
        if change.direction is Direction.FLAT:
            return f"，与{self.before}持平"
        text = f"，比{self.before}{change.direction.value}"
        if change.amount is not None:
            text += _money(change.amount)
        if change.rate is not None:
            word = "增长" if change.direction is Direction.INCREASE else "下降"
            text += f"，{word}{format_percent(change.rate)}"
        return text

    def figure(self, name: str, figure: PlannedFigure) -> str | None:
        if figure.amount is None:
            return None
        reason = f"，{figure.reason}" if figure.reason else ""
        return f"{name}{_money(figure.amount)}{self.change(figure.change)}{reason}"

    def function_name(self, line: PlannedLine) -> str:
        """“一般公共服务支出（类）财政事务（款）行政运行（项）”, names from the catalogue where printed none."""
        codes: list[FunctionCode] = [*line.code.ancestors, line.code]
        parts = []
        for level, code in zip(_LEVELS, codes, strict=False):
            name = line.name if code == line.code and line.name else self.names.get(code)
            name = name or _catalogue_name(code, self.b.year)
            parts.append(f"{name or code.code}（{level}）")
        return "".join(parts)

    # --- sections -----------------------------------------------------------------------------

    def explanation(self) -> Section | None:
        b = self.b
        paragraphs: list[str] = []
        whose = "单位" if b.level is BudgetLevel.UNIT else ""
        r = b.revenue
        if r is not None and r.total is not None:
            parts = []
            if r.fiscal is not None:
                parts.append(f"财政拨款收入{_money(r.fiscal)}{self.change(r.fiscal_change)}")
            for line in r.lines:
                if line.source in _SOURCE_WORDS:
                    parts.append(f"{_SOURCE_WORDS[line.source]}{_money(line.amount)}")
            listed = f"，其中：{'；'.join(parts)}" if parts else ""
            paragraphs.append(
                f"{b.year}年，{b.department}{whose}收入预算{_money(r.total)}{self.change(r.change)}{listed}。"
            )
        e, f = b.expenditure, b.fiscal
        if e is not None and e.total is not None:
            text = f"支出预算{_money(e.total)}{self.change(e.change)}"
            if f is not None and f.total is not None:
                text += f"，其中：财政拨款支出预算{_money(f.total)}{self.change(f.change)}"
            paragraphs.append(text + "。" + self.funds())
        if f is not None and f.reason:
            paragraphs.append(f.reason)
        g = b.general_budget
        if g is not None and g.items:
            paragraphs.append("财政拨款支出主要内容如下：")
            paragraphs.extend(
                f"{i}.“{self.function_name(item)}”{_money(item.amount)}。"
                for i, item in enumerate(g.items, start=1)
            )
        if not paragraphs:
            return None
        return Section(
            "", f"{b.year}年{'单位' if whose else '部门'}预算编制说明", tuple(paragraphs), key="budget"
        )

    def funds(self) -> str:
        f = self.b.fiscal
        if f is None or not f.funds:
            return ""
        parts = [
            f"{_FUND_WORDS[line.fund]}支出预算{_money(line.amount)}{self.change(line.change)}"
            for line in f.funds
            if line.fund in _FUND_WORDS and line.amount is not None
        ]
        return f"财政拨款支出预算中，{'；'.join(parts)}。" if parts else ""

    def three_public(self) -> Section | None:
        t = self.b.three_public
        if t is None or t.total.amount is None:
            return None
        head = f"{self.b.year}年“三公”经费预算数为{_money(t.total.amount)}{self.change(t.total.change)}。"
        parts = []
        outbound = self.figure("因公出国（境）费", t.outbound)
        if outbound is not None:
            parts.append(f"（一）{outbound}。")
        vehicles = self.figure("公务车购置及运行费", t.vehicles)
        if vehicles is not None:
            inner = [
                text
                for text in (
                    self.figure("公务用车购置费", t.vehicle_purchase),
                    self.figure("公务用车运行费", t.vehicle_operation),
                )
                if text is not None
            ]
            parts.append(f"（二）{vehicles}" + (f"，其中：{'；'.join(inner)}。" if inner else "。"))
        reception = self.figure("公务接待费", t.reception)
        if reception is not None:
            parts.append(f"（三）{reception}。")
        return Section(
            "一", f"{self.b.year}年“三公”经费预算情况说明", (head + ("其中：" if parts else ""), *parts)
        )

    def operating_costs(self) -> Section | None:
        o = self.b.operating_costs
        if o is None or o.amount is None:
            return None
        text = f"{self.b.year}年{self.b.department}财政拨款的机关运行经费预算为{_money(o.amount)}{self.change(o.change)}。"
        return Section("二", "机关运行经费预算", (text,))

    def procurement(self) -> Section | None:
        p = self.b.procurement
        if p is None or p.total is None:
            return None
        parts = [
            f"政府采购{name}预算{_money(value)}"
            for name, value in (("货物", p.goods), ("工程", p.works), ("服务", p.services))
            if value is not None
        ]
        text = f"{self.b.year}年度本单位政府采购预算{_money(p.total)}"
        text += f"，其中：{'、'.join(parts)}。" if parts else "。"
        if p.sme is not None:
            text += f"面向中小企业预留政府采购项目预算{_money(p.sme)}"
            text += f"，其中预留给小微企业{_money(p.small_micro)}。" if p.small_micro is not None else "。"
        return Section("三", "政府采购预算情况", (text,))

    def targets(self) -> Section | None:
        t = self.b.targets
        if t is None or (t.projects is None and t.amount is None):
            return None
        text = f"{self.b.year}年度，本单位编报绩效目标的项目"
        if t.projects is not None:
            text += f"共{t.projects}个"
        if t.amount is not None:
            text += f"，涉及项目预算资金{_money(t.amount)}"
        text += "。"
        if t.lines:
            text += "其中：" + "，".join(f"{line.name}{_money(line.amount)}" for line in t.lines) + "。"
        return Section("四", "绩效目标设置情况", (text,))

    def assets(self) -> Section | None:
        paragraphs = []
        held, planned = self.b.assets, self.b.asset_purchases
        if held is not None and held.vehicles_total is not None:
            when = f"截至{held.as_of}，" if held.as_of else ""
            paragraphs.append(f"{when}{self.b.department}共有车辆{held.vehicles_total}辆{_counts(held)}")
        if planned is not None and planned.vehicles_total is not None:
            paragraphs.append(
                f"{self.b.year}年部门预算安排购置车辆{planned.vehicles_total}辆{_counts(planned)}"
            )
        if not paragraphs:
            return None
        return Section("五", "国有资产占有使用情况", tuple(paragraphs))


def _counts(assets: Assets) -> str:
    listed = "、".join(f"{count.category}{count.count}辆" for count in assets.vehicles)
    return f"，其中：{listed}。" if listed else "。"


def _catalogue_name(code: FunctionCode, year: int) -> str | None:
    try:
        return code.name(year)
    except BudgetAcctError:
        return None


def render_budget_narrative(budget: Budget) -> Narrative:
    """The 预算编制说明 and 其他相关情况说明 of ``budget`` (in Chinese, as the Shanghai template words it)."""
    if not isinstance(budget, Budget):
        raise InvalidValue("部门预算公开数据（Budget）", "a Budget", budget, path="$.budget")
    w = _Writer(budget)
    others = tuple(
        s
        for s in (w.three_public(), w.operating_costs(), w.procurement(), w.targets(), w.assets())
        if s is not None
    )
    sections = [s for s in (w.explanation(),) if s is not None]
    if others:
        sections.append(Section("", "其他相关情况说明", subsections=others, key="other_matters"))
    return Narrative(tuple(sections), template=budget.template or "budget")
