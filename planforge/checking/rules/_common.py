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
from planforge.i18n import _

PL1 = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I"
PL2 = "NĐ 30/2020/NĐ-CP, Phụ lục II"
PL3 = "NĐ 30/2020/NĐ-CP, Phụ lục III"


def missing(document: Document, what: str) -> Hit:
    """An error: a required component is not in the document.

    ``what`` is an English catalogue key marked with ``N_`` by the caller.
    """
    del document
    return error("document", _("Cannot find {what}.").format(what=_(what)))


def unknown(what: str) -> Hit:
    """Not evaluated: the part a rule checks (``N_``-marked ``what``) was not found."""
    return not_evaluated(
        "document", _("Not checked, because {what} cannot be found.").format(what=_(what))
    )


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
    """Errors for a piece whose size, weight, slant or case is not the rule's.

    ``name`` is the part's English catalogue key (``N_``), translated here.
    """
    where = document.where(piece)
    shown = _(name)
    found = sizes(piece.runs)
    if not within(found, low, high):
        span = f"{low:g} pt" if low == high else f"{low:g}–{high:g} pt"
        message = _("{name} must be set in {span}; it is {size}.")
        yield error(where, message.format(name=shown, span=span, size=size_text(found)))
    if bold is True and not all_bold(piece.runs):
        yield error(where, _("{name} must be bold.").format(name=shown))
    if bold is False and any_bold(piece.runs):
        yield error(where, _("{name} must not be bold.").format(name=shown))
    if italic is True and not all_italic(piece.runs):
        yield error(where, _("{name} must be italic.").format(name=shown))
    if italic is False and any_italic(piece.runs):
        yield error(where, _("{name} must be upright, not italic.").format(name=shown))
    if caps is True and not is_caps(piece.runs):
        yield error(where, _("{name} must be in capitals.").format(name=shown))
    if caps is False and is_caps(piece.runs) and len(piece.text) > 3:
        message = _(
            "{name} must be in normal case (only the first letter capital), not all capitals."
        )
        yield error(where, message.format(name=shown))


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
