"""The standard tables of a report as published: which table, its unit, typed columns, keyed rows.

A real 部门决算's primary data are its standard tables; the 决算说明 restates them.  The narrative
sections of a :class:`~budgetacct.model.disclosure.Disclosure` hold what the text says, and
``Disclosure.tables`` holds what the tables print, so a figure printed twice is held twice and a
rule can compare the two printings.

* :class:`StandardTable` — one table: its :class:`TableKind` (the meaning, whatever the number
  or title), the title and number *as printed* (``公开01表``, ``表一``), the money unit it
  prints in, one or two :class:`Panel` (``收入 | 支出`` side by side in the 总表), its notes
  (``注：本表无数据。``) and the unit it names under its title (``编制单位：…``), if any.
* :class:`Panel` — typed :class:`Column` (a :class:`Measure` such as 基本支出, on a
  :class:`Basis` such as 决算数 or 预算数) and :class:`TableRow` rows.
* :class:`TableRow` — keyed by exactly one of a 功能分类 code, a 经济分类 code or a named
  :class:`Line` (本年收入合计, 总计, 人员经费合计 …); its cells line up with the panel's columns.
* A cell is an :class:`~budgetacct.money.Amount` (always held in 万元, converted exactly from the
  unit printed, so the rounding allowance of a 元 figure stays that of a 元 figure), ``None`` for a
  blank cell, or :data:`DASH` for a printed dash.  The three are kept apart; the audit counts a
  blank or a dash as zero without any rounding allowance.

>>> from budgetacct import Amount
>>> from budgetacct.codes import FunctionCode
>>> panel = Panel(
...     columns=(Column(Measure.TOTAL), Column(Measure.BASIC), Column(Measure.PROJECT)),
...     rows=(
...         TableRow.of_line(Line.TOTAL, (Amount("739.00"), Amount("620.50"), Amount("118.50"))),
...         TableRow.of_function(FunctionCode("201"), (Amount("739.00"), Amount("620.50"), DASH),
...                              name="一般公共服务支出"),
...     ),
... )
>>> table = StandardTable(TableKind.GENERAL_BUDGET, "一般公共预算财政拨款支出决算表", panels=(panel,),
...                       number="公开05表")
>>> table.cell(FunctionCode("201"), Column(Measure.BASIC))
Amount('620.50')
>>> table.cell(FunctionCode("201"), Column(Measure.PROJECT)) is DASH
True
>>> table.row(Line.TOTAL).role
<RowRole.TOTAL: '合计'>
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Any, Final

import attrs

from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.errors import InvalidValue
from budgetacct.model import _fields as v
from budgetacct.model.enums import Fund, IdentityHashed, RevenueSource
from budgetacct.money import Amount, Unit

__all__ = [
    "DASH",
    "Basis",
    "Cell",
    "Column",
    "Line",
    "Mark",
    "Measure",
    "Panel",
    "RowKey",
    "RowRole",
    "Side",
    "StandardTable",
    "TableKind",
    "TableRow",
    "cell_value",
]


class TableKind(IdentityHashed):
    """Which standard table, by meaning; its value is the MoF title (numbers and wording vary)."""

    SUMMARY = "收入支出决算总表"
    REVENUE = "收入决算表"
    EXPENDITURE = "支出决算表"
    FISCAL_SUMMARY = "财政拨款收入支出决算总表"
    FISCAL_DETAIL = "财政拨款支出决算明细表"
    GENERAL_BUDGET = "一般公共预算财政拨款支出决算表"
    GENERAL_BUDGET_DETAIL = "一般公共预算财政拨款支出决算明细表"
    GENERAL_BUDGET_BASIC = "一般公共预算财政拨款基本支出决算表"
    GENERAL_BUDGET_PROJECT = "一般公共预算财政拨款项目支出决算表"
    THREE_PUBLIC = "财政拨款“三公”经费支出决算表"
    GOVERNMENT_FUND = "政府性基金预算财政拨款收入支出决算表"
    GOVERNMENT_FUND_THREE_PUBLIC = "政府性基金预算财政拨款“三公”经费支出决算表"
    STATE_CAPITAL = "国有资本经营预算财政拨款收入支出决算表"
    STATE_CAPITAL_EXPENDITURE = "国有资本经营预算财政拨款支出决算表"
    OPERATING_COSTS = "机关运行经费支出决算表"
    PROCUREMENT = "政府采购情况表"
    # 部门预算 / 单位预算 tables (model/budget_specs.py)
    BUDGET_SUMMARY = "收支预算总表"
    BUDGET_REVENUE = "收入预算总表"
    BUDGET_EXPENDITURE = "支出预算总表"
    BUDGET_FISCAL_SUMMARY = "财政拨款收支预算总表"
    BUDGET_FISCAL_FUNCTION = "财政拨款支出预算表"
    BUDGET_FISCAL_BASIC = "财政拨款基本支出预算表"
    BUDGET_GENERAL = "一般公共预算支出功能分类预算表"
    BUDGET_GENERAL_BASIC = "一般公共预算基本支出部门预算经济分类预算表"
    BUDGET_GOVERNMENT_FUND = "政府性基金预算支出功能分类预算表"
    BUDGET_STATE_CAPITAL = "国有资本经营预算支出功能分类预算表"
    BUDGET_THREE_PUBLIC = "“三公”经费和机关运行经费预算表"
    BUDGET_OPERATING_COSTS = "一般公共预算机关运行经费支出预算表"
    BUDGET_PROCUREMENT = "政府采购支出预算表"

    @property
    def is_budget(self) -> bool:
        """Whether this is a table of a 部门预算 (or 单位预算) rather than of a 部门决算."""
        return self.name.startswith("BUDGET_")


class Measure(IdentityHashed):
    """What a column measures; its value is the usual header wording."""

    AMOUNT = "金额"
    TOTAL = "合计"
    # 收入决算表 (by source)
    FISCAL = "财政拨款收入"
    SUPERIOR_SUBSIDY = "上级补助收入"
    OPERATIONS = "事业收入"
    BUSINESS_REVENUE = "经营收入"
    AFFILIATED_REMITTANCE = "附属单位上缴收入"
    OTHER_REVENUE = "其他收入"
    TUITION = "其中：教育收费"
    # 支出决算表 (by kind)
    BASIC = "基本支出"
    PROJECT = "项目支出"
    REMITTANCE = "上缴上级支出"
    BUSINESS_EXPENDITURE = "经营支出"
    AFFILIATE_SUBSIDY = "对附属单位补助支出"
    CAPITAL_CONSTRUCTION = "其中：基本建设资金支出"
    # fiscal funds (财政拨款收入支出决算总表's 支出 columns)
    GENERAL_BUDGET = "一般公共预算财政拨款"
    GOVERNMENT_FUND = "政府性基金预算财政拨款"
    STATE_CAPITAL = "国有资本经营预算财政拨款"
    # a fund table's flow
    OPENING = "年初结转和结余"
    REVENUE = "本年收入"
    EXPENDITURE = "本年支出"
    CLOSING = "年末结转和结余"
    # 基本支出: 人员经费 / 公用经费
    PERSONNEL = "人员经费"
    PUBLIC = "公用经费"
    # “三公”经费
    THREE_PUBLIC_TOTAL = "“三公”经费合计"
    OUTBOUND = "因公出国（境）费"
    VEHICLES = "公务用车购置及运行维护费"
    VEHICLE_PURCHASE = "公务用车购置费"
    VEHICLE_OPERATION = "公务用车运行维护费"
    RECEPTION = "公务接待费"
    # 明细表: one column per 经济分类 class (the column's ``code``)
    ECONOMIC_CLASS = "经济分类"
    # 预算 tables: 机关运行经费 beside 三公, 会议费 and 培训费 (Jiangsu), 结转下年
    OPERATING_COSTS = "机关运行经费"
    RESERVE = "单位预留机动经费"
    CARRY_TO_NEXT = "结转下年资金"
    NON_FISCAL_USED = "使用非财政拨款结余"
    MEETINGS = "会议费"
    TRAINING = "培训费"


class Basis(IdentityHashed):
    """Whose figure a column holds: the year's actuals, the budget, or last year's budget."""

    ACTUAL = "决算数"
    BUDGET = "预算数"
    PRIOR_BUDGET = "上年预算数"


class Side(IdentityHashed):
    """Which side of a two-sided 总表 a panel is; ``WHOLE`` for a one-panel table."""

    WHOLE = "全表"
    REVENUE = "收入"
    EXPENDITURE = "支出"


class RowRole(enum.Enum):
    """What a row is in its table: a coded or named item, a subtotal, 合计 or 总计."""

    ITEM = "项目"
    SUBTOTAL = "小计"
    TOTAL = "合计"
    GRAND_TOTAL = "总计"


class Line(IdentityHashed):
    """A named (uncoded) row; its value is a canonical wording, unique across tables."""

    # 收入支出决算总表: 收入
    GENERAL_BUDGET_REVENUE = "一般公共预算财政拨款收入"
    GOVERNMENT_FUND_REVENUE = "政府性基金预算财政拨款收入"
    STATE_CAPITAL_REVENUE = "国有资本经营预算财政拨款收入"
    SUPERIOR_SUBSIDY = "上级补助收入"
    OPERATIONS = "事业收入"
    BUSINESS = "经营收入"
    AFFILIATED_REMITTANCE = "附属单位上缴收入"
    OTHER = "其他收入"
    FISCAL_REVENUE = "财政拨款收入"
    DONATIONS = "其中：捐赠收入"
    REVENUE_TOTAL = "本年收入合计"
    NON_FISCAL_BALANCE_USED = "使用非财政拨款结余"
    OPENING_BALANCE = "年初结转和结余"
    REVENUE_GRAND_TOTAL = "收入总计"
    # 收入支出决算总表: 支出 (its 类 rows are coded)
    EXPENDITURE_TOTAL = "本年支出合计"
    SURPLUS_DISTRIBUTION = "结余分配"
    CLOSING_BALANCE = "年末结转和结余"
    EXPENDITURE_GRAND_TOTAL = "支出总计"
    # 财政拨款收入支出决算总表
    FISCAL_GENERAL_BUDGET = "一般公共预算财政拨款"
    FISCAL_GOVERNMENT_FUND = "政府性基金预算财政拨款"
    FISCAL_STATE_CAPITAL = "国有资本经营预算财政拨款"
    OPENING_GENERAL_BUDGET = "年初一般公共预算财政拨款结转和结余"
    OPENING_GOVERNMENT_FUND = "年初政府性基金预算财政拨款结转和结余"
    OPENING_STATE_CAPITAL = "年初国有资本经营预算财政拨款结转和结余"
    # function tables, 基本支出 table, “三公” table
    TOTAL = "合计"
    PERSONNEL_TOTAL = "人员经费合计"
    PUBLIC_TOTAL = "公用经费合计"
    THREE_PUBLIC = "“三公”经费"
    # 预算 tables: spending by purpose (Jiangsu 财政拨款收支预算总表), 政府采购 by category
    BASIC = "基本支出"
    PROJECT = "项目支出"
    RESERVE = "单位预留机动经费"
    PROCUREMENT_GOODS = "货物"
    PROCUREMENT_WORKS = "工程"
    PROCUREMENT_SERVICES = "服务"

    @property
    def role(self) -> RowRole:
        return _LINE_ROLES.get(self, RowRole.ITEM)

    @property
    def revenue_source(self) -> RevenueSource | None:
        """The 本年收入 source of a 收入 row of the 总表 (``None`` for the other lines)."""
        return _SOURCE_OF_LINE.get(self)

    @property
    def fund(self) -> Fund | None:
        """The fiscal fund of a 财政拨款 row (本年 or 年初), ``None`` for the other lines."""
        return _FUND_OF_LINE.get(self)

    @classmethod
    def of_source(cls, source: RevenueSource) -> Line:
        return _LINE_OF_SOURCE[source]


_LINE_ROLES: Final = {
    Line.REVENUE_TOTAL: RowRole.TOTAL,
    Line.EXPENDITURE_TOTAL: RowRole.TOTAL,
    Line.TOTAL: RowRole.TOTAL,
    Line.REVENUE_GRAND_TOTAL: RowRole.GRAND_TOTAL,
    Line.EXPENDITURE_GRAND_TOTAL: RowRole.GRAND_TOTAL,
    Line.PERSONNEL_TOTAL: RowRole.SUBTOTAL,
    Line.PUBLIC_TOTAL: RowRole.SUBTOTAL,
    Line.OPENING_BALANCE: RowRole.SUBTOTAL,
}
# The 总表's 收入 rows are the 本年收入 sources, printed in the sources' own wording.
_LINE_OF_SOURCE: Final = {source: Line(source.value) for source in RevenueSource}
_SOURCE_OF_LINE: Final = {line: source for source, line in _LINE_OF_SOURCE.items()}
_FUND_OF_LINE: Final = {
    Line.FISCAL_GENERAL_BUDGET: Fund.GENERAL_BUDGET,
    Line.FISCAL_GOVERNMENT_FUND: Fund.GOVERNMENT_FUND,
    Line.FISCAL_STATE_CAPITAL: Fund.STATE_CAPITAL,
    Line.OPENING_GENERAL_BUDGET: Fund.GENERAL_BUDGET,
    Line.OPENING_GOVERNMENT_FUND: Fund.GOVERNMENT_FUND,
    Line.OPENING_STATE_CAPITAL: Fund.STATE_CAPITAL,
}


class Mark(enum.Enum):
    """A cell that prints no figure but a mark: a dash (``-``, ``—``, ``－``)."""

    DASH = "-"

    def __repr__(self) -> str:
        return "DASH"


#: The printed dash of a cell (“—”): no figure, counted as zero without a rounding allowance.
DASH: Final = Mark.DASH

#: A cell: a printed figure (in 万元), ``None`` for a blank cell, or :data:`DASH`.
Cell = Amount | Mark | None

#: What keys a row: a 功能分类 code, a 经济分类 code or a named line.
RowKey = FunctionCode | EconomicCode | Line


def cell_value(cell: Cell) -> Amount | None:
    """The figure of a cell, ``None`` for a blank or a dash."""
    return cell if isinstance(cell, Amount) else None


@attrs.frozen
class Column:
    """A typed column: a measure on a basis (``基本支出`` of the 决算数); ``code`` for 经济分类 columns."""

    measure: Measure = attrs.field(validator=v.enum_of(Measure))
    basis: Basis = attrs.field(default=Basis.ACTUAL, validator=v.enum_of(Basis))
    code: EconomicCode | None = attrs.field(
        default=None, validator=v.optional(v.instance(EconomicCode, "经济分类科目编码", "an EconomicCode"))
    )

    @property
    def label(self) -> str:
        """The column as a header would print it (``基本支出``, ``预算数·公务接待费``, ``302``)."""
        name = self.code.code if self.code is not None else self.measure.value
        return name if self.basis is Basis.ACTUAL else f"{self.basis.value}·{name}"


def _cell(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise InvalidValue("单元格元组", "a tuple of cells", value, path=f"$.{attribute.name}")
    for index, cell in enumerate(value):
        if cell is None or cell is DASH:
            continue
        if type(cell) is not Amount:
            raise InvalidValue(
                "单元格：金额、空白（null）或“-”",
                "a cell: an Amount, blank (None) or a dash",
                cell,
                path=f"$.{attribute.name}[{index}]",
            )
        if cell.value < 0:
            raise InvalidValue(
                "非负金额", "a non-negative amount", str(cell), path=f"$.{attribute.name}[{index}]"
            )


def _one_key(row: TableRow, *_: object) -> None:
    keys = [k for k in (row.function, row.economic, row.line) if k is not None]
    if len(keys) != 1:
        raise InvalidValue(
            "恰好一个行键（功能分类、经济分类或行名）",
            "exactly one row key (function, economic or line)",
            f"{len(keys)} keys",
            path="$",
        )


@attrs.frozen
class TableRow:
    """A row: its key (one of ``function``, ``economic``, ``line``), the name printed, its cells."""

    cells: tuple[Cell, ...] = attrs.field(validator=_cell)
    function: FunctionCode | None = attrs.field(
        default=None, validator=v.optional(v.instance(FunctionCode, "功能分类科目编码", "a FunctionCode"))
    )
    economic: EconomicCode | None = attrs.field(
        default=None, validator=v.optional(v.instance(EconomicCode, "经济分类科目编码", "an EconomicCode"))
    )
    line: Line | None = attrs.field(default=None, validator=v.optional(v.enum_of(Line)))
    name: str | None = attrs.field(default=None, validator=v.optional(v.text))

    def __attrs_post_init__(self) -> None:
        _one_key(self)

    @classmethod
    def of_line(cls, line: Line, cells: tuple[Cell, ...], *, name: str | None = None) -> TableRow:
        return cls(cells, line=line, name=name)

    @classmethod
    def of_function(cls, code: FunctionCode, cells: tuple[Cell, ...], *, name: str | None = None) -> TableRow:
        return cls(cells, function=code, name=name)

    @classmethod
    def of_economic(cls, code: EconomicCode, cells: tuple[Cell, ...], *, name: str | None = None) -> TableRow:
        return cls(cells, economic=code, name=name)

    @classmethod
    def of_key(cls, key: RowKey, cells: tuple[Cell, ...], *, name: str | None = None) -> TableRow:
        """The row keyed by ``key``, whichever kind of key it is (a 功能分类 code, a 经济分类 code, a line)."""
        if isinstance(key, FunctionCode):
            return cls(cells, function=key, name=name)
        if isinstance(key, EconomicCode):
            return cls(cells, economic=key, name=name)
        return cls(cells, line=key, name=name)

    @property
    def key(self) -> RowKey:
        if self.function is not None:
            return self.function
        if self.economic is not None:
            return self.economic
        assert self.line is not None  # _one_key guarantees one key
        return self.line

    @property
    def role(self) -> RowRole:
        return self.line.role if self.line is not None else RowRole.ITEM

    @property
    def label(self) -> str:
        """The row as a finding names it: its code, or its line's wording."""
        if self.function is not None:
            return self.function.code
        if self.economic is not None:
            return self.economic.code
        assert self.line is not None
        return self.line.value


def _rows_fit(panel: Panel, attribute: attrs.Attribute[Any], rows: tuple[TableRow, ...]) -> None:
    keys: set[RowKey] = set()
    for index, row in enumerate(rows):
        if len(row.cells) != len(panel.columns):
            raise InvalidValue(
                f"{len(panel.columns)}个单元格（每列一个）",
                f"{len(panel.columns)} cells (one a column)",
                f"{len(row.cells)} cells",
                path=f"$.rows[{index}].cells",
            )
        if row.key in keys:
            raise InvalidValue(
                "不重复的行键", "a row key not used before", row.label, path=f"$.rows[{index}]"
            )
        keys.add(row.key)


def _columns_unique(_: object, attribute: attrs.Attribute[Any], columns: tuple[Column, ...]) -> None:
    if len(set(columns)) != len(columns):
        raise InvalidValue(
            "不重复的列", "columns without repeats", [c.label for c in columns], path="$.columns"
        )


@attrs.frozen
class Panel:
    """The columns and rows of one side of a table (``side`` is ``WHOLE`` for a one-panel table)."""

    columns: tuple[Column, ...] = attrs.field(
        validator=[v.tuple_of(Column, "列（Column）", "a Column"), _columns_unique]
    )
    rows: tuple[TableRow, ...] = attrs.field(
        default=(), validator=[v.tuple_of(TableRow, "表格行（TableRow）", "a TableRow"), _rows_fit]
    )
    side: Side = attrs.field(default=Side.WHOLE, validator=v.enum_of(Side))

    def column_index(self, column: Column) -> int | None:
        try:
            return self.columns.index(column)
        except ValueError:
            return None

    def row(self, key: RowKey) -> TableRow | None:
        return next((row for row in self.rows if row.key == key), None)


def _panels_keys_unique(_: object, attribute: attrs.Attribute[Any], panels: tuple[Panel, ...]) -> None:
    seen: set[RowKey] = set()
    for index, panel in enumerate(panels):
        for row in panel.rows:
            if row.key in seen:
                raise InvalidValue(
                    "在全表中不重复的行键",
                    "a row key unique in the table",
                    row.label,
                    path=f"$.panels[{index}]",
                )
            seen.add(row.key)


#: What a 决算 table with no figure says it lacks, by kind.
_LACKING: Final = {
    TableKind.SUMMARY: "收入和支出",
    TableKind.REVENUE: "收入",
    TableKind.EXPENDITURE: "支出",
    TableKind.FISCAL_SUMMARY: "财政拨款收入和支出",
    TableKind.FISCAL_DETAIL: "财政拨款支出",
    TableKind.GENERAL_BUDGET: "一般公共预算财政拨款支出",
    TableKind.GENERAL_BUDGET_DETAIL: "一般公共预算财政拨款支出",
    TableKind.GENERAL_BUDGET_BASIC: "一般公共预算财政拨款基本支出",
    TableKind.GENERAL_BUDGET_PROJECT: "一般公共预算财政拨款项目支出",
    TableKind.THREE_PUBLIC: "“三公”经费支出",
    TableKind.GOVERNMENT_FUND: "政府性基金预算财政拨款收入和支出",
    TableKind.GOVERNMENT_FUND_THREE_PUBLIC: "政府性基金预算财政拨款“三公”经费支出",
    TableKind.STATE_CAPITAL: "国有资本经营预算财政拨款收入和支出",
    TableKind.STATE_CAPITAL_EXPENDITURE: "国有资本经营预算财政拨款支出",
}


@attrs.frozen
class StandardTable:
    """One standard table as published; cells in 万元 whatever ``unit`` the table printed in."""

    kind: TableKind = attrs.field(validator=v.enum_of(TableKind))
    title: str = attrs.field(validator=v.text)
    panels: tuple[Panel, ...] = attrs.field(
        default=(), validator=[v.tuple_of(Panel, "表格栏（Panel）", "a Panel"), _panels_keys_unique]
    )
    number: str | None = attrs.field(default=None, validator=v.optional(v.text))
    unit: Unit = attrs.field(default=Unit.WAN_YUAN, validator=v.enum_of(Unit))
    notes: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(str, "表注", "a note"))
    #: The unit the table is printed for, as printed under its title (“编制单位：上海市普陀区财政局”,
    #: “部门名称：江苏省高级人民法院”); ``None`` when the table names none.
    department: str | None = attrs.field(default=None, validator=v.optional(v.text))

    @property
    def rows(self) -> tuple[TableRow, ...]:
        """Every row of every panel, in printed order."""
        return tuple(row for panel in self.panels for row in panel.rows)

    def locate(self, key: RowKey, column: Column) -> tuple[int, int, int] | None:
        """``(panel, row, column)`` indices of a cell, or ``None`` when the table has no such cell."""
        for p, panel in enumerate(self.panels):
            c = panel.column_index(column)
            if c is None:
                continue
            for r, row in enumerate(panel.rows):
                if row.key == key:
                    return p, r, c
        return None

    def cell(self, key: RowKey, column: Column) -> Cell:
        """The cell at ``key`` × ``column``; ``None`` also when the table has no such cell."""
        where = self.locate(key, column)
        if where is None:
            return None
        p, r, c = where
        return self.panels[p].rows[r].cells[c]

    def row(self, key: RowKey) -> TableRow | None:
        return next((row for row in self.rows if row.key == key), None)

    def cells(self) -> Iterator[tuple[str, TableRow, Column, Cell]]:
        """Every cell with its path inside the table (``panels[0].rows[3].cells[1]``)."""
        for p, panel in enumerate(self.panels):
            for r, row in enumerate(panel.rows):
                for c, column in enumerate(panel.columns):
                    yield f"panels[{p}].rows[{r}].cells[{c}]", row, column, row.cells[c]

    @property
    def has_data(self) -> bool:
        """Whether any cell prints a non-zero figure."""
        return any(isinstance(cell, Amount) and not cell.is_zero() for *_, cell in self.cells())

    def with_no_data_note(self, year: int) -> StandardTable:
        """This 决算 table with the note a table with no figure carries (“本部门2021年度没有…，故本表无数据。”)
        as its notes."""
        return attrs.evolve(self, notes=(f"本部门{year}年度没有{_LACKING[self.kind]}，故本表无数据。",))

    def replace_cell(self, key: RowKey, column: Column, cell: Cell) -> StandardTable:
        """This table with one cell changed (for tests and the broken-report strategies)."""
        where = self.locate(key, column)
        if where is None:
            raise KeyError((key, column))
        p, r, c = where
        panel = self.panels[p]
        row = panel.rows[r]
        new_row = attrs.evolve(row, cells=(*row.cells[:c], cell, *row.cells[c + 1 :]))
        new_panel = attrs.evolve(panel, rows=(*panel.rows[:r], new_row, *panel.rows[r + 1 :]))
        return attrs.evolve(self, panels=(*self.panels[:p], new_panel, *self.panels[p + 1 :]))
