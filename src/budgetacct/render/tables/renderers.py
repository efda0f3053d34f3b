"""The renderers of a :class:`~budgetacct.render.tables.model.Table`: text, Markdown, HTML and xlsx.

Amounts in 万元 are written in :data:`~budgetacct.render.zh.TABLE` style (``739.00``,
``1,234.56``); a table printed in 元 or 亿元 keeps the digits it printed (``29,616,800``).  A
printed dash is written ``-``, a blank cell stays empty.  The text renderer aligns columns by
display width (a CJK character counts 2).
"""

from __future__ import annotations

import html as _html
from collections.abc import Iterable, Sequence
from decimal import Decimal
from os import PathLike
from typing import Any, Final

from budgetacct._text import display_width
from budgetacct.errors import MissingDependency
from budgetacct.model.tables import DASH, Mark
from budgetacct.money import Amount
from budgetacct.render.tables.model import Table, Value
from budgetacct.render.zh import TABLE, format_amount

__all__ = ["to_html", "to_markdown", "to_text", "to_xlsx"]


# --- cell text and widths ---------------------------------------------------------------------


def _text(value: Value, unit: str = "万元") -> str:
    if value is None:
        return ""
    if isinstance(value, Amount):
        if unit == "万元":
            return format_amount(value, TABLE)
        number = value.value
        exponent = number.as_tuple().exponent
        if isinstance(exponent, int) and exponent > 0:
            number = number.quantize(Decimal(1))
        return f"{number:,f}"
    if isinstance(value, Mark):
        return str(value.value)
    return str(value)


def _numeric(value: Value) -> bool:
    """Right-aligned: amounts, counts (行次) and dashes."""
    return isinstance(value, Amount | int | Mark)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


# --- renderers --------------------------------------------------------------------------------


def _caption(table: Table) -> list[str]:
    return [
        f"{table.number} {table.title}".strip(),
        f"编制单位：{table.department}    金额单位：{table.unit}",
    ]


def to_text(table: Table) -> str:
    """Plain text with columns aligned by display width (CJK counts 2); amounts right-aligned.

    Every header and body line has the same display width.
    """
    ncols = table.width
    body = [[_text(v, table.unit) for v in row.cells] for row in table.rows]
    widths = [0] * ncols
    for texts in body:
        for i, text in enumerate(texts):
            widths[i] = max(widths[i], display_width(text))
    for header in table.header_rows:  # single cells first, then widen for spans
        col = 0
        for cell in header:
            if cell.colspan == 1:
                widths[col] = max(widths[col], display_width(cell.text))
            col += cell.colspan
    for header in table.header_rows:
        col = 0
        for cell in header:
            if cell.colspan > 1:
                span = sum(widths[col : col + cell.colspan]) + 3 * (cell.colspan - 1)
                need = display_width(cell.text) - span
                if need > 0:
                    widths[col + cell.colspan - 1] += need
            col += cell.colspan

    def line(cells: Sequence[tuple[str, int, bool]]) -> str:
        return "| " + " | ".join(_pad(text, width, right) for text, width, right in cells) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    out = _caption(table)
    out.append(rule)
    for header in table.header_rows:
        cells: list[tuple[str, int, bool]] = []
        col = 0
        for cell in header:
            span = sum(widths[col : col + cell.colspan]) + 3 * (cell.colspan - 1)
            cells.append((cell.text, span, False))
            col += cell.colspan
        out.append(line(cells))
    out.append(rule)
    for row, row_texts in zip(table.rows, body, strict=True):
        out.append(line([(t, widths[i], _numeric(row.cells[i])) for i, t in enumerate(row_texts)]))
    out.append(rule)
    if table.note:
        out.append(table.note)
    return "\n".join(out)


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|")


def to_markdown(table: Table) -> str:
    """A Markdown table; spanned header cells are repeated over the columns they cover."""
    out = [f"**{_md_escape(table.number)} {_md_escape(table.title)}**", ""]
    out.append(f"编制单位：{_md_escape(table.department)}　金额单位：{table.unit}")
    out.append("")
    headers: list[list[str]] = []
    for header in table.header_rows:
        flat: list[str] = []
        for cell in header:
            flat.extend([cell.text] * cell.colspan)
        headers.append(flat)
    # one Markdown header row: the levels joined (预算数 / 合计)
    merged = []
    for i in range(table.width):
        parts: list[str] = []
        for flat in headers:
            if flat[i] and (not parts or parts[-1] != flat[i]):
                parts.append(flat[i])
        merged.append(_md_escape(" / ".join(parts)))
    out.append("| " + " | ".join(merged) + " |")
    aligns = []
    for i in range(table.width):
        numeric = any(_numeric(v) for v in table.column(i))
        aligns.append("---:" if numeric else ":---")
    out.append("| " + " | ".join(aligns) + " |")
    for row in table.rows:
        out.append("| " + " | ".join(_md_escape(_text(v, table.unit)) for v in row.cells) + " |")
    if table.note:
        out.extend(["", *(_md_escape(note) + "  " for note in table.note.splitlines())])
    return "\n".join(out) + "\n"


def to_html(table: Table) -> str:
    """An HTML ``<table>`` with ``<caption>``, spanned header cells and right-aligned amounts."""
    esc = _html.escape
    out = ['<table class="budgetacct-table">']
    out.append(
        f"<caption>{esc(table.number)} {esc(table.title)}<br>"
        f"<small>编制单位：{esc(table.department)}　金额单位：{esc(table.unit)}</small></caption>"
    )
    out.append("<thead>")
    for header in table.header_rows:
        cells = "".join(
            f'<th colspan="{c.colspan}">{esc(c.text)}</th>' if c.colspan > 1 else f"<th>{esc(c.text)}</th>"
            for c in header
        )
        out.append(f"<tr>{cells}</tr>")
    out.append("</thead><tbody>")
    for row in table.rows:
        cells = "".join(
            f'<td style="text-align:right">{esc(_text(v, table.unit))}</td>'
            if _numeric(v)
            else f"<td>{esc(_text(v, table.unit))}</td>"
            for v in row.cells
        )
        out.append(f'<tr class="{row.kind}">{cells}</tr>')
    out.append("</tbody></table>")
    if table.note:
        out.append(f'<p class="budgetacct-note">{esc(table.note)}</p>')
    return "\n".join(out)


_SHEET_FORBIDDEN: Final = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))


def to_xlsx(tables: Table | Iterable[Table], path: str | PathLike[str]) -> None:
    """Write the tables to an .xlsx workbook, one sheet each (needs ``pip install budgetacct[excel]``).

    Amounts are written as numbers (Decimal) with the format ``#,##0.00``; header cells are merged
    over their spans.
    """
    try:
        from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]
        from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        raise MissingDependency("openpyxl", "excel") from None
    items = [tables] if isinstance(tables, Table) else list(tables)
    book: Any = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for index, table in enumerate(items, start=1):
        base = f"{index:02d} {table.title}".translate(_SHEET_FORBIDDEN)[:31]
        name, n = base, 1
        while name in used:
            n += 1
            name = f"{base[:28]}~{n}"
        used.add(name)
        sheet: Any = book.create_sheet(name)
        sheet.cell(row=1, column=1, value=f"{table.number} {table.title}").font = Font(bold=True)
        sheet.cell(row=2, column=1, value=f"编制单位：{table.department}")
        sheet.cell(row=2, column=max(2, table.width), value=f"金额单位：{table.unit}")
        r = 3
        for header in table.header_rows:
            col = 1
            for cell in header:
                target = sheet.cell(row=r, column=col, value=cell.text)
                target.font = Font(bold=True)
                target.alignment = Alignment(horizontal="center")
                if cell.colspan > 1:
                    sheet.merge_cells(
                        start_row=r, start_column=col, end_row=r, end_column=col + cell.colspan - 1
                    )
                col += cell.colspan
            r += 1
        for row in table.rows:
            for col, value in enumerate(row.cells, start=1):
                if isinstance(value, Amount):
                    if table.unit == "万元":
                        target = sheet.cell(row=r, column=col, value=value.rounded(2).value)
                        target.number_format = "#,##0.00"
                    else:  # the digits the table printed
                        target = sheet.cell(row=r, column=col, value=value.value)
                elif value is DASH:
                    sheet.cell(row=r, column=col, value=DASH.value)
                elif value is not None:
                    sheet.cell(row=r, column=col, value=value)
            r += 1
        for offset, note in enumerate(table.note.splitlines() if table.note else (), start=1):
            sheet.cell(row=r + offset, column=1, value=note)
    book.save(path)
