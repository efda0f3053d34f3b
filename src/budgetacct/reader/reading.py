"""Shared state of one reading (:class:`Reader`): the draft, the year, figures from spans, catalogue
look-ups and the department's name candidates; and the figure patterns every construction uses."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from budgetacct.codes import nearest_catalogue
from budgetacct.codes.catalogue import Catalogue, CatalogueEntry
from budgetacct.codes.former import FORMER_NAMES
from budgetacct.errors import BudgetAcctError, InvalidValue
from budgetacct.money import Amount, Percent, Unit, parse_amount
from budgetacct.paths import Path
from budgetacct.reader.draft import Draft, Source, Where, tidy_amount
from budgetacct.reader.normalize import Document, Line, Sentence

if TYPE_CHECKING:  # pragma: no cover
    from re import Match


__all__ = [
    "AMOUNT",
    "COPULA",
    "GENERIC_SUBJECTS",
    "ITEMS",
    "MASK",
    "MAX_COUNT",
    "NUMBER",
    "PERCENT",
    "Reader",
    "match_name",
    "printed_text",
    "strip_name",
]

NUMBER: Final = r"\d+(?:\.\d+)?"
AMOUNT: Final = rf"{NUMBER}(?:亿元|万元|元)"
PERCENT: Final = rf"{NUMBER}%"
COPULA: Final = r"(?:为|是)?"
MAX_COUNT: Final = 10**9
_PART: Final = re.compile(r"第[一二三四五六七八九十\d]{1,3}部分")
#: The 具体情况 list of 一般公共预算财政拨款支出 items.
ITEMS: Final = ("general_budget", "items")


# --- the reader: shared state of one read --------------------------------------------------------------------


class Reader:
    """State of one reading: the document, the draft, the year, catalogue access and name candidates."""

    def __init__(self, document: Document, draft: Draft, year: int) -> None:
        self.document = document
        self.draft = draft
        self.year = year
        self._catalogue: Catalogue | bool | None = False
        self._department: list[tuple[int, int, str, Where]] = []
        self.department_source: Source | None = None
        self.year_source: Source | None = None

    # places ------------------------------------------------------------------------------------------------

    def where(self, s: Sentence, start: int, end: int) -> Where:
        line, a, b = s.locate(start, end)
        return Where(line, a, b, printed_text(s))

    def whole(self, s: Sentence) -> Where:
        return self.where(s, 0, len(s.text))

    def line_where(self, line: Line, start: int, end: int) -> Where:
        a, b = line.absolute(start, end)
        return Where(line.number, a, b, line.text)

    # figures -----------------------------------------------------------------------------------------------

    def amount(self, s: Sentence, m: Match[str], group: str | int) -> tuple[Amount, Unit, Where] | None:
        start, end = m.span(group)
        return None if start < 0 else self.amount_at(s, start, end)

    def amount_at(self, s: Sentence, start: int, end: int) -> tuple[Amount, Unit, Where] | None:
        """The amount printed at ``s.text[start:end]`` (marked as understood), or ``None``."""
        try:
            value, unit = parse_amount(s.text[start:end])
        except InvalidValue:
            self.reject(s, start, end, "amount out of range", "金额超出可表示的范围")
            return None
        if value.value < 0:  # pragma: no cover - the patterns carry no sign
            return None
        s.use(start, end)
        return tidy_amount(value, unit), unit, self.where(s, start, end)

    def percent(self, s: Sentence, m: Match[str], group: str | int) -> tuple[Percent, Where] | None:
        start, end = m.span(group)
        return None if start < 0 else self.percent_at(s, start, end)

    def percent_at(self, s: Sentence, start: int, end: int) -> tuple[Percent, Where] | None:
        """The percentage printed at ``s.text[start:end]`` (marked as understood), or ``None``."""
        try:
            value = Percent.parse(s.text[start:end])
        except InvalidValue:
            self.reject(s, start, end, "percentage out of range", "百分比超出可表示的范围")
            return None
        s.use(start, end)
        return value, self.where(s, start, end)

    def count(self, s: Sentence, m: Match[str], group: str | int) -> tuple[int, Where] | None:
        start, end = m.span(group)
        if start < 0:
            return None
        text = m.group(group)
        if len(text) > 10 or int(text) > MAX_COUNT:
            return None
        return int(text), self.where(s, start, end)

    def reject(self, s: Sentence, start: int, end: int, reason: str, reason_zh: str) -> None:
        tokens = s.reject(start, end)
        where = self.where(s, start, end)
        self.draft.reject(where, reason, reason_zh, [t.text for t in tokens] or [s.text[start:end]])

    def reject_item(self, s: Sentence, start: int, end: int, reason: str, reason_zh: str) -> None:
        """An item of the 具体情况 list left unread: the list read is then incomplete (see
        :meth:`Draft.partial`), so none of it is used."""
        self.reject(s, start, end, reason, reason_zh)
        self.draft.partial(ITEMS)

    def put_amount(self, path: Path, found: tuple[Amount, Unit, Where] | None) -> bool:
        if found is None:
            return False
        value, unit, where = found
        return self.draft.put(path, value, where, unit)

    def put_percent(self, path: Path, found: tuple[Percent, Where] | None) -> bool:
        if found is None:
            return False
        return self.draft.put(path, found[0], found[1])

    def put_count(self, path: Path, found: tuple[int, Where] | None) -> bool:
        if found is None:
            return False
        return self.draft.put(path, found[0], found[1])

    # catalogue ---------------------------------------------------------------------------------------------

    def catalogue(self) -> Catalogue | None:
        if self._catalogue is False:
            try:
                self._catalogue = nearest_catalogue("function", self.year)[0]
            except BudgetAcctError:
                self._catalogue = None
        return self._catalogue if isinstance(self._catalogue, Catalogue) else None

    def catalogue_named(self) -> tuple[str, str]:
        """The catalogue names are looked up in, as a message names it (English, Chinese): the
        report's year may have no bundled catalogue, and then the nearest one is used."""
        catalogue = self.catalogue()
        if catalogue is None or catalogue.year == self.year:
            return f"the {self.year} catalogue", f"{self.year}年科目目录"
        return (
            f"the {catalogue.year} catalogue (no {self.year} catalogue; the {catalogue.year} one was used)",
            f"{catalogue.year}年科目目录（无{self.year}年目录，使用{catalogue.year}年目录）",
        )

    def lookup(self, name: str, parent: str | None) -> str | None:
        """The code of the 类 (``parent=None``) or child of ``parent`` printed as ``name``."""
        catalogue = self.catalogue()
        if catalogue is None:
            return None
        try:
            entries: Iterable[CatalogueEntry] = catalogue.children(parent)
        except BudgetAcctError:
            return None
        return match_name(name, tuple(entries))

    # department --------------------------------------------------------------------------------------------

    def offer_department(self, priority: int, name: str, where: Where) -> None:
        name = name.strip("，。；：、 ")
        if len(name) < 2 or name.startswith(GENERIC_SUBJECTS) or len(name) > 60 or _PART.match(name):
            return  # a 第X部分 heading run into the title is no name
        self._department.append((priority, len(self._department), name, where))

    def department(self) -> str | None:
        if not self._department:
            return None
        _, _, name, where = min(self._department)
        self.department_source = Source(
            "$.department", where.line, where.start, where.end, self.draft.printed(where), where.context
        )
        return name


#: What stands in a sentence for a stretch about another year (see ``reader/sentences.py``): the
#: constructions do not see it, the unread entries quote the sentence as printed.
MASK: Final = "＊"


def printed_text(s: Sentence) -> str:
    """The sentence as printed, its masked stretches restored from its paragraph."""
    if MASK not in s.text:
        return s.text
    source = s.paragraph.text
    return "".join(
        source[s.offset + i] if char == MASK and 0 <= s.offset + i < len(source) else char
        for i, char in enumerate(s.text)
    )


GENERIC_SUBJECTS: Final = (
    "本部门",
    "本单位",
    "我部门",
    "我单位",
    "本局",
    "我局",
    "我办",
    "本办",
    "部门",
    "单位",
)


def strip_name(name: str) -> str:
    return "".join(name.split()).replace("(", "（").replace(")", "）")


def match_name(name: str, entries: tuple[CatalogueEntry, ...]) -> str | None:
    """The code of the entry printed as ``name`` (exact, ±“支出”, or a unique prefix either way;
    a name of the catalogues before 2019 as the entry it names since,
    :data:`~budgetacct.codes.former.FORMER_NAMES`).

    >>> from budgetacct.codes import catalogue
    >>> match_name("医疗卫生与计划生育支出", catalogue("function", 2021).children(None))
    '210'
    """
    wanted = strip_name(name)
    if not wanted:
        return None
    former = [e.code for e in entries if {wanted, wanted + "支出"} & set(FORMER_NAMES.get(e.code, ()))]
    if len(former) == 1:
        return former[0]
    variants = {wanted, wanted + "支出", wanted.removesuffix("支出")}
    exact = [e.code for e in entries if e.name in variants]
    if len(exact) == 1:
        return exact[0]
    base = wanted.removesuffix("支出")
    if len(base) < 2:
        return None
    loose = [
        e.code for e in entries if e.name.startswith(base) or base.startswith(e.name.removesuffix("支出"))
    ]
    return loose[0] if len(loose) == 1 else None
