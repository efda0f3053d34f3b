"""The generated structuring functions (the fast path) against the checking walk.

``structure()`` trusts the fast path whenever it does not raise, so the fast path must never
accept what the walk (with the model's validators) refuses, and when both accept they must build
the same objects, down to the decimal digits (compared through ``dump``).  The fast path refusing
what the walk accepts would only cost time, but for JSON input it does not happen either, and the
properties below check both directions.
"""

from __future__ import annotations

import importlib
import inspect
import linecache
import traceback
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, currently_in_test_context, given, note, settings
from hypothesis import strategies as st

from budgetacct import Amount, Direction
from budgetacct import strategies as bst
from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.errors import InputError, Problem
from budgetacct.io import converter
from budgetacct.io._structure_gen import LeafTables, Unsupported, make_structure_fn, plain_decimal
from budgetacct.io._types import optional_inner, tuple_element
from budgetacct.io.converter import structure, unstructure
from budgetacct.io.json import JsonLiteral, dump
from budgetacct.model import (
    Assets,
    BasicExpenditure,
    BudgetedFigure,
    BudgetLine,
    Count,
    Disclosure,
    EconomicLine,
    Expenditure,
    ExpenditureItem,
    ExpenditureKind,
    Fiscal,
    FunctionLine,
    Fund,
    FundAmount,
    FundFlow,
    FundingSplit,
    FundSpending,
    GeneralBudget,
    Indicator,
    KindLine,
    Ledger,
    OperatingCosts,
    Overview,
    Performance,
    PriorYear,
    Procurement,
    ProcurementAccount,
    ProjectEvaluation,
    Revenue,
    RevenueItem,
    RevenueRow,
    RevenueSource,
    Severity,
    SourceLine,
    Staffing,
    StatedChange,
    ThreePublic,
    ThreePublicAccount,
    UnitStaffing,
)
from budgetacct.model.indicators import DateBound, Operator, Qualitative, Quantity

# The strategies build whole ledgers; on a shared, busy machine that can trip the "too slow"
# health check without anything being wrong.
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

GENERATED_PREFIX = "<budgetacct generated structure "


def _fast(data: Any, cls: type[Any]) -> Any:
    return converter._get().fast.structure(data, cls)


def _walk(data: Any, cls: type[Any]) -> tuple[Any, list[Problem]]:
    problems: list[Problem] = []
    result = converter._get().walk.checker(cls)(data, None, problems)
    return result, problems


def _is_generated(hook: Callable[..., Any]) -> bool:
    code = getattr(hook, "__code__", None)
    return code is not None and code.co_filename.startswith(GENERATED_PREFIX)


_REFUSED = object()


def _note(text: str) -> None:
    # Shown with a falsifying example; the direct examples below call the same checks.
    if currently_in_test_context():
        note(text)


def _assert_agree(data: Any, cls: type[Any]) -> Any:
    """Fast path and walk agree on ``data``; the built object (or ``_REFUSED``) is returned."""
    try:
        fast = _fast(data, cls)
    except Exception as exc:  # any exception is the fast path's "ask the walk"
        fast = _REFUSED
        _note(f"fast path refused: {exc!r}")
    walked, problems = _walk(data, cls)
    _note(f"walk problems: {[p.en for p in problems]}")
    # The walk's own bookkeeping: a problem anywhere fails the whole value, and only then.
    assert (walked is converter._FAIL) == bool(problems)
    if fast is _REFUSED:
        assert problems, "the fast path refused what the walk accepts"
        with pytest.raises(InputError):
            structure(data, cls)
        return _REFUSED
    assert not problems, "the fast path accepted what the walk refuses"
    assert type(fast) is type(walked) is cls
    assert fast == walked
    # Equality of amounts is numeric; the dump compares the exact digits (and IndicatorValue.text,
    # which is outside equality).
    assert dump(fast) == dump(walked)
    assert dump(structure(data, cls)) == dump(fast)
    return fast


# --------------------------------------------------------------------------------------------
# Sources of valid objects

# Every model class with a registered strategy, the kw_only indicator values included.
PARTS: tuple[type[Any], ...] = (
    RevenueItem,
    ExpenditureItem,
    FundAmount,
    BudgetLine,
    ThreePublicAccount,
    ProcurementAccount,
    PriorYear,
    StatedChange,
    SourceLine,
    KindLine,
    FunctionLine,
    RevenueRow,
    EconomicLine,
    FundFlow,
    BudgetedFigure,
    Count,
    UnitStaffing,
    Staffing,
    Assets,
    Overview,
    Revenue,
    Expenditure,
    Fiscal,
    GeneralBudget,
    BasicExpenditure,
    ThreePublic,
    FundSpending,
    OperatingCosts,
    Procurement,
    FundingSplit,
    Indicator,
    ProjectEvaluation,
    Performance,
    Quantity,
    DateBound,
    Qualitative,
)

documents: st.SearchStrategy[Any] = st.one_of(
    bst.ledgers(),
    bst.disclosures(),
    # Valid as objects (only an audit rule is broken): other digits, other optional fields.
    bst.broken_disclosures().map(lambda pair: pair[0]),
)
parts: st.SearchStrategy[Any] = st.sampled_from(PARTS).flatmap(st.from_type)
anything: st.SearchStrategy[Any] = st.one_of(documents, parts)


@SETTINGS
@given(documents)
def test_valid_documents_agree_and_round_trip(obj: Ledger | Disclosure) -> None:
    body = unstructure(obj)
    fast = _assert_agree(body, type(obj))
    assert fast is not _REFUSED
    assert dump(fast) == dump(obj)


@SETTINGS
@given(parts)
def test_valid_parts_agree_and_round_trip(obj: Any) -> None:
    fast = _assert_agree(unstructure(obj), type(obj))
    assert fast is not _REFUSED
    assert dump(fast) == dump(obj)


# --------------------------------------------------------------------------------------------
# Perturbed JSON

JsonPath = tuple[str | int, ...]


def json_paths(tree: Any, prefix: JsonPath = ()) -> list[JsonPath]:
    """Every place in a JSON tree, the root ``()`` first, parents before their children."""
    found = [prefix]
    if isinstance(tree, dict):
        for key, value in tree.items():
            found.extend(json_paths(value, (*prefix, key)))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            found.extend(json_paths(value, (*prefix, index)))
    return found


def at(tree: Any, path: JsonPath) -> Any:
    for part in path:
        tree = tree[part]
    return tree


_GONE = object()


def edit(tree: Any, path: JsonPath, change: Callable[[Any], Any]) -> Any:
    """A copy of ``tree`` with the value at ``path`` replaced by ``change(value)`` (``_GONE``
    removes it); only the containers along the path are copied, the input is left as it was."""
    if not path:
        return change(tree)
    head, rest = path[0], path[1:]
    copy: Any = dict(tree) if isinstance(tree, dict) else list(tree)
    new = edit(tree[head], rest, change)
    if new is _GONE:
        del copy[head]
    else:
        copy[head] = new
    return copy


_ENUM_VALUES = tuple(
    member.value
    for cls in (RevenueSource, Fund, ExpenditureKind, Severity, Direction, Operator)
    for member in cls
)
_ODD_STRINGS = (
    "1e5",
    " 1",
    "1 ",
    "NaN",
    "Infinity",
    "-0.01",
    "-0",
    "+1",
    "１２",
    "²",
    "",
    " ",
    "1_000",
    "1,000",
    ".5",
    "5.",
    "1234567890123",
    "0.1234567890123",
    "2010",  # a 4-digit code
    "0201",
    "401",
    "未知的类别",  # no enum has it
)
_PLAUSIBLE_STRINGS = (
    "0",
    "0.00",
    "0.130",
    "739.00",
    "999999999999.99",
    "201",
    "20103",
    "2010301",
    "30217",
    "%",
)
_LITERALS = tuple(JsonLiteral(text) for text in ("0.5", "739.00", "1e3", "NaN", "-Infinity"))

json_values: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(_LITERALS),  # what the JSON reader makes of non-integer numbers
    st.sampled_from((0, 1, -1, 2021, 10**9 + 1, 10**13)),
    st.integers(),
    st.booleans(),
    st.none(),
    st.builds(list),
    st.builds(dict),
    st.lists(st.sampled_from(_ODD_STRINGS + _PLAUSIBLE_STRINGS), min_size=1, max_size=2),
    st.dictionaries(
        st.sampled_from(("amount", "code", "x")), st.sampled_from(_PLAUSIBLE_STRINGS), max_size=2
    ),
    st.sampled_from(_ODD_STRINGS + _PLAUSIBLE_STRINGS + _ENUM_VALUES),
    st.text(max_size=4),
)


@st.composite
def perturbed(draw: st.DrawFn) -> tuple[Any, type[Any]]:
    """The JSON of a valid object with one change at a random place, and the object's class."""
    obj = draw(anything)
    body = unstructure(obj)
    places = json_paths(body)
    action = draw(st.sampled_from(("replace", "move", "delete", "add")))
    if action == "add":
        path = draw(st.sampled_from([p for p in places if isinstance(at(body, p), dict)]))
        # Known names of other classes (and the document tag) as well as plain unknown keys.
        keys = sorted({str(p[-1]) for p in places if p and isinstance(p[-1], str)} | {"unknown", "type"})
        key = draw(st.sampled_from(keys))
        value = draw(json_values)
        note(f"add {key!r}={value!r} at {path}")
        return edit(body, path, lambda node: {**node, key: value}), type(obj)
    if action == "delete" and len(places) > 1:
        path = draw(st.sampled_from(places[1:]))
        note(f"delete {path}")
        return edit(body, path, lambda _: _GONE), type(obj)
    path = draw(st.sampled_from(places))
    # "move" puts a value taken from elsewhere in the same document: right JSON type, wrong place.
    value = draw(st.sampled_from([at(body, p) for p in places]) if action == "move" else json_values)
    note(f"replace at {path} by {value!r}")
    return edit(body, path, lambda _: value), type(obj)


# More examples than the others: each one probes a single place out of hundreds in a document.
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(perturbed())
def test_perturbed_json_fast_path_accepts_exactly_what_the_walk_accepts(case: tuple[Any, type[Any]]) -> None:
    data, cls = case
    _assert_agree(data, cls)


@SETTINGS
@given(anything)
def test_absent_defaulted_keys_take_the_class_defaults(obj: Any) -> None:
    cls = type(obj)
    required = [field for field in attrs.fields(cls) if field.default is attrs.NOTHING]
    data = {field.name: unstructure(getattr(obj, field.name)) for field in required}
    built = _assert_agree(data, cls)
    try:
        expected = cls(**{field.alias: getattr(obj, field.name) for field in required})
    except Exception:
        # e.g. a Quantity's style that only its dropped operator made consistent
        assert built is _REFUSED
        return
    assert built is not _REFUSED
    assert built == expected
    assert dump(built) == dump(expected)


# --------------------------------------------------------------------------------------------
# Which classes get a generated function


def reachable(*roots: type[Any]) -> list[type[Any]]:
    """The attrs classes a document's JSON may hold (codes are leaves, not objects)."""
    found: dict[type[Any], None] = {}

    def visit(tp: Any) -> None:
        inner = optional_inner(tp)
        element = tuple_element(tp)
        if inner is not None:
            visit(inner)
        elif element is not None:
            visit(element)
        elif attrs.has(tp) and tp not in (FunctionCode, EconomicCode) and tp not in found:
            found[tp] = None
            attrs.resolve_types(tp)
            for field in attrs.fields(tp):
                visit(field.type)

    for root in roots:
        visit(root)
    return list(found)


_MODULES = (
    "budgetacct.model.ledger",
    "budgetacct.model.disclosure",
    "budgetacct.model.performance",
    "budgetacct.model.indicators",
    "budgetacct.model.scoring",
    "budgetacct.codes.catalogue",
    "budgetacct.auditing.finding",
)

#: Found by inspection: ``Catalogue`` computes its indexes in ``__attrs_post_init__`` into
#: ``init=False`` fields, which the generator leaves to cattrs.  Nothing a document holds falls back.
FALLBACKS = frozenset({"budgetacct.codes.catalogue.Catalogue"})
DOCUMENT_FALLBACKS: frozenset[str] = frozenset()


def _name(cls: type[Any]) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def test_every_class_a_document_holds_has_a_generated_function() -> None:
    classes = reachable(Ledger, Disclosure)
    # The inspection is not vacuous: it reaches the leaves of both documents.
    assert {Ledger, Disclosure, ExpenditureItem, FunctionLine, Indicator, Count, BudgetedFigure} <= set(
        classes
    )
    assert len(classes) >= 35
    fallbacks = {
        _name(cls) for cls in classes if not _is_generated(converter._get().fast.get_structure_hook(cls))
    }
    assert fallbacks == DOCUMENT_FALLBACKS


def test_only_the_pinned_classes_fall_back_to_cattrs() -> None:
    conv = converter._get().fast
    classes = [
        cls
        for module in map(importlib.import_module, _MODULES)
        for cls in vars(module).values()
        if inspect.isclass(cls)
        and attrs.has(cls)
        and cls.__module__ == module.__name__
        and cls not in (FunctionCode, EconomicCode)
    ]
    fallbacks = {_name(cls) for cls in classes if not _is_generated(conv.get_structure_hook(cls))}
    assert fallbacks == FALLBACKS
    # ... and only because the generator says so, not because of some other error.
    tables = LeafTables({}, {})
    for cls in classes:
        if _name(cls) in FALLBACKS:
            with pytest.raises(Unsupported):
                make_structure_fn(cls, conv.get_structure_hook, tables)


# --------------------------------------------------------------------------------------------
# Defaults, kw_only classes, exact leaf types


def test_absent_fields_are_the_class_defaults_themselves() -> None:
    ledger = _fast({"year": 2021, "department": "示例部门"}, Ledger)
    assert ledger == Ledger(2021, "示例部门")
    for field in attrs.fields(Ledger)[2:]:
        # The very default object, as attrs' own __init__ would store it.
        assert getattr(ledger, field.name) is field.default, field.name


def test_factory_defaults_are_called_for_each_object() -> None:
    first = _fast({"name": "信息化建设"}, ProjectEvaluation)
    second = _fast({"name": "信息化建设"}, ProjectEvaluation)
    assert first == ProjectEvaluation("信息化建设")
    assert first.budget == first.executed == FundingSplit()
    # A fresh object per call, as attrs.Factory promises, not one shared instance.
    assert first.budget is not second.budget
    assert first.budget is not first.executed
    three = _fast({}, ThreePublic)
    assert three == ThreePublic()
    assert three.outbound == BudgetedFigure()
    assert "_factory" in _source(ThreePublic)


def test_a_present_default_valued_key_is_converted_not_defaulted() -> None:
    # "0.00" equals the default 0 but its digits must survive.
    ledger = _fast({"year": 2021, "department": "示例部门", "surplus_distribution": "0.00"}, Ledger)
    assert str(ledger.surplus_distribution) == "0.00"
    assert '"surplus_distribution": "0.00"' in dump(ledger)


def _source(cls: type[Any]) -> str:
    return str(converter._get().fast.get_structure_hook(cls).__doc__)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"number": "95", "unit": "%", "operator": "≥"},
            Quantity(number=Decimal("95"), unit="%", operator=Operator.GE),
        ),
        (
            {"number": "3", "unit": "次", "style": "以上"},
            Quantity(number=Decimal(3), unit="次", style="以上"),
        ),
        (
            {"year": 2021, "month": 6, "event": "月底", "operator": "≤"},
            DateBound(year=2021, month=6, event="月底", operator=Operator.LE),
        ),
        ({"statement": "达成预期指标"}, Qualitative(statement="达成预期指标")),
        (
            {"statement": "达成预期指标", "text": "达成 预期指标"},
            Qualitative(statement="达成预期指标", text="达成 预期指标"),
        ),
    ],
    ids=["quantity", "quantity-style", "date", "qualitative", "qualitative-text"],
)
def test_kw_only_classes_structure_by_keyword(data: dict[str, Any], expected: Any) -> None:
    built = _assert_agree(data, type(expected))
    assert built == expected
    assert built.text == expected.text
    assert str(built) == str(expected)
    # Every field of these classes is keyword-only: nothing may be passed by position.
    assert "return _cls(text=" in _source(type(expected))


@pytest.mark.parametrize(
    "data",
    [
        {"number": "95", "unit": "%", "operator": "≤", "style": "≥"},  # style contradicts the operator
        {"number": "95", "unit": "光年"},  # unknown unit
        {"year": 2021, "day": 3},  # a day without a month
        {"statement": "95%"},  # reads as a number
        {"statement": "达成", "number": "1"},  # a key of a sibling class
        # Unknown values of an optional enum: must not be read as "no operator".
        {"number": "95", "unit": "%", "operator": "≧"},
        {"year": 2021, "operator": "前"},
    ],
)
def test_kw_only_classes_refuse_what_the_walk_refuses(data: dict[str, Any]) -> None:
    cls = Qualitative if "statement" in data else Quantity if "number" in data else DateBound
    assert _assert_agree(data, cls) is _REFUSED


class _Str(str):
    __slots__ = ()


class _Int(int):
    __slots__ = ()


_ITEM = {"function": "2010301", "fund": "一般公共预算财政拨款", "kind": "基本支出", "amount": "1.00"}


def _ledger(**fields: Any) -> dict[str, Any]:
    return {"year": 2021, "department": "示例部门", **fields}


# Each body is valid once the odd value is replaced by a plain one of the same text or number.
EXACT_TYPE_CASES: list[tuple[str, type[Any], Any, str]] = [
    ("str-subclass-for-str", Ledger, _ledger(department=_Str("示例部门")), "$.department"),
    ("int-subclass-for-int", Ledger, {"year": _Int(2021), "department": "示例部门"}, "$.year"),
    ("bool-for-int", Ledger, {"year": True, "department": "示例部门"}, "$.year"),
    ("bool-for-count", Count, {"category": "行政编制", "count": True}, "$.count"),
    ("bool-for-optional-int", ThreePublicAccount, {"outbound_groups": False}, "$.outbound_groups"),
    (
        "int-for-bool",
        ThreePublicAccount,
        {"foreign_included_in_domestic": 1},
        "$.foreign_included_in_domestic",
    ),
    (
        "str-subclass-for-amount",
        FundAmount,
        {"fund": "一般公共预算财政拨款", "amount": _Str("1.00")},
        "$.amount",
    ),
    ("str-subclass-for-enum", FundAmount, {"fund": _Str("一般公共预算财政拨款"), "amount": "1.00"}, "$.fund"),
    # "2010301" is interned by then (see _ITEM): the table lookup must not take the subclass.
    (
        "str-subclass-for-interned-code",
        Ledger,
        _ledger(expenditure=[_ITEM, {**_ITEM, "function": _Str("2010301")}]),
        "$.expenditure[1].function",
    ),
    (
        "str-subclass-for-economic-code",
        EconomicLine,
        {"code": _Str("30201"), "amount": "1.00"},
        "$.code",
    ),
    (
        "str-subclass-in-tuple",
        Disclosure,
        {"year": 2021, "department": "示例部门", "units": [_Str("万元")]},
        "$.units[0]",
    ),
    ("int-subclass-for-optional-int", Staffing, {"total_actual": _Int(3)}, "$.total_actual"),
    # A field converter makes a plain str of it, so no validator would notice afterwards.
    ("str-subclass-for-converted-str", Qualitative, {"statement": _Str("达成预期指标")}, "$.statement"),
]


@pytest.mark.parametrize(
    ("cls", "data", "path"),
    [case[1:] for case in EXACT_TYPE_CASES],
    ids=[case[0] for case in EXACT_TYPE_CASES],
)
def test_subclasses_and_bools_are_refused(cls: type[Any], data: Any, path: str) -> None:
    _fast(_ledger(expenditure=[_ITEM]), Ledger)  # interns "2010301"
    _fast({"code": "30201", "amount": "1.00"}, EconomicLine)  # interns "30201"
    with pytest.raises(Exception):  # noqa: B017, PT011 - the fast path says no more than "no"
        _fast(data, cls)
    assert _assert_agree(data, cls) is _REFUSED
    _, problems = _walk(data, cls)
    assert [problem.path for problem in problems] == [path]


def test_codes_are_shared_between_items_calls_and_the_walk() -> None:
    # Distinct str objects of equal text, as a JSON parser produces them.
    first, second = "".join(["2080", "505"]), "".join(["20805", "05"])
    assert first == second and first is not second
    body = _ledger(
        expenditure=[
            {**_ITEM, "function": first, "economic": "".join(["301", "08"])},
            {**_ITEM, "function": second, "economic": "".join(["30", "108"])},
        ]
    )
    built = _fast(body, Ledger)
    a, b = built.expenditure
    assert a.function is b.function
    assert a.economic is b.economic
    again = _fast(body, Ledger)
    assert again.expenditure[0].function is a.function
    walked, problems = _walk(body, Ledger)
    assert not problems
    assert walked.expenditure[1].function is a.function
    assert walked.expenditure[1].economic is a.economic
    # The leaf hooks (used by the walk and any cattrs fallback) read the same table.
    hooks = converter._get().leaf_hooks
    assert hooks[FunctionCode]("2080505", None) is a.function
    assert hooks[EconomicCode]("30108", None) is a.economic


def test_a_code_first_seen_by_the_walk_is_reused_by_the_fast_path() -> None:
    code = "2999999"  # well formed, in no catalogue: no strategy draws it
    item_hook = converter._get().fast.get_structure_hook(ExpenditureItem)
    tables = [value for key, value in item_hook.__globals__.items() if key.startswith("_codes")]
    assert len(tables) == 2  # function and economic codes
    assert all(code not in table for table in tables)
    bad = _ledger(year="2021", expenditure=[{**_ITEM, "function": code}])  # fast path refuses the year
    _, problems = _walk(bad, Ledger)
    assert [p.path for p in problems] == ["$.year"]
    good = _fast(_ledger(budgets=[{"function": code, "amount": "1"}]), Ledger)
    assert good.budgets[0].function is converter._get().leaf_hooks[FunctionCode](code, None)
    assert any(table.get(code) is good.budgets[0].function for table in tables)


def test_amount_digits_and_types_are_exact() -> None:
    built = _assert_agree({"fund": "一般公共预算财政拨款", "amount": "0.130"}, FundAmount)
    assert type(built.amount) is Amount
    assert str(built.amount) == "0.130"
    # Not plain decimal text: the public constructor decides (it strips the whitespace).
    spaced = _assert_agree({"fund": "一般公共预算财政拨款", "amount": " 1.50"}, FundAmount)
    assert str(spaced.amount) == "1.50"
    assert _assert_agree({"fund": "一般公共预算财政拨款", "amount": "-0.01"}, FundAmount) is _REFUSED
    assert (
        _assert_agree({"fund": "一般公共预算财政拨款", "amount": JsonLiteral("1.5")}, FundAmount) is _REFUSED
    )


_ODD_DECIMAL_TEXTS = [
    "5.",
    ".5",
    "-.5",
    "-0",
    "0.000000001",
    "00012.50",
    "123456789012",
    "1234567890123",
    "999999999999.5",
    "12345678901.2",
    "1e5",
    "1E-3",
    "+5",
    "--5",
    "1.2.3",
    ".",
    "",
    " 5",
    "5\n",
    "\u0661\u0662",
    "\uff15",
    "5_000",
    "NaN",
    "Infinity",
]


@pytest.mark.parametrize("text", _ODD_DECIMAL_TEXTS)
def test_odd_decimal_text_is_read_as_the_constructor_reads_it(text: str) -> None:
    fast = _assert_agree({"fund": "一般公共预算财政拨款", "amount": text}, FundAmount)
    try:
        expected: str | None = str(Amount(text))
    except ValueError:
        expected = None
    if expected is None or Amount(text) < Amount.zero():
        assert fast is _REFUSED
    else:
        assert str(fast.amount) == expected


@given(st.text(alphabet="0123456789.-+eE _\u0661\uff15", max_size=16))
def test_plain_decimal_text_is_what_the_constructor_keeps(text: str) -> None:
    if plain_decimal(text):
        assert str(Amount(text)) == str(Decimal(text))
    fast = _assert_agree({"fund": "一般公共预算财政拨款", "amount": text}, FundAmount)
    if fast is not _REFUSED:
        assert str(fast.amount) == str(Amount(text))


# --------------------------------------------------------------------------------------------
# The generated source can be read


def test_generated_source_is_in_the_docstring_and_linecache() -> None:
    hook = converter._get().fast.get_structure_hook(Ledger)
    source = hook.__doc__
    assert source is not None
    assert source.startswith("def structure_Ledger(d, _=None):\n")
    filename = hook.__code__.co_filename
    assert filename.startswith(GENERATED_PREFIX + "budgetacct.model.ledger.Ledger #")
    # ``traceback`` calls checkcache() first; entries without a modification time survive it.
    linecache.checkcache()
    assert "".join(linecache.getlines(filename)) == source
    assert inspect.getsource(hook) == source


def test_tracebacks_show_the_generated_line() -> None:
    try:
        _fast({"year": "2021", "department": "示例部门"}, Ledger)
    except Exception as exc:
        frames = traceback.extract_tb(exc.__traceback__)
    else:  # pragma: no cover - the year is a string
        pytest.fail("a string year was accepted")
    generated = [frame for frame in frames if frame.filename.startswith(GENERATED_PREFIX)]
    assert generated
    assert generated[-1].line == "raise _Refused"
