"""Recognise the foot (ô 7–9): the recipients with their "Lưu:" line, and the signature block."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planforge.errors import ModelError
from planforge.i18n import _
from planforge.model import AuthorityLine, Recipient
from planforge.reading.lines import Line, is_rule
from planforge.reading.vietnamese import ends_sentence, is_caps

_LABEL = re.compile(r"^(?P<label>(?:Nơi|NƠI)\s+(?:nhận|NHẬN)\s*:?)\s*(?P<rest>.*)$")
_ARCHIVE = re.compile(r"^[-–•+]?\s*Lưu\s*(?::|(?=\s+VT\b))\s*(?P<units>.*?)\s*[.;]?$")
_PREFIX = re.compile(r"^(?:TM|KT|TL|TUQ|Q)\s*\.")
_PREFIX_ANYWHERE = re.compile(r"(?=\b(?:TM|KT|TL|TUQ|Q)\s*\.\s*\S)")
_DASH = re.compile(r"^[-–—•]\s*")
_PURPOSE = re.compile(r"^(?P<name>.*\S)\s*\((?P<purpose>[^()]{1,12})\)$")
_FOOTNOTE = re.compile(r"^(?:[\u00b9\u00b2\u00b3\u2070-\u2079]+|\[\d{1,3}\]|\(\d{1,3}\)|\*+)\s*\S")
_SIGNED = re.compile(r"^\(?\s*(?:đã\s+ký|ĐÃ\s+KÝ|Đã\s+ký)\s*\)?\.?$")
_TITLE_STARTS = ("PHÓ ", "THỨ TRƯỞNG", "CHỦ TỊCH", "GIÁM ĐỐC", "TRƯỞNG ", "CHÁNH ", "BÍ THƯ")


@dataclass
class Foot:
    """What the foot says: recipient lines, archive units, signature lines and name."""

    label: str | None = None
    entries: list[Recipient] = field(default_factory=list)
    archive: str | None = None
    authority: list[AuthorityLine] = field(default_factory=list)
    title: str | None = None
    name: str | None = None
    notes: list[tuple[Line, str]] = field(default_factory=list)
    leftovers: list[Line] = field(default_factory=list)
    first: Line | None = None


def foot_start(lines: list[Line], body_start: int) -> int:
    """Where the foot begins: the last "Nơi nhận" line, or the signature just before it."""
    candidates = [
        index
        for index in range(body_start, len(lines))
        if any(_LABEL.match(piece) for piece in lines[index].cells or (lines[index].text,))
    ]
    listed = [i for i in candidates if any(_archived(line) for line in lines[i : i + 60])]
    label = listed[-1] if listed else (candidates[-1] if candidates else None)
    if label is None:
        for index in range(len(lines) - 1, max(body_start, len(lines) - 12) - 1, -1):
            if _PREFIX.match(lines[index].text) and is_caps(lines[index].text):
                return index
        return len(lines)
    start = label
    for index in range(label - 1, max(body_start, label - 8) - 1, -1):
        text = lines[index].text
        if _PREFIX.match(text) and is_caps(text):
            start = index
        elif not (is_caps(text) or _name_like(text)):
            break
    return start


def _archived(line: Line) -> bool:
    return any(_ARCHIVE.match(piece) for piece in line.cells or (line.text,))


def read_foot(lines: list[Line]) -> Foot:
    """Read recipients and signature from the foot's lines, in any layout.

    Lines (or "|"-separated parts) starting with "-" after "Nơi nhận" are
    recipients, up to the "Lưu:" line; a left table column holds the list, a
    right one the signature; other lines are signature lines, the last of
    them the signer's name when it follows a gap or reads as a name.
    """
    foot = Foot(first=lines[0] if lines else None)
    signature: list[tuple[str, Line]] = []
    listing = False
    archive = _last_archive(lines)
    for line in lines:
        pieces = line.cells or (line.text,)
        for index, piece in enumerate(pieces):
            column = line.cell[2] if line.cell is not None else index
            archived = _ARCHIVE.match(piece)
            if (id(line), index) == archive and archived:
                foot.archive = archived["units"]
                listing = False
                continue
            if is_rule(piece):
                continue
            label = _LABEL.match(piece)
            if label and foot.label is None:
                foot.label = (
                    label["label"] if label["label"].endswith(":") else label["label"] + ":"
                )
                listing = True
                if label["rest"]:
                    listing = _recipient(label["rest"], line, foot)
                continue
            if listing and column == 0 and _is_list_piece(piece, foot):
                listing = _recipient(piece, line, foot)
                continue
            if _FOOTNOTE.match(piece):
                message = "a footnote after the signature; kept at the end of the closing"
                foot.notes.append((line, message))
                foot.leftovers.append(line.with_text(piece))
                continue
            if _SIGNED.match(piece):
                foot.notes.append((line, _("a '(Đã ký)' note of a copy; kept as text")))
                foot.leftovers.append(line.with_text(piece))
                continue
            signature.append((piece, line))
    _signature(signature, foot)
    return foot


def _is_list_piece(piece: str, foot: Foot) -> bool:
    if _DASH.match(piece):
        return True
    if not foot.entries or _PREFIX.match(piece) or is_caps(piece):
        return False
    return not ends_sentence(foot.entries[-1].line) and not foot.entries[-1].line.endswith(",")


def _last_archive(lines: list[Line]) -> tuple[int, int] | None:
    """Where the "Lưu:" line is: the last one in the list's column (others are recipients)."""
    found = None
    for line in lines:
        for index, piece in enumerate(line.cells or (line.text,)):
            column = line.cell[2] if line.cell is not None else index
            if column == 0 and _ARCHIVE.match(piece):
                found = (id(line), index)
    return found


def _recipient(piece: str, line: Line, foot: Foot) -> bool:
    """Add one recipient piece; returns whether the list goes on."""
    if _DASH.match(piece) or not foot.entries:
        text = _DASH.sub("", piece, count=1)
        foot.entries.append(_parse_recipient(text))
    else:
        last = foot.entries.pop()
        foot.entries.append(_parse_recipient(f"{last.line} {piece}"))
    return True


def _parse_recipient(text: str) -> Recipient:
    """ "TT. Tỉnh ủy (b/c);" → name and purpose; the final ";" is layout."""
    body = text.strip()
    if body.endswith((";", ".", ",")) and len(body) > 1:
        body = body[:-1].rstrip()
    match = _PURPOSE.match(body)
    if match:
        return Recipient(match["name"], match["purpose"])
    return Recipient(body or text)


def _signature(pieces: list[tuple[str, Line]], foot: Foot) -> None:
    """Authority lines, title and name from the signature lines in order."""
    lines = [(text, line) for raw, line in pieces for text in _split_flattened(raw)]
    named = [i for i, (text, _) in enumerate(lines) if _name_like(text)]
    if named:
        at = named[-1]
        foot.name = lines[at][0]
        for text, line in lines[at + 1 :]:
            foot.notes.append(
                (line, _("text after the signer's name; kept at the end of the closing"))
            )
            foot.leftovers.append(line.with_text(text))
        lines = lines[:at]
    elif lines:
        text, line = lines[-1]
        if not _PREFIX.match(text) and (line.gap or not is_caps(text)):
            foot.name = text
            lines.pop()
    if len(lines) == 1 and _PREFIX.match(lines[0][0]):
        lines = [(part, lines[0][1]) for part in _split_title(lines[0][0])]
    if not lines:
        return
    texts = [text for text, _ in lines]
    last_prefix = max((i for i, t in enumerate(texts) if _PREFIX.match(t)), default=-1)
    title_from = last_prefix if last_prefix == len(texts) - 1 else last_prefix + 1
    foot.title = " ".join(texts[title_from:])
    groups: list[tuple[str, Line]] = []
    for text, line in lines[:title_from]:
        if _PREFIX.match(text) or not groups:
            groups.append((text, line))
        else:
            groups[-1] = (f"{groups[-1][0]} {text}", groups[-1][1])
    for text, line in groups:
        _authority(text, line, foot)


def _authority(text: str, line: Line, foot: Foot) -> None:
    try:
        authority = AuthorityLine.parse(text)
    except ModelError:
        foot.notes.append(
            (
                line,
                _("{text!r} is not an authority line (TM., KT., …); kept in the title").format(
                    text=text
                ),
            )
        )
        foot.title = f"{text} {foot.title or ''}".strip()
        return
    if any(a.prefix is authority.prefix for a in foot.authority):
        foot.notes.append(
            (
                line,
                _("the authority {prefix} appears twice; kept as text").format(
                    prefix=authority.prefix.value
                ),
            )
        )
        foot.leftovers.append(line.with_text(text))
        return
    foot.authority.append(authority)


def _split_flattened(text: str) -> list[str]:
    """One flattened signature line into its lines: each authority, then the name."""
    words = text.split()
    end = len(words)
    while end > 0 and words[end - 1][:1].isupper() and any(c.islower() for c in words[end - 1]):
        end -= 1
    head, tail = " ".join(words[:end]), " ".join(words[end:])
    if not is_caps(head) or (len(words) - end < 2 and not _PREFIX_ANYWHERE.search(head, 1)):
        return [text]
    parts = [p.strip() for p in _PREFIX_ANYWHERE.split(head) if p.strip()]
    return parts + ([tail] if tail and len(words) - end >= 2 else [])


def _split_title(text: str) -> list[str]:
    """ "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" → the authority line and the title, where they show."""
    first = len(text.split()[0])
    for start in _TITLE_STARTS:
        at = text.find(" " + start, first + 2)
        if at > 0:
            return [text[:at], text[at + 1 :]]
    return [text]


def _name_like(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 7 and all(w[:1].isupper() for w in words) and not is_caps(text)
