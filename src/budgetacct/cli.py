"""The ``budgetacct`` command.

``budgetacct audit FILE.json`` (or ``--example xiqu-2021``) checks a document and prints its
findings; ``budgetacct example xiqu-2021`` prints a bundled example.  Exit status: 0 when there is
no error finding, 1 when there is, 2 when the input cannot be read.

Heavy modules are imported inside the commands, so ``budgetacct --help`` stays fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from budgetacct._text import display_width

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.audit.finding import AuditReport, Finding
    from budgetacct.model import Disclosure, Ledger

__all__ = ["display_width", "main", "report_json", "report_table"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2


# --------------------------------------------------------------------------------------------
# Text layout


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def _widths(rows: Sequence[Sequence[str]]) -> list[int]:
    return [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    """Cells separated by two spaces; the last cell is not padded."""
    padded = [_pad(cell, widths[i]) for i, cell in enumerate(cells[:-1])] + [cells[-1]]
    return "  ".join(padded).rstrip()


_HEADER = ("规则 rule", "路径 path", "应为 expected", "实际 actual", "差额 difference", "说明 message")
_SEVERITY_TITLES = {"error": "错误 errors", "warning": "警告 warnings", "note": "提示 notes"}


def _one_line(text: str | None) -> str:
    return "" if text is None else " ".join(text.split())


def _summary(report: AuditReport) -> str:
    from budgetacct.model.enums import Severity

    counts = report.counts
    e, w, n = counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.NOTE]
    return f"错误 {e} · 警告 {w} · 提示 {n} | errors {e} · warnings {w} · notes {n}"


def report_table(report: AuditReport) -> str:
    """The findings as a text table grouped by severity (errors first), then a summary line.

    Columns line up across groups, Chinese characters counting two columns.
    """
    from budgetacct.model.enums import Severity

    groups: list[tuple[Severity, list[tuple[str, ...]]]] = []
    for severity in sorted(Severity, key=lambda s: s.rank):
        findings: tuple[Finding, ...] = report.by_severity(severity)
        if findings:
            rows: list[tuple[str, ...]] = [
                (
                    f.rule,
                    f.path,
                    _one_line(f.expected),
                    _one_line(f.actual),
                    _one_line(f.difference),
                    _one_line(f.message.zh),
                )
                for f in findings
            ]
            groups.append((severity, rows))
    widths = _widths([_HEADER, *(row for _, rows in groups for row in rows)])
    lines: list[str] = []
    if report.subject:
        lines += [f"审核 audit: {report.subject}", ""]
    for severity, group_rows in groups:
        lines.append(f"{_SEVERITY_TITLES[severity.value]} ({len(group_rows)})")
        lines += [_row(_HEADER, widths), *(_row(row, widths) for row in group_rows), ""]
    if not groups:
        lines += ["没有发现问题 | no findings", ""]
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def report_json(report: AuditReport) -> str:
    """The findings and counts as JSON (``{"findings": [...], "summary": {...}}``)."""
    from budgetacct.model.enums import Severity

    findings: list[dict[str, Any]] = [
        {
            "rule": f.rule,
            "severity": f.severity.value,
            "path": f.path,
            "expected": f.expected,
            "actual": f.actual,
            "difference": f.difference,
            "tolerance": f.tolerance,
            "message": {"zh": f.message.zh, "en": f.message.en},
        }
        for f in report.findings
    ]
    counts = report.counts
    summary = {severity.value: counts[severity] for severity in Severity}
    return json.dumps({"findings": findings, "summary": summary}, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------------------------
# Commands


class _InputFailure(Exception):
    """The input could not be read; ``message`` is printed to stderr."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _load(file: str | None, example: str | None) -> Disclosure | Ledger:
    from pathlib import Path

    from budgetacct.errors import BudgetAcctError

    try:
        if example is not None:
            from budgetacct.examples import load_example

            return load_example(example)
        from budgetacct.io.json import load

        assert file is not None
        return load(Path(file))
    except BudgetAcctError as exc:
        raise _InputFailure(str(exc)) from None
    except OSError as exc:
        raise _InputFailure(f"{file}: {exc.strerror or exc}") from None
    except Exception as exc:  # an unexpected failure while reading is still an unreadable input
        raise _InputFailure(f"无法读取输入 | cannot read the input: {type(exc).__name__}: {exc}") from None


def _cmd_audit(args: argparse.Namespace, out: TextIO) -> int:
    from budgetacct.audit import audit
    from budgetacct.errors import BudgetAcctError

    document = _load(args.file, args.example)
    try:
        report = audit(document)
    except BudgetAcctError as exc:
        raise _InputFailure(str(exc)) from None
    out.write(report_json(report) if args.format == "json" else report_table(report))
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _cmd_example(args: argparse.Namespace, out: TextIO) -> int:
    from budgetacct.errors import BudgetAcctError
    from budgetacct.examples import list_examples, load_example
    from budgetacct.io.json import dump

    if args.name is None:
        out.write("".join(f"{name}\n" for name in list_examples()))
        return EXIT_OK
    try:
        document = load_example(args.name, args.kind)
    except BudgetAcctError as exc:
        raise _InputFailure(str(exc)) from None
    out.write(dump(document))
    return EXIT_OK


def _disclosure(args: argparse.Namespace) -> Disclosure:
    """The document named on the command line, published first when it is a Ledger."""
    from budgetacct.model import Ledger

    document = _load(args.file, args.example)
    return document.publish() if isinstance(document, Ledger) else document


def _cmd_render(args: argparse.Namespace, out: TextIO) -> int:
    from budgetacct.errors import BudgetAcctError
    from budgetacct.render.narrative import render_narrative

    disclosure = _disclosure(args)
    try:
        narrative = render_narrative(
            disclosure,
            template=args.template,
            locale=args.locale,
            sections=None if args.section is None else (args.section,),
        )
    except BudgetAcctError as exc:
        raise _InputFailure(str(exc)) from None
    if not narrative.sections:
        raise _InputFailure(f"没有这一部分 | no such section: {args.section}")
    text = {"text": narrative.text, "md": narrative.markdown(), "html": narrative.html()}[args.format]
    out.write(text.rstrip("\n") + "\n")
    return EXIT_OK


def _cmd_tables(args: argparse.Namespace, out: TextIO) -> int:
    from budgetacct.errors import BudgetAcctError
    from budgetacct.render.tables import standard_tables, to_html, to_markdown, to_text, to_xlsx

    tables = standard_tables(_disclosure(args), set=args.set)
    if args.table is not None:
        tables = tuple(
            t for t in tables if args.table in (t.number, t.number.removeprefix("公开").removesuffix("表"))
        )
        if not tables:
            raise _InputFailure(f"没有这张表 | no such table: {args.table}")
    if args.format == "xlsx":
        if args.output is None:
            raise _InputFailure("xlsx 需要 -o 文件名 | xlsx needs -o FILE.xlsx")
        try:
            to_xlsx(tables, args.output)
        except BudgetAcctError as exc:
            raise _InputFailure(str(exc)) from None
        return EXIT_OK
    render = {"text": to_text, "md": to_markdown, "html": to_html}[args.format]
    text = "\n\n".join(render(table).rstrip("\n") for table in tables) + "\n"
    if args.output is not None:
        from pathlib import Path

        Path(args.output).write_text(text, encoding="utf-8")
    else:
        out.write(text)
    return EXIT_OK


def _add_source(command: argparse.ArgumentParser, what: str) -> None:
    command.add_argument("file", nargs="?", metavar="FILE", help=what)
    command.add_argument("--example", metavar="NAME", help="use a bundled example instead (e.g. xiqu-2021)")


def _parser() -> argparse.ArgumentParser:
    from budgetacct import __version__

    parser = argparse.ArgumentParser(
        prog="budgetacct",
        description="部门决算的核对与示例 | check department final-account reports and show examples",
    )
    parser.add_argument("--version", action="version", version=f"budgetacct {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    audit = commands.add_parser(
        "audit",
        help="核对一份文档 | audit a Disclosure or Ledger JSON document",
        description="核对一份文档并列出发现 | audit a document and list its findings. "
        "Exit status: 0 no error finding, 1 error findings, 2 unreadable input.",
    )
    audit.add_argument("file", nargs="?", metavar="FILE.json", help="the document to audit")
    audit.add_argument("--example", metavar="NAME", help="audit a bundled example instead (e.g. xiqu-2021)")
    audit.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    audit.set_defaults(handler=_cmd_audit)

    example = commands.add_parser(
        "example",
        help="打印内置示例 | print a bundled example document",
        description="打印内置示例（不带名称时列出示例）| print a bundled example (lists them without NAME)",
    )
    example.add_argument("name", nargs="?", metavar="NAME", help="example name, e.g. xiqu-2021")
    example.add_argument("--kind", choices=("disclosure", "ledger"), default="disclosure")
    example.set_defaults(handler=_cmd_example)

    render = commands.add_parser(
        "render",
        help="生成决算说明 | render the 决算说明 narrative",
        description="由文档生成第二部分决算说明 | render the narrative sections of a Disclosure or Ledger",
    )
    _add_source(render, "a Disclosure or Ledger JSON document")
    render.add_argument("--section", metavar="N", help="one section, by number (五) or key (revenue)")
    render.add_argument("--locale", default="zh_CN", help="zh_CN (default) or en")
    render.add_argument("--template", default="sichuan-2021", help="sichuan-2021 (default) or all-lines")
    render.add_argument("--format", choices=("text", "md", "html"), default="text")
    render.set_defaults(handler=_cmd_render)

    tables = commands.add_parser(
        "tables",
        help="生成公开报表 | render the standard disclosure tables",
        description="生成公开报表 | the MoF 9 tables (公开01–09表) or the Sichuan 14-table set",
    )
    _add_source(tables, "a Disclosure or Ledger JSON document")
    tables.add_argument("--table", metavar="N", help="one table, by number (01, 公开01表, 一)")
    tables.add_argument("--set", choices=("mof-9", "sichuan-14"), default="mof-9")
    tables.add_argument("--format", choices=("text", "md", "html", "xlsx"), default="text")
    tables.add_argument("-o", "--output", metavar="OUT", help="write to this file (required for xlsx)")
    tables.set_defaults(handler=_cmd_tables)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (also for ``--help`` and usage errors)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_INPUT
        if args.command in ("audit", "render", "tables") and (args.file is None) == (args.example is None):
            sys.stderr.write(f"budgetacct {args.command}: give exactly one of FILE or --example NAME\n")
            return EXIT_INPUT
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_INPUT)
    try:
        status: int = args.handler(args, sys.stdout)
    except _InputFailure as failure:
        sys.stderr.write(failure.message.rstrip("\n") + "\n")
        return EXIT_INPUT
    return status
