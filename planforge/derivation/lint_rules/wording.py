"""Lint rules on the wording of a draft: doubled nouns, self-coordination, placeholders."""

from __future__ import annotations

import re
from collections.abc import Iterator

from planforge.catalogue.queries import bodies, named
from planforge.derivation.lint import Draft, LintFinding, rule

_DOUBLED = re.compile(
    r"(?:^|(?<=các )|(?<=, )|(?<!\w)(?=[A-ZĐ]))((?:\w+[ -]+){0,7}\w+), (?:các )?\1(?!\w)"
)
"""A noun phrase repeated in a list: "các thành phố, thành phố khác", "Phòng Y tế, Phòng Y tế".
It must start an item of the list, so that "học sinh, sinh viên" and "mại dâm, mại dâm trẻ
em" (two phrases that share a word) pass."""
_SCOPE_TWICE = re.compile(r"(?<!\w)(cấp \w+)(?: và| hoặc)[^,;.]{0,30}?(?<!\w)\1(?!\w)")
"""One level named twice in one pairing: "… cấp xã và 50% ở cấp xã"."""
_PLACE_NOUN = "huyện|thành phố|thị xã|quận|xã|phường|thị trấn|đặc khu"
"""Nouns of units: an enumeration of areas that goes on after the unit's name was put in."""
_PLACEHOLDER = re.compile(r"\{\w*\}|\[[^\]]{0,80}\]|…\s*…")


def _finding(code: str, message: str, path: str, words: str) -> LintFinding:
    return LintFinding(code=code, message=message, path=path, words=words)


@rule("L1", "danh từ lặp trong một liệt kê")
def doubled_nouns(draft: Draft) -> Iterator[LintFinding]:
    """ "Phòng Văn hóa - Xã hội, Phòng Văn hóa - Xã hội"; "cấp xã và 50% ở cấp xã"."""
    for item in draft.items:
        for match in _DOUBLED.finditer(item.masked):
            yield _finding(
                "L1",
                f"Danh từ “{match.group(1)}” lặp lại liền nhau trong một liệt kê; "
                "viết lại cả cụm danh từ",
                item.path,
                match.group(0),
            )
        partial = rf"{re.escape(draft.unit)}(?:,| và) (?:{_PLACE_NOUN})(?!\w)[^,;.]*(?:, [^,;.]+)*"
        for match in re.finditer(partial, item.masked):
            yield _finding(
                "L1",
                "Liệt kê dở dang: tên đơn vị đã thay vào một phần của danh sách các đơn vị; "
                "viết lại cả cụm",
                item.path,
                match.group(0),
            )
        for match in _SCOPE_TWICE.finditer(item.masked):
            yield _finding(
                "L1",
                f"“{match.group(1)}” được nêu hai lần trong một vế so sánh; kiểm tra phạm vi",
                item.path,
                match.group(0),
            )


def _coordination(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)phối hợp(?: với)?(?: các)? {re.escape(name)}(?!\w)", re.IGNORECASE)


@rule("L3", "tự phối hợp với chính mình")
def self_coordination(draft: Draft) -> Iterator[LintFinding]:
    """ "Phòng Văn hóa - Xã hội … phối hợp với Phòng Văn hóa - Xã hội"; the unit with its office."""
    offices = [named(b.name, draft.noun) for b in bodies(draft.kind, draft.noun)]
    for item in draft.items:
        if item.kind not in ("text", "closing"):
            continue
        for agency in item.agencies:
            match = _coordination(agency).search(item.masked)
            if match:
                yield _finding(
                    "L3",
                    f"{agency} được giao “phối hợp” với chính mình; gộp nội dung vào nhiệm vụ "
                    "của cơ quan này",
                    item.path,
                    match.group(0),
                )
        if item.own:
            for office in (draft.unit, *offices):
                match = re.match(rf"\s*Phối hợp(?: với)? {re.escape(office)}(?!\w)", item.masked)
                if match:
                    yield _finding(
                        "L3",
                        f"{draft.unit} “phối hợp” với cơ quan của chính mình ({office}); "
                        "giao nhiệm vụ cho cơ quan đó",
                        item.path,
                        match.group(0).strip(),
                    )


@rule("L8", "chỗ trống, ký hiệu thay thế chưa điền")
def placeholders(draft: Draft) -> Iterator[LintFinding]:
    """ "[…]", "{unit}" left in a draft."""
    for item in draft.items:
        for match in _PLACEHOLDER.finditer(item.text):
            yield _finding(
                "L8",
                "Còn chỗ trống hoặc ký hiệu thay thế chưa điền; điền nội dung của đơn vị",
                item.path,
                match.group(0),
            )
