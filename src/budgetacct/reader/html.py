"""Read a report published as a web page into a :class:`~budgetacct.reader.document.Document`.

The page is parsed with the standard library's :mod:`html.parser` into a small element tree (the
end tags HTML lets authors leave out — ``</p>``, ``</li>``, ``</td>``, ``</tr>`` — are implied as a
browser implies them), then its report body is walked in order: paragraphs (``p``, ``div``,
headings, ``li``; a ``<br>`` starts a new paragraph, as it starts a new line on screen) and
tables (``table``/``tr``/``td``/``th`` with ``colspan``/``rowspan``).  Scripts, styles, forms,
hidden elements and the site's navigation (``nav``, ``header``, ``footer``, ``aside``, and
elements whose class or id says menu, breadcrumb, footer …) are dropped; a table that holds
tables, only one column, or a few rows whose cells of paragraphs of sentences hold most of its
text and no other cell a figure (an old site's columns) is page layout, and its cells are read as
the page's flow.
Server-side template tags (``<% … %>`` of a .jsp / .asp page) are not content either.

Text reads as a browser shows it: inline elements (``span``, ``font``, Word's ``o:p`` …) join
their text; an inline ``style="display:…"`` makes a block inline or an inline element a block; a
line break of the markup between two Chinese characters is no space (CSS Text 3 removes it, so
“公务用车⏎运行维护费” is one label); typographic spaces (``&ensp;``, ``&emsp;``, ``&thinsp;``) are
spaces; the lines of a ``pre`` are lines; a table's ``thead`` rows come first and its ``tfoot``
rows last, wherever the markup puts them.

Bytes are decoded by their byte order mark, else the ``<meta charset>`` the page declares (GBK and
GB2312 read as their superset GB18030), else UTF-8, else GB18030.  Every figure's place is its
paragraph or table cell (“第3段”, “表2 第4行第3列”).
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Final

from budgetacct.reader.containers import DocumentTooLarge, load_bytes
from budgetacct.reader.document import Document
from budgetacct.reader.flow import FlowBuilder, join_pieces, place_row_groups

__all__ = ["MAX_CHARACTERS", "MAX_DEPTH", "MAX_LAYOUT_ROWS", "MAX_SPAN", "decode_html", "read_html"]

#: Characters of markup a web page may have.
MAX_CHARACTERS: Final = 32 * 1024 * 1024
#: A span larger than this is a typo (or a trap), not a table.
MAX_SPAN: Final = 1000
#: Elements nested deeper than this are flattened into their parent.
MAX_DEPTH: Final = 200
#: A table of at most this many rows whose paragraphs of sentences are most of its text frames the page.
MAX_LAYOUT_ROWS: Final = 3

_VOID: Final = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
     "track", "wbr"}
)  # fmt: skip
_DROPPED: Final = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "nav", "header", "footer", "aside",
     "form", "select", "option", "button", "iframe", "object", "embed", "svg", "canvas", "map",
     "textarea", "menu", "dialog"}
)  # fmt: skip
_BLOCKS: Final = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td",
     "th", "section", "article", "main", "blockquote", "pre", "center", "address", "figure",
     "figcaption", "caption", "hr", "body", "html", "fieldset", "legend", "tbody", "thead", "tfoot"}
)  # fmt: skip
#: Start tags that end an open paragraph.
_CLOSE_P: Final = frozenset(
    {"p", "div", "table", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote",
     "section", "article", "main", "header", "footer", "nav", "aside", "form", "hr", "center",
     "address", "figure"}
)  # fmt: skip
_TABLE_PARTS: Final = frozenset({"tbody", "thead", "tfoot"})
#: Words of a class or id that mark the site around the report, not the report.
_NAV_WORDS: Final = frozenset(
    {"nav", "navbar", "navigation", "menu", "menus", "breadcrumb", "breadcrumbs", "bread", "crumb",
     "crumbs", "footer", "foot", "header", "topbar", "sidebar", "share", "toolbar", "copyright",
     "banner", "login", "search", "position", "location", "skip"}
)  # fmt: skip
_WORDS = re.compile(r"[\s_\-]+|(?<=[a-z0-9])(?=[A-Z])")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SERVER_TAGS = re.compile(r"<%.*?%>", re.DOTALL)
_DISPLAY = re.compile(r"(?:^|;)\s*display\s*:\s*([a-z-]+)", re.IGNORECASE)
_INLINE_DISPLAYS: Final = frozenset({"inline", "inline-block", "inline-flex", "inline-grid", "contents"})
#: Characters a browser sets wide (CJK ideographs, kana, CJK and full-width punctuation, Chinese
#: quotation marks): a line break of the markup between two of them is removed, not a space.
_WIDE: Final = (
    r"\u2018-\u201d\u2e80-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f"
    r"\uff00-\uff60\uffe0-\uffe6"
)
_SEGMENT_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t\f]*[\r\n][ \t\r\n\f]*(?=[{_WIDE}])")
#: Typographic spaces (en, em, thin, hair … and the narrow no-break space) show as spaces.
_TYPOGRAPHIC_SPACE = re.compile(r"[\u2000-\u200a\u202f\u205f]")
#: A cell that is one figure: an amount, a count or a rate ("1,234.50", "（12）", "8.5%").
_FIGURE = re.compile(r"^[-−(（]?\d[\d,，]*(?:\.\d+)?[)）]?%?$")
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_GB: Final = frozenset({"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"})


class _Element:
    __slots__ = ("attributes", "children", "parent", "tag")

    def __init__(self, tag: str, attributes: dict[str, str], parent: _Element | None) -> None:
        self.tag = tag
        self.attributes = attributes
        self.parent = parent
        self.children: list[_Element | str] = []

    def elements(self, tag: str) -> Iterator[_Element]:
        """Descendants named ``tag``, not looking inside nested tables."""
        for child in self.children:
            if isinstance(child, _Element):
                if child.tag == tag:
                    yield child
                if child.tag != "table":
                    yield from child.elements(tag)


class _TreeBuilder(HTMLParser):
    """An element tree, with the end tags HTML may leave out implied."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("#root", {}, None)
        self.stack: list[_Element] = [self.root]

    def _scope(self, boundaries: frozenset[str]) -> list[_Element]:
        """Open elements from the innermost outwards, up to (not through) a boundary."""
        found: list[_Element] = []
        for element in reversed(self.stack[1:]):
            if element.tag in boundaries:
                break
            found.append(element)
        return found

    def _close(self, tag: str, boundaries: frozenset[str]) -> None:
        for element in self._scope(boundaries):
            if element.tag == tag:
                while self.stack[-1] is not element:
                    self.stack.pop()
                self.stack.pop()
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CLOSE_P:
            self._close("p", frozenset({"td", "th", "table", "li", "button"}))
        if tag == "li":
            self._close("li", frozenset({"ul", "ol", "table"}))
        elif tag in ("dt", "dd"):
            self._close("dd", frozenset({"dl", "table"}))
            self._close("dt", frozenset({"dl", "table"}))
        elif tag in ("td", "th"):
            self._close("td", frozenset({"tr", "table"}))
            self._close("th", frozenset({"tr", "table"}))
            if self.stack[-1].tag in ("table", *_TABLE_PARTS):  # a cell with no row: the row is implied
                self.handle_starttag("tr", [])
        elif tag == "tr":
            for part in ("td", "th", "tr"):
                self._close(part, frozenset({"table", *_TABLE_PARTS} - {part}))
        elif tag in _TABLE_PARTS:
            for part in ("td", "th", "tr", *_TABLE_PARTS):
                self._close(part, frozenset({"table"}))
        element = _Element(tag, {k: v or "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(element)
        # Past MAX_DEPTH an element's content goes to its parent: the walk over the tree recurses.
        if tag not in _VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("br", "p") and not any(e.tag == tag for e in self._scope(frozenset({"table"}))):
            # "</br>" and a stray "</p>" break the line as "<br>" and "<p></p>" would.
            self.stack[-1].children.append(_Element(tag, {}, self.stack[-1]))
            return
        boundaries = frozenset() if tag == "table" else frozenset({"table"})
        self._close(tag, boundaries)

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def _dropped(element: _Element) -> bool:
    if element.tag in _DROPPED:
        return True
    if "hidden" in element.attributes:
        return True
    if _HIDDEN.search(element.attributes.get("style", "")):
        return True
    if element.tag in ("table", "tr", "td", "th", "tbody", "thead", "tfoot", "body", "html"):
        return False
    names = f"{element.attributes.get('class', '')} {element.attributes.get('id', '')}"
    return any(word.lower() in _NAV_WORDS for word in _WORDS.split(names) if word)


def _is_block(element: _Element) -> bool:
    """Whether the element breaks the line, by its tag unless its inline style says otherwise."""
    found = _DISPLAY.search(element.attributes.get("style", ""))
    if found:
        display = found.group(1).lower()
        if display in _INLINE_DISPLAYS:
            return False
        if display != "none":
            return True
    return element.tag in _BLOCKS


def _as_shown(text: str) -> str:
    """Text as a browser shows it: no break between wide characters, typographic spaces as spaces.

    >>> _as_shown("公务用车\\n   运行维护费\\u20038万元")
    '公务用车运行维护费 8万元'
    """
    return _TYPOGRAPHIC_SPACE.sub(" ", _SEGMENT_BREAK.sub("", text))


def _has_table(element: _Element) -> bool:
    return any(
        isinstance(child, _Element) and (child.tag == "table" or _has_table(child))
        for child in element.children
    )


def _span(value: str | None) -> int:
    try:
        return min(max(int((value or "1").strip()), 1), MAX_SPAN)
    except ValueError:
        return 1


def _holds_prose(cell: _Element) -> bool:
    """Whether a cell holds paragraphs of sentences (an article), not a figure or a name."""
    pieces = [""]
    _cell_pieces(cell, pieces)
    paragraphs = [piece for piece in pieces if piece.strip()]
    return len(paragraphs) >= 2 and sum(piece.count("。") for piece in paragraphs) >= 2


def _is_layout(table: _Element) -> bool:
    """A table that only frames the page: it holds tables, its rows have one cell each, or it has
    a few rows, no figure outside its prose and cells of paragraphs holding most of its text (an
    old site's columns: links, then the article)."""
    if _has_table(table):
        return True
    rows = [
        [c for c in row.children if isinstance(c, _Element) and c.tag in ("td", "th")]
        for row in table.elements("tr")
    ]
    if all(len(cells) <= 1 and all(_span(c.attributes.get("colspan")) == 1 for c in cells) for cells in rows):
        return True
    if len(rows) > MAX_LAYOUT_ROWS:
        return False
    # Only a frame when the prose is the page's article: a figure in another cell (a 绩效目标 table's
    # amount under its header) makes it a table, and so does prose that is not most of its text.
    texts = [(_cell_text(cell), _holds_prose(cell)) for cells in rows for cell in cells if not _dropped(cell)]
    prose = sum(len(text) for text, is_prose in texts if is_prose)
    if not prose or any(_FIGURE.match(text) for text, is_prose in texts if not is_prose):
        return False
    return 2 * prose > sum(len(text) for text, _ in texts)


def _row_groups(table: _Element) -> list[list[_Element]]:
    """The table's row groups in the order a browser shows them: ``thead`` first, ``tfoot`` last.

    Rows outside any ``thead``, ``tbody`` or ``tfoot`` form a group of their own up to the next one.
    """
    groups: list[tuple[_Element, list[_Element]]] = []
    for row in table.elements("tr"):
        group = row.parent
        while group is not None and group.tag not in ("thead", "tbody", "tfoot", "table"):
            group = group.parent
        group = group if group is not None else table
        if not groups or groups[-1][0] is not group:
            groups.append((group, []))
        groups[-1][1].append(row)
    order = {"thead": 0, "tfoot": 2}
    return [rows for _, rows in sorted(groups, key=lambda group: order.get(group[0].tag, 1))]


def _cell_pieces(element: _Element, pieces: list[str]) -> None:
    """A cell's text, split where a line break or block would break it on screen."""
    for child in element.children:
        if isinstance(child, str):
            pieces[-1] += child
        elif not _dropped(child):
            block = _is_block(child)
            if block or child.tag == "br":
                pieces.append("")
            _cell_pieces(child, pieces)
            if block:
                pieces.append("")


def _cell_text(cell: _Element) -> str:
    pieces = [""]
    _cell_pieces(cell, pieces)
    return join_pieces([_as_shown(piece) for piece in pieces])


class _Walker:
    def __init__(self, builder: FlowBuilder) -> None:
        self.builder = builder
        self.text = ""
        self.preformatted = 0  # how many ``pre`` the walk is inside: their line breaks are lines

    def flush(self) -> None:
        self.builder.paragraph(_as_shown(self.text))
        self.text = ""

    def add_text(self, text: str) -> None:
        if not self.preformatted:
            self.text += text
            return
        first, *lines = text.split("\n")
        self.text += first
        for line in lines:
            self.flush()
            self.text = line

    def walk(self, element: _Element) -> None:
        for child in element.children:
            if isinstance(child, str):
                self.add_text(child)
                continue
            if _dropped(child):
                continue
            if child.tag == "br":
                self.flush()
            elif child.tag == "table":
                self.flush()
                if _is_layout(child):  # its cells are the page's flow
                    self.walk(child)
                else:
                    self.table(child)
            elif _is_block(child):
                self.flush()
                self.preformatted += child.tag == "pre"
                self.walk(child)
                self.preformatted -= child.tag == "pre"
                self.flush()
            else:
                self.walk(child)

    def table(self, table: _Element) -> None:
        for caption in table.elements("caption"):
            self.builder.paragraph(_cell_text(caption))
        groups: list[list[list[tuple[str, int, int]]]] = []
        for group in _row_groups(table):
            groups.append([])
            for row in group:
                cells = []
                for cell in row.children:
                    if isinstance(cell, _Element) and cell.tag in ("td", "th") and not _dropped(cell):
                        span = (_span(cell.attributes.get("colspan")), _span(cell.attributes.get("rowspan")))
                        cells.append((_cell_text(cell), *span))
                groups[-1].append(cells)
        self.builder.table(place_row_groups(groups))


def _declared(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:4096])
    if not found:
        return None
    name = found.group(1).decode("ascii", "replace").lower()
    if name in _GB:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes) -> str:
    """A web page's text: by its byte order mark, its ``<meta charset>``, else UTF-8 or GB18030.

    >>> decode_html('<meta charset="gbk"><p>收入</p>'.encode("gbk"))
    '<meta charset="gbk"><p>收入</p>'
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, "replace")
    declared = _declared(data)
    for encoding in (*([declared] if declared else []), "utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode(declared or "utf-8", "replace")


def read_html(source: str | bytes | os.PathLike[str]) -> Document:
    """Read a web page into a flow :class:`Document`: the markup itself (``str``), its bytes, or a path.

    Raises :class:`~budgetacct.reader.containers.DocumentTooLarge` past :data:`MAX_CHARACTERS`.
    """
    name: str | None = None
    if isinstance(source, str):
        markup = source
    else:
        data, name = load_bytes(source)
        markup = decode_html(data)
    if len(markup) > MAX_CHARACTERS:
        raise DocumentTooLarge(
            f"不超过 {MAX_CHARACTERS} 个字符的网页",
            f"a web page of at most {MAX_CHARACTERS} characters",
            len(markup),
            source=name,
        )
    parser = _TreeBuilder()
    parser.feed(_SERVER_TAGS.sub("", markup))
    parser.close()
    builder = FlowBuilder(name)
    walker = _Walker(builder)
    walker.walk(parser.root)
    walker.flush()
    return builder.document()
