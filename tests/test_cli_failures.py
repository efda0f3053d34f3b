"""How a command turns what went wrong with its input or output into exit status 2 and one
message: :func:`failing_as_input`."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetacct._cli_input import InputFailure, failing_as_input
from budgetacct.cli import main
from budgetacct.errors import InvalidValue


def test_a_library_error_becomes_its_message() -> None:
    with pytest.raises(InputFailure) as failure, failing_as_input("a.json"):
        raise InvalidValue("正数", "a positive number", -1, path="$.x")
    assert failure.value.message == "$.x：应为正数，实际为 -1 | $.x: expected a positive number, found -1"


def test_an_os_error_names_the_file_read_or_written() -> None:
    with pytest.raises(InputFailure) as read, failing_as_input("nowhere.txt"):
        raise FileNotFoundError(2, "No such file or directory")
    assert read.value.message == "找不到文件：nowhere.txt | file not found: nowhere.txt"
    with pytest.raises(InputFailure) as written, failing_as_input("out", writing=True):
        raise PermissionError(13, "Permission denied")
    assert written.value.message == "out: Permission denied"


def test_without_a_file_an_os_error_is_not_the_input_s_fault() -> None:
    with pytest.raises(FileNotFoundError), failing_as_input():
        raise FileNotFoundError(2, "No such file or directory")


def test_a_directory_that_cannot_be_written_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    status = main(["export-fdp", "--example", "xiqu-2021", "-o", str(blocker / "package")])
    assert status == 2
    assert capsys.readouterr().err.startswith(f"{blocker / 'package'}: ")
