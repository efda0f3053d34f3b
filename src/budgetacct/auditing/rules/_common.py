"""What several rule families share: the fund sections and the 三公 figures they walk, and the check
that a table set is published whole (R69 on a 决算, R92 on a budget)."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from decimal import Decimal
from typing import Final

from budgetacct.auditing.check import Checker
from budgetacct.model.disclosure import BudgetedFigure, Disclosure, FundSpending
from budgetacct.model.enums import Fund, Severity
from budgetacct.model.table_layout import TableSet
from budgetacct.model.tables import TableKind

__all__ = [
    "BESIDE_THREE_PUBLIC",
    "BUDGET_THREE_PUBLIC_FIGURES",
    "THREE_PUBLIC_CODES",
    "THREE_PUBLIC_FIGURES",
    "budgeted_figures",
    "fund_sections",
    "missing_tables",
    "plain",
]


def plain(value: Decimal) -> str:
    """A figure as a finding's message prints it: every digit it has, no exponent, no ``-0``."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


#: The figures of a 决算's 三公 section (each a ``BudgetedFigure``: 决算数, 预算数 and their words).
THREE_PUBLIC_FIGURES: Final = (
    "total",
    "outbound",
    "vehicles",
    "vehicle_purchase",
    "vehicle_operation",
    "reception",
    "domestic_reception",
    "foreign_reception",
)
#: The figures of a budget's 三公 section: a budget does not split 公务接待费 into 国内 and 外事.
BUDGET_THREE_PUBLIC_FIGURES: Final = THREE_PUBLIC_FIGURES[:6]
#: The figures a report prints in or beside §七 with the record of a 三公 figure, but outside the
#: 三公 total: (the field of the document, its Chinese and English names).
BESIDE_THREE_PUBLIC: Final = (
    ("meeting_costs", "会议费", "meeting costs"),
    ("training_costs", "培训费", "training costs"),
)


def budgeted_figures(d: Disclosure) -> Iterator[tuple[str, BudgetedFigure, str, str]]:
    """Every 三公 figure of ``d`` and the 会议费/培训费 it prints: each one's path, the figure, and
    the words a message names it by (“三公”经费 / 三公, 会议费 / meeting costs).  A rule on a figure's
    own arithmetic walks these; the 三公 totals and parts are other rules'."""
    if d.three_public is not None:
        for name in THREE_PUBLIC_FIGURES:
            yield f"$.three_public.{name}", getattr(d.three_public, name), "“三公”经费", "三公"
    for name, zh, en in BESIDE_THREE_PUBLIC:
        figure = getattr(d, name)
        if figure is not None:
            yield f"$.{name}", figure, zh, en


#: The 部门预算经济分类 款 whose 基本支出 is part of a 三公 figure: (the 款, the figure, its name).
#: The narrative's figures (R30) and the standard tables' cells (R67, between the tables) are compared through it.
THREE_PUBLIC_CODES: Final[tuple[tuple[tuple[str, ...], str, str], ...]] = (
    (("30212",), "outbound", "因公出国（境）费"),
    (("30217",), "reception", "公务接待费"),
    (("30231",), "vehicle_operation", "公务用车运行维护费"),
    (("31013", "30913"), "vehicle_purchase", "公务用车购置费"),
)


def fund_sections(d: Disclosure) -> Iterator[tuple[str, Fund, FundSpending]]:
    """The 政府性基金 and 国有资本经营 sections ``d`` prints: each one's field name, fund and section."""
    for name, fund, section in (
        ("government_fund", Fund.GOVERNMENT_FUND, d.government_fund),
        ("state_capital", Fund.STATE_CAPITAL, d.state_capital),
    ):
        if section is not None:
            yield name, fund, section


def missing_tables(
    c: Checker, table_set: TableSet, printed: Collection[TableKind], set_en: str, note_en: str = ""
) -> None:
    """A warning at ``$.tables`` for each table of ``table_set`` whose kind is not ``printed``.

    ``set_en`` names the set in English (``the set mof-9``); ``note_en`` follows the sentence.
    """
    for entry in table_set.entries:
        if entry.kind not in printed:
            title = entry.title or entry.kind.value
            c.emit(
                Severity.WARNING,
                "$.tables",
                f"缺少{table_set.label}中的{entry.number}{title}（无数据的表也应公开并注明）",
                f"{set_en} has {entry.number} {title}, which the report does not print{note_en}",
                expected=title,
                actual="缺 / missing",
            )
