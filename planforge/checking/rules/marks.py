"""M1–M2: contact block (ô 13) and urgency or circulation marks (ô 10b, 11; PL I, III)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from planforge.checking.document import Document
from planforge.checking.findings import Severity
from planforge.checking.registry import Hit, rule, warning
from planforge.checking.rules._common import PL1, typeface
from planforge.checking.text import key, sizes, within
from planforge.i18n import N_, _

CONTACT = re.compile(r"(Địa chỉ|Điện thoại|ĐT|Fax|E-?mail|Website)\s*:", re.IGNORECASE)


@rule("M1", N_("Address, telephone, e-mail"), f"{PL1}, mục III.4", Severity.WARNING)
def contact(document: Document) -> Iterator[Hit]:
    for index, located in enumerate(document.paragraphs):
        if len(CONTACT.findall(located.text)) < 2:
            continue
        found = sizes(located.paragraph.runs)
        if not within(found, 11, 12):
            yield warning(
                document.where(index),
                _("The address, telephone and e-mail are set in 11–12 pt."),
            )


@rule("M2", N_("Urgency and circulation marks"), f"{PL1}, mục III.2", Severity.WARNING)
def marks(document: Document) -> Iterator[Hit]:
    for piece in document.parts.marks:
        if key(piece.text).startswith("DỰ THẢO"):
            continue
        for hit in typeface(
            document,
            piece,
            N_("The urgency or circulation mark"),
            low=13,
            high=14,
            bold=True,
            caps=True,
        ):
            yield warning(hit.location, hit.message)
        paragraph = piece.paragraph
        if not paragraph.border_bottom and piece.cell is None:
            yield warning(
                document.where(piece),
                _("The urgency or circulation mark must be in a rectangular frame."),
            )
