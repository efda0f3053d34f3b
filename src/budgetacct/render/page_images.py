"""Pages of a PDF as small PNG images, for the evidence in the HTML audit page.

Rendered with pypdfium2 (PDFium; BSD-3-Clause and Apache-2.0), which the ``pdf`` extra already
installs with pdfplumber; it is imported only when pages are rendered.  Each page is drawn whole —
its media box, the frame pdfplumber measures figures in — so a figure's box in points (origin at
the page's top-left) maps onto the image by one scale: :attr:`PageImage.scale`.

Images are reduced to a 32-colour palette: a report page is black text, ruling lines and a few
colours, and the palette makes its PNG about a quarter of the full-colour one.
"""

from __future__ import annotations

import base64
import importlib
import io
import os
from collections.abc import Iterable
from typing import Any, Final

import attrs

__all__ = ["DEFAULT_DPI", "PageImage", "render_pages"]

#: Enough to read a table's figures on screen, small enough to embed tens of pages in one file.
DEFAULT_DPI: Final = 100
_POINTS_PER_INCH: Final = 72
_PALETTE_COLOURS: Final = 32


@attrs.frozen
class PageImage:
    """One page drawn: its number (1-based), its size in PDF points and in pixels, the PNG."""

    page: int
    width_pt: float
    height_pt: float
    width_px: int
    height_px: int
    png: bytes = attrs.field(repr=lambda png: f"<{len(png)} bytes>")

    @property
    def scale(self) -> float:
        """Pixels per point: a box in points times this is the box on the image."""
        return self.width_px / self.width_pt

    def data_uri(self) -> str:
        """The image inline (``data:image/png;base64,…``): a page that embeds it fetches nothing."""
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


def _pdfium() -> Any:
    try:
        return importlib.import_module("pypdfium2")
    except ImportError:
        from budgetacct.reader.pdf import PdfSupportMissing

        raise PdfSupportMissing("pypdfium2") from None


def _png(bitmap: Any) -> bytes:
    from PIL import Image

    image = bitmap.to_pil().convert("RGB").quantize(_PALETTE_COLOURS, method=Image.Quantize.FASTOCTREE)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=9)
    return buffer.getvalue()


def render_pages(
    pdf: str | os.PathLike[str] | bytes, pages: Iterable[int], *, dpi: int = DEFAULT_DPI
) -> dict[int, PageImage]:
    """The ``pages`` (1-based numbers) of ``pdf`` (a path or the file's bytes) drawn at ``dpi``.

    Each page is drawn once however often it is asked for; numbers the file does not have are left
    out.  A file PDFium cannot open raises :class:`~budgetacct.reader.pdf.CorruptPdf`; without
    pypdfium2, :class:`~budgetacct.reader.pdf.PdfSupportMissing`.

    >>> import io, pypdfium2
    >>> blank = pypdfium2.PdfDocument.new()
    >>> _ = blank.new_page(144, 72)  # 2 × 1 inches
    >>> _ = blank.save(file := io.BytesIO())
    >>> images = render_pages(file.getvalue(), [1, 1, 2])
    >>> list(images), images[1].width_px, images[1].height_px, images[1].scale
    ([1], 200, 100, 1.3888888888888888)
    >>> images[1].png[:4]
    b'\x89PNG'
    """
    pdfium = _pdfium()
    source: Any = pdf if isinstance(pdf, bytes) else os.fspath(pdf)
    try:
        document = pdfium.PdfDocument(source)
    except pdfium.PdfiumError as exc:
        from budgetacct.reader.pdf import CorruptPdf

        where = None if isinstance(pdf, bytes) else os.fspath(pdf)
        raise CorruptPdf("完整的 PDF 文件", "a complete PDF file", str(exc), source=where) from exc
    images: dict[int, PageImage] = {}
    try:
        count = len(document)
        for number in dict.fromkeys(pages):
            if not 1 <= number <= count or number in images:
                continue
            page = document[number - 1]
            try:
                # Draw the media box: pdfplumber's coordinates are measured from its corner, and a
                # crop box (PDFium's default) would shift every box drawn over the image.
                page.set_cropbox(*page.get_mediabox())
                bitmap = page.render(scale=dpi / _POINTS_PER_INCH)
                width_pt, height_pt = page.get_size()
                images[number] = PageImage(
                    number, float(width_pt), float(height_pt), bitmap.width, bitmap.height, _png(bitmap)
                )
            finally:
                page.close()
    finally:
        document.close()
    return images
