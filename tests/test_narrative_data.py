"""The wording read from render/data/narrative.toml: every phrase is a Chinese/English pair whose
English pattern asks for no field the Chinese one lacks, and the outline and glossary are whole."""

from __future__ import annotations

import string

from budgetacct.render.templates import BASE_PHRASES, SUBSECTIONS, get_template


def _fields(pattern: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(pattern) if name}


def test_english_patterns_fill_from_the_chinese_fields() -> None:
    for key, (zh, en) in BASE_PHRASES.items():
        assert _fields(en) <= _fields(zh), key


def test_the_english_item_group_prints_its_own_colon() -> None:
    zh, en = BASE_PHRASES["item_group"]
    assert _fields(zh) - _fields(en) == {"sep"}
    assert "): {items}" in en


def test_the_outline_runs_from_overview_to_glossary() -> None:
    template = get_template("sichuan-2021")
    numbers = [spec.number for spec in template.sections]
    assert numbers == ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", ""]
    assert template.section_keys[0] == "overview"
    assert template.section_keys[-1] == "glossary"


def test_the_glossary_and_content_lists_are_read_in_full() -> None:
    template = get_template("all-lines")
    assert [entry.term for entry in template.glossary][:2] == ["财政拨款收入", "其他收入"]
    assert len(template.glossary) == 8
    assert {entry.requires for entry in template.glossary} >= {"always", "three_public"}
    assert (template.personnel_items[0], template.personnel_items[-1]) == (
        "基本工资",
        "其他对个人和家庭的补助支出",
    )
    assert (template.public_items[0], template.public_items[-1]) == ("办公费", "办公设备购置")


def test_subsection_titles_are_pairs() -> None:
    assert SUBSECTIONS["gpb_overall"] == ("一般公共预算财政拨款支出决算总体情况", "Overall")
    assert all(len(title) == 2 for title in SUBSECTIONS.values())
