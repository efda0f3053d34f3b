"""What the standard tables print, written down once: titles, value columns and row labels.

The table builders (:mod:`budgetacct.render.tables.builders`) print these titles, headers and
labels, and the workbook reader (:mod:`budgetacct.io.excel`) finds the figures under them, so the
two cannot drift apart.  A value column is ``(header, field)``: the header printed and the field of
the Disclosure's line it shows; a total row is ``(label, (section, field))``: the label printed and
the Disclosure figure it states.

>>> [header for header, _ in REVENUE_COLUMNS][:3]
['本年收入合计', '财政拨款收入', '上级补助收入']
>>> dict(SUMMARY_REVENUE_TOTALS)["总计"]
('overview', 'revenue_grand_total')
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from budgetacct.codes import BasicExpensePart
from budgetacct.model.enums import ExpenditureKind, RevenueSource

__all__ = [
    "BASIC",
    "BASIC_BLOCKS",
    "CODE_COLUMNS",
    "DETAIL_ECONOMIC_COLUMNS",
    "EXPENDITURE",
    "EXPENDITURE_COLUMNS",
    "FISCAL_DETAIL",
    "FISCAL_EXPENDITURE_TOTALS",
    "FISCAL_OPENING",
    "FISCAL_REVENUE_TOTAL",
    "FISCAL_SUMMARY",
    "FUND_BALANCE_COLUMNS",
    "GENERAL_BUDGET",
    "GENERAL_BUDGET_DETAIL",
    "GOVERNMENT_FUND",
    "GOVERNMENT_FUND_THREE_PUBLIC",
    "GRAND_TOTAL",
    "KIND_FIELDS",
    "PROJECTS",
    "REVENUE",
    "REVENUE_COLUMNS",
    "REVENUE_SOURCE_COLUMNS",
    "SPENDING_FIELDS",
    "STATE_CAPITAL",
    "STATE_CAPITAL_WITH_BALANCES",
    "SUMMARY",
    "SUMMARY_EXPENDITURE_TOTALS",
    "SUMMARY_REVENUE_TOTALS",
    "THREE_PUBLIC",
    "THREE_PUBLIC_BLOCKS",
    "THREE_PUBLIC_FIELDS",
    "THREE_PUBLIC_GROUPS",
    "Column",
    "TotalRow",
]

#: ``(header, field)`` of a value column.
Column = tuple[str, str]
#: ``(label, (section, field))`` of a row stating one Disclosure figure.
TotalRow = tuple[str, tuple[str, str]]

# --- titles --------------------------------------------------------------------------------------

SUMMARY: Final = "收入支出决算总表"
REVENUE: Final = "收入决算表"
EXPENDITURE: Final = "支出决算表"
FISCAL_SUMMARY: Final = "财政拨款收入支出决算总表"
FISCAL_DETAIL: Final = "财政拨款支出决算明细表"
GENERAL_BUDGET: Final = "一般公共预算财政拨款支出决算表"
GENERAL_BUDGET_DETAIL: Final = "一般公共预算财政拨款支出决算明细表"
BASIC: Final = "一般公共预算财政拨款基本支出决算表"
PROJECTS: Final = "一般公共预算财政拨款项目支出决算表"
THREE_PUBLIC: Final = "一般公共预算财政拨款“三公”经费支出决算表"
GOVERNMENT_FUND: Final = "政府性基金预算财政拨款收入支出决算表"
GOVERNMENT_FUND_THREE_PUBLIC: Final = "政府性基金预算财政拨款“三公”经费支出决算表"
STATE_CAPITAL_WITH_BALANCES: Final = "国有资本经营预算财政拨款收入支出决算表"
STATE_CAPITAL: Final = "国有资本经营预算财政拨款支出决算表"

# --- tables with function-code rows (类 | 款 | 项 | 科目名称 | values…) -------------------------------

#: Columns before the values: 类, 款, 项 and 科目名称.
CODE_COLUMNS: Final = 4

#: 收入决算表: the value columns, by RevenueRow field.
REVENUE_COLUMNS: Final[tuple[Column, ...]] = (
    ("本年收入合计", "total"),
    ("财政拨款收入", "fiscal"),
    *(
        (source.value, field)
        for source, field in (
            (RevenueSource.SUPERIOR_SUBSIDY, "superior_subsidy"),
            (RevenueSource.OPERATIONS, "operations"),
            (RevenueSource.BUSINESS, "business"),
            (RevenueSource.AFFILIATED_REMITTANCE, "affiliated_remittance"),
            (RevenueSource.OTHER, "other"),
        )
    ),
)
#: 收入决算表's 合计 row: the revenue source of each column after 本年收入合计 and 财政拨款收入.
REVENUE_SOURCE_COLUMNS: Final = (
    RevenueSource.SUPERIOR_SUBSIDY,
    RevenueSource.OPERATIONS,
    RevenueSource.BUSINESS,
    RevenueSource.AFFILIATED_REMITTANCE,
    RevenueSource.OTHER,
)

#: The FunctionLine field of each kind of spending.
KIND_FIELDS: Final[Mapping[ExpenditureKind, str]] = MappingProxyType(
    {
        ExpenditureKind.BASIC: "basic",
        ExpenditureKind.PROJECT: "project",
        ExpenditureKind.REMITTANCE: "remittance",
        ExpenditureKind.BUSINESS: "business",
        ExpenditureKind.AFFILIATE_SUBSIDY: "affiliate_subsidy",
    }
)
#: 支出决算表: 本年支出合计, then one column per kind of spending.
EXPENDITURE_COLUMNS: Final[tuple[Column, ...]] = (
    ("本年支出合计", "amount"),
    *((kind.value, field) for kind, field in KIND_FIELDS.items()),
)

#: The 本年支出 columns of the appropriation tables (小计 or 合计 | 基本支出 | 项目支出).
SPENDING_FIELDS: Final = ("amount", "basic", "project")

#: 政府性基金 / 国有资本经营 收入支出决算表: the columns around 本年支出, by FundSpending field (they are
#: stated on the 合计 row only); 本年支出 (three columns) stands between the second and the third.
FUND_BALANCE_COLUMNS: Final[tuple[Column, ...]] = (
    ("年初结转和结余", "opening_balance"),
    ("本年收入", "revenue"),
    ("年末结转和结余", "closing_balance"),
)

#: Sichuan 明细表: the economic-class columns after 合计 (a Disclosure states none of them).
DETAIL_ECONOMIC_COLUMNS: Final = (
    "工资福利支出",
    "商品和服务支出",
    "对个人和家庭的补助",
    "债务利息及费用支出",
    "资本性支出（基本建设）",
    "资本性支出",
    "对企业补助（基本建设）",
    "对企业补助",
    "对社会保障基金补助",
    "其他支出",
)

# --- 收入支出决算总表 -----------------------------------------------------------------------------

#: The rows under the revenue sources (收入 side).
SUMMARY_REVENUE_TOTALS: Final[tuple[TotalRow, ...]] = (
    ("本年收入合计", ("revenue", "total")),
    ("使用非财政拨款结余", ("overview", "non_fiscal_balance_used")),
    ("年初结转和结余", ("overview", "opening_balance")),
    ("总计", ("overview", "revenue_grand_total")),
)
#: The rows under the 类 rows (支出 side).
SUMMARY_EXPENDITURE_TOTALS: Final[tuple[TotalRow, ...]] = (
    ("本年支出合计", ("expenditure", "total")),
    ("结余分配", ("overview", "surplus_distribution")),
    ("年末结转和结余", ("overview", "closing_balance")),
    ("总计", ("overview", "expenditure_grand_total")),
)

# --- 基本支出 and “三公”经费 ----------------------------------------------------------------------

#: 基本支出决算表: the two blocks side by side, with the BasicExpenditure field of their 合计.
BASIC_BLOCKS: Final = (
    (BasicExpensePart.PERSONNEL, "personnel"),
    (BasicExpensePart.PUBLIC, "public"),
)

#: “三公”经费 tables: the column groups of one block (second header row) and their columns (third
#: header row), by ThreePublic figure.
THREE_PUBLIC_GROUPS: Final[tuple[tuple[str, tuple[Column, ...]], ...]] = (
    ("合计", (("", "total"),)),
    ("因公出国（境）费", (("", "outbound"),)),
    (
        "公务用车购置及运行维护费",
        (
            ("小计", "vehicles"),
            ("公务用车购置费", "vehicle_purchase"),
            ("公务用车运行维护费", "vehicle_operation"),
        ),
    ),
    ("公务接待费", (("", "reception"),)),
)
#: The ThreePublic figures of one block, in column order.
THREE_PUBLIC_FIELDS: Final = tuple(field for _, columns in THREE_PUBLIC_GROUPS for _, field in columns)
#: The two blocks (first header row), by BudgetedFigure field.
THREE_PUBLIC_BLOCKS: Final[tuple[Column, ...]] = (("预算数", "budget"), ("决算数", "actual"))

# --- 财政拨款收入支出决算总表 ----------------------------------------------------------------------

#: 收入 side: the row of the year's revenue and the row heading the opening balances by fund.
FISCAL_REVENUE_TOTAL: Final = ("本年收入合计", "revenue_total")
FISCAL_OPENING: Final = ("年初财政拨款结转和结余", "opening_balance")
#: 支出 side: the rows under the 类 rows, ``(label, Fiscal field, FundFlow field of each fund column)``.
FISCAL_EXPENDITURE_TOTALS: Final = (
    ("本年支出合计", "expenditure_total", "expenditure"),
    ("年末财政拨款结转和结余", "closing_balance", "closing"),
)
#: Both sides end with 总计 (Fiscal.grand_total).
GRAND_TOTAL: Final = ("总计", "grand_total")
