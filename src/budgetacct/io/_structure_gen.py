"""Generated structuring functions: one plain Python function per model class.

cattrs' generated code calls one hook per field and then the class's ``__init__``; on a ledger
of 500k line items those hook calls are most of the load time.  The function generated here
does the same work with the leaf conversions written inline (exact JSON type test, enum table
lookup, shared code instance, plain decimal text straight into an :class:`Amount`).  It then sets
the attributes itself and runs every validator except those that declare they check only what
the conversion has already guaranteed (``model/_fields.py``, ``IMPLIED``); a class with
``__attrs_post_init__`` is built by calling it.  The model's rules exist once, in the model.
See ``docs/decisions/0008-generated-structuring.md``.

The generated function is the *fast path* only.  It raises on anything unexpected (a wrong JSON
type, an unknown enum value, an unknown key) without saying why; :func:`structure` then runs the
checking walk, which reports every problem with its path.  The equivalence of the two is tested
property by property (``tests/test_structure_gen.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

import attrs

from budgetacct._codegen import define, slot_setter
from budgetacct.io._types import is_enum, optional_inner, tuple_element

__all__ = ["PLAIN_DECIMAL_TEST", "LeafTables", "Unsupported", "make_structure_fn", "plain_decimal"]

Hook = Callable[[Any, Any], Any]


class Unsupported(Exception):
    """The class has a feature the generator does not handle (cattrs' code is used instead)."""


@attrs.frozen
class LeafTables:
    """What the inline leaf conversions share with the converter's leaf hooks."""

    function_codes: dict[str, Any]
    economic_codes: dict[str, Any]


#: The test, written into generated code for a ``str`` in ``{0}``, that the text is plain decimal
#: digits the public constructors keep exactly as ``Decimal(text)``: ASCII digits with at most
#: one point, at most 12 characters (so at most 12 integer digits and 11 places, inside the
#: limits ``money.to_decimal`` enforces).  Anything else — a sign, an exponent, whitespace,
#: longer text, other digits — takes the constructors' general path, which gives the same value
#: or the error.  Three string methods cost ~50 ns less per amount than a regular expression.
PLAIN_DECIMAL_TEST: Final = '{0}.isascii() and {0}.replace(".", "", 1).isdigit() and len({0}) < 13'

plain_decimal: Callable[[str], bool] = define(
    f"def plain_decimal(text):\n    return {PLAIN_DECIMAL_TEST.format('text')}\n",
    "plain_decimal",
    {},
    "plain decimal test",
)


class _Refused(Exception):
    """Raised by generated code; the caller falls back to the checking walk."""


_NOT_GIVEN: Final = object()

#: Set on every function made here: it may be called with the data alone (``fn(data)``).
_DATA_ONLY: Final = "_budgetacct_data_only"


class _Writer:
    """Accumulates the generated source and the globals it refers to."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.names: dict[str, Any] = {
            "_Refused": _Refused,
            "_new": object.__new__,
            "_Decimal": Decimal,
            "_NOT_GIVEN": _NOT_GIVEN,
        }

    def name(self, prefix: str, value: Any) -> str:
        for key, existing in self.names.items():
            if existing is value and key.startswith(prefix):
                return key
        key = f"{prefix}{len(self.names)}"
        self.names[key] = value
        return key

    def setter(self, cls: type[Any], name: str) -> str:
        """The global naming the setter of slot ``name`` of ``cls`` (see ``slot_setter``)."""
        return self.name("_set_", slot_setter(cls, name))

    def emit(self, indent: int, text: str) -> None:
        self.lines.append("    " * indent + text)


def make_structure_fn(
    cls: type[Any], hook_for: Callable[[Any], Hook], tables: LeafTables
) -> Callable[[Any, Any], Any]:
    """A function ``(data, type) -> cls`` that builds ``cls`` from a JSON object, or raises.

    ``hook_for(tp)`` gives the converter's hook for a field type the generated code does not
    convert inline (another attrs class, a union, a list …).
    """
    from budgetacct.codes import EconomicCode, FunctionCode
    from budgetacct.money import Amount, Percent

    fields = attrs.fields(cls)
    if any(not field.init for field in fields):
        raise Unsupported(f"{cls.__name__} has fields outside __init__")
    if any(isinstance(field.default, attrs.Factory) and field.default.takes_self for field in fields):  # type: ignore[arg-type]
        raise Unsupported(f"{cls.__name__} has a default that takes self")

    w = _Writer()
    w.names["_cls"] = cls
    fn_name = f"structure_{cls.__name__}"
    w.emit(0, f"def {fn_name}(d, _=None):")
    w.emit(1, "if d.__class__ is not dict:")
    w.emit(2, "raise _Refused")

    def convert(tp: Any, src: str, dst: str, indent: int, sign: tuple[str, str] | None = None) -> None:
        """Emit code converting the JSON value in ``src`` into ``dst`` (of type ``tp``).

        ``sign`` (the names of a sign validator and its attribute) is tested where an amount can
        be negative: plain decimal text has no sign, so only the general path needs the test.
        """
        inner = optional_inner(tp)
        if inner is not None:
            w.emit(indent, f"if {src} is None:")
            w.emit(indent + 1, f"{dst} = None")
            w.emit(indent, "else:")
            convert(inner, src, dst, indent + 1, sign)
            return
        if tp is str or tp is int or tp is bool:
            w.emit(indent, f"if {src}.__class__ is not {tp.__name__}:")
            w.emit(indent + 1, "raise _Refused")
            w.emit(indent, f"{dst} = {src}")
            return
        if tp is Amount or tp is Percent:
            kind = w.name("_money", tp)
            hook = w.name("_hook", hook_for(tp))
            # Plain decimal text is exactly what the public constructor keeps unchanged.
            w.emit(indent, f"if {src}.__class__ is str and {PLAIN_DECIMAL_TEST.format(src)}:")
            w.emit(indent + 1, f"{dst} = _new({kind})")
            w.emit(indent + 1, f"{w.setter(tp, 'value')}({dst}, _Decimal({src}))")
            w.emit(indent, "else:")
            w.emit(indent + 1, f"{dst} = {hook}({src}, None)")
            if sign is not None:
                # The validator words the refusal; it does not use the instance (not built yet).
                w.emit(indent + 1, f"if {dst}.value < 0:")
                w.emit(indent + 2, f"{sign[0]}(None, {sign[1]}, {dst})")
            return
        if tp is FunctionCode or tp is EconomicCode:
            table = w.name("_codes", tables.function_codes if tp is FunctionCode else tables.economic_codes)
            hook = w.name("_hook", hook_for(tp))
            w.emit(indent, f"{dst} = {table}.get({src}) if {src}.__class__ is str else None")
            w.emit(indent, f"if {dst} is None:")
            w.emit(indent + 1, f"{dst} = {hook}({src}, None)")
            return
        if is_enum(tp):
            members = {member.value: member for member in tp}
            value_types = {type(value) for value in members}
            if len(value_types) != 1:
                raise Unsupported(f"{tp.__name__} mixes value types")
            table = w.name("_enum", members)
            value_type = w.name("_type", value_types.pop())
            w.emit(indent, f"if {src}.__class__ is not {value_type}:")
            w.emit(indent + 1, "raise _Refused")
            w.emit(indent, f"{dst} = {table}[{src}]")
            return
        element = tuple_element(tp)
        if element is not None:
            element_fn = hook_for(element)
            element_hook = w.name("_hook", element_fn)
            w.emit(indent, f"if {src}.__class__ is not list and {src}.__class__ is not tuple:")
            w.emit(indent + 1, "raise _Refused")
            if getattr(element_fn, _DATA_ONLY, False):
                # A function generated here ignores its second argument: ``map`` calls it from C
                # for every element (a ledger's line items), without a list built in between.
                w.emit(indent, f"{dst} = tuple(map({element_hook}, {src}))")
            else:
                element_type = w.name("_type", element)
                w.emit(indent, f"{dst} = tuple([{element_hook}(e, {element_type}) for e in {src}])")
            return
        hook = w.name("_hook", hook_for(tp))
        field_type = w.name("_type", tp)
        w.emit(indent, f"{dst} = {hook}({src}, {field_type})")

    positional: list[str] = []
    keyword: list[str] = []
    # Unknown keys: every key read is counted, and the object may hold no others.  Counting is
    # cheaper than a set comparison of the keys, and the keys read are the known ones.
    required = sum(1 for field in fields if field.default is attrs.NOTHING)
    optional = len(fields) - required
    if optional:
        w.emit(1, f"n = {required}")
    for index, field in enumerate(fields):
        local = f"f{index}"
        raw = f"v{index}"
        sign = _sign_check(w, field)
        if field.default is attrs.NOTHING:
            w.emit(1, f'{raw} = d["{field.name}"]')
            convert(field.type, raw, local, 1, sign)
        else:
            w.emit(1, f'{raw} = d.get("{field.name}", _NOT_GIVEN)')
            w.emit(1, f"if {raw} is _NOT_GIVEN:")
            if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                factory = w.name("_factory", field.default.factory)
                w.emit(2, f"{local} = {factory}()")
            else:
                default = w.name("_default", field.default)
                w.emit(2, f"{local} = {default}")
            w.emit(1, "else:")
            w.emit(2, "n += 1")
            convert(field.type, raw, local, 2, sign)
        if field.kw_only:
            keyword.append(f"{field.alias}={local}")
        else:
            positional.append(local)
    w.emit(1, f"if len(d) != {'n' if optional else required}:")
    w.emit(2, "raise _Refused")
    if hasattr(cls, "__attrs_post_init__") or hasattr(cls, "__attrs_pre_init__"):
        w.emit(1, f"return _cls({', '.join(positional + keyword)})")
    else:
        _emit_direct_init(w, cls, fields)

    source = "\n".join(w.lines) + "\n"
    what = f"generated structure {cls.__module__}.{cls.__qualname__}"
    function = define(source, fn_name, dict(w.names), what)
    setattr(function, _DATA_ONLY, True)
    return function


def _emit_direct_init(w: _Writer, cls: type[Any], fields: Any) -> None:
    """Set the attributes as attrs' ``__init__`` would, then run only the checks still needed.

    A validator marked (``model/_fields.py``, ``IMPLIED``) as checking exactly what the inline
    conversion of its field already guarantees is left out; every other validator runs, in
    field order and after all attributes are set, as attrs does.
    """
    w.emit(1, "o = _new(_cls)")
    for index, field in enumerate(fields):
        w.emit(1, f"{w.setter(cls, field.name)}(o, f{index})")
    for index, field in enumerate(fields):
        if field.validator is not None:
            attribute = w.name("_attribute", field)
            _emit_check(w, field.validator, field.type, f"f{index}", attribute, 1)
    w.emit(1, "return o")


def _sign_check(w: _Writer, field: Any) -> tuple[str, str] | None:
    """The names of ``field``'s sign validator and of its attribute, when that is all it has
    left to check after the conversion (a non-negative amount, perhaps optional)."""
    from budgetacct.model._fields import IMPLIED

    validator, tp = field.validator, field.type
    spec = getattr(validator, IMPLIED, None)
    if spec is not None and spec[0] == "optional" and optional_inner(tp) is not None:
        validator, tp = spec[1], optional_inner(tp)
        spec = getattr(validator, IMPLIED, None)
    if spec is None or spec[0] != "sign" or tp is not spec[1]:
        return None
    return w.name("_validator", validator), w.name("_attribute", field)


def _emit_check(w: _Writer, validator: Any, tp: Any, value: str, attribute: str, indent: int) -> None:
    from budgetacct.model._fields import IMPLIED

    spec = getattr(validator, IMPLIED, None)
    kind, argument = spec if spec is not None else (None, None)
    if kind in ("type", "sign") and tp is argument:
        # A sign check was written into the conversion (``_sign_check``): plain decimal text
        # has no sign, so only an amount read by the general path is tested.
        return
    if kind == "tuple" and tuple_element(tp) is argument:
        return
    if kind == "optional" and optional_inner(tp) is not None:
        inner_lines = len(w.lines)
        w.emit(indent, f"if {value} is not None:")
        _emit_check(w, argument, optional_inner(tp), value, attribute, indent + 1)
        if len(w.lines) == inner_lines + 1:  # nothing left to check inside
            w.lines.pop()
        return
    check = w.name("_validator", validator)
    w.emit(indent, f"{check}(o, {attribute}, {value})")
