"""The ``budgetacct`` command.

``budgetacct audit FILE.json`` (or ``--example xiqu-2021``) checks a document and prints its
findings; ``budgetacct example xiqu-2021`` prints a bundled example.  Exit status: 0 when there is
no error finding, 1 when there is, 2 when the input cannot be read.

Other commands: ``render`` (决算说明), ``tables`` (the standard tables), ``charts`` (图1–图7),
``schema`` (the JSON Schema of the documents), ``export-fdp`` (a Ledger as a Fiscal Data Package),
``import-xlsx`` (the standard tables of a workbook as a Disclosure) and ``read`` (a published
决算说明 text as a Disclosure).  Wherever a FILE is read, an ``.xlsx`` workbook of the standard
tables and a ``.txt`` report (UTF-8, GBK/GB18030 or UTF-16 with BOM) are accepted too;
``audit report.txt`` shows under each finding the sentence its figure was read from, and
``audit FILE --format html -o audit.html`` writes a standalone HTML page of the findings.  A file
budgetacct does not read (an old Word ``.doc``, a ZIP archive, UTF-16 without BOM …) is named as
such, with what to do instead.

Several files, a directory or a glob make a batch: one JSON line per report as each is ready
(``--ordered``: in input order), progress on stderr, and a summary on stderr and as the last line
(``{"summary": {...}}``).  A file of a directory that is no report (by its ending) is named in a
``"skipped"`` record and counted in the summary.

Heavy modules are imported inside the commands, so ``budgetacct --help`` stays fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final, TextIO

from budgetacct._cli_input import (
    InputFailure,
    failing_as_input,
    load,
    read_input,
    read_published_file,
    read_text_report,
    read_workbook,
    refuse_non_text,
)
from budgetacct._report_text import report_json, report_table
from budgetacct._text import display_width

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.io.converter import Document
    from budgetacct.model import Budget, Disclosure, Ledger
    from budgetacct.render.narrative import Narrative
    from budgetacct.render.tables import Table

__all__ = ["display_width", "main", "report_json", "report_table"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2


# --------------------------------------------------------------------------------------------
# Commands


def _is_batch(args: argparse.Namespace) -> bool:
    """Several reports, a directory, a glob, ``--jobs`` or ``--format jsonl`` make a batch."""
    import glob
    from pathlib import Path

    if args.example is not None:
        return False
    files: list[str] = args.file
    return (
        len(files) != 1
        or args.jobs is not None
        or args.format == "jsonl"
        or Path(files[0]).is_dir()
        or glob.has_magic(files[0])
    )


def _cmd_audit_batch(args: argparse.Namespace, out: TextIO) -> int:
    """One line per report as each is ready (or in input order with ``--ordered``), progress on
    stderr, then the summary on stderr and, in JSON lines, as the last record."""
    from budgetacct.batch import Progress, Summary, audit_many, find_reports, skipped_record

    if args.year is not None or args.department is not None:
        raise InputFailure(
            "--year 与 --department 只用于一份报告 | --year and --department apply to one report, not a batch"
        )
    files, skipped = find_reports(args.file)
    if not files:
        raise InputFailure(
            "没有找到报告 | no reports found in: "
            + " ".join(args.file)
            + (f"（跳过 {len(skipped)} 个非报告文件）| ({len(skipped)} files skipped)" if skipped else "")
        )
    if args.format == "html":
        raise InputFailure(
            "HTML 审核报告一次只写一份报告；多份报告请用 --format jsonl 或 text | "
            "an HTML audit page is for one report; for several reports use --format jsonl or text"
        )
    progress, summary = Progress(len(files), sys.stderr), Summary()
    for record in map(skipped_record, skipped):  # named first: a skipped file is never silent
        summary.add(record)
        out.write(
            record["error"] + "\n" if args.format == "text" else json.dumps(record, ensure_ascii=False) + "\n"
        )
    for result in audit_many(files, jobs=args.jobs, ordered=args.ordered):
        summary.add(result)
        if args.format == "text":
            counts = result["counts"]
            status = (
                result["error"]
                or f"错误 {counts['error']} · 警告 {counts['warning']} · 提示 {counts['note']}"
            )
            out.write(f"{result['path']}: {status}\n")
        else:
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
        progress.update(result)
    progress.close()
    if args.format != "text":
        out.write(json.dumps({"summary": summary.as_dict()}, ensure_ascii=False) + "\n")
    sys.stderr.write(summary.text() + "\n")
    if summary.statuses["unreadable"]:
        return EXIT_INPUT
    return EXIT_FINDINGS if summary.statuses["errors"] else EXIT_OK


def _cmd_audit(args: argparse.Namespace, out: TextIO) -> int:
    from budgetacct.auditing import audit

    if len(args.file) == 2 and args.example is None and args.jobs is None:
        paired = _audit_pair_files(args, out)
        if paired is not None:
            return paired
    if _is_batch(args):
        return _cmd_audit_batch(args, out)
    document, sources, coverage = read_input(
        args.file[0] if args.file else None, args.example, year=args.year, department=args.department
    )
    with failing_as_input():
        report = audit(document, coverage=coverage)
    if args.format == "html":
        from budgetacct.render.audit_html import render_audit_html

        # Each finding shows where its figures are printed; a PDF's pages (only a PDF's sources
        # are boxes on a page) are drawn with the figures boxed.
        pdf = args.file[0] if args.file and sources else None
        text = render_audit_html(report, sources=sources, pdf=pdf, document=document)
    elif args.format == "json":
        text = report_json(report, sources, document)
    else:  # places named in words by the document's tables and sections
        text = report_table(report, sources, document)
    _write_text(text, args.output, out)
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _audit_pair_files(args: argparse.Namespace, out: TextIO) -> int | None:
    """``audit BUDGET FINAL``: a budget and the same year's 决算 (either order) checked together
    (:func:`budgetacct.pair.audit_pair`); ``None`` when the two files are not such a pair."""
    from budgetacct.model import Budget, BudgetAccount, Disclosure, Ledger, publish_budget
    from budgetacct.pair import audit_pair

    documents = [load(file, None) for file in args.file]
    budgets = [d for d in documents if isinstance(d, Budget | BudgetAccount)]
    finals = [d for d in documents if isinstance(d, Disclosure | Ledger)]
    if len(budgets) != 1 or len(finals) != 1:
        return None
    budget, final = budgets[0], finals[0]
    with failing_as_input():
        report = audit_pair(
            publish_budget(budget) if isinstance(budget, BudgetAccount) else budget,
            final.publish() if isinstance(final, Ledger) else final,
        )
    if args.format == "html":
        from budgetacct.render.audit_html import render_audit_html

        text = render_audit_html(report)
    else:
        # two files default to JSON lines (a batch); a pair is one report, in JSON then
        machine = args.format in ("json", "jsonl")
        text = report_json(report, None) if machine else report_table(report, None)
    _write_text(text, args.output, out)
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _cmd_example(args: argparse.Namespace, out: TextIO) -> int:
    from budgetacct.examples import list_examples, load_example
    from budgetacct.io.json import dump

    if args.name is None:
        out.write("".join(f"{name}\n" for name in list_examples()))
        return EXIT_OK
    with failing_as_input():
        document = load_example(args.name, args.kind)
    out.write(dump(document))
    return EXIT_OK


def _disclosure(args: argparse.Namespace, document: Document | None = None) -> Disclosure:
    """The document named on the command line (or ``document``), published first when it is a Ledger."""
    from budgetacct.model import Disclosure, Ledger

    document = load(args.file, args.example) if document is None else document
    if not isinstance(document, Disclosure | Ledger):
        raise InputFailure(
            "这一命令用于部门决算；部门预算请用 audit | this command takes final accounts; for a budget use audit"
        )
    return document.publish() if isinstance(document, Ledger) else document


def _example_is_budget(example: str | None) -> bool:
    """Whether a bundled example is a budget only (it has no 决算 to render)."""
    from budgetacct.errors import BudgetAcctError

    if example is None:
        return False
    from budgetacct.examples import EXAMPLE_KINDS, example_path

    def has(kind: str) -> bool:
        try:
            return example_path(example, kind).is_file()
        except BudgetAcctError:
            return False

    return has("budget") and not any(has(kind) for kind in EXAMPLE_KINDS if kind in ("disclosure", "ledger"))


def _budget_tables(document: Document) -> tuple[Table, ...]:
    """A budget's tables as printed, laid out by their specs."""
    from budgetacct.model import Budget, BudgetAccount, publish_budget
    from budgetacct.render.tables.layout import layout

    assert isinstance(document, Budget | BudgetAccount)
    budget = publish_budget(document) if isinstance(document, BudgetAccount) else document
    return tuple(
        layout(table, department=budget.department, year=budget.year, set_name=budget.table_set)
        for table in budget.tables
    )


def _is_budget(document: Document) -> bool:
    from budgetacct.model import Budget, BudgetAccount

    return isinstance(document, Budget | BudgetAccount)


def _budget_narrative(document: Document) -> Narrative:
    """The 预算编制说明 of a budget (a budget account is published first)."""
    from budgetacct.model import Budget, BudgetAccount, publish_budget
    from budgetacct.render.budget_narrative import render_budget_narrative

    assert isinstance(document, Budget | BudgetAccount)
    return render_budget_narrative(
        publish_budget(document) if isinstance(document, BudgetAccount) else document
    )


#: The locales the narrative is written in (Chinese as published, and English).
_LOCALES = ("zh_CN", "en")


def _cmd_render(args: argparse.Namespace, out: TextIO) -> int:
    from budgetacct.render.narrative import render_narrative

    if args.locale not in _LOCALES:
        raise InputFailure(
            f"不支持的语言 {args.locale}：支持 {'、'.join(_LOCALES)} | "
            f"unsupported locale {args.locale!r}: the supported locales are {', '.join(_LOCALES)}"
        )
    document = load(args.file, args.example)
    with failing_as_input():
        if _is_budget(document):
            narrative = _budget_narrative(document)
        else:
            narrative = render_narrative(
                _disclosure(args, document),
                template=args.template,
                locale=args.locale,
                sections=None if args.section is None else (args.section,),
            )
    if not narrative.sections:
        raise InputFailure(f"没有这一部分 | no such section: {args.section}")
    text = {"text": narrative.text, "md": narrative.markdown(), "html": narrative.html()}[args.format]
    out.write(text.rstrip("\n") + "\n")
    return EXIT_OK


def _cmd_tables(args: argparse.Namespace, out: TextIO) -> int:
    from budgetacct.render.tables import standard_tables, to_html, to_markdown, to_text, to_xlsx

    document = load(args.file, args.example, "budget" if _example_is_budget(args.example) else "disclosure")
    if _is_budget(document):
        tables = _budget_tables(document)
    else:
        tables = standard_tables(_disclosure(args, document), set=args.set)
    if args.table is not None:
        tables = tuple(
            t for t in tables if args.table in (t.number, t.number.removeprefix("公开").removesuffix("表"))
        )
        if not tables:
            raise InputFailure(f"没有这张表 | no such table: {args.table}")
    if args.format == "xlsx":
        if args.output is None:
            raise InputFailure("xlsx 需要 -o 文件名 | xlsx needs -o FILE.xlsx")
        with failing_as_input():
            to_xlsx(tables, args.output)
        return EXIT_OK
    render = {"text": to_text, "md": to_markdown, "html": to_html}[args.format]
    text = "\n\n".join(render(table).rstrip("\n") for table in tables) + "\n"
    if args.output is not None:
        from pathlib import Path

        Path(args.output).write_text(text, encoding="utf-8")
    else:
        out.write(text)
    return EXIT_OK


def _cmd_charts(args: argparse.Namespace, out: TextIO) -> int:
    from budgetacct.render.charts import save_charts

    disclosure = _disclosure(args)
    with failing_as_input(args.output, writing=True):
        paths = save_charts(disclosure, args.output, format=args.format, dpi=args.dpi, font=args.font)
    if not paths:
        sys.stderr.write("没有可绘制的图表 | the document states no figure to chart\n")
    out.write("".join(f"{path}\n" for path in paths))
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from budgetacct.io.json_schema import json_schema

    schema = json_schema(args.type)
    out.write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _cmd_export_fdp(args: argparse.Namespace, out: TextIO) -> int:
    from budgetacct.io.fdp import to_fiscal_data_package
    from budgetacct.model import Ledger

    document = load(args.file, args.example, "ledger")
    if not isinstance(document, Ledger):
        raise InputFailure(
            "财政数据包需要明细支出项：请给出账（Ledger），公开的决算（Disclosure）只有合计数 | "
            "a Fiscal Data Package needs line items: give a Ledger, a Disclosure has only totals"
        )
    with failing_as_input(args.output, writing=True):
        path = to_fiscal_data_package(document, args.output, name=args.name)
    out.write(f"{path}\n")
    return EXIT_OK


def _write_text(text: str, output: str | None, out: TextIO) -> None:
    """``text`` to the file ``output`` (UTF-8), or to ``out`` when there is none."""
    if output is None:
        out.write(text)
        return
    from pathlib import Path

    with failing_as_input(output):
        Path(output).write_text(text, encoding="utf-8", newline="\n")


def _write_document(document: Disclosure | Ledger | Budget, output: str | None, out: TextIO) -> None:
    from budgetacct.io.json import dump

    _write_text(dump(document), output, out)


def _cmd_read(args: argparse.Namespace, out: TextIO) -> int:

    with failing_as_input(args.file):
        published = read_published_file(args.file, args.year, args.department)
        if published is not None:
            _write_document(published, args.output, out)
            return EXIT_OK
        refuse_non_text(args.file)
        result = read_text_report(args.file, args.year, args.department)
    _write_document(result.disclosure, args.output, out)
    return EXIT_OK


def _cmd_import_xlsx(args: argparse.Namespace, out: TextIO) -> int:
    from budgetacct._files import sniff

    with failing_as_input(args.file):
        sniff(args.file)  # a missing file, an old .xls or a ZIP that is no workbook is named as such
        disclosure = read_workbook(args.file, args.year)
    _write_document(disclosure, args.output, out)
    return EXIT_OK


_Handler = Callable[[argparse.Namespace, TextIO], int]


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    handler: _Handler,
    summary: str,
    description: str,
) -> argparse.ArgumentParser:
    """The subcommand ``name``: its line in ``budgetacct --help``, its own ``--help`` and what runs it."""
    command = commands.add_parser(name, help=summary, description=description)
    command.set_defaults(handler=handler)
    return command


def _add_source(command: argparse.ArgumentParser, what: str) -> None:
    command.add_argument("file", nargs="?", metavar="FILE", help=what)
    command.add_argument("--example", metavar="NAME", help="use a bundled example instead (e.g. xiqu-2021)")


def _add_format(command: argparse.ArgumentParser, *formats: str) -> None:
    """``--format``, one of ``formats``; the first is the default."""
    command.add_argument("--format", choices=formats, default=formats[0])


def _add_output_directory(command: argparse.ArgumentParser) -> None:
    command.add_argument("-o", "--output", metavar="DIR", required=True, help="directory to write into")


def _add_file_read_into_json(command: argparse.ArgumentParser, metavar: str, what: str) -> None:
    """The one file a command reads into a Disclosure, and where the Disclosure's JSON goes."""
    command.add_argument("file", metavar=metavar, help=what)
    command.add_argument(
        "-o", "--output", metavar="OUT.json", help="write the Disclosure here (default: stdout)"
    )


def _add_year_and_department(command: argparse.ArgumentParser) -> None:
    command.add_argument("--year", type=int, help="a text report's year, when the text does not state it")
    command.add_argument(
        "--department", metavar="NAME", help="a text report's department, when the text does not name it"
    )


def _parser() -> argparse.ArgumentParser:
    from budgetacct import __version__

    parser = argparse.ArgumentParser(
        prog="budgetacct",
        description="部门决算的核对与示例 | check department final-account reports and show examples",
    )
    parser.add_argument("--version", action="version", version=f"budgetacct {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    audit = _command(
        commands,
        "audit",
        _cmd_audit,
        "核对一份文档 | audit a Disclosure/Ledger JSON, an .xlsx of the tables or a .txt report",
        "核对一份文档并列出发现 | audit a document and list its findings. "
        "Exit status: 0 no error finding, 1 error findings, 2 unreadable input.",
    )
    audit.add_argument(
        "file",
        nargs="*",
        metavar="PATH",
        help="documents to audit: JSON, .xlsx workbooks of the tables, .txt reports; "
        "several files, directories or globs audit a batch (one JSON line per report)",
    )
    audit.add_argument("--example", metavar="NAME", help="audit a bundled example instead (e.g. xiqu-2021)")
    audit.add_argument(
        "--format",
        choices=("text", "json", "html", "jsonl"),
        default=None,
        help="text (default for one report), json, html (a standalone page; use -o), "
        "or jsonl (default for a batch: one line per report, then a summary line)",
    )
    audit.add_argument("-o", "--output", metavar="OUT", help="write to this file (default: stdout)")
    audit.add_argument("--jobs", type=int, metavar="N", help="worker processes for a batch (default: CPUs)")
    audit.add_argument(
        "--ordered", action="store_true", help="a batch's lines in input order (default: as each is ready)"
    )
    _add_year_and_department(audit)

    example = _command(
        commands,
        "example",
        _cmd_example,
        "打印内置示例 | print a bundled example document",
        "打印内置示例（不带名称时列出示例）| print a bundled example (lists them without NAME)",
    )
    example.add_argument("name", nargs="?", metavar="NAME", help="example name, e.g. xiqu-2021")
    example.add_argument("--kind", choices=("disclosure", "ledger", "budget"), default="disclosure")

    render = _command(
        commands,
        "render",
        _cmd_render,
        "生成决算说明 | render the 决算说明 narrative",
        "由文档生成第二部分决算说明 | render the narrative sections of a Disclosure or Ledger",
    )
    _add_source(render, "a Disclosure or Ledger JSON document")
    render.add_argument("--section", metavar="N", help="one section, by number (五) or key (revenue)")
    render.add_argument("--locale", default="zh_CN", help="zh_CN (default) or en")
    render.add_argument("--template", default="sichuan-2021", help="sichuan-2021 (default) or all-lines")
    _add_format(render, "text", "md", "html")

    tables = _command(
        commands,
        "tables",
        _cmd_tables,
        "生成公开报表 | render the standard disclosure tables",
        "生成公开报表 | the MoF 9 tables (公开01–09表) or the Sichuan 14-table set",
    )
    _add_source(tables, "a Disclosure or Ledger JSON document")
    tables.add_argument("--table", metavar="N", help="one table, by number (01, 公开01表, 一)")
    tables.add_argument("--set", choices=("mof-9", "sichuan-14"), default="mof-9")
    _add_format(tables, "text", "md", "html", "xlsx")
    tables.add_argument("-o", "--output", metavar="OUT", help="write to this file (required for xlsx)")

    charts = _command(
        commands,
        "charts",
        _cmd_charts,
        "绘制图1–图7 | draw the report's figures (needs budgetacct[plot])",
        "绘制决算说明的图1–图7 | draw figures 1–7 of the 决算说明 into a directory "
        "(needs budgetacct[plot] and a CJK font such as the Debian package fonts-noto-cjk)",
    )
    _add_source(charts, "a Disclosure or Ledger JSON document, or an .xlsx workbook")
    _add_output_directory(charts)
    _add_format(charts, "png", "svg", "pdf")
    charts.add_argument("--dpi", type=int, default=150, help="resolution of PNG files (default: 150)")
    charts.add_argument("--font", metavar="FONT", help="a font file or installed family name with CJK glyphs")

    schema = _command(
        commands,
        "schema",
        _cmd_schema,
        "打印JSON Schema | print the JSON Schema of a document",
        "打印文档序列化形式的JSON Schema（draft 2020-12）| the JSON Schema of a serialized document",
    )
    schema.add_argument(
        "--type", choices=("Disclosure", "Ledger", "Budget", "BudgetAccount"), default="Disclosure"
    )

    fdp = _command(
        commands,
        "export-fdp",
        _cmd_export_fdp,
        "导出财政数据包 | export a Ledger as a Fiscal Data Package",
        "把账的明细导出为财政数据包（datapackage.json + CSV）| write a Ledger's line items "
        "as a Fiscal Data Package. A Disclosure is refused (exit 2): it has no line items.",
    )
    _add_source(fdp, "a Ledger JSON document")
    _add_output_directory(fdp)
    fdp.add_argument("--name", metavar="SLUG", help="package name (default: final-accounts-YEAR)")

    xlsx = _command(
        commands,
        "import-xlsx",
        _cmd_import_xlsx,
        "读入公开报表工作簿 | read the standard tables of an .xlsx workbook",
        "把公开报表工作簿读成决算公开数据（Disclosure JSON）| read a workbook of the standard "
        "tables (as written by `budgetacct tables --format xlsx`) into a Disclosure",
    )
    _add_file_read_into_json(xlsx, "FILE.xlsx", "the workbook")
    xlsx.add_argument("--year", type=int, help="the fiscal year, when the workbook does not state it")

    read = _command(
        commands,
        "read",
        _cmd_read,
        "读取决算说明文字 | read a published 决算说明 (text) into a Disclosure",
        "把公开的决算说明（文字）读成决算公开数据 | read a published report's text into a "
        "Disclosure; the counts of figures read and of sentences left unread go to stderr",
    )
    _add_file_read_into_json(read, "REPORT.txt", "the report text (UTF-8 or GB18030)")
    _add_year_and_department(read)
    return parser


# The commands that read one document: FILE or --example NAME.
_SOURCED = ("audit", "render", "tables", "charts", "export-fdp")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (also for ``--help`` and usage errors)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_INPUT
        if args.command == "audit":
            if bool(args.file) == (args.example is not None):
                sys.stderr.write("budgetacct audit: give PATH... or --example NAME\n")
                return EXIT_INPUT
            if args.format is None:
                args.format = "jsonl" if _is_batch(args) else "text"
        elif args.command in _SOURCED and (args.file is None) == (args.example is None):
            sys.stderr.write(f"budgetacct {args.command}: give exactly one of FILE or --example NAME\n")
            return EXIT_INPUT
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_INPUT)
    try:
        status: int = args.handler(args, sys.stdout)
    except InputFailure as failure:
        sys.stderr.write(failure.message.rstrip("\n") + "\n")
        return EXIT_INPUT
    except Exception:
        # Not the input's fault: a bug.  Say so, then let the traceback show where it is.
        sys.stderr.write(f"budgetacct: {_BUG_NOTE}\n")
        raise
    return status


_BUG_NOTE: Final = (
    "内部错误（程序缺陷，不是输入的问题），请连同输入文件报告 | "
    "internal error (a bug in budgetacct, not a problem with your input): please report it with the input"
)
