"""Characters of a page → lines in reading order → paragraphs, without a fixed tolerance.

Characters join a line when their vertical extents overlap by at least half a character height
(:data:`OVERLAP`). Published reports set figures a few points below the baseline of their words
(``上海市普陀区财政局2024年度收入支出总计2995.39万元``): their extents still overlap the words' by
more than half, while the next line of text overlaps by none. A one-line table header cell beside a
two-line one overlaps each of its neighbour's lines by less than half, so it stays a line of its own
instead of pulling the two lines into one (which is what a large global ``y_tolerance`` does).

Spaces: a token is a run of characters with no gap (split, too, where a figure meets words, so a
figure has a box of its own); a space goes between two tokens only where the page has a real gap —
wider than letter spacing between CJK characters, wider than kerning elsewhere.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import Final, NamedTuple

from budgetacct.reader.document import Block, Box, Line, Token, paragraph_glue

__all__ = [
    "OVERLAP",
    "Glyph",
    "build_lines",
    "find_furniture",
    "normalize_glyph_text",
    "reflow",
]

#: Share of the smaller character height two extents must overlap to be on one line.
OVERLAP: Final = 0.5


def _supplement_radicals() -> dict[int, str]:
    # CJK Radicals Supplement code points that some PDF fonts emit in place of the ordinary
    # character (⻔ for 门 …): NFKC maps only two of that block, so the rest are data.
    text = resources.files("budgetacct.reader").joinpath("data", "radicals.toml").read_text(encoding="utf-8")
    return {int(code, 16): char for code, char in tomllib.loads(text)["radicals"].items()}


_RADICALS: Final = _supplement_radicals()


def _radical(code: int) -> bool:
    # Kangxi radicals, CJK compatibility ideographs (and their supplement): NFKC gives the
    # unified ideograph. Full-width letters and punctuation are left as printed on purpose.
    return 0x2F00 <= code <= 0x2FDF or 0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F


def normalize_glyph_text(text: str) -> str:
    """Radical and compatibility code points → the ideographs they stand for; all else unchanged.

    >>> normalize_glyph_text("部⻔⼯作⻋辆（一）")
    '部门工作车辆（一）'
    """
    out: list[str] = []
    for char in text:
        code = ord(char)
        if code in _RADICALS:
            out.append(_RADICALS[code])
        elif _radical(code) or 0x2E80 <= code <= 0x2EFF:
            out.append(unicodedata.normalize("NFKC", char))
        else:
            out.append(char)
    return "".join(out)


class Glyph(NamedTuple):
    """One printed character, positioned on the displayed page (top-left origin, points)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 0.1)


def _cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x3000 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
        or 0x2E80 <= code <= 0x2FDF
    )


_NUMERIC = frozenset("0123456789.,%-+")


class _Cluster:
    __slots__ = ("bottom", "glyphs", "spans", "top")

    def __init__(self, glyph: Glyph) -> None:
        self.top = glyph.top
        self.bottom = glyph.bottom
        self.glyphs = [glyph]
        self.spans = [(glyph.x0, glyph.x1, glyph.top)]

    def overlap(self, glyph: Glyph) -> float:
        shared = min(self.bottom, glyph.bottom) - max(self.top, glyph.top)
        return shared / min(self.bottom - self.top or 0.1, glyph.height)

    def collides(self, glyph: Glyph) -> bool:
        # A character already printed at this x on this line means the new one is another line.
        # Characters on one baseline may overlap (condensed punctuation), so only another height counts.
        width = max(glyph.x1 - glyph.x0, 0.1)
        return any(
            min(x1, glyph.x1) - max(x0, glyph.x0) > 0.5 * width and abs(top - glyph.top) > 0.2 * glyph.height
            for x0, x1, top in self.spans
        )


def _deduplicate(glyphs: Iterable[Glyph]) -> list[Glyph]:
    """Drop blanks and the copies a PDF prints to fake bold (same character, same place)."""
    seen: dict[tuple[str, int, int], Glyph] = {}
    for glyph in glyphs:
        if not glyph.text.strip():
            continue
        key = (glyph.text, round(glyph.x0), round(glyph.top))
        seen.setdefault(key, glyph)
    return list(seen.values())


def _clusters(glyphs: Sequence[Glyph]) -> list[_Cluster]:
    open_lines: list[_Cluster] = []
    done: list[_Cluster] = []
    for glyph in sorted(glyphs, key=lambda g: (g.top, g.x0)):
        still_open: list[_Cluster] = []
        for cluster in open_lines:
            (still_open if cluster.bottom > glyph.top else done).append(cluster)
        open_lines = still_open
        best: _Cluster | None = None
        best_overlap = OVERLAP
        for cluster in open_lines:
            share = cluster.overlap(glyph)
            if share >= best_overlap and not cluster.collides(glyph):
                best, best_overlap = cluster, share
        if best is None:
            open_lines.append(_Cluster(glyph))
        else:
            best.glyphs.append(glyph)
            best.spans.append((glyph.x0, glyph.x1, glyph.top))
    return done + open_lines


def _space_between(left: Glyph, right: Glyph) -> bool:
    gap = right.x0 - left.x1
    size = max(left.size, right.size, 1.0)
    if _cjk(left.text[-1]) and _cjk(right.text[0]):
        return gap > 1.5 * size  # letter-spaced CJK ("收 入") is one word; columns are far apart
    return gap > 0.2 * size


def _tokens(glyphs: list[Glyph], page: int) -> tuple[list[Token], str]:
    tokens: list[Token] = []
    text_parts: list[str] = []
    run: list[Glyph] = []

    def close() -> None:
        if run:
            text = "".join(g.text for g in run)
            box = Box(page, run[0].x0, min(g.top for g in run), run[-1].x1, max(g.bottom for g in run))
            edges = [g.x0 for g in run] + [run[-1].x1]
            if len(edges) == len(text) + 1:
                tokens.append(Token(text, box, edges))
            else:
                tokens.append(Token(text, box))
            text_parts.append(text)

    for glyph in glyphs:
        if run:
            previous = run[-1]
            gap = glyph.x0 - previous.x1
            numeric_switch = (previous.text[-1] in _NUMERIC) != (glyph.text[0] in _NUMERIC)
            if gap > 0.15 * max(glyph.size, 1.0) or numeric_switch:
                close()
                if _space_between(previous, glyph):
                    text_parts.append(" ")
                run = []
        run.append(glyph)
    close()
    return tokens, "".join(text_parts)


def build_lines(glyphs: Iterable[Glyph], page: int) -> list[Line]:
    """Group a page's (or a cell's) characters into lines, top to bottom, left to right."""
    clean = [g._replace(text=normalize_glyph_text(g.text)) for g in _deduplicate(glyphs)]
    lines: list[Line] = []
    for cluster in _clusters(clean):
        ordered = sorted(cluster.glyphs, key=lambda g: g.x0)
        tokens, text = _tokens(ordered, page)
        box = Box.enclosing([t.box for t in tokens])
        lines.append(Line(tokens, text, box))
    lines.sort(key=lambda line: (round(line.tokens[0].box.top), line.box.x0))
    return lines


# ----------------------------------------------------------------------------------------------
# Running headers, footers and page numbers

_PAGE_NUMBER = re.compile(
    r"^[\s\-—–·.]*(?:第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+(?:\s*/\s*\d+)?|[ivxlcIVXLC]+)[\s\-—–·.]*$"
)
#: Share of the page height, at the top and at the bottom, where headers and footers are looked for.
_MARGIN: Final = 0.12


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def find_furniture(pages: Sequence[Sequence[Line]], heights: Sequence[float]) -> set[tuple[int, int]]:
    """``(page index, line index)`` of running headers, footers and page numbers.

    A line in the top or bottom margin band is furniture when it is a page number ("3", "- 3 -",
    "第 3 页", "3/25"), or when the same text (digits aside) stands at about the same height on at
    least three pages and on at least a third of them.
    """
    found: set[tuple[int, int]] = set()
    counts: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for page_index, (lines, height) in enumerate(zip(pages, heights, strict=True)):
        for line_index, line in enumerate(lines):
            in_top = line.box.bottom <= height * _MARGIN
            in_bottom = line.box.top >= height * (1 - _MARGIN)
            if not (in_top or in_bottom):
                continue
            if in_bottom and _PAGE_NUMBER.match(line.text) and line_index >= len(lines) - 2:
                found.add((page_index, line_index))
                continue
            if in_top and _PAGE_NUMBER.match(line.text) and line_index <= 1:
                found.add((page_index, line_index))
                continue
            band = round(line.box.top / 6)
            counts.setdefault((_shape(line.text), band), []).append((page_index, line_index))
    needed = max(3, len(pages) // 3)
    for places in counts.values():
        if len({page for page, _ in places}) >= needed:
            found.update(places)
    return found


# ----------------------------------------------------------------------------------------------
# Paragraphs

_ENDS_SENTENCE = "。！？!?；;：:…”’）)"
_STARTS_PARAGRAPH = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|第[一二三四五六七八九十\d]+[部章节条]|[注附][：:]|表\s*\d)"
)


class Column(NamedTuple):
    """The text column of a page: left and right edges of its prose, and its usual character size."""

    left: float
    right: float
    size: float


def text_column(lines: Sequence[Line]) -> Column:
    """Left and right edges of the prose on a page (the most common line starts and ends)."""
    if not lines:
        return Column(0.0, 0.0, 12.0)
    lefts = sorted(round(line.box.x0) for line in lines)
    rights = sorted(round(line.box.x1) for line in lines)
    sizes = sorted(token.box.height for line in lines for token in line.tokens)
    return Column(
        # the text column's edges on the page, in points
        float(lefts[len(lefts) // 10]),
        float(rights[-1 - len(rights) // 10]),
        sizes[len(sizes) // 2],
    )


def continues(line: Line, column: Column, following: Line, next_column: Column) -> bool:
    """Whether ``following`` carries on the paragraph that ``line`` ends (a wrapped line)."""
    text = line.text.rstrip()
    if not text or (text[-1] in _ENDS_SENTENCE and line.box.x1 < column.right - 2 * column.size):
        return False
    # Full: the next line's first word would not have fitted at the end of this one.
    # (Word keeps a figure with the character after it, so count one character more.)
    first = (following.tokens[0].box.width if following.tokens else 0.0) + column.size
    full = line.box.x1 + min(first, 5 * column.size) >= column.right - 0.5 * column.size
    # A short piece at the right edge ("单位：万元") is not a line of prose that wrapped.
    full = full and line.box.x0 <= column.left + 3 * column.size
    indented = following.box.x0 > next_column.left + 1.2 * next_column.size
    return full and not indented and not _STARTS_PARAGRAPH.match(following.text)


def reflow(runs: Sequence[tuple[Line, Column]]) -> list[Block]:
    """Paragraphs from lines in reading order, each with the text column of its page.

    ``runs`` is already cut where a table stands between two lines (the caller starts a new
    sequence there); page breaks inside it are bridged like any other line break.
    """
    blocks: list[Block] = []
    current: list[Line] = []
    text = ""
    for index, (line, column) in enumerate(runs):
        if current:
            previous, previous_column = runs[index - 1]
            if continues(previous, previous_column, line, column):
                current.append(line)
                text = text + paragraph_glue(text, line.text) + line.text
                continue
            blocks.append(Block(current, text))
        current, text = [line], line.text
    if current:
        blocks.append(Block(current, text))
    return blocks
