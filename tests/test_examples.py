"""The runnable examples: every script in ``examples/`` and the notebook ``examples/xiqu-2021.ipynb``;
and the example documents bundled with the package (``budgetacct.load_example``).

Scripts run in a subprocess with this interpreter (the project's virtualenv), as a user would run
them; the notebook is executed with nbclient on a kernel started from this same interpreter.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import budgetacct.examples
from budgetacct import Disclosure, InputError, Ledger, load_example
from budgetacct.examples import EXAMPLE_KINDS, example_path, list_examples
from budgetacct.reader import read_report

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTEBOOK = EXAMPLES / "xiqu-2021.ipynb"


def run(script: str, *args: str) -> str:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{script} exited {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_every_script_is_tested() -> None:
    scripts = {path.name for path in EXAMPLES.glob("*.py")}
    assert scripts == {
        "audit_seed.py",
        "compare_years.py",
        "ledger_to_report.py",
        "narrative_against_tables.py",  # tested in test_examples_narrative.py
        "random_audit.py",
        "score_project.py",
    }


def test_audit_seed_groups_findings_by_severity() -> None:
    out = run("audit_seed.py")
    assert out.startswith("攀枝花市西区人民政府办公室 2021: ")
    assert "not ok: the report has error findings" in out
    errors, warnings, notes = (
        out.index(f"\n{title} (") for title in ("错误 error", "警告 warning", "提示 note")
    )
    assert errors < warnings < notes
    staff = out.index("R46 人员数：合计等于各类之和，部门等于各单位之和")
    assert errors < staff < warnings
    assert "at $.staffing.units[0].actual: expected 17, printed 15, difference -2, tolerance 0" in out
    assert "区政府办公室实有人数与各类人员之和不符：合计15，各项之和17" in out
    assert notes < out.index("R37 ") and "[百分比与增减]" in out


def test_audit_seed_in_english() -> None:
    out = run("audit_seed.py", "--en")
    assert "R46 Staff counts: totals equal the sum of their categories and units" in out
    assert "revenue share: rounds to 88.97% but 88.96% is printed" in out


def test_ledger_to_report_publishes_a_clean_report() -> None:
    out = run("ledger_to_report.py")
    assert "revenue 415.7318, spending 405.8018, closing balance 17.4300 (万元, exact)" in out
    assert "audit of the published report: 0 error, 0 warning" in out
    assert (
        "2021年本年收入合计415.73万元，其中：一般公共预算财政拨款收入412.53万元，占99.23%；其他收入3.2万元，占0.77%。"
        in out
    )
    assert "2021年，示例市示例局机关运行经费支出42.37万元，比2020年增加2.27万元，增长5.66%。" in out
    assert "公开01表 收入支出决算总表" in out
    assert "| 本年收入合计" in out and "415.73" in out


def test_ledger_to_report_other_table_and_english() -> None:
    out = run("ledger_to_report.py", "--table", "05", "--en")
    assert "2. Revenue" in out
    assert "公开05表 一般公共预算财政拨款支出决算表" in out
    assert "公开01表" not in out


def test_compare_years_shows_changes_and_catches_a_misprint() -> None:
    out = run("compare_years.py")
    assert "机关运行经费 operating costs: 40.10 → 42.37  增加2.27万元，增长5.66%" in out
    assert "$.revenue.change: 减少 2.55万元 下降0.70%" in out
    assert "audit of the stated changes (R38): 0 finding(s)" in out
    assert "misprinting the revenue change as 减少 2.55万元 下降0.07%:" in out
    assert "R38 error $.revenue.change.rate" in out
    assert "revenue change: the rate should be 0.7%, found 0.07%" in out


def test_score_project_with_caller_weights() -> None:
    out = run("score_project.py")
    assert "项目 project: 政策研究咨询经费" in out
    assert "without weights: 表中未列权重，不计算得分" in out
    assert "预算执行率 execution rate 63.63%: 6.36 of 10" in out
    assert "总分 total 93.69, 等级 grade 优" in out
    other = run(
        "score_project.py",
        "--project",
        "0",
        "--weights",
        "产出指标=60,效益指标=20,满意度指标=10,预算执行率=10",
    )
    assert "项目 project: 全区老干部及一线工作人员慰问经费" in other
    assert "with weights: 产出指标 60, 效益指标 20, 满意度指标 10, 预算执行率 10" in other
    assert "总分 total" in other


def test_random_audit_small_run() -> None:
    out = run("random_audit.py", "--count", "40", "--broken")
    assert "valid disclosures audited: 40 in " in out
    assert "findings: 0 error, 0 warning, " in out
    assert "false alarms (error or warning on a valid report): 0" in out
    assert "broken disclosures audited: 40 in " in out
    assert "caught by the rules named: 40 of 40" in out


# --- the documents bundled with the package --------------------------------------------------------


def test_bundled_example_has_its_three_kinds() -> None:
    assert EXAMPLE_KINDS == ("disclosure", "ledger", "text", "budget")
    assert "xiqu-2021" in list_examples()
    assert [example_path("xiqu-2021", kind).name for kind in EXAMPLE_KINDS[:3]] == [
        "disclosure.json",
        "ledger.json",
        "report.txt",
    ]
    assert isinstance(load_example("xiqu-2021"), Disclosure)
    assert isinstance(load_example("xiqu-2021", "ledger"), Ledger)


def test_bundled_text_is_the_published_report() -> None:
    text = load_example("xiqu-2021", "text")
    assert text == example_path("xiqu-2021", "text").read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0] == " 第一部分 部门概况"
    # as published, slips included: the garbled sentence of 2080501 and the 7 + 8 + 2 of 15 staff
    assert "支行政单位离退休（01）出决算为13.1万元" in lines[75]
    assert "实有15人，其中区领导7名，公务员8名，工勤人员2名" in lines[11]
    read = read_report(text).disclosure
    assert (read.year, read.department) == (2021, "攀枝花市西区人民政府办公室")


def test_kind_given_at_run_time() -> None:
    kind: str = "text"
    assert load_example("xiqu-2021", kind).startswith(" 第一部分 部门概况")


def test_unknown_kind_names_the_kinds() -> None:
    with pytest.raises(InputError) as raised:
        load_example("xiqu-2021", "pdf")
    message = str(raised.value)
    assert "应为示例类型 disclosure、ledger、text 或 budget" in message
    assert "an example kind 'disclosure', 'ledger', 'text' or 'budget'" in message
    assert "pdf" in message


def test_example_with_only_a_text_lists_it_and_names_the_kind_it_has(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "text-only").mkdir()
    (tmp_path / "text-only" / "report.txt").write_text("2021年度部门决算\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    monkeypatch.setattr(budgetacct.examples, "_root", lambda: tmp_path)
    assert list_examples() == ("text-only",)
    assert load_example("text-only", "text") == "2021年度部门决算\n"
    with pytest.raises(InputError) as raised:
        load_example("text-only")
    message = str(raised.value)
    assert "应为示例 text-only 已有的类型（text）" in message
    assert "a kind example text-only has (text)" in message


# --- the notebook ---------------------------------------------------------------------------------


def _outputs(cell: dict[str, object]) -> str:
    """All text and HTML a code cell displayed."""
    parts: list[str] = []
    for output in cell.get("outputs", []):  # type: ignore[attr-defined]
        if "text" in output:
            parts.append("".join(output["text"]))
        data = output.get("data", {})
        for mime in ("text/plain", "text/html"):
            if mime in data:
                value = data[mime]
                parts.append(value if isinstance(value, str) else "".join(value))
    return "\n".join(parts)


def test_notebook_is_stored_without_outputs() -> None:
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


# Executed in a child process of this interpreter: the kernel's sockets and event loop then live
# and die there, away from this test session's warnings-as-errors.
_RUN_NOTEBOOK = """
import json, sys
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

source, target, work = sys.argv[1:4]
# A kernel spec of our own, so the kernel is this interpreter whatever kernels the user has.
spec = Path(work) / "kernels" / "budgetacct-test"
spec.mkdir(parents=True)
argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
(spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "budgetacct test", "language": "python"}))
manager = KernelManager(
    kernel_name="budgetacct-test", kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(spec.parent)])
)
notebook = nbformat.read(source, as_version=4)
NotebookClient(notebook, km=manager, timeout=180, resources={"metadata": {"path": work}}).execute()
nbformat.write(notebook, target)
"""


def test_notebook_runs(tmp_path: Path) -> None:
    for module in ("nbclient", "nbformat", "ipykernel", "jupyter_client"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed, so the notebook cannot run: pip install -e '.[docs]'")
    executed = tmp_path / "executed.ipynb"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "JUPYTER_PLATFORM_DIRS": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _RUN_NOTEBOOK, str(NOTEBOOK), str(executed), str(tmp_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, f"the notebook failed\n{done.stdout}\n{done.stderr}"

    notebook = json.loads(executed.read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert all(output["output_type"] != "error" for cell in code for output in cell["outputs"])
    shown = "\n".join(_outputs(cell) for cell in code)
    assert "攀枝花市西区人民政府办公室 2021" in shown
    assert "<table><thead><tr><th>rule</th>" in shown  # the findings table built in the notebook
    assert "区政府办公室实有人数与各类人员之和不符：合计15，各项之和17" in shown
    assert "2021年度收、支总计874.63万元" in shown  # the narrative's HTML
    assert '<table class="budgetacct-table">' in shown and "公开01表" in shown  # a table's HTML
    assert "图2：收入决算结构（万元）" in shown
    images = [o for cell in code for o in cell["outputs"] if "image/png" in o.get("data", {})]
    assert images or "fonts-noto-cjk" in shown or "matplotlib" in shown  # drawn, or what is missing named
