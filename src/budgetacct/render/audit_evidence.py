"""Where each finding's figures are printed, for the HTML audit page: the places and page images.

With the sources of a published report (:class:`~budgetacct.reader.published.PageSource`, or the
``(line, sentence)`` of a text report), each finding lists its own printing and every related
printing (:attr:`Finding.related <budgetacct.auditing.finding.Finding.related>`) with the figure
as printed and where (“第13页”).  With the PDF too, it shows each page those figures are on, with a
box drawn over every figure: the finding's own in red, the printings it was compared with in blue.

Each page is drawn once (:func:`~budgetacct.render.page_images.render_pages`) and embedded once, as
an SVG ``<image>`` with an id; every finding on that page shows it through ``<use href="#id">``
under its own boxes.  The boxes are SVG rectangles in the image's pixels (a box in points times
the image's scale), so they stay on their figures at any width the page is shown or printed at,
and they need no script.  Only pages that carry a finding's figure are drawn, at most
``max_pages`` of them, the most severe findings' pages first; the page says when some are left out.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs

from budgetacct._places import place_words
from budgetacct._report_text import Sources, own_printing

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.auditing.finding import Finding
    from budgetacct.reader.published import PageSource
    from budgetacct.render.page_images import PageImage

__all__ = ["EVIDENCE_CSS", "MAX_PAGES", "Evidence", "SourcesArg"]

#: Page images one audit page embeds at most (about 60 KB each at 100 dpi).
MAX_PAGES: Final = 40
#: Points of margin around a figure's box, so the outline does not cover the digits.
_MARGIN_PT: Final = 2.0

#: What :func:`~budgetacct.render.audit_html.render_audit_html` takes as ``sources``: a mapping of
#: figure paths to where they are printed (as the CLI builds it), or a read's page sources.
SourcesArg = Sources | Iterable["PageSource"]

EVIDENCE_CSS: Final = """
.budgetacct-audit { --own: #d0201a; --related: #1763d1; }
.budgetacct-audit .coverage { margin: 0 0 .5rem; color: #333; }
.budgetacct-audit .coverage.low { color: var(--warning); font-weight: 600; }
.budgetacct-audit .left-out { color: #555; font-style: italic; }
.budgetacct-audit .page-store { position: absolute; width: 0; height: 0; overflow: hidden; }
.budgetacct-audit table.printings td.role { white-space: nowrap; }
.budgetacct-audit .key { display: inline-block; width: .9em; height: .9em; vertical-align: -.1em;
  margin-right: .3em; border: 2px solid; }
.budgetacct-audit .key.own { border-color: var(--own); }
.budgetacct-audit .key.related { border-color: var(--related); }
.budgetacct-audit .pages { display: flex; flex-wrap: wrap; gap: .75rem; margin-top: .5rem; }
.budgetacct-audit figure.page-image { flex: 0 1 28rem; max-width: 100%; margin: 0; cursor: zoom-in; }
.budgetacct-audit figure.page-image.zoomed { flex-basis: 100%; cursor: zoom-out; }
.budgetacct-audit figure.page-image svg { display: block; width: 100%; height: auto;
  border: 1px solid var(--line); background: #fff; }
.budgetacct-audit figure.page-image figcaption { font-size: .85em; color: #555; }
.budgetacct-audit rect.box { fill-opacity: .12; stroke-width: 3; }
.budgetacct-audit rect.box.own { fill: var(--own); stroke: var(--own); }
.budgetacct-audit rect.box.related { fill: var(--related); stroke: var(--related); }
@media print {
  .budgetacct-audit svg, .budgetacct-audit .key { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .budgetacct-audit article.finding:has(figure.page-image) { break-inside: auto; }
  .budgetacct-audit figure.page-image, .budgetacct-audit figure.page-image.zoomed { flex: 0 0 48%;
    break-inside: avoid; cursor: auto; }
  .budgetacct-audit figure.page-image.landscape { flex-basis: 100%; }
}
"""


def _as_mapping(sources: SourcesArg | None) -> dict[str, tuple[int, str] | PageSource]:
    if sources is None:
        return {}
    if isinstance(sources, Mapping):
        return dict(sources)
    mapping: dict[str, tuple[int, str] | PageSource] = {}
    for source in sources:
        mapping.setdefault(source.path, source)
    return mapping


def _on_a_pdf_page(place: tuple[int, str] | PageSource | None) -> PageSource | None:
    """The place when it is a box on a PDF page (a Word or web page's places have no image)."""
    if place is None or isinstance(place, tuple) or place.place is not None:
        return None
    return place


@attrs.frozen
class _Printing:
    role: str  # "own" or "related"
    path: str
    place: tuple[int, str] | PageSource | None


def _printings(finding: Finding, sources: Sources) -> list[_Printing]:
    """The finding's own printing (its path, else the nearest with a source) and the related ones."""
    own_path, own = own_printing(finding.path, sources)
    found = [_Printing("own", own_path, own)]
    found += [_Printing("related", path, sources.get(path)) for path in finding.related]
    return found


@attrs.frozen
class Evidence:
    """The places of every finding's figures, and the page images of a PDF drawn once."""

    sources: Sources = attrs.field(factory=dict)
    images: Mapping[int, PageImage] = attrs.field(factory=dict)
    #: Pages carrying a figure whose images were not drawn: more than ``max_pages``.
    left_out: tuple[int, ...] = ()
    max_pages: int = MAX_PAGES
    prefix: str = "page"
    #: The audited Disclosure or Budget, whose tables and sections name the places in words.
    document: object | None = None

    @classmethod
    def collect(
        cls,
        findings: Iterable[Finding],
        sources: SourcesArg | None,
        pdf: str | os.PathLike[str] | bytes | None,
        *,
        max_pages: int = MAX_PAGES,
        document: object | None = None,
    ) -> Evidence:
        """The evidence for ``findings``, in the order the page shows them: the pages of their
        figures are drawn first come, first drawn, up to ``max_pages``; ``document`` names the
        places in words (:func:`~budgetacct._places.place_words`)."""
        mapping = _as_mapping(sources)
        wanted: dict[int, None] = {}
        for finding in findings if pdf is not None else ():
            for printing in _printings(finding, mapping):
                source = _on_a_pdf_page(printing.place)
                if source is not None:
                    wanted.setdefault(source.page)
        if pdf is None or not wanted:
            return cls(mapping, max_pages=max_pages, document=document)
        from budgetacct.render.page_images import render_pages

        data = pdf if isinstance(pdf, bytes) else Path(pdf).read_bytes()
        pages = list(wanted)
        return cls(
            mapping,
            render_pages(data, pages[:max_pages]),
            tuple(pages[max_pages:]),
            max_pages,
            # Ids unique to the file: two reports in one notebook do not borrow each other's pages.
            "page-" + hashlib.sha256(data).hexdigest()[:10],
            document,
        )

    def store(self) -> str:
        """Every page image, once, to be shown by ``<use>``: the first thing in the page."""
        if not self.images:
            return ""
        images = "".join(
            f'<image id="{self.prefix}-{number}" width="{image.width_px}" height="{image.height_px}" '
            f'data-width-pt="{image.width_pt:g}" data-height-pt="{image.height_pt:g}" '
            f'href="{image.data_uri()}"/>'
            for number, image in sorted(self.images.items())
        )
        return f'<svg class="page-store" aria-hidden="true" focusable="false"><defs>{images}</defs></svg>\n'

    def note(self) -> str:
        """A line saying which pages' images are left out, when some are."""
        if not self.left_out:
            return ""
        pages = "、".join(str(page) for page in self.left_out)
        return (
            f'<p class="left-out">页面图像至多{self.max_pages}页，未收录第{pages}页 | '
            f"at most {self.max_pages} page images: page(s) {', '.join(map(str, self.left_out))} left out</p>"
        )

    def html(self, finding: Finding) -> str:
        """The finding's printings as a table, and its pages with the figures boxed."""
        if not self.sources:
            return ""
        printings = _printings(finding, self.sources)
        if all(printing.place is None for printing in printings):
            return ""
        rows = "".join(self._row(printing) for printing in printings)
        table = (
            '<table class="printings"><tr><th>印次 printing</th><th>印出 printed</th>'
            f"<th>位置 where</th><th>路径 path</th></tr>{rows}</table>"
        )
        return f'<div class="evidence">{table}{self._pages(printings)}</div>'

    def _row(self, printing: _Printing) -> str:
        role = (
            '<span class="key own"></span>本处 this figure'
            if printing.role == "own"
            else '<span class="key related"></span>对照 compared with'
        )
        words = place_words(printing.path, self.document, printing.place)
        where = "未定位 not located" if words is None else f"{words[0]} {words[1]}"
        if printing.place is None:
            printed = "—"
        else:
            place = printing.place
            printed = " ".join(place[1].split()) if isinstance(place, tuple) else place.printed
        return (
            f'<tr class="{printing.role}"><td class="role">{role}</td><td>{escape(printed)}</td>'
            f"<td>{escape(where)}</td><td><code>{escape(printing.path)}</code></td></tr>"
        )

    def _pages(self, printings: list[_Printing]) -> str:
        on_page: dict[int, list[tuple[str, PageSource]]] = {}
        for printing in printings:
            source = _on_a_pdf_page(printing.place)
            if source is not None:
                on_page.setdefault(source.page, []).append((printing.role, source))
        figures = []
        for number, boxes in on_page.items():
            image = self.images.get(number)
            if image is None:
                if number in self.left_out:
                    figures.append(
                        f'<p class="left-out">第{number}页的图像未收录 | page {number}: image left out</p>'
                    )
                continue
            figures.append(self._figure(image, boxes))
        return f'<div class="pages">{"".join(figures)}</div>' if figures else ""

    def _figure(self, image: PageImage, boxes: list[tuple[str, PageSource]]) -> str:
        scale = image.scale
        rects = []
        for role, source in boxes:
            x0, top, x1, bottom = source.box
            x, y = (x0 - _MARGIN_PT) * scale, (top - _MARGIN_PT) * scale
            width, height = (x1 - x0 + 2 * _MARGIN_PT) * scale, (bottom - top + 2 * _MARGIN_PT) * scale
            rects.append(
                f'<rect class="box {role}" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" '
                f'height="{height:.1f}" data-path="{escape(source.path)}">'
                f"<title>{escape(source.printed)}</title></rect>"
            )
        label = f"第{image.page}页 page {image.page}"
        # On paper a landscape page (a wide table) takes the full width, so its figures stay legible.
        orientation = " landscape" if image.width_px > image.height_px else ""
        return (
            f'<figure class="page-image{orientation}" data-page="{image.page}">'
            f'<svg viewBox="0 0 {image.width_px} {image.height_px}" role="img" aria-label="{label}">'
            f'<use href="#{self.prefix}-{image.page}"/>{"".join(rects)}</svg>'
            f"<figcaption>{label}</figcaption></figure>"
        )
