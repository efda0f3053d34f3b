"""Compiling generated functions (loading, writing, publishing): one place for the details."""

from __future__ import annotations

import itertools
import linecache
from collections.abc import Callable
from typing import Any

__all__ = ["define"]

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
