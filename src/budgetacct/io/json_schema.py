"""The JSON Schema (draft 2020-12) of the serialized form, derived from the attrs classes.

:func:`json_schema` walks the fields and type hints of a model class (a top-level document,
:class:`~budgetacct.model.disclosure.Disclosure` by default, or any attrs class of the model) and
follows the conventions of :mod:`budgetacct.io.converter`:

* :class:`~budgetacct.money.Amount`, :class:`~budgetacct.money.Percent` and
  :class:`~decimal.Decimal` are strings holding a decimal number (a non-negative pattern where the
  model refuses negative amounts);
* 功能分类 codes are strings of 3, 5 or 7 digits, 经济分类 codes 3 or 5 digits starting with 3
  (部门预算) or 5 (政府预算);
* an enum is one of its Chinese values; a tuple is an array; ``int`` an integer (with the model's
  bounds for counts and years); ``str`` a non-empty string where the model requires text;
* a field with a default is optional (and may be ``null`` when its type allows ``None``);
  unknown keys are refused (``additionalProperties: false``);
* a top-level document carries its ``type`` tag (``"const": "Disclosure"``); every other class
  is a ``$defs`` entry.

Bounds the converter enforces but a pattern cannot express (at most 12 decimal places,
magnitude at most 10^12, a 款 under its own 类 …) are left to the loader; the schema describes the
shape of a document, ``budgetacct.io.load`` decides whether it is valid.

>>> schema = json_schema()
>>> schema["properties"]["type"], schema["required"]
({'const': 'Disclosure'}, ['type', 'year', 'department'])
>>> schema["$defs"]["SourceLine"]["properties"]["source"]["enum"][:2]
['一般公共预算财政拨款收入', '政府性基金预算财政拨款收入']
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

from budgetacct.errors import InputError, InvalidValue, MissingDependency, Problem
from budgetacct.io._types import optional_inner as _optional_inner
from budgetacct.io._types import tuple_element as _tuple_element
from budgetacct.paths import render_path

__all__ = [
    "DECIMAL_PATTERN",
    "DRAFT",
    "ECONOMIC_CODE_PATTERN",
    "FUNCTION_CODE_PATTERN",
    "NON_NEGATIVE_DECIMAL_PATTERN",
    "json_schema",
    "validate",
]

#: The JSON Schema dialect of the schemas produced here.
DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"
_EXPONENT: Final = r"(?:[eE][+-]?[0-9]{1,6})?"
_UNSIGNED: Final = r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
#: A decimal number as text (what :func:`budgetacct.money.to_decimal` accepts, without spaces).
DECIMAL_PATTERN: Final = rf"^[+-]?{_UNSIGNED}{_EXPONENT}$"
#: A decimal number that is not below zero (``-0`` included).
NON_NEGATIVE_DECIMAL_PATTERN: Final = rf"^(?:\+?{_UNSIGNED}|-(?:0+(?:\.0*)?|\.0+)){_EXPONENT}$"
#: A 功能分类 code: 类 (3 digits), 款 (5) or 项 (7).
FUNCTION_CODE_PATTERN: Final = r"^[0-9]{3}(?:[0-9]{2}){0,2}$"
#: A 经济分类 code: 3 or 5 digits, starting with 3 (部门预算) or 5 (政府预算).
ECONOMIC_CODE_PATTERN: Final = r"^[35][0-9]{2}(?:[0-9]{2})?$"


def _validators(validator: Any) -> set[Callable[..., Any]]:
    """The model validators a field's validator is made of (``optional(count)`` → {optional's check, count})."""
    from budgetacct.model import _fields

    found: set[Callable[..., Any]] = set()
    stack = [validator]
    while stack:
        fn = stack.pop()
        if fn is None or fn in found:
            continue
        found.add(fn)
        stack.extend(getattr(fn, "_validators", ()))  # attrs.validators.and_
        for cell in getattr(fn, "__closure__", None) or ():
            try:
                content = cell.cell_contents
            except ValueError:  # pragma: no cover - an empty cell
                continue
            if callable(content) and getattr(content, "__module__", None) == _fields.__name__:
                stack.append(content)
    return found


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def leaf(self, tp: Any, checks: set[Callable[..., Any]]) -> dict[str, Any] | None:
        from budgetacct.codes import EconomicCode, FunctionCode
        from budgetacct.io.converter import describe
        from budgetacct.model import _fields as v
        from budgetacct.model.tables import Cell, Mark
        from budgetacct.money import Amount, Percent

        description = describe(tp)[1]
        if tp == Cell:
            return {
                "anyOf": [
                    {"type": "string", "pattern": NON_NEGATIVE_DECIMAL_PATTERN},
                    {"enum": [mark.value for mark in Mark]},
                    {"type": "null"},
                ],
                "description": description,
            }
        if tp is Amount:
            non_negative = v.non_negative_amount in checks or v.optional_non_negative_amount in checks
            pattern = NON_NEGATIVE_DECIMAL_PATTERN if non_negative else DECIMAL_PATTERN
            return {"type": "string", "pattern": pattern, "description": description}
        if tp is Percent or tp is Decimal:
            return {"type": "string", "pattern": DECIMAL_PATTERN, "description": description}
        if tp is FunctionCode:
            return {"type": "string", "pattern": FUNCTION_CODE_PATTERN, "description": description}
        if tp is EconomicCode:
            return {"type": "string", "pattern": ECONOMIC_CODE_PATTERN, "description": description}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            schema: dict[str, Any] = {"type": "integer"}
            if v.year in checks:
                schema.update(minimum=1990, maximum=2100)
            elif v.count in checks:
                schema.update(minimum=0, maximum=10**9)
            return schema
        if tp is str:
            if v.text in checks:
                return {"type": "string", "minLength": 1, "maxLength": 10_000, "pattern": r"\S"}
            return {"type": "string"}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [member.value for member in tp], "description": description}
        return None

    def of(self, tp: Any, checks: set[Callable[..., Any]], path: str) -> dict[str, Any]:
        import attrs

        leaf = self.leaf(tp, checks)
        if leaf is not None:
            return leaf
        inner = _optional_inner(tp)
        if inner is not None:
            return {"anyOf": [self.of(inner, checks, path), {"type": "null"}]}
        element = _tuple_element(tp)
        if element is not None:
            return {"type": "array", "items": self.of(element, set(), f"{path}[]")}
        if isinstance(tp, type) and attrs.has(tp):
            name = tp.__name__
            if name not in self.defs:
                self.defs[name] = {}  # placeholder: a class that refers to itself ends here
                self.defs[name] = self.object(tp)
            return {"$ref": f"#/$defs/{name}"}
        raise InvalidValue("可序列化的字段类型", "a serializable field type", tp, path=path)

    def object(self, cls: type[Any], tag: str | None = None) -> dict[str, Any]:
        import attrs

        from budgetacct.io.converter import unstructure

        attrs.resolve_types(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tag is not None:
            properties["type"] = {"const": tag}
            required.append("type")
        for field in attrs.fields(cls):
            schema = dict(self.of(field.type, _validators(field.validator), f"$.{cls.__name__}.{field.name}"))
            if field.default is attrs.NOTHING:
                required.append(field.name)
            else:
                default = field.default
                if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                    default = default.factory()
                schema["default"] = unstructure(default)
            properties[field.name] = schema
        result: dict[str, Any] = {"type": "object", "title": cls.__name__}
        doc = (cls.__doc__ or "").strip().split("\n\n")[0]
        if doc:
            result["description"] = " ".join(doc.split())
        result.update(properties=properties, required=required, additionalProperties=False)
        return result


def json_schema(cls: type[Any] | str | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``cls`` serialized (default: a Disclosure document).

    ``cls`` is a model class or a document's type tag, as ``budgetacct schema --type`` takes it
    (``"Disclosure"``, ``"Ledger"``).  A top-level document class gets its ``type`` tag; every
    nested class is a ``$defs`` entry referred to by ``$ref``.

    >>> json_schema("Ledger")["properties"]["type"]
    {'const': 'Ledger'}
    """
    import attrs

    from budgetacct.io.converter import document_types

    if isinstance(cls, str):
        by_tag: dict[str, type[Any]] = dict(document_types())
        if cls not in by_tag:
            raise InvalidValue(f"文档类型 {'、'.join(by_tag)}", f"a document type: {', '.join(by_tag)}", cls)
        cls = by_tag[cls]
    if cls is None:
        from budgetacct.model import Disclosure

        cls = Disclosure
    if not (isinstance(cls, type) and attrs.has(cls)):
        raise InvalidValue(
            "模型类（如 Disclosure、Ledger）", "a model class such as Disclosure or Ledger", cls
        )
    tags: dict[type[Any], str] = {klass: tag for tag, klass in document_types().items()}
    builder = _Builder()
    root = builder.object(cls, tags.get(cls))
    schema: dict[str, Any] = {"$schema": DRAFT, **root}
    builder.defs.pop(cls.__name__, None)
    if builder.defs:
        schema["$defs"] = dict(sorted(builder.defs.items()))
    return schema


def validate(data: Any, cls: type[Any] | str | None = None) -> None:
    """Check JSON-ready ``data`` against :func:`json_schema` of ``cls`` (needs ``budgetacct[schema]``).

    Raises :class:`~budgetacct.errors.InputError` listing every place the schema refuses.
    """
    try:
        jsonschema: Any = importlib.import_module("jsonschema")
    except ImportError:
        raise MissingDependency("jsonschema", "schema") from None
    schema = json_schema(cls)
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for error in _leaves(validator.iter_errors(data)):
        # A key that is not an identifier is quoted, so the path reads back with parse_path.
        path = render_path(tuple(error.absolute_path))
        message = " ".join(str(error.message).split())[:160]
        problems.append(
            Problem(
                path,
                f"符合JSON Schema的值（{message}）",
                f"a value the schema accepts ({message})",
                _shown(error.instance),
            )
        )
    if problems:
        raise InputError(sorted(problems, key=lambda p: p.path))


def _leaves(errors: Iterable[Any]) -> list[Any]:
    """The errors that say what is wrong: inside ``anyOf`` (an optional field), the non-null branch's."""
    found = []
    for error in errors:
        context = [
            e for e in (error.context or ()) if not (e.validator == "type" and e.validator_value == "null")
        ]
        found.extend(_leaves(context) if context else [error])
    return found


def _shown(value: Any) -> Any:
    if isinstance(value, Mapping | list):
        from budgetacct.io.converter import shown

        return shown(value)
    return value
