"""Strategies for 功能分类 and 经济分类 codes, drawn from the year's bundled catalogue."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from budgetacct.codes import (
    CatalogueEntry,
    CodeLevel,
    EconomicCode,
    EconomicSystem,
    FunctionCode,
    nearest_catalogue,
)


def _level_digits(level: CodeLevel | str | int | None) -> int | None:
    if level is None:
        return None
    if isinstance(level, CodeLevel):
        return level.digits
    if isinstance(level, int) and not isinstance(level, bool) and level in (3, 5, 7):
        return level
    if isinstance(level, str):
        for known in CodeLevel:
            if level in (known.value, known.name.lower(), known.english):
                return known.digits
    raise InvalidArgument(f"level must be a CodeLevel, 类/款/项 or 3/5/7 digits, not {level!r}")


@functools.cache
def _function_entries(year: int, digits: int | None, leaves: bool) -> tuple[CatalogueEntry, ...]:
    cat = nearest_catalogue("function", year)[0]
    parents = {entry.parent for entry in cat if entry.parent is not None}
    # A 类 with no 款 in the (partial) bundled catalogue is not a leaf anyone books spending on.
    return tuple(
        entry
        for entry in cat
        if (digits is None or len(entry.code) == digits)
        and (not leaves or (entry.code not in parents and len(entry.code) > 3))
    )


def function_codes(
    year: int = 2021, *, level: CodeLevel | str | int | None = None, leaves: bool = False
) -> SearchStrategy[FunctionCode]:
    """功能分类 codes from the bundled catalogue of ``year`` (or the nearest year), in catalogue order.

    ``level`` keeps one level (``CodeLevel.ITEM``, ``"项"`` or ``7``); ``leaves=True`` keeps the
    款 and 项 without sub-codes in the catalogue (what line items are booked on).  Every code has a
    catalogue name: ``code.name(year)`` for a bundled year.

    >>> from hypothesis import find
    >>> find(function_codes(level="款"), lambda c: True)
    FunctionCode(code='20101')
    """
    return _function_code_strategy(year, _level_digits(level), leaves)


@functools.cache
def _function_code_strategy(year: int, digits: int | None, leaves: bool) -> SearchStrategy[FunctionCode]:
    entries = _function_entries(year, digits, leaves)
    if not entries:
        raise InvalidArgument(f"no 功能分类 code with {digits} digits in the catalogue used for {year}")
    return st.sampled_from(tuple(FunctionCode.of(entry.code) for entry in entries))


@functools.cache
def _economic_entries(
    year: int, systems: tuple[EconomicSystem, ...], digits: int | None, classes: tuple[str, ...] | None
) -> tuple[EconomicCode, ...]:
    found: list[EconomicCode] = []
    for system in systems:
        for entry in nearest_catalogue(system.kind, year)[0]:
            if digits is not None and len(entry.code) != digits:
                continue
            if classes is not None and entry.code[:3] not in classes:
                continue
            found.append(EconomicCode.of(entry.code))
    return tuple(found)


def economic_codes(
    system: EconomicSystem | None = EconomicSystem.DEPARTMENT,
    *,
    year: int = 2021,
    level: CodeLevel | str | int | None = None,
    classes: Iterable[str] | None = None,
) -> SearchStrategy[EconomicCode]:
    """经济分类 codes from the bundled catalogue: 部门预算 (``3xx``, the default), 政府预算 (``5xx``)
    or both (``system=None``); ``classes`` keeps some 类 (``("301", "302")``).

    >>> from hypothesis import find
    >>> find(economic_codes(level=5, classes=["302"]), lambda c: True)
    EconomicCode(code='30201')
    """
    systems = tuple(EconomicSystem) if system is None else (system,)
    chosen = None if classes is None else tuple(sorted(set(classes)))
    codes = _economic_entries(year, systems, _level_digits(level), chosen)
    if not codes:
        raise InvalidArgument("no economic code matches these arguments")
    return st.sampled_from(codes)


def _basic_codes(
    year: int, classes: tuple[str, ...] = ("301", "302", "303", "310")
) -> tuple[EconomicCode, ...]:
    """The 款 of 301/302/303/310 (or of some of these ``classes``) a classifiable 基本支出 line carries.

    The 三公 款 (30212, 30217, 30231, 31013) are left out: the 三公 account is drawn on its own,
    and R30 requires it to cover any basic spending booked on those codes.
    """
    codes = _economic_entries(year, (EconomicSystem.DEPARTMENT,), 5, classes)
    return tuple(code for code in codes if code.code not in _THREE_PUBLIC_ECONOMIC)


_THREE_PUBLIC_ECONOMIC: Final = frozenset({"30212", "30217", "30231", "31013", "30913"})


def _department_codes(year: int) -> tuple[EconomicCode, ...]:
    return _economic_entries(year, (EconomicSystem.DEPARTMENT,), 5, None)
