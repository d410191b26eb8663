"""R1–R3: "Nơi nhận" label and list (ô 9b; PL I, II.9)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace

from planforge.checking.document import Document
from planforge.checking.findings import Severity
from planforge.checking.pieces import Piece
from planforge.checking.registry import Hit, error, rule, warning
from planforge.checking.rules._common import PL1, grouped, missing, typeface, unknown
from planforge.i18n import N_, _

LINE = re.compile(r"^- \S.*;$")
ARCHIVE = re.compile(r"^- Lưu:? VT(, ?[^,;]+)*\.$")
""""- Lưu: VT, <unit>." — a unit's abbreviation may hold dots ("P.CNTT", "HC (2)")."""


def _on_the_line(piece: Piece) -> Piece:
    """The piece without its small raised or lowered runs.

    The typist's initials and the number of copies are often added after the archive
    line in subscript or superscript ("- Lưu: VT, TH." and "(02b)" lowered): a note to
    the line, not a part of it, and in a smaller size.
    """
    runs = tuple(run for run in piece.runs if run.vertical == "baseline")
    if len(runs) == len(piece.runs):
        return piece
    text = unicodedata.normalize("NFC", "".join(run.text for run in runs)).strip()
    return replace(piece, runs=runs, text=text)


@rule("R1", N_("Recipients: the label"), f"{PL1}, mục II.9.d")
def label(document: Document) -> Iterator[Hit]:
    found = document.parts.recipients_label
    if found is None:
        yield missing(document, N_("“Nơi nhận:” (recipients) at the end of the document"))
        return
    where = document.where(found)
    if found.text.rstrip() != "Nơi nhận:":
        message = _("Write “Nơi nhận:” in normal case, with a colon; it reads “{text}”.")
        yield error(where, message.format(text=found.text))
    yield from typeface(
        document, found, N_("The label “Nơi nhận”"), low=12, high=12, bold=True, italic=True
    )
    signature = document.parts.signature
    if found.cell is not None and signature and signature[0].cell is not None:
        if found.cell[:2] != signature[0].cell[:2]:
            yield error(
                where,
                _(
                    "“Nơi nhận” must be level with the first line of the signer's authority "
                    "and title."
                ),
            )


def _joined(document: Document) -> list[tuple[str, str]]:
    """(location, text) of each recipient, a line wrapped onto the next paragraph joined."""
    joined: list[tuple[str, str]] = []
    for piece in map(_on_the_line, document.parts.recipients):
        text = " ".join(piece.text.replace("\u00a0", " ").split())
        if joined and not text.startswith(("-", "–", "+", "•")):
            joined[-1] = (joined[-1][0], f"{joined[-1][1]} {text}")
        else:
            joined.append((document.where(piece), text))
    return joined


@rule("R2", N_("Recipients: the list and the “Lưu” line"), f"{PL1}, mục II.9.d")
def recipient_list(document: Document) -> Iterator[Hit]:
    parts = document.parts
    if parts.recipients_label is None:
        yield unknown(N_("“Nơi nhận:”"))
        return
    if not parts.recipients:
        yield error(
            document.where(parts.recipients_label),
            _("There is no list of recipients under “Nơi nhận:”."),
        )
        return
    yield from grouped(
        hit
        for piece in map(_on_the_line, parts.recipients)
        for hit in typeface(
            document, piece, N_("The list of recipients"), low=11, high=11, bold=False
        )
    )
    lines = _joined(document)
    for where, text in lines[:-1]:
        if not LINE.match(text):
            message = _(
                "Each recipient starts with a dash “- ” and ends with a semicolon: “{text}”."
            )
            yield error(where, message.format(text=text))
    where, last = lines[-1]
    if not last.startswith("- Lưu"):
        message = _("The last line of the recipients must be “- Lưu: VT, <đơn vị soạn thảo>.”.")
        yield error(where, message)
    elif not ARCHIVE.match(last):
        message = _(
            "The archive line must read “- Lưu: VT, <đơn vị soạn thảo>.”; it reads “{text}”."
        )
        yield error(where, message.format(text=last))


@rule(
    "R3",
    N_("Recipients of a document with “Kính gửi”: “- Như trên;”"),
    f"{PL1}, mục II.9.b",
    Severity.WARNING,
)
def as_above(document: Document) -> Iterator[Hit]:
    parts = document.parts
    if not parts.kinh_gui or not parts.recipients:
        return
    first = _joined(document)[0]
    if not first[1].startswith("- Như trên"):
        yield warning(
            first[0],
            _("In a document with “Kính gửi”, the first recipient is “- Như trên;” (as above)."),
        )
