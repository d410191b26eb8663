"""Warnings of a reading: which paragraph, what it says, what was unsure about it."""

from __future__ import annotations

from dataclasses import dataclass, field

from planforge.i18n import _
from planforge.reading.lines import Line

EXCERPT = 60
"""How many characters of a paragraph a warning quotes."""


@dataclass(frozen=True, order=True)
class ReadWarning:
    """A warning about one paragraph of the source (``paragraph`` is 1-based; 0: the whole file).

    ``line`` is the line of a text file where the paragraph starts; ``text``
    quotes the paragraph.
    """

    paragraph: int
    message: str
    text: str = ""
    line: int | None = None

    def __str__(self) -> str:
        """ "paragraph 62 (line 127): message “quote”", in the current language."""
        if not self.paragraph:
            where = _("document")
        elif self.line is not None:
            where = _("paragraph {number} (line {line})").format(
                number=self.paragraph, line=self.line
            )
        else:
            where = _("paragraph {number}").format(number=self.paragraph)
        quote = f" “{self.text}”" if self.text else ""
        return f"{where}: {self.message}{quote}"


@dataclass
class Warnings:
    """Collects warnings, one per paragraph and message."""

    items: list[ReadWarning] = field(default_factory=list)

    def add(self, line: Line | None, message: str) -> None:
        """Warn about ``line`` (None: the whole document)."""
        if line is None:
            warning = ReadWarning(0, message)
        else:
            text = line.text if len(line.text) <= EXCERPT else line.text[: EXCERPT - 1] + "…"
            warning = ReadWarning(line.number, message, text, line.line)
        if warning not in self.items:
            self.items.append(warning)

    def sorted(self) -> tuple[ReadWarning, ...]:
        """The warnings in document order."""
        return tuple(sorted(self.items, key=lambda w: w.paragraph))
