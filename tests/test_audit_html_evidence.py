"""The HTML audit page of a PDF: each finding's printings, and its pages with the figures boxed.

``sh2024-ptczj-js.pdf`` (上海市普陀区财政局 2024年部门决算) prints its 财政拨款收入支出总计 as
“0.3万元” in the narrative (page 21) and as 2,961.68 in 财政拨款收入支出决算总表 (page 13): rule R68
finds them apart.  The page must show both pages with a box on each figure.  Where the figures
really are is found here independently of the reader, by pdfplumber's text search on the page,
and the boxes are measured where they are drawn: in headless Chromium, relative to the page image.
"""

from __future__ import annotations

import base64
import io
import json
import math
import re
import struct
from pathlib import Path
from typing import Any

import pytest

from budgetacct import audit
from budgetacct.auditing.finding import AuditReport, Finding, Message
from budgetacct.cli import main
from budgetacct.model import Severity
from budgetacct.reader.pdf import CorruptPdf
from budgetacct.reader.published import PageSource, PublishedRead, read_published
from budgetacct.render.audit_html import render_audit_html
from test_audit_html import _browse, find_or_install_chromium

pdfplumber = pytest.importorskip(
    "pdfplumber", reason="the pdf extra reads PDFs: pip install 'budgetacct[pdf]'"
)

PUTUO = Path(__file__).parent / "corpus" / "sh2024-ptczj-js.pdf"
R68_PATH = "$.fiscal.grand_total"
R68_TABLE_CELL = "$.tables[3].panels[0].rows[8].cells[0]"
# (page, text as printed) of the two printings R68 compares
NARRATIVE = (21, "0.3万元")
TABLE = (13, "2,961.68")


@pytest.fixture(scope="session")
def chromium() -> str:
    return find_or_install_chromium()


@pytest.fixture(scope="module")
def putuo() -> tuple[PublishedRead, AuditReport]:
    read = read_published(PUTUO)
    return read, audit(read.disclosure, coverage=read.coverage)


@pytest.fixture(scope="module")
def evidence_page(putuo: tuple[PublishedRead, AuditReport]) -> str:
    read, report = putuo
    return render_audit_html(report, sources=read.sources, pdf=PUTUO)


def _article(page: str, path: str) -> str:
    """The finding whose own printing is at ``path``."""
    for article in re.findall(r'<article class="finding".*?</article>', page, re.S):
        own = re.search(r'<tr class="own">.*?</tr>', article)
        if own is not None and f"<code>{path}</code>" in own.group():
            return str(article)
    raise AssertionError(f"no finding at {path}")


def _images(page: str) -> dict[str, bytes]:
    """The embedded page images by id, decoded."""
    return {
        ident: base64.b64decode(data)
        for ident, data in re.findall(r'<image id="([\w-]+)"[^>]*href="data:image/png;base64,([^"]+)"', page)
    }


def _png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def _printed_box(page_number: int, text: str) -> list[tuple[float, float, float, float]]:
    """Every place ``text`` is printed on the page, as pdfplumber's characters in the order they
    are drawn: (x0, top, x1, bottom) in points.  (Its text search misses “0.3万元”: the digits sit
    on another baseline than 万元, so its lines put them apart.)"""
    with pdfplumber.open(PUTUO) as pdf:
        chars = pdf.pages[page_number - 1].chars
        found = []
        for start in range(len(chars) - len(text) + 1):
            run = chars[start : start + len(text)]
            if "".join(char["text"] for char in run) == text:
                found.append(
                    (
                        min(c["x0"] for c in run),
                        min(c["top"] for c in run),
                        max(c["x1"] for c in run),
                        max(c["bottom"] for c in run),
                    )
                )
        return found


def _page_size(page_number: int) -> tuple[float, float]:
    with pdfplumber.open(PUTUO) as pdf:
        page = pdf.pages[page_number - 1]
        return float(page.width), float(page.height)


def _covered(word: tuple[float, ...], box: tuple[float, ...]) -> float:
    """Share of the word's area inside the box."""
    width = min(word[2], box[2]) - max(word[0], box[0])
    height = min(word[3], box[3]) - max(word[1], box[1])
    area = (word[2] - word[0]) * (word[3] - word[1])
    return max(width, 0) * max(height, 0) / area


# --- the page as written ------------------------------------------------------------------------


def test_a_finding_lists_both_printings_with_value_and_page(evidence_page: str) -> None:
    r68 = _article(evidence_page, R68_PATH)
    assert (
        '<tr class="own"><td class="role"><span class="key own"></span>本处 this figure</td>'
        f"<td>0.3万元</td><td>第21页 page 21</td><td><code>{R68_PATH}</code></td></tr>"
    ) in r68
    assert (
        '<tr class="related"><td class="role"><span class="key related"></span>对照 compared with</td>'
        f"<td>2,961.68</td><td>第13页 page 13</td><td><code>{R68_TABLE_CELL}</code></td></tr>"
    ) in r68
    # the narrative's page first, then the table's, each with one box
    assert re.findall(r'<figure class="page-image( landscape)?" data-page="(\d+)">', r68) == [
        ("", "21"),
        (" landscape", "13"),
    ]
    assert re.findall(r'<rect class="box (\w+)"[^>]*data-path="([^"]+)"', r68) == [
        ("own", R68_PATH),
        ("related", R68_TABLE_CELL),
    ]


def test_each_page_is_embedded_once_at_100_dpi(evidence_page: str) -> None:
    images = _images(evidence_page)
    ids = re.findall(r'<use href="#([\w-]+)"/>', evidence_page)
    assert set(ids) == set(images) and len(images) == len(set(images))
    numbers = {int(ident.rsplit("-", 1)[1]): png for ident, png in images.items()}
    assert {21, 13} <= set(numbers)
    # only pages that carry a finding's figure: the tables the notes name (6–16), the narrative
    # (21) and its 政府采购 paragraph (24, a rounding note)
    assert set(numbers) <= set(range(6, 25))
    for number in (21, 13):
        width_pt, height_pt = _page_size(number)
        width_px, height_px = _png_size(numbers[number])
        # PDFium rounds a page's size in pixels up
        assert (width_px, height_px) == (math.ceil(width_pt * 100 / 72), math.ceil(height_pt * 100 / 72))
    # page 21 is shown by the five findings on it (R37 twice, R68, the two R40 rounding notes: the
    # 类 structure and the 项 detail, whose 信息化建设 and 财政委托业务支出 lines the catalogue names),
    # embedded once
    page_21 = next(ident for ident in images if ident.endswith("-21"))
    assert evidence_page.count(f'id="{page_21}"') == 1 and ids.count(page_21) == 5


def test_the_page_stays_standalone(evidence_page: str) -> None:
    links = re.findall(r'\b(?:src|href)\s*=\s*"([^"]{0,40})', evidence_page)
    assert links and all(link.startswith(("#page-", "data:image/png;base64,")) for link in links)
    assert "http://" not in evidence_page and "https://" not in evidence_page
    assert "url(" not in evidence_page and "@import" not in evidence_page
    # about 60 KB a page image, not megabytes
    assert len(evidence_page) < 100_000 * len(_images(evidence_page))


def test_the_coverage_line_is_at_the_top(
    evidence_page: str, putuo: tuple[PublishedRead, AuditReport]
) -> None:
    _, report = putuo
    assert report.coverage is not None
    zh, en = report.coverage.summary()
    header = evidence_page[evidence_page.index("<header>") : evidence_page.index("</header>")]
    assert f'<p class="coverage">{zh}<br><span lang="en">{en}</span></p>' in header


def test_at_most_max_pages_and_a_note_for_the_rest(putuo: tuple[PublishedRead, AuditReport]) -> None:
    read, report = putuo
    page = render_audit_html(report, sources=read.sources, pdf=PUTUO.read_bytes(), max_pages=1)
    images = _images(page)
    # the first finding shown (an error on page 21) keeps its page; R68's table page is left out
    assert [ident.rsplit("-", 1)[1] for ident in images] == ["21"]
    assert "页面图像至多1页，未收录第13、" in page and "page(s) 13, " in page
    r68 = _article(page, R68_PATH)
    assert re.findall(r'data-page="(\d+)"', r68) == ["21"]
    assert '<p class="left-out">第13页的图像未收录 | page 13: image left out</p>' in r68


def test_without_the_pdf_the_printings_are_listed_without_images(
    putuo: tuple[PublishedRead, AuditReport],
) -> None:
    read, report = putuo
    page = render_audit_html(report, sources={s.path: s for s in read.sources})
    assert "<td>2,961.68</td><td>第13页 page 13</td>" in _article(page, R68_PATH)
    assert "<image" not in page and "<svg" not in page and "<use" not in page
    # a notebook shows the report without evidence, as before
    fragment = report._repr_html_()
    assert fragment.startswith('<div class="budgetacct-audit">') and "<image" not in fragment
    assert '<p class="coverage">' in fragment


def test_the_cli_writes_the_page_with_the_pdf_pages(tmp_path: Path) -> None:
    out = tmp_path / "audit.html"
    assert main(["audit", str(PUTUO), "--format", "html", "-o", str(out)]) == 1
    page = out.read_text(encoding="utf-8")
    assert {"21", "13"} <= {ident.rsplit("-", 1)[1] for ident in _images(page)}
    r68 = _article(page, R68_PATH)
    assert 'data-page="13"' in r68
    # the command line passes the disclosure: each place is named by its section or table cell too
    assert (
        "<td>0.3万元</td><td>第21页 财政拨款收入支出决算总体情况说明 "
        "page 21, section “Fiscal appropriations: overall”</td>"
    ) in r68
    assert (
        "<td>2,961.68</td><td>第13页 财政拨款收入支出决算总表“总计”行“金额”列 "
        "page 13, table 财政拨款收入支出决算总表, row 总计, column 金额</td>"
    ) in r68


def _blank_pdf(width_pt: float, height_pt: float) -> bytes:
    pdfium = pytest.importorskip("pypdfium2")
    document = pdfium.PdfDocument.new()
    document.new_page(width_pt, height_pt)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_boxes_are_scaled_to_the_image_and_every_text_is_escaped() -> None:
    # a 4 × 2 inch page: 400 × 200 pixels at 100 dpi, 100/72 pixels a point
    pdf = _blank_pdf(288, 144)
    own = PageSource('$.x["<b>"]', 1, (72, 36, 144, 54), "<script>alert(1)</script>")
    other = PageSource("$.y", 1, (0, 0, 36, 18), '"2,961.68"')
    finding = Finding(
        "R68", Severity.ERROR, '$.x["<b>"]', "1", "2", "1", "0", Message("中", "en"), ("$.y", "$.z")
    )
    page = render_audit_html(AuditReport((finding,), subject="示例 2024"), sources=[own, other], pdf=pdf)
    article = _article(page, "$.x[&quot;&lt;b&gt;&quot;]")
    assert "<script>alert" not in page and "<b>" not in page
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>第1页 page 1</td>" in article
    assert "<td>&quot;2,961.68&quot;</td><td>第1页 page 1</td>" in article
    # a related printing the read did not place is listed without a page
    assert "<td>—</td><td>未定位 not located</td><td><code>$.z</code></td>" in article
    (png,) = _images(page).values()
    assert _png_size(png) == (400, 200)
    assert '<svg viewBox="0 0 400 200"' in article
    # the box reaches 2 points beyond the figure on every side: (70, 34) to (146, 56) in points
    assert '<rect class="box own" x="97.2" y="47.2" width="105.6" height="30.6"' in article
    assert '<rect class="box related" x="-2.8" y="-2.8" width="55.6" height="30.6"' in article
    assert '<figure class="page-image landscape" data-page="1">' in article


def test_a_file_pdfium_cannot_open_is_a_corrupt_pdf() -> None:
    source = PageSource("$.x", 1, (0, 0, 10, 10), "1")
    finding = Finding("R1", Severity.ERROR, "$.x", "1", "2", "1", "0", Message("中", "en"))
    with pytest.raises(CorruptPdf):
        render_audit_html(AuditReport((finding,)), sources=[source], pdf=b"%PDF-1.7 truncated")


# --- in a real browser ------------------------------------------------------------------------------

# Measures every box of the R68 finding where Chromium draws it, as a share of the page image it
# is drawn on; any script error on the page is recorded too.
_CATCH_ERRORS = (
    "<script>window.addEventListener('error', function (e) {"
    " document.documentElement.dataset.errors = (document.documentElement.dataset.errors || '')"
    " + e.message + ';'; });</script>"
)
_MEASURE = """<script>
(function () {
  var found = [];
  document.querySelectorAll("figure.page-image").forEach(function (figure) {
    var image = figure.querySelector("use").getBoundingClientRect();
    figure.querySelectorAll("rect.box").forEach(function (rect) {
      if (rect.dataset.path !== "%s" && rect.dataset.path !== "%s") return;
      var box = rect.getBoundingClientRect();
      found.push({page: Number(figure.dataset.page), role: rect.classList[1], path: rect.dataset.path,
        box: [(box.left - image.left) / image.width, (box.top - image.top) / image.height,
              (box.right - image.left) / image.width, (box.bottom - image.top) / image.height],
        screen: [box.left + scrollX, box.top + scrollY, box.right + scrollX, box.bottom + scrollY]});
    });
  });
  var out = document.createElement("pre");
  out.id = "measured";
  out.textContent = JSON.stringify(found);
  document.body.appendChild(out);
})();
</script>
"""


def _r68_only(page: str) -> str:
    """The page with the R68 finding alone (the others removed once the page's script has run)."""
    keep = f'"{R68_PATH}"'
    only = (
        "<script>document.querySelectorAll('article.finding').forEach(function (a) {"
        f" if (!a.querySelector('rect.box.own[data-path={keep}]')) a.remove(); }});"
        " document.querySelectorAll('div.rule').forEach(function (r) {"
        " if (!r.querySelector('article')) r.remove(); });</script>\n"
    )
    return page.replace("<head>", "<head>" + _CATCH_ERRORS, 1).replace("</body>", only + "</body>", 1)


def _measured(dom: str) -> list[dict[str, Any]]:
    found = re.search(r'<pre id="measured">(.*?)</pre>', dom, re.S)
    assert found is not None
    data: list[dict[str, Any]] = json.loads(found.group(1).replace("&quot;", '"'))
    return data


WINDOW = (1100, 1500)


def test_the_boxes_land_on_the_figures(chromium: str, tmp_path: Path, evidence_page: str) -> None:
    page = evidence_page.replace("<head>", "<head>" + _CATCH_ERRORS, 1)
    page = page.replace("</body>", _MEASURE % (R68_PATH, R68_TABLE_CELL) + "</body>", 1)
    file = tmp_path / "audit.html"
    file.write_text(page, encoding="utf-8")
    dom = _browse(chromium, tmp_path, f"--window-size={WINDOW[0]},{WINDOW[1]}", "--dump-dom", file.as_uri())
    html = re.search(r"<html[^>]*>", dom)
    body = re.search(r"<body[^>]*>", dom)
    assert html is not None and body is not None
    assert "data-errors" not in html.group(), html.group()  # no script error
    assert 'data-ready="true"' in body.group()  # the page's own script ran to its end
    boxes = {(one["page"], one["path"]): one for one in _measured(dom)}
    for (number, text), path, role in ((NARRATIVE, R68_PATH, "own"), (TABLE, R68_TABLE_CELL, "related")):
        measured = boxes[(number, path)]
        assert measured["role"] == role
        width_pt, height_pt = _page_size(number)
        drawn = [share * size for share, size in zip(measured["box"], (width_pt, height_pt) * 2, strict=True)]
        # the figure as pdfplumber finds it on the page, wherever it is printed there
        words = _printed_box(number, text)
        assert words, text
        best = max(words, key=lambda word: _covered(word, drawn))
        assert _covered(best, drawn) > 0.9, (text, best, drawn)
        # and the box is about the figure's size, not a large part of the page
        word_area = (best[2] - best[0]) * (best[3] - best[1])
        assert (drawn[2] - drawn[0]) * (drawn[3] - drawn[1]) < 4 * word_area


def test_screenshot_shows_the_boxes_on_both_pages(chromium: str, tmp_path: Path, evidence_page: str) -> None:
    image_module = pytest.importorskip("PIL.Image")
    page = _r68_only(evidence_page).replace("</body>", _MEASURE % (R68_PATH, R68_TABLE_CELL) + "</body>", 1)
    file = tmp_path / "audit.html"
    file.write_text(page, encoding="utf-8")
    # the same window for both runs: the boxes measured in one are looked for in the other's picture
    window = (f"--window-size={WINDOW[0]},{WINDOW[1]}", "--force-device-scale-factor=1", "--hide-scrollbars")
    dom = _browse(chromium, tmp_path, *window, "--dump-dom", file.as_uri())
    shot = tmp_path / "r68.png"
    _browse(chromium, tmp_path, *window, f"--screenshot={shot}", file.as_uri())
    data = shot.read_bytes()
    assert _png_size(data) == WINDOW
    picture = image_module.open(io.BytesIO(data)).convert("RGB")
    # where the page says it drew each box, the screenshot has its colour: red on the narrative's
    # figure, blue on the table's (both pages side by side, within the window)
    colours = {
        "own": lambda r, g, b: r > 170 and g < 90 and b < 90,
        "related": lambda r, g, b: b > 170 and r < 90,
    }
    for measured in _measured(dom):
        left, top, right, bottom = (round(v) for v in measured["screen"])
        assert 0 <= left < right <= WINDOW[0] and 0 <= top < bottom <= WINDOW[1], measured
        is_colour = colours[measured["role"]]
        # the outline is drawn on the box's edges: along its top and left edges, a pixel or two
        # either side of the edge has the colour
        band = range(-2, 3)
        top_edge = [any(is_colour(*picture.getpixel((x, top + d))) for d in band) for x in range(left, right)]
        left_edge = [
            any(is_colour(*picture.getpixel((left + d, y))) for d in band) for y in range(top, bottom)
        ]
        assert sum(top_edge) > 0.9 * len(top_edge) and sum(left_edge) > 0.9 * len(left_edge), measured
        # and inside it the figure's ink shows through
        inside = [picture.getpixel((x, (top + bottom) // 2)) for x in range(left + 3, right - 3)]
        assert min(sum(pixel) for pixel in inside) < 300, measured


def test_filters_and_zoom_work_on_the_page_with_images(
    chromium: str, tmp_path: Path, evidence_page: str
) -> None:
    # opened filtered to the notes, then the first page image clicked to show it the full width
    clicked = evidence_page.replace(
        "</body>", '<script>document.querySelector("figure.page-image").click();</script>\n</body>', 1
    )
    file = tmp_path / "audit.html"
    file.write_text(clicked, encoding="utf-8")
    dom = _browse(chromium, tmp_path, "--dump-dom", file.as_uri() + "#note")
    sections = re.findall(r'<section class="severity (\w+)" data-severity="\w+"( hidden="")?>', dom)
    assert [(severity, bool(hidden)) for severity, hidden in sections] == [("error", True), ("note", False)]
    figures = re.findall(r'<figure class="(page-image[^"]*)"', dom)
    assert figures[0] == "page-image zoomed" and not any("zoomed" in one for one in figures[1:])
