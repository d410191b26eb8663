"""Text and Markdown files to lines: markup removed, bold kept, blank-line blocks numbered."""

from __future__ import annotations

import html
import re

from planforge.reading.lines import Line, clean_runs, split_cells

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_QUOTE = re.compile(r"^\s*>\s?")
_BULLET = re.compile(r"^(\s*)[*]\s+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_BOLD = re.compile(r"\*\*|__")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HIDE = 0xF0000
"""Escaped Markdown marks are moved to a private plane while markup is removed."""


def _unhide(text: str) -> str:
    return "".join(chr(ord(c) - _HIDE) if ord(c) >= _HIDE else c for c in text)


def text_lines(text: str, *, markdown: bool) -> list[Line]:
    """The non-empty lines of a text file, numbered by line and by blank-line block.

    Markdown marks (``**``, ``#``, ``>``, links, escapes) are removed in both
    kinds of file, since pasted text carries them too; single-star emphasis
    and HTML entities are read only in .md files. Bold (``**…**``, also over
    several lines) is kept as each line's bold prefix; ``#`` marks make the
    line a heading of unknown level.
    """
    lines: list[Line] = []
    unit = 0
    bold = False
    blank = True
    gap = False
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if markdown:
            raw = html.unescape(_TAG.sub(" ", raw))
        if not raw.strip() or _TABLE_RULE.match(raw) or raw.strip() in ("|", "||"):
            if not raw.strip():
                bold = False
                blank = True
                gap = True
            continue
        if blank:
            unit += 1
            blank = False
        heading = None
        match = _HEADING.match(raw)
        if match:
            heading = 0
            raw = raw[match.end() :]
        raw = _QUOTE.sub("", raw)
        raw = _ESCAPE.sub(lambda m: chr(_HIDE + ord(m.group(1))), raw)  # escaped marks are text
        if markdown:
            raw = _BULLET.sub(r"\1- ", raw)
            raw = _ITALIC.sub(r"\1", raw)
        raw = _LINK.sub(r"\1", raw)
        runs, bold = _bold_runs(raw, bold)
        runs = [(_unhide(part), flag) for part, flag in runs]
        clean, prefix = clean_runs(runs)
        if clean.startswith("|") or clean.endswith("|"):
            trimmed = clean.strip(" |")
            prefix = max(0, min(prefix - (len(clean) - len(clean.lstrip(" |"))), len(trimmed)))
            clean = trimmed
        if not clean:
            continue
        cells = split_cells(_unhide("".join(part for part, _ in runs)))
        lines.append(
            Line(
                text=clean,
                unit=unit,
                line=number,
                bold=min(prefix, len(clean)),
                heading=heading,
                cells=cells if len(cells) > 1 else (),
                gap=gap,
            )
        )
        gap = False
    return lines


def _bold_runs(raw: str, bold: bool) -> tuple[list[tuple[str, bool]], bool]:
    """Split a line at its ``**`` marks; returns the runs and the bold state after it."""
    runs: list[tuple[str, bool]] = []
    position = 0
    for match in _BOLD.finditer(raw):
        runs.append((raw[position : match.start()], bold))
        bold = not bold
        position = match.end()
    runs.append((raw[position:], bold))
    return [(text, flag) for text, flag in runs if text], bold
