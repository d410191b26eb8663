"""A line of a source as the reader sees it: clean text, where it came from, bold and style."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace

_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_CELL_SPLIT = re.compile(r"\s*\|\s*|\t+|\s{3,}")


@dataclass(frozen=True)
class Line:
    """One line (or one paragraph of a Word document) with its formatting.

    ``text`` is NFC with single spaces and no markup; ``bold`` is the length of
    its bold prefix (``len(text)`` when the whole line is bold); ``heading`` is
    the heading level of its style or Markdown marks (0: a heading of unknown
    level); ``cell`` is (table, row, column) for a table cell; ``unit`` numbers
    the source's paragraphs (a Word paragraph, or a block between blank lines),
    so that lines of one unit may be re-joined; ``line`` is the first line of
    a text file it comes from; ``cells`` the parts of a flattened table row
    ("A | B", tabs, wide gaps), kept for the header and the signature;
    ``gap`` tells that an empty line or paragraph comes just before it;
    ``number`` is its paragraph number in the source, set once the
    paragraphs are known (the Word paragraph, or the re-joined paragraph of
    a text file); ``landscape`` tells the page orientation of a Word
    document's section (None: not known).
    """

    text: str
    unit: int
    line: int | None = None
    bold: int = 0
    heading: int | None = None
    cell: tuple[int, int, int] | None = None
    centered: bool = False
    cells: tuple[str, ...] = ()
    gap: bool = False
    number: int = 0
    landscape: bool | None = None

    @property
    def all_bold(self) -> bool:
        """Whether the whole line is bold."""
        return bool(self.text) and self.bold >= len(self.text)

    def with_text(self, text: str, bold: int | None = None) -> Line:
        """The same line with other text (and bold prefix)."""
        return replace(self, text=text, bold=self.bold if bold is None else bold, cells=())


def clean_runs(runs: Iterable[tuple[str, bool]]) -> tuple[str, int]:
    """Join (text, bold) runs: NFC, invisible characters removed, spaces collapsed.

    Returns the text and the length of its bold prefix; spaces count as bold
    when they sit between bold characters.

    >>> clean_runs([("  1. Mục\u00a0 đích.", True), (" Tạo sự", False)])
    ('1. Mục đích. Tạo sự', 12)
    """
    chars: list[tuple[str, bool]] = []
    for text, bold in runs:
        text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
        chars.extend((ch, bold) for ch in text)
    out: list[str] = []
    flags: list[bool] = []
    for ch, bold in chars:
        if _SPACE.match(ch) or ch in "\r\n":
            if out and out[-1] != " ":
                out.append(" ")
                flags.append(bold)
            continue
        out.append(ch)
        flags.append(bold)
    while out and out[-1] == " ":
        out.pop()
        flags.pop()
    text = "".join(out)
    prefix = 0
    for index, flag in enumerate(flags):
        if not flag:
            break
        if out[index] != " ":
            prefix = index + 1
    return unicodedata.normalize("NFC", text), prefix


def split_cells(raw: str) -> tuple[str, ...]:
    """The parts of a flattened table row: "A | B", tab-separated, or three spaces apart.

    >>> split_cells("Số: 7851/KH-UBND\\t\\tLâm Đồng, ngày 04 tháng 11 năm 2021")
    ('Số: 7851/KH-UBND', 'Lâm Đồng, ngày 04 tháng 11 năm 2021')
    >>> split_cells("| UBND TỈNH LẠNG SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |")
    ('UBND TỈNH LẠNG SƠN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    """
    parts = [clean_runs([(p, False)])[0] for p in _CELL_SPLIT.split(raw)]
    return tuple(p for p in parts if p)


def is_rule(text: str) -> bool:
    """A drawn line of underscores, dashes or equals signs (layout, not wording)."""
    stripped = text.replace(" ", "")
    if stripped and set(stripped) == {"_"}:
        return True
    return len(stripped) >= 3 and set(stripped) <= set("_-–—=─━*.")


def is_header_rule(text: str) -> bool:
    """A drawn line in the header, where a web page may flatten the line under the agency
    to a stray dash or two; elsewhere (a signature's title, say) a lone dash is wording."""
    stripped = text.replace(" ", "")
    return is_rule(text) or (0 < len(stripped) <= 2 and set(stripped) <= set("-–—"))
