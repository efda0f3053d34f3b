"""Export a Ledger's line items as a Fiscal Data Package (OpenSpending, FDP 0.3).

:func:`to_fiscal_data_package` writes into a directory:

* ``expenditure.csv`` — one row per expenditure item: fiscal year, 功能分类 code with its 类/款
  codes and the catalogue names, fund (资金来源), kind (基本/项目支出 …), 经济分类 code and name,
  project, amount;
* ``revenue.csv`` — one row per revenue item: fiscal year, source, fund, 功能分类 code, amount;
* ``datapackage.json`` — the descriptor: package metadata, one resource per CSV with its Table
  Schema (``primaryKey: id``), and the FDP ``model``: the measures ``amount`` (expenditure) and
  ``revenue`` in ``CNY`` with ``factor: 10000`` (amounts are in 万元), ``phase: executed``, and
  the dimensions functional / economic classification, fund, kind, project, revenue source,
  department (an entity) and fiscal year.

Amounts are written exactly (plain decimal text, never floats or exponents).  Codes are text
columns (a 功能分类 code keeps its digits).  A Disclosure cannot be exported: FDP describes line
items, and a published report has only totals.

>>> import tempfile, json
>>> from budgetacct import load_example
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = to_fiscal_data_package(load_example("xiqu-2021", "ledger"), tmp)
...     descriptor = json.loads(path.read_text(encoding="utf-8"))
>>> descriptor["model"]["measures"]["amount"]["currency"], descriptor["model"]["measures"]["amount"]["factor"]
('CNY', 10000)
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from budgetacct.errors import InvalidValue

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.codes import EconomicCode, FunctionCode
    from budgetacct.model.ledger import Ledger

__all__ = ["EXPENDITURE_FIELDS", "REVENUE_FIELDS", "to_fiscal_data_package"]

#: Columns of ``expenditure.csv``.
EXPENDITURE_FIELDS: Final = (
    "id",
    "fiscal_year",
    "function_code",
    "function_name",
    "function_class_code",
    "function_class_name",
    "function_section_code",
    "function_section_name",
    "fund",
    "kind",
    "economic_code",
    "economic_name",
    "project",
    "amount",
)
#: Columns of ``revenue.csv``.
REVENUE_FIELDS: Final = ("id", "fiscal_year", "source", "fund", "function_code", "function_name", "amount")

_NAME: Final = re.compile(r"^[-a-z0-9._/]+$")
_TITLES: Final = {
    "id": "行号 line",
    "fiscal_year": "年度 fiscal year",
    "function_code": "功能分类科目编码 function code",
    "function_name": "功能分类科目名称 function name",
    "function_class_code": "类 code",
    "function_class_name": "类名称 class name",
    "function_section_code": "款 code",
    "function_section_name": "款名称 section name",
    "fund": "资金来源 fund",
    "kind": "支出类型 kind",
    "economic_code": "经济分类科目编码 economic code",
    "economic_name": "经济分类科目名称 economic name",
    "project": "项目 project",
    "source": "收入来源 revenue source",
    "amount": "金额（万元）amount (10,000 CNY)",
}


def _plain(value: Decimal) -> str:
    """Exact decimal text without an exponent (``1E+1`` → ``10``, ``1E-8`` → ``0.00000001``)."""
    return format(value, "f")


def _function_name(code: FunctionCode | None, year: int) -> str:
    from budgetacct.codes import nearest_catalogue

    if code is None:
        return ""
    entry = nearest_catalogue("function", year)[0].get(code.code)
    return entry.name if entry is not None else ""


def _economic_name(code: EconomicCode | None, year: int) -> str:
    from budgetacct.codes import nearest_catalogue

    if code is None:
        return ""
    entry = nearest_catalogue(code.system.kind, year)[0].get(code.code)
    return entry.name if entry is not None else ""


def _field(name: str) -> dict[str, Any]:
    if name in ("id", "fiscal_year"):
        kind: dict[str, Any] = {"type": "integer"} if name == "id" else {"type": "year"}
    elif name == "amount":
        kind = {"type": "number", "decimalChar": ".", "bareNumber": True}
    else:
        kind = {"type": "string"}
    return {"name": name, "title": _TITLES[name], **kind}


def _resource(name: str, fields: tuple[str, ...], title: str) -> dict[str, Any]:
    return {
        "name": name,
        "title": title,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
        "schema": {"fields": [_field(f) for f in fields], "primaryKey": ["id"]},
    }


def _attribute(source: str, resource: str, **extra: str) -> dict[str, str]:
    return {"source": source, "resource": resource, **extra}


def _model(department: str) -> dict[str, Any]:
    exp, rev = "expenditure", "revenue"
    money = {"currency": "CNY", "factor": 10000, "phase": "executed"}
    return {
        "measures": {
            "amount": {"source": "amount", "resource": exp, "direction": "expenditure", **money},
            "revenue": {"source": "amount", "resource": rev, "direction": "revenue", **money},
        },
        "dimensions": {
            "functional-classification": {
                "dimensionType": "classification",
                "classificationType": "functional",
                "attributes": {
                    "class_code": _attribute("function_class_code", exp),
                    "class_label": _attribute("function_class_name", exp, labelfor="class_code"),
                    "section_code": _attribute("function_section_code", exp, parent="class_code"),
                    "section_label": _attribute("function_section_name", exp, labelfor="section_code"),
                    "code": _attribute("function_code", exp, parent="section_code"),
                    "label": _attribute("function_name", exp, labelfor="code"),
                },
                "primaryKey": ["code"],
            },
            "economic-classification": {
                "dimensionType": "classification",
                "classificationType": "economic",
                "attributes": {
                    "code": _attribute("economic_code", exp),
                    "label": _attribute("economic_name", exp, labelfor="code"),
                },
                "primaryKey": ["code"],
            },
            "fund": {
                "dimensionType": "classification",
                "attributes": {"fund": _attribute("fund", exp)},
                "primaryKey": ["fund"],
            },
            "kind": {
                "dimensionType": "classification",
                "attributes": {"kind": _attribute("kind", exp)},
                "primaryKey": ["kind"],
            },
            "project": {
                "dimensionType": "activity",
                "attributes": {"project": _attribute("project", exp)},
                "primaryKey": ["project"],
            },
            "revenue-source": {
                "dimensionType": "classification",
                "attributes": {
                    "source": _attribute("source", rev),
                    "fund": _attribute("fund", rev),
                    "function_code": _attribute("function_code", rev),
                },
                "primaryKey": ["source"],
            },
            "department": {
                "dimensionType": "entity",
                "attributes": {"name": {"constant": department}},
                "primaryKey": ["name"],
            },
            "fiscal-year": {
                "dimensionType": "datetime",
                "attributes": {"year": _attribute("fiscal_year", exp)},
                "primaryKey": ["year"],
            },
        },
    }


def _write_csv(path: Path, fields: tuple[str, ...], rows: Sequence[tuple[object, ...]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(fields)
        writer.writerows(rows)


def to_fiscal_data_package(
    ledger: Ledger, directory: str | os.PathLike[str], *, name: str | None = None
) -> Path:
    """Write ``datapackage.json``, ``expenditure.csv`` and ``revenue.csv`` into ``directory``.

    ``name`` is the package's slug (lower-case ASCII letters, digits, ``-._/``; default
    ``final-accounts-YEAR``).  Returns the path of ``datapackage.json``.
    """
    from budgetacct.model.ledger import Ledger

    if not isinstance(ledger, Ledger):
        raise InvalidValue(
            "账（Ledger）：财政数据包需要明细支出项，公开的决算（Disclosure）只有合计数",
            "a Ledger: a Fiscal Data Package needs line items, a published Disclosure has only totals",
            type(ledger).__name__,
        )
    year = ledger.year
    slug = name if name is not None else f"final-accounts-{year}"
    if not isinstance(slug, str) or not _NAME.fullmatch(slug):
        raise InvalidValue(
            "由小写字母、数字和 -._/ 组成的名称",
            "a name of lower-case letters, digits and -._/",
            slug,
            path="$.name",
        )
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)

    expenditure = []
    for index, item in enumerate(ledger.expenditure, start=1):
        code = item.function
        ancestors = code.ancestors
        class_code = ancestors[0] if ancestors else code
        section_code = ancestors[1] if len(ancestors) > 1 else (code if len(code.code) == 5 else None)
        expenditure.append(
            (
                index,
                year,
                code.code,
                _function_name(code, year),
                class_code.code,
                _function_name(class_code, year),
                section_code.code if section_code is not None else "",
                _function_name(section_code, year),
                item.fund.value,
                item.kind.value,
                item.economic.code if item.economic is not None else "",
                _economic_name(item.economic, year),
                item.project or "",
                _plain(item.amount.value),
            )
        )
    revenue = [
        (
            index,
            year,
            item.source.value,
            item.source.fund.value,
            item.function.code if item.function is not None else "",
            _function_name(item.function, year),
            _plain(item.amount.value),
        )
        for index, item in enumerate(ledger.revenue, start=1)
    ]
    _write_csv(target / "expenditure.csv", EXPENDITURE_FIELDS, expenditure)
    _write_csv(target / "revenue.csv", REVENUE_FIELDS, revenue)

    descriptor = {
        "name": slug,
        "title": f"{ledger.department} {year}年度部门决算",
        "description": (
            f"{ledger.department}{year}年度部门决算的收入、支出明细（金额单位：万元）。"
            "Line items of a department's final accounts (amounts in 10,000 CNY), exported by budgetacct."
        ),
        "profile": "tabular-data-package",
        "profiles": {"fiscal": "*", "tabular": "*"},
        "countryCode": "cn",
        "granularity": "aggregated",
        "fiscalPeriod": {"start": f"{year}-01-01", "end": f"{year}-12-31"},
        "resources": [
            _resource("expenditure", EXPENDITURE_FIELDS, "支出明细 expenditure line items"),
            _resource("revenue", REVENUE_FIELDS, "收入明细 revenue line items"),
        ],
        "model": _model(ledger.department),
    }
    path = target / "datapackage.json"
    path.write_text(
        json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8", newline="\n"
    )
    return path
