"""budgetacct.codes behaviour pinned down by mutation testing (docs/mutation.md).

Building a :class:`Catalogue` directly checks its structure — unique codes, a level matching the
code length, every parent present earlier and a prefix of its children — and each refusal names
the entry (``$.entries[i]``), the value found and what was expected (the wordings of the messages
are in the reviewed snapshot ``tests/__snapshots__/test_mutation_codes.ambr``).  Then: children, search
and lookup of a catalogue built in the test, ``CodeLevel.of``, the argument checks of
``catalogue()``/``nearest_catalogue()``, and ``parse``/``of`` of the code classes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from budgetacct import InvalidValue
from budgetacct.codes import (
    CodeLevel,
    EconomicCode,
    FunctionCode,
    available_years,
    catalogue,
    is_valid_economic_code,
    is_valid_function_code,
    nearest_catalogue,
)
from budgetacct.codes._parse import INTERN_LIMIT
from budgetacct.codes.catalogue import Catalogue, CatalogueEntry
from budgetacct.errors import CatalogueError, UnknownCode

# The module names are shadowed by the functions and classes the package re-exports.
catalogue_module = sys.modules["budgetacct.codes.catalogue"]
function_module = sys.modules["budgetacct.codes.function"]
economic_module = sys.modules["budgetacct.codes.economic"]

CLASS = CatalogueEntry("201", "一般公共服务支出", "类", None)
SECTION = CatalogueEntry("20101", "人大事务", "款", "201")
ITEM = CatalogueEntry("2010101", "行政运行", "项", "20101")


def test_a_well_formed_catalogue_is_accepted() -> None:
    cat = Catalogue("function", 2021, (CLASS, SECTION, ITEM))
    assert len(cat) == 3
    assert cat.lookup("2010101") == ITEM
    assert "20101" in cat


@pytest.mark.parametrize(
    ("entries", "path", "found"),
    [
        pytest.param([CLASS], "$.entries", [CLASS], id="a-list"),
        pytest.param((CLASS, "20101"), "$.entries[1]", "20101", id="not-an-entry"),
        pytest.param(
            (CatalogueEntry("2011", "x", "类", None),), "$.entries[0].code", "2011", id="code-length"
        ),
        pytest.param(
            (CatalogueEntry("２０１", "x", "类", None),), "$.entries[0].code", "２０１", id="code-wide"
        ),
        pytest.param((CLASS, SECTION, SECTION), "$.entries[2].code", "20101", id="code-twice"),
        pytest.param(
            (CLASS, CatalogueEntry("20101", "人大事务", "项", "201")), "$.entries[1].level", "项", id="level"
        ),
        pytest.param(
            (CLASS, CatalogueEntry("20101", "人大事务", "款", "202")),
            "$.entries[1].parent",
            "202",
            id="parent-unknown",
        ),
        pytest.param((CLASS, ITEM, SECTION), "$.entries[1].parent", "20101", id="parent-later"),
        pytest.param(
            (CatalogueEntry("201", "x", "类", "2"),), "$.entries[0].parent", "2", id="class-with-parent"
        ),
    ],
)
def test_malformed_catalogues_are_refused_with_the_entry_path(
    entries: object, path: str, found: object, messages: Callable[..., None]
) -> None:
    with pytest.raises(InvalidValue) as info:
        Catalogue("function", 2021, entries)  # type: ignore[arg-type]
    err = info.value
    assert (err.path, err.found) == (path, found)
    messages(err)


# --- a catalogue built in the test: children, search, lookup ------------------------------------
# The bundled catalogues are loaded once and cached, so these tests build their own.

OFFICE = CatalogueEntry("20103", "政府办公厅（室）及相关机构事务", "款", "201")
OFFICE_RUN = CatalogueEntry("2010301", "行政运行", "项", "20103")
MEDICAL = CatalogueEntry("210", "卫生健康支出", "类", None)
MEDICAL_UNITS = CatalogueEntry("21011", "行政事业单位医疗", "款", "210")


def small_catalogue() -> Catalogue:
    return Catalogue("function", 2021, (CLASS, SECTION, ITEM, OFFICE, OFFICE_RUN, MEDICAL, MEDICAL_UNITS))


def test_children_of_a_built_catalogue_follow_the_parents_in_catalogue_order() -> None:
    cat = small_catalogue()
    assert cat.children() == cat.roots() == (CLASS, MEDICAL)
    assert cat.children("201") == (SECTION, OFFICE)
    assert cat.children(FunctionCode("20101")) == (ITEM,)
    assert cat.children("210") == (MEDICAL_UNITS,)
    assert cat.children("2010101") == ()
    with pytest.raises(UnknownCode) as info:
        cat.children("202")
    assert (info.value.code, info.value.year, info.value.catalogue) == ("202", 2021, "支出功能分类科目")


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("行政运行", ["2010101", "2010301"]),
        ("行政 运行", ["2010101", "2010301"]),  # whitespace in the query is ignored
        ("行政　运行", ["2010101", "2010301"]),  # so is an ideographic space
        ("政府办公厅(室)", ["20103"]),  # half-width brackets find full-width ones
        ("ＨＡＮ", []),
        ("卫生健康支出", ["210"]),
        ("行政事业单位医疗支出", ["21011"]),  # the trailing 支出 is optional
        ("支出", ["201", "210"]),  # … but 支出 alone does not match everything
        ("", []),
        (" \t", []),
    ],
)
def test_search_of_a_built_catalogue(text: str, codes: list[str]) -> None:
    assert [entry.code for entry in small_catalogue().search(text)] == codes


def test_search_ignores_whitespace_and_width_in_names_too() -> None:
    entries = (
        CatalogueEntry("201", "一般 公共服务", "类", None),
        CatalogueEntry("20101", "ＩＴ运维", "款", "201"),
    )
    cat = Catalogue("function", 2021, entries)
    assert cat.search("一般公共") == (entries[0],)
    assert cat.search("IT") == (entries[1],)


@pytest.mark.parametrize("text", [None, 201, b"201"])
def test_search_refuses_non_text(text: object, messages: Callable[..., None]) -> None:
    with pytest.raises(InvalidValue) as info:
        small_catalogue().search(text)  # type: ignore[arg-type]
    err = info.value
    assert (err.path, err.found) == ("$", text)
    messages(err)


class _Coded:
    def __init__(self, code: object) -> None:
        self.code = code


def test_lookup_and_get_accept_any_object_with_a_code_string() -> None:
    cat = small_catalogue()
    assert cat.lookup(_Coded("20103")) == OFFICE
    assert cat.get(_Coded("20103")) == OFFICE
    assert _Coded("210") in cat
    assert cat.get(_Coded(201)) is None
    assert cat.get(_Coded(["201"])) is None  # never raises, even for an unhashable code
    assert cat.get(object()) is None


@pytest.mark.parametrize("code", [201, None, _Coded(201), _Coded(["201"]), object()])
def test_lookup_refuses_what_is_not_a_code(code: object, messages: Callable[..., None]) -> None:
    with pytest.raises(InvalidValue) as info:
        small_catalogue().lookup(code)  # type: ignore[arg-type]
    err = info.value
    assert (err.path, err.found) == ("$", code)
    messages(err)


def test_lookup_of_a_missing_code_names_code_year_and_catalogue() -> None:
    cat = Catalogue("economic_department", 2019, (CatalogueEntry("301", "工资福利支出", "类", None),))
    with pytest.raises(UnknownCode) as info:
        cat.lookup("30101")
    assert (info.value.code, info.value.year, info.value.catalogue) == (
        "30101",
        2019,
        "部门预算支出经济分类科目",
    )


def test_count_by_level() -> None:
    cat = small_catalogue()
    assert [cat.count(level) for level in CodeLevel] == [2, 3, 2]


# --- CodeLevel.of -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "level", "digits", "english"),
    [
        ("201", CodeLevel.CLASS, 3, "class"),
        ("20101", CodeLevel.SECTION, 5, "section"),
        ("2010101", CodeLevel.ITEM, 7, "item"),
    ],
)
def test_code_level_of(code: str, level: CodeLevel, digits: int, english: str) -> None:
    assert CodeLevel.of(code) is level
    assert (level.digits, level.english) == (digits, english)


@pytest.mark.parametrize("code", ["", "2", "20", "2010", "201010", "20101010"])
def test_code_level_of_refuses_other_lengths(code: str, messages: Callable[..., None]) -> None:
    with pytest.raises(InvalidValue) as info:
        CodeLevel.of(code)
    err = info.value
    assert (err.path, err.found) == ("$", code)
    messages(err)


# --- catalogue() / nearest_catalogue() argument checks ------------------------------------------


@pytest.mark.parametrize("call", [catalogue, nearest_catalogue, available_years])
def test_an_unknown_kind_is_a_catalogue_error_naming_the_known_kinds(
    call: object, messages: Callable[..., None]
) -> None:
    args = ("revenue",) if call is available_years else ("revenue", 2021)
    with pytest.raises(CatalogueError) as info:
        call(*args)  # type: ignore[operator]
    for text in (info.value.zh, info.value.en):
        assert "'revenue'" in text
        assert "function" in text and "economic_department" in text and "economic_government" in text
    messages(info.value)


@pytest.mark.parametrize("call", [catalogue, nearest_catalogue])
@pytest.mark.parametrize("year", ["2021", 2021.0, True, None])
def test_a_year_that_is_not_an_integer_is_refused(
    call: object, year: object, messages: Callable[..., None]
) -> None:
    with pytest.raises(InvalidValue) as info:
        call("function", year)  # type: ignore[operator]
    err = info.value
    assert (err.path, err.found) == ("$", year)
    messages(err)


@pytest.mark.parametrize(
    ("years", "shown"),
    [((2021,), "2021"), ((2019, 2021), "2019、2021"), ((), "无")],
    ids=["one-year", "two-years", "no-year"],
)
def test_a_year_not_bundled_names_the_bundled_years(
    monkeypatch: pytest.MonkeyPatch, years: tuple[int, ...], shown: str, messages: Callable[..., None]
) -> None:
    monkeypatch.setattr(catalogue_module, "available_years", lambda kind: years)
    with pytest.raises(CatalogueError) as info:
        catalogue("economic_government", 2023)
    assert info.value.zh.endswith(f"{shown}）")
    assert info.value.en.endswith(f"{shown})")
    messages(info.value)


def test_nearest_catalogue_without_any_bundled_year(
    monkeypatch: pytest.MonkeyPatch, messages: Callable[..., None]
) -> None:
    monkeypatch.setattr(catalogue_module, "available_years", lambda kind: ())
    with pytest.raises(CatalogueError) as info:
        nearest_catalogue("function", 2021)
    messages(info.value)


def test_the_basic_expense_split_comes_from_the_latest_year_holding_it() -> None:
    assert catalogue_module._latest_year_with("basic_expense_split.csv") == 2021
    assert catalogue_module._latest_year_with("no_such_file.csv") is None


# --- FunctionCode / EconomicCode: parse, of, validation -----------------------------------------


@pytest.mark.parametrize(
    "printed",
    [
        "20 103",  # the first group has 3 or 5 digits
        "2 01 03 01",
        "201 0301",  # later groups have 2 digits
        "(201)(0301)",
        "201 03 1",
        "2010",  # well laid out, but not a code
        "[2O1]",
        "２０１",
        "",
        2010301,
        None,
    ],
)
def test_function_code_parse_refuses_with_its_own_message(
    printed: object, messages: Callable[..., None]
) -> None:
    with pytest.raises(InvalidValue) as info:
        FunctionCode.parse(printed)  # type: ignore[arg-type]
    err = info.value
    assert (err.path, err.found) == ("$", printed)
    messages(err)


@pytest.mark.parametrize(
    "printed", ["30 217", "302 017", "(302)(017)", "401", "40101", "3021", "３０２", "[]", "", 30217, None]
)
def test_economic_code_parse_refuses_with_its_own_message(
    printed: object, messages: Callable[..., None]
) -> None:
    with pytest.raises(InvalidValue) as info:
        EconomicCode.parse(printed)  # type: ignore[arg-type]
    err = info.value
    assert (err.path, err.found) == ("$", printed)
    messages(err)


@pytest.mark.parametrize(
    ("printed", "code"),
    [("302 17", "30217"), ("（302）（17）", "30217"), ("【310】", "310"), (" 50101 ", "50101")],
)
def test_economic_code_parse(printed: str, code: str) -> None:
    assert EconomicCode.parse(printed) == EconomicCode(code)


@pytest.mark.parametrize("value", ["401", "3010", "", 301, None])
def test_economic_code_refusal_names_what_was_expected(value: object, messages: Callable[..., None]) -> None:
    with pytest.raises(InvalidValue) as info:
        EconomicCode(value)  # type: ignore[arg-type]
    err = info.value
    assert (err.path, err.found) == ("$", value)
    messages(err)


@pytest.mark.parametrize(
    ("cls", "text"),
    [(FunctionCode, "9876543"), (FunctionCode, "987"), (EconomicCode, "39876"), (EconomicCode, "598")],
)
def test_of_shares_one_instance_per_code(cls: type[FunctionCode] | type[EconomicCode], text: str) -> None:
    first = cls.of(text)
    assert first == cls(text)
    assert cls.of(text) is first
    assert cls.of("".join(text)) is first  # an equal string, not the same object


@pytest.mark.parametrize("cls", [FunctionCode, EconomicCode])
@pytest.mark.parametrize("value", [301, None, ["301"], b"301"])
def test_of_refuses_what_the_constructor_refuses(
    cls: type[FunctionCode] | type[EconomicCode], value: object
) -> None:
    with pytest.raises(InvalidValue) as info:
        cls.of(value)  # type: ignore[arg-type]
    assert info.value.found == value


def test_of_stops_sharing_when_the_table_is_full(monkeypatch: pytest.MonkeyPatch) -> None:
    full_function = {f"x{n}": FunctionCode("201") for n in range(INTERN_LIMIT)}
    full_economic = {f"x{n}": EconomicCode("301") for n in range(100_000)}
    monkeypatch.setattr(FunctionCode, "_INTERNED", full_function)
    monkeypatch.setattr(EconomicCode, "_INTERNED", full_economic)
    assert FunctionCode.of("2010301") is not FunctionCode.of("2010301")
    assert EconomicCode.of("30217") is not EconomicCode.of("30217")
    assert len(full_function) == len(full_economic) == 100_000


@pytest.mark.parametrize("cls", [FunctionCode, EconomicCode])
def test_a_code_is_not_its_own_ancestor(cls: type[FunctionCode] | type[EconomicCode]) -> None:
    assert not cls("301").is_ancestor_of(cls("301"))  # type: ignore[arg-type]
    assert not cls("30101").is_ancestor_of(cls("301"))  # type: ignore[arg-type]
    assert cls("301").is_ancestor_of(cls("30101"))  # type: ignore[arg-type]


def test_is_ancestor_of_needs_a_code_of_the_same_kind() -> None:
    assert not EconomicCode("301").is_ancestor_of(FunctionCode("30101"))  # type: ignore[arg-type]
    assert not FunctionCode("301").is_ancestor_of(EconomicCode("30101"))  # type: ignore[arg-type]


@pytest.mark.parametrize("year", ["2021", 2021.0, True])
def test_is_valid_with_a_year_that_is_not_an_integer(year: object) -> None:
    assert not is_valid_economic_code("30217", year)  # type: ignore[arg-type]
    assert not is_valid_function_code("2010301", year)  # type: ignore[arg-type]


def test_is_valid_without_a_year_checks_the_form_only() -> None:
    assert is_valid_function_code("9999999") is True
    assert is_valid_economic_code("39999") is True
    assert is_valid_economic_code("59999") is True


def test_is_valid_never_raises_even_when_a_catalogue_cannot_be_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(kind: str, year: int) -> Catalogue:
        raise CatalogueError("坏", "broken")

    monkeypatch.setattr(function_module, "catalogue", broken)
    monkeypatch.setattr(economic_module, "catalogue", broken)
    assert is_valid_function_code("2010301", 2021) is False
    assert is_valid_economic_code("30217", 2021) is False
    assert is_valid_economic_code("50101", 2021) is False
