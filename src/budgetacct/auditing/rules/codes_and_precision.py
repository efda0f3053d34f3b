"""B.10 formatting and codes: one money unit, catalogue codes and names, decimals (R55, R56, R58)."""

from __future__ import annotations

from collections.abc import Sequence

from budgetacct.auditing.check import Checker
from budgetacct.codes import CatalogueEntry, FunctionCode, coverage_note, nearest_catalogue
from budgetacct.codes.former import is_former_name
from budgetacct.model.disclosure import FunctionLine
from budgetacct.model.enums import Severity
from budgetacct.money import Amount, Unit


def _function_sections(c: Checker) -> list[tuple[str, Sequence[FunctionLine]]]:
    """Every list of 功能分类 lines of the disclosure, with its path."""
    d = c.d
    sections: list[tuple[str, Sequence[FunctionLine]]] = []
    if d.expenditure is not None:
        sections += [
            ("$.expenditure.classes", d.expenditure.classes),
            ("$.expenditure.rows", d.expenditure.rows),
        ]
    if d.general_budget is not None:
        gb = d.general_budget
        sections += [
            ("$.general_budget.classes", gb.classes),
            ("$.general_budget.items", gb.items),
            ("$.general_budget.rows", gb.rows),
        ]
    for name in ("government_fund", "state_capital"):
        section = getattr(d, name)
        if section is not None:
            sections.append((f"$.{name}.lines", section.lines))
    return sections


def _same_name(printed: str, official: str) -> bool:
    return printed.replace(" ", "") == official


def _near_name(printed: str, official: str) -> bool:
    bare = printed.replace(" ", "")
    return (
        bare + "支出" == official
        or bare == official + "支出"
        or bare.removesuffix("支出") == official.removesuffix("支出")
    )


#: A line's texts: its code, its printed name and the printed names of its 类 and 款.
_LineKey = tuple[str, str | None, tuple[str, ...]]
#: Per year, whether a line's texts agree with the catalogue.  Most lines of most reports agree;
#: remembering that across reports keeps R56 cheap in bulk (one lookup a line, keyed by texts whose
#: hashes CPython caches; bounded like an lru_cache).
_VERDICTS: dict[int, dict[_LineKey, bool]] = {}


def _names_agree(year: int, code: str, name: str | None, parent_names: tuple[str, ...]) -> bool:
    """Whether ``code`` is in the year's catalogue and every printed name equals the catalogue's."""
    cat = nearest_catalogue("function", year)[0]
    entry = cat.get(code)
    if entry is None or (name is not None and not _year_s_name(name, entry, year)):
        return False
    ancestors = FunctionCode(code).ancestors
    for k, printed in enumerate(parent_names):
        if k < len(ancestors):
            parent = cat.get(ancestors[k].code)
            if parent is not None and not _year_s_name(printed, parent, year):
                return False
    return True


def _year_s_name(printed: str, entry: CatalogueEntry, year: int) -> bool:
    """Whether ``printed`` is ``entry``'s name in the catalogue of ``year`` (its name before the
    2019 renames in a report of an earlier year)."""
    return _same_name(printed, entry.name) or is_former_name(entry.code, printed, year)


def one_money_unit(c: Checker) -> None:
    units = c.d.units
    if len(set(units)) > 1:
        c.fail(
            "$.units",
            f"同一文档中混用金额单位：{'、'.join(sorted(set(units)))}",
            f"the document mixes money units: {', '.join(sorted(set(units)))}",
            expected="万元",
            actual="/".join(sorted(set(units))),
        )


def codes_and_names_in_catalogue(c: Checker) -> None:
    year = c.d.year
    cat, exact_year = nearest_catalogue("function", year)
    note_zh, note_en = coverage_note("function", year)
    year_zh = "" if exact_year else f"（无{year}年目录，使用{cat.year}年目录）"
    year_en = "" if exact_year else f" (no {year} catalogue; the {cat.year} one was used)"
    seen: set[tuple[str, str]] = set()
    verdicts = _VERDICTS.setdefault(year, {})
    # The same code and printed names recur across the tables; report each combination once.
    judged: set[_LineKey] = set()
    for list_path, lines in _function_sections(c):
        for index, line in enumerate(lines):
            key = (line.code.code, line.name, line.parent_names)
            agrees = verdicts.get(key)
            if agrees is None:
                agrees = _names_agree(year, *key)
                if len(verdicts) < 65536:
                    verdicts[key] = agrees
            if agrees or key in judged:
                continue
            judged.add(key)
            path = f"{list_path}[{index}]"
            entry = cat.get(line.code.code)
            if entry is None:
                if (line.code.code, "") not in seen:
                    seen.add((line.code.code, ""))
                    c.fail(
                        f"{path}.code",
                        f"科目编码{line.code}不在{cat.year}年目录中{year_zh}。{note_zh}",
                        f"code {line.code} is not in the {cat.year} catalogue{year_en}. {note_en}",
                        actual=line.code.code,
                    )
                continue
            printed_names: list[tuple[str, str, str | None, str]] = [
                (f"{path}.name", line.code.code, line.name, entry.name)
            ]
            ancestors = line.code.ancestors
            for k, parent_printed in enumerate(line.parent_names):
                if k < len(ancestors):
                    parent_entry = cat.get(ancestors[k].code)
                    if parent_entry is not None:
                        printed_names.append(
                            (
                                f"{path}.parent_names[{k}]",
                                ancestors[k].code,
                                parent_printed,
                                parent_entry.name,
                            )
                        )
            for name_path, code, printed, official in printed_names:
                if printed is None or _same_name(printed, official) or (code, printed) in seen:
                    continue
                if is_former_name(code, printed, year):
                    continue
                seen.add((code, printed))
                severity = Severity.NOTE if _near_name(printed, official) else Severity.WARNING
                c.emit(
                    severity,
                    name_path,
                    f"科目{code}名称“{printed}”与{cat.year}年目录名称“{official}”不一致{year_zh}",
                    f"the printed name “{printed}” of {code} differs from the {cat.year} catalogue name “{official}”{year_en}",
                    expected=official,
                    actual=printed,
                )


def at_most_two_decimals(c: Checker) -> None:
    if c.exact:
        return
    # Two decimals of the unit printed: a report printed in 元 has figures of up to six decimals
    # of 万元 (12,345,678.90元 is 1234.56789万元), which is no defect.
    in_yuan = Unit.YUAN.value in c.d.units
    allowed = 6 if in_yuan else 2
    for path, amount in _walk_amounts(c.d, "$"):
        if amount.places() > allowed:
            c.fail(
                path,
                f"金额{amount.to_yuan() if in_yuan else amount}{'元' if in_yuan else ''}超过两位小数",
                f"amount {amount.to_yuan() if in_yuan else amount}{' 元' if in_yuan else ''} has more than two decimals",
                actual=amount,
            )


def _walk_amounts(obj: object, path: str) -> list[tuple[str, Amount]]:
    import attrs

    found: list[tuple[str, Amount]] = []
    if isinstance(obj, Amount):
        return [(path, obj)]
    if isinstance(obj, tuple):
        for i, item in enumerate(obj):
            found += _walk_amounts(item, f"{path}[{i}]")
        return found
    if attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):  # type: ignore[arg-type]
            found += _walk_amounts(getattr(obj, field.name), f"{path}.{field.name}")
    return found
