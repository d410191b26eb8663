"""Sources and small helpers shared by the rule modules."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from planforge.checking.document import Document
from planforge.checking.findings import Severity
from planforge.checking.pieces import Piece
from planforge.checking.registry import Hit, error, not_evaluated
from planforge.checking.text import (
    all_bold,
    all_italic,
    any_bold,
    any_italic,
    is_caps,
    size_text,
    sizes,
    within,
)

PL1 = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I"
PL2 = "NĐ 30/2020/NĐ-CP, Phụ lục II"
PL3 = "NĐ 30/2020/NĐ-CP, Phụ lục III"


def missing(document: Document, what: str) -> Hit:
    """An error: a required component is not in the document."""
    del document
    return error("document", f"Không tìm thấy {what}.")


def unknown(what: str) -> Hit:
    """Not evaluated: the part a rule checks was not found."""
    return not_evaluated("document", f"Không kiểm tra được vì không tìm thấy {what}.")


def typeface(
    document: Document,
    piece: Piece,
    name: str,
    *,
    low: float,
    high: float,
    bold: bool | None = None,
    italic: bool | None = False,
    caps: bool | None = None,
) -> Iterator[Hit]:
    """Errors for a piece whose size, weight, slant or case is not the rule's."""
    where = document.where(piece)
    found = sizes(piece.runs)
    if not within(found, low, high):
        span = f"{low:g} pt" if low == high else f"{low:g}–{high:g} pt"
        yield error(where, f"{name} phải cỡ chữ {span}, đang là {size_text(found)}.")
    if bold is True and not all_bold(piece.runs):
        yield error(where, f"{name} phải in đậm.")
    if bold is False and any_bold(piece.runs):
        yield error(where, f"{name} không được in đậm.")
    if italic is True and not all_italic(piece.runs):
        yield error(where, f"{name} phải in nghiêng.")
    if italic is False and any_italic(piece.runs):
        yield error(where, f"{name} phải là chữ đứng, không in nghiêng.")
    if caps is True and not is_caps(piece.runs):
        yield error(where, f"{name} phải viết in hoa.")
    if caps is False and is_caps(piece.runs) and len(piece.text) > 3:
        yield error(
            where, f"{name} phải viết chữ thường (chỉ hoa chữ cái đầu), không in hoa toàn bộ."
        )


def first_and_count(document: Document, indexes: Sequence[int]) -> str:
    """ "paragraph 12 "…" and 4 more" for a grouped finding."""
    where = document.where(indexes[0])
    return where + (f" (and {len(indexes) - 1} more)" if len(indexes) > 1 else "")


def grouped(hits: Iterable[Hit]) -> Iterator[Hit]:
    """Hits with one severity and message merged: the first location and how many more."""
    found: dict[tuple[Severity, str], list[str]] = {}
    for hit in hits:
        found.setdefault((hit.severity, hit.message), []).append(hit.location)
    for (severity, message), places in found.items():
        more = f" (and {len(places) - 1} more)" if len(places) > 1 else ""
        yield Hit(severity, places[0] + more, message)
