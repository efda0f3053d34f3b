"""``budgetacct render`` and ``budgetacct tables``."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetacct.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_render_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "render", "--example", "xiqu-2021")
    assert status == 0
    assert "2021年度收、支总计874.63万元，与2020年相比，收、支总计各减少19.37万元，下降2.17%。" in out
    assert out.count("\n") > 30


def test_render_one_section_in_english_and_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "render", "--example", "xiqu-2021", "--section", "七", "--format", "md")
    assert status == 0
    assert out.startswith("## 七、")
    assert "收、支总计" not in out
    status, out, _ = run(capsys, "render", "--example", "xiqu-2021", "--section", "一", "--locale", "en")
    assert status == 0
    assert "874.63" in out
    assert "decrease" in out


def test_render_a_ledger_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from budgetacct import load_example
    from budgetacct.io import dump

    path = tmp_path / "ledger.json"
    path.write_text(dump(load_example("xiqu-2021", kind="ledger")), encoding="utf-8")
    status, out, _ = run(capsys, "render", str(path), "--section", "三")
    assert status == 0
    assert "基本支出739万元，占84.51%；项目支出135.5万元，占15.49%" in out


def test_render_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "render", "--example", "xiqu-2021", "--section", "二十")
    assert status == 2
    assert "no such section" in err
    status, _, err = run(capsys, "render")
    assert status == 2
    assert "Traceback" not in err


def test_tables_text_markdown_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "tables", "--example", "xiqu-2021", "--table", "01")
    assert status == 0
    assert "收入支出决算总表" in out
    assert "830.63" in out
    status, out, _ = run(capsys, "tables", "--example", "xiqu-2021", "--format", "md")
    assert out.count("公开0") >= 9
    target = tmp_path / "tables.html"
    status, out, _ = run(
        capsys,
        "tables",
        "--example",
        "xiqu-2021",
        "--set",
        "sichuan-14",
        "--format",
        "html",
        "-o",
        str(target),
    )
    assert status == 0
    assert out == ""
    assert target.read_text(encoding="utf-8").count("<table") == 14


def test_tables_errors(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "tables", "--example", "xiqu-2021", "--table", "99")
    assert status == 2
    assert "no such table" in err
    status, _, err = run(capsys, "tables", "--example", "xiqu-2021", "--format", "xlsx")
    assert status == 2
    assert "-o" in err


def test_tables_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("openpyxl")
    target = tmp_path / "tables.xlsx"
    status, _, _ = run(capsys, "tables", "--example", "xiqu-2021", "--format", "xlsx", "-o", str(target))
    assert status == 0
    assert target.stat().st_size > 1000
