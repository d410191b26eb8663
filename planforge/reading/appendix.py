"""Appendices (phụ lục) after the signature: the label, the title, and the task table's rows."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import attrs

from planforge.errors import ModelError
from planforge.i18n import _
from planforge.model import Appendix, DocumentType, Node, TaskRow, task_rows
from planforge.reading.folding import fold
from planforge.reading.lines import Line, is_rule
from planforge.reading.vietnamese import is_caps, sentence_case

_LABEL = re.compile(r"^(?:Phụ lục|PHỤ LỤC|Phụ Lục)(?:\s+(?:số\s+)?[IVXLC\d]+)?\s*[.:]?$")
_REFERENCE = re.compile(r"^\(\s*(?:Ban hành\s+)?kèm theo\b", re.IGNORECASE)
_ISSUER = re.compile(
    r"^\((?:Ban hành )?[Kk]èm theo .+? số \S+ "
    r"(?:ngày \d{1,2}/\d{1,2}/\d{4}|ngày .*?năm \d{4}) của (?P<name>.+)\)$"
)
_COLUMNS = (
    ("task", ("nhiệm vụ", "nội dung", "công việc", "hoạt động")),
    ("lead", ("chủ trì",)),
    ("coordinate", ("phối hợp",)),
    ("time", ("thời gian", "thời hạn")),
    ("output", ("sản phẩm", "kết quả")),
)
_POSITIONS = {1: "task", 2: "lead", 3: "coordinate", 4: "time", 5: "output"}


@dataclass
class Appendices:
    """The appendices read, and the lines that are no part of a task table."""

    appendices: list[Appendix] = field(default_factory=list)
    leftovers: list[Line] = field(default_factory=list)
    notes: list[tuple[Line, str]] = field(default_factory=list)
    issuer: str | None = None
    """The issuing agency as the first reference line "(Kèm theo … của …)" names it."""


def appendix_start(lines: Sequence[Line], start: int) -> int:
    """Where the appendices begin: the first "Phụ lục" line or attached document (or the end)."""
    for index in range(start, len(lines)):
        if _starts(lines, index):
            return index
    return len(lines)


def _starts(lines: Sequence[Line], index: int) -> bool:
    line = lines[index]
    if line.cell is not None:
        return False
    if _LABEL.match(line.text):
        return True
    # A type name right under "Phụ lục" is that appendix's title, not a document of its own.
    return not (index and _LABEL.match(lines[index - 1].text)) and _attached(lines, index)


def _attached(lines: Sequence[Line], index: int) -> bool:
    """A document issued with this one: its type name in capitals ("QUY CHẾ"), then within a
    few lines its reference line "(Ban hành kèm theo Quyết định số …)"."""
    text = lines[index].text
    if not is_caps(text) or DocumentType.from_title(text) is None:
        return False
    return any(_REFERENCE.match(line.text) for line in lines[index + 1 : index + 5])


def read_appendices(lines: Sequence[Line]) -> Appendices:
    """Each "Phụ lục" with its title and its table's rows (a header row is recognised)."""
    out = Appendices()
    blocks: list[list[Line]] = []
    for index, line in enumerate(lines):
        if _starts(lines, index):
            blocks.append([line])
        elif blocks:
            blocks[-1].append(line)
    for block in blocks:
        out.appendices.append(_appendix(block, out))
    return out


def _attachment(block: list[Line], out: Appendices) -> Appendix:
    """An attached document: title up to its reference line, then its paragraphs."""
    label, rest = block[0], block[1:]
    at = next(i for i, line in enumerate(rest) if _REFERENCE.match(line.text))
    issuer = _ISSUER.match(rest[at].text)
    if issuer and out.issuer is None:
        out.issuer = issuer["name"]
    title = " ".join(line.text for line in rest[:at]) or label.text
    return Appendix(
        title=title,
        label=sentence_case(label.text.lower()),
        text=tuple(line.text for line in rest[at + 1 :] if not is_rule(line.text)),
        landscape=False,
    )


def _appendix(block: list[Line], out: Appendices) -> Appendix:
    if not _LABEL.match(block[0].text):
        return _attachment(block, out)
    label, rest = block[0], block[1:]
    title: list[str] = []
    rows: dict[tuple[int, int], dict[int, list[str]]] = {}
    for line in rest:
        if line.cell is not None or line.cells:
            pieces = (
                {line.cell[2]: line.text} if line.cell is not None else dict(enumerate(line.cells))
            )
            key = (line.cell[0], line.cell[1]) if line.cell else (-1, line.number)
            entry = rows.setdefault(key, {})
            for column, piece in pieces.items():
                entry.setdefault(column, []).append(piece)
        elif is_rule(line.text) or _REFERENCE.match(line.text):
            issuer = _ISSUER.match(line.text)
            if issuer and out.issuer is None:
                out.issuer = issuer["name"]
            continue
        elif not rows:
            title.append(line.text)
        else:
            out.notes.append(
                (line, _("text after an appendix's table; kept at the end of the closing"))
            )
            out.leftovers.append(line)
    table = [{k: " ".join(v) for k, v in row.items()} for row in rows.values()]
    names = _header(table[0]) if table else None
    task_rows_read = []
    for cells in table[1:] if names else table:
        values = {name: cells.get(column, "") for column, name in (names or _POSITIONS).items()}
        if not values.get("task"):
            if any(cells.values()):
                out.notes.append((label, _("a table row with no task; kept in the closing")))
                out.leftovers.append(label.with_text(" | ".join(v for v in cells.values() if v)))
            continue
        task_rows_read.append(TaskRow(**values))
    landscape = next((line.landscape for line in block if line.landscape is not None), True)
    return Appendix(
        title=" ".join(title) or label.text, rows=tuple(task_rows_read), landscape=landscape
    )


def _header(row: dict[int, str]) -> dict[int, str] | None:
    """The column of each field, when ``row`` is a header row (STT, Nhiệm vụ, …)."""
    names: dict[int, str] = {}
    for column, text in row.items():
        key = fold(text)
        for name, words in _COLUMNS:
            if name not in names.values() and any(fold(w) in key for w in words):
                names[column] = name
                break
    return names if "task" in names.values() else None


def drawn(
    appendices: list[Appendix], sections: tuple[Node, ...], subject: str, year: int | None
) -> list[Appendix]:
    """Appendices whose first rows are the plan's own task rows: drawn from the assignments."""
    try:
        rows = task_rows(sections, subject, year)
    except ModelError:  # a duty with no words once its final punctuation goes
        return appendices
    if not rows:
        return appendices
    out = []
    for appendix in appendices:
        if appendix.rows[: len(rows)] == rows:
            appendix = attrs.evolve(
                appendix, rows=appendix.rows[len(rows) :], from_assignments=True
            )
        out.append(appendix)
    return out
