"""Generate ``docs/rules.md``, the rule catalogue, from :data:`budgetacct.auditing.REGISTRY`.

Every rule gets one section: id, Chinese and English title, formula, severity, tolerance, group,
and an example finding produced by running the audit — never written by hand:

1. when the rule fires on the bundled seed report (``xiqu-2021``), its seed findings;
2. otherwise the first single-figure change to the seed report that makes the rule fire: every
   printed figure in turn is moved by one unit (an amount by 1 万元, a share or rate by 1%, a
   count by 1), a yes/no claim or a direction word is flipped, a printed label is altered;
   the same is then tried on the seed's ledger published with ``Ledger.publish()`` (which fills
   in every standard table the seed report leaves out) and on a small disclosure with a scored
   project table (see :data:`BASES`);
3. otherwise a small crafted Disclosure from :data:`CRAFTED`;
4. otherwise the page says "no example".

Budget rules (R80 and up) take the bundled budget (``ptczj-2025``) and the seed's budget lines
published with ``Ledger.publish_budget()`` as their bases; the budget ↔ 决算 rules (R95–R98) change
one figure of the published seed ledger and check it against its own budget (``audit_pair``).

Used three ways: as a Sphinx extension (``extensions = ["rule_catalogue"]`` in ``conf.py``; it
writes ``rules.md`` into the source directory when the configuration is read, only when the text
changed), as a script (``python docs/_ext/rule_catalogue.py [--check] [PATH]``), and from the
tests (:func:`render`, :func:`examples`).

>>> from budgetacct.auditing import REGISTRY
>>> text = render()
>>> all(f"### {r.id} · {r.title_zh}" in text for r in REGISTRY)
True
"""

from __future__ import annotations

import argparse
import enum
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import attrs

from budgetacct import Amount, Direction, Percent, audit, audit_pair, load_example
from budgetacct.auditing import REGISTRY, Finding, Rule
from budgetacct.codes import FunctionCode
from budgetacct.model import (
    Assets,
    Budget,
    BudgetedFigure,
    Disclosure,
    FunctionLine,
    FundingSplit,
    GeneralBudget,
    Indicator,
    Performance,
    ProjectEvaluation,
    Revenue,
    RevenueRow,
    StatedChange,
    ThreePublic,
)
from budgetacct.model.coverage import Coverage

__all__ = ["BASES", "CRAFTED", "Example", "examples", "render", "setup", "write"]

SEED = "xiqu-2021"
#: How many findings an example shows at most.
SHOWN = 2
DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "rules.md"


@dataclass(frozen=True)
class Example:
    """Where an example comes from (Markdown) and the findings of the rule it produced."""

    source: str
    findings: tuple[Finding, ...]


# --- 1. the seed as published --------------------------------------------------------------------


@cache
def _seed() -> Disclosure:
    return load_example(SEED)


@cache
def _seed_findings() -> tuple[Finding, ...]:
    return audit(_seed()).findings


# --- 2. one figure of the seed changed -----------------------------------------------------------


def _show(value: object) -> str:
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def _variants(value: object) -> Iterator[object]:
    """The changed values tried for one printed figure (none for a missing one)."""
    if isinstance(value, bool):
        yield not value
    elif isinstance(value, Amount):
        yield value + Amount(1)
        yield value + Amount("0.001")
    elif isinstance(value, Percent):
        yield value + Percent(1)
    elif isinstance(value, int):
        yield value + 1
    elif isinstance(value, Decimal):  # weights and scores
        yield value + 1
        yield value / 2
    elif isinstance(value, enum.Enum):
        members = list(type(value))
        yield members[(members.index(value) + 1) % len(members)]
    elif isinstance(value, str):
        yield value + "（改）"


def _mutations(obj: object, path: str = "$") -> Iterator[tuple[str, object, object, Any]]:
    """``(path, old, new, changed_root)`` for every single-figure change below ``obj``."""
    if attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):
            for where, old, new, child in _mutations(getattr(obj, field.name), f"{path}.{field.name}"):
                try:
                    changed = attrs.evolve(obj, **{field.alias: child})
                except (ValueError, TypeError):  # the model refuses the value: not a printable slip
                    continue
                yield where, old, new, changed
    elif isinstance(obj, tuple):
        for index, item in enumerate(obj):
            for where, old, new, child in _mutations(item, f"{path}[{index}]"):
                yield where, old, new, (*obj[:index], child, *obj[index + 1 :])
    else:
        for new in _variants(obj):
            yield path, obj, new, new


def _key(finding: Finding) -> tuple[str, str, str, str]:
    return (finding.rule, finding.severity.value, finding.path, finding.message.zh)


def _preferred(rule: Rule, findings: Sequence[Finding]) -> tuple[Finding, ...]:
    """The findings to show: those of the rule's own severity first."""
    ordered = sorted(findings, key=lambda f: (f.severity is not rule.severity, f.severity.rank))
    return tuple(ordered[:SHOWN])


def _subject(base: object) -> str:
    return "budget" if isinstance(base, Budget) else "disclosure"


def _mutation_examples(wanted: set[str], name: str, base: Disclosure | Budget) -> dict[str, Example]:
    """For each rule in ``wanted``, the first change to ``base`` that makes it fire (preferring a
    finding of the rule's own severity over a rounding note)."""
    wanted = {r for r in wanted if REGISTRY[r].subject == _subject(base)}
    baseline = {_key(f) for f in audit(base).findings}
    best: dict[str, tuple[bool, Example]] = {}
    for where, old, new, changed in _mutations(base):
        open_rules = sorted((r for r in wanted if not best.get(r, (False,))[0]), key=_number)
        if not open_rules:
            break
        fresh: dict[str, list[Finding]] = {}
        for finding in audit(changed, rules=open_rules).findings:
            if _key(finding) not in baseline:
                fresh.setdefault(finding.rule, []).append(finding)
        for rule_id, found in fresh.items():
            rule = REGISTRY[rule_id]
            own_severity = any(f.severity is rule.severity for f in found)
            if rule_id in best and not own_severity:
                continue
            source = f"{name} with `{where}` changed from {_show(old) or '(empty)'} to {_show(new)}"
            best[rule_id] = (own_severity, Example(source, _preferred(rule, found)))
    return {rule_id: example for rule_id, (_, example) in best.items()}


def _number(rule_id: str) -> int:
    return REGISTRY[rule_id].number


# --- 3. other bases for the single-figure changes -------------------------------------------------


def _published_ledger() -> Disclosure:
    """The seed's ledger, published: every standard table filled in, unlike the seed report."""
    return load_example(SEED, "ledger").publish()


def _scored_project() -> Disclosure:
    """A project self-evaluation that prints weights, scores and a grade (the seed's do not)."""
    weighted = (
        ("产出指标", "数量指标", "开展业务培训", "3次以上", "3次", 25),
        ("产出指标", "质量指标", "信息发布准确率", "≥95%", "98%", 25),
        ("效益指标", "社会效益指标", "政务信息公开及时", "及时", "及时", 30),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "96%", 10),
    )
    indicators = tuple(
        Indicator(l1, l2, name, target, actual, weight=Decimal(w), score=Decimal(w))
        for l1, l2, name, target, actual, w in weighted
    )
    money = FundingSplit(Amount(10), Amount(10), Amount(0))
    project = ProjectEvaluation(
        name="示例项目经费",
        budget=money,
        executed=money,
        indicators=indicators,
        execution_weight=Decimal(10),
        execution_score=Decimal(10),
        total_score=Decimal(100),
        grade="优",
    )
    return Disclosure(year=2021, department="示例部门", performance=Performance(evaluations=(project,)))


#: Where the single-figure changes are tried, in order: (how the page names it, the disclosure).
def _budget() -> Budget:
    return load_example("ptczj-2025", "budget")


def _published_budget() -> Budget:
    return load_example(SEED, "ledger").publish_budget()


BASES: tuple[tuple[str, Callable[[], Disclosure | Budget]], ...] = (
    ("the seed report", _seed),
    ("the seed's ledger published with `Ledger.publish()`", _published_ledger),
    ("a small disclosure with one scored project table", _scored_project),
    ("the bundled budget `ptczj-2025`", _budget),
    ("the seed's budget lines published with `Ledger.publish_budget()`", _published_budget),
)


def _pair_examples(wanted: set[str]) -> dict[str, Example]:
    """For each budget ↔ 决算 rule, the first change to the published seed ledger that its own
    budget (``Ledger.publish_budget()``) contradicts."""
    wanted = {r for r in wanted if REGISTRY[r].subject == "pair"}
    budget, final = _published_budget(), _published_ledger()
    found: dict[str, Example] = {}
    for where, old, new, changed in _mutations(final):
        if not wanted - found.keys():
            break
        if not where.startswith(("$.general_budget", "$.three_public")):
            continue  # the figures a 决算 states as its budget and its completion rates
        for finding in audit_pair(budget, changed, each=False).findings:
            rule = REGISTRY[finding.rule]
            if finding.rule in found or finding.severity is not rule.severity:
                continue
            source = f"the published seed ledger with `{where}` changed from {_show(old)} to {_show(new)}, against its own budget"
            found[finding.rule] = Example(source, (finding,))
    return found


# --- 4. crafted disclosures ------------------------------------------------------------------------


def _revenue_table_row() -> Disclosure:
    row = RevenueRow(FunctionCode("2010301"), Amount("100"), fiscal=Amount("90"), other=Amount("5"))
    return Disclosure(year=2021, department="示例部门", revenue=Revenue(rows=(row,)))


def _three_public_above_budget() -> Disclosure:
    return Disclosure(
        year=2021,
        department="示例部门",
        general_budget=GeneralBudget(total=Amount("5")),
        three_public=ThreePublic(total=BudgetedFigure(actual=Amount("8"))),
    )


def _three_public_economic() -> Disclosure:
    from budgetacct.codes import EconomicCode
    from budgetacct.model import BasicExpenditure, EconomicLine

    basic = BasicExpenditure(lines=(EconomicLine(EconomicCode("30217"), Amount("0.50"), "公务接待费"),))
    return Disclosure(
        year=2021,
        department="示例部门",
        basic_expenditure=basic,
        three_public=ThreePublic(reception=BudgetedFigure(actual=Amount("0.07"))),
    )


def _mixed_units() -> Disclosure:
    return Disclosure(year=2021, department="示例部门", units=("万元", "元"))


def _empty_table_without_note() -> Disclosure:
    from budgetacct.model.tables import Column, Line, Measure, Panel, StandardTable, TableKind, TableRow

    empty = StandardTable(
        TableKind.GOVERNMENT_FUND,
        "政府性基金预算财政拨款收入支出决算表",
        (Panel((Column(Measure.EXPENDITURE),), (TableRow.of_line(Line.TOTAL, (None,)),)),),
        number="公开08表",
    )
    return Disclosure(year=2021, department="示例部门", tables=(empty,))


def _placeholder_name() -> Disclosure:
    return Disclosure(year=2024, department="上海市XX局")


def _budget_word_wrong() -> Disclosure:
    item = FunctionLine(
        FunctionCode("2010301"),
        Amount("1511.89"),
        name="行政运行",
        budget=Amount("1560.05"),
        completion=Percent("96.91"),
        versus_budget=StatedChange(Direction.INCREASE),
    )
    return Disclosure(year=2021, department="示例部门", general_budget=GeneralBudget(items=(item,)))


def _last_years_date() -> Disclosure:
    return Disclosure(
        year=2021, department="示例部门", assets=Assets(vehicles_total=3, as_of="2020年12月31日")
    )


def _mostly_unread() -> tuple[Disclosure, Coverage]:
    coverage = Coverage(figures_read=31, figures_unread=445, tables_found=12, tables_recognized=0, pages=26)
    return Disclosure(year=2019, department="示例部门"), coverage


#: Small disclosures for the rules that no single change to a base makes fire:
#: rule id → (how the page describes it, a function building it).
CRAFTED: dict[str, tuple[str, Callable[[], Disclosure | Budget | tuple[Disclosure, Coverage]]]] = {
    "R8": (
        "a crafted disclosure with one 收入决算表 row of 100 whose sources add up to 95",
        _revenue_table_row,
    ),
    "R32": (
        "a crafted disclosure whose 三公经费 (8) exceed its general budget spending (5)",
        _three_public_above_budget,
    ),
    "R30": (
        "a crafted disclosure whose 基本支出 row 30217 (0.50) exceeds its 公务接待费 (0.07)",
        _three_public_economic,
    ),
    "R55": ("a crafted disclosure read from a report that printed amounts in 万元 and 元", _mixed_units),
    "R70": (
        "a crafted disclosure whose 政府性基金 table is empty and says nothing about it",
        _empty_table_without_note,
    ),
    "R71": (
        "a crafted disclosure filled in from the template without its department's name",
        _placeholder_name,
    ),
    "R72": (
        "a report read from a PDF whose tables no layout matched: 31 figures read, 445 not",
        _mostly_unread,
    ),
    "R90": (
        "the bundled budget `ptczj-2025` stating its 财政拨款 increase of 107.62万元 as 5% "
        "(3121.42 against 3013.80 is 3.57%)",
        lambda: attrs.evolve(
            _budget(),
            fiscal=attrs.evolve(
                _budget().fiscal,
                change=attrs.evolve(_budget().fiscal.change, rate=Percent(5)),
            ),
        ),
    ),
    "R91": (
        "the bundled budget `ptczj-2025` with the reason of its 财政拨款 increase left out",
        lambda: attrs.evolve(_budget(), fiscal=attrs.evolve(_budget().fiscal, reason=None)),
    ),
    "R92": (
        "the bundled budget `ptczj-2025` without its last table",
        lambda: attrs.evolve(_budget(), tables=_budget().tables[:-1]),
    ),
    "R99": (
        "a crafted disclosure saying “决算数大于预算数” of an item spent 1511.89 against a budget of 1560.05",
        _budget_word_wrong,
    ),
    "R100": (
        "a crafted 2021 disclosure stating its vehicles “截至2020年12月31日”",
        _last_years_date,
    ),
}


def _crafted_examples(wanted: set[str]) -> dict[str, Example]:
    found = {}
    for rule_id in sorted(wanted & CRAFTED.keys(), key=_number):
        description, build = CRAFTED[rule_id]
        built = build()
        disclosure, coverage = built if isinstance(built, tuple) else (built, None)
        findings = audit(disclosure, rules=[rule_id], coverage=coverage).findings
        if findings:
            found[rule_id] = Example(description, _preferred(REGISTRY[rule_id], findings))
    return found


# --- all examples ------------------------------------------------------------------------------


@cache
def examples() -> dict[str, Example]:
    """An example for every rule that has one, by rule id."""
    result: dict[str, Example] = {}
    for rule in REGISTRY:
        seed = [f for f in _seed_findings() if f.rule == rule.id]
        if seed:
            result[rule.id] = Example(
                f"the bundled seed report `{SEED}` as published", _preferred(rule, seed)
            )
    for name, build in BASES:
        missing = {r.id for r in REGISTRY} - result.keys()
        if not missing:
            break
        result.update(_mutation_examples(missing, name, build()))
    result.update(_pair_examples({r.id for r in REGISTRY} - result.keys()))
    result.update(_crafted_examples({r.id for r in REGISTRY} - result.keys()))
    return result


# --- Markdown ------------------------------------------------------------------------------------

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def _escape(text: str) -> str:
    """Text safe in Markdown (and in a table cell): every ASCII punctuation mark escaped."""
    return _PUNCTUATION.sub(r"\\\1", " ".join(text.split()))


def _finding_block(finding: Finding) -> list[str]:
    figures = [
        f"{name} {value}"
        for name, value in (
            ("expected", finding.expected),
            ("actual", finding.actual),
            ("difference", finding.difference),
            ("tolerance", finding.tolerance),
        )
        if value is not None
    ]
    lines = [f"{finding.severity.value} ({finding.severity.zh})  {finding.rule}  {finding.path}"]
    if figures:
        lines.append("  " + " · ".join(" ".join(f.split()) for f in figures))
    lines.append("  " + " ".join(finding.message.zh.split()))
    lines.append("  " + " ".join(finding.message.en.split()))
    return lines


def _rule_section(rule: Rule, example: Example | None) -> list[str]:
    out = [
        f"(rule-{rule.id.lower()})=",
        f"### {rule.id} · {rule.title_zh}",
        "",
        f"*{_escape(rule.title_en)}*",
        "",
        f"- **Formula:** {_escape(rule.formula)}",
        f"- **Severity:** {rule.severity.value} ({rule.severity.zh})",
        f"- **Tolerance:** {_escape(rule.tolerance)}",
        f"- **Group:** {_escape(rule.group or '其他')}",
        "",
    ]
    if example is None:
        out += ["**Example:** no example.", ""]
        return out
    out += [f"**Example** — {example.source}:", "", "````text"]
    for finding in example.findings:
        out += _finding_block(finding)
    out += ["````", ""]
    return out


def render() -> str:
    """The whole ``rules.md`` page."""
    found = examples()
    rules = list(REGISTRY)
    groups: dict[str, list[Rule]] = {}
    for rule in rules:
        groups.setdefault(rule.group or "其他", []).append(rule)
    from_seed = sum(1 for e in found.values() if e.source.endswith("as published"))
    out = [
        "<!-- Generated by docs/_ext/rule_catalogue.py from budgetacct.auditing.REGISTRY. Do not edit. -->",
        "",
        "# Rule catalogue",
        "",
        f"budgetacct checks a report with {len(rules)} rules, listed here straight from "
        "`budgetacct.auditing.REGISTRY` (this page is generated at every documentation build). "
        "Ids R1–R60 follow the numbering of the domain reference; R61 and up are budgetacct's own. "
        "Each rule states the severity of a finding when its identity *cannot* hold with the "
        "printed figures; an identity that holds only thanks to rounding is reported as a "
        "`note` (尾数误差) whatever the rule's severity (see [Concepts](concepts.md)).",
        "",
        f"Every example below was produced by running `audit()` while this page was built: "
        f"{from_seed} rules fire on the bundled seed report as published. For the others the "
        "generator changes one printed figure at a time — of the seed report, then of the seed's "
        "ledger published with `Ledger.publish()` (which fills in the standard tables the seed "
        "report leaves out), then of a small scored project table — until the rule fires; "
        "the few rules no single change reaches are shown on a small crafted disclosure. "
        f"{len(found)} of {len(rules)} rules have an example.",
        "",
        "| Rule | Title | Severity | Group |",
        "| --- | --- | --- | --- |",
    ]
    for rule in rules:
        out.append(
            f"| {{ref}}`{rule.id} <rule-{rule.id.lower()}>` | {_escape(rule.title_en)} "
            f"| {rule.severity.value} | {_escape(rule.group or '其他')} |"
        )
    out.append("")
    for group, members in groups.items():
        out += [f"## {group}", ""]
        for rule in members:
            out += _rule_section(rule, found.get(rule.id))
    return "\n".join(out).rstrip() + "\n"


def write(path: Path = DEFAULT_OUTPUT) -> bool:
    """Write the catalogue to ``path`` if its text changed; whether it was written."""
    text = render()
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8", newline="\n")
    return True


# --- Sphinx and command line -------------------------------------------------------------------


def _generate(app: Any, config: Any) -> None:
    write(Path(app.srcdir) / "rules.md")


def setup(app: Any) -> dict[str, Any]:
    """Sphinx entry point: regenerate ``rules.md`` before the sources are read."""
    app.connect("config-inited", _generate)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is out of date")
    args = parser.parse_args(argv)
    if args.check:
        current = args.path.read_text(encoding="utf-8") if args.path.is_file() else ""
        return 0 if current == render() else 1
    print(("wrote " if write(args.path) else "unchanged ") + str(args.path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
