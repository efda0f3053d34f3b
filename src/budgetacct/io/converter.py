"""The one cattrs converter: model objects ⇄ JSON-ready dicts, strictly and exactly.

Conventions of the serialized form (see ``docs/decisions/0005-serialization.md``):

* an attrs class is a JSON object keyed by attribute name, in attribute order; a field equal to
  its default is omitted, and any unknown key is refused;
* :class:`~budgetacct.money.Amount`, :class:`~budgetacct.money.Percent` and
  :class:`~decimal.Decimal` are JSON **strings** holding the exact decimal text (``"739.00"``
  stays ``"739.00"``); a JSON number is refused;
* :class:`~budgetacct.codes.FunctionCode` / :class:`~budgetacct.codes.EconomicCode` are strings;
* an enum is its ``.value`` (the Chinese name; ``"error"``/``"warning"``/``"note"`` for severities);
* a ``tuple`` is a JSON array (nothing else); ``str``, ``int`` and ``bool`` fields take only JSON
  strings, integers (not booleans) and booleans — nothing is coerced;
* a top-level document carries a tag, ``{"type": "Disclosure", ...}`` or ``{"type": "Ledger", ...}``.

Every failure becomes one :class:`~budgetacct.errors.InputError` listing every bad place with a
JSON path (``$.general_budget.items[2].code``).  Structuring runs cattrs' generated code first
(no bookkeeping); only when that fails does a checking walk over the same hooks and the model's
validators collect every problem, so a valid document never pays for error reporting.

>>> from budgetacct import Amount
>>> from budgetacct.model import SourceLine, RevenueSource
>>> unstructure(SourceLine(RevenueSource.OTHER, Amount("0.130")))
{'source': '其他收入', 'amount': '0.130'}
>>> structure({"source": "其他收入", "amount": 0.13}, SourceLine)
Traceback (most recent call last):
...
budgetacct.errors.InputError: 输入有 1 处错误：$.amount：应为...
"""

from __future__ import annotations

import enum
import json
import operator
import threading
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast

from budgetacct.errors import InputError, InvalidValue, Problem
from budgetacct.io._expected import (
    EXPECTED_AMOUNT,
    EXPECTED_BOOL,
    EXPECTED_CELL,
    EXPECTED_DECIMAL,
    EXPECTED_ECONOMIC_CODE,
    EXPECTED_FUNCTION_CODE,
    EXPECTED_INT,
    EXPECTED_PERCENT,
    EXPECTED_STR,
    MISSING,
    Refused,
    Shown,
    describe,
    shown,
)
from budgetacct.io._structure_gen import LeafTables, Unsupported, make_structure_fn, plain_decimal
from budgetacct.io._types import is_enum as _is_enum
from budgetacct.io._types import is_optional as _is_optional
from budgetacct.io._types import is_tuple as _is_tuple
from budgetacct.io._types import optional_inner as _optional_inner
from budgetacct.io._types import tuple_element as _tuple_element
from budgetacct.io._writer_gen import WriterFactory
from budgetacct.paths import render_path

if TYPE_CHECKING:  # pragma: no cover - typing only
    import cattrs

    from budgetacct.model import Budget, BudgetAccount, Disclosure, Ledger

    #: What a top-level document holds: a 决算 (as published or as kept) or a 预算 (likewise).
    Document = Disclosure | Ledger | Budget | BudgetAccount
    DocumentType = type[Disclosure] | type[Ledger] | type[Budget] | type[BudgetAccount]

__all__ = [
    "MISSING",
    "Shown",
    "describe",
    "document_types",
    "shown",
    "structure",
    "structure_document",
    "unstructure",
    "unstructure_document",
]

T = TypeVar("T")
Hook = Callable[[Any, Any], Any]

# --------------------------------------------------------------------------------------------
# Leaf hooks (shared by the converter and the checking walk): exact types only, nothing coerced


def _exact_type_hook(tp: type[Any], expected: tuple[str, str]) -> Hook:
    def structure_exact(value: Any, _: Any) -> Any:
        if value.__class__ is tp:
            return value
        raise Refused(expected, value)

    return structure_exact


def _structure_decimal(value: Any, _: Any) -> Decimal:
    if value.__class__ is str:
        from budgetacct.money import to_decimal

        return to_decimal(value, what_zh="数值", what_en="a number")
    raise Refused(EXPECTED_DECIMAL, value)


def _number_hook(
    exact: Callable[[Decimal], T], general: Callable[[str], T], expected: tuple[str, str]
) -> Hook:
    # Plain decimal text (``_structure_gen.PLAIN_DECIMAL_TEST``) is exactly what the public
    # constructors accept without change; it skips their general parsing.  Everything else
    # (signs, exponents, whitespace, errors) goes through the constructors.
    plain = plain_decimal

    def structure_number(value: Any, _: Any) -> T:
        if value.__class__ is str:
            return exact(Decimal(value)) if plain(value) else general(value)
        raise Refused(expected, value)

    return structure_number


def _code_hook(cls: Callable[[str], T], cache: dict[str, T], expected: tuple[str, str]) -> Hook:
    # Codes are immutable values and repeat a lot (500k line items share a few hundred codes):
    # one shared instance per text saves both time and memory.
    def structure_code(value: Any, _: Any) -> T:
        if value.__class__ is str:
            code = cache.get(value)
            if code is None:
                code = cls(value)
                if len(cache) < _CODE_CACHE_SIZE:
                    cache[value] = code
            return code
        raise Refused(expected, value)

    return structure_code


def _make_leaf_hooks() -> tuple[dict[Any, Hook], LeafTables]:
    from budgetacct.codes import EconomicCode, FunctionCode
    from budgetacct.model.tables import DASH, Cell, Mark
    from budgetacct.money import Amount, Percent

    function_codes: dict[str, FunctionCode] = {}
    economic_codes: dict[str, EconomicCode] = {}
    amount = _number_hook(Amount._exact, Amount, EXPECTED_AMOUNT)

    # A table cell: null is a blank cell, a dash (any of the dashes reports print) is DASH.
    def structure_cell(value: Any, _: Any) -> Amount | Mark | None:
        if value is None:
            return None
        if value.__class__ is str:
            return DASH if value.strip() in _DASHES else amount(value, None)
        raise Refused(EXPECTED_CELL, value)

    hooks: dict[Any, Hook] = {
        Cell: structure_cell,
        str: _exact_type_hook(str, EXPECTED_STR),
        int: _exact_type_hook(int, EXPECTED_INT),
        bool: _exact_type_hook(bool, EXPECTED_BOOL),
        Decimal: _structure_decimal,
        Amount: amount,
        Percent: _number_hook(Percent._exact, Percent, EXPECTED_PERCENT),
        FunctionCode: _code_hook(FunctionCode, function_codes, EXPECTED_FUNCTION_CODE),
        EconomicCode: _code_hook(EconomicCode, economic_codes, EXPECTED_ECONOMIC_CODE),
    }
    return hooks, LeafTables(function_codes, economic_codes)


_CODE_CACHE_SIZE: Final = 100_000
_DASHES: Final = frozenset({"-", "—", "－", "–", "——", "−"})


def _enum_hook(cls: type[enum.Enum]) -> Hook:
    table = {member.value: member for member in cls}
    value_types = frozenset(type(member.value) for member in cls)
    expected = describe(cls)

    def structure_enum(value: Any, _: Any) -> enum.Enum:
        if value.__class__ in value_types:
            member = table.get(value)
            if member is not None:
                return member
        raise Refused(expected, value)

    return structure_enum


# --------------------------------------------------------------------------------------------
# Building the converters


def _is_model_class(tp: Any) -> bool:
    """An attrs class written as a JSON object (the codes are attrs classes written as text)."""
    import attrs

    from budgetacct.codes import EconomicCode, FunctionCode

    return attrs.has(tp) and tp not in (FunctionCode, EconomicCode)


def _build(leaf_hooks: dict[Any, Hook], tables: LeafTables) -> cattrs.Converter:
    import attrs
    import cattrs
    from cattrs.fns import identity
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

    from budgetacct.codes import EconomicCode, FunctionCode
    from budgetacct.money import Amount, Percent

    conv = cattrs.Converter(omit_if_default=True, forbid_extra_keys=True, detailed_validation=False)

    # Structuring (the fast path: any exception means "run the checking walk") ----------------
    for tp, hook in leaf_hooks.items():
        conv.register_structure_hook(tp, hook)
    conv.register_structure_hook_factory(_is_enum, _enum_hook)

    def optional_factory(tp: Any) -> Hook:
        inner = _optional_inner(tp)
        handler = conv.get_structure_hook(inner)

        def structure_optional(value: Any, _: Any) -> Any:
            return None if value is None else handler(value, inner)

        return structure_optional

    conv.register_structure_hook_factory(_is_optional, optional_factory)

    def tuple_factory(tp: Any) -> Hook:
        element = _tuple_element(tp)
        handler = conv.get_structure_hook(element)
        expected = describe(tp)

        def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
            if value.__class__ is list or value.__class__ is tuple:
                return tuple([handler(item, element) for item in value])
            raise Refused(expected, value)

        return structure_tuple

    conv.register_structure_hook_factory(_is_tuple, tuple_factory)

    def class_factory(cls: type[Any]) -> Hook:
        attrs.resolve_types(cls)
        try:
            return make_structure_fn(cls, conv.get_structure_hook, tables)
        except Unsupported:
            # Unknown keys and non-objects fail here too: the generated code calls ``o.keys()``.
            return make_dict_structure_fn(cls, conv)

    conv.register_structure_hook_factory(_is_model_class, class_factory)

    # Unstructuring -------------------------------------------------------------------------
    for tp in (Amount, Percent, Decimal):
        conv.register_unstructure_hook(tp, str)
    for tp in (FunctionCode, EconomicCode):
        conv.register_unstructure_hook(tp, _CODE_TEXT)
    conv.register_unstructure_hook_factory(_is_enum, lambda _: _ENUM_VALUE)

    def optional_unstructure_factory(tp: Any) -> Callable[[Any], Any]:
        handler = conv.get_unstructure_hook(_optional_inner(tp))

        def unstructure_optional(value: Any) -> Any:
            return None if value is None else handler(value)

        return unstructure_optional

    conv.register_unstructure_hook_factory(_is_optional, optional_unstructure_factory)

    def tuple_unstructure_factory(tp: Any) -> Callable[[Any], Any]:
        handler = conv.get_unstructure_hook(_tuple_element(tp))
        if handler is identity:
            return list

        def unstructure_tuple(value: tuple[Any, ...]) -> list[Any]:
            return [handler(item) for item in value]

        return unstructure_tuple

    conv.register_unstructure_hook_factory(_is_tuple, tuple_unstructure_factory)

    def class_unstructure_factory(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
        generated = make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True)
        # A default such as Amount("0") equals Amount("0.00"): omitting the latter would lose its
        # digits, so those fields are omitted only when their text equals the default's text.
        exact = [
            (field.name, str(field.default))
            for field in attrs.fields(cls)
            if field.default.__class__ in (Amount, Percent, Decimal)
        ]
        if not exact:
            return generated
        complete = make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=False)

        def unstructure_class(obj: Any) -> dict[str, Any]:
            result = generated(obj)
            keep = {name for name, text in exact if name not in result and str(getattr(obj, name)) != text}
            if not keep:
                return result
            return {key: value for key, value in complete(obj).items() if key in result or key in keep}

        return unstructure_class

    conv.register_unstructure_hook_factory(_is_model_class, class_unstructure_factory)
    return conv


# C-level attribute getters: these run once per code and enum of every dumped line item.
_CODE_TEXT: Final = operator.attrgetter("code")
_ENUM_VALUE: Final = operator.attrgetter("_value_")


class _Converters:
    def __init__(self) -> None:
        self.leaf_hooks, tables = _make_leaf_hooks()
        self.fast = _build(self.leaf_hooks, tables)
        self.walk = _Walk(self.leaf_hooks)
        self.writers = WriterFactory(self.fast.get_unstructure_hook)
        # Generate every hook now, under the lock, rather than lazily from several threads.
        self.document_lines: dict[type[Any], Callable[[Any], str]] = {}
        for cls in document_types().values():
            self.fast.get_structure_hook(cls)
            self.fast.get_unstructure_hook(cls)
            self.walk.checker(cls)
            self.document_lines[cls] = self.writers.document_writer(cls)


_lock = threading.Lock()
_converters: _Converters | None = None


def _get() -> _Converters:
    global _converters
    if _converters is None:
        with _lock:
            if _converters is None:
                _converters = _Converters()
    return _converters


# --------------------------------------------------------------------------------------------
# From cattrs' exception groups to our problems


# A path during the walk is a linked list ``(parent, segment)``: extending it costs one small
# tuple, and it is turned into a :data:`~budgetacct.paths.Path` only for a problem.
_Trail = tuple[Any, str | int] | None
Checker = Callable[[Any, _Trail, list[Problem]], Any]
_FAIL: Final = object()


def _render(trail: _Trail) -> str:
    segments: list[str | int] = []
    while trail is not None:
        trail, segment = trail
        segments.append(segment)
    return render_path(tuple(reversed(segments)))


class _Walk:
    """The error path: the same leaf hooks and model validators, reporting every problem.

    Each checker returns the structured value, or ``_FAIL`` after appending its problems.
    """

    def __init__(self, leaf_hooks: dict[Any, Hook]) -> None:
        self.leaf_hooks = leaf_hooks
        self.checkers: dict[Any, Checker] = {}

    def checker(self, tp: Any) -> Checker:
        found = self.checkers.get(tp)
        if found is None:
            found = self.checkers[tp] = self._make(tp)
        return found

    def _make(self, tp: Any) -> Checker:
        import attrs

        hook = self.leaf_hooks.get(tp)
        if hook is not None:
            return _leaf_checker(hook)
        if _is_enum(tp):
            return _leaf_checker(_enum_hook(tp))
        inner = _optional_inner(tp)
        if inner is not None:
            return _optional_checker(self.checker(inner))
        element = _tuple_element(tp)
        if element is not None:
            return _tuple_checker(self.checker(element), describe(tp))
        if attrs.has(tp):
            attrs.resolve_types(tp)
            return _class_checker(tp, [(field, self.checker(field.type)) for field in attrs.fields(tp)])
        expected = describe(tp)

        def unknown(value: Any, path: _Trail, out: list[Problem]) -> Any:
            out.append(Problem(_render(path), expected[0], expected[1], Shown(f"unsupported type {tp!r}")))
            return _FAIL

        return unknown


def _problem_from(exc: Exception, path: _Trail) -> Problem:
    if isinstance(exc, Refused):
        return Problem(_render(path), exc.expected[0], exc.expected[1], shown(exc.found))
    if isinstance(exc, InvalidValue):
        return Problem(_render(path) + exc.path[1:], exc.expected_zh, exc.expected_en, exc.found)
    return Problem(
        _render(path), "可读取的值", "a readable value", Shown(f"{type(exc).__name__}: {exc}"[:200])
    )


def _leaf_checker(hook: Hook) -> Checker:
    def check_leaf(value: Any, path: _Trail, out: list[Problem]) -> Any:
        try:
            return hook(value, None)
        except Exception as exc:
            out.append(_problem_from(exc, path))
            return _FAIL

    return check_leaf


def _optional_checker(inner: Checker) -> Checker:
    def check_optional(value: Any, path: _Trail, out: list[Problem]) -> Any:
        return None if value is None else inner(value, path, out)

    return check_optional


def _tuple_checker(element: Checker, expected: tuple[str, str]) -> Checker:
    def check_tuple(value: Any, path: _Trail, out: list[Problem]) -> Any:
        if value.__class__ is not list and value.__class__ is not tuple:
            out.append(Problem(_render(path), expected[0], expected[1], shown(value)))
            return _FAIL
        result = []
        ok = True
        for index, item in enumerate(value):
            checked = element(item, (path, index), out)
            if checked is _FAIL:
                ok = False
            elif ok:
                result.append(checked)
        return tuple(result) if ok else _FAIL

    return check_tuple


def _class_checker(cls: type[Any], plan: list[tuple[Any, Checker]]) -> Checker:
    import attrs

    expected = describe(cls)
    known = [field.name for field, _ in plan]
    allowed = frozenset(known)
    extra_zh, extra_en = (
        f"已知字段之一（{'、'.join(known)}）",
        f"one of the known fields ({', '.join(known)})",
    )
    missing = {field.name: describe(field.type) for field, _ in plan}

    def check_class(value: Any, path: _Trail, out: list[Problem]) -> Any:
        if not isinstance(value, Mapping):
            out.append(Problem(_render(path), expected[0], expected[1], shown(value)))
            return _FAIL
        ok = True
        checked: list[tuple[Any, Any]] = []
        for field, check in plan:
            name = field.name
            if name in value:
                result = check(value[name], (path, name), out)
                if result is _FAIL:
                    ok = False
                else:
                    checked.append((field, result))
            elif field.default is attrs.NOTHING:
                zh, en = missing[name]
                out.append(
                    Problem(_render((path, name)), f"必填字段：{zh}", f"a required field: {en}", MISSING)
                )
                ok = False
        for key in value:
            if key not in allowed:
                found = Shown(f"unknown key {key!r} = {shown(value[key])!r}")
                out.append(Problem(_render((path, key)), extra_zh, extra_en, found))
                ok = False
        if ok:
            try:
                return cls(**{field.alias: result for field, result in checked})
            except Exception:  # reported below, field by field
                pass
        # The constructor stops at the first failing validator (and is not reached at all when
        # some field failed): run every structured field's validator to report all problems.
        reported = len(out)
        for field, result in checked:
            if field.validator is not None:
                try:
                    field.validator(None, field, result)
                except Exception as exc:
                    out.append(_problem_from(exc, path))  # the validator names the field
        if ok and len(out) == reported:  # pragma: no cover - a constructor failure no field explains
            out.append(Problem(_render(path), expected[0], expected[1], Shown("an object its class refuses")))
        return _FAIL

    return check_class


# --------------------------------------------------------------------------------------------
# Public API


def structure(data: Any, cls: type[T], *, source: str | None = None) -> T:
    """Build a ``cls`` (any model class, or Amount, FunctionCode …) from JSON-ready ``data``.

    Raises :class:`~budgetacct.errors.InputError` listing every problem with its JSON path.

    >>> from budgetacct.model import FundAmount
    >>> structure({"fund": "非财政拨款", "amount": "12.50"}, FundAmount)
    FundAmount(fund=<Fund.NON_FISCAL: '非财政拨款'>, amount=Amount('12.50'))
    """
    converters = _get()
    try:
        return converters.fast.structure(data, cls)
    except Exception:
        pass
    problems: list[Problem] = []
    try:
        result = converters.walk.checker(cls)(data, None, problems)
    except RecursionError:
        raise InputError.single(
            "$", "嵌套层数合理的数据", "data nested to a reasonable depth", Shown("too deep"), source=source
        ) from None
    if problems:
        raise InputError(problems, source=source)
    # The walk accepting what the fast path refused would be a bug in a hook; the walk's result
    # is then still correct.
    return cast(T, result)


def unstructure(obj: Any) -> Any:
    """The JSON-ready form of ``obj`` (dicts, lists, strings, ints, booleans, ``None``); no type tag.

    >>> from budgetacct.codes import FunctionCode
    >>> unstructure((FunctionCode("201"), FunctionCode("20103")))
    ['201', '20103']
    """
    conv = _get().fast
    if isinstance(obj, tuple):
        return [conv.unstructure(item) for item in obj]
    return conv.unstructure(obj)


def document_types() -> dict[str, DocumentType]:
    """The classes a top-level document may hold, by their ``type`` tag."""
    from budgetacct.model import Budget, BudgetAccount, Disclosure, Ledger

    return {"Disclosure": Disclosure, "Ledger": Ledger, "Budget": Budget, "BudgetAccount": BudgetAccount}


_TAG_ZH: Final = '文档类型标记 "Disclosure"、"Ledger"、"Budget" 或 "BudgetAccount"'
_TAG_EN: Final = 'a document type tag "Disclosure", "Ledger", "Budget" or "BudgetAccount"'


def structure_document(
    data: Any, *, source: str | None = None, expect: DocumentType | None = None
) -> Document:
    """A :class:`Disclosure`, :class:`Ledger`, :class:`Budget` or :class:`BudgetAccount` from a
    tagged document ``{"type": ..., ...}``.

    ``expect`` restricts the accepted tag to one class.
    """
    types_by_tag = document_types()
    if not isinstance(data, dict):
        raise InputError.single(
            "$", '带 "type" 标记的JSON对象', 'a JSON object with a "type" tag', shown(data), source=source
        )
    tag = data.get("type", MISSING)
    cls = types_by_tag.get(tag) if tag.__class__ is str else None
    if cls is None or (expect is not None and cls is not expect):
        zh, en = (
            (_TAG_ZH, _TAG_EN)
            if expect is None
            else (f'文档类型标记 "{expect.__name__}"', f'a type tag "{expect.__name__}"')
        )
        raise InputError.single("$.type", zh, en, shown(tag), source=source)
    body = {key: value for key, value in data.items() if key != "type"}
    document: Document = structure(body, cls, source=source)
    return document


def compact_json(obj: Any) -> str:
    """The compact JSON text of ``unstructure_document(obj)`` for a document, else of
    ``unstructure(obj)``: the same text as ``json.dumps(..., ensure_ascii=False,
    separators=(",", ":"))`` of those, written in one pass by generated code.

    >>> from budgetacct import Amount
    >>> from budgetacct.model import SourceLine, RevenueSource
    >>> compact_json(SourceLine(RevenueSource.OTHER, Amount("0.130")))
    '{"source":"其他收入","amount":"0.130"}'
    """
    converters = _get()
    cls = type(obj)
    line = converters.document_lines.get(cls)
    if line is not None:
        return line(obj)[:-1]
    if _is_model_class(cls):
        return converters.writers.writer(cls)(obj)
    return json.dumps(unstructure(obj), ensure_ascii=False, separators=(",", ":"))


def compact_document_line(obj: Document) -> str:
    """``compact_json(obj) + "\\n"`` for a document, written as one string (for JSON lines)."""
    writer = _get().document_lines.get(type(obj))
    if writer is None:
        raise InvalidValue("Disclosure 或 Ledger", "a Disclosure or a Ledger", type(obj).__name__)
    return writer(obj)


def document_line_writer(cls: type[Any]) -> Callable[[Any], str] | None:
    """The function behind :func:`compact_document_line` for ``cls``, or ``None`` if ``cls`` is
    not a document class."""
    return _get().document_lines.get(cls)


def unstructure_document(obj: Document) -> dict[str, Any]:
    """The tagged JSON-ready form of a document: ``{"type": "Disclosure", ...}``."""
    types_by_tag = document_types()
    tag = type(obj).__name__
    if types_by_tag.get(tag) is not type(obj):
        raise InvalidValue("Disclosure 或 Ledger", "a Disclosure or a Ledger", tag)
    body: dict[str, Any] = _get().fast.unstructure(obj)
    return {"type": tag, **body}
