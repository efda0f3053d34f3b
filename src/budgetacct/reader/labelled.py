"""The “label + figure” construction: a lexicon label, a few linking words, a figure.

``本年收入合计830.63万元`` / ``机关运行经费支出决算为12万元`` / ``授予中小企业合同金额5万元，占政府采购
支出总额的50%``: the label is found by longest match in the lexicon
(:mod:`budgetacct.reader.lexicon`), the figure is the token right after the linking words
(``为``, ``是``, ``决算``, ``合计`` …), and the figure goes to the paths the lexicon names.  An entry
with a ``share`` path also reads the “占…X%” after the figure.

Two readings follow from the labels around a label (constructions, not wordings):

* **A head carried over.**  ``财政拨款收入总计X，支出总计Y`` and ``财政拨款收入X，其中本年收入Y``: the
  second label is read with the head of the first (``财政拨款``) when that makes a wording of the
  lexicon (``财政拨款支出总计``, ``财政拨款本年收入``) — the report did not repeat the head.
* **A 其中 part.**  An entry with ``part_of`` is read after a label of one of those paths in the
  same sentence, in any section (``…基本支出X，其中：人员经费Y``).

>>> from budgetacct.reader import read_report
>>> r = read_report("2021年财政拨款收入总计10万元，支出总计10万元。", department="示例")
>>> [(s.path, s.printed) for s in r.sources if s.path != "$.year"]
[('$.fiscal.grand_total', '10万元'), ('$.fiscal.grand_total', '10万元')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final, cast

import attrs

from budgetacct.money import Amount, Percent
from budgetacct.paths import Path
from budgetacct.reader.lexicon import LEXICON, Entry, Found, labels
from budgetacct.reader.schema import field_type

if TYPE_CHECKING:  # pragma: no cover
    from budgetacct.reader.normalize import Sentence
    from budgetacct.reader.reading import Reader

__all__ = ["Reading", "change_subjects", "read_labelled", "readings", "sentence_labels"]

# The words that may stand between a label and its figure (and a remark in brackets first:
# “政府采购金额（以合同签订为准）为251.25万元”).
_LINK: Final = re.compile(
    r"(?:（[^（）\d]{1,20}）)?(?:各|均)?的?(?:合同)?(?:支出|采购)?(?:决算)?(?:数)?(?:总计|合计|总额|金额)?(?:为|是|共计|合计|达)?"
)
_SHARE: Final = re.compile(r"，?占[^，。；\d]{0,16}?(?=\d)")
# Between the figure of one label and the next label, for a head to carry over.
_CARRY: Final = re.compile(r"[，、；]?(?:其中)?[：，]?")
_ENUMERATOR: Final = re.compile(
    r"(?:\d{1,2}[.、]|（\d{1,2}）|（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]{1,3}[、.])"
)


def sentence_labels(s: Sentence) -> list[Found]:
    """The lexicon labels of a sentence (by longest match)."""
    return [reading.found for reading in readings(s)]


def _token_at(s: Sentence, position: int, kind: str) -> tuple[int, int] | None:
    for token in s.tokens:
        if token.start == position:
            return (token.start, token.end) if token.kind == kind else None
        if token.start > position:
            break
    return None


def _preceded_by(text: str, start: int, words: tuple[str, ...]) -> bool:
    before = text[:start].rstrip("：，")
    return any(before.endswith(word) for word in words)


def _choose(found: Found, s: Sentence, read: set[Path], start_of_body: int) -> Entry | None:
    for entry in found.entries:
        if entry.after and not _preceded_by(s.text, found.start, entry.after):
            continue
        if entry.at_start and found.start != start_of_body:
            continue
        if entry.applies(s.section) or any(path in read for path in entry.part_of):
            return entry
    return None


def _carried(previous: Found | None, previous_end: int, found: Found, s: Sentence) -> Entry | None:
    """The entry of ``head + wording`` when the head of the label before carries over."""
    if previous is None or _CARRY.fullmatch(s.text, previous_end, found.start) is None:
        return None
    for cut in range(len(previous.wording) - 1, 1, -1):
        for entry in LEXICON.entries_for(previous.wording[:cut] + found.wording):
            if entry.paths and entry.applies(s.section):
                return entry
    return None


@attrs.frozen
class Reading:
    """A label of a sentence and how it reads there: the entry that applies (``None`` when none
    does), the figure after it (its span) and the paths the figure goes to."""

    found: Found
    entry: Entry | None
    figure: tuple[int, int] | None
    paths: tuple[Path, ...]


def readings(s: Sentence) -> list[Reading]:
    """How each lexicon label of the sentence reads (computed once per sentence)."""
    if s.readings is not None:
        return cast("list[Reading]", s.readings)
    body = _ENUMERATOR.match(s.text)
    start_of_body = body.end() if body else 0
    read: set[Path] = set()
    out: list[Reading] = []
    previous: Found | None = None
    previous_end = 0
    for found in labels(s.text):
        entry = _carried(previous, previous_end, found, s) or _choose(found, s, read, start_of_body)
        previous, previous_end = None, 0
        if entry is None:
            out.append(Reading(found, None, None, ()))
            continue
        paths = entry.resolved(s.section)
        kind = "percent" if paths and field_type(_shape(paths[0])) is Percent else "amount"
        link = _LINK.match(s.text, found.end)
        assert link is not None  # every part of the link is optional
        span = _token_at(s, link.end(), kind)
        if span is not None:
            previous, previous_end = found, span[1]
            read.update(paths)
        out.append(Reading(found, entry, span, paths if span is not None else ()))
    s.readings = list[object](out)
    return out


def change_subjects(s: Sentence) -> list[tuple[int, int, Path]]:
    """The labels of the sentence that name something with a stated change: (start, end, path)."""
    subjects = []
    for reading in readings(s):
        entry = reading.entry
        change = entry.resolved_change(s.section) if entry is not None else None
        if change is None:  # a wording that names no figure here may still be what changed
            change = next((e.change for e in reading.found.entries if e.change and e.sections is None), None)
        if change is not None and "_section_" not in change:
            subjects.append((reading.found.start, reading.found.end, change))
    return subjects


def read_labelled(r: Reader, s: Sentence) -> None:
    """Read every “label + figure” of the sentence into the draft."""
    for reading in readings(s):
        if reading.entry is None or reading.figure is None:
            continue
        span = reading.figure
        for path in reading.paths:
            _put(r, s, path, span)
        share_path = reading.entry.resolved_share(s.section)
        share = _SHARE.match(s.text, span[1]) if share_path is not None else None
        if share_path is not None and share is not None:
            share_span = _token_at(s, share.end(), "percent")
            if share_span is not None:
                r.put_percent(share_path, r.percent_at(s, *share_span))


def _shape(path: Path) -> Path:
    return tuple(0 if isinstance(part, int) else part for part in path)


def _put(r: Reader, s: Sentence, path: Path, span: tuple[int, int]) -> bool:
    if field_type(_shape(path)) is Amount:
        return r.put_amount(path, r.amount_at(s, *span))
    return r.put_percent(path, r.percent_at(s, *span))
