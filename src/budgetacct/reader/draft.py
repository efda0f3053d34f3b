"""The draft of a read report: figures found so far as nested dicts and lists, with where each
was read (:class:`Source`), the unit each amount was written in (:class:`UnitUse`) and the
sentences left unread (:class:`Unread`).

The readers of prose (:mod:`budgetacct.reader.sentences`) and tables
(:mod:`budgetacct.reader.tables`) put figures into one :class:`Draft`;
:mod:`budgetacct.reader.assemble` then builds the Disclosure from it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from budgetacct.money import Amount, Unit
from budgetacct.paths import Path, render_path
from budgetacct.reader.schema import field_type

__all__ = ["Draft", "Source", "UnitUse", "Unread", "Where", "figures_placed", "tidy_amount"]

_CENT: Final = Decimal("0.01")


def tidy_amount(value: Amount, unit: Unit) -> Amount:
    """An amount converted from 元 or 亿元, written with no more digits than it needs (at least two
    decimals): ``3125000.00元`` → ``312.50`` 万元, while ``1234.56元`` stays ``0.123456``.

    >>> tidy_amount(Amount("312.500000"), Unit.YUAN), tidy_amount(Amount("0.123456"), Unit.YUAN)
    (Amount('312.50'), Amount('0.123456'))
    """
    if unit is Unit.WAN_YUAN:
        return value
    number = value.value.normalize()
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent >= -2:
        return Amount(value.value.quantize(_CENT))
    return Amount(number)


#: What a read names beside its figures: the report's year and its department.
_NAMES: Final = frozenset({"$.year", "$.department"})


def figures_placed(placed: Iterable[tuple[str, int, int, str]]) -> int:
    """How many printed figures the placed ``(path, start, end, printed)`` hold, counted as a
    report's unread figures are: a printed number once, though it fills two fields (“收、支总计各
    1000万元”); neither the year nor the department's name, nor a change's direction word (增加),
    which belong to no figure of their own.

    >>> figures_placed([("$.year", 0, 4, "2021"), ("$.overview.revenue_grand_total", 9, 15, "1000万元"),
    ...                 ("$.overview.expenditure_grand_total", 9, 15, "1000万元"),
    ...                 ("$.overview.change.direction", 18, 20, "增加"), ("$.overview.change.amount", 20, 24, "50万元")])
    2
    """
    return len(
        {
            (start, end)
            for path, start, end, printed in placed
            if path not in _NAMES and any(ch.isdigit() for ch in printed)
        }
    )


@attrs.frozen
class Source:
    """Where a figure of the Disclosure was read: its path, the line, the figure's offsets in the
    original text (``text[start:end]`` is ``printed``) and the (normalized) sentence or cell."""

    path: str
    line: int
    start: int
    end: int
    printed: str
    sentence: str


@attrs.frozen
class Unread:
    """A sentence (or table cell) that prints figures the reader did not put into the Disclosure.

    ``figures`` are the printed figures left over; ``reason`` says why, in English and Chinese.
    """

    line: int
    start: int
    end: int
    sentence: str
    reason: str
    reason_zh: str
    figures: tuple[str, ...] = ()


@attrs.frozen
class UnitUse:
    """The unit an amount was written in (``元`` amounts are converted to 万元)."""

    path: str
    unit: Unit
    printed: str


@attrs.define(slots=True)
class Where:
    """The place of a figure in the input (line, absolute offsets) and its sentence or cell."""

    line: int
    start: int
    end: int
    context: str


_MISSING: Final = object()
_MAX_TEXT: Final = 10_000


def _shown(value: object) -> str:
    return str(value.value) if isinstance(value, enum.Enum) else str(value)


def _shape(path: Path) -> Path:
    """``path`` with every list index 0 (the model's shape does not depend on the index)."""
    return tuple(0 if isinstance(part, int) else part for part in path)


class Draft:
    """Figures as nested dicts and lists, with sources, unit records and unread sentences.

    ``put`` keeps the first value stated for a path; a later, equal statement adds a source, a
    different one is reported in ``unread`` (the first statement wins).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.data: dict[str, Any] = {}
        self.sources: list[Source] = []
        self.units: list[UnitUse] = []
        self.unread: list[Unread] = []
        self.notes: list[str] = []
        self._keys: dict[Path, dict[object, int]] = {}
        self._partial: set[Path] = set()

    # navigation -------------------------------------------------------------------------------------------

    def _container(self, path: Path, create: bool) -> Any:
        node: Any = self.data
        for position, part in enumerate(path):
            if isinstance(part, int):
                if not isinstance(node, list) or part > len(node) or (part == len(node) and not create):
                    return None
                if part == len(node):
                    node.append({})
                node = node[part]
            else:
                if not isinstance(node, dict):
                    return None
                if part not in node:
                    if not create:
                        return None
                    following = path[position + 1] if position + 1 < len(path) else None
                    node[part] = [] if isinstance(following, int) else {}
                node = node[part]
        return node

    def get(self, path: Path) -> Any:
        parent = self._container(path[:-1], create=False)
        last = path[-1]
        if isinstance(parent, dict) and isinstance(last, str):
            return parent.get(last)
        if isinstance(parent, list) and isinstance(last, int) and last < len(parent):
            return parent[last]
        return None

    def printed(self, where: Where) -> str:
        return self.text[where.start : where.end]

    def source(self, path: Path, where: Where) -> None:
        self.sources.append(
            Source(render_path(path), where.line, where.start, where.end, self.printed(where), where.context)
        )

    # writing ----------------------------------------------------------------------------------------------

    def put(self, path: Path, value: object, where: Where, unit: Unit | None = None) -> bool:
        """Set the figure at ``path`` (first statement wins); ``False`` on a conflicting restatement."""
        if isinstance(value, str) and (not value.strip() or len(value) > _MAX_TEXT):
            self.reject(where, "text empty or too long for the model", "文字为空或过长", (value[:40],))
            return False
        field_type(_shape(path))  # a path the model lacks is a reader bug: it raises ReaderBug
        parent = self._container(path[:-1], create=True)
        last = path[-1]
        if not isinstance(parent, dict) or not isinstance(last, str):  # pragma: no cover - programming error
            raise AssertionError(f"bad draft path {path!r}")
        existing = parent.get(last, _MISSING)
        if existing is _MISSING or existing is None:
            parent[last] = value
        elif existing != value:
            before, now = _shown(existing), _shown(value)
            self.reject(
                where,
                f"{render_path(path)} was already stated as {before}; this statement says {now}",
                f"{render_path(path)} 前文已为 {before}，此处为 {now}（保留前者）",
                (self.printed(where),),
            )
            return False
        self.source(path, where)
        if unit is not None:
            self.units.append(UnitUse(render_path(path), unit, self.printed(where)))
        return True

    def item(
        self, path: Path, key: object, required: Mapping[str, tuple[object, Where, Unit | None]]
    ) -> int | None:
        """The index of the list element of ``path`` identified by ``key`` (created with ``required``);
        ``None`` (and the figure reported unread) when a required text is empty or too long."""
        for value, where, _ in required.values():
            if isinstance(value, str) and (not value.strip() or len(value) > _MAX_TEXT):
                self.reject(where, "text empty or too long for the model", "文字为空或过长", (value[:40],))
                return None
        keys = self._keys.setdefault(path, {})
        if key in keys:
            index = keys[key]
            agreed = [
                self.put((*path, index, name), value, where, unit)
                for name, (value, where, unit) in required.items()
            ]
            # A restatement that differs (reported by put) is not the same element: nothing more
            # of it (a share, a budget) is attached to the element first stated.
            return index if all(agreed) else None
        parent = self._container(path[:-1], create=True)
        assert isinstance(parent, dict)
        last = path[-1]
        assert isinstance(last, str)
        elements = parent.setdefault(last, [])
        index = len(elements)
        elements.append({})
        keys[key] = index
        for name, (value, where, unit) in required.items():
            self.put((*path, index, name), value, where, unit)
        return index

    def partial(self, path: Path) -> None:
        """The list at ``path`` misses an element the text prints (it was left unread)."""
        self._partial.add(path)

    def mark_partial_lists(self) -> None:
        """Record on each list with a missing element that it is incomplete.

        The model's flag (``GeneralBudget.items_complete``) sits next to the list, named after
        it: the elements read are kept and checked one by one, while no sum is taken over a list
        that lacks some of its elements (it would be a false error).
        """
        for path in sorted(self._partial, key=render_path):
            parent = self._container(path[:-1], create=False)
            if isinstance(parent, dict) and parent.get(path[-1]):
                flag = f"{path[-1]}_complete"
                parent[flag] = False
                self.notes.append(
                    f"{render_path(path)} is incomplete: an element printed in the text was left unread"
                )

    def reject(self, where: Where, reason: str, reason_zh: str, figures: Iterable[str] = ()) -> None:
        self.unread.append(
            Unread(
                where.line,
                where.start,
                where.end,
                where.context[:1000],
                reason,
                reason_zh,
                tuple(figures)[:20],
            )
        )
