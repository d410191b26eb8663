"""Horizontal lines drawn as shapes (DrawingML, VML) in a paragraph, with their widths."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from planforge.checking.wordml.ooxml import OFFICE, WP, A, V, measure

__all__ = ["drawn_lines_mm"]


def drawn_lines_mm(p: Element) -> tuple[float, ...]:
    """Widths of the horizontal lines drawn in a paragraph: DrawingML first, else VML.

    Word writes a shape twice (``mc:Choice`` DrawingML, ``mc:Fallback`` VML); the
    VML copy counts only when there is no DrawingML one.
    """
    found = [
        _emu_mm(extent)
        for anchor in p.iter()
        if anchor.tag in (WP + "anchor", WP + "inline")
        and _is_line_shape(anchor)
        and (extent := anchor.find(WP + "extent")) is not None
    ]
    if found:
        return tuple(found)
    return tuple(width for shape in p.iter() if (width := _vml_line_mm(shape)) is not None)


def _is_line_shape(anchor: Element) -> bool:
    geometry = next(anchor.iter(A + "prstGeom"), None)
    name = geometry.get("prst", "") if geometry is not None else ""
    return name == "line" or name.endswith("Connector1")


def _emu_mm(extent: Element) -> float:
    return int(extent.get("cx", "0")) / 36000


def _vml_line_mm(shape: Element) -> float | None:
    """Width of a VML ``v:line`` (from/to) or of a flat connector shape (style width)."""
    if shape.tag == V + "line":
        start = _vml_point(shape.get("from", "0,0"))
        end = _vml_point(shape.get("to", "0,0"))
        return abs(end[0] - start[0]) * 25.4 / 72 if abs(end[1] - start[1]) < 2 else None
    if shape.tag == V + "shape" and (shape.get(OFFICE + "connectortype") or "").startswith(
        "straight"
    ):
        style = dict(
            item.split(":", 1) for item in (shape.get("style") or "").split(";") if ":" in item
        )
        width = measure(style.get("width"), per_pt=1)
        return width * 25.4 / 72 if width is not None else None
    return None


def _vml_point(value: str) -> tuple[float, float]:
    """A VML point such as ``"0,0"`` or ``"4.25pt,0"`` in points."""
    parts = [*(measure(part.strip(), per_pt=1) or 0.0 for part in value.split(",")[:2]), 0.0, 0.0]
    return parts[0], parts[1]
