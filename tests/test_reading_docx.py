"""Word documents as people make them: numbering, styles, tables, line breaks, revisions.

Each test writes a small .docx from WordprocessingML (document, styles and
numbering parts, as Word saves them) and reads it back.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from planforge.model import Assignment, Section
from planforge.reading import read_plan, read_plan_report

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

STYLES = f"""<w:styles {NS}>
<w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>
  <w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Muc con"/>
  <w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Dam"><w:name w:val="Chu dam"/><w:rPr><w:b/></w:rPr></w:style>
</w:styles>"""


def lvl(level: int, kind: str, text: str) -> str:
    """One list level: its start, number format and label text."""
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{kind}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


NUMBERING = f"""<w:numbering {NS}>
<w:abstractNum w:abstractNumId="1">
  {lvl(0, "upperRoman", "%1.")}{lvl(1, "decimal", "%2.")}{lvl(2, "lowerLetter", "%3)")}
  {lvl(3, "bullet", "-")}
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">{lvl(0, "decimal", "%1.")}{lvl(1, "decimal", "%1.%2.")}
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"""


def run(text: str, *, bold: bool = False, style: str | None = None) -> str:
    props = "<w:b/>" if bold else ""
    props += f'<w:rStyle w:val="{style}"/>' if style else ""
    parts = escape(text).split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{part}</w:t>' for part in parts)
    return f"<w:r><w:rPr>{props}</w:rPr>{body}</w:r>"


def para(*runs: str, style: str | None = None, num: tuple[int, int] | None = None) -> str:
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    return f"<w:p><w:pPr>{props}</w:pPr>{''.join(runs)}</w:p>"


def text(value: str, **kwargs: object) -> str:
    return para(run(value), **kwargs)  # type: ignore[arg-type]


def table(*rows: tuple[str, ...]) -> str:
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc>{cell}</w:tc>" for cell in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl>{cells}</w:tbl>"


HEADER = (
    table(
        (
            para(run("ỦY BAN NHÂN DÂN\nHUYỆN ĐỨC TRỌNG", bold=True)) + text("_____"),
            para(run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True))
            + para(run("Độc lập - Tự do - Hạnh phúc", bold=True)),
        ),
        (text("Số: 15/KH-UBND"), text("Đức Trọng, ngày 05 tháng 3 năm 2024")),
    )
    + para(run("KẾ HOẠCH", bold=True))
    + para(run("Phòng, chống mại dâm năm 2024", bold=True))
)

FOOT = table(
    (
        para(run("Nơi nhận:", bold=True)) + text("- UBND tỉnh (b/c);") + text("- Lưu: VT."),
        para(run("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", bold=True))
        + text("")
        + para(run("Trần Văn Bình", bold=True)),
    )
)


def docx(path: Path, body: str, *, numbering: bool = True) -> Path:
    """A Word package holding ``body`` with the styles and lists above."""
    document = f"<w:document {NS}><w:body>{body}</w:body></w:document>"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", document)
        package.writestr("word/styles.xml", STYLES)
        if numbering:
            package.writestr("word/numbering.xml", NUMBERING)
    return path


def test_word_automatic_numbering_gives_the_labels_word_shows(tmp_path: Path) -> None:
    """Roman, decimal, letter and bullet levels; deeper levels restart under a higher one."""
    body = (
        HEADER
        + "".join(
            [
                para(run("MỤC ĐÍCH"), style="Heading1", num=(1, 0)),
                text("Nâng cao nhận thức", num=(1, 1)),
                text("Tuyên truyền", num=(1, 2)),
                text("Tổ chức hội nghị.", num=(1, 3)),
                text("Phát tờ rơi.", num=(1, 3)),
                text("Kiểm tra", num=(1, 2)),
                text("Kiểm tra cơ sở kinh doanh.", num=(1, 3)),
                para(run("NHIỆM VỤ"), style="Heading1", num=(1, 0)),
                text("Hỗ trợ người bán dâm", num=(1, 1)),
                text("Giới thiệu việc làm.", num=(1, 3)),
            ]
        )
        + FOOT
    )
    plan = read_plan(docx(tmp_path / "numbered.docx", body))
    assert [(e.depth, e.label) for e in plan.entries()] == [
        (1, "I."), (2, "1."), (3, "a)"), (4, "-"), (4, "-"), (3, "b)"), (4, "-"),
        (1, "II."), (2, "1."), (3, "-"),
    ]  # fmt: skip
    assert [type(e.node) for e in plan.entries()][:3] == [Section, Section, Section]


def test_a_list_restarted_with_a_start_override_counts_from_one_again(tmp_path: Path) -> None:
    """Two lists of one definition share their count; a startOverride restarts it."""
    body = (
        HEADER
        + "".join(
            [
                text("Nội dung thứ nhất của danh sách.", num=(2, 0)),
                text("Nội dung thứ hai của danh sách.", num=(2, 0)),
                text("Nội dung tiếp theo, cùng danh sách.", num=(2, 0)),
                text("Mục con tiếp theo.", num=(2, 1)),
                text("Một danh sách mới, đánh lại số.", num=(3, 0)),
            ]
        )
        + FOOT
    )
    plan = read_plan(docx(tmp_path / "restart.docx", body))
    assert [e.label for e in plan.entries()] == ["1.", "2.", "3.", "3.1.", "1."]


def test_word_letters_past_e_are_kept_as_word_prints_them(tmp_path: Path) -> None:
    """Word's letters run a–z (f follows e); the label prints as in the source."""
    items = [text(f"Nhiệm vụ thứ {n}.", num=(1, 2)) for n in range(1, 8)]
    body = HEADER + para(run("NHIỆM VỤ"), style="Heading1", num=(1, 0)) + "".join(items) + FOOT
    plan = read_plan(docx(tmp_path / "letters.docx", body))
    assert [e.label for e in plan.entries()][1:] == ["a)", "b)", "c)", "d)", "e)", "f)", "g)"]


def test_the_header_in_a_table_with_line_breaks_is_read_part_by_part(tmp_path: Path) -> None:
    """Agency over two lines, number, place and date, type and subject; foot in a table."""
    body = HEADER + para(run("I. MỤC ĐÍCH", bold=True)) + text("Nâng cao nhận thức.") + FOOT
    reading = read_plan_report(docx(tmp_path / "header.docx", body))
    header = reading.plan.header
    assert header.issuing_agency.name == "Ủy ban nhân dân huyện Đức Trọng"
    assert header.issuing_agency.header_lines == ()  # the computed wrap prints the same lines
    assert (str(header.number), header.place, str(header.date)) == (
        "15/KH-UBND",
        "Đức Trọng",
        "2024-03-05",
    )
    assert header.subject == "Phòng, chống mại dâm năm 2024"
    signature = reading.plan.signature
    assert ([str(a) for a in signature.authority], signature.title, signature.name) == (
        ["KT. CHỦ TỊCH"],
        "PHÓ CHỦ TỊCH",
        "Trần Văn Bình",
    )
    assert [r.line for r in reading.plan.recipients.entries] == ["UBND tỉnh (b/c)"]


def test_the_header_in_tab_separated_paragraphs_is_read_too(tmp_path: Path) -> None:
    """No table: agency and national title on one line, split at the tab."""
    body = (
        para(run("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True))
        + para(run("XÃ TÀ NĂNG\tĐộc lập - Tự do - Hạnh phúc", bold=True))
        + text("Số: 07/KH-UBND\tTà Năng, ngày 10 tháng 01 năm 2025")
        + para(run("KẾ HOẠCH", bold=True))
        + para(run("Tuyên truyền pháp luật năm 2025", bold=True))
        + para(run("I. MỤC ĐÍCH", bold=True))
        + text("Nâng cao hiểu biết pháp luật.")
        + FOOT
    )
    header = read_plan(docx(tmp_path / "tabs.docx", body)).header
    assert header.issuing_agency.name == "Ủy ban nhân dân xã Tà Năng"
    assert (str(header.number), header.place, str(header.date)) == (
        "07/KH-UBND",
        "Tà Năng",
        "2025-01-10",
    )


def test_bold_from_paragraph_and_character_styles_makes_headings_and_run_in_titles(
    tmp_path: Path,
) -> None:
    """A bold paragraph style is a heading; a bold character style starts a run-in title."""
    body = (
        HEADER
        + "".join(
            [
                para(run("I. MỤC ĐÍCH, YÊU CẦU"), style="Muc"),
                para(run("1. Mục đích.", style="Dam"), run(" Nâng cao nhận thức của nhân dân.")),
                para(run("2. Yêu cầu")),
                text("Bảo đảm tiến độ."),
            ]
        )
        + FOOT
    )
    plan = read_plan(docx(tmp_path / "styles.docx", body))
    first = plan.sections[0]
    assert isinstance(first, Section) and first.title == "MỤC ĐÍCH, YÊU CẦU"
    runin = first.children[0]
    assert isinstance(runin, Section) and (runin.title, runin.text) == (
        "Mục đích.",
        "Nâng cao nhận thức của nhân dân.",
    )


def test_a_table_in_the_body_is_kept_row_by_row_with_a_warning(tmp_path: Path) -> None:
    """Each row becomes a paragraph, its cells separated by |, and a warning says so."""
    rows = table((text("Chỉ tiêu"), text("Năm 2024")), (text("Số xã tuyên truyền"), text("100%")))
    body = HEADER + para(run("I. CHỈ TIÊU", bold=True)) + rows + FOOT
    reading = read_plan_report(docx(tmp_path / "table.docx", body))
    texts = [e.node.text for e in reading.plan.entries() if not isinstance(e.node, Section)]
    assert texts == ["Chỉ tiêu | Năm 2024", "Số xã tuyên truyền | 100%"]
    assert sum("table row" in w.message for w in reading.warnings) == 2


def test_deleted_and_hidden_text_is_left_out_and_inserted_text_kept(tmp_path: Path) -> None:
    """Tracked deletions and hidden runs are not wording; insertions and links are."""
    paragraph = (
        "<w:p>"
        + run("Tổ chức ")
        + "<w:del><w:r><w:delText>bỏ đi </w:delText></w:r></w:del>"
        + '<w:ins><w:r><w:t xml:space="preserve">thêm vào </w:t></w:r></w:ins>'
        + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn </w:t></w:r>"
        + "<w:hyperlink><w:r><w:t>hội nghị.</w:t></w:r></w:hyperlink>"
        + "</w:p>"
    )
    body = HEADER + para(run("I. NHIỆM VỤ", bold=True)) + paragraph + FOOT
    plan = read_plan(docx(tmp_path / "revisions.docx", body))
    assert [e.node.text for e in plan.entries()][1] == "Tổ chức thêm vào hội nghị."


def test_line_breaks_inside_a_body_paragraph_make_list_items(tmp_path: Path) -> None:
    """Items typed with Shift+Enter in one paragraph are items of their own."""
    body = (
        HEADER
        + para(run("I. NHIỆM VỤ", bold=True))
        + text("- Tuyên truyền;\n- Kiểm tra;\n- Hỗ trợ người bán dâm.")
        + FOOT
    )
    plan = read_plan(docx(tmp_path / "breaks.docx", body))
    assert [(e.label, e.node.text) for e in plan.entries()][1:] == [
        ("-", "Tuyên truyền;"),
        ("-", "Kiểm tra;"),
        ("-", "Hỗ trợ người bán dâm."),
    ]


def test_assignments_under_tổ_chức_thực_hiện_name_their_agencies(tmp_path: Path) -> None:
    """Heading items ("Đề nghị …" too) and sub-items such as "10.1." name their agencies."""
    body = (
        HEADER
        + "".join(
            [
                para(run("I. TỔ CHỨC THỰC HIỆN", bold=True)),
                text("1. Phòng Văn hóa và Thông tin chủ trì, phối hợp với Công an huyện kiểm tra."),
                text("2. Các cơ quan chuyên môn của huyện:"),
                text("2.1. Phòng Y tế kiểm tra điều kiện vệ sinh các cơ sở."),
                text("2.2. Phòng Tư pháp phổ biến pháp luật."),
                text("3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện phối hợp tuyên truyền."),
            ]
        )
        + FOOT
    )
    plan = read_plan(docx(tmp_path / "duties.docx", body))
    found = [
        (
            e.label,
            e.node.agencies,
            e.node.requested,
            [(r.agency, r.role.value) for r in e.node.roles],
        )
        for e in plan.assignments()
        if isinstance(e.node, Assignment)
    ]
    assert found == [
        (
            "1.",
            ("Phòng Văn hóa và Thông tin",),
            False,
            [("Phòng Văn hóa và Thông tin", "lead"), ("Công an huyện", "coordinate")],
        ),
        ("2.", ("Các cơ quan chuyên môn của huyện",), False, []),
        ("2.1.", ("Phòng Y tế",), False, []),
        ("2.2.", ("Phòng Tư pháp",), False, []),
        (
            "3.",
            ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện",),
            True,
            [("Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "coordinate")],
        ),
    ]
