"""The tracked-changes copy of a draft (bản theo dõi thay đổi): the parent's words, revised.

Both plans are rendered by planforge, so their documents share one template:
the paragraphs and tables of the parent's body are aligned with the draft's
(same text first, then the most alike), and every pair becomes one paragraph
carrying the Word revisions of :mod:`.revisions`.  A paragraph only the parent
has is deleted, one only the draft has is inserted; a table keeps its cells
when both documents have it with the same rows and cells.  The result is the
draft's package (styles, fonts, page set-up) with its body so revised: accepting
every change in Word or LibreOffice gives the draft, rejecting every change the
parent.
"""

from __future__ import annotations

import copy
import datetime
import difflib
import io
import os
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lxml import etree

from planforge.files import atomic_path
from planforge.rendering.package import ZIP_TIME, write_reproducible
from planforge.rendering.revision_memo import revised_kept, whole_kept
from planforge.rendering.revisions import Revisions, text_of, w

ALIKE = 0.4
"""Two paragraphs this alike in words (shared words over all words) are one, revised."""

_WORD = re.compile(r"[\w\u0300-\u036f]+")

Pair = tuple[Any | None, Any | None]


def track_changes(parent: bytes, draft: bytes, date: datetime.date) -> bytes:
    """The draft's .docx whose body is the parent's, revised into the draft's.

    ``parent`` and ``draft`` are .docx files rendered by planforge; ``date`` is
    written on every revision (a fixed one: the same draft gives the same bytes).
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in _entries(parent, draft, date):
            out.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def render_changes(
    parent: bytes, draft: bytes, out: str | os.PathLike[str], date: datetime.date
) -> Path:
    """Write :func:`track_changes` of ``parent`` and ``draft`` to ``out``, atomically.

    The file is written once, as :func:`~.package.make_reproducible` rewrites one.
    """
    target = Path(out)
    entries = _entries(parent, draft, date)
    with atomic_path(target) as temporary:
        write_reproducible(temporary, entries)
    return target


_parent: tuple[bytes, Any] | None = None
"""The last parent read, with its parsed document: a batch compares every draft with it."""


def _parent_document(parent: bytes) -> Any:
    """The parsed ``word/document.xml`` of ``parent`` (only read, never changed)."""
    global _parent
    if _parent is None or _parent[0] != parent:
        with zipfile.ZipFile(io.BytesIO(parent)) as package:
            _parent = (parent, etree.fromstring(package.read("word/document.xml")))
    return _parent[1]


def _entries(parent: bytes, draft: bytes, date: datetime.date) -> list[tuple[str, bytes]]:
    """The entries of the tracked-changes copy: the draft's, its body revised."""
    older = _parent_document(parent)
    revisions = Revisions(date=f"{date.isoformat()}T00:00:00Z")
    entries: list[tuple[str, bytes]] = []
    with zipfile.ZipFile(io.BytesIO(draft)) as package:
        for entry in package.infolist():
            data = package.read(entry)
            if entry.filename == "word/document.xml":
                newer = etree.fromstring(data)
                _revise_body(older.find(w("body")), newer.find(w("body")), revisions)
                data = etree.tostring(
                    newer, xml_declaration=True, encoding="UTF-8", standalone=True
                )
            entries.append((entry.filename, data))
    return entries


def _blocks(container: Any) -> list[Any]:
    return [c for c in container if c.tag in (w("p"), w("tbl"))]


def _revise_body(older: Any, newer: Any, revisions: Revisions) -> None:
    """Replace the paragraphs and tables of ``newer`` (a body or a cell) by the revised ones."""
    merged = _merge(_blocks(older), _blocks(newer), revisions)
    first = next((c for c in newer if c.tag in (w("p"), w("tbl"))), None)
    anchor = etree.Element(w("p"))
    if first is not None:
        first.addprevious(anchor)
    else:  # a body ends with its section properties; a cell has only paragraphs
        properties = newer.find(w("sectPr"))
        if properties is not None:
            properties.addprevious(anchor)
        else:
            newer.append(anchor)
    for block in _blocks(newer):
        if block is not anchor:
            newer.remove(block)
    for block in merged:
        anchor.addprevious(block)
    newer.remove(anchor)


def _merge(older: list[Any], newer: list[Any], revisions: Revisions) -> list[Any]:
    out: list[Any] = []
    for before, after in align(older, newer):
        if before is None:
            out.append(_whole(after, "insert", revisions))
        elif after is None:
            out.append(_whole(before, "delete", revisions))
        elif before.tag == w("tbl"):
            out.append(_table(before, after, revisions))
        else:
            out.append(revised_kept(before, after, revisions))
    return out


def _whole(block: Any, op: str, revisions: Revisions) -> Any:
    if block.tag == w("p"):
        return whole_kept(block, op, revisions)
    table = copy.deepcopy(block)
    for row in table.iter(w("tr")):
        properties = row.find(w("trPr"))
        if properties is None:
            properties = etree.Element(w("trPr"))
            exceptions = row.find(w("tblPrEx"))
            row.insert(1 if exceptions is not None else 0, properties)
        properties.append(revisions.mark("del" if op == "delete" else "ins"))
    for paragraph in list(table.iter(w("p"))):
        paragraph.getparent().replace(paragraph, whole_kept(paragraph, op, revisions))
    return table


def _cells(table: Any) -> list[list[Any]]:
    return [row.findall(w("tc")) for row in table.findall(w("tr"))]


def _table(older: Any, newer: Any, revisions: Revisions) -> Any:
    table = copy.deepcopy(newer)
    for old_row, new_row in zip(_cells(older), _cells(table), strict=True):
        for old_cell, new_cell in zip(old_row, new_row, strict=True):
            _revise_body(old_cell, new_cell, revisions)
    return table


def _key(block: Any) -> str:
    if block.tag == w("tbl"):
        return "\x00table " + repr([len(row) for row in _cells(block)])
    return text_of(block)


def _words(block: Any) -> frozenset[str] | None:
    """The block's words (None for a table): what two paragraphs' likeness is measured on."""
    if block.tag == w("tbl"):
        return None
    return frozenset(_WORD.findall(text_of(block).lower()))


def _similarity(
    older: Any, newer: Any, before: frozenset[str] | None, after: frozenset[str] | None
) -> float:
    if before is None or after is None:
        return 1.0 if before is after is None and _key(older) == _key(newer) else 0.0
    if not before and not after:
        return 1.0
    return len(before & after) / len(before | after)


def align(older: Sequence[Any], newer: Sequence[Any]) -> list[Pair]:
    """Pairs of blocks in printing order: (parent's, draft's); None where one has none.

    Blocks of the same text are paired first; between them, the most alike
    paragraphs (and tables of the same shape) in order; a lone paragraph facing a
    lone paragraph is always one paragraph, revised.
    """
    matcher = difflib.SequenceMatcher(
        None, [_key(b) for b in older], [_key(b) for b in newer], autojunk=False
    )
    out: list[Pair] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += list(zip(older[i1:i2], newer[j1:j2], strict=True))
        else:
            out += _alike(older[i1:i2], newer[j1:j2])
    return out


def _alike(older: Sequence[Any], newer: Sequence[Any]) -> list[Pair]:
    """The most alike blocks paired in order (a longest common subsequence by likeness)."""
    if len(older) == 1 and len(newer) == 1 and older[0].tag == newer[0].tag == w("p"):
        return [(older[0], newer[0])]
    rows, columns = len(older), len(newer)
    score = [[0.0] * (columns + 1) for _ in range(rows + 1)]
    before = [_words(block) for block in older]
    after = [_words(block) for block in newer]
    alike = [
        [_similarity(older[i], newer[j], before[i], after[j]) for j in range(columns)]
        for i in range(rows)
    ]
    for i in range(rows - 1, -1, -1):
        for j in range(columns - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            if alike[i][j] >= ALIKE:
                best = max(best, score[i + 1][j + 1] + alike[i][j])
            score[i][j] = best
    out: list[Pair] = []
    i = j = 0
    while i < rows and j < columns:
        if alike[i][j] >= ALIKE and score[i][j] == score[i + 1][j + 1] + alike[i][j]:
            out.append((older[i], newer[j]))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            out.append((older[i], None))
            i += 1
        else:
            out.append((None, newer[j]))
            j += 1
    out += [(b, None) for b in older[i:]] + [(None, b) for b in newer[j:]]
    return out
