"""A report as published — a PDF's narrative and its standard tables — read into one Disclosure.

:func:`read_published` takes a PDF (a path or its bytes): the narrative outside the tables, reflowed,
goes through the sentence reader (:func:`budgetacct.reader.read_report`); the table grids are mapped
onto the standard tables (:func:`budgetacct.reader.grid_tables.tables_from_grids`).  Every figure
keeps the page and box it was printed in, and the read states its :class:`Coverage`: how many printed
figures it placed and how many it did not, so a report that was mostly not read never looks clean.
"""

from __future__ import annotations

import os
from typing import Final

import attrs

from budgetacct.model.coverage import LOW_COVERAGE, Coverage
from budgetacct.model.disclosure import Disclosure
from budgetacct.model.table_specs import TABLE_SETS, find_spec
from budgetacct.reader.document import Box, Document, TableGrid
from budgetacct.reader.grid_tables import GridTables, UnreadCell, tables_from_grids

__all__ = ["LOW_COVERAGE", "Coverage", "PageSource", "PublishedRead", "read_document", "read_published"]


@attrs.frozen
class PageSource:
    """Where a figure was printed: its path in the Disclosure, the page and the box on it."""

    path: str
    page: int
    box: tuple[float, float, float, float]
    printed: str

    def describe(self) -> tuple[str, str]:
        """The place as a reader of the report finds it: “第12页”, “page 12”."""
        return f"第{self.page}页", f"page {self.page}"


@attrs.frozen
class PublishedRead:
    """A published report read: the Disclosure, where each figure is printed, what was not read."""

    disclosure: Disclosure
    sources: tuple[PageSource, ...]
    unread: tuple[UnreadCell, ...]
    coverage: Coverage
    notes: tuple[str, ...] = ()


def _as_tuple(box: Box) -> tuple[float, float, float, float]:
    return (box.x0, box.top, box.x1, box.bottom)


def _table_set(tables: GridTables) -> str | None:
    """The smallest set that has every table found (None when no set has them all)."""
    kinds = {table.kind for table in tables.tables}
    fitting = [(len(s.entries), name) for name, s in TABLE_SETS.items() if kinds <= set(s.kinds())]
    return min(fitting)[1] if kinds and fitting else None


_NOTE_START: Final = ("注：", "注:", "说明：", "说明:", "备注：", "备注:")


def _notes(document: Document, grid: TableGrid) -> tuple[str, ...]:
    """The note lines printed right under a table (“注：本表无数据。”), which belong to it."""
    if not grid.boxes:
        return ()
    last = grid.boxes[-1]
    page = next((p for p in document.pages if p.number == last.page), None)
    if page is None:
        return ()
    below = sorted(
        (line for line in page.lines if line.box.top >= last.bottom - 1), key=lambda found: found.box.top
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
) -> PublishedRead:
    """Read a published PDF report: its narrative and its standard tables, each figure with its page.

    Raises the PDF reader's typed errors (:mod:`budgetacct.reader.pdf`: scanned, encrypted, corrupt,
    too large) and :class:`~budgetacct.errors.InputError` when the year or department cannot be
    found (pass ``year=`` / ``department=``).
    """
    from budgetacct.reader.pdf import read_pdf

    document = read_pdf(source)
    return read_document(document, year=year, department=department, table_set=table_set)


def read_document(
    document: Document,
    *,
    year: int | None = None,
    department: str | None = None,
    table_set: str | None = None,
) -> PublishedRead:
    """A :class:`Document` (from a PDF, Word file or web page) read into a Disclosure with its sources."""
    from budgetacct.reader.report import read_report

    narrative = document.narrative_text()
    text_read = read_report(narrative.text, year=year, department=department)
    disclosure = text_read.disclosure
    grids = document.tables or tuple(grid for page in document.pages for grid in page.tables)
    tables = tables_from_grids(grids, year=disclosure.year, table_set=table_set)
    chosen = table_set or _table_set(tables)
    if tables.tables:
        if chosen is not None and chosen != table_set:
            tables = tables_from_grids(grids, year=disclosure.year, table_set=chosen)
        noted = tuple(
            attrs.evolve(table, notes=(*table.notes, *_notes(document, grids[index])))
            for table, index in zip(tables.tables, tables.grid_of_table, strict=True)
        )
        disclosure = attrs.evolve(disclosure, tables=noted, table_set=chosen)
    sources = [
        PageSource(source.path, box.page, _as_tuple(box), source.printed)
        for source in text_read.sources
        for box in narrative.boxes(source.start, source.end)[:1]
    ]
    sources.extend(PageSource(s.path, s.page, s.box, s.printed) for s in tables.sources)
    unread = [
        UnreadCell(
            narrative.box_at(u.start).page if narrative.text else 0,
            u.sentence,
            u.reason,
            u.reason_zh,
            _as_tuple(narrative.box_at(u.start)) if narrative.text else None,
        )
        for u in text_read.unread
    ]
    unread.extend(tables.unread)
    narrative_unread = sum(max(len(u.figures), 1) for u in text_read.unread)
    coverage = Coverage(
        figures_read=len(text_read.sources) + tables.cells_read,
        figures_unread=narrative_unread + tables.figures_unread,
        narrative_read=len(text_read.sources),
        narrative_unread=narrative_unread,
        tables_found=tables.grids,
        tables_recognized=len(tables.tables),
        pages=len(document.pages),
        pages_without_text=sum(1 for page in document.pages if not page.has_text),
    )
    return PublishedRead(disclosure, tuple(sources), tuple(unread), coverage, text_read.notes)
