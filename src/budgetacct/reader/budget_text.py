"""The main figures of a 预算编制说明 (a budget report's narrative), read by their wordings.

A budget's narrative states its totals in a handful of wordings that vary by province and year:
“收入、支出预算总计37188.34万元” (Jiangsu), “收支总预算557,259.13万元” (a university),
“收入预算3,121.42万元，其中：财政拨款收入…” (Shanghai), ““三公”经费预算数为0.95万元”,
“机关运行经费预算为229.43万元”.  :func:`read_budget_text` finds the first printing of each figure
the :class:`~budgetacct.model.budget.Budget` has a place for, and counts the money figures of the
narrative it did not place, so that a read of a budget states its coverage like a 决算's.

This reader is deliberately small and separate from the 决算 sentence reader
(:mod:`budgetacct.reader.report`): a budget's sentences compare with last year's *budget* and
print no actuals, and the fields they fill are the budget model's.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from budgetacct.errors import BudgetAcctError
from budgetacct.money import Amount, Unit, parse_amount

__all__ = ["BUDGET_WORDINGS", "BudgetFigure", "BudgetText", "read_budget_text"]

_AMOUNT: Final = r"(?P<amount>[0-9][0-9,，]*(?:\.[0-9]+)?)\s*(?P<unit>万元|亿元|元)"
_ANY_AMOUNT: Final = re.compile(r"[0-9][0-9,，]*(?:\.[0-9]+)?\s*(?:万元|亿元|元)")
_OUT: Final = r"因公出国[（(]境[）)]费"

#: (field, wording) pairs: a field is a dotted place in the Budget (``overview.revenue_grand_total``,
#: ``revenue.general_budget`` for the 一般公共预算 revenue line, ``three_public.outbound`` …); the
#: first wording that matches a field's figure wins, in this order.
BUDGET_WORDINGS: Final[tuple[tuple[tuple[str, ...], str], ...]] = (
    (("overview.revenue_grand_total", "overview.expenditure_grand_total"), r"收入、支出预算总计\s*"),
    (("overview.revenue_grand_total", "overview.expenditure_grand_total"), r"收支总预算\s*"),
    (("overview.revenue_grand_total",), r"(?<!财政拨款)(?<!资金)收入预算总计\s*"),
    (("overview.expenditure_grand_total",), r"(?<!财政拨款)支出预算总计\s*"),
    (("overview.revenue_total",), r"其中本年收入预算\s*"),
    (("overview.expenditure_total",), r"[；;，]本年支出预算\s*"),
    (("overview.non_fiscal_balance_used",), r"使用非财政拨款结余\s*"),
    (("overview.carried_forward",), r"上年结转\s*"),
    (("overview.carry_to_next",), r"结转下年\s*"),
    (("revenue.total",), r"本年收入预算合计\s*"),
    # Shanghai: “2025年，某局收入预算3,121.42万元，其中：财政拨款收入…” (a university's “我校2023年
    # 收入预算557,259.13万元，其中：…” is its 收入总计, with the balances carried forward).
    (("revenue.total",), r"(?<!年)(?<!年 )收入预算\s*(?=[^，。]*，其中：财政拨款收入)"),
    (("revenue.fiscal",), r"财政拨款收入预算总计\s*"),
    (("revenue.fiscal",), r"(?<!当年)(?<!预算)财政拨款收入\s*"),
    (("revenue.general_budget",), r"一般公共预算收入(?:预算)?\s*"),
    (("revenue.operations",), r"(?<!单位)事业收入\s*"),
    (("revenue.business",), r"事业单位经营收入\s*"),
    (("revenue.other",), r"(?<!资金)其他收入\s*"),
    (("revenue.other",), r"其他资金收入预算总计\s*"),  # Jiangsu: 其他资金 is the 其他收入 line
    (("expenditure.total",), r"本年支出预算合计\s*"),
    (("expenditure.total",), r"(?<![拨款基本项目])支出预算\s*(?=[^，。]*，其中：财政拨款支出预算)"),
    (("expenditure.basic",), r"(?<!财政拨款)基本支出(?:预算数为)?\s*"),
    (("expenditure.project",), r"项目支出(?:预算数为)?\s*"),
    (("fiscal.total",), r"(?<!一般公共预算)财政拨款(?:预算支出|支出预算)\s*"),
    (("general_budget.total",), r"一般公共预算(?:财政)?拨款支出预算\s*"),
    (("general_budget.total",), r"一般公共预算财政拨款支出\s*"),  # 重庆 2018: “…收入X万元，…支出X万元”
    (("revenue.general_budget",), r"一般公共预算财政拨款收入\s*"),
    (("three_public.total",), r"“三公”经费预算(?:数为|支出)?\s*"),
    (("three_public.outbound",), _OUT + r"(?:用)?(?:预算)?(?:支出)?\s*"),
    (("three_public.vehicles",), r"公务(?:用)?车购置及运行费(?:预算)?(?:支出)?\s*"),
    (("three_public.vehicle_purchase",), r"公务用车购置(?:费)?(?:预算)?(?:支出)?\s*"),
    (("three_public.vehicle_operation",), r"公务(?:车)?用车运行(?:维护)?费(?:预算)?(?:支出)?\s*"),
    (("three_public.reception",), r"公务接待费(?:预算)?(?:支出)?\s*"),
    (("operating_costs",), r"机关运行经费(?:预算)?(?:支出)?(?:为)?\s*"),
    (("operating_costs",), r"财政拨款运行经费\s*"),
)

_COMPILED: Final = tuple((fields, re.compile(wording + _AMOUNT)) for fields, wording in BUDGET_WORDINGS)


@attrs.frozen
class BudgetFigure:
    """A figure placed: the Budget field, the amount (万元), where it is printed in the text."""

    field: str
    amount: Amount
    start: int
    end: int
    printed: str


@attrs.frozen
class BudgetText:
    """The figures a budget narrative was read for, and the money figures it printed but were not placed."""

    figures: tuple[BudgetFigure, ...]
    unread: tuple[tuple[int, int, str], ...]

    def get(self, field: str) -> Amount | None:
        return next((figure.amount for figure in self.figures if figure.field == field), None)


def read_budget_text(text: str) -> BudgetText:
    """The first printing of each budget figure in ``text``; the other money figures, unread.

    >>> read = read_budget_text("某局2025年“三公”经费预算数为0.95万元，与2024年预算持平。")
    >>> read.get("three_public.total")
    Amount('0.95')
    """
    figures: dict[str, BudgetFigure] = {}
    for fields, pattern in _COMPILED:
        if all(field in figures for field in fields):
            continue
        match = pattern.search(text)
        if match is None:
            continue
        try:
            amount, _ = parse_amount(
                match["amount"].replace("，", ",") + match["unit"], default_unit=Unit.WAN_YUAN
            )
        except BudgetAcctError:
            continue
        start, end = match.start("amount"), match.end("unit")
        for field in fields:
            figures.setdefault(field, BudgetFigure(field, amount, start, end, text[start:end]))
    placed = {(figure.start, figure.end) for figure in figures.values()}
    unread = tuple(
        (found.start(), found.end(), found.group())
        for found in _ANY_AMOUNT.finditer(text)
        if (found.start(), found.end()) not in placed
    )
    ordered = sorted(figures.values(), key=lambda figure: (figure.start, figure.field))
    return BudgetText(tuple(ordered), unread)
