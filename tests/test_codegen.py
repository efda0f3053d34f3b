"""The helpers every code generator shares (``budgetacct._codegen``)."""

from __future__ import annotations

import inspect
import linecache
from decimal import Decimal

import attrs
import pytest

from budgetacct._codegen import define, slot_setter
from budgetacct.codes import FunctionCode
from budgetacct.model.enums import ExpenditureKind, Fund
from budgetacct.model.ledger import ExpenditureItem
from budgetacct.money import Amount


@attrs.frozen
class _Base:
    first: int


@attrs.frozen
class _Child(_Base):
    second: str


def test_define_compiles_registers_and_documents_the_source() -> None:
    source = "def twice(x):\n    return x * factor\n"
    function = define(source, "twice", {"factor": 2}, "test twice")
    assert function(21) == 42
    assert function.__doc__ == source
    filename = function.__code__.co_filename
    assert filename.startswith("<budgetacct test twice #")
    assert linecache.getlines(filename) == source.splitlines(True)
    assert inspect.getsource(function) == source


def test_define_names_each_function_apart() -> None:
    one = define("def f():\n    return 1\n", "f", {}, "same")
    two = define("def f():\n    return 2\n", "f", {}, "same")
    assert one.__code__.co_filename != two.__code__.co_filename
    assert (one(), two()) == (1, 2)


def test_slot_setter_fills_a_new_frozen_instance() -> None:
    amount = object.__new__(Amount)
    slot_setter(Amount, "value")(amount, Decimal("2.50"))
    assert amount == Amount("2.50")
    assert str(amount) == "2.50"
    built = ExpenditureItem(
        FunctionCode("2010101"), Fund.GENERAL_BUDGET, ExpenditureKind.BASIC, Amount("1"), project="项目"
    )
    item = object.__new__(ExpenditureItem)
    for field in attrs.fields(ExpenditureItem):
        slot_setter(ExpenditureItem, field.name)(item, getattr(built, field.name))
    assert item == built
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        item.project = "other"  # type: ignore[misc]


def test_slot_setter_finds_slots_of_base_classes() -> None:
    child = object.__new__(_Child)
    slot_setter(_Child, "first")(child, 5)
    slot_setter(_Child, "second")(child, "b")
    assert child == _Child(5, "b")


@pytest.mark.parametrize(
    ("cls", "name"),
    [(Amount, "rounded"), (Amount, "missing"), (_Child, "__init__"), (_Child, "third")],
)
def test_slot_setter_refuses_what_is_not_a_slot(cls: type, name: str) -> None:
    with pytest.raises(TypeError, match="is not a slot"):
        slot_setter(cls, name)
