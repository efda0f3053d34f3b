"""The generated compact writers write exactly what the two-pass path (unstructure, then
``json.dumps``) writes: same bytes, for every document and every model object."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetacct import Amount, Direction, strategies
from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.io.converter import _get, compact_json, document_types, unstructure, unstructure_document
from budgetacct.io.json import dump, load, loads
from budgetacct.model import (
    ExpenditureItem,
    ExpenditureKind,
    Fund,
    Ledger,
    RevenueItem,
    RevenueSource,
)

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "xiqu-2021"


def _reference(obj: Any) -> str:
    data = unstructure_document(obj) if type(obj) in document_types().values() else unstructure(obj)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _objects(obj: Any) -> list[Any]:
    """``obj`` and every attrs object inside it."""
    found = [obj]
    if attrs.has(type(obj)) and type(obj) not in (FunctionCode, EconomicCode):
        for field in attrs.fields(type(obj)):
            value = getattr(obj, field.name)
            for element in value if isinstance(value, tuple) else (value,):
                if attrs.has(type(element)) and type(element) not in (FunctionCode, EconomicCode):
                    found.extend(_objects(element))
    return found


@given(strategies.ledgers())
@settings(max_examples=80, deadline=None)
def test_ledgers_are_written_as_the_two_pass_path_writes_them(ledger: Ledger) -> None:
    assert compact_json(ledger) == _reference(ledger)
    assert dump(ledger, indent=None) == _reference(ledger) + "\n"


@given(strategies.disclosures())
@settings(max_examples=80, deadline=None)
def test_disclosures_and_every_object_inside_them(disclosure: Any) -> None:
    for obj in _objects(disclosure):
        assert compact_json(obj) == _reference(obj), type(obj).__name__


@given(strategies.ledgers())
@settings(max_examples=30, deadline=None)
def test_compact_documents_load_back_and_write_the_same_text(ledger: Ledger) -> None:
    text = dump(ledger, indent=None)
    assert dump(loads(text), indent=None) == text
    assert json.loads(text) == json.loads(dump(ledger))  # compact and indented say the same


_AWKWARD_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from('"\\\n\t\x00\x1f\u2028😀'),
    min_size=1,
).filter(lambda s: s.strip() != "")


@given(project=_AWKWARD_TEXT)
@settings(max_examples=150, deadline=None)
def test_free_text_is_escaped_as_json_dumps_escapes_it(project: str) -> None:
    item = ExpenditureItem(
        FunctionCode("2010301"), Fund.GENERAL_BUDGET, ExpenditureKind.BASIC, Amount("1.5"), project=project
    )
    assert compact_json(item) == _reference(item)
    assert json.loads(compact_json(item))["project"] == project


@pytest.mark.parametrize("digits", ["0", "0.00", "0E+2", "0.0000001", "5"])
def test_amount_defaults_are_omitted_only_with_the_same_digits(digits: str) -> None:
    ledger = Ledger(year=2021, department="示例", non_fiscal_balance_used=Amount(digits))
    written = compact_json(ledger)
    assert written == _reference(ledger)
    assert ("non_fiscal_balance_used" in written) is (digits != "0")


def test_an_object_with_every_field_at_its_default_is_an_empty_object() -> None:
    ledger = Ledger(year=2021, department="示例")
    assert compact_json(ledger) == '{"type":"Ledger","year":2021,"department":"示例"}'
    assert compact_json(RevenueItem(RevenueSource.OTHER, Amount("1"))) == '{"source":"其他收入","amount":"1"}'


def test_non_model_values_go_through_the_converter() -> None:
    codes = (FunctionCode("201"), FunctionCode("20103"))
    assert compact_json(codes) == '["201","20103"]'
    assert compact_json(FunctionCode("201")) == '"201"'
    assert compact_json(Amount("1.50")) == '"1.50"'


def test_the_bundled_example_round_trips_compactly() -> None:
    ledger = load(EXAMPLE / "ledger.json")
    assert compact_json(ledger) == _reference(ledger)
    disclosure = load(EXAMPLE / "disclosure.json")
    for obj in _objects(disclosure):
        assert compact_json(obj) == _reference(obj)


def test_generated_source_is_kept_for_debugging() -> None:
    writer = _get().writers.writer(ExpenditureItem)
    assert writer.__doc__ is not None and "def write_ExpenditureItem(o):" in writer.__doc__
    assert writer.__code__.co_filename.startswith("<budgetacct generated writer")


def test_document_lines_are_for_documents_only() -> None:
    from budgetacct.errors import InvalidValue
    from budgetacct.io.converter import compact_document_line, document_line_writer

    ledger = Ledger(year=2021, department="示例")
    assert compact_document_line(ledger) == compact_json(ledger) + "\n"
    assert document_line_writer(RevenueItem) is None
    item = RevenueItem(RevenueSource.OTHER, Amount("1"))
    with pytest.raises(InvalidValue, match="Ledger"):
        compact_document_line(item)  # type: ignore[arg-type]
    assert dump(item, indent=None) == compact_json(item) + "\n"


@pytest.mark.parametrize("count", [0, 1, 3])
def test_item_lists_spliced_into_the_document_are_written_in_full(count: int) -> None:
    from budgetacct.model import BudgetLine, FundAmount

    codes = ["2010101", "2010102", "2080501"]
    ledger = Ledger(
        year=2021,
        department="示例",
        revenue=tuple(RevenueItem(RevenueSource.OTHER, Amount(f"{i}.5")) for i in range(count)),
        expenditure=tuple(
            ExpenditureItem(FunctionCode(code), Fund.NON_FISCAL, ExpenditureKind.BASIC, Amount("1.00"))
            for code in codes[:count]
        ),
        opening_balances=tuple(FundAmount(fund, Amount("2")) for fund in list(Fund)[:count]),
        budgets=tuple(BudgetLine(FunctionCode(code), Amount("3")) for code in codes[:count]),
    )
    assert dump(ledger, indent=None) == _reference(ledger) + "\n"
    assert loads(dump(ledger, indent=None)) == ledger
    source = _get().document_lines[Ledger].__doc__
    assert source is not None
    # One join for the whole document; the item lists are spliced into it, not joined first.
    assert source.count("_EMPTY.join(") == 1
    assert "*p3" in source and "_COMMA.join" not in source.split("v3 = o.expenditure")[1].split("v4")[0]


@pytest.mark.parametrize("economic", [None, "30101"])
@pytest.mark.parametrize("project", [None, '项目"甲"'])
def test_each_combination_of_optional_members_has_its_template(
    economic: str | None, project: str | None
) -> None:
    item = ExpenditureItem(
        FunctionCode("2010101"),
        Fund.GOVERNMENT_FUND,
        ExpenditureKind.PROJECT,
        Amount("0.10"),
        economic=EconomicCode(economic) if economic is not None else None,
        project=project,
    )
    ledger = Ledger(year=2021, department="示例", expenditure=(item,))
    assert compact_json(item) == _reference(item)
    assert dump(ledger, indent=None) == _reference(ledger) + "\n"
    source = _get().document_lines[Ledger].__doc__
    assert source is not None
    written = source.split("v3 = o.expenditure")[1].split("v4 = ")[0]
    # Fund and kind in one table lookup; the two optional members give four templates.
    assert "_pairs" in written and written.count('f""",{{') == 4


def test_items_with_many_optional_members_build_the_present_ones() -> None:
    from budgetacct.model import Revenue, RevenueRow

    rows = [
        RevenueRow(FunctionCode("201"), Amount("5")),
        RevenueRow(FunctionCode("20101"), Amount("5"), name="人大事务", fiscal=Amount("4")),
        RevenueRow(FunctionCode("2010101"), Amount("5"), other=Amount("0"), business=Amount("5.00")),
    ]
    table = Revenue(total=Amount("15"), rows=tuple(rows))
    for obj in (*rows, table):
        assert compact_json(obj) == _reference(obj)
    source = _get().writers.writer(Revenue).__doc__
    # Written in place within the table, one piece per optional member present.
    assert source is not None and "for e in v3]" in source and 'f\',"name":' in source


def test_a_line_stating_its_comparison_with_the_budget_is_written_as_the_reference() -> None:
    from budgetacct.model import Expenditure, FunctionLine, StatedChange

    stated = FunctionLine(
        FunctionCode("2010301"),
        Amount("1511.89"),
        budget=Amount("1560.05"),
        versus_budget=StatedChange(Direction.DECREASE),
    )
    table = Expenditure(
        total=Amount("1511.89"), rows=(stated, FunctionLine(FunctionCode("201"), Amount("0")))
    )
    for obj in (stated, table):
        assert compact_json(obj) == _reference(obj)
