"""S1–S2: signing authority, title and signer's name (ô 7a, 7b; PL I, II.7)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from planforge.checking.document import Document
from planforge.checking.findings import Severity
from planforge.checking.parts import AUTHORITY, AUTHORITY_STRICT, bare
from planforge.checking.pieces import Piece
from planforge.checking.registry import Hit, error, rule, warning
from planforge.checking.rules._common import PL1, grouped, typeface, unknown
from planforge.checking.text import is_caps
from planforge.i18n import N_, _

ACADEMIC = re.compile(r"^(GS|PGS|TS|ThS|TSKH|KS|BS|CN|Ths|Gs|Ts|NGƯT|NGND)\.?\s", re.IGNORECASE)


def _split(block: list[Piece]) -> tuple[list[Piece], Piece | None]:
    """Authority and title lines (caps), and the signer's name (the last other line)."""
    lines = [p for p in block if is_caps(p.runs) and not p.text.startswith("(")]
    names = [p for p in block if not is_caps(p.runs) and not p.text.startswith(("(", "["))]
    return lines, names[-1] if names else None


@rule("S1", N_("Signing authority and title of the signer"), f"{PL1}, mục II.7")
def authority(document: Document) -> Iterator[Hit]:
    block = document.parts.signature
    if not block:
        yield unknown(N_("the signature block (authority, title, signer's name)"))
        return
    lines, name = _split(block)
    if not lines:
        where = document.where(name or block[0])
        yield error(
            where,
            _(
                "The signature block lacks the lines of the signer's authority and title "
                "(in capitals, bold)."
            ),
        )
        return
    yield from grouped(
        hit
        for line in lines
        for hit in typeface(
            document,
            line,
            N_("The signer's authority and title"),
            low=13,
            high=14,
            bold=True,
            caps=True,
        )
    )
    for line in lines:
        if AUTHORITY.match(bare(line.text)) and not AUTHORITY_STRICT.match(bare(line.text)):
            yield error(
                document.where(line),
                _(
                    "The authority prefix must be TM., KT., TL., TUQ. or Q. "
                    "(capitals and a full stop)."
                ),
            )


@rule("S2", N_("Signer's name"), f"{PL1}, mục II.7.c", Severity.WARNING)
def signer(document: Document) -> Iterator[Hit]:
    block = document.parts.signature
    if not block:
        yield unknown(N_("the signature block"))
        return
    name = _split(block)[1]
    if name is None:
        yield warning(
            document.where(block[-1]),
            _("Cannot find the signer's name (normal case, bold) under the title."),
        )
        return
    for hit in typeface(document, name, N_("The signer's name"), low=13, high=14, bold=True):
        yield warning(hit.location, hit.message)
    if ACADEMIC.match(name.text):
        yield warning(
            document.where(name),
            _("No academic title or degree (TS., PGS., ThS., …) goes before the signer's name."),
        )
