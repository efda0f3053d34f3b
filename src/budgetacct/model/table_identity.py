"""Which standard table a printed table is: by its whole title, its number and its column headers.

A title is matched as a whole, never by its ending alone: 项目支出决算表, 机关运行经费支出决算表 or
政府采购支出决算表 end with 支出决算表 but are not the 支出决算表, and a table taken for another
feeds false cross-table findings. So the title is normalized (spacing, width, quotes, the number
printed with it, 续表, the department, year and 部门/单位 words before it) and must then equal one
of a spec's wordings, or end with one after nothing but a department, unit or year name (or a
qualifier the spec's own wordings carry, as 财政拨款 in 财政拨款政府性基金支出预算表).

The printed number (公开05表, 表五, 附表5, 5.) and the column headers only decide between titles
that fit several specs equally well; they never overrule a title. A table printed without a title
is identified by its headers alone only when they name every measure of exactly one spec's columns.
Anything else is :attr:`Identification.identified` ``False``, with the reason, for the coverage to
report — a table is never guessed.

>>> identify_table("2024年度上海市XX局部门收支决算总表").kind
<TableKind.SUMMARY: '收入支出决算总表'>
>>> identify_table("项目支出决算表").reason
'no standard table has this title (项目支出决算表)'
>>> identify_table("", headers=("本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入",
...     "附属单位上缴收入", "其他收入")).kind
<TableKind.REVENUE: '收入决算表'>
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import Final, Literal

import attrs

from budgetacct.model.table_layout import TableSpec
from budgetacct.model.tables import Measure, TableKind

__all__ = ["DocumentKind", "Identification", "identify_table", "normalize_table_title", "table_number_value"]

#: Which kind of report the table is printed in: a 部门决算 ("final") or a 部门预算 ("budget").
DocumentKind = Literal["final", "budget"]


@attrs.frozen
class Identification:
    """The spec a table was identified as (``None``: unidentified), and why, in English and Chinese."""

    spec: TableSpec | None
    reason: str
    reason_zh: str
    #: The kinds the title (or the headers) fitted before the number and headers decided.
    candidates: tuple[TableKind, ...] = ()

    @property
    def identified(self) -> bool:
        return self.spec is not None

    @property
    def kind(self) -> TableKind | None:
        return None if self.spec is None else self.spec.kind


# --- numbers -----------------------------------------------------------------------------------

_CHINESE_DIGITS: Final = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
# 十一, 五 — not 五一 (表五一般公共预算…: the 一 starts the title).
_NUMERAL = r"(?:\d+|[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
# 公开05表, 附表5, 表五, 表 1, 财决01表 — the number anywhere; 一、 and 5. only in front.
_NUMBERED: Final = re.compile(rf"(?:公开|附|财决)?表\s*{_NUMERAL}|(?:公开|财决)\s*{_NUMERAL}\s*表")
# “4．2024年预算单位…”: a leading number is one or two digits (a title never starts with a decimal).
_SPACED_NUMBER: Final = re.compile(r"^\s*([一二三四五六七八九十]+)[\s\u3000]+")
_LEADING_NUMBER: Final = re.compile(
    r"^(?:\d{1,2}[、.．]|[一二三四五六七八九十]+[、.．]|[（(](?:\d+|[一二三四五六七八九十]+)[)）])"
)


def table_number_value(number: str) -> int | None:
    """The ordinal a printed table number stands for (公开05表 → 5, 表十一 → 11, ``3.`` → 3).

    >>> [table_number_value(n) for n in ("公开05表", "表 五", "附表12", "十四", "3.", "续表")]
    [5, 5, 12, 14, 3, None]
    """
    found = re.search(r"\d+|[一二三四五六七八九十]+", unicodedata.normalize("NFKC", number))
    if found is None:
        return None
    text = found.group()
    if text.isdigit():
        return int(text)
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return _CHINESE_DIGITS[text] if len(text) == 1 else None
    return (_CHINESE_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CHINESE_DIGITS[units] if units else 0)


# --- titles ------------------------------------------------------------------------------------

_DROPPED: Final = re.compile(r"[\s\u3000“”\"'‘’《》〈〉「」『』]")
_CONTINUED: Final = re.compile(r"[（(]?续(?:表|上表|[一二三四五六七八九十\d]*)?[)）]?$")
_UNIT_NOTE: Final = re.compile(r"(?:金额)?单位[:：](?:万元|亿元|元)$")
_PUNCTUATION: Final = re.compile(r"[()（）:：、,，.．;；\-—_]")
# Words before a wording that only say whose table, of which year, for which kind of report.
_ADMINISTRATIVE: Final = re.compile(
    r"(?:\d{4}|[〇零一二三四五六七八九]{4})年度?$|第[一二三四五六七八九十]+部分$"
    r"|(?:预算单位|本单位|本部门|部门|单位|本级|机关|决算|预算|公开|报表|表)$"
)
# The last character of a department's or unit's name (局, 委员会, 大学, 医院, 街道办事处, 研究所…).
_INSTITUTION_END: Final = re.compile(
    r"[局院厅委会办室处部所站馆校学心府队司团社镇乡道区县市省州旗盟署庭园场台组联行厂库科宫狱关]$"
)
# Qualifiers a spec's own wordings may repeat in front of a shorter wording of the same spec.
_QUALIFIERS: Final = (
    "一般公共预算",
    "政府性基金",
    "国有资本经营",
    "财政拨款",
)
# “1. 2025年部门财务收支预算总表 ………… 3”: a table of contents names the table, it is not its title.
_LEADER: Final = re.compile(r"…|\.{3,}|·{3,}|．{3,}")
_KIND_WORD: Final = re.compile(r"(决算|预算)(总表|明细表|表)")


def _clean(title: str) -> str:
    text = _DROPPED.sub("", unicodedata.normalize("NFKC", title))
    text = _UNIT_NOTE.sub("", text)
    previous = None
    while previous != text:
        previous, text = text, _CONTINUED.sub("", text)
    return text


def normalize_table_title(title: str) -> tuple[str, str | None]:
    """A printed title as it is matched, and the table number printed with it.

    The number and what precedes it (``第二部分2018年度部门预算表公开01表:``) are dropped; so are
    spacing, width, quotes, punctuation, 续表, and 高等学校/部门/单位 in front.

    >>> normalize_table_title("公开 05 表：财政拨款支出预算表（功能科目）")
    ('财政拨款支出预算表功能科目', '公开05表')
    >>> normalize_table_title("表 1：高等学校收支决算总表（续表）")
    ('收支决算总表', '表1')
    """
    title = unicodedata.normalize("NFKC", title)
    # “十一 政府性基金…”: a bare numeral is a number only before a space (一般… starts with 一).
    spaced = _SPACED_NUMBER.match(title)
    text = _clean(title if spaced is None else title[spaced.end() :])
    number = None if spaced is None else spaced.group(1)
    found = _LEADING_NUMBER.match(text)
    if found is not None:
        number, text = found.group(), text[found.end() :]
    elif number is None:
        # Found before the spacing goes: “表五 一般公共预算…” is 表五, not 表五一.
        numbered = list(_NUMBERED.finditer(title))
        if numbered:
            last = numbered[-1]
            after = _clean(title[last.end() :])
            number = _clean(last.group())
            # “公开01表 收支预算总表” names the table after its number; “收支预算总表 公开01表” before.
            text = after if _PUNCTUATION.sub("", after) else _clean(title[: last.start()])
    # 政府性基金财政拨款支出预算表 = 政府性基金预算财政拨款支出预算表: the fund named without 预算.
    text = (
        _PUNCTUATION.sub("", text)
        .replace("政府性基金预算", "政府性基金")
        .replace("国有资本经营预算", "国有资本经营")
    )
    for word in ("高等学校", "预算单位", "部门", "单位"):
        text = text.removeprefix(word)
    return text, number


@attrs.frozen
class _Wording:
    text: str
    spec: TableSpec


@cache
def _wordings() -> tuple[_Wording, ...]:
    """Every spec's wordings, normalized, longest first (the 决算 specs, then the 预算 ones)."""
    from budgetacct.model.budget_sets import BUDGET_TABLE_SETS
    from budgetacct.model.budget_specs import BUDGET_SPECS, SET_VARIANTS
    from budgetacct.model.table_specs import SPECS, TABLE_SETS, UNIVERSITY_SPECS

    titles: dict[TableKind, list[str]] = {}
    for specs in (SPECS, UNIVERSITY_SPECS, BUDGET_SPECS, *SET_VARIANTS.values()):
        for spec in specs.values():
            titles.setdefault(spec.kind, []).extend(spec.titles)
    for table_set in (*TABLE_SETS.values(), *BUDGET_TABLE_SETS.values()):
        for entry in table_set.entries:
            if entry.title is not None:
                titles.setdefault(entry.kind, []).append(entry.title)
    base = {**SPECS, **BUDGET_SPECS}
    found = {
        (normalize_table_title(title)[0], kind)
        for kind, wordings in titles.items()
        if kind in base
        for title in wordings
    }
    return tuple(
        _Wording(text, base[kind]) for text, kind in sorted(found, key=lambda pair: (-len(pair[0]), pair[0]))
    )


@cache
def _spec_wordings(kind: TableKind) -> tuple[str, ...]:
    return tuple(wording.text for wording in _wordings() if wording.spec.kind is kind)


def _prefix_names_no_other_table(prefix: str, spec: TableSpec) -> bool:
    """Whether the words before a wording only name the department, unit or year (or repeat a
    qualifier the spec's own wordings carry), rather than another table (项目, 机关运行经费…)."""
    own = _spec_wordings(spec.kind)
    previous = None
    while prefix and previous != prefix:
        previous = prefix
        # 一般公共预算 before 预算: a qualifier is taken whole before an administrative word.
        for qualifier in _QUALIFIERS:
            if prefix.endswith(qualifier) and any(qualifier in wording for wording in own):
                prefix = prefix.removesuffix(qualifier)
        prefix = _ADMINISTRATIVE.sub("", prefix)
    return not prefix or bool(_INSTITUTION_END.search(prefix))


def _title_candidates(text: str, document: DocumentKind | None) -> tuple[int, list[TableSpec]]:
    """The specs the normalized title names with the longest wording it fits, and that length."""
    best, found = 0, []
    for wording in _wordings():
        if len(wording.text) < best:
            break
        if document is not None and wording.spec.kind.is_budget != (document == "budget"):
            continue
        fits = text == wording.text or (
            text.endswith(wording.text)
            and _prefix_names_no_other_table(text[: -len(wording.text)], wording.spec)
        )
        if fits and wording.spec not in found:
            best = len(wording.text)
            found.append(wording.spec)
    return best, found


def _with_document_kind(text: str, document: DocumentKind | None) -> str:
    """A title without 决算/预算 (收入支出总表) read as the report's kind of table says."""
    if document is None or _KIND_WORD.search(text) or "决算" in text:
        return text
    word = "决算" if document == "final" else "预算"
    return re.sub(r"(总表|明细表|表)((?:功能科目|经济科目)?)$", rf"{word}\1\2", text, count=1)


# --- evidence: the number and the headers --------------------------------------------------------

_GENERIC: Final = frozenset({Measure.AMOUNT, Measure.TOTAL, Measure.EXPENDITURE})


@cache
def _vocabulary(spec: TableSpec) -> dict[Measure, frozenset[str]]:
    """The measures a spec's columns name (but 合计/金额), each with its header wordings."""
    vocabulary: dict[Measure, set[str]] = {}
    for panel in spec.panels:
        for column in panel.columns:
            if column.column.measure not in _GENERIC:
                labels = vocabulary.setdefault(column.column.measure, set())
                labels.update(
                    _clean(label).removeprefix("其中：").removeprefix("其中:") for label in column.labels
                )
    return {measure: frozenset(labels) for measure, labels in vocabulary.items()}


def _named(spec: TableSpec, headers: frozenset[str]) -> tuple[int, int]:
    """How many of the spec's measures the headers name, out of how many it has."""
    vocabulary = _vocabulary(spec)
    named = sum(
        1
        for labels in vocabulary.values()
        if any(
            header == label or (len(label) >= 4 and label in header) for header in headers for label in labels
        )
    )
    return named, len(vocabulary)


def _numbered_kinds(number: str | None, table_set: str | None) -> frozenset[TableKind]:
    """The kinds printed under this number in the given set (in any known set if none is given)."""
    value = None if number is None else table_number_value(number)
    if value is None:
        return frozenset()
    from budgetacct.model.budget_sets import BUDGET_TABLE_SETS
    from budgetacct.model.table_specs import TABLE_SETS

    sets = {**TABLE_SETS, **BUDGET_TABLE_SETS}
    chosen = [sets[table_set]] if table_set in sets else list(sets.values())
    return frozenset(
        entry.kind for s in chosen for entry in s.entries if table_number_value(entry.number) == value
    )


def _decide(
    candidates: list[TableSpec], number: str | None, table_set: str | None, headers: frozenset[str]
) -> tuple[list[TableSpec], tuple[str, str]]:
    """The candidates the number, then the headers, leave (all of them if neither decides), and
    what decided, in English and Chinese."""
    numbered = _numbered_kinds(number, table_set)
    by_number = [spec for spec in candidates if spec.kind in numbered]
    if len(by_number) == 1:
        return by_number, (f"its number {number}", f"表号{number}")
    if by_number:
        candidates = by_number
    if headers:
        ratios = {spec.kind: _ratio(_named(spec, headers)) for spec in candidates}
        best = max(ratios.values())
        by_headers = [spec for spec in candidates if ratios[spec.kind] == best]
        if best > 0 and len(by_headers) == 1:
            return by_headers, ("its column headers", "表头")
    return candidates, ("", "")


def _ratio(score: tuple[int, int]) -> float:
    named, total = score
    return named / total if total else 0.0


def _by_headers(
    headers: frozenset[str], number: str | None, table_set: str | None, document: DocumentKind | None
) -> Identification:
    """A table without a title: the spec whose every column measure the headers name, if only one."""
    specs = {w.spec.kind: w.spec for w in _wordings()}
    full: list[TableSpec] = []
    for spec in specs.values():
        if document is not None and spec.kind.is_budget != (document == "budget"):
            continue
        named, total = _named(spec, headers)
        if total >= 2 and named == total:
            full.append(spec)
    # A spec whose measures are a strict part of another fitting spec's is not what the headers name.
    widest = [
        spec for spec in full if not any(set(_vocabulary(spec)) < set(_vocabulary(other)) for other in full)
    ]
    kinds = tuple(spec.kind for spec in widest)
    decided, _ = _decide(widest, number, table_set, frozenset())
    if len(decided) == 1:
        spec = decided[0]
        return Identification(
            spec,
            f"no title; its column headers name every measure of the {spec.kind.value} alone",
            f"无表名；表头列示的项目只与{spec.kind.value}全部相符",
            kinds,
        )
    if not widest:
        return Identification(
            None,
            "no title, and its column headers name no standard table's columns",
            "无表名，表头也不对应任何标准表式",
        )
    return _undecided(kinds, "no title, and its column headers", "无表名，表头")


def _undecided(kinds: tuple[TableKind, ...], what: str, what_zh: str) -> Identification:
    names = "、".join(kind.value for kind in kinds)
    return Identification(
        None,
        f"{what} fit several tables ({names}) and nothing decides between them",
        f"{what_zh}同时符合多张表（{names}），无法区分",
        kinds,
    )


# --- identification ----------------------------------------------------------------------------


def identify_table(
    title: str | None,
    *,
    number: str | None = None,
    headers: Iterable[str] = (),
    table_set: str | None = None,
    document: DocumentKind | None = None,
) -> Identification:
    """Which standard table a printed table is, or why it is not identified.

    ``title`` is the printed title (``None`` or ``""``: none could be read); ``number`` the number
    printed with it, when not inside the title; ``headers`` the texts of its column headers;
    ``table_set`` the set the report publishes (its numbers); ``document`` the kind of report.
    """
    if _LEADER.search(unicodedata.normalize("NFKC", title or "")):
        return Identification(None, "a line of a table of contents", "目录中的一行")
    text, printed = normalize_table_title(title or "")
    number = number or printed
    header_texts = frozenset(_clean(header) for header in headers if _clean(header))
    if not (title or "").strip():
        if header_texts:
            return _by_headers(header_texts, number, table_set, document)
        return Identification(None, "no title", "无表名")
    if not text:  # nothing but a number (公开03表 on a line of its own) names no table
        return Identification(None, f"no title, only {title!r}", f"无表名，只有“{title}”")
    _, candidates = _title_candidates(_with_document_kind(text, document), document)
    if not candidates:
        return Identification(
            None, f"no standard table has this title ({text})", f"没有标准表式的表名与之相符（{text}）"
        )
    kinds = tuple(spec.kind for spec in candidates)
    if len(candidates) > 1:
        decided, (by, by_zh) = _decide(candidates, number, table_set, header_texts)
        if len(decided) > 1:
            return _undecided(kinds, f"the title {text}", f"表名{text}")
        return Identification(
            decided[0], f"the title {text}, decided by {by}", f"表名{text}，依{by_zh}区分", kinds
        )
    return Identification(candidates[0], f"the title {text}", f"表名{text}", kinds)
