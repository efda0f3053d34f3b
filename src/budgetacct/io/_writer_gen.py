"""Generated compact JSON writers: one plain Python function per model class.

``dump(obj, indent=None)`` used to unstructure an object into dicts and lists and hand them to
``json.dumps``: two passes and a dict per line item.  The function generated here writes the
JSON text of an object directly, field by field, with every value written the way the converter
and ``json.dumps(..., ensure_ascii=False, separators=(",", ":"))`` write it: strings through the
standard library's own escaping function, amounts and codes as their exact text, enum members
from a table of their JSON text, defaults omitted under the converter's rule (equal to the
default, and for amounts also the same digits).  Types it has no inline form for go through the
converter's own unstructure hook and ``json.dumps``.

The output is byte-identical to the two-pass path; ``tests/test_writer_gen.py`` checks that on
generated documents.  See ``docs/decisions/0009-generated-writers.md``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from json.encoder import encode_basestring
from typing import Any, Final

import attrs

from budgetacct._codegen import define
from budgetacct.io._types import is_enum, optional_inner, tuple_element

__all__ = ["WriterFactory"]

Writer = Callable[[Any], str]

_COMPACT: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


class WriterFactory:
    """Makes (and remembers) the writer of each model class.

    ``unstructure_hook(tp)`` is the converter's hook for a type the writers do not write inline.
    """

    def __init__(self, unstructure_hook: Callable[[Any], Callable[[Any], Any]]) -> None:
        self._hook = unstructure_hook
        self._writers: dict[type[Any], Writer] = {}
        self._documents: dict[type[Any], Writer] = {}

    def writer(self, cls: type[Any]) -> Writer:
        """The compact JSON text of an object of ``cls``."""
        found = self._writers.get(cls)
        if found is None:
            found = self._writers[cls] = self._make(cls)
        return found

    def document_writer(self, cls: type[Any]) -> Writer:
        """A top-level document: ``{"type":"<class name>",...}`` and a newline, in one string."""
        found = self._documents.get(cls)
        if found is None:
            found = self._documents[cls] = self._make(cls, tag=cls.__name__, newline=True)
        return found

    # --- generation ---------------------------------------------------------------------------

    def _make(self, cls: type[Any], *, tag: str | None = None, newline: bool = False) -> Writer:
        from budgetacct.money import Amount, Percent

        attrs.resolve_types(cls)
        # Expressions refer to constants by name: they are embedded in f-strings, which (before
        # Python 3.12) may not repeat their own quote character or hold a backslash.
        names: dict[str, Any] = {
            "_esc": encode_basestring,
            "_str": str,
            "_int": int.__repr__,
            "_Q": '"',
            "_NULL": "null",
            "_TRUE": "true",
            "_FALSE": "false",
            "_LB": "[",
            "_RB": "]",
            "_COMMA": ",",
            "_EMPTY": "",
            "_NO_ITEMS": (),
        }

        def name(prefix: str, value: Any) -> str:
            key = f"{prefix}{len(names)}"
            names[key] = value
            return key

        def quoted(tp: Any, value: str) -> str | None:
            """An expression for the text between the quotes, for values written as JSON
            strings that never need escaping (amounts, decimals, codes); else ``None``."""
            if tp is Amount or tp is Percent:
                # str(Amount) is str(Decimal): digits, sign, point, exponent.
                return f"_str({value}.value)"
            if tp is Decimal:
                return f"_str({value})"
            if _is_code(tp):
                return f"{value}.code"  # validated ASCII digits
            return None

        def quoted_field(tp: Any, value: str) -> str | None:
            """Like :func:`quoted`, as the inside of an f-string replacement field (``!s`` asks
            for ``str()`` without a name lookup and a call)."""
            if tp is Amount or tp is Percent:
                return f"{value}.value!s"
            if tp is Decimal:
                return f"{value}!s"
            return quoted(tp, value)

        def raw(tp: Any, value: str) -> str:
            """An expression giving the whole JSON text of ``value`` (of declared type ``tp``)."""
            inner_text = quoted(tp, value)
            if inner_text is not None:
                return f"_Q + {inner_text} + _Q"
            inner = optional_inner(tp)
            if inner is not None:
                return f"(_NULL if {value} is None else {raw(inner, value)})"
            if tp is str:
                return f"_esc({value})"
            if tp is bool:
                return f"(_TRUE if {value} else _FALSE)"
            if tp is int:
                return f"_int({value})"
            if is_enum(tp):
                table = name("_enum", {member: _COMPACT.encode(member.value) for member in tp})
                return f"{table}[{value}]"
            element = tuple_element(tp)
            if element is not None:
                if attrs.has(element) and not _is_code(element):
                    writer = name("_writer", self.writer(element))
                    return f"_LB + _COMMA.join(map({writer}, {value})) + _RB"
                return f"_LB + _COMMA.join([{raw(element, 'e')} for e in {value}]) + _RB"
            if attrs.has(tp):
                writer = name("_writer", self.writer(tp))
                return f"{writer}({value})"
            hook = name("_hook", self._hook(tp))
            encode = name("_encode", _COMPACT.encode)
            return f"{encode}({hook}({value}))"

        def condition_for(field: Any, value: str) -> tuple[str, Any]:
            """When a defaulted field is written (the converter's rule), and the type to write."""
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                factory = name("_factory", default.factory)
                return f"{value} != {factory}({'o' if default.takes_self else ''})", field.type
            if default is None:
                # Written only when not None: the member needs no null branch.
                return f"{value} is not None", optional_inner(field.type) or field.type
            if default == () and tuple_element(field.type) is not None:
                return value, field.type
            default_name = name("_default", default)
            condition = f"{value} != {default_name}"
            if default.__class__ in (Amount, Percent, Decimal):
                # Equal to the default but written with other digits ("0.00" vs "0"): kept.
                text = name("_text", str(default))
                condition += f" or _str({value}) != {text}"
            return condition, field.type

        def inline(element: type[Any], var: str, lead: str = "") -> str | None:
            """An f-string expression writing an object of ``element`` held in ``var``: used for
            tuples of small classes, so no function call is made per item.  ``None`` when the
            class holds other model objects or starts with an optional field."""
            fields = attrs.fields(element)
            if (
                not fields
                or fields[0].default is not attrs.NOTHING
                or element.__module__.startswith("budgetacct.codes")
            ):
                return None
            for field in fields:
                leaf = optional_inner(field.type) or tuple_element(field.type) or field.type
                if attrs.has(leaf) and not _is_code(leaf):
                    return None
            attrs.resolve_types(element)
            # (condition under which the member is written, or None: always; its text).
            members: list[tuple[str | None, str]] = []
            index = 0
            while index < len(fields):
                field = fields[index]
                key = _COMPACT.encode(field.name)
                value = f"{var}.{field.name}"
                following = fields[index + 1] if index + 1 < len(fields) else None
                if (
                    field.default is attrs.NOTHING
                    and is_enum(field.type)
                    and following is not None
                    and following.default is attrs.NOTHING
                    and is_enum(following.type)
                ):
                    # Two enum members in a row (a line item's fund and kind): one lookup in a
                    # table of both members' text instead of two lookups and two pieces.
                    second = _COMPACT.encode(following.name)
                    pairs = {
                        a: {
                            b: f"{key}:{_COMPACT.encode(a.value)},{second}:{_COMPACT.encode(b.value)}"
                            for b in following.type
                        }
                        for a in field.type
                    }
                    table = name("_pairs", pairs)
                    members.append((None, f"{{{table}[{value}][{var}.{following.name}]}}"))
                    index += 2
                    continue
                if field.default is attrs.NOTHING:
                    members.append((None, piece(field.type, key, value)))
                else:
                    condition, member_type = condition_for(field, value)
                    members.append((condition, piece(member_type, key, value)))
                index += 1
            optional = [condition for condition, _ in members if condition is not None]
            if len(optional) > _MAX_TEMPLATE_CHOICES:
                # A single-quoted f-string inside the item's triple-double-quoted one, inside the
                # writer's triple-single-quoted one: one string built per member present.
                text = "".join(
                    ("," if position else "") + member
                    if condition is None
                    else f"{{f',{member}' if {condition} else ''}}"
                    for position, (condition, member) in enumerate(members)
                )
                return 'f"""' + lead + "{{" + text + '}}"""'
            # Few optional members: one template for each combination of those present, chosen
            # by their conditions, so no member is built as a string of its own.
            return _choose(members, optional, {}, lead)

        def spliced(tp: Any, value: str) -> str | None:
            """For a tuple of small model objects: a list of their texts, each after a comma."""
            element = tuple_element(tp)
            if element is None or not attrs.has(element) or _is_code(element):
                return None
            items = inline(element, "e", lead=",")
            return None if items is None else f"[{items} for e in {value}]"

        def joined(tp: Any, value: str) -> str | None:
            """For a tuple of model objects: the expression joining their texts with commas."""
            element = tuple_element(tp)
            if element is None or not attrs.has(element) or _is_code(element):
                return None
            items = inline(element, "e")
            if items is not None:
                # Items written in place by a comprehension: no call per item.
                return f"_COMMA.join([{items} for e in {value}])"
            writer = name("_writer", self.writer(element))
            return f"_COMMA.join(map({writer}, {value}))"

        def piece(tp: Any, key: str, value: str) -> str:
            """The f-string text of one member: ``"key":value``."""
            inner_text = quoted_field(tp, value)
            if inner_text is not None:
                return f'{key}:"{{{inner_text}}}"'
            items = joined(tp, value)
            if items is not None:
                return f"{key}:[{{{items}}}]"  # brackets as literal text
            return f"{key}:{{{raw(tp, value)}}}"

        fields = attrs.fields(cls)
        fn_name = f"write_{cls.__name__}"
        lines = [f"def {fn_name}(o):"]
        members: list[str] = []
        if tag is not None:
            members.append('"type":' + _COMPACT.encode(tag))
        first_required = tag is not None or (bool(fields) and fields[0].default is attrs.NOTHING)
        # Lists spliced into the result (see below): (index, f-string text before it).
        splices: list[tuple[int, str]] = []
        for index, field in enumerate(fields):
            key = _COMPACT.encode(field.name)
            comma = "" if index == 0 and first_required and tag is None else ","
            if field.default is attrs.NOTHING:
                members.append(comma + piece(field.type, key, f"o.{field.name}"))
                continue
            value, part = f"v{index}", f"p{index}"
            lines.append(f"    {value} = o.{field.name}")
            condition, member_type = condition_for(field, value)
            items = spliced(member_type, value) if first_required else None
            if items is not None:
                # A long list (a ledger's line items) is spliced into the one final join, so
                # its text is copied once, not joined first and copied again.  Each item is
                # written after a comma; the first item's is dropped and the list's opening
                # bracket goes into the text before it.
                lines.append(f"    if {condition}:")
                lines.append(f"        {part} = {items}")
                lines.append(f"        {part}[0] = {(comma + key + ':[')!r} + {part}[0][1:]")
                lines.append(f"        t{index} = ']'")
                lines.append("    else:")
                lines.append(f"        {part} = _NO_ITEMS")
                lines.append(f"        t{index} = ''")
                splices.append((index, "".join(members)))
                members = [f"{{t{index}}}"]
                continue
            items = joined(member_type, value)
            if items is not None:
                # The long list (a ledger's line items) is copied once, into the result: its
                # opening and closing text are separate members around it.
                lines.append(f"    if {condition}:")
                lines.append(f"        h{index}, {part}, t{index} = {(comma + key + ':[')!r}, {items}, ']'")
                lines.append("    else:")
                lines.append(f"        h{index} = {part} = t{index} = ''")
                members.append(f"{{h{index}}}{{{part}}}{{t{index}}}")
                continue
            lines.append(
                f"    {part} = f'''{comma}{piece(member_type, key, value)}''' if {condition} else ''"
            )
            members.append(f"{{{part}}}")
        body = "".join(members)
        end = "\\n" if newline else ""
        if splices:
            # One join of the texts between the lists and the lists' items.
            head, *between = [text for _, text in splices]
            pieces = [f"f'''{{{{{head}'''", f"*p{splices[0][0]}"]
            for (index, _), text in zip(splices[1:], between, strict=True):
                pieces += [f"f'''{text}'''", f"*p{index}"]
            pieces.append(f"f'''{body}}}}}{end}'''")
            lines.append(f"    return _EMPTY.join([{', '.join(pieces)}])")
        elif first_required or not fields:
            lines.append(f"    return f'''{{{{{body}}}}}{end}'''")
        else:
            lines.append(f"    b = f'''{body}'''")
            lines.append(f"    return '{{' + b[1:] + '}}{end}'")

        source = "\n".join(lines) + "\n"
        return define(source, fn_name, names, f"generated writer {cls.__module__}.{cls.__qualname__}")


#: Up to this many optional members, an item is written by one template per combination.
_MAX_TEMPLATE_CHOICES: Final = 2


def _choose(
    members: list[tuple[str | None, str]], optional: list[str], present: dict[str, bool], lead: str
) -> str:
    """The expression writing an item (after ``lead``): nested conditionals down to one
    f-string per combination of the optional members present."""
    undecided = [condition for condition in optional if condition not in present]
    if undecided:
        condition = undecided[0]
        written = _choose(members, optional, {**present, condition: True}, lead)
        left_out = _choose(members, optional, {**present, condition: False}, lead)
        return f"({written} if {condition} else {left_out})"
    text = ",".join(member for condition, member in members if condition is None or present[condition])
    return 'f"""' + lead + "{{" + text + '}}"""'


def _is_code(tp: Any) -> bool:
    from budgetacct.codes import EconomicCode, FunctionCode

    return tp is FunctionCode or tp is EconomicCode
