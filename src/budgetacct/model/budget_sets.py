"""The 预算 table sets provinces publish, and looking a budget table's spec up by kind or title.

The specs are in :mod:`budgetacct.model.budget_specs`; this module lists which of them each set
prints, under which numbers (Shanghai 9, Jiangsu 12, MoF 9, 高等学校 4).
"""

from __future__ import annotations

from typing import Final

from budgetacct.model.budget_specs import BUDGET_SPECS, SET_VARIANTS
from budgetacct.model.table_layout import TableEntry, TableSet, TableSpec, numbered, sets_by_name
from budgetacct.model.table_specs import find_spec
from budgetacct.model.tables import TableKind

__all__ = ["BUDGET_TABLE_SETS", "budget_spec_for", "find_budget_spec"]


_NINE = (
    TableKind.BUDGET_SUMMARY,
    TableKind.BUDGET_REVENUE,
    TableKind.BUDGET_EXPENDITURE,
    TableKind.BUDGET_FISCAL_SUMMARY,
    TableKind.BUDGET_GENERAL,
    TableKind.BUDGET_GOVERNMENT_FUND,
    TableKind.BUDGET_STATE_CAPITAL,
    TableKind.BUDGET_GENERAL_BASIC,
    TableKind.BUDGET_THREE_PUBLIC,
)

#: The budget table sets, by name.
BUDGET_TABLE_SETS: Final[dict[str, TableSet]] = sets_by_name(
    (
        TableSet(
            "shanghai-budget-9",
            "上海市部门（单位）预算9张表",
            (
                TableEntry("1.", TableKind.BUDGET_SUMMARY, "财务收支预算总表"),
                *numbered(tuple(f"{n}." for n in range(2, 9)), _NINE[1:8]),
                TableEntry("9.", TableKind.BUDGET_THREE_PUBLIC),
            ),
        ),
        TableSet(
            "shanghai-budget-9-2024",
            "上海市部门（单位）预算9张表（2024：总表支出分人员经费、公用经费、项目支出）",
            (
                TableEntry("1.", TableKind.BUDGET_SUMMARY, "财务收支预算总表"),
                *numbered(tuple(f"{n}." for n in range(2, 9)), _NINE[1:8]),
                TableEntry("9.", TableKind.BUDGET_THREE_PUBLIC),
            ),
        ),
        TableSet(
            "jiangsu-budget-12",
            "江苏省部门预算公开12张表",
            (
                TableEntry("公开01表", TableKind.BUDGET_SUMMARY),
                TableEntry("公开02表", TableKind.BUDGET_REVENUE),
                TableEntry("公开03表", TableKind.BUDGET_EXPENDITURE),
                TableEntry("公开04表", TableKind.BUDGET_FISCAL_SUMMARY),
                TableEntry("公开05表", TableKind.BUDGET_FISCAL_FUNCTION, "财政拨款支出预算表（功能科目）"),
                TableEntry("公开06表", TableKind.BUDGET_FISCAL_BASIC, "财政拨款基本支出预算表（经济科目）"),
                TableEntry("公开07表", TableKind.BUDGET_GENERAL, "一般公共预算支出预算表（功能科目）"),
                TableEntry(
                    "公开08表", TableKind.BUDGET_GENERAL_BASIC, "一般公共预算基本支出预算表（经济科目）"
                ),
                TableEntry("公开09表", TableKind.BUDGET_THREE_PUBLIC, "“三公”经费、会议费、培训费支出预算表"),
                TableEntry("公开10表", TableKind.BUDGET_GOVERNMENT_FUND, "政府性基金预算财政拨款支出预算表"),
                TableEntry("公开11表", TableKind.BUDGET_OPERATING_COSTS),
                TableEntry("公开12表", TableKind.BUDGET_PROCUREMENT),
            ),
        ),
        TableSet(
            "mof-budget-9",
            "财政部部门预算公开9张表",
            numbered(tuple(f"表{n}" for n in range(1, 10)), _NINE),
        ),
        TableSet(
            "university-budget-4",
            "高等学校部门预算4张表",
            (
                TableEntry("表1", TableKind.BUDGET_SUMMARY),
                TableEntry("表2", TableKind.BUDGET_REVENUE, "收入预算表"),
                TableEntry("表3", TableKind.BUDGET_EXPENDITURE, "支出预算表"),
                TableEntry("表4", TableKind.BUDGET_FISCAL_FUNCTION, "财政拨款支出预算表"),
            ),
        ),
    )
)


def budget_spec_for(kind: TableKind, set_name: str | None = None) -> TableSpec:
    """The layout of budget table ``kind`` as the set ``set_name`` prints it."""
    variant = SET_VARIANTS.get(set_name or "", {}).get(kind)
    return variant if variant is not None else BUDGET_SPECS[kind]


def find_budget_spec(title: str) -> TableSpec | None:
    """The budget table spec the printed ``title`` names, identified as :func:`find_spec` identifies
    every table (the whole title, not its last words), among the budget specs only."""
    return find_spec(title, document="budget")
