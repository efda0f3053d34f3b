"""JSON documents: ``load`` / ``loads`` a Disclosure or Ledger, ``dump`` / ``dump_to`` one.

The parser never produces a float: a JSON number with a fraction or an exponent, and the
non-standard literals ``NaN`` / ``Infinity``, are kept as opaque literals that every field
refuses, so ``"amount": 739.5`` is reported at its path instead of silently becoming binary
floating point.  Duplicate keys, invalid UTF-8 and absurd nesting are refused too.

>>> doc = loads('{"type": "Disclosure", "year": 2021, "department": "示例部门", "overview": {"opening_balance": 44.0}}')
Traceback (most recent call last):
...
budgetacct.errors.InputError: 输入有 1 处错误：$.overview.opening_balance：应为十进制数字字符串（金额，万元，如 "739.00"），实际为 44.0 | ...
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from budgetacct.errors import InputError, Problem
from budgetacct.io._expected import Shown
from budgetacct.io.converter import structure_document, unstructure, unstructure_document
from budgetacct.paths import render_path

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.io.converter import Document, DocumentType

__all__ = ["JsonLiteral", "dump", "dump_to", "load", "load_bytes", "loads"]

_BOM: Final = "\ufeff"
_UTF8_BOM: Final = b"\xef\xbb\xbf"


class JsonLiteral:
    """A JSON number that is not a plain integer (``739.5``, ``1e3``), or ``NaN``/``Infinity``.

    Kept as its text so no precision is lost and every typed field refuses it by type.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _parse_int(text: str) -> int | JsonLiteral:
    # Python refuses to convert integers of more than 4300 digits; no field wants one anyway.
    return int(text) if len(text) <= 1000 else JsonLiteral(text[:20] + "…")


class _DuplicateKeys(dict[str, Any]):
    """An object in which some key appears more than once (reported with its path)."""

    duplicates: list[str]


def _find_duplicates(root: Any) -> list[Problem]:
    problems = []
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            if isinstance(node, _DuplicateKeys):
                for key in node.duplicates:
                    problems.append(
                        Problem(
                            render_path((*path, key)),
                            "在同一对象中只出现一次的键",
                            "a key that appears once in its object",
                            Shown(f"key {key!r} repeated"),
                        )
                    )
            stack.extend((value, (*path, key)) for key, value in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((value, (*path, index)) for index, value in reversed(list(enumerate(node))))
    return sorted(problems, key=lambda p: p.path)


def _parse(text: str, source: str | None) -> Any:
    duplicated: list[bool] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(items)
        if len(obj) != len(items):
            duplicated.append(True)
            marked = _DuplicateKeys(items)
            seen: set[str] = set()
            marked.duplicates = sorted({key for key, _ in items if key in seen or seen.add(key)})  # type: ignore[func-returns-value]
            return marked
        return obj

    if len(text) > MAX_DOCUMENT_BYTES:
        raise InputError.single(
            "$",
            "大小有限的文档",
            "a document of bounded size",
            Shown(f"{len(text):,} characters"),
            source=source,
        )
    if text.startswith(_BOM):
        text = text[1:]
    if not text.strip():
        raise InputError.single("$", "JSON文档", "a JSON document", Shown("empty text"), source=source)
    try:
        data = json.loads(
            text,
            object_pairs_hook=pairs,
            parse_float=JsonLiteral,
            parse_int=_parse_int,
            parse_constant=JsonLiteral,
        )
    except json.JSONDecodeError as exc:
        raise InputError.single(
            "$",
            "合法的JSON",
            "valid JSON",
            Shown(f"{exc.msg} at line {exc.lineno} column {exc.colno}"),
            source=source,
        ) from None
    except RecursionError:
        raise InputError.single(
            "$",
            "嵌套层数合理的JSON",
            "JSON nested to a reasonable depth",
            Shown("nesting too deep"),
            source=source,
        ) from None
    except ValueError as exc:  # pragma: no cover - defensive (the parser's other refusals)
        raise InputError.single(
            "$", "合法的JSON", "valid JSON", Shown(str(exc)[:200]), source=source
        ) from None
    if duplicated:
        raise InputError(_find_duplicates(data), source=source)
    return data


def _decode(raw: bytes, source: str | None) -> str:
    if raw.startswith(_UTF8_BOM):
        raw = raw[len(_UTF8_BOM) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError.single(
            "$",
            "UTF-8编码的文本",
            "UTF-8 encoded text",
            Shown(f"byte 0x{raw[exc.start]:02x} at offset {exc.start}"),
            source=source,
        ) from None


def loads(
    text: str | bytes | bytearray,
    *,
    source: str | None = None,
    expect: DocumentType | None = None,
) -> Document:
    """A Disclosure or Ledger from JSON text (``str`` or UTF-8 ``bytes``; a BOM is skipped).

    ``source`` names the input in error messages; ``expect`` accepts only that document type.
    """
    if isinstance(text, (bytes, bytearray)):
        return load_bytes(bytes(text), source=source, expect=expect)
    if not isinstance(text, str):
        raise InputError.single("$", "JSON文本", "JSON text", Shown(type(text).__name__), source=source)
    return structure_document(_parse(text, source), source=source, expect=expect)


def load_bytes(raw: bytes, *, source: str | None = None, expect: DocumentType | None = None) -> Document:
    """A Disclosure or Ledger from UTF-8 encoded JSON."""
    return structure_document(_parse(_decode(raw, source), source), source=source, expect=expect)


#: Documents larger than this are refused before reading (a department's ledger is a few MB; the
#: limit keeps a stray or hostile file from taking the machine's memory).
MAX_DOCUMENT_BYTES: Final = 64 * 1024 * 1024


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise InputError.single(
                "$",
                f"不超过{MAX_DOCUMENT_BYTES // 1024 // 1024} MiB的文档",
                f"a document of at most {MAX_DOCUMENT_BYTES // 1024 // 1024} MiB",
                Shown(f"{size:,} bytes"),
                source=str(path),
            )
        with path.open("rb") as file:
            # Read one byte more than allowed: a file that grows while being read is caught too.
            data = file.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            raise InputError.single(
                "$", "大小有限的文档", "a document of bounded size", Shown("too large"), source=str(path)
            )
        return data
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError.single(
            "$", "可读取的文件", "a readable file", Shown(reason), source=str(path)
        ) from exc


def _existing_file(text: str) -> Path | None:
    if "\n" in text or len(text) > 4096:
        return None
    try:
        path = Path(text)
        return path if path.is_file() else None
    except (OSError, ValueError):
        return None


_JSON_STARTS: Final = frozenset('{["-0123456789tfnNI')


def load(
    source: str | bytes | bytearray | os.PathLike[str],
    *,
    expect: DocumentType | None = None,
) -> Document:
    """Load a Disclosure or Ledger from a path, the path of an existing file, JSON text or bytes.

    Raises :class:`~budgetacct.errors.InputError` (never a raw parser or cattrs error) naming
    every bad place.
    """
    if isinstance(source, (bytes, bytearray)):
        return load_bytes(bytes(source), expect=expect)
    if isinstance(source, os.PathLike):
        path = Path(source)
        return load_bytes(_read(path), source=str(path), expect=expect)
    if isinstance(source, str):
        stripped = source.lstrip(_BOM + " \t\r\n")
        if not stripped or stripped[0] in "{[":
            return loads(source, expect=expect)
        path_or_none = _existing_file(source)
        if path_or_none is not None:
            return load_bytes(_read(path_or_none), source=source, expect=expect)
        if stripped[0] in _JSON_STARTS:
            return loads(source, expect=expect)
        raise InputError.single(
            "$", "JSON文本或已存在文件的路径", "JSON text or the path of an existing file", source
        )
    raise InputError.single(
        "$", "路径、JSON文本或字节串", "a path, JSON text or bytes", Shown(type(source).__name__)
    )


def dump(obj: Any, *, indent: int | None = 2) -> str:
    """JSON text of ``obj``: a Disclosure/Ledger gets its ``type`` tag; keys in attribute order,
    defaults omitted, non-ASCII kept, a trailing newline.  ``indent=None`` writes compactly.

    ``dump(load(dump(x))) == dump(x)`` for every document ``x``.
    """
    from budgetacct.io.converter import compact_json, document_line_writer, document_types

    if indent is None:
        line = document_line_writer(type(obj))
        return line(obj) if line is not None else compact_json(obj) + "\n"
    is_document = type(obj) in document_types().values()
    data = unstructure_document(obj) if is_document else unstructure(obj)
    separators = (",", ": ") if indent is not None else (",", ":")
    return json.dumps(data, ensure_ascii=False, indent=indent, separators=separators) + "\n"


def dump_to(obj: Any, path: str | os.PathLike[str], *, indent: int | None = 2) -> None:
    """Write :func:`dump` of ``obj`` to ``path`` (UTF-8, ``\\n`` line ends)."""
    Path(path).write_text(dump(obj, indent=indent), encoding="utf-8", newline="\n")
