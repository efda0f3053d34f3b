"""The word comparing a §五(三) item's 决算数 with its 年初预算数, read into ``FunctionLine.versus_budget``.

Reports word it in the item's own sentence (“…支出决算为1,511.89万元，完成年初预算的96.91%，
决算数小于年初预算数，主要原因是…”) or in the sentence right after it (“决算数小于预算数的主要原因：
…”, “决算数与预算数持平。”).  Other wordings: 高于/低于/超过/少于 (预算数), 等于预算数, 与年初预算
持平/相等/一致.  The audit then tests the word against the two printed figures (R99).

A following sentence is attached only to the one item read by the sentence just before it, in the
same part, section and subsection: never to an item further back, never across a heading, and not
when that sentence read several items (which of them the word is about is not said).  A comparison
with no item just before it stays unattached; it carries no figure, so nothing is reported unread.

“基本持平” (“大致持平”, “基本一致”, …) is left unread on purpose.  It says the two figures are
*about* equal: the 上海市普陀区财政局 2024年度决算 writes it of 135.90 against 135.25 as well as of
10.00 against 10.00.  Read as ``Direction.FLAT`` it would make R99 call a 0.65 difference an error
— a false finding, since the report claims no exact equality — and the model has no “about equal”
direction whose band R99 could check, so no statement is recorded.
"""

from __future__ import annotations

import re
import weakref
from typing import TYPE_CHECKING, Final

import attrs

from budgetacct.money import Direction
from budgetacct.paths import Path
from budgetacct.reader.normalize import Sentence
from budgetacct.reader.reading import ITEMS, Reader

if TYPE_CHECKING:  # pragma: no cover
    from re import Match

__all__ = ["follow_item", "note_item", "stated_direction"]

_WORDS: Final = {
    "大于": Direction.INCREASE,
    "高于": Direction.INCREASE,
    "超过": Direction.INCREASE,
    "超出": Direction.INCREASE,
    "多于": Direction.INCREASE,
    "小于": Direction.DECREASE,
    "低于": Direction.DECREASE,
    "少于": Direction.DECREASE,
    "等于": Direction.FLAT,
}
_SUBJECT: Final = r"(?:(?:支出)?决算(?:数|金额)?)"
_BUDGET: Final = r"(?:(?:年初|调整后的?|全年)?预算(?:数|金额)?)"
_ABOUT: Final = r"(?P<about>基本上?|大致|大体|总体|略)?"
#: “决算数小于年初预算数”, “支出决算数大于年初预算数”, “决算数等于预算数”.
_COMPARED = re.compile(rf"{_SUBJECT}(?P<word>{'|'.join(_WORDS)}){_BUDGET}")
#: “决算数与预算数持平”, “与年初预算持平”, “决算数与年初预算数基本持平” (about: left unread).
_EQUAL = re.compile(rf"(?P<subject>{_SUBJECT})?(?:与|和|同){_BUDGET}{_ABOUT}(?P<word>持平|相等|一致|相同)")
#: What may stand before the comparison opening a sentence of its own.
_OPENING: Final = " \t\u3000，、"


def stated_direction(
    text: str, start: int = 0, end: int | None = None, *, opening: bool = False
) -> tuple[Direction, int, int] | None:
    """The comparison stated in ``text[start:end]``, with its span, or ``None``.

    ``opening``: only a comparison that opens the span counts (a sentence of its own).  An “about
    equal” (“基本持平”) is ``None`` — see the module's docstring.

    >>> stated_direction("决算数小于预算数的主要原因：人员减少。", opening=True)
    (<Direction.DECREASE: '减少'>, 0, 8)
    >>> stated_direction("决算数与预算数基本持平。", opening=True) is None
    True
    """
    stop = len(text) if end is None else end
    if opening:
        while start < stop and text[start] in _OPENING:
            start += 1
    found: list[Match[str]] = []
    for pattern in (_COMPARED, _EQUAL):
        m = pattern.match(text, start, stop) if opening else pattern.search(text, start, stop)
        if m is not None:
            found.append(m)
    if not found:
        return None
    m = min(found, key=lambda candidate: candidate.start())
    if m.re is _EQUAL:
        if m.group("about"):
            return None
        return Direction.FLAT, m.start(), m.end()
    return _WORDS[m.group("word")], m.start(), m.end()


@attrs.define
class _LastItem:
    """The item read by the sentence being read, waiting for a comparison in the next one."""

    path: Path
    part: str
    section: str | None
    subsection: str | None
    several: bool = False


#: Per reading: the item(s) read by the current sentence (``None`` before any, or after a sentence
#: that read none).  Kept here, beside the Reader, since only this construction needs it.
_LAST: Final[weakref.WeakKeyDictionary[Reader, _LastItem | None]] = weakref.WeakKeyDictionary()


def _clause_end(text: str, start: int) -> int:
    stops = [i for i in (text.find("；", start), text.find("。", start)) if i >= 0]
    return min(stops, default=len(text))


def _put(r: Reader, s: Sentence, item: Path, found: tuple[Direction, int, int]) -> None:
    direction, start, end = found
    r.draft.put((*item, "versus_budget", "direction"), direction, r.where(s, start, end))


def note_item(r: Reader, s: Sentence, item: Path, m: Match[str]) -> None:
    """An item of the §五(三) list was just read from ``s`` (its figures matched by ``m``).

    Reads a comparison worded in the rest of the item's clause, and keeps the item for a
    comparison opening the next sentence (:func:`follow_item`).
    """
    if item[: len(ITEMS)] != ITEMS:
        return
    found = stated_direction(m.string, m.end(), _clause_end(m.string, m.end()))
    if found is not None:
        _put(r, s, item, found)
    last = _LAST.get(r)
    if last is not None:
        last.several = True  # a second item of the same sentence: the next sentence is about neither
        return
    _LAST[r] = _LastItem(item, s.part, s.section, s.subsection)


def follow_item(r: Reader, s: Sentence) -> None:
    """Called for each sentence in reading order, before it is read: attaches a comparison opening
    ``s`` to the item the sentence before read, if it read exactly one in the same place."""
    last = _LAST.get(r)
    _LAST[r] = None
    if last is None or last.several:
        return
    if (s.part, s.section, s.subsection) != (last.part, last.section, last.subsection):
        return
    found = stated_direction(s.text, opening=True)
    if found is not None:
        _put(r, s, last.path, found)
