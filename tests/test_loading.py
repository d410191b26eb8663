"""Plan files: loading, errors located by file, line, column and field, stable dumps."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from factories import plan

from planforge import PlanFileError, dump_plan, dumps_plan, load_plan, loads_plan

MINIMAL = (Path(__file__).parent / "data" / "minimal.yaml").read_text(encoding="utf-8")


def _error(text: str) -> PlanFileError:
    with pytest.raises(PlanFileError) as info:
        loads_plan(text, "kh.yaml")
    return info.value


def test_a_minimal_plan_file_loads() -> None:
    """Keys are the model's field names; strings stand for numbers, dates and recipients."""
    loaded = loads_plan(MINIMAL)
    assert loaded.header.number.serial == 7851
    assert loaded.recipients.entries[1].purpose == "b/c"
    assert [e.label for e in loaded.entries()] == ["I.", "-"]


def test_text_is_normalised_to_nfc_on_load() -> None:
    """Decomposed input (NFD) comes out precomposed."""
    loaded = loads_plan(unicodedata.normalize("NFD", MINIMAL))
    assert loaded.header.issuing_agency.name == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert unicodedata.is_normalized("NFC", loaded.signature.name)


@pytest.mark.parametrize(
    ("change", "place", "words"),
    [
        (("date: 2021-11-04", "date: 2021-02-31"), "kh.yaml:7:9: header.date", "does not exist"),
        (("7851/KH-UBND", "0/KH-UBND"), "kh.yaml:5:11: header.number", "positive"),
        (("7851/KH-UBND", "7851/KX-UBND"), "kh.yaml:5:11: header.number", "unknown type code"),
        (
            ("abbreviation: UBND", "abbreviation: UBND\n    colour: red"),
            "kh.yaml:5:13: header.issuing_agency.colour",
            "unknown field",
        ),
        (
            ("  subject: Triển khai thực hiện Chương trình", "  subject: ''"),
            "kh.yaml:8:12: header.subject",
            "must not be empty",
        ),
        (
            ("item_marker: dash", "item_marker: star"),
            "kh.yaml:11:18: sections[0].item_marker",
            "use one of",
        ),
        (("  name: Đặng Trí Dũng\n", ""), "kh.yaml:18:3: signature", "missing field 'name'"),
        (
            ("authority: [KT. CHỦ TỊCH]", "authority: [KÝ THAY CHỦ TỊCH]"),
            "kh.yaml:18:15: signature.authority[0]",
            "TM., KT., TL., TUQ. or Q.",
        ),
    ],
)
def test_every_error_names_file_line_column_and_field(
    change: tuple[str, str], place: str, words: str
) -> None:
    """One message: where, which field, what is wrong."""
    error = _error(MINIMAL.replace(*change))
    assert str(error).startswith(place + ": ")
    assert words in str(error)


def test_a_yaml_syntax_error_is_located() -> None:
    """Broken YAML gives a line and column, not a traceback."""
    error = _error(MINIMAL.replace("  place: Lâm Đồng", "  place: [Lâm Đồng"))
    assert error.file == "kh.yaml" and error.line is not None
    assert "YAML syntax error" in str(error)


def test_an_empty_file_is_refused_clearly() -> None:
    """Nothing to read is an error, not a None plan."""
    assert "empty" in str(_error(""))


def test_a_missing_file_and_a_non_utf8_file_are_refused(tmp_path: Path) -> None:
    """The message names the file."""
    with pytest.raises(PlanFileError, match="no such file"):
        load_plan(tmp_path / "none.yaml")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("subject: Kế hoạch".encode("utf-16"))
    with pytest.raises(PlanFileError, match="not UTF-8"):
        load_plan(latin)


def test_dump_then_load_gives_the_same_plan_and_the_same_text(tmp_path: Path) -> None:
    """dump(load(f)) is stable."""
    original = loads_plan(MINIMAL)
    path = tmp_path / "kh.yaml"
    dump_plan(original, path)
    again = load_plan(path)
    assert again == original
    assert dumps_plan(again) == path.read_text(encoding="utf-8")


def test_a_factory_plan_survives_the_round_trip() -> None:
    """The tests' own tiny plan too."""
    tiny = plan()
    assert loads_plan(dumps_plan(tiny)) == tiny


def test_a_profile_given_as_a_plan_is_named_for_what_it_is(root: Path) -> None:
    """Not "unknown field 'name'": the clerk is told which command takes the file."""
    profile = root / "examples" / "lam-dong-2021" / "profile-2021-districts.yaml"
    with pytest.raises(PlanFileError, match=r"derivation profile .* planforge derive --profile"):
        load_plan(profile)
