"""One layout spec per standard table, and the table sets provinces publish — as data.

A :class:`TableSpec` says what a standard table is made of: the wordings of its title, each
panel's typed columns (with the header wordings seen for them), how its rows are keyed (named
lines before and after, 功能分类 or 经济分类 codes between), and the sums that hold inside it.
Rendering, spreadsheet import and the readers (pasted text, PDF cells) all go through these specs,
so a table's layout is written down once.

A :class:`TableSet` lists the tables a template publishes, with the numbers they print under.

>>> spec = SPECS[TableKind.EXPENDITURE]
>>> [c.column.measure.value for c in spec.panels[0].columns][:3]
['合计', '基本支出', '项目支出']
>>> [entry.number for entry in TABLE_SETS["mof-9"].entries][:2]
['公开01表', '公开02表']
>>> find_spec("一般公共预算财政拨款基本支出决算明细表").kind
<TableKind.GENERAL_BUDGET_BASIC: '一般公共预算财政拨款基本支出决算表'>
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from budgetacct.model import table_layout
from budgetacct.model.table_identity import DocumentKind, identify_table
from budgetacct.model.table_layout import *  # noqa: F403
from budgetacct.model.table_layout import (
    CellSum,
    ColumnSpec,
    Group,
    LineSum,
    PanelSpec,
    Rows,
    RowSum,
    TableEntry,
    TableSet,
    TableSpec,
    balanced_table,
    coded_table,
    expenditure_panel,
    numbered,
    revenue_panel,
    sets_by_name,
    specs_by_kind,
    total_across,
    vary_panel,
)
from budgetacct.model.table_layout import line_spec as _l
from budgetacct.model.tables import Basis, Column, Line, Measure, TableKind

# The layout classes and constructors stay importable from here, where the specs made of them are.
__all__ = [
    "SPECS",
    "TABLE_SETS",
    "UNIVERSITY_SPECS",
    "find_spec",
    "normalize_title",
    "spec_for",
]
__all__ += table_layout.__all__

# --- columns ------------------------------------------------------------------------------------


def _c(measure: Measure, *labels: str, basis: Basis = Basis.ACTUAL, group: str | None = None) -> ColumnSpec:
    return ColumnSpec(Column(measure, basis), labels or (measure.value,), group)


_AMOUNT = _c(Measure.AMOUNT, "决算数", "金额", "本年决算数")
_A = Column(Measure.AMOUNT)
_TOTAL = Column(Measure.TOTAL)

_SOURCE_COLUMNS = (
    _c(Measure.TOTAL, "本年收入合计", "合计", "收入合计"),
    _c(Measure.FISCAL, "财政拨款收入", "财政拨款"),
    _c(Measure.SUPERIOR_SUBSIDY, "上级补助收入"),
    _c(Measure.OPERATIONS, "事业收入"),
    _c(Measure.BUSINESS_REVENUE, "经营收入"),
    _c(Measure.AFFILIATED_REMITTANCE, "附属单位上缴收入"),
    _c(Measure.OTHER_REVENUE, "其他收入"),
)

_KIND_COLUMNS = (
    _c(Measure.TOTAL, "本年支出合计", "合计", "支出合计"),
    _c(Measure.BASIC, "基本支出"),
    _c(Measure.PROJECT, "项目支出"),
    _c(Measure.REMITTANCE, "上缴上级支出"),
    _c(Measure.BUSINESS_EXPENDITURE, "经营支出"),
    _c(Measure.AFFILIATE_SUBSIDY, "对附属单位补助支出"),
)

_BASIC_PROJECT = (
    _c(Measure.TOTAL, "合计", "小计", "本年支出合计", group="本年支出"),
    _c(Measure.BASIC, "基本支出", group="本年支出"),
    _c(Measure.PROJECT, "项目支出", group="本年支出"),
)
_BASIC_PROJECT_SUM = total_across(_BASIC_PROJECT)

_FUND_COLUMNS = (
    _c(Measure.TOTAL, "合计", "小计"),
    _c(Measure.GENERAL_BUDGET, "一般公共预算财政拨款", "一般公共预算"),
    _c(Measure.GOVERNMENT_FUND, "政府性基金预算财政拨款", "政府性基金预算"),
    _c(Measure.STATE_CAPITAL, "国有资本经营预算财政拨款", "国有资本经营预算"),
)

_FLOW_COLUMNS = (
    _c(Measure.OPENING, "年初结转和结余", "年初结转结余"),
    _c(Measure.REVENUE, "本年收入"),
    _c(Measure.EXPENDITURE, "合计", "小计", "本年支出", group="本年支出"),
    _c(Measure.BASIC, "基本支出", group="本年支出"),
    _c(Measure.PROJECT, "项目支出", group="本年支出"),
    _c(Measure.CLOSING, "年末结转和结余", "年末结转结余"),
)
_FLOW_SUM = RowSum(Column(Measure.EXPENDITURE), (Column(Measure.BASIC), Column(Measure.PROJECT)))
_FLOW_ENDS = (Column(Measure.OPENING), Column(Measure.REVENUE), Column(Measure.CLOSING))
# 年初 + 本年收入 = 本年支出 + 年末, stated as 年末 = 年初 + 收入 − 支出, on rows that print the flow
_FUND_FLOW = RowSum(
    Column(Measure.CLOSING), _FLOW_ENDS[:2], (Column(Measure.EXPENDITURE),), when_any=_FLOW_ENDS
)


def _three_public_columns(basis: Basis) -> tuple[ColumnSpec, ...]:
    vehicles = "公务用车购置及运行维护费"
    return (
        _c(Measure.THREE_PUBLIC_TOTAL, "合计", basis=basis),
        _c(Measure.OUTBOUND, "因公出国（境）费", "因公出国(境)费", basis=basis),
        _c(Measure.VEHICLES, "小计", vehicles, "公务用车购置及运行费", basis=basis, group=vehicles),
        _c(Measure.VEHICLE_PURCHASE, "公务用车购置费", "购置费", basis=basis, group=vehicles),
        _c(
            Measure.VEHICLE_OPERATION,
            "公务用车运行维护费",
            "公务用车运行费",
            "运行维护费",
            "运行费",
            basis=basis,
            group=vehicles,
        ),
        _c(Measure.RECEPTION, "公务接待费", basis=basis),
    )


def _three_public_sums(basis: Basis) -> tuple[RowSum, ...]:
    total, outbound, vehicles, purchase, operation, reception = (
        Column(measure, basis)
        for measure in (
            Measure.THREE_PUBLIC_TOTAL, Measure.OUTBOUND, Measure.VEHICLES,
            Measure.VEHICLE_PURCHASE, Measure.VEHICLE_OPERATION, Measure.RECEPTION,
        )
    )  # fmt: skip
    return RowSum(total, (outbound, vehicles, reception)), RowSum(vehicles, (purchase, operation))


# --- lines --------------------------------------------------------------------------------------

_SOURCE_LINES = (
    _l(Line.GENERAL_BUDGET_REVENUE, "一般公共预算财政拨款收入", "一般公共预算财政拨款"),
    _l(Line.GOVERNMENT_FUND_REVENUE, "政府性基金预算财政拨款收入", "政府性基金预算财政拨款"),
    _l(Line.STATE_CAPITAL_REVENUE, "国有资本经营预算财政拨款收入", "国有资本经营预算财政拨款"),
    _l(Line.SUPERIOR_SUBSIDY, "上级补助收入"),
    _l(Line.OPERATIONS, "事业收入"),
    _l(Line.BUSINESS, "经营收入"),
    _l(Line.AFFILIATED_REMITTANCE, "附属单位上缴收入"),
    _l(Line.OTHER, "其他收入"),
)
_REVENUE_TOTAL = _l(Line.REVENUE_TOTAL, "本年收入合计")
_EXPENDITURE_TOTAL = _l(Line.EXPENDITURE_TOTAL, "本年支出合计")

_SUMMARY = balanced_table(
    TableKind.SUMMARY,
    ("收入支出决算总表", "收支决算总表", "部门收支决算总表"),
    revenue_panel(
        _AMOUNT,
        (
            *_SOURCE_LINES,
            _REVENUE_TOTAL,
            _l(
                Line.NON_FISCAL_BALANCE_USED,
                "使用非财政拨款结余",
                "使用非财政拨款结余（含专用结余）",
                # the same row before the 2019 templates (事业单位会计制度): 事业单位 reports print it
                "用事业基金弥补收支差额",
            ),
            _l(Line.OPENING_BALANCE, "年初结转和结余", "上年结转和结余"),
            _l(Line.REVENUE_GRAND_TOTAL, "总计", "合计", "收入总计"),
        ),
        LineSum(Line.REVENUE_TOTAL, tuple(spec.line for spec in _SOURCE_LINES)),
        LineSum(
            Line.REVENUE_GRAND_TOTAL, (Line.REVENUE_TOTAL, Line.NON_FISCAL_BALANCE_USED, Line.OPENING_BALANCE)
        ),
    ),
    expenditure_panel(
        (_AMOUNT,),
        (
            _EXPENDITURE_TOTAL,
            _l(Line.SURPLUS_DISTRIBUTION, "结余分配"),
            _l(Line.CLOSING_BALANCE, "年末结转和结余"),
            _l(Line.EXPENDITURE_GRAND_TOTAL, "总计", "合计", "支出总计"),
        ),
        LineSum(Line.EXPENDITURE_TOTAL, (Group.CLASSES,)),
        LineSum(
            Line.EXPENDITURE_GRAND_TOTAL,
            (Line.EXPENDITURE_TOTAL, Line.SURPLUS_DISTRIBUTION, Line.CLOSING_BALANCE),
        ),
    ),
)

# The 高等学校 总表: 一、财政拨款收入 (其中：政府性基金) instead of three fiscal rows; “合计” at the bottom.
_UNIVERSITY_SOURCE_LINES = (
    _l(Line.FISCAL_REVENUE, "财政拨款收入"),
    _l(Line.SUPERIOR_SUBSIDY, "上级补助收入"),
    _l(Line.OPERATIONS, "事业收入"),
    _l(Line.BUSINESS, "经营收入"),
    _l(Line.AFFILIATED_REMITTANCE, "附属单位上缴收入"),
    _l(Line.OTHER, "其他收入"),
)
_UNIVERSITY_SUMMARY = vary_panel(
    _SUMMARY,
    0,
    leading=(
        _UNIVERSITY_SOURCE_LINES[0],
        _l(Line.GOVERNMENT_FUND_REVENUE, "其中：政府性基金预算财政拨款", "政府性基金预算财政拨款"),
        *_UNIVERSITY_SOURCE_LINES[1:],
        _l(Line.DONATIONS, "其中：捐赠收入"),
        _REVENUE_TOTAL,
        _l(Line.NON_FISCAL_BALANCE_USED, "使用非财政拨款结余（含专用结余）", "使用非财政拨款结余"),
        _l(Line.OPENING_BALANCE, "上年结转和结余", "年初结转和结余"),
        _l(Line.REVENUE_GRAND_TOTAL, "合计", "总计"),
    ),
    line_sums=(
        LineSum(Line.REVENUE_TOTAL, tuple(spec.line for spec in _UNIVERSITY_SOURCE_LINES)),
        _SUMMARY.panels[0].line_sums[1],
    ),
)


def _flow_table(kind: TableKind, *titles: str) -> TableSpec:
    spent = (Column(Measure.EXPENDITURE), Column(Measure.BASIC), Column(Measure.PROJECT))
    return coded_table(kind, titles, _FLOW_COLUMNS, _FLOW_SUM, _FUND_FLOW, down=spent)


def _spending_table(kind: TableKind, *titles: str) -> TableSpec:
    return coded_table(kind, titles, _BASIC_PROJECT, _BASIC_PROJECT_SUM)


def _project_table(kind: TableKind, *titles: str) -> TableSpec:
    return coded_table(kind, titles, (_c(Measure.PROJECT, "项目支出", "合计", "决算数"),))


_REVENUE = coded_table(
    TableKind.REVENUE, ("收入决算表", "部门收入决算表"), _SOURCE_COLUMNS, total_across(_SOURCE_COLUMNS)
)
_EXPENDITURE = coded_table(
    TableKind.EXPENDITURE, ("支出决算表", "部门支出决算表"), _KIND_COLUMNS, total_across(_KIND_COLUMNS)
)

_FISCAL_LINES = (
    _l(Line.FISCAL_GENERAL_BUDGET, "一般公共预算财政拨款"),
    _l(Line.FISCAL_GOVERNMENT_FUND, "政府性基金预算财政拨款"),
    _l(Line.FISCAL_STATE_CAPITAL, "国有资本经营预算财政拨款"),
)
_OPENING_LINES = (
    _l(Line.OPENING_GENERAL_BUDGET, "一般公共预算财政拨款"),
    _l(Line.OPENING_GOVERNMENT_FUND, "政府性基金预算财政拨款"),
    _l(Line.OPENING_STATE_CAPITAL, "国有资本经营预算财政拨款"),
)
_FUND_MEASURES = (Measure.GENERAL_BUDGET, Measure.GOVERNMENT_FUND, Measure.STATE_CAPITAL)

_FISCAL_SUMMARY = balanced_table(
    TableKind.FISCAL_SUMMARY,
    ("财政拨款收入支出决算总表", "财政拨款收支决算总表"),
    revenue_panel(
        _AMOUNT,
        (
            *_FISCAL_LINES,
            _REVENUE_TOTAL,
            _l(Line.OPENING_BALANCE, "年初财政拨款结转和结余", "年初结转和结余"),
            *_OPENING_LINES,
            _l(Line.REVENUE_GRAND_TOTAL, "总计", "收入总计"),
        ),
        LineSum(Line.REVENUE_TOTAL, tuple(spec.line for spec in _FISCAL_LINES)),
        LineSum(Line.OPENING_BALANCE, tuple(spec.line for spec in _OPENING_LINES)),
        LineSum(Line.REVENUE_GRAND_TOTAL, (Line.REVENUE_TOTAL, Line.OPENING_BALANCE)),
    ),
    expenditure_panel(
        _FUND_COLUMNS,
        (
            _EXPENDITURE_TOTAL,
            _l(Line.CLOSING_BALANCE, "年末财政拨款结转和结余", "年末结转和结余"),
            _l(Line.EXPENDITURE_GRAND_TOTAL, "总计", "支出总计"),
        ),
        LineSum(Line.EXPENDITURE_TOTAL, (Group.CLASSES,)),
        LineSum(Line.EXPENDITURE_GRAND_TOTAL, (Line.EXPENDITURE_TOTAL, Line.CLOSING_BALANCE)),
        row_sums=(total_across(_FUND_COLUMNS),),
    ),
    # each fund's flow: 年初 + 本年收入 = 本年支出 + 年末, stated as 年末 = 年初 + 收入 − 支出
    *(
        CellSum(
            (Line.CLOSING_BALANCE, Column(measure)),
            ((opening.line, _A), (fiscal.line, _A)),
            ((Line.EXPENDITURE_TOTAL, Column(measure)),),
        )
        for measure, opening, fiscal in zip(_FUND_MEASURES, _OPENING_LINES, _FISCAL_LINES, strict=True)
    ),
)

_GENERAL_BUDGET = _spending_table(TableKind.GENERAL_BUDGET, "一般公共预算财政拨款支出决算表")

_GENERAL_BUDGET_BASIC = TableSpec(
    TableKind.GENERAL_BUDGET_BASIC,
    ("一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款基本支出决算明细表"),
    (
        PanelSpec(
            (_AMOUNT,),
            rows=Rows.ECONOMIC,
            trailing=(
                _l(Line.PERSONNEL_TOTAL, "人员经费合计", "人员经费"),
                _l(Line.PUBLIC_TOTAL, "公用经费合计", "公用经费"),
                _l(Line.TOTAL, "合计", "基本支出合计"),
            ),
            line_sums=(
                LineSum(Line.PERSONNEL_TOTAL, (Group.PERSONNEL_CLASSES,)),
                LineSum(Line.PUBLIC_TOTAL, (Group.PUBLIC_CLASSES,)),
                LineSum(Line.TOTAL, (Line.PERSONNEL_TOTAL, Line.PUBLIC_TOTAL)),
            ),
            rolls_up=True,
        ),
    ),
)

_THREE_PUBLIC_PANEL = PanelSpec(
    (*_three_public_columns(Basis.BUDGET), *_three_public_columns(Basis.ACTUAL)),
    leading=(_l(Line.THREE_PUBLIC, "“三公”经费", "合计"),),
    row_sums=(*_three_public_sums(Basis.BUDGET), *_three_public_sums(Basis.ACTUAL)),
)

_THREE_PUBLIC = TableSpec(
    TableKind.THREE_PUBLIC,
    (
        "财政拨款“三公”经费支出决算表",
        "一般公共预算财政拨款“三公”经费支出决算表",
        "“三公”经费支出决算表",
    ),
    (_THREE_PUBLIC_PANEL,),
)

_GOVERNMENT_FUND_THREE_PUBLIC = TableSpec(
    TableKind.GOVERNMENT_FUND_THREE_PUBLIC,
    ("政府性基金预算财政拨款“三公”经费支出决算表",),
    (_THREE_PUBLIC_PANEL,),
)


# The 高等学校 tables: 事业收入 with 其中：教育收费, 项目支出 with 其中：基本建设资金支出 (parts, not addends).
_UNIVERSITY_REVENUE = vary_panel(
    _REVENUE,
    0,
    columns=(
        *_SOURCE_COLUMNS[:4],
        _c(Measure.TUITION, "其中：教育收费", "教育收费", group="事业收入"),
        *_SOURCE_COLUMNS[4:],
    ),
)
_UNIVERSITY_FISCAL = coded_table(
    TableKind.FISCAL_DETAIL,
    ("财政拨款支出决算表", "高等学校财政拨款支出决算表"),
    (
        *_BASIC_PROJECT,
        _c(Measure.CAPITAL_CONSTRUCTION, "其中：基本建设资金支出", "基本建设资金支出", group="项目支出"),
    ),
    _BASIC_PROJECT_SUM,
)

# 机关运行经费 and 政府采购 are printed as tables by some templates (local additions, in no set):
# 机关运行经费 by 经济分类 (公用经费's 302/310 codes) under a 合计, 政府采购 by 货物/工程/服务.
_OPERATING_COSTS = TableSpec(
    TableKind.OPERATING_COSTS,
    (
        "机关运行经费支出决算表",
        "一般公共预算财政拨款机关运行经费支出决算表",
        "财政拨款机关运行经费支出决算表",
        "机关运行经费决算表",
    ),
    (
        PanelSpec(
            (_c(Measure.OPERATING_COSTS, "机关运行经费支出", "机关运行经费", "决算数", "金额"),),
            rows=Rows.ECONOMIC,
            leading=(_l(Line.TOTAL, "合计", "机关运行经费合计"),),
            line_sums=(LineSum(Line.TOTAL, (Group.CLASSES,)),),
            rolls_up=True,
        ),
    ),
)
_PROCUREMENT_LINES = (
    _l(Line.PROCUREMENT_GOODS, "货物", "政府采购货物支出", "货物类"),
    _l(Line.PROCUREMENT_WORKS, "工程", "政府采购工程支出", "工程类"),
    _l(Line.PROCUREMENT_SERVICES, "服务", "政府采购服务支出", "服务类"),
)
_PROCUREMENT = TableSpec(
    TableKind.PROCUREMENT,
    ("政府采购情况表", "政府采购支出决算表", "政府采购决算表", "政府采购支出情况表"),
    (
        PanelSpec(
            (_c(Measure.AMOUNT, "政府采购支出", "实际采购金额", "决算数", "金额", "合计"),),
            leading=(_l(Line.TOTAL, "合计", "政府采购支出总额", "总计"), *_PROCUREMENT_LINES),
            line_sums=(LineSum(Line.TOTAL, tuple(spec.line for spec in _PROCUREMENT_LINES)),),
        ),
    ),
)

#: The layout spec of each standard table (the MoF layouts; sets may swap in a variant).
SPECS: Final[dict[TableKind, TableSpec]] = specs_by_kind(
    (
        _SUMMARY,
        _REVENUE,
        _EXPENDITURE,
        _FISCAL_SUMMARY,
        _spending_table(TableKind.FISCAL_DETAIL, "财政拨款支出决算明细表", "财政拨款支出决算表"),
        _GENERAL_BUDGET,
        _spending_table(TableKind.GENERAL_BUDGET_DETAIL, "一般公共预算财政拨款支出决算明细表"),
        _GENERAL_BUDGET_BASIC,
        _project_table(TableKind.GENERAL_BUDGET_PROJECT, "一般公共预算财政拨款项目支出决算表"),
        _THREE_PUBLIC,
        _flow_table(TableKind.GOVERNMENT_FUND, "政府性基金预算财政拨款收入支出决算表"),
        _GOVERNMENT_FUND_THREE_PUBLIC,
        _flow_table(TableKind.STATE_CAPITAL, "国有资本经营预算财政拨款收入支出决算表"),
        _spending_table(TableKind.STATE_CAPITAL_EXPENDITURE, "国有资本经营预算财政拨款支出决算表"),
        _OPERATING_COSTS,
        _PROCUREMENT,
    )
)

#: Variants of a table in one set: the 高等学校 总表, 收入决算表 and 财政拨款支出决算表.
UNIVERSITY_SPECS: Final[dict[TableKind, TableSpec]] = {
    TableKind.SUMMARY: _UNIVERSITY_SUMMARY,
    TableKind.REVENUE: _UNIVERSITY_REVENUE,
    TableKind.FISCAL_DETAIL: _UNIVERSITY_FISCAL,
}


_MOF_KINDS = (
    TableKind.SUMMARY,
    TableKind.REVENUE,
    TableKind.EXPENDITURE,
    TableKind.FISCAL_SUMMARY,
    TableKind.GENERAL_BUDGET,
    TableKind.GENERAL_BUDGET_BASIC,
    TableKind.THREE_PUBLIC,
    TableKind.GOVERNMENT_FUND,
)
_CHINESE_NUMBERS = (
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
)  # fmt: skip

#: The table sets, by name.
TABLE_SETS: Final[dict[str, TableSet]] = sets_by_name(
    (
        TableSet(
            "mof-9",
            "财政部部门决算公开9张表（2019–2021）",
            numbered(
                tuple(f"公开{n:02d}表" for n in range(1, 10)),
                (*_MOF_KINDS, TableKind.STATE_CAPITAL_EXPENDITURE),
            ),
        ),
        TableSet(
            "sichuan-14",
            "四川省部门决算公开14张表",
            numbered(
                _CHINESE_NUMBERS,
                (
                    TableKind.SUMMARY,
                    TableKind.REVENUE,
                    TableKind.EXPENDITURE,
                    TableKind.FISCAL_SUMMARY,
                    TableKind.FISCAL_DETAIL,
                    TableKind.GENERAL_BUDGET,
                    TableKind.GENERAL_BUDGET_DETAIL,
                    TableKind.GENERAL_BUDGET_BASIC,
                    TableKind.GENERAL_BUDGET_PROJECT,
                    TableKind.THREE_PUBLIC,
                    TableKind.GOVERNMENT_FUND,
                    TableKind.GOVERNMENT_FUND_THREE_PUBLIC,
                    TableKind.STATE_CAPITAL,
                    TableKind.STATE_CAPITAL_EXPENDITURE,
                ),
            ),
        ),
        TableSet(
            "shanghai-2024",
            "上海市部门决算9张表（2024）",
            numbered(_CHINESE_NUMBERS[:9], (*_MOF_KINDS, TableKind.STATE_CAPITAL)),
        ),
        TableSet(
            "university-4",
            "高等学校部门决算4张表",
            (
                TableEntry("表1", TableKind.SUMMARY, "高等学校收支决算总表"),
                TableEntry("表2", TableKind.REVENUE, "高等学校收入决算表"),
                TableEntry("表3", TableKind.EXPENDITURE, "高等学校支出决算表"),
                TableEntry("表4", TableKind.FISCAL_DETAIL, "高等学校财政拨款支出决算表"),
            ),
        ),
    )
)


def spec_for(kind: TableKind, set_name: str | None = None) -> TableSpec:
    """The layout of ``kind`` as the set ``set_name`` prints it (its own variant, or the MoF one)."""
    if kind.is_budget:  # the 预算 tables live in model/budget_specs.py, which builds on this module
        from budgetacct.model.budget_sets import budget_spec_for

        return budget_spec_for(kind, set_name)
    if set_name == "university-4" and kind in UNIVERSITY_SPECS:
        return UNIVERSITY_SPECS[kind]
    return SPECS[kind]


_NOISE = re.compile(r"[\s　()（）:：、,，.．\-—_]|^\d+|^[一二三四五六七八九十]+|公开\d+表|表\d+|^附表")


def normalize_title(title: str) -> str:
    """A printed title without spacing, numbering and punctuation (``表 1：高等学校收支决算总表`` → …)."""
    text = title.replace("“", "").replace("”", "").replace('"', "")
    previous = None
    while previous != text:
        previous, text = text, _NOISE.sub("", text)
    return text.removeprefix("高等学校").removeprefix("部门")


def find_spec(
    title: str,
    *,
    number: str | None = None,
    headers: Iterable[str] = (),
    table_set: str | None = None,
    document: DocumentKind | None = None,
) -> TableSpec | None:
    """The spec (决算 or 预算) the printed ``title`` names as a whole, ``None`` when it names none
    (:func:`~budgetacct.model.table_identity.identify_table` says why); the printed number and the
    column headers only decide between specs the title fits alike."""
    found = identify_table(title, number=number, headers=headers, table_set=table_set, document=document)
    return found.spec
