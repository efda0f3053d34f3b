"""The model's shape, as the reader needs it: which paths a figure may be put at.

The reader writes figures into a :class:`~budgetacct.reader.draft.Draft` by path
(``("overview", "revenue_grand_total")``).  A misspelt path would make the figure vanish without a
trace, so every path is checked against the attrs classes of the
:class:`~budgetacct.model.disclosure.Disclosure`: :func:`field_type` gives the type a path leads to
and raises :class:`ReaderBug` when the model has no such place.  The lexicon is validated with the
same function when it is loaded.

>>> field_type(("overview", "revenue_grand_total")).__name__
'Amount'
>>> field_type(("general_budget", "items", 0, "code")).__name__
'FunctionCode'
>>> field_type(("overview", "revenue_grand_totl"))
Traceback (most recent call last):
...
budgetacct.reader.schema.ReaderBug: $.overview.revenue_grand_totl: the model has no field revenue_grand_totl on Overview ...
"""

from __future__ import annotations

import functools
import types
import typing
from typing import Any, Final

import attrs

from budgetacct.paths import Path, render_path

__all__ = ["REPORT_TEXT", "ReaderBug", "budget_field_type", "field_type"]

#: Appended to the message of every :class:`ReaderBug`.
REPORT_TEXT: Final = "(a bug in the report reader, not in your input: please report it with the input text)"


class ReaderBug(AssertionError):
    """The reader tried to put a figure where the model has no place for it: a bug in the reader
    (or its lexicon), never a property of the input.  It is deliberately not an
    :class:`~budgetacct.errors.InputError`, so it is never mistaken for unreadable input."""

    def __init__(self, message: str) -> None:
        super().__init__(f"{message} {REPORT_TEXT}")


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _strip_optional(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


@functools.cache
def field_type(path: Path) -> Any:
    """The type at ``path`` below a Disclosure; :class:`ReaderBug` when the model has no such place."""
    from budgetacct.model.disclosure import Disclosure

    return _type_below(Disclosure, path)


@functools.cache
def budget_field_type(path: Path) -> Any:
    """The type at ``path`` below a :class:`~budgetacct.model.budget.Budget`; :class:`ReaderBug`
    when the model has no such place.

    >>> budget_field_type(("fiscal", "funds", 0, "change")).__name__
    'StatedChange'
    """
    from budgetacct.model.budget import Budget

    return _type_below(Budget, path)


def _type_below(root: type, path: Path) -> Any:
    current: Any = root
    for position, part in enumerate(path):
        current = _strip_optional(current)
        if isinstance(part, int):
            if typing.get_origin(current) is not tuple:
                raise ReaderBug(f"{render_path(path)}: {render_path(path[:position])} is not a list")
            current = typing.get_args(current)[0]
            continue
        if not (isinstance(current, type) and attrs.has(current)):
            raise ReaderBug(f"{render_path(path)}: {render_path(path[:position])} has no fields")
        if part not in attrs.fields_dict(current):
            raise ReaderBug(f"{render_path(path)}: the model has no field {part} on {current.__name__}")
        current = _hints(current)[part]
    return _strip_optional(current)
