"""The seed plans (tests/data/seeds) as text to compare the example plan files with.

The seeds are real plans pasted as text: one is Markdown, one a PDF's text with
hard-wrapped lines and "|" table leftovers. :func:`normalise_words` removes
everything that is layout rather than wording, so that two texts compare equal
exactly when every character of every word is the same, in the same order.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
"""The three seed plans, public administrative documents kept inside the repository."""

_HEADING_MARKS = re.compile(r"^[ \t]*#+[ \t]*", re.MULTILINE)
_END_MARK = re.compile(r"\./\.")
_SPACE = re.compile(r"\s+")
_RECIPIENTS = re.compile(r"^[ \t#*]*Nơi nhận", re.MULTILINE)
_ARCHIVE = re.compile(r"^[ \t]*-[ \t]*Lưu[ \t]*:", re.MULTILINE)


def seed_text(name: str) -> str:
    """The seed file ``name`` (e.g. "lam-dong-2021-ke-hoach-7851.txt"), in NFC."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    return unicodedata.normalize("NFC", text)


def normalise_words(text: str) -> str:
    """The words of ``text`` with layout removed: only the characters that are wording.

    Removes Markdown marks (``**``, leading ``#``), the "|" of flattened
    tables, the "./." end mark and every kind of whitespace.

    >>> normalise_words("### **3. Tăng cường**  \\n- kiểm tra ./.")
    '3.Tăngcường-kiểmtra'
    """
    text = unicodedata.normalize("NFC", text)
    text = _HEADING_MARKS.sub("", text)
    text = text.replace("**", "").replace("|", "")
    text = _END_MARK.sub("", text)
    return _SPACE.sub("", text)


def seed_parts(name: str, first_words: str) -> tuple[str, str, str]:
    """The seed cut into header, body and foot (recipients and signature).

    The body runs from the first body paragraph, which starts with
    ``first_words``, up to the "Nơi nhận" line.
    """
    text = seed_text(name)
    start = text.index(first_words)
    stop = _RECIPIENTS.search(text, start)
    assert stop is not None, f"{name} has no 'Nơi nhận' line"
    return text[:start], text[start : stop.start()], text[stop.start() :]


def seed_header(name: str, first_words: str) -> str:
    """The normalised words before the body: number, place and date, type name, subject."""
    return normalise_words(seed_parts(name, first_words)[0])


def seed_body(name: str, first_words: str) -> str:
    """The normalised words of the body, from the first body paragraph to "Nơi nhận"."""
    return normalise_words(seed_parts(name, first_words)[1])


def seed_recipients(name: str, first_words: str) -> list[str]:
    """The recipient lines, "Lưu: …" last, without dash or final punctuation, normalised.

    An entry wrapped over two lines is one entry: entries start with "-".
    """
    foot = seed_parts(name, first_words)[2]
    archive = _ARCHIVE.search(foot)
    assert archive is not None, f"{name} has no 'Lưu:' line"
    end = foot.find("\n", archive.start() + 1)
    block = foot[: len(foot) if end < 0 else end]
    entries: list[str] = []
    for line in block.splitlines()[1:]:
        line = line.strip()
        if not line:
            continue
        if line.startswith("-"):
            entries.append(line[1:])
        else:
            entries[-1] += " " + line
    return [normalise_words(e).rstrip(";.") for e in entries]


def seed_signature(name: str, first_words: str) -> str:
    """The normalised words after the "Lưu: …" line: authority lines, title and name."""
    foot = seed_parts(name, first_words)[2]
    archive = _ARCHIVE.search(foot)
    assert archive is not None, f"{name} has no 'Lưu:' line"
    end = foot.find("\n", archive.start() + 1)
    return normalise_words(foot[end:] if end >= 0 else "")
