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
    r"|\d{1,4} */ *\d{1,4}"
    r"|(?:page|Page|PAGE) *\d{1,4}(?: *(?:of|/) *\d{1,4})?"
)
_BARE_NUMBER = re.compile(r"[1-9]\d{0,2}")
# What follows a number it belongs to (“5” / “辆，…”): such a bare number is the sentence's own.
_AFTER_NUMBER = re.compile(r"[.%]|[亿万元个辆人次批年月日项家名所台套件户座处岁天期位张本册份]")
_SENTENCE_ENDS: Final = ("。", "；", "：", "！", "？", "!", "?", "…")
# A title or running header names the report: a year, or the words of a report's name.
_REPORT_WORDS = re.compile(r"(?:19|20)\d{2}|决算|预算|说明|报告|公开|部门")
_CLAUSE_MARKS: Final = frozenset("。；，：！？、")
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
    """The title again, a shortened title, or the title with a word added (“…部门决算公开”)."""
    common = 0
    for a, b in zip(text, title, strict=False):
        if a != b:
            break
        common += 1
    return common >= 6 and common >= 0.8 * len(text)


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


def mark_furniture(lines: Sequence[Line]) -> Line | None:
    """Mark the lines a PDF prints on every page as ``furniture``, and return the title line.

    Furniture is a page number (:data:`_PAGE_MARK`, or a bare number that breaks a sentence) and a
    running header: a line repeating the title (the first line, when it is a report's name), or a line
    naming a report that comes again where a sentence breaks. A line with a figure or a clause is
    never furniture, nor the first line naming the report.
    """
    content = [line for line in lines if line.kind != "blank"]
    title = (
        content[0] if content and _header_like(content[0]) and _TITLE_END.search(content[0].text) else None
    )
    seen: set[str] = set()
    last: Line | None = None  # the last line that is not furniture
    for index, line in enumerate(content):
        if line.kind == "prose" and index > 0:
            header = _header_like(line)
            broken = last is not None and last.kind == "prose" and not last.text.endswith(_SENTENCE_ENDS)
            if (
                _PAGE_MARK.fullmatch(line.cells.strip())
                or (
                    _BARE_NUMBER.fullmatch(line.text) is not None
                    and index + 1 < len(content)
                    and last is not None
                    and _breaks_sentence(last, content[index + 1])
                )
                or (header and title is not None and _repeats_title(line.text, title.text))
                or (header and broken and line.text in seen)
            ):
                line.kind = "furniture"
                continue
            if header:
                seen.add(line.text)
        elif line is title:
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
_ROW_NUMBER = re.compile(r"\d{1,3}")


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


def _without_empty_rows_numbers(cells: list[str]) -> list[str]:
    """A row's cells without each label whose 行次 stands over an empty cell (“结余分配 | 51 | |”):
    with the empty cell left out, the 行次 would be read as the label's amount."""
    out: list[str] = []
    for cell in cells:
        if cell:
            out.append(cell)
        elif len(out) >= 2 and _ROW_NUMBER.fullmatch(out[-1]) and not _FIGURE_CELL.fullmatch(out[-2]):
            del out[-2:]
    return out


def tab_pipe_rows(lines: Sequence[Line]) -> None:
    """Lines of a table pasted with “ | ” between cells, given tabs instead: read as the same rows
    pasted from Word. A line is such a row when it prints a figure in a cell of its own or when a
    line next to it is one too (a header row); a lone “首页 | 新闻” stays text. In a table with a
    行次 column (pipes or tabs), a label whose amount cell is empty is left out with its 行次, and
    the 栏次 row (the columns' numbers) is the header's."""
    split = [_pipe_cells(line.cells) for line in lines]
    numbered = False  # the table prints a 行次 column
    for index, (line, piped) in enumerate(zip(lines, split, strict=True)):
        tabbed = "\t" in line.cells.strip() and piped is None
        if piped is None and not tabbed:
            numbered = False
            continue
        if piped is not None and _PIPE_RULE.fullmatch(line.cells):
            line.kind = "blank"
            continue
        cells = (
            piped if piped is not None else [cell.strip() for cell in line.cells.strip(" \r\n").split("\t")]
        )
        numbered = numbered or "行次" in cells
        if piped is not None:
            neighbours = [split[i] for i in (index - 1, index + 1) if 0 <= i < len(split)]
            if not any(_FIGURE_CELL.fullmatch(c) for c in cells) and all(n is None for n in neighbours):
                continue
        elif not numbered:
            continue  # a row pasted from Word: read as it always was
        if numbered and all(cell in ("栏次", "") or _ROW_NUMBER.fullmatch(cell) for cell in cells):
            line.kind = "word"
            continue
        kept = _without_empty_rows_numbers(cells) if numbered else [cell for cell in cells if cell]
        line.cells = "\t".join(kept)
        line.kind = "tabular" if len(kept) >= 2 else "word"
