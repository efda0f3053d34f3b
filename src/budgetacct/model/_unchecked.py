"""Constructors that skip the field validators, for objects the library builds itself.

:meth:`Ledger.publish <budgetacct.model.ledger.Ledger.publish>` makes a hundred or more
:class:`~budgetacct.model.disclosure.FunctionLine` rows per department from sums it has just
computed: the codes are :class:`FunctionCode` objects, the figures non-negative
:class:`Amount` objects, the names catalogue strings.  Running twelve validators per row to
re-establish that was the largest single cost of auditing a ledger.  The constructor made here
has the same signature and defaults as the class's ``__init__`` and sets the same attributes,
without the checks.

It is private on purpose: only code whose arguments are valid by construction may use it.  The
tests run ``attrs.validate`` over everything ``publish`` produces (``tests/test_ledger.py``), so
a publisher bug that would have tripped a validator still fails a test.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from budgetacct._codegen import define, slot_setter

__all__ = ["unchecked"]

T = TypeVar("T")


def unchecked(cls: type[T]) -> Callable[..., T]:
    """A function with ``cls.__init__``'s signature that builds ``cls`` without validators.

    Only for frozen slotted attrs classes without ``__attrs_post_init__``, converters or
    ``init=False`` fields (anything else is refused, so the shortcut cannot silently drop work).
    """
    if not attrs.has(cls) or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a slotted attrs class")
    if hasattr(cls, "__attrs_post_init__") or hasattr(cls, "__attrs_pre_init__"):
        raise TypeError(f"{cls.__name__} has init hooks the shortcut would skip")
    fields = attrs.fields(cls)
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    params: list[str] = []
    body: list[str] = ["    self = _new(_cls)"]
    keyword_only = False
    for index, field in enumerate(fields):
        if not field.init or field.converter is not None:
            raise TypeError(f"{cls.__name__}.{field.name} is not a plain init field")
        name = field.alias
        namespace[f"_set{index}"] = slot_setter(cls, field.name)
        if field.kw_only and not keyword_only:
            params.append("*")
            keyword_only = True
        if field.default is attrs.NOTHING:
            params.append(name)
            body.append(f"    _set{index}(self, {name})")
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            if field.default.takes_self:
                raise TypeError(f"{cls.__name__}.{field.name} has a default that takes self")
            namespace[f"_factory{index}"] = field.default.factory
            namespace[f"_unset{index}"] = unset = object()
            params.append(f"{name}=_unset{index}")
            body.append(f"    _set{index}(self, _factory{index}() if {name} is _unset{index} else {name})")
            del unset
        else:
            namespace[f"_default{index}"] = field.default
            params.append(f"{name}=_default{index}")
            body.append(f"    _set{index}(self, {name})")
    source = f"def make_{cls.__name__}({', '.join(params)}):\n" + "\n".join(body) + "\n    return self\n"
    return define(source, f"make_{cls.__name__}", namespace, f"unchecked {cls.__module__}.{cls.__qualname__}")
