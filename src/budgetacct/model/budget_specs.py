"""The standard tables of a 部门预算 (or 单位预算) and the budget table sets — as data.

The budget tables are laid out like the 决算 ones (:mod:`budgetacct.model.table_specs`): one
:class:`~budgetacct.model.table_specs.TableSpec` per table, every column on the
:attr:`~budgetacct.model.tables.Basis.BUDGET` basis (预算数), the identities inside a table
written beside its layout so the generic table rules (R64–R66) check budget tables too.

Four sets are known:

* ``shanghai-budget-9`` — the Shanghai 9 tables (部门 and 单位 alike), printed in 元 except the
  “三公” table (万元); the 总表 prints 收入总计 straight under its sources.
  ``shanghai-budget-9-2024`` is the 2024 form, whose 总表 splits each 支出 row into 人员经费,
  公用经费 and 项目支出.
* ``jiangsu-budget-12`` — the Jiangsu 公开01–12表: the 财政拨款收支预算总表 split by 支出用途
  (基本支出 / 项目支出), function and economic tables with one 金额 column, “三公”经费、会议费、
  培训费, 机关运行经费 by economic code and 政府采购.
* ``mof-budget-9`` — the MoF 部门预算 9 tables.
* ``university-budget-4`` — the 高等学校 4 tables (收支预算总表, 收入预算表, 支出预算表,
  财政拨款支出预算表).

The sets and the look-ups by kind and title are in :mod:`budgetacct.model.budget_sets`:

>>> from budgetacct.model.budget_sets import BUDGET_TABLE_SETS, budget_spec_for, find_budget_spec
>>> spec = budget_spec_for(TableKind.BUDGET_EXPENDITURE)
>>> [c.column.label for c in spec.panels[0].columns]
['预算数·合计', '预算数·基本支出', '预算数·项目支出']
>>> [e.kind.value for e in BUDGET_TABLE_SETS["shanghai-budget-9"].entries][:2]
['收支预算总表', '收入预算总表']
>>> find_budget_spec("2025年预算单位财务收支预算总表").kind
<TableKind.BUDGET_SUMMARY: '收支预算总表'>
"""

from __future__ import annotations

from typing import Final

import attrs

from budgetacct.model.table_layout import (
    TOTAL_LINE,
    ColumnSpec,
    Group,
    LineSum,
    PanelSpec,
    Rows,
    RowSum,
    TableSpec,
    balanced_table,
    coded_table,
    expenditure_panel,
    revenue_panel,
    specs_by_kind,
    total_across,
    vary_panel,
)
from budgetacct.model.table_layout import line_spec as _l
from budgetacct.model.tables import Basis, Column, Line, Measure, TableKind

__all__ = ["BUDGET_SPECS", "SET_VARIANTS"]

_B = Basis.BUDGET


def _c(measure: Measure, *labels: str, group: str | None = None) -> ColumnSpec:
    return ColumnSpec(Column(measure, _B), labels or (measure.value,), group)


def _col(measure: Measure) -> Column:
    return Column(measure, _B)


_A = _col(Measure.AMOUNT)
_T = _col(Measure.TOTAL)
_AMOUNT = _c(Measure.AMOUNT, "预算数", "金额")

# --- 收支预算总表 ------------------------------------------------------------------------------

_FUND_REVENUE_LINES = (
    _l(Line.FISCAL_GENERAL_BUDGET, "一般公共预算资金", "一般公共预算", "一般公共预算财政拨款"),
    _l(Line.FISCAL_GOVERNMENT_FUND, "政府性基金", "政府性基金预算", "政府性基金预算财政拨款"),
    _l(Line.FISCAL_STATE_CAPITAL, "国有资本经营预算", "国有资本经营预算财政拨款"),
)
_FUND_LINE_KEYS = tuple(spec.line for spec in _FUND_REVENUE_LINES)
_SOURCE_LINES = (
    _l(Line.FISCAL_REVENUE, "财政拨款收入", "财政拨款"),
    *_FUND_REVENUE_LINES,
    _l(Line.OPERATIONS, "事业收入"),
    _l(Line.BUSINESS, "事业单位经营收入", "经营收入"),
    _l(Line.OTHER, "其他收入", "其他资金"),
)
_THIS_YEAR = (Line.FISCAL_REVENUE, Line.OPERATIONS, Line.BUSINESS, Line.OTHER)
_REVENUE_TOTAL = _l(Line.REVENUE_TOTAL, "本年收入合计", "当年收入小计")
_CARRIED_FORWARD = _l(Line.OPENING_BALANCE, "上年结转", "上年结转资金", "上年结转和结余")
_NON_FISCAL_USED = _l(Line.NON_FISCAL_BALANCE_USED, "使用非财政拨款结余")
_REVENUE_GRAND = _l(Line.REVENUE_GRAND_TOTAL, "收入总计", "收入合计", "总计")
_EXPENDITURE_TOTAL = _l(Line.EXPENDITURE_TOTAL, "本年支出合计", "当年支出小计")
_CARRY_TO_NEXT = _l(Line.CLOSING_BALANCE, "结转下年", "结转下年资金")
_EXPENDITURE_GRAND = _l(Line.EXPENDITURE_GRAND_TOTAL, "支出总计", "支出合计", "总计")

#: The 支出 side's 本年支出合计 adds up the 类 rows; 支出总计 adds 结转下年 to it.
_SPENT_SUMS = (
    LineSum(Line.EXPENDITURE_TOTAL, (Group.CLASSES,)),
    LineSum(Line.EXPENDITURE_GRAND_TOTAL, (Line.EXPENDITURE_TOTAL, Line.CLOSING_BALANCE)),
)
#: Where 支出总计 is printed straight under the 类 rows, it adds them up.
_GRAND_OVER_CLASSES = LineSum(Line.EXPENDITURE_GRAND_TOTAL, (Group.CLASSES,))

_SUMMARY = balanced_table(
    TableKind.BUDGET_SUMMARY,
    ("收支预算总表", "财务收支预算总表", "部门收支预算总表", "收支总表"),
    revenue_panel(
        _AMOUNT,
        (*_SOURCE_LINES, _REVENUE_TOTAL, _NON_FISCAL_USED, _CARRIED_FORWARD, _REVENUE_GRAND),
        LineSum(Line.FISCAL_REVENUE, _FUND_LINE_KEYS),
        LineSum(Line.REVENUE_TOTAL, _THIS_YEAR),
        LineSum(
            Line.REVENUE_GRAND_TOTAL, (Line.REVENUE_TOTAL, Line.NON_FISCAL_BALANCE_USED, Line.OPENING_BALANCE)
        ),
    ),
    expenditure_panel((_AMOUNT,), (_EXPENDITURE_TOTAL, _CARRY_TO_NEXT, _EXPENDITURE_GRAND), *_SPENT_SUMS),
)

# The 高等学校 总表 adds 其中：捐赠收入 under 其他收入 (a part, not an addend).
_UNIVERSITY_SUMMARY = vary_panel(
    _SUMMARY,
    0,
    leading=(
        *_SOURCE_LINES,
        _l(Line.DONATIONS, "其中：捐赠收入"),
        _REVENUE_TOTAL,
        _NON_FISCAL_USED,
        _CARRIED_FORWARD,
        _REVENUE_GRAND,
    ),
)

# Shanghai prints 收入总计 right under the sources and 支出总计 right under the 类 rows.
_SHANGHAI_SUMMARY = vary_panel(
    vary_panel(
        _SUMMARY,
        0,
        leading=(*_SOURCE_LINES, _REVENUE_GRAND),
        line_sums=(
            LineSum(Line.FISCAL_REVENUE, _FUND_LINE_KEYS),
            LineSum(Line.REVENUE_GRAND_TOTAL, _THIS_YEAR),
        ),
    ),
    1,
    trailing=(_EXPENDITURE_GRAND,),
    line_sums=(_GRAND_OVER_CLASSES,),
)

# The 2024 Shanghai 总表 splits each 支出 row: 合计 | 基本支出 (人员经费, 公用经费) | 项目支出.
_SPLIT_COLUMNS = (
    _c(Measure.TOTAL, "合计", "预算数"),
    _c(Measure.PERSONNEL, "人员经费", group="基本支出"),
    _c(Measure.PUBLIC, "公用经费", group="基本支出"),
    _c(Measure.PROJECT, "项目支出"),
)
_SHANGHAI_2024_SUMMARY = balanced_table(
    _SHANGHAI_SUMMARY.kind,
    _SHANGHAI_SUMMARY.titles,
    _SHANGHAI_SUMMARY.panels[0],
    attrs.evolve(
        _SHANGHAI_SUMMARY.panels[1],
        columns=_SPLIT_COLUMNS,
        row_sums=(total_across(_SPLIT_COLUMNS),),
    ),
)

# --- function tables ---------------------------------------------------------------------------

_BASIC_PROJECT = (
    _c(Measure.TOTAL, "合计", "小计"),
    _c(Measure.BASIC, "基本支出"),
    _c(Measure.PROJECT, "项目支出"),
)
_BASIC_PROJECT_SUM = total_across(_BASIC_PROJECT)
_ONE_AMOUNT = (_c(Measure.TOTAL, "金额", "合计", "预算数"),)


def _spending(kind: TableKind, *titles: str) -> TableSpec:
    return coded_table(kind, titles, _BASIC_PROJECT, _BASIC_PROJECT_SUM)


def _amount_only(spec: TableSpec) -> TableSpec:
    """The same table printing one 金额 column (the Jiangsu form)."""
    return vary_panel(spec, 0, columns=_ONE_AMOUNT, row_sums=())


_SOURCE_COLUMNS = (
    _c(Measure.TOTAL, "合计", "收入合计"),
    _c(Measure.FISCAL, "财政拨款收入", "财政拨款"),
    _c(Measure.OPERATIONS, "事业收入"),
    _c(Measure.BUSINESS_REVENUE, "事业单位经营收入", "经营收入"),
    _c(Measure.OTHER_REVENUE, "其他收入"),
)

_REVENUE = coded_table(
    TableKind.BUDGET_REVENUE,
    ("收入预算总表", "收入预算表", "部门收入预算总表"),
    _SOURCE_COLUMNS,
    total_across(_SOURCE_COLUMNS),
)

# The 高等学校 收入预算表: 收入合计 = 上年结转 + the year's sources + 使用非财政拨款结余, 事业收入 with
# 其中：教育收费 (西南大学 2023 prints no 经营收入 column; a university with such income would).  The carry-overs are the department's, so only the year's sources add down the rows.
_UNIVERSITY_SOURCES = (
    _c(Measure.TOTAL, "收入合计", "合计"),
    _c(Measure.OPENING, "上年结转"),
    _c(Measure.FISCAL, "财政拨款收入", "财政拨款"),
    _c(Measure.OPERATIONS, "金额", "事业收入", group="事业收入"),
    _c(Measure.TUITION, "其中：教育收费", "教育收费", group="事业收入"),
    _c(Measure.BUSINESS_REVENUE, "事业单位经营收入", "经营收入"),
    _c(Measure.OTHER_REVENUE, "其他收入"),
    _c(Measure.NON_FISCAL_USED, "使用非财政拨款结余"),
)
_UNIVERSITY_REVENUE = vary_panel(
    _REVENUE,
    0,
    columns=_UNIVERSITY_SOURCES,
    row_sums=(
        RowSum(
            _T,
            tuple(
                _col(m)
                for m in (
                    Measure.OPENING,
                    Measure.FISCAL,
                    Measure.OPERATIONS,
                    Measure.BUSINESS_REVENUE,
                    Measure.OTHER_REVENUE,
                    Measure.NON_FISCAL_USED,
                )
            ),
        ),
    ),
    down=tuple(_col(m) for m in (Measure.FISCAL, Measure.OPERATIONS, Measure.TUITION, Measure.OTHER_REVENUE)),
)

# Jiangsu's 收入预算总表 lists the sources, one 金额 column.
_JIANGSU_REVENUE = TableSpec(
    TableKind.BUDGET_REVENUE,
    _REVENUE.titles,
    (
        PanelSpec(
            (_AMOUNT,),
            leading=(
                _REVENUE_GRAND,
                *_SOURCE_LINES,
                _l(Line.OPENING_BALANCE, "上年结转和结余资金", "上年结转资金", "上年结转"),
            ),
            line_sums=(
                LineSum(Line.FISCAL_REVENUE, _FUND_LINE_KEYS),
                LineSum(Line.REVENUE_GRAND_TOTAL, (*_THIS_YEAR, Line.OPENING_BALANCE)),
            ),
        ),
    ),
)

_EXPENDITURE = _spending(TableKind.BUDGET_EXPENDITURE, "支出预算总表", "支出预算表", "部门支出预算总表")

# Jiangsu's 支出预算总表 is one row: 合计 | 基本支出 | 项目支出 | 单位预留机动经费 | 结转下年资金.
_JIANGSU_SPENT = (*_BASIC_PROJECT, _c(Measure.RESERVE), _c(Measure.CARRY_TO_NEXT, "结转下年资金", "结转下年"))
_JIANGSU_EXPENDITURE = TableSpec(
    TableKind.BUDGET_EXPENDITURE,
    _EXPENDITURE.titles,
    (PanelSpec(_JIANGSU_SPENT, leading=(TOTAL_LINE,), row_sums=(total_across(_JIANGSU_SPENT),)),),
)

# --- 财政拨款收支预算总表 ------------------------------------------------------------------------

_FUND_COLUMNS = (
    _c(Measure.TOTAL, "合计", "小计"),
    _c(Measure.GENERAL_BUDGET, "一般公共预算", "一般公共预算财政拨款"),
    _c(Measure.GOVERNMENT_FUND, "政府性基金预算", "政府性基金预算财政拨款"),
    _c(Measure.STATE_CAPITAL, "国有资本经营预算", "国有资本经营预算财政拨款"),
)

_FISCAL_SUMMARY = balanced_table(
    TableKind.BUDGET_FISCAL_SUMMARY,
    ("财政拨款收支预算总表", "部门财政拨款收支预算总表"),
    revenue_panel(
        _AMOUNT,
        (*_FUND_REVENUE_LINES, _REVENUE_TOTAL, _CARRIED_FORWARD, _REVENUE_GRAND),
        LineSum(Line.REVENUE_TOTAL, _FUND_LINE_KEYS),
        LineSum(Line.REVENUE_GRAND_TOTAL, (Line.REVENUE_TOTAL, Line.OPENING_BALANCE)),
    ),
    expenditure_panel(
        _FUND_COLUMNS,
        (_EXPENDITURE_TOTAL, _CARRY_TO_NEXT, _EXPENDITURE_GRAND),
        *_SPENT_SUMS,
        row_sums=(total_across(_FUND_COLUMNS),),
    ),
)

_SHANGHAI_FISCAL_SUMMARY = vary_panel(
    vary_panel(
        _FISCAL_SUMMARY,
        0,
        leading=(*_FUND_REVENUE_LINES, _REVENUE_GRAND),
        line_sums=(LineSum(Line.REVENUE_GRAND_TOTAL, _FUND_LINE_KEYS),),
    ),
    1,
    trailing=(_EXPENDITURE_GRAND,),
    line_sums=(_GRAND_OVER_CLASSES,),
)

# Jiangsu splits the 支出 side by purpose (支出用途): 基本支出, 项目支出.
_JIANGSU_FISCAL_SUMMARY = balanced_table(
    TableKind.BUDGET_FISCAL_SUMMARY,
    _FISCAL_SUMMARY.titles,
    revenue_panel(
        _AMOUNT,
        (*_FUND_REVENUE_LINES[:2], _REVENUE_GRAND),
        LineSum(Line.REVENUE_GRAND_TOTAL, _FUND_LINE_KEYS[:2]),
    ),
    expenditure_panel(
        (_AMOUNT,),
        (
            _l(Line.BASIC, "基本支出", "一、基本支出"),
            _l(Line.PROJECT, "项目支出", "二、项目支出"),
            _l(Line.RESERVE, "单位预留机动经费", "三、单位预留机动经费"),
            _EXPENDITURE_GRAND,
        ),
        LineSum(Line.EXPENDITURE_GRAND_TOTAL, (Line.BASIC, Line.PROJECT, Line.RESERVE)),
        rows=Rows.NONE,
    ),
)

# --- economic tables ---------------------------------------------------------------------------


def _economic_table(
    kind: TableKind, titles: tuple[str, ...], columns: tuple[ColumnSpec, ...], *row_sums: RowSum
) -> TableSpec:
    return coded_table(kind, titles, columns, *row_sums, rows=Rows.ECONOMIC)


_PERSONNEL_PUBLIC = (
    _c(Measure.TOTAL, "合计"),
    _c(Measure.PERSONNEL, "人员经费"),
    _c(Measure.PUBLIC, "公用经费"),
)
_GENERAL_BASIC = _economic_table(
    TableKind.BUDGET_GENERAL_BASIC,
    (
        "一般公共预算基本支出部门预算经济分类预算表",
        "一般公共预算基本支出预算表经济科目",
        "一般公共预算基本支出预算表",
    ),
    _PERSONNEL_PUBLIC,
    total_across(_PERSONNEL_PUBLIC),
)
_FISCAL_BASIC = _economic_table(
    TableKind.BUDGET_FISCAL_BASIC,
    ("财政拨款基本支出预算表经济科目", "财政拨款基本支出预算表"),
    _ONE_AMOUNT,
)
_OPERATING_COSTS = _economic_table(
    TableKind.BUDGET_OPERATING_COSTS,
    ("一般公共预算机关运行经费支出预算表", "机关运行经费支出预算表"),
    (_c(Measure.OPERATING_COSTS, "机关运行经费支出", "机关运行经费"),),
)

# --- “三公”经费 -------------------------------------------------------------------------------

_VEHICLES = "公务用车购置及运行费"
_THREE_PUBLIC_COLUMNS = (
    _c(Measure.THREE_PUBLIC_TOTAL, "合计", "小计"),
    _c(Measure.OUTBOUND, "因公出国(境)费", "因公出国（境）费"),
    _c(Measure.VEHICLES, "小计", _VEHICLES, "公务用车购置及运行维护费", group=_VEHICLES),
    _c(Measure.VEHICLE_PURCHASE, "购置费", "公务用车购置费", group=_VEHICLES),
    _c(Measure.VEHICLE_OPERATION, "运行费", "公务用车运行维护费", "运行维护费", group=_VEHICLES),
    _c(Measure.RECEPTION, "公务接待费"),
)
_THREE_PUBLIC_SUMS = (
    RowSum(
        _col(Measure.THREE_PUBLIC_TOTAL),
        (_col(Measure.OUTBOUND), _col(Measure.VEHICLES), _col(Measure.RECEPTION)),
    ),
    RowSum(_col(Measure.VEHICLES), (_col(Measure.VEHICLE_PURCHASE), _col(Measure.VEHICLE_OPERATION))),
)
_THREE_PUBLIC_LINE = _l(Line.THREE_PUBLIC, "“三公”经费预算数", "“三公”经费", "合计")

_THREE_PUBLIC = TableSpec(
    TableKind.BUDGET_THREE_PUBLIC,
    ("“三公”经费和机关运行经费预算表", "一般公共预算“三公”经费支出预算表", "“三公”经费支出预算表"),
    (
        PanelSpec(
            # Shanghai's order: 合计, 出国, 接待, then the vehicle block, then 机关运行经费.
            (
                *_THREE_PUBLIC_COLUMNS[:2],
                _THREE_PUBLIC_COLUMNS[5],
                *_THREE_PUBLIC_COLUMNS[2:5],
                _c(Measure.OPERATING_COSTS, "机关运行经费预算数", "机关运行经费"),
            ),
            leading=(_THREE_PUBLIC_LINE,),
            row_sums=_THREE_PUBLIC_SUMS,
        ),
    ),
)

# Jiangsu: “三公”经费、会议费、培训费, with a 合计 over the three.
_JIANGSU_THREE_PUBLIC = TableSpec(
    TableKind.BUDGET_THREE_PUBLIC,
    ("“三公”经费、会议费、培训费支出预算表", *_THREE_PUBLIC.titles),
    (
        PanelSpec(
            (
                _c(Measure.TOTAL, "合计"),
                *_THREE_PUBLIC_COLUMNS,
                _c(Measure.MEETINGS, "会议费"),
                _c(Measure.TRAINING, "培训费"),
            ),
            leading=(_THREE_PUBLIC_LINE,),
            row_sums=(
                RowSum(
                    _T, (_col(Measure.THREE_PUBLIC_TOTAL), _col(Measure.MEETINGS), _col(Measure.TRAINING))
                ),
                *_THREE_PUBLIC_SUMS,
            ),
        ),
    ),
)

# --- 政府采购 ---------------------------------------------------------------------------------

_PROCUREMENT = TableSpec(
    TableKind.BUDGET_PROCUREMENT,
    ("政府采购支出预算表", "政府采购预算表"),
    (
        PanelSpec(
            (_c(Measure.AMOUNT, "总计", "金额", "预算数"),),
            leading=(
                TOTAL_LINE,
                _l(Line.PROCUREMENT_GOODS, "货物", "一、货物 A", "货物类"),
                _l(Line.PROCUREMENT_WORKS, "工程", "二、工程 B", "工程类"),
                _l(Line.PROCUREMENT_SERVICES, "服务", "三、服务 C", "服务类"),
            ),
            line_sums=(
                LineSum(
                    Line.TOTAL, (Line.PROCUREMENT_GOODS, Line.PROCUREMENT_WORKS, Line.PROCUREMENT_SERVICES)
                ),
            ),
        ),
    ),
)

#: The layout spec of each budget table (the MoF / Shanghai layouts; sets may swap in a variant).
BUDGET_SPECS: Final[dict[TableKind, TableSpec]] = specs_by_kind(
    (
        _SUMMARY,
        _REVENUE,
        _EXPENDITURE,
        _FISCAL_SUMMARY,
        _spending(TableKind.BUDGET_FISCAL_FUNCTION, "财政拨款支出预算表功能科目", "财政拨款支出预算表"),
        _FISCAL_BASIC,
        _spending(
            TableKind.BUDGET_GENERAL,
            "一般公共预算支出功能分类预算表",
            "一般公共预算支出预算表功能科目",
            "一般公共预算支出预算表",
        ),
        _GENERAL_BASIC,
        _spending(
            TableKind.BUDGET_GOVERNMENT_FUND,
            "政府性基金预算支出功能分类预算表",
            "政府性基金预算财政拨款支出预算表",
            "政府性基金预算支出预算表",
            "政府性基金支出预算表",  # 江苏省人民检察院 2018, 公开10表
        ),
        _spending(
            TableKind.BUDGET_STATE_CAPITAL,
            "国有资本经营预算支出功能分类预算表",
            "国有资本经营预算支出预算表",
        ),
        _THREE_PUBLIC,
        _OPERATING_COSTS,
        _PROCUREMENT,
    )
)

#: Each set's own variants of a table.
SET_VARIANTS: Final[dict[str, dict[TableKind, TableSpec]]] = {
    "shanghai-budget-9": {
        TableKind.BUDGET_SUMMARY: _SHANGHAI_SUMMARY,
        TableKind.BUDGET_FISCAL_SUMMARY: _SHANGHAI_FISCAL_SUMMARY,
    },
    "shanghai-budget-9-2024": {
        TableKind.BUDGET_SUMMARY: _SHANGHAI_2024_SUMMARY,
        TableKind.BUDGET_FISCAL_SUMMARY: _SHANGHAI_FISCAL_SUMMARY,
    },
    "university-budget-4": {
        TableKind.BUDGET_SUMMARY: _UNIVERSITY_SUMMARY,
        TableKind.BUDGET_REVENUE: _UNIVERSITY_REVENUE,
    },
    "jiangsu-budget-12": {
        TableKind.BUDGET_REVENUE: _JIANGSU_REVENUE,
        TableKind.BUDGET_EXPENDITURE: _JIANGSU_EXPENDITURE,
        TableKind.BUDGET_FISCAL_SUMMARY: _JIANGSU_FISCAL_SUMMARY,
        TableKind.BUDGET_FISCAL_FUNCTION: _amount_only(BUDGET_SPECS[TableKind.BUDGET_FISCAL_FUNCTION]),
        TableKind.BUDGET_GENERAL: _amount_only(BUDGET_SPECS[TableKind.BUDGET_GENERAL]),
        # 公开08表 heads its one column “基本支出” (江苏省高级人民法院 2019).
        TableKind.BUDGET_GENERAL_BASIC: _economic_table(
            TableKind.BUDGET_GENERAL_BASIC,
            _GENERAL_BASIC.titles,
            (_c(Measure.TOTAL, "金额", "合计", "预算数", "基本支出"),),
        ),
        TableKind.BUDGET_GOVERNMENT_FUND: _amount_only(BUDGET_SPECS[TableKind.BUDGET_GOVERNMENT_FUND]),
        TableKind.BUDGET_THREE_PUBLIC: _JIANGSU_THREE_PUBLIC,
    },
}
