"""Text and Markdown as people paste them: wrapped lines, flattened tables, old spellings.

tests/data/reading holds a plan pasted from a web page (header flattened
with "|", no-break spaces and tabs, "HOÀ", en-dash bullets, "Phần thứ
nhất", a skipped number, "10.1." items, footnote markers, a signature
flattened with "|") and a Markdown plan (# marks, **bold**, * bullets,
links, entities, escapes).
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from seeds import SEEDS, normalise_words
from test_reading_seeds import skeleton
from test_render_text import document_paragraphs

from planforge import render_plan
from planforge.model import Assignment, Reporting, Role, Section, Target
from planforge.reading import Reading, read_plan, read_plan_report
from planforge.reading.folding import fold
from planforge.reading.labels import split_label

DATA = Path(__file__).parent / "data" / "reading"


@pytest.fixture(scope="module")
def pasted() -> Reading:
    return read_plan_report(DATA / "pasted-web.txt")


@pytest.fixture(scope="module")
def markdown() -> Reading:
    return read_plan_report(DATA / "markdown.md")


@pytest.mark.parametrize(
    ("text", "label", "rest"),
    [
        ("I. QUAN ĐIỂM", "I.", "QUAN ĐIỂM"),
        ("IV) KINH PHÍ", "IV)", "KINH PHÍ"),
        ("1. Quan điểm", "1.", "Quan điểm"),
        ("1.Quan điểm", "1.", "Quan điểm"),
        ("a) Chỉ tiêu", "a)", "Chỉ tiêu"),
        ("đ) Nhiệm vụ", "đ)", "Nhiệm vụ"),
        ("b. Phát hành tờ rơi", "b.", "Phát hành tờ rơi"),
        ("10.1. Sở Y tế", "10.1.", "Sở Y tế"),
        ("- Ít nhất 70%", "-", "Ít nhất 70%"),
        ("– Ít nhất 70%", "–", "Ít nhất 70%"),
        ("+ Tổ chức", "+", "Tổ chức"),
        ("Phần I. QUY ĐỊNH CHUNG", "Phần I", "QUY ĐỊNH CHUNG"),
        ("Phần thứ nhất", "Phần thứ nhất", ""),
        ("100% các xã", None, "100% các xã"),
        ("1.000 người được tuyên truyền", None, "1.000 người được tuyên truyền"),
        ("2.5 triệu đồng mỗi năm", None, "2.5 triệu đồng mỗi năm"),
        ("1 Mục đích.", None, "1 Mục đích."),
        ("-", None, "-"),
    ],
)
def test_a_label_is_split_off_only_where_it_is_one(text: str, label: str | None, rest: str) -> None:
    """Labels of every level, glued or spaced; numbers that are figures stay text."""
    found, after = split_label(text)
    assert (found.raw if found else None, after) == (label, rest)


def test_a_bare_number_is_a_label_inside_a_bold_lead() -> None:
    """ "1 Mục đích." (Lạng Sơn) is labelled "1" when it starts a bold run-in title."""
    found, rest = split_label("1 Mục đích. Tạo sự chuyển biến", bold_prefix=11)
    assert found is not None and (found.raw, rest) == ("1", "Mục đích. Tạo sự chuyển biến")


def test_old_and_new_tone_placement_fold_alike() -> None:
    """ "HOÀ"/"HÒA", "Uỷ"/"Ủy" compare equal; words that differ in tone do not."""
    assert fold("CỘNG HOÀ") == fold("Cộng hòa") and fold("Uỷ ban") == fold("Ủy ban")
    assert fold("chỉ tiêu") != fold("chi tiêu")


def test_a_flattened_header_is_read_part_by_part(pasted: Reading) -> None:
    """ "|" columns, an old "UỶ", a no-break serial gap, a tab inside the date line."""
    header = pasted.plan.header
    assert header.issuing_agency.name == "Ủy ban nhân dân huyện Đức Trọng"
    assert header.issuing_agency.header_lines == ("UỶ BAN NHÂN DÂN", "HUYỆN ĐỨC TRỌNG")
    assert (header.number.file_form, header.place, str(header.date)) == (
        "/KH-UBND",
        "Đức Trọng",
        "2023-03",
    )
    assert header.subject == "Triển khai công tác phòng, chống mại dâm trên địa bàn huyện năm 2023"
    assert {name for name, _, _ in pasted.found} >= {"national title", "motto", "number", "type"}


def test_the_legal_basis_types_every_cited_document(pasted: Reading) -> None:
    """A date in words and in figures, a Party number "224-KH/HU", a footnote mark."""
    cited = [(r.number, str(r.date), r.issuer) for r in pasted.plan.legal_basis.references]
    assert cited == [
        ("48/KH-UBND", "2023-02-27", "Ủy ban nhân dân tỉnh Lâm Đồng"),
        ("224-KH/HU", "2021-09-28", "Huyện ủy Đức Trọng"),
    ]


def test_parts_levels_and_labels_of_pasted_text_are_kept(pasted: Reading) -> None:
    """ "Phần thứ nhất" with its title, Roman sections under it, a skipped "4.", "10.1." items,
    en-dash bullets printed as they were."""
    entries = [(e.depth, e.label) for e in pasted.plan.entries()]
    assert entries[:4] == [(1, "Phần thứ nhất"), (2, "1."), (2, "2."), (1, "Phần thứ hai")]
    labels = [label for _, label in entries]
    assert "4." in labels and "10.1." in labels and "10.2." in labels and "–" in labels
    first = pasted.plan.sections[0]
    assert isinstance(first, Section) and first.title == "MỤC ĐÍCH, YÊU CẦU"
    assert first.role is Role.OBJECTIVES


def test_a_wrapped_bullet_is_one_target_with_its_measure(pasted: Reading) -> None:
    """ "– Ít nhất 80% … về phòng," + "chống mại dâm;" is one target, at least 80%."""
    target = pasted.plan.targets()[0].node
    assert isinstance(target, Target)
    assert target.text.endswith("về phòng, chống mại dâm;")
    assert [(m.comparison.value, m.value) for m in target.measures] == [("at-least", 80)]


def test_warnings_name_the_skipped_number_the_list_start_and_the_footnote(
    pasted: Reading,
) -> None:
    """Each unsure paragraph is a warning with its paragraph and line number."""
    messages = {w.message: w for w in pasted.warnings}
    assert "4. follows 2.: 3. is skipped" in messages
    assert messages["4. follows 2.: 3. is skipped"].line == 31
    assert any("footnote" in m for m in messages)
    assert all(w.paragraph > 0 for w in pasted.warnings)


def test_a_signature_flattened_with_bars_is_read(pasted: Reading) -> None:
    """Recipients on the left, authority, title and name on the right of "|"."""
    plan = pasted.plan
    assert [r.line for r in plan.recipients.entries] == [
        "UBND tỉnh (b/c)",
        "TT. Huyện ủy, TT. HĐND huyện",
        "Các cơ quan, đơn vị",
    ]
    assert plan.recipients.archive == ("VT", "LĐTBXH")
    signature = plan.signature
    assert [str(a) for a in signature.authority] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    assert (signature.title, signature.name) == ("PHÓ CHỦ TỊCH", "Nguyễn Văn An")


@pytest.mark.parametrize("source", ["pasted-web.txt", "markdown.md"])
def test_every_sentence_of_a_pasted_plan_is_in_its_rendered_document(
    source: str, tmp_path: Path
) -> None:
    """Nothing lost: each sentence of the file, markup aside, is in the rendered text
    (tone placement and dashes folded: the national title prints "HÒA", "-")."""
    path = render_plan(read_plan(DATA / source), tmp_path / "plan.docx")
    document = normalise_words(fold(" ".join(t for t, _ in document_paragraphs(path))))
    raw = (DATA / source).read_text(encoding="utf-8")
    raw = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", raw).replace("&amp;", "&").replace("\\*", "*")
    raw = re.sub(r"^\s*[-|:]+\s*$|^#+ |(?<!\\)\*\*|^\* ", "", raw, flags=re.MULTILINE)
    pieces = re.split(r"(?<=[.;:!?])\s+|\n|\|", raw)
    words = [normalise_words(fold(s)).strip("*").rstrip(".") for s in pieces]
    missing = [w for w in words if w.strip("–-") and w not in document]
    assert missing == []


def test_markdown_marks_make_headings_bold_titles_and_bullets(markdown: Reading) -> None:
    """# and ** are formatting; "* " items are "-" items; escapes and entities are text."""
    plan = markdown.plan
    assert [(e.depth, e.label, type(e.node).__name__) for e in plan.entries()][:6] == [
        (1, "I.", "Section"),
        (2, "-", "Paragraph"),
        (2, "-", "Paragraph"),
        (1, "II.", "Section"),
        (2, "1.", "Section"),
        (3, "a)", "Section"),
    ]
    texts = [e.node.text for e in plan.entries()]
    assert "Không để phát sinh tụ điểm tệ nạn xã hội & ma túy trên địa bàn;" in texts
    assert "tổ chức tuyên truyền trên loa truyền thanh *hằng tuần*." in texts
    assert plan.header.issuing_agency.name == "Ủy ban nhân dân xã Hiệp Thạnh"
    assert plan.legal_basis.references[0].number == "48/KH-UBND"


def test_reporting_deadlines_and_duties_are_recognised_in_markdown(markdown: Reading) -> None:
    """ "Định kỳ 6 tháng (trước ngày 20/6) và hằng năm (trước ngày 15/12) … báo cáo …"."""
    nodes = [e.node for e in markdown.plan.entries()]
    reporting = [n for n in nodes if isinstance(n, Reporting)]
    assert [(d.period.value, d.day, d.month) for d in reporting[0].deadlines] == [
        ("six-months", 20, 6),
        ("year", 15, 12),
    ]
    duties = [n for n in nodes if isinstance(n, Assignment)]
    assert [(d.agencies, d.requested) for d in duties] == [
        (("Công an xã",), False),
        (("Ủy ban Mặt trận Tổ quốc Việt Nam xã",), True),
    ]


@pytest.mark.parametrize(
    ("seed", "width"),
    [
        ("lam-dong-2021-ke-hoach-7851.txt", 60),
        ("lam-dong-2021-ke-hoach-7851.txt", 95),
        ("lang-son-2023-so-ldtbxh-ke-hoach.txt", 110),
    ],
)
def test_a_seed_hard_wrapped_at_another_width_imports_the_same(
    seed: str, width: int, tmp_path: Path
) -> None:
    """Re-wrap a seed's lines at any column, drop its blank lines: the same plan comes back."""
    lines = []
    for line in (SEEDS / seed).read_text(encoding="utf-8").split("\n"):
        lines += [line] if line.lstrip().startswith("#") else textwrap.wrap(line, width)
    wrapped = tmp_path / "wrapped.txt"
    wrapped.write_text("\n".join(lines), encoding="utf-8")
    assert skeleton(read_plan(wrapped)) == skeleton(read_plan(SEEDS / seed))


def test_pasted_text_that_starts_at_the_body_says_what_the_header_lacks(tmp_path: Path) -> None:
    """Only body and foot: the header parts are placeholders or inferred, each warned."""
    source = tmp_path / "body.txt"
    source.write_text(
        "I. MỤC ĐÍCH\nTuyên truyền pháp luật.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nLê Văn Tám\n",
        encoding="utf-8",
    )
    reading = read_plan_report(source)
    header = reading.plan.header
    assert (header.issuing_agency.name, header.place, header.subject) == (
        "[cơ quan ban hành]",
        "[địa danh]",
        "[trích yếu]",
    )
    messages = " | ".join(w.message for w in reading.warnings)
    for part in ("no issuing agency", "no number", "no date", "no place", "no subject"):
        assert part in messages
    assert reading.plan.signature.name == "Lê Văn Tám"


def test_marks_survive_when_the_type_line_disagrees_with_the_number() -> None:
    """ "THÔNG BÁO" over a …/KH-… number: the number decides, and "KHẨN" is kept."""
    from planforge import Urgency

    plan = read_plan(Path(__file__).parent / "data" / "reading" / "urgent-mismatched-type.txt")
    assert plan.header.document_type.code == "KH"
    assert plan.header.urgency is Urgency.KHAN
