"""Tests of budgetacct.codes: code objects, bundled catalogues, validity checks."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import budgetacct
from budgetacct.codes import (
    KINDS,
    BasicExpensePart,
    Catalogue,
    CatalogueEntry,
    CodeLevel,
    EconomicCode,
    EconomicSystem,
    FunctionCode,
    available_years,
    catalogue,
    coverage_note,
    is_valid_economic_code,
    is_valid_function_code,
    nearest_catalogue,
)
from budgetacct.errors import CatalogueError, InvalidValue, UnknownCode

# The catalogue module's name is shadowed by the `catalogue` function on the package.
catalogue_module = sys.modules["budgetacct.codes.catalogue"]

FUNCTION_2021 = catalogue("function", 2021)
DEPARTMENT_2021 = catalogue("economic_department", 2021)
GOVERNMENT_2021 = catalogue("economic_government", 2021)

function_code_texts = st.from_regex(r"[0-9]{3}(?:[0-9]{2}){0,2}", fullmatch=True)
economic_code_texts = st.from_regex(r"[35][0-9]{2}(?:[0-9]{2})?", fullmatch=True)
anything = st.one_of(
    st.text(),
    st.from_type(object),
    st.integers(),
    st.none(),
    st.binary(),
    st.floats(),
    function_code_texts,
    economic_code_texts,
    st.builds(FunctionCode, function_code_texts),
)
any_year = st.one_of(st.none(), st.integers(), st.just(2021), st.booleans(), st.text(), st.from_type(object))


def constructs(cls: type[FunctionCode] | type[EconomicCode], value: object) -> bool:
    try:
        cls(value)  # type: ignore[arg-type]
    except InvalidValue:
        return False
    return True


# --- FunctionCode: levels, parents, ancestors ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level", "parent", "ancestors"),
    [
        ("201", CodeLevel.CLASS, None, ()),
        ("20103", CodeLevel.SECTION, "201", ("201",)),
        ("2010301", CodeLevel.ITEM, "20103", ("201", "20103")),
    ],
)
def test_function_code_structure(
    text: str, level: CodeLevel, parent: str | None, ancestors: tuple[str, ...]
) -> None:
    code = FunctionCode(text)
    assert code.level is level
    assert code.level.value == {"201": "类", "20103": "款", "2010301": "项"}[text]
    assert (None if code.parent is None else code.parent.code) == parent
    assert tuple(a.code for a in code.ancestors) == ancestors
    assert code.class_code == FunctionCode("201")
    assert str(code) == text
    assert all(a.is_ancestor_of(code) for a in code.ancestors)
    assert not code.is_ancestor_of(code)


def test_is_ancestor_of_is_prefix_based_and_type_strict() -> None:
    assert FunctionCode("201").is_ancestor_of(FunctionCode("20103"))
    assert not FunctionCode("201").is_ancestor_of(FunctionCode("2080505"))
    assert not FunctionCode("2010301").is_ancestor_of(FunctionCode("20103"))
    assert not FunctionCode("301").is_ancestor_of(EconomicCode("30101"))  # type: ignore[arg-type]


@given(function_code_texts)
def test_function_code_chain_properties(text: str) -> None:
    code = FunctionCode(text)
    assert len(code.ancestors) == {3: 0, 5: 1, 7: 2}[len(text)]
    assert code.level.digits == len(text)
    if code.parent is None:
        assert code.level is CodeLevel.CLASS
        assert code.class_code == code
    else:
        assert code.ancestors[-1] == code.parent
        assert code.parent.is_ancestor_of(code)
        assert code.ancestors[0] == code.class_code
        assert code.parent < code  # order is code text, i.e. catalogue pre-order


SEED_NAMES = {
    "2010301": "行政运行",
    "2010302": "一般行政管理事务",
    "2010350": "事业运行",
    "2080501": "行政单位离退休",
    "2080505": "机关事业单位基本养老保险缴费支出",
    "2101101": "行政单位医疗",
    "2101102": "事业单位医疗",
    "2101103": "公务员医疗补助",
    "2210201": "住房公积金",
    "201": "一般公共服务支出",
    "208": "社会保障和就业支出",
    "210": "卫生健康支出",
    "221": "住房保障支出",
    "20103": "政府办公厅（室）及相关机构事务",
    "20805": "行政事业单位养老支出",
    "21011": "行政事业单位医疗",
    "22102": "住房改革支出",
}


@pytest.mark.parametrize(("text", "name"), sorted(SEED_NAMES.items()))
def test_seed_function_code_names(text: str, name: str) -> None:
    code = FunctionCode(text)
    assert code.name(2021) == name
    entry = code.entry(2021)
    assert entry == CatalogueEntry(
        text, name, code.level.value, None if code.parent is None else code.parent.code
    )
    assert is_valid_function_code(text, 2021)


@pytest.mark.parametrize(
    "value",
    [
        "２０１",  # full-width digits
        "²01",  # superscript
        "٢٠١",  # Arabic-Indic digits
        "2010",  # 4 digits
        "201030",
        "20103011",
        "20",
        "",
        "2010301 ",
        " 201",
        "201\n",
        "20 1",
        "2O1",
        "-201",
        "+201",
        "201.",
        201,
        2010301,
        201.0,
        None,
        b"201",
        ["201"],
        True,
    ],
)
def test_invalid_function_codes_raise(value: object) -> None:
    with pytest.raises(InvalidValue) as info:
        FunctionCode(value)  # type: ignore[arg-type]
    assert info.value.found == value
    assert info.value.expected_zh == "3、5或7位数字的功能分类科目编码"
    assert info.value.expected_en == "a 3-, 5- or 7-digit function classification code"
    assert isinstance(info.value, ValueError)
    assert not is_valid_function_code(value)
    assert not is_valid_function_code(value, 2021)


def test_unknown_function_code() -> None:
    code = FunctionCode("2099999")  # well-formed, not in the 2021 catalogue
    with pytest.raises(UnknownCode) as info:
        code.name(2021)
    assert (info.value.code, info.value.year, info.value.catalogue) == ("2099999", 2021, "支出功能分类科目")
    assert isinstance(info.value, LookupError)
    assert is_valid_function_code("2099999")
    assert not is_valid_function_code("2099999", 2021)
    with pytest.raises(UnknownCode):
        FUNCTION_2021.lookup("2099999")


def test_name_for_a_year_without_catalogue_is_a_catalogue_error() -> None:
    with pytest.raises(CatalogueError):
        FunctionCode("201").name(1999)
    assert not is_valid_function_code("201", 1999)


@pytest.mark.parametrize(
    ("printed", "code"),
    [
        ("2010301", "2010301"),
        ("201 03 01", "2010301"),
        ("201　03　01", "2010301"),  # ideographic spaces
        ("[2010301]", "2010301"),
        ("［2010301］", "2010301"),
        ("【2010301】", "2010301"),
        ("（201）（03）（01）", "2010301"),
        ("(201)(03)(01)", "2010301"),
        ("(201) (03) (01)", "2010301"),
        ("（208）（05）", "20805"),
        (" 221 ", "221"),
        ("[201 03 01]", "2010301"),
        ("20103 01", "2010301"),
    ],
)
def test_parse_printed_forms(printed: str, code: str) -> None:
    assert FunctionCode.parse(printed) == FunctionCode(code)


@pytest.mark.parametrize(
    "printed",
    [
        "２０１０３０１",
        "（２０１）（０３）（０１）",
        "20 10 301",
        "(201)(3)(01)",
        "(201)03",
        "[]",
        "",
        "2010",
        2010301,
    ],
)
def test_parse_rejects(printed: object) -> None:
    with pytest.raises(InvalidValue):
        FunctionCode.parse(printed)  # type: ignore[arg-type]


@given(function_code_texts)
def test_parse_of_grouped_and_bracketed_forms_roundtrips(text: str) -> None:
    groups = [text[:3], *(text[i : i + 2] for i in range(3, len(text), 2))]
    assert FunctionCode.parse(" ".join(groups)).code == text
    assert FunctionCode.parse("".join(f"（{g}）" for g in groups)).code == text
    assert FunctionCode.parse(f"[{text}]").code == text


# --- validity checks never raise and agree with the constructor ---------------------------------


@given(anything, any_year)
def test_is_valid_never_raises(value: object, year: object) -> None:
    assert is_valid_function_code(value, year) in (True, False)  # type: ignore[arg-type]
    assert is_valid_economic_code(value, year) in (True, False)  # type: ignore[arg-type]


@given(st.one_of(anything, function_code_texts, economic_code_texts))
def test_is_valid_agrees_with_constructor(value: object) -> None:
    assert is_valid_function_code(value) == constructs(FunctionCode, value)
    assert is_valid_economic_code(value) == constructs(EconomicCode, value)


@given(st.one_of(function_code_texts, st.sampled_from([e.code for e in FUNCTION_2021])))
def test_is_valid_with_year_agrees_with_catalogue(text: str) -> None:
    assert is_valid_function_code(text, 2021) == (text in FUNCTION_2021)
    assert is_valid_function_code(text, 2021) == (FUNCTION_2021.get(FunctionCode(text)) is not None)


@given(
    st.one_of(
        economic_code_texts,
        st.sampled_from([e.code for e in DEPARTMENT_2021]),
        st.sampled_from([e.code for e in GOVERNMENT_2021]),
    )
)
def test_is_valid_economic_with_year_agrees_with_catalogue(text: str) -> None:
    expected = text in (DEPARTMENT_2021 if text.startswith("3") else GOVERNMENT_2021)
    assert is_valid_economic_code(text, 2021) == expected


def test_is_valid_with_odd_years() -> None:
    assert not is_valid_function_code("201", True)
    assert not is_valid_function_code("201", "2021")  # type: ignore[arg-type]
    assert not is_valid_function_code("201", 10**100)
    assert not is_valid_economic_code("301", -5)


# --- catalogue data -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_every_catalogue_row_is_consistent(kind: str) -> None:
    cat = catalogue(kind, 2021)  # type: ignore[arg-type]
    codes = [entry.code for entry in cat]
    assert len(codes) == len(set(codes)) == len(cat)
    seen: set[str] = set()
    for entry in cat:
        if entry.parent is None:
            assert entry.level == "类"
        else:
            assert entry.parent in cat
            assert entry.parent in seen  # parents come first: catalogue order is pre-order
            assert entry.code.startswith(entry.parent)
            assert len(entry.code) == len(entry.parent) + 2
        code = FunctionCode(entry.code) if kind == "function" else EconomicCode(entry.code)
        assert code.level.value == entry.level == entry.code_level.value
        assert (None if code.parent is None else code.parent.code) == entry.parent
        assert entry.name
        assert entry.name == entry.name.strip()
        seen.add(entry.code)


def test_catalogue_sizes_match_provenance() -> None:
    assert [FUNCTION_2021.count(level) for level in CodeLevel] == [29, 188, 368]
    assert [DEPARTMENT_2021.count(level) for level in CodeLevel] == [10, 98, 0]
    assert [GOVERNMENT_2021.count(level) for level in CodeLevel] == [15, 64, 0]
    assert all(EconomicCode(e.code).system is EconomicSystem.DEPARTMENT for e in DEPARTMENT_2021)
    assert all(EconomicCode(e.code).system is EconomicSystem.GOVERNMENT for e in GOVERNMENT_2021)


def test_children_and_roots() -> None:
    assert [e.code for e in FUNCTION_2021.children("21011")] == ["2101101", "2101102", "2101103", "2101199"]
    assert [e.code for e in FUNCTION_2021.children(FunctionCode("22102"))] == [
        "2210201",
        "2210202",
        "2210203",
    ]
    assert FUNCTION_2021.children(None) == FUNCTION_2021.roots() == FUNCTION_2021.children()
    roots = [e.code for e in FUNCTION_2021.roots()]
    assert len(roots) == 29
    assert roots == sorted(roots)
    assert {"201", "208", "210", "221"} <= set(roots)
    assert not {"209", "218", "225", "226", "228"} & set(roots)
    assert FUNCTION_2021.children("2010301") == ()
    assert len(FUNCTION_2021.children("201")) == 26
    assert len(FUNCTION_2021.children("208")) == 20
    with pytest.raises(UnknownCode):
        FUNCTION_2021.children("2099999")
    assert [e.code for e in DEPARTMENT_2021.roots()] == [
        "301",
        "302",
        "303",
        "307",
        "309",
        "310",
        "311",
        "312",
        "313",
        "399",
    ]


@given(st.sampled_from([e.code for e in FUNCTION_2021]))
def test_children_point_back_to_parent(text: str) -> None:
    for child in FUNCTION_2021.children(text):
        assert child.parent == text
        assert FunctionCode(text).is_ancestor_of(FunctionCode(child.code))


def test_search() -> None:
    assert "2210201" in [e.code for e in FUNCTION_2021.search("住房公积金")]
    assert [e.code for e in FUNCTION_2021.search("行政事业单位养老支出")] == ["20805", "2080599"]
    # a trailing 支出 in the query is optional
    assert "21011" in [e.code for e in FUNCTION_2021.search("行政事业单位医疗支出")]
    # half-width brackets find full-width ones
    assert "20103" in [e.code for e in FUNCTION_2021.search("政府办公厅(室)")]
    assert [e.code for e in DEPARTMENT_2021.search("公务接待")] == ["30217"]
    assert FUNCTION_2021.search("") == FUNCTION_2021.search("  ") == ()
    assert FUNCTION_2021.search("没有这种科目") == ()
    hits = FUNCTION_2021.search("行政运行")
    assert len(hits) > 10
    assert all("行政运行" in e.name for e in hits)
    assert [e.code for e in hits] == [e.code for e in FUNCTION_2021 if e in hits]  # catalogue order


def test_lookup_get_contains() -> None:
    assert FUNCTION_2021.lookup(FunctionCode("2010301")).name == "行政运行"
    assert FUNCTION_2021.get("nonsense") is None
    assert FUNCTION_2021.get(201) is None
    assert 201 not in FUNCTION_2021
    assert FunctionCode("201") in FUNCTION_2021
    assert "30217" in DEPARTMENT_2021
    assert "30217" not in FUNCTION_2021
    with pytest.raises(InvalidValue):
        FUNCTION_2021.lookup(201)  # type: ignore[arg-type]
    with pytest.raises(UnknownCode) as info:
        DEPARTMENT_2021.lookup("30298")
    assert info.value.catalogue == "部门预算支出经济分类科目"
    with pytest.raises(UnknownCode) as info:
        GOVERNMENT_2021.lookup("59998")
    assert info.value.catalogue == "政府预算支出经济分类科目"


def test_catalogue_selection() -> None:
    for kind in KINDS:
        assert available_years(kind) == (2021,)
        assert catalogue(kind, 2021) is catalogue(kind, 2021)  # cached
    cat, exact = nearest_catalogue("function", 2023)
    assert (cat, exact) == (FUNCTION_2021, False)
    assert nearest_catalogue("function", 2021) == (FUNCTION_2021, True)
    assert nearest_catalogue("economic_department", 1990) == (DEPARTMENT_2021, False)
    with pytest.raises(CatalogueError):
        catalogue("function", 2023)
    with pytest.raises(CatalogueError):
        catalogue("revenue", 2021)  # type: ignore[arg-type]
    with pytest.raises(CatalogueError):
        available_years("revenue")  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        catalogue("function", "2021")  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        nearest_catalogue("function", True)


def test_nearest_catalogue_ties_go_to_the_earlier_year(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalogue_module, "available_years", lambda kind: (2019, 2021, 2024))
    monkeypatch.setattr(
        catalogue_module, "_load_catalogue", lambda kind, year: Catalogue(kind=kind, year=year, entries=())
    )

    def pick(year: int) -> tuple[int, bool]:
        cat, exact = nearest_catalogue("function", year)
        return cat.year, exact

    assert pick(2020) == (2019, False)
    assert pick(2022) == (2021, False)
    assert pick(2023) == (2024, False)
    assert pick(2024) == (2024, True)
    assert pick(1900) == (2019, False)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("year", [2021, 2023, 1990])
def test_coverage_note(kind: str, year: int) -> None:
    zh, en = coverage_note(kind, year)  # type: ignore[arg-type]
    cat = catalogue(kind, 2021)  # type: ignore[arg-type]
    assert zh.startswith(f"2021年{cat.title_zh}为自带的部分目录（共{len(cat)}条")
    assert "partial" in en
    assert "2021" in en
    assert str(len(cat)) in en
    assert zh.endswith("。")
    assert en.endswith(".")


def test_catalogue_is_immutable_and_picklable() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        FUNCTION_2021.year = 2022  # type: ignore[misc]
    copy = pickle.loads(pickle.dumps(FUNCTION_2021))
    assert copy == FUNCTION_2021
    assert copy.lookup("2010301").name == "行政运行"


@pytest.mark.parametrize(
    "entries",
    [
        (CatalogueEntry("20101", "x", "款", "201"),),  # parent missing
        (CatalogueEntry("201", "x", "类", None), CatalogueEntry("20101", "y", "项", "201")),  # wrong level
        (CatalogueEntry("201", "x", "类", None), CatalogueEntry("20101", "y", "款", "202")),  # wrong parent
        (CatalogueEntry("201", "x", "类", None), CatalogueEntry("201", "y", "类", None)),  # duplicate
        (CatalogueEntry("2O1", "x", "类", None),),  # not digits
        [CatalogueEntry("201", "x", "类", None)],  # not a tuple
    ],
)
def test_catalogue_rejects_broken_structure(entries: object) -> None:
    with pytest.raises(InvalidValue):
        Catalogue(kind="function", year=2021, entries=entries)  # type: ignore[arg-type]


def test_catalogue_entry_rejects_unknown_level() -> None:
    with pytest.raises(ValueError, match="level"):
        CatalogueEntry("201", "x", "级", None)


def test_import_is_lazy() -> None:
    src = str(Path(budgetacct.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    script = (
        "import sys, budgetacct.codes as c\n"
        "m = sys.modules['budgetacct.codes.catalogue']\n"
        "print(m._read_rows.cache_info().currsize, m._year_files.cache_info().currsize,"
        " m._load_catalogue.cache_info().currsize)\n"
        "c.FunctionCode('2010301').level\n"
        "print(m._read_rows.cache_info().currsize)\n"
        "c.FunctionCode('2010301').name(2021)\n"
        "print(m._read_rows.cache_info().currsize)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["0", "0", "0", "0", "1"]


# --- EconomicCode --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("30101", BasicExpensePart.PERSONNEL),
        ("30302", BasicExpensePart.PERSONNEL),
        ("301", BasicExpensePart.PERSONNEL),
        ("30217", BasicExpensePart.PUBLIC),
        ("31002", BasicExpensePart.PUBLIC),
        ("30701", BasicExpensePart.PUBLIC),
        ("39999", BasicExpensePart.PUBLIC),
        ("31101", None),
        ("50101", None),
        ("502", None),
    ],
)
def test_basic_expense_part(text: str, part: BasicExpensePart | None) -> None:
    assert EconomicCode(text).basic_expense_part is part


def test_basic_expense_split_classes_exist() -> None:
    split = catalogue_module._basic_expense_split()
    assert set(split) == {"301", "302", "303", "307", "309", "310", "399"}
    assert all(code in DEPARTMENT_2021 for code in split)
    assert {BasicExpensePart(part) for part in split.values()} == set(BasicExpensePart)


def test_economic_code_structure_and_names() -> None:
    code = EconomicCode("30217")
    assert code.system is EconomicSystem.DEPARTMENT
    assert code.level is CodeLevel.SECTION
    assert code.parent == EconomicCode("302") == code.class_code
    assert code.ancestors == (EconomicCode("302"),)
    assert code.name(2021) == "公务接待费"
    assert code.entry(2021).parent == "302"
    assert EconomicCode("302").level is CodeLevel.CLASS
    assert EconomicCode("302").parent is None
    assert EconomicCode("302").is_ancestor_of(code)
    assert not code.is_ancestor_of(EconomicCode("302"))
    assert EconomicCode("50101").system is EconomicSystem.GOVERNMENT
    assert EconomicCode("50101").name(2021) == "工资奖金津补贴"
    assert str(code) == "30217"
    assert EconomicCode.parse("（302）（17）") == code == EconomicCode.parse("302 17")
    with pytest.raises(UnknownCode):
        EconomicCode("30298").name(2021)


@pytest.mark.parametrize(
    "value", ["401", "40101", "101", "001", "3010", "3010101", "３０１", "30", "", " 301", 301, None, 3.01]
)
def test_invalid_economic_codes_raise(value: object) -> None:
    with pytest.raises(InvalidValue) as info:
        EconomicCode(value)  # type: ignore[arg-type]
    assert info.value.found == value
    assert not is_valid_economic_code(value)


def test_government_equivalent() -> None:
    assert EconomicCode("30101").government_equivalent(2021) == EconomicCode("50101")
    assert EconomicCode("30217").government_equivalent(2021) == EconomicCode("50206")
    assert EconomicCode("30107").government_equivalent(2021) is None  # 绩效工资: 事业单位 only
    assert EconomicCode("301").government_equivalent(2021) is None
    assert EconomicCode("50101").government_equivalent(2021) is None
    with pytest.raises(CatalogueError):
        EconomicCode("30101").government_equivalent(1999)


def test_mapping_rows_are_in_the_catalogues() -> None:
    mapping = catalogue_module._dept_to_gov(2021)
    assert len(mapping) == 41
    for dept, gov in mapping.items():
        assert dept in DEPARTMENT_2021
        assert gov in GOVERNMENT_2021
        assert EconomicCode(dept).government_equivalent(2021) == EconomicCode(gov)


# --- value semantics ----------------------------------------------------------------------------


@given(st.one_of(st.builds(FunctionCode, function_code_texts), st.builds(EconomicCode, economic_code_texts)))
def test_codes_pickle_roundtrip(code: FunctionCode | EconomicCode) -> None:
    copy = pickle.loads(pickle.dumps(code))
    assert copy == code
    assert hash(copy) == hash(code)
    assert type(copy) is type(code)


def test_codes_are_frozen_ordered_and_hashable() -> None:
    codes = [FunctionCode("20103"), FunctionCode("2010301"), FunctionCode("201"), FunctionCode("20102")]
    assert [c.code for c in sorted(codes)] == ["201", "20102", "20103", "2010301"]
    assert len({FunctionCode("201"), FunctionCode("201")}) == 1
    economic: object = EconomicCode("301")
    assert FunctionCode("301") != economic
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        FunctionCode("201").code = "202"  # type: ignore[misc]
    with pytest.raises(TypeError):
        _ = FunctionCode("301") < EconomicCode("302")  # type: ignore[operator]


def test_str_subclasses_are_stored_as_plain_str() -> None:
    class Text(str):
        pass

    code = FunctionCode(Text("2010301"))
    assert type(code.code) is str
    assert code == FunctionCode("2010301")
    assert type(EconomicCode(Text("30217")).code) is str


def test_enums_carry_chinese_names() -> None:
    assert [level.value for level in CodeLevel] == ["类", "款", "项"]
    assert EconomicSystem.DEPARTMENT.value == "部门预算支出经济分类"
    assert EconomicSystem.GOVERNMENT.value == "政府预算支出经济分类"
    assert BasicExpensePart.PERSONNEL.value == "人员经费"
    assert BasicExpensePart.PUBLIC.value == "公用经费"
    assert EconomicSystem.DEPARTMENT.kind == "economic_department"
