"""The summary tables read side by side: 收入支出决算总表, 财政拨款收入支出决算总表, 基本支出决算表."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from typing import Final, Generic, TypeVar

import attrs

from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.model.enums import Fund
from budgetacct.money import Unit
from budgetacct.paths import Path
from budgetacct.reader.draft import Where
from budgetacct.reader.lists import SOURCE_NAMES
from budgetacct.reader.reading import Reader
from budgetacct.reader.table_cells import (
    NUMBER_CELL,
    Cell,
    cell_amount,
    row_label,
    unread_cells,
)

__all__ = ["BasicTable", "FiscalTable", "Summary", "TableLists"]


# --- 收入支出决算总表 (T1): label / 行次 / amount, the 收入 side and the 支出 side on one line ----------------------------

_SUMMARY_FIGURES: Final = {
    "本年收入合计": ("revenue", "total"),
    "本年支出合计": ("expenditure", "total"),
    "使用非财政拨款结余": ("overview", "non_fiscal_balance_used"),
    "用事业基金弥补收支差额": ("overview", "non_fiscal_balance_used"),  # its name before the 2019 templates
    "年初结转和结余": ("overview", "opening_balance"),
    "结余分配": ("overview", "surplus_distribution"),
    "年末结转和结余": ("overview", "closing_balance"),
}
_FISCAL_REVENUE: Final = "财政拨款收入"
_GRAND_TOTALS: Final = (("overview", "revenue_grand_total"), ("overview", "expenditure_grand_total"))
_ROW_NUMBER = re.compile(r"^\d{1,3}$")
_LABEL_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]{1,3}|\d{1,2})[、.．]")
_DASHES: Final = ("-", "—", "--")


@attrs.define
class _SummaryRow:
    """The pairs of a T1 row, whether it prints 行次, and the lone numbers it leaves in doubt."""

    pairs: list[tuple[str, Cell]]
    numbered: bool
    doubtful: list[Cell]


def _summary_pairs(cells: list[Cell], numbered: bool = False, pointed: bool = False) -> _SummaryRow | None:
    """The (label, amount cell) pairs of a T1 row — a label, its 行次 if printed, its amount.

    Cells may be blank where a row is pasted with its empty cells (tabs, “|”): a blank 行次 before
    an amount, a blank amount after a 行次 (an empty row: no figure), a side left blank.  Where
    the blanks are not printed, a lone whole number after a label in a table that prints 行次
    (``numbered``, or a pair of the row before) is the 行次 of an empty row (“结余分配 51”) when
    every amount of the table so far printed its decimals (``pointed``), else in doubt — a 行次 or
    a small amount (“其他收入 12”) — and neither read nor dropped.  A 栏次 row numbers the columns.
    """
    if cells and cells[0].label == "栏次":
        return _SummaryRow([], numbered, [])
    row = _SummaryRow([], numbered, [])
    index, count = 0, len(cells)

    def value(at: int) -> str:
        return cells[at].value if at < count else ""

    while index < count:
        if not value(index):
            index += 1  # a blank cell between pairs: a side left blank
            continue
        label = cells[index].label
        unlabelled = index + 1 < count and cells[index + 1].label and not NUMBER_CELL.match(value(index + 1))
        if row.numbered and _ROW_NUMBER.match(value(index)) and unlabelled:
            index += 1  # the 行次 of a row printed without its label or figure (“9<tab>九、…支出”)
            continue
        if not label or NUMBER_CELL.match(label):
            return None
        index += 1
        figure_after = NUMBER_CELL.match(value(index + 1)) or value(index + 1) in _DASHES
        if index + 1 < count and not value(index) and figure_after:
            index += 1  # 行次 left blank (“六、其他收入<tab><tab>12”): the amount follows
        elif index + 1 < count and _ROW_NUMBER.match(value(index)) and figure_after:
            index += 1  # 行次
            row.numbered = True
        elif index + 1 < count and _ROW_NUMBER.match(value(index)) and not value(index + 1):
            index += 2  # 行次 and a blank amount: the row is empty (“结余分配<tab>51<tab>”)
            row.numbered = True
            continue
        elif row.numbered and _ROW_NUMBER.match(value(index)) and not NUMBER_CELL.match(value(index + 1)):
            if not pointed:
                row.doubtful.append(cells[index])  # 行次 or amount: the blanks are not printed
            index += 1
            continue
        if index >= count or not (NUMBER_CELL.match(value(index)) or value(index) in _DASHES):
            return None
        row.pairs.append((_LABEL_ENUMERATOR.sub("", label), cells[index]))
        index += 1
    return row


Required = dict[str, tuple[object, Where, Unit | None]]
_Group = TypeVar("_Group")


class TableLists(ABC, Generic[_Group]):
    """A pasted table being read whose list elements wait until the table ends.

    They are kept only if every row of the table was read: a list missing a row the table prints
    would be summed against its printed total and give an error the report does not have.  A
    table that could not be read whole has each waiting element reported unread instead.

    A row is read in two steps: :meth:`groups` splits its cells into the table's figures (each
    with its label), :meth:`read` puts them.
    """

    #: The table's name, in English and Chinese, and what its lists are, for the unread reason.
    title: tuple[str, str] = ("table", "表")
    lists: tuple[str, str] = ("lists", "明细")

    def __init__(self) -> None:
        self.pending: list[tuple[Path, object, Required]] = []
        self.complete = True

    def row(self, r: Reader, unit: Unit, cells: list[Cell]) -> bool:
        """Read one row; ``False`` if it is not a row of this table."""
        groups = self.groups(cells)
        if not groups:
            return False
        self.read(r, unit, groups)
        return True

    @abstractmethod
    def groups(self, cells: list[Cell]) -> list[_Group] | None:
        """The row's figures, each with its label; ``None`` if it is not a row of this table."""

    @abstractmethod
    def read(self, r: Reader, unit: Unit, groups: list[_Group]) -> None:
        """Put the figures of one row."""

    def wait(self, path: Path, key: object, required: Required) -> None:
        """Keep the list element ``key`` of ``path`` (with ``required``) until the table ends;
        with ``key`` ``None``, the record at ``path`` (a part of a list's total, as the list)."""
        self.pending.append((path, key, required))

    def unknown_row(self, r: Reader, where: Where, label: str, figures: list[str]) -> None:
        """A row whose label is not known: reported, and the table's lists are not used."""
        self.complete = False
        r.draft.reject(
            where,
            f"{self.title[0]} row with a label the reader does not know: {label}",
            f"{self.title[1]}中未能识别的项目：{label}",
            figures,
        )

    def close(self, r: Reader) -> None:
        """The table has ended: its list elements go into the disclosure, or are reported unread."""
        for path, key, required in self.pending:
            if self.complete and key is None:  # a record, not a list element
                for name, (value, where, unit) in required.items():
                    r.draft.put((*path, name), value, where, unit)
            elif self.complete:
                r.draft.item(path, key, required)
            else:
                _, where, _ = next(iter(required.values()))  # the element's amount cell
                r.draft.reject(
                    where,
                    f"{self.title[0]} has a row the reader could not read, so its {self.lists[0]} are not used",
                    f"{self.title[1]}有未能识别的行，其{self.lists[1]}不予采用",
                    [r.draft.printed(where)],
                )
        self.reset()

    def reset(self) -> None:
        self.pending.clear()
        self.complete = True


class Summary(TableLists[tuple[str, Cell]]):
    """收入支出决算总表 being read: its lines by source and by 类 wait until the table ends (R1
    and R3 add them up)."""

    title = ("收入支出决算总表", "收入支出决算总表")
    lists = ("lists", "收入、支出分项")

    #: Whether the table prints a 行次 column (its header names it, or a row printed one).
    numbered = False

    def __init__(self) -> None:
        super().__init__()
        #: The lone numbers of the row being read that may be its 行次 or its amount.
        self.doubtful: list[Cell] = []
        #: Whether every amount of the table so far printed its decimals (``None``: none yet).
        self.pointed: bool | None = None

    def groups(self, cells: list[Cell]) -> list[tuple[str, Cell]] | None:
        """The row's label–amount pairs."""
        if any(cell.value == "行次" for cell in cells):
            self.numbered = True
        found = _summary_pairs(cells, self.numbered, self.pointed is True)
        if found is None:
            if cells and cells[0].label and any(NUMBER_CELL.match(cell.value) for cell in cells[1:]):
                # A row of the table that prints a number the pairs do not account for: the lists
                # would miss it, and be summed against their printed totals.
                self.complete = False
            return None
        self.numbered = found.numbered
        self.doubtful.extend(found.doubtful)
        for _, cell in found.pairs:
            if NUMBER_CELL.match(cell.value):
                self.pointed = self.pointed is not False and "." in cell.value
        return found.pairs

    def row(self, r: Reader, unit: Unit, cells: list[Cell]) -> bool:
        self.doubtful = []
        groups = self.groups(cells)
        for cell in self.doubtful:
            # A list that may miss this amount is not summed against its printed total.
            self.complete = False
            r.draft.reject(
                cell.where(),
                "a lone number after a row's label: its 行次 (the row left empty) or its amount",
                "项目后单独的数字，可能是行次（该行无数），也可能是金额",
                [cell.value],
            )
        if not groups:
            return bool(self.doubtful)
        self.read(r, unit, groups)
        return True

    def reset(self) -> None:
        super().reset()
        self.numbered = False
        self.pointed = None

    def stream(self, r: Reader, unit: Unit, cells: list[Cell]) -> None:
        """Read the table printed one cell per line (a web page's table as text): the header
        cells up to the first label followed by a figure are skipped, the rest read as pairs."""
        start = next(
            (
                i
                for i in range(len(cells) - 1)
                if not NUMBER_CELL.match(cells[i].value) and NUMBER_CELL.match(cells[i + 1].value)
            ),
            len(cells),
        )
        found = _summary_pairs(cells[start:])
        if found is not None and found.pairs:
            self.read(r, unit, found.pairs)
        else:
            unread_cells(
                r,
                cells,
                "收入支出决算总表 printed one cell per line, not understood",
                "逐格排印的收入支出决算总表未能识别",
            )

    def read(self, r: Reader, unit: Unit, pairs: list[tuple[str, Cell]]) -> None:
        """收入 lines (by source) and 支出 by 类 become revenue lines and expenditure classes (a
        zero line is left out, as the publishers' lists leave it out); totals and balances their
        figures.  A label the reader does not know is reported (and the lists are not used); the
        two 总计 are 收入 and 支出 in that order, and a 总计 without its pair is not read."""
        grand_totals = [i for i, (label, _) in enumerate(pairs) if label == "总计"]
        for position, (label, cell) in enumerate(pairs):
            code: str | None = None
            known = label in _SUMMARY_FIGURES or label in SOURCE_NAMES or label == _FISCAL_REVENUE
            if label != "总计" and not known:
                code = r.lookup(label, None)  # a 类 of the 支出 side
                if code is None:
                    self.unknown_row(r, cell.where(), label, [cell.value])
                    continue
            found = cell_amount(r, cell, unit) if cell.value not in _DASHES else None
            if found is None:
                continue
            amount, used = found
            where = cell.where()
            if label == "总计":
                if len(grand_totals) == 2:
                    r.draft.put(_GRAND_TOTALS[grand_totals.index(position)], amount, where, used)
                else:
                    r.draft.reject(
                        where,
                        "总计 of one side only: which is not known",
                        "无法判断是收入还是支出的总计",
                        [cell.value],
                    )
            elif label in _SUMMARY_FIGURES:
                r.draft.put(_SUMMARY_FIGURES[label], amount, where, used)
            elif not amount:
                continue
            elif label == _FISCAL_REVENUE:
                # The three fiscal sources printed as one line (the templates before 2019): R1 adds
                # it to the other sources, so it waits with them.
                self.wait(("revenue", "fiscal"), None, {"amount": (amount, where, used)})
            elif code is None:
                source = SOURCE_NAMES[label]
                required: Required = {"source": (source, where, None), "amount": (amount, where, used)}
                self.wait(("revenue", "lines"), source, required)
            else:
                required = {
                    "code": (FunctionCode(code), where, None),
                    "amount": (amount, where, used),
                    "name": (label, where, None),
                }
                self.wait(("expenditure", "classes"), code, required)


# --- 财政拨款收入支出决算总表 (T4): 收入 by fund on the left, 支出 by 类 and fund on the right ------------------------

_FUND_LABELS: Final = {
    "一般公共预算财政拨款": Fund.GENERAL_BUDGET,
    "政府性基金预算财政拨款": Fund.GOVERNMENT_FUND,
    "国有资本经营预算财政拨款": Fund.STATE_CAPITAL,
}
_FISCAL_FIGURES: Final = {
    "本年收入合计": ("revenue_total", None),
    "本年支出合计": ("expenditure_total", "expenditure"),
    "年初财政拨款结转和结余": ("opening_balance", None),
    "年末财政拨款结转和结余": ("closing_balance", "closing"),
    "总计": ("grand_total", None),
}


def _fiscal_groups(cells: list[Cell], columns: int) -> list[tuple[str, list[Cell]]] | None:
    """The (label, amount cells) groups of a T4 row: a label, its 行次 if printed, then one
    amount (收入) or ``columns`` of them (支出: 合计 and one per fund) or just the 合计."""
    groups: list[tuple[str, list[Cell]]] = []
    for cell in cells:
        if NUMBER_CELL.match(cell.value) or cell.value in _DASHES:
            if not groups:
                return None
            groups[-1][1].append(cell)
        elif cell.label:
            groups.append((_LABEL_ENUMERATOR.sub("", row_label(cell.label)), []))
    for _, amounts in groups:
        # One more figure than a side prints, the first a small integer: that is the 行次.
        if len(amounts) in (2, columns + 1) and _ROW_NUMBER.match(amounts[0].value):
            del amounts[0]
    return groups if groups and all(amounts for _, amounts in groups) else None


class FiscalTable(TableLists[tuple[str, list[Cell]]]):
    """财政拨款收入支出决算总表 being read: totals and the per-fund flows of §四.

    The per-fund figures wait for the whole table (R14–R19 add them up); the 支出 by 类 on the
    right (a table the model does not hold) is reported unread.
    """

    title = ("财政拨款收入支出决算总表", "财政拨款收入支出决算总表")
    lists = ("funds", "分资金数据")

    def __init__(self) -> None:
        super().__init__()
        self.opening_rows = False  # below 年初财政拨款结转和结余: the funds' opening balances
        self.columns: list[Fund | None] = [None, *_FUND_LABELS.values()]  # 合计, then each fund

    def reset(self) -> None:
        super().reset()
        self.opening_rows = False
        self.columns = [None, *_FUND_LABELS.values()]

    def row(self, r: Reader, unit: Unit, cells: list[Cell]) -> bool:
        """Read one row, or take the 支出 side's header: the order of its fund columns."""
        labels = [
            c.label for c in cells if c.label and not (NUMBER_CELL.match(c.value) or c.value in _DASHES)
        ]
        if "合计" in labels and sum(label in _FUND_LABELS for label in labels) >= 2:
            # The header of the 支出 side: 合计 and one column per fund, in its order.
            order = [label for label in labels if label == "合计" or label in _FUND_LABELS]
            self.columns = [
                None if label == "合计" else _FUND_LABELS[label] for label in order[order.index("合计") :]
            ]
            return True
        return super().row(r, unit, cells)

    def groups(self, cells: list[Cell]) -> list[tuple[str, list[Cell]]] | None:
        """The row's labels, each with its amount cells (one, or one per column of the 支出 side)."""
        return _fiscal_groups(cells, len(self.columns))

    def read(self, r: Reader, unit: Unit, groups: list[tuple[str, list[Cell]]]) -> None:
        for position, (label, amounts) in enumerate(groups):
            right = position > 0 or label in ("本年支出合计", "年末财政拨款结转和结余")
            if label in _FUND_LABELS and not right:
                self._fund(
                    r, unit, _FUND_LABELS[label], "opening" if self.opening_rows else "revenue", amounts[0]
                )
            elif label in _FISCAL_FIGURES:
                self._figure(r, unit, label, amounts, side=position)
            elif r.lookup(label, None) is not None and right:
                # 支出 by 类 and fund: no place in the model for this table.
                r.draft.reject(
                    amounts[0].where(),
                    "财政拨款收入支出决算总表: 支出 by 类 is not read",
                    "财政拨款收入支出决算总表：按类的支出未读取",
                    [c.value for c in amounts],
                )
            else:
                self.unknown_row(r, amounts[0].where(), label, [c.value for c in amounts])

    def _figure(self, r: Reader, unit: Unit, label: str, amounts: list[Cell], side: int) -> None:
        field, per_fund = _FISCAL_FIGURES[label]
        found = cell_amount(r, amounts[0], unit)
        if found is not None:
            r.draft.put(("fiscal", field), found[0], amounts[0].where(), found[1])
        if label == "年初财政拨款结转和结余":
            self.opening_rows = True
        if per_fund is None or len(amounts) != len(self.columns):
            return
        for fund, cell in zip(self.columns, amounts, strict=True):
            if fund is not None:
                self._fund(r, unit, fund, per_fund, cell)

    def _fund(self, r: Reader, unit: Unit, fund: Fund, field: str, cell: Cell) -> None:
        found = cell_amount(r, cell, unit) if cell.value not in _DASHES else None
        if found is not None:
            where = cell.where()
            self.wait(
                ("fiscal", "funds"), fund, {"fund": (fund, where, None), field: (found[0], where, found[1])}
            )


# --- 一般公共预算财政拨款基本支出决算表: 经济分类 rows, 人员经费 and 公用经费 side by side -----------------------------

_ECONOMIC_CELL = re.compile(r"^(?P<code>3\d{2}(?:\d{2})?)(?:\s*(?P<name>[^\d\s].*))?$")
_BASIC_FIGURES: Final = {
    "人员经费合计": "personnel",
    "人员经费": "personnel",
    "公用经费合计": "public",
    "公用经费": "public",
    "合计": "total",
    "基本支出合计": "total",
}


_ECONOMIC_CODE = re.compile(r"3\d{2}(?:\d{2})?")


@attrs.define
class _BasicGroup:
    """One figure of a 基本支出决算表 row: an economic code (with its name) or a total's label."""

    key: str
    name: str | None
    amount: Cell


def _basic_groups(cells: list[Cell]) -> list[_BasicGroup] | None:
    """The figures of a row: ``code | name | amount`` (code and name may share a cell) or
    ``label | amount``, side by side; ``None`` if the row is not made of such groups."""
    groups: list[_BasicGroup] = []
    key: str | None = None
    name: str | None = None
    for cell in cells:
        code = _ECONOMIC_CELL.match(cell.value)
        if code is not None:
            key, name = code.group("code"), (code.group("name") or "").strip() or None
        elif NUMBER_CELL.match(cell.value) or cell.value in _DASHES:
            if key is None:
                return None
            groups.append(_BasicGroup(key, name, cell))
            key = name = None
        elif cell.label:
            if key is not None and name is None and key not in _BASIC_FIGURES:
                name = cell.value  # the name after its code
            else:
                key, name = row_label(cell.label), None
    return groups or None


class BasicTable(TableLists[_BasicGroup]):
    """一般公共预算财政拨款基本支出决算表 being read: totals, and the lines by 经济分类 code,
    which wait for the whole table (R22 adds them up by 人员/公用经费)."""

    title = ("基本支出决算表", "基本支出决算表")
    lists = ("lines", "经济分类明细")

    def groups(self, cells: list[Cell]) -> list[_BasicGroup] | None:
        """The row's figures: an economic code (with its name) or a total's label, and its amount."""
        return _basic_groups(cells)

    def read(self, r: Reader, unit: Unit, groups: list[_BasicGroup]) -> None:
        for group in groups:
            amount_cell = group.amount
            found = cell_amount(r, amount_cell, unit) if amount_cell.value not in _DASHES else None
            where = amount_cell.where()
            if group.key in _BASIC_FIGURES:
                if found is not None:
                    r.draft.put(("basic_expenditure", _BASIC_FIGURES[group.key]), found[0], where, found[1])
            elif _ECONOMIC_CODE.fullmatch(group.key):
                if found is not None and found[0]:
                    required: Required = {
                        "code": (EconomicCode(group.key), where, None),
                        "amount": (found[0], where, found[1]),
                    }
                    if group.name:
                        required["name"] = (group.name, where, None)
                    self.wait(("basic_expenditure", "lines"), group.key, required)
            else:
                self.unknown_row(r, where, group.key, [amount_cell.value])
