"""Labels of Structure B computed from level and position."""

from planforge import Marker, Paragraph, Section
from planforge.model.numbering import label_children, walk
from planforge.text.labels import letter, roman


def test_roman_numerals_reach_thirty_and_beyond() -> None:
    """Mục numbers run I to XXX and further."""
    expected = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    assert [roman(n) for n in range(1, 11)] == expected
    assert roman(19) == "XIX" and roman(24) == "XXIV" and roman(30) == "XXX"
    assert roman(40) == "XL" and roman(99) == "XCIX"


def test_point_letters_follow_the_vietnamese_alphabet() -> None:
    """a, b, c, d, đ, e, g, h, i, k: no f, j, w, z."""
    assert [letter(n) for n in range(1, 11)] == ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k"]
    assert letter(23) == "y"
    assert not {"f", "j", "w", "z"} & {letter(n) for n in range(1, 24)}


def test_sections_are_labelled_by_depth() -> None:
    """I. then 1. then a) then - then +."""
    tree = (
        Section(
            title="A",
            children=(
                Section(
                    title="B",
                    children=(
                        Section(
                            title="C",
                            children=(Section(title="D", children=(Section(title="E"),)),),
                        ),
                    ),
                ),
            ),
        ),
    )
    assert [e.label for e in walk(tree)] == ["I.", "1.", "a)", "-", "+"]


def test_an_explicit_label_sets_the_count_so_a_skipped_number_stays_skipped() -> None:
    """Lâm Đồng's section III runs 1, 2, 3, 4, 6: "6." makes the next one "7."."""
    items = tuple(Paragraph(text=f"Giải pháp {n}", marker=Marker.ARABIC) for n in range(4))
    items += (
        Paragraph(text="Sáu", marker=Marker.ARABIC, label="6."),
        Paragraph(text="Bảy", marker=Marker.ARABIC),
    )
    assert [e.label for e in label_children(items, 2)] == ["1.", "2.", "3.", "4.", "6.", "7."]


def test_a_label_of_another_form_does_not_disturb_the_count() -> None:
    """ "10.1." sub-items keep their own label."""
    items = (
        Paragraph(text="x", label="10.1.", marker=Marker.ARABIC),
        Paragraph(text="y", marker=Marker.ARABIC),
    )
    assert [e.label for e in label_children(items, 2)] == ["10.1.", "1."]


def test_items_take_their_parents_marker_and_count_past_dj() -> None:
    """Paragraphs under a section with item_marker LETTER run a) … đ) e)."""
    section = Section(
        title="T",
        item_marker=Marker.LETTER,
        children=tuple(Paragraph(text=str(n)) for n in range(6)),
    )
    labels = [e.label for e in walk((section,)) if e.depth == 2]
    assert labels == ["a)", "b)", "c)", "d)", "đ)", "e)"]


def test_plain_paragraphs_have_no_label_and_do_not_count() -> None:
    """A paragraph between numbered items leaves the numbering alone."""
    items = (
        Paragraph(text="x", marker=Marker.ARABIC),
        Paragraph(text="plain"),
        Paragraph(text="y", marker=Marker.ARABIC),
    )
    assert [e.label for e in label_children(items, 2)] == ["1.", "", "2."]
