"""Revised paragraphs remembered: the same bytes as comparing anew, marks numbered on."""

from __future__ import annotations

from typing import Any

from lxml import etree

from planforge.rendering import revision_memo
from planforge.rendering.revision_memo import revised_kept, whole_kept
from planforge.rendering.revisions import Revisions, W, revised, whole

DATE = "2025-07-01T00:00:00Z"


def _paragraph(text: str, bold: bool = False) -> Any:
    properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return etree.fromstring(
        f'<w:p xmlns:w="{W}"><w:pPr><w:jc w:val="both"/></w:pPr>'
        f'<w:r>{properties}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
    )


def _fresh(calls: list[tuple[str, Any, Any]]) -> list[bytes]:
    revisions = Revisions(date=DATE)
    out = []
    for kind, first, second in calls:
        if kind == "revised":
            out.append(etree.tostring(revised(first, second, revisions)))
        else:
            out.append(etree.tostring(whole(first, second, revisions)))
    return out


def _kept(calls: list[tuple[str, Any, Any]]) -> list[bytes]:
    revisions = Revisions(date=DATE)
    out = []
    for kind, first, second in calls:
        if kind == "revised":
            out.append(etree.tostring(revised_kept(first, second, revisions)))
        else:
            out.append(etree.tostring(whole_kept(first, second, revisions)))
    return out


def test_remembered_paragraphs_are_the_ones_compared_anew() -> None:
    revision_memo._kept.clear()
    older = _paragraph("Sở Y tế chủ trì, phối hợp với Sở Tài chính.")
    newer = _paragraph("Phòng Văn hóa - Xã hội chủ trì, phối hợp với Phòng Kinh tế.", bold=True)
    calls = [
        ("revised", older, newer),
        ("delete", _paragraph("Bỏ đoạn này."), "delete"),
        ("revised", older, newer),  # the same pair again: its marks numbered on
        ("revised", older, _paragraph(older.findtext(f".//{{{W}}}t"))),
        ("insert", newer, "insert"),
        ("revised", older, newer),
    ]
    fresh = _fresh(calls)
    assert _kept(calls) == fresh
    assert _kept(calls) == fresh  # now every pair is remembered
    ids = [int(i) for i in etree.fromstring(fresh[-1]).xpath("//@w:id", namespaces={"w": W})]
    assert ids and min(ids) > 1  # the last pair's marks follow the earlier ones


def test_a_different_date_is_compared_anew() -> None:
    older, newer = _paragraph("Sở Y tế"), _paragraph("Phòng Y tế")
    first = etree.tostring(revised_kept(older, newer, Revisions(date=DATE)))
    other = etree.tostring(revised_kept(older, newer, Revisions(date="2026-01-01T00:00:00Z")))
    assert b"2026-01-01" in other and b"2026-01-01" not in first
