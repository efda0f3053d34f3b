"""A PDF's characters are read only where they are printed on the visible page."""

from __future__ import annotations

from types import SimpleNamespace

from budgetacct.reader.pdf import _glyphs


def _char(text: str, x0: float, top: float, x1: float, bottom: float) -> dict[str, object]:
    return {"text": text, "x0": x0, "top": top, "x1": x1, "bottom": bottom, "size": 10.5}


def test_a_character_mostly_above_the_page_is_not_read() -> None:
    # 上海市普陀区财政局 2025年部门预算, page 8: the Word export leaves the last line of page 7 above
    # page 8 (top -14, bottom 0.01): nothing of it is seen on the page.
    page = SimpleNamespace(
        bbox=(0, 0, 841.9, 595.3),
        chars=[_char("”", 72.5, -14.0, 79.5, 0.01), _char("9", 87.0, 64.0, 92.3, 74.5)],
    )
    assert [glyph.text for glyph in _glyphs(page)] == ["9"]


def test_a_character_on_the_pages_edge_is_read() -> None:
    page = SimpleNamespace(bbox=(0, 0, 100, 100), chars=[_char("页", 95.0, 90.0, 103.0, 98.0)])
    assert [glyph.text for glyph in _glyphs(page)] == ["页"]
