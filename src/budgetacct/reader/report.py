"""``read_report``: a published 决算说明 (text) → :class:`~budgetacct.model.disclosure.Disclosure`.

The reader is a pipeline of small, anchored patterns over normalized text (see
:mod:`budgetacct.reader.normalize`, :mod:`budgetacct.reader.sentences`,
:mod:`budgetacct.reader.tables`).  It never guesses: a figure is put into the Disclosure only when
a pattern states what it is; every other sentence that prints a figure is returned in
:attr:`ReadResult.unread` with the reason.  Every figure put into the Disclosure has a
:class:`Source` (path, line, offsets, sentence) and every amount a :class:`UnitUse` (the unit it was
written in; 元 and 亿元 amounts are converted to 万元 exactly).

This module holds the entry points; the figures found are gathered in a
:class:`~budgetacct.reader.draft.Draft`, turned into the Disclosure by
:mod:`budgetacct.reader.assemble`, and the year and layout come from
:mod:`budgetacct.reader.detect`.

>>> result = read_report(
...     "2021年度收、支总计874.63万元，与2020年相比，收、支总计各减少19.37万元，下降2.17%。",
...     department="示例部门",
... )
>>> result.disclosure.overview.change.rate
Percent('2.17')
>>> [s.path for s in result.sources][:2]
['$.overview.revenue_grand_total', '$.overview.expenditure_grand_total']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs

from budgetacct.errors import InputError, Problem
from budgetacct.model.disclosure import Disclosure
from budgetacct.money import Amount
from budgetacct.paths import Path, render_path, resolve_path
from budgetacct.reader.assemble import build_disclosure
from budgetacct.reader.detect import (
    TEMPLATES,
    ReaderTemplate,
    detect_template,
    detect_year,
    find_department,
    is_budget,
    year_source,
)
from budgetacct.reader.draft import Draft, Source, UnitUse, Unread, Where, tidy_amount

__all__ = [
    "TEMPLATES",
    "Draft",
    "Path",
    "ReadResult",
    "ReaderTemplate",
    "Source",
    "UnitUse",
    "Unread",
    "Where",
    "read_report",
    "read_report_bytes",
    "read_text",
    "render_path",
    "resolve_path",
    "tidy_amount",
]

#: Inputs larger than this are refused (about 100 MB of text).
MAX_CHARS: Final = 100_000_000


@attrs.frozen
class ReadResult:
    """What :func:`read_report` found: the Disclosure, where each figure came from, and what was not
    understood.  ``template`` is the layout detected (or given); ``notes`` are remarks about the
    reading itself (a department name not found, chart figures left unmatched …)."""

    disclosure: Disclosure
    sources: tuple[Source, ...] = ()
    unread: tuple[Unread, ...] = ()
    units: tuple[UnitUse, ...] = ()
    template: str | None = None
    notes: tuple[str, ...] = ()
    #: With :func:`read_text`: for each character of the text read, where it came from (a PDF
    #: page and position, say); ``None`` otherwise.
    source_map: tuple[object, ...] | None = attrs.field(default=None, repr=False, eq=False)

    def sources_for(self, path: str) -> tuple[Source, ...]:
        """Every source of the figure at ``path``."""
        return tuple(s for s in self.sources if s.path == path)

    def origins(self, item: Source | Unread) -> tuple[object, ...]:
        """The source-map entries of a figure's (or an unread sentence's) characters; ``()`` when
        the text was read without a source map."""
        if self.source_map is None:
            return ()
        return self.source_map[item.start : item.end]


def _reception_form(draft: Draft) -> None:
    """外事接待 printed inside 国内公务接待 (``ThreePublic.foreign_included_in_domestic``).

    Reports print 外事接待 either beside 国内公务接待 (公务接待 = 国内 + 外事) or inside it (公务接待 =
    国内, 外事 a part of it).  When the 公务接待 total equals the 国内 figure while 外事 is not zero,
    the printed figures only fit the second form, which is then recorded with a note (the audit
    still checks that 外事 does not exceed 国内).
    """
    node = draft.data.get("three_public")
    if not isinstance(node, dict):
        return

    def actual(name: str) -> object:
        figure = node.get(name)
        return figure.get("actual") if isinstance(figure, dict) else None

    reception, domestic, foreign = (
        actual("reception"),
        actual("domestic_reception"),
        actual("foreign_reception"),
    )
    if reception is None or domestic is None or foreign is None or foreign == Amount(0):
        return
    if reception == domestic:
        node["foreign_included_in_domestic"] = True
        draft.notes.append("外事接待 read as part of 国内公务接待: the 公务接待 total equals the 国内 figure")


# --- entry points --------------------------------------------------------------------------------------------


def _problem(expected_zh: str, expected_en: str, found: object, path: str = "$") -> InputError:
    return InputError([Problem(path, expected_zh, expected_en, found)], source="report text")


def read_report(
    text: str,
    *,
    year: int | None = None,
    template: str = "auto",
    department: str | None = None,
) -> ReadResult:
    """Read a published 决算说明 into a :class:`Disclosure` (see the module documentation).

    ``year`` and ``department`` are taken from the text unless given.  ``template`` is ``"auto"``
    (detect the layout), or one of :data:`TEMPLATES`.  Any input other than a readable string
    raises :class:`~budgetacct.errors.InputError`; a string never raises anything else.
    """
    from budgetacct.reader import sentences, tables
    from budgetacct.reader.normalize import Document

    if not isinstance(text, str):
        raise _problem("报告文字（str）", "the report text (a str)", type(text).__name__)
    if len(text) > MAX_CHARS:
        raise _problem(f"不超过{MAX_CHARS}个字符的文字", f"text of at most {MAX_CHARS} characters", len(text))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _problem(
            "可编码的文字（不含孤立代理字符）",
            "decodable text (no lone surrogates)",
            text[exc.start : exc.start + 1],
            path=render_path((exc.start,)),
        ) from None
    if template != "auto" and template not in TEMPLATES:
        raise _problem(
            f"模板 auto、{'、'.join(TEMPLATES)}",
            f"template 'auto' or one of {', '.join(TEMPLATES)}",
            template,
        )
    if year is not None and (type(year) is not int or not 1990 <= year <= 2100):
        raise _problem("1990到2100之间的年度", "a year from 1990 to 2100", year, path="$.year")
    if department is not None and (type(department) is not str or not department.strip()):
        raise _problem("非空的部门名称", "a non-empty department name", department, path="$.department")

    document = Document(text)
    draft = Draft(text)
    found_year = year if year is not None else detect_year(ln.text for ln in document.lines)
    if found_year is None:
        raise _problem(
            "含有年度（如“2021年度”）的报告，或给出 year=",
            "a report that states its year (such as 2021年度), or year=",
            text[:40],
        )
    reader = sentences.Reader(document, draft, found_year)
    blocks = tables.mark_blocks(document)
    sentences.assign_context(document)
    pasted = tables.read_tables(reader, blocks)
    sentences.read_prose(reader)
    tables.apply_charts(reader, pasted.charts)
    draft.mark_partial_lists()
    _reception_form(draft)

    titled = find_department(document.lines)
    if titled is not None:
        found_name, title_line, start, end = titled
        reader.offer_department(0, found_name, reader.line_where(title_line, start, end))
    if is_budget(document.lines):
        draft.notes.append(
            "the title names a budget (预算): its figures are read as the report prints them, into a "
            "Disclosure that models final accounts (决算); 三公 and other amounts are budget figures"
        )
    name = department.strip() if department is not None else reader.department()
    if name is None:
        name = "（未识别部门）"
        draft.notes.append("department name not found in the text; pass department=")
    chosen = detect_template(text) if template == "auto" else template
    disclosure = build_disclosure(draft, found_year, name, chosen)
    if pasted.tables:  # the standard tables pasted one row per line, as the PDF reader gives them
        disclosure = attrs.evolve(disclosure, tables=pasted.tables)

    def keep(path: str) -> bool:
        # Every draft path is a place of the model (checked when put) and the converter built each
        # section whole or not at all: a source is kept when its section was built.
        section = path[2:].split(".", 1)[0].split("[", 1)[0]
        return getattr(disclosure, section, None) is not None

    sources = [s for s in draft.sources if keep(s.path)]
    units = [u for u in draft.units if keep(u.path)]
    printed_units = tuple(sorted({u.unit.value for u in units}))
    if printed_units:
        disclosure = attrs.evolve(disclosure, units=printed_units)
    if department is None and reader.department_source is not None:
        sources.insert(0, reader.department_source)
    if year is None:
        stated_year = year_source(document, draft, found_year)
        if stated_year is not None:
            sources.insert(0, stated_year)
    return ReadResult(
        disclosure=disclosure,
        sources=tuple(sources),
        unread=tuple(sorted(draft.unread, key=lambda u: (u.start, u.end))),
        units=tuple(units),
        template=chosen,
        notes=tuple(draft.notes),
    )


def read_text(
    text: str,
    source_map: Sequence[object] | None = None,
    *,
    year: int | None = None,
    template: str = "auto",
    department: str | None = None,
) -> ReadResult:
    """Read narrative text produced by another front end (a PDF's text layer, a web page).

    ``source_map`` gives, for each character of ``text``, where it came from (any value: a page
    and position, an offset in the original file …); every :class:`Source` and :class:`Unread`
    keeps offsets into ``text``, and :meth:`ReadResult.origins` maps them back.  Lines wrapped
    inside a sentence are joined by the reader itself, so the text need not be reflowed.

    >>> result = read_text("2021年度\\n本年收入合计5万元。", [("p1", i) for i in range(17)], department="示例")
    >>> result.origins(result.sources_for("$.revenue.total")[0])
    (('p1', 13), ('p1', 14), ('p1', 15))
    """
    if source_map is not None and (isinstance(source_map, (str, bytes)) or len(source_map) != len(text)):
        raise _problem(
            "与文字等长的来源表（每个字符一项）",
            "a source map with one entry per character of the text",
            type(source_map).__name__ if isinstance(source_map, (str, bytes)) else len(source_map),
            path="$.source_map",
        )
    result = read_report(text, year=year, template=template, department=department)
    if source_map is None:
        return result
    return attrs.evolve(result, source_map=tuple(source_map))


def read_report_bytes(
    data: bytes,
    *,
    encoding: str | None = None,
    year: int | None = None,
    template: str = "auto",
    department: str | None = None,
) -> ReadResult:
    """Decode ``data`` (UTF-8 with or without BOM, else GB18030, unless ``encoding`` is given) and read it.

    Undecodable bytes raise :class:`~budgetacct.errors.InputError`; so do the bytes of a PDF,
    Word document, workbook or web page, with a message naming
    :func:`~budgetacct.reader.published.read_published`, which reads those with their tables and
    the page of every figure.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise _problem("报告文件内容（bytes）", "the report file contents (bytes)", type(data).__name__)
    raw = bytes(data)
    if encoding is None:
        from budgetacct._files import published_kind

        kind = published_kind(raw)
        if kind != "text":
            raise _problem(
                f"报告文字；这是 {kind} 文件，请用 budgetacct.reader.published.read_published 读取",
                f"report text; this is a {kind} file: read it with budgetacct.reader.published.read_published",
                raw[:16],
            )
    encodings = [encoding] if encoding else ["utf-8-sig", "gb18030"]
    for name in encodings:
        try:
            decoded = raw.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        return read_report(decoded, year=year, template=template, department=department)
    raise _problem(
        f"可用 {'/'.join(encodings)} 解码的文字", f"text decodable as {'/'.join(encodings)}", raw[:16]
    )
