"""pandas DataFrames of tables, audit reports and ledgers (``pip install budgetacct[pandas]``).

:func:`to_frame` keeps the data exact: amounts are :class:`~decimal.Decimal` values in an
``object`` column (never floats), codes stay text (``"2010301"``, ``"03"``) in ``string``
columns, and a missing figure is ``None`` / ``<NA>``.

* a :class:`~budgetacct.render.tables.Table`: one column per table column (spanned headers
  joined: ``"科目编码 / 类"``, ``"本年支出 / 小计"``), one row per body row; ``frame.attrs`` holds the
  number, title, department, unit, year, note and the kind of each row;
* a :class:`~budgetacct.model.tables.StandardTable` (a table as published): one row per table row
  (both panels of a 总表, ``side`` saying which), its ``key`` (the code, or the line's wording),
  ``key_kind`` (``function`` / ``economic`` / ``line``) and ``name``, then one column per table
  column, named by :attr:`~budgetacct.model.tables.Column.label` (``基本支出``,
  ``预算数·公务接待费``); cells are Decimal in 万元, ``None`` for a blank cell and ``"-"`` for a
  printed dash; ``frame.attrs`` holds the kind, number, title, the unit printed and the notes;
* an :class:`~budgetacct.auditing.finding.AuditReport`: one row per finding (rule, severity —
  an ordered category error < warning < note —, path, expected, actual, difference, tolerance,
  message_zh, message_en); ``difference`` and ``tolerance`` are Decimal (``None`` where a finding
  has none), ``expected`` and ``actual`` stay text (they may be words such as ``"≥90%"``);
* a :class:`~budgetacct.model.disclosure.Disclosure`: one row per figure it states (path — as in
  findings, ``$.revenue.lines[0].amount`` —, kind ``amount`` / ``percent`` / ``count`` /
  ``number``, value as Decimal); ``frame.attrs`` holds the year and department;
* a :class:`~budgetacct.model.ledger.Ledger`: one row per expenditure item (function, fund, kind,
  economic, amount, project), or with ``part="revenue"`` one row per revenue item (source, fund,
  function, amount).

>>> from budgetacct import load_example
>>> table = load_example("xiqu-2021", "ledger").publish(tables="mof-9").tables[4]
>>> frame = to_frame(table)
>>> list(frame.columns)
['side', 'key', 'key_kind', 'name', '合计', '基本支出', '项目支出']
>>> frame.loc[1, "key"], frame.loc[1, "name"], frame.loc[1, "基本支出"]
('201', '一般公共服务支出', Decimal('570.00'))
>>> frame = to_frame(load_example("xiqu-2021", "ledger"))
>>> list(frame.columns)
['function', 'fund', 'kind', 'economic', 'amount', 'project']
>>> frame.loc[0, "function"], frame.loc[0, "amount"]
('2010301', Decimal('349.32'))
"""

from __future__ import annotations

import importlib
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Final, Literal

from budgetacct.errors import InvalidValue, MissingDependency

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.auditing.finding import AuditReport
    from budgetacct.model.disclosure import Disclosure
    from budgetacct.model.ledger import Ledger
    from budgetacct.model.tables import StandardTable
    from budgetacct.render.tables import Table

__all__ = ["AUDIT_COLUMNS", "EXPENDITURE_COLUMNS", "FIGURE_COLUMNS", "REVENUE_COLUMNS", "to_frame"]

#: The columns of an audit report's frame.
AUDIT_COLUMNS: Final = (
    "rule",
    "severity",
    "path",
    "expected",
    "actual",
    "difference",
    "tolerance",
    "message_zh",
    "message_en",
)
#: The columns of a ledger's expenditure frame.
EXPENDITURE_COLUMNS: Final = ("function", "fund", "kind", "economic", "amount", "project")
#: The columns of a ledger's revenue frame.
REVENUE_COLUMNS: Final = ("source", "fund", "function", "amount")
#: The columns of a disclosure's figures frame.
FIGURE_COLUMNS: Final = ("path", "kind", "value")

_STRING: Final = "string"


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError:
        raise MissingDependency("pandas", "pandas") from None


def _frame(pd: Any, columns: dict[str, tuple[list[Any], Any]]) -> Any:
    return pd.DataFrame({name: pd.Series(values, dtype=dtype) for name, (values, dtype) in columns.items()})


def _column_names(table: Table) -> list[str]:
    """One name per column: the header levels over it, joined with `` / ``, made unique."""
    width = table.width
    levels: list[list[str]] = []
    for header in table.header_rows:
        flat: list[str] = []
        for cell in header:
            flat.extend([cell.text] * cell.colspan)
        levels.append((flat + [""] * width)[:width])
    names: list[str] = []
    seen: dict[str, int] = {}
    for i in range(width):
        parts: list[str] = []
        for flat in levels:
            text = flat[i].strip()
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        name = " / ".join(parts) or f"列{i + 1}"
        count = seen.get(name, 0) + 1
        seen[name] = count
        names.append(name if count == 1 else f"{name} ({count})")
    return names


def _table_frame(pd: Any, table: Table) -> Any:
    from budgetacct.money import Amount

    names = _column_names(table)
    columns: dict[str, tuple[list[Any], Any]] = {name: ([], object) for name in names}
    for row in table.rows:
        for name, value in zip(names, row.cells, strict=True):
            columns[name][0].append(value.value if isinstance(value, Amount) else value)
    frame = _frame(pd, columns)
    frame.attrs.update(
        {
            "number": table.number,
            "title": table.title,
            "department": table.department,
            "unit": table.unit,
            "year": table.year,
            "note": table.note,
            "row_kinds": [row.kind for row in table.rows],
        }
    )
    return frame


def _standard_frame(pd: Any, table: StandardTable) -> Any:
    from budgetacct.model.tables import DASH, Line
    from budgetacct.money import Amount

    labels: list[str] = []
    for panel in table.panels:
        labels.extend(column.label for column in panel.columns if column.label not in labels)
    columns: dict[str, tuple[list[Any], Any]] = {
        "side": ([], _STRING),
        "key": ([], _STRING),
        "key_kind": ([], _STRING),
        "name": ([], _STRING),
    }
    columns.update({label: ([], object) for label in labels})
    for panel in table.panels:
        for row in panel.rows:
            columns["side"][0].append(panel.side.value)
            columns["key"][0].append(row.label)
            kind = (
                "function" if row.function is not None else "economic" if row.economic is not None else "line"
            )
            columns["key_kind"][0].append(kind)
            columns["name"][0].append(row.name or (row.line.value if isinstance(row.line, Line) else None))
            cells = {column.label: cell for column, cell in zip(panel.columns, row.cells, strict=True)}
            for label in labels:
                cell = cells.get(label)
                columns[label][0].append(
                    "-" if cell is DASH else cell.value if isinstance(cell, Amount) else None
                )
    frame = _frame(pd, columns)
    frame.attrs.update(
        {
            "kind": table.kind.value,
            "number": table.number,
            "title": table.title,
            "unit": "万元",
            "printed_unit": table.unit.value,
            "notes": list(table.notes),
        }
    )
    return frame


def _decimal(text: str | None) -> Decimal | None:
    """A finding's figure as a Decimal; ``None`` when it has none or states it in words."""
    if text is None:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _audit_frame(pd: Any, report: AuditReport) -> Any:
    from budgetacct.model.enums import Severity

    findings = report.findings
    severities = pd.CategoricalDtype([s.value for s in sorted(Severity, key=lambda s: s.rank)], ordered=True)
    return _frame(
        pd,
        {
            "rule": ([f.rule for f in findings], _STRING),
            "severity": ([f.severity.value for f in findings], severities),
            "path": ([f.path for f in findings], _STRING),
            "expected": ([f.expected for f in findings], _STRING),
            "actual": ([f.actual for f in findings], _STRING),
            "difference": ([_decimal(f.difference) for f in findings], object),
            "tolerance": ([_decimal(f.tolerance) for f in findings], object),
            "message_zh": ([f.message.zh for f in findings], _STRING),
            "message_en": ([f.message.en for f in findings], _STRING),
        },
    )


def _figures(node: Any, path: str, found: list[tuple[str, str, Decimal]]) -> None:
    """Every figure inside ``node`` (an attrs object, a tuple or a leaf), depth first in field order."""
    import attrs

    from budgetacct.money import Amount, Percent

    if isinstance(node, Amount):
        found.append((path, "amount", node.value))
    elif isinstance(node, Percent):
        found.append((path, "percent", node.value))
    elif isinstance(node, Decimal):
        found.append((path, "number", node))
    elif isinstance(node, int) and not isinstance(node, bool):
        found.append((path, "count", Decimal(node)))
    elif isinstance(node, tuple):
        for index, item in enumerate(node):
            _figures(item, f"{path}[{index}]", found)
    elif attrs.has(type(node)):
        for field in attrs.fields(type(node)):
            _figures(getattr(node, field.name), f"{path}.{field.name}", found)


def _disclosure_frame(pd: Any, disclosure: Disclosure) -> Any:
    import attrs

    found: list[tuple[str, str, Decimal]] = []
    for field in attrs.fields(type(disclosure)):
        # The year and the department describe the document; they are not figures it states.
        if field.name not in ("year", "department"):
            _figures(getattr(disclosure, field.name), f"$.{field.name}", found)
    frame = _frame(
        pd,
        {
            "path": ([p for p, _, _ in found], _STRING),
            "kind": ([k for _, k, _ in found], _STRING),
            "value": ([v for _, _, v in found], object),
        },
    )
    frame.attrs.update({"year": disclosure.year, "department": disclosure.department})
    return frame


def _ledger_frame(pd: Any, ledger: Ledger, part: str) -> Any:
    if part == "expenditure":
        items = ledger.expenditure
        return _frame(
            pd,
            {
                "function": ([i.function.code for i in items], _STRING),
                "fund": ([i.fund.value for i in items], _STRING),
                "kind": ([i.kind.value for i in items], _STRING),
                "economic": ([i.economic.code if i.economic is not None else None for i in items], _STRING),
                "amount": ([i.amount.value for i in items], object),
                "project": ([i.project for i in items], _STRING),
            },
        )
    revenue = ledger.revenue
    return _frame(
        pd,
        {
            "source": ([i.source.value for i in revenue], _STRING),
            "fund": ([i.source.fund.value for i in revenue], _STRING),
            "function": ([i.function.code if i.function is not None else None for i in revenue], _STRING),
            "amount": ([i.amount.value for i in revenue], object),
        },
    )


def to_frame(
    obj: Table | StandardTable | AuditReport | Ledger | Disclosure,
    *,
    part: Literal["expenditure", "revenue"] = "expenditure",
) -> Any:
    """A :class:`pandas.DataFrame` of a Table, a StandardTable, an AuditReport, a Ledger or a Disclosure.

    See the module docs for the columns of each.

    ``part`` chooses the line items of a Ledger (``"expenditure"`` or ``"revenue"``).
    """
    from budgetacct.auditing.finding import AuditReport
    from budgetacct.model.disclosure import Disclosure
    from budgetacct.model.ledger import Ledger
    from budgetacct.model.tables import StandardTable
    from budgetacct.render.tables import Table

    if part not in ("expenditure", "revenue"):
        raise InvalidValue("expenditure 或 revenue", "'expenditure' or 'revenue'", part, path="$.part")
    if isinstance(obj, Table):
        return _table_frame(_pandas(), obj)
    if isinstance(obj, StandardTable):
        return _standard_frame(_pandas(), obj)
    if isinstance(obj, AuditReport):
        return _audit_frame(_pandas(), obj)
    if isinstance(obj, Ledger):
        return _ledger_frame(_pandas(), obj, part)
    if isinstance(obj, Disclosure):
        return _disclosure_frame(_pandas(), obj)
    raise InvalidValue(
        "表（Table、StandardTable）、审核报告（AuditReport）、账（Ledger）或决算公开数据（Disclosure）",
        "a Table, a StandardTable, an AuditReport, a Ledger or a Disclosure",
        obj,
    )
