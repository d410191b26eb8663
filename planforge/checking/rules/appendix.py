"""A1: appendix headings "Phụ lục I…" (PL I, III.1)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from planforge.checking.document import Document
from planforge.checking.findings import Severity
from planforge.checking.registry import Hit, rule, warning
from planforge.checking.rules._common import PL1, typeface
from planforge.i18n import N_, _

LABEL = re.compile(r"^Phụ lục(\s+(?P<number>\S+))?$", re.IGNORECASE)


@rule("A1", N_("Appendices (“Phụ lục”)"), f"{PL1}, mục III.1", Severity.WARNING)
def appendices(document: Document) -> Iterator[Hit]:
    found = [p for p in document.parts.appendices if LABEL.match(p.text.strip())]
    for piece in found:
        where = document.where(piece)
        if not piece.text.startswith("Phụ lục"):
            message = _("The word “Phụ lục” is in normal case (only the first letter capital).")
            yield warning(where, message)
        for hit in typeface(document, piece, N_("The word “Phụ lục”"), low=14, high=14, bold=True):
            yield warning(hit.location, hit.message)
        if piece.paragraph.alignment != "center":
            yield warning(where, _("The word “Phụ lục” must be centred."))
    numbers = [m["number"] for p in found if (m := LABEL.match(p.text.strip()))]
    if len(found) >= 2 and not all(n and re.fullmatch(r"[IVXLC]+", n) for n in numbers):
        yield warning(
            document.where(found[0]),
            _("With two or more appendices, number them in Roman numerals."),
        )
