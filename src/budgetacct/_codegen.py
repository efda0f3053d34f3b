"""Compiling generated functions (loading, writing, publishing): one place for the details."""

from __future__ import annotations

import itertools
import linecache
import types
from collections.abc import Callable
from typing import Any

__all__ = ["define", "slot_setter"]

_NUMBERS = itertools.count(1)


def define(source: str, name: str, namespace: dict[str, Any], what: str) -> Callable[..., Any]:
    """Compile ``source`` (one ``def name(...)``) in ``namespace`` and return the function.

    The source is registered with :mod:`linecache` under a unique ``<budgetacct what #n>`` file
    name, so tracebacks, profilers and :func:`inspect.getsource` show the generated lines, and it
    is kept as the function's ``__doc__`` for reading.
    """
    filename = f"<budgetacct {what} #{next(_NUMBERS)}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)
    function: Callable[..., Any] = namespace[name]
    function.__doc__ = source
    return function


def slot_setter(cls: type[Any], name: str) -> Callable[[Any, Any], None]:
    """A function ``(obj, value)`` that stores ``value`` in the slot ``name`` of a ``cls`` instance.

    It is the slot descriptor's own ``__set__``: storing through it skips the attribute lookup by
    name that ``object.__setattr__(obj, name, value)`` makes on every call (about 20 ns a field,
    which generated constructors pay for every field of every object) and, like it, bypasses a
    frozen class's ``__setattr__``.  It is for *construction* only: filling the slots of an
    instance just made by ``object.__new__`` before anyone else sees it; an instance once handed
    out is never written again.  A name that is not a slot of ``cls`` is refused.
    """
    for klass in cls.__mro__:
        descriptor = klass.__dict__.get(name)
        if descriptor is not None:
            if isinstance(descriptor, types.MemberDescriptorType):
                setter: Callable[[Any, Any], None] = descriptor.__set__
                return setter
            break
    raise TypeError(f"{cls.__name__}.{name} is not a slot")
