"""The subject (trích yếu) under the type name: its lines, wrapped or in bold or centred."""

from __future__ import annotations

from planforge.reading.folding import fold
from planforge.reading.labels import split_label
from planforge.reading.lines import Line, is_header_rule
from planforge.reading.vietnamese import ends_open, ends_sentence, is_caps, starts_lower

_BODY_CUES = tuple(
    fold(w) for w in ("Thực hiện", "Căn cứ", "Triển khai", "Nhằm", "Để", "Theo", "Trên cơ sở")
)


_ADDRESSED = fold("Kính gửi")


def read_subject(lines: list[Line], start: int) -> tuple[list[Line], int]:
    """The subject's lines after the type name, and where the body starts."""
    subject: list[Line] = []
    index = start
    while index < len(lines):
        line = lines[index]
        if is_header_rule(line.text):
            index += 1
            if subject:
                break
            continue
        if not subject:
            label = split_label(line.text)[0]
            if fold(line.text).startswith(_ADDRESSED):
                break
            if line.heading is not None or (
                label is not None and label.strong and not line.all_bold
            ):
                break
            subject.append(line)
        elif _continues_subject(subject[-1], line):
            subject.append(line)
        else:
            break
        index += 1
    while index < len(lines) and is_header_rule(lines[index].text):
        index += 1
    return subject, index


def _continues_subject(previous: Line, line: Line) -> bool:
    """Whether ``line`` goes on with the subject: wrapped, bold or centred like it."""
    if split_label(line.text)[0] is not None or is_header_rule(line.text):
        return False
    if is_caps(line.text) and not is_caps(previous.text):
        return False  # the authority of a quyết định ("ỦY BAN NHÂN DÂN TỈNH …"), not the subject
    if fold(line.text).startswith(_ADDRESSED):
        return False
    if (
        previous.heading is None
        and line.heading is None
        and ((previous.all_bold and line.all_bold) or (previous.centered and line.centered))
    ):
        return True
    if previous.cell is None and line.unit != previous.unit:
        return False
    if fold(line.text).startswith(_BODY_CUES) or ends_sentence(previous.text):
        return False
    if previous.text.endswith(":") or line.unit != previous.unit:
        return False
    return starts_lower(line.text) or ends_open(previous.text) or len(line.text.split()) <= 6
