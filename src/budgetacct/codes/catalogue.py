"""Year-keyed classification catalogues (政府收支分类科目), bundled as CSV package data.

A :class:`Catalogue` is the list of codes of one *kind* for one fiscal year:

* ``"function"`` — 支出功能分类科目 (类 3 digits / 款 5 / 项 7),
* ``"economic_department"`` — 部门预算支出经济分类科目 (类 3xx / 款 3xxxx),
* ``"economic_government"`` — 政府预算支出经济分类科目 (类 5xx / 款 5xxxx).

The data lives in ``budgetacct/codes/data/<year>/*.csv`` (see ``data/PROVENANCE.md``).  Nothing is
read at import time: each file is read on first use and cached.  The bundled catalogues are
*partial*; :func:`coverage_note` says how partial, in Chinese and English.

>>> cat = catalogue("function", 2021)
>>> cat.lookup("2010301").name
'行政运行'
>>> [e.code for e in cat.children("22102")]
['2210201', '2210202', '2210203']
>>> nearest_catalogue("function", 2023)[1]
False
"""

from __future__ import annotations

import csv
import functools
import io
import unicodedata
from collections.abc import Iterator, Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Final, Literal, Protocol, TypeAlias

import attrs

from budgetacct._bilingual import Bilingual
from budgetacct.errors import CatalogueError, InvalidValue, UnknownCode
from budgetacct.paths import render_path

__all__ = [
    "KINDS",
    "Catalogue",
    "CatalogueEntry",
    "CatalogueKind",
    "CodeLevel",
    "available_years",
    "catalogue",
    "coverage_note",
    "nearest_catalogue",
]

CatalogueKind: TypeAlias = Literal["function", "economic_department", "economic_government"]
"""The kinds of catalogue: function classification and the two economic classifications."""

KINDS: Final[tuple[CatalogueKind, ...]] = ("function", "economic_department", "economic_government")
"""Every :data:`CatalogueKind`, in a stable order."""

_PACKAGE: Final = "budgetacct.codes"
_FILES: Final[Mapping[str, str]] = {
    "function": "function_codes.csv",
    "economic_department": "economic_codes_department.csv",
    "economic_government": "economic_codes_government.csv",
}
_TITLES_ZH: Final[Mapping[str, str]] = {
    "function": "支出功能分类科目",
    "economic_department": "部门预算支出经济分类科目",
    "economic_government": "政府预算支出经济分类科目",
}
_TITLES_EN: Final[Mapping[str, str]] = {
    "function": "function classification of expenditure (支出功能分类科目)",
    "economic_department": "department-budget economic classification of expenditure (部门预算支出经济分类科目)",
    "economic_government": "government-budget economic classification of expenditure (政府预算支出经济分类科目)",
}
_CATALOGUE_COLUMNS: Final = ("code", "name", "level", "parent")
_SPLIT_FILE: Final = "basic_expense_split.csv"
_SPLIT_COLUMNS: Final = ("economic_class", "basic_expense_part")
_MAPPING_FILE: Final = "economic_dept_to_gov_mapping.csv"
_MAPPING_COLUMNS: Final = ("department_code", "government_code")
_COVERAGE_FILE: Final = "coverage.csv"
_COVERAGE_COLUMNS: Final = ("kind", "zh", "en")


class CodeLevel(Bilingual):
    """The level of a classification code, named as the catalogue names it.

    >>> CodeLevel.of("20103")
    <CodeLevel.SECTION: '款'>
    >>> CodeLevel.ITEM.digits, CodeLevel.ITEM.english
    (7, 'item')
    """

    CLASS = "类", "class"
    SECTION = "款", "section"
    ITEM = "项", "item"

    @property
    def digits(self) -> int:
        """How many digits a code of this level has (3, 5 or 7)."""
        return _LEVEL_DIGITS[self]

    @classmethod
    def of(cls, code: str) -> CodeLevel:
        """The level of a code, from its length (3 → 类, 5 → 款, 7 → 项).

        >>> CodeLevel.of("201").value
        '类'
        """
        try:
            return _LEVEL_BY_LENGTH[len(code)]
        except KeyError:
            raise InvalidValue("3、5或7位的科目编码", "a 3-, 5- or 7-digit code", code) from None


_LEVEL_DIGITS: Final = {CodeLevel.CLASS: 3, CodeLevel.SECTION: 5, CodeLevel.ITEM: 7}
_LEVEL_BY_LENGTH: Final = {digits: level for level, digits in _LEVEL_DIGITS.items()}
_LEVEL_NAMES: Final = tuple(level.value for level in CodeLevel)


def _is_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


@attrs.frozen
class CatalogueEntry:
    """One row of a catalogue: code, name, level (``"类"``/``"款"``/``"项"``) and parent code.

    >>> entry = catalogue("function", 2021).lookup("20805")
    >>> entry
    CatalogueEntry(code='20805', name='行政事业单位养老支出', level='款', parent='208')
    >>> entry.code_level
    <CodeLevel.SECTION: '款'>
    """

    code: str = attrs.field(validator=attrs.validators.instance_of(str))
    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    level: str = attrs.field(validator=attrs.validators.in_(_LEVEL_NAMES))
    parent: str | None = attrs.field(validator=attrs.validators.optional(attrs.validators.instance_of(str)))

    @property
    def code_level(self) -> CodeLevel:
        """:attr:`level` as a :class:`CodeLevel`."""
        return CodeLevel(self.level)


class _Coded(Protocol):
    @property
    def code(self) -> str: ...


CodeLike: TypeAlias = "str | _Coded"
"""A code string, or a code object (``FunctionCode``, ``EconomicCode``) with a ``code`` attribute."""


def _code_text(code: object) -> str | None:
    """The code string of ``code``, or ``None`` when it is neither a string nor a code object."""
    if isinstance(code, str):
        return code
    try:
        inner = getattr(code, "code", None)
    except Exception:  # pragma: no cover - hostile __getattr__
        return None
    return inner if isinstance(inner, str) else None


def _search_key(text: str) -> str:
    """Text as compared by :meth:`Catalogue.search`: NFKC (full-width → ASCII), no whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _check_kind(kind: object) -> CatalogueKind:
    for known in KINDS:
        if isinstance(kind, str) and kind == known:
            return known
    raise CatalogueError(
        f"没有这种科目目录：{kind!r}（可用：{'、'.join(KINDS)}）",
        f"no catalogue of kind {kind!r} (known kinds: {', '.join(KINDS)})",
    )


def _check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidValue("整数年度", "an integer fiscal year", year)
    return year


def _kind_validator(
    _instance: object, _attribute: attrs.Attribute[CatalogueKind], value: CatalogueKind
) -> None:
    _check_kind(value)


def _year_validator(_instance: object, _attribute: attrs.Attribute[int], value: int) -> None:
    _check_year(value)


@attrs.frozen
class Catalogue:
    """The codes of one kind of classification for one fiscal year, in catalogue order.

    Immutable.  Get the bundled ones with :func:`catalogue` or :func:`nearest_catalogue`; building
    one directly checks its structure (unique codes, level matching the code length, every parent
    present earlier and a prefix of its children).

    >>> cat = catalogue("function", 2021)
    >>> cat
    Catalogue(kind='function', year=2021)
    >>> "2010301" in cat, "2099999" in cat
    (True, False)
    >>> cat.get("201").name
    '一般公共服务支出'
    >>> len(cat) > 400
    True
    """

    kind: CatalogueKind = attrs.field(validator=_kind_validator)
    year: int = attrs.field(validator=_year_validator)
    entries: tuple[CatalogueEntry, ...] = attrs.field(repr=False)
    _by_code: Mapping[str, CatalogueEntry] = attrs.field(init=False, repr=False, eq=False)
    _children: Mapping[str | None, tuple[CatalogueEntry, ...]] = attrs.field(init=False, repr=False, eq=False)
    _keys: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.entries, tuple):
            raise InvalidValue("目录条目元组", "a tuple of catalogue entries", self.entries, path="$.entries")
        by_code: dict[str, CatalogueEntry] = {}
        children: dict[str | None, list[CatalogueEntry]] = {None: []}
        for index, entry in enumerate(self.entries):
            path = render_path(("entries", index))
            if not isinstance(entry, CatalogueEntry):
                raise InvalidValue("CatalogueEntry", "a CatalogueEntry", entry, path=path)
            code = entry.code
            if not _is_digits(code) or len(code) not in _LEVEL_BY_LENGTH:
                raise InvalidValue(
                    "3、5或7位数字的科目编码", "a 3-, 5- or 7-digit code", code, path=path + ".code"
                )
            if code in by_code:
                raise InvalidValue("不重复的科目编码", "a code not listed before", code, path=path + ".code")
            level = _LEVEL_BY_LENGTH[len(code)]
            if entry.level != level.value:
                raise InvalidValue(
                    f"与编码长度一致的级次“{level.value}”",
                    f"the level matching the code length, {level.value}",
                    entry.level,
                    path=path + ".level",
                )
            expected_parent = None if level is CodeLevel.CLASS else code[:-2]
            if entry.parent != expected_parent or (
                expected_parent is not None and expected_parent not in by_code
            ):
                raise InvalidValue(
                    f"已在前面列出的上级编码 {expected_parent}",
                    f"the parent code {expected_parent}, listed earlier",
                    entry.parent,
                    path=path + ".parent",
                )
            by_code[code] = entry
            children.setdefault(entry.parent, []).append(entry)
        object.__setattr__(self, "_by_code", by_code)
        object.__setattr__(self, "_children", {key: tuple(value) for key, value in children.items()})
        object.__setattr__(self, "_keys", tuple(_search_key(entry.name) for entry in self.entries))

    @property
    def title_zh(self) -> str:
        """The catalogue's Chinese name, as used in messages.

        >>> catalogue("economic_department", 2021).title_zh
        '部门预算支出经济分类科目'
        """
        return _TITLES_ZH[self.kind]

    @property
    def title_en(self) -> str:
        """The catalogue's English name, as used in messages.

        >>> catalogue("function", 2021).title_en
        'function classification of expenditure (支出功能分类科目)'
        """
        return _TITLES_EN[self.kind]

    def lookup(self, code: CodeLike) -> CatalogueEntry:
        """The entry of ``code``; :class:`~budgetacct.errors.UnknownCode` if the catalogue lacks it.

        >>> catalogue("economic_department", 2021).lookup("30217").name
        '公务接待费'
        >>> catalogue("function", 2021).lookup("2099999")
        Traceback (most recent call last):
        ...
        budgetacct.errors.UnknownCode: 2021年支出功能分类科目中没有科目编码 2099999 | ...
        """
        text = _code_text(code)
        if text is None:
            raise InvalidValue("科目编码", "a classification code", code)
        entry = self._by_code.get(text)
        if entry is None:
            raise UnknownCode(text, self.year, self.title_zh)
        return entry

    def get(self, code: object) -> CatalogueEntry | None:
        """The entry of ``code``, or ``None`` (never raises).

        >>> catalogue("function", 2021).get("2099999") is None
        True
        """
        text = _code_text(code)
        return None if text is None else self._by_code.get(text)

    def __contains__(self, code: object) -> bool:
        return self.get(code) is not None

    def children(self, code: CodeLike | None = None) -> tuple[CatalogueEntry, ...]:
        """The entries one level below ``code``, in catalogue order; ``None`` gives the 类.

        Raises :class:`~budgetacct.errors.UnknownCode` if ``code`` is not in the catalogue.

        >>> [e.name for e in catalogue("function", 2021).children("21011")]
        ['行政单位医疗', '事业单位医疗', '公务员医疗补助', '其他行政事业单位医疗支出']
        """
        if code is None:
            return self._children[None]
        return self._children.get(self.lookup(code).code, ())

    def roots(self) -> tuple[CatalogueEntry, ...]:
        """The 类 of the catalogue, in catalogue order.

        >>> [e.code for e in catalogue("economic_department", 2021).roots()][:3]
        ['301', '302', '303']
        """
        return self._children[None]

    def search(self, text: str) -> tuple[CatalogueEntry, ...]:
        """Entries whose name contains ``text``, in catalogue order.

        The comparison ignores whitespace and full-width/half-width differences, and a trailing
        “支出” in ``text`` is optional (“行政事业单位医疗支出” finds 21011 行政事业单位医疗).  Blank text
        finds nothing.

        >>> [e.code for e in catalogue("function", 2021).search("行政事业单位医疗支出")]
        ['21011', '2101199']
        >>> [e.code for e in catalogue("function", 2021).search("政府办公厅(室)")][:2]
        ['20103', '2010399']
        """
        if not isinstance(text, str):
            raise InvalidValue("名称文本", "name text", text)
        query = _search_key(text)
        if not query:
            return ()
        shorter = query.removesuffix("支出")
        return tuple(
            entry
            for entry, key in zip(self.entries, self._keys, strict=True)
            if query in key or (shorter and shorter in key)
        )

    def count(self, level: CodeLevel) -> int:
        """How many entries of ``level`` the catalogue holds.

        >>> catalogue("function", 2021).count(CodeLevel.CLASS)
        29
        """
        return sum(1 for entry in self.entries if entry.level == level.value)

    def __iter__(self) -> Iterator[CatalogueEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


# --- bundled data -------------------------------------------------------------------------------


def _data_root() -> Traversable:
    return resources.files(_PACKAGE).joinpath("data")


@functools.cache
def _year_files() -> Mapping[int, frozenset[str]]:
    """The year directories of the bundled data and the file names each holds (directory listing only)."""
    found: dict[int, frozenset[str]] = {}
    root = _data_root()
    if not root.is_dir():  # pragma: no cover - broken installation
        return found
    for child in root.iterdir():
        name = child.name
        if child.is_dir() and len(name) == 4 and _is_digits(name):
            found[int(name)] = frozenset(item.name for item in child.iterdir() if item.is_file())
    return found


@functools.cache
def _read_rows(year: int, filename: str, columns: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The rows of ``data/<year>/<filename>`` as tuples of ``columns`` (whitespace-stripped strings)."""
    resource = _data_root().joinpath(str(year)).joinpath(filename)
    try:
        text = resource.read_text(encoding="utf-8")
    except OSError as err:
        raise CatalogueError(
            f"无法读取自带目录数据 {year}/{filename}：{err}",
            f"cannot read the bundled catalogue data {year}/{filename}: {err}",
        ) from err
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [column for column in columns if column not in (reader.fieldnames or ())]
    if missing:
        raise CatalogueError(
            f"自带目录数据 {year}/{filename} 缺少列：{', '.join(missing)}",
            f"the bundled catalogue data {year}/{filename} lacks the column(s) {', '.join(missing)}",
        )
    return tuple(tuple((row.get(column) or "").strip() for column in columns) for row in reader)


def available_years(kind: CatalogueKind) -> tuple[int, ...]:
    """The fiscal years for which a catalogue of ``kind`` is bundled, ascending.

    >>> available_years("function")
    (2021,)
    """
    filename = _FILES[_check_kind(kind)]
    return tuple(sorted(year for year, names in _year_files().items() if filename in names))


@functools.cache
def _load_catalogue(kind: CatalogueKind, year: int) -> Catalogue:
    rows = _read_rows(year, _FILES[kind], _CATALOGUE_COLUMNS)
    entries = tuple(
        CatalogueEntry(code=code, name=name, level=level, parent=parent or None)
        for code, name, level, parent in rows
    )
    try:
        return Catalogue(kind=kind, year=year, entries=entries)
    except InvalidValue as err:
        raise CatalogueError(
            f"自带目录数据 {year}/{_FILES[kind]} 有误：{err.zh}",
            f"the bundled catalogue data {year}/{_FILES[kind]} is broken: {err.en}",
        ) from err


def catalogue(kind: CatalogueKind, year: int) -> Catalogue:
    """The bundled catalogue of ``kind`` for exactly ``year``.

    Raises :class:`~budgetacct.errors.CatalogueError` when no catalogue of that year is bundled
    (use :func:`nearest_catalogue` to fall back to the nearest year).

    >>> catalogue("economic_government", 2021).lookup("50101").name
    '工资奖金津补贴'
    >>> catalogue("function", 1999)
    Traceback (most recent call last):
    ...
    budgetacct.errors.CatalogueError: 没有1999年的支出功能分类科目（自带年度：2021） | ...
    """
    kind = _check_kind(kind)
    year = _check_year(year)
    years = available_years(kind)
    if year not in years:
        shown = "、".join(str(y) for y in years) or "无"
        raise CatalogueError(
            f"没有{year}年的{_TITLES_ZH[kind]}（自带年度：{shown}）",
            f"no bundled {year} catalogue of the {_TITLES_EN[kind]} (bundled years: {shown})",
        )
    return _load_catalogue(kind, year)


def nearest_catalogue(kind: CatalogueKind, year: int) -> tuple[Catalogue, bool]:
    """The catalogue of the bundled year nearest to ``year`` (ties → the earlier year), and whether
    that year is ``year`` itself.

    >>> cat, exact = nearest_catalogue("function", 2023)
    >>> cat.year, exact
    (2021, False)
    >>> nearest_catalogue("function", 2021)[1]
    True
    """
    kind = _check_kind(kind)
    year = _check_year(year)
    years = available_years(kind)
    if not years:  # pragma: no cover - broken installation
        raise CatalogueError(
            f"没有任何年度的{_TITLES_ZH[kind]}", f"no bundled catalogue of the {_TITLES_EN[kind]}"
        )
    best = min(years, key=lambda candidate: (abs(candidate - year), candidate))
    return _load_catalogue(kind, best), best == year


@functools.lru_cache(maxsize=64)
def coverage_note(kind: CatalogueKind, year: int) -> tuple[str, str]:
    """One sentence (zh, en) saying how partial the catalogue used for ``year`` is.

    The catalogue used is the one :func:`nearest_catalogue` picks, and the sentence names its year;
    say separately that a different year's catalogue was used.

    >>> zh, en = coverage_note("function", 2023)
    >>> zh
    '2021年支出功能分类科目为自带的部分目录（共585条：29类、188款、368项；...），目录中没有的编码或名称不同不一定是错误，请以财政部当年正式目录为准。'
    >>> en.startswith("The bundled 2021 catalogue of the function classification")
    True
    """
    cat, _exact = nearest_catalogue(kind, year)
    counts = [(level, cat.count(level)) for level in CodeLevel]
    counts = [(level, n) for level, n in counts if n]
    counts_zh = "、".join(f"{n}{level.value}" for level, n in counts)
    counts_en = ", ".join(f"{n} {level.value}" for level, n in counts)
    detail_zh, detail_en = "覆盖范围未说明", "coverage not described"
    if _COVERAGE_FILE in _year_files().get(cat.year, frozenset()):
        for row_kind, zh, en in _read_rows(cat.year, _COVERAGE_FILE, _COVERAGE_COLUMNS):
            if row_kind == cat.kind:
                detail_zh, detail_en = zh, en
    return (
        f"{cat.year}年{cat.title_zh}为自带的部分目录（共{len(cat)}条：{counts_zh}；{detail_zh}），"
        "目录中没有的编码或名称不同不一定是错误，请以财政部当年正式目录为准。",
        f"The bundled {cat.year} catalogue of the {cat.title_en} is partial ({len(cat)} rows: {counts_en}; "
        f"{detail_en}): a code missing from it, or a different name, is not necessarily wrong; "
        "check the official MoF catalogue of the year.",
    )


# --- helpers for economic.py --------------------------------------------------------------------


def _latest_year_with(filename: str) -> int | None:
    years = [year for year, names in _year_files().items() if filename in names]
    return max(years) if years else None


@functools.cache
def _basic_expense_split() -> Mapping[str, str]:
    """Economic 类 code → 人员经费/公用经费, from the latest bundled ``basic_expense_split.csv``."""
    year = _latest_year_with(_SPLIT_FILE)
    if year is None:  # pragma: no cover - broken installation
        return {}
    return {row[0]: row[1] for row in _read_rows(year, _SPLIT_FILE, _SPLIT_COLUMNS)}


@functools.cache
def _dept_to_gov(year: int) -> Mapping[str, str]:
    """Department economic 款 → government economic 款 for ``year`` (CatalogueError if not bundled)."""
    if _MAPPING_FILE not in _year_files().get(year, frozenset()):
        years = sorted(y for y, names in _year_files().items() if _MAPPING_FILE in names)
        shown = "、".join(str(y) for y in years) or "无"
        raise CatalogueError(
            f"没有{year}年的部门经济分类与政府经济分类对照表（自带年度：{shown}）",
            f"no bundled {year} mapping from department to government economic codes (bundled years: {shown})",
        )
    return {row[0]: row[1] for row in _read_rows(year, _MAPPING_FILE, _MAPPING_COLUMNS)}
