"""The công văn (Mẫu 1.5): model, plan file, and its rendered form."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from planforge import Letter, ModelError, dumps_plan, loads_document, render_plan
from planforge.checking.formatting import read_paragraphs
from planforge.loading.plan_file import load_document
from planforge.model import DocumentNumber

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "lam-dong-2021" / "cong-van-trien-khai-7851.yaml"


@pytest.fixture(scope="module")
def letter() -> Letter:
    """The example công văn."""
    loaded = load_document(EXAMPLE)
    assert isinstance(loaded, Letter)
    return loaded


@pytest.fixture(scope="module")
def rendered(letter: Letter, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example rendered once."""
    return render_plan(letter, tmp_path_factory.mktemp("cv") / "cong-van.docx")


def test_a_letter_file_is_read_as_a_letter_and_dumps_stably(letter: Letter) -> None:
    """document_type: cong-van selects the letter model; its points are "1." … "6.2."."""
    assert [e.label for e in letter.entries()] == [
        "1.",
        "2.",
        "3.",
        "4.",
        "5.",
        "6.",
        "6.1.",
        "6.2.",
    ]
    text = dumps_plan(letter)
    assert loads_document(text) == letter and dumps_plan(loads_document(text)) == text


def test_a_letter_has_no_type_code_and_needs_an_addressee(letter: Letter) -> None:
    """Số: …/UBND-VX3; a KH code or no "Kính gửi" is refused."""
    assert letter.header.number.symbol == "UBND-VX3"
    with pytest.raises(ModelError, match="has no type code"):
        attrs.evolve(letter.header, number=DocumentNumber(1, "UBND", type_code="KH"))
    with pytest.raises(ModelError, match="at least one addressee"):
        attrs.evolve(letter, addressees=())


def _cells(path: Path) -> dict[tuple[int, int, int], list[str]]:
    cells: dict[tuple[int, int, int], list[str]] = {}
    for located in read_paragraphs(path):
        if located.cell is not None:
            cells.setdefault(located.cell, []).append(located.text)
    return cells


def test_v_v_sits_under_the_number_in_12_pt_regular(rendered: Path) -> None:
    """Ô 5b: the summary follows "V/v" under the number, 12–13 pt, not bold."""
    paragraphs = read_paragraphs(rendered)
    number = next(p for p in paragraphs if p.text.startswith("Số:"))
    subject = next(p for p in paragraphs if p.text.startswith("V/v "))
    assert subject.cell == number.cell
    assert subject.text.replace("\u00a0", " ") == (
        "V/v triển khai thực hiện Kế hoạch phòng, chống mại dâm giai đoạn 2021 - 2025"
    )
    runs = [r for r in subject.paragraph.runs if r.text.strip()]
    assert all(12 <= r.size_pt <= 13 and not r.bold for r in runs)


def test_there_is_no_type_name_line(rendered: Path) -> None:
    """A công văn prints no "CÔNG VĂN" and no "KẾ HOẠCH" title."""
    texts = [p.text for p in read_paragraphs(rendered)]
    assert "CÔNG VĂN" not in texts and "KẾ HOẠCH" not in texts


def test_several_addressees_are_a_dash_list_under_the_colon(rendered: Path) -> None:
    """ "Kính gửi:" then "- …;" lines, the last ending with "."; dashes under the colon."""
    paragraphs = [p for p in read_paragraphs(rendered) if p.cell is None]
    index = next(i for i, p in enumerate(paragraphs) if p.text == "Kính gửi:")
    lines = [p.text for p in paragraphs[index + 1 : index + 3]]
    assert lines == [
        "- Các sở, ban, ngành, đoàn thể tỉnh;",
        "- Ủy ban nhân dân các huyện, thành phố Đà Lạt, Bảo Lộc.",
    ]
    label = paragraphs[index].paragraph
    item = paragraphs[index + 1].paragraph
    assert item.left_cm + item.first_line_cm > label.left_cm + 1.5


def test_one_addressee_stands_on_the_kinh_gui_line(letter: Letter, tmp_path: Path) -> None:
    """ "Kính gửi: Bộ Nội vụ." on one line."""
    path = render_plan(attrs.evolve(letter, addressees=("Bộ Nội vụ",)), tmp_path / "one.docx")
    texts = [p.text for p in read_paragraphs(path)]
    assert "Kính gửi: Bộ Nội vụ." in texts and "Kính gửi:" not in texts


def test_recipients_start_with_nhu_tren_even_when_the_file_forgets_it(
    letter: Letter, tmp_path: Path
) -> None:
    """ "- Như trên;" is first in Nơi nhận."""
    forgetful = attrs.evolve(
        letter, recipients=attrs.evolve(letter.recipients, entries=letter.recipients.entries[1:])
    )
    path = render_plan(forgetful, tmp_path / "r.docx")
    texts = [p.text for p in read_paragraphs(path)]
    start = texts.index("Nơi nhận:")
    assert texts[start + 1] == "- Như trên;" and texts.count("- Như trên;") == 1
