"""Build the section tree from body paragraphs: opening, labelled levels, headings, closing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from planforge.reading.folding import fold, starts_with
from planforge.reading.labels import Label, split_label
from planforge.reading.lines import Line
from planforge.reading.vietnamese import ends_open, ends_sentence, is_caps
from planforge.reading.words import AGENCY_HEADS_LOWER

_RUNIN = re.compile(r"^(?P<title>[^:;.]{2,60}):\s+(?P<text>\S.*)$")
_END_MARK = re.compile(r"\s*\.?\s*/\s*\.\s*$")


@dataclass
class Draft:
    """A body paragraph on its way to becoming a model node.

    ``heading`` marks a headed section (its ``text`` is the title, ``runin``
    the text printed after it); ``maybe`` a labelled title that becomes a
    heading if entries come under it; ``kind``, ``role`` and ``data`` are set
    by classification.
    """

    line: Line
    label: Label | None
    text: str
    heading: bool = False
    maybe: bool = False
    runin: str = ""
    hint: int | None = None
    depth: int = 0
    children: list[Draft] = field(default_factory=list)
    kind: str = "paragraph"
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Body:
    """The body split into its parts, with notes for the warnings."""

    opening: list[Line] = field(default_factory=list)
    entries: list[Draft] = field(default_factory=list)
    closing: list[Line] = field(default_factory=list)
    notes: list[tuple[Line, str]] = field(default_factory=list)


def strip_end_mark(text: str) -> str:
    """The text without the "./." end mark that closes a document.

    Where nothing would be left ("./." alone), the caller keeps the full stop.

    >>> strip_end_mark("… ở cộng đồng./."), strip_end_mark("triển khai thực hiện ./.")
    ('… ở cộng đồng', 'triển khai thực hiện')
    """
    return _END_MARK.sub("", text)


def title_like(text: str) -> bool:
    """Reads as a heading: no sentence-final punctuation, not too long."""
    words = len(text.split())
    if ends_sentence(text):
        return False
    return words <= 45


def draft(line: Line) -> Draft:
    """A paragraph with its label split off and its heading form recognised."""
    label, rest = split_label(line.text, bold_prefix=line.bold)
    item = Draft(line, label, rest, hint=line.heading or None)
    lead = len(line.text) - len(rest)
    bold_rest = line.bold - lead
    if 0 < bold_rest < len(rest) and rest[:bold_rest].strip():
        title, after = rest[:bold_rest].strip(), rest[bold_rest:].strip()
        if title and after:
            item.text, item.runin, item.heading = title, after, True
            return item
    if line.heading is not None or (line.all_bold and (label or title_like(rest))):
        item.heading = True
    elif label is not None and label.level in ("roman", "part", "upper"):
        item.heading = True
    elif is_caps(rest) and len(rest.split()) <= 20 and not ends_sentence(rest):
        item.heading = True
    elif label is not None and label.strong:
        match = _RUNIN.match(rest)
        if match and len(match["title"].split()) <= 6 and not _agency_list(match["title"]):
            item.text, item.runin, item.heading = match["title"] + ":", match["text"], True
        else:
            item.maybe = title_like(rest)
    return item


def _agency_list(title: str) -> bool:
    return starts_with(title, AGENCY_HEADS_LOWER) is not None and "," in title


_CLOSING = tuple(
    fold(phrase)
    for phrase in (
        "Trên đây",
        "Căn cứ nội dung Kế hoạch",
        "Căn cứ Kế hoạch này",
        "Căn cứ vào Kế hoạch này",
        "Căn cứ vào nội dung Kế hoạch",
        "Trong quá trình",
        "Nhận được Kế hoạch",
        "Kế hoạch này",
        "Yêu cầu",
        "Đề nghị các",
        "Đề nghị Thủ trưởng",
        "Chế độ báo cáo",
    )
)


def is_closing(text: str) -> bool:
    """A closing paragraph: speaks to everyone once the duties are given.

    >>> is_closing("Trên đây là Kế hoạch …"), is_closing("Căn cứ chức năng nhiệm vụ, …")
    (True, False)
    """
    key = fold(text)
    if key.startswith(_CLOSING):
        return True
    words = key.split()
    return (
        words[:1] == [fold("các")]
        and starts_with(" ".join(words[1:3]), AGENCY_HEADS_LOWER) is not None
        and (fold("báo cáo") in " ".join(words[:16]))
    )


def build_body(paragraphs: list[Line]) -> Body:
    """Opening, tree of entries and closing of the body paragraphs."""
    body = Body()
    items = _merge_parts([draft(line) for line in paragraphs])
    if items:
        last = items[-1]
        if last.runin:
            last.runin = strip_end_mark(last.runin) or last.runin[:-2]
        else:
            last.text = strip_end_mark(last.text) or (last.text[:-2] if last.label else "")
        items = [item for item in items if item.text or item.runin]
    start = 0
    while start < len(items) and _plain(items[start]):
        body.opening.append(items[start].line.with_text(items[start].text))
        start += 1
    end = len(items)
    labelled = [i for i, item in enumerate(items) if not _plain(item)]
    if labelled:
        for index in range(labelled[-1] + 1, len(items)):
            if is_closing(items[index].text):
                end = index
                break
    body.closing = [item.line.with_text(item.text) for item in items[end:]]
    body.entries = _nest(items[start:end], body)
    return body


def _plain(item: Draft) -> bool:
    return item.label is None and not item.heading


def _merge_parts(items: list[Draft]) -> list[Draft]:
    """Join "Phần I" with its title, and a heading wrapped over two paragraphs."""
    out: list[Draft] = []
    for item in items:
        previous = out[-1] if out else None
        if previous is not None and previous.label is not None and not previous.text:
            if item.label is None:
                previous.text, previous.heading = item.text, True
                continue
        if (
            previous is not None
            and previous.heading
            and not previous.runin
            and item.heading
            and item.label is None
            and not item.runin
            and is_caps(previous.text) == is_caps(item.text)
            and ends_open(previous.text)
        ):
            previous.text = f"{previous.text} {item.text}"
            continue
        out.append(item)
    for item in out:
        if item.label is not None and not item.text:
            item.text, item.label, item.heading = item.label.raw, None, True
    return out


def _nest(items: list[Draft], body: Body) -> list[Draft]:
    """Place each entry under the entry it belongs to, by label level and heading level."""
    root: list[Draft] = []
    stack: list[Draft] = []
    previous: Draft | None = None
    for item in items:
        if item.label is not None:
            parent = _labelled_parent(item, stack)
        elif item.heading:
            parent = _heading_parent(item, stack)
        else:
            if stack and stack[-1] is previous and previous.maybe:
                previous.heading, previous.maybe = True, False
            while stack and not stack[-1].heading:
                stack.pop()  # later entries cannot go under entries above this paragraph
            parent = stack[-1] if stack else None
        siblings = parent.children if parent else root
        item.depth = parent.depth + 1 if parent else 1
        siblings.append(item)
        if item.label is not None or item.heading:
            stack.append(item)
        previous = item
    _settle(root)
    return root


def _labelled_parent(item: Draft, stack: list[Draft]) -> Draft | None:
    assert item.label is not None
    if item.label.level == "part":
        stack.clear()
        return None
    same = next(
        (i for i in range(len(stack) - 1, -1, -1) if _level(stack[i]) == item.label.level), None
    )
    if same is not None:
        del stack[same:]
    elif item.hint:
        while stack and stack[-1].depth >= item.hint:
            stack.pop()
    return stack[-1] if stack else None


def _heading_parent(item: Draft, stack: list[Draft]) -> Draft | None:
    if item.hint:
        while stack and stack[-1].depth >= item.hint:
            stack.pop()
        return stack[-1] if stack else None
    if is_caps(item.text):
        stack.clear()
        return None
    while stack and not stack[-1].heading:
        stack.pop()
    return stack[-1] if stack else None


def _level(item: Draft) -> str:
    return item.label.level if item.label is not None else "heading"


def _settle(entries: list[Draft]) -> None:
    """A labelled title with entries under it is a heading; without, a paragraph."""
    for item in entries:
        if item.maybe:
            item.heading = bool(item.children)
            item.maybe = False
        _settle(item.children)
