"""Reading published PDFs into Documents: lines, paragraphs, tables, and bad inputs.

The expected lines and cells were read off the page images (pdftoppm -r 60) of the files in
tests/corpus (provenance in tests/corpus/README.md).
"""

from __future__ import annotations

import io
import pickle
import sys
import zlib
from pathlib import Path

import pytest

pytest.importorskip("pdfplumber")

from budgetacct.errors import BudgetAcctError, InputError
from budgetacct.reader.document import Document
from budgetacct.reader.pdf import (
    CorruptPdf,
    EncryptedPdf,
    PdfSupportMissing,
    PdfTooLarge,
    PdfTooSlow,
    ScannedPdf,
    read_pdf,
)

CORPUS = Path(__file__).parent / "corpus"
SH2024 = CORPUS / "sh2024-ptczj-js.pdf"
SWU = CORPUS / "swu2023-ys.pdf"
BIAO = CORPUS / "js2019-swbgt-ys-biao.pdf"
JCY = CORPUS / "js2018-jcy-ys.pdf"
GJFY = CORPUS / "js2019-gjfy-ys.pdf"


# ---------------------------------------------------------------------------------------------
# A tiny PDF written by hand: one simple font whose ToUnicode map gives any characters we like,
# each 10 pt wide at size 10, so positions are exact.


def _deflated_spaces(count: int) -> bytes:
    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    out = [packer.compress(chunk) for _ in range(count >> 20)]
    return b"".join([*out, packer.flush()])


def _hand_pdf(
    pages: list[list[tuple[float, float, str]]], *, width: float = 300, height: float = 400, bomb: int = 0
) -> bytes:
    chars = sorted({c for page in pages for _, _, text in page for c in text})
    code = {c: i + 1 for i, c in enumerate(chars)}
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Hand def "
        "1 begincodespacerange <00> <FF> endcodespacerange "
        f"{len(chars)} beginbfchar "
        + " ".join(f"<{code[c]:02X}> <{ord(c):04X}>" for c in chars)
        + " endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    objects: list[bytes] = []
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    page_ids = [5 + 2 * i for i in range(len(pages))]
    kids = " ".join(f"{n} 0 R" for n in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    widths = " ".join("1000" for _ in chars)
    objects.append(
        f"<< /Type /Font /Subtype /Type1 /BaseFont /HandMade /FirstChar 1 /LastChar {len(chars)} "
        f"/Widths [{widths}] /ToUnicode 4 0 R >>".encode()
    )
    objects.append(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    for i, page in enumerate(pages):
        ops = []
        for x, top, text in page:
            hexed = "".join(f"{code[c]:02X}" for c in text)
            ops.append(f"BT /F1 10 Tf {x} {height - top - 10 + 1.5} Td <{hexed}> Tj ET")
        if not page:
            ops.append("10 10 100 100 re f")  # a drawing and no text, like a scanned page
        content = "\n".join(ops).encode()
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {page_ids[i] + 1} 0 R >>".encode()
        )
        if bomb:  # a few KiB that inflate to ``bomb`` bytes of blanks
            packed = _deflated_spaces(bomb)
            objects.append(
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
            )
            continue
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Real reports


def test_figures_set_below_the_baseline_stay_in_their_sentence() -> None:
    doc = read_pdf(SH2024, pages=[21])
    lines = [line.text for line in doc.pages[0].lines]
    assert "上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入" in lines
    narrative = doc.narrative_text()
    sentence = "上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。"
    assert sentence in narrative.text
    # Every character maps back to where it is printed: the figure's box on page 21.
    start = narrative.text.index("2995.39")
    box = narrative.box_at(start)
    assert (box.page, round(box.x0), round(box.top)) == (21, 324, 188)
    (figure_box,) = narrative.boxes(start, start + len("2995.39"))
    assert (round(figure_box.x0), round(figure_box.x1)) == (324, 363)
    assert narrative.line_at(start) is not None


def test_wrapped_paragraphs_are_reflowed_and_headings_stay_apart() -> None:
    doc = read_pdf(SH2024, pages=[21, 22])
    texts = [block.text for block in doc.paragraphs]
    assert "一、收入支出决算总体情况说明" in texts
    assert (
        "本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%；"
        in texts
    )
    # A figure wrapped to the next line still belongs to its sentence.
    assert any("住房保障支出（类）445.69万元，占15.16%；" in text for text in texts)
    assert any("年初预算为 85.55 万元" in text and text.startswith("5、社会保障和就业支出") for text in texts)


def test_table_grid_with_title_header_paths_and_continuation() -> None:
    doc = read_pdf(SH2024, pages=[6, 7])
    (table,) = doc.tables
    assert table.title == "收入支出决算总表\n单位：万元"
    assert table.unit == "万元"
    assert table.pages == (6, 7)
    assert table.header_rows == 2
    assert table.columns == (("收入", "项目"), ("收入", "决算数"), ("支出", "项目"), ("支出", "决算数"))
    rows = table.texts()
    assert rows[2] == ["一、一般公共预算财政拨款收入", "2,940.05", "一、一般公共服务支出", "2,106.66"]
    assert rows[3] == ["二、政府性基金预算财政拨款收入", "", "二、外交支出", ""]
    assert rows[-1] == ["总计", "2,995.39", "总计", "2,995.39"]
    assert rows[-2] == ["年初结转和结余", "49.14", "年末结转和结余", "55.34"]
    # The blank cell under a merged header is marked as covered, not as an empty cell.
    assert table.rows[0][1].covered and not table.rows[3][1].covered
    # The title is not narrative.
    assert "收入支出决算总表" not in doc.narrative_text().text


def test_two_line_header_cells_do_not_interleave() -> None:
    doc = read_pdf(SWU, pages=[8])
    (table,) = doc.tables
    assert table.title == "西南大学收入预算表\n单位：万元"
    header = table.texts()[:2]
    assert header[0] == [
        "科目编码",
        "科目名称",
        "收入合计",
        "上年结转",
        "财政拨款收入",
        "事业收入",
        "",
        "其他收入",
        "使用非财政拨款结余",
    ]
    assert header[1][5:7] == ["金额", "其中：教育收费"]
    assert table.columns[6] == ("事业收入", "其中：教育收费")
    assert table.texts()[4] == [
        "20502",
        "普通教育",
        "520,603.91",
        "91,913.64",
        "206,667.26",
        "122,342.73",
        "74,162.23",
        "46,880.28",
        "52,800.00",
    ]
    # The one-line cell "科目名称" keeps its own line instead of being pulled between 科目 and 编码.
    lines = [line.text for line in doc.pages[0].lines]
    assert "科目 财政拨款 其他收" in lines
    assert "科目名称 收入合计 上年结转 其中：教 政拨款结" in lines


def test_rotated_page_is_read_upright() -> None:
    doc = read_pdf(BIAO, pages=[1])
    page = doc.pages[0]
    assert page.rotation == 90
    assert (page.width, page.height) == (1191.0, 842.0)
    (table,) = doc.tables
    assert table.title == "收支预算总表\n部门：中共江苏省委办公厅 单位：万元"
    assert table.texts()[3] == [
        "一、财政拨款",
        "27,664.22",
        "一、一般公共服务支出",
        "22,395.50",
        "一、基本支出",
        "11,700.63",
    ]
    assert table.columns[3] == ("支出", "功能分类", "金额")


def test_white_painted_cell_borders_do_not_split_cells() -> None:
    # An Excel export paints every sheet cell white; only the black ruling a reader sees counts.
    doc = read_pdf(JCY, pages=[13, 14, 19])
    # (page 19 opens with the end of 公开08, whose start on page 18 was not read)
    first, _income, _rest_of_08, three_public, empty = doc.tables
    assert (
        first.title
        == "第二部分 2018 年度部门预算表\n公开 01 表：收支预算总表\n部门： 江苏省人民检察院 单位：万元"
    )
    assert first.pages == (13, 14)
    rows = first.texts()
    assert rows[3] == ["一、财政拨款", "21,940.96", "一、一般公共服务支出", "", "一、基本支出", "13,994.31"]
    assert rows[4] == ["1.一般公共预算", "21,940.96", "二、外交支出", "", "二、项目支出", "5,573.00"]
    # A cell wrapped over the page break ("…等支" / "出") is one cell again.
    assert ["", "", "十七、国土海洋气象等支出", "", "", ""] in rows
    assert rows[-1] == ["收入合计", "21,955.35", "支出合计", "", "", "21,955.35"]
    assert first.columns[2] == ("支出", "功能分类", "功能科目名称")
    # Three header rows, merged cells spread over every column they cover.
    assert three_public.title.startswith("公开 09 表：一般公共预算“三公”经费、会议费、培训费\n支出预算表")
    assert three_public.header_rows == 3
    assert three_public.columns[5] == ("“三公”经费", "公务用车购置及运行维护费", "公务用车运行维护费")
    assert three_public.columns[0] == ("合计",)
    assert three_public.texts()[-1] == [
        "1,384.74",
        "484.30",
        "100.00",
        "267.80",
        "",
        "267.80",
        "116.50",
        "200.44",
        "700.00",
    ]
    assert empty.texts()[2][0] == "此表为空"


def test_row_printed_above_the_first_ruling_of_a_page_joins_the_continued_table() -> None:
    # Page 17 opens with a row of 公开12表 whose top border was drawn on page 16.
    doc = read_pdf(GJFY, pages=[16, 17])
    (table,) = doc.tables
    assert table.title == "公开 12 表\n政府采购支出预算表\n部门名称：江苏省高级人民法院 单位：万元"
    assert table.pages == (16, 17)
    assert table.columns == (
        ("采购品目大类",),
        ("专项名称",),
        ("经济科目",),
        ("采购物品名称",),
        ("采购组织形式",),
        ("总计",),
    )
    rows = table.texts()
    start = rows.index(["", "", "会议费", "", "", "110.05"])
    assert rows[start + 1] == ["", "", "", "会议服务", "分散自行组织", "110.05"]
    assert rows[start + 2] == ["", "", "办公费", "", "", "10.00"]
    assert rows[1] == ["合计", "", "", "", "", "5,227.59"]
    assert not any("110.05" in block.text for block in doc.paragraphs)


def test_wrapped_unit_line_and_lead_in_sentence() -> None:
    # "单位：万" / "元" wraps at the right edge: still the table's title, not prose.
    doc = read_pdf(GJFY, pages=[14])
    three_public = doc.tables[0]
    assert three_public.title.startswith("公开 09 表\n“三公”经费、会议费、培训费支出预算表\n单位：万")
    assert three_public.texts()[-1] == [
        "2,382.02",
        "513.75",
        "160.00",
        "266.80",
        "",
        "266.80",
        "86.95",
        "271.02",
        "1,597.25",
    ]
    # A sentence that leads into a table ("…的单位包括：") stays in the narrative.
    doc = read_pdf(SH2024, pages=[5])
    assert doc.tables[0].title == ""
    assert doc.paragraphs[-1].text.endswith("纳入上海市普陀区财政局 2024 年度部门决算编制范围的单位包括：")


def test_page_numbers_are_dropped() -> None:
    doc = read_pdf(SWU, pages=[3])
    page = doc.pages[0]
    assert [line.text for line in page.furniture] == ["3"]
    assert [block.text for block in page.blocks][-1] == (
        "百余年来，筚路蓝缕，玉汝于成，数代西南大学人以其弘毅坚韧、自强不息的奋斗铸就了“特立西南、学行天下”"
        "的大学精神，不断丰富着“含弘光大，继往开来”的校训内涵。"
    )


def test_whole_corpus_reads() -> None:
    docs = {path.name: read_pdf(path) for path in sorted(CORPUS.glob("*.pdf"))}
    for name, doc in docs.items():
        assert isinstance(doc, Document)
        assert sum(page.has_text for page in doc.pages) >= len(doc.pages) - 2  # a cover may be an image
        # -wen is the narrative half of a report published as two files: its tables are in -biao
        assert bool(doc.tables) is (name != "js2019-swbgt-ys-wen.pdf")
    # The Jiangsu file has one table per page, each with its own title: none joined.
    doc = docs[BIAO.name]
    assert [table.pages for table in doc.tables] == [(n,) for n in range(1, 13)]
    assert doc.tables[9].title.startswith("财政拨款政府性基金支出预算表")
    # The Shanghai 决算: the unit list, then the nine tables, four of them over two pages (page 14
    # is blank).
    doc = docs[SH2024.name]
    assert [(table.title.split("\n")[0], table.pages) for table in doc.tables] == [
        ("", (5,)),
        ("收入支出决算总表", (6, 7)),
        ("收入决算表", (8, 9)),
        ("支出决算表", (10, 11)),
        ("财政拨款收入支出决算总表", (12, 13)),
        ("一般公共预算财政拨款支出决算表", (15,)),
        ("一般公共预算财政拨款基本支出决算表", (16, 17)),
        ("财政拨款“三公”经费支出决算表", (18,)),
        ("政府性基金预算财政拨款收入支出决算表", (19,)),
        ("国有资本经营预算财政拨款收入支出决算表", (20,)),
    ]
    assert not doc.pages[13].has_text


# ---------------------------------------------------------------------------------------------
# Hand-made pages


def test_running_headers_page_numbers_and_sentences_across_pages() -> None:
    header = (40, 10, "某单位部门决算")
    pages = [
        [
            header,
            (60, 100, "一、收入情况"),
            (60, 120, "本年收入合计二十万元，其"),
            (40, 134, "中财政拨款收入十九万元，"),
            (130, 380, "-1-"),
        ],
        [header, (40, 60, "其他收入一万元。"), (60, 80, "二、支出情况"), (130, 380, "-2-")],
        [header, (60, 60, "本年支出合计二十万元。"), (120, 380, "第3页")],
    ]
    doc = read_pdf(_hand_pdf(pages))
    assert [[line.text for line in page.furniture] for page in doc.pages] == [
        ["某单位部门决算", "-1-"],
        ["某单位部门决算", "-2-"],
        ["某单位部门决算", "第3页"],
    ]
    assert doc.narrative_text().text == (
        "一、收入情况\n本年收入合计二十万元，其中财政拨款收入十九万元，其他收入一万元。\n二、支出情况\n本年支出合计二十万元。"
    )
    paragraph = doc.paragraphs[1]
    assert paragraph.pages == (1, 2)


def test_table_printed_without_ruling_is_read_from_aligned_columns() -> None:
    rows = [
        ("项目", "本年数", "上年数"),
        ("收入合计", "120.50", "110.00"),
        ("财政拨款", "100.00", "-"),
        ("其他收入", "20.50", ""),
    ]
    page = [(100, 20, "收入情况表"), (200, 40, "单位：万元")]
    for i, (label, this_year, last_year) in enumerate(rows):
        top = 60 + 16 * i
        page += [(20, top, label), (120, top, this_year)]
        if last_year:
            page.append((210, top, last_year))
    page.append((20, 150, "本表收入合计一百二十万元。"))
    doc = read_pdf(_hand_pdf([page]))
    (table,) = doc.tables
    assert table.title == "收入情况表\n单位：万元"
    assert table.texts() == [
        ["项目", "本年数", "上年数"],
        ["收入合计", "120.50", "110.00"],
        ["财政拨款", "100.00", "-"],
        ["其他收入", "20.50", ""],
    ]
    assert table.header_rows == 1 and table.columns == (("项目",), ("本年数",), ("上年数",))
    blank = table.rows[3][2]
    assert blank.text == "" and not blank.covered
    assert doc.narrative_text().text == "本表收入合计一百二十万元。"


def test_radical_code_points_are_normalised() -> None:
    # ⻔ ⻋ (CJK radicals supplement, not mapped by NFKC) and ⼯ (Kangxi radical).
    doc = read_pdf(_hand_pdf([[(20, 20, "部⻔⼯作⻋辆")]]))
    assert doc.pages[0].lines[0].text == "部门工作车辆"


def test_spaces_only_at_real_gaps() -> None:
    doc = read_pdf(_hand_pdf([[(20, 20, "合计"), (120, 20, "12.50"), (20, 40, "收入"), (80, 40, "万元")]]))
    assert [line.text for line in doc.pages[0].lines] == ["合计 12.50", "收入 万元"]
    assert [token.text for token in doc.pages[0].lines[0].tokens] == ["合计", "12.50"]


# ---------------------------------------------------------------------------------------------
# Bad inputs


def test_errors_are_typed_and_bilingual() -> None:
    with pytest.raises(CorruptPdf) as random_bytes:
        read_pdf(bytes(range(256)) * 40)
    assert isinstance(random_bytes.value, InputError)
    assert isinstance(random_bytes.value, ValueError)
    assert isinstance(random_bytes.value, BudgetAcctError)
    assert "PDF" in random_bytes.value.zh and "PDF" in random_bytes.value.en
    copy = pickle.loads(pickle.dumps(random_bytes.value))
    assert type(copy) is CorruptPdf and str(copy) == str(random_bytes.value)

    with pytest.raises(CorruptPdf):
        read_pdf(BIAO.read_bytes()[:3000])
    # Damaged page dictionaries: pdfminer and pdfplumber fail with errors of their own kinds.
    good = _hand_pdf([[(20, 20, "收入")]])
    for damage in (b"/MediaBox [0 0 /Bad 400]", b"/MediaBox [0 0 300 400] /Odd"):
        with pytest.raises(CorruptPdf):
            read_pdf(good.replace(b"/MediaBox [0 0 300 400]", damage))


def test_scanned_pdf_says_it_needs_ocr() -> None:
    with pytest.raises(ScannedPdf, match="ocrmypdf"):
        read_pdf(_hand_pdf([[], []]))


def test_encrypted_pdf() -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(EncryptedPdf) as raised:
        read_pdf(buffer.getvalue())
    assert "密码" in raised.value.zh and "password" in raised.value.en


def test_limits() -> None:
    with pytest.raises(PdfTooLarge, match="at most 3 pages"):
        read_pdf(BIAO, max_pages=3)
    with pytest.raises(PdfTooLarge):
        read_pdf(BIAO, max_bytes=1000)
    with pytest.raises(PdfTooSlow):
        read_pdf(BIAO, time_limit=0)


def test_compression_bomb_is_refused_without_inflating_it() -> None:
    bomb = _hand_pdf([[(20, 20, "收入")]], bomb=256 << 20)
    assert len(bomb) < 1 << 20
    with pytest.raises(PdfTooLarge, match="compression bomb"):
        read_pdf(bomb)
    # Outside a read, pdfminer's zlib is the ordinary one again.
    import pdfminer.pdftypes

    assert len(pdfminer.pdftypes.zlib.decompress(zlib.compress(b" " * (40 << 20)))) == 40 << 20


def test_missing_pdfplumber_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    with pytest.raises(PdfSupportMissing) as raised:
        read_pdf(_hand_pdf([[(20, 20, "收入")]]))
    assert "pip install 'budgetacct[pdf]'" in str(raised.value)
    assert isinstance(raised.value, ImportError)
