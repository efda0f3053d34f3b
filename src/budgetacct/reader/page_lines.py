"""The lines a report's text prints besides its sentences and rows: page furniture and pipe tables.

A text pasted from a PDF carries what the PDF prints on every page — a page number (“- 5 -”,
“第 5 页 共 12 页”), the running header repeating the title — between the lines of a sentence;
:func:`mark_furniture` marks those lines ``furniture`` so that a sentence is joined across them as
across a line break, and their words never become part of it. A table pasted from a web page or
Markdown separates its cells with “ | ”; :func:`tab_pipe_rows` gives such rows the tabs of a row
pasted from Word, so that the table readers read them alike.

>>> from budgetacct.reader.normalize import Document
>>> document = Document("某局2021年度部门决算\\n2021年度本年收入合计\\n- 5 -\\n830.63万元。")
>>> [line.kind for line in document.lines]
['prose', 'prose', 'furniture', 'prose']
>>> [p.text for p in document.paragraphs([ln for ln in document.lines if ln.kind == "prose"])]
['某局2021年度部门决算', '2021年度本年收入合计830.63万元。']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from budgetacct.reader.normalize import (
    AMOUNT_TOKEN,
    PERCENT_TOKEN,
    SPACED_TOKEN,
    Document,
    Line,
)

__all__ = ["furniture_lines", "mark_furniture", "tab_pipe_rows"]


# --- page furniture ---------------------------------------------------------------------------------------

# A page number as a PDF's text gives it: “- 5 -”, “—5—”, “·5·”, “第 5 页 共 12 页”, “共12页 第5页”,
# “5/12”, “Page 5 of 12”. (A bare “5” is one only where it breaks a sentence: see _breaks_sentence.)
_PAGE_MARK = re.compile(
    r"[-—–－―·•]+ *(?:\d{1,4}|[ivxlcIVXLC]{1,6}) *[-—–－―·•]+"
    r"|第 *\d{1,4} *页(?: *[，/]? *共 *\d{1,4} *页)?"
    r"|共 *\d{1,4} *页 *[，]? *第 *\d{1,4} *页"
    r"|(?:page|Page|PAGE) *\d{1,4}(?: *(?:of|/) *\d{1,4})?"
)
_BARE_NUMBER = re.compile(r"[1-9]\d{0,2}")
#: A page number a bare line may be (“5”, “5/12”): one only where the page numbers before or after
#: it go on from it (“4” … “5” … “6”), since a number alone on a line is as often a figure the PDF
#: broke off its sentence (“面积约为 / 120 / 平方米”, “其中 / 1/2 / 用于…”).
_NUMBERED_PAGE = re.compile(r"(?P<n>[1-9]\d{0,3})(?: */ *\d{1,4})?")
# What follows a number it belongs to (“5” / “辆，…”): such a bare number is the sentence's own.
_AFTER_NUMBER = re.compile(r"[.%]|[亿万元个辆人次批年月日项家名所台套件户座处岁天期位张本册份]")
_SENTENCE_ENDS: Final = ("。", "；", "：", "！", "？", "!", "?", "…")
# A title or running header names the report: a year, or the words of a report's name.
_REPORT_WORDS = re.compile(r"(?:19|20)\d{2}|决算|预算|说明|报告|公开|部门")
_CLAUSE_MARKS: Final = frozenset("。；，：！？、")
#: The title is looked for among this many first lines (a web page's links and date come first).
TITLE_LINES: Final = 5
#: A running header prints at least this share of the title, or the title and a word of at most
#: this many characters (“公开”).
MIN_HEADER_SHARE: Final = 0.6
MAX_TITLE_ADDED: Final = 4
#: A title wrapped onto a second line leaves at most this many characters there.
MAX_TITLE_TAIL: Final = 20
# How a report's title ends (a wrapped line of a sentence does not: “…“三公”经费支”).
_TITLE_END = re.compile(r"(?:决算|预算|说明|报告|公开|情况|信息)(?:（[^（）]{1,12}）)?$")


def _header_like(line: Line) -> bool:
    """A line that can be a title or a running header: it names a report, with no figure, no
    clause and no table's name (“…决算表” repeated over a table's pages is the table's)."""
    text = line.text
    return (
        line.kind == "prose"
        and 6 <= len(text) <= 80
        and _REPORT_WORDS.search(text) is not None
        and not _CLAUSE_MARKS.intersection(text)
        and not text.endswith("表")
        and not any(p.search(text) for p in (AMOUNT_TOKEN, PERCENT_TOKEN, SPACED_TOKEN))
    )


def _repeats_title(text: str, title: str) -> bool:
    """The title again, the title cut short (most of it, as a running header), or the title with a
    short word added (“…部门决算公开”). A sentence beginning with the title's words is none of these."""
    if title.startswith(text):
        return len(text) >= MIN_HEADER_SHARE * len(title)
    added = text.removeprefix(title)
    return added != text and len(added) <= MAX_TITLE_ADDED and not any(char.isdigit() for char in added)


def _breaks_sentence(before: Line, after: Line) -> bool:
    """Whether a bare number between these lines stands inside a sentence the page broke: the line
    before is a wrapped line of prose, and the line after does not take the number as its own."""
    return (
        before.kind == "prose"
        and after.kind == "prose"
        and len(before.text) >= 15
        and not before.text.endswith(_SENTENCE_ENDS)
        and not (before.text[-1:].isascii() and before.text[-1:].isalnum())
        and _AFTER_NUMBER.match(after.text) is None
        and _BARE_NUMBER.fullmatch(after.text) is None
    )


def _title(content: Sequence[Line]) -> list[Line]:
    """The report's name (“某局2021年度部门决算”): the first line of the first few that is one, with
    the line it wraps onto when the name goes on there (“…部门决算分” / “析报告”); a page's links
    (“首页 > …”) are none."""
    for index, line in enumerate(content[:TITLE_LINES]):
        if not _header_like(line) or ">" in line.text:
            continue
        if _TITLE_END.search(line.text):
            return [line]
        after = content[index + 1] if index + 1 < len(content) else None
        if (
            after is not None
            and after.kind == "prose"
            and len(after.text) <= MAX_TITLE_TAIL
            and not _CLAUSE_MARKS.intersection(after.text)
            and _TITLE_END.search(line.text + after.text)
        ):
            return [line, after]
    return []


def _numbered_pages(content: Sequence[Line]) -> set[int]:
    """The lines (their indices in ``content``) that are page numbers by their sequence: a line that
    is only a number (or “n/m”) whose number goes on from another such line's, one more or one less
    (“- 5 -” and “第5页” forms say so themselves)."""
    found: dict[int, int] = {}
    for index, line in enumerate(content):
        page = _NUMBERED_PAGE.fullmatch(line.cells.strip()) if line.kind in ("prose", "heading") else None
        if page is not None:
            found[index] = int(page.group("n"))
    numbers = sorted(found.items())
    kept: set[int] = set()
    for position, (index, number) in enumerate(numbers):
        before = numbers[position - 1][1] if position else None
        after = numbers[position + 1][1] if position + 1 < len(numbers) else None
        if number - 1 == before or number + 1 == after:
            kept.add(index)
    return kept


def mark_furniture(lines: Sequence[Line]) -> list[Line]:
    """Mark the lines a PDF prints on every page as ``furniture``, and return the title's lines.

    Furniture is a page number (:data:`_PAGE_MARK`, or a bare number or “n/m” in the sequence of the
    page numbers, a bare one where it breaks a sentence) and a
    running header: a line after the title repeating it, whole, shortened or with a word added, or
    a line naming a report that comes again where a sentence breaks. A line with a figure or a
    clause is never furniture, nor the title itself.
    """
    content = [line for line in lines if line.kind != "blank"]
    numbered = _numbered_pages(content)
    title = _title(content)
    name = "".join(line.text for line in title)
    seen: set[str] = set()
    after_title = False
    last: Line | None = None  # the last line that is not furniture
    for index, line in enumerate(content):
        if any(line is part for part in title):
            after_title = True
        elif line.kind == "prose" and last is not None:
            header = _header_like(line)
            broken = last.kind == "prose" and not last.text.endswith(_SENTENCE_ENDS)
            if (
                _PAGE_MARK.fullmatch(line.cells.strip())
                or (
                    index in numbered
                    and (
                        _BARE_NUMBER.fullmatch(line.text) is None
                        or (index + 1 < len(content) and _breaks_sentence(last, content[index + 1]))
                    )
                )
                or (header and after_title and _repeats_title(line.text, name))
                or (header and broken and line.text in seen)
            ):
                line.kind = "furniture"
                continue
        if _header_like(line):
            seen.add(line.text)
        last = line
    return title


def furniture_lines(texts: Sequence[str]) -> list[int]:
    """The indexes of the lines of a text that are page furniture (:func:`mark_furniture`)."""
    document = Document("\n".join(texts)) if texts else None
    return (
        [] if document is None else [line.number - 1 for line in document.lines if line.kind == "furniture"]
    )


# --- tables pasted with “ | ” between cells ----------------------------------------------------------------

# A table row pasted with “ | ” between cells (web-page extractors, Markdown), and the rule under a
# Markdown header (“|---|:---:|”).
_PIPE = re.compile(r" *\| *")
_PIPE_RULE = re.compile(r"[ |:\-—–]*")
_FIGURE_CELL = re.compile(r"[-−]?\d[\d，]*(?:\.\d+)?%?")


def _pipe_cells(cells_text: str) -> list[str] | None:
    """The cells of a line with two or more ``|`` between them (an outer ``|`` dropped), else None."""
    if cells_text.count("|") < 2:
        return None
    cells = _PIPE.split(cells_text.strip())
    if cells and not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    return cells


def tab_pipe_rows(lines: Sequence[Line]) -> None:
    """Lines of a table pasted with “ | ” between cells, given tabs instead: read as the same rows
    pasted from Word, empty cells kept (“结余分配 | 51 | |”: a 行次 over an empty amount). A line is
    such a row when it prints a figure in a cell of its own or when a line next to it is one too
    (a header row); a lone “首页 | 新闻” stays text, and a Markdown rule under a header is none."""
    split = [_pipe_cells(line.cells) for line in lines]
    for index, (line, cells) in enumerate(zip(lines, split, strict=True)):
        if cells is None:
            continue
        if _PIPE_RULE.fullmatch(line.cells):
            line.kind = "blank"
            continue
        neighbours = [split[i] for i in (index - 1, index + 1) if 0 <= i < len(split)]
        if any(_FIGURE_CELL.fullmatch(cell) for cell in cells) or any(n is not None for n in neighbours):
            line.cells = "\t".join(cells)
            line.kind = "tabular" if sum(1 for cell in cells if cell) >= 2 else "word"
