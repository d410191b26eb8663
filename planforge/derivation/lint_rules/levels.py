"""Lint rules read against the level catalogue: scope, era, bodies and functions of the unit."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from planforge.catalogue.queries import (
    abolished,
    bodies,
    functions_missing,
    name_matches,
    named,
    noun_of,
)
from planforge.derivation.lint import Draft, Item, LintFinding, rule
from planforge.patterns import compile_pattern


def _spans(item: Item, phrases: list[str]) -> Iterator[tuple[str, re.Match[str]]]:
    """Each phrase's matches, longest phrase first, never two on the same words."""
    taken: list[tuple[int, int]] = []
    for words in sorted(phrases, key=len, reverse=True):
        for match in name_matches(words, item.masked):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append(match.span())
            yield words, match


@rule("L4", "phạm vi của cấp trên còn trong văn bản của đơn vị")
def foreign_scope(draft: Draft) -> Iterator[LintFinding]:
    """ "trên địa bàn tỉnh", "các sở, ban, ngành" in a commune's or district's own text."""
    for item in draft.items:
        if item.kind == "recipient":
            continue
        for words, match in _spans(item, list(draft.kind.foreign_scope)):
            yield LintFinding(
                code="L4",
                message=f"“{words}” là phạm vi của cấp trên; viết theo phạm vi của "
                f"{draft.unit} hoặc bỏ",
                path=item.path,
                words=match.group(0),
            )


def _day(iso: str) -> str:
    """ "2025-07-01" → "01/7/2025", as Vietnamese documents write dates."""
    day = datetime.date.fromisoformat(iso)
    return f"{day.day:02d}/{day.month}/{day.year}"


def _other_noun_bodies(draft: Draft) -> dict[str, str | None]:
    """Bodies of the unit's kind that its own noun lacks (a ward has no "Phòng Kinh tế")."""
    own = bodies(draft.kind, draft.noun)
    others: dict[str, str | None] = {}
    for body in draft.kind.bodies:
        if body in own:
            continue
        instead = next((b for b in own if set(b.counterparts) & set(body.counterparts)), None)
        others[named(body.name, draft.noun)] = named(instead.name, draft.noun) if instead else None
    return others


@rule("L5", "tên không còn tồn tại ở thời điểm, cấp của đơn vị")
def era_names(draft: Draft) -> Iterator[LintFinding]:
    """A 2025 commune plan naming "Lao động - Thương binh và Xã hội", "thị trấn", "Huyện ủy"."""
    gone = dict(abolished(draft.kind, draft.noun))
    wrong_noun = _other_noun_bodies(draft)
    keep = {named(b.name, draft.noun) for b in bodies(draft.kind, draft.noun)}
    for item in draft.items:
        for words, match in _spans(item, [*gone, *wrong_noun, *keep]):
            if words in keep:
                continue  # the longest name is a body of the unit: nothing to say
            successor = gone[words] if words in gone else wrong_noun[words]
            where = (
                f"không còn từ {_day(draft.kind.valid_from)}"
                if words in gone and draft.kind.valid_from
                else f"không có ở {draft.noun}"
            )
            advice = f"; thay bằng “{successor}”" if successor else "; ghi cơ quan kế thừa"
            yield LintFinding(
                code="L5",
                message=f"“{words}” {where}{advice}",
                path=item.path,
                words=match.group(0),
            )


@rule("L6", "cơ quan không có ở cấp dưới")
def absent_bodies(draft: Draft) -> Iterator[LintFinding]:
    """Courts and procuracies of communes ("Tòa án nhân dân các xã, phường, thị trấn")."""
    for absent in draft.kind.absent:
        pattern = compile_pattern(absent.pattern)
        for item in draft.items:
            for match in pattern.finditer(item.masked, timeout=1.0):
                yield LintFinding(
                    code="L6",
                    message=f"{match.group(0)}: {absent.note}",
                    path=item.path,
                    words=match.group(0),
                )


@rule("L9", "cấp ủy không đúng với đơn vị")
def party_committee(draft: Draft) -> Iterator[LintFinding]:
    """A city's plan sending a copy to "TT. Huyện ủy".

    The unit's own committee is matched too, longest first, so that a name
    inside it ("Đảng ủy xã" in "Đảng ủy xã đảo") is not taken for another's.
    """
    own = noun_of(draft.kind, draft.noun).party_committee
    wrong = {n.party_committee for n in draft.kind.nouns} - {own}
    for item in draft.items:
        if item.kind != "recipient":
            continue
        for words, match in _spans(item, sorted(wrong | {own})):
            if words == own:
                continue
            yield LintFinding(
                code="L9",
                message=f"{draft.unit} gửi “{words}”; cấp ủy của đơn vị là {own}",
                path=item.path,
                words=match.group(0),
            )


@rule("L10", "chức năng cơ quan không có ở cấp này")
def missing_functions(draft: Draft) -> Iterator[LintFinding]:
    """ "Công an huyện … đề xuất sửa đổi, bổ sung các quy định", a Phòng "thanh tra"."""
    for item in draft.items:
        if item.kind not in ("text", "closing"):
            continue
        subjects = item.agencies or (draft.unit,)
        lacking = [
            {r.id: r for r in functions_missing(s, draft.kind, catalogue=draft.catalogue)}
            for s in subjects
        ]
        common = set.intersection(*(set(r) for r in lacking)) if lacking else set()
        for rule_id in sorted(common):
            function = lacking[0][rule_id]
            if not item.agencies and not function.own_text:
                continue
            match = compile_pattern(function.pattern).search(item.masked, timeout=1.0)
            if match:
                yield LintFinding(
                    code="L10",
                    message=f"{subjects[0]}: {function.reason}",
                    path=item.path,
                    words=match.group(0),
                )
