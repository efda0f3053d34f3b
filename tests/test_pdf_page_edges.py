"""A character on the page's edge: dropped only when its line lies above or below the page.

A Word export can leave a line above the page (its characters' middles above the top); a figure
set flush right can run a little past the right edge. The first is not printed; the second is, and
dropping its last digit would read another value.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

pytest.importorskip("pdfplumber")

from budgetacct.reader.pdf import _glyphs, read_pdf
from test_pdf_document import _hand_pdf


def _char(text: str, x0: float, top: float, x1: float, bottom: float) -> dict[str, object]:
    return {"text": text, "x0": x0, "top": top, "x1": x1, "bottom": bottom, "size": 10.0}


def test_a_last_digit_straddling_the_right_edge_is_read() -> None:
    # Each character is 10 pt wide: the final "6" spans 296–306 on a page 300 wide, its middle past
    # the edge.
    text = "Total 1234.56"
    x = 300 - 4 - 10 * (len(text) - 1)
    doc = read_pdf(_hand_pdf([[(x, 40, text), (20, 80, "收入合计")]], width=300))
    lines = [line.text for line in doc.pages[0].lines]
    assert "Total 1234.56" in lines


def test_a_character_past_the_left_or_right_edge_is_kept_while_any_of_it_shows() -> None:
    page = SimpleNamespace(
        bbox=(0, 0, 100, 100),
        chars=[_char("1", -6.0, 40.0, 2.0, 50.0), _char("2", 98.0, 40.0, 106.0, 50.0)],
    )
    assert [glyph.text for glyph in _glyphs(page)] == ["1", "2"]


def test_a_character_wholly_beside_the_page_or_with_its_middle_below_it_is_not_read() -> None:
    page = SimpleNamespace(
        bbox=(0, 0, 100, 100),
        chars=[_char("右", 101.0, 40.0, 109.0, 50.0), _char("底", 20.0, 97.0, 28.0, 110.0)],
    )
    assert _glyphs(page) == []
