"""A catalogue of bad inputs driven through every public entry point.

Each one must end in a typed :class:`~budgetacct.errors.BudgetAcctError` (or, for report texts,
in findings / unread sentences) whose message names the place, in bounded time and memory; the
command line exits 2 without a traceback.
"""

from __future__ import annotations

import contextlib
import io
import json
import time
import zlib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetacct import Amount, Disclosure, Percent, load_example
from budgetacct.cli import main
from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.errors import BudgetAcctError, InputError, InvalidValue, Problem
from budgetacct.io import dump, load, loads
from budgetacct.model import Count, SourceLine
from budgetacct.model.enums import RevenueSource

SEED_JSON = json.loads(dump(load_example("xiqu-2021")))


def _doc(**changes: Any) -> str:
    document = json.loads(json.dumps(SEED_JSON))
    for dotted, value in changes.items():
        node = document
        *parents, last = dotted.split(".")
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if value is _DELETE:
            del node[last]
        else:
            node[last] = value
    return json.dumps(document, ensure_ascii=False)


_DELETE = object()

VALUES: list[tuple[str, Callable[[], object]]] = [
    ("float", lambda: Amount(0.1)),  # type: ignore[arg-type]
    ("float-big", lambda: Amount(1e308)),  # type: ignore[arg-type]
    ("nan-float", lambda: Amount(float("nan"))),  # type: ignore[arg-type]
    ("nan-text", lambda: Amount("NaN")),
    ("snan-text", lambda: Amount("sNaN")),
    ("inf-text", lambda: Amount("Infinity")),
    ("minus-inf", lambda: Amount("-inf")),
    ("huge-exponent", lambda: Amount("1e999999")),
    ("tiny-exponent", lambda: Amount("1e-999999")),
    ("forty-digits", lambda: Amount("1" * 40)),
    ("bool", lambda: Amount(True)),  # type: ignore[arg-type]
    ("none", lambda: Amount(None)),  # type: ignore[arg-type]
    ("empty", lambda: Amount("")),
    ("whitespace", lambda: Amount("  \t ")),
    ("two-points", lambda: Amount("12.3.4")),
    ("superscript", lambda: Amount("²")),
    ("decimal-nan", lambda: Amount(Decimal("NaN"))),
    ("bytes", lambda: Amount(b"12")),  # type: ignore[arg-type]
    ("parse-empty", lambda: Amount.parse("")),
    ("parse-unit-only", lambda: Amount.parse("万元")),
    ("parse-mixed-width", lambda: Amount.parse("８7４.6３美元")),
    ("parse-superscript", lambda: Amount.parse("²万元")),
    ("parse-huge", lambda: Amount.parse("9" * 50 + "亿元")),
    ("parse-bom", lambda: Amount.parse("\ufeff12万元")),
    ("percent-float", lambda: Percent(0.5)),  # type: ignore[arg-type]
    ("percent-text", lambda: Percent.parse("百分之五")),
    ("code-fullwidth", lambda: FunctionCode("２０１")),
    ("code-superscript", lambda: FunctionCode("²01")),
    ("code-four-digits", lambda: FunctionCode("2010")),
    ("code-int", lambda: FunctionCode(201)),  # type: ignore[arg-type]
    ("code-trailing-newline", lambda: FunctionCode("201\n")),
    ("code-unknown", lambda: FunctionCode("2099999").name(2021)),
    ("code-unknown-year", lambda: FunctionCode("2010301").name(1999)),
    ("economic-wrong-class", lambda: EconomicCode("40101")),
    ("economic-six-digits", lambda: EconomicCode("301011")),
    ("negative-source", lambda: SourceLine(RevenueSource.OTHER, Amount("-0.01"))),
    ("count-negative", lambda: Count("公务员", -1)),
    ("count-float", lambda: Count("公务员", 1.0)),  # type: ignore[arg-type]
    ("count-empty-category", lambda: Count("  ", 1)),
    ("disclosure-year", lambda: Disclosure(year=21, department="x")),
    ("disclosure-department", lambda: Disclosure(year=2021, department="")),
]


@pytest.mark.parametrize(("name", "call"), VALUES, ids=[name for name, _ in VALUES])
def test_bad_values_raise_typed_bilingual_errors(name: str, call: Callable[[], object]) -> None:
    with pytest.raises(BudgetAcctError) as info:
        call()
    error = info.value
    assert error.zh
    assert error.en
    if isinstance(error, InvalidValue):
        assert error.path.startswith("$")
        assert "expected" in error.en


DOCUMENTS: list[tuple[str, str | bytes, str]] = [
    ("float-amount", _doc(**{"revenue.total": 830.63}), "$.revenue.total"),
    ("int-amount", _doc(**{"revenue.total": 830}), "$.revenue.total"),
    ("nan-literal", _doc().replace('"830.63"', "NaN"), "$.revenue.total"),
    ("huge-amount", _doc(**{"revenue.total": "1e999999"}), "$.revenue.total"),
    ("negative-amount", _doc(**{"revenue.lines.0.amount": "-739"}), "$.revenue.lines[0].amount"),
    ("year-string", _doc(year="2021"), "$.year"),
    ("year-bool", _doc(year=True), "$.year"),
    ("year-float", _doc(year=2021.0), "$.year"),
    ("code-int", _doc(**{"general_budget.items.0.code": 2010301}), "$.general_budget.items[0].code"),
    (
        "code-fullwidth",
        _doc(**{"general_budget.classes.0.code": "２０１"}),
        "$.general_budget.classes[0].code",
    ),
    ("code-length", _doc(**{"general_budget.classes.0.code": "2011"}), "$.general_budget.classes[0].code"),
    ("unknown-enum", _doc(**{"revenue.lines.0.source": "财政拨款"}), "$.revenue.lines[0].source"),
    ("extra-key-top", _doc(extra=1), "$.extra"),
    ("extra-key-nested", _doc(**{"three_public.total.colour": "red"}), "$.three_public.total"),
    ("missing-required", _doc(department=_DELETE), "$.department"),
    ("missing-nested", _doc(**{"revenue.lines.0.amount": _DELETE}), "$.revenue.lines[0]"),
    ("dict-for-list", _doc(**{"revenue.lines": {}}), "$.revenue.lines"),
    ("string-for-list", _doc(**{"revenue.lines": "739"}), "$.revenue.lines"),
    ("list-for-object", _doc(overview=[]), "$.overview"),
    ("null-required", _doc(department=None), "$.department"),
    ("wrong-tag", _doc(type="Report"), "$.type"),
    ("missing-tag", _doc(type=_DELETE), "$.type"),
    ("duplicate-keys", '{"type": "Disclosure", "year": 2021, "year": 2022, "department": "x"}', "$.year"),
    ("top-level-array", "[1, 2, 3]", "$"),
    ("empty-text", "", "$"),
    ("whitespace-text", " \r\n\t ", "$"),
    ("not-json", "这不是JSON", "$"),
    ("truncated", _doc()[:500], "$"),
    ("invalid-utf8", b'{"type": "Disclosure", "year": 2021, "department": "\xff\xfe"}', "$"),
    ("deep-nesting", "[" * 10_000 + "]" * 10_000, "$"),
    ("deep-objects", '{"a":' * 10_000 + "1" + "}" * 10_000, "$"),
    (
        "bool-for-bool-ok-string",
        _doc(**{"three_public.foreign_included_in_domestic": "true"}),
        "$.three_public",
    ),
]


@pytest.mark.parametrize(("name", "text", "path"), DOCUMENTS, ids=[name for name, _, _ in DOCUMENTS])
def test_bad_documents_name_the_place(name: str, text: str | bytes, path: str) -> None:
    start = time.perf_counter()
    with pytest.raises(InputError) as info:
        load(text) if isinstance(text, bytes) else loads(text)
    assert time.perf_counter() - start < 10
    paths = [problem.path for problem in info.value.problems]
    assert any(p.startswith(path) for p in paths), paths


def test_bom_and_crlf_are_accepted() -> None:
    text = "\ufeff" + dump(load_example("xiqu-2021")).replace("\n", "\r\n")
    assert loads(text) == load_example("xiqu-2021")
    assert load(text.encode("utf-8")) == load_example("xiqu-2021")


def test_every_problem_is_reported(tmp_path: Path) -> None:
    text = _doc(**{"year": "2021", "revenue.total": 1.5, "revenue.lines.0.source": "?", "extra": 0})
    with pytest.raises(InputError) as info:
        loads(text)
    assert len(info.value.problems) >= 4


def test_a_200_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as file:
        file.truncate(200 * 1024 * 1024)
    start = time.perf_counter()
    with pytest.raises(InputError, match="MiB"):
        load(big)
    assert time.perf_counter() - start < 2
    assert main(["audit", str(big)]) == 2


@pytest.mark.parametrize(
    ("name", "text", "path"), DOCUMENTS[:12], ids=[name for name, _, _ in DOCUMENTS[:12]]
)
def test_cli_exits_2_without_traceback(
    name: str, text: str | bytes, path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "bad.json"
    file.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    assert main(["audit", str(file)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert path in err


def test_cli_missing_file_and_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(tmp_path / "nope.json")]) == 2
    assert main(["audit", str(tmp_path)]) == 2
    assert "Traceback" not in capsys.readouterr().err


REPORT_TEXTS = [
    ("junk-10mb", "垃圾" * 2_600_000 + "万元%" * 100),
    ("digits-only", "1234567890" * 100_000),
    ("figures-nowhere", "收入合计万元占%增长减少持平" * 10_000),
    (
        "broken-numbers",
        "2021年本年收入合计8３0.6.3万元，其中：一般公共预算财政拨款收入７３９万元，占８８.９６％。",
    ),
    ("control-chars", "\x00\x01\x02收、支总计\x1b[31m874.63万元\u202e"),
    ("empty", ""),
]


@pytest.mark.parametrize(("name", "text"), REPORT_TEXTS, ids=[name for name, _ in REPORT_TEXTS])
def test_report_texts_never_crash(name: str, text: str) -> None:
    from budgetacct.reader import read_report

    start = time.perf_counter()
    try:
        result = read_report(text)
    except InputError:
        return
    assert time.perf_counter() - start < 30
    assert isinstance(result.disclosure, Disclosure)


@pytest.mark.parametrize("bad", [None, 12, b"\xff\xfe", ["收入"]])
def test_read_report_refuses_non_text(bad: object) -> None:
    from budgetacct.reader import read_report

    with pytest.raises(InputError):
        read_report(bad)  # type: ignore[arg-type]


# --- Hypothesis fuzzing at a small budget (the long campaigns are in fuzz/) ------------------------


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=30,
)
_field_names = st.sampled_from(
    [
        "type",
        "year",
        "department",
        "revenue",
        "total",
        "lines",
        "source",
        "amount",
        "share",
        "expenditure",
        "overview",
        "change",
        "direction",
        "general_budget",
        "items",
        "code",
        "three_public",
        "actual",
    ]
)
_documentish = st.recursive(
    st.sampled_from(["Disclosure", "Ledger", "739.00", "2021", "一般公共预算财政拨款收入", "减少", "201"])
    | st.integers(-3, 3000)
    | st.none(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_field_names, children, max_size=6),
    max_leaves=40,
)


@settings(max_examples=200)
@given(st.text(max_size=300))
def test_loads_of_arbitrary_text_raises_only_input_error(text: str) -> None:
    with contextlib.suppress(InputError):
        loads(text)


@settings(max_examples=200)
@given(_json_values | _documentish)
def test_loads_of_arbitrary_json_raises_only_input_error(value: object) -> None:
    try:
        result = loads(json.dumps(value, ensure_ascii=False))
    except InputError:
        return
    assert dump(loads(dump(result))) == dump(result)


@settings(max_examples=200)
@given(st.dictionaries(_field_names, _documentish, max_size=8).map(lambda d: {"type": "Disclosure", **d}))
def test_disclosure_shaped_json_raises_only_input_error(value: dict[str, object]) -> None:
    assert all(problem.path.startswith("$") for problem in _problems(json.dumps(value, ensure_ascii=False)))


def _problems(text: str) -> tuple[Problem, ...]:
    try:
        loads(text)
    except InputError as error:
        return error.problems
    return ()


# --- refusals: a file or option budgetacct does not take is named, with what to do instead ---------

_REPORT = "西区人民政府办公室2021年度部门决算\n2021年度收、支总计874.63万元。\n"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def _zip(path: Path, members: dict[str, str]) -> bytes:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path.read_bytes()


def _blank_pdf(pages: int = 1, password: str | None = None) -> bytes:
    """A PDF of blank pages (no text layer, like a scan), written by pypdf; encrypted with ``password``."""
    pytest.importorskip("pdfplumber", reason="the pdf extra reads PDFs")
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    if password is not None:
        writer.encrypt(user_password=password, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _bomb_pdf(inflated: int = 64 << 20) -> bytes:
    """A one-page PDF of some 64 KiB whose content stream inflates to ``inflated`` bytes of blanks."""
    pytest.importorskip("pdfplumber", reason="the pdf extra reads PDFs")
    packer = zlib.compressobj(9)
    block = b" " * (1 << 20)
    packed = b"".join([*(packer.compress(block) for _ in range(inflated >> 20)), packer.flush()])
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _truncated_pdf() -> bytes:
    whole = _blank_pdf(3)
    return whole[: len(whole) // 2]


def _corrupt_pdf() -> bytes:
    pytest.importorskip("pdfplumber", reason="the pdf extra reads PDFs")
    return b"%PDF-1.7\n" + bytes(range(256)) * 8


_SCANNED = ("有文字层的 PDF", "扫描件请先做 OCR", "ocrmypdf", "a scanned file needs OCR first")
_WHOLE_PDF = ("完整的 PDF 文件", "a complete PDF file")

REFUSALS: list[tuple[str, str, Callable[[Path], bytes] | None, list[str], tuple[str, ...]]] = [
    # (case, file name, contents (None: no file), command line before the file, words the message needs)
    ("locale-fr", "", None, ["render", "--example", "xiqu-2021", "--locale", "fr"],
     ("不支持的语言", "unsupported locale", "zh_CN", "en")),
    ("read-json", "d.json", lambda _: dump(load_example("xiqu-2021")).encode(), ["read"],
     ("是JSON文档", "is a JSON document", "budgetacct audit")),
    ("read-json-named-txt", "d.txt", lambda _: b'{"type": "Disclosure"}', ["read"],
     ("是JSON文档", "is a JSON document", "budgetacct audit")),
    ("read-xlsx", "t.xlsx", lambda p: _zip(p, {"xl/workbook.xml": "<workbook/>"}), ["read"],
     (".xlsx 工作簿", "an .xlsx workbook", "budgetacct import-xlsx")),
    ("utf16-without-bom", "r.txt", lambda _: _REPORT.encode("utf-16-le"), ["audit"],
     ("UTF-16", "字节顺序标记", "byte order mark", "UTF-8")),
    ("utf16-without-bom-read", "r.txt", lambda _: _REPORT.encode("utf-16-be"), ["read"],
     ("UTF-16", "字节顺序标记", "byte order mark", "另存为")),
    ("old-word-doc", "r.doc", lambda _: _OLE2, ["audit"],
     ("旧版 Word 文档", "an old Word document (.doc", "另存为", ".docx or PDF")),
    ("old-word-doc-read", "r.txt", lambda _: _OLE2, ["read"],
     ("旧版 Word 文档", "an old Word document (.doc",)),
    ("old-excel-xls", "t.xls", lambda _: _OLE2, ["audit"], ("旧版 Excel", "an old Excel workbook", ".xlsx")),
    ("zip-archive", "reports.zip", lambda p: _zip(p, {"a.txt": _REPORT}), ["audit"],
     ("ZIP 压缩包", "a ZIP archive, not an .xlsx workbook", "解压", "unzip")),
    ("zip-named-json", "d.json", lambda p: _zip(p, {"a.txt": _REPORT}), ["audit"],
     ("ZIP 压缩包", "a ZIP archive")),
    ("damaged-docx", "r.docx", lambda p: _zip(p, {"word/document.xml": "<w:document/>"}), ["audit"],
     ("完整的 Word 文档（.docx）", "a complete Word document (.docx)")),
    ("not-text-at-all", "r.txt", lambda _: bytes(range(128, 256)) * 4, ["audit"],
     ("GB18030/GBK", "is not text in UTF-8", "另存为")),
    ("missing-audit", "nowhere.json", None, ["audit"], ("找不到文件", "file not found", "nowhere.json")),
    ("missing-read", "nowhere.txt", None, ["read"], ("找不到文件", "file not found", "nowhere.txt")),
    ("missing-render", "nowhere.json", None, ["render"], ("找不到文件", "file not found")),
    ("missing-import-xlsx", "nowhere.xlsx", None, ["import-xlsx"], ("找不到文件", "file not found")),
    ("pdf-scanned", "scan.pdf", lambda _: _blank_pdf(2), ["audit"], _SCANNED),
    ("pdf-scanned-read", "scan.pdf", lambda _: _blank_pdf(1), ["read"], _SCANNED),
    ("pdf-encrypted", "locked.pdf", lambda _: _blank_pdf(password="secret"), ["audit"],
     ("未加密的 PDF", "去掉密码", "a PDF without a password", "remove it first")),
    ("pdf-corrupt", "r.pdf", lambda _: _corrupt_pdf(), ["audit"], _WHOLE_PDF),
    ("pdf-truncated", "r.pdf", lambda _: _truncated_pdf(), ["audit"], (*_WHOLE_PDF, "EOF")),
    ("pdf-compression-bomb", "r.pdf", lambda _: _bomb_pdf(), ["audit"],
     ("每个数据流解压后不超过", "streams that inflate to at most", "compression bomb")),
    ("pdf-over-the-page-limit", "r.pdf", lambda _: _blank_pdf(1001), ["audit"],
     ("不超过 1000 页", "at most 1000 pages", "1001")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "file_name", "contents", "command", "words"), REFUSALS, ids=[case[0] for case in REFUSALS]
)
def test_refusals_say_what_the_input_is_and_what_to_do(
    name: str,
    file_name: str,
    contents: Callable[[Path], bytes] | None,
    command: list[str],
    words: tuple[str, ...],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = list(command)
    if file_name:
        file = tmp_path / file_name
        if contents is not None:
            data = contents(file)
            file.write_bytes(data)
        argv.append(str(file))
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    for word in words:
        assert word in err, (word, err)
    zh, _, en = err.partition(" | ")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), "the message starts in Chinese"
    assert any(ch.isascii() and ch.isalpha() for ch in en), "then says the same in English"


def test_a_batch_reports_the_same_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "utf16.txt").write_bytes(_REPORT.encode("utf-16-le"))
    (tmp_path / "zipped.json").write_bytes(_zip(tmp_path / "zipped.json", {"a.txt": _REPORT}))
    (tmp_path / "word.txt").write_bytes(_OLE2)
    (tmp_path / "scan.pdf").write_bytes(_blank_pdf(2))
    assert main(["audit", str(tmp_path), "--jobs", "1"]) == 2
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    errors = {Path(r["path"]).name: r["error"] for r in lines if "path" in r}
    assert {r["status"] for r in lines if "path" in r} == {"unreadable"}
    assert "UTF-16" in errors["utf16.txt"] and "byte order mark" in errors["utf16.txt"]
    assert "ZIP 压缩包" in errors["zipped.json"]
    assert "旧版 Word 文档" in errors["word.txt"]
    assert "ocrmypdf" in errors["scan.pdf"] and "a scanned file needs OCR first" in errors["scan.pdf"]
    assert lines[-1]["summary"]["unreadable"] == 4


def test_utf16_with_bom_and_gbk_are_read_not_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for encoding in ("utf-16", "gbk", "utf-8-sig"):
        file = tmp_path / f"{encoding}.txt"
        file.write_bytes(_REPORT.encode(encoding))
        assert main(["read", str(file)]) == 0, capsys.readouterr().err
        assert json.loads(capsys.readouterr().out)["department"] == "西区人民政府办公室"


# Published files (PDF, Word, workbooks, web pages) as bytes: damaged copies of real files and
# arbitrary bytes are refused with a typed error, never a crash (the long campaign: fuzz/, target
# ``published``).

_PDF_SEED = (Path(__file__).parent / "corpus" / "js2019-swbgt-ys-biao.pdf").read_bytes()[:20000]


@settings(max_examples=40, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=400),
        st.builds(lambda cut, noise: _PDF_SEED[:cut] + noise, st.integers(8, 20000), st.binary(max_size=64)),
        st.builds(lambda text: f"<html><body><p>{text}</p></body></html>".encode(), st.text(max_size=200)),
    )
)
def test_read_published_of_arbitrary_bytes_raises_only_our_errors(data: bytes) -> None:
    pytest.importorskip("pdfplumber", reason="the pdf extra reads PDFs")
    from budgetacct.errors import BudgetAcctError
    from budgetacct.reader.published import read_published

    with contextlib.suppress(BudgetAcctError):
        read_published(data, year=2024, department="示例部门")
