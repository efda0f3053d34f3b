"""项目支出绩效自评表: the Word-table form and the MoF form pasted one row per line."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Final

from budgetacct.money import Unit
from budgetacct.paths import Path
from budgetacct.reader.draft import Where
from budgetacct.reader.normalize import (
    AMOUNT_TOKEN,
    PERCENT_TOKEN,
    clean_label,
)
from budgetacct.reader.reading import Reader
from budgetacct.reader.table_cells import (
    MAX_TEXT,
    Cell,
    Row,
    cell_amount,
    is_evaluation_title,
    row_label,
    unread_row,
)

__all__ = ["read_evaluations"]


# --- 项目支出绩效自评表 ----------------------------------------------------------------------------------------------

#: The money rows' wordings by what they hold: (whose figure: the budget's, the executed's or both
#: side by side; which funds).
_MONEY_WORDINGS: Final = (
    (("budget", "total"), ("预算数", "年初预算数", "全年预算数", "调整后预算数")),
    (("executed", "total"), ("执行数", "全年执行数", "预算执行数")),
    (("both", "fiscal"), ("财政拨款", "本年财政拨款", "财政资金")),
    (("both", "other"), ("其他资金",)),
)
_MONEY_LABELS: Final = {wording: held for held, wordings in _MONEY_WORDINGS for wording in wordings}
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
                if cell.value and len(cell.value) <= MAX_TEXT:
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
    if ev.money_columns is not None and labels and _MONEY_ROWS.get(row_label(labels[0])) is not None:
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
    field = _MONEY_ROWS[row_label(row.labels()[0])]
    cells = row.cells
    for split in ("budget", "executed"):
        column = columns[split]
        if column >= len(cells):
            continue
        parsed = cell_amount(r, cells[column], ev.unit)
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
            parsed = cell_amount(r, cell, ev.unit)
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
    if any(len(v) > MAX_TEXT for v in values.values()):
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


def read_evaluations(r: Reader, rows: list[Row], start: int) -> int:
    """Read every self-evaluation table in ``rows``; returns how many were found."""
    current: _Evaluation | None = None
    number = start
    for row in rows:
        if row.empty():
            continue
        title = next((c for c in row.cells if is_evaluation_title(c.label)), None)
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
                unread_row(r, row, "table row outside a known table", "不属于已知表格的表格行")
                continue
        _evaluation_row(r, current, row)
    if current is not None:
        _close(r, current, number)
        number += 1
    return number
