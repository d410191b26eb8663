"""K1: the "Kính gửi" block of an official letter (ô 9a; PL I, II.9)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from planforge.checking.document import Document
from planforge.checking.registry import Hit, error, rule
from planforge.checking.rules._common import PL1, missing, typeface
from planforge.i18n import N_, _


@rule("K1", N_("Addressees (“Kính gửi”)"), f"{PL1}, mục II.9.d")
def kinh_gui(document: Document) -> Iterator[Hit]:
    block = document.parts.kinh_gui
    if not block:
        if document.is_cong_van:
            yield missing(
                document, N_("“Kính gửi:” and the agencies or organisations the letter is for")
            )
        return
    head, names = block[0], block[1:]
    where = document.where(head)
    if not re.match(r"^Kính gửi:", head.text):
        yield error(where, _("Write “Kính gửi:” in normal case, with a colon."))
    for piece in block:
        yield from typeface(document, piece, N_("“Kính gửi”"), low=13, high=14, bold=None)
    inline = head.text.split(":", 1)[1].strip() if ":" in head.text else ""
    if not names and not inline:
        yield error(where, _("The addressed agency or organisation is missing after “Kính gửi:”."))
    if names:
        texts = [" ".join(p.text.split()) for p in names]
        for piece, text in zip(names[:-1], texts[:-1], strict=True):
            if not text.endswith(";"):
                yield error(
                    document.where(piece),
                    _("Each addressee after “Kính gửi:” ends with a semicolon (;)."),
                )
        if not texts[-1].endswith("."):
            yield error(
                document.where(names[-1]),
                _("The last addressee after “Kính gửi:” ends with a full stop (.)."),
            )
        if len(names) == 1:
            yield error(where, _("A single addressee goes on the same line as “Kính gửi:”."))
