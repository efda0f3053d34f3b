"""ZIP files, as the input of a command (:func:`sniff`) and as a published report
(:func:`published_kind`): which reader takes them, and the whole message of each refusal."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from budgetacct._files import UnsupportedFile, published_kind, sniff

_ODT = {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _sniffed(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return sniff(path)


_DAMAGED = b"PK\x03\x04" + bytes(60)


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("t.xlsx", _zip({"xl/workbook.xml": "<workbook/>"}), "xlsx"),
        ("t.json", _zip({"xl/workbook.xml": "<workbook/>"}), "xlsx"),
        ("r.docx", _zip({"word/document.xml": "<w:document/>"}), "published"),
        ("r.bin", _zip({"word/document.xml": "<w:document/>"}), "published"),
        ("t.xlsx", _DAMAGED, "xlsx"),
        ("t.xlsm", _DAMAGED, "xlsx"),
        ("r.docx", _DAMAGED, "published"),
    ],
)
def test_a_command_reads_a_workbook_or_a_word_document_by_what_the_zip_holds(
    tmp_path: Path, name: str, data: bytes, kind: str
) -> None:
    assert _sniffed(tmp_path, name, data) == kind


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("", _zip({"word/document.xml": "<w:document/>"}), "docx"),
        ("t.json", _zip({"xl/workbook.xml": "<workbook/>"}), "xlsx"),
        ("r.docx", _DAMAGED, "docx"),
        ("t.xlsx", _DAMAGED, "xlsx"),
    ],
)
def test_a_published_zip_is_read_as_word_or_workbook(name: str, data: bytes, kind: str) -> None:
    assert published_kind(data, name) == kind


def test_a_command_refuses_other_zip_files_saying_what_they_are(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFile) as damaged:
        _sniffed(tmp_path, "r.zip", _DAMAGED)
    path = str(tmp_path / "r.zip")
    assert (damaged.value.zh, damaged.value.en) == (
        f"{path} 是损坏的 ZIP 文件：请重新下载或导出",
        f"{path} is a damaged ZIP file: download or export it again",
    )
    with pytest.raises(UnsupportedFile) as odt:
        _sniffed(tmp_path, "r.zip", _zip(_ODT))
    assert (odt.value.zh, odt.value.en) == (
        f"{path} 是 OpenDocument 文件（application/vnd.oasis.opendocument.text）："
        "表格请另存为 .xlsx，文字请另存为 UTF-8 的 .txt",
        f"{path} is an OpenDocument file (application/vnd.oasis.opendocument.text): "
        "save spreadsheets as .xlsx and text as a UTF-8 .txt",
    )
    with pytest.raises(UnsupportedFile) as archive:
        _sniffed(tmp_path, "r.zip", _zip({"a.txt": "收入"}))
    assert (archive.value.zh, archive.value.en) == (
        f"{path} 是 ZIP 压缩包，不是 .xlsx 工作簿：请先解压，再核对其中的报告（可以给出解压后的目录）",
        f"{path} is a ZIP archive, not an .xlsx workbook: unzip it and audit the reports inside "
        "(the unzipped directory can be given)",
    )


def test_a_published_report_refuses_other_zip_files_saying_what_they_are() -> None:
    with pytest.raises(UnsupportedFile) as damaged:
        published_kind(_DAMAGED)
    assert (damaged.value.zh, damaged.value.en) == (
        "文件 是损坏的 ZIP 文件：请重新下载或导出",
        "the file is a damaged ZIP file: download or export it again",
    )
    with pytest.raises(UnsupportedFile) as odt:
        published_kind(_zip(_ODT), "r.odt")
    assert (odt.value.zh, odt.value.en) == (
        "r.odt 是 OpenDocument 文件（application/vnd.oasis.opendocument.text）："
        "表格请另存为 .xlsx，文字请另存为 .docx",
        "r.odt is an OpenDocument file (application/vnd.oasis.opendocument.text): "
        "save spreadsheets as .xlsx and text as .docx",
    )
    with pytest.raises(UnsupportedFile) as archive:
        published_kind(_zip({"a.txt": "收入"}), "r.zip")
    assert (archive.value.zh, archive.value.en) == (
        "r.zip 是 ZIP 压缩包，不是 Word 文档或工作簿：请先解压，再读取其中的报告",
        "r.zip is a ZIP archive, not a Word document or workbook: unzip it and read the reports inside",
    )
