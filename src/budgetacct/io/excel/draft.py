"""The draft a workbook is read into: figures by key, function rows by section, and the cell readers.

A figure stated in two tables is kept from the first and the disagreement noted; a cell that cannot
be read is a :class:`~budgetacct.errors.Problem` naming it (``公开03表!E6``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Final

from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.errors import InvalidValue, Problem
from budgetacct.model.disclosure import EconomicLine
from budgetacct.money import Amount, Unit

__all__ = ["Draft", "cell_name", "cell_text"]

_CENT: Final = Decimal("0.01")
_PLACEHOLDERS: Final = frozenset({"-", "—", "－", "--", "——", "/", "／"})


class Draft:
    """What the tables of one workbook state, gathered before it becomes a Disclosure."""

    def __init__(self, year: int | None) -> None:
        self.year = year
        self.problems: list[Problem] = []
        self.notes: list[str] = []
        self.values: dict[tuple[str, ...], tuple[Any, str]] = {}
        # function rows by section, keyed by code text: field → (value, where)
        self.rows: dict[str, dict[str, dict[str, tuple[Any, str]]]] = {}
        self.pending_classes: dict[str, list[tuple[str, Amount, str]]] = {}
        self.names: dict[str, str] = {}  # 类 name → code, from the coded tables
        self.economic: list[EconomicLine] = []
        self.unit: Unit = Unit.WAN_YUAN
        self.with_balances: set[str] = set()  # fund sections read from a table with carry-forward columns

    # figures stated once or more

    def put(self, key: tuple[str, ...], value: Any, where: str) -> None:
        if value is None:
            return
        known = self.values.get(key)
        if known is None:
            self.values[key] = (value, where)
        elif known[0] != value:
            self.notes.append(
                f"{where} 为 {value}，与 {known[1]} 的 {known[0]} 不一致，采用后者 | "
                f"{where} states {value}, {known[1]} states {known[0]}; the latter is kept"
            )

    def get(self, *key: str) -> Any:
        found = self.values.get(key)
        return found[0] if found is not None else None

    def has(self, prefix: str) -> bool:
        return any(key[0] == prefix for key in self.values)

    def row(self, section: str, code: str, fields: dict[str, Any], where: str) -> None:
        row = self.rows.setdefault(section, {}).setdefault(code, {})
        for name, value in fields.items():
            if value is None:
                continue
            known = row.get(name)
            if known is None:
                row[name] = (value, where)
            elif known[0] != value:
                self.notes.append(
                    f"{where}（{code} {name}）为 {value}，与 {known[1]} 的 {known[0]} 不一致，采用后者 | "
                    f"{where} ({code} {name}) states {value}, {known[1]} states {known[0]}; the latter is kept"
                )

    def problem(self, where: str, zh: str, en: str, found: object) -> None:
        self.problems.append(Problem(where, zh, en, found))

    # cells

    def amount(self, value: object, where: str) -> Amount | None:
        if value is None:
            return None
        number: Decimal
        try:
            if isinstance(value, bool):
                raise InvalidValue("金额", "an amount", value)
            if isinstance(value, str):
                text = value.strip()
                if not text or text in _PLACEHOLDERS:
                    return None
                number = Amount.parse(text, default_unit=self.unit).value
                return self._checked(number, where, value, scaled=True)
            if isinstance(value, float):
                if not math.isfinite(value):
                    raise InvalidValue("有限的金额", "a finite amount", value)
                number = Decimal(repr(value))
                exponent = number.as_tuple().exponent
                if isinstance(exponent, int) and exponent < -6:  # binary noise (0.30000000000000004)
                    number = number.quantize(Decimal("0.000001"), ROUND_HALF_UP)
            elif isinstance(value, int | Decimal):
                number = Decimal(value)
            else:
                raise InvalidValue("金额", "an amount", value)
            return self._checked(number, where, value, scaled=False)
        except InvalidValue:
            self.problem(where, "金额（数字，如 874.63）", "an amount (a number such as 874.63)", value)
            return None

    def _checked(self, number: Decimal, where: str, found: object, *, scaled: bool) -> Amount | None:
        if not scaled and self.unit is not Unit.WAN_YUAN:
            number = number.scaleb(4 if self.unit is Unit.YI_YUAN else -4)
        if number < 0:
            self.problem(where, "非负金额", "a non-negative amount", found)
            return None
        exponent = number.as_tuple().exponent
        if isinstance(exponent, int) and exponent > -2:  # the tables print 0.01 万元
            number = number.quantize(_CENT)
        try:
            return Amount(number)
        except InvalidValue:
            self.problem(where, "金额（数字，如 874.63）", "an amount (a number such as 874.63)", found)
            return None

    def function_code(self, cells: Sequence[object], where: str) -> FunctionCode | None:
        parts = []
        for index, cell in enumerate(cells):
            if cell is None or (isinstance(cell, str) and not cell.strip()):
                break
            if isinstance(cell, int) and not isinstance(cell, bool):
                parts.append(str(cell) if index == 0 else f"{cell:02d}")
            else:
                parts.append(str(cell).strip())
        text = "".join(parts)
        try:
            return FunctionCode(text)
        except InvalidValue:
            self.problem(
                where,
                "功能分类科目编码（类3位、款2位、项2位）",
                "a function code (类 3, 款 2, 项 2 digits)",
                text,
            )
            return None

    def economic_code(self, cell: object, where: str) -> EconomicCode | None:
        text = str(cell).strip() if cell is not None else ""
        try:
            return EconomicCode(text)
        except InvalidValue:
            self.problem(where, "经济分类科目编码（3或5位）", "an economic code (3 or 5 digits)", cell)
            return None


def cell_text(value: object) -> str:
    """A cell's text with its whitespace collapsed (``""`` for an empty cell)."""
    return "" if value is None else " ".join(str(value).split())


def cell_name(sheet: str, row: int, column: int) -> str:
    """``公开03表!E6``: the sheet's label, the column letter (``column`` counts from 0) and the row."""
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped,unused-ignore]

    return f"{sheet}!{get_column_letter(column + 1)}{row}"
