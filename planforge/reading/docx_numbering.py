"""Word's automatic numbering (numbering.xml): the label Word shows before a numbered paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree import ElementTree as etree

from planforge.reading.docx_styles import W, parse_xml
from planforge.text.labels import roman

_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass
class Level:
    """One level of a list definition (w:lvl)."""

    start: int = 1
    format: str = "decimal"
    text: str = "%1."
    restart: int | None = None
    legal: bool = False


@dataclass
class Numbering:
    """List definitions and the running counters of a document, in reading order.

    Lists that share a definition (w:abstractNum) share their counters, as in
    Word; a w:startOverride restarts them the first time its list is used.
    """

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    applied: set[tuple[str, int]] = field(default_factory=set)

    @classmethod
    def parse(cls, data: bytes | None) -> Numbering:
        """Read numbering.xml (no lists when there is none)."""
        numbering = cls()
        if not data:
            return numbering
        root = parse_xml(data)
        for element in root.iter(f"{W}abstractNum"):
            levels = {}
            for lvl in element.iter(f"{W}lvl"):
                levels[_int(lvl.get(f"{W}ilvl"), 0)] = _level(lvl)
            numbering.abstract[element.get(f"{W}abstractNumId", "")] = levels
        for element in root.iter(f"{W}num"):
            ref = element.find(f"{W}abstractNumId")
            overrides = {}
            for override in element.iter(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                if start is not None:
                    overrides[_int(override.get(f"{W}ilvl"), 0)] = _int(start.get(f"{W}val"), 1)
            abstract = ref.get(f"{W}val", "") if ref is not None else ""
            numbering.nums[element.get(f"{W}numId", "")] = (abstract, overrides)
        return numbering

    def label(self, num_id: str, level: int) -> str | None:
        """The label of the next paragraph numbered ``num_id`` at ``level``, counting it."""
        if num_id not in self.nums:
            return None
        abstract, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract, {})
        definition = levels.get(level, Level())
        counters = self.counters.setdefault(abstract, {})
        if level in overrides and (num_id, level) not in self.applied:
            self.applied.add((num_id, level))
            counters[level] = overrides[level] - 1
        counters[level] = counters[level] + 1 if level in counters else definition.start
        for deeper in [k for k in counters if k > level]:
            if levels.get(deeper, Level()).restart != 0:
                del counters[deeper]
        if definition.format == "none":
            return ""
        if definition.format == "bullet":
            return "+" if definition.text.strip() == "+" else "-"
        legal = definition.legal

        def value(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            shown = levels.get(index, Level())
            count = counters.get(index, shown.start)
            return _format(count, "decimal" if legal and index != level else shown.format)

        return _PLACEHOLDER.sub(value, definition.text)


def _level(element: etree.Element) -> Level:
    def val(tag: str) -> str | None:
        child = element.find(f"{W}{tag}")
        return None if child is None else child.get(f"{W}val")

    restart = val("lvlRestart")
    text = val("lvlText")
    return Level(
        start=_int(val("start"), 1),
        format=val("numFmt") or "decimal",
        text=text if text is not None else "%1.",
        restart=_int(restart, 1) if restart is not None else None,
        legal=element.find(f"{W}isLgl") is not None,
    )


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _format(count: int, kind: str) -> str:
    """A counter in Word's number formats (decimal, Roman, letters)."""
    if kind in ("upperRoman", "lowerRoman") and count > 0:
        text = roman(count)
        return text if kind == "upperRoman" else text.lower()
    if kind in ("upperLetter", "lowerLetter") and count > 0:
        letter = chr(ord("a") + (count - 1) % 26) * ((count - 1) // 26 + 1)
        return letter.upper() if kind == "upperLetter" else letter
    if kind == "decimalZero":
        return f"{count:02d}"
    return str(count)
