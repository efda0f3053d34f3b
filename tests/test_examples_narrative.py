"""The example of a narrative that disagrees with its table (``examples/narrative_against_tables.py``
and ``examples/putuo-2024/``): the finding names both places, the sentence and the table cell."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from budgetacct import Disclosure, audit
from budgetacct.cli import main
from budgetacct.io import load

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PUTUO = EXAMPLES / "putuo-2024"
#: 表四's 总计 as printed: the revenue panel's ninth row, its one column 金额.
TABLE_CELL = "$.tables[0].panels[0].rows[8].cells[0]"
TABLE_WORDS = "表四财政拨款收入支出决算总表“收入总计”行“金额”列"


def test_the_script_names_the_sentence_and_the_table_cell() -> None:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / "narrative_against_tables.py")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    (r68,) = [i for i, line in enumerate(lines) if line.startswith("R68        $.fiscal.grand_total")]
    assert "2961.68        0.3          -2961.38" in lines[r68]
    assert lines[r68 + 1] == (
        "    来源 source: 第3行 财政拨款收入支出决算总体情况说明：2024年度财政拨款收入支出总计0.3万元。"
    )
    assert lines[r68 + 2] == f"    另见 also: {TABLE_WORDS}"
    assert "R68: 说明 narrative $.fiscal.grand_total = 0.3" in lines
    assert f"R68: 表 table {TABLE_CELL} = 2961.68" in lines


def test_the_json_disclosure_holds_both_printings() -> None:
    disclosure = load(PUTUO / "disclosure.json")
    assert isinstance(disclosure, Disclosure)
    (finding,) = audit(disclosure).findings
    assert (finding.rule, finding.path, finding.related) == ("R68", "$.fiscal.grand_total", (TABLE_CELL,))
    assert (finding.expected, finding.actual) == ("2961.68", "0.3")


def test_the_cli_audit_of_the_json_names_the_table_cell(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(PUTUO / "disclosure.json")]) == 1
    assert f"    另见 also: {TABLE_WORDS}\n" in capsys.readouterr().out
    assert main(["audit", str(PUTUO / "disclosure.json"), "--format", "json"]) == 1
    (item,) = json.loads(capsys.readouterr().out)["findings"]
    assert item["related"] == [TABLE_CELL]  # the JSON keeps the path
