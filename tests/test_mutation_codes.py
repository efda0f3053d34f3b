"""codes.catalogue behaviour pinned down by mutation testing (docs/mutation.md).

Building a :class:`Catalogue` directly checks its structure — unique codes, a level matching the
code length, every parent present earlier and a prefix of its children — and each refusal names
the entry (``$.entries[i]``), the value found and what was expected.
"""

from __future__ import annotations

import pytest

from budgetacct import InvalidValue
from budgetacct.codes.catalogue import Catalogue, CatalogueEntry

CLASS = CatalogueEntry("201", "一般公共服务支出", "类", None)
SECTION = CatalogueEntry("20101", "人大事务", "款", "201")
ITEM = CatalogueEntry("2010101", "行政运行", "项", "20101")


def test_a_well_formed_catalogue_is_accepted() -> None:
    cat = Catalogue("function", 2021, (CLASS, SECTION, ITEM))
    assert len(cat) == 3
    assert cat.lookup("2010101") == ITEM
    assert "20101" in cat


@pytest.mark.parametrize(
    ("entries", "path", "found", "expected_zh", "expected_en"),
    [
        ([CLASS], "$.entries", [CLASS], "目录条目元组", "a tuple of catalogue entries"),
        ((CLASS, "20101"), "$.entries[1]", "20101", "CatalogueEntry", "a CatalogueEntry"),
        (
            (CatalogueEntry("2011", "x", "类", None),),
            "$.entries[0].code",
            "2011",
            "3、5或7位数字的科目编码",
            "a 3-, 5- or 7-digit code",
        ),
        (
            (CatalogueEntry("２０１", "x", "类", None),),
            "$.entries[0].code",
            "２０１",
            "3、5或7位数字的科目编码",
            "a 3-, 5- or 7-digit code",
        ),
        (
            (CLASS, SECTION, SECTION),
            "$.entries[2].code",
            "20101",
            "不重复的科目编码",
            "a code not listed before",
        ),
        (
            (CLASS, CatalogueEntry("20101", "人大事务", "项", "201")),
            "$.entries[1].level",
            "项",
            "与编码长度一致的级次“款”",
            "the level matching the code length, 款",
        ),
        (
            (CLASS, CatalogueEntry("20101", "人大事务", "款", "202")),
            "$.entries[1].parent",
            "202",
            "已在前面列出的上级编码 201",
            "the parent code 201, listed earlier",
        ),
        (
            (CLASS, ITEM, SECTION),
            "$.entries[1].parent",
            "20101",
            "已在前面列出的上级编码 20101",
            "the parent code 20101, listed earlier",
        ),
        (
            (CatalogueEntry("201", "x", "类", "2"),),
            "$.entries[0].parent",
            "2",
            "已在前面列出的上级编码 None",
            "the parent code None, listed earlier",
        ),
    ],
)
def test_malformed_catalogues_are_refused_with_the_entry_path(
    entries: object, path: str, found: object, expected_zh: str, expected_en: str
) -> None:
    with pytest.raises(InvalidValue) as info:
        Catalogue("function", 2021, entries)  # type: ignore[arg-type]
    err = info.value
    assert (err.path, err.found) == (path, found)
    assert (err.expected_zh, err.expected_en) == (expected_zh, expected_en)
