"""Where a figure is printed, in words a reader of the report follows: “第13页 财政拨款收入支出决算总表
“总计”行“金额”列”, “第21页 财政拨款收入支出决算总体情况说明”.

A finding names its figures by path (``$.tables[3].panels[0].rows[8].cells[0]``, ``$.fiscal.
grand_total``); the page and box they were read from are in the read's sources.  The text and HTML
outputs of an audit say both in words through :func:`place_words` — the page, line, paragraph or
cell the source gives, then the standard table as printed (its number and title), the row (its code
and name, or its wording) and the column (the measure's label), or for a figure of the narrative
its section — while the JSON output keeps the path, the page and the box.

>>> from budgetacct.model import Disclosure
>>> place_words("$.fiscal.grand_total", Disclosure(year=2024, department="示例"), (7, "收入总计0.3万元。"))
('第7行 财政拨款收入支出决算总体情况说明', 'line 7, section “Fiscal appropriations: overall”')
>>> place_words("$.fiscal.grand_total") is None
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from budgetacct.errors import InvalidValue
from budgetacct.paths import parse_path

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.model.tables import StandardTable
    from budgetacct.reader.published import PageSource

__all__ = ["place_words"]


def _section(document: object, field: str) -> tuple[str, str] | None:
    """The section of the 决算说明 (or the budget) that holds the figures of ``field``."""
    from budgetacct.model import Budget, Disclosure
    from budgetacct.render.templates import BUDGET_SECTIONS, SUBSECTIONS, TEMPLATES

    if isinstance(document, Budget):
        return BUDGET_SECTIONS.get(field)
    if not isinstance(document, Disclosure):
        return None
    for template in TEMPLATES.values():
        for spec in template.sections:
            if spec.key == field:
                return spec.title, spec.title_en
    return SUBSECTIONS.get(field)


def _cell(table: StandardTable, indexes: list[int]) -> tuple[str, str]:
    """The table and, as far as ``indexes`` (panel, row, column) go, its row and column: named as
    the table rules' messages name them (``公开04表财政拨款收入支出决算总表“总计”行“金额”列``)."""
    from budgetacct.auditing.rules.table_cells import table_name

    zh = table_name(table)
    en = f"table {zh}"
    panel = table.panels[indexes[0]] if indexes and indexes[0] < len(table.panels) else None
    if panel is None or len(indexes) < 2:
        return zh, en
    r = indexes[1]
    if r < len(panel.rows):
        row = panel.rows[r]
        coded = row.function or row.economic
        name = (row.name or row.label) if coded is None else " ".join(filter(None, (coded.code, row.name)))
        zh, en = f"{zh}“{name}”行", f"{en}, row {name}"
    else:
        zh, en = f"{zh}第{r + 1}行", f"{en}, row {r + 1}"
    if len(indexes) < 3:
        return zh, en
    c = indexes[2]
    column = panel.columns[c].label if c < len(panel.columns) else f"{c + 1}"
    return f"{zh}“{column}”列", f"{en}, column {column}"


def _what(path: str, document: object) -> tuple[str, str] | None:
    """The table cell (or row, or table) or the narrative section ``path`` names in ``document``."""
    try:
        parts = parse_path(path)
    except InvalidValue:  # a finding may name a place no field path expresses (``[fund=…]``)
        return None
    if not parts or not isinstance(parts[0], str):
        return None
    if parts[0] != "tables":
        section = _section(document, parts[0])
        return None if section is None else (section[0], f"section “{section[1]}”")
    tables: tuple[StandardTable, ...] = getattr(document, "tables", ())
    if len(parts) < 2 or not isinstance(parts[1], int) or parts[1] >= len(tables):
        return None
    # panels[p].rows[r].cells[c]: the indexes that follow the table's, in that order
    indexes = [part for part in parts[2:] if isinstance(part, int)]
    return _cell(tables[parts[1]], indexes)


def _where(place: tuple[int, str] | PageSource) -> tuple[str, str]:
    """The page (or line, paragraph, cell) a figure was read from."""
    if isinstance(place, tuple):
        return f"第{place[0]}行", f"line {place[0]}"
    return place.describe()


def place_words(
    path: str, document: object | None = None, place: tuple[int, str] | PageSource | None = None
) -> tuple[str, str] | None:
    """``(zh, en)``: where the figure at ``path`` is printed — the page, line or paragraph of
    ``place`` and the table cell or narrative section ``path`` names in ``document`` (a Disclosure
    or a Budget) — or ``None`` when neither is known."""
    where = None if place is None else _where(place)
    what = None if document is None else _what(path, document)
    if where is None and what is None:
        return None
    known = [words for words in (where, what) if words is not None]
    return " ".join(zh for zh, _ in known), ", ".join(en for _, en in known)
