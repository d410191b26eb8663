"""The import fixtures of tests/data/import_cases: text files kept there, Word files built here.

Every fixture is written for planforge (invented agencies, numbers and names in the layouts
real agencies use); each ``NAME.expected.yaml`` beside it gives the header fields a reader
of the document would write down.  The Word fixtures are built with python-docx, since
their point is a layout (a table, a header laid out with spaces, a legacy font) rather
than their words.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import yaml
from docx.oxml.ns import qn
from docx.shared import Pt

CASES = Path(__file__).resolve().parent / "data" / "import_cases"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

# TCVN3 (ABC) bytes shown as Latin-1 characters: what a .VnTime document stores.  Written
# out by hand for the few letters the fixture uses, independently of the reader's table.
_TCVN3 = {
    "à": "µ", "á": "¸", "ả": "¶", "ã": "·", "ạ": "¹", "ă": "¨", "ắ": "¾", "ằ": "»", "ặ": "Æ",
    "â": "©", "ấ": "Ê", "ầ": "Ç", "ẩ": "È", "ậ": "Ë", "đ": "®", "è": "Ì", "é": "Ð", "ẹ": "Ñ",
    "ê": "ª", "ế": "Õ", "ề": "Ò", "ể": "Ó", "ệ": "Ö", "ì": "×", "í": "Ý", "ị": "Þ", "ĩ": "Ü",
    "ò": "ß", "ó": "ã", "ọ": "ä", "ỏ": "á", "ô": "«", "ố": "è", "ồ": "å", "ổ": "æ", "ộ": "é",
    "ơ": "¬", "ớ": "í", "ờ": "ê", "ở": "ë", "ợ": "î", "ù": "ï", "ú": "ó", "ụ": "ô", "ủ": "ñ",
    "ư": "\u00ad", "ứ": "ø", "ừ": "õ", "ử": "ö", "ự": "ù", "ý": "ý", "ỳ": "ú", "ỹ": "ü",
    "õ": "â", "ũ": "ò", "ỉ": "Ø", "ẽ": "Ï", "ẻ": "Î", "ỗ": "ç", "ữ": "÷", "ỡ": "ì", "ẫ": "É",
    "ẵ": "½", "ẳ": "¼", "ễ": "Ô", "ỷ": "û", "ỵ": "þ"
}  # fmt: skip


_CAPITALS = {"Đ": "§", "Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦"}


def tcvn3(text: str, *, caps: bool = False) -> str:
    """``text`` as a .VnTime document stores it (TCVN3 codes); ``caps``: as .VnTimeH does,
    in small codes that the font draws as capitals."""
    if caps:
        text = text.lower()
    return "".join(_CAPITALS.get(c) or _TCVN3.get(c) or _TCVN3.get(c.lower(), c) for c in text)


def expected(name: str) -> dict[str, Any]:
    """The fields written down for fixture ``name``."""
    data: dict[str, Any] = yaml.safe_load(
        (CASES / f"{name}.expected.yaml").read_text(encoding="utf-8")
    )
    return data


def _document() -> Any:
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    return document


def _cell(cell: Any, lines: list[str], bold: bool = False) -> None:
    cell.paragraphs[0].text = ""
    for index, text in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.add_run(text).bold = bold


def _paragraphs(document: Any, texts: list[str]) -> None:
    for text in texts:
        document.add_paragraph(text)


def _foot(document: Any, recipients: list[str], signature: list[str]) -> None:
    table = document.add_table(rows=1, cols=2)
    _cell(table.cell(0, 0), ["Nơi nhận:", *recipients])
    _cell(table.cell(0, 1), signature, bold=True)


def cong_van_table(path: Path) -> None:
    """A district's công văn (before 2025): header in a table, "Kính gửi" in a table."""
    document = _document()
    table = document.add_table(rows=2, cols=2)
    _cell(table.cell(0, 0), ["ỦY BAN NHÂN DÂN", "HUYỆN TAM ĐẢO"], bold=True)
    _cell(table.cell(0, 1), [NATIONAL_TITLE, MOTTO], bold=True)
    _cell(
        table.cell(1, 0),
        ["Số: 612/UBND-NV", "V/v rà soát, sắp xếp cán bộ không chuyên trách", "cấp xã năm 2023"],
    )
    _cell(table.cell(1, 1), ["Tam Đảo, ngày 25 tháng 4 năm 2023"])
    addressed = document.add_table(rows=1, cols=2)
    _cell(addressed.cell(0, 0), ["Kính gửi:"])
    _cell(addressed.cell(0, 1), ["- Phòng Nội vụ huyện;", "- Ủy ban nhân dân các xã, thị trấn."])
    _paragraphs(
        document,
        [
            "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh Vĩnh Phúc về việc sắp xếp người hoạt "
            "động không chuyên trách ở cấp xã, Ủy ban nhân dân huyện yêu cầu các đơn vị thực "
            "hiện như sau:",
            "1. Rà soát số lượng người hoạt động không chuyên trách hiện có, gửi về Phòng Nội vụ "
            "trước ngày 10 tháng 5 năm 2023.",
            "2. Phòng Nội vụ tổng hợp, tham mưu Ủy ban nhân dân huyện phương án sắp xếp.",
            "Yêu cầu các đơn vị nghiêm túc thực hiện./.",
        ],
    )
    _foot(
        document,
        ["- Như trên;", "- Lưu: VT, NV."],
        ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Đỗ Quang Trung"],
    )
    document.save(str(path))


def header_empty_column(path: Path) -> None:
    """A province's plan whose header table has an empty first column (a margin)."""
    document = _document()
    table = document.add_table(rows=3, cols=3)
    _cell(table.cell(0, 1), ["UBND TỈNH LÀO CAI", "SỞ VĂN HÓA VÀ THỂ THAO"], bold=True)
    _cell(table.cell(0, 2), [NATIONAL_TITLE, MOTTO], bold=True)
    _cell(table.cell(1, 1), ["Số: 88/KH-SVHTT"])
    _cell(table.cell(1, 2), ["Lào Cai, ngày 11 tháng 1 năm 2024"])
    _paragraphs(
        document,
        [
            "KẾ HOẠCH",
            "Tổ chức Giải việt dã truyền thống tỉnh Lào Cai năm 2024",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Đẩy mạnh phong trào rèn luyện thân thể theo gương Bác Hồ vĩ đại.",
            "II. TỔ CHỨC THỰC HIỆN",
            "1. Trung tâm Huấn luyện và Thi đấu thể thao tỉnh chủ trì tổ chức giải.",
            "2. Báo Lào Cai phối hợp tuyên truyền về giải.",
        ],
    )
    _foot(
        document,
        ["- UBND tỉnh (b/c);", "- Lưu: VT, TDTT."],
        ["GIÁM ĐỐC", "", "Lý Thị Vinh"],
    )
    document.save(str(path))


def header_spaces(path: Path) -> None:
    """A commune's plan whose header columns are laid out with spaces in plain paragraphs."""
    document = _document()
    gap = " " * 12
    _paragraphs(
        document,
        [
            f"UBND HUYỆN BÌNH XUYÊN{gap}{NATIONAL_TITLE}",
            f"UBND XÃ HƯƠNG CANH{gap}{MOTTO}",
            f"Số: 35/KH-UBND{gap}Hương Canh, ngày 02 tháng 3 năm 2021",
            "KẾ HOẠCH",
            "Phòng, chống thiên tai và tìm kiếm cứu nạn năm 2021",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Chủ động phòng ngừa, giảm thiểu thiệt hại do thiên tai gây ra.",
            "II. TỔ CHỨC THỰC HIỆN",
            "1. Ban Chỉ huy quân sự xã chủ trì, xây dựng phương án ứng cứu.",
            "2. Các thôn thành lập đội xung kích phòng, chống thiên tai.",
        ],
    )
    _foot(
        document,
        ["- UBND huyện (b/c);", "- Lưu: VT."],
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Nguyễn Văn Khải"],
    )
    document.save(str(path))


def _font(run: Any, font: str) -> None:
    run.font.name = font
    run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:hAnsi"), font)


def _legacy(paragraph: Any, text: str, *, bold: bool = False) -> None:
    """A paragraph typed in TCVN3: capitals in .VnTimeH, the rest in .VnTime."""
    caps = text.isupper()
    run = paragraph.add_run(tcvn3(text, caps=caps))
    run.bold = bold
    _font(run, ".VnTimeH" if caps else ".VnTime")


def _legacy_cell(cell: Any, lines: list[str], bold: bool = False) -> None:
    for index, text in enumerate(lines):
        _legacy(cell.paragraphs[0] if index == 0 else cell.add_paragraph(), text, bold=bold)


def legacy_tcvn3(path: Path) -> None:
    """A province's plan typed in .VnTime: TCVN3 codes; capitals in .VnTimeH."""
    document = _document()
    table = document.add_table(rows=2, cols=2)
    _legacy_cell(table.cell(0, 0), ["ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH"], bold=True)
    _legacy_cell(table.cell(0, 1), [NATIONAL_TITLE, MOTTO], bold=True)
    _legacy_cell(table.cell(1, 0), ["Số: 47/KH-UBND"])
    _legacy_cell(table.cell(1, 1), ["Ninh Bình, ngày 15 tháng 3 năm 2019"])
    for text in (
        "KẾ HOẠCH",
        "Tổ chức Ngày hội đọc sách năm 2019",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Khuyến khích thói quen đọc sách trong học sinh và Nhân dân.",
        "II. TỔ CHỨC THỰC HIỆN",
        "Sở Văn hóa và Thể thao chủ trì tổ chức Ngày hội tại Thư viện tỉnh.",
    ):
        _legacy(document.add_paragraph(), text)
    foot = document.add_table(rows=1, cols=2)
    _legacy_cell(foot.cell(0, 0), ["Nơi nhận:", "- Bộ Văn hóa, Thể thao và Du lịch;", "- Lưu: VT."])
    _legacy_cell(foot.cell(0, 1), ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Đinh Văn Điến"], bold=True)
    document.save(str(path))


def legacy_vni(path: Path) -> None:
    """A plan typed in VNI-Times: refused, since VNI is not converted."""
    document = _document()
    _paragraphs(
        document,
        [
            "UÛY BAN NHAÂN DAÂN",
            "XAÕ AN BÌNH",
            "Soá: 12/KH-UBND",
            "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM",
            "Ñoäc laäp - Töï do - Haïnh phuùc",
            "KEÁ HOAÏCH",
            "Toå chöùc ngaøy hoäi ñaïi ñoaøn keát toaøn daân toäc",
        ],
    )
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            _font(run, "VNI-Times")
    document.save(str(path))


WORD_CASES: dict[str, Callable[[Path], None]] = {
    "cv-kinh-gui-table": cong_van_table,
    "kh-header-empty-column": header_empty_column,
    "kh-header-spaces": header_spaces,
    "legacy-tcvn3": legacy_tcvn3,
}
"""The Word fixtures that import; legacy_vni is refused (see the bad-input test)."""


def case_files(folder: Path) -> dict[str, Path]:
    """Every importable fixture: the text ones where they are, the Word ones built in ``folder``."""
    found = {
        path.name.split(".")[0]: path
        for path in sorted(CASES.iterdir())
        if path.suffix in (".txt", ".md")
    }
    for name, build in WORD_CASES.items():
        path = folder / f"{name}.docx"
        if not path.exists():
            build(path)
        found[name] = path
    return dict(sorted(found.items()))
