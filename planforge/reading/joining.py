"""Re-join hard-wrapped lines and paragraphs broken by a page into the paragraphs they were."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from planforge.reading.labels import split_label
from planforge.reading.lines import Line
from planforge.reading.vietnamese import (
    ends_open,
    ends_sentence,
    is_caps,
    starts_lower,
    starts_upper,
)

WRAPPED_SHARE = 0.2
"""Share of line pairs that run on, above which a source is read as hard-wrapped."""
SHORT_LINE = 0.7
"""A hard-wrapped line shorter than this share of the width ends its paragraph."""


def join_lines(lines: Sequence[Line]) -> tuple[list[Line], list[int]]:
    """The paragraphs of the body lines, and those joined across a block (a page break).

    Inside a block (a Word paragraph, lines between blank lines) and in a
    hard-wrapped source a new paragraph starts at a label, after a line that
    ends a sentence when a capital follows, after a short line, and where
    capital headings end; elsewhere lines run on. Between blocks only a
    paragraph cut mid-sentence by a page is joined.
    """
    if not lines:
        return [], []
    wrapped = _wrapped(lines)
    width = _width(lines) if wrapped else 0
    # A hard-wrapped source with one line per block (a PDF or text file turned
    # into a Word document) has no blocks worth keeping.
    blockless = wrapped and len({line.unit for line in lines}) > 0.66 * len(lines)
    out = [lines[0]]
    joined: list[int] = []
    tail = lines[0]  # the last source line of the paragraph being built
    for line in lines[1:]:
        if line.unit == tail.unit or blockless:
            keep = _breaks(tail, line, width)
        else:
            keep = not _page_join(out[-1], line)
        if keep:
            out.append(line)
        else:
            out[-1] = _merge(out[-1], line)
            if line.unit != tail.unit and not blockless and len(out) - 1 not in joined:
                joined.append(len(out) - 1)
        tail = line
    return out, joined


def _wrapped(lines: Sequence[Line]) -> bool:
    """A hard-wrapped source: many lines run on into the next one."""
    pairs = list(itertools.pairwise(lines))
    if len(pairs) < 4:
        return False
    running = sum(
        1
        for a, b in pairs
        if not ends_sentence(a.text) and (starts_lower(split_label(b.text)[1]) or ends_open(a.text))
    )
    return running / len(pairs) > WRAPPED_SHARE


def _width(lines: Sequence[Line]) -> int:
    lengths = sorted(len(line.text) for line in lines)
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def _breaks(previous: Line, line: Line, width: int) -> bool:
    """Whether ``line`` starts a new paragraph after ``previous`` in the same block."""
    if line.heading is not None or previous.heading is not None:
        return True
    if previous.all_bold != line.all_bold and line.bold < len(line.text):
        return True
    label, rest = split_label(line.text, bold_prefix=line.bold)
    if label is not None and label.strong:
        return True
    if label is not None:  # a "-" or "+" item, or a dash inside a wrapped phrase
        if ends_sentence(previous.text) or previous.text.endswith(":"):
            return True
        full = width and len(previous.text) >= SHORT_LINE * width
        return not (starts_lower(rest) or full)
    if ends_sentence(previous.text) or previous.text.endswith(":"):
        return starts_upper(line.text)
    if is_caps(previous.text):
        return not is_caps(line.text)
    short = width and len(previous.text) < SHORT_LINE * width
    return bool(short and not ends_open(previous.text) and starts_upper(line.text))


def _page_join(previous: Line, line: Line) -> bool:
    """Whether two blocks are one paragraph cut by a page break."""
    if line.heading is not None or previous.heading is not None:
        return False
    if previous.bold or line.bold or split_label(line.text, bold_prefix=line.bold)[0] is not None:
        return False
    if ends_sentence(previous.text) or previous.text.endswith(":"):
        return False
    if is_caps(previous.text):
        return is_caps(line.text) and ends_open(previous.text)
    if is_caps(line.text):
        return False  # "Theo đề nghị của …," then "QUYẾT ĐỊNH:": capitals start anew
    if len(previous.text.split()) < 6:
        return False
    return starts_lower(line.text) or ends_open(previous.text)


def _merge(previous: Line, line: Line) -> Line:
    text = f"{previous.text} {line.text}"
    bold = previous.bold
    if previous.all_bold:
        bold = len(previous.text) + 1 + line.bold if line.bold else len(previous.text)
    return previous.with_text(text, bold=bold)


def table_rows(lines: Sequence[Line]) -> tuple[list[Line], list[Line]]:
    """Rows of a table in the body as one line each, cells joined by " | "; and those rows.

    A row whose text sits in one column only (a frame around paragraphs) keeps
    its paragraphs.
    """
    out: list[Line] = []
    rows: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        where = line.cell
        if where is None:
            out.append(line)
            index += 1
            continue
        key = where[:2]
        end = index
        while end < len(lines) and _row(lines[end]) == key:
            end += 1
        group = list(lines[index:end])
        columns: dict[int, list[str]] = {}
        for cell in group:
            columns.setdefault(cell.cell[2] if cell.cell else 0, []).append(cell.text)
        if len(columns) == 1:
            out.extend(group)
        else:
            text = " | ".join(" ".join(texts) for texts in columns.values())
            row = line.with_text(text, bold=0)
            out.append(row)
            rows.append(row)
        index = end
    return out, rows


def _row(line: Line) -> tuple[int, int] | None:
    return (line.cell[0], line.cell[1]) if line.cell is not None else None
