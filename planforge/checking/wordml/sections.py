"""Sections: each one's page setup and its page headers and footers (page numbers)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from xml.etree.ElementTree import Element

from planforge.checking.wordml.ooxml import R_ID, W, descend, first_child, is_on, measure, value_of
from planforge.checking.wordml.package import load_package
from planforge.checking.wordml.styles import Styles
from planforge.checking.wordml.walking import Walker, shown_runs

__all__ = ["HeaderInfo", "PageSetup", "header_footer_info", "page_setup"]


@dataclass(frozen=True)
class PageSetup:
    """One section's page: size, orientation and margins in twips (None when not given)."""

    width: int | None
    height: int | None
    orientation: str
    top: int | None
    bottom: int | None
    left: int | None
    right: int | None
    header: int | None
    footer: int | None
    gutter: int | None
    title_pg: bool


@dataclass(frozen=True)
class HeaderInfo:
    """One section's page headers (inherited from earlier sections where Word inherits them).

    ``first_header_empty`` is true when page 1 of the section shows no header content:
    the first-page header is missing or blank. The ``page_field_*`` values describe the
    paragraph of the default header that holds a ``PAGE`` field.
    """

    section: int
    title_pg: bool
    first_header_exists: bool
    first_header_empty: bool
    default_header_exists: bool
    page_field: bool
    page_field_alignment: str | None
    page_field_size_pt: float | None
    first_page_field: bool = False
    """True when the first-page header (shown on page 1 with ``titlePg``) holds a PAGE field."""
    footer_page_field: bool = False
    """True when a footer of the section holds a PAGE field (page numbers at the bottom)."""


def page_setup(path: str | os.PathLike[str]) -> list[PageSetup]:
    """The page setup of each section, in document order."""
    return [_page_setup(section) for section in _sections(load_package(path).document)]


def header_footer_info(path: str | os.PathLike[str]) -> list[HeaderInfo]:
    """The first-page and default headers of each section, in document order."""
    package = load_package(path)
    references: dict[str, str] = {}
    footers: dict[str, str] = {}
    infos = []
    for number, section in enumerate(_sections(package.document)):
        for reference in section.findall(W + "headerReference"):
            references[reference.get(W + "type", "default")] = reference.get(R_ID, "")
        first = package.part(references.get("first"))
        default = package.part(references.get("default"))
        for reference in section.findall(W + "footerReference"):
            footers[reference.get(W + "type", "default")] = reference.get(R_ID, "")
        info = _header_info(number, section, first, default, package.styles)
        in_footer = any(
            part is not None and _page_field(part, package.styles) is not None
            for part in map(package.part, footers.values())
        )
        in_first = first is not None and _page_field(first, package.styles) is not None
        infos.append(replace(info, first_page_field=in_first, footer_page_field=in_footer))
    return infos


def _header_info(
    number: int, section: Element, first: Element | None, default: Element | None, styles: Styles
) -> HeaderInfo:
    field = _page_field(default, styles) if default is not None else None
    return HeaderInfo(
        section=number,
        title_pg=is_on(first_child(section, "titlePg")),
        first_header_exists=first is not None,
        first_header_empty=first is None or _is_blank(first),
        default_header_exists=default is not None,
        page_field=field is not None,
        page_field_alignment=field[0] if field else None,
        page_field_size_pt=field[1] if field else None,
    )


def _sections(document: Element) -> list[Element]:
    """Section properties in order: those ending paragraphs, then the body's last one."""
    body = first_child(document, "body")
    if body is None:
        return []
    inner = [descend(p, "pPr", "sectPr") for p in body.iter(W + "p")]
    return [s for s in [*inner, first_child(body, "sectPr")] if s is not None]


def _page_setup(section: Element) -> PageSetup:
    size = first_child(section, "pgSz")
    margins = first_child(section, "pgMar")
    width, height = _twips(size, "w"), _twips(size, "h")
    orient = size.get(W + "orient") if size is not None else None
    landscape = width is not None and height is not None and width > height
    return PageSetup(
        width=width,
        height=height,
        orientation=orient or ("landscape" if landscape else "portrait"),
        top=_twips(margins, "top"),
        bottom=_twips(margins, "bottom"),
        left=_twips(margins, "left"),
        right=_twips(margins, "right"),
        header=_twips(margins, "header"),
        footer=_twips(margins, "footer"),
        gutter=_twips(margins, "gutter"),
        title_pg=is_on(first_child(section, "titlePg")),
    )


def _twips(element: Element | None, name: str) -> int | None:
    value = measure(element.get(W + name)) if element is not None else None
    return round(value) if value is not None else None


def _is_blank(part: Element) -> bool:
    """True when a header or footer part shows nothing: no text, field or drawing."""
    if any((t.text or "").strip() for t in part.iter(W + "t")):
        return False
    shown = ("fldSimple", "fldChar", "instrText", "drawing", "pict", "object", "sym")
    return not any(next(part.iter(W + tag), None) is not None for tag in shown)


def _page_field(part: Element, styles: Styles) -> tuple[str, float] | None:
    """Alignment and size of the first paragraph of ``part`` holding a PAGE field."""
    for found in Walker(styles).blocks(part):
        run = _page_field_run(found.element)
        if run is not None:
            paragraph = styles.paragraph_format(found.element, found.table)
            direct = first_child(found.element, "pPr")
            chain = styles.chain(value_of(first_child(direct, "pStyle")), "paragraph")
            size = styles.run_format(run, "", found.table, chain).size_pt
            return paragraph.alignment, size
    return None


def _is_page(instruction: str) -> bool:
    """True for a PAGE field code (not NUMPAGES, not PAGEREF)."""
    return re.match(r"\s*PAGE(?![A-Z])", instruction.upper()) is not None


def _page_field_run(p: Element) -> Element | None:
    """The run showing a PAGE field's result in ``p``, the field's first run, or None."""
    for simple in p.iter(W + "fldSimple"):
        if _is_page(simple.get(W + "instr", "")):
            return next(shown_runs(simple), Element(W + "r"))
    depth, code, first = 0, "", None
    for run in shown_runs(p):
        for child in run:
            kind = child.get(W + "fldCharType") if child.tag == W + "fldChar" else None
            if kind == "begin":
                depth += 1
                code, first = ("", run) if depth == 1 else (code, first)
            elif kind == "end":
                depth -= 1
                if depth == 0 and _is_page(code):
                    return first
            elif child.tag == W + "instrText" and depth == 1:
                code += child.text or ""
            elif child.tag == W + "t" and depth == 1 and _is_page(code) and child.text:
                return run
    return None
