"""The JSON Schema of the serialized form: derived from the model, accepts what ``dump`` writes."""

from __future__ import annotations

import copy
import json
import sys
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from budgetacct import Disclosure, Ledger, load_example, strategies
from budgetacct.cli import main
from budgetacct.errors import InputError, InvalidValue, MissingDependency
from budgetacct.io import loads
from budgetacct.io.converter import structure_document, unstructure_document
from budgetacct.io.json_schema import DRAFT, json_schema, validate
from budgetacct.model import FunctionLine

jsonschema: Any = pytest.importorskip("jsonschema")


def validator(cls: type[Any]) -> Any:
    return jsonschema.Draft202012Validator(json_schema(cls))


DISCLOSURE = validator(Disclosure)
LEDGER = validator(Ledger)


def seed(kind: str = "disclosure") -> dict[str, Any]:
    return unstructure_document(load_example("xiqu-2021", kind))  # type: ignore[call-overload]


@pytest.mark.parametrize("cls", [Disclosure, Ledger, FunctionLine])
def test_schema_is_a_valid_draft_2020_12_schema(cls: type[Any]) -> None:
    schema = json_schema(cls)
    assert schema["$schema"] == DRAFT
    jsonschema.Draft202012Validator.check_schema(schema)


def _walk(klass: type[Any], classes: dict[str, Any], seen: set[type[Any]]) -> None:
    if klass in seen or klass.__module__.startswith("budgetacct.codes"):
        return
    seen.add(klass)
    entry = classes[klass.__name__]
    names = [f.name for f in attrs.fields(klass)]
    assert [n for n in entry["properties"] if n != "type"] == names
    assert entry["additionalProperties"] is False
    assert set(entry["required"]) - {"type"} == {
        f.name for f in attrs.fields(klass) if f.default is attrs.NOTHING
    }
    for field in attrs.fields(attrs.resolve_types(klass)):
        for inner in _classes_in(field.type):
            _walk(inner, classes, seen)


@pytest.mark.parametrize("cls", [Disclosure, Ledger])
def test_every_class_and_field_is_described(cls: type[Any]) -> None:
    schema = json_schema(cls)
    classes = {cls.__name__: schema, **schema["$defs"]}
    seen: set[type[Any]] = set()
    _walk(cls, classes, seen)
    assert set(classes) == {c.__name__ for c in seen}


def _classes_in(tp: Any) -> list[type[Any]]:
    import typing

    found = []
    for arg in (tp, *typing.get_args(tp)):
        for inner in (arg, *typing.get_args(arg)):
            if isinstance(inner, type) and attrs.has(inner):
                found.append(inner)
    return found


def test_type_tags_codes_and_amounts() -> None:
    schema = json_schema(Ledger)
    assert schema["properties"]["type"] == {"const": "Ledger"}
    item = schema["$defs"]["ExpenditureItem"]["properties"]
    assert item["function"]["pattern"] == r"^[0-9]{3}(?:[0-9]{2}){0,2}$"
    assert item["economic"]["anyOf"][0]["pattern"] == r"^[35][0-9]{2}(?:[0-9]{2})?$"
    assert item["fund"]["enum"] == [
        "一般公共预算财政拨款",
        "政府性基金预算财政拨款",
        "国有资本经营预算财政拨款",
        "非财政拨款",
    ]
    assert item["amount"]["type"] == "string"
    assert schema["$defs"]["Count"]["properties"]["count"] == {
        "type": "integer",
        "minimum": 0,
        "maximum": 10**9,
    }
    assert "type" not in json_schema(FunctionLine)["properties"]


def test_bundled_examples_validate() -> None:
    DISCLOSURE.validate(seed("disclosure"))
    LEDGER.validate(seed("ledger"))
    validate(seed("ledger"), Ledger)
    assert not DISCLOSURE.is_valid(seed("ledger"))


def test_published_ledgers_validate() -> None:
    ledger = load_example("xiqu-2021", "ledger")
    for template in ("sichuan-2021", "all-lines"):
        for places in (2, None):
            DISCLOSURE.validate(unstructure_document(ledger.publish(template=template, places=places)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.ledgers())
def test_generated_ledgers_validate(ledger: Ledger) -> None:
    LEDGER.validate(unstructure_document(ledger))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.disclosures())
def test_generated_disclosures_validate(disclosure: Disclosure) -> None:
    DISCLOSURE.validate(unstructure_document(disclosure))


def _set(document: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    target: Any = changed
    for part in path[:-1]:
        target = target[part]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return changed


_DELETE = object()

INVALID = {
    "a float amount": (("revenue", "total"), 830.63),
    "a negative amount": (("revenue", "total"), "-1"),
    "an amount with a unit": (("revenue", "total"), "830.63万元"),
    "a code of 4 digits": (("general_budget", "classes", 0, "code"), "2010"),
    "a numeric code": (("general_budget", "classes", 0, "code"), 201),
    "an unknown source": (("revenue", "lines", 0, "source"), "财政拨款"),
    "an unknown key": (("overview", "total"), "1"),
    "a missing department": (("department",), _DELETE),
    "a blank department": (("department",), "   "),
    "a year out of range": (("year",), 1900),
    "a string year": (("year",), "2021"),
    "a wrong type tag": (("type",), "Ledger"),
    "a boolean count": (("staffing", "units", 0, "actual"), True),
    "a negative count": (("staffing", "units", 0, "actual"), -1),
    "lines not an array": (("revenue", "lines"), {"source": "其他收入"}),
}


@pytest.mark.parametrize("case", sorted(INVALID))
def test_invalid_documents_are_rejected_by_schema_and_loader(case: str) -> None:
    path, value = INVALID[case]
    document = _set(seed(), path, value)
    assert not DISCLOSURE.is_valid(document)
    with pytest.raises(InputError):
        structure_document(document, expect=Disclosure)


def test_bad_economic_code_in_a_ledger_is_rejected() -> None:
    ledger = seed("ledger")
    index = next(i for i, item in enumerate(ledger["expenditure"]) if "economic" in item)
    assert not LEDGER.is_valid(_set(ledger, ("expenditure", index, "economic"), "40101"))
    assert not LEDGER.is_valid(_set(ledger, ("expenditure", index, "economic"), "3010"))
    assert LEDGER.is_valid(_set(ledger, ("expenditure", index, "economic"), "50101"))


def test_validate_lists_every_problem_with_paths() -> None:
    document = _set(_set(seed(), ("revenue", "total"), 830.63), ("overview", "total"), "1")
    with pytest.raises(InputError) as info:
        validate(document)
    paths = {p.path for p in info.value.problems}
    assert paths == {"$.revenue.total", "$.overview"}


def test_validate_needs_jsonschema(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "jsonschema", None)
    with pytest.raises(MissingDependency, match=r"budgetacct\[schema\]"):
        validate(seed())


def test_defaults_in_the_schema_are_the_serialized_defaults() -> None:
    tp = json_schema(Disclosure)["$defs"]["ThreePublic"]["properties"]
    assert tp["total"]["default"] == {}
    assert tp["foreign_included_in_domestic"]["default"] is False
    # a document made of defaults loads
    assert loads(json.dumps({"type": "Disclosure", "year": 2021, "department": "示例"})) == Disclosure(
        year=2021, department="示例"
    )


def test_cli_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema(Disclosure)
    assert main(["schema", "--type", "Ledger"]) == 0
    assert json.loads(capsys.readouterr().out)["properties"]["type"] == {"const": "Ledger"}
    assert main(["schema", "--type", "Nothing"]) == 2


def test_schema_by_document_name_as_the_cli_takes_it() -> None:
    assert json_schema("Disclosure") == json_schema(Disclosure) == json_schema()
    assert json_schema("Ledger") == json_schema(Ledger)
    with pytest.raises(InvalidValue) as raised:
        json_schema("Nothing")
    message = str(raised.value)
    assert "Disclosure" in message and "Ledger" in message and "文档类型" in message
