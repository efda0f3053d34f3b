"""The one error hierarchy of budgetacct.

Every error carries its message twice, in Chinese (``zh``) and English (``en``), and
``str(error)`` shows both.  Errors about a value name *where* the value was (a JSON-path-like
``$.expenditure.lines[3].amount``) and *what was expected*.

>>> from budgetacct.errors import InvalidValue
>>> err = InvalidValue("非负金额", "a non-negative amount", "-1", path="$.revenue.other")
>>> print(err)
$.revenue.other：应为非负金额，实际为 '-1' | $.revenue.other: expected a non-negative amount, found '-1'
>>> isinstance(err, ValueError)
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from budgetacct.paths import join_path

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.auditing.finding import Finding

__all__ = [
    "BudgetAcctError",
    "CatalogueError",
    "InputError",
    "InvalidValue",
    "InvariantError",
    "MissingDependency",
    "Problem",
    "UnknownCode",
    "UnreadableFile",
    "UnresolvedPath",
    "join_path",
]


def _show(found: object) -> str:
    text = repr(found)
    if len(text) > 80:
        text = text[:77] + "..."
    return text


def _expected_found(path: str, expected_zh: str, expected_en: str, found: object) -> tuple[str, str]:
    """The (zh, en) message of a value at ``path`` that is not what was expected."""
    shown = _show(found)
    return f"{path}：应为{expected_zh}，实际为 {shown}", f"{path}: expected {expected_en}, found {shown}"


class BudgetAcctError(Exception):
    """Base class of every error raised on purpose by budgetacct."""

    zh: str
    en: str

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} | {en}")
        self.zh = zh
        self.en = en


class _RebuiltFromFields(BudgetAcctError):
    """An error whose constructor takes exactly the attributes named in ``_fields``: it pickles
    (and crosses process boundaries) by calling its class again with them.

    Its message is the class's ``_zh`` and ``_en`` templates, formatted with those attributes; an
    error whose message is no such template states it in its own ``__init__``.
    """

    _fields: ClassVar[tuple[str, ...]] = ()
    _zh: ClassVar[str]
    _en: ClassVar[str]

    def __init__(self, *values: object) -> None:
        fields = dict(zip(self._fields, values, strict=True))
        for name, value in fields.items():
            setattr(self, name, value)
        super().__init__(self._zh.format_map(fields), self._en.format_map(fields))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), tuple([getattr(self, name) for name in self._fields]))


class InvalidValue(BudgetAcctError, ValueError):
    """A value cannot make a meaningful object (wrong type, float, NaN, malformed text …)."""

    expected_zh: str
    expected_en: str
    found: object
    path: str

    def __init__(self, expected_zh: str, expected_en: str, found: object, *, path: str = "$") -> None:
        self.expected_zh = expected_zh
        self.expected_en = expected_en
        self.found = found
        self.path = path
        super().__init__(*_expected_found(path, expected_zh, expected_en, found))

    def at(self, path: str) -> InvalidValue:
        """The same error, re-rooted at ``path`` (used when a value sits inside a document)."""
        clone = type(self).__new__(type(self))
        InvalidValue.__init__(clone, self.expected_zh, self.expected_en, self.found, path=path)
        return clone

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_invalid, (type(self), self.expected_zh, self.expected_en, self.found, self.path))


def _rebuild_invalid(
    cls: type[InvalidValue], expected_zh: str, expected_en: str, found: object, path: str
) -> InvalidValue:
    err = cls.__new__(cls)
    InvalidValue.__init__(err, expected_zh, expected_en, found, path=path)
    return err


class UnknownCode(_RebuiltFromFields, LookupError):
    """A well-formed classification code that the catalogue of the given year does not hold."""

    _fields = ("code", "year", "catalogue")
    _zh = "{year}年{catalogue}中没有科目编码 {code}"
    _en = "code {code} is not in the {year} catalogue of {catalogue}"

    code: str
    year: int
    catalogue: str

    def __init__(self, code: str, year: int, catalogue: str) -> None:
        super().__init__(code, year, catalogue)


class UnresolvedPath(_RebuiltFromFields, LookupError):
    """A path (``$.revenue.lines[9]``) that leads to no value inside an object.

    ``stopped_at`` is the part of ``path`` where the walk found no field, key or index (the whole
    text when it is not a path at all).
    """

    _fields = ("path", "stopped_at")
    _zh = "路径 {path} 无对应的值（{stopped_at} 不存在）"
    _en = "no value at {path} ({stopped_at} does not exist)"

    path: str
    stopped_at: str

    def __init__(self, path: str, stopped_at: str) -> None:
        super().__init__(path, stopped_at)


class CatalogueError(BudgetAcctError, LookupError):
    """No bundled catalogue can answer (for example, no catalogue of that kind at all)."""


class MissingDependency(_RebuiltFromFields, ImportError):
    """An optional dependency (an ``extra`` of budgetacct) is not installed."""

    _fields = ("package", "extra")
    _zh = "需要可选依赖 {package}：请运行 pip install budgetacct[{extra}]"
    _en = "the optional dependency {package} is needed: pip install budgetacct[{extra}]"

    package: str
    extra: str

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(package, extra)


class Problem:
    """One bad place in an input document: where, what was expected, what was found."""

    __slots__ = ("expected_en", "expected_zh", "found", "path")

    def __init__(self, path: str, expected_zh: str, expected_en: str, found: object) -> None:
        self.path = path
        self.expected_zh = expected_zh
        self.expected_en = expected_en
        self.found = found

    @property
    def zh(self) -> str:
        return _expected_found(self.path, self.expected_zh, self.expected_en, self.found)[0]

    @property
    def en(self) -> str:
        return _expected_found(self.path, self.expected_zh, self.expected_en, self.found)[1]

    def __repr__(self) -> str:
        return f"Problem({self.path!r}, {self.expected_en!r}, found={_show(self.found)})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.path, self.expected_en, repr(self.found)) == (
            other.path,
            other.expected_en,
            repr(other.found),
        )

    def __hash__(self) -> int:
        return hash((self.path, self.expected_en))


class InputError(BudgetAcctError, ValueError):
    """An input document (JSON, report text, spreadsheet) could not be read.

    ``problems`` lists *every* bad place found, not only the first.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem], *, source: str | None = None) -> None:
        self.problems = tuple(problems)
        self.source = source
        where_zh = f"{source}：" if source else ""
        where_en = f"{source}: " if source else ""
        count = len(self.problems)
        zh = where_zh + f"输入有 {count} 处错误：" + "；".join(p.zh for p in self.problems[:20])
        en = where_en + f"{count} problem(s) in the input: " + "; ".join(p.en for p in self.problems[:20])
        if count > 20:
            zh += f"；另有 {count - 20} 处"
            en += f"; and {count - 20} more"
        super().__init__(zh, en)

    @classmethod
    def single(
        cls, path: str, expected_zh: str, expected_en: str, found: object, *, source: str | None = None
    ) -> InputError:
        return cls([Problem(path, expected_zh, expected_en, found)], source=source)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.problems,), {"source": self.source})


class UnreadableFile(InputError):
    """A whole file (a PDF, Word document, web page, workbook) could not be read: one problem, at
    ``$``, saying what the file should have been; ``found`` is what it was."""

    def __init__(
        self, expected_zh: str, expected_en: str, found: object, *, source: str | None = None
    ) -> None:
        super().__init__([Problem("$", expected_zh, expected_en, found)], source=source)
        self.found = found

    def __reduce__(self) -> tuple[Any, ...]:
        problem = self.problems[0]
        return (
            type(self),
            (problem.expected_zh, problem.expected_en, problem.found),
            {"source": self.source},
        )


class InvariantError(_RebuiltFromFields, ValueError):
    """Raised by ``.validated()`` helpers: the object breaks identities; ``findings`` lists all."""

    _fields = ("findings",)

    findings: tuple[Finding, ...]

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = tuple(findings)
        zh = f"{len(self.findings)} 项核对未通过：" + "；".join(f.message.zh for f in self.findings[:10])
        en = f"{len(self.findings)} check(s) failed: " + "; ".join(f.message.en for f in self.findings[:10])
        BudgetAcctError.__init__(self, zh, en)
