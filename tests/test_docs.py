"""The documentation's generated parts: the rule catalogue and the completion of the root toctree.

The site itself is built with ``-W`` (warnings are errors) by ``make docs``, which ``make test``
runs after pytest; building it a second time here would only add minutes, so these tests cover
what the build cannot see: that the catalogue documents every registered rule exactly once, with
both titles and an example produced by the audit.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from budgetacct import audit, load_example
from budgetacct.auditing import REGISTRY

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def catalogue() -> ModuleType:
    return _load("_docs_rule_catalogue", DOCS / "_ext" / "rule_catalogue.py")


@pytest.fixture(scope="module")
def page(catalogue: ModuleType) -> str:
    text: str = catalogue.render()
    return text


def _sections(page: str) -> dict[str, str]:
    """Rule id → the text of its section."""
    parts = re.split(r"^\(rule-(r\d+)\)=$", page, flags=re.MULTILINE)
    return {parts[i].upper(): parts[i + 1] for i in range(1, len(parts), 2)}


def test_every_rule_has_exactly_one_section_with_both_titles(page: str) -> None:
    sections = _sections(page)
    assert len(re.findall(r"^\(rule-r\d+\)=$", page, flags=re.MULTILINE)) == len(REGISTRY)
    assert sorted(sections, key=lambda r: REGISTRY[r].number) == [rule.id for rule in REGISTRY]
    for rule in REGISTRY:
        assert page.count(f"\n### {rule.id} · ") == 1
        section = sections[rule.id]
        assert section.lstrip().startswith(f"### {rule.id} · {rule.title_zh}\n")
        escaped_en = re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", " ".join(rule.title_en.split()))
        assert f"*{escaped_en}*" in section
        assert f"- **Severity:** {rule.severity.value} ({rule.severity.zh})" in section
        assert "- **Formula:** " in section and "- **Tolerance:** " in section and "- **Group:** " in section


def test_every_rule_has_an_example_or_says_so(page: str, catalogue: ModuleType) -> None:
    examples = catalogue.examples()
    for rule_id, section in _sections(page).items():
        if rule_id in examples:
            assert "**Example** — " in section
            assert f"  {rule_id}  $" in section  # the finding's first line: severity, rule, path
        else:
            assert "**Example:** no example." in section


def test_examples_are_findings_of_their_own_rule(catalogue: ModuleType) -> None:
    for rule_id, example in catalogue.examples().items():
        assert example.findings, rule_id
        assert {f.rule for f in example.findings} == {rule_id}
        assert 1 <= len(example.findings) <= catalogue.SHOWN


def test_rules_that_fire_on_the_seed_take_their_example_from_it(catalogue: ModuleType) -> None:
    report = audit(load_example("xiqu-2021"))
    examples = catalogue.examples()
    for rule_id in report.fired():
        assert examples[rule_id].source == "the bundled seed report `xiqu-2021` as published"
        assert set(examples[rule_id].findings) <= set(report.by_rule(rule_id))


def test_currently_every_rule_has_an_example(catalogue: ModuleType) -> None:
    # Not a law (a new rule may need a new base or a crafted disclosure), but today's state:
    # if this fails, extend BASES or CRAFTED in docs/_ext/rule_catalogue.py.
    missing = sorted({r.id for r in REGISTRY} - catalogue.examples().keys(), key=lambda r: REGISTRY[r].number)
    assert missing == []


def test_write_only_when_the_text_changes(catalogue: ModuleType, tmp_path: Path) -> None:
    target = tmp_path / "rules.md"
    assert catalogue.write(target) is True
    assert catalogue.write(target) is False
    assert target.read_text(encoding="utf-8") == catalogue.render()
    assert catalogue.main(["--check", str(target)]) == 0
    target.write_text("stale", encoding="utf-8")
    assert catalogue.main(["--check", str(target)]) == 1


class _Env:
    def __init__(self, docs: set[str]) -> None:
        self.found_docs = docs


class _App:
    def __init__(self, docs: set[str]) -> None:
        self.env = _Env(docs)


def _complete(docs: set[str]) -> str:
    conf: Any = _load("_docs_conf", DOCS / "conf.py")
    source = [(DOCS / "index.md").read_text(encoding="utf-8")]
    conf._complete_index(_App(docs), "index", source)
    return source[0]


def test_index_lists_optional_pages_only_when_present_and_adds_stray_pages() -> None:
    listed = {"quickstart", "tutorial", "concepts", "rules", "api", "testing", "decisions/index"}
    listed |= {"howto/audit-a-published-report", "howto/produce-a-report-from-a-ledger", "howto/export"}
    without = _complete(listed | {"index"})
    assert "\nstrategies\n" not in without and ":caption: More" not in without
    with_extra = _complete(listed | {"index", "strategies", "someone-elses-page", "decisions/0001-x"})
    assert "\nstrategies\n" in with_extra
    more = with_extra.split(":caption: More", 1)[1]
    assert "someone-elses-page" in more and "decisions/0001-x" not in more and "strategies" not in more


# --- the README -----------------------------------------------------------------------------------

README = DOCS.parent / "README.md"


def test_the_readme_states_how_many_rules_the_registry_holds() -> None:
    text = README.read_text(encoding="utf-8")
    numbers = [entry.number for entry in REGISTRY]
    stated = re.findall(r"(\d+) rules, R(\d+)–R(\d+)", text)
    assert stated == [(str(len(numbers)), str(min(numbers)), str(max(numbers)))], (
        f"README.md should say '{len(numbers)} rules, R{min(numbers)}–R{max(numbers)}'"
    )
    # no other, older range of rule ids anywhere in it
    assert re.findall(r"R\d+–R\d+", text) == [f"R{min(numbers)}–R{max(numbers)}"]


def test_the_readme_command_list_shows_every_command() -> None:
    from budgetacct.cli import _parser

    text = README.read_text(encoding="utf-8")
    block = text[text.index("Command line:") :]
    block = block[block.index("```sh") : block.index("```", block.index("```sh") + 5)]
    shown = {line.split()[1] for line in block.splitlines() if line.startswith("budgetacct ")}
    (commands,) = (a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert shown == set(commands.choices)
