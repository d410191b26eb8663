"""Tiny plans for tests: the smallest valid values, overridable field by field."""

from __future__ import annotations

from typing import Any

import attrs

from planforge import (
    Agency,
    AuthorityLine,
    DocumentNumber,
    Header,
    IssueDate,
    LegalBasis,
    Level,
    Paragraph,
    Plan,
    Recipient,
    Recipients,
    Section,
    Signature,
)


def header(**changes: Any) -> Header:
    """A provincial plan's header: Lâm Đồng, 7851/KH-UBND, 04/11/2021."""
    base = Header(
        issuing_agency=Agency("Ủy ban nhân dân tỉnh Lâm Đồng", "UBND", Level.PROVINCE, "Lâm Đồng"),
        number=DocumentNumber(7851, "UBND", type_code="KH"),
        place="Lâm Đồng",
        date=IssueDate(2021, 11, 4),
        subject="Triển khai thực hiện Chương trình phòng, chống mại dâm giai đoạn 2021 - 2025",
    )
    return attrs.evolve(base, **changes)


def plan(**changes: Any) -> Plan:
    """A plan with one section and one paragraph, signed KT. CHỦ TỊCH."""
    base = Plan(
        header=header(),
        legal_basis=LegalBasis(opening=("Thực hiện Quyết định số 1629/QĐ-TTg …",)),
        sections=(Section(title="Mục tiêu", children=(Paragraph(text="Tăng cường phòng ngừa."),)),),
        recipients=Recipients((Recipient("Bộ Lao động - TBXH"),), ("VT", "VX3")),
        signature=Signature(
            "Phó Chủ tịch", "Đặng Trí Dũng", (AuthorityLine.parse("KT. CHỦ TỊCH"),)
        ),
    )
    return attrs.evolve(base, **changes)
