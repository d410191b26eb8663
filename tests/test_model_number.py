"""Số, ký hiệu: parsing, printing and refusing malformed numbers."""

import pytest

from planforge import DocumentNumber, ModelError


def test_it_reads_and_prints_a_plan_number() -> None:
    """A plan number has a type code before the issuer code."""
    number = DocumentNumber.parse("Số: 7851/KH-UBND")
    assert (number.serial, number.type_code, number.issuer_code) == (7851, "KH", "UBND")
    assert number.line == "Số: 7851/KH-UBND"


def test_it_pads_serial_numbers_below_ten() -> None:
    """Nghị định 30 writes "05", not "5"."""
    assert DocumentNumber.parse("5/KH-UBND").line == "Số: 05/KH-UBND"


def test_a_draft_number_is_blank_but_keeps_its_codes() -> None:
    """Before signing the serial is left for the clerk."""
    number = DocumentNumber.parse("/KH-SLĐTBXH")
    assert number.serial is None
    assert number.file_form == "/KH-SLĐTBXH"
    assert number.line.startswith("Số:") and number.line.endswith("/KH-SLĐTBXH")
    assert number.line.replace("\u00a0", " ").count(" ") >= 5


def test_a_cong_van_number_has_no_type_code() -> None:
    """Issuer code then drafting-unit code."""
    number = DocumentNumber.parse("12/UBND-VX")
    assert number.type_code is None and number.unit_code == "VX"


def test_it_keeps_an_optional_unit_code() -> None:
    """Some agencies add the drafting unit after the issuer."""
    assert DocumentNumber.parse("3/QĐ-SYT-NVY").symbol == "QĐ-SYT-NVY"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("0/KH-UBND", "positive"),
        ("7851-KH-UBND", "malformed document number"),
        ("7851/KH-", "malformed document code"),
        ("7851/KH-ub nd", "malformed"),
        ("7851/KX-UBND-VX", "unknown type code"),
    ],
)
def test_it_refuses_malformed_numbers(text: str, words: str) -> None:
    """Every refusal says what is wrong."""
    with pytest.raises(ModelError, match=words):
        DocumentNumber.parse(text)


@pytest.mark.parametrize("code", ["ubnd", "UB ND", "UBND.", "Đ-X", ""])
def test_it_refuses_a_malformed_issuer_code(code: str) -> None:
    """Codes are letters and digits starting with a capital."""
    with pytest.raises(ModelError, match="malformed code") as info:
        DocumentNumber(1, code, type_code="KH")
    assert info.value.field == "issuer_code"


def test_it_refuses_an_unknown_type_code_given_directly() -> None:
    """Only Phụ lục III codes are allowed."""
    with pytest.raises(ModelError, match="unknown type code 'KX'") as info:
        DocumentNumber(1, "UBND", type_code="KX")
    assert info.value.field == "type_code"
