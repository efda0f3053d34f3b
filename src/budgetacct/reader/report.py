"""``read_report``: a published 决算说明 (text) → :class:`~budgetacct.model.disclosure.Disclosure`.

The reader is a pipeline of small, anchored patterns over normalized text (see
:mod:`budgetacct.reader.normalize`, :mod:`budgetacct.reader.sentences`,
:mod:`budgetacct.reader.tables`).  It never guesses: a figure is put into the Disclosure only when
a pattern states what it is; every other sentence that prints a figure is returned in
:attr:`ReadResult.unread` with the reason.  Every figure put into the Disclosure has a
:class:`Source` (path, line, offsets, sentence) and every amount a :class:`UnitUse` (the unit it was
written in; 元 and 亿元 amounts are converted to 万元 exactly).

A published file — a PDF, Word file, workbook or web page, named by a path or given as bytes — is
read by :func:`budgetacct.reader.published.read_published` with its tables, and comes back as a
:class:`~budgetacct.reader.published.PublishedRead`: both results have ``disclosure``,
``sources``, ``unread``, ``coverage``, ``notes``, ``kind`` and ``sources_for`` (decision 0020).

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

import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final, Literal

import attrs

from budgetacct.errors import InputError, Problem
from budgetacct.model.coverage import Coverage
from budgetacct.model.disclosure import Disclosure
from budgetacct.money import Amount
from budgetacct.paths import Path, render_path, resolve_path
from budgetacct.reader.assemble import build_disclosure
from budgetacct.reader.detect import (
    TEMPLATES,
    UNNAMED_DEPARTMENT,
    ReaderTemplate,
    department_name,
    detect_template,
    detect_year,
    find_department,
    is_budget,
    year_source,
)
from budgetacct.reader.draft import Draft, Source, UnitUse, Unread, Where, figures_placed, tidy_amount

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.reader.normalize import Document as NormalDocument
    from budgetacct.reader.published import PublishedRead

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
    "titled_budget",
]

#: Inputs larger than this are refused (about 100 MB of text).
MAX_CHARS: Final = 100_000_000
#: A ``str`` given to :func:`read_report` names a file when it is one line, ends so and is no
#: sentence (a report's text ends with “。”, never with “.pdf”).
FILE_SUFFIXES: Final = (
    ".pdf", ".docx", ".xlsx", ".xlsm", ".xls", ".html", ".htm", ".shtml", ".jsp", ".asp", ".aspx", ".txt",
    ".text", ".md",
)  # fmt: skip
_SENTENCE_MARKS: Final = frozenset("。，；：！？")
#: A year as headings print it (“2024年度”, “2024 年”).
_YEAR: Final = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*年")


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

    @property
    def kind(self) -> Literal["final"]:
        """Always ``"final"``: :func:`read_text` reads any text into a Disclosure (a budget's text
        too, with a note); :func:`read_report` reads a budget's text or file into a
        :class:`~budgetacct.reader.published.PublishedRead`, whose ``kind`` is ``"budget"``."""
        return "final"

    @property
    def coverage(self) -> Coverage:
        """How much of the text was read: the figures placed (its sources) and the figures of the
        unread sentences (a sentence counts one when it prints none the reader could name)."""
        unread = sum(max(len(u.figures), 1) for u in self.unread)
        read = figures_placed((s.path, s.start, s.end, s.printed) for s in self.sources)
        return Coverage(
            figures_read=read, figures_unread=unread, narrative_read=read, narrative_unread=unread
        )

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


def _check_options(template: str, year: int | None, department: str | None) -> None:
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


def names_file(source: str) -> bool:
    """Whether a ``str`` given to :func:`read_report` is a file's name rather than a report's text:
    one line, ending in a report file's suffix (:data:`FILE_SUFFIXES`), with no sentence marks.

    >>> names_file("reports/2024年部门决算.pdf"), names_file("收入合计5万元。详见附件.pdf")
    (True, False)
    """
    return (
        len(source) <= 4096
        and "\n" not in source
        and source.rstrip().lower().endswith(FILE_SUFFIXES)
        and not _SENTENCE_MARKS.intersection(source)
    )


def read_report(
    source: str | os.PathLike[str],
    *,
    year: int | None = None,
    template: str = "auto",
    department: str | None = None,
) -> ReadResult | PublishedRead:
    """Read a published report: its text, or a file — PDF, Word (.docx), workbook, web page, text.

    A ``str`` is the report's text; a path (any ``os.PathLike``, or a ``str`` that
    :func:`names_file`) is a file. A file is told by its content
    (:func:`budgetacct._files.published_kind`): a text file is decoded (UTF-8, UTF-16 with BOM,
    GB18030) and read as a text; a PDF, Word file, workbook or web page is read with its tables by
    :func:`~budgetacct.reader.published.read_published` into a
    :class:`~budgetacct.reader.published.PublishedRead` (a :class:`~budgetacct.model.budget.Budget`
    for a 预算).

    A text is read into a :class:`ReadResult` (a 决算's Disclosure), unless its title names a
    budget (:func:`titled_budget`: “某局2022年部门预算”, “寿县司法局2022年“三公”经费预算情况”): a
    budget's text is read by the budget reader into the same
    :class:`~budgetacct.reader.published.PublishedRead` (``kind == "budget"``, a
    :class:`~budgetacct.model.budget.Budget` in ``disclosure``) as the same text saved as a web
    page, so that its 预算 figures are never stored as a 决算's actuals (decision 0021). Both
    results carry ``disclosure``, ``sources``, ``unread``, ``coverage``, ``notes``, ``kind`` and
    ``sources_for``; :func:`read_text` (a 决算's text, whatever its title) and ``read_published``
    return one type each, for code that wants the narrower one.

    ``year`` and ``department`` are taken from the report unless given.  ``template`` is ``"auto"``
    (detect the layout), or one of :data:`TEMPLATES` (a budget file's reader has its own).
    Text that cannot be read raises :class:`~budgetacct.errors.InputError`, and so does a ``str``
    naming a file that cannot be opened (a ``str`` raises nothing but the library's errors); a file
    raises what ``read_published`` raises (a path object to a missing file: ``FileNotFoundError``).
    """
    if isinstance(source, os.PathLike) or (isinstance(source, str) and names_file(source)):
        from budgetacct.reader.containers import load_bytes

        _check_options(template, year, department)
        try:
            data, name = load_bytes(os.fspath(source).strip())
        except OSError as exc:
            if not isinstance(source, str):
                raise
            # A str keeps the text's contract: it raises nothing but the library's own errors.
            from budgetacct._files import os_error_message

            raise _problem(
                "可以打开的报告文件", "a report file that can be opened", os_error_message(source, exc)
            ) from None
        return _read_file(data, name, year=year, template=template, department=department)
    return _read_any_text(source, year=year, template=template, department=department)


def _read_file(
    data: bytes, name: str | None, *, year: int | None, template: str, department: str | None
) -> ReadResult | PublishedRead:
    """A file's bytes (``name`` its path, ``None`` for bytes given) read by their kind."""
    from budgetacct._files import decode_text, published_kind

    kind = published_kind(data, name or "")
    if kind == "text":
        return _read_any_text(
            decode_text(data, name or ""), year=year, template=template, department=department, name=name
        )
    from budgetacct.reader.published import document_of, read_document

    document = document_of(kind, data, name)
    return read_document(document, year=year, department=department, template=template)


def titled_budget(text: str) -> bool:
    """Whether a report's text is a 部门预算 / 单位预算 by its title (“某局2022年部门预算”,
    “2024年单位预算”, “寿县司法局2022年“三公”经费预算情况”): the text :func:`read_report` reads with
    the budget reader.  An untitled passage is read as a 决算 (``read_published(kind="budget")``
    reads it as a budget).

    >>> titled_budget("某局2022年部门预算\\n2022年机关运行经费预算为50万元。")
    True
    >>> titled_budget("2021年度某局部门决算\\n2021年度“三公”经费财政拨款预算为30万元。")
    False
    """
    from budgetacct.reader.normalize import Document

    return is_budget(Document(text).lines)


def _read_any_text(
    text: str,
    *,
    year: int | None = None,
    template: str = "auto",
    department: str | None = None,
    name: str | None = None,
) -> ReadResult | PublishedRead:
    """A report's text (``name`` its file, if any): a budget's by the budget reader, as the same
    text in a web page is read (:func:`titled_budget`); any other into a :class:`ReadResult`."""
    document = _checked(text, year=year, template=template, department=department)
    if not is_budget(document.lines):
        return _read_document_text(document, text, year=year, template=template, department=department)
    from budgetacct.reader.published import read_document, text_document

    return read_document(text_document(text, name), year=year, department=department, kind="budget")


def _read_text(
    text: str,
    *,
    year: int | None = None,
    template: str = "auto",
    department: str | None = None,
) -> ReadResult:
    """A report's text read into a Disclosure (the body of :func:`read_text`): any input other than
    a readable string raises :class:`~budgetacct.errors.InputError`, a string nothing else."""
    document = _checked(text, year=year, template=template, department=department)
    return _read_document_text(document, text, year=year, template=template, department=department)


def _checked(text: str, *, year: int | None, template: str, department: str | None) -> NormalDocument:
    """The normalized lines of a report's text, once the text and the options are checked."""
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
    _check_options(template, year, department)
    return Document(text)


def _read_document_text(
    document: NormalDocument,
    text: str,
    *,
    year: int | None,
    template: str,
    department: str | None,
) -> ReadResult:
    """The normalized ``document`` of ``text`` read into a Disclosure."""
    from budgetacct.reader import sentences, tables

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
            "Disclosure that models final accounts (决算); 三公 and other amounts are budget figures "
            "(read_report reads a budget's text into a Budget)"
        )
    name = department.strip() if department is not None else reader.department()
    if department is None and name is not None and department_name(name) != (0, len(name)):
        # A fund's heading or a sentence's words where a name would stand (“2021年度一般公共预算
        # “三公”经费支出情况说明”): no department.
        name, reader.department_source = None, None
    if name is None:
        name = UNNAMED_DEPARTMENT
        draft.notes.append("department name not found in the text; pass department=")
    chosen = detect_template(text) if template == "auto" else template
    disclosure = build_disclosure(draft, found_year, name, chosen)
    if pasted.tables:  # the standard tables pasted one row per line, as the PDF reader gives them
        disclosure = attrs.evolve(disclosure, tables=pasted.tables)
    headings = tuple(
        line.text.strip() for line in document.lines if line.kind == "heading" and _YEAR.search(line.text)
    )
    if headings:  # kept for R100: a heading naming another year is last year's text left unchanged
        disclosure = attrs.evolve(disclosure, headings=headings)

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
    result = _read_text(text, year=year, template=template, department=department)
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
) -> ReadResult | PublishedRead:
    """Read a report file's bytes, as :func:`read_report` reads the file.

    The bytes of a PDF, Word document, workbook or web page are read with their tables into a
    :class:`~budgetacct.reader.published.PublishedRead`; text is decoded (UTF-8 with or without
    BOM, else GB18030, unless ``encoding`` is given: the bytes are then text whatever they hold)
    and read into a :class:`ReadResult`. Undecodable bytes raise
    :class:`~budgetacct.errors.InputError`.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise _problem("报告文件内容（bytes）", "the report file contents (bytes)", type(data).__name__)
    raw = bytes(data)
    if encoding is None:
        from budgetacct._files import published_kind

        if published_kind(raw) != "text":
            _check_options(template, year, department)
            return _read_file(raw, None, year=year, template=template, department=department)
    encodings = [encoding] if encoding else ["utf-8-sig", "gb18030"]
    for name in encodings:
        try:
            decoded = raw.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        return _read_any_text(decoded, year=year, template=template, department=department)
    raise _problem(
        f"可用 {'/'.join(encodings)} 解码的文字", f"text decodable as {'/'.join(encodings)}", raw[:16]
    )
