"""A report as published — its narrative and its standard tables — read into one Disclosure.

:func:`read_published` takes a PDF, a Word file, a workbook or a web page (a path or its bytes),
read into a format-neutral :class:`~budgetacct.reader.document.Document`: the narrative outside
the tables, reflowed, goes through the sentence reader (:func:`budgetacct.reader.read_report`);
the table grids are mapped onto the standard tables
(:func:`budgetacct.reader.grid_tables.tables_from_grids`).  Every figure keeps the place it was
printed in (a page and box, a paragraph or table cell, a sheet's cell), and the read states its
:class:`Coverage`: how many printed figures it placed and how many it did not, so a report that
was mostly not read never looks clean."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

import attrs

from budgetacct.model.budget import Budget
from budgetacct.model.budget_sets import BUDGET_TABLE_SETS
from budgetacct.model.coverage import LOW_COVERAGE, Coverage
from budgetacct.model.disclosure import Disclosure
from budgetacct.model.table_layout import TableSet
from budgetacct.model.table_specs import TABLE_SETS, find_spec
from budgetacct.model.tables import StandardTable
from budgetacct.reader.document import Box, Document, Narrative, TableGrid
from budgetacct.reader.draft import figures_placed
from budgetacct.reader.grid_tables import GridTables, UnreadCell, tables_from_grids

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct._files import PublishedKind

__all__ = [
    "LOW_COVERAGE",
    "Coverage",
    "PageSource",
    "PublishedRead",
    "budget_text_file",
    "document_of",
    "read_document",
    "read_published",
    "text_document",
]


@attrs.frozen
class PageSource:
    """Where a figure was printed: its path in the Disclosure, the page and the box on it.

    ``box`` is in the document's coordinates (:class:`~budgetacct.reader.document.Box`): PDF
    points, or a Word file's / web page's paragraphs and table cells, or a sheet's cells; ``place``
    names those places for a reader (``None`` for a PDF, whose page says it).
    """

    path: str
    page: int
    box: tuple[float, float, float, float]
    printed: str
    place: tuple[str, str] | None = None

    def describe(self) -> tuple[str, str]:
        """The place as a reader of the report finds it: “第12页” / “page 12” in a PDF, “第3段” /
        “paragraph 3” or “表2 第4行第3列” / “table 2, row 4, column 3” in a Word file or web page,
        “工作表“表1” C5” in a workbook."""
        return self.place or (f"第{self.page}页", f"page {self.page}")


@attrs.frozen
class PublishedRead:
    """A published report read: the Disclosure, where each figure is printed, what was not read.

    For a 部门预算 / 单位预算 ``disclosure`` holds the :class:`~budgetacct.model.budget.Budget`
    (one field for both, so that code which only passes the report on — to :func:`budgetacct.audit`,
    to JSON — needs no change); :attr:`kind` says which it is.
    """

    disclosure: Disclosure | Budget
    sources: tuple[PageSource, ...]
    unread: tuple[UnreadCell, ...]
    coverage: Coverage
    notes: tuple[str, ...] = ()

    @property
    def kind(self) -> Literal["budget", "final"]:
        """``"budget"`` for a 部门预算 / 单位预算, ``"final"`` for a 部门决算."""
        return "budget" if isinstance(self.disclosure, Budget) else "final"

    def sources_for(self, path: str) -> tuple[PageSource, ...]:
        """Every place the figure at ``path`` is printed (the narrative's and the tables')."""
        return tuple(s for s in self.sources if s.path == path)


def _as_tuple(box: Box) -> tuple[float, float, float, float]:
    return (box.x0, box.top, box.x1, box.bottom)


def _place(document: Document, box: Box) -> tuple[str, str] | None:
    """The paragraph or cell a box of a Word file, web page or workbook is (a PDF's page says it)."""
    return None if document.coordinates == "points" else document.place(box)


def _table_set(
    tables: GridTables, sets: dict[str, TableSet] = TABLE_SETS, university: bool | None = None
) -> str | None:
    """The set the report's tables are printed from, when the tables found say so.

    The smallest set that has every table found, provided the tables found are at least half of
    it (one table alone does not tell its set); the 高等学校 set only for tables titled so.
    """
    kinds = {table.kind for table in tables.tables}
    if university is None:
        university = any("高等学校" in table.title for table in tables.tables)
    fitting = [
        (len(s.entries), name)
        for name, s in sets.items()
        if kinds <= set(s.kinds())
        and name.startswith("university") is university
        and 2 * len(kinds) >= len(s.entries)
    ]
    return min(fitting)[1] if kinds and fitting else None


_NUMBERED: Final = re.compile(r"^\s*\d\s*[.．]")


def _budget_table_set(tables: GridTables) -> str | tuple[str, ...] | None:
    """The budget set the tables are numbered or titled by: Jiangsu's 公开NN表; Shanghai's
    (财务收支预算总表, “预算单位” tables) — either of its two 总表 layouts, which the caller tells
    apart by the cells each reads; else the smallest set the kinds fit (a university's 4 tables
    are not titled 高等学校 in its budget: 西南大学收支预算总表)."""
    numbers = [(table.number or "").replace(" ", "") for table in tables.tables]
    if any(number.startswith("公开") for number in numbers):
        return "jiangsu-budget-12"
    if any(
        "预算单位" in table.title or "财务收支预算总表" in table.title or _NUMBERED.match(table.title)
        for table in tables.tables
    ):
        return ("shanghai-budget-9-2024", "shanghai-budget-9")
    return _table_set(tables, BUDGET_TABLE_SETS, university=False) or _table_set(
        tables, BUDGET_TABLE_SETS, university=True
    )


_NOTE_START: Final = ("注：", "注:", "说明：", "说明:", "备注：", "备注:")


def _notes(document: Document, grid: TableGrid) -> tuple[str, ...]:
    """The note lines printed right under a table (“注：本表无数据。”), which belong to it."""
    if not grid.boxes:
        return ()
    last = grid.boxes[-1]
    page = next((p for p in document.pages if p.number == last.page), None)
    if page is None:
        return ()
    # Below the table: a line whose middle is under the table's bottom edge (a flow document's
    # last row of cells starts one unit above it).
    below = sorted(
        (
            line
            for line in page.lines
            if line.box.top >= last.bottom - 1 and line.box.top + line.box.bottom >= 2 * last.bottom
        ),
        key=lambda found: found.box.top,
    )
    notes: list[str] = []
    for line in below[:4]:
        text = line.text.strip()
        if text.startswith(_NOTE_START) or (notes and not find_spec(text)):
            notes.append(text)
        elif notes or find_spec(text):
            break
    return tuple(notes)


def read_published(
    source: str | os.PathLike[str] | bytes,
    *,
    year: int | None = None,
    department: str | None = None,
    table_set: str | None = None,
    kind: Literal["budget", "final"] | None = None,
) -> PublishedRead:
    """Read a published report — PDF, Word (.docx), workbook (.xlsx, .xls), web page or plain text.

    A 部门预算 / 单位预算 (told by its title or its tables, or ``kind="budget"``) is read into a
    :class:`~budgetacct.model.budget.Budget`; ``kind="final"`` reads it as a 决算 whatever it says.

    The kind is told by the file's content (:func:`budgetacct._files.published_kind`), not its
    name: ``%PDF``, a ZIP package holding ``word/`` or ``xl/``, an OLE2 file holding a workbook,
    HTML tags; anything else is a report's text, each of its non-blank lines a paragraph. Every
    figure read keeps its place (:meth:`PageSource.describe`): page and box in a PDF, paragraph or
    table cell in a Word file or web page, cell of a sheet in a workbook.

    Raises the readers' typed errors (:mod:`budgetacct.reader.pdf`: scanned, encrypted, corrupt,
    too large; :mod:`budgetacct.reader.containers`: an old .doc, encrypted, corrupt, too large),
    :class:`~budgetacct._files.UnsupportedFile` for files that are none of these (an
    OpenDocument file, a ZIP archive), and :class:`~budgetacct.errors.InputError` when the year or
    department cannot be found (pass ``year=`` / ``department=``).
    """
    from budgetacct._files import published_kind
    from budgetacct.reader.containers import load_bytes

    data, name = load_bytes(source)
    document = document_of(published_kind(data, name or ""), data, name)
    return read_document(document, year=year, department=department, table_set=table_set, kind=kind)


def document_of(kind: PublishedKind, data: bytes, name: str | None) -> Document:
    """A file's bytes, of a kind already told (:func:`budgetacct._files.published_kind`), as a
    :class:`Document`; ``name`` is its path (``None`` for bytes given)."""
    # The readers take the path when there is one: a PDF's pages are then read from the file.
    source: str | bytes = data if name is None else name
    if kind == "pdf":
        from budgetacct.reader.pdf import read_pdf

        return read_pdf(source)
    if kind == "docx":
        from budgetacct.reader.docx import read_docx

        return read_docx(source)
    if kind in ("xlsx", "xls"):
        from budgetacct.reader.sheets import read_workbook

        return read_workbook(source)
    if kind == "html":
        from budgetacct.reader.html import read_html

        return read_html(data if name is None else Path(name))
    from budgetacct._files import decode_text

    return text_document(decode_text(data, name or ""), name)


def budget_text_file(path: str | os.PathLike[str]) -> bool:
    """Whether a text file (``.txt``) is a budget's text by its title
    (:func:`budgetacct.reader.report.titled_budget`): the CLI and the batch audit read it with
    ``read_published(path, kind="budget")``, as :func:`budgetacct.reader.read_report` does."""
    from budgetacct._files import decode_text
    from budgetacct.reader.report import titled_budget

    return titled_budget(decode_text(Path(path).read_bytes(), os.fspath(path)))


def text_document(text: str, name: str | None = None) -> Document:
    """A report's text as a :class:`Document`, each of its lines a paragraph (``name`` its file):
    how a text file is read, and a budget's text given to :func:`budgetacct.reader.read_report`."""
    from budgetacct.reader.flow import FlowBuilder

    builder = FlowBuilder(name)
    for line in text.splitlines():
        builder.paragraph(line)
    return builder.document()


def read_document(
    document: Document,
    *,
    year: int | None = None,
    department: str | None = None,
    table_set: str | None = None,
    kind: Literal["budget", "final"] | None = None,
    template: str = "auto",
) -> PublishedRead:
    """A :class:`Document` (from a PDF, Word file or web page) read into a Disclosure (or, for a
    budget, a Budget) with its sources; ``template`` is the narrative's layout for a 决算."""
    from budgetacct.reader.report import read_text

    narrative = document.narrative_text()
    grids = document.tables or tuple(grid for page in document.pages for grid in page.tables)
    if kind is None:
        from budgetacct.reader.published_budget import report_kind

        head = "\n".join([narrative.text[:400], *(grid.title for grid in grids[:3])])
        specs = (find_spec(line.text) for grid in grids for line in grid.title_lines)
        kind = report_kind(head, tuple(spec.kind.is_budget for spec in specs if spec is not None))
    if kind == "budget":
        from budgetacct.reader.published_budget import read_budget_document

        return read_budget_document(
            document, narrative, grids, year=year, department=department, table_set=table_set
        )
    text_read = read_text(narrative.text, year=year, template=template, department=department)
    disclosure = text_read.disclosure
    tables = tables_from_grids(grids, year=disclosure.year, table_set=table_set)
    chosen = table_set or _table_set(tables)
    text_sources = text_read.sources
    if tables.tables:
        if chosen is not None and chosen != table_set:
            tables = tables_from_grids(grids, year=disclosure.year, table_set=chosen)
        disclosure = attrs.evolve(disclosure, tables=noted_tables(document, grids, tables), table_set=chosen)
        # The grids' tables replace any the narrative text held as pasted rows: those rows'
        # sources would point into tables that are no longer there.
        text_sources = tuple(s for s in text_sources if not s.path.startswith("$.tables"))
    return assemble_read(
        document,
        narrative,
        tables,
        disclosure,
        placed=[(s.path, s.start, s.end, s.printed) for s in text_sources],
        unplaced=[(u.start, u.sentence, u.reason, u.reason_zh) for u in text_read.unread],
        unread_figures=sum(max(len(u.figures), 1) for u in text_read.unread),
        notes=text_read.notes,
    )


def noted_tables(
    document: Document, grids: tuple[TableGrid, ...], tables: GridTables
) -> tuple[StandardTable, ...]:
    """The tables read, each with the note lines printed under its grid."""
    return tuple(
        attrs.evolve(table, notes=(*table.notes, *_notes(document, grids[index])))
        for table, index in zip(tables.tables, tables.grid_of_table, strict=True)
    )


def assemble_read(
    document: Document,
    narrative: Narrative,
    tables: GridTables,
    report: Disclosure | Budget,
    *,
    placed: Sequence[tuple[str, int, int, str]],
    unplaced: Sequence[tuple[int, str, str, str]],
    unread_figures: int,
    notes: tuple[str, ...] = (),
) -> PublishedRead:
    """The read of a document: the narrative's figures ``placed`` (path, start, end, printed) and
    left ``unplaced`` (start, sentence, reason, reason_zh; ``unread_figures`` figures in all) located
    on their pages beside the tables' cells, and the coverage of both."""

    def box_at(start: int) -> Box | None:
        return narrative.box_at(start) if narrative.text else None

    sources = [
        PageSource(path, box.page, _as_tuple(box), printed, _place(document, box))
        for path, start, end, printed in placed
        for box in narrative.boxes(start, end)[:1]
    ]
    sources.extend(
        PageSource(s.path, s.page, s.box, s.printed, _place(document, Box(s.page, *s.box)))
        for s in tables.sources
    )
    unread = [
        UnreadCell(box.page if box else 0, sentence, reason, reason_zh, _as_tuple(box) if box else None)
        for start, sentence, reason, reason_zh in unplaced
        for box in (box_at(start),)
    ]
    unread.extend(tables.unread)
    read = figures_placed(placed)
    coverage = Coverage(
        figures_read=read + tables.cells_read,
        figures_unread=unread_figures + tables.figures_unread,
        narrative_read=read,
        narrative_unread=unread_figures,
        tables_found=tables.grids,
        tables_recognized=len(tables.tables),
        pages=len(document.pages),
        pages_without_text=sum(1 for page in document.pages if not page.has_text),
    )
    return PublishedRead(report, tuple(sources), tuple(unread), coverage, notes)
