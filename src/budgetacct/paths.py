"""Paths to a value inside a document: ``$.expenditure.lines[3].amount``.

A :data:`Path` is a tuple of field names or dict keys (``str``) and list indexes (``int``), read
from the root ``$`` outward.  Every place in budgetacct that names where a value sits (errors of
the JSON reader, the report reader's sources, audit findings) renders it with
:func:`render_path`; :func:`parse_path` reads the text back and :func:`resolve_path` finds the
value inside an object.

>>> render_path(("expenditure", "lines", 3, "amount"))
'$.expenditure.lines[3].amount'
>>> parse_path("$.expenditure.lines[3].amount")
('expenditure', 'lines', 3, 'amount')
>>> render_path(("items", "a b"))
"$.items['a b']"

Keys that are not identifiers are written as quoted Python string literals in brackets, so a
key ``"3"`` (``$['3']``) never reads back as the index ``3`` (``$[3]``).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from typing import Any, Final, TypeAlias

import attrs

__all__ = ["Path", "join_path", "parse_path", "render_path", "resolve_path"]

#: Field names / dict keys (``str``) and list indexes (``int``), from the root outward:
#: ``("revenue", "lines", 0, "amount")`` is ``$.revenue.lines[0].amount``.
Path: TypeAlias = tuple[str | int, ...]

ROOT: Final = "$"


def _part(part: str | int) -> str:
    if isinstance(part, int):
        return f"[{part}]"
    if part.isidentifier():
        return "." + part
    return "[" + repr(part) + "]"


def render_path(path: Path) -> str:
    """The text of ``path``: ``("items", 2, "code")`` → ``$.items[2].code``.

    >>> render_path(())
    '$'
    """
    return ROOT + "".join([_part(part) for part in path])


def join_path(base: str, part: str | int) -> str:
    """Extend the rendered path ``base`` by one field name or list index.

    >>> join_path("$", "lines")
    '$.lines'
    >>> join_path("$.lines", 3)
    '$.lines[3]'
    """
    return base + _part(part)


# An identifier never holds "." or "[", so a name runs up to the next one of them.
_NAME: Final = re.compile(r"\.([^.\[]+)")
_INDEX: Final = re.compile(r"\[(0|[1-9][0-9]*)\]", re.ASCII)
_QUOTED: Final = re.compile(r"\[('(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\")\]")


def parse_path(text: str) -> Path:
    """The :data:`Path` written as ``text`` (the inverse of :func:`render_path`).

    Raises :class:`~budgetacct.errors.InvalidValue` for text that is not a path.

    >>> parse_path("$.items['a b'][0]")
    ('items', 'a b', 0)
    >>> parse_path("items")
    Traceback (most recent call last):
    ...
    budgetacct.errors.InvalidValue: $：应为以 $ 开头的路径（如 $.revenue.lines[0]），实际为 'items' | $: expected a path starting with $ such as $.revenue.lines[0], found 'items'
    """
    if not isinstance(text, str) or not text.startswith(ROOT):
        raise _malformed(text)
    parts: list[str | int] = []
    position = len(ROOT)
    while position < len(text):
        if match := _NAME.match(text, position):
            name = match.group(1)
            if not name.isidentifier():
                raise _malformed(text)
            parts.append(name)
        elif match := _INDEX.match(text, position):
            parts.append(int(match.group(1)))
        elif match := _QUOTED.match(text, position):
            parts.append(_literal(match.group(1), text))
        else:
            raise _malformed(text)
        position = match.end()
    return tuple(parts)


def _literal(quoted: str, text: str) -> str:
    try:
        key = ast.literal_eval(quoted)
    except (SyntaxError, ValueError):
        raise _malformed(text) from None
    if not isinstance(key, str):  # pragma: no cover - the pattern admits only string literals
        raise _malformed(text)
    return key


def _malformed(text: object) -> Exception:
    from budgetacct.errors import InvalidValue

    return InvalidValue(
        "以 $ 开头的路径（如 $.revenue.lines[0]）", "a path starting with $ such as $.revenue.lines[0]", text
    )


_NOTHING: Final = object()


def resolve_path(obj: object, path: str | Path) -> Any:
    """The value at ``path`` (its text or its parts) inside ``obj``.

    The walk follows attrs fields, dict keys and tuple or list indexes.  When it cannot go on
    (no such field, key or index, or the text is not a path) it raises
    :class:`~budgetacct.errors.UnresolvedPath`, a :class:`LookupError` that names the path and
    the part where it stopped.

    >>> from budgetacct import load_example
    >>> resolve_path(load_example("xiqu-2021"), "$.revenue.lines[0].share")
    Percent('88.96')
    """
    from budgetacct.errors import InvalidValue, UnresolvedPath

    if isinstance(path, str):
        try:
            parts = parse_path(path)
        except InvalidValue:
            raise UnresolvedPath(path, path) from None
    else:
        parts = path
    node: Any = obj
    for depth, part in enumerate(parts):
        node = _step(node, part)
        if node is _NOTHING:
            text = path if isinstance(path, str) else render_path(parts)
            raise UnresolvedPath(text, render_path(parts[: depth + 1]))
    return node


def _step(node: Any, part: str | int) -> Any:
    if isinstance(part, int):
        if isinstance(node, (tuple, list)) and 0 <= part < len(node):
            return node[part]
        return _NOTHING
    if isinstance(node, Mapping):
        return node.get(part, _NOTHING)
    if attrs.has(type(node)) and part in attrs.fields_dict(type(node)):
        return getattr(node, part)
    return _NOTHING
