"""Read a Word report (.docx) into a :class:`~budgetacct.reader.document.Document`, standard library only.

A .docx is a ZIP package whose main part (``word/document.xml``) holds the body in order:
paragraphs (``w:p``, their text in runs ``w:t``) and tables (``w:tbl`` / ``w:tr`` / ``w:tc``, a
cell spanning columns by ``w:gridSpan`` and rows by ``w:vMerge``).  They are taken as the
document holds them — no layout is guessed — and laid out by
:class:`~budgetacct.reader.flow.FlowBuilder`: the short paragraphs right before a table (its name,
“公开01表”, “单位：万元”) become its title lines, “注：” paragraphs after it stay paragraphs.

Word does not store where its pages break, so a page is what the explicit breaks make (a
``w:br w:type="page"``, “分页符”; “段前分页”; a section break): a file without them is one page.
Every figure's place is its paragraph or table cell (“第3段”, “表2 第4行第3列”).

Refused, each with a typed :class:`~budgetacct.reader.containers.DocumentError`: an old binary
.doc (save it as .docx), a password-protected file, a damaged package, one that would inflate past
:data:`~budgetacct.reader.containers.MAX_UNCOMPRESSED_BYTES`, XML with a DTD.
"""

from __future__ import annotations

import os
import posixpath
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Final

from budgetacct._files import OLE2_MAGIC, ole2_streams
from budgetacct.reader.containers import (
    CorruptDocument,
    EncryptedDocument,
    OldOfficeDocument,
    load_bytes,
    open_package,
    read_member,
)
from budgetacct.reader.document import Document
from budgetacct.reader.flow import FlowBuilder, Placed, join_pieces

__all__ = ["read_docx"]

_WHAT_ZH: Final = " Word 文档（.docx）"
_WHAT_EN: Final = "Word document (.docx)"
_MAIN_PART: Final = "word/document.xml"
_OFFICE_DOCUMENT: Final = "/officeDocument"
#: Run content that is not printed text: deleted text, field codes, drawings and text boxes.
_SKIPPED: Final = frozenset(
    {"del", "delText", "instrText", "moveFrom", "drawing", "pict", "object", "footnoteReference",
     "endnoteReference", "commentReference", "rPr", "pPr", "fldChar", "Fallback", "txbxContent"}
)  # fmt: skip
_WRAPPERS: Final = frozenset({"sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo"})
_PAGE_BREAK: Final = "\f"
_LINE_BREAK: Final = "\n"


def _local(tag: object) -> str:
    """An element's name without its namespace (transitional and strict OOXML use different ones)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _attr(element: ET.Element, name: str) -> str | None:
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return None


def _child(element: ET.Element, name: str) -> ET.Element | None:
    return next((child for child in element if _local(child.tag) == name), None)


def _on(element: ET.Element | None) -> bool:
    """A Word on/off property that is present and not switched off."""
    return element is not None and (_attr(element, "val") or "true").lower() not in ("0", "false", "off")


def _int(element: ET.Element | None, default: int) -> int:
    value = _attr(element, "val") if element is not None else None
    try:
        return max(int(value), 0) if value is not None else default
    except ValueError:
        return default


def _unwrapped(element: ET.Element) -> Iterator[ET.Element]:
    """Children, with content controls and custom XML wrappers opened up."""
    for child in element:
        if _local(child.tag) in _WRAPPERS:
            yield from _unwrapped(child)
        else:
            yield child


def _run_text(element: ET.Element) -> Iterator[str]:
    """The printed text of a paragraph's content; line breaks as "\\n", page breaks as "\\f"."""
    for child in element:
        name = _local(child.tag)
        if name in _SKIPPED:
            continue
        if name == "t":
            yield child.text or ""
        elif name in ("tab", "ptab"):
            yield " "
        elif name == "noBreakHyphen":
            yield "-"
        elif name == "cr":
            yield _LINE_BREAK
        elif name == "br":
            kind = _attr(child, "type")
            if kind == "page":
                yield _PAGE_BREAK
            elif kind != "column":
                yield _LINE_BREAK
        elif name != "p":  # runs, hyperlinks, fields, insertions, content controls
            yield from _run_text(child)


def _cell_text(cell: ET.Element) -> str:
    """A cell's paragraphs (and those of a table nested in it) as one text."""
    pieces: list[str] = []

    def collect(element: ET.Element) -> None:
        for child in _unwrapped(element):
            name = _local(child.tag)
            if name == "p":
                text = "".join(_run_text(child))
                pieces.append(text.replace(_PAGE_BREAK, " ").replace(_LINE_BREAK, " "))
            elif name in ("tbl", "tr", "tc"):
                collect(child)

    collect(cell)
    return join_pieces(pieces)


def _table(table: ET.Element) -> list[Placed]:
    """The table's cells at their grid places; a vertically merged cell spans the rows it covers."""
    placed: list[Placed] = []
    open_merges: dict[int, int] = {}  # grid column → index in placed of the cell merging down
    rows = [row for row in _unwrapped(table) if _local(row.tag) == "tr"]
    for r, row in enumerate(rows):
        properties = _child(row, "trPr")
        column = _int(_child(properties, "gridBefore"), 0) if properties is not None else 0
        for cell in _unwrapped(row):
            if _local(cell.tag) != "tc":
                continue
            properties = _child(cell, "tcPr")
            span = _int(_child(properties, "gridSpan"), 1) if properties is not None else 1
            span = max(span, 1)
            merge = _child(properties, "vMerge") if properties is not None else None
            merge_kind = (_attr(merge, "val") or "continue") if merge is not None else None
            above = open_merges.get(column)
            if merge_kind == "continue" and above is not None and placed[above].row + placed[above].rows == r:
                earlier = placed[above]
                placed[above] = Placed(
                    earlier.row, earlier.column, earlier.rows + 1, earlier.columns, earlier.text
                )
            else:
                placed.append(Placed(r, column, 1, span, _cell_text(cell)))
                if merge_kind == "restart":
                    open_merges[column] = len(placed) - 1
                else:
                    open_merges.pop(column, None)
            column += span
    return placed


def _paragraph(builder: FlowBuilder, paragraph: ET.Element) -> None:
    properties = _child(paragraph, "pPr")
    if properties is not None and _on(_child(properties, "pageBreakBefore")):
        builder.page_break()
    text = ""
    for piece in _run_text(paragraph):
        if piece in (_PAGE_BREAK, _LINE_BREAK):
            builder.paragraph(text)
            text = ""
            if piece == _PAGE_BREAK:
                builder.page_break()
        else:
            text += piece
    builder.paragraph(text)
    section = _child(properties, "sectPr") if properties is not None else None
    if section is not None and _attr(_child(section, "type") or section, "val") != "continuous":
        builder.page_break()


def _body(builder: FlowBuilder, body: ET.Element) -> None:
    for child in _unwrapped(body):
        name = _local(child.tag)
        if name == "p":
            _paragraph(builder, child)
        elif name == "tbl":
            builder.table(_table(child))


def _main_part(archive_names: list[str], relationships: bytes | None) -> str:
    """The package's main document part, as its relationships name it (else word/document.xml)."""
    if relationships:
        try:
            root = ET.fromstring(relationships)
        except ET.ParseError:
            return _MAIN_PART
        for relationship in root:
            if (_attr(relationship, "Type") or "").endswith(_OFFICE_DOCUMENT):
                target = (_attr(relationship, "Target") or "").lstrip("/")
                target = posixpath.normpath(target)
                if target in archive_names:
                    return target
    return _MAIN_PART


def _refuse_ole2(data: bytes, source: str | None) -> None:
    streams = ole2_streams(data)
    if "EncryptedPackage" in streams:
        raise EncryptedDocument(
            "未加密的 Word 文档（请先去掉密码）",
            "a Word document without a password (remove it first)",
            "encrypted",
            source=source,
        )
    raise OldOfficeDocument(
        "Word 2007 及以后的 .docx 文档（旧版 .doc 请在 Word 中“另存为” .docx）",
        "a .docx document of Word 2007 or later (save an old .doc as .docx from Word)",
        "an old binary .doc (OLE2 compound file)",
        source=source,
    )


def _parse(xml: bytes, part: str, source: str | None) -> ET.Element:
    if b"<!DOCTYPE" in xml[:4096] or b"<!ENTITY" in xml[:4096]:
        # Word never writes a DTD; one here can only expand entities (a "billion laughs").
        raise CorruptDocument(
            "不含 DTD 的 Word XML", "Word XML without a DTD", f"{part} declares a DTD", source=source
        )
    try:
        return ET.fromstring(xml)
    except ET.ParseError as exc:
        raise CorruptDocument(
            f"完整的{_WHAT_ZH}", f"a complete {_WHAT_EN}", f"{part}: {exc}", source=source
        ) from exc


def read_docx(source: str | os.PathLike[str] | bytes) -> Document:
    """Read a .docx file (a path, or its bytes) into a flow :class:`Document`.

    Raises :class:`~budgetacct.reader.containers.OldOfficeDocument` for a .doc,
    :class:`~budgetacct.reader.containers.EncryptedDocument`,
    :class:`~budgetacct.reader.containers.CorruptDocument` and
    :class:`~budgetacct.reader.containers.DocumentTooLarge`.
    """
    data, name = load_bytes(source)
    if data.startswith(OLE2_MAGIC):
        _refuse_ole2(data, name)
    with open_package(data, _WHAT_ZH, _WHAT_EN, name) as archive:
        names = archive.namelist()
        relationships = (
            read_member(archive, "_rels/.rels", _WHAT_ZH, _WHAT_EN, name) if "_rels/.rels" in names else None
        )
        part = _main_part(names, relationships)
        if part not in names:
            raise CorruptDocument(
                f"含有 {_MAIN_PART} 的{_WHAT_ZH}",
                f"a {_WHAT_EN} with {_MAIN_PART}",
                "a ZIP package without a Word document part",
                source=name,
            )
        xml = read_member(archive, part, _WHAT_ZH, _WHAT_EN, name)
    root = _parse(xml, part, name)
    body = _child(root, "body")
    if body is None:
        raise CorruptDocument(
            f"有正文（w:body）的{_WHAT_ZH}", f"a {_WHAT_EN} with a body (w:body)", part, source=name
        )
    builder = FlowBuilder(name)
    try:
        _body(builder, body)
    except RecursionError as exc:  # content controls or tables nested thousands deep
        raise CorruptDocument(
            f"嵌套层数正常的{_WHAT_ZH}", f"a {_WHAT_EN} of ordinary nesting depth", part, source=name
        ) from exc
    return builder.document()
