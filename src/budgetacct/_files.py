"""What a file on disk is, and its text: shared by the one-file commands and the batch audit.

A report must read the same whether it is audited alone or in a batch of thousands, so both go
through :func:`sniff` (JSON document, .xlsx workbook or report text, by the file's first bytes and
name) and :func:`decode_text` (UTF-8 with or without BOM, UTF-16/UTF-32 with BOM, else GB18030,
which covers GBK and GB2312).  Files that cannot be a report — an old Word ``.doc``, a ZIP that is
no workbook, UTF-16 without a byte order mark — are refused with :class:`UnsupportedFile`, whose
message says what the file is and what to do with it.

>>> decode_text("收入合计".encode("gbk"), "a.txt")
'收入合计'
>>> decode_text("收入合计".encode("utf-16"), "a.txt")
'收入合计'
"""

from __future__ import annotations

import codecs
import io
import os
import zipfile
from typing import Any, Final, Literal, NamedTuple

from budgetacct.errors import BudgetAcctError

__all__ = [
    "OLE2_MAGIC",
    "FileKind",
    "PublishedKind",
    "UnsupportedFile",
    "decode_text",
    "ole2_streams",
    "os_error_message",
    "published_kind",
    "sniff",
]

FileKind = Literal["json", "xlsx", "text", "published"]
#: How :func:`budgetacct.reader.published.read_published` reads a published report.
PublishedKind = Literal["pdf", "docx", "xlsx", "xls", "html", "text"]

#: Name endings of report texts; every other file that is not a workbook is read as JSON.
TEXT_SUFFIXES: Final = (".txt", ".text", ".md")
XLSX_SUFFIXES: Final = (".xlsx", ".xlsm")
#: Name endings of reports as published (PDF, Word, old Excel, web pages), read by
#: :func:`budgetacct.reader.published.read_published`.
PUBLISHED_SUFFIXES: Final = (".pdf", ".docx", ".xls", ".html", ".htm", ".shtml", ".jsp", ".asp", ".aspx")

OLE2_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS: Final = (b"PK\x03\x04", b"PK\x05\x06")
# Longest first: the UTF-32 little-endian mark starts with the UTF-16 one.
_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAVE_AS_UTF8_ZH: Final = "请用记事本等编辑器“另存为”UTF-8 编码的纯文本（.txt）后再试"
_SAVE_AS_UTF8_EN: Final = (
    "save it again as plain text (.txt) in UTF-8, e.g. with Notepad's Save As, and retry"
)


class UnsupportedFile(BudgetAcctError, ValueError):
    """The file is not something budgetacct reads; the message says what it is and what to do."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh, en)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.zh, self.en))


def os_error_message(path: str | os.PathLike[str], error: OSError) -> str:
    """A one-line bilingual message for a file that could not be opened."""
    name = os.fspath(path)
    if isinstance(error, FileNotFoundError):
        return f"找不到文件：{name} | file not found: {name}"
    if isinstance(error, IsADirectoryError):
        return f"这是一个目录，不是文件：{name} | this is a directory, not a file: {name}"
    if isinstance(error, PermissionError):
        return f"没有读取权限：{name} | permission denied: {name}"
    reason = error.strerror or str(error)
    return f"无法读取文件：{name}（{reason}）| cannot read the file: {name} ({reason})"


def _utf16_without_bom(data: bytes) -> bool:
    """Whether ``data`` looks like UTF-16 text written without a byte order mark.

    The ASCII characters of such text (digits, punctuation, line ends) put a zero byte on one side
    of every pair, and never on the other; UTF-8 and GB18030 text has no zero bytes at all.
    """
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    pairs = len(sample) // 2
    high, low = max(even, odd), min(even, odd)
    return high >= max(2, pairs // 20) and low * 20 <= high


def decode_text(data: bytes, name: str | os.PathLike[str] = "") -> str:
    """The text of a report file: by its byte order mark, else UTF-8, else GB18030 (GBK)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    else:
        if _utf16_without_bom(data):
            shown = os.fspath(name) or "文件"
            raise UnsupportedFile(
                f"{shown} 像是没有字节顺序标记（BOM）的 UTF-16 文字，无法确定字节顺序：{_SAVE_AS_UTF8_ZH}",
                f"{os.fspath(name) or 'the file'} looks like UTF-16 text without a byte order mark "
                f"(BOM), so its byte order is unknown: {_SAVE_AS_UTF8_EN}",
            )
        for encoding in ("utf-8", "gb18030"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    shown_en = os.fspath(name) or "the file"
    raise UnsupportedFile(
        f"{os.fspath(name) or '文件'} 不是 UTF-8、UTF-16（带 BOM）或 GB18030/GBK 编码的文字：{_SAVE_AS_UTF8_ZH}",
        f"{shown_en} is not text in UTF-8, UTF-16 (with BOM) or GB18030/GBK: {_SAVE_AS_UTF8_EN}",
    )


_ZipContent = Literal["docx", "xlsx"]
_ZIP_FOLDERS: Final[tuple[tuple[_ZipContent, str, tuple[str, ...]], ...]] = (
    ("docx", "word/", (".docx",)),
    ("xlsx", "xl/", XLSX_SUFFIXES),
)


class _ZipAdvice(NamedTuple):
    """What a ZIP file that holds no report is told: what to save an OpenDocument text as, and
    what an archive is not and what to do with it."""

    text_as_zh: str
    text_as_en: str
    archive_zh: str
    archive_en: str


#: The advice of :func:`sniff` (a command's input) and of :func:`published_kind` (a published report).
_SNIFF_ZIP_ADVICE: Final = _ZipAdvice(
    "UTF-8 的 .txt",
    "a UTF-8 .txt",
    "不是 .xlsx 工作簿：请先解压，再核对其中的报告（可以给出解压后的目录）",
    "not an .xlsx workbook: unzip it and audit the reports inside (the unzipped directory can be given)",
)
_PUBLISHED_ZIP_ADVICE: Final = _ZipAdvice(
    ".docx",
    ".docx",
    "不是 Word 文档或工作簿：请先解压，再读取其中的报告",
    "not a Word document or workbook: unzip it and read the reports inside",
)


def _zip_contents(source: str | bytes, name: str, advice: _ZipAdvice) -> frozenset[_ZipContent]:
    """Whether a ZIP file holds a Word document or a workbook (a file holding both says both).

    A damaged archive is taken at its name's word, so that the Word or workbook reader says what is
    wrong with it; any other ZIP file is refused with ``advice``.
    """
    shown_zh, shown_en = name or "文件", name or "the file"
    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as archive:
            names = archive.namelist()
            mimetype = archive.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        by_name = frozenset(kind for kind, _, suffixes in _ZIP_FOLDERS if name.lower().endswith(suffixes))
        if by_name:
            return by_name
        raise UnsupportedFile(
            f"{shown_zh} 是损坏的 ZIP 文件：请重新下载或导出",
            f"{shown_en} is a damaged ZIP file: download or export it again",
        ) from None
    held = frozenset(kind for kind, folder, _ in _ZIP_FOLDERS if any(n.startswith(folder) for n in names))
    if held:
        return held
    if mimetype.startswith("application/vnd.oasis.opendocument"):
        raise UnsupportedFile(
            f"{shown_zh} 是 OpenDocument 文件（{mimetype}）：表格请另存为 .xlsx，文字请另存为 {advice.text_as_zh}",
            f"{shown_en} is an OpenDocument file ({mimetype}): save spreadsheets as .xlsx and text as "
            f"{advice.text_as_en}",
        )
    raise UnsupportedFile(
        f"{shown_zh} 是 ZIP 压缩包，{advice.archive_zh}", f"{shown_en} is a ZIP archive, {advice.archive_en}"
    )


def sniff(path: str | os.PathLike[str]) -> FileKind:
    """How to read ``path``: a JSON document, an .xlsx of our table layout, a report text, or a
    report as published (PDF, Word, an old .xls, a web page) — by its first bytes, then its name.

    Raises :class:`UnsupportedFile` for a file no reader of budgetacct takes (an old Word .doc, a
    ZIP that is neither a Word document nor a workbook …), and :class:`OSError` when it cannot be
    opened.
    """
    name = os.fspath(path)
    with open(name, "rb") as handle:
        data = handle.read(1 << 16)
    lower = name.lower()
    if data.startswith(_ZIP_MAGICS):
        return "xlsx" if "xlsx" in _zip_contents(name, name, _SNIFF_ZIP_ADVICE) else "published"
    if data.startswith(OLE2_MAGIC) and not ole2_streams(data) & {"Workbook", "Book"}:
        # An old .doc (or a password-protected Office file): the Word reader names it and says what to do.
        _old_office(name, data)
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{") or lower.endswith(".json"):
        return "json"
    if lower.endswith(XLSX_SUFFIXES):
        return "xlsx"
    if published_kind(data, name) in ("pdf", "docx", "xls", "html") or lower.endswith(PUBLISHED_SUFFIXES):
        return "published"
    if lower.endswith(TEXT_SUFFIXES):
        return "text"
    return "json"


def _old_office(name: str, data: bytes) -> None:
    streams = ole2_streams(data)
    if name.lower().endswith((".xls", ".xlt")) and "EncryptedPackage" not in streams:
        raise UnsupportedFile(
            f"{name} 是旧版 Excel 工作簿（.xls），但其中找不到工作表：请在 Excel 中另存为 .xlsx 后再试",
            f"{name} is an old Excel workbook (.xls) with no worksheet in it: save it from Excel as "
            ".xlsx and retry",
        )
    if "EncryptedPackage" in streams:
        what_zh, what_en = "加密的 Office 文件", "a password-protected Office file"
        todo_zh, todo_en = (
            "请去除密码后另存为 .docx、.xlsx 或 PDF",
            "remove the password and save it as .docx, .xlsx or PDF",
        )
    else:
        what_zh, what_en = (
            "旧版 Word 文档（.doc，OLE2 复合文档）",
            "an old Word document (.doc, an OLE2 compound file)",
        )
        todo_zh, todo_en = (
            "请在 Word 中另存为 .docx 或 PDF 后再试",
            "save it from Word as .docx or PDF and retry",
        )
    raise UnsupportedFile(f"{name} 是{what_zh}：{todo_zh}", f"{name} is {what_en}: {todo_en}")


#: Directory entries are 128 bytes, in sectors of 512 bytes or more after a 512-byte header.
_OLE2_ENTRY: Final = 128
_OLE2_NAMES: Final = ("Workbook", "Book", "WordDocument", "EncryptedPackage", "EncryptionInfo")


def ole2_streams(data: bytes) -> frozenset[str]:
    """Which of the streams that tell Office files apart an OLE2 compound file holds.

    An .xls holds "Workbook" (or "Book"), a .doc "WordDocument", a password-protected .docx or
    .xlsx "EncryptedPackage". Directory entries start with their UTF-16 name on a 128-byte boundary.

    >>> sorted(ole2_streams(OLE2_MAGIC + bytes(120) + "Workbook".encode("utf-16-le") + bytes(2)))
    ['Workbook']
    """
    found = set()
    for name in _OLE2_NAMES:
        needle = name.encode("utf-16-le") + b"\x00\x00"
        position = data.find(needle)
        while position >= 0:
            if position % _OLE2_ENTRY == 0:
                found.add(name)
                break
            position = data.find(needle, position + 1)
    return frozenset(found)


_HTML_MARKS: Final = (b"<!doctype html", b"<html", b"<body", b"<table", b"<p>", b"<p ", b"<div", b"<br")


def published_kind(data: bytes, name: str | os.PathLike[str] = "") -> PublishedKind:
    """How to read a published report, by its content: PDF, Word, workbook, web page or text.

    An OLE2 compound file is an .xls when it holds a workbook stream, else an old .doc or a
    password-protected Office file (the Word reader refuses both by name); other files are told
    apart by their first bytes, and text that carries HTML tags near its start is a web page.

    >>> published_kind(b"%PDF-1.7")
    'pdf'
    >>> published_kind("<html><body><p>收入</p></body></html>".encode())
    'html'
    >>> published_kind("2024年收入合计100万元。".encode("gbk"))
    'text'
    """
    shown = os.fspath(name)
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-") or (b"%PDF-" in head and not head.startswith(b"<")):
        return "pdf"
    if data.startswith(OLE2_MAGIC):
        streams = ole2_streams(data)
        if streams & {"Workbook", "Book"}:
            return "xls"
        if streams & {"WordDocument", "EncryptedPackage"}:
            return "docx"
        raise UnsupportedFile(
            f"{shown or '文件'} 是 OLE2 复合文档，但不是 Word 或 Excel 文件：请另存为 .docx、.xlsx 或 PDF",
            f"{shown or 'the file'} is an OLE2 compound file but no Word or Excel file: save it as "
            ".docx, .xlsx or PDF",
        )
    if data.startswith(_ZIP_MAGICS):
        return "docx" if "docx" in _zip_contents(data, shown, _PUBLISHED_ZIP_ADVICE) else "xlsx"
    sample = data[:8192].lower()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        sample = data[:16384].decode("utf-16", "replace").lower().encode()
    if any(mark in sample for mark in _HTML_MARKS):
        return "html"
    return "text"
