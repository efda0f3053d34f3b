"""Reading the input of a command: a JSON document, a workbook, a report's text or a published
file (PDF, Word, web page), with where its figures were printed; kept apart from the parser.

An input that cannot be read becomes an :class:`InputFailure`, which the command line prints and
exits with status 2 for.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct._report_text import Sources
    from budgetacct.io.converter import Document
    from budgetacct.model import Budget, Disclosure
    from budgetacct.model.coverage import Coverage
    from budgetacct.reader import ReadResult

__all__ = [
    "InputFailure",
    "failing_as_input",
    "load",
    "read_input",
    "read_published_file",
    "read_text_report",
    "read_workbook",
    "refuse_non_text",
]


class InputFailure(Exception):
    """The input could not be read; ``message`` is printed to stderr."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@contextlib.contextmanager
def failing_as_input(path: str | None = None, *, writing: bool = False) -> Iterator[None]:
    """Inside, a library error becomes an :class:`InputFailure` with its message; so does an
    :class:`OSError` when ``path`` is given, naming that file (``writing``: with the system's
    reason, for a file or directory being written)."""
    from budgetacct.errors import BudgetAcctError

    try:
        yield
    except BudgetAcctError as exc:
        raise InputFailure(str(exc)) from None
    except OSError as exc:
        if path is None:
            raise
        from budgetacct._files import os_error_message

        raise InputFailure(
            f"{path}: {exc.strerror or exc}" if writing else os_error_message(path, exc)
        ) from None


def read_workbook(file: str, year: int | None = None) -> Disclosure:
    """The Disclosure of a workbook of standard tables; the reader's notes go to stderr."""
    from budgetacct.io.excel import read_xlsx

    result = read_xlsx(file, year=year)
    for note in result.notes:
        sys.stderr.write(f"导入提示 | import note: {note}\n")
    return result.disclosure


def read_text_report(file: str, year: int | None = None, department: str | None = None) -> ReadResult:
    """Read a published 决算说明 (text); the counts of figures and unread sentences go to stderr.

    The bytes are decoded as a batch decodes them (UTF-8, UTF-16 with BOM, GB18030/GBK).
    """
    from pathlib import Path

    from budgetacct._files import decode_text
    from budgetacct.reader import read_text

    result = read_text(decode_text(Path(file).read_bytes(), file), year=year, department=department)
    figures, unread = len(result.sources), len(result.unread)
    sys.stderr.write(
        f"读出 {figures} 个数字，{unread} 句未读 | read {figures} figures, {unread} sentences unread\n"
    )
    for note in result.notes:
        sys.stderr.write(f"读取提示 | reader note: {note}\n")
    # A figure the reader could not place is missing from the audit: say where, so that a finding
    # caused by the missing figure can be traced to the sentence.
    for unread_sentence in result.unread:
        sentence = " ".join(unread_sentence.sentence.split())
        if len(sentence) > 80:
            sentence = sentence[:79] + "…"
        sys.stderr.write(
            f"未读 | unread 第{unread_sentence.line}行 line {unread_sentence.line}："
            f"{sentence}（{unread_sentence.reason_zh} | {unread_sentence.reason}）\n"
        )
    return result


def load(file: str | None, example: str | None, kind: str = "disclosure") -> Document:
    """The document of ``file``, or the bundled ``example`` of that ``kind``."""
    return read_input(file, example, kind)[0]


def read_input(
    file: str | None,
    example: str | None,
    kind: str = "disclosure",
    year: int | None = None,
    department: str | None = None,
) -> tuple[Document, Sources | None, Coverage | None]:
    """The document; for a report read from its text or its published file, where each figure was
    printed (path → (line, sentence) for a text, path → page source for a PDF, Word or web page);
    and how much of a published file was read."""
    from pathlib import Path

    from budgetacct._files import sniff

    with failing_as_input(file or ""):
        if example is not None:
            from budgetacct.examples import load_example

            return load_example(example, kind), None, None
        from budgetacct.io.json import load

        assert file is not None
        kind = sniff(file)
        if kind == "xlsx":
            return read_workbook(file), None, None
        from budgetacct.reader.published import budget_text_file

        budget_text = kind == "text" and budget_text_file(file)  # a budget's text: read as a budget
        if kind == "published" or budget_text:
            from budgetacct.reader.published import read_published

            read = read_published(
                file, year=year, department=department, kind="budget" if budget_text else None
            )
            return read.disclosure, {s.path: s for s in read.sources}, read.coverage
        if kind == "text":
            result = read_text_report(file, year, department)
            sources: dict[str, tuple[int, str]] = {}
            for source in result.sources:
                sources.setdefault(source.path, (source.line, source.sentence))
            return result.disclosure, sources, None
        return load(Path(file)), None, None


def read_published_file(file: str, year: int | None, department: str | None) -> Disclosure | Budget | None:
    """A PDF, Word document or web page read into a Disclosure (a Budget for a 预算), and a
    budget's text (.txt) into a Budget; ``None`` for other files."""
    from budgetacct._files import sniff
    from budgetacct.reader.published import budget_text_file, read_published

    kind = sniff(file)
    if kind == "text" and budget_text_file(file):
        return read_published(file, year=year, department=department, kind="budget").disclosure
    if kind != "published":
        return None
    return read_published(file, year=year, department=department).disclosure


def refuse_non_text(file: str) -> None:
    """``read`` takes a report's text: a JSON document or a workbook gets the command it needs."""
    from budgetacct._files import sniff

    kind = sniff(file)
    if kind == "xlsx":
        raise InputFailure(
            f"{file} 是 .xlsx 工作簿，不是决算说明文字：请用 budgetacct import-xlsx {file} | "
            f"{file} is an .xlsx workbook, not a report text: use `budgetacct import-xlsx {file}`"
        )
    with open(file, "rb") as handle:
        head = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    if file.lower().endswith(".json") or head.startswith(b"{"):
        raise InputFailure(
            f"{file} 是JSON文档，不是决算说明文字：请用 budgetacct audit {file} 核对它 | "
            f"{file} is a JSON document, not a report text: use `budgetacct audit {file}` to check it"
        )
