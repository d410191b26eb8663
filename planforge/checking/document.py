"""A document as the rules see it: paragraphs, pages, headers, located parts and kind."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from planforge.checking.formatting import (
    HeaderInfo,
    LocatedParagraph,
    PageSetup,
    header_footer_info,
    page_setup,
    read_paragraphs,
)
from planforge.checking.parts import Parts, locate
from planforge.checking.pdf_layout import Line
from planforge.checking.pieces import Piece
from planforge.model.document_type import DocumentType

__all__ = ["KINDS", "Document", "Layout", "load"]

KINDS = ("auto", "ke-hoach", "cong-van")
"""What ``--type`` accepts: guess from the document, a plan, an official letter."""
WORDS = 6
"""Words of a paragraph quoted in a location."""


@dataclass(frozen=True)
class Layout:
    """The document as LibreOffice prints it: visual lines of the PDF and the page count."""

    lines: list[Line]
    pages: int


@dataclass
class Document:
    """What a rule receives: the read document, its parts and the kind it is judged as."""

    path: Path
    paragraphs: list[LocatedParagraph]
    sections: list[PageSetup]
    headers: list[HeaderInfo]
    parts: Parts
    kind: DocumentType | None
    layout: Layout | None = None
    tables: set[int] = field(default_factory=set)

    @property
    def is_cong_van(self) -> bool:
        """Judged as an official letter (công văn): "V/v", "Kính gửi", no type name."""
        return self.kind is DocumentType.CONG_VAN

    def where(self, target: Piece | int) -> str:
        """A location a clerk can find: paragraph number, cell, first words of the text."""
        index = target if isinstance(target, int) else target.index
        located = self.paragraphs[index]
        text = target.text if isinstance(target, Piece) else located.text
        words = " ".join(text.split()[:WORDS])
        if len(text.split()) > WORDS:
            words += "…"
        place = f"paragraph {index + 1}"
        if located.location[0] == "table":
            _, table, row, column, _ = located.location
            place += f" (table {table + 1}, row {row + 1}, cell {column + 1})"
        return f'{place} "{words}"' if words else place


def load(path: str | os.PathLike[str], kind: str = "auto") -> Document:
    """Read a .docx and locate its parts; raises ``PlanforgeError`` when it cannot be read."""
    paragraphs = read_paragraphs(path)
    parts = locate(paragraphs)
    tables = {p.cell[0] for p in paragraphs if p.cell is not None}
    return Document(
        path=Path(path),
        paragraphs=paragraphs,
        sections=page_setup(path),
        headers=header_footer_info(path),
        parts=parts,
        kind=_kind(parts, kind),
        tables=tables,
    )


def _kind(parts: Parts, kind: str) -> DocumentType | None:
    """The kind asked for, or the one the type name, "V/v" or "Kính gửi" show."""
    if kind == "ke-hoach":
        return DocumentType.KE_HOACH
    if kind == "cong-van":
        return DocumentType.CONG_VAN
    if parts.type_name is not None:
        return parts.document_type  # None: a type Phụ lục III does not list ("PHIẾU TRÌNH")
    if parts.about or parts.kinh_gui:
        return DocumentType.CONG_VAN
    return None
