"""Text normalization for published reports: lines, widths, whitespace, paragraphs, sentences.

A published 决算说明 reaches us as text pasted from Word or extracted from a PDF.  This module turns
it into :class:`Line` objects (bookmark markers stripped, full-width digits and punctuation made
uniform, thousands separators removed) and then into :class:`Paragraph` objects (prose lines of one
paragraph joined, whitespace inside sentences removed) split into :class:`Sentence` objects.

Every normalized character keeps a link to the character it came from, so a figure found in a
normalized sentence can be reported with its line number and offsets in the *original* text.  The
links are computed lazily, only for the lines that produce a figure, by running the very same steps
with bookkeeping switched on (:func:`normalize_line`).

>>> normalize_line("[bookmark: _Toc1]收入  合计８７４．６３ 万元（1,234元）").text
'收入合计874.63万元（1234元）'
>>> normalize_line("8    93.16").text
'8 93.16'
"""

from __future__ import annotations

import bisect
import re
import tomllib
import unicodedata
from collections.abc import Iterator
from importlib import resources
from typing import Final

import attrs

__all__ = [
    "AMOUNT_TOKEN",
    "CHUNK",
    "PERCENT_TOKEN",
    "SPACED_TOKEN",
    "Document",
    "Line",
    "Normalized",
    "Paragraph",
    "Sentence",
    "Token",
    "cell_text",
    "clean_label",
    "clean_value",
    "normalize_line",
]

#: Lines longer than this are processed in chunks of this size (pathological inputs only).
CHUNK: Final = 20_000
#: Sentences longer than this are not matched against patterns (their figures are reported unread).
MAX_SENTENCE: Final = 3_000

# Word's leftovers: bookmark markers, and the page-reference fields of a table of contents
# (“一、主要职责 PAGEREF _Toc32310 \h 3”).
_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]|\s*PAGEREF\s+_Toc\w+(?:\s+\\?h)?(?:\s+\d+)?\s*$")

_WIDTH: Final[dict[int, str | None]] = {
    **{0xFF10 + i: str(i) for i in range(10)},
    **{0xFF21 + i: chr(ord("A") + i) for i in range(26)},
    **{0xFF41 + i: chr(ord("a") + i) for i in range(26)},
    ord("．"): ".",
    ord("％"): "%",
    ord("﹪"): "%",
    ord("\u3000"): " ",
    ord("\u00a0"): " ",
    ord("\u2002"): " ",
    ord("\u2003"): " ",
    ord("\u2009"): " ",
    ord("\u202f"): " ",
    ord("\u200b"): None,
    ord("\ufeff"): None,
    ord("\u00ad"): None,
    ord("("): "（",
    ord(")"): "）",
    ord(":"): "：",
    ord(";"): "；",
    ord("＂"): "“",
    ord("\r"): None,
}

# Every other Unicode decimal digit (Arabic-Indic, Devanagari, …) is read as its ASCII digit, so
# that ``\d`` in the patterns only ever meets 0-9.
_WIDTH.update(
    {
        code: str(unicodedata.decimal(chr(code)))
        for code in range(0x80, 0x20000)  # every Nd digit lies below U+1FBFA
        if code not in _WIDTH and unicodedata.category(chr(code)) == "Nd"
    }
)


def _traditional() -> dict[int, str]:
    """繁体 characters the reader's wordings need, each as its 简体 form (data/traditional.toml)."""
    text = (
        resources.files("budgetacct.reader").joinpath("data", "traditional.toml").read_text(encoding="utf-8")
    )
    return {ord(char): simple for char, simple in tomllib.loads(text)["traditional"].items()}


# A 繁体 page (萬元, 預算, 撥款 …) reads like its 简体 form: one character for one, offsets unchanged.
_WIDTH.update(_traditional())

# 1,234,567.89 (ASCII comma, or a full-width comma between digit groups): one number.
_THOUSANDS = re.compile(r"(?<![\d.])\d{1,3}(?:[,，]\d{3})+(?!\d)")
# “12 000.00元”, “1 903.55万元”: thousand groups set apart by a space (PDFs of Word tables, some
# typesetting). Joined only when a unit follows, where the form cannot be two numbers; “8 93.16”
# (a row number and a figure) stays as printed. (A space after the point, “1903. 55万元”, goes
# with the squeezing of whitespace: it stands between a point and a digit.)
_SPACED_GROUPS = re.compile(r"(?<![\d.])(?<!\d )\d{1,3}(?: \d{3})+(?:\. ?\d+)?(?= ?(?:亿元|万元|元))")
_WHITESPACE = re.compile(r"\s+")
_ASCII_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

#: A printed amount: digits, optional decimals, a money unit (never the part of a number after a
#: space: “8 93.16万元” is no amount of 93.16).
AMOUNT_TOKEN: Final = re.compile(r"(?<![\d.])(?<!\d )\d+(?:\.\d+)?(?:亿元|万元|元)")
#: A printed percentage.
PERCENT_TOKEN: Final = re.compile(r"(?<![\d.])(?<!\d )\d+(?:\.\d+)?%")
#: Digits set apart by spaces before a unit, in a form that is not one number for sure
#: (“8 93.16万元”): a figure printed, quoted whole, that no pattern reads.
SPACED_TOKEN: Final = re.compile(r"(?<![\d.])(?<!\d )\d+(?: \d+(?:\.\d+)?)+(?:亿元|万元|元|%)")
_SENTENCE_END = re.compile(r"[。！？!?]+")
# A sentence that only names a 类/款/项 (marked or coded), without a figure.
_CLASSIFICATION_ONLY = re.compile(
    r"\s*(?:\d{1,2}[.、]|（\d{1,2}）|[一二三四五六七八九十]{1,3}[、.])?[^\d。；]{0,80}"
    r"(?:（[类款项]）|（\d{2,3}）|（\d{5}）|（\d{7}）)[。：:]?\s*"
)
_CODE_PATTERN = re.compile(r"（\d{3}）[^。；]{0,60}（\d{2}）|（类）[^。；]{0,60}（款）")


@attrs.frozen
class Normalized:
    """A normalized piece of text and, when asked for, the source index of each of its characters."""

    text: str
    origin: tuple[int, ...] | None = None


def _remove_spans(
    text: str, origin: list[int] | None, spans: list[tuple[int, int]], keep: list[str]
) -> tuple[str, list[int] | None]:
    """Replace each span by the matching ``keep`` text (a prefix of the span, possibly empty)."""
    pieces: list[str] = []
    new_origin: list[int] | None = [] if origin is not None else None
    last = 0
    for (start, end), kept in zip(spans, keep, strict=True):
        pieces.append(text[last:start])
        pieces.append(kept)
        if new_origin is not None and origin is not None:
            new_origin.extend(origin[last:start])
            new_origin.extend(origin[start : start + len(kept)])
        last = end
    pieces.append(text[last:])
    if new_origin is not None and origin is not None:
        new_origin.extend(origin[last:])
    return "".join(pieces), new_origin


def _strip_bookmarks(text: str, origin: list[int] | None) -> tuple[str, list[int] | None]:
    if "[bookmark" not in text and "PAGEREF" not in text:
        return text, origin
    spans = [m.span() for m in _BOOKMARK.finditer(text)]
    return _remove_spans(text, origin, spans, [""] * len(spans))


def _translate(text: str, origin: list[int] | None) -> tuple[str, list[int] | None]:
    if origin is None:
        return text.translate(_WIDTH), None
    chars: list[str] = []
    new_origin: list[int] = []
    for char, source in zip(text, origin, strict=True):
        mapped = _WIDTH.get(ord(char), char)
        if mapped is None:
            continue
        chars.append(mapped)
        new_origin.append(source)
    return "".join(chars), new_origin


def _join_thousands(text: str, origin: list[int] | None) -> tuple[str, list[int] | None]:
    if "," in text or "，" in text:
        matches = list(_THOUSANDS.finditer(text))
        if matches:
            pieces: list[str] = []
            new_origin: list[int] | None = [] if origin is not None else None
            last = 0
            for m in matches:
                pieces.append(text[last : m.start()])
                if new_origin is not None and origin is not None:
                    new_origin.extend(origin[last : m.start()])
                for index in range(m.start(), m.end()):
                    if text[index] not in ",，":
                        pieces.append(text[index])
                        if new_origin is not None and origin is not None:
                            new_origin.append(origin[index])
                last = m.end()
            pieces.append(text[last:])
            if new_origin is not None and origin is not None:
                new_origin.extend(origin[last:])
            text, origin = "".join(pieces), new_origin
    return text.replace(",", "，"), origin


def _join_spaced_numbers(text: str, origin: list[int] | None) -> tuple[str, list[int] | None]:
    """“12 000.00元” → “12000.00元”, “1 903.55万元” → “1903.55万元” (see :data:`_SPACED_GROUPS`)."""
    if " " not in text:
        return text, origin
    spans = [
        (m.start() + i, m.start() + i + 1)
        for m in _SPACED_GROUPS.finditer(text)
        for i, char in enumerate(m.group())
        if char == " "
    ]
    return _remove_spans(text, origin, spans, [""] * len(spans)) if spans else (text, origin)


def _squeeze(text: str, origin: list[int] | None) -> tuple[str, list[int] | None]:
    """Drop whitespace, except one space between two ASCII letters or digits (``8 93.16``)."""
    if _WHITESPACE.search(text) is None:
        return text, origin
    spans: list[tuple[int, int]] = []
    keep: list[str] = []
    for m in _WHITESPACE.finditer(text):
        start, end = m.span()
        spans.append((start, end))
        between = (
            start > 0 and end < len(text) and text[start - 1] in _ASCII_ALNUM and text[end] in _ASCII_ALNUM
        )
        keep.append(" " if between else "")
    return _remove_spans(text, origin, spans, keep)


def normalize_line(raw: str, *, squeeze: bool = True, with_origin: bool = False) -> Normalized:
    """Normalize one line (no ``\\n`` inside).

    Steps, in order: strip ``[bookmark: …]`` markers; full-width digits, letters, ``．％`` and odd
    spaces to ASCII; ASCII ``( ) : ;`` to full width (the form the patterns expect); 繁体 characters
    of the reader's words to 简体 (``萬元`` → ``万元``); thousand groups set apart by spaces before a
    unit joined (``1 903.55万元``); thousands separators removed (``1,234.5`` →
    ``1234.5``); remaining ASCII commas to ``，``; with
    ``squeeze``, whitespace removed except a single space between two ASCII letters or digits.

    With ``with_origin`` the result also gives, for each character, its index in ``raw``.

    >>> n = normalize_line("占 ８８．９６％", with_origin=True)
    >>> n.text, n.origin
    ('占88.96%', (0, 2, 3, 4, 5, 6, 7))
    """
    origin: list[int] | None = list(range(len(raw))) if with_origin else None
    text, origin = _strip_bookmarks(raw, origin)
    text, origin = _translate(text, origin)
    text, origin = _join_spaced_numbers(text, origin)
    text, origin = _join_thousands(text, origin)
    if squeeze:
        text, origin = _squeeze(text, origin)
    return Normalized(text, tuple(origin) if origin is not None else None)


def cell_text(text: str) -> str:
    """A table cell or label as text: whitespace runs inside CJK text removed, ends stripped."""
    return _squeeze(text.strip(), None)[0]


def clean_label(text: str) -> str:
    """A label with *all* whitespace removed: ``满意 度指标`` → ``满意度指标``."""
    return "".join(text.split())


def clean_value(text: str) -> str:
    """A free-text value (indicator target, goal): trimmed, inner whitespace squeezed."""
    return cell_text(text)


# --- lines -------------------------------------------------------------------------------------------------


@attrs.define(slots=True)
class Line:
    """One physical line (or a chunk of a very long one) of the input.

    ``raw`` is the original text, ``base`` its offset in the whole input, ``cells`` the text with
    whitespace kept (for table cells), ``text`` the fully normalized prose form.
    """

    number: int
    base: int
    raw: str
    cells: str
    text: str
    kind: str = "prose"  # blank | prose | heading | tabular | word | furniture
    part: str = "unknown"
    section: str | None = None
    #: "total", "structure" or "detail" under a heading such as （二）…决算结构情况 (else None)
    subsection: str | None = None
    _origin: tuple[int, ...] | None = None

    @property
    def starts_with_tab(self) -> bool:
        return self.raw.startswith("\t")

    def origin(self) -> tuple[int, ...]:
        """Source index (in ``raw``) of each character of ``text`` (computed once, on demand)."""
        if self._origin is None:
            found = normalize_line(self.raw, with_origin=True).origin
            assert found is not None
            self._origin = found
        return self._origin

    def absolute(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the whole input of the normalized span ``text[start:end]``."""
        origin = self.origin()
        if not origin:
            return self.base, self.base
        start = min(max(start, 0), len(origin) - 1)
        last = min(max(end - 1, start), len(origin) - 1)
        return self.base + origin[start], self.base + origin[last] + 1

    def cell_absolute(self, cell: str) -> tuple[int, int]:
        """Offsets of a cell's text inside the raw line (best effort: first occurrence)."""
        stripped = cell.strip()
        index = self.raw.find(stripped) if stripped else -1
        if index < 0:
            return self.base, self.base + len(self.raw)
        return self.base + index, self.base + index + len(stripped)


def split_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """``(line number, offset, raw text)`` for every line; long lines come in chunks of :data:`CHUNK`."""
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        if len(raw) <= CHUNK:
            yield number, offset, raw
        else:
            for start in range(0, len(raw), CHUNK):
                yield number, offset + start, raw[start : start + CHUNK]
        offset += len(raw) + 1


# Headings: 第一部分 / 一、 / （一） / 1、 1. (numbered, short, no figure).
_PART = re.compile(r"^第[一二三四五六七八九十\d]{1,3}部分")
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.]|（[一二三四五六七八九十\d]{1,3}）|\d{1,2}[、.](?!\d))"
)


def heading_title(text: str) -> str | None:
    """The title of a heading line (``一、收入决算情况说明`` → ``收入决算情况说明``), else ``None``."""
    part = _PART.match(text)
    if part:
        title = text[part.end() :]
        return title if len(title) <= 60 and not AMOUNT_TOKEN.search(title) else None
    match = _HEADING.match(text)
    if not match:
        return None
    title = text[match.end() :]
    if not title or len(title) > 50 or AMOUNT_TOKEN.search(title) or PERCENT_TOKEN.search(title):
        return None
    if "（类）" in title or "（款）" in title:
        return None  # an item of the 类/款/项 list (its line may wrap into the next): prose
    inner = title.rstrip("。：")
    if "：" in inner or "。" in inner or "；" in inner or "，" in inner:
        return None
    if title.endswith("。") and len(title) > 24:
        return None
    return title


def is_part_heading(text: str) -> bool:
    return bool(_PART.match(text))


_ENUMERATED = re.compile(
    r"(?:\d{1,2}[、.](?!\d)|（[一二三四五六七八九十\d]{1,3}）|[一二三四五六七八九十]{1,3}、)"
)
_CELL_SPLIT = re.compile(r"\t| {2,}")
_CODE_CELL = re.compile(r"^(?:\d{3}(?: ?\d{2}){0,2}|合计|总计|\[\d{3,7}\])")
_YEAR_CELL = re.compile(r"^\d{4}年")


def tabular_cells(cells_text: str) -> list[str] | None:
    """The cells of a table row pasted as text (cells separated by tabs or 2+ spaces), else ``None``."""
    body = cells_text.strip()
    if "\t" not in body and "  " not in body:
        return None
    cells = [c.strip() for c in _CELL_SPLIT.split(body)]
    cells = [c for c in cells if c]
    if len(cells) >= 3 or (len(cells) == 2 and (_CODE_CELL.match(cells[0]) or _YEAR_CELL.match(cells[0]))):
        return cells
    return None


#: Lines between two pieces of one sentence that a page break may leave (blank lines, furniture).
MAX_PAGE_BREAK: Final = 8


# --- paragraphs and sentences -----------------------------------------------------------------------------


@attrs.define(slots=True)
class Token:
    """A figure printed in a sentence: an amount (``874.63万元``), a percentage (``2.17%``), or
    digits set apart by spaces that are not one number for sure (``spaced``: ``8 93.16万元``)."""

    kind: str
    start: int
    end: int
    text: str


@attrs.define(slots=True)
class Paragraph:
    """Consecutive prose lines of one paragraph, joined; ``text`` is their normalized concatenation."""

    lines: list[Line]
    starts: list[int]
    text: str
    part: str
    section: str | None
    subsection: str | None = None

    def locate(self, start: int, end: int) -> tuple[int, int, int]:
        """``(line number, absolute start, absolute end)`` of the paragraph span ``text[start:end]``."""
        index = max(0, bisect.bisect_right(self.starts, start) - 1)
        line = self.lines[index]
        local = start - self.starts[index]
        end_index = max(0, bisect.bisect_right(self.starts, max(end - 1, start)) - 1)
        end_line = self.lines[end_index]
        local_end = end - self.starts[end_index]
        abs_start, _ = line.absolute(local, local + 1)
        _, abs_end = end_line.absolute(max(local_end - 1, 0), local_end)
        return line.number, abs_start, max(abs_end, abs_start)

    def sentences(self) -> list[Sentence]:
        """The sentences of the paragraph, split after ``。！？`` (the mark stays with its sentence).

        A 类/款/项 heading printed as a sentence of its own (“1.教育支出（类）普通教育（款）小学教育
        （项）。”) stays with the sentence after it, which holds its figures.
        """
        ends = [match.end() for match in _SENTENCE_END.finditer(self.text)]
        if not ends or ends[-1] < len(self.text):
            ends.append(len(self.text))
        out: list[Sentence] = []
        start = 0
        for index, end in enumerate(ends):
            piece = self.text[start:end]
            if index + 1 < len(ends) and _CLASSIFICATION_ONLY.fullmatch(piece):
                continue  # joined with the next sentence
            out.append(Sentence(self, start, piece))
            start = end
        return out


@attrs.define(slots=True)
class Sentence:
    """One sentence of a paragraph, with its figure tokens and which of them were understood."""

    paragraph: Paragraph
    offset: int
    text: str
    tokens: list[Token] = attrs.field(factory=list)
    used: set[int] = attrs.field(factory=set)
    rejected: set[int] = attrs.field(factory=set)
    #: How the lexicon labels of the sentence read (set by :func:`budgetacct.reader.labelled.readings`).
    readings: list[object] | None = None

    def __attrs_post_init__(self) -> None:
        if len(self.text) > MAX_SENTENCE:  # not matched: see :meth:`sample_figures`
            return
        tokens = [Token("amount", m.start(), m.end(), m.group()) for m in AMOUNT_TOKEN.finditer(self.text)]
        tokens += [Token("percent", m.start(), m.end(), m.group()) for m in PERCENT_TOKEN.finditer(self.text)]
        tokens += [Token("spaced", m.start(), m.end(), m.group()) for m in SPACED_TOKEN.finditer(self.text)]
        tokens.sort(key=lambda t: t.start)
        self.tokens = tokens

    @property
    def part(self) -> str:
        return self.paragraph.part

    @property
    def section(self) -> str | None:
        return self.paragraph.section

    @property
    def subsection(self) -> str | None:
        return self.paragraph.subsection

    @property
    def matchable(self) -> bool:
        return len(self.text) <= MAX_SENTENCE

    def locate(self, start: int, end: int) -> tuple[int, int, int]:
        """``(line, absolute start, absolute end)`` of the sentence span ``text[start:end]``."""
        return self.paragraph.locate(self.offset + start, self.offset + end)

    def use(self, start: int, end: int) -> None:
        """Mark the figure tokens inside ``text[start:end]`` as understood."""
        for index, token in enumerate(self.tokens):
            if token.start >= start and token.end <= end:
                self.used.add(index)

    def reject(self, start: int, end: int) -> list[Token]:
        """Mark the tokens inside the span as reported (unread) and return them."""
        found = []
        for index, token in enumerate(self.tokens):
            if token.start >= start and token.end <= end and index not in self.used:
                self.rejected.add(index)
                found.append(token)
        return found

    def leftover(self) -> list[Token]:
        """Figure tokens neither understood nor already reported."""
        return [t for i, t in enumerate(self.tokens) if i not in self.used and i not in self.rejected]

    def sample_figures(self, limit: int = 20) -> list[str]:
        """Up to ``limit`` printed figures of the sentence (used for sentences too long to match)."""
        found = [m.group() for _, m in zip(range(limit), AMOUNT_TOKEN.finditer(self.text), strict=False)]
        found += [m.group() for _, m in zip(range(limit), PERCENT_TOKEN.finditer(self.text), strict=False)]
        found += [m.group() for _, m in zip(range(limit), SPACED_TOKEN.finditer(self.text), strict=False)]
        return found[:limit]

    def has_code_pattern(self) -> bool:
        return bool(_CODE_PATTERN.search(self.text))


class Document:
    """The input split into normalized lines, with part/section context and prose paragraphs."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[Line] = []
        for number, base, raw in split_lines(text):
            cells = normalize_line(raw, squeeze=False).text
            prose = _squeeze(cells, None)[0]
            line = Line(number, base, raw, cells, prose)
            if not prose:
                line.kind = "blank"
            elif tabular_cells(cells) is not None:
                line.kind = "tabular"
            elif heading_title(prose) is not None:
                line.kind = "heading"
            self.lines.append(line)
        from budgetacct.reader.page_lines import mark_furniture, tab_pipe_rows

        tab_pipe_rows(self.lines)
        #: The report's name: one line, or two when it wraps (never joined to the text below it).
        self.title = mark_furniture(self.lines)
        self._kinds = {line.number: line.kind for line in self.lines}

    def _page_break(self, before: Line, after: Line) -> bool:
        """Whether only blank lines and page furniture stand between two lines, and furniture does."""
        if after.number - before.number > MAX_PAGE_BREAK:
            return False
        between = [self._kinds.get(n, "") for n in range(before.number + 1, after.number)]
        return "furniture" in between and all(kind in ("blank", "furniture") for kind in between)

    def paragraphs(self, lines: list[Line]) -> list[Paragraph]:
        """Group prose lines into paragraphs.

        A line is joined to the next one when it does not end a sentence (``。；：！？``), is not a
        heading, the title or a chart caption, and the next line is prose of the same part and
        section, right below it or past a page break (page numbers and running headers, which are
        never part of a sentence: :func:`mark_furniture`).  This mends sentences broken by PDF
        extraction while keeping titles apart from the text below.
        """
        out: list[Paragraph] = []
        current: list[Line] = []

        def flush() -> None:
            if current:
                starts = []
                pieces = []
                position = 0
                for ln in current:
                    starts.append(position)
                    pieces.append(ln.text)
                    position += len(ln.text)
                out.append(
                    Paragraph(
                        list(current),
                        starts,
                        "".join(pieces),
                        current[0].part,
                        current[0].section,
                        current[0].subsection,
                    )
                )
                current.clear()

        for line in lines:
            if line.kind != "prose":
                flush()
                continue
            if current:
                previous = current[-1]
                ends = previous.text[-1:] in ("。", "；", "：", "！", "？", "!", "?", "…")
                caption = previous.text.startswith("图") or line.text.startswith("图")
                numbered = _ENUMERATED.match(line.text) is not None
                # never glue two ASCII letters or digits together (“87” + “4.63” stays two numbers)
                glued = previous.text[-1:] in _ASCII_ALNUM and line.text[:1] in _ASCII_ALNUM
                same = (
                    previous.part == line.part
                    and previous.section == line.section
                    and previous.subsection == line.subsection
                )
                adjacent = previous.number + 1 >= line.number or self._page_break(previous, line)
                if (
                    ends
                    or (bool(self.title) and previous is self.title[-1])
                    or caption
                    or numbered
                    or glued
                    or not same
                    or not adjacent
                    or len("".join(x.text for x in current)) > 4 * CHUNK
                ):
                    flush()
            current.append(line)
        flush()
        return out
