"""Bundled example documents (package data under ``budgetacct/examples/<name>/``).

Each example holds up to four kinds of document: ``disclosure`` (``disclosure.json``, the report's
figures as printed), ``ledger`` (``ledger.json``, a consistent reconstruction of the account),
``text`` (``report.txt``, the published report's own text, for :func:`budgetacct.reader.read_report`)
and ``budget`` (``budget.json``, a 部门预算 as published).

>>> "xiqu-2021" in list_examples()
True
>>> load_example("xiqu-2021").department
'攀枝花市西区人民政府办公室'
>>> load_example("xiqu-2021", "text").splitlines()[0]
' 第一部分 部门概况'
>>> load_example("ptczj-2025", "budget").department
'上海市普陀区财政局'
>>> load_example("nowhere")
Traceback (most recent call last):
...
budgetacct.errors.InputError: 输入有 1 处错误：$：应为已知示例名...
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING, Any, Final, Literal, overload

from budgetacct.errors import InputError

if TYPE_CHECKING:  # pragma: no cover - typing only
    from importlib.resources.abc import Traversable

    from budgetacct.model import Budget, Disclosure, Ledger

__all__ = ["EXAMPLE_KINDS", "example_path", "list_examples", "load_example"]

ExampleKind = Literal["disclosure", "ledger", "text", "budget"]
EXAMPLE_KINDS: Final[tuple[ExampleKind, ...]] = ("disclosure", "ledger", "text", "budget")
_FILE_NAMES: Final[dict[str, str]] = {
    "disclosure": "disclosure.json",
    "ledger": "ledger.json",
    "text": "report.txt",
    "budget": "budget.json",
}


def _root() -> Traversable:
    return resources.files("budgetacct") / "examples"


def list_examples() -> tuple[str, ...]:
    """Names of the bundled examples (those with at least one document), sorted."""
    root = _root()
    if not root.is_dir():  # pragma: no cover - broken installation
        return ()
    return tuple(
        sorted(
            entry.name
            for entry in root.iterdir()
            if entry.is_dir() and any((entry / _FILE_NAMES[kind]).is_file() for kind in EXAMPLE_KINDS)
        )
    )


def example_path(name: str = "xiqu-2021", kind: str = "disclosure") -> Traversable:
    """The package resource holding one example document (an :class:`InputError` if there is none)."""
    if kind not in EXAMPLE_KINDS:
        raise InputError.single(
            "$",
            "示例类型 disclosure、ledger、text 或 budget",
            "an example kind 'disclosure', 'ledger', 'text' or 'budget'",
            kind,
        )
    if name not in list_examples():
        raise InputError.single("$", "已知示例名", "a known example name", name)
    resource = _root() / name / _FILE_NAMES[kind]
    if not resource.is_file():
        available = [k for k in EXAMPLE_KINDS if (_root() / name / _FILE_NAMES[k]).is_file()]
        raise InputError.single(
            "$",
            f"示例 {name} 已有的类型（{'、'.join(available)}）",
            f"a kind example {name} has ({', '.join(available)})",
            kind,
        )
    return resource


@overload
def load_example(name: str = ..., kind: Literal["disclosure"] = ...) -> Disclosure: ...
@overload
def load_example(name: str, kind: Literal["ledger"]) -> Ledger: ...
@overload
def load_example(name: str, kind: Literal["text"]) -> str: ...
@overload
def load_example(name: str, kind: Literal["budget"]) -> Budget: ...
# A kind known only at run time gives any of the three (like ``open()`` with a computed mode).
@overload
def load_example(name: str, kind: str) -> Any: ...


def load_example(name: str = "xiqu-2021", kind: str = "disclosure") -> Disclosure | Ledger | Budget | str:
    """Load a bundled example.

    ``kind="disclosure"`` gives the report's figures as published (a :class:`Disclosure`, slips
    included), ``"ledger"`` a consistent :class:`Ledger` of the same account, and ``"text"`` the
    published report's text itself (a ``str``, as :func:`budgetacct.reader.read_report` takes it);
    ``"budget"`` the department's budget report as published (a :class:`Budget`).
    """
    from budgetacct.io.json import load_bytes
    from budgetacct.model import Budget, BudgetAccount, Disclosure, Ledger

    resource = example_path(name, kind)
    if kind == "text":
        return resource.read_text(encoding="utf-8")
    expect = {"disclosure": Disclosure, "ledger": Ledger, "budget": Budget}[kind]
    document = load_bytes(resource.read_bytes(), source=f"example {name}/{_FILE_NAMES[kind]}", expect=expect)
    assert not isinstance(document, BudgetAccount)  # ``expect`` admits only the three above
    return document
