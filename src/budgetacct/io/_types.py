"""Reading the model's type hints: shared by the converter and the JSON Schema generator."""

from __future__ import annotations

import enum
import types
import typing
from typing import Any

__all__ = ["is_enum", "is_optional", "is_tuple", "optional_inner", "tuple_element"]


def optional_inner(tp: Any) -> Any:
    """``X`` for ``X | None`` (``Optional[X]``), else ``None``.

    >>> optional_inner(int | None), optional_inner(int)
    (<class 'int'>, None)
    """
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if len(args) == 2 and type(None) in args:
            return args[0] if args[1] is type(None) else args[1]
    return None


def tuple_element(tp: Any) -> Any:
    """``X`` for ``tuple[X, ...]``, else ``None``.

    >>> tuple_element(tuple[str, ...]), tuple_element(tuple[str, int])
    (<class 'str'>, None)
    """
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return args[0]
    return None


def is_enum(tp: Any) -> bool:
    """Whether ``tp`` is an Enum class."""
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def is_optional(tp: Any) -> bool:
    """Whether ``tp`` is ``X | None``."""
    return optional_inner(tp) is not None


def is_tuple(tp: Any) -> bool:
    """Whether ``tp`` is ``tuple[X, ...]``."""
    return tuple_element(tp) is not None
