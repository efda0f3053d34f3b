"""Tables inside a report's text: 绩效自评表 (Word tables), table rows pasted from a PDF, chart data.

Four encodings of tabular text are read:

* **Word-table text** (the seed's attachment): each cell starts on a new line with a tab, a line
  without a leading tab continues the cell above (``完成`` + ``指标`` → ``完成指标``), a blank line
  ends the row.  The 项目支出绩效自评表 are read from these rows: 主管部门及代码, 实施单位,
  预算数/执行数 (财政拨款/其他资金), 预期目标/实际完成, and the indicator rows with 一级/二级 labels
  carried down where their cells are blank.  The MoF form pasted one row per line is read too:
  its money block by column (全年预算数, 全年执行数, 分值, 得分) and 总分.
* **Rows pasted from a PDF or a spreadsheet**: one row per line, cells separated by tabs or by two
  or more spaces (``201  一般公共服务支出  614.00  570.00  44.00``).  Rows of 一般公共预算财政拨款
  支出决算表, 支出决算表 and 收入决算表 are read under their table title, 收入支出决算总表 and
  财政拨款收入支出决算总表 side by side (label, 行次, amount for 收入; label, 行次, amounts for 支出),
  and 一般公共预算财政拨款基本支出决算表 by 经济分类 code (人员经费 and 公用经费 side by side).
  Under any other table title followed by its unit line, a row's bare numbers are reported unread.
* **Tables printed one cell per line** (a web page's table copied as text): under a table title
  and its unit line, the short lines are gathered as one stream of cells; 收入支出决算总表 is read
  from it as label–行次–amount pairs, any other table's figures are reported unread together.
* **Chart data** left behind by Word charts (``2020年	2021年	894	874.63``): the previous-year
  figure of a chart whose caption names a year-on-year chart (图1 收、支决算总计, 图4 财政拨款,
  图5 一般公共预算财政拨款支出) fills ``StatedChange.previous`` when exactly one data row matches
  the current figure the narrative states.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Final

import attrs

from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.errors import InvalidValue
from budgetacct.model.enums import Fund
from budgetacct.money import Amount, Unit, parse_amount
from budgetacct.paths import Path
from budgetacct.reader.draft import Where, tidy_amount
from budgetacct.reader.lists import SOURCE_NAMES
from budgetacct.reader.normalize import (
    AMOUNT_TOKEN,
    PERCENT_TOKEN,
    Document,
    Line,
    clean_label,
    clean_value,
    is_part_heading,
    normalize_line,
    tabular_cells,
)
from budgetacct.reader.reading import Reader

__all__ = ["Cell", "Row", "apply_charts", "mark_blocks", "read_tables", "word_rows"]

_MAX_TEXT: Final = 10_000


class Cell:
    """A table cell: its normalized text (whitespace kept), the line it starts on, and its
    ``label`` (all whitespace removed) and ``value`` (whitespace squeezed) forms."""

    __slots__ = ("_label", "_value", "line", "piece", "text")

    def __init__(self, text: str, line: Line, piece: str = "") -> None:
        self.text = text
        self.line = line
        self.piece = piece
        self._label: str | None = None
        self._value: str | None = None

    def extend(self, more: str) -> None:
        if (
            self.text[-1:].isascii()
            and self.text[-1:].isalnum()
            and more[:1].isascii()
            and more[:1].isalnum()
        ):
            self.text += " "
        self.text += more
        self._label = self._value = None

    @property
    def label(self) -> str:
        if self._label is None:
            self._label = clean_label(self.text)
        return self._label

    @property
    def value(self) -> str:
        if self._value is None:
            self._value = clean_value(self.text)
        return self._value

    def where(self) -> Where:
        start, end = self.line.cell_absolute(self.piece or self.text)
        return Where(self.line.number, start, end, self.value[:500])


@attrs.define(slots=True)
class Row:
    cells: list[Cell]
    line: Line

    def labels(self) -> list[str]:
        return [c.label for c in self.cells]

    def empty(self) -> bool:
        return not any(c.label for c in self.cells)


# --- Word-table blocks -----------------------------------------------------------------------------------------


def _blank(raw: str) -> bool:
    return not raw.strip() and "\t" not in raw


def mark_blocks(document: Document) -> list[list[Row]]:
    """Find Word-table blocks (lines starting with a tab, their continuations and blank row breaks),
    mark their lines ``word`` so that the prose reader leaves them alone, and return their rows."""
    blocks: list[list[Row]] = []
    lines = document.lines
    index = 0
    while index < len(lines):
        if not lines[index].raw.startswith("\t"):
            index += 1
            continue
        start = index
        previous_blank = False
        index += 1
        while index < len(lines):
            raw = lines[index].raw
            if raw.startswith("\t"):
                previous_blank = False
            elif _blank(raw):
                previous_blank = True
            elif previous_blank:
                break
            index += 1
        block = lines[start:index]
        filled = [ln for ln in block if ln.raw.strip()]
        if sum(1 for ln in filled if "\t" in ln.raw.lstrip("\t").rstrip()) * 2 > len(filled):
            continue  # one row per line (cells separated by tabs): read as pasted rows
        rows = word_rows(block)
        if sum(1 for row in rows if sum(1 for c in row.cells if c.label) >= 2) >= 2:
            for line in block:
                line.kind = "word"
            blocks.append(rows)
    return blocks


def word_rows(lines: Iterable[Line]) -> list[Row]:
    """Rows of cells from Word-table text (see the module documentation)."""
    rows: list[Row] = []
    cells: list[Cell] = []
    first: Line | None = None

    def close() -> None:
        nonlocal first
        if cells and first is not None:
            rows.append(Row(list(cells), first))
        cells.clear()
        first = None

    for line in lines:
        raw = line.raw
        if _blank(raw):
            close()
            continue
        if first is None:
            first = line
        pieces = raw.split("\t")
        head, rest = pieces[0], pieces[1:]
        if head.strip() or not rest:
            text = normalize_line(head, squeeze=False).text
            if cells:
                cells[-1].extend(text.strip())
            else:
                cells.append(Cell(text.strip(), line, head))
        for piece in rest:
            cells.append(Cell(normalize_line(piece, squeeze=False).text.strip(), line, piece))
    close()
    return rows


# --- 项目支出绩效自评表 ----------------------------------------------------------------------------------------------

_MONEY_LABELS: Final = {
    "预算数": ("budget", "total"),
    "年初预算数": ("budget", "total"),
    "全年预算数": ("budget", "total"),
    "调整后预算数": ("budget", "total"),
    "执行数": ("executed", "total"),
    "全年执行数": ("executed", "total"),
    "预算执行数": ("executed", "total"),
    "财政拨款": ("both", "fiscal"),
    "本年财政拨款": ("both", "fiscal"),
    "财政资金": ("both", "fiscal"),
    "其他资金": ("both", "other"),
}
_HEADER_KEYS: Final = (
    ("level1", ("一级指标",)),
    ("level2", ("二级指标",)),
    ("name", ("三级指标",)),
    ("target", ("预期指标值", "年度指标值", "指标值", "目标值", "预期值", "年度目标值", "预期目标值")),
    ("actual", ("实际完成指标值", "实际完成值", "完成值", "实际值", "全年实际值", "实际完成情况")),
    ("weight", ("分值", "权重")),
    ("score", ("得分",)),
    ("deviation_reason", ("偏差原因分析及改进措施", "偏差原因", "未完成原因分析", "原因分析")),
)
_TITLE_NAME = re.compile(r"（(?P<n>[^（）]{1,200}(?:（[^（）]{0,50}）[^（）]{0,100})*)）$")


def _money_label(label: str) -> tuple[str, str] | None:
    key = label.removeprefix("其中").lstrip("：:").rstrip("：:")
    return _MONEY_LABELS.get(key)


def _is_title(label: str) -> bool:
    return "自评" in label and "绩效" in label and len(label) < 300


def _is_title_line(text: str) -> bool:
    """A prose line that titles a self-evaluation table pasted below it as rows."""
    return len(text) <= 100 and "。" not in text and "，" not in text and _is_title(text)


class _Evaluation:
    """One self-evaluation table being read: facts gathered until the table ends."""

    def __init__(self, title: Cell | None) -> None:
        self.facts: list[tuple[Path, object, Where, Unit | None]] = []
        self.name: tuple[str, Where] | None = None
        self.unit = Unit.WAN_YUAN
        self.header: list[str] | None = None
        self.goals_next = False
        # The MoF form's money block: column of each figure, by its header (项目资金 row).
        self.money_columns: dict[str, int] | None = None
        # An indicator row left unread: the weights and scores no longer add up to anything.
        self.incomplete = False
        # 上年结转资金 printed non-zero: the model splits money into 财政拨款 and 其他资金 only.
        self.carryover = False
        self.level1: str | None = None
        self.level2: str | None = None
        self.indicators = 0
        if title is not None:
            found = _TITLE_NAME.search(title.label)
            if found is not None:
                self.name = (found.group("n"), title.where())

    def fact(self, path: Path, value: object, where: Where, unit: Unit | None = None) -> None:
        self.facts.append((path, value, where, unit))


def _amount(r: Reader, cell: Cell, unit: Unit) -> tuple[Amount, Unit] | None:
    text = cell.value
    if not text or text in ("-", "—", "/", "无"):
        return None
    try:
        value, used = parse_amount(text, default_unit=unit)
        return tidy_amount(value, used), used
    except InvalidValue:
        r.draft.reject(cell.where(), "table cell is not an amount", "表格单元格不是金额", (text[:40],))
        return None


def _evaluation_row(r: Reader, ev: _Evaluation, row: Row) -> None:
    labels = row.labels()
    if any("（元）" in label for label in labels):
        ev.unit = Unit.YUAN
    if any("（万元）" in label for label in labels):
        ev.unit = Unit.WAN_YUAN
    if ev.goals_next:
        ev.goals_next = False
        values = list(row.cells)
        if len(values) >= 2 and any(c.value for c in values[-2:]):
            for cell, field in ((values[-2], "goal_expected"), (values[-1], "goal_actual")):
                if cell.value and len(cell.value) <= _MAX_TEXT:
                    ev.fact((field,), cell.value, cell.where())
            return
    for index, label in enumerate(labels):
        following = next((c for c in row.cells[index + 1 :] if c.value), None)
        if label in ("主管部门及代码", "主管部门", "主管部门及编码") and following is not None:
            ev.fact(("department",), following.value, following.where())
            name = following.value.lstrip("0123456789 ")
            if name:
                r.offer_department(3, name, following.where())
        if label == "实施单位" and following is not None:
            ev.fact(("implementing_unit",), following.value, following.where())
        if label == "项目名称" and following is not None and ev.name is None:
            ev.name = (following.value, following.where())
    if "预期目标" in labels and any("实际" in label for label in labels):
        ev.goals_next = True
        return
    columns = _money_columns(labels)
    if columns is not None:
        ev.money_columns = columns
        return
    if ev.money_columns is not None and labels and _MONEY_ROWS.get(_row_label(labels[0])) is not None:
        _money_block_row(r, ev, row)
        return
    if labels and labels[0] in ("总分", "总得分", "合计得分") and ev.header is not None:
        _total_score_row(ev, row)
        return
    if any(_money_label(label) for label in labels):
        _money_row(r, ev, row)
        return
    if "一级指标" in labels and "三级指标" in labels:
        ev.header = labels
        return
    if ev.header is not None:
        _indicator_row(r, ev, row)


# The MoF form (财预〔2020〕10号): 项目资金 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分,
# then one row each for 年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金.
_MONEY_ROWS: Final = {
    "年度资金总额": "total",
    "资金总额": "total",
    "当年财政拨款": "fiscal",
    "财政拨款": "fiscal",
    "上年结转资金": "carryover",
    "其他资金": "other",
}
_MONEY_HEADERS: Final = (
    ("budget", ("全年预算数", "调整后预算数", "年初预算数", "预算数")),
    ("executed", ("全年执行数", "执行数", "预算执行数")),
    ("weight", ("分值",)),
    ("score", ("得分",)),
)


def _row_label(label: str) -> str:
    return label.removeprefix("其中").lstrip("：:").rstrip("：:")


def _money_columns(labels: list[str]) -> dict[str, int] | None:
    """The columns of the money block's header row, or ``None`` if ``labels`` is not one."""
    if not any(label.startswith("项目资金") for label in labels):
        return None
    columns: dict[str, int] = {}
    for key, names in _MONEY_HEADERS:
        found = next((labels.index(name) for name in names if name in labels), None)
        if found is not None:
            columns[key] = found
    return columns if "budget" in columns and "executed" in columns else None


def _money_block_row(r: Reader, ev: _Evaluation, row: Row) -> None:
    columns = ev.money_columns
    assert columns is not None
    field = _MONEY_ROWS[_row_label(row.labels()[0])]
    cells = row.cells
    for split in ("budget", "executed"):
        column = columns[split]
        if column >= len(cells):
            continue
        parsed = _amount(r, cells[column], ev.unit)
        if parsed is None:
            continue
        if field == "carryover":
            ev.carryover = ev.carryover or bool(parsed[0])
        else:
            ev.fact((split, field), parsed[0], cells[column].where(), parsed[1])
    if field == "total":
        for key, name in (("weight", "execution_weight"), ("score", "execution_score")):
            at = columns.get(key)
            if at is not None and at < len(cells):
                number = _score(cells[at].value)
                if number is not None:
                    ev.fact((name,), number, cells[at].where())


def _total_score_row(ev: _Evaluation, row: Row) -> None:
    """``总分 | 100 | 99.5``: the last number is the score (the one before it, the weights' 100)."""
    numbers = [(cell, _score(cell.value)) for cell in row.cells[1:] if cell.value]
    found = [(cell, number) for cell, number in numbers if number is not None]
    if found:
        cell, number = found[-1]
        ev.fact(("total_score",), number, cell.where())


def _score(text: str) -> Decimal | None:
    """A weight or score as printed (``20``, ``19.5分``), or ``None``."""
    text = text.rstrip("分%")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    exponent = number.as_tuple().exponent
    if number.is_finite() and isinstance(exponent, int) and exponent >= -12 and abs(number) < 10**6:
        return number
    return None


def _money_row(r: Reader, ev: _Evaluation, row: Row) -> None:
    groups: list[tuple[tuple[str, str], list[Cell]]] = []
    for cell in row.cells:
        found = _money_label(cell.label)
        if found is not None:
            groups.append((found, []))
        elif groups:
            groups[-1][1].append(cell)
    seen: dict[str, int] = {}
    for (side, field), cells in groups:
        if side == "both":
            occurrence = seen.get(field, 0)
            seen[field] = occurrence + 1
            if len(cells) >= 2 and occurrence == 0:
                targets = [("budget", cells[0]), ("executed", cells[1])]
            elif cells:
                targets = [("budget" if occurrence == 0 else "executed", cells[0])]
            else:
                targets = []
        else:
            targets = [(side, cells[0])] if cells else []
        for split, cell in targets:
            parsed = _amount(r, cell, ev.unit)
            if parsed is not None:
                ev.fact((split, field), parsed[0], cell.where(), parsed[1])


def _indicator_row(r: Reader, ev: _Evaluation, row: Row) -> None:
    header = ev.header
    assert header is not None
    cells = list(row.cells)
    if len(cells) > len(header):
        cells = cells[-len(header) :]
    # Cells missing on the left were merged with the rows above (a Word table); a row that keeps
    # its empty leading cells (pasted with tabs) lost only its empty cells at the end.
    padding = len(header) - len(cells) if cells and cells[0].value else 0
    by_key: dict[str, Cell] = {}
    for key, names in _HEADER_KEYS:
        column = next((i for i, label in enumerate(header) if label in names), None)
        if column is None or column < padding or column - padding >= len(cells):
            continue
        by_key[key] = cells[column - padding]
    values = {key: cell.value for key, cell in by_key.items()}
    if values.get("level1"):
        ev.level1 = clean_label(values["level1"])
        ev.level2 = None
    if values.get("level2"):
        ev.level2 = clean_label(values["level2"])
    name, target = values.get("name"), values.get("target")
    if not name or not target or ev.level1 is None or ev.level2 is None:
        texts = [c.value for c in row.cells if AMOUNT_TOKEN.search(c.value) or PERCENT_TOKEN.search(c.value)]
        if texts:
            ev.incomplete = True
            r.draft.reject(
                row.cells[0].where(), "indicator row not understood", "未能识别的绩效指标行", texts
            )
        return
    if any(len(v) > _MAX_TEXT for v in values.values()):
        return
    index = ev.indicators
    ev.indicators += 1
    where = by_key["name"].where()
    base: Path = ("indicators", index)
    ev.fact((*base, "level1"), ev.level1, where)
    ev.fact((*base, "level2"), ev.level2, where)
    ev.fact((*base, "name"), name, where)
    ev.fact((*base, "target"), target, by_key["target"].where())
    if values.get("actual"):
        ev.fact((*base, "actual"), values["actual"], by_key["actual"].where())
    for key in ("weight", "score"):
        number = _score(values.get(key, ""))
        if number is not None:
            ev.fact((*base, key), number, by_key[key].where())
    if values.get("deviation_reason"):
        ev.fact((*base, "deviation_reason"), values["deviation_reason"], by_key["deviation_reason"].where())


# A line under a self-evaluation table's title: its year, or its unit.
_SUBTITLE = re.compile(r"（?\d{4}年度?）?|（?(?:金额)?单位[：:]?(?:万元|元)）?")
_SCORE_FIELDS: Final = ("weight", "score", "execution_weight", "execution_score", "total_score")


def _close(r: Reader, ev: _Evaluation | None, number: int) -> None:
    if ev is None or (not ev.facts and ev.name is None):
        return
    name, where = ev.name if ev.name is not None else (f"（未注明项目名称{number}）", ev.facts[0][2])
    index = r.draft.item(("performance", "evaluations"), number, {"name": (name, where, None)})
    if index is None:
        return
    facts = ev.facts
    if ev.incomplete:
        # Weights and scores are checked as sums (R51): with a row missing they would not add up.
        facts = [f for f in facts if f[0][-1] not in _SCORE_FIELDS]
        r.draft.notes.append(
            f"“{name}”: an indicator row was left unread, so its weights and scores are not used"
        )
    if ev.carryover:
        # 上年结转资金 has no place in the model's split: total only, or 财政拨款 + 其他资金 would
        # be checked against a total that also holds it (R47).
        facts = [f for f in facts if not (f[0][0] in ("budget", "executed") and f[0][1] != "total")]
    for path, value, at, unit in facts:
        r.draft.put(("performance", "evaluations", index, *path), value, at, unit)


def _evaluations(r: Reader, rows: list[Row], start: int) -> int:
    """Read every self-evaluation table in ``rows``; returns how many were found."""
    current: _Evaluation | None = None
    number = start
    for row in rows:
        if row.empty():
            continue
        title = next((c for c in row.cells if _is_title(c.label)), None)
        if title is not None:
            if current is not None:
                _close(r, current, number)
                number += 1
            current = _Evaluation(title)
            continue
        if current is None:
            if any(_money_label(label) or label in ("主管部门及代码", "一级指标") for label in row.labels()):
                current = _Evaluation(None)
            else:
                _unread_row(r, row, "table row outside a known table", "不属于已知表格的表格行")
                continue
        _evaluation_row(r, current, row)
    if current is not None:
        _close(r, current, number)
        number += 1
    return number


def _unread_row(r: Reader, row: Row, reason: str, reason_zh: str, *, in_table: bool = False) -> None:
    # Under a 决算表 title a bare number is a figure too (its unit is the table's): a row of
    # numbers the reader does not place is reported, never passed over in silence.  Elsewhere
    # (the data Word leaves behind for a chart) only figures with their unit are.
    texts = [
        c.value
        for c in row.cells
        if AMOUNT_TOKEN.search(c.value)
        or PERCENT_TOKEN.search(c.value)
        or (in_table and _FIGURE_CELL.match(c.value))
    ]
    if texts:
        r.draft.reject(row.cells[0].where(), reason, reason_zh, texts)


# --- financial tables pasted as rows -------------------------------------------------------------------------------

_TABLE_COLUMNS: Final = {
    "general_budget": ("amount", "basic", "project"),
    "expenditure": ("amount", "basic", "project", "remittance", "business", "affiliate_subsidy"),
    "revenue": (
        "total",
        "fiscal",
        "superior_subsidy",
        "operations",
        "business",
        "affiliated_remittance",
        "other",
    ),
}
_TOTALS: Final = {
    "general_budget": ("general_budget", "total"),
    "expenditure": ("expenditure", "total"),
    "revenue": ("revenue", "total"),
}
_CODE_NAME = re.compile(r"^\[?(?P<code>\d{3}(?: ?\d{2}){0,2})\]?\s*(?P<name>[^\d.\s].*)?$")
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
# A cell holding an amount without its unit: decimals, or digits grouped by thousands.
_FIGURE_CELL = re.compile(r"^-?\d+\.\d+$|^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


def _table_kind(title: str) -> str | None:
    if "决算总表" in title:
        if "收入支出决算总表" not in title:
            return "other"
        return "fiscal" if "财政拨款" in title else "summary"
    if "决算表" not in title:
        return None
    if "基本支出决算表" in title and "三公" not in title:
        return "basic"
    if "一般公共预算财政拨款支出决算表" in title and not any(
        w in title for w in ("明细", "基本", "项目", "三公")
    ):
        return "general_budget"
    excluded = ("财政拨款", "一般公共预算", "政府性基金", "国有资本", "明细", "三公", "基本", "项目")
    if "支出决算表" in title and not any(w in title for w in excluded):
        return "expenditure"
    if "收入决算表" in title and "财政拨款" not in title:
        return "revenue"
    return "other"


def _financial_row(r: Reader, kind: str | None, unit: Unit, cells: list[Cell]) -> bool:
    """Read one 类/款/项 row (or the 合计 row) of a known table; ``False`` if it is not such a row."""
    texts = [c.value for c in cells]
    index = 0
    code_parts: list[str] = []
    name: str | None = None
    if texts[0] in ("合计", "总计"):
        index = 1
    else:
        while index < len(texts) and re.fullmatch(r"\d{2,3}", texts[index]) and len(code_parts) < 3:
            if (len(code_parts) == 0 and len(texts[index]) != 3) or (code_parts and len(texts[index]) != 2):
                break
            code_parts.append(texts[index])
            index += 1
        if not code_parts:
            m = _CODE_NAME.match(texts[0])
            if m is None:
                return False
            code_parts = [m.group("code").replace(" ", "")]
            name = (m.group("name") or "").strip() or None
            index = 1
        if name is None and index < len(texts) and not _NUMBER.match(texts[index]):
            name = texts[index]
            index += 1
    numbers = cells[index:]
    if not numbers or not all(_NUMBER.match(c.value) or c.value in ("-", "—") for c in numbers):
        return False
    if kind is None or kind == "other":
        r.draft.reject(
            cells[0].where(), "row of a table the reader does not read", "未读取的表格行", texts[:12]
        )
        return True
    columns = _TABLE_COLUMNS[kind]
    parsed: list[tuple[Amount, Unit, Cell] | None] = []
    for cell in numbers:
        if cell.value in ("-", "—"):
            parsed.append(None)
            continue
        try:
            value, used = parse_amount(cell.value, default_unit=unit)
        except InvalidValue:
            parsed.append(None)
            continue
        parsed.append((tidy_amount(value, used), used, cell) if value.value >= 0 else None)
    if len(parsed) != len(columns):
        if len(parsed) > 1:
            r.draft.reject(
                cells[0].where(),
                f"{len(parsed)} amounts where the table has {len(columns)} columns: only the first is read",
                f"该表应有{len(columns)}列金额，此行有{len(parsed)}个：只读取第一个",
                texts[:12],
            )
        parsed = parsed[:1]
    lead = parsed[0]
    if lead is None:
        return True
    if not code_parts:
        section, field = _TOTALS[kind]
        r.draft.put((section, field), lead[0], lead[2].where(), lead[1])
        return True
    code_text = "".join(code_parts)
    try:
        code = FunctionCode(code_text)
    except InvalidValue:
        r.draft.reject(cells[0].where(), "malformed classification code", "科目编码格式不对", texts[:12])
        return True
    section = "revenue" if kind == "revenue" else kind
    required: dict[str, tuple[object, Where, Unit | None]] = {
        "code": (code, cells[0].where(), None),
        columns[0]: (lead[0], lead[2].where(), lead[1]),
    }
    if name:
        required["name"] = (name, cells[0].where(), None)
    row_index = r.draft.item((section, "rows"), code_text, required)
    if row_index is None:
        return True
    for column, entry in zip(columns[1:], parsed[1:], strict=False):
        if entry is not None:
            r.draft.put((section, "rows", row_index, column), entry[0], entry[2].where(), entry[1])
    return True


# --- 收入支出决算总表 (T1): label / 行次 / amount, the 收入 side and the 支出 side on one line ----------------------------

_SUMMARY_FIGURES: Final = {
    "本年收入合计": ("revenue", "total"),
    "本年支出合计": ("expenditure", "total"),
    "使用非财政拨款结余": ("overview", "non_fiscal_balance_used"),
    "年初结转和结余": ("overview", "opening_balance"),
    "结余分配": ("overview", "surplus_distribution"),
    "年末结转和结余": ("overview", "closing_balance"),
}
_GRAND_TOTALS: Final = (("overview", "revenue_grand_total"), ("overview", "expenditure_grand_total"))
_ROW_NUMBER = re.compile(r"^\d{1,3}$")
_LABEL_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]{1,3}|\d{1,2})[、.．]")
_DASHES: Final = ("-", "—", "--")


def _summary_pairs(cells: list[Cell]) -> list[tuple[str, Cell]] | None:
    """The (label, amount cell) pairs of a T1 row: a label, its 行次 if printed, its amount."""
    pairs: list[tuple[str, Cell]] = []
    index = 0
    while index < len(cells):
        label = cells[index].label
        if not label or _NUMBER.match(label):
            return None
        index += 1
        if (
            index + 1 < len(cells)
            and _ROW_NUMBER.match(cells[index].value)
            and (_NUMBER.match(cells[index + 1].value) or cells[index + 1].value in _DASHES)
        ):
            index += 1  # 行次
        if index >= len(cells) or not (_NUMBER.match(cells[index].value) or cells[index].value in _DASHES):
            return None
        pairs.append((_LABEL_ENUMERATOR.sub("", label), cells[index]))
        index += 1
    return pairs


Required = dict[str, tuple[object, Where, Unit | None]]


class _TableLists:
    """A pasted table being read whose list elements wait until the table ends.

    They are kept only if every row of the table was read: a list missing a row the table prints
    would be summed against its printed total and give an error the report does not have.  A
    table that could not be read whole has each waiting element reported unread instead.
    """

    #: The table's name, in English and Chinese, and what its lists are, for the unread reason.
    title: tuple[str, str] = ("table", "表")
    lists: tuple[str, str] = ("lists", "明细")

    def __init__(self) -> None:
        self.pending: list[tuple[Path, object, Required]] = []
        self.complete = True

    def wait(self, path: Path, key: object, required: Required) -> None:
        """Keep the list element ``key`` of ``path`` (with ``required``) until the table ends."""
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
            if self.complete:
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


class _Summary(_TableLists):
    """收入支出决算总表 being read: its lines by source and by 类 wait until the table ends (R1
    and R3 add them up)."""

    title = ("收入支出决算总表", "收入支出决算总表")
    lists = ("lists", "收入、支出分项")

    def row(self, r: Reader, unit: Unit, cells: list[Cell]) -> bool:
        """Read one row; ``False`` if it is not a row of label–amount pairs."""
        pairs = _summary_pairs(cells)
        if not pairs:
            return False
        self.read(r, unit, pairs)
        return True

    def stream(self, r: Reader, unit: Unit, cells: list[Cell]) -> None:
        """Read the table printed one cell per line (a web page's table as text): the header
        cells up to the first label followed by a figure are skipped, the rest read as pairs."""
        start = next(
            (
                i
                for i in range(len(cells) - 1)
                if not _NUMBER.match(cells[i].value) and _NUMBER.match(cells[i + 1].value)
            ),
            len(cells),
        )
        pairs = _summary_pairs(cells[start:])
        if pairs:
            self.read(r, unit, pairs)
        else:
            _unread_cells(
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
            if label != "总计" and label not in _SUMMARY_FIGURES and label not in SOURCE_NAMES:
                code = r.lookup(label, None)  # a 类 of the 支出 side
                if code is None:
                    self.unknown_row(r, cell.where(), label, [cell.value])
                    continue
            found = _amount(r, cell, unit) if cell.value not in _DASHES else None
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
        if _NUMBER.match(cell.value) or cell.value in _DASHES:
            if not groups:
                return None
            groups[-1][1].append(cell)
        elif cell.label:
            groups.append((_LABEL_ENUMERATOR.sub("", _row_label(cell.label)), []))
    for _, amounts in groups:
        # One more figure than a side prints, the first a small integer: that is the 行次.
        if len(amounts) in (2, columns + 1) and _ROW_NUMBER.match(amounts[0].value):
            del amounts[0]
    return groups if groups and all(amounts for _, amounts in groups) else None


class _FiscalTable(_TableLists):
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
        labels = [c.label for c in cells if c.label and not (_NUMBER.match(c.value) or c.value in _DASHES)]
        if "合计" in labels and sum(label in _FUND_LABELS for label in labels) >= 2:
            # The header of the 支出 side: 合计 and one column per fund, in its order.
            order = [label for label in labels if label == "合计" or label in _FUND_LABELS]
            self.columns = [
                None if label == "合计" else _FUND_LABELS[label] for label in order[order.index("合计") :]
            ]
            return True
        groups = _fiscal_groups(cells, len(self.columns))
        if groups is None:
            return False
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
        return True

    def _figure(self, r: Reader, unit: Unit, label: str, amounts: list[Cell], side: int) -> None:
        field, per_fund = _FISCAL_FIGURES[label]
        found = _amount(r, amounts[0], unit)
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
        found = _amount(r, cell, unit) if cell.value not in _DASHES else None
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
        elif _NUMBER.match(cell.value) or cell.value in _DASHES:
            if key is None:
                return None
            groups.append(_BasicGroup(key, name, cell))
            key = name = None
        elif cell.label:
            if key is not None and name is None and key not in _BASIC_FIGURES:
                name = cell.value  # the name after its code
            else:
                key, name = _row_label(cell.label), None
    return groups or None


class _BasicTable(_TableLists):
    """一般公共预算财政拨款基本支出决算表 being read: totals, and the lines by 经济分类 code,
    which wait for the whole table (R22 adds them up by 人员/公用经费)."""

    title = ("基本支出决算表", "基本支出决算表")
    lists = ("lines", "经济分类明细")

    def row(self, r: Reader, unit: Unit, cells: list[Cell]) -> bool:
        groups = _basic_groups(cells)
        if not groups:
            return False
        for group in groups:
            amount_cell = group.amount
            found = _amount(r, amount_cell, unit) if amount_cell.value not in _DASHES else None
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
        return True


# --- charts -----------------------------------------------------------------------------------------------------

_CHART_KEYS: Final = (
    ("财政拨款收、支决算总计", "fiscal", ("fiscal", "grand_total")),
    ("财政拨款收支决算总计", "fiscal", ("fiscal", "grand_total")),
    ("收、支决算总计", "overview", ("overview", "revenue_grand_total")),
    ("收支决算总计", "overview", ("overview", "revenue_grand_total")),
    ("一般公共预算财政拨款支出决算变动", "general_budget", ("general_budget", "total")),
)


def _chart_pair(r: Reader, cells: list[Cell]) -> tuple[Amount, Amount, Cell] | None:
    texts = [c.value for c in cells]
    prior, current = f"{r.year - 1}年", f"{r.year}年"
    for index in range(len(texts) - 3):
        if texts[index] == prior and texts[index + 1] == current:
            a, b = texts[index + 2], texts[index + 3]
            if _NUMBER.match(a) and _NUMBER.match(b) and not a.startswith("-") and not b.startswith("-"):
                try:
                    return Amount(a), Amount(b), cells[index + 2]
                except InvalidValue:
                    return None
    return None


ChartPair = tuple[Amount, Amount, Cell]


def _unread_cells(r: Reader, cells: list[Cell], reason: str, reason_zh: str) -> None:
    """The figures of a table printed one cell per line that is not read, reported together."""
    figures = [c for c in cells if _FIGURE_CELL.match(c.value) or AMOUNT_TOKEN.search(c.value)]
    if figures:
        r.draft.reject(figures[0].where(), reason, reason_zh, [c.value for c in figures])


def _short_row(text: str) -> list[str] | None:
    """The two cells of a ``label<tab>number`` line, which alone is not recognisably tabular."""
    cells = [cell.strip() for cell in text.split("\t") if cell.strip()]
    if len(cells) == 2 and not _NUMBER.match(cells[0]) and _NUMBER.match(cells[1]):
        return cells
    return None


def _table_cell_line(text: str) -> bool:
    """A short line that can be one cell of a table printed one cell per line (a row's label
    “一、一般公共服务支出” looks like a heading; a part or a section of the narrative does not)."""
    return (
        len(text) <= 40
        and "。" not in text
        and not text.startswith("注")
        and not is_part_heading(text)
        and not any(word in text for word in ("决算表", "决算总表", "说明", "情况"))
    )


def _read_stream(r: Reader, kind: str | None, unit: Unit, cells: list[Cell], summary: _Summary) -> None:
    if kind == "summary":
        summary.stream(r, unit, cells)
    else:
        _unread_cells(r, cells, "table printed one cell per line, not read", "逐格排印的表格，未读取")


def read_tables(r: Reader, blocks: list[list[Row]]) -> list[ChartPair]:
    """Read the Word-table blocks and the pasted table rows; return the chart data rows found."""
    count = 0
    for rows in blocks:
        count = _evaluations(r, rows, count)
    kind: str | None = None
    unit = Unit.WAN_YUAN
    # A table title followed by its unit line (金额单位：万元): the rows below are a table's, not a
    # list of titles (a report's table of contents) with chart data after it.
    unit_line = False
    summary = _Summary()
    stream: list[Cell] = []
    fiscal = _FiscalTable()
    basic = _BasicTable()
    pairs: list[ChartPair] = []
    evaluation: list[Row] | None = None
    for line in r.document.lines:
        if evaluation is not None:
            if line.kind == "tabular" or (line.kind != "word" and "\t" in line.raw.strip("\n\r ")):
                evaluation.append(_tab_row(line))
                line.kind = "word"
                continue
            if line.kind != "blank" and len(evaluation) == 1 and _SUBTITLE.fullmatch(line.text):
                continue  # “（2023年度）” or the unit under the title
            if line.kind != "blank":
                count = _evaluations(r, evaluation, count)
                evaluation = None
        if line.kind in ("prose", "heading") and _is_title_line(line.text):
            evaluation = [Row([Cell(line.cells.strip(), line, line.raw.strip())], line)]
            line.kind = "word"
            continue
        if line.kind == "prose" and unit_line and _short_row(line.cells):
            # “其他人员支出<tab>10.00” under a table's title and unit: a row of two cells.
            line.kind = "tabular"
        if line.kind in ("prose", "heading") and unit_line and _table_cell_line(line.text):
            # A table printed one cell per line (a web page's table as text): gathered whole.
            stream.append(Cell(line.cells.strip(), line, line.raw.strip()))
            line.kind = "word"
            continue
        if stream and line.kind != "blank":
            _read_stream(r, kind, unit, stream, summary)
            stream = []
        if line.kind in ("prose", "heading"):
            if ("决算表" in line.text or "决算总表" in line.text) and len(line.text) <= 60:
                summary.close(r)
                fiscal.close(r)
                basic.close(r)
                kind = _table_kind(line.text)
                unit = Unit.WAN_YUAN
                unit_line = False
            elif "单位" in line.text and len(line.text) <= 40:
                unit_line = kind is not None
                if re.search(r"单位[：]?元", line.text):
                    unit = Unit.YUAN
                elif "万元" in line.text:
                    unit = Unit.WAN_YUAN
            elif len(line.text) > 60:
                kind, unit_line = None, False
            continue
        if line.kind != "tabular":
            continue
        found = tabular_cells(line.cells) or _short_row(line.cells)
        if not found:
            continue
        cells = [Cell(text, line, text) for text in found]
        pair = _chart_pair(r, cells)
        if pair is not None:
            pairs.append(pair)
            continue
        if re.match(r"^\d{4}年$", cells[0].value):
            continue
        if kind == "summary":
            if summary.row(r, unit, cells):
                continue
        elif kind == "fiscal":
            if fiscal.row(r, unit, cells):
                continue
        elif kind == "basic":
            if basic.row(r, unit, cells):
                continue
        elif _financial_row(r, kind, unit, cells):
            continue
        _unread_row(r, Row(cells, line), "table row not understood", "未能识别的表格行", in_table=unit_line)
    if stream:
        _read_stream(r, kind, unit, stream, summary)
    summary.close(r)
    fiscal.close(r)
    basic.close(r)
    if evaluation is not None:
        _evaluations(r, evaluation, count)
    return pairs


def _tab_row(line: Line) -> Row:
    """A row pasted on one line: cells split on tabs (empty cells kept) or on runs of 2+ spaces."""
    body = line.cells.strip("\n")
    pieces = body.split("\t") if "\t" in body else re.split(r" {2,}", body.strip())
    while pieces and not pieces[-1].strip():
        pieces.pop()
    return Row([Cell(piece.strip(), line, piece) for piece in pieces], line)


def apply_charts(r: Reader, pairs: list[ChartPair]) -> None:
    """Fill ``change.previous`` from chart data rows matched to year-on-year chart captions."""
    if not pairs:
        return
    captioned: dict[str, Path] = {}
    for line in r.document.lines:
        text = line.text
        if not text.startswith("图") or "变动" not in text:
            continue
        for phrase, key, current in _CHART_KEYS:
            if phrase in text:
                captioned.setdefault(key, current)
                break
    claims: dict[str, list[int]] = {}
    for key, current_path in captioned.items():
        current = r.draft.get(current_path)
        if not isinstance(current, Amount) or r.draft.get((key, "change", "direction")) is None:
            continue
        claims[key] = [i for i, (_, cur, _) in enumerate(pairs) if cur == current]
    for key, matches in claims.items():
        shared = any(matches == other for k, other in claims.items() if k != key)
        if len(matches) != 1 or shared:
            if matches:
                r.draft.notes.append(f"chart data for {key} is ambiguous: previous-year figure left unset")
            continue
        previous, _, cell = pairs[matches[0]]
        r.draft.put((key, "change", "previous"), previous, cell.where(), Unit.WAN_YUAN)
