"""Classification codes: 支出功能分类 and 支出经济分类, with year-keyed bundled catalogues.

Codes are text (leading digits matter) and know their level and parents without any data; names
and membership need a fiscal year, because the Ministry of Finance re-issues the catalogue every
year.  The bundled catalogues are partial (see ``data/PROVENANCE.md`` and :func:`coverage_note`),
and are read lazily, on first use.

>>> from budgetacct.codes import FunctionCode, EconomicCode, nearest_catalogue
>>> FunctionCode("2210201").name(2021)
'住房公积金'
>>> EconomicCode("30302").basic_expense_part.value
'人员经费'
>>> cat, exact = nearest_catalogue("function", 2023)
>>> (cat.year, exact)
(2021, False)
"""

from __future__ import annotations

from budgetacct.codes.catalogue import (
    KINDS,
    Catalogue,
    CatalogueEntry,
    CatalogueKind,
    CodeLevel,
    available_years,
    catalogue,
    coverage_note,
    nearest_catalogue,
)
from budgetacct.codes.economic import BasicExpensePart, EconomicCode, EconomicSystem, is_valid_economic_code
from budgetacct.codes.function import FunctionCode, is_valid_function_code

__all__ = [
    "KINDS",
    "BasicExpensePart",
    "Catalogue",
    "CatalogueEntry",
    "CatalogueKind",
    "CodeLevel",
    "EconomicCode",
    "EconomicSystem",
    "FunctionCode",
    "available_years",
    "catalogue",
    "coverage_note",
    "is_valid_economic_code",
    "is_valid_function_code",
    "nearest_catalogue",
]
