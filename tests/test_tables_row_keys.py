"""TableRow.of_key: one constructor for a row whatever kind of key it has."""

from __future__ import annotations

from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.model.tables import DASH, Line, TableRow
from budgetacct.money import Amount


def test_of_key_keys_a_function_code_row() -> None:
    row = TableRow.of_key(FunctionCode("201"), (Amount("1.00"),), name="一般公共服务支出")
    assert row == TableRow(cells=(Amount("1.00"),), function=FunctionCode("201"), name="一般公共服务支出")


def test_of_key_keys_an_economic_code_row() -> None:
    row = TableRow.of_key(EconomicCode("301"), (DASH,))
    assert row == TableRow(cells=(DASH,), economic=EconomicCode("301"))
    assert row.function is None and row.line is None


def test_of_key_keys_a_line_row() -> None:
    row = TableRow.of_key(Line.TOTAL, (None,), name="合计")
    assert row == TableRow(cells=(None,), line=Line.TOTAL, name="合计")
    assert row.key is Line.TOTAL
