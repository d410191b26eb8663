"""Tests for planforge.text.metrics: widths, wrapping and rules in Times New Roman."""

from __future__ import annotations

import doctest
import itertools
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from planforge.text import _metrics_data, metrics
from planforge.text.metrics import (
    MOTTO,
    motto_rule,
    rule_under,
    text_width_mm,
    underscore_rule,
    wrap_lines,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
FONT_FILES = [
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic.ttf",
]
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
DATE_LINE = "Thành phố Hồ Chí Minh, ngày 29 tháng 12 năm 2024"
HEADER_COLUMN_MM = 62.0
TOLERANCE_MM = 0.5

AGENCY_NAMES = [
    "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
    "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
    "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
    "SỞ Y TẾ",
    "BỘ TÀI CHÍNH",
    "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN",
]
SUBJECTS = [
    "Về công tác phòng, chống lụt bão",
    (
        "Triển khai thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững"
        " giai đoạn 2021 - 2025 trên địa bàn tỉnh"
    ),
    "Tổ chức các hoạt động kỷ niệm Ngày Quốc khánh 2/9",
    "Cải cách hành chính năm 2024",
]
VIETNAMESE_VOWELS = "aăâeêioôơuưy"
TONE_MARKS = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]


def _underscore_mm(size_pt: float) -> float:
    return text_width_mm("_", size_pt)


def _is_dash(token: str) -> bool:
    return all(char in "-\u2013\u2014" for char in token)


# --- measured reference widths (nd30.md §2.1) ------------------------------------


@pytest.mark.parametrize(("size_pt", "expected_mm"), [(13, 95.7), (12, 88.3)])
def test_the_bold_national_title_has_the_measured_width(size_pt: float, expected_mm: float) -> None:
    """The bold quốc hiệu measures 95.7 mm at 13 pt and 88.3 mm at 12 pt."""
    width = text_width_mm(NATIONAL_TITLE, size_pt, bold=True)
    assert width == pytest.approx(expected_mm, abs=TOLERANCE_MM)


@pytest.mark.parametrize(("size_pt", "expected_mm"), [(13, 56.0), (14, 60.5)])
def test_the_bold_motto_has_the_measured_width(size_pt: float, expected_mm: float) -> None:
    """The bold tiêu ngữ measures 56 mm at 13 pt and 60.5 mm at 14 pt."""
    width = text_width_mm(MOTTO, size_pt, bold=True)
    assert width == pytest.approx(expected_mm, abs=TOLERANCE_MM)


@pytest.mark.parametrize(("size_pt", "expected_mm"), [(13, 98.7), (14, 106.0)])
def test_the_italic_place_and_date_line_has_the_measured_width(
    size_pt: float, expected_mm: float
) -> None:
    """The long italic place+date line measures 98.7 mm at 13 pt and 106 mm at 14 pt."""
    width = text_width_mm(DATE_LINE, size_pt, italic=True)
    assert width == pytest.approx(expected_mm, abs=TOLERANCE_MM)


def test_width_scales_linearly_with_the_point_size() -> None:
    """Doubling the size doubles the width; the empty string has no width."""
    assert text_width_mm("Kế hoạch", 28) == pytest.approx(2 * text_width_mm("Kế hoạch", 14))
    assert text_width_mm("", 13, bold=True) == 0.0


# --- character coverage and fallbacks ---------------------------------------------


def test_every_vietnamese_letter_has_stored_metrics_in_every_face() -> None:
    """All 146 Vietnamese letters (12 vowels x 6 tones x 2 cases, Đ/đ) are stored."""
    letters = {"đ", "Đ"}
    for vowel, tone in itertools.product(VIETNAMESE_VOWELS, TONE_MARKS):
        letter = unicodedata.normalize("NFC", vowel + tone)
        assert len(letter) == 1
        letters |= {letter, letter.upper()}
    assert len(letters) == 146
    assert {chr(cp) for cp in range(0x1EA0, 0x1EFA)} <= letters  # the Vietnamese block
    for face, table in _metrics_data.ADVANCES.items():
        stored = "".join(table.values())
        assert len(stored) == len(set(stored)), face
        assert letters <= set(stored), face


def test_ascii_punctuation_and_nbsp_have_stored_metrics_in_every_face() -> None:
    """Printable ASCII, NBSP and the usual typographic punctuation are all stored."""
    wanted = {chr(cp) for cp in range(0x20, 0x7F)}
    wanted |= set("\xa0–—“”‘’…«»•₃°§")
    for face, table in _metrics_data.ADVANCES.items():
        assert wanted <= set("".join(table.values())), face


def test_all_faces_use_2048_units_per_em() -> None:
    """Liberation Serif, like Times New Roman, has 2048 units per em in every face."""
    assert _metrics_data.UNITS_PER_EM == dict.fromkeys(
        ("regular", "bold", "italic", "bold_italic"), 2048
    )


def test_decomposed_text_measures_the_same_as_precomposed_text() -> None:
    """NFD input is normalised, so "Hạnh phúc" in NFD has the NFC width."""
    nfc = "Độc lập - Tự do - Hạnh phúc"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    assert text_width_mm(nfd, 14, bold=True) == text_width_mm(nfc, 14, bold=True)


@pytest.mark.parametrize(("unknown", "base"), [("ŕ", "r"), ("Ǹ", "N"), ("ǘ", "u")])
def test_an_unknown_accented_letter_takes_the_width_of_its_nfd_base(
    unknown: str, base: str
) -> None:
    """A letter with no stored metrics is measured as its NFD base letter."""
    assert unknown not in "".join(_metrics_data.ADVANCES["regular"].values())
    for bold, italic in itertools.product((False, True), repeat=2):
        assert text_width_mm(unknown, 13, bold=bold, italic=italic) == text_width_mm(
            base, 13, bold=bold, italic=italic
        )


def test_a_letter_without_any_known_base_takes_the_mean_lowercase_width() -> None:
    """A character with no metrics and no known base gets the mean width of a-z."""
    mean = sum(text_width_mm(chr(cp), 13) for cp in range(97, 123)) / 26
    assert text_width_mm("Ж", 13) == pytest.approx(mean)
    assert text_width_mm("Ж", 13, bold=True) != pytest.approx(mean)


def test_combining_marks_and_zero_width_characters_take_no_space() -> None:
    """A stray combining mark, a ZWSP or a soft hyphen adds nothing to the width."""
    assert text_width_mm("q\u0323\u200b\xad", 13) == text_width_mm("q", 13)


# --- wrapping ---------------------------------------------------------------------


def test_a_provincial_peoples_committee_splits_before_the_province() -> None:
    """The name "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG" wraps into two lines in 62 mm."""
    lines = wrap_lines("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", HEADER_COLUMN_MM, 13, bold=True)
    assert lines == ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]


def test_the_labour_department_first_line_is_wider_than_a_62_mm_column() -> None:
    """The line "SỞ LAO ĐỘNG - THƯƠNG BINH" is 69.5 mm at 13 pt bold, 64.2 at 12 pt.

    So the conventional split ["SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"] does not
    fit a 62 mm column at either size; it needs at least 69.6 mm at 13 pt.
    """
    first = "SỞ LAO ĐỘNG - THƯƠNG BINH"
    assert text_width_mm(first, 13, bold=True) == pytest.approx(69.5, abs=0.1)
    assert text_width_mm(first, 12, bold=True) == pytest.approx(64.2, abs=0.1)
    assert text_width_mm(first, 12, bold=True) > HEADER_COLUMN_MM


@pytest.mark.parametrize(("width_mm", "size_pt"), [(70.0, 13), (65.0, 12), (75.0, 13)])
def test_the_labour_department_splits_before_va_when_the_column_allows(
    width_mm: float, size_pt: float
) -> None:
    """With room for its first phrase the name breaks before "VÀ XÃ HỘI"."""
    lines = wrap_lines("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", width_mm, size_pt, bold=True)
    assert lines == ["SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"]


def test_the_labour_department_in_62_mm_still_fits_and_keeps_the_dash_inside() -> None:
    """In 62 mm at 13 pt every line fits and none starts or ends with the dash."""
    lines = wrap_lines("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", HEADER_COLUMN_MM, 13, bold=True)
    assert lines == ["SỞ LAO ĐỘNG - THƯƠNG", "BINH VÀ XÃ HỘI"]
    for line in lines:
        assert text_width_mm(line, 13, bold=True) <= HEADER_COLUMN_MM


def test_a_city_name_starts_its_own_line() -> None:
    """A break before "THÀNH PHỐ" wins over a more balanced break inside the name."""
    lines = wrap_lines("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", HEADER_COLUMN_MM, 13, bold=True)
    assert lines == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"]


def test_xa_hoi_is_not_taken_for_a_commune() -> None:
    """The words "XÃ HỘI" (society) are no phrase start, unlike "XÃ" (commune)."""
    assert metrics._phrase_start(["VÀ", "XÃ", "HỘI"], 1) is False
    assert metrics._phrase_start(["DÂN", "XÃ", "ĐẠ", "TẺH"], 1) is True


def test_text_that_fits_stays_on_one_line() -> None:
    """A name narrower than the column is returned as a single line."""
    assert wrap_lines("UBND TỈNH LẠNG SƠN", HEADER_COLUMN_MM, 13) == ["UBND TỈNH LẠNG SƠN"]


def test_an_explicit_newline_forces_a_break_and_blank_lines_survive() -> None:
    """A newline always breaks; an empty segment becomes an empty line."""
    assert wrap_lines("SỞ Y TẾ\nTỈNH LÂM ĐỒNG", 200, 13, bold=True) == [
        "SỞ Y TẾ",
        "TỈNH LÂM ĐỒNG",
    ]
    assert wrap_lines("A\r\n\nB", 200, 13) == ["A", "", "B"]
    assert wrap_lines("", 200, 13) == [""]


def test_spaces_are_collapsed_and_nbsp_binds_words() -> None:
    """Runs of spaces become one; a no-break space never becomes a line break."""
    assert wrap_lines("  Số:   12/KH-UBND  ", 200, 13) == ["Số: 12/KH-UBND"]
    words = "ngày\xa029\xa0tháng\xa012"
    assert wrap_lines(f"Hà Nội, {words}", 25, 13) == ["Hà Nội,", words]


def test_a_word_wider_than_the_column_stands_alone() -> None:
    """An unbreakable word wider than the column overflows on its own line."""
    lines = wrap_lines("Số 0123456789/QĐ-UBND-VX-TCCB ngày", 20, 13)
    assert lines == ["Số", "0123456789/QĐ-UBND-VX-TCCB", "ngày"]


def _legal_splits(tokens: list[str], width_mm: float, size_pt: float) -> list[list[str]]:
    """Every split of tokens into lines that fit, with no dash at a line edge."""
    splits = []
    for cuts in itertools.product((False, True), repeat=len(tokens) - 1):
        lines, current = [], [tokens[0]]
        for token, cut in zip(tokens[1:], cuts, strict=True):
            if cut:
                lines.append(current)
                current = []
            current.append(token)
        lines.append(current)
        if any(_is_dash(line[0]) or _is_dash(line[-1]) for line in lines):
            continue
        texts = [" ".join(line) for line in lines]
        if all(
            len(line) == 1 or text_width_mm(text, size_pt) <= width_mm
            for line, text in zip(lines, texts, strict=True)
        ):
            splits.append(texts)
    return splits


@pytest.mark.parametrize("width_mm", [40.0, 55.0, 70.0, 85.0, 100.0, 130.0])
def test_lowercase_text_gets_the_fewest_lines_with_the_shortest_longest_line(
    width_mm: float,
) -> None:
    """Without capitalised phrase words, wrapping is optimal min-max balancing."""
    text = "kế hoạch triển khai thực hiện công tác cải cách hành chính - năm 2024"
    result = wrap_lines(text, width_mm, 13)
    splits = _legal_splits(text.split(), width_mm, 13)
    fewest = min(len(split) for split in splits)
    best = min(
        max(text_width_mm(line, 13) for line in split) for split in splits if len(split) == fewest
    )
    assert result in splits
    assert len(result) == fewest
    assert max(text_width_mm(line, 13) for line in result) == pytest.approx(best)


@pytest.mark.parametrize("width_mm", [float(w) for w in range(20, 130, 3)])
def test_no_line_starts_or_ends_with_a_separator_dash(width_mm: float) -> None:
    """Across many column widths, dashes stay between their neighbours."""
    text = "Bộ Lao động - Thương binh và Xã hội – Cục Việc làm — Trung tâm Dịch vụ"
    for line in wrap_lines(text, width_mm, 13, bold=True):
        tokens = line.split(" ")
        assert not _is_dash(tokens[0])
        assert not _is_dash(tokens[-1])


def test_a_leading_list_dash_stays_with_its_first_word() -> None:
    """A recipients line "- Bộ ..." keeps its dash attached to the first word."""
    lines = wrap_lines("- Bộ Lao động - Thương binh và Xã hội;", 30, 11)
    assert lines[0].startswith("- Bộ")
    assert all(not _is_dash(line.split(" ")[-1]) for line in lines)


# --- rules ------------------------------------------------------------------------


def test_an_underscore_is_half_an_em_wide() -> None:
    """The metrics give the Times New Roman underscore 0.5 em in every face."""
    em_mm = 13 * 25.4 / 72
    for bold, italic in itertools.product((False, True), repeat=2):
        assert text_width_mm("_", 13, bold=bold, italic=italic) == pytest.approx(em_mm / 2)


@pytest.mark.parametrize("length_mm", [0.5, 1.2, 7.0, 20.0, 33.3, 56.1, 60.46, 95.7])
@pytest.mark.parametrize("size_pt", [12, 13, 14])
def test_an_underscore_rule_prints_closest_to_the_requested_length(
    length_mm: float, size_pt: float
) -> None:
    """The rule is never off by more than half an underscore."""
    rule = underscore_rule(length_mm, size_pt)
    assert set(rule) <= {"_"}
    unit = _underscore_mm(size_pt)
    assert abs(len(rule) * unit - length_mm) <= unit / 2 + 1e-9


def test_a_zero_or_negative_length_gives_no_rule() -> None:
    """Nothing to draw gives the empty string."""
    assert underscore_rule(0, 13) == ""
    assert underscore_rule(-5, 13) == ""


def _assert_rule_in_band(rule: str, lines: list[str], size_pt: float, *, bold: bool) -> None:
    longest = max(text_width_mm(line, size_pt, bold=bold) for line in lines)
    printed = len(rule) * _underscore_mm(size_pt)
    assert set(rule) == {"_"}
    assert longest / 3 - 1e-9 <= printed <= longest / 2 + 1e-9, (lines, len(rule))


@pytest.mark.parametrize("name", AGENCY_NAMES)
@pytest.mark.parametrize("fraction", [0.05, 1 / 3, 0.4, 0.5, 0.9])
def test_the_agency_rule_is_a_third_to_a_half_of_the_longest_line(
    name: str, fraction: float
) -> None:
    """Under an agency name the rule stays within 1/3-1/2 of its longest line."""
    lines = wrap_lines(name, HEADER_COLUMN_MM, 13, bold=True)
    rule = rule_under(lines, 13, bold=True, fraction=fraction)
    _assert_rule_in_band(rule, lines, 13, bold=True)


@pytest.mark.parametrize("subject", SUBJECTS)
def test_the_subject_rule_is_a_third_to_a_half_of_the_longest_line(
    subject: str,
) -> None:
    """Under a bold 14 pt subject wrapped to 160 mm the rule is within 1/3-1/2."""
    lines = wrap_lines(subject, 160, 14, bold=True)
    rule = rule_under(lines, 14, bold=True)
    _assert_rule_in_band(rule, lines, 14, bold=True)


def test_the_default_rule_is_about_forty_percent_of_the_longest_line() -> None:
    """With the default fraction the rule prints within half an underscore of 40 %."""
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]
    rule = rule_under(lines, 13, bold=True)
    target = 0.4 * text_width_mm("ỦY BAN NHÂN DÂN", 13, bold=True)
    assert abs(len(rule) * _underscore_mm(13) - target) <= _underscore_mm(13) / 2


def test_a_smaller_rule_font_gives_more_underscores_of_the_same_length() -> None:
    """rule_size_pt sets the underscore size; the printed length stays in the band."""
    lines = ["SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"]
    big = rule_under(lines, 13, bold=True)
    small = rule_under(lines, 13, bold=True, rule_size_pt=6.5)
    assert len(small) in (2 * len(big) - 1, 2 * len(big), 2 * len(big) + 1)
    longest = text_width_mm(lines[0], 13, bold=True)
    printed = len(small) * _underscore_mm(6.5)
    assert longest / 3 <= printed <= longest / 2


def test_no_lines_give_no_rule() -> None:
    """Without text there is nothing to underline."""
    assert rule_under([], 13, bold=True) == ""
    assert rule_under([""], 13, bold=False) == ""


@pytest.mark.parametrize("size_pt", [13, 14])
def test_the_motto_rule_is_within_three_percent_of_the_motto(size_pt: float) -> None:
    """The rule under the tiêu ngữ is as long as the bold motto, within 3 %."""
    motto = text_width_mm(MOTTO, size_pt, bold=True)
    printed = len(motto_rule(size_pt)) * _underscore_mm(size_pt)
    assert printed == pytest.approx(motto, rel=0.03)


def test_the_default_motto_rule_is_set_for_14_pt() -> None:
    """motto_rule() without arguments uses 14 pt: 24 underscores."""
    assert motto_rule() == motto_rule(14) == "_" * 24


# --- doctests and the generated data ----------------------------------------------


def test_the_module_doctests_pass() -> None:
    """The examples in metrics' docstrings run and give the documented output."""
    result = doctest.testmod(metrics)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.skipif(
    not all((FONT_DIR / name).is_file() for name in FONT_FILES),
    reason="Liberation Serif fonts are not installed",
)
def test_the_generator_reproduces_the_committed_metrics_module(tmp_path: Path) -> None:
    """scripts/gen_metrics.py, run to a temp file, writes _metrics_data.py exactly."""
    output = tmp_path / "_metrics_data.py"
    subprocess.run(
        [
            sys.executable,
            str(REPO_ROOT / "scripts" / "gen_metrics.py"),
            "--font-dir",
            str(FONT_DIR),
            "--output",
            str(output),
        ],
        check=True,
    )
    committed = REPO_ROOT / "planforge" / "text" / "_metrics_data.py"
    assert output.read_bytes() == committed.read_bytes()
