"""The header of a unit's draft (phần đầu): its agency, number, place, date and subject."""

from __future__ import annotations

import re

from planforge.derivation.context import Context
from planforge.derivation.unit_kind import draft_date
from planforge.model import Agency, DocumentNumber, Header, Plan


def draft_header(context: Context, source: Plan) -> Header:
    """The unit's header (phần đầu): its agency, a blank number, its place and date, and the
    higher plan's type and subject in the unit's terms."""
    unit = context.unit
    date = draft_date(source.header.date, context.profile)
    return Header(
        document_type=source.header.document_type,
        parent_agency=unit.parent,
        issuing_agency=Agency(
            unit.name,
            unit.abbreviation,
            unit.level or context.profile.level,
            unit.place,
            unit.header_lines,
        ),
        number=DocumentNumber(None, unit.abbreviation, type_code=source.header.number.type_code),
        place=unit.place,
        date=date,
        subject=draft_subject(context, source),
    )


def draft_subject(context: Context, source: Plan) -> str:
    """The higher plan's subject in the unit's terms; without its territory when the
    profile says the unit's plan is not a territory's (a department's)."""
    subject = context.rewrite(source.header.subject)
    if context.profile.subject_scope is False:
        subject = re.sub(r"\s+trên địa bàn\b.*$", "", subject)
    return subject
