"""Warnings about the body's shape: skipped numbers, a missing level, loose paragraphs."""

from __future__ import annotations

from collections.abc import Sequence

from planforge.i18n import _
from planforge.reading.tree import Body, Draft
from planforge.reading.warnings import Warnings
from planforge.text.labels import VIETNAMESE_LETTERS

_NUMBERED = ("roman", "arabic", "letter", "upper")


def body_warnings(body: Body, warnings: Warnings) -> None:
    """Warn where the body's labels or placement were unsure."""
    entries = body.entries
    top = [e for e in entries if e.label is not None]
    if top and not any(e.label.level in ("roman", "part") for e in top if e.label):
        first = top[0]
        assert first.label is not None
        warnings.add(
            first.line,
            _("no Roman level (I., II.): the top entries are numbered {raw}").format(
                raw=first.label.raw
            ),
        )
    seen_entry = False
    for entry in entries:
        if entry.label is None and not entry.heading and seen_entry:
            warnings.add(entry.line, _("a paragraph outside any section; kept at the top level"))
        seen_entry = seen_entry or entry.label is not None or entry.heading
    _walk(entries, warnings)


def _walk(entries: Sequence[Draft], warnings: Warnings) -> None:
    previous: dict[str, Draft] = {}
    for entry in entries:
        label = entry.label
        if label is not None and label.level in _NUMBERED and label.value is not None:
            before = previous.get(label.level)
            expected = (
                1 if before is None or before.label is None else (before.label.value or 0) + 1
            )
            if label.value != expected:
                what = _name(label.level, expected)
                after = before.label.raw if before is not None and before.label else ""
                if before is None:
                    message = _("the list starts at {raw}, not {expected}")
                elif label.value > expected:
                    message = _("{raw} follows {after}: {expected} is skipped")
                else:
                    message = _("{raw} is out of order (after {after})")
                warnings.add(entry.line, message.format(raw=label.raw, after=after, expected=what))
            previous[label.level] = entry
        if entry.kind == "target" and not entry.data.get("measures"):
            warnings.add(entry.line, _("a target (chỉ tiêu) with no figure: no measures"))
        _walk(entry.children, warnings)


def _name(level: str, value: int) -> str:
    from planforge.text.labels import roman

    if level == "roman":
        return f"{roman(value)}."
    if level == "letter" and value <= len(VIETNAMESE_LETTERS):
        return f"{VIETNAMESE_LETTERS[value - 1]})"
    if level == "upper":
        return f"{chr(64 + value)}."
    return f"{value}."
