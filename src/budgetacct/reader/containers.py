"""The files around Word documents, web pages and workbooks: bytes, ZIP packages, their refusals.

A published file is read whole into memory, so its size is capped first; an Office Open XML
package (.docx, .xlsx) is a ZIP whose members are checked before anything inflates them — a few
KiB that claim gigabytes (a "zip bomb"), a password, a damaged archive are refused with a typed
error (:class:`DocumentError` and its subclasses, all :class:`~budgetacct.errors.InputError` and so
``ValueError``) whose message says in Chinese and English what the file is and what to do.
"""

from __future__ import annotations

import io
import os
import zipfile
from typing import Final

from budgetacct.errors import UnreadableFile

__all__ = [
    "MAX_BYTES",
    "MAX_UNCOMPRESSED_BYTES",
    "CorruptDocument",
    "DocumentError",
    "DocumentTooLarge",
    "EncryptedDocument",
    "OldOfficeDocument",
    "load_bytes",
    "open_package",
    "read_member",
]

#: Bytes a published Word file, web page or workbook may have.
MAX_BYTES: Final = 64 * 1024 * 1024
#: Bytes all members of a .docx / .xlsx package may inflate to together.
MAX_UNCOMPRESSED_BYTES: Final = 256 * 1024 * 1024


class DocumentError(UnreadableFile):
    """A Word file, web page or workbook could not be read (base of the errors below)."""


class CorruptDocument(DocumentError):
    """Not the format it claims to be, or a damaged / truncated file."""


class EncryptedDocument(DocumentError):
    """The file is protected by a password."""


class DocumentTooLarge(DocumentError):
    """More bytes than the limits allow, or a package that would inflate beyond them."""


class OldOfficeDocument(DocumentError):
    """An old binary Office file (.doc, or .xls without xlrd) that has to be saved again."""


def load_bytes(
    source: str | os.PathLike[str] | bytes, max_bytes: int = MAX_BYTES
) -> tuple[bytes, str | None]:
    """The file's bytes and its name (``None`` for bytes given), refusing more than ``max_bytes``."""
    if isinstance(source, bytes | bytearray | memoryview):
        data, name = bytes(source), None
    else:
        name = os.fspath(source)
        with open(name, "rb") as handle:
            data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DocumentTooLarge(
            f"不超过 {max_bytes} 字节的文件", f"a file of at most {max_bytes} bytes", "larger", source=name
        )
    return data, name


def open_package(
    data: bytes, what_zh: str, what_en: str, source: str | None, max_total: int | None = None
) -> zipfile.ZipFile:
    """``data`` as a ZIP package, checked: not damaged, not encrypted, not inflating past ``max_total``
    (default :data:`MAX_UNCOMPRESSED_BYTES`)."""
    max_total = MAX_UNCOMPRESSED_BYTES if max_total is None else max_total
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise CorruptDocument(
            f"完整的{what_zh}（请重新下载或导出）",
            f"a complete {what_en} (download or export it again)",
            f"{type(exc).__name__}: {exc}",
            source=source,
        ) from exc
    if any(member.flag_bits & 0x1 for member in members):
        archive.close()
        raise EncryptedDocument(
            f"未加密的{what_zh}（请先去掉密码）", f"an unencrypted {what_en} (remove the password first)",
            "encrypted", source=source,
        )  # fmt: skip
    total = sum(member.file_size for member in members)
    if total > max_total:
        archive.close()
        raise DocumentTooLarge(
            f"解压后不超过 {max_total} 字节的{what_zh}",
            f"a {what_en} that inflates to at most {max_total} bytes",
            f"{total} bytes (a compression bomb?)",
            source=source,
        )
    return archive


def read_member(archive: zipfile.ZipFile, name: str, what_zh: str, what_en: str, source: str | None) -> bytes:
    """One member's bytes (its declared size was checked by :func:`open_package`)."""
    try:
        with archive.open(name) as member:
            return member.read()
    # zipfile raises NotImplementedError for a compression method it does not know (a damaged or
    # foreign package): that is a file we cannot read, reported as such.
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise CorruptDocument(
            f"含有 {name} 的完整{what_zh}",
            f"a complete {what_en} with {name}",
            f"{type(exc).__name__}: {exc}",
            source=source,
        ) from exc
