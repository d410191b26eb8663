"""Era awareness (thời kỳ): a higher plan older than the units it is derived for.

A plan of 2021 derived for the communes of 2025 names bodies the reform
abolished ("Bộ Lao động - Thương binh và Xã hội") and bodies of another kind of
commune (a ward's "Phòng Kinh tế, Hạ tầng và Đô thị", not a commune's "Phòng
Kinh tế"). The catalogue's ``abolished`` entries of the unit's kind give the
successor; one written ``{lead_department}`` is the province's choice, taken
from its profile. Names with no certain successor are left for the lint to
flag. Cited documents keep their issuers' names: those are history.
"""

from __future__ import annotations

import datetime
import re

import attrs

from planforge.catalogue.queries import abolished, bodies, name_matches, named
from planforge.catalogue.schema import Abolished, UnitKind
from planforge.derivation.lint import mask_citations
from planforge.derivation.rewrite import fill
from planforge.model import Measure
from planforge.model.date import IssueDate

ERA = "thời kỳ"
"""The review kind of a name replaced because it no longer exists in the unit's era."""


@attrs.define
class Successors:
    """Replaces, in every text of a derivation, the names its unit's era no longer has.

    Called by the rewriter after the profile's rules; ``last`` holds the
    replacements of the last call ("A → B (why)") for the review.
    """

    replace: dict[str, tuple[str, str]]
    """Each gone name: its successor and why."""
    keep: tuple[str, ...]
    """The unit's own bodies: a gone name inside one of them is no match."""
    last: list[str] = attrs.field(factory=list)

    def __call__(self, text: str) -> str:
        self.last = []
        masked = mask_citations(text)
        taken: list[tuple[int, int, str | None]] = []
        for words in sorted([*self.replace, *self.keep], key=len, reverse=True):
            for match in name_matches(words, masked):
                if any(s < match.end() and match.start() < e for s, e, _ in taken):
                    continue
                taken.append((match.start(), match.end(), words if words in self.replace else None))
        for start, end, gone in sorted(taken, reverse=True):
            if gone is None:
                continue
            successor, why = self.replace[gone]
            if text[start:end][:1].isupper() and successor[:1].islower():
                successor = successor[:1].upper() + successor[1:]
            text = text[:start] + successor + text[end:]
            self.last.append(f"“{gone}” → “{successor}” ({why})")
        self.last.reverse()
        return text


def _successor(entry: Abolished, successor: str | None, values: dict[str, str]) -> str | None:
    if successor is None:
        return None
    known = {k: v for k, v in values.items() if v}
    if any(f"{{{name}}}" in successor for name in values if name not in known):
        return None  # the province's choice, and its profile does not make it
    return fill(successor, known, f"abolished {entry.name!r}")


def successors(kind: UnitKind, noun: str, values: dict[str, str]) -> Successors:
    """The replacements of ``kind``'s era and of the unit's ``noun`` (a ward's own offices)."""
    replace: dict[str, tuple[str, str]] = {}
    gone = dict(abolished(kind, noun))
    for entry in kind.abolished:
        successor = _successor(entry, gone[entry.name], values)
        if successor is not None:
            note = entry.note or "không còn tồn tại"
            replace[entry.name] = (successor, note)
    own = bodies(kind, noun)
    for body in kind.bodies:
        if body in own:
            continue
        instead = next((b for b in own if set(b.counterparts) & set(body.counterparts)), None)
        if instead is not None:
            why = f"{noun} có {named(instead.name, noun)}"
            replace[named(body.name, noun)] = (named(instead.name, noun), why)
    return Successors(replace, tuple(named(b.name, noun) for b in own))


def _day(date: IssueDate) -> datetime.date:
    return date.first_day


def older_parent(parent: IssueDate, kind: UnitKind) -> str | None:
    """The review's note when the higher plan predates the era of the unit's kind."""
    if kind.valid_from is None:
        return None
    start = datetime.date.fromisoformat(kind.valid_from)
    if _day(parent) >= start:
        return None
    return (
        f"kế hoạch cấp trên ban hành năm {parent.year}, trước thời kỳ của đơn vị "
        f"({kind.title}): tên cơ quan, địa bàn đã thay đổi được thay theo danh mục cấp "
        "hành chính; tên chưa có cơ quan kế thừa chắc chắn được nêu để xem lại"
    )


def gone_population(
    measures: tuple[Measure, ...], text: str, kind: UnitKind, noun: str
) -> str | None:
    """Why a target counted over units the era no longer has does not apply, if it is so.

    "ít nhất 01 địa bàn huyện, thành phố" counts district-level areas; a 2025
    commune has none, and no successor is certain: the target leaves the draft
    with this reason in the review (recorded, not a loosening). A population
    the profile's rules already restated in ``text`` (the derived sentence) is
    the unit's own, and the target stays.
    """
    gone = {name: note for name, note in _gone_without_successor(kind, noun)}
    for measure in measures:
        population = measure.population or ""
        if population not in text:
            continue
        head = re.sub(r"^(?:số |các |địa bàn )+", "", population)
        for name, note in gone.items():
            if re.match(rf"{re.escape(name)}(?!\w)", head):
                return f"đếm theo “{population}”: {note}"
    return None


def _gone_without_successor(kind: UnitKind, noun: str) -> list[tuple[str, str]]:
    successors = dict(abolished(kind, noun))
    return [
        (a.name, a.note or "không còn tồn tại")
        for a in kind.abolished
        if successors[a.name] is None
    ]


def period_over(subject: str, draft: IssueDate) -> str | None:
    """The review's note when the draft is dated after the period its higher plan is for.

    A plan "giai đoạn 2021 - 2025" implemented by the units of 2025 from data is drafted
    in the current month: dated 2026, its targets "đến năm 2025" are already due. The
    clerk decides (a plan for the rest of the period, the next programme's, or none);
    planforge does not move the years.
    """
    found = re.search(r"giai đoạn (\d{4})\s*[-–]\s*(\d{4})", subject)
    if found is None or draft.year is None or draft.year <= int(found.group(2)):
        return None
    return (
        f"dự thảo lập năm {draft.year}, sau giai đoạn {found.group(1)} - {found.group(2)} "
        "của kế hoạch cấp trên: các chỉ tiêu, thời hạn đến năm "
        f"{found.group(2)} đã qua; xem lại ngày ban hành, giai đoạn và chỉ tiêu"
    )
