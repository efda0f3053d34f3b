"""``read_text``: narrative text from another front end (a PDF's text layer), with a source map."""

from __future__ import annotations

import pytest

from budgetacct.errors import InputError
from budgetacct.reader import read_report, read_text

TEXT = "示例局\n2023年度部门决算\n本年收入合计5万元，比上年增加1万元。\n会议数量同比减少20%。\n"


def test_every_figure_and_unread_sentence_maps_back_to_its_origin() -> None:
    pages = [(1 if index < 20 else 2, index) for index in range(len(TEXT))]
    result = read_text(TEXT, pages)
    revenue = result.sources_for("$.revenue.total")[0]
    assert result.origins(revenue) == tuple(pages[revenue.start : revenue.end])
    assert "".join(TEXT[offset] for _, offset in result.origins(revenue)) == "5万元"
    unread = result.unread[0]
    assert unread.figures == ("20%",)
    assert {page for page, _ in result.origins(unread)} == {2}


def test_without_a_source_map_it_reads_as_read_report() -> None:
    result = read_text(TEXT)
    assert result.origins(result.sources[0]) == ()
    assert result.sources == read_report(TEXT).sources


@pytest.mark.parametrize("source_map", [[0, 1, 2], "abc", b"abc"])
def test_a_source_map_of_another_length_is_refused(source_map: object) -> None:
    with pytest.raises(InputError, match="source map"):
        read_text(TEXT, source_map)  # type: ignore[arg-type]
