"""The công văn that sends a plan down to its units (công văn triển khai kế hoạch)."""

from __future__ import annotations

import datetime
import re
import unicodedata

from planforge.derivation.deadlines import dated, describe, earlier
from planforge.model import (
    AS_ABOVE,
    Deadline,
    DocumentNumber,
    DocumentType,
    Header,
    IssueDate,
    LegalBasis,
    Letter,
    Marker,
    Paragraph,
    Plan,
    Recipient,
    Recipients,
    Reporting,
)
from planforge.model.agency import Level
from planforge.model.profile import Profile

GROUPED = {
    Level.DISTRICT: "Ủy ban nhân dân các huyện, thị xã, thành phố",
    Level.COMMUNE: "Ủy ban nhân dân các xã, phường, đặc khu",
}
"""How a letter addresses many units of one level at once."""

PLAN_DAYS = 30
"""Days the units get to issue their own plans, counted from the letter's own date."""


def _addressees(profile: Profile) -> tuple[str, ...]:
    if len(profile.units) > 3 and profile.level in GROUPED:
        return (GROUPED[profile.level],)
    return tuple(unit.name for unit in profile.units)


def _drafting_unit(plan: Plan) -> str | None:
    """The drafting unit's code: the last archive unit that is not VT ("VX₃" → "VX3")."""
    codes = [unicodedata.normalize("NFKC", u) for u in plan.recipients.archive]
    units = [c for c in codes if c != "VT" and re.fullmatch(r"[A-ZĐ][A-Za-zĐđ0-9]*", c)]
    return units[-1] if units else None


def _due(date: IssueDate, days: int) -> str:
    """The units' own plans are due ``days`` after the letter itself (not the higher plan,
    which may be years older when a 2021 plan is sent down to the communes of 2025)."""
    if date.month is None or date.day is None:
        return f"trong vòng {days} ngày kể từ ngày ký Công văn này"
    due = date.to_date() + datetime.timedelta(days=days)
    return f"trước ngày {due.day:02d}/{due.month:02d}/{due.year}"


def _deadlines(plan: Plan, profile: Profile) -> list[Deadline]:
    """The units' dates, as their derived plans print them: the plan's moved earlier, else the
    profile's own; none when neither gives any (planforge invents no date)."""
    found = [e.node for e in plan.entries() if isinstance(e.node, Reporting)]
    found += [n for n in plan.closing if isinstance(n, Reporting)]
    days = profile.report_days_earlier or 0
    moved = [earlier(d, days) for d in dated(found)]
    if moved:
        return list(dict.fromkeys(moved))
    return list(profile.reporting.deadlines) if profile.reporting else []


def _reporting(plan: Plan, deadlines: list[Deadline], addressee: str, to: str) -> Reporting:
    issuer = plan.header.issuing_agency.name
    onward = "" if to == issuer else f" để tổng hợp, báo cáo {issuer}"
    text = (
        f"{addressee} báo cáo kết quả thực hiện Kế hoạch về {to} định kỳ "
        f"{describe(deadlines)}{onward}."
    )
    return Reporting(text=text, deadlines=tuple(deadlines), marker=Marker.ARABIC)


def cover_letter(plan: Plan, profile: Profile) -> Letter:
    """The công văn from the plan's issuer asking the profile's units to implement it."""
    header = plan.header
    issuer = header.issuing_agency
    number = header.number.file_form if header.number.serial else "số ……"
    reference = f"{header.document_type.title} số {number}"
    addressees = _addressees(profile)
    whom = addressees[0] if len(addressees) == 1 else "Các cơ quan, đơn vị, địa phương"
    lead = profile.lead_department or issuer.name
    date = header.date.short if header.date.complete else header.date.words
    letter_date = profile.date or IssueDate(header.date.year, header.date.month)
    deadlines = _deadlines(plan, profile)
    opening = (
        f"Ngày {date}, {issuer.name} ban hành {reference} về {header.subject[:1].lower()}"
        f"{header.subject[1:]} (gửi kèm theo). Để Kế hoạch được triển khai kịp thời, "
        f"đồng bộ, {issuer.name} đề nghị:"
    )
    due = _due(letter_date, PLAN_DAYS)
    points = (
        Paragraph(
            marker=Marker.ARABIC,
            text=(
                f"{whom} căn cứ nội dung Kế hoạch và tình hình thực tế, xây dựng và ban hành kế "
                f"hoạch thực hiện của cơ quan, đơn vị, địa phương mình {due}; "
                f"gửi về {lead} để theo dõi."
            ),
        ),
        Paragraph(
            marker=Marker.ARABIC,
            text=(
                "Bố trí nguồn lực, kinh phí thực hiện các nhiệm vụ được giao theo phân cấp ngân "
                "sách hiện hành."
            ),
        ),
    ) + ((_reporting(plan, deadlines, whom, lead),) if deadlines else ())
    closing = (
        Paragraph(
            text=(
                f"{lead} theo dõi, đôn đốc việc triển khai; tổng hợp những khó khăn, vướng mắc, "
                f"báo cáo {issuer.name} xem xét, chỉ đạo."
            )
        ),
    )
    entries = [Recipient(AS_ABOVE)]
    if profile.lead_department:
        entries.append(Recipient(profile.lead_department))
    letter_header = Header(
        document_type=DocumentType.CONG_VAN,
        parent_agency=header.parent_agency,
        issuing_agency=issuer,
        number=DocumentNumber(
            None, issuer.abbreviation or header.number.issuer_code, unit_code=_drafting_unit(plan)
        ),
        place=header.place,
        date=letter_date,
        subject=f"triển khai thực hiện {reference}",
    )
    return Letter(
        header=letter_header,
        addressees=addressees,
        legal_basis=LegalBasis(opening=(opening,)),
        sections=points,
        closing=closing,
        recipients=Recipients(tuple(entries), plan.recipients.archive),
        signature=plan.signature,
    )
